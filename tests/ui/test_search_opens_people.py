"""A search hit on a person opens their page, at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList
from ui_helpers import open_app, recording_app, screen_text, wait_until

from interview_tui.person import Person
from interview_tui.service import Workspace
from interview_tui.ui.screens.person import PersonScreen
from interview_tui.ui.screens.search import SearchScreen


async def test_enter_on_a_person_hit_opens_their_page(tmp_path: Path) -> None:
    root = tmp_path / "data"
    workspace = Workspace.open(root)
    workspace.save_person(
        Person(name="Mary Somerville", company="Royal [Society]", notes="Builds orreries")
    )
    workspace.close()
    app = recording_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_app(pilot)
        await pilot.press("slash")
        await wait_until(pilot, lambda: isinstance(app.screen, SearchScreen))
        await wait_until(pilot, lambda: app.workspace.search_ready)
        app.screen.query_one("#query", Input).value = "orrer"
        await wait_until(pilot, lambda: "Builds orreries" in screen_text(app))
        assert "Mary Somerville" in screen_text(app)
        app.screen.query_one("#hits", OptionList).focus()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, PersonScreen))
        await wait_until(pilot, lambda: "Royal [Society]" in screen_text(app))
        assert "Mary Somerville" in screen_text(app)
