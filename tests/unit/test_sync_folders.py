"""A data folder carried between two machines by a sync tool: two folders edited apart, the
files carried across as Syncthing, Dropbox or iCloud Drive would, and nothing either machine
wrote lost; the calendar feed follows what a sync changed."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date, datetime
from pathlib import Path

import icalendar
import pytest

from interview_tui.calendar_feed import CalendarFeed
from interview_tui.models import AgendaItem, Contact, FollowUp, Session
from interview_tui.person import Interaction
from interview_tui.service import Workspace
from interview_tui.storage import lock
from interview_tui.sync_merge import OTHER_MARK

SYNCTHING = "{id}.sync-conflict-20261130-101500-BBBBBBB.json"
DROPBOX = "{id} (Desktop's conflicted copy 2026-11-30).json"
ICLOUD = "{id} 2.json"


def _session() -> Session:
    return Session(
        contact=Contact(name="Ana Núñez", company="Acme"),
        agenda=[
            AgendaItem(key="b/path", text="How did you get here?"),
            AgendaItem(key="b/day", text="What is a normal day?"),
        ],
        cut_index=2,
    )


def _carry(source: Path, target: Path) -> None:
    """What a sync tool carries: the records, not the caches or the lock."""
    for folder in ("sessions", "people"):
        shutil.copytree(source / folder, target / folder, dirs_exist_ok=True)


@pytest.fixture
def two_machines(tmp_path: Path) -> tuple[Path, Path, Session]:
    """A session prepared on the laptop, carried to the desktop, then edited on both."""
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    session = _session()
    with_laptop = Workspace.open(laptop)
    with_laptop.save(session)
    with_laptop.close()
    _carry(laptop, desktop)

    here = Workspace.open(laptop)
    edited = here.load(session.id)
    edited.agenda[0].note = "Started in audit"
    edited.agenda[0].status = "skipped"
    edited.general_note = "Warm, ask about mentoring"
    here.save(edited)
    here.close()

    there = Workspace.open(desktop)
    other = there.load(session.id)
    other.agenda[0].note = "Then moved to data engineering"
    other.agenda[0].status = "asked"
    other.followups.append(FollowUp(kind="thank-you", due=date(2026, 12, 1)))
    there.save(other)
    person = there.person(other.person_id)
    assert person is not None
    person.interactions.append(Interaction(on=date(2026, 11, 30), kind="call", line="desk"))
    person.phone = "+34 600 000 000"
    there.save_person(person)
    there.close()
    return laptop, desktop, session


def _file(root: Path, session: Session) -> Path:
    return root / "sessions" / f"{session.id}.json"


def _both_edits_are_in(session: Session) -> None:
    first = session.agenda[0]
    assert "Started in audit" in first.note
    assert "Then moved to data engineering" in first.note
    assert OTHER_MARK in first.note
    assert first.status == "asked"
    assert session.general_note == "Warm, ask about mentoring"
    assert [f.kind for f in session.followups] == ["thank-you"]


@pytest.mark.parametrize("named", [SYNCTHING, ICLOUD], ids=["syncthing", "icloud"])
def test_a_conflict_copy_beside_its_original_is_merged_at_open_and_kept_aside(two_machines, named):
    laptop, desktop, session = two_machines
    # Syncthing (and iCloud Drive) keep the laptop's file in place and write the desktop's
    # beside it.
    copy_name = named.format(id=session.id)
    shutil.copy2(_file(desktop, session), laptop / "sessions" / copy_name)

    workspace = Workspace.open(laptop)
    try:
        _both_edits_are_in(workspace.load(session.id))
        assert [row["id"] for row in workspace.summaries()] == [session.id]
        lines = [n for n in workspace.notices if n.startswith("Merged a copy of Ana Núñez's")]
        assert len(lines) == 1
        assert "both notes kept" in lines[0]
        assert f"conflicts/sessions/{copy_name}" in lines[0]
    finally:
        workspace.close()
    assert not (laptop / "sessions" / copy_name).exists()
    kept = json.loads((laptop / "conflicts" / "sessions" / copy_name).read_text())
    assert kept["session"]["1"]["agenda"][0]["note"] == "Then moved to data engineering"


def test_a_dropbox_conflicted_copy_the_other_way_round_is_merged(two_machines):
    laptop, desktop, session = two_machines
    # Dropbox put the desktop's version in place and renamed the laptop's.
    copy_name = DROPBOX.format(id=session.id)
    shutil.copy2(_file(laptop, session), laptop / "sessions" / copy_name)
    shutil.copy2(_file(desktop, session), _file(laptop, session))

    workspace = Workspace.open(laptop)
    try:
        merged = workspace.load(session.id)
        assert "Started in audit" in merged.agenda[0].note
        assert "Then moved to data engineering" in merged.agenda[0].note
        assert merged.general_note == "Warm, ask about mentoring"
        assert merged.followups and merged.agenda[0].status == "asked"
    finally:
        workspace.close()
    assert (laptop / "conflicts" / "sessions" / copy_name).is_file()


def test_a_person_edited_on_both_machines_keeps_both_edits(two_machines):
    laptop, desktop, session = two_machines
    workspace = Workspace.open(laptop)
    person_id = workspace.load(session.id).person_id
    workspace.close()
    original = laptop / "people" / f"{person_id}.json"
    copy = laptop / "people" / f"{person_id}.sync-conflict-20261130-101500-BBBBBBB.json"
    shutil.copy2(desktop / "people" / f"{person_id}.json", copy)
    os.utime(copy, ns=(original.stat().st_mtime_ns + 10**9,) * 2)  # edited later there

    workspace = Workspace.open(laptop)
    try:
        person = workspace.person(person_id)
        assert person is not None
        assert person.phone == "+34 600 000 000"
        assert any(i.line == "desk" for i in person.interactions)
        assert [p.id for p in workspace.people()] == [person_id]
        assert any("Merged a copy of Ana Núñez's record" in n for n in workspace.notices)
    finally:
        workspace.close()
    assert (laptop / "conflicts" / "people" / copy.name).is_file()


def test_a_damaged_conflict_copy_is_kept_and_named(two_machines):
    laptop, _, session = two_machines
    copy_name = SYNCTHING.format(id=session.id)
    (laptop / "sessions" / copy_name).write_text('{"session": {"1": {"id": ')

    workspace = Workspace.open(laptop)
    try:
        assert workspace.load(session.id).agenda[0].note == "Started in audit"
        lines = [n for n in workspace.notices if copy_name in n]
        assert len(lines) == 1
        assert "cannot be read" in lines[0] and "conflicts/sessions/" in lines[0]
    finally:
        workspace.close()
    assert (laptop / "conflicts" / "sessions" / copy_name).read_text().startswith('{"session"')


def test_a_file_replaced_by_a_sync_with_an_older_time_is_read_again(two_machines):
    laptop, desktop, session = two_machines
    workspace = Workspace.open(laptop)
    assert workspace.summaries()[0]["asked"] == 0
    workspace.close()
    # Syncthing keeps the sender's modification time: older than the laptop's index.
    shutil.copy2(_file(desktop, session), _file(laptop, session))
    os.utime(_file(laptop, session), (1_000_000_000, 1_000_000_000))

    workspace = Workspace.open(laptop)
    try:
        assert workspace.summaries()[0]["asked"] == 1
        assert workspace.search("engineering")[0].session_id == session.id
    finally:
        workspace.close()


def test_sessions_that_appear_change_or_go_while_open_are_picked_up(two_machines):
    laptop, desktop, session = two_machines
    workspace = Workspace.open(laptop)
    try:
        assert workspace.check_folder().changed is False
        newcomer = Session(contact=Contact(name="Bo Li"))
        there = Workspace.open(desktop)
        there.save(newcomer)
        there.close()
        shutil.copy2(_file(desktop, newcomer), _file(laptop, newcomer))
        assert workspace.check_folder().changed
        assert {row["name"] for row in workspace.summaries()} == {"Ana Núñez", "Bo Li"}

        shutil.copy2(_file(desktop, session), _file(laptop, session))
        assert workspace.check_folder().changed
        assert [row["asked"] for row in workspace.summaries() if row["id"] == session.id] == [1]
        assert workspace.search("engineering")[0].session_id == session.id

        _file(laptop, newcomer).unlink()
        assert workspace.check_folder().changed
        assert [row["name"] for row in workspace.summaries()] == ["Ana Núñez"]
        assert workspace.check_folder().changed is False
    finally:
        workspace.close()


def test_an_open_session_rewritten_by_a_sync_keeps_both_versions(two_machines):
    laptop, desktop, session = two_machines
    workspace = Workspace.open(laptop)
    try:
        live = workspace.load(session.id)  # open on the laptop
        live.agenda[1].note = "Mostly meetings"
        autosaver = workspace.autosaver()
        autosaver.save_now(live, update_index=False)
        shutil.copy2(_file(desktop, session), _file(laptop, session))  # the sync lands

        live.agenda[1].note = "Mostly meetings, some code"
        autosaver.save_now(live, update_index=False)
        live.general_note += " (later)"
        autosaver.save_now(live)  # the screen still holds its own copy: nothing goes

        stored = workspace.load(session.id)
        assert stored.agenda[1].note == "Mostly meetings, some code"
        assert "Then moved to data engineering" in stored.agenda[0].note
        assert "Started in audit" in stored.agenda[0].note
        assert stored.general_note == "Warm, ask about mentoring (later)"
        assert stored.followups
        lines = workspace.check_folder().lines
        assert len(lines) == 1 and "changed on another machine while it was open" in lines[0]
        assert live.agenda[0].note == "Started in audit"  # the screen's copy is not touched
    finally:
        workspace.close()
    kept = list((laptop / "conflicts" / "sessions").iterdir())
    assert len(kept) == 1 and "changed-elsewhere" in kept[0].name


def test_each_machine_has_its_own_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = tmp_path / "data"
    monkeypatch.setattr(lock.platform, "node", lambda: "laptop.local")
    laptop = Workspace.open(root)
    monkeypatch.setattr(lock.platform, "node", lambda: "desktop")
    desktop = Workspace.open(root)  # the other machine's copy of the folder, as synced
    same_machine = Workspace.open(root)
    try:
        assert not laptop.read_only and not desktop.read_only
        assert same_machine.read_only
        assert {p.name for p in root.glob(".lock*")} == {".lock-laptop", ".lock-desktop"}
        assert (root / ".lock-laptop").read_bytes() == b""  # nothing another machine reads
    finally:
        for workspace in (same_machine, desktop, laptop):
            workspace.close()


def test_a_file_half_written_by_a_sync_tool_is_waited_for_not_set_aside(tmp_path: Path):
    root = tmp_path / "data"
    session = _session()
    workspace = Workspace.open(root)
    try:
        workspace.save(session)
        whole = _file(root, session).read_bytes()
        _file(root, session).write_bytes(whole[: len(whole) // 2])  # written in place, so far
        assert not workspace.check_folder().changed
        assert [row["id"] for row in workspace.summaries()] == [session.id]
        _file(root, session).write_bytes(whole.replace(b"Acme", b"Globex"))  # done
        assert workspace.check_folder().changed
        assert workspace.summaries()[0]["company"] == "Globex"
        assert not list(root.glob("sessions/*.damaged-*"))
    finally:
        workspace.close()


def test_a_person_changed_by_a_sync_while_open_is_taken_in_not_written_away(two_machines):
    laptop, desktop, session = two_machines
    workspace = Workspace.open(laptop)
    try:
        person = workspace.person(workspace.load(session.id).person_id)
        assert person is not None and person.phone == ""
        name = f"{person.id}.json"
        shutil.copy2(desktop / "people" / name, laptop / "people" / name)  # the sync lands
        assert workspace.check_folder().changed
        assert person.phone == "+34 600 000 000"  # the object a screen holds, too

        shutil.copy2(laptop / "people" / name, tmp := laptop.parent / name)
        later = json.loads(tmp.read_text())
        later["person"]["1"]["notes"] = "Met at the meetup"
        (laptop / "people" / name).write_text(json.dumps(later))
        person.notes = "Prefers mornings"  # edited here before the look
        workspace.save_person(person)
        stored = json.loads((laptop / "people" / name).read_text())["person"]["1"]
        assert "Met at the meetup" in stored["notes"] and "Prefers mornings" in stored["notes"]
        assert any(
            "changed here and on another machine" in x for x in workspace.check_folder().lines
        )
    finally:
        workspace.close()


def _rescheduled_on(desktop: Path, session: Session, when: datetime) -> None:
    there = Workspace.open(desktop)
    moved = there.load(session.id)
    moved.scheduled_at = when
    there.save(moved)
    there.close()


def _interview_starts(workspace: Workspace) -> list[datetime]:
    """When the calendar feed, written now, puts each interview (local time)."""
    assert workspace.calendar.flush()
    feed = icalendar.Calendar.from_ical(workspace.calendar.path.read_bytes())
    return [
        event.decoded("DTSTART").replace(tzinfo=None)
        for event in feed.walk("VEVENT")
        if str(event["UID"]).endswith("-interview@interview-tui")
    ]


def test_the_calendar_follows_a_session_a_sync_tool_rescheduled(two_machines):
    laptop, desktop, session = two_machines
    _rescheduled_on(desktop, session, datetime(2026, 12, 7, 15, 0))

    here = Workspace.open(laptop)
    try:
        here.calendar = CalendarFeed(here.calendar.path, here.sessions, delay=-1)
        here.summaries()
        assert not here.check_folder().changed
        shutil.copy2(_file(desktop, session), _file(laptop, session))  # the sync arrives
        assert here.check_folder().changed
        assert _interview_starts(here) == [datetime(2026, 12, 7, 15, 0)]
    finally:
        here.close()


def test_a_session_changed_while_the_app_was_closed_reaches_the_calendar(two_machines):
    laptop, desktop, session = two_machines
    _rescheduled_on(desktop, session, datetime(2026, 12, 8, 9, 30))
    shutil.copy2(_file(desktop, session), _file(laptop, session))  # synced while closed

    here = Workspace.open(laptop)
    try:
        here.calendar = CalendarFeed(here.calendar.path, here.sessions, delay=-1)
        here.summaries()
        assert here.check_folder().changed  # the first look after opening tells of it once
        assert not here.check_folder().changed
        assert _interview_starts(here) == [datetime(2026, 12, 8, 9, 30)]
    finally:
        here.close()


def test_a_numbered_copy_whose_original_is_gone_becomes_the_session(tmp_path: Path):
    root = tmp_path / "data"
    session = _session()
    workspace = Workspace.open(root)
    workspace.save(session)
    workspace.close()
    # iCloud kept only its numbered copy: the original went on the other machine's rename.
    _file(root, session).rename(root / "sessions" / ICLOUD.format(id=session.id))

    workspace = Workspace.open(root)
    try:
        assert workspace.summaries() == []
        said = [n for n in workspace.notices if "had no file of its own" in n]
        assert said == [
            f"{session.id} 2.json held the session {session.id}, which had no file of its own: "
            f"it is {session.id}.json now."
        ]
        assert workspace.check_folder().changed  # listed with the next look
        assert [row["name"] for row in workspace.summaries()] == ["Ana Núñez"]
    finally:
        workspace.close()
    assert [p.name for p in (root / "sessions").iterdir()] == [f"{session.id}.json"]


def test_a_file_holding_a_session_listed_under_its_own_name_is_said_once(tmp_path: Path):
    root = tmp_path / "data"
    session = _session()
    workspace = Workspace.open(root)
    workspace.save(session)
    shutil.copy2(_file(root, session), root / "sessions" / "backup.json")
    try:
        lines = workspace.check_folder().lines
        assert lines == (
            f"backup.json holds the session {session.id}, which has a file of its own (another "
            f"copy of it?): it is left out of the list; open it and merge by hand, or move it "
            f"out of {root / 'sessions'}.",
        )
        assert workspace.check_folder().lines == ()
        assert [row["id"] for row in workspace.summaries()] == [session.id]
    finally:
        workspace.close()
    assert (root / "sessions" / "backup.json").is_file()


def test_a_copy_that_cannot_be_read_or_holds_another_record_is_said_and_kept_aside(
    two_machines,
):
    laptop, _desktop, session = two_machines
    person_id = json.loads(_file(laptop, session).read_bytes())["session"]["1"]["person_id"]
    bad = laptop / "sessions" / SYNCTHING.format(id=session.id)
    bad.write_text('{"session": {"1": {"id": "cut')
    other = laptop / "people" / SYNCTHING.format(id=person_id)
    other.write_bytes(
        (laptop / "people" / f"{person_id}.json")
        .read_bytes()
        .replace(person_id.encode(), b"p-20260101-00000000")
    )

    workspace = Workspace.open(laptop)
    try:
        lines = [*workspace.notices, *workspace.check_folder().lines]
    finally:
        workspace.close()
    said = [line for line in lines if "from another machine cannot be read" in line]
    assert len(said) == 2
    assert any(
        line.startswith(f"A copy of a session from another machine cannot be read ({bad.name}: ")
        for line in said
    )
    assert any(f"it holds person p-20260101-00000000, not {person_id}" in line for line in said)
    assert (laptop / "conflicts" / "sessions" / bad.name).is_file()
    assert (laptop / "conflicts" / "people" / other.name).is_file()
