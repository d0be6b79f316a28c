"""Calendar invites (``.ics`` from Google Calendar, Outlook, Apple Calendar) → ``InvitedCall``s,
read with ``icalendar``.

Times: a time with a zone (``Z``, a ``TZID`` of the IANA database, an Outlook/Windows name such
as "Pacific Standard Time", or a zone the file defines in a ``VTIMEZONE`` block) becomes this
machine's local wall-clock time, naive. A floating time (no zone) is taken as local already. A
``TZID`` nobody defines is read as local time and reported.

Who the call is with: the parties are the organizer, then the attendees who are people
(rooms and resources are not), each once. Anyone whose address is in ``own_emails`` is you.
The person (named by the ``CN`` parameter, else by the address) is the first party who is
not you — the organizer, unless you organised it. With no ``own_emails`` known the organizer
is taken: an invite file usually reached you from them. An event with nobody on it but one
party (a block in your own calendar) is not a call with someone and is skipped, unless the
file is an invitation sent to you (``METHOD:REQUEST`` or ``CANCEL``), where that one party is
the sender.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar

from interview_tui.import_cards import (
    InvitedCall,
    PersonCard,
    ReadResult,
    email_address,
    field_text,
    label,
    quoted,
    read_text,
)

DEFAULT_MINUTES = 30
_SENT_TO_YOU = ("REQUEST", "CANCEL")
_NOT_PEOPLE = ("ROOM", "RESOURCE")


def read_invites(path: Path, own_emails: Collection[str] = ()) -> ReadResult[InvitedCall]:
    """Every timed meeting in ``path``; one problem line per event left out or guessed at."""
    text, fatal = read_text(path)
    if fatal is not None:
        return ReadResult.failed(fatal)
    name = label(path)
    if not re.match(r"\s*BEGIN:VCALENDAR\b", text, re.IGNORECASE):
        return ReadResult.failed(f"{name}: no BEGIN:VCALENDAR at the start; not a calendar file")
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except Exception as error:  # icalendar raises ValueError and friends for a broken file
        return ReadResult.failed(f"{name}: not readable as a calendar ({field_text(str(error))})")
    mine = {email_address(address) for address in own_emails} - {""}
    event_lines = iter(_event_lines(text))
    result: ReadResult[InvitedCall] = ReadResult()
    for calendar in calendars:
        if calendar.name != "VCALENDAR":
            continue
        method = field_text(str(calendar.get("METHOD", ""))).upper()
        for event in calendar.walk("VEVENT"):
            where = f"{name}:{next(event_lines, '?')}"
            try:
                call = _call(event, method, mine, where, result.problems)
            except Exception as error:  # a value icalendar let through in a shape not foreseen
                result.problems.append(f"{where}: event not readable ({error}), skipped")
                continue
            if call is not None:
                result.items.append(call)
    if not result.items and not result.problems:
        return ReadResult.failed(f"{name}: the calendar holds no events")
    return result


def _event_lines(text: str) -> list[int]:
    """The line each ``BEGIN:VEVENT`` is on, in order (a folded line never starts with it)."""
    return [
        number
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip().upper() == "BEGIN:VEVENT"
    ]


def _call(
    event: Any, method: str, mine: set[str], where: str, problems: list[str]
) -> InvitedCall | None:
    title = field_text(str(event.get("SUMMARY", ""))) or "(no title)"
    shown = f"{where}: {quoted(title)}"
    raw_start = event.get("DTSTART")
    if raw_start is None:
        problems.append(f"{shown}: no start time (DTSTART), skipped")
        return None
    start = event.decoded("DTSTART")
    if isinstance(start, date) and not isinstance(start, datetime):
        problems.append(f"{shown}: an all-day event, not a call, skipped")
        return None
    if not isinstance(start, datetime):
        problems.append(
            f"{shown}: start {quoted(field_text(str(start)))} is not a date and time, skipped"
        )
        return None
    zone = field_text(str(raw_start.params.get("TZID", "")))
    if zone and start.tzinfo is None:
        problems.append(
            f"{shown}: time zone {quoted(zone)} is not known and the file does not define it;"
            " the start is read as local time"
        )
    person = _person(event, method, mine, where)
    if person is None:
        problems.append(f"{shown}: nobody on it but one person, not a call with someone, skipped")
        return None
    minutes = _minutes(event, start, shown, problems)
    if event.get("RRULE") is not None:
        problems.append(f"{shown}: a repeating event; only its first meeting is read")
    status = field_text(str(event.get("STATUS", ""))).upper()
    return InvitedCall(
        uid=_uid(event, title, start, person),
        title=title,
        start=_local(start),
        minutes=minutes,
        person=person,
        cancelled=method == "CANCEL" or status == "CANCELLED",
        where=where,
    )


def _local(moment: datetime) -> datetime:
    """``moment`` as this machine's wall-clock time, without a zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=None)
    return moment.astimezone().replace(tzinfo=None)


def _minutes(event: Any, start: datetime, shown: str, problems: list[str]) -> int:
    length: timedelta | None = None
    if event.get("DTEND") is not None:
        end = event.decoded("DTEND")
        if isinstance(end, datetime) and (end.tzinfo is None) == (start.tzinfo is None):
            length = end - start
    elif event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if isinstance(duration, timedelta):
            length = duration
    if length is None:
        if event.get("DTEND") is not None or event.get("DURATION") is not None:
            problems.append(f"{shown}: end time not readable; taken as {DEFAULT_MINUTES} minutes")
        return DEFAULT_MINUTES
    minutes = round(length.total_seconds() / 60)
    if minutes <= 0:
        problems.append(f"{shown}: ends before it starts; taken as {DEFAULT_MINUTES} minutes")
        return DEFAULT_MINUTES
    return minutes


def _parties(event: Any) -> list[tuple[str, str]]:
    """``(name, email)`` of the organizer, then each attendee who is a person, once each."""
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    organizer = event.get("ORGANIZER")
    attendees = event.get("ATTENDEE", [])
    if not isinstance(attendees, list):
        attendees = [attendees]
    for address in ([organizer] if organizer is not None else []) + attendees:
        params = getattr(address, "params", {})
        if str(params.get("CUTYPE", "")).upper() in _NOT_PEOPLE:
            continue
        email = email_address(str(address))
        name = field_text(str(params.get("CN", "")).strip('"')) or email
        key = email or name.casefold()
        if key and key not in seen:
            seen.add(key)
            found.append((name, email))
    return found


def _person(event: Any, method: str, mine: set[str], where: str) -> PersonCard | None:
    parties = _parties(event)
    others = [party for party in parties if party[1] not in mine]
    if len(others) == len(parties) and len(parties) < 2 and method not in _SENT_TO_YOU:
        return None
    if not others:
        return None
    name, email = others[0]
    return PersonCard(name=name, email=email, where=where)


def _uid(event: Any, title: str, start: datetime, person: PersonCard) -> str:
    """The event's UID (with the occurrence for a changed instance of a repeating event), or,
    when it has none, one made from what it holds so that a second import finds the same."""
    uid = field_text(str(event.get("UID", "")))
    if not uid:
        seed = f"{title}|{start.isoformat()}|{person.email or person.name}"
        uid = "no-uid-" + hashlib.sha256(seed.encode()).hexdigest()[:16]
    if event.get("RECURRENCE-ID") is not None:
        occurrence = event.decoded("RECURRENCE-ID")
        if isinstance(occurrence, date):
            uid = f"{uid}/{occurrence.isoformat()}"
    return uid
