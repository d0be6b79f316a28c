"""Pydantic models for banks, sessions and everything stored.

Plain Python: no Textual import, so the domain can be tested and reused without a terminal.
"""

from __future__ import annotations

import re
import string
import uuid
from datetime import date, datetime
from typing import Annotated, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictStr,
    ValidationError,
    field_validator,
)

from interview_tui.placeholders import PLACEHOLDERS


def first_error(exc: ValidationError) -> str:
    """A stored record's first fault in one line: ``agenda.0.minutes: Input should be…``."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}"


SCHEMA_VERSION = 2
"""2: sessions belong to a person (``person_id``); 1 had the contact only."""

Phase = Literal["opening", "core", "closing"]
PHASES: tuple[Phase, ...] = get_args(Phase)
QuestionStatus = Literal["pending", "asked", "skipped"]
SessionStatus = Literal["planned", "live", "ended"]
ContactStatus = Literal[
    "to contact", "asked", "scheduled", "interviewed", "thanked", "keeping in touch"
]
CONTACT_STATUSES: tuple[ContactStatus, ...] = get_args(ContactStatus)
"""In the order a contact moves through them; a status only moves forward."""
GOALS: tuple[str, ...] = (
    "career exploration",
    "networking",
    "skill development",
    "company insight",
)
"""The goals the setup form offers; a person may write their own as well."""
TIARA: tuple[str, ...] = ("trends", "insights", "advice", "resources", "assignments")
"""What an informational interview can give (the TIARA method): what a bank question's
``goals`` name, besides free words of the bank's own."""

REFLECTION_PROMPTS: dict[str, str] = {
    "field": "What did I learn about the field?",
    "skills": "Which skills or experiences are valued?",
    "advice": "What advice was given?",
    "surprise": "What surprised me?",
}

MIN_PRIORITY, MAX_PRIORITY = 1, 5
MAX_QUESTION_MINUTES = 120
MIN_LENGTH_MINUTES, MAX_LENGTH_MINUTES = 5, 240
"""How long a session may be planned for."""

Priority = Annotated[int, Field(ge=MIN_PRIORITY, le=MAX_PRIORITY, strict=True)]
# Strict so that `minutes: true` or `minutes: "3"` is an error, not a silent 1.0 or 3.0.
Minutes = Annotated[float, Field(gt=0, le=MAX_QUESTION_MINUTES, strict=True, allow_inf_nan=False)]
ShortText = Annotated[StrictStr, Field(min_length=1, max_length=2000)]
GoalWord = Annotated[StrictStr, Field(min_length=1, max_length=60)]


def slugify(text: str, max_length: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_length].rstrip("-") or "question"


class Question(BaseModel):
    """One question in a bank, as written in YAML."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)

    id: StrictStr | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    text: ShortText
    priority: Priority = 3
    minutes: Minutes = 2.0
    phase: Phase = "core"
    pinned: StrictBool = False
    tags: list[ShortText] = Field(default_factory=list)
    goals: list[GoalWord] = Field(default_factory=list)
    probes: list[ShortText] = Field(default_factory=list)

    @field_validator("goals")
    @classmethod
    def _goal_words(cls, goals: list[str]) -> list[str]:
        """A TIARA name or a free word: lower case, on one line, once each."""
        result: list[str] = []
        for goal in goals:
            word = " ".join(goal.split()).lower()
            if word not in result:
                result.append(word)
        return result

    @field_validator("text")
    @classmethod
    def _known_placeholders(cls, text: str) -> str:
        try:
            parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text)]
        except ValueError as exc:
            raise ValueError(f"broken placeholder braces ({exc})") from None
        fields = [f for f, _, _ in parts if f is not None]
        unknown = sorted({f for f in fields if f not in PLACEHOLDERS})
        if unknown:
            allowed = ", ".join("{" + p + "}" for p in sorted(PLACEHOLDERS))
            names = ", ".join("{" + u + "}" for u in unknown)
            raise ValueError(f"unknown placeholder {names}; allowed: {allowed}")
        for field, spec, conversion in parts:
            if field is not None and (spec or conversion):
                raise ValueError(f"write the placeholder as {{{field}}}, without ':' or '!'")
        return text

    @property
    def key(self) -> str:
        return self.id or slugify(self.text)


class Bank(BaseModel):
    """A question bank file."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    bank: ShortText
    category: Annotated[StrictStr, Field(min_length=1, max_length=60)] = "custom"
    description: StrictStr = ""
    questions: Annotated[list[Question], Field(min_length=1)]
    _source: str = PrivateAttr(default="")

    @property
    def source(self) -> str:
        """The file this bank was read from."""
        return self._source

    @source.setter
    def source(self, value: str) -> None:
        self._source = value

    @field_validator("questions")
    @classmethod
    def _unique_ids(cls, questions: list[Question]) -> list[Question]:
        seen: dict[str, int] = {}
        for index, question in enumerate(questions):
            if question.key in seen:
                raise ValueError(
                    f"duplicate id {question.key!r} (questions {seen[question.key] + 1} "
                    f"and {index + 1})"
                )
            seen[question.key] = index
        return questions

    @property
    def slug(self) -> str:
        return slugify(self.bank, 32)


