"""A data folder a sync tool changes while the app is open: the start screen shows sessions
that appear, change or go within a couple of seconds, and says what it merged."""

from __future__ import annotations

import shutil
from pathlib import Path

from ui_helpers import open_app, screen_text

from interview_tui.models import Contact, Session
from interview_tui.service import Workspace

SYNC_TIMEOUT = 6.0  # the start screen looks every 2 s


def _written_elsewhere(other: Path, session: Session) -> Path:
    """``session`` saved in another machine's folder; the file a sync tool would carry."""
    workspace = Workspace.open(other)
    try:
        workspace.save(session)
    finally:
        workspace.close()
    return other / "sessions" / f"{session.id}.json"


async def test_a_session_synced_in_shows_changes_and_goes_without_a_restart(
    make_app, app_data_dir: Path, tmp_path: Path, wait_until
):
    here = Session(contact=Contact(name="Ana Nunez", company="Acme"))
    _written_elsewhere(app_data_dir, here)
    other = tmp_path / "desktop"
    newcomer = Session(contact=Contact(name="Bo Li", company="Initech"))
    carried = _written_elsewhere(other, newcomer)
    target = app_data_dir / "sessions" / carried.name

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: "Ana Nunez" in screen_text(app))
        assert "Bo Li" not in screen_text(app)

        shutil.copy2(carried, target)  # appears
        await wait_until(pilot, lambda: "Bo Li" in screen_text(app), SYNC_TIMEOUT)

        newcomer.contact.company = "Globex"  # changed on the other machine
        shutil.copy2(_written_elsewhere(other, newcomer), target)
        await wait_until(pilot, lambda: "Globex" in screen_text(app), SYNC_TIMEOUT)
        assert "Initech" not in screen_text(app)

        target.unlink()  # deleted on the other machine
        await wait_until(pilot, lambda: "Bo Li" not in screen_text(app), SYNC_TIMEOUT)
        assert "Ana Nunez" in screen_text(app)


async def test_a_conflict_copy_synced_in_is_merged_and_said_in_one_line(
    make_app, app_data_dir: Path, tmp_path: Path, wait_until
):
    here = Session(contact=Contact(name="Ana Nunez", company="Acme"), takeaways="Ask Bo")
    _written_elsewhere(app_data_dir, here)
    there = here.model_copy(update={"takeaways": "Read her blog"})
    copy = app_data_dir / "sessions" / f"{here.id}.sync-conflict-20261130-101500-BBBBBBB.json"

    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await open_app(pilot)
        shutil.copy2(_written_elsewhere(tmp_path / "desktop", there), copy)
        await wait_until(pilot, lambda: "Merged a copy of Ana" in screen_text(app), SYNC_TIMEOUT)
        assert app.workspace is not None
        takeaways = app.workspace.load(here.id).takeaways
        assert "Ask Bo" in takeaways and "Read her blog" in takeaways
    assert (app_data_dir / "conflicts" / "sessions" / copy.name).is_file()
