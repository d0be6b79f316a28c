"""A failed save never loses a note: the real app, driven with Pilot, on a disk that fills up.

A fault-injecting writer (``safe_storage.safe_write`` raising ``ENOSPC``) stands in for a
full disk. Quitting (``ctrl+q``), leaving the live screen (``escape``) and SIGTERM keep the
text: a dialog asks (retry / save a copy elsewhere / go anyway) or an emergency copy is
written, and the next start offers it back. One retry loop per screen, one banner that
updates in place. A second copy of the app on the same folder takes no typing at all.
Windows has no SIGHUP. No fixed sleeps: every wait is for a condition.
"""

from __future__ import annotations

import errno
import importlib
import json
import os
import signal
import stat
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Input, TextArea
from ui_helpers import open_live, recording_app, type_text, wait_until

from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage import emergency, safe_storage
from interview_tui.storage.store import SessionStore
from interview_tui.ui import app as app_module
from interview_tui.ui.dialogs.unsaved_copies_dialog import UnsavedCopiesDialog
from interview_tui.ui.dialogs.unsaved_dialog import UnsavedDialog
from interview_tui.ui.screens import saving
from interview_tui.ui.screens.live import LiveScreen
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.start import StartScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen
from interview_tui.ui.widgets.save_banner import SaveBanner

SIZE = (80, 24)
SESSION_ID = "20260301-100000-fulldk"


class FullDisk:
    """``safe_write`` as the store sees it: fails with ENOSPC while ``full``; notes when."""

    def __init__(self) -> None:
        self.full = False
        self.failures: list[float] = []
        self._real = safe_storage.safe_write

    def __call__(self, path: Path, data: bytes) -> None:
        if self.full:
            self.failures.append(time.monotonic())
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        self._real(path, data)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> FullDisk:
    # A module that imports ``safe_write`` by name while it is patched would keep the fault
    # for good (``export``, which the copies use for their Markdown): import it first.
    importlib.import_module("interview_tui.export")
    fault = FullDisk()
    monkeypatch.setattr(safe_storage, "safe_write", fault)
    return fault


@pytest.fixture
def restore_signal_handlers() -> Iterator[None]:
    """The app installs SIGTERM/SIGHUP handlers in this (the main) thread; put back ours."""
    names = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    saved = {name: signal.getsignal(getattr(signal, name)) for name in names}
    try:
        yield
    finally:
        for name, handler in saved.items():
            signal.signal(getattr(signal, name), handler)


def stored(root: Path, status: str = "planned") -> Session:
    session = Session(
        id=SESSION_ID,
        contact=Contact(name="Grace Hopper", company="Navy"),
        agenda=[
            AgendaItem(key="t/first", text="How did you start?"),
            AgendaItem(key="t/second", text="What does a week look like?"),
        ],
        cut_index=2,
        status=status,
    )
    store = SessionStore(root)
    store.save(session)
    store.close()
    return session


def load(root: Path) -> Session:
    store = SessionStore(root)
    try:
        return store.load(SESSION_ID)
    finally:
        store.close()


async def wait_for_dialog(pilot, kind: type) -> None:
    """Until a dialog of ``kind`` is on top with its buttons in place."""
    app = pilot.app
    await wait_until(pilot, lambda: isinstance(app.screen, kind) and app.screen.query(Button))


async def type_while_the_disk_is_full(pilot, screen, disk: FullDisk, text: str) -> None:
    """Type ``text`` into the focused text area once the disk is full; wait for the failure."""
    area = pilot.app.focused
    assert isinstance(area, TextArea)
    disk.full = True
    await type_text(pilot, text)
    await wait_until(pilot, lambda: screen.save_error is not None)
    assert area.text.endswith(text)


def banner_text(screen) -> str:
    return screen.query_one(SaveBanner).text


def copies_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.json"))


# ── quitting and leaving ask first ──────────────────────────────────────────────────────


async def test_ctrl_q_with_unsaved_text_asks_and_the_app_stays_open(
    tmp_path: Path, disk: FullDisk, fast_saves: None
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await type_while_the_disk_is_full(pilot, live, disk, "only on screen")

        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, UnsavedDialog)
        dialog = app.screen
        assert "No space left on device" in str(dialog.query_one("#unsaved-error").render())
        labels = [str(button.label) for button in dialog.query(Button)]
        assert labels == ["Retry", "Save a copy elsewhere", "Quit anyway"]
        await pilot.press("ctrl+q")  # a second ctrl+q does not stack another dialog
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, UnsavedDialog)]) == 1

        await pilot.press("escape")  # stay: back to the note, text intact, still typing
        await wait_until(pilot, lambda: app.screen is live)
        assert app.is_running
        await type_text(pilot, ", more")
        assert live.query_one("#note", TextArea).text == "only on screen, more"

        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, UnsavedDialog)
        await pilot.press("r")  # retry, disk still full: asked again, saying so
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, UnsavedDialog) and app.screen.note,
        )
        assert "still not saved" in app.screen.note
        assert app.is_running

        disk.full = False
        await pilot.press("r")  # the disk has room again: saved, and the app quits
        await wait_until(pilot, lambda: not app.is_running)

    assert load(root).agenda[0].note == "only on screen, more"


