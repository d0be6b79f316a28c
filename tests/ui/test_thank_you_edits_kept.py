"""What a person writes into the thank-you note is still there when it opens again."""

from __future__ import annotations

from textual.widgets import TextArea
from ui_helpers import store_sessions

from interview_tui.models import Contact, Session
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.wrap_up import WrapUpScreen


async def open_note(pilot, wait_until) -> TextArea:
    app = pilot.app
    await pilot.press("ctrl+y")
    await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))
    await wait_until(pilot, lambda: bool(app.screen.query("#template-text")))
    return app.screen.query_one("#template-text", TextArea)


async def test_an_edited_thank_you_note_survives_closing_and_reopening(
    make_app, app_data_dir, wait_until
):
    session = Session(
        contact=Contact(name="Priya Nair", company="Gridworks"),
        status="ended",
        contact_status="interviewed",
        takeaways="Learn SQL before Spark.",
    )
    store_sessions(app_data_dir, session)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert app.workspace is not None
        app.push_screen(WrapUpScreen(app.workspace.load(session.id)))
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        wrap = app.screen
        note = await open_note(pilot, wait_until)
        note.insert("P.S. Thanks for the intro to Sam.\n", (0, 0))
        edited = note.text
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is wrap)

        again = await open_note(pilot, wait_until)
        assert again.text == edited
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is wrap)
        assert wrap.flush()
        assert app.workspace.load(session.id).thank_you_draft == edited
