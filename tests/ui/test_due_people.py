"""People in the start screen's due list, the weekly goal, and drafts opened in the mail app,
as a person at an 80x24 terminal sees them."""

from __future__ import annotations

import os
import webbrowser
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from textual.widgets import OptionList, TextArea
from ui_helpers import open_app, option_texts, recording_app, store_sessions

from interview_tui.models import Contact, Session
from interview_tui.people import log_interaction
from interview_tui.person import Person
from interview_tui.service import Workspace
from interview_tui.ui.dialogs.template_dialog import TemplateDialog

SIZE = (80, 24)


def store_people(data_dir: Path, *people: Person) -> None:
    """Save ``people`` before the app opens the folder (the lock is released)."""
    workspace = Workspace.open(data_dir)
    try:
        for person in people:
            workspace.save_person(person)
    finally:
        workspace.close()


def met(name: str, days_ago: int, **fields: object) -> Person:
    person = Person(name=name, status="interviewed", **fields)
    log_interaction(person, date.today() - timedelta(days=days_ago), "call")
    return person


def day_text(day: date) -> str:
    text = f"{day.day} {day:%b}"
    return text if day.year == date.today().year else f"{text} {day.year}"


def flat(text: str) -> str:
    return " ".join(text.split())


async def test_a_person_due_for_a_touch_is_logged_with_x_undone_with_u_and_snoozed_with_z(
    make_app, app_data_dir, wait_until, screen_text
):
    ana = met("Ana Núñez", 100)
    store_people(app_data_dir, ana)
    label = f"Check in with Ana Núñez (last talked {day_text(date.today() - timedelta(days=100))})"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        screen = app.screen
        due = screen.query_one("#due", OptionList)
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        assert "z: snooze" in screen_text(app)

        def stored() -> Person:
            person = app.workspace.person(ana.id)
            assert person is not None
            return person

        await pilot.press("x")  # to the due list
        assert app.focused is due and label in option_texts(due)[due.highlighted]
        await pilot.press("x")
        await wait_until(pilot, lambda: due.option_count == 0)
        assert label not in flat(screen_text(app))
        assert [(i.on, i.kind) for i in stored().interactions][-1] == (date.today(), "check-in")
        assert stored().status == "keeping in touch"

        await pilot.press("u")
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        assert [i.kind for i in stored().interactions] == ["call"]
        assert stored().status == "interviewed"

        screen.query_one("#sessions").focus()
        await pilot.press("z")  # from the list: first to the due list, nothing snoozed yet
        await wait_until(pilot, lambda: app.focused is due)
        assert stored().snoozed_until is None and due.option_count == 1
        await pilot.press("z")
        await wait_until(pilot, lambda: due.option_count == 0)
        assert label not in flat(screen_text(app))
        assert stored().snoozed_until == date.today() + timedelta(days=14)
        assert [i.kind for i in stored().interactions] == ["call"]

        await pilot.press("u")
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        assert stored().snoozed_until is None


async def test_the_introducer_is_to_thank_once_the_introduced_person_is_met(
    make_app, app_data_dir, wait_until, screen_text
):
    ana = met("Ana Núñez", 20)
    bo = Person(name="Bo Lee", introduced_by=ana.id)
    store_people(app_data_dir, ana, bo)
    label = "Thank Ana Núñez for introducing Bo Lee"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        screen = app.screen
        due = screen.query_one("#due", OptionList)
        await wait_until(pilot, lambda: not app.workspace or screen.people)
        assert label not in flat(screen_text(app))

        started = datetime.combine(date.today(), time(0, 5))
        call = Session(
            contact=Contact(name="Bo Lee"),
            person_id=bo.id,
            status="ended",
            contact_status="interviewed",
            started_at=started,
            ended_at=started + timedelta(minutes=30),
        )
        app.workspace.save(call)
        await pilot.press("r")
        await wait_until(pilot, lambda: label in flat(screen_text(app)))

        await pilot.press("x", "x")
        await wait_until(pilot, lambda: label not in flat(screen_text(app)))
        assert app.workspace.person(bo.id).introducer_thanked
        thanks = [i for i in app.workspace.person(ana.id).interactions if i.kind == "thank-you"]
        assert [(i.on, i.line) for i in thanks] == [
            (date.today(), "Thanked for introducing Bo Lee")
        ]
        await pilot.press("u")
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        assert not app.workspace.person(bo.id).introducer_thanked
        assert due.option_count >= 1


