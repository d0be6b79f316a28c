"""Fill ``{company}``-style placeholders, reading naturally when a session lacks a value."""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from interview_tui.models import Session

PLACEHOLDERS: tuple[str, ...] = ("name", "company", "role", "industry")
"""The ``{field}`` names a question may use: fields of the contact."""

FALLBACKS: Mapping[str, str] = {
    "company": "your company",
    "role": "your role",
    "industry": "your industry",
    "name": "",
}


class _Values(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return FALLBACKS.get(key, "")


def fill(text: str, values: Mapping[str, str | None]) -> str:
    """Replace placeholders; missing values become a natural phrase, never raw braces."""
    filled = _Values({k: v.strip() for k, v in values.items() if v and v.strip()})
    try:
        result = string.Formatter().vformat(text, (), filled)
    except (ValueError, IndexError, KeyError, AttributeError):
        return text
    # A dropped name leaves "Thanks , ...", "Thanks,!", ", thanks" or double spaces behind.
    result = re.sub(r"\s+([,.!?;:])", r"\1", result)
    result = re.sub(r",+(?=[,.!?;:])", "", result)
    result = re.sub(r"[ \t]{2,}", " ", result).strip()
    if result[:1] in (",", ";", ":"):
        result = result[1:].lstrip()
        result = result[:1].upper() + result[1:]
    return result


def placeholder_values(session: Session) -> dict[str, str]:
    """The placeholder values a session provides."""
    return {name: str(getattr(session.contact, name)) for name in PLACEHOLDERS}
