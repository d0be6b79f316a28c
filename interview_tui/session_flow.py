"""How a session moves on: the call starts, pauses, covers its questions and ends; the contact
is asked, interviewed and thanked.

Plain Python, no Textual: the live, wrap-up and start screens call these and only draw what
changed. These functions change the session they are given, because a screen holds the one
session object its autosave writes; :func:`interview_tui.followups.advance_contact_status` is
the form that returns a changed copy.

A contact's status only moves forward, and only through :func:`move_contact_status`: ending a
resumed call or sending a second thank-you never undoes a later step taken elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Literal

from interview_tui.asked_count import AskedCount, count_asked
from interview_tui.clock import Clock, Stopwatch
from interview_tui.models import CONTACT_STATUSES, ContactStatus, FollowUp, Session
from interview_tui.planner import Pace, live_pace

Outcome = Literal["asked", "skipped"]
"""What happened to a question the call moves on from."""


# -- the contact's status ----------------------------------------------------------------------


def contact_status_rank(status: str) -> int:
    """How far along ``status`` is; -1 for a status this version does not know."""
    return CONTACT_STATUSES.index(status) if status in CONTACT_STATUSES else -1


def next_contact_status(status: str) -> ContactStatus | None:
    """The status after ``status``, or None at the end (or for an unknown status)."""
    rank = contact_status_rank(status)
    if rank < 0 or rank + 1 >= len(CONTACT_STATUSES):
        return None
    return CONTACT_STATUSES[rank + 1]


def move_contact_status(session: Session, to: str) -> bool:
    """Move the contact on to ``to`` when that is further along; never backwards.

    The one rule for every change of a contact's status. Returns whether it moved; raises
    ValueError for a status that does not exist.
    """
    rank = contact_status_rank(to)
    if rank < 0:
        raise ValueError(f"unknown contact status {to!r}; one of: {', '.join(CONTACT_STATUSES)}")
    if rank <= contact_status_rank(session.contact_status):
        return False
    session.contact_status = CONTACT_STATUSES[rank]
    return True


# -- before the call: outreach -----------------------------------------------------------------


def outreach_is_reminder(session: Session) -> bool:
    """Whether the next email is the gentle reminder: the request went out and the contact
    has not answered yet (still "asked")."""
    return session.contact_status == "asked" and session.outreach_sent_on is not None


def record_outreach(session: Session, today: date) -> None:
    """The email :func:`outreach_is_reminder` chose was sent ``today``.

    A request moves the contact to "asked" and dates the request; a reminder is recorded as a
    done follow-up, so the next reminder (if any) counts from it.
    """
    if outreach_is_reminder(session):
        session.followups.append(FollowUp(kind="outreach-reminder", due=today, done=True))
        return
    move_contact_status(session, "asked")
    session.outreach_sent_on = today


# -- the call ----------------------------------------------------------------------------------


def start_call(session: Session, now: datetime) -> None:
    """The timer runs: the call started (the first time only) and the contact is interviewed."""
    if session.started_at is None:
        session.started_at = now
    if session.status == "planned":
        session.status = "live"
        move_contact_status(session, "interviewed")


CURRENT_ASKED_SECONDS = 30.0
"""The question on screen when the call ends counts as asked after this long on it: pressing
"asked" on the last question and then ending a moment later asks nothing more."""


def end_call(session: Session, now: datetime) -> None:
    """The call is over (a resumed call ends again, later).

    A pending question with a note was asked, and so was the one on screen when the call
    ended, if the call spent :data:`CURRENT_ASKED_SECONDS` on it: nobody presses "asked"
    before saying goodbye.
    """
    current = current_question(session)
    for index, item in enumerate(session.agenda):
        if item.status != "pending":
            continue
        on_screen = index == current and item.seconds_spent >= CURRENT_ASKED_SECONDS
        if item.note.strip() or on_screen:
            item.status = "asked"
            item.reached = True
    session.status = "ended"
    session.ended_at = now
    move_contact_status(session, "interviewed")


def current_question(session: Session) -> int | None:
    """The index of the question the call is on; None for an empty agenda."""
    index = session.current_index
    return index if 0 <= index < len(session.agenda) else None


def asked_count(session: Session) -> AskedCount:
    """How many of ``session``'s planned questions were asked, and how many extra."""
    return count_asked([item.status for item in session.agenda], session.cut_index)


