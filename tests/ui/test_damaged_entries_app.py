"""The real app with something odd where a session file, the index or the data folder should
be: the rest lists and opens, the bad entry is named once with what to do, exports say what
they left out, and a folder that cannot be opened or written says so once, clearly.

The store and command-line side is in ``tests/unit/test_damaged_entries.py``.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import Markdown, Static
from ui_helpers import open_app, recording_app, wait_until

from interview_tui.locations import EXPORTS_DIR
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage import store as store_module
from interview_tui.storage.store import SessionStore
from interview_tui.ui.screens.session_view import SessionViewScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.widgets.session_table import SessionTable

SIZE = (100, 30)
KINDS = ("folder", "dangling link", "unreadable", "pipe")


def session(name: str, session_id: str) -> Session:
    return Session(
        id=session_id,
        contact=Contact(name=name, company="Acme"),
        agenda=[AgendaItem(key="t/first", text="How did you start?", note=f"{name}'s note")],
        cut_index=1,
        status="ended",
    )


def stored_sessions(root: Path, count: int = 3) -> list[Session]:
    sessions = [session(f"Person {n}", f"20260301-10000{n}-abcde{n}") for n in range(count)]
    store = SessionStore(root)
    for item in sessions:
        store.save(item)
    store.close()
    return sessions


@pytest.fixture
def make_bad_entry(monkeypatch: pytest.MonkeyPatch) -> Callable[[Path, str], None]:
    """Put ``kind`` where a session file is. Tests run as root, who may read anything, so an
    "unreadable" file also makes ``os.open`` refuse to open it for reading."""
    unreadable: list[str] = []
    real_open = os.open

    def guarded_open(path, flags, *args, **kwargs):
        if not flags & (os.O_WRONLY | os.O_RDWR) and os.fspath(path) in unreadable:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)

    def make(path: Path, kind: str) -> None:
        if kind == "unreadable":
            path.chmod(0)
            unreadable.append(os.fspath(path))
            return
        path.unlink()
        if kind == "folder":
            path.mkdir()
        elif kind == "dangling link":
            path.symlink_to(path.parent / "moved-away.json")
        else:
            os.mkfifo(path)

    return make


def listed_names(app) -> list[str]:
    table = app.screen.query_one("#sessions", SessionTable)
    return [table.get_row_at(row)[1] for row in range(table.row_count)]


def naming(app, path: Path) -> list[str]:
    return [message for message in app.messages if str(path) in message]


async def view(pilot, app, name: str) -> bool:
    """Select ``name`` on the start screen and press v; True if its page opened."""
    table = app.screen.query_one("#sessions", SessionTable)
    table.move_cursor(row=listed_names(app).index(name))
    await pilot.press("v")
    await pilot.pause()
    if not isinstance(app.screen, SessionViewScreen):
        return False
    await wait_until(pilot, lambda: name in app.screen.query_one(Markdown).source)
    await pilot.press("escape")
    await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    return True


@pytest.mark.parametrize("index", ["index intact", "index damaged"])
@pytest.mark.parametrize("kind", KINDS)
async def test_the_rest_list_and_open_and_the_bad_entry_is_named_once(
    tmp_path: Path, make_bad_entry, kind: str, index: str
) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    bad = root / "sessions" / f"{sessions[1].id}.json"
    make_bad_entry(bad, kind)
    if index == "index damaged":
        (root / "index.json").write_bytes(b"\x00 not json")

    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert isinstance(app.screen, StartScreen)
        if kind == "unreadable" and index == "index intact":
            # Nothing tells it apart until it is read: opening it names it instead.
            assert sorted(listed_names(app)) == ["Person 0", "Person 1", "Person 2"]
            assert not await view(pilot, app, "Person 1")
            assert isinstance(app.screen, StartScreen)
        assert sorted(listed_names(app)) == ["Person 0", "Person 2"]
        for name in ("Person 0", "Person 2"):
            assert await view(pilot, app, name), f"{name} did not open"

        [named] = naming(app, bad)
        assert (
            "read access" in named
            if kind == "unreadable"
            else "link" in named or "move it" in named
        )
        assert not any("Still opening" in message for message in app.messages)
        assert app.is_running

    assert os.path.lexists(bad) and not bad.with_name(bad.name + ".damaged").exists()


async def test_export_all_says_what_it_left_out(tmp_path: Path, make_bad_entry) -> None:
    root = tmp_path / "data"
    sessions = stored_sessions(root)
    bad = root / "sessions" / f"{sessions[2].id}.json"
    make_bad_entry(bad, "unreadable")

    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("X")
        await wait_until(pilot, lambda: any("Exported" in m for m in app.messages))
        [done] = [m for m in app.messages if "Exported" in m]
        assert "Exported 2 session(s)" in done
        assert "Left out" in done and str(bad) in done
        assert len(naming(app, bad)) == 1
    exported = sorted(p.name for p in (root / EXPORTS_DIR).iterdir())
    assert len([name for name in exported if name.endswith(".md")]) == 2


async def test_a_data_folder_that_is_a_dangling_link_says_so_and_keeps_saying_it(
    tmp_path: Path,
) -> None:
    gone = tmp_path / "unmounted" / "interview-tui"
    root = tmp_path / "data"
    root.symlink_to(gone)

    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert app.workspace is None
        [error] = app.messages
        assert str(root) in error and "is a link to" in error and "--data-dir" in error
        await pilot.press("X")  # anything that needs the folder says why, not "wait"
        await pilot.pause()
        assert app.messages[1:] == [error]
        assert not any("Still opening" in message for message in app.messages)
        assert app.is_running
    assert not gone.parent.exists()


async def test_a_read_only_data_folder_lists_and_opens_with_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "data"
    stored_sessions(root)
    for folder in (root, root / "sessions"):
        folder.chmod(0o555)
    # Root may write anyway: the store is told what anyone else (or a read-only mount) gets.
    monkeypatch.setattr(store_module, "_writable", lambda folder: False)
    before = {str(p): (p.stat().st_mode, p.is_file() and p.read_bytes()) for p in root.rglob("*")}

    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        assert app.workspace is not None and app.workspace.read_only
        [notice] = app.messages
        assert "Cannot write to" in notice and "read-only" in notice
        assert sorted(listed_names(app)) == ["Person 0", "Person 1", "Person 2"]
        assert await view(pilot, app, "Person 1")
        assert not any("Still opening" in message for message in app.messages)

    after = {str(p): (p.stat().st_mode, p.is_file() and p.read_bytes()) for p in root.rglob("*")}
    assert after == before
    assert stat.S_IMODE(root.stat().st_mode) == 0o555


async def test_stale_export_temp_files_are_gone_after_the_app_opens(tmp_path: Path) -> None:
    root = tmp_path / "data"
    stored_sessions(root, 1)
    exports = root / EXPORTS_DIR
    exports.mkdir()
    leftover = exports / f".sessions-20260301-100000.csv.{os.getpid() + 1}.tmp"
    leftover.write_text("id,date\n20260301")

    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert not leftover.exists()
        assert not any(re.search(r"\.tmp\b", message) for message in app.messages)
        assert isinstance(app.screen.query_one("#sessions-title", Static), Static)
