"""LinkedIn's connections export (``Connections.csv``) → ``PersonCard``s.

The export opens with a few "Notes:" lines and a blank line before its header row
``First Name,Last Name,URL,Email Address,Company,Position,Connected On``; the header is found
wherever it is and the columns are taken by name, so a reordered or shortened export reads too.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

from interview_tui.import_cards import (
    PersonCard,
    ReadResult,
    email_address,
    field_text,
    label,
    profile_url,
    quoted,
    read_text,
)

_COLUMNS = {
    "first name": "first",
    "last name": "last",
    "url": "url",
    "profile url": "url",
    "email address": "email",
    "email": "email",
    "company": "company",
    "position": "role",
    "connected on": "connected_on",
}
_MONTH_NAMES = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTHS = {
    **{name: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(_MONTH_NAMES, start=1)},
    "sept": 9,
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_SHOWN_CHARS = 20
_HEADER_START = re.compile(r'^\s*"?first name"?\s*([,;\t])', re.IGNORECASE | re.MULTILINE)


def read_connections(path: Path) -> ReadResult[PersonCard]:
    """Every connection in ``path`` with a name; one problem line per row left out or cut."""
    text, fatal = read_text(path)
    if fatal is not None:
        return ReadResult.failed(fatal)
    name = label(path)
    result: ReadResult[PersonCard] = ReadResult()
    delimiter = _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns: dict[str, int] | None = None
    line = first_line = 0
    card: PersonCard | None = None
    try:
        for row in reader:
            first_line, line = line + 1, reader.line_num
            if columns is None:
                columns = _header(row)
                continue
            card = _card(row, columns, f"{name}:{first_line}", result.problems)
            if card is not None:
                result.items.append(card)
    except csv.Error as error:
        return ReadResult.failed(f"{name}:{line + 1}: not readable as CSV ({error})")
    if columns is None:
        return ReadResult.failed(
            f"{name}: no header row 'First Name,Last Name,…' found; "
            "is this LinkedIn's Connections.csv?"
        )
    if _ends_inside_quotes(text, delimiter):
        # The last row swallowed every line after its opening quote: it is no connection.
        if card is not None and result.items and result.items[-1] is card:
            result.items.pop()
        result.problems.append(
            f"{name}:{first_line}: a quote opened on this line is never closed, so it and the "
            f"{line - first_line} line(s) after it were not read; close the quote and import "
            "the file again (people already imported are not doubled)"
        )
    return result


def _ends_inside_quotes(text: str, delimiter: str) -> bool:
    """Whether the file ends inside a quoted field (a quote opened and never closed)."""
    try:
        for _row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as error:
        return "unexpected end of data" in str(error)
    return False


def _delimiter(text: str) -> str:
    """A comma, as LinkedIn writes; a semicolon or tab when a spreadsheet saved the file so."""
    match = _HEADER_START.search(text)
    return match.group(1) if match else ","


def _header(row: list[str]) -> dict[str, int] | None:
    """The column of each field when ``row`` is the header row, else ``None``."""
    found: dict[str, int] = {}
    for index, cell in enumerate(row):
        key = _COLUMNS.get(field_text(cell).lower())
        if key is not None and key not in found:
            found[key] = index
    return found if "first" in found and "last" in found else None


def _card(
    row: list[str], columns: dict[str, int], where: str, problems: list[str]
) -> PersonCard | None:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index] if index is not None and index < len(row) else ""

    if not any(value.strip() for value in row):
        return None
    name = field_text(f"{field_text(cell('first'))} {field_text(cell('last'))}")
    if not name:
        problems.append(f"{where}: no name, skipped")
        return None
    raw_email = field_text(cell("email"))
    email = email_address(raw_email)
    if raw_email and not email:
        problems.append(f"{where}: {quoted(_shown(raw_email))} is not an email address, left out")
    raw_url = field_text(cell("url"))
    url = profile_url(raw_url)
    if raw_url and not url:
        problems.append(f"{where}: {quoted(_shown(raw_url))} is not a web address, left out")
    raw_date = field_text(cell("connected_on"))
    connected_on = connection_date(raw_date)
    if raw_date and connected_on is None:
        problems.append(
            f"{where}: connected on {quoted(_shown(raw_date))} is not a date like 02 Jun 2026;"
            " kept without the date"
        )
    return PersonCard(
        name=name,
        company=field_text(cell("company")),
        role=field_text(cell("role")),
        email=email,
        profile_url=url,
        connected_on=connected_on,
        where=where,
    )


def connection_date(text: str) -> date | None:
    """``02 Jun 2026`` (LinkedIn's form, month names in English whatever the locale) or
    ``2026-06-02``; ``None`` for anything else."""
    value = text.strip()
    try:
        if match := _DAY_MONTH_YEAR.match(value):
            day, month_name, year = match.groups()
            month = _MONTHS.get(month_name.lower())
            return date(int(year), month, int(day)) if month else None
        if match := _ISO_DATE.match(value):
            return date(*(int(part) for part in match.groups()))
    except ValueError:
        return None
    return None


def _shown(text: str) -> str:
    return text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
