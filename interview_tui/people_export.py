"""People out of the app: a spreadsheet (CSV), an address book (vCard 3.0, written with
``vobject``), and one Markdown page per person that note apps such as Obsidian link up with
the session pages (``[[file|Name]]`` links both ways)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from interview_tui.display_text import one_line
from interview_tui.export import (
    markdown_filename,
    name_slug,
    session_date,
    spreadsheet_csv,
    to_markdown,
    write_export,
)
from interview_tui.models import Session
from interview_tui.people import (
    DEFAULT_CADENCE_DAYS,
    introducer_chain,
    last_contact,
    next_touch,
)
from interview_tui.person import Person

PEOPLE_CSV_COLUMNS = (
    "name",
    "company",
    "role",
    "industry",
    "email",
    "profile_url",
    "phone",
    "status",
    "last_contact",
    "next_touch",
    "cadence_days",
    "introduced_by",
    "how_met",
    "tags",
    "notes",
)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def to_people_csv(
    people: Iterable[Person],
    *,
    bom: bool = False,
    default_cadence: int = DEFAULT_CADENCE_DAYS,
) -> str:
    """One row per person; cells a spreadsheet would run as a formula start with ``'``."""
    people = list(people)
    by_id = {person.id: person for person in people}

    def row(person: Person) -> list[object]:
        introducer = by_id.get(person.introduced_by or "")
        return [
            person.name,
            person.company,
            person.role,
            person.industry,
            person.email,
            person.profile_url,
            person.phone,
            person.status,
            _day(last_contact(person)),
            _day(next_touch(person, default_cadence)),
            person.cadence_days or "",
            introducer.name if introducer else "",
            person.how_met,
            "; ".join(person.tags),
            one_line(person.notes),
        ]

    return spreadsheet_csv(PEOPLE_CSV_COLUMNS, map(row, people), bom=bom)


def to_vcards(people: Iterable[Person]) -> str:
    """vCard 3.0 cards, one per person, that address books import."""
    import vobject

    cards = []
    for person in people:
        card = vobject.vCard()
        card.add("fn").value = person.name
        given, _, family = person.name.rpartition(" ")
        card.add("n").value = vobject.vcard.Name(family=family or person.name, given=given)
        if person.company:
            card.add("org").value = [person.company]
        if person.role:
            card.add("title").value = person.role
        if person.email:
            email = card.add("email")
            email.value = person.email
            email.type_param = "INTERNET"
        if person.phone:
            card.add("tel").value = person.phone
        if person.profile_url:
            card.add("url").value = person.profile_url
        note = "\n".join(part for part in (person.how_met, person.notes) if part.strip())
        if note:
            card.add("note").value = note
        if person.tags:
            card.add("categories").value = list(person.tags)
        cards.append(card.serialize())
    return "".join(cards)


def person_filename(person: Person) -> str:
    """``person-ana-núñez-cdb4ce93.md``: readable, unique, and stable when nothing changes."""
    name = name_slug(person.name) or "person"
    return f"person-{name}-{person.id.rsplit('-', 1)[-1]}.md"


def link(filename: str, label: str) -> str:
    """An Obsidian wiki link to a page by its file name, shown as ``label``."""
    shown = one_line(label).replace("|", "/").replace("]]", "] ]")
    return f"[[{filename.removesuffix('.md')}|{shown}]]"


def person_markdown(
    person: Person,
    sessions: Iterable[Session],
    people: Mapping[str, Person],
    *,
    default_cadence: int = DEFAULT_CADENCE_DAYS,
) -> str:
    """A person's page: front matter, details, conversations linked, who introduced them and
    whom they introduced."""
    sessions = sorted(sessions, key=session_date, reverse=True)
    introducer = people.get(person.introduced_by or "")
    data: dict[str, Any] = {
        "title": one_line(person.name),
        "type": "person",
        "company": one_line(person.company),
        "role": one_line(person.role),
        "status": person.status,
        "tags": ["person", *(name_slug(tag) for tag in person.tags if name_slug(tag))],
        "person_id": person.id,
    }
    if person.email:
        data["email"] = one_line(person.email)
    if introducer is not None:
        data["introduced_by"] = link(person_filename(introducer), introducer.name)
    touch = next_touch(person, default_cadence)
    if touch:
        data["next_touch"] = touch
    front = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=math.inf
    )
    lines = [f"---\n{front}---", "", f"# {one_line(person.name)}", ""]
    for label, value in (
        ("Role", person.role),
        ("Company", person.company),
        ("Email", person.email),
        ("Profile", person.profile_url),
        ("How we met", person.how_met),
    ):
        if value.strip():
            lines.append(f"- **{label}:** {one_line(value)}")
    if introducer is not None:
        chain = [link(person_filename(p), p.name) for p in introducer_chain(person, people)]
        lines.append(f"- **Introduced by:** {' ← '.join(chain)}")
    introduced = sorted(
        (p for p in people.values() if p.introduced_by == person.id), key=lambda p: p.name
    )
    if introduced:
        names = ", ".join(link(person_filename(p), p.name) for p in introduced)
        lines.append(f"- **Introduced you to:** {names}")
    lines += ["", "## Conversations", ""]
    lines += [
        f"- {link(markdown_filename(s), f'{session_date(s):%d %b %Y}')} ({s.status})"
        for s in sessions
    ] or ["- none yet"]
    if person.interactions:
        lines += ["", "## Interactions", ""]
        lines += [
            f"- {i.on:%Y-%m-%d} {i.kind}" + (f": {one_line(i.line)}" if i.line else "")
            for i in reversed(person.interactions)
        ]
    if person.notes.strip():
        lines += ["", "## Notes", "", person.notes.strip()]
    return "\n".join(lines) + "\n"


def write_vault(
    folder: Path,
    sessions: Iterable[Session],
    people: Mapping[str, Person],
    *,
    default_cadence: int = DEFAULT_CADENCE_DAYS,
) -> list[Path]:
    """A page per session and per person in ``folder`` (a note app's vault), linked both
    ways: each session's front matter names its person's page."""
    folder = Path(folder)
    sessions = list(sessions)
    written = []
    by_person: dict[str, list[Session]] = {}
    for session in sessions:
        person = people.get(session.person_id or "")
        page = link(person_filename(person), person.name) if person else ""
        if person is not None:
            by_person.setdefault(person.id, []).append(session)
        text = to_markdown(session, person_page=page)
        written.append(write_export(folder / markdown_filename(session), text))
    for person in people.values():
        text = person_markdown(
            person, by_person.get(person.id, []), people, default_cadence=default_cadence
        )
        written.append(write_export(folder / person_filename(person), text))
    return written
