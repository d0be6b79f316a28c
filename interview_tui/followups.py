"""After the call: contact statuses, follow-up dates, what is due, and referrals as new contacts.

Plain Python, no Textual. Every function that changes a session returns a changed copy, so
a screen can save it (or throw it away) without surprises.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from interview_tui.models import MAX_NAME_LENGTH, Contact, FollowUp, Referral, Session
from interview_tui.session_flow import (
    contact_status_rank,
    move_contact_status,
    next_contact_status,
)

if TYPE_CHECKING:
    from interview_tui.storage.session_index import SessionSummary

THANK_YOU_AFTER_DAYS = 1
CHECK_IN_AFTER_MONTHS = 3
DAYS_PER_MONTH = 30.44
OUTREACH_REMINDER_WORKING_DAYS = 3
MAX_OUTREACH_REMINDERS = 2
"""After two gentle reminders the app stops nudging: silence is an answer too."""

DueKind = Literal["thank-you", "check-in", "outreach-reminder", "other", "referral"]


def call_date(session: Session) -> date | None:
    """The day the call happened, or is planned for; None when nothing says."""
    for stamp in (session.started_at, session.ended_at, session.scheduled_at):
        if stamp is not None:
            return stamp.date()
    return None


# -- contact statuses ------------------------------------------------------------------------


def advance_contact_status(session: Session, to: str | None = None) -> Session:
    """A copy moved on to ``to`` (default: the next status); never moves backwards."""
    target = to if to is not None else next_contact_status(session.contact_status)
    copy = session.model_copy(deep=True)
    if target is not None:
        move_contact_status(copy, target)
    return copy


# -- dates -------------------------------------------------------------------------------------


def add_working_days(start: date, days: int) -> date:
    """``start`` moved by ``days`` weekdays (Saturday and Sunday do not count)."""
    step = 1 if days >= 0 else -1
    current = start
    left = abs(days)
    while left:
        current += timedelta(days=step)
        if current.weekday() < 5:
            left -= 1
    return current


def add_months(start: date, months: int) -> date:
    """Same day ``months`` later, or the month's last day when it is shorter (31 Jan → 28 Feb)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def plan_followups(ended_on: date, check_in_months: int = CHECK_IN_AFTER_MONTHS) -> list[FollowUp]:
    """A thank-you due the day after the call, and a check-in ``check_in_months`` later.

    ``check_in_months=0`` plans no check-in.
    """
    if check_in_months < 0:
        raise ValueError("the check-in needs a number of months of 0 or more")
    planned = [FollowUp(kind="thank-you", due=ended_on + timedelta(days=THANK_YOU_AFTER_DAYS))]
    if check_in_months:
        planned.append(FollowUp(kind="check-in", due=add_months(ended_on, check_in_months)))
    return planned


def schedule_followups(
    session: Session, ended_on: date, check_in_months: int = CHECK_IN_AFTER_MONTHS
) -> Session:
    """A copy with planned follow-ups; done ones and other kinds are kept, pending ones replaced."""
    copy = session.model_copy(deep=True)
    planned = plan_followups(ended_on, check_in_months)
    # Re-planning with no check-in also drops a pending one planned before.
    replaced = {"thank-you", "check-in"}
    copy.followups = [
        followup for followup in copy.followups if followup.done or followup.kind not in replaced
    ] + planned
    return copy


def check_in_months(session: Session, call_day: date) -> int:
    """How many months after ``call_day`` the session's check-in is planned (rounded), or
    :data:`CHECK_IN_AFTER_MONTHS` when it has none yet."""
    for followup in session.followups:
        if followup.kind == "check-in":
            days = (followup.due - call_day).days
            return max(0, round(days / DAYS_PER_MONTH))
    return CHECK_IN_AFTER_MONTHS


