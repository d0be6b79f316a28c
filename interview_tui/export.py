"""Sessions out of the app: Markdown (for note apps), JSON, CSV, and iCalendar (the scheduled
interviews and the follow-ups).

Plain Python: the app's export screen and ``interview-tui export`` both call these.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import math
import os
import re
import stat
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from interview_tui.display_text import REPLACEMENT, markdown_literal, one_line
from interview_tui.followups import call_date, followup_label
from interview_tui.locations import ensure_private_dir
from interview_tui.models import REFLECTION_PROMPTS, AgendaItem, FollowUp, Session
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.session_flow import asked_count
from interview_tui.storage.safe_storage import safe_write
from interview_tui.templates import note_as_one_line

FORMATS = ("md", "json", "csv", "ics")
CSV_COLUMNS = (
    "id",
    "date",
    "name",
    "email",
    "role",
    "company",
    "industry",
    "scheduled",
    "length_minutes",
    "asked",
    "status",
    "contact_status",
    "next_followup",
    "next_followup_kind",
    "takeaways",
)
BASE_TAG = "informational-interview"
# The marks the live screen's agenda shows, before each question of an exported agenda.
AGENDA_MARKS = {"asked": "✓", "skipped": "↷", "pending": "○"}
AGENDA_MARK_BELOW_CUT = "·"
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
ICS_LINE_OCTETS = 75


def session_date(session: Session) -> date:
    """The date a list or file name shows: the call's date, else the day it was prepared."""
    return call_date(session) or session.created_at.date()


def _duration(seconds: float) -> str:
    seconds = round(seconds)
    minutes, seconds = divmod(seconds, 60)
    if not minutes:
        return f"{seconds} s"
    return f"{minutes} min {seconds} s" if seconds else f"{minutes} min"


def _minutes(value: float) -> str:
    return f"{value:g} min"


# -- Markdown ----------------------------------------------------------------------------------

# A language name's ``#`` or ``+`` after a letter or digit: ``C#`` → ``csharp``, ``C++`` → ``cpp``.
_SHARP_OR_PLUS = re.compile(r"(?<=\w)(#|\++)(?!\w)")
# Names a file may not have on Windows, whatever follows the dot.
_RESERVED_NAMES = frozenset(
    ["con", "prn", "aux", "nul"]
    + [f"{device}{n}" for device in ("com", "lpt") for n in [*"123456789", "¹", "²", "³"]]
)


def _word_character(char: str) -> bool:
    """A letter or digit of any script, or a mark that belongs to one (the dot of ``i̇``)."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def name_slug(text: str, max_length: int = 40) -> str:
    """``text`` as one lower-case word for a file name or a tag; "" if nothing is left.

    Letters and digits of every script stay (``José Núñez`` → ``josé-núñez``, ``日本``
    stays), ``C#`` → ``csharp`` and ``C++`` → ``cpp``, and every other run of characters
    becomes one ``-``. So the result holds no ``/``, ``\\``, dot, space or control character,
    and a name Windows reserves for a device (``con``, ``com1``) gets a ``_``.
    """
    text = unicodedata.normalize("NFC", text).lower()
    text = _SHARP_OR_PLUS.sub(lambda m: "sharp" if m[1] == "#" else "p" * len(m[1]), text)
    slug = "".join(char if _word_character(char) else "-" for char in text)
    slug = re.sub(r"-{2,}", "-", slug).strip("-")[:max_length].rstrip("-")
    return f"{slug}_" if slug in _RESERVED_NAMES else slug


def _tags(session: Session) -> list[str]:
    """Obsidian-safe tags: the base tag, then tags of the questions asked.

    A tag keeps its letters in any script; one of digits only is left out (Obsidian does not
    read ``#1984`` as a tag)."""
    tags = [BASE_TAG]
    for item in session.agenda:
        if item.status != "asked":
            continue
        for tag in item.tags:
            slug = name_slug(tag)
            if slug and slug not in tags and not slug.replace("-", "").isdigit():
                tags.append(slug)
    return tags


def _front_matter(session: Session, person_page: str = "") -> str:
    """The YAML header; every value on one line, however long (a note app's properties).
    ``person_page``: a wiki link to the person's page, for note apps that link them up."""
    contact = session.contact
    data: dict[str, Any] = {
        "title": one_line(session.title),
        "contact": one_line(contact.name),
        "company": one_line(contact.company),
        "role": one_line(contact.role),
        "date": session_date(session),
        "tags": _tags(session),
        "status": session.status,
        "contact_status": session.contact_status,
        "length_minutes": session.length_minutes,
        "session_id": session.id,
    }
    if contact.industry:
        data["industry"] = one_line(contact.industry)
    if session.goals:
        data["goals"] = [one_line(goal) for goal in session.goals]
    if session.referred_by:
        data["referred_by"] = one_line(session.referred_by)
    if person_page:
        data["person"] = person_page
    body = yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=math.inf
    )
    return f"---\n{body}---\n"


