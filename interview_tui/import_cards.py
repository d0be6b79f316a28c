"""What the import readers return: people and calls read from a file, nothing decided yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class PersonCard:
    """One person read from a file."""

    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    profile_url: str = ""
    phone: str = ""
    connected_on: date | None = None
    note: str = ""
    where: str = ""
    """File name and row, card or event number, for messages: ``Connections.csv:7``."""


@dataclass(frozen=True)
class InvitedCall:
    """One meeting from a calendar invite."""

    uid: str
    title: str
    start: datetime
    """Local time, naive."""
    minutes: int
    person: PersonCard
    cancelled: bool = False
    where: str = ""


@dataclass
class ReadResult(Generic[T]):
    items: list[T] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    fatal: str | None = None
