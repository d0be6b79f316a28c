"""Shared fixtures.

The first section holds the domain fixtures (banks, sessions, store, clock). UI fixtures
belong in their own section below it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interview_tui.clock import FakeClock
from interview_tui.models import Contact, Session
from interview_tui.storage.store import SessionStore

REPO_ROOT = Path(__file__).resolve().parents[1]

BUILTIN_BANKS_DIR = REPO_ROOT / "question_banks"

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


# ── UI fixtures ─────────────────────────────────────────────────────────────────────────
# Owned by the UI tests (test_app_flow.py, test_live_screen.py, test_snapshots.py). The
# autouse ``private_user_dirs`` fixture above already points INTERVIEW_TUI_DATA_DIR and
# INTERVIEW_TUI_CONFIG_DIR at temp folders; the apps below also get an explicit data folder.


@pytest.fixture
def app_data_dir(tmp_path: Path) -> Path:
    """The data folder the app under test reads and writes."""
    return tmp_path / "app-data"


@pytest.fixture
def make_app(app_data_dir: Path, fake_clock: FakeClock):
    """Build an ``InterviewApp`` on the test's data folder with the test's fake clock."""
    from interview_tui.ui.app import InterviewApp

    def make(data_dir: Path | None = None, clock: FakeClock | None = None) -> InterviewApp:
        return InterviewApp(data_dir=data_dir or app_data_dir, clock=clock or fake_clock)

    return make


def _fixed_agenda():
    """Ten questions with fixed texts, independent of the built-in banks; nine above the cut."""
    from interview_tui.models import AgendaItem

    def item(key, text, phase, minutes, priority, *probes, pinned=False):
        return AgendaItem(
            key=f"fixed/{key}",
            text=text,
            bank="Fixed test bank",
            category="test",
            phase=phase,
            minutes=minutes,
            priority=priority,
            pinned=pinned,
            probes=list(probes),
        )

    items = [
        item(
            "thanks",
            "Thanks for making the time. Does the half hour still work for you?",
            "opening",
            1,
            1,
            "Do you have a hard stop I should watch for?",
            pinned=True,
        ),
        item(
            "drew-you",
            "What drew you to {company} in the first place?",
            "opening",
            2,
            1,
            "Was it the people, the product or the timing?",
        ),
        item(
            "typical-week",
            "What does a typical week look like in your role as {role}?",
            "core",
            5,
            1,
            "Which part of it would you keep if you could keep only one?",
            "How much of it is meetings?",
        ),
        item(
            "skills",
            "Which skills matter most for someone starting out in this field?",
            "core",
            4,
            2,
            "How did you learn them yourself?",
        ),
        item("surprised", "What surprised you most after joining {company}?", "core", 3, 2),
        item(
            "decide",
            "How do teams at {company} decide what to work on next?",
            "core",
            4,
            2,
            "Who has the final word?",
        ),
        item(
            "again",
            "What would you do differently if you started your career again?",
            "core",
            4,
            3,
        ),
        item(
            "who-else",
            "Who else do you think I should talk to?",
            "closing",
            2,
            1,
            "May I mention that you suggested them?",
            pinned=True,
        ),
        item("follow-up", "May I follow up with you in a few weeks?", "closing", 1, 2),
        item(
            "reading",
            "What have you been reading lately that shaped how you work?",
            "core",
            5,
            5,
        ),
    ]
    return items, 9


@pytest.fixture
def store_session(app_data_dir: Path):
    """Save a session with a fixed agenda and fixed dates into the app's data folder.

    ``asked``/``skipped`` are agenda indices; ``notes`` maps an index to its note;
    ``spent`` maps an index to seconds spent. Returns the saved Session.
    """
    from datetime import datetime, timedelta

    from interview_tui.models import Contact

    def store(
        session_id: str,
        name: str,
        company: str = "",
        role: str = "",
        *,
        when: datetime = datetime(2026, 3, 2, 10, 0),
        status: str = "planned",
        asked: tuple[int, ...] = (),
        skipped: tuple[int, ...] = (),
        notes: dict[int, str] | None = None,
        spent: dict[int, float] | None = None,
        general_note: str = "",
        current: int = 0,
        elapsed: float = 0.0,
        length: int = 30,
    ) -> Session:
        agenda, cut = _fixed_agenda()
        for index in asked:
            agenda[index].status = "asked"
            agenda[index].reached = True
        for index in skipped:
            agenda[index].status = "skipped"
            agenda[index].reached = True
        for index, note in (notes or {}).items():
            agenda[index].note = note
        for index, seconds in (spent or {}).items():
            agenda[index].seconds_spent = seconds
        session = Session(
            id=session_id,
            created_at=when - timedelta(days=7),
            scheduled_at=when,
            length_minutes=length,
            contact=Contact(name=name, company=company, role=role),
            contact_status="interviewed" if status != "planned" else "scheduled",
            agenda=agenda,
            cut_index=cut,
            current_index=current,
            elapsed_seconds=elapsed,
            general_note=general_note,
            status=status,
            started_at=when if status != "planned" else None,
            ended_at=when + timedelta(seconds=elapsed) if status == "ended" else None,
        )
        db = SessionStore(app_data_dir)
        try:
            db.save(session)
        finally:
            db.close()
        return session

    return store


@pytest.fixture
def wait_until():
    """``await wait_until(pilot, condition)``: let the app run until ``condition()`` holds."""
    import time

    async def wait(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
            await pilot.pause(0.02)

    return wait


def _no_blinking(screen) -> None:
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False


@pytest.fixture
def no_blinking():
    """``no_blinking(screen)``: cursors that do not blink, so a picture does not depend on
    when it is taken."""
    return _no_blinking


@pytest.fixture
def settle(wait_until):
    """``await settle(pilot)``: loaded, animations over, no toasts, no blinking cursors."""

    async def settle_(pilot) -> None:
        app = pilot.app
        await wait_until(pilot, lambda: app.ready)
        await pilot.wait_for_scheduled_animations()
        await pilot.pause()
        _no_blinking(app.screen)
        app.clear_notifications()
        await pilot.pause()

    return settle_


@pytest.fixture
def screen_text():
    """The current screen as plain text, one line per terminal row (what a user sees)."""
    import io

    from rich.console import Console

    def text(app) -> str:
        width, height = app.size
        console = Console(
            width=width,
            height=height,
            file=io.StringIO(),
            force_terminal=True,
            record=True,
            legacy_windows=False,
            safe_box=False,
        )
        # The same render App.export_screenshot() uses, exported as text instead of SVG.
        console.print(
            app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
        )
        return console.export_text()

    return text


# ── Unsaved copies (tests/unit/test_emergency.py, tests/ui/test_failed_saves.py) ────────────


@pytest.fixture(autouse=True)
def private_unsaved_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Copies of notes that could not be saved go to a temp folder, never the user's cache."""
    folder = tmp_path_factory.mktemp("unsaved")
    monkeypatch.setenv("INTERVIEW_TUI_UNSAVED_DIR", str(folder))
    return folder
