"""A data folder written before people were records opens, lists and exports what it held."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.service import Workspace
from interview_tui.storage.people_upgrade import BACKUP_DIR

FIXTURES = Path(__file__).parent.parent / "fixtures"
PLACEHOLDER = "20260304-090000-bbbbbb"


@pytest.fixture
def old_folder(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURES / "data_v1", root)
    return root


def exported(root: Path, tmp_path: Path) -> dict[str, dict[str, object]]:
    out = tmp_path / "export.json"
    assert (
        main(["--data-dir", str(root), "export", "--all", "--format", "json", "-o", str(out)]) == 0
    )
    return {s["id"]: s for s in json.loads(out.read_text())}


def without_new_fields(session: dict[str, object]) -> dict[str, object]:
    new = ("person_id", "schema_version", "invite_uid")
    session = {k: v for k, v in session.items() if k not in new}
    session["referrals"] = [
        {k: v for k, v in r.items() if k != "person_id"}
        for r in session["referrals"]  # type: ignore[attr-defined]
    ]
    session["followups"] = [  # the day a follow-up was done, kept since (None for old ones)
        {k: v for k, v in f.items() if k != "done_on"}
        for f in session["followups"]  # type: ignore[attr-defined]
    ]
    return session


def test_every_session_is_kept_word_for_word_with_its_person(
    old_folder: Path, tmp_path: Path
) -> None:
    before = {s["id"]: s for s in json.loads((FIXTURES / "data_v1_export.json").read_text())}
    workspace = Workspace.open(old_folder)
    people = {p.id: p for p in workspace.people()}
    workspace.close()
    after = exported(old_folder, tmp_path)
    assert set(after) == set(before) - {PLACEHOLDER}
    for session_id, session in after.items():
        assert without_new_fields(session) == without_new_fields(before[session_id])
        assert session["person_id"] in people


def test_one_person_per_human_and_the_placeholder_becomes_a_person_to_contact(
    old_folder: Path,
) -> None:
    workspace = Workspace.open(old_folder)
    people = {p.name: p for p in workspace.people()}
    rows = {row["id"]: row for row in workspace.summaries()}
    # "Ana Núñez" at "Acme, Inc." and "Ana Nunez" at "ACME Corp" share an email: one person.
    ana = people["Ana Núñez"]
    assert rows["20260301-100000-aaaaaa"]["person_id"] == ana.id
    assert rows["20260601-100000-cccccc"]["person_id"] == ana.id
    assert "Ana Nunez" not in people
    # Two Sam Kims at two companies are two people.
    sams = [p for p in workspace.people() if p.name == "Sam Kim"]
    assert sorted(p.company for p in sams) == ["Globex", "Initech"]
    bo = people["Bo Lee"]
    assert (bo.status, bo.introduced_by) == ("to contact", ana.id)
    assert "data team lead" in bo.notes
    assert people["Cy Park [/] recruiter"].introduced_by == ana.id
    assert PLACEHOLDER not in rows
    assert ana.status == "thanked"
    assert "Your 5 sessions now belong to 6 people" in " ".join(workspace.notices)
    workspace.close()


def test_the_upgrade_runs_once_and_leaves_no_copy_behind(old_folder: Path) -> None:
    Workspace.open(old_folder).close()
    assert not (old_folder / BACKUP_DIR).exists()
    files = sorted(p.name for p in (old_folder / "people").iterdir())
    for path in (old_folder / "people").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = Workspace.open(old_folder)
    assert not any("belong to" in line for line in again.notices)
    assert sorted(p.name for p in (old_folder / "people").iterdir()) == files
    again.close()


def test_an_upgrade_cut_short_is_undone_from_the_copy_and_done_again(
    old_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_tui.storage import people_upgrade

    calls = {"n": 0}
    real_delete = people_upgrade.SessionStore.delete

    def disk_full_once(self: object, session_id: str) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise OSError(28, "No space left on device")
        real_delete(self, session_id)  # type: ignore[arg-type]

    monkeypatch.setattr(people_upgrade.SessionStore, "delete", disk_full_once)
    first = Workspace.open(old_folder)
    assert any("No space left on device" in line for line in first.notices)
    assert (old_folder / BACKUP_DIR / "sessions").is_dir()
    first.close()
    second = Workspace.open(old_folder)
    assert len(second.summaries()) == 5
    assert len(second.people()) == 6
    assert not (old_folder / BACKUP_DIR).exists()
    second.close()


def test_a_read_only_look_shows_people_without_writing_anything(old_folder: Path) -> None:
    before = sorted(p.relative_to(old_folder) for p in old_folder.rglob("*"))
    workspace = Workspace.open(old_folder, read_only=True)
    assert len(workspace.people()) == 6
    workspace.close()
    assert sorted(p.relative_to(old_folder) for p in old_folder.rglob("*")) == before


def test_a_new_session_gets_its_person_and_a_second_one_the_same(tmp_path: Path) -> None:
    from interview_tui.models import Contact, Session

    workspace = Workspace.open(tmp_path / "fresh")
    first = Session(contact=Contact(name="Zoë Ade", company="Initech", email="zoe@x.example"))
    workspace.save(first)
    second = Session(contact=Contact(name="Zoe Ade", company="Initech Ltd"))
    workspace.save(second)
    assert first.person_id is not None and first.person_id == second.person_id
    assert {row["id"] for row in workspace.sessions_of(first.person_id)} == {first.id, second.id}
    assert [p.name for p in workspace.people()] == ["Zoë Ade"]
    workspace.close()


def test_a_damaged_person_file_is_kept_named_and_made_again_from_their_sessions(
    old_folder: Path,
) -> None:
    first = Workspace.open(old_folder)
    ana = next(p for p in first.people() if p.name == "Ana Núñez")
    bo = next(p for p in first.people() if p.name == "Bo Lee")
    first.close()
    victim = old_folder / "people" / f"{ana.id}.json"
    victim.write_text("{not json")
    workspace = Workspace.open(old_folder)
    people = {p.id: p for p in workspace.people()}
    assert len(people) == 6
    assert list((old_folder / "people").glob(f"{victim.name}.damaged-*"))
    notices = " ".join(workspace.notices)
    assert victim.name in notices and "damaged" in notices
    assert (
        "Ana Núñez's record could not be read, so it was made again from their 2 sessions"
        in notices
    )
    again = people[ana.id]
    assert (again.name, again.status) == ("Ana Núñez", "thanked")
    assert people[bo.id].introduced_by == ana.id  # the introduction still leads to her
    workspace.close()


def test_a_call_saved_as_snapshots_reaches_its_person(tmp_path: Path) -> None:
    """The live and wrap-up screens save snapshots: the person still hears of the call."""
    from datetime import datetime

    from interview_tui.models import Contact, Session
    from interview_tui.storage.store import SessionSnapshot

    workspace = Workspace.open(tmp_path / "data")
    session = Session(contact=Contact(name="Jean-Luc Picard", company="Starfleet"))
    workspace.save(SessionSnapshot.of(session), update_index=False)
    (person,) = workspace.people()
    assert person.status == "to contact"
    session.status = "ended"
    session.started_at = datetime(2026, 11, 30, 10)
    session.ended_at = datetime(2026, 11, 30, 10, 30)
    session.contact_status = "interviewed"
    workspace.save(SessionSnapshot.of(session))
    (person,) = workspace.people()
    assert person.status == "interviewed"
    assert [(i.kind, str(i.on)) for i in person.interactions] == [("call", "2026-11-30")]
    # The screen's model never learnt its person id; its snapshots keep the link anyway.
    assert session.person_id is None
    session.general_note = "typed later"
    workspace.save(SessionSnapshot.of(session), update_index=False)
    assert workspace.load(session.id).person_id == person.id
    workspace.close()


def test_a_touch_that_could_not_be_saved_is_not_shown_as_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from interview_tui.person import Person
    from interview_tui.service import StoreError
    from interview_tui.storage import people_store

    workspace = Workspace.open(tmp_path / "data")
    workspace.save_person(Person(name="Jean-Luc Picard"))
    (person,) = workspace.people()

    def refuse(path: Path, data: bytes) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(people_store, "safe_write", refuse)
    with pytest.raises(StoreError, match="Read-only file system"):
        workspace.log_touch(person.id, date(2026, 11, 30), "logged", "coffee")
    assert workspace.person(person.id).interactions == []
    workspace.close()


def test_a_person_file_damaged_twice_keeps_both_damaged_copies(tmp_path: Path) -> None:
    from interview_tui.person import Person
    from interview_tui.storage.people_store import PeopleStore

    root = tmp_path / "data"
    store = PeopleStore(root, read_only=False)
    person = Person(name="Ana")
    path = store.folder / f"{person.id}.json"
    for garbage in ("{first", "{second"):
        store.save(person)
        path.write_text(garbage)
        store.forget_cache()
        assert store.all() == {}
    kept = sorted(p.read_text() for p in store.folder.glob(f"{path.name}.damaged-*"))
    assert kept == ["{first", "{second"]
