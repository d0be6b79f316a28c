"""Pilot tests of the live call screen: the time-budget bar against a fake clock, autosave,
the command palette, the README key map, and a terminal too small for the layout.

Each test stores a session with a fixed ten-question agenda (see ``store_session`` in
conftest.py: question 0 is a pinned 1-minute opener, nine questions sit above the cut) and
opens it from the start screen like a user would.
"""

from __future__ import annotations

import json
import re
import time
from itertools import pairwise
from pathlib import Path

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import TextArea
from ui_helpers import next_tick, open_live, text_of, wait_until

from interview_tui.storage.store import SessionStore
from interview_tui.ui import keymap
from interview_tui.ui.commands import ScreenActionsProvider
from interview_tui.ui.screens.saving import AUTOSAVE_SECONDS
from interview_tui.ui.widgets.agenda_list import AgendaList
from interview_tui.ui.widgets.budget_bar import BudgetBar

SESSION_ID = "20260309-093000-kathy1"
README = Path(__file__).resolve().parents[2] / "README.md"


@pytest.fixture
def planned_session(store_session):
    return store_session(SESSION_ID, "Katherine Johnson", "NASA Langley", "Mathematician")


async def test_thirty_minutes_running_reads_thirty_minutes(
    make_app, planned_session, fake_clock, screen_text
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        bar = live.query_one(BudgetBar)
        assert text_of(live, "#budget-time") == "0:00 / 30:00"
        await pilot.press("ctrl+t")
        fake_clock.advance(30 * 60)
        await next_tick(pilot, live)
        assert bar.pace is not None
        assert bar.pace.elapsed_seconds == 1800
        assert text_of(live, "#budget-time") == "30:00 / 30:00"
        assert "30:00 / 30:00" in screen_text(app)
        assert text_of(live, "#budget-state") == "running"


async def test_paused_time_does_not_count(make_app, planned_session, fake_clock):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+t")
        fake_clock.advance(600)
        await pilot.press("ctrl+t")  # pause
        assert text_of(live, "#budget-state") == "paused"
        fake_clock.advance(3600)
        await next_tick(pilot, live)
        assert text_of(live, "#budget-time") == "10:00 / 30:00"
        await pilot.press("f5")  # resume with the alternate key
        fake_clock.advance(61)
        await next_tick(pilot, live)
        assert text_of(live, "#budget-time") == "11:01 / 30:00"
        await pilot.press("f5")  # pausing saves
        stored = SessionStore(app.data_root, read_only=True).load(SESSION_ID)
        assert stored.elapsed_seconds == 661
        assert stored.agenda[0].seconds_spent == 661


async def test_current_question_overrun_shows_once_past_its_estimate(
    make_app, planned_session, fake_clock
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+t")
        fake_clock.advance(50)  # question 0 is planned for 1 minute
        await next_tick(pilot, live)
        assert "over on this question" not in text_of(live, "#budget-pace")
        fake_clock.advance(40)
        await next_tick(pilot, live)
        assert "+0:30 over on this question" in text_of(live, "#budget-pace")
        # Moving on clears it: question 1 has had no time yet.
        await pilot.press("ctrl+n")
        assert "over on this question" not in text_of(live, "#budget-pace")


async def test_dwelling_far_too_long_turns_the_bar_behind_and_names_questions_at_risk(
    make_app, planned_session, fake_clock, screen_text
):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        bar = live.query_one(BudgetBar)
        await pilot.press("ctrl+t")
        fake_clock.advance(45)
        await next_tick(pilot, live)
        assert not bar.has_class("-behind")
        assert "on pace" in text_of(live, "#budget-pace")

        fake_clock.advance(14 * 60)  # 14¾ minutes on a 1-minute opener
        await next_tick(pilot, live)
        assert bar.has_class("-behind")
        assert not bar.has_class("-over")
        pace = text_of(live, "#budget-pace")
        assert "+13:45 over on this question" in pace
        at_risk = bar.pace.at_risk
        assert at_risk, "some planned questions can no longer fit"
        assert all(0 < index < live.session.cut_index for index in at_risk)
        assert f"{len(at_risk)} at risk (!): " in pace
        first = live.session.agenda[at_risk[0]].text
        assert first[:20] in pace
        # The agenda marks the same questions with "!".
        agenda = live.query_one(AgendaList)
        for index in at_risk:
            option = agenda.get_option_at_index(agenda.option_index_of(index))
            assert str(option.prompt).startswith("!")
        assert "at risk (!)" in screen_text(app)

        # Past the planned end the bar says so.
        fake_clock.advance(20 * 60)
        await next_tick(pilot, live)
        assert bar.has_class("-over")
        assert "past the planned end" in text_of(live, "#budget-pace")


async def test_typing_saves_by_itself_without_a_question_change(
    make_app, planned_session, fake_clock
):
    path = None
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        path = app.workspace.root / "sessions" / f"{SESSION_ID}.json"
        note = live.query_one("#note", TextArea)
        saves_before = live.autosaver.saves
        submitted: list[float] = []
        submit = live.autosaver.submit

        def timed_submit(*args, **kwargs):
            submitted.append(time.monotonic())
            submit(*args, **kwargs)

        def on_disk() -> dict:
            return json.loads(path.read_text(encoding="utf-8"))["session"]["1"]

        live.autosaver.submit = timed_submit
        await pilot.press(*"Orbits")
        assert note.text == "Orbits"
        # Until the throttled last write has landed, however long the machine takes.
        await wait_until(
            pilot,
            lambda: (
                on_disk()["agenda"][0]["note"] == "Orbits" and live.autosaver.saves > saves_before
            ),
        )

        stored = SessionStore(app.data_root, read_only=True).load(SESSION_ID)
        assert stored.agenda[0].note == "Orbits"
        assert stored.current_index == 0
        # Throttled: the first key is written at once, then at most one write per
        # AUTOSAVE_SECONDS while typing goes on (keys come faster), not one per keystroke.
        assert 1 <= live.autosaver.saves - saves_before <= len(submitted)
        gaps = [b - a for a, b in pairwise(submitted)]
        assert all(gap >= AUTOSAVE_SECONDS * 0.9 for gap in gaps), gaps
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["session"]["1"]["agenda"][0]["note"] == "Orbits"

        # The session note saves the same way.
        await pilot.press("ctrl+l", *"Langley")
        await wait_until(pilot, lambda: on_disk()["general_note"] == "Langley")
        stored = SessionStore(app.data_root, read_only=True).load(SESSION_ID)
        assert stored.general_note == "Langley"
        assert stored.agenda[0].note == "Orbits"
        assert path.stat().st_mode & 0o077 == 0


async def test_every_live_binding_is_in_the_command_palette(make_app, planned_session):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        note = live.query_one("#note", TextArea)
        assert app.focused is note

        provider = ScreenActionsProvider(live)
        hits = [hit async for hit in provider.discover()]
        by_label = {}
        for hit in hits:
            by_label.setdefault(str(hit.display), []).append(hit)
        for row in keymap.LIVE:
            assert len(by_label.get(row.label, [])) == 1, f"{row.label!r} once in the palette"
            assert by_label[row.label][0].help == row.help

        # And in the palette a user opens with ctrl+p while typing a note.
        def prompts() -> list[str]:
            if not CommandPalette.is_open(app) or not app.screen.query(CommandList):
                return []
            return [str(option.prompt) for option in app.screen.query_one(CommandList).options]

        def highlighted() -> str:
            commands = app.screen.query_one(CommandList)
            if commands.highlighted is None:
                return ""
            return str(commands.get_option_at_index(commands.highlighted).prompt)

        await pilot.press("ctrl+p")
        listed = [f"{row.label}\n{row.help}" for row in keymap.LIVE]
        # Until the palette has listed what its providers found.
        await wait_until(pilot, lambda: set(listed) <= set(prompts()))
        assert CommandPalette.is_open(app)
        for row in keymap.LIVE:
            assert f"{row.label}\n{row.help}" in prompts()

        # Choosing one runs the action on the live screen, and the note pane keeps focus.
        await pilot.press(*"Skip")
        await wait_until(pilot, lambda: highlighted().startswith("Skip\n"))
        await pilot.press("enter")
        await pilot.pause()
        assert not CommandPalette.is_open(app)
        assert live.session.agenda[0].status == "skipped"
        assert live.session.current_index == 1
        assert app.focused is note


async def test_pane_and_session_note_keys_and_their_alternates(make_app, planned_session):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        note = live.query_one("#note", TextArea)
        agenda = live.query_one(AgendaList)
        for key in ("ctrl+g", "f8"):
            await pilot.press(key)
            assert app.focused is agenda
            await pilot.press(key)
            assert app.focused is note
        for key in ("ctrl+l", "f9"):
            await pilot.press(key)
            assert live.has_class("-general")
            assert "Session note" in text_of(live, "#note-label")
            await pilot.press(key)
            assert not live.has_class("-general")
            assert "Note on this question" in text_of(live, "#note-label")
        # ctrl+l from the agenda brings the focus back to the note pane.
        await pilot.press("ctrl+g", "ctrl+l")
        assert app.focused is note


def _readme_key_map() -> list[tuple[str, str, str]]:
    """(key, also, action text) for every row of the README's live key map table."""
    text = README.read_text(encoding="utf-8")
    heading = re.search(r"^#+ Key map\s*$", text, flags=re.MULTILINE)
    assert heading is not None, "README.md needs a '### Key map' section"
    rows = []
    for line in text[heading.end() :].splitlines():
        line = line.strip()
        if rows and not line.startswith("|"):
            break
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        cells = [cell.strip().strip("`") for cell in line.strip("|").split("|")]
        if cells[0].lower() == "key":
            continue
        rows.append((cells[0], cells[1], cells[2]))
    return rows


async def test_readme_key_map_matches_the_footer(make_app, planned_session, screen_text):
    rows = _readme_key_map()
    expected = []
    for row in keymap.LIVE:
        key, *also = row.keys.split(",")
        expected.append((key, ", ".join(also), f"{row.label}: {row.help[0].lower()}{row.help[1:]}"))
    assert rows == expected

    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        live = await open_live(pilot)
        footer = screen_text(app).splitlines()[-1]
        active = live.active_bindings
        for row in keymap.LIVE:
            key = row.keys.split(",")[0]
            shown = app.get_key_display(active[key].binding)
            assert f"{shown} {row.label}" in footer, f"{key} {row.label} not in {footer!r}"


async def test_a_tiny_terminal_does_not_crash_the_live_screen(
    make_app, planned_session, fake_clock, screen_text
):
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        live = await open_live(pilot)
        await pilot.press("ctrl+t")
        fake_clock.advance(900)
        await next_tick(pilot, live)
        await pilot.press(*"ok", "ctrl+n", "ctrl+o", "ctrl+b", "ctrl+l", "ctrl+g", "ctrl+g")
        assert app.screen is live
        assert live.session.agenda[0].note == "ok"
        assert live.session.agenda[0].status == "asked"
        text = screen_text(app)
        assert "15:00 / 30:00" in text
        assert "Katherine Johnson" in text
        # Growing the terminal afterwards lays it out again.
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert "15:00 / 30:00" in screen_text(app)
