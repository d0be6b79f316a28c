"""SVG snapshots of the People screen and a person's page at 80x24.

The people and their dates are fixed (``tests/people_data.py``), all in the past, so the
overdue marks do not change with the day the picture is taken.
"""

from __future__ import annotations

from people_data import store_people

from interview_tui.ui.screens.people import PeopleScreen
from interview_tui.ui.screens.person import PersonScreen


async def _people(pilot, wait_until, settle) -> None:
    app = pilot.app
    await wait_until(pilot, lambda: app.ready)
    await pilot.press("p")
    await wait_until(pilot, lambda: isinstance(app.screen, PeopleScreen) and app.screen.loaded)
    await settle(pilot)


def test_people_screen(snap_compare, make_app, app_data_dir, wait_until, settle):
    store_people(app_data_dir)

    async def run_before(pilot) -> None:
        await _people(pilot, wait_until, settle)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_person_page_with_introducer_and_introduced(
    snap_compare, make_app, app_data_dir, wait_until, settle
):
    store_people(app_data_dir)

    async def run_before(pilot) -> None:
        app = pilot.app
        await _people(pilot, wait_until, settle)
        await pilot.press("down", "down", "down", "enter")  # Grace Hopper
        await wait_until(pilot, lambda: isinstance(app.screen, PersonScreen))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
