"""Counts read against the planned agenda ("3 of 9 asked · +2 extra"), and what counts as asked
when the call ends (issue 9)."""

from __future__ import annotations

from datetime import datetime

import pytest

from interview_tui.asked_count import AskedCount, count_asked, count_of_row
from interview_tui.clock import FakeClock
from interview_tui.export import to_markdown
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.session_flow import CURRENT_ASKED_SECONDS, LiveCall, asked_count, end_call
from interview_tui.storage.session_index import summarize

LATER = datetime(2026, 3, 9, 10, 5)


def session(statuses: str, cut: int) -> Session:
    """``statuses`` one letter per question: a(sked), s(kipped), p(ending)."""
    names = {"a": "asked", "s": "skipped", "p": "pending"}
    agenda = [
        AgendaItem(key=f"q/{i}", text=f"Question {i}?", status=names[letter])
        for i, letter in enumerate(statuses)
    ]
    return Session(contact=Contact(name="Ada"), agenda=agenda, cut_index=cut)


def test_counts_read_against_the_questions_above_the_cut() -> None:
    count = asked_count(session("aaspppppp" + "aap", cut=9))
    assert count == AskedCount(asked=2, planned=9, extra=2)
    assert str(count) == "2 of 9 asked · +2 extra"
    assert count.short == "2/9 +2"


def test_no_extra_reads_plainly() -> None:
    count = asked_count(session("aaappp" + "pp", cut=6))
    assert str(count) == "3 of 6 asked"
    assert count.short == "3/6"


@pytest.mark.parametrize("cut", [0, 99])
def test_a_cut_outside_the_agenda_counts_the_whole_agenda(cut: int) -> None:
    assert count_asked(["asked", "pending", "asked"], cut) == AskedCount(2, 3, 0)


def test_the_list_index_carries_the_count_and_old_rows_still_read() -> None:
    doc = session("aasp" + "ap", cut=4).model_dump(mode="json")
    row = summarize(doc)
    assert (row["asked"], row["questions"]) == (3, 6)  # totals, as before
    assert (row["planned_asked"], row["planned"], row["extra_asked"]) == (2, 4, 1)
    assert count_of_row(row).short == "2/4 +1"
    old_row = {"asked": 3, "questions": 84}
    assert count_of_row(old_row).short == "3/84"


def test_the_session_page_counts_against_the_plan() -> None:
    page = to_markdown(session("aasp" + "ap", cut=4), front_matter=False)
    assert "## Agenda (2 of 4 asked · +1 extra)" in page


# -- f10: what the call ended on ------------------------------------------------------------


def test_a_pending_question_with_a_note_counts_as_asked_at_the_end() -> None:
    s = session("asppp", cut=5)
    s.agenda[3].note = "Mentions a reading group."
    s.agenda[1].note = "Skipped on purpose, noted why."
    s.agenda[4].note = "   "
    end_call(s, LATER)
    assert [item.status for item in s.agenda] == ["asked", "skipped", "pending", "asked", "pending"]
    assert s.agenda[3].reached


def test_the_question_on_screen_at_the_end_counts_as_asked(fake_clock: FakeClock) -> None:
    s = session("ppppp", cut=5)
    call = LiveCall(s, fake_clock, now=lambda: LATER)
    call.toggle_timer()
    fake_clock.advance(90)
    call.finish_current("asked")
    fake_clock.advance(CURRENT_ASKED_SECONDS + 15)  # talking about question 1
    call.end()
    assert [item.status for item in s.agenda] == ["asked", "asked", "pending", "pending", "pending"]
    assert str(asked_count(s)) == "2 of 5 asked"


def test_moving_on_and_ending_at_once_asks_nothing_more(fake_clock: FakeClock) -> None:
    """ "Asked" on the last question, then f10 a moment later: the question the call moved on
    to was not asked."""
    s = session("ppp", cut=3)
    call = LiveCall(s, fake_clock, now=lambda: LATER)
    call.toggle_timer()
    fake_clock.advance(120)
    call.finish_current("asked")
    fake_clock.advance(3)
    call.end()
    assert [item.status for item in s.agenda] == ["asked", "pending", "pending"]


def test_ending_a_call_never_started_asks_nothing() -> None:
    s = session("ppp", cut=3)
    end_call(s, LATER)
    assert [item.status for item in s.agenda] == ["pending", "pending", "pending"]


def test_the_command_line_list_counts_against_the_plan(tmp_path, capsys) -> None:
    from interview_tui.cli import main
    from interview_tui.storage.store import SessionStore

    store = SessionStore(tmp_path / "data")
    try:
        store.save(session("aasp" + "ap", cut=4))
    finally:
        store.close()
    assert main(["--data-dir", str(tmp_path / "data"), "sessions", "list"]) == 0
    assert " 2/4 +1 asked  Ada" in capsys.readouterr().out
