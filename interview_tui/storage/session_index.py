"""The session list as the start screen needs it: plain JSON, no pydantic.

Kept apart from :mod:`interview_tui.storage.store` so the first screen can show past sessions
without paying for model validation of every stored session.
"""

from __future__ import annotations

import codecs
import heapq
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple, TypedDict, cast

from interview_tui.asked_count import count_asked, split_counts
from interview_tui.storage.safe_storage import DamagedFile, UnreadableFile, read_bytes, read_json

INDEX_FILE = "index.json"
SESSIONS_DIR = "sessions"
TABLE = "sessions"
FIRST_SCREEN = "first_screen"
"""The index file's first key: what the start screen shows before anything else is read."""
FIRST_SCREEN_ROWS = 100
"""Newest rows kept there: more than any terminal is tall."""
FIRST_SCREEN_BYTES = 1 << 17
"""How much of the index file holds them (100 rows are about 60 KB); read first."""
_OPENING = re.compile(rf'\s*\{{\s*"{FIRST_SCREEN}"\s*:\s*')
_DECODER = json.JSONDecoder()


class SessionSummary(TypedDict):
    """One row of the session list, as the index stores it.

    Times are ISO strings. An index written by an older version may lack fields, so readers
    use ``row.get``.
    """

    id: str
    name: str
    company: str
    role: str
    created_at: str
    scheduled_at: str | None
    started_at: str | None
    length_minutes: int
    status: str
    contact_status: str
    asked: int
    questions: int
    planned: int
    """Questions above the cut line; ``planned_asked`` of them were asked, ``extra_asked``
    from below the cut (see :mod:`interview_tui.asked_count`)."""
    planned_asked: int
    extra_asked: int
    elapsed_seconds: float
    ended_at: str | None
    referred_by: str
    outreach_sent_on: str | None
    followups: list[dict[str, Any]]
    """Open follow-ups, plus outreach reminders already sent."""
    referrals: list[dict[str, Any]]
    """People recommended and not yet contacted."""
    person_id: str | None
    """The person the conversation was with (absent in rows older than people)."""
    invite_uid: str
    """The calendar invite it came from, if any."""


def summarize(doc: dict[str, Any]) -> SessionSummary:
    """The few fields a session list shows, from a stored session document."""
    contact = doc.get("contact") or {}
    agenda = doc.get("agenda") or []
    cut = doc.get("cut_index")
    statuses = [item.get("status", "") for item in agenda]
    count = count_asked(statuses, cut if isinstance(cut, int) else 0)
    return {
        "id": doc.get("id", ""),
        "name": contact.get("name", ""),
        "company": contact.get("company", ""),
        "role": contact.get("role", ""),
        "created_at": doc.get("created_at") or "",
        "scheduled_at": doc.get("scheduled_at"),
        "started_at": doc.get("started_at"),
        "length_minutes": doc.get("length_minutes", 0),
        "status": doc.get("status", "planned"),
        "contact_status": doc.get("contact_status", ""),
        "asked": sum(1 for item in agenda if item.get("status") == "asked"),
        "questions": len(agenda),
        "planned": count.planned,
        "planned_asked": count.asked,
        "extra_asked": count.extra,
        "elapsed_seconds": round(float(doc.get("elapsed_seconds") or 0), 1),
        "ended_at": doc.get("ended_at"),
        "referred_by": doc.get("referred_by", ""),
        "outreach_sent_on": doc.get("outreach_sent_on"),
        # Only what the due list needs: open follow-ups and people not yet contacted, plus
        # reminders already sent (they set when the next is due, and stop them after two).
        "followups": [
            f
            for f in doc.get("followups") or []
            if not f.get("done") or f.get("kind") == "outreach-reminder"
        ],
        "referrals": [r for r in doc.get("referrals") or [] if not r.get("contacted")],
        "person_id": doc.get("person_id"),
        "invite_uid": doc.get("invite_uid") or "",
    }


_TEXTS = (
    "name",
    "company",
    "role",
    "created_at",
    "status",
    "contact_status",
    "referred_by",
    "invite_uid",
)
_TEXTS_OR_NONE = ("scheduled_at", "started_at", "ended_at", "outreach_sent_on", "person_id")
_NUMBERS = (
    "length_minutes",
    "asked",
    "questions",
    "planned",
    "planned_asked",
    "extra_asked",
    "elapsed_seconds",
)
_LISTS = ("followups", "referrals")
_TEXT_OR_NONE = frozenset({str, type(None)})
_NUMBER = frozenset({int, float})


def is_row(value: Any) -> bool:
    """Whether ``value`` is a list row this version can show. A field an older version did
    not write may be missing; one of the wrong type (a hand-edited index) may not: the
    store makes that row again from its session file.

    Plain loops over exact types: the store checks every row of the index when it opens
    the folder (5,000 rows in about 10 ms)."""
    if type(value) is not dict:
        return False
    get = value.get
    row_id = get("id")
    if type(row_id) is not str or not row_id:
        return False
    for key in _TEXTS:
        if type(get(key, "")) is not str:
            return False
    for key in _TEXTS_OR_NONE:
        if type(get(key)) not in _TEXT_OR_NONE:
            return False
    for key in _NUMBERS:
        if type(get(key, 0)) not in _NUMBER:
            return False
    for key in _LISTS:
        items = get(key, [])
        if type(items) is not list:
            return False
        for item in items:
            if type(item) is not dict:
                return False
    return True


