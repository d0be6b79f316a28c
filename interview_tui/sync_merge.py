"""Two versions of one record, edited on two machines before a sync tool carried them across,
merged field by field. Nothing typed is ever dropped: when two texts differ, both are kept.

``ours`` is the file in its place, ``theirs`` the other version (a sync tool's conflict copy,
or a file rewritten behind an open session's back). The rules:

- a text (a question's note, the general note, takeaways, reflections, research notes, a
  follow-up's note): one that already holds the other wins; else both, the other marked
  ``[from the other machine]`` (plain text);
- a question's status and the contact status: the further one; times: the earliest start,
  the latest end; follow-ups and referrals: the union, done or contacted if either says so;
- a person's fields: the version edited later unless its field is empty; interactions: union.

Also here: which file names are conflict copies, and of which original (Syncthing's
``NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.json``, Dropbox's ``NAME (conflicted copy
YYYY-MM-DD).json`` and ``NAME (Machine's conflicted copy YYYY-MM-DD).json``, iCloud Drive's
``NAME 2.json``).
"""

from __future__ import annotations

import re
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from interview_tui.models import CONTACT_STATUSES, AgendaItem, FollowUp, Referral, Session
from interview_tui.person import Interaction, Person
from interview_tui.session_flow import contact_status_rank

OTHER_MARK = "[from the other machine]"

_SYNCTHING = re.compile(r"^(?P<stem>.+)\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]+(?P<ext>\.json)$")
_DROPBOX = re.compile(
    r"^(?P<stem>.+?) \((?:[^()]*'s )?conflicted copy \d{4}-\d{2}-\d{2}(?: \(\d+\))?\)"
    r"(?: \(\d+\))?(?P<ext>\.json)$"
)
# iCloud Drive numbers the second version: "NAME 2.json". Record names have no spaces, so
# a space and a number before ".json" is never part of one.
_ICLOUD = re.compile(r"^(?P<stem>[^ ]+) \d+(?P<ext>\.json)$")

_QUESTION_RANK = {"pending": 0, "skipped": 1, "asked": 2}
_SESSION_RANK = {"planned": 0, "live": 1, "ended": 2}
_CONTACT_RANK: dict[str, int] = {s: contact_status_rank(s) for s in CONTACT_STATUSES}


def conflict_original(name: str, names: Container[str]) -> str | None:
    """The file name a sync tool's conflict copy ``name`` belongs to, or None if ``name`` is
    not a conflict copy. ``names`` are the file names in its folder: iCloud's numbered copy
    counts only beside its original (a record whose own name ended in a number is no copy)."""
    for pattern in (_SYNCTHING, _DROPBOX, _ICLOUD):
        found = pattern.match(name)
        if found:
            original = found.group("stem") + found.group("ext")
            if pattern is _ICLOUD and original not in names:
                return None
            return original
    return None


@dataclass
class Merged:
    """What a merge kept, in words for the one line the person reads."""

    both_kept: set[str] = field(default_factory=set)
    """Texts that differed and are now both in the record ("notes", "takeaways", …)."""
    taken: set[str] = field(default_factory=set)
    """Things the other version added or moved further ("a status", "follow-ups", …)."""

    def text(self) -> str:
        """``both notes kept; follow-ups combined`` (or ``nothing differed``)."""
        parts = []
        if self.both_kept:
            parts.append("both " + " and ".join(sorted(self.both_kept)) + " kept")
        if self.taken:
            parts.append("took " + ", ".join(sorted(self.taken)) + " from it")
        return "; ".join(parts) or "nothing new in it"


def merge_text(ours: str, theirs: str) -> tuple[str, bool]:
    """The merged text, and whether both were kept side by side."""
    a, b = ours.strip(), theirs.strip()
    if not b or a == b or b in ours:
        return ours, False
    if not a or a in theirs:
        return theirs, False
    return f"{ours.rstrip()}\n\n{OTHER_MARK} {b}", True


def _text(ours: str, theirs: str, what: str, merged: Merged) -> str:
    text, both = merge_text(ours, theirs)
    if both:
        merged.both_kept.add(what)
    elif text != ours:
        merged.taken.add(what)
    return text


Item = TypeVar("Item", bound=str)


def _further(ours: Item, theirs: Item, rank: Mapping[str, int], what: str, m: Merged) -> Item:
    if rank.get(theirs, -1) > rank.get(ours, -1):
        m.taken.add(what)
        return theirs
    return ours


def _merge_item(ours: AgendaItem, theirs: AgendaItem, m: Merged) -> AgendaItem:
    item = ours.model_copy(deep=True)
    item.note = _text(ours.note, theirs.note, "notes", m)
    item.status = _further(ours.status, theirs.status, _QUESTION_RANK, "question statuses", m)
    item.seconds_spent = max(ours.seconds_spent, theirs.seconds_spent)
    item.reached = ours.reached or theirs.reached
    return item


def _merge_followups(ours: list[FollowUp], theirs: list[FollowUp], m: Merged) -> list[FollowUp]:
    result = [f.model_copy() for f in ours]
    for other in theirs:
        same = next((f for f in result if (f.kind, f.due) == (other.kind, other.due)), None)
        if same is None:
            result.append(other.model_copy())
            m.taken.add("follow-ups")
            continue
        if other.done and not same.done:
            same.done, same.done_on = True, other.done_on
            m.taken.add("follow-ups done")
        same.note = _text(same.note, other.note, "notes", m)
    return result


def _referral_key(referral: Referral) -> str:
    return referral.person_id or " ".join(referral.name.casefold().split())


