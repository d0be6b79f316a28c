"""Turn what a person typed into the session form into a :class:`Session`, or clear messages.

Kept free of Textual so the rules (a name is needed, the length is a positive number of
minutes, dates are real dates) are tested as plain Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from pydantic import ValidationError

from interview_tui.models import GOALS, MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES, Contact, Session

DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")
MAX_OWN_GOAL = 200
"""Characters in each of a person's own goals."""


class FormErrors(Exception):
    """One message per field, keyed by field name."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def parse_length(text: str) -> int:
    text = text.strip()
    if not text:
        return 30
    try:
        minutes = int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number of minutes") from None
    if minutes <= 0:
        raise ValueError("the call needs a positive length in minutes")
    if not MIN_LENGTH_MINUTES <= minutes <= MAX_LENGTH_MINUTES:
        raise ValueError(f"choose between {MIN_LENGTH_MINUTES} and {MAX_LENGTH_MINUTES} minutes")
    return minutes


def parse_when(text: str) -> datetime | None:
    text = text.strip()
    if not text:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date; use YYYY-MM-DD or YYYY-MM-DD HH:MM")


def own_goals(text: str) -> list[str]:
    """A person's own goals as typed in one box: several are separated by ";"."""
    return [goal for goal in (" ".join(part.split()) for part in text.split(";")) if goal]


def session_from_form(values: Mapping[str, str], goals: list[str] | None = None) -> Session:
    """Validate the form; raises :class:`FormErrors` naming every field that is wrong.

    ``goals`` are the presets ticked (:data:`~interview_tui.models.GOALS`); a person's own
    goals come as text in ``values["own_goal"]``.
    """
    errors: dict[str, str] = {}
    name = values.get("name", "").strip()
    if not name:
        errors["name"] = "the contact's name is needed"
    length = 30
    try:
        length = parse_length(values.get("length", ""))
    except ValueError as exc:
        errors["length"] = str(exc)
    scheduled = None
    try:
        scheduled = parse_when(values.get("scheduled", ""))
    except ValueError as exc:
        errors["scheduled"] = str(exc)
    unknown_goals = [g for g in goals or [] if g not in GOALS]
    if unknown_goals:
        errors["goals"] = f"unknown goal(s): {', '.join(unknown_goals)}"
    own = own_goals(values.get("own_goal", ""))
    if any(len(goal) > MAX_OWN_GOAL for goal in own):
        errors["own_goal"] = f"keep each goal under {MAX_OWN_GOAL} characters"
    if errors:
        raise FormErrors(errors)
    try:
        contact = Contact(
            name=name,
            role=values.get("role", ""),
            company=values.get("company", ""),
            industry=values.get("industry", ""),
            how_met=values.get("how_met", ""),
            email=values.get("email", ""),
            profile_url=values.get("profile_url", ""),
        )
    except ValidationError as exc:
        first = exc.errors()[0]
        raise FormErrors({str(first["loc"][0]): first["msg"]}) from None
    return Session(
        contact=contact,
        length_minutes=length,
        scheduled_at=scheduled,
        goals=list(goals or []) + [goal for goal in own if goal not in (goals or [])],
        research_notes=values.get("research_notes", ""),
        referred_by=values.get("referred_by", ""),
        contact_status="scheduled" if scheduled else "to contact",
    )


def session_values(session: Session) -> dict[str, str]:
    """The form fields a session fills (the same keys :func:`session_from_form` reads)."""
    contact = session.contact
    return {
        "name": contact.name,
        "role": contact.role,
        "company": contact.company,
        "industry": contact.industry,
        "how_met": contact.how_met,
        "email": contact.email,
        "profile_url": contact.profile_url,
        "length": str(session.length_minutes),
        "scheduled": session.scheduled_at.strftime("%Y-%m-%d %H:%M")
        if session.scheduled_at
        else "",
        "research_notes": session.research_notes,
        "referred_by": session.referred_by,
        "own_goal": "; ".join(goal for goal in session.goals if goal not in GOALS),
    }