def _quote(text: str, indent: str = "") -> list[str]:
    """``text`` as a block quote that keeps its lines apart in any Markdown renderer."""
    lines: list[str] = []
    previous_was_item = False
    for raw in text.strip().splitlines():
        line = raw.rstrip()
        is_item = bool(re.match(r"\s*(?:[-*+]|\d+[.)])\s", line))
        if lines and not (is_item and previous_was_item):
            lines.append(f"{indent}>")
        lines.append(f"{indent}> {line}" if line else f"{indent}>")
        previous_was_item = is_item
    return lines


_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")


def _as_written(text: str) -> str:
    """What the person wrote, Markdown and all, but never HTML: ``<for>`` in a note stays
    text in a note app rather than an unknown tag it hides."""
    return _HTML_START.sub(r"\\<", text)


def _written_line(text: str) -> str:
    return _as_written(one_line(text))


def _literal_line(text: str) -> str:
    return markdown_literal(one_line(text))


def _agenda_line(
    item: AgendaItem, session: Session, below_cut: bool, line: Callable[[str], str] = _as_written
) -> str:
    """A plain list item with the agenda's status mark, not a task: a question not asked is
    no to-do for a note app's task list."""
    text = line(fill(item.text, placeholder_values(session)))
    mark = AGENDA_MARKS[item.status]
    if item.status == "pending" and below_cut:
        mark = AGENDA_MARK_BELOW_CUT
    shown = f"~~{text}~~" if item.status == "skipped" else text
    details: list[str] = [item.status]
    if item.seconds_spent >= 1:
        details.append(f"{_duration(item.seconds_spent)} (planned {_minutes(item.minutes)})")
    else:
        details.append(f"planned {_minutes(item.minutes)}")
    if below_cut and item.status == "pending":
        details.append("if time allows")
    if item.own:
        details.append("my own question")
    return f"- {mark} {shown} — {', '.join(details)}"


def _long_date(when: date | datetime) -> str:
    """ "Monday 4 March 2024", with ", 10:00" for a time."""
    text = f"{when:%A} {when.day} {when:%B %Y}"
    return f"{text}, {when:%H:%M}" if isinstance(when, datetime) else text


def _facts(session: Session, line: Callable[[str], str] = _as_written) -> list[str]:
    contact = session.contact
    rows = [
        ("Role", contact.role),
        ("Company", contact.company),
        ("Industry", contact.industry),
        date_fact(session),
        ("Length", f"{session.length_minutes} minutes planned"),
        ("Status", f"{session.status}; contact: {session.contact_status}"),
        ("How we met", contact.how_met),
        ("Referred by", session.referred_by),
        ("Email", contact.email),
        ("Profile", contact.profile_url),
        ("Goals", ", ".join(session.goals)),
    ]
    if session.elapsed_seconds >= 1:
        rows[4] = (
            "Length",
            f"{session.length_minutes} minutes planned, {_duration(session.elapsed_seconds)} taken",
        )
    return [f"- **{label}:** {line(value)}" for label, value in rows if value]


def date_fact(session: Session) -> tuple[str, str]:
    """The one date a session is known by, saying which it is: held (when the call started),
    else scheduled, else created. The start screen's list uses the same three words."""
    if session.started_at is not None:
        return "Held", _long_date(session.started_at)
    if session.scheduled_at is not None:
        return "Scheduled", _long_date(session.scheduled_at)
    return "Created", _long_date(session.created_at.date())


def takeaway_items(session: Session) -> list[str]:
    """One takeaway per line typed, without the bullet or number it was typed with."""
    items = (_LIST_MARKER.sub("", part).strip() for part in session.takeaways.splitlines())
    return [item for item in items if item]


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"## {title}", "", *lines] if lines else []