def _merge_referrals(ours: list[Referral], theirs: list[Referral], m: Merged) -> list[Referral]:
    result = [r.model_copy() for r in ours]
    for other in theirs:
        key = _referral_key(other)
        same = next(
            (
                r
                for r in result
                if _referral_key(r) == key
                or " ".join(r.name.casefold().split()) == " ".join(other.name.casefold().split())
            ),
            None,
        )
        if same is None:
            result.append(other.model_copy())
            m.taken.add("referrals")
            continue
        same.contacted = same.contacted or other.contacted
        same.person_id = same.person_id or other.person_id
        same.session_id = same.session_id or other.session_id
        same.note = _text(same.note, other.note, "notes", m)
    return result


def _union(ours: list[str], theirs: list[str]) -> list[str]:
    return ours + [word for word in theirs if word not in ours]


def _earliest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return min(a, b, key=_comparable)


def _latest(a: datetime | None, b: datetime | None) -> datetime | None:
    if a is None or b is None:
        return a or b
    return max(a, b, key=_comparable)


def _comparable(moment: datetime) -> float:
    """Naive and aware times side by side: a naive time is read as local time."""
    return moment.timestamp()


def merge_sessions(ours: Session, theirs: Session) -> tuple[Session, Merged]:
    """``ours`` with everything ``theirs`` adds; ``ours`` and ``theirs`` are left as they were."""
    m = Merged()
    session = ours.model_copy(deep=True)
    by_key = {item.key: item for item in theirs.agenda}
    agenda = []
    for item in ours.agenda:
        other = by_key.pop(item.key, None)
        agenda.append(_merge_item(item, other, m) if other is not None else item.model_copy())
    for other in theirs.agenda:  # questions added on the other machine, below the rest
        if other.key in by_key:
            agenda.append(other.model_copy())
            m.taken.add("questions")
    session.agenda = agenda
    session.general_note = _text(ours.general_note, theirs.general_note, "general notes", m)
    session.takeaways = _text(ours.takeaways, theirs.takeaways, "takeaways", m)
    session.research_notes = _text(ours.research_notes, theirs.research_notes, "research notes", m)
    session.thank_you_draft = _text(ours.thank_you_draft, theirs.thank_you_draft, "thank-yous", m)
    reflections = dict(ours.reflections)
    for key, text in theirs.reflections.items():
        reflections[key] = _text(reflections.get(key, ""), text, "reflections", m)
    session.reflections = reflections
    session.contact_status = _further(
        ours.contact_status, theirs.contact_status, _CONTACT_RANK, "the contact status", m
    )
    session.status = _further(ours.status, theirs.status, _SESSION_RANK, "the call's state", m)
    session.started_at = _earliest(ours.started_at, theirs.started_at)
    session.ended_at = _latest(ours.ended_at, theirs.ended_at)
    session.elapsed_seconds = max(ours.elapsed_seconds, theirs.elapsed_seconds)
    if ours.outreach_sent_on is None or theirs.outreach_sent_on is None:
        session.outreach_sent_on = ours.outreach_sent_on or theirs.outreach_sent_on
    else:
        session.outreach_sent_on = min(ours.outreach_sent_on, theirs.outreach_sent_on)
    session.followups = _merge_followups(ours.followups, theirs.followups, m)
    session.referrals = _merge_referrals(ours.referrals, theirs.referrals, m)
    session.goals = _union(ours.goals, theirs.goals)
    session.banks = _union(ours.banks, theirs.banks)
    session.scheduled_at = ours.scheduled_at or theirs.scheduled_at
    session.person_id = ours.person_id or theirs.person_id
    session.invite_uid = ours.invite_uid or theirs.invite_uid
    session.referred_by = ours.referred_by or theirs.referred_by
    contact = session.contact
    for name in type(contact).model_fields:
        if not getattr(contact, name) and getattr(theirs.contact, name):
            setattr(contact, name, getattr(theirs.contact, name))
    return session, m


_PERSON_TEXTS = ("notes", "introduction_note")
_PERSON_KEEP = ("id", "schema_version", "created_at", "interactions", "tags", "status")


def _interaction_key(i: Interaction) -> tuple[object, ...]:
    return (i.on, i.kind, i.line.strip(), i.session_id)


def merge_people(ours: Person, theirs: Person, *, theirs_newer: bool) -> tuple[Person, Merged]:
    """One person from two versions: each field from the version edited later (``theirs``
    when ``theirs_newer``) unless it is empty there; notes both kept; interactions united."""
    m = Merged()
    person = ours.model_copy(deep=True)
    newer, older = (theirs, ours) if theirs_newer else (ours, theirs)
    for name in type(ours).model_fields:
        if name in _PERSON_KEEP or name in _PERSON_TEXTS:
            continue
        value = getattr(newer, name)
        if value in ("", None):
            value = getattr(older, name)
        if value != getattr(ours, name):
            m.taken.add("details")
        setattr(person, name, value)
    for name in _PERSON_TEXTS:
        setattr(person, name, _text(getattr(ours, name), getattr(theirs, name), "notes", m))
    if person.introducer_thanked is False and (
        ours.introducer_thanked or theirs.introducer_thanked
    ):
        person.introducer_thanked = True
    person.status = _further(ours.status, theirs.status, _CONTACT_RANK, "the contact status", m)
    person.created_at = min(ours.created_at, theirs.created_at, key=_comparable)
    person.tags = _union(ours.tags, theirs.tags)
    seen = {_interaction_key(i) for i in ours.interactions}
    interactions = [i.model_copy() for i in ours.interactions]
    for other in theirs.interactions:
        if _interaction_key(other) not in seen:
            seen.add(_interaction_key(other))
            interactions.append(other.model_copy())
            m.taken.add("interactions")
    interactions.sort(key=lambda i: i.on)
    person.interactions = interactions
    return person, m
