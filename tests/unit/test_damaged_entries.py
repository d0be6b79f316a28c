"""Something odd where a session file should be never hides the other sessions.

A folder, a link to nothing, a file that cannot be read or a pipe named like a session file
(``sessions/<id>.json``), with the index intact or damaged as well: the store and the command
line list and export the rest, name the bad entry once with what to do, and leave it where it
is. Also: a data folder that is a dangling link or cannot be written, and temp files that a
killed export left behind. The app's side of it is in ``tests/ui/test_damaged_entries_app.py``.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.export import write_export
from interview_tui.locations import EXPORTS_DIR
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage import store as store_module
from interview_tui.storage.lock import lock_file_name
from interview_tui.storage.store import ReadOnlyError, SessionStore, StoreError

KINDS = ("folder", "dangling link", "looping link", "unreadable", "pipe")
WHAT_TO_DO = {
    "folder": "move it out of",
    "dangling link": "or delete the link",
    "looping link": "leads back to itself; delete the link",
    "unreadable": "read access",
    "pipe": "move it out of",
}


def session(name: str, session_id: str) -> Session:
    return Session(
        id=session_id,
        contact=Contact(name=name, company="Acme"),
        agenda=[AgendaItem(key="t/first", text="How did you start?")],
        cut_index=1,
    )


def stored_sessions(root: Path, count: int = 3) -> list[Session]:
    sessions = [session(f"Person {n}", f"20260301-10000{n}-abcde{n}") for n in range(count)]
    store = SessionStore(root)
    for item in sessions:
        store.save(item)
    store.close()
    return sessions


def tree(root: Path) -> dict[str, tuple[int, bytes | None]]:
    """Every path under ``root`` (itself included) with its mode and, for files, its bytes."""
    found = {}
    for path in [root, *sorted(root.rglob("*"))]:
        info = path.lstat()
        content = path.read_bytes() if stat.S_ISREG(info.st_mode) else None
        found[str(path.relative_to(root.parent))] = (info.st_mode, content)
    return found


@pytest.fixture
def make_bad_entry(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path, str], None]]:
    """Put ``kind`` where the session file ``path`` is. Tests run as root, who may read
    anything: "unreadable" also makes ``os.open`` refuse to open that file for reading."""
    unreadable: list[Path] = []
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        writing = flags & (os.O_WRONLY | os.O_RDWR)
        if not writing and any(os.fspath(path) == os.fspath(p) for p in unreadable):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)

    def make(path: Path, kind: str) -> None:
        if kind == "unreadable":
            path.chmod(0)
            unreadable.append(path)
            return
        path.unlink()
        if kind == "folder":
            path.mkdir()
            (path / "inside.txt").write_text("someone's notes")
        elif kind == "dangling link":
            path.symlink_to(path.parent / "moved-away.json")
        elif kind == "looping link":
            path.symlink_to(path.name)  # itself
        elif kind == "pipe":
            os.mkfifo(path)

    yield make
    for path in unreadable:
        path.chmod(0o600)


def still_there(path: Path, kind: str) -> bool:
    mode = path.lstat().st_mode
    return {
        "folder": stat.S_ISDIR,
        "dangling link": stat.S_ISLNK,
        "looping link": stat.S_ISLNK,
        "unreadable": stat.S_ISREG,
        "pipe": stat.S_ISFIFO,
    }[kind](mode)


def damage_index(root: Path) -> None:
    (root / "index.json").write_bytes(b'{"sessions": {"1": {"id": "cut-off')


def naming(lines: list[str], path: Path) -> list[str]:
    return [line for line in lines if str(path) in line]


# ── the store ─────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("index", ["index intact", "index damaged"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_store_lists_and_loads_the_rest_and_names_the_bad_entry_once(
    tmp_path: Path, make_bad_entry, kind: str, index: str
) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    bad = root / "sessions" / f"{sessions[1].id}.json"
    make_bad_entry(bad, kind)
    if index == "index damaged":
        damage_index(root)

    store = SessionStore(root)
    try:
        listed = {row["id"] for row in store.summaries()}
        others = {sessions[0].id, sessions[2].id}
        # An unreadable file looks like any other until it is read; anything else is seen
        # when the folder is listed.
        if kind == "unreadable" and index == "index intact":
            assert listed == others | {sessions[1].id}
            with pytest.raises(StoreError, match="read access") as raised:
                store.load(sessions[1].id)
            assert str(bad) in str(raised.value)
        else:
            assert listed == others
        for other in (sessions[0], sessions[2]):
            assert store.load(other.id) == other
        assert {row["id"] for row in store.summaries()} == others

        loaded, skipped = store.load_all()
        assert sorted(s.id for s in loaded) == sorted(others)
        # Off the list already, and still counted once among what an export left out.
        [left_out] = skipped
        assert bad.name in left_out
        [notice] = naming(store.notices, bad)
        assert WHAT_TO_DO[kind] in notice, notice
        assert "\n" not in notice
    finally:
        store.close()
    assert still_there(bad, kind), "the bad entry was moved or replaced"

    # The store still saves: a new session and a change to an old one.
    again = SessionStore(root)
    try:
        sessions[0].general_note = "changed after the damage"
        again.save(sessions[0])
        again.save(session("New Person", "20260302-090000-ffffff"))
        assert len(again.summaries()) == 3
    finally:
        again.close()
    assert still_there(bad, kind)


@pytest.mark.parametrize("kind", KINDS)
def test_a_read_only_store_names_the_bad_entry_and_writes_nothing(
    tmp_path: Path, make_bad_entry, kind: str
) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    make_bad_entry(root / "sessions" / f"{sessions[2].id}.json", kind)
    damage_index(root)
    before = tree(root)

    store = SessionStore(root, read_only=True)
    loaded, _ = store.load_all()
    store.close()

    assert sorted(s.id for s in loaded) == sorted([sessions[0].id, sessions[1].id])
    assert len(naming(store.notices, root / "sessions" / f"{sessions[2].id}.json")) == 1
    assert tree(root) == before


def test_an_index_that_is_a_folder_is_named_and_the_sessions_still_list_and_save(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    (root / "index.json").unlink()
    (root / "index.json").mkdir()

    store = SessionStore(root)
    try:
        assert {row["id"] for row in store.summaries()} == {s.id for s in sessions}
        assert len(naming(store.notices, root / "index.json")) == 1
        sessions[0].general_note = "saved although the list cannot be written"
        store.save(sessions[0])
    finally:
        store.close()
    assert (root / "index.json").is_dir()
    reopened = SessionStore(root, read_only=True)
    assert reopened.load(sessions[0].id).general_note == sessions[0].general_note


def test_reading_a_pipe_where_a_session_should_be_never_blocks(tmp_path: Path) -> None:
    root = tmp_path / "data"
    [only] = stored_sessions(root, 1)
    path = root / "sessions" / f"{only.id}.json"
    path.unlink()
    os.mkfifo(path)  # opening a pipe to read waits for a writer, unless told not to
    store = SessionStore(root)
    try:
        with pytest.raises(StoreError, match="pipe"):
            store.load(only.id)
    finally:
        store.close()


# ── the command line ──────────────────────────────────────────────────────────────────


@pytest.fixture
def cli_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(root))
    return root


@pytest.mark.parametrize("index", ["index intact", "index damaged"])
@pytest.mark.parametrize("kind", KINDS)
def test_cli_lists_and_exports_the_rest_and_says_what_it_left_out(
    cli_data: Path, tmp_path: Path, make_bad_entry, capsys, kind: str, index: str
) -> None:
    sessions = stored_sessions(cli_data)
    bad = cli_data / "sessions" / f"{sessions[1].id}.json"
    make_bad_entry(bad, kind)
    if index == "index damaged":
        damage_index(cli_data)
    before = tree(cli_data)

    assert main(["sessions", "list"]) == 0
    out, err = capsys.readouterr()
    assert sessions[0].id in out and sessions[2].id in out
    if not (kind == "unreadable" and index == "index intact"):
        assert sessions[1].id not in out
        assert len(naming(err.splitlines(), bad)) == 1, err

    target = tmp_path / "out" / "all.json"
    assert main(["export", "--all", "--format", "json", "-o", str(target)]) == 0
    out, err = capsys.readouterr()
    exported = json.loads(target.read_text())
    assert sorted(s["id"] for s in exported) == sorted([sessions[0].id, sessions[2].id])
    [named] = naming(err.splitlines(), bad)
    assert WHAT_TO_DO[kind] in named, err
    assert "Traceback" not in err
    if kind == "unreadable" and index == "index intact":
        assert "left out 1 that could not be read" in err, err

    assert main(["export", "--all", "--format", "md"]) == 0
    out, err = capsys.readouterr()
    assert "Person 0" in out and "Person 2" in out and "Person 1" not in out

    assert main(["export", sessions[1].id]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    [named] = naming(err.splitlines(), bad)  # named once, in the error line
    assert named.startswith("interview-tui export: ") and WHAT_TO_DO[kind] in named, err
    assert "Traceback" not in err

    assert tree(cli_data) == before  # read-only commands: nothing moved, made or changed


# ── the data folder itself ────────────────────────────────────────────────────────────


def test_a_data_folder_that_is_a_dangling_link_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    gone = tmp_path / "unmounted-drive" / "interview-tui"
    root = tmp_path / "data"
    root.symlink_to(gone)

    for read_only in (False, True):
        with pytest.raises(StoreError, match=r"is a link to .*which does not exist") as raised:
            SessionStore(root, read_only=read_only)
        assert str(root) in str(raised.value) and "--data-dir" in str(raised.value)

    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(root))
    for argv in (["sessions", "list"], ["export", "--all"]):
        assert main(argv) == 1
        out, err = capsys.readouterr()
        assert out == "" and len(err.splitlines()) == 1, err
        assert "is a link to" in err and "Traceback" not in err
    assert not gone.parent.exists()  # nothing made at the other end of the link


def test_a_data_folder_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    root = tmp_path / "data"
    root.write_text("not a folder")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        SessionStore(root)
    assert root.read_text() == "not a folder"


@pytest.fixture
def read_only_folder(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path], None]:
    """Make a folder read-only (chmod 555). Root may write anyway, so the store is also told
    that the folder refuses writes, as it would for anyone else (or on a read-only mount)."""
    made: list[Path] = []

    def make(root: Path) -> None:
        for folder in (root, root / "sessions"):
            folder.chmod(0o555)
            made.append(folder)

    real = store_module._writable
    monkeypatch.setattr(
        store_module, "_writable", lambda folder: folder not in made and real(folder)
    )
    return make


def test_a_read_only_data_folder_opens_read_only_with_one_notice(
    tmp_path: Path, read_only_folder
) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    (root / lock_file_name()).unlink()  # as if the folder had been copied from a backup
    read_only_folder(root)
    before = tree(root)

    store = SessionStore(root)
    try:
        assert store.read_only
        [notice] = store.notices
        assert "Cannot write to" in notice and str(root) in notice and "read-only" in notice
        assert len(store.summaries()) == 3
        assert store.load(sessions[1].id) == sessions[1]
        with pytest.raises(ReadOnlyError):
            store.save(sessions[1])
    finally:
        store.close()
    assert tree(root) == before


# ── temp files of killed exports ──────────────────────────────────────────────────────


def test_temp_files_a_killed_export_left_are_removed_at_the_next_open(tmp_path: Path) -> None:
    root = tmp_path / "data"
    stored_sessions(root, 1)
    exports = root / EXPORTS_DIR
    exports.mkdir()
    done = exports / "sessions-20260301-100000.csv"
    done.write_text("id\n")
    leftovers = [exports / ".sessions-20260301-100000.json.4242.tmp", exports / ".a.md.17.tmp"]
    for path in leftovers:
        path.write_text('{"half": ')

    holder = SessionStore(root)
    assert not any(path.exists() for path in leftovers)
    assert done.read_text() == "id\n"

    # A copy without the lock leaves them: they may be the holder's writes under way.
    leftovers[0].write_text("being written by the first copy")
    second = SessionStore(root)
    assert second.read_only and leftovers[0].exists()
    second.close()
    holder.close()


def test_exports_use_the_temp_names_that_are_cleaned_at_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renamed: list[tuple[str, str]] = []
    real_replace = os.replace

    def recording_replace(src, dst) -> None:
        renamed.append((Path(src).name, Path(dst).name))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", recording_replace)
    write_export(tmp_path / "data" / EXPORTS_DIR / "all.json", "[]")
    assert renamed == [(f".all.json.{os.getpid()}.tmp", "all.json")]


WRONG_TYPES = {
    "followups not records": {"followups": [1]},
    "contact a word": {"contact": "x"},
    "agenda of numbers": {"agenda": [1, 2]},
    "referrals not records": {"referrals": [1]},
    "elapsed a word": {"elapsed_seconds": "abc"},
    "status a list": {"status": ["a"]},
    "follow-up of odd types": {"followups": [{"kind": "thank-you", "due": 5}]},
}


@pytest.mark.parametrize("index", ["index intact", "index removed"])
@pytest.mark.parametrize("change", list(WRONG_TYPES.values()), ids=list(WRONG_TYPES))
def test_a_session_file_of_the_wrong_types_is_set_aside_and_the_rest_list(
    tmp_path: Path, change: dict[str, object], index: str
) -> None:
    stored_sessions(tmp_path, 2)
    odd = session("Odd One", "20260301-100009-abcde9")
    doc = json.loads(odd.model_dump_json())
    doc.update(change)  # written by hand, or by a tool that is not this app
    path = tmp_path / "sessions" / f"{odd.id}.json"
    path.write_text(json.dumps({"session": {"1": doc}}))
    if index == "index removed":
        (tmp_path / "index.json").unlink()

    store = SessionStore(tmp_path)
    try:
        assert sorted(row["name"] for row in store.summaries()) == ["Person 0", "Person 1"]
        [said] = naming(store.notices, path)
        assert "was damaged" in said and "kept as" in said
    finally:
        store.close()
    assert not path.exists() and list(path.parent.glob(f"{path.name}.damaged-*"))


def test_a_field_the_model_reads_another_way_is_listed_as_the_app_would_write_it(
    tmp_path: Path,
) -> None:
    stored_sessions(tmp_path, 2)
    odd = session("Odd One", "20260301-100009-abcde9")
    doc = json.loads(odd.model_dump_json())
    doc["scheduled_at"] = 5  # seconds since 1970: a time the model reads
    (tmp_path / "sessions" / f"{odd.id}.json").write_text(json.dumps({"session": {"1": doc}}))
    store = SessionStore(tmp_path)
    try:
        rows = {row["name"]: row for row in store.summaries()}  # sorted without a crash
        assert str(rows["Odd One"]["scheduled_at"]).startswith("1970-01-01T")
    finally:
        store.close()


@pytest.mark.parametrize("held", ["abc\x00def", "a\nb", "a\\b", "", 5, "../up", "x" * 300])
def test_a_file_holding_an_id_that_cannot_be_a_file_name_is_left_out_once(
    tmp_path: Path, held: object
) -> None:
    stored_sessions(tmp_path, 1)
    doc = json.loads(session("Odd One", "20260301-100009-abcde9").model_dump_json())
    doc["id"] = held
    odd = tmp_path / "sessions" / "odd.json"
    odd.write_text(json.dumps({"session": {"1": doc}}))
    store = SessionStore(tmp_path)
    try:
        assert [row["name"] for row in store.summaries()] == ["Person 0"]
        [said] = naming(store.notices, odd.parent)
        assert said.startswith("odd.json holds a session whose id (") and "\n" not in said
        assert store.rescan() == set() and len(naming(store.notices, odd.parent)) == 1
    finally:
        store.close()
    assert odd.is_file()  # not ours to move


def test_a_sessions_folder_that_cannot_be_listed_takes_no_session_off_the_list(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stored_sessions(tmp_path, 3)
    store = SessionStore(tmp_path)
    try:
        assert len(store.summaries()) == 3
        real_scandir = os.scandir

        def refused(path):
            if os.fspath(path) == os.fspath(tmp_path / "sessions"):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
            return real_scandir(path)

        monkeypatch.setattr(os, "scandir", refused)
        assert store.rescan() == set() and store.rescan() == set()
        assert len(store.summaries()) == 3
        assert len(naming(store.notices, tmp_path / "sessions")) == 1  # said once
    finally:
        store.close()
    assert len(json.loads((tmp_path / "index.json").read_bytes())["sessions"]) == 3


def test_a_damaged_session_in_a_read_only_folder_is_said_once_and_left_where_it_is(
    tmp_path: Path,
) -> None:
    [first, *_] = stored_sessions(tmp_path, 2)
    path = tmp_path / "sessions" / f"{first.id}.json"
    data = json.loads(path.read_bytes())
    data["session"]["1"]["contact"] = "not a contact"
    path.write_text(json.dumps(data))
    store = SessionStore(tmp_path, read_only=True)
    try:
        with pytest.raises(StoreError, match="left as it is"):
            store.load(first.id)
        for _ in range(3):
            store.rescan()
        assert len(naming(store.notices, path)) == 1
    finally:
        store.close()
    assert path.is_file()