def to_markdown(
    session: Session, *, front_matter: bool = True, literal: bool = False, person_page: str = ""
) -> str:
    """A readable page for one session; with a YAML header that Obsidian reads as properties.

    A name, a question or a referral is one line (a heading or a list item must be).
    ``literal``: escape what the person wrote so that a Markdown view shows it as typed (the
    app's session page). Files keep it as written, for note apps that read Markdown in notes.
    """
    line = _literal_line if literal else _written_line
    block = markdown_literal if literal else _as_written
    out: list[str] = [_front_matter(session, person_page)] if front_matter else []
    out += [f"# {line(session.title)}", "", *_facts(session, line)]
    out += _section("Research notes", _quote(block(session.research_notes)))
    agenda: list[str] = []
    for index, item in enumerate(session.agenda):
        below_cut = index >= session.cut_index > 0
        agenda.append(_agenda_line(item, session, below_cut, line))
        if item.note.strip():
            agenda += ["", *_quote(block(item.note), "  "), ""]
    out += _section(
        f"Agenda ({asked_count(session)})",
        agenda or ["No questions."],
    )
    out += _section("General notes", _quote(block(session.general_note)))
    reflections = []
    for key, text in session.reflections.items():
        if text.strip():
            prompt = line(REFLECTION_PROMPTS.get(key, key))
            # One paragraph per line: Markdown would run the lines together.
            paragraphs = [block(part.strip()) for part in text.splitlines() if part.strip()]
            reflections += [f"### {prompt}", "", "\n\n".join(paragraphs), ""]
    out += _section("Reflections", reflections[:-1])
    out += _section("Takeaways", [f"- {line(item)}" for item in takeaway_items(session)])
    out += _section(
        "People to talk to",
        [
            f"- [{'x' if r.contacted else ' '}] {line(r.name)}"
            + (f" — {line(r.note)}" if r.note else "")
            for r in session.referrals
        ],
    )
    out += _section("Follow-ups", [_followup_task(f, session, line) for f in session.followups])
    return "\n".join(out).rstrip() + "\n"


def _followup_task(followup: FollowUp, session: Session, line: Callable[[str], str]) -> str:
    """A task with its due date the way Obsidian's Tasks and Dataview read it: ``📅 date``."""
    label = line(followup_label(followup.kind, session.contact.name, followup.note))
    return f"- [{'x' if followup.done else ' '}] {label} 📅 {followup.due:%Y-%m-%d}"


def markdown_filename(session: Session) -> str:
    """``2024-03-04-jane-smith-<id>.md``: sorts by date, unique per session; the name keeps
    its letters in any script (``josé-núñez``, ``日本``)."""
    name = name_slug(session.contact.name) or "contact"
    return f"{session_date(session):%Y-%m-%d}-{name}-{session.id}.md"


# -- JSON and CSV ------------------------------------------------------------------------------


def to_json(sessions: Iterable[Session]) -> str:
    """A JSON list of sessions, exactly as stored; :func:`from_json` reads it back."""
    documents = [session.model_dump(mode="json") for session in sessions]
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> list[Session]:
    data = json.loads(text)
    documents = data if isinstance(data, list) else [data]
    return [Session.model_validate(document) for document in documents]


# What may follow a leading + or - for a spreadsheet to compute the cell instead of showing it:
# a function call (``+SUM(``, ``-cmd|``), a link to another program or sheet (``|``,
# ``!A1``), a cell reference as an operand (``-A1``, ``+$B$2*3``) or numbers joined by an
# operator (``-3+4``). ``+1 for remote``, ``-5``, ``+44 20 7946 0958`` or ``- n/a`` are none.
_CALL_OR_LINK = re.compile(r"[^\W\d][\w.]*\s*\(|\||!\$?[A-Za-z]{1,3}\$?\d")
_CELL_OPERAND = re.compile(r"\s*\$?[A-Za-z]{1,3}\$?\d+(?=\s*(?:$|[-+*/^&:=<>,;)]))")
_NUMBER = r"\s*\(*\s*[-+]?\d[\d.,]*%?\s*\)*\s*"
_ARITHMETIC = re.compile(rf"{_NUMBER}(?:[-+*/^&]{_NUMBER})+")