# -- what is due -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """One thing to do for one contact; pass it back to :func:`mark_done`."""

    session_id: str
    kind: DueKind
    label: str
    due: date
    contact: str = ""
    index: int | None = None
    """Position in the follow-ups (or referrals) it came from; None when computed. A hint
    only: a summary row lists open items alone, so :func:`mark_done` also matches by
    kind and date (or by the referral's name)."""
    referral: str = ""
    """For a referral: the name of the person to reach out to."""

    def is_overdue(self, today: date) -> bool:
        return self.due < today


@dataclass
class _DueView:
    """The fields due-list logic needs, from a Session or a stored session document."""

    id: str
    name: str
    contact_status: str
    outreach_sent_on: date | None
    followups: list[FollowUp]
    referrals: list[Referral]
    call_date: date | None


def _day(value: Any) -> date | None:
    """A date from a stored ISO date or datetime string (or a date); None if absent."""
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return value if isinstance(value, date) else None


_Item = TypeVar("_Item", FollowUp, Referral)


def _valid(model: type[_Item], items: object) -> list[_Item]:
    """The items of a list row that read as ``model``; one of another shape (a hand-edited
    index) is left out here, and its row made again from the session file at the next open."""
    valid = []
    for item in items if isinstance(items, list) else []:
        try:
            valid.append(model.model_validate(item))
        except ValueError:
            continue
    return valid


def _summary_view(row: SessionSummary) -> _DueView:
    """A row of ``SessionStore.summaries()``: its open follow-ups and referrals only."""
    stamps = (row.get("started_at"), row.get("ended_at"), row.get("scheduled_at"))
    return _DueView(
        id=str(row.get("id", "")),
        name=str(row.get("name", "")),
        contact_status=str(row.get("contact_status", "")),
        outreach_sent_on=_day(row.get("outreach_sent_on")),
        followups=_valid(FollowUp, row.get("followups")),
        referrals=_valid(Referral, row.get("referrals")),
        call_date=next((day for day in map(_day, stamps) if day), None),
    )


def _view(item: Session | SessionSummary | Mapping[str, Any]) -> _DueView:
    if isinstance(item, Session):
        session = item
    elif "contact" in item:
        session = Session.model_validate(item)
    else:
        return _summary_view(cast("SessionSummary", item))
    return _DueView(
        id=session.id,
        name=session.contact.name,
        contact_status=session.contact_status,
        outreach_sent_on=session.outreach_sent_on,
        followups=session.followups,
        referrals=session.referrals,
        call_date=call_date(session),
    )


def open_followups_of_rows(rows: Iterable[Mapping[str, Any]], name: str) -> list[tuple[date, str]]:
    """(due date, what to do) of every open follow-up in these list rows, earliest first."""
    items = []
    for row in rows:
        for followup in row.get("followups") or []:
            if not isinstance(followup, Mapping) or followup.get("done"):
                continue
            due = _day(followup.get("due"))
            if due is not None:
                label = followup_label(
                    str(followup.get("kind")), name, str(followup.get("note", ""))
                )
                items.append((due, label))
    return sorted(items)


def followup_label(kind: str, name: str, note: str = "") -> str:
    """What to do, in words: "Send a thank-you note to Jane Smith"."""
    label = {
        "thank-you": f"Send a thank-you note to {name}",
        "check-in": f"Check in with {name}",
        "outreach-reminder": f"Send {name} a gentle reminder",
    }.get(kind, f"Follow up with {name}")
    return f"{label}: {note.strip()}" if note.strip() else label


def _outreach_reminder(view: _DueView) -> tuple[date, int] | None:
    """(due date, reminders sent) for an unanswered request, or None."""
    if view.contact_status != "asked" or view.outreach_sent_on is None:
        return None
    sent = [
        f.due
        for f in view.followups
        if f.kind == "outreach-reminder" and f.done and f.due >= view.outreach_sent_on
    ]
    if len(sent) >= MAX_OUTREACH_REMINDERS:
        return None
    last = max([view.outreach_sent_on, *sent])
    return add_working_days(last, OUTREACH_REMINDER_WORKING_DAYS), len(sent)