def when_stamp(summary: SessionSummary) -> str:
    """The ISO time a session is listed and sorted under: when it was held, else when it is
    scheduled, else when it was made (:func:`list_date`: the app's list, the command line and
    the calendar say the same)."""
    return list_date(summary)[1]


def when_text(summary: SessionSummary) -> str:
    """``2026-11-22 14:30``: the list sorts and reads the same way."""
    return when_stamp(summary)[:16].replace("T", " ")


LIST_DATES = (("held", "started_at"), ("sched.", "scheduled_at"), ("created", "created_at"))
"""The date a row is listed under, and the word that says which: the session page uses the
same three (Held, Scheduled, Created)."""


def list_date(row: SessionSummary) -> tuple[str, str]:
    """(word, ISO time): the day the call was held, else the day it is scheduled for, else
    the day the entry was made (a contact someone recommended, not yet an interview)."""
    for word, field in LIST_DATES:
        stamp = row.get(field)
        if isinstance(stamp, str) and stamp:
            return word, stamp
    return "", ""


def list_stamp(row: SessionSummary) -> str:
    """The time the start screen's list sorts a row by (newest first, by default)."""
    return list_date(row)[1]


class FirstScreen(NamedTuple):
    """The start screen's list before the index is read whole: the newest rows, and how many
    interviews and people to contact there are in all."""

    newest: list[SessionSummary]
    interviews: int
    to_contact: int


def first_screen_of(rows: Iterable[SessionSummary]) -> dict[str, Any]:
    """What :func:`read_first_screen` reads back, from every row of the index."""
    rows = list(rows)
    interviews, to_contact = split_counts(rows)
    return {
        "newest": heapq.nlargest(FIRST_SCREEN_ROWS, rows, key=list_stamp),
        "interviews": interviews,
        "to_contact": to_contact,
    }


def with_first_screen(data: dict[str, Any]) -> dict[str, Any]:
    """The index file's contents with the first screen put first (computed from its rows)."""
    stored = data.get(TABLE)
    rows = [row for row in stored.values() if is_row(row)] if isinstance(stored, dict) else []
    tables = {key: value for key, value in data.items() if key != FIRST_SCREEN}
    return {FIRST_SCREEN: first_screen_of(cast(list[SessionSummary], rows)), **tables}


def without_first_screen(data: dict[str, Any]) -> dict[str, Any]:
    """The index file's tables, as TinyDB and the store read them."""
    if FIRST_SCREEN in data:
        return {key: value for key, value in data.items() if key != FIRST_SCREEN}
    return data


def read_first_screen(root: Path) -> FirstScreen | None:
    """The newest rows and the counts from the start of the index file, without parsing the
    rest of it; None when it has none (an index an older version wrote) or is unreadable.

    Written with every row of the index in the same atomic write, so it cannot disagree with
    them. The store still reads and checks the whole file after the first paint.
    """
    path = root / INDEX_FILE
    try:
        raw = read_bytes(path, FIRST_SCREEN_BYTES)
        if raw is None or not _OPENING.match(raw[:64].decode(errors="ignore")):
            return None  # no index, or one written before the first screen was kept
        cut = len(raw) == FIRST_SCREEN_BYTES
        value = _value_at_start(raw, cut=cut)
        if value is None and cut:  # a head longer than the bytes read first
            whole = read_bytes(path)
            value = _value_at_start(whole, cut=False) if whole is not None else None
    except UnreadableFile:
        return None
    if not isinstance(value, dict):
        return None
    newest, interviews, to_contact = (
        value.get("newest"),
        value.get("interviews"),
        value.get("to_contact"),
    )
    if not isinstance(newest, list) or not isinstance(interviews, int):
        return None
    if not isinstance(to_contact, int):
        return None
    rows = [row for row in newest if is_row(row)]
    return FirstScreen(cast(list[SessionSummary], rows), interviews, to_contact)


def _value_at_start(raw: bytes, *, cut: bool) -> Any:
    """The JSON value after the opening ``{"first_screen":`` in ``raw``; None when it is not
    whole there or not JSON. ``cut``: ``raw`` is the file's first bytes only, so its last
    character may be cut in two (that one is left out, not taken for damage)."""
    try:
        text = codecs.getincrementaldecoder("utf-8")().decode(raw, final=not cut)
        opening = _OPENING.match(text)
        return _DECODER.raw_decode(text, opening.end())[0] if opening else None
    except (ValueError, RecursionError):  # also UnicodeDecodeError; nested past Python's limit
        return None


def read_summaries(root: Path) -> list[SessionSummary] | None:
    """Summaries newest first, or None when the index is missing or damaged."""
    try:
        data = read_json(root / INDEX_FILE)
    except (DamagedFile, OSError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get(TABLE), dict):
        return None
    rows = cast(
        list[SessionSummary],
        [row for row in data[TABLE].values() if is_row(row)],
    )
    rows.sort(key=when_stamp, reverse=True)
    return rows
