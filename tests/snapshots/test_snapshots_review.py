"""SVG snapshots of the review screens (issue 9): Patterns across three interviews, and the
help screen (F1) over the start screen, each at 80x24.

Deterministic like ``test_snapshots.py``: a FakeClock, sessions stored with fixed ids and
dates, notifications cleared. Regenerate after an intended change with
``pytest tests/snapshots/test_snapshots_review.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from interview_tui.ui.dialogs.help_dialog import HelpDialog
from interview_tui.ui.screens.patterns import PatternsScreen

SIZE = (80, 24)
PEOPLE = (
    ("20260302-100000-ada001", "Ada Lovelace", "Analytical Engines", "modelling"),
    ("20260305-140000-grace1", "Grace Hopper", "Navy Labs", "compilers"),
    ("20260309-093000-kathy1", "Katherine Johnson", "NASA Langley", "trajectories"),
)


@pytest.fixture
def three_calls(store_session):
    """Three ended calls whose notes share a topic (mentoring) on the same core questions."""
    for day, (session_id, name, company, work) in zip((2, 5, 9), PEOPLE, strict=True):
        store_session(
            session_id,
            name,
            company,
            when=datetime(2026, 3, day, 10, 0),
            status="ended",
            asked=(0, 1, 2, 3, 7),
            skipped=(4,),
            notes={
                2: f"Mostly {work}; mentoring juniors on Fridays.",
                3: "Writing clearly, and finding mentoring early.",
            },
            spent={0: 60, 1: 150, 2: 330 + day * 10, 3: 200, 7: 120},
            elapsed=900,
        )


def test_patterns_across_three_calls(snap_compare, make_app, three_calls, wait_until, settle):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("P")
        await wait_until(pilot, lambda: isinstance(app.screen, PatternsScreen))
        page = app.screen.query_one("#patterns-page")
        await wait_until(pilot, lambda: "Patterns across" in page.source)
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help_screen_over_the_session_list(snap_compare, make_app, three_calls, wait_until, settle):
    async def run_before(pilot) -> None:
        app = pilot.app
        await settle(pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
