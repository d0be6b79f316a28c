"""Importing from inside the app: the palette's "Import people or an invite", at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from ui_helpers import open_app, recording_app, screen_text, type_text, wait_until

from interview_tui.ui.dialogs.import_dialog import ImportDialog
from interview_tui.ui.screens.start import StartScreen

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"
SIZE = (80, 24)


async def open_import(pilot) -> None:
    app = pilot.app
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: CommandPalette.is_open(app))
    await type_text(pilot, "Import people")
    await wait_until(pilot, lambda: "Import people or an invite" in screen_text(app))
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportDialog))


async def test_a_connections_file_and_an_invite_imported_from_the_palette(tmp_path: Path) -> None:
    app = recording_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await open_import(pilot)
        await type_text(pilot, str(IMPORTS / "Connections.csv"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Connections.csv: 9 added" in screen_text(app))
        # Problems are named with their row, as plain text.
        assert "Connections.csv:10: no name, skipped" in screen_text(app)
        assert len(app.workspace.people()) == 9

        app.screen.query_one("#path").value = ""
        await type_text(pilot, str(IMPORTS / "google-invite.ics"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: "added: google-invite.ics" in screen_text(app))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
        # The list reloaded: the scheduled call is there, with the person already imported.
        await wait_until(pilot, lambda: "Priya Raman" in screen_text(app))
        assert len(app.workspace.people()) == 9


async def test_a_file_that_is_not_an_import_says_so_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "[b]notes[i].txt"
    junk.write_text("hello")
    app = recording_app(tmp_path / "data")
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await open_import(pilot)
        await type_text(pilot, str(junk))
        await pilot.press("enter")
        await wait_until(pilot, lambda: "[b]notes[i].txt" in screen_text(app))
        assert "is not a LinkedIn" in screen_text(app).replace("\n", " ")
        assert app.workspace.people() == []
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, StartScreen))
