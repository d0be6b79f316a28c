"""Fixtures every layer shares: the domain ones (banks, sessions, store, clock) and the
private user folders no test may leave.

Each layer has a conftest of its own on top of this one: ``tests/ui/conftest.py`` and
``tests/snapshots/conftest.py`` add the app fixtures of ``tests/ui_fixtures.py`` (helpers in
``tests/ui_helpers.py``); ``tests/unit`` and ``tests/reliability`` need no terminal.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interview_tui.clock import FakeClock
from interview_tui.models import Contact, Session
from interview_tui.storage.store import SessionStore

REPO_ROOT = Path(__file__).resolve().parents[1]

BUILTIN_BANKS_DIR = REPO_ROOT / "question_banks"


def pytest_collection_finish(session: pytest.Session) -> None:
    """Speed, not behaviour: the apps under test make short-lived cycles by the hundred
    thousand, and the collector's default pace (a pass every 700 new objects, each going
    through everything the imports left) took a sixth of the suite. What exists once the
    tests are collected is frozen out of its passes, and a pass comes every 10,000."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


# ── Domain fixtures ─────────────────────────────────────────────────────────────────────


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Point the data and config folders at temp folders so no test touches the real ones."""
    data = tmp_path_factory.mktemp("user-data")
    config = tmp_path_factory.mktemp("user-config")
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(data))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(config))
    return {"data": data, "config": config}


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def write_bank(tmp_path: Path) -> Callable[..., Path]:
    """Write bank YAML text to ``tmp_path/<name>`` and return its path."""

    def write(text: str, name: str = "bank.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def make_session() -> Callable[..., Session]:
    """Build a session for a contact; keyword arguments set any Session field."""

    def make(name: str = "Ada Lovelace", company: str = "Analytical Engines", **fields) -> Session:
        return Session(contact=Contact(name=name, company=company), **fields)

    return make


@pytest.fixture
def session_store(tmp_path: Path) -> Iterator[SessionStore]:
    """A writable store on a fresh data folder, closed (lock released) after the test."""
    store = SessionStore(tmp_path / "data")
    yield store
    store.close()


# ── Unsaved copies (tests/unit/test_emergency.py, tests/ui/test_failed_saves.py) ────────────


@pytest.fixture(autouse=True)
def private_unsaved_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Copies of notes that could not be saved go to a temp folder, never the user's cache."""
    folder = tmp_path_factory.mktemp("unsaved")
    monkeypatch.setenv("INTERVIEW_TUI_UNSAVED_DIR", str(folder))
    return folder
