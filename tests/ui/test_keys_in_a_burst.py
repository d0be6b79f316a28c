"""Keys that arrive in one burst (a slow link, a fast typist) land where they were typed.

The call's keys are priority bindings: they run as soon as they arrive, while letters typed
just before them may still wait in the note pane. Every letter must still be filed under the
question (or the session note) it was typed for.
"""

from __future__ import annotations

from textual import events
from ui_helpers import open_live

SESSION_ID = "20260301-100000-burst1"


def burst(app, *keys: str) -> None:
    """Post every key at once, as a terminal delivers a burst: nothing runs in between."""
    for key in keys:
        if len(key) == 1:
            app.post_message(events.Key(key, key))
        else:
            app.post_message(events.Key(key, None))


async def test_letters_sent_with_asked_and_skip_in_one_burst_are_filed_per_question(
    make_app, store_session, wait_until
):
    store_session(SESSION_ID, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        first = live.call.current
        burst(app, *"q1 alpha", "ctrl+n", *"q2 bravo", "ctrl+o", *"q3 charlie", "ctrl+b", *"!")
        await wait_until(pilot, lambda: "!" in live.session.agenda[first + 1].note)
        notes = [item.note for item in live.session.agenda[first : first + 3]]
        assert notes == ["q1 alpha", "q2 bravo!", "q3 charlie"]


async def test_letters_around_a_switch_to_the_session_note_stay_on_their_side(
    make_app, store_session, wait_until
):
    store_session(SESSION_ID, "Katherine Johnson", "NASA Langley", "Mathematician")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        live = await open_live(pilot)
        first = live.call.current
        burst(app, *"on the question", "ctrl+l", *"for the session", "ctrl+l", *" again")
        await wait_until(pilot, lambda: live.session.agenda[first].note.endswith("again"))
        assert live.session.agenda[first].note == "on the question again"
        assert live.session.general_note == "for the session"
