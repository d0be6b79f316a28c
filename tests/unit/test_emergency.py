"""Copies of notes that could not be saved: written privately away from the data folder,
found again at the next start for the same folder, restored or kept without losing anything."""

from __future__ import annotations

import errno
import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui import locations
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage import emergency
from interview_tui.storage.store import SessionStore

WHEN = datetime(2026, 11, 22, 14, 30, 5)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def session() -> Session:
    return Session(
        id="20261122-143000-abcdef",
        contact=Contact(name="Ada [/] Lovelace", company="Analytical Engines"),
        agenda=[AgendaItem(key="t/first", text="How did you start?", note="typed on a full disk")],
        cut_index=1,
        general_note="the general note",
    )


def test_a_copy_is_json_and_markdown_private_and_found_for_its_data_folder(
    tmp_path: Path, session: Session, private_unsaved_dir: Path
) -> None:
    data = tmp_path / "data"
    path = emergency.write_copy(session, data, "could not save: No space left on device", now=WHEN)

    assert path.parent == private_unsaved_dir
    assert path.name == f"{session.id}-20261122-143005.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["session"]["agenda"][0]["note"] == "typed on a full disk"
    assert "typed on a full disk" in path.with_suffix(".md").read_text(encoding="utf-8")
    assert mode(path) == mode(path.with_suffix(".md")) == 0o600
    assert mode(private_unsaved_dir) == 0o700

    [found] = emergency.find_copies(data)
    assert found.path == path and found.session == session and found.saved_at == WHEN
    assert found.reason == "could not save: No space left on device"
    assert emergency.find_copies(tmp_path / "another-data-folder") == []


def test_copies_never_overwrite_each_other(tmp_path: Path, session: Session) -> None:
    first = emergency.write_copy(session, tmp_path, now=WHEN)
    session.general_note = "later text"
    second = emergency.write_copy(session, tmp_path, now=WHEN)
    assert first != second
    notes = [copy.session.general_note for copy in emergency.find_copies(tmp_path)]
    assert notes == ["the general note", "later text"]


def test_a_copy_goes_to_the_next_folder_when_the_first_refuses(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    link = tmp_path / "link"
    (tmp_path / "elsewhere").mkdir()
    link.symlink_to(tmp_path / "elsewhere")
    good = tmp_path / "cache" / "unsaved"
    monkeypatch.setattr(emergency, "unsaved_copy_dirs", lambda: [blocked, link, good])

    path = emergency.write_copy(session, tmp_path / "data")
    assert path.parent == good
    assert not list((tmp_path / "elsewhere").iterdir()), "followed a link"
    assert [c.path for c in emergency.find_copies(tmp_path / "data")] == [path]


def test_when_no_folder_takes_a_copy_the_error_names_each(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    first.write_text("")
    second.write_text("")
    monkeypatch.setattr(emergency, "unsaved_copy_dirs", lambda: [first, second])
    with pytest.raises(emergency.CopyError) as caught:
        emergency.write_copy(session, tmp_path / "data")
    assert str(first) in str(caught.value) and str(second) in str(caught.value)


def test_a_disk_full_write_leaves_no_half_copy(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch, private_unsaved_dir: Path
) -> None:
    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(emergency.os, "write", full)
    with pytest.raises(emergency.CopyError, match="No space left on device"):
        emergency.write_copy(session, tmp_path / "data")
    monkeypatch.undo()
    assert list(private_unsaved_dir.iterdir()) == []


def test_folders_made_for_copies_are_private_even_with_an_open_umask(
    tmp_path: Path, session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "home" / ".cache" / "interview-tui" / "unsaved"
    monkeypatch.setattr(emergency, "unsaved_copy_dirs", lambda: [folder])
    old = os.umask(0)
    try:
        path = emergency.write_copy(session, tmp_path / "data")
    finally:
        os.umask(old)
    assert mode(path) == 0o600
    for made in (folder, *folder.parents):
        if made == tmp_path:
            break
        assert mode(made) & 0o077 == 0, made


def test_files_that_are_not_copies_are_ignored(
    tmp_path: Path, session: Session, private_unsaved_dir: Path
) -> None:
    data = tmp_path / "data"
    path = emergency.write_copy(session, data)
    (private_unsaved_dir / "broken.json").write_text('{"kind": "interview-tui unsa')
    (private_unsaved_dir / "other.json").write_text('{"kind": "something else"}')
    bad = json.loads(path.read_text())
    bad["session"]["contact"]["name"] = ""
    (private_unsaved_dir / "invalid.json").write_text(json.dumps(bad))
    (private_unsaved_dir / "a-link.json").symlink_to(path)
    assert [copy.path for copy in emergency.find_copies(data)] == [path]


def test_restoring_saves_the_copy_and_keeps_the_version_it_replaced(
    tmp_path: Path, session: Session, private_unsaved_dir: Path
) -> None:
    data = tmp_path / "data"
    stored = session.model_copy(deep=True)
    stored.agenda[0].note = "the last good save"
    store = SessionStore(data)
    store.save(stored)
    path = emergency.write_copy(session, data)

    [copy] = emergency.find_copies(data)
    moved = emergency.restore(copy, store)
    assert store.load(session.id).agenda[0].note == "typed on a full disk"
    store.close()

    assert moved == private_unsaved_dir / emergency.RESTORED_DIR / path.name
    assert not path.exists() and moved.exists() and moved.with_suffix(".md").exists()
    replaced = [p for p in moved.parent.iterdir() if "replaced" in p.name]
    assert [json.loads(p.read_text())["session"]["agenda"][0]["note"] for p in replaced] == [
        "the last good save"
    ]
    assert emergency.find_copies(data) == []


def test_a_copy_stays_when_the_store_cannot_take_it(tmp_path: Path, session: Session) -> None:
    data = tmp_path / "data"
    path = emergency.write_copy(session, data)
    holder = SessionStore(data)
    second = SessionStore(data)  # read-only: the first holds the folder
    try:
        [copy] = emergency.find_copies(data)
        with pytest.raises(emergency.StoreError):
            emergency.restore(copy, second)
    finally:
        second.close()
        holder.close()
    assert path.exists()
    assert [c.path for c in emergency.find_copies(data)] == [path]


def test_keeping_a_copy_stops_it_being_offered(
    tmp_path: Path, session: Session, private_unsaved_dir: Path
) -> None:
    data = tmp_path / "data"
    path = emergency.write_copy(session, data)
    [copy] = emergency.find_copies(data)
    kept = emergency.keep(copy)
    assert kept == private_unsaved_dir / emergency.KEPT_DIR / path.name
    assert json.loads(kept.read_text())["session"]["general_note"] == "the general note"
    assert emergency.find_copies(data) == []


def test_without_an_override_copies_go_to_the_cache_then_a_per_user_temp_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(locations.UNSAVED_DIR_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    cache, temp = locations.unsaved_copy_dirs()
    assert cache.is_relative_to(tmp_path / "cache") and "interview-tui" in str(cache)
    assert temp.parent == Path(tempfile.gettempdir()) and "interview-tui" in temp.name
