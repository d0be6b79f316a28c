"""Imported cards (LinkedIn, vCard) merged into the people you have: add the new, fill the
gaps of the known, never overwrite what you wrote; the same file twice changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from interview_tui.import_cards import PersonCard
from interview_tui.models import MAX_NAME_LENGTH
from interview_tui.people import fill_gaps, find_same
from interview_tui.person import Person


@dataclass
class ImportReport:
    source: str
    added: list[Person] = field(default_factory=list)
    updated: list[Person] = field(default_factory=list)
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)
    """One line per card left out, with the reason."""
    skipped_reading: int = 0
    """Rows or cards the file's reader already left out (and named)."""

    @property
    def to_save(self) -> list[Person]:
        return [*self.added, *self.updated]

    def summary(self) -> str:
        """``Connections.csv: 12 added, 3 updated, 40 unchanged, 1 skipped``."""
        return (
            f"{self.source}: {len(self.added)} added, {len(self.updated)} updated, "
            f"{self.unchanged} unchanged, {len(self.skipped) + self.skipped_reading} skipped"
        )


@dataclass
class ImportOutcome:
    """What importing one file did, in lines for a person: what changed, and problems."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    failed: bool = False
    """The file (or saving it) failed: nothing, or only part, was imported."""


def person_from_card(card: PersonCard) -> Person:
    """A new person from a card; a name too long for one is cut, and kept whole in the notes."""
    name, note = card.name.strip(), card.note
    if len(name) > MAX_NAME_LENGTH:
        note = f"{name}\n{note}".strip()
        name = name[: MAX_NAME_LENGTH - 1].rstrip() + "…"
    return Person(
        name=name,
        company=card.company,
        role=card.role,
        email=card.email,
        profile_url=card.profile_url,
        phone=card.phone,
        connected_on=card.connected_on,
        notes=note,
        # Not "Imported from Connections.csv": that says where the record came from, not how
        # you met, and "how we met" goes into the note asking for a conversation.
        how_met="LinkedIn connection" if card.connected_on else "",
    )


def merge_cards(people: list[Person], cards: list[PersonCard], source: str) -> ImportReport:
    """What importing ``cards`` into ``people`` adds and changes (``people`` is not touched;
    the report's persons are copies to save)."""
    report = ImportReport(source)
    pool = {person.id: person for person in people}
    fresh: set[str] = set()  # people already new or copied in this report
    for card in cards:
        if not card.name.strip():
            report.skipped.append(f"{card.where or source}: no name")
            continue
        known = find_same(pool.values(), card)
        if known is None:
            try:
                person = person_from_card(card)
            except ValueError as exc:
                reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else "not valid"
                report.skipped.append(f"{card.where or source}: {reason}")
                continue
            report.added.append(person)
            pool[person.id] = person
            fresh.add(person.id)
        elif known.id in fresh:  # a second card for someone this file already brought
            fill_gaps(known, card)
            report.unchanged += 1
        else:
            copy = known.model_copy(deep=True)
            if fill_gaps(copy, card):
                pool[copy.id] = copy
                fresh.add(copy.id)
                report.updated.append(copy)
            else:
                report.unchanged += 1
    return report