def _held_today() -> Session:
    started = datetime.combine(date.today(), time(0, 5))
    return Session(
        contact=Contact(name="Cy Park"),
        status="ended",
        contact_status="thanked",
        started_at=started,
        ended_at=started + timedelta(minutes=30),
    )


async def test_this_weeks_conversations_show_against_the_goal(
    make_app, app_data_dir, wait_until, screen_text
):
    store_sessions(app_data_dir, _held_today())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: "This week: 1 of 3 conversations" in screen_text(app))


async def test_no_weekly_line_when_the_goal_is_zero(
    make_app, app_data_dir, wait_until, screen_text
):
    config = Path(os.environ["INTERVIEW_TUI_CONFIG_DIR"])
    (config / "settings.toml").write_text("weekly_goal = 0\n", encoding="utf-8")
    store_sessions(app_data_dir, _held_today())
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: app.settings.weekly_goal == 0)
        await pilot.pause()
        assert "Cy Park" in screen_text(app)
        assert "This week" not in screen_text(app)
        assert "interview-tui — informational interviews" in screen_text(app)


# -- drafts in the mail app --------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Links handed to the browser module; none reaches a real browser."""
    urls: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    return urls


@pytest.fixture
def clipboard(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Text copied to the (fake) system clipboard."""
    copied: list[str] = []

    def fake_copy(text: str) -> None:
        copied.append(text)

    import pyperclip

    monkeypatch.setattr(pyperclip, "copy", fake_copy)
    return copied


async def _outreach_dialog(pilot, app, wait_until) -> TemplateDialog:
    await open_app(pilot)
    await pilot.press("m")
    await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
    return app.screen


def _ana() -> Session:
    return Session(contact=Contact(name="Ana Núñez", company="Acme", email="ana@example.com"))


async def test_ctrl_o_opens_the_draft_as_a_mailto_link_to_the_persons_address(
    make_app, app_data_dir, wait_until, screen_text, opened, clipboard
):
    store_sessions(app_data_dir, _ana())
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await _outreach_dialog(pilot, app, wait_until)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: opened)
        assert opened[0].startswith(
            "mailto:ana@example.com?subject=Could%20I%20learn%20about%20your%20work%20at%20Acme%3F&body=Hi%20Ana%2C%0D%0A"
        )
        await wait_until(pilot, lambda: "Opened in your mail app." in flat(screen_text(app)))
        assert clipboard == []
        assert isinstance(app.screen, TemplateDialog) and app.screen is dialog


async def test_a_long_draft_opens_address_and_subject_and_copies_the_body(
    make_app, app_data_dir, wait_until, screen_text, opened, clipboard
):
    store_sessions(app_data_dir, _ana())
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await _outreach_dialog(pilot, app, wait_until)
        body = "A long paragraph about why I would love to talk. " * 60
        dialog.query_one(TextArea).text = f"Subject: Coffee?\n\n{body}"
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: opened and clipboard)
        assert opened == ["mailto:ana@example.com?subject=Coffee%3F"]
        assert clipboard == [body.rstrip() + "\n"]
        await wait_until(pilot, lambda: "too long for a mail link" in flat(screen_text(app)))


async def test_when_no_mail_app_opens_the_draft_is_copied_instead(
    make_app, app_data_dir, wait_until, screen_text, clipboard, monkeypatch
):
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: False)
    store_sessions(app_data_dir, _ana())
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        dialog = await _outreach_dialog(pilot, app, wait_until)
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: clipboard)
        assert clipboard == [dialog.query_one(TextArea).text]
        await wait_until(pilot, lambda: "No mail app opened the draft" in flat(screen_text(app)))


async def test_enter_on_an_introducer_to_thank_drafts_the_note_to_their_address(
    make_app, app_data_dir, wait_until, screen_text, opened, clipboard
):
    ana = met("Ana Núñez", 20, email="ana@example.com")
    bo = met("Bo Lee", 1, introduced_by=ana.id)
    store_people(app_data_dir, ana, bo)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: "Thank Ana Núñez for introducing" in flat(screen_text(app)))
        await pilot.press("x", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
        text = app.screen.query_one(TextArea).text
        assert text.startswith("Subject: Thank you for introducing me to Bo Lee\n\nHi Ana,")
        assert "I spoke with Bo Lee yesterday" in text
        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: opened)
        assert opened[0].startswith(
            "mailto:ana@example.com?subject=Thank%20you%20for%20introducing%20me%20to%20Bo%20Lee&"
        )
        await pilot.press("ctrl+s")  # copied and sent: the thanks is done
        await wait_until(pilot, lambda: app.workspace.person(bo.id).introducer_thanked)
        await wait_until(pilot, lambda: "Thank Ana" not in flat(screen_text(app)))


async def test_a_thanks_the_folder_refuses_is_not_half_recorded(
    app_data_dir, wait_until, screen_text, monkeypatch
):
    from interview_tui.service import StoreError

    ana = met("Ana Núñez", 20)
    bo = met("Bo Lee", 1, introduced_by=ana.id)
    store_people(app_data_dir, ana, bo)
    app = recording_app(app_data_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: "Thank Ana Núñez for introducing" in flat(screen_text(app)))

        def refuse(*args: object, **kwargs: object) -> None:
            raise StoreError("could not save Ana Núñez: No space left on device")

        monkeypatch.setattr(app.workspace, "log_touch", refuse)
        await pilot.press("x", "x")
        await wait_until(pilot, lambda: any("No space left" in m for m in app.messages))
        assert not app.workspace.person(bo.id).introducer_thanked
        assert "Thank Ana Núñez for introducing" in flat(screen_text(app))


async def test_undoing_reach_out_brings_the_recommended_person_back_to_contact(
    make_app, app_data_dir, wait_until, screen_text
):
    """x on "Reach out to Bo" moves Bo on to "asked"; u puts the item and Bo back."""
    from interview_tui.models import Referral

    workspace = Workspace.open(app_data_dir)
    ana_call = Session(
        contact=Contact(name="Ana Núñez", company="Acme"),
        status="ended",
        started_at=datetime.combine(date.today() - timedelta(days=2), time(10)),
        ended_at=datetime.combine(date.today() - timedelta(days=2), time(10, 30)),
        contact_status="thanked",
    )
    ana_call.referrals.append(Referral(name="Bo Lee", note="data team lead"))
    workspace.save(ana_call)
    bo = workspace.refer(ana_call, ana_call.referrals[0])
    workspace.close()
    label = "Reach out to Bo Lee (recommended by Ana Núñez)"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_app(pilot)
        due = app.screen.query_one("#due", OptionList)
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        await pilot.press("x")
        due.highlighted = next(i for i, text in enumerate(option_texts(due)) if label in text)
        await pilot.press("x")
        await wait_until(pilot, lambda: label not in flat(screen_text(app)))
        assert app.workspace.person(bo.id).status == "asked"
        await pilot.press("u")
        await wait_until(pilot, lambda: label in flat(screen_text(app)))
        assert app.workspace.person(bo.id).status == "to contact"


async def test_four_long_items_all_show_one_line_each_at_80x24(
    make_app, app_data_dir, wait_until, screen_text
):
    names = [f"Maria-Fernanda {n} Gonzalez-Rodriguez de la Vega y Montoya" for n in "ABCD"]
    store_people(app_data_dir, *(met(name, 100 + n) for n, name in enumerate(names)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_app(pilot)
        await wait_until(pilot, lambda: "Due (4)" in screen_text(app))
        lines = screen_text(app).splitlines()
        shown = [line for line in lines if "Check in with Maria-Fernanda" in line]
        assert len(shown) == 4  # none pushed out of the box by another's second line
        assert all(line.rstrip().endswith("…") for line in shown)