MAX_NAME_LENGTH = 200


class Contact(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    name: Annotated[str, Field(min_length=1, max_length=MAX_NAME_LENGTH)]
    role: str = ""
    company: str = ""
    industry: str = ""
    how_met: str = ""
    email: str = ""
    profile_url: str = ""


class AgendaItem(BaseModel):
    """A question as placed in one session's agenda, with what happened to it."""

    key: str
    text: str
    bank: str = ""
    category: str = ""
    priority: Priority = 3
    minutes: Minutes = 2.0
    phase: Phase = "core"
    pinned: bool = False
    tags: list[str] = Field(default_factory=list)
    goals: list[str] = Field(default_factory=list)
    probes: list[str] = Field(default_factory=list)
    own: bool = False
    status: QuestionStatus = "pending"
    seconds_spent: float = 0.0
    reached: bool = False
    note: str = ""

    @classmethod
    def from_question(cls, question: Question, bank: Bank) -> AgendaItem:
        return cls(
            key=f"{bank.slug}/{question.key}",
            text=question.text,
            bank=bank.bank,
            category=bank.category,
            priority=question.priority,
            minutes=question.minutes,
            phase=question.phase,
            pinned=question.pinned,
            tags=list(question.tags),
            goals=list(question.goals),
            probes=list(question.probes),
        )


class Referral(BaseModel):
    """Someone the contact recommended talking to."""

    name: str
    note: str = ""
    contacted: bool = False
    session_id: str | None = None
    """The "to contact" session made for them before people were records of their own."""
    person_id: str | None = None
    """The person made for them."""


class FollowUp(BaseModel):
    kind: Literal["thank-you", "check-in", "outreach-reminder", "other"]
    due: date
    done: bool = False
    note: str = ""
    done_on: date | None = None
    """The day it was done: the day a person's record logs the thank-you or check-in on
    (None while open, and for one done before this was kept: then its due day)."""


def new_session_id() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S-") + uuid.uuid4().hex[:6]


class Session(BaseModel):
    """One informational interview, from preparation to follow-up."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(default_factory=new_session_id)
    created_at: datetime = Field(default_factory=datetime.now)
    scheduled_at: datetime | None = None
    length_minutes: Annotated[int, Field(ge=MIN_LENGTH_MINUTES, le=MAX_LENGTH_MINUTES)] = 30
    contact: Contact
    """The person as they were at the time of this conversation."""
    person_id: str | None = None
    """The :class:`~interview_tui.person.Person` this conversation was with."""
    contact_status: ContactStatus = "to contact"
    referred_by: str = ""
    goals: list[str] = Field(default_factory=list)
    research_notes: str = ""
    banks: list[str] = Field(default_factory=list)
    agenda: list[AgendaItem] = Field(default_factory=list)
    cut_index: int = 0
    current_index: int = 0
    elapsed_seconds: float = 0.0
    general_note: str = ""
    status: SessionStatus = "planned"
    started_at: datetime | None = None
    ended_at: datetime | None = None
    reflections: dict[str, str] = Field(default_factory=dict)
    takeaways: str = ""
    referrals: list[Referral] = Field(default_factory=list)
    followups: list[FollowUp] = Field(default_factory=list)
    outreach_sent_on: date | None = None
    invite_uid: str = ""
    """The calendar invite it was imported from (``UID``), so a second import updates it."""
    thank_you_draft: str = ""
    """The thank-you note as the person last edited it ("" while it is the app's draft)."""

    @property
    def title(self) -> str:
        where = self.contact.company or self.contact.role
        return f"{self.contact.name} · {where}" if where else self.contact.name

    @property
    def asked_count(self) -> int:
        return sum(1 for item in self.agenda if item.status == "asked")
