"""Two unsaved copies of one session (two visits on a full disk) are both kept."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from textual.widgets import Button
from ui_helpers import store_sessions

from interview_tui.models import Contact, Session
from interview_tui.storage import emergency
from interview_tui.ui.dialogs.unsaved_copies_dialog import UnsavedCopiesDialog
from interview_tui.ui.screens.start import StartScreen


async def test_restore_puts_the_newest_back_and_keeps_the_older_as_a_file(
    make_app, app_data_dir: Path, private_unsaved_dir: Path, wait_until
):
    session = Session(contact=Contact(name="Grace Hopper", company="Navy"))
    store_sessions(app_data_dir, session)
    first = session.model_copy(update={"general_note": "first visit"})
    second = session.model_copy(update={"general_note": "second visit"})
    older = emergency.write_copy(first, app_data_dir, "full", now=datetime(2026, 3, 1, 10))
    emergency.write_copy(second, app_data_dir, "full", now=datetime(2026, 3, 1, 11))

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnsavedCopiesDialog))
        await wait_until(pilot, lambda: bool(app.screen.query(Button)))
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        assert app.workspace is not None
        assert app.workspace.load(session.id).general_note == "second visit"

    kept = private_unsaved_dir / emergency.KEPT_DIR / older.name
    assert json.loads(kept.read_text())["session"]["general_note"] == "first visit"
    assert emergency.find_copies(app_data_dir) == []
