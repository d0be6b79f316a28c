"""vCard files (``.vcf``, versions 3.0 and 4.0) → ``PersonCard``s, read with ``vobject``.

The file is cut into its ``BEGIN:VCARD`` … ``END:VCARD`` blocks first and each block is
handed to vobject on its own, so one card vobject cannot read costs that card, not the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import vobject

from interview_tui.import_cards import (
    PersonCard,
    ReadResult,
    email_address,
    field_text,
    is_linkedin,
    label,
    note_text,
    profile_url,
    read_text,
)

_NOT_PREFERRED = 100
# vobject counts lines its own way; the card's first line is named instead.
_AT_LINE = re.compile(r"^At line \d+:\s*")


def read_vcards(path: Path) -> ReadResult[PersonCard]:
    """Every card in ``path`` with a name; one problem line per card left out."""
    text, fatal = read_text(path)
    if fatal is not None:
        return ReadResult.failed(fatal)
    name = label(path)
    result: ReadResult[PersonCard] = ReadResult()
    found_any = False
    for start, block, problem in _blocks(text):
        found_any = True
        where = f"{name}:{start}"
        if problem:
            result.problems.append(f"{where}: {problem}, skipped")
            continue
        try:
            component = vobject.readOne(block, ignoreUnreadable=False)
            card = _card(component, where)
        except Exception as error:  # vobject raises many kinds for a bad card
            reason = _AT_LINE.sub("", field_text(str(error))) or type(error).__name__
            result.problems.append(f"{where}: card not readable ({reason}), skipped")
            continue
        if card is None:
            result.problems.append(f"{where}: card with no name (FN or N), skipped")
        else:
            result.items.append(card)
    if not found_any:
        return ReadResult.failed(f"{name}: no BEGIN:VCARD found; is this a vCard file?")
    return result


def _blocks(text: str) -> Iterator[tuple[int, str, str]]:
    """``(first line number, the card's text, "")`` for each card, or a problem instead of
    the text for a card that is never closed."""
    start = 0
    lines: list[str] = []
    for number, line in enumerate(text.splitlines(), start=1):
        word = line.strip().upper()
        if word == "BEGIN:VCARD":
            if start:
                yield start, "", "card never closed (no END:VCARD before the next card)"
            start, lines = number, [line]
        elif start:
            lines.append(line)
            if word == "END:VCARD":
                yield start, "\r\n".join(lines) + "\r\n", ""
                start, lines = 0, []
    if start:
        yield start, "", "card never closed (no END:VCARD)"


def _card(component: Any, where: str) -> PersonCard | None:
    name = field_text(_first_text(component, "fn")) or _name_from_n(component)
    if not name:
        return None
    org = _lines(component, "org")
    company = field_text(_component(org[0].value, 0)) if org else ""
    return PersonCard(
        name=name,
        company=company,
        role=field_text(_first_text(component, "title")),
        email=_email(component),
        profile_url=_url(component),
        phone=_phone(component),
        note=note_text("\n".join(_text(line.value) for line in _lines(component, "note"))),
        where=where,
    )


def _lines(component: Any, name: str) -> list[Any]:
    return list(component.contents.get(name, []))


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(part) for part in value)
    return value if isinstance(value, str) else ""


def _component(value: object, index: int) -> str:
    """The ``index``-th part of a structured value (``ORG:Acme\\, Inc.;Platform``)."""
    if isinstance(value, list | tuple):
        return _text(value[index]) if len(value) > index else ""
    return _text(value)


def _first_text(component: Any, name: str) -> str:
    for line in _lines(component, name):
        if text := _text(line.value).strip():
            return text
    return ""


def _name_from_n(component: Any) -> str:
    for line in _lines(component, "n"):
        value = line.value
        parts = [
            _text(getattr(value, part, ""))
            for part in ("prefix", "given", "additional", "family", "suffix")
        ]
        if name := field_text(" ".join(parts)):
            return name
    return ""


def _preference(line: Any) -> int:
    """0 for ``TYPE=pref`` (vCard 3), the ``PREF`` number (vCard 4), else last."""
    params = {key.upper(): values for key, values in line.params.items()}
    types = {str(value).lower() for value in params.get("TYPE", [])}
    if "pref" in types:
        return 0
    for value in params.get("PREF", []):
        try:
            return int(value)
        except (TypeError, ValueError):
            continue
    return _NOT_PREFERRED


def _by_preference(component: Any, name: str) -> list[Any]:
    return sorted(_lines(component, name), key=_preference)


def _email(component: Any) -> str:
    for line in _by_preference(component, "email"):
        if address := email_address(_text(line.value)):
            return address
    return ""


def _url(component: Any) -> str:
    urls = [
        url
        for field in ("url", "x-socialprofile")
        for line in _by_preference(component, field)
        if (url := profile_url(_text(line.value)))
    ]
    return next((url for url in urls if is_linkedin(url)), urls[0] if urls else "")


def _phone(component: Any) -> str:
    for line in _by_preference(component, "tel"):
        number = field_text(_text(line.value))
        if number.lower().startswith("tel:"):
            number = number[len("tel:") :]
        if number:
            return number
    return ""
