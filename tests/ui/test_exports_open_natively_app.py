"""Exports in the app (issue 12): the settings' CSV byte-order mark, and the calendar file a
calendar app subscribes to, kept current when a follow-up is marked done on the start screen."""

from __future__ import annotations

import codecs
from datetime import date, datetime

import icalendar

from interview_tui.models import Contact, FollowUp, Session
from interview_tui.storage.store import SessionStore

SIZE = (80, 24)
ADA = "20260302-100000-ada001"


def store(data_dir, session: Session) -> None:
    db = SessionStore(data_dir)
    try:
        db.save(session)
    finally:
        db.close()


def ada() -> Session:
    return Session(
        id=ADA,
        contact=Contact(name="José Núñez", company="Engines"),
        scheduled_at=datetime(2026, 3, 2, 10, 0),
        started_at=datetime(2026, 3, 2, 10, 0),
        length_minutes=45,
        status="ended",
        contact_status="interviewed",
        followups=[FollowUp(kind="thank-you", due=date(2026, 3, 3))],
    )


def export_running(app) -> bool:
    return any(worker.group == "export" and worker.is_running for worker in app.workers)


async def test_the_settings_turn_on_the_csv_byte_order_mark(
    private_user_dirs, make_app, app_data_dir, wait_until
):
    (private_user_dirs["config"] / "settings.toml").write_text("csv_bom = true\n", "utf-8")
    store(app_data_dir, ada())
    exports = app_data_dir / "exports"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.pause()
        await pilot.press("X")  # export all
        await wait_until(pilot, lambda: list(exports.glob("sessions-*.csv")))
        await wait_until(pilot, lambda: not export_running(app))
    (table,) = exports.glob("sessions-*.csv")
    assert table.read_bytes().startswith(codecs.BOM_UTF8)
    assert "José Núñez" in table.read_text(encoding="utf-8-sig")


async def test_a_follow_up_marked_done_is_cancelled_in_the_subscribed_calendar(
    make_app, app_data_dir, wait_until
):
    store(app_data_dir, ada())
    feed = app_data_dir / "exports" / "followups.ics"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.pause()
        await pilot.press("x")  # to the due list
        await pilot.press("x")  # the thank-you is done
        await wait_until(pilot, lambda: app.workspace.load(ADA).followups[0].done)
        await wait_until(pilot, feed.exists)  # a moment after the save, in the background
    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
    assert str(events[f"{ADA}-thank-you-0@interview-tui"]["STATUS"]) == "CANCELLED"
    interview = events[f"{ADA}-interview@interview-tui"]
    assert (interview.decoded("DTEND") - interview.decoded("DTSTART")).seconds == 45 * 60


async def test_the_calendar_file_follows_the_export_folder_of_the_settings(
    private_user_dirs, make_app, app_data_dir, wait_until, tmp_path
):
    vault = tmp_path / "vault"
    settings = private_user_dirs["config"] / "settings.toml"
    settings.write_text(f'export_folder = "{vault.as_posix()}"\n', "utf-8")
    store(app_data_dir, ada())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.pause()
        await pilot.press("x", "x")  # the thank-you is done
        await wait_until(pilot, (vault / "followups.ics").exists)
    assert not (app_data_dir / "exports").exists()