def due_items(
    sessions: Iterable[Session | SessionSummary | Mapping[str, Any]],
    today: date,
    *,
    within_days: int = 0,
    person_statuses: Mapping[str, str] | None = None,
) -> list[DueItem]:
    """What needs doing, earliest first.

    - thank-you notes not yet sent (whatever their date: they are due within a day);
    - check-ins and other follow-ups due by ``today + within_days``;
    - people a contact recommended who have not been contacted yet;
    - outreach requests still unanswered ``OUTREACH_REMINDER_WORKING_DAYS`` working days on.

    Takes sessions, stored session documents, or rows of ``SessionStore.summaries()``
    (which carry the open follow-ups and referrals, so the start screen need not load
    every session). ``person_statuses`` (status by person id): a referral whose person
    has moved past "to contact" is not asked for again.
    """
    views = [_view(item) for item in sessions]
    statuses = {view.id: view.contact_status for view in views}
    horizon = today + timedelta(days=within_days)
    items: list[DueItem] = []
    for view in views:
        thanked = contact_status_rank(view.contact_status) >= contact_status_rank("thanked")
        for index, followup in enumerate(view.followups):
            if followup.done or (followup.kind == "thank-you" and thanked):
                continue
            if followup.kind == "thank-you" or followup.due <= horizon:
                items.append(
                    DueItem(
                        view.id,
                        followup.kind,
                        followup_label(followup.kind, view.name, followup.note),
                        followup.due,
                        view.name,
                        index,
                    )
                )
        for index, referral in enumerate(view.referrals):
            linked = statuses.get(referral.session_id or "")
            person = (person_statuses or {}).get(referral.person_id or "")
            if (
                referral.contacted
                or (linked and contact_status_rank(linked) > 0)
                or (person and contact_status_rank(person) > 0)
            ):
                continue
            label = f"Reach out to {referral.name} (recommended by {view.name})"
            due = view.call_date or today
            items.append(DueItem(view.id, "referral", label, due, view.name, index, referral.name))
        reminder = _outreach_reminder(view)
        pending_reminder = any(f.kind == "outreach-reminder" and not f.done for f in view.followups)
        if reminder and reminder[0] <= today and not pending_reminder:
            due, sent = reminder
            label = followup_label("outreach-reminder", view.name, "")
            label += " (no reply yet)" if not sent else " (still no reply)"
            items.append(DueItem(view.id, "outreach-reminder", label, due, view.name))
    items.sort(key=lambda item: (item.due, item.contact.lower(), item.kind))
    return items


def mark_done(session: Session, item: DueItem, today: date | None = None) -> Session:
    """A copy with ``item`` done.

    A thank-you moves the contact to "thanked", a check-in to "keeping in touch"; a
    referral is marked contacted; a computed outreach reminder is recorded as a done
    follow-up dated ``today``, so the next one (if any) is counted from then.
    """
    if item.session_id != session.id:
        raise ValueError(f"that item belongs to session {item.session_id}, not {session.id}")
    copy = session.model_copy(deep=True)
    today = today or date.today()
    if item.kind == "referral":
        _find_referral(copy.referrals, item).contacted = True
        return copy
    if item.index is None:
        copy.followups.append(
            FollowUp(kind="outreach-reminder", due=today, done=True, note="reminder sent")
        )
        return copy
    followup = _find_followup(copy.followups, item)
    followup.done, followup.done_on = True, today
    status = {"thank-you": "thanked", "check-in": "keeping in touch"}.get(item.kind)
    return advance_contact_status(copy, status) if status else copy


