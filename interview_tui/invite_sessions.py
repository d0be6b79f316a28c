"""Calendar invites as scheduled sessions: a new one, or the one an earlier import made."""

from __future__ import annotations

from dataclasses import dataclass

from interview_tui.import_cards import InvitedCall
from interview_tui.models import MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES, Contact, Session
from interview_tui.session_flow import move_contact_status

InviteOutcome = str
""""added", "updated", "unchanged", "cancelled" or "skipped"."""


@dataclass
class InviteResult:
    outcome: InviteOutcome
    session: Session | None
    line: str


def _minutes(call: InvitedCall) -> int:
    return max(MIN_LENGTH_MINUTES, min(MAX_LENGTH_MINUTES, call.minutes))


def session_for_invite(call: InvitedCall, existing: Session | None) -> InviteResult:
    """What importing ``call`` does: a new scheduled session, the earlier one moved to the
    invite's time and length, or nothing (a cancelled invite never deletes notes)."""
    who = call.person.name or call.person.email or "someone"
    when = f"{call.start:%Y-%m-%d %H:%M}"
    if call.cancelled:
        if existing is None:
            return InviteResult("skipped", None, f"{call.where}: cancelled, nothing to import")
        return InviteResult(
            "cancelled",
            None,
            f"{call.where}: the call with {who} on {when} was cancelled; its session is kept",
        )
    if existing is not None:
        if existing.scheduled_at == call.start and existing.length_minutes == _minutes(call):
            return InviteResult("unchanged", existing, f"{call.where}: {who} on {when}, unchanged")
        existing.scheduled_at = call.start
        existing.length_minutes = _minutes(call)
        move_contact_status(existing, "scheduled")
        return InviteResult("updated", existing, f"{call.where}: {who} moved to {when}")
    name = call.person.name or call.person.email.split("@", 1)[0]
    if not name.strip():
        return InviteResult("skipped", None, f"{call.where}: no organizer or guest to talk to")
    session = Session(
        contact=Contact(
            name=name,
            company=call.person.company,
            role=call.person.role,
            email=call.person.email,
        ),
        scheduled_at=call.start,
        length_minutes=_minutes(call),
        contact_status="scheduled",
        invite_uid=call.uid,
        research_notes=f"From the invite: {call.title}" if call.title.strip() else "",
    )
    line = f"{call.where}: {name} on {when}, {session.length_minutes} min"
    return InviteResult("added", session, line)
