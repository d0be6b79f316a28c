"""The settings file at work in the app: setup's defaults, the signed thank-you note, the
theme remembered across starts, a bad file named in one line."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, SelectionList, TextArea

from interview_tui.settings import load_settings
from interview_tui.ui.dialogs.template_dialog import TemplateDialog
from interview_tui.ui.screens.setup import SetupScreen
from interview_tui.ui.screens.wrap_up import WrapUpScreen

SIZE = (100, 30)


def write_settings_file(private_user_dirs, text: str):
    path = private_user_dirs["config"] / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_a_new_session_starts_from_the_default_length_and_goals(
    private_user_dirs, make_app, wait_until
):
    write_settings_file(
        private_user_dirs,
        'default_minutes = 45\ndefault_goals = ["networking", "how to move into UX research"]\n',
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, SetupScreen))
        setup = app.screen

        assert setup.query_one("#length", Input).value == "45"
        assert list(setup.query_one("#goals", SelectionList).selected) == ["networking"]
        assert setup.query_one("#own_goal", Input).value == "how to move into UX research"
        await wait_until(
            pilot, lambda: "of 45 min planned" in str(setup.query_one("#plan-summary").render())
        )


async def test_the_thank_you_note_is_signed_from_the_settings(
    private_user_dirs, make_app, store_session, wait_until
):
    write_settings_file(
        private_user_dirs, 'name = "Alex Doe"\nsignature = "Alex Doe\\nUX student"\n'
    )
    session = store_session("ada", "Ada Lovelace", "Analytical Engines", status="ended")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        app.push_screen(WrapUpScreen(app.workspace.load(session.id), today=date(2026, 3, 3)))
        await wait_until(pilot, lambda: isinstance(app.screen, WrapUpScreen))
        await pilot.press("ctrl+y")
        await wait_until(pilot, lambda: isinstance(app.screen, TemplateDialog))

        text = app.screen.query_one("#template-text", TextArea).text
        assert text.endswith("Best wishes,\nAlex Doe\nUX student\n")


async def test_a_theme_chosen_is_remembered_at_the_next_start(
    private_user_dirs, make_app, wait_until
):
    path = write_settings_file(private_user_dirs, '# my settings\nname = "Alex"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.ready)
        assert app.theme != "textual-light"
        app.theme = "textual-light"  # what the command palette's theme picker does
        await wait_until(pilot, lambda: load_settings(path).settings.theme == "textual-light")
    assert path.read_text(encoding="utf-8").startswith('# my settings\nname = "Alex"\n')

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        # Before the first paint already, not once the settings worker is done.
        assert again.theme == "textual-light"
        await wait_until(pilot, lambda: again.ready)
        await pilot.pause()
        assert again.theme == "textual-light"
        assert again.settings.name == "Alex"


async def test_a_bad_settings_file_is_one_notification_and_the_defaults(
    private_user_dirs, make_app, wait_until
):
    path = write_settings_file(private_user_dirs, "default_minutes = 'long'\ntheme = 'no-such'\n")
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.ready)
        await pilot.pause()
        messages = [n.message for n in app._notifications]

        assert (
            f"{path}:1: default_minutes: input should be a valid integer, unable to parse "
            "string as an integer" in messages
        )
        assert f"{path}: theme: no theme named 'no-such'" in messages
        assert app.settings.default_minutes == 30
        assert app.theme == "textual-dark"