def undo_mark_done(session: Session, item: DueItem, before: Session) -> Session:
    """A copy of ``session`` with ``item``, marked done by mistake, open again.

    ``before`` is the session as it was when :func:`mark_done` was called. Only what that
    call changed goes back; anything changed since stays. The contact status is the one
    thing allowed to move back, and only from where ``mark_done`` moved it.
    """
    if item.session_id != session.id or before.id != session.id:
        raise ValueError(f"that item belongs to session {item.session_id}, not {session.id}")
    copy = session.model_copy(deep=True)
    if item.kind == "referral":
        for referral in copy.referrals:
            if referral.name == item.referral and referral.contacted:
                referral.contacted = False
                break
        return copy
    if item.index is None:  # mark_done recorded the reminder as one more done follow-up

        def sent(followups: list[FollowUp]) -> list[int]:
            return [i for i, f in enumerate(followups) if f.kind == "outreach-reminder" and f.done]

        recorded = sent(copy.followups)
        if len(recorded) > len(sent(before.followups)):
            del copy.followups[recorded[-1]]
        return copy
    for followup in copy.followups:
        if followup.kind == item.kind and followup.due == item.due and followup.done:
            followup.done, followup.done_on = False, None
            break
    moved_to = mark_done(before, item).contact_status
    if moved_to != before.contact_status and copy.contact_status == moved_to:
        copy.contact_status = before.contact_status
    return copy


def _find_open(
    items: list[_Item], item: DueItem, matches: Callable[[_Item], bool], missing: str
) -> _Item:
    """The entry ``item`` points at: its recorded position if that still matches (a summary
    list is filtered, so positions can shift), else the first that matches."""
    index = item.index if item.index is not None else -1
    if 0 <= index < len(items) and matches(items[index]):
        return items[index]
    found = next((entry for entry in items if matches(entry)), None)
    if found is None:
        raise ValueError(missing)
    return found


def _find_followup(followups: list[FollowUp], item: DueItem) -> FollowUp:
    return _find_open(
        followups,
        item,
        lambda f: f.kind == item.kind and f.due == item.due and not f.done,
        f"no open {item.kind} follow-up due {item.due} in this session",
    )


def _find_referral(referrals: list[Referral], item: DueItem) -> Referral:
    return _find_open(
        referrals,
        item,
        lambda r: r.name == item.referral and not r.contacted,
        f"{item.referral or 'that person'} is no longer waiting to be contacted",
    )


# -- referrals ---------------------------------------------------------------------------------


def parse_referral(text: str) -> Referral | None:
    """A referral from one typed line, "Name — why, how to reach them" (" - " works as the
    dash too); None for a blank line."""
    text = text.strip()
    if not text:
        return None
    name, _, note = (part.strip() for part in text.replace(" - ", " — ").partition("—"))
    return Referral(name=name, note=note)


def referral_to_session(referral: Referral, parent_session: Session) -> Session:
    """A new "to contact" session for someone ``parent_session``'s contact recommended.

    Links the two: sets ``referral.session_id`` to the new session's id (save both).
    """
    name = referral.name.strip()
    if not name:
        raise ValueError("the recommended person needs a name")
    if referral.session_id:
        raise ValueError(f"{name} already has a session ({referral.session_id})")
    parent = parent_session.contact.name
    recommended = f"Recommended by {parent}"
    if parent_session.contact.company:
        recommended += f" ({parent_session.contact.company})"
    if call_date(parent_session):
        recommended += f" on {call_date(parent_session):%Y-%m-%d}"
    note = referral.note.strip()
    if len(name) > MAX_NAME_LENGTH:
        # Everything typed is kept: the name as far as a name goes, the whole line in the note.
        note = f"{name} — {note}" if note else name
        name = name[: MAX_NAME_LENGTH - 1].rstrip() + "…"
    session = Session(
        contact=Contact(name=name),
        contact_status="to contact",
        referred_by=parent,
        goals=list(parent_session.goals),
        banks=list(parent_session.banks),
        length_minutes=parent_session.length_minutes,
        research_notes=f"{recommended}: {note}" if note else f"{recommended}.",
    )
    referral.session_id = session.id
    return session
