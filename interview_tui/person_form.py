"""The person form's text → an updated Person, or one error per field; the log-touch day.

Kept apart from the screens so the rules (name required, cadence 7 to 730 days or empty,
tags comma-separated) are the Person model's own and testable without a terminal.
"""

from __future__ import annotations

from datetime import date

from pydantic import ValidationError

from interview_tui.person import MAX_CADENCE_DAYS, MIN_CADENCE_DAYS, Person
from interview_tui.session_form import FormErrors

FORM_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Name *", "who they are"),
    ("role", "Role", "e.g. Data scientist"),
    ("company", "Company", ""),
    ("industry", "Industry", ""),
    ("email", "Email", ""),
    ("profile_url", "Profile", "link to their profile"),
    ("phone", "Phone", ""),
    ("how_met", "How we met", "e.g. alumni network"),
    ("tags", "Tags", "comma-separated: mentor, design"),
    ("cadence_days", "Every (days)", f"{MIN_CADENCE_DAYS} to {MAX_CADENCE_DAYS}; empty: default"),
)
"""(field, label, hint) in form order; ``notes`` is a text area below them."""


def form_values(person: Person) -> dict[str, str]:
    """What the form shows for ``person`` (the keys :func:`person_from_form` reads)."""
    values = {key: str(getattr(person, key) or "") for key, _, _ in FORM_FIELDS}
    values["tags"] = ", ".join(person.tags)
    values["notes"] = person.notes
    return values


def split_tags(text: str) -> list[str]:
    """ "mentor, design,  , Mentor" → ["mentor", "design"]: trimmed, no empties, no repeats."""
    seen: dict[str, str] = {}
    for tag in text.split(","):
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


def person_from_form(person: Person, values: dict[str, str]) -> Person:
    """A copy of ``person`` with the form's values; :class:`FormErrors` names each field the
    Person model refuses (the stored person is left as it was)."""
    errors: dict[str, str] = {}
    update: dict[str, object] = {
        key: values.get(key, "") for key, _, _ in FORM_FIELDS if key not in ("tags", "cadence_days")
    }
    update["tags"] = split_tags(values.get("tags", ""))
    update["notes"] = values.get("notes", "")
    cadence = values.get("cadence_days", "").strip()
    if not cadence:
        update["cadence_days"] = None
    elif not cadence.isdigit():
        errors["cadence_days"] = f"a number of days, {MIN_CADENCE_DAYS} to {MAX_CADENCE_DAYS}"
    else:
        update["cadence_days"] = int(cadence)
    if errors:
        raise FormErrors(errors)
    data = person.model_dump()
    data.update(update)
    try:
        return Person.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            field = str(error["loc"][0]) if error["loc"] else "name"
            errors.setdefault(field, _message(field, error["msg"]))
        raise FormErrors(errors) from None


def _message(field: str, pydantic_message: str) -> str:
    if field == "name":
        return "a name is needed" if "at least" in pydantic_message else pydantic_message
    if field == "cadence_days":
        return f"between {MIN_CADENCE_DAYS} and {MAX_CADENCE_DAYS} days, or empty for the default"
    return pydantic_message


def parse_day(text: str) -> date:
    """A day typed as ``YYYY-MM-DD``; ValueError with a line a person can act on."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text or 'nothing'!s} is not a day: write it as YYYY-MM-DD") from None
