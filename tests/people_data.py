"""People with fixed ids and dates for the People screen's tests and snapshots.

Ada introduced Grace, Grace introduced Lee (a hostile name); three people work at some form
of Acme; Ada has two conversations. Every date is fixed and in the past, so the pictures do
not change with the day they are taken.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from interview_tui.models import Contact, FollowUp, Session
from interview_tui.person import Interaction, Person
from interview_tui.service import Workspace

ADA_ID = "p-20260101-ada00001"
GRACE_ID = "p-20260101-grace001"
LEE_ID = "p-20260101-lee00001"
HOSTILE_NAME = "Lee Dev[/ops]"
CLICK_NAME = "[@click=app.quit]"


def fixed_people() -> list[Person]:
    created = datetime(2026, 1, 1, 9, 0)
    ada = Person(
        id=ADA_ID,
        created_at=created,
        name="Ada Lovelace",
        role="Research engineer",
        company="Acme, Inc.",
        email="ada@acme.example",
        how_met="Alumni network",
        tags=["mentor", "ml"],
        status="thanked",
        notes="Prefers mornings.",
        interactions=[
            Interaction(on=date(2026, 3, 2), kind="call", session_id="20260302-100000-ada001"),
            Interaction(on=date(2026, 3, 4), kind="thank-you"),
        ],
    )
    grace = Person(
        id=GRACE_ID,
        created_at=created,
        name="Grace Hopper",
        role="Compiler lead",
        company="ACME Corp",
        introduced_by=ADA_ID,
        status="interviewed",
        cadence_days=60,
        interactions=[Interaction(on=date(2026, 4, 10), kind="call")],
    )
    lee = Person(
        id=LEE_ID,
        created_at=created,
        name=HOSTILE_NAME,
        company="[b]",
        introduced_by=GRACE_ID,
    )
    others = [
        Person(id=f"p-20260101-other{n:03d}", created_at=created, name=name, company=company)
        for n, (name, company) in enumerate(
            [
                ("Katherine Johnson", "NASA Langley"),
                ("Mary Jackson", "NASA Langley"),
                (CLICK_NAME, "Zeta Labs"),
                ("Dorothy Vaughan", "acme analytics GmbH"),
            ]
        )
    ]
    return [ada, grace, lee, *others]


def ada_sessions() -> list[Session]:
    contact = Contact(name="Ada Lovelace", company="Acme, Inc.", role="Research engineer")
    held = Session(
        id="20260302-100000-ada001",
        created_at=datetime(2026, 2, 20, 9, 0),
        scheduled_at=datetime(2026, 3, 2, 10, 0),
        contact=contact,
        person_id=ADA_ID,
        contact_status="thanked",
        status="ended",
        started_at=datetime(2026, 3, 2, 10, 0),
        ended_at=datetime(2026, 3, 2, 10, 30),
        general_note="Warm and direct.",
        followups=[FollowUp(kind="check-in", due=date(2026, 6, 2))],
    )
    planned = Session(
        id="20260601-100000-ada002",
        created_at=datetime(2026, 5, 20, 9, 0),
        scheduled_at=datetime(2026, 6, 1, 10, 0),
        contact=contact,
        person_id=ADA_ID,
        contact_status="scheduled",
    )
    return [held, planned]


def store_people(data_dir: Path) -> None:
    """Save the fixed people and Ada's sessions into ``data_dir`` (the lock released)."""
    workspace = Workspace.open(data_dir)
    try:
        for person in fixed_people():
            workspace.save_person(person)
        for session in ada_sessions():
            workspace.save(session)
    finally:
        workspace.close()
