"""Settings a person keeps: defaults, one line per problem, the theme remembered, the CLI."""

from __future__ import annotations

import os
import stat
import tomllib

from interview_tui import locations
from interview_tui.cli import main
from interview_tui.models import Contact, Session
from interview_tui.settings import (
    KEYS,
    Settings,
    load_settings,
    remember,
    settings_toml,
    write_settings,
)
from interview_tui.templates import follow_up_reminder, outreach_email, thank_you_note

EXAMPLE = """\
# mine
name = "Alex Doe"
signature = \"\"\"
Alex Doe
alex@example.com\"\"\"
default_minutes = 45
default_goals = ["networking", "how to move into UX research"]
export_folder = "~/Notes/Interviews"
theme = "textual-light"
csv_bom = true
keep_in_touch_months = 4
weekly_goal = 2
"""


def settings_path(private_user_dirs) -> os.PathLike[str]:
    return private_user_dirs["config"] / "settings.toml"


def test_no_file_gives_the_defaults(tmp_path):
    loaded = load_settings(tmp_path / "settings.toml")

    assert loaded.problems == []
    assert loaded.settings == Settings()
    assert loaded.settings.default_minutes == 30
    assert loaded.settings.default_goals == []
    assert loaded.settings.export_path() is None
    assert loaded.settings.email_signature == ""


def test_every_value_is_read(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(EXAMPLE, encoding="utf-8")

    loaded = load_settings(path)

    assert loaded.problems == []
    settings = loaded.settings
    assert settings.default_minutes == 45
    assert settings.default_goals == ["networking", "how to move into UX research"]
    assert settings.email_signature == "Alex Doe\nalex@example.com"
    assert settings.export_path() == (tmp_path.home() / "Notes" / "Interviews")
    assert (settings.theme, settings.csv_bom) == ("textual-light", True)
    assert (settings.keep_in_touch_months, settings.weekly_goal) == (4, 2)


def test_a_wrong_value_gives_one_line_with_path_line_and_field_and_its_default(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('name = "Alex"\n\ndefault_minutes = "half an hour"\n', encoding="utf-8")

    loaded = load_settings(path)

    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:3: default_minutes: ")
    assert "\n" not in loaded.problems[0]
    assert loaded.settings.default_minutes == 30  # the default
    assert loaded.settings.name == "Alex"  # what was right is kept


def test_a_file_that_is_not_toml_gives_one_line_and_every_default(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('name = "Alex"\ndefault_minutes = = 3\n', encoding="utf-8")

    loaded = load_settings(path)

    assert len(loaded.problems) == 1
    assert loaded.problems[0].startswith(f"{path}:2: ")
    assert loaded.settings == Settings()


def test_an_unknown_key_and_an_out_of_range_value_each_get_a_line(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("colour = 'red'\nweekly_goal = 500\n", encoding="utf-8")

    problems = load_settings(path).problems

    assert problems == [
        f"{path}:1: colour: unknown setting",
        f"{path}:2: weekly_goal: input should be less than or equal to 50",
    ]


def test_a_folder_where_the_file_should_be_is_one_line(tmp_path):
    (tmp_path / "settings.toml").mkdir()

    loaded = load_settings(tmp_path / "settings.toml")

    assert loaded.problems == [f"{tmp_path / 'settings.toml'}: not a file"]
    assert loaded.settings == Settings()


def test_show_writes_toml_that_reads_back_the_same(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(EXAMPLE, encoding="utf-8")
    settings = load_settings(path).settings

    text = settings_toml(settings)

    assert list(tomllib.loads(text)) == list(KEYS)
    assert Settings.model_validate(tomllib.loads(text)) == settings


def test_written_settings_are_private_and_read_back(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    settings = Settings(name='Zoë "Z" O\'Neil', signature="Zoë\n\tline two\x7f", weekly_goal=3)

    write_settings(path, settings)

    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_settings(path).settings == settings


def test_remembering_the_theme_keeps_the_other_values_and_the_comments(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(EXAMPLE, encoding="utf-8")

    assert remember(path, theme="nord") is None

    text = path.read_text(encoding="utf-8")
    assert text.startswith("# mine\n")
    assert 'theme = "nord"' in text
    assert load_settings(path).settings == load_settings_from(EXAMPLE).model_copy(
        update={"theme": "nord"}
    )
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_remembering_into_no_file_writes_just_that(tmp_path):
    path = tmp_path / "new" / "settings.toml"

    assert remember(path, theme="nord") is None

    assert load_settings(path).settings == Settings(theme="nord")


def test_remembering_never_writes_over_a_file_with_a_problem(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("default_minutes = = 3\n", encoding="utf-8")

    problem = remember(path, theme="nord")

    assert problem is not None and problem.startswith("not remembered: ")
    assert path.read_text(encoding="utf-8") == "default_minutes = = 3\n"


def load_settings_from(text: str) -> Settings:
    return Settings.model_validate(tomllib.loads(text))


# -- the emails --------------------------------------------------------------------------------


def session() -> Session:
    return Session(contact=Contact(name="Sam Lee", company="Acme"))


def test_the_thank_you_note_is_signed_with_the_signature():
    text = thank_you_note(session(), signature="Alex Doe\nalex@example.com")

    assert text.endswith("Best wishes,\nAlex Doe\nalex@example.com\n")


def test_outreach_and_reminder_are_signed_and_unsigned_stays_as_before():
    signed = Settings(name="Alex Doe").email_signature

    assert outreach_email(session(), signature=signed).endswith("Best wishes,\nAlex Doe\n")
    assert follow_up_reminder(session(), signature=signed).endswith("Best wishes,\nAlex Doe\n")
    assert thank_you_note(session()).endswith("Best wishes,\n")


# -- the command line --------------------------------------------------------------------------


def test_config_path_prints_the_file_in_the_config_folder(private_user_dirs, capsys):
    assert main(["config", "path"]) == 0

    assert capsys.readouterr().out == f"{private_user_dirs['config'] / 'settings.toml'}\n"
    assert locations.settings_file() == private_user_dirs["config"] / "settings.toml"


def test_config_show_prints_the_settings_in_effect(private_user_dirs, capsys):
    (private_user_dirs["config"] / "settings.toml").write_text(EXAMPLE, encoding="utf-8")

    assert main(["config", "show"]) == 0

    out, err = capsys.readouterr()
    assert err == ""
    assert load_settings_from(out) == load_settings_from(EXAMPLE)


def test_config_show_names_a_problem_and_shows_the_defaults(private_user_dirs, capsys):
    path = private_user_dirs["config"] / "settings.toml"
    path.write_text("default_minutes = 1000\n", encoding="utf-8")

    assert main(["config", "show"]) == 1

    out, err = capsys.readouterr()
    assert err.startswith(f"{path}:1: default_minutes: ") and err.count("\n") == 1
    assert load_settings_from(out) == Settings()
