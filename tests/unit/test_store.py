"""Sessions on disk: what is saved comes back, stays private, and survives damage."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.models import SCHEMA_VERSION, AgendaItem
from interview_tui.storage import safe_storage
from interview_tui.storage.lock import lock_file_name
from interview_tui.storage.store import ReadOnlyError, SessionStore, StoreError

DAMAGE = {
    "truncated": b'{"session": {"1": {"id": "cut-off-mid-wr',
    "not JSON": b"\x00\x00\x00 not json at all",
    "empty": b"",
    "a JSON list": b"[1, 2, 3]",
    "no session table": b'{"notes": {"1": {"id": "x"}}}',
    "session fails validation": b'{"session": {"1": {"id": "VICTIM", "contact": {"name": ""}, '
    b'"length_minutes": "long"}}}',
}


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def session_file(store: SessionStore, session_id: str) -> Path:
    return store.sessions_dir / f"{session_id}.json"


def set_aside_copies(folder: Path, name: str) -> list[Path]:
    return sorted(folder.glob(f"{name}.damaged-*"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def live_session(make_session):
    """A session in the middle of a call: notes, statuses and time on the clock."""
    session = make_session(
        "Grace Hopper",
        company="Navy",
        length_minutes=45,
        general_note="Warm, direct. Follow up about the COBOL talk.",
        status="live",
        elapsed_seconds=754.5,
        current_index=1,
        cut_index=2,
    )
    session.agenda = [
        AgendaItem(key="opening/hello", text="How did you start?", phase="opening"),
        AgendaItem(key="core/week", text="What does a week look like?", minutes=4),
        AgendaItem(key="closing/who", text="Who else should I talk to?", phase="closing"),
    ]
    session.agenda[0].status = "asked"
    session.agenda[0].seconds_spent = 312.0
    session.agenda[0].note = "Started in hardware; moved to compilers by accident."
    session.agenda[1].note = "Mostly reviews — ünïcode and emoji 🎉 kept."
    session.agenda[2].status = "skipped"
    return session


def test_save_then_load_in_a_new_store_gives_back_the_same_session(data_dir, live_session):
    store = SessionStore(data_dir)
    store.save(live_session)
    store.close()

    reopened = SessionStore(data_dir)
    loaded = reopened.load(live_session.id)
    reopened.close()

    assert loaded == live_session
    assert [i.status for i in loaded.agenda] == ["asked", "pending", "skipped"]
    assert loaded.agenda[1].note == "Mostly reviews — ünïcode and emoji 🎉 kept."
    assert loaded.elapsed_seconds == 754.5
    assert loaded.general_note == live_session.general_note


def test_stored_documents_carry_the_schema_version(session_store, live_session):
    session_store.save(live_session)
    raw = json.loads(session_file(session_store, live_session.id).read_bytes())
    assert raw["session"]["1"]["schema_version"] == SCHEMA_VERSION


def test_files_are_private_to_the_user(data_dir, live_session):
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)

    store = SessionStore(data_dir)
    store.save(live_session)
    store.close()

    assert mode(data_dir) == 0o700
    assert mode(data_dir / "sessions") == 0o700
    assert mode(session_file(store, live_session.id)) == 0o600
    assert mode(data_dir / "index.json") == 0o600
    assert mode(data_dir / lock_file_name()) == 0o600


def test_a_second_store_on_the_same_folder_is_read_only(data_dir, live_session):
    first = SessionStore(data_dir)
    first.save(live_session)
    try:
        second = SessionStore(data_dir)
        assert second.read_only
        assert any("read-only" in notice for notice in second.notices)
        assert second.load(live_session.id) == live_session  # it can still read

        live_session.general_note = "changed in the second copy"
        with pytest.raises(ReadOnlyError, match="nothing was saved"):
            second.save(live_session)
        with pytest.raises(ReadOnlyError):
            second.delete(live_session.id)
        second.close()

        assert not first.read_only
        first.save(live_session)  # the first copy keeps working
    finally:
        first.close()

    third = SessionStore(data_dir)
    assert not third.read_only
    assert third.load(live_session.id).general_note == "changed in the second copy"
    third.close()


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_session_is_set_aside_and_the_rest_still_load(data_dir, make_session, damage):
    store = SessionStore(data_dir)
    keep = [make_session(f"Keep {n}") for n in range(2)]
    victim = make_session("Victim")
    for session in [*keep, victim]:
        store.save(session)
    store.close()
    victim_path = data_dir / "sessions" / f"{victim.id}.json"
    victim_path.write_bytes(damage)

    store = SessionStore(data_dir)
    loaded = list(store.iter_sessions())

    assert sorted(s.contact.name for s in loaded) == ["Keep 0", "Keep 1"]
    assert not victim_path.exists()
    [kept] = set_aside_copies(store.sessions_dir, victim_path.name)
    assert kept.read_bytes() == damage
    assert any(victim_path.name in n and str(kept) in n for n in store.notices), store.notices

    # Off the list, so the start screen does not offer a session that cannot open.
    assert sorted(row["name"] for row in store.summaries()) == ["Keep 0", "Keep 1"]
    with pytest.raises(StoreError):
        store.load(victim.id)

    # Saving the session again writes a fresh file and leaves the kept copy alone.
    store.save(victim)
    assert store.load(victim.id) == victim
    assert kept.read_bytes() == damage
    assert sorted(row["name"] for row in store.summaries()) == ["Keep 0", "Keep 1", "Victim"]
    store.close()


def test_loading_a_damaged_session_says_where_it_was_kept(session_store, make_session):
    victim = make_session("Victim")
    session_store.save(victim)
    session_store.close()
    session_file(session_store, victim.id).write_bytes(DAMAGE["truncated"])

    store = SessionStore(session_store.root)
    with pytest.raises(StoreError) as caught:
        store.load(victim.id)
    store.close()

    [kept] = set_aside_copies(store.sessions_dir, f"{victim.id}.json")
    assert str(kept) in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_damaged_session_does_not_stop_the_list_when_the_index_is_rebuilt(data_dir, make_session):
    store = SessionStore(data_dir)
    keep = make_session("Keep")
    victim = make_session("Victim")
    store.save(keep)
    store.save(victim)
    store.close()
    (data_dir / "index.json").unlink()
    (data_dir / "sessions" / f"{victim.id}.json").write_bytes(DAMAGE["not JSON"])

    store = SessionStore(data_dir)
    names = [row["name"] for row in store.summaries()]
    store.close()

    assert names == ["Keep"]
    assert len(set_aside_copies(data_dir / "sessions", f"{victim.id}.json")) == 1
    assert any("damaged" in notice for notice in store.notices)


@pytest.mark.parametrize(
    "damage",
    [b"{not json", b"", b'{"sessions": []}', b"[]"],
    ids=["not JSON", "empty", "wrong table shape", "a list"],
)
def test_a_damaged_index_is_set_aside_and_rebuilt_from_the_sessions(data_dir, make_session, damage):
    store = SessionStore(data_dir)
    sessions = [make_session(f"Person {n}", created_at=datetime(2024, 1, n + 1)) for n in range(3)]
    for session in sessions:
        store.save(session)
    store.close()
    index = data_dir / "index.json"
    index.write_bytes(damage)

    store = SessionStore(data_dir)
    names = [row["name"] for row in store.summaries()]
    store.close()

    assert names == ["Person 2", "Person 1", "Person 0"]
    [kept] = set_aside_copies(data_dir, "index.json")
    assert kept.read_bytes() == damage
    rebuilt = json.loads(index.read_bytes())
    assert sorted(row["name"] for row in rebuilt["sessions"].values()) == names[::-1]


def test_autosave_without_index_update_leaves_index_json_untouched(session_store, live_session):
    session_store.save(live_session)
    index = session_store.root / "index.json"
    before = index.read_bytes()
    before_stat = index.stat()

    live_session.general_note = "typed during the call"
    live_session.agenda[1].status = "asked"  # a list field, but this save skips the index
    session_store.save(live_session, update_index=False)

    after_stat = index.stat()
    assert index.read_bytes() == before
    assert (after_stat.st_ino, after_stat.st_mtime_ns) == (
        before_stat.st_ino,
        before_stat.st_mtime_ns,
    )
    assert b"typed during the call" in session_file(session_store, live_session.id).read_bytes()


def test_saving_only_notes_does_not_rewrite_the_index(session_store, live_session):
    session_store.save(live_session)
    index = session_store.root / "index.json"
    before = index.stat()

    live_session.general_note = "only the note changed"
    session_store.save(live_session)

    after = index.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_saving_a_list_field_updates_the_index(session_store, live_session):
    session_store.save(live_session)
    live_session.agenda[1].status = "asked"
    live_session.status = "ended"
    session_store.save(live_session)

    [row] = json.loads((session_store.root / "index.json").read_bytes())["sessions"].values()
    assert (row["status"], row["asked"], row["questions"]) == ("ended", 2, 3)


@pytest.mark.parametrize("failing_call", ["fsync", "replace"])
def test_a_full_disk_raises_a_clear_error_and_keeps_the_previous_file(
    session_store, live_session, monkeypatch, failing_call
):
    session_store.save(live_session)
    path = session_file(session_store, live_session.id)
    before = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(safe_storage.os, failing_call, disk_full)
    live_session.general_note = "this note cannot be written"
    with pytest.raises(StoreError) as caught:
        session_store.save(live_session)
    monkeypatch.undo()

    assert str(caught.value) == "could not save: No space left on device"
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left

    # Once there is room again the same store saves the newer state.
    session_store.save(live_session)
    reopened = SessionStore(session_store.root, read_only=True)
    assert reopened.load(live_session.id).general_note == "this note cannot be written"


def test_summaries_are_newest_first(session_store, make_session):
    january = make_session("January", created_at=datetime(2024, 1, 10))
    march = make_session("March", created_at=datetime(2024, 3, 10))
    # Created in February but scheduled for April: the scheduled date decides.
    april = make_session(
        "April", created_at=datetime(2024, 2, 10), scheduled_at=datetime(2024, 4, 1, 9, 30)
    )
    for session in (january, april, march):
        session_store.save(session)

    assert [row["name"] for row in session_store.summaries()] == ["April", "March", "January"]


def test_delete_removes_the_session_from_disk_and_the_list(session_store, make_session):
    keep = make_session("Keep")
    gone = make_session("Gone")
    session_store.save(keep)
    session_store.save(gone)

    session_store.delete(gone.id)

    assert [row["name"] for row in session_store.summaries()] == ["Keep"]
    assert not session_file(session_store, gone.id).exists()
    with pytest.raises(StoreError, match="no session"):
        session_store.load(gone.id)


@pytest.mark.parametrize("bad_id", ["", "../escape", ".hidden", "a/b"])
def test_ids_that_could_escape_the_folder_are_refused(session_store, bad_id):
    with pytest.raises(StoreError, match="not a session id"):
        session_store.load(bad_id)
