"""Helpers for driving the real app with Pilot, shared by ``tests/ui`` and ``tests/snapshots``.

Tests import them by name (``from ui_helpers import text_of``): pytest puts ``tests/`` on
``sys.path`` for ``tests/conftest.py``, as it does for ``hostile_text``. The fixtures built on
them (``make_app``, ``store_session``, ``wait_until``, ``settle``, ``screen_text`` …) are in
``ui_fixtures.py``, which both of those folders' ``conftest.py`` import.

No fixed sleeps here: every wait is for a condition, polled while the app runs.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.widgets import OptionList, Static

from interview_tui.clock import FakeClock
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage.store import SessionStore
from interview_tui.ui.app import InterviewApp
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.widgets.budget_bar import BudgetBar

# -- waiting -----------------------------------------------------------------------------------


async def wait_until(pilot, condition: Callable[[], object], timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await pilot.pause(0.02)


async def open_app(pilot) -> None:
    """Until the data folder and the banks are open (``app.ready``) and the start screen has
    taken that in."""
    await wait_until(pilot, lambda: pilot.app.ready)
    await pilot.pause()


async def open_live(pilot) -> LiveScreen:
    """Once the app is ready, open the selected (the only) session with ``o``; returns the
    live screen."""
    app = pilot.app
    await open_app(pilot)
    await pilot.press("o")
    await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
    await pilot.pause()
    return app.screen


async def next_tick(pilot, live) -> None:
    """Until the live screen's interval timer has drawn the budget bar from the (fake) clock
    once more: every tick hands the bar a new ``Pace``."""
    bar = live.query_one(BudgetBar)
    before = bar.pace
    await wait_until(pilot, lambda: bar.pace is not before)
    await pilot.pause()


def no_blinking(screen) -> None:
    """Cursors that do not blink, so a picture does not depend on when it is taken."""
    for widget in screen.query("Input, TextArea"):
        widget.cursor_blink = False


async def settle(pilot) -> None:
    """Loaded, animations over, no toasts, no blinking cursors: ready for a snapshot."""
    app = pilot.app
    await wait_until(pilot, lambda: app.ready)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    no_blinking(app.screen)
    app.clear_notifications()
    await pilot.pause()


# -- typing ------------------------------------------------------------------------------------


async def type_text(pilot, text: str) -> None:
    """Type ``text`` into the focused widget key by key, as fast as the app takes keys in.

    ``pilot.press`` waits for the whole process to go idle twice after every key (0.1 s a
    key or more); here a letter, digit or space waits only until the app has handled it, the
    way a quick typist's keys arrive. Other characters go through ``pilot.press``, which knows
    their key names."""
    app = pilot.app
    for character in text:
        if character.isalnum() or character == " ":
            app.post_message(events.Key("space" if character == " " else character, character))
            await pilot.pause(0)
        else:
            await pilot.press(character)
    await pilot.pause()


async def paste(pilot, text: str) -> None:
    """Paste into the focused widget, as a terminal's bracketed paste delivers it: typing
    long texts key by key would make these tests slow for nothing."""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


# -- reading what is shown ---------------------------------------------------------------------


def text_of(screen, selector: str) -> str:
    """What the ``Static`` at ``selector`` shows, as plain text."""
    return str(screen.query_one(selector, Static).render())


def option_texts(widget: OptionList) -> list[str]:
    """Each option's prompt as a string, in list order."""
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


_SVG_ROW_WIDTH = re.compile(r'-line-0">\s*<rect x="0" y="[^"]*" width="([^"]+)"')
_SVG_TEXT = re.compile(
    r'<text class="[^"]*" x="([^"]+)" y="[^"]*" textLength="[^"]*"'
    r' clip-path="url\(#[^)]*-line-(\d+)\)">([^<]*)</text>'
)


def screen_text(app) -> str:
    """The current screen as plain text, one line per terminal row (what a user sees).

    Read from ``App.export_screenshot()``, the SVG the snapshots are made of, so no private
    Textual API is needed: each run of text in it names its row and its column (``x`` in
    cells of a fixed width); blank runs are left out and come back as spaces.
    """
    width, height = app.size
    svg = app.export_screenshot()
    found = _SVG_ROW_WIDTH.search(svg)
    assert found, "no rows in the screenshot"
    cell = float(found[1]) / width
    rows: list[list[tuple[int, str]]] = [[] for _ in range(height)]
    for x, row, escaped in _SVG_TEXT.findall(svg):
        text = html.unescape(escaped.replace("&#160;", " ")).rstrip("\n")  # a row's end
        if text:
            rows[int(row)].append((round(float(x) / cell), text))
    lines = []
    for runs in rows:
        line, used = "", 0
        for column, text in sorted(runs):
            line += " " * (column - used) + text
            used = column + cell_len(text)
        lines.append(line + " " * (width - used))
    return "\n".join(lines)


# -- the app and its data ----------------------------------------------------------------------


class RecordingApp(InterviewApp):
    """The real app, remembering every notification it showed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.messages: list[str] = []

    def notify(self, message, *, title: str = "", **options: Any) -> None:
        self.messages.append(f"{title}: {message}" if title else str(message))
        super().notify(message, title=title, **options)


def recording_app(data_dir: Path) -> RecordingApp:
    """A :class:`RecordingApp` on ``data_dir`` with a clock of its own."""
    return RecordingApp(data_dir=data_dir, clock=FakeClock())


def fixed_agenda() -> tuple[list[AgendaItem], int]:
    """Ten questions with fixed texts, independent of the built-in banks; nine above the cut."""

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


def store_fixed_session(
    data_dir: Path,
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
    """Save a session with the :func:`fixed_agenda` and fixed dates into ``data_dir``.

    ``asked``/``skipped`` are agenda indices; ``notes`` maps an index to its note;
    ``spent`` maps an index to seconds spent. Returns the saved Session.
    """
    agenda, cut = fixed_agenda()
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
    store_sessions(data_dir, session)
    return session


def store_sessions(data_dir: Path, *sessions: Session) -> None:
    """Save ``sessions`` into ``data_dir`` before the app opens it (the lock is released)."""
    db = SessionStore(data_dir)
    try:
        for session in sessions:
            db.save(session)
    finally:
        db.close()
