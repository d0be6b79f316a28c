"""A person: a stored record of its own, with any number of conversations (sessions).

Sessions keep a copy of the contact as it was at the time (``Session.contact``) and point
at their person with ``Session.person_id``; the person holds the relationship: status,
who introduced them, how often to get back in touch, and every interaction.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from interview_tui.models import MAX_NAME_LENGTH, ContactStatus

PERSON_SCHEMA_VERSION = 1

InteractionKind = Literal["call", "thank-you", "check-in", "outreach", "logged"]
INTERACTION_KINDS: tuple[InteractionKind, ...] = get_args(InteractionKind)
TOUCH_KINDS: frozenset[str] = frozenset({"call", "thank-you", "check-in", "logged"})
"""Interactions that reset the keep-in-touch clock (an unanswered request does not)."""

MIN_CADENCE_DAYS = 7
MAX_CADENCE_DAYS = 730


def new_person_id() -> str:
    return "p-" + datetime.now().strftime("%Y%m%d-") + uuid.uuid4().hex[:8]


class Interaction(BaseModel):
    """Something that happened between you and the person, on a day."""

    on: date
    kind: InteractionKind
    line: str = ""
    session_id: str | None = None
    """The conversation it came from, for calls and notes sent after one."""


class Person(BaseModel):
    """Someone you talked to, will talk to, or were told to talk to."""

    model_config = ConfigDict(str_strip_whitespace=True)

    schema_version: int = PERSON_SCHEMA_VERSION
    id: str = Field(default_factory=new_person_id)
    created_at: datetime = Field(default_factory=datetime.now)
    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH)]
    role: str = ""
    company: str = ""
    industry: str = ""
    email: str = ""
    profile_url: str = ""
    phone: str = ""
    how_met: str = ""
    tags: list[str] = Field(default_factory=list)
    introduced_by: str | None = None
    """The id of the person who recommended them."""
    introduction_note: str = ""
    introducer_thanked: bool = False
    status: ContactStatus = "to contact"
    cadence_days: Annotated[int, Field(ge=MIN_CADENCE_DAYS, le=MAX_CADENCE_DAYS)] | None = None
    """How often to get back in touch; None: the setting (90 days unless changed)."""
    snoozed_until: date | None = None
    connected_on: date | None = None
    notes: str = ""
    interactions: list[Interaction] = Field(default_factory=list)

    @property
    def where(self) -> str:
        """Company, else role: what the lists show beside the name."""
        return self.company or self.role
