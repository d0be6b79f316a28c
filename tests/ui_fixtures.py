"""Fixtures for tests that run the real app: ``tests/ui`` and ``tests/snapshots`` import them
into their ``conftest.py``. Built on ``ui_helpers.py``; the domain fixtures they use
(``fake_clock``, the private user folders) are in ``tests/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import ui_helpers

from interview_tui.clock import FakeClock
from interview_tui.ui.app import InterviewApp


@pytest.fixture
def app_data_dir(tmp_path: Path) -> Path:
    """The data folder the app under test reads and writes. (The autouse
    ``private_user_dirs`` already points INTERVIEW_TUI_DATA_DIR at a temp folder too.)"""
    return tmp_path / "app-data"


@pytest.fixture
def make_app(app_data_dir: Path, fake_clock: FakeClock) -> Callable[..., InterviewApp]:
    """Build an ``InterviewApp`` on the test's data folder with the test's fake clock."""

    def make(data_dir: Path | None = None, clock: FakeClock | None = None) -> InterviewApp:
        return InterviewApp(data_dir=data_dir or app_data_dir, clock=clock or fake_clock)

    return make


@pytest.fixture
def store_session(app_data_dir: Path) -> Callable[..., object]:
    """``store_session(session_id, name, company, role, **fields)``: save a session with the
    fixed ten-question agenda into the app's data folder (``ui_helpers.store_fixed_session``)."""

    def store(*args, **kwargs):
        return ui_helpers.store_fixed_session(app_data_dir, *args, **kwargs)

    return store


@pytest.fixture(name="wait_until")
def wait_until_fixture():
    """``await wait_until(pilot, condition)``: let the app run until ``condition()`` holds."""
    return ui_helpers.wait_until


@pytest.fixture(name="settle")
def settle_fixture():
    """``await settle(pilot)``: loaded, animations over, no toasts, no blinking cursors."""
    return ui_helpers.settle


@pytest.fixture(name="no_blinking")
def no_blinking_fixture():
    """``no_blinking(screen)``: cursors that do not blink, so a picture does not depend on
    when it is taken."""
    return ui_helpers.no_blinking


@pytest.fixture(name="screen_text")
def screen_text_fixture():
    """``screen_text(app)``: the current screen as plain text, one line per terminal row."""
    return ui_helpers.screen_text
