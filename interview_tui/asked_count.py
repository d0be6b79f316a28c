"""Questions asked, counted against the planned agenda: "3 of 9 asked · +2 extra".

Plain Python without pydantic, so the start screen can count from the list index before the
models load; :func:`interview_tui.session_flow.asked_count` counts a session.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple


class AskedCount(NamedTuple):
    """Questions asked, counted against the plan: the questions above the cut line."""

    asked: int
    """Asked, of the planned questions."""
    planned: int
    extra: int
    """Asked from below the cut."""

    def __str__(self) -> str:
        """``3 of 9 asked · +2 extra``"""
        text = f"{self.asked} of {self.planned} asked"
        return f"{text} · +{self.extra} extra" if self.extra else text

    @property
    def short(self) -> str:
        """``3/9 +2``, for a narrow column."""
        text = f"{self.asked}/{self.planned}"
        return f"{text} +{self.extra}" if self.extra else text


def count_asked(statuses: Sequence[str], cut: int) -> AskedCount:
    """Count ``statuses`` (the agenda's, in order) against the plan above ``cut``.

    A cut of 0 (nothing planned, or an agenda stored before there was a cut) counts the whole
    agenda as planned.
    """
    cut = min(cut, len(statuses)) if cut > 0 else len(statuses)
    asked = [status == "asked" for status in statuses]
    return AskedCount(asked=sum(asked[:cut]), planned=cut, extra=sum(asked[cut:]))


def count_of_row(row: Mapping[str, Any]) -> AskedCount:
    """The count a session-list row carries; a row an older version wrote counts the whole
    agenda as planned."""
    if "planned" in row:
        return AskedCount(
            asked=int(row.get("planned_asked") or 0),
            planned=int(row.get("planned") or 0),
            extra=int(row.get("extra_asked") or 0),
        )
    return AskedCount(
        asked=int(row.get("asked") or 0), planned=int(row.get("questions") or 0), extra=0
    )


def split_counts(rows: Sequence[Mapping[str, Any]]) -> tuple[int, int]:
    """(interviews, people to contact) among list rows: the start screen's title counts."""
    to_contact = sum(1 for row in rows if is_to_contact(row))
    return len(rows) - to_contact, to_contact


def is_to_contact(row: Mapping[str, Any]) -> bool:
    """A person someone recommended, not an interview yet: referred, never started, planned.

    Reads a list-index row (or any mapping with ``referred_by``, ``started_at``, ``status``).
    """
    return (
        bool(row.get("referred_by"))
        and not row.get("started_at")
        and row.get("status", "planned") == "planned"
    )
