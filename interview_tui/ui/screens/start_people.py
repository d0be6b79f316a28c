"""The start screen's due list, for people: mark a touch done, snooze it, undo either.

Each call changes people through the workspace and returns what it changed, (before,
after) for every person, so :func:`undo` can take exactly that back out. No Textual here:
the screen runs these and redraws.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview_tui.people_due import PersonDue
    from interview_tui.person import InteractionKind, Person
    from interview_tui.service import Workspace

Changes = list[tuple["Person", "Person"]]
"""(before, after) for each person a step changed."""


def _stored(workspace: Workspace, person_id: str) -> Person:
    from interview_tui.service import StoreError

    person = workspace.person(person_id)
    if person is None:
        raise StoreError("that person is no longer stored")
    return person


def mark_done(workspace: Workspace, item: PersonDue, today: date) -> Changes:
    """A check-in logged today; or, for an introducer, the introduced person marked as
    thanked for and a thank-you logged with the introducer."""
    from interview_tui.people_due import (
        CHECK_IN_LINE,
        mark_introducer_thanked,
        thank_introducer_line,
    )

    changes: Changes = []
    kind: InteractionKind
    if item.kind == "thank-introducer":
        introduced = _stored(workspace, item.introduced_id)
        thanked = mark_introducer_thanked(introduced)
        workspace.save_person(thanked)
        changes.append((introduced, thanked))
        kind, line = "thank-you", thank_introducer_line(item.introduced_name)
    else:
        kind, line = "check-in", CHECK_IN_LINE
    before = _stored(workspace, item.person_id).model_copy(deep=True)
    try:
        after = workspace.log_touch(item.person_id, today, kind, line)
    except Exception:
        undo(workspace, changes)  # all or nothing: the introduced person as they were
        raise
    changes.append((before, after.model_copy(deep=True)))
    return changes


def snooze(workspace: Workspace, item: PersonDue, today: date) -> Changes:
    """The person's next touch moved two weeks from today."""
    from interview_tui.people_due import snoozed

    before = _stored(workspace, item.person_id)
    after = snoozed(before, today)
    workspace.save_person(after)
    return [(before, after)]


def undo(workspace: Workspace, changes: Changes) -> list[Person]:
    """Take ``changes`` back out of the people as stored now (later edits stay)."""
    from interview_tui.people_due import undo_person_change

    restored = []
    for before, after in reversed(changes):
        person = undo_person_change(_stored(workspace, before.id), before, after)
        workspace.save_person(person)
        restored.append(person)
    return restored


def draft_for(
    workspace: Workspace, item: PersonDue, today: date, signature: str
) -> tuple[str, str, str] | None:
    """(title, text, address) of the note ``item`` asks for: thanks for an introduction, or
    a check-in written from the last conversation; None when there is none to write from."""
    from interview_tui.templates import check_in_note, thank_introducer_note

    person = _stored(workspace, item.person_id)
    if item.kind == "thank-introducer":
        from interview_tui.people_due import met_on

        introduced = workspace.person(item.introduced_id)
        met = met_on(introduced) if introduced is not None else None
        text = thank_introducer_note(
            person.name, item.introduced_name, met, today, signature=signature
        )
        return "Thank the introducer", text, person.email
    rows = workspace.sessions_of(person.id)
    ended = [row for row in rows if row.get("status") == "ended"]
    if not ended:
        return None
    session = workspace.load(ended[0]["id"])
    return "Check-in note", check_in_note(session, today, signature=signature), person.email
