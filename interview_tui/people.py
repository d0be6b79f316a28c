"""Rules about people: who is the same person, keep-in-touch dates, referral chains, filters.

Plain functions on :class:`~interview_tui.person.Person`; the workspace stores the results.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Protocol

from interview_tui.models import (
    CONTACT_STATUSES,
    MAX_NAME_LENGTH,
    Contact,
    ContactStatus,
    Referral,
    Session,
)
from interview_tui.person import TOUCH_KINDS, Interaction, InteractionKind, Person
from interview_tui.search import fold as without_accents
from interview_tui.session_flow import contact_status_rank

DEFAULT_CADENCE_DAYS = 90
SNOOZE_DAYS = 14
MET = contact_status_rank("interviewed")

_LEGAL_SUFFIXES = frozenset(
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp",
        "ltd", "limited", "plc", "gmbh", "ag", "sa", "sas", "bv", "nv", "oy", "ab", "as",
        "srl", "spa", "pty", "pte", "kk", "kg", "se",
    }
)  # fmt: skip
_NON_WORD = re.compile(r"[\W_]+")


def fold(text: str) -> str:
    """Lower case without accents (as search folds them) or punctuation: "Núñez-Ávila" →
    "nunez avila"."""
    return " ".join(_NON_WORD.sub(" ", without_accents(text)).split())


def name_order(name: str) -> tuple[tuple[int, int | str], ...]:
    """A name's place in an alphabetical list: case and accents aside, and numbers in
    number order ("Person 2" before "Person 10")."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", fold(name))
        if part
    )


def company_key(company: str) -> str:
    """A company name without case, accents, punctuation or legal suffix: "Acme, Inc." → "acme"."""
    words = fold(company).split()
    while len(words) > 1 and words[-1] in _LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def email_key(email: str) -> str:
    return email.strip().casefold()


def profile_key(url: str) -> str:
    """A profile link without scheme, ``www.``, query or trailing slash, lower case."""
    text = url.strip().casefold()
    text = re.sub(r"^[a-z]+://", "", text)
    text = text.removeprefix("www.")
    text = text.split("?", 1)[0].split("#", 1)[0]
    return text.rstrip("/")


def company_matches(query: str, company: str) -> bool:
    """Whether a typed company finds this one: "acme" finds "Acme, Inc." and "ACME Corp",
    and a small typo ("acne") still does."""
    wanted, have = company_key(query), company_key(company)
    if not wanted or not have:
        return False
    if wanted in have:
        return True
    # One letter wrong in a four-letter name is 0.75.
    return min(len(wanted), len(have)) >= 4 and (
        difflib.SequenceMatcher(None, wanted, have).ratio() >= 0.75
    )


