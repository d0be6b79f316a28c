"""f10 on a full disk asks what to do with the unsaved notes, like escape and ctrl+q."""

from __future__ import annotations

import errno
import importlib
import os
from pathlib import Path

import pytest
from textual.widgets import Button
from ui_helpers import open_live

from interview_tui.storage import safe_storage
from interview_tui.ui.dialogs.unsaved_dialog import UnsavedDialog
from interview_tui.ui.screens.wrap_up import WrapUpScreen

SESSION_ID = "20260301-100000-endful"


async def test_ending_the_call_when_nothing_can_be_saved_asks_and_keeps_the_call(
    make_app, store_session, wait_until, monkeypatch: pytest.MonkeyPatch
):
    importlib.import_module("interview_tui.export")  # imports safe_write by name: first
    real_write = safe_storage.safe_write
    full = {"now": False}

    def write(path: Path, data: bytes) -> None:
        if full["now"]:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        real_write(path, data)

    monkeypatch.setattr(safe_storage, "safe_write", write)
    store_session(SESSION_ID, "Grace Hopper", "Navy", "Rear admiral")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        full["now"] = True
        await pilot.press(*"the last answer")
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, UnsavedDialog))
        await wait_until(pilot, lambda: bool(app.screen.query(Button)))
        assert app.screen_stack[-2] is live  # still on the call, the notes on screen
        await pilot.press("escape")  # stay
        await wait_until(pilot, lambda: app.screen is live)
        full["now"] = False
        await pilot.press("f10")
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        assert any(item.note == "the last answer" for item in app.screen.session.agenda)
