"""Fixtures for the Pilot flows in ``tests/ui``.

The app fixtures (``make_app``, ``store_session``, ``wait_until``, ``screen_text`` …) come from
``tests/ui_fixtures.py``, shared with ``tests/snapshots``; helpers a test calls itself
(``text_of``, ``open_app``, ``paste`` …) are in ``tests/ui_helpers.py``. The domain fixtures
(private user folders, ``fake_clock``) are in ``tests/conftest.py``.
"""

from __future__ import annotations

import pyperclip
import pytest
from ui_fixtures import (  # noqa: F401  (fixtures: pytest finds them here by name)
    app_data_dir,
    make_app,
    screen_text_fixture,
    store_session,
    wait_until_fixture,
)

from interview_tui.ui.screens import saving


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A working system clipboard that records what was copied."""
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    return copied


@pytest.fixture
def no_clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """pyperclip finds no copy tool: every copy raises; returns the texts it was given."""
    tried: list[str] = []

    def fail(text: str) -> None:
        tried.append(text)
        raise pyperclip.PyperclipException(
            "Pyperclip could not find a copy/paste mechanism for your system."
        )

    monkeypatch.setattr(pyperclip, "copy", fail)
    return tried


@pytest.fixture
def fast_saves(monkeypatch: pytest.MonkeyPatch) -> None:
    """Save at most every 50 ms and retry every 200 ms (the app: 0.15 s and 5 s)."""
    monkeypatch.setattr(saving, "AUTOSAVE_SECONDS", 0.05)
    monkeypatch.setattr(saving, "RETRY_SECONDS", 0.2)