class PersonLike(Protocol):
    """What matching looks at: a Person, a Contact or an imported card."""

    @property
    def name(self) -> str: ...
    @property
    def company(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def profile_url(self) -> str: ...


def find_same(
    people: Iterable[Person], other: PersonLike, *, same_name: bool = False
) -> Person | None:
    """The stored person ``other`` describes: the same profile link, else the same email,
    else the same name and company (or the same name, when ``other`` has no company and
    only one person has that name); None if nobody. ``same_name``: a link or email counts
    only with the same name too (sessions' contacts, where a shared team address is common)."""
    people = list(people)
    name, company = fold(other.name), company_key(other.company)

    def named(person: Person) -> bool:
        return not same_name or fold(person.name) == name

    url = profile_key(other.profile_url)
    if url:
        for person in people:
            if profile_key(person.profile_url) == url and named(person):
                return person
    email = email_key(other.email)
    if email:
        for person in people:
            if email_key(person.email) == email and named(person):
                return person
    namesakes = [person for person in people if fold(person.name) == name]
    for person in namesakes:
        if company_key(person.company) == company:
            return person
    if not company and len(namesakes) == 1:  # no company to tell them apart: the only one
        return namesakes[0]
    return None


_FILLABLE = ("role", "company", "industry", "email", "profile_url", "phone", "how_met")


def fill_gaps(person: Person, other: object) -> list[str]:
    """Copy into ``person`` what it lacks and ``other`` has; never overwrite what is there.
    Returns the fields filled."""
    filled = []
    for name in _FILLABLE:
        value = getattr(other, name, "")
        if isinstance(value, str) and value.strip() and not getattr(person, name):
            setattr(person, name, value.strip())
            filled.append(name)
    connected = getattr(other, "connected_on", None)
    if isinstance(connected, date) and person.connected_on is None:
        person.connected_on = connected
        filled.append("connected_on")
    note = getattr(other, "note", "")  # an imported card's note: the person's, while empty
    if isinstance(note, str) and note.strip() and not person.notes.strip():
        person.notes = note.strip()
        filled.append("notes")
    return filled


def person_from_contact(contact: Contact, status: ContactStatus = "to contact") -> Person:
    return Person(
        name=contact.name,
        role=contact.role,
        company=contact.company,
        industry=contact.industry,
        email=contact.email,
        profile_url=contact.profile_url,
        how_met=contact.how_met,
        status=status,
    )


def contact_of(person: Person) -> Contact:
    """The contact a new session with ``person`` starts with."""
    return Contact(
        name=person.name,
        role=person.role,
        company=person.company,
        industry=person.industry,
        how_met=person.how_met,
        email=person.email,
        profile_url=person.profile_url,
    )


# -- status and interactions -------------------------------------------------------------------


def advance_status(person: Person, to: str) -> bool:
    """Move the status forward to ``to`` (never back); True if it moved."""
    if to not in CONTACT_STATUSES or contact_status_rank(to) <= contact_status_rank(person.status):
        return False
    person.status = to
    return True


def log_interaction(
    person: Person,
    on: date,
    kind: InteractionKind,
    line: str = "",
    session_id: str | None = None,
) -> bool:
    """Record an interaction once (the same kind, day and session twice is one); a check-in
    or a touch logged by hand with someone already met means "keeping in touch"."""
    for known in person.interactions:
        if (known.on, known.kind, known.session_id) == (on, kind, session_id) and (
            session_id is not None or known.line == line.strip()
        ):
            return False
    interaction = Interaction(on=on, kind=kind, line=line.strip(), session_id=session_id)
    person.interactions.append(interaction)
    person.interactions.sort(key=lambda i: i.on)
    if kind in ("check-in", "logged") and contact_status_rank(person.status) >= MET:
        advance_status(person, "keeping in touch")
    if person.snoozed_until is not None and kind in TOUCH_KINDS:
        person.snoozed_until = None
    return True


def last_contact(person: Person) -> date | None:
    """The last day anything happened between you, outreach included."""
    return max((i.on for i in person.interactions), default=None)


def last_touch(person: Person) -> date | None:
    """The last call, note sent or touch logged: what keep-in-touch counts from."""
    return max((i.on for i in person.interactions if i.kind in TOUCH_KINDS), default=None)


def cadence(person: Person, default_days: int = DEFAULT_CADENCE_DAYS) -> int:
    return person.cadence_days or default_days


def next_touch(person: Person, default_days: int = DEFAULT_CADENCE_DAYS) -> date | None:
    """When to get back in touch: the last touch plus the cadence (or the snooze); None for
    someone not met yet (their next step is outreach, not a check-in)."""
    touched = last_touch(person)
    if touched is None or contact_status_rank(person.status) < MET:
        return None
    due = touched + timedelta(days=cadence(person, default_days))
    if person.snoozed_until is not None and person.snoozed_until > due:
        return person.snoozed_until
    return due


def snooze(person: Person, today: date, days: int = SNOOZE_DAYS) -> date:
    person.snoozed_until = today + timedelta(days=days)
    return person.snoozed_until


def due_for_touch(
    people: Iterable[Person], today: date, default_days: int = DEFAULT_CADENCE_DAYS
) -> list[tuple[Person, date]]:
    """People whose next touch is today or past, earliest first."""
    due = []
    for person in people:
        when = next_touch(person, default_days)
        if when is not None and when <= today:
            due.append((person, when))
    return sorted(due, key=lambda pair: (pair[1], fold(pair[0].name)))


def introducers_to_thank(people: Sequence[Person]) -> list[tuple[Person, Person]]:
    """(introducer, the person they introduced) for everyone met but whose introducer has not
    been thanked for it yet."""
    by_id = {person.id: person for person in people}
    pairs = []
    for person in people:
        introducer = by_id.get(person.introduced_by or "")
        if (
            introducer is not None
            and not person.introducer_thanked
            and contact_status_rank(person.status) >= MET
        ):
            pairs.append((introducer, person))
    return pairs


# -- sessions and referrals --------------------------------------------------------------------


def call_day(session: Session) -> date | None:
    stamp = session.ended_at or session.started_at
    return stamp.date() if stamp else None


def sync_from_session(person: Person, session: Session) -> bool:
    """Bring what a conversation says into its person: status, the call, notes sent, and
    contact details the person lacks. True if the person changed."""
    changed = bool(fill_gaps(person, session.contact))
    changed |= advance_status(person, session.contact_status)
    day = call_day(session)
    if session.status == "ended" and day is not None:
        changed |= log_interaction(person, day, "call", "", session.id)
    if session.outreach_sent_on is not None:
        changed |= log_interaction(person, session.outreach_sent_on, "outreach", "", session.id)
    for followup in session.followups:
        if followup.done and followup.kind in ("thank-you", "check-in"):
            kind: InteractionKind = "thank-you" if followup.kind == "thank-you" else "check-in"
            done_on = followup.done_on or followup.due
            changed |= log_interaction(person, done_on, kind, "", session.id)
    return changed


def referral_to_person(referral: Referral, introducer: Person, session: Session) -> Person:
    """Someone ``introducer`` recommended in ``session``, as a person to contact; links the
    referral to them (save both)."""
    name = referral.name.strip()
    if not name:
        raise ValueError("the recommended person needs a name")
    note = referral.note.strip()
    if len(name) > MAX_NAME_LENGTH:  # the whole line typed is kept, in the note
        note = f"{name} — {note}" if note else name
        name = name[: MAX_NAME_LENGTH - 1].rstrip() + "…"
    day = call_day(session)
    how = f"Recommended by {introducer.name}" + (f" on {day:%Y-%m-%d}" if day else "")
    person = Person(
        name=name,
        how_met=how,
        introduced_by=introducer.id,
        introduction_note=note,
    )
    referral.person_id = person.id
    return person


def person_for_referral(
    referral: Referral, introducer: Person, session: Session, people: Iterable[Person]
) -> tuple[Person, bool]:
    """The person ``referral`` names, and True when they are new: someone already known is
    that person (introduced by ``introducer`` if nobody introduced them yet), anyone else a
    new person to contact. Links the referral to them."""
    new = referral_to_person(referral, introducer, session)
    known = find_same(people, new)
    person, created = (new, True) if known is None or known.id == introducer.id else (known, False)
    referral.person_id = person.id
    if person.introduced_by is None and person.id != introducer.id:
        person.introduced_by = introducer.id
        person.introduction_note = person.introduction_note or referral.note.strip()
    return person, created


@dataclass
class ChainNode:
    """A person in a referral tree and the people they introduced."""

    person: Person
    introduced: list[ChainNode] = field(default_factory=list)


def introducer_chain(person: Person, by_id: Mapping[str, Person]) -> list[Person]:
    """Who introduced ``person``, who introduced them…, nearest first (cycles stop)."""
    chain: list[Person] = []
    seen = {person.id}
    current = by_id.get(person.introduced_by or "")
    while current is not None and current.id not in seen:
        chain.append(current)
        seen.add(current.id)
        current = by_id.get(current.introduced_by or "")
    return chain


def introduced_tree(person: Person, people: Iterable[Person]) -> ChainNode:
    """``person`` and, below them, whom they introduced, and whom those introduced…"""
    children: dict[str, list[Person]] = {}
    for other in people:
        if other.introduced_by:
            children.setdefault(other.introduced_by, []).append(other)

    def grow(node_person: Person, seen: frozenset[str]) -> ChainNode:
        kids = sorted(children.get(node_person.id, []), key=lambda p: fold(p.name))
        return ChainNode(
            node_person,
            [grow(kid, seen | {kid.id}) for kid in kids if kid.id not in seen],
        )

    return grow(person, frozenset({person.id}))


# -- finding people ----------------------------------------------------------------------------


def person_matches(person: Person, query: str) -> bool:
    """Filter-as-you-type: every word must start a word of the name, role, tags or email, or
    find the company (fuzzily)."""
    words = fold(query).split()
    if not words:
        return True
    haystack = fold(" ".join([person.name, person.role, person.email, *person.tags])).split()
    for word in words:
        if any(token.startswith(word) for token in haystack):
            continue
        if company_matches(word, person.company):
            continue
        return False
    return True


def conversations_this_week(call_days: Iterable[date | None], today: date) -> int:
    """Calls held this week (Monday to Sunday)."""
    monday = today - timedelta(days=today.weekday())
    return sum(1 for day in call_days if day is not None and monday <= day <= today)
