"""``<data folder>/exports/followups.ics``: rewritten when a save changes what a calendar shows,
left alone by autosaves of notes, read back with the ``icalendar`` library."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest

from interview_tui.calendar_feed import FEED_NAME, CalendarFeed
from interview_tui.followups import due_items, mark_done
from interview_tui.models import Contact, FollowUp, Session
from interview_tui.service import Workspace
from interview_tui.storage.store import SessionSnapshot, SessionStore


def manual(workspace: Workspace) -> CalendarFeed:
    """The workspace's feed, written only when a test flushes it (no timer)."""
    workspace.calendar = CalendarFeed(workspace.calendar.path, workspace.sessions, delay=-1)
    return workspace.calendar


class Spy:
    def __init__(self, feed: CalendarFeed, monkeypatch: pytest.MonkeyPatch) -> None:
        self.ids: list[str] = []
        real = feed.changed

        def changed(session: Session) -> None:
            self.ids.append(session.id)
            real(session)

        monkeypatch.setattr(feed, "changed", changed)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(root: Path):
    opened = Workspace.open(root)
    yield opened
    opened.close()


def feed_events(root: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical((root / "exports" / FEED_NAME).read_bytes())
    return {str(event["UID"]): event for event in calendar.walk("VEVENT")}


def ada(**changes: object) -> Session:
    session = Session(
        id="20260301-100000-ada001",
        contact=Contact(name="Ada Lovelace", company="Engines"),
        scheduled_at=datetime(2026, 3, 2, 10, 0),
        length_minutes=40,
        followups=[
            FollowUp(kind="thank-you", due=date(2026, 3, 3)),
            FollowUp(kind="check-in", due=date(2026, 6, 2)),
        ],
    )
    return session.model_copy(update=changes)


def test_a_save_with_follow_ups_writes_one_stable_calendar_file(
    workspace: Workspace, root: Path
) -> None:
    feed = manual(workspace)
    workspace.save(ada())
    assert not (root / "exports" / FEED_NAME).exists()  # not inside the save: a moment later
    assert feed.flush()

    events = feed_events(root)
    interview = events["20260301-100000-ada001-interview@interview-tui"]
    assert interview.decoded("DTEND") - interview.decoded("DTSTART") == (
        datetime(2026, 3, 2, 10, 40) - datetime(2026, 3, 2, 10, 0)
    )
    assert {str(e["STATUS"]) for e in events.values()} == {"CONFIRMED"}
    assert len(events) == 3


def ada_written(workspace: Workspace) -> tuple[CalendarFeed, Session]:
    """Ada saved and the feed written: what a later save changes is the next flush's."""
    feed = manual(workspace)
    session = ada()
    workspace.save(session)
    feed.flush()
    return feed, session


def test_a_follow_up_marked_done_stays_in_the_file_as_cancelled(
    workspace: Workspace, root: Path
) -> None:
    feed, session = ada_written(workspace)
    done = session.model_copy(deep=True)
    done.followups[0].done = True
    workspace.save(done)
    assert feed.flush()
    events = feed_events(root)
    assert str(events["20260301-100000-ada001-thank-you-0@interview-tui"]["STATUS"]) == "CANCELLED"
    assert str(events["20260301-100000-ada001-check-in-0@interview-tui"]["STATUS"]) == "CONFIRMED"


def test_autosaves_of_notes_leave_the_calendar_alone(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Workspace.open(root)
    manual(first)
    first.save(ada())
    first.close()  # writes the file

    # A new run: the live screen autosaves the same session many times.
    workspace = Workspace.open(root)
    try:
        spy = Spy(manual(workspace), monkeypatch)
        session = workspace.load(ada().id)
        autosaver = workspace.autosaver()
        for n in range(20):
            session.general_note = f"note {n}"
            autosaver.submit(session)
            assert autosaver.write_pending()
        workspace.save(session)  # leaving the screen: the list row too
        assert spy.ids == []

        session.scheduled_at = datetime(2026, 3, 2, 11, 0)  # moved by an hour
        workspace.save(SessionSnapshot.of(session), update_index=False)
        assert spy.ids == [session.id]
        assert workspace.calendar.flush()
        start = feed_events(root)[f"{session.id}-interview@interview-tui"].decoded("DTSTART")
        assert start == datetime(2026, 3, 2, 11, 0).astimezone(start.tzinfo)
    finally:
        workspace.close()


def test_the_first_write_keeps_follow_ups_done_in_sessions_saved_before(root: Path) -> None:
    earlier = Session(
        id="20250101-090000-grace1",
        contact=Contact(name="Grace Hopper"),
        followups=[FollowUp(kind="thank-you", due=date(2025, 1, 2), done=True)],
    )
    store = SessionStore(root)  # written before this run, or by an older version
    store.save(earlier)
    store.close()
    workspace = Workspace.open(root)
    try:
        feed = manual(workspace)
        workspace.save(ada())
        assert feed.flush()
    finally:
        workspace.close()
    events = feed_events(root)
    assert str(events["20250101-090000-grace1-thank-you-0@interview-tui"]["STATUS"]) == "CANCELLED"
    assert "20260301-100000-ada001-interview@interview-tui" in events


def test_a_deleted_session_leaves_the_calendar(workspace: Workspace, root: Path) -> None:
    feed = manual(workspace)
    workspace.save(ada())
    feed.flush()
    workspace.delete(ada().id)
    assert feed.flush()
    assert feed_events(root) == {}


def test_many_saves_in_a_row_cost_one_write_in_the_background(
    workspace: Workspace, root: Path
) -> None:
    # Long enough that four saves (the first also writes a person) fit in it on a busy machine.
    workspace.calendar = CalendarFeed(workspace.calendar.path, workspace.sessions, delay=0.5)
    for minutes in (30, 35, 40, 45):
        workspace.save(ada(length_minutes=minutes))
    deadline = time.monotonic() + 5
    while workspace.calendar.writes == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    assert workspace.calendar.writes == 1
    interview = feed_events(root)["20260301-100000-ada001-interview@interview-tui"]
    assert (interview.decoded("DTEND") - interview.decoded("DTSTART")).seconds == 45 * 60


def test_a_calendar_that_cannot_be_written_never_fails_the_save(
    workspace: Workspace, root: Path
) -> None:
    feed = manual(workspace)
    (root / "exports").write_text("a file where the folder should be", encoding="utf-8")
    workspace.save(ada())
    assert not feed.flush()
    assert feed.last_error is not None and "followups.ics" in feed.last_error
    assert workspace.load(ada().id).length_minutes == 40
    (root / "exports").unlink()
    assert feed.flush()  # the change was kept for the next try
    assert len(feed_events(root)) == 3


def test_closing_writes_what_is_pending(root: Path) -> None:
    workspace = Workspace.open(root)
    workspace.save(ada())
    workspace.close()
    assert len(feed_events(root)) == 3


def test_mark_done_through_the_due_list_cancels_the_event(workspace: Workspace, root: Path) -> None:
    feed = manual(workspace)
    workspace.save(ada())
    due = due_items(workspace.summaries(), date(2026, 3, 4))
    (item,) = [i for i in due if i.kind == "thank-you"]
    workspace.save(mark_done(workspace.load(ada().id), item, date(2026, 3, 4)))
    assert feed.flush()
    events = feed_events(root)
    assert str(events["20260301-100000-ada001-thank-you-0@interview-tui"]["STATUS"]) == "CANCELLED"


def test_a_call_held_before_its_scheduled_day_is_in_the_calendar_when_it_was_held(
    workspace: Workspace, root: Path
) -> None:
    feed, session = ada_written(workspace)
    held = session.model_copy(
        update={
            "status": "ended",
            "started_at": datetime(2026, 3, 1, 16, 0),
            "ended_at": datetime(2026, 3, 1, 16, 35),
        }
    )
    workspace.save(held)  # holding the call changes what the calendar shows
    assert feed.flush()
    call = feed_events(root)["20260301-100000-ada001-interview@interview-tui"]
    assert call.decoded("DTSTART").replace(tzinfo=None) == datetime(2026, 3, 1, 16, 0)
    assert call.decoded("DTEND").replace(tzinfo=None) == datetime(2026, 3, 1, 16, 35)