def go_to_question(session: Session, index: int) -> None:
    """Make ``index`` the current question; it counts as reached."""
    session.current_index = index
    session.agenda[index].reached = True


def next_pending(session: Session, after: int) -> int | None:
    """The first pending question after ``after``, wrapping round to the start; None when no
    other question is pending."""
    agenda = session.agenda
    order = list(range(after + 1, len(agenda))) + list(range(0, after + 1))
    return next((i for i in order if agenda[i].status == "pending" and i != after), None)


def finish_question(session: Session, index: int, outcome: Outcome) -> int | None:
    """Mark question ``index`` asked or skipped; returns the next pending question, or None
    when every question is covered."""
    session.agenda[index].status = outcome
    return next_pending(session, index)


def reopen_previous(session: Session) -> int | None:
    """Back: the question before the current one is pending again (its tick undone); returns
    its index, or None on the first question."""
    index = current_question(session)
    if index is None or index == 0:
        return None
    session.agenda[index - 1].status = "pending"
    return index - 1


def mark_thanked(session: Session, today: date | None = None) -> None:
    """The thank-you note went out ``today``: its follow-up is done and the contact is
    thanked."""
    for followup in session.followups:
        if followup.kind == "thank-you" and not followup.done:
            followup.done, followup.done_on = True, today or date.today()
    move_contact_status(session, "thanked")


class LiveCall:
    """A call in progress: the session, its stopwatch, and which question the time goes to.

    Time since the last change is credited to the current question by :meth:`settle`, which
    every question change, the end of the call and every save call first.
    """

    def __init__(
        self, session: Session, clock: Clock, now: Callable[[], datetime] = datetime.now
    ) -> None:
        self.session = session
        self.stopwatch = Stopwatch(clock, session.elapsed_seconds)
        self._mark = session.elapsed_seconds
        self._now = now

    @property
    def current(self) -> int | None:
        return current_question(self.session)

    @property
    def running(self) -> bool:
        return self.stopwatch.running

    def elapsed(self) -> float:
        return self.stopwatch.elapsed()

    def current_seconds(self) -> float:
        """Time on the current question, including earlier visits to it."""
        index = self.current
        if index is None:
            return 0.0
        return self.session.agenda[index].seconds_spent + (self.elapsed() - self._mark)

    def settle(self) -> None:
        """Credit the time since the last change to the current question."""
        elapsed = self.elapsed()
        index = self.current
        if index is not None:
            self.session.agenda[index].seconds_spent += elapsed - self._mark
        self._mark = elapsed
        self.session.elapsed_seconds = elapsed

    def pace(self) -> Pace:
        session = self.session
        return live_pace(
            session.agenda,
            session.cut_index,
            self.current,
            self.elapsed(),
            session.length_minutes,
            self.current_seconds(),
        )

    def toggle_timer(self) -> bool:
        """Start the timer (which starts the call) or pause it; returns whether it runs."""
        running = self.stopwatch.toggle()
        if running:
            start_call(self.session, self._now())
        index = self.current
        if index is not None:
            self.session.agenda[index].reached = True
        return running

    def pause(self) -> None:
        self.stopwatch.pause()

    def go_to(self, index: int) -> None:
        self.settle()
        go_to_question(self.session, index)

    def finish_current(self, outcome: Outcome) -> bool:
        """Mark the current question and move to the next pending one. False when nothing is
        left pending: the call stays on this question."""
        index = self.current
        if index is None:
            return False
        self.settle()
        following = finish_question(self.session, index, outcome)
        self.go_to(following if following is not None else index)
        return following is not None

    def back(self) -> bool:
        """Back to the previous question, undoing its tick; False on the first question."""
        previous = reopen_previous(self.session)
        if previous is None:
            return False
        self.go_to(previous)
        return True

    def end(self) -> None:
        self.stopwatch.pause()
        self.settle()
        end_call(self.session, self._now())
