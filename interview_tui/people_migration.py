"""From sessions that each carried their contact to people with conversations (schema 1 → 2).

Pure: takes the stored sessions, returns the people to write, the sessions to save again
with their ``person_id``, and the referral placeholder sessions that became people. The
storage layer keeps a copy of the files until the result is written and checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from interview_tui.models import Session
from interview_tui.people import (
    advance_status,
    find_same,
    person_for_referral,
    person_from_contact,
    sync_from_session,
)
from interview_tui.person import Person


@dataclass
class PeoplePlan:
    people: list[Person] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    """Every session, each with its ``person_id`` (and referrals' ``person_id``) set."""
    placeholders: list[str] = field(default_factory=list)
    """Ids of "to contact" sessions made for a referral and never used: now people."""


def is_placeholder(session: Session) -> bool:
    """A session made only to remember someone recommended: nothing was prepared or noted
    beyond the line the app wrote."""
    return (
        session.status == "planned"
        and session.contact_status == "to contact"
        and session.started_at is None
        and session.scheduled_at is None
        and session.outreach_sent_on is None
        and not session.agenda
        and not session.general_note.strip()
        and not session.takeaways.strip()
        and not any(text.strip() for text in session.reflections.values())
        and not session.followups
        and not session.referrals
        and session.research_notes.startswith("Recommended by ")
    )


def plan_people(sessions: list[Session]) -> PeoplePlan:
    """People for ``sessions`` (in any order); nothing said or written is dropped."""
    ordered = sorted(sessions, key=lambda s: (s.created_at, s.id))
    by_id = {session.id: session for session in ordered}
    referred = {r.session_id for s in ordered for r in s.referrals if r.session_id}
    placeholders = {sid for sid in referred if sid in by_id and is_placeholder(by_id[sid])}
    plan = PeoplePlan(placeholders=sorted(placeholders))
    people: dict[str, Person] = {}

    def person_for(session: Session) -> Person:
        if session.person_id and session.person_id in people:
            return people[session.person_id]
        person = find_same(people.values(), session.contact, same_name=True)
        if person is None:
            person = person_from_contact(session.contact)
            person.created_at = session.created_at
            people[person.id] = person
        session.person_id = person.id
        return person

    for session in ordered:
        if session.id in placeholders:
            continue
        person = person_for(session)
        sync_from_session(person, session)
        plan.sessions.append(session)

    for session in ordered:
        if session.id in placeholders:
            continue
        introducer = people[session.person_id or ""]
        for referral in session.referrals:
            target = by_id.get(referral.session_id or "")
            if target is not None and target.id not in placeholders:
                introduced = people[target.person_id or ""]
            else:
                introduced, new = person_for_referral(
                    referral, introducer, session, people.values()
                )
                if new:
                    people[introduced.id] = introduced
                if target is not None:
                    introduced.notes = target.research_notes
                    introduced.created_at = target.created_at
            referral.person_id = introduced.id
            if introduced.introduced_by is None and introduced.id != introducer.id:
                introduced.introduced_by = introducer.id
                introduced.introduction_note = referral.note.strip()
            if referral.contacted:
                advance_status(introduced, "asked")
    plan.people = list(people.values())
    return plan