async def test_escape_from_the_live_screen_can_save_a_copy_elsewhere(
    tmp_path: Path, disk: FullDisk, fast_saves: None, private_unsaved_dir: Path
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await type_while_the_disk_is_full(pilot, live, disk, "keep me somewhere")

        await pilot.press("escape")
        await wait_for_dialog(pilot, UnsavedDialog)
        assert isinstance(app.screen_stack[-2], LiveScreen)  # not left yet
        assert "Leave anyway" in [str(b.label) for b in app.screen.query(Button)]
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        [copy] = copies_in(private_unsaved_dir)
        assert any(str(copy) in m for m in app.messages), app.messages

    document = json.loads(copy.read_text(encoding="utf-8"))
    assert document["session"]["agenda"][0]["note"] == "keep me somewhere"
    assert "keep me somewhere" in copy.with_suffix(".md").read_text(encoding="utf-8")
    for path in (copy, copy.with_suffix(".md")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load(root).agenda[0].note == ""  # the data folder never took it


async def test_quit_anyway_is_a_choice_the_person_makes(
    tmp_path: Path, disk: FullDisk, fast_saves: None, private_unsaved_dir: Path
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await type_while_the_disk_is_full(pilot, live, disk, "let it go")
        await pilot.press("ctrl+q")
        await wait_for_dialog(pilot, UnsavedDialog)
        await pilot.click("#discard")
        await wait_until(pilot, lambda: not app.is_running)
    assert copies_in(private_unsaved_dir) == []


async def test_wrap_up_asks_before_leaving_with_unsaved_text(
    tmp_path: Path, disk: FullDisk, fast_saves: None
) -> None:
    root = tmp_path / "data"
    stored(root, status="ended")
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        app.push_screen(WrapUpScreen(load(root)))
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap_up = app.screen
        await pilot.pause()
        await type_while_the_disk_is_full(pilot, wrap_up, disk, "a reflection")
        await pilot.press("escape")
        await wait_for_dialog(pilot, UnsavedDialog)
        await pilot.press("escape")  # stay
        await wait_until(pilot, lambda: app.screen is wrap_up)
        assert wrap_up.query_one("#reflection-field", TextArea).text == "a reflection"


# ── SIGTERM: an emergency copy, offered back at the next start ────────────────────────────


async def test_sigterm_with_unsaved_text_writes_a_copy_the_next_start_restores(
    tmp_path: Path,
    disk: FullDisk,
    fast_saves: None,
    private_unsaved_dir: Path,
    restore_signal_handlers: None,
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await type_while_the_disk_is_full(pilot, live, disk, "said just before shutdown")
        signal.raise_signal(signal.SIGTERM)
        await wait_until(pilot, lambda: not app.is_running)
    [copy] = copies_in(private_unsaved_dir)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert json.loads(copy.read_text())["session"]["agenda"][0]["note"] == (
        "said just before shutdown"
    )
    assert load(root).agenda[0].note == ""

    disk.full = False
    again = recording_app(root)
    async with again.run_test(size=SIZE) as pilot:
        await wait_for_dialog(pilot, UnsavedCopiesDialog)
        shown = str(again.screen.query_one("#copies-list Static").render())
        assert str(copy) in shown and "Grace Hopper" in shown
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(again.screen, StartScreen))
        assert any("Restored" in m and "Grace Hopper" in m for m in again.messages)
    assert load(root).agenda[0].note == "said just before shutdown"
    assert copies_in(private_unsaved_dir) == []
    assert copies_in(private_unsaved_dir / emergency.RESTORED_DIR) != []

    third = recording_app(root)  # restored copies are not offered again
    async with third.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: third.ready)
        await pilot.pause()
        assert isinstance(third.screen, StartScreen)


async def test_a_closed_terminal_with_unsaved_text_leaves_a_copy_before_it_ends(
    tmp_path: Path,
    disk: FullDisk,
    fast_saves: None,
    private_unsaved_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ended: list[int] = []
    monkeypatch.setattr(app_module.os, "_exit", ended.append)  # the real one ends pytest
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await type_while_the_disk_is_full(pilot, live, disk, "the line dropped")
        app._on_terminate_signal(signal.SIGHUP, None)
        assert ended == [128 + signal.SIGHUP]
        [copy] = copies_in(private_unsaved_dir)  # written before the process would end
        assert json.loads(copy.read_text())["session"]["agenda"][0]["note"] == "the line dropped"


async def test_sigterm_with_everything_saved_writes_no_copy(
    tmp_path: Path, private_unsaved_dir: Path, restore_signal_handlers: None
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await type_text(pilot, "saved")
        signal.raise_signal(signal.SIGTERM)
        await wait_until(pilot, lambda: not app.is_running)
    assert load(root).agenda[0].note == "saved"
    assert copies_in(private_unsaved_dir) == []


async def test_copies_at_start_can_be_kept_as_files(
    tmp_path: Path, private_unsaved_dir: Path
) -> None:
    root = tmp_path / "data"
    session = stored(root)
    session.general_note = "from a copy"
    written = emergency.write_copy(session, root, "could not save: No space left on device")
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_dialog(pilot, UnsavedCopiesDialog)
        await pilot.press("k")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
    kept = private_unsaved_dir / emergency.KEPT_DIR / written.name
    assert any(str(kept) in m for m in app.messages), app.messages
    assert json.loads(kept.read_text())["session"]["general_note"] == "from a copy"
    assert emergency.find_copies(root) == []
    assert load(root).general_note == ""


# ── one retry loop, one notice ──────────────────────────────────────────────────────────


async def test_failed_saves_retry_in_one_loop_behind_one_banner(
    tmp_path: Path, disk: FullDisk, fast_saves: None
) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        note = live.query_one("#note", TextArea)
        disk.full = True
        # Type in bursts across several retry periods: each burst used to start a retry
        # loop of its own, so that idle attempts multiplied with the typing.
        typed = ""
        for burst in ("first ", "second ", "third ", "fourth ", "fifth"):
            seen = len(disk.failures)
            await pilot.press(*burst)
            typed += burst
            await wait_until(pilot, lambda seen=seen: len(disk.failures) > seen)
        assert note.text == typed  # typing was never blocked
        assert f"{len(disk.failures)} failed tries" in banner_text(live)  # updated in place

        # Idle: attempts come one retry period apart, not in a crowd.
        start = len(disk.failures)
        await wait_until(pilot, lambda: len(disk.failures) >= start + 4)
        gaps = [
            b - a for a, b in zip(disk.failures[start:-1], disk.failures[start + 1 :], strict=True)
        ]
        assert min(gaps) >= saving.RETRY_SECONDS * 0.75, gaps
        shown = banner_text(live)
        assert "Not saved" in shown and f"{len(disk.failures)} failed tries" in shown

        # One notice: the banner, updated in place; no error pop-ups, no second banner.
        assert len(live.query(SaveBanner)) == 1
        assert not [m for m in app.messages if "Not saved" in m or "No space" in m]

        disk.full = False
        await wait_until(pilot, lambda: live.save_error is None)
        assert not live.query_one(SaveBanner).display
        assert load(root).agenda[0].note == typed
        after = len(disk.failures)
        await pilot.press("!")
        await wait_until(pilot, lambda: load(root).agenda[0].note == typed + "!")
        assert len(disk.failures) == after
    assert sum("Saving works again" in m for m in app.messages) == 1


async def test_the_first_keystroke_is_saved_at_once(tmp_path: Path) -> None:
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        live = await open_live(pilot)
        await pilot.press("x")
        assert live._save_timer is None  # written straight away, not after an interval
        await wait_until(pilot, lambda: load(root).agenda[0].note == "x")


# ── a second copy of the app ────────────────────────────────────────────────────────────


async def test_a_second_copy_takes_no_typing_and_says_why_on_every_editing_screen(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    stored(root, status="ended")
    first = SessionStore(root)  # the first copy, still running
    try:
        app = recording_app(root)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: app.ready)
            assert app.workspace is not None and app.workspace.read_only

            await pilot.press("n")  # a new session could never be saved: refused, saying so
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert "Read-only" in app.messages[-1]

            app.push_screen(LiveScreen(load(root)))
            await wait_until(pilot, lambda: isinstance(app.screen, LiveScreen))
            live = app.screen
            await pilot.pause()
            assert "Read-only" in banner_text(live) and "another copy" in banner_text(live)
            note = live.query_one("#note", TextArea)
            assert note.read_only and app.focused is note
            await type_text(pilot, "typed into the second copy")
            await pilot.press("f10")
            await pilot.pause()
            assert note.text == "" and app.screen is live  # nothing accepted, no end call
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))

            app.push_screen(WrapUpScreen(load(root)))
            await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
            wrap_up = app.screen
            await pilot.pause()
            assert "Read-only" in banner_text(wrap_up)
            assert all(area.read_only for area in wrap_up.query(TextArea))
            assert all(box.disabled for box in wrap_up.query(Input))
            await type_text(pilot, "reflection")
            assert all(area.text == "" for area in wrap_up.query(TextArea))
        assert not any(isinstance(s, SetupScreen) for s in app.screen_stack)
    finally:
        first.close()
    assert load(root).agenda[0].note == ""


# ── Windows: no SIGHUP ──────────────────────────────────────────────────────────────────


async def test_the_app_starts_where_there_is_no_sighup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed: list[int] = []
    windows_signal = types.SimpleNamespace(
        SIGTERM=signal.SIGTERM,
        SIGINT=signal.SIGINT,
        signal=lambda sig, handler: installed.append(sig),
    )
    monkeypatch.setattr(app_module, "signal", windows_signal)
    root = tmp_path / "data"
    stored(root)
    app = recording_app(root)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert isinstance(app.screen, StartScreen)
        app._on_terminate_signal(signal.SIGTERM, None)
        await wait_until(pilot, lambda: not app.is_running)
    assert installed == [signal.SIGTERM]