def formula_risk(text: str) -> bool:
    """True when a spreadsheet opening a CSV would run ``text`` as a formula: it starts with
    ``=`` or ``@``, with a tab or a carriage return, or with ``+``/``-`` followed by a
    formula (see ``_CALL_OR_LINK``, ``_CELL_OPERAND``, ``_ARITHMETIC``)."""
    first = text[:1]
    if first in ("=", "@", "\t", "\r"):
        return True
    if first not in ("+", "-"):
        return False
    rest = text[1:]
    return bool(
        rest.lstrip(" +-")[:1] in ("=", "@")
        or _CALL_OR_LINK.search(rest)
        or _CELL_OPERAND.match(rest)
        or _ARITHMETIC.fullmatch(rest)
    )


def _cell(value: object) -> str:
    """Text for a spreadsheet cell: quoted with ``'`` only if it would run as a formula."""
    text = str(value)
    return f"'{text}" if formula_risk(text) else text


def _local_time(when: datetime | None) -> str:
    """``2024-03-09 09:30``, the way a spreadsheet reads a date and time; "" for none."""
    if when is None:
        return ""
    return f"{when.astimezone() if when.tzinfo else when:%Y-%m-%d %H:%M}"


def next_followup(session: Session) -> FollowUp | None:
    """The open follow-up due first, if any."""
    return min((f for f in session.followups if not f.done), key=lambda f: f.due, default=None)


def to_csv(sessions: Iterable[Session], *, bom: bool = False) -> str:
    """One row per session, for a spreadsheet (``bom``: see :func:`spreadsheet_csv`)."""
    return spreadsheet_csv(CSV_COLUMNS, (_csv_row(session) for session in sessions), bom=bom)


def spreadsheet_csv(
    columns: Sequence[str], rows: Iterable[Sequence[object]], *, bom: bool = False
) -> str:
    """A header and rows as CSV; a cell a spreadsheet would run as a formula starts with
    ``'``. ``bom``: start with a UTF-8 byte-order mark, so that a spreadsheet opened by a
    double click (Excel) reads the text as UTF-8 instead of the local code page."""
    buffer = io.StringIO()
    if bom:
        buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


def _csv_row(session: Session) -> list[object]:
    contact = session.contact
    upcoming = next_followup(session)
    return [
        session.id,
        session_date(session).isoformat(),
        contact.name,
        contact.email,
        contact.role,
        contact.company,
        contact.industry,
        _local_time(session.scheduled_at),
        session.length_minutes,
        session.asked_count,
        session.status,
        session.contact_status,
        upcoming.due.isoformat() if upcoming else "",
        upcoming.kind if upcoming else "",
        note_as_one_line(session.takeaways),
    ]


# -- iCalendar ---------------------------------------------------------------------------------


_ICS_BREAK = re.compile("\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Every other control character (tab included): RFC 5545 allows none of them in a TEXT value,
# and a stray one would end or corrupt the line for some readers.
_ICS_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _ics_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11): line breaks of every kind become ``\\n``, other
    control characters a visible "\ufffd" (a tab a space), so none reaches a line."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = _ICS_BREAK.sub("\\\\n", text).replace("\t", " ")
    return _ICS_CONTROL.sub(REPLACEMENT, text)


