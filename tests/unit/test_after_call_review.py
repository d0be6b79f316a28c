"""The domain side of issue 9's "After the call and review": a due item marked done by
mistake can be opened again, the thank-you draft is whole sentences from the takeaways and the
noted core questions, the Markdown keeps takeaways apart, and each date says what it is."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from interview_tui.export import date_fact, takeaway_items, to_markdown
from interview_tui.followups import due_items, mark_done, undo_mark_done
from interview_tui.models import AgendaItem, Contact, FollowUp, Referral, Session
from interview_tui.templates import asked_question, sentences, short_question, thank_you_note

TODAY = date(2024, 3, 5)


def called(**changes: object) -> Session:
    session = Session(
        id="s1",
        contact=Contact(name="Jane Smith", role="Designer", company="Acme"),
        contact_status="interviewed",
        status="ended",
        started_at=datetime(2024, 3, 4, 10, 0),
        followups=[
            FollowUp(kind="thank-you", due=date(2024, 3, 5)),
            FollowUp(kind="check-in", due=date(2024, 3, 5)),
        ],
        referrals=[Referral(name="Ana Ruiz")],
    )
    return session.model_copy(update=changes)


def item_of(session: Session, kind: str):
    return next(i for i in due_items([session], TODAY, within_days=30) if i.kind == kind)


# -- undoing a done --------------------------------------------------------------------------


def test_undoing_a_thank_you_opens_it_and_moves_the_status_back() -> None:
    before = called()
    item = item_of(before, "thank-you")
    done = mark_done(before, item, TODAY)
    assert done.contact_status == "thanked"
    again = undo_mark_done(done, item, before)
    assert [(f.kind, f.done) for f in again.followups] == [
        ("thank-you", False),
        ("check-in", False),
    ]
    assert again.contact_status == "interviewed"
    assert item_of(again, "thank-you") == item


def test_undo_keeps_what_changed_since_and_a_status_moved_on_by_other_means() -> None:
    before = called()
    item = item_of(before, "check-in")
    done = mark_done(before, item, TODAY)
    done.takeaways = "Typed after the done."
    again = undo_mark_done(done, item, before)
    assert again.takeaways == "Typed after the done."
    assert again.contact_status == "interviewed"

    done = mark_done(before, item_of(before, "thank-you"), TODAY)  # thanked by the thank-you
    assert undo_mark_done(done, item, before).contact_status == "thanked"


def test_undoing_a_referral_and_a_computed_reminder() -> None:
    before = called()
    referral = item_of(before, "referral")
    done = mark_done(before, referral, TODAY)
    assert done.referrals[0].contacted
    assert not undo_mark_done(done, referral, before).referrals[0].contacted

    asked = Session(
        id="s2",
        contact=Contact(name="Bo Chen"),
        contact_status="asked",
        outreach_sent_on=date(2024, 2, 20),
    )
    reminder = item_of(asked, "outreach-reminder")
    sent = mark_done(asked, reminder, TODAY)
    assert len(sent.followups) == 1
    assert undo_mark_done(sent, reminder, asked).followups == []
    assert item_of(undo_mark_done(sent, reminder, asked), "outreach-reminder") == reminder


def test_undo_refuses_another_sessions_item() -> None:
    before = called()
    with pytest.raises(ValueError):
        undo_mark_done(called(id="other"), item_of(before, "thank-you"), before)


# -- the thank-you draft ----------------------------------------------------------------------


def item(text: str, phase: str = "core", note: str = "", status: str = "asked") -> AgendaItem:
    return AgendaItem(key=text[:20], text=text, phase=phase, note=note, status=status)


def test_sentences_do_not_end_at_abbreviations() -> None:
    text = "Thanks again. How do you split research vs. delivery time, e.g. in a sprint?"
    assert sentences(text) == [
        "Thanks again.",
        "How do you split research vs. delivery time, e.g. in a sprint?",
    ]
    assert sentences("Ask J. Smith. Then Dr. Okafor!") == ["Ask J. Smith.", "Then Dr. Okafor!"]


def test_a_question_is_never_cut_at_vs() -> None:
    session = called()
    question = item("I want to be quick. How do you split research vs. delivery time?")
    assert asked_question(question, session) == "How do you split research vs. delivery time?"
    assert short_question(question, session) == "How do you split research vs. delivery time?"


def test_the_draft_thanks_for_noted_core_questions_whole_and_never_pastes_notes() -> None:
    session = called(
        agenda=[
            item("Thanks for the time. Does the half hour still work?", "opening", "hard stop"),
            item("How do you split research vs. delivery time?", note="She has 60/40 split"),
            item("What does a typical sprint look like?"),  # asked, nothing noted
            item("Which tools matter?", note="Figma", status="skipped"),
            item("Who else should I talk to?", "closing", note="Ana"),
        ],
        takeaways="- Research is half the job\n\n2. Ask for critique early;\n• Ship small",
    )
    text = thank_you_note(session, today=TODAY)
    assert 'when I asked "How do you split research vs. delivery time?"' in text
    for left_out in ("half hour", "hard stop", "60/40", "typical sprint", "Which tools", "Figma"):
        assert left_out not in text, left_out
    assert (
        "What I'm taking away from our conversation, and putting into practice:\n"
        "- Research is half the job.\n- Ask for critique early.\n- Ship small."
    ) in text


def test_two_noted_questions_read_as_one_sentence() -> None:
    session = called(
        agenda=[
            item("How did you start?", note="x"),
            item("What would you change?", note="y"),
        ]
    )
    text = thank_you_note(session, today=TODAY)
    assert (
        'I especially appreciated your answers when I asked "How did you start?" and '
        '"What would you change?"'
    ) in text


def test_without_takeaways_the_advice_noted_is_thanked_for() -> None:
    session = called(reflections={"advice": "Learn SQL properly."})
    text = thank_you_note(session, today=TODAY)
    assert "Your advice stuck with me: Learn SQL properly. I'm going to put it into practice." in (
        text
    )
    assert "taking away" not in text


# -- the Markdown page ------------------------------------------------------------------------


def test_takeaways_are_a_list_and_reflection_lines_stay_apart() -> None:
    session = called(
        takeaways="Start a reading group\n- Write small notes\n3) Ask early",
        reflections={"advice": "Learn SQL.\nThen Spark."},
    )
    assert takeaway_items(session) == ["Start a reading group", "Write small notes", "Ask early"]
    page = to_markdown(session, front_matter=False)
    assert "## Takeaways\n\n- Start a reading group\n- Write small notes\n- Ask early\n" in page
    assert "Learn SQL.\n\nThen Spark." in page
    literal = to_markdown(session.model_copy(update={"takeaways": "*bold* idea"}), literal=True)
    assert "- \\*bold\\* idea" in literal


def test_each_date_says_what_it_is() -> None:
    held = called()
    assert date_fact(held) == ("Held", "Monday 4 March 2024, 10:00")
    scheduled = called(started_at=None, scheduled_at=datetime(2024, 3, 9, 9, 30))
    assert date_fact(scheduled) == ("Scheduled", "Saturday 9 March 2024, 09:30")
    created = Session(contact=Contact(name="Ana"), created_at=datetime(2024, 3, 1, 8, 0))
    assert date_fact(created) == ("Created", "Friday 1 March 2024")
    assert "- **Created:** Friday 1 March 2024" in to_markdown(created)