def _fold(line: str) -> list[str]:
    """Split a content line into pieces of at most 75 octets, never inside a character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = ICS_LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size, limit = "", 0, ICS_LINE_OCTETS - 1  # continuation starts with " "
        current += char
        size += width
    pieces.append(current)
    return [pieces[0], *(" " + piece for piece in pieces[1:])]


def _ics_time(when: datetime) -> str:
    """A time as UTC (``20240309T083000Z``); a stored time without a zone is this computer's
    local time, so the event lands at the same moment in every calendar, wherever it is."""
    return when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_events(session: Session, *, include_done: bool = True) -> list[list[str]]:
    """The events of one session, each as its content lines (unfolded, without DTSTAMP).

    A scheduled interview is a timed event: once held, from its start to its end, else when
    it is scheduled, as long as the planned call; each follow-up
    is an all-day event, free time, on its due date. A follow-up already done is written
    with ``STATUS:CANCELLED`` (and a higher SEQUENCE), so a calendar that imported or
    subscribed to it earlier drops it; ``include_done=False`` leaves those out instead.
    """
    events: list[list[str]] = []
    uid_base = _ics_text(session.id)
    if session.scheduled_at is not None:  # an interview arranged in advance
        start = session.started_at or session.scheduled_at
        ended = session.ended_at
        end = ended if session.started_at and ended and ended > start else None  # as held
        details = [session.title, session.contact.email, ", ".join(session.goals)]
        description = "\n".join([*(d for d in details if d), f"Session {session.id}"])
        events.append(
            [
                f"UID:{uid_base}-interview@interview-tui",
                f"DTSTART:{_ics_time(start)}",
                f"DTEND:{_ics_time(end or start + timedelta(minutes=session.length_minutes))}",
                f"SUMMARY:{_ics_text(f'Informational interview: {session.title}')}",
                f"DESCRIPTION:{_ics_text(description)}",
                "STATUS:CONFIRMED",
                "TRANSP:OPAQUE",
            ]
        )
    seen: dict[str, int] = {}
    for followup in session.followups:
        # The n-th follow-up of a kind keeps its UID when the list is re-planned, so
        # importing again updates the event instead of adding a second one.
        n = seen[followup.kind] = seen.get(followup.kind, -1) + 1
        if followup.done and not include_done:
            continue
        summary = followup_label(followup.kind, session.contact.name, followup.note)
        description = f"{session.title}\nSession {session.id}"
        events.append(
            [
                f"UID:{uid_base}-{followup.kind}-{n}@interview-tui",
                f"DTSTART;VALUE=DATE:{followup.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{followup.due + timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_ics_text(summary)}",
                f"DESCRIPTION:{_ics_text(description)}",
                "STATUS:CANCELLED" if followup.done else "STATUS:CONFIRMED",
                f"SEQUENCE:{1 if followup.done else 0}",
                "TRANSP:TRANSPARENT",
            ]
        )
    return events


def ics_calendar(events: Iterable[list[str]], *, now: datetime | None = None) -> str:
    """A calendar of ``events`` (from :func:`calendar_events`): CRLF line endings, lines folded
    at 75 octets, each event stamped with ``now``."""
    stamp = _ics_time(now or datetime.now(UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//interview-tui//Interviews and follow-ups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Informational interviews",
        # For a calendar that subscribes to the file: look again every hour.
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    for event in events:
        lines += ["BEGIN:VEVENT", event[0], f"DTSTAMP:{stamp}", *event[1:], "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


def to_ics(
    sessions: Iterable[Session], *, include_done: bool = True, now: datetime | None = None
) -> str:
    """Scheduled interviews and follow-ups of ``sessions`` as one calendar."""
    return ics_calendar(
        (
            event
            for session in sessions
            for event in calendar_events(session, include_done=include_done)
        ),
        now=now,
    )


# -- files -------------------------------------------------------------------------------------


def render(sessions: list[Session], fmt: str, *, csv_bom: bool = False) -> str:
    """``sessions`` in format ``fmt`` (one of :data:`FORMATS`) as one text; ``csv_bom``: a CSV
    starts with a byte-order mark (see :func:`to_csv`)."""
    if fmt == "md":
        return "\n".join(to_markdown(session) for session in sessions)
    if fmt == "json":
        return to_json(sessions)
    if fmt == "csv":
        return to_csv(sessions, bom=csv_bom)
    if fmt == "ics":
        return to_ics(sessions)
    raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")


def _special_file(info: os.stat_result) -> str | None:
    """What a file that an export must not replace is, or None for a regular file."""
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket or other special file"


def write_export(path: Path, text: str) -> Path:
    """Write ``text`` to ``path`` atomically, readable by the user only; creates the folder.

    The write renames a new file over ``path``, so what is there must be a regular file:
    a pipe, a device (``/dev/null``) or a link would be replaced by a file, and is refused.
    """
    path = Path(path)
    try:
        kind = _special_file(os.lstat(path))
    except FileNotFoundError:
        kind = None
    if kind:
        refusal = f"it is {kind}, not a regular file or a folder; nothing written"
        raise OSError(errno.EEXIST, refusal, str(path))
    if not path.parent.exists():
        ensure_private_dir(path.parent)
    safe_write(path, text.encode("utf-8"))
    return path


def write_markdown_files(folder: Path, sessions: Iterable[Session]) -> list[Path]:
    """One Markdown file per session in ``folder`` (a note app's vault, say)."""
    return [
        write_export(Path(folder) / markdown_filename(session), to_markdown(session))
        for session in sessions
    ]
