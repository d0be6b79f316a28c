"""Sessions out of the app: Markdown (for note apps), JSON, CSV, and follow-ups as iCalendar.

Plain Python: the app's export screen and ``interview-tui export`` both call these.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from interview_tui.display_text import markdown_literal, one_line
from interview_tui.followups import call_date, followup_label
from interview_tui.locations import ensure_private_dir
from interview_tui.models import REFLECTION_PROMPTS, AgendaItem, Session, slugify
from interview_tui.placeholders import fill, placeholder_values
from interview_tui.session_flow import asked_count
from interview_tui.storage.safe_storage import safe_write
from interview_tui.templates import note_as_one_line

FORMATS = ("md", "json", "csv", "ics")
CSV_COLUMNS = (
    "id",
    "date",
    "name",
    "role",
    "company",
    "industry",
    "length_minutes",
    "asked",
    "status",
    "contact_status",
    "takeaways",
)
BASE_TAG = "informational-interview"
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


def _tags(session: Session) -> list[str]:
    """Obsidian-safe tags: the base tag, then tags of the questions asked."""
    tags = [BASE_TAG]
    for item in session.agenda:
        if item.status != "asked":
            continue
        for tag in item.tags:
            slug = slugify(tag, 40)
            if slug not in tags and not slug.isdigit():
                tags.append(slug)
    return tags


def _front_matter(session: Session) -> str:
    contact = session.contact
    data: dict[str, Any] = {
        "title": session.title,
        "contact": contact.name,
        "company": contact.company,
        "role": contact.role,
        "date": session_date(session),
        "tags": _tags(session),
        "status": session.status,
        "contact_status": session.contact_status,
        "length_minutes": session.length_minutes,
        "session_id": session.id,
    }
    if contact.industry:
        data["industry"] = contact.industry
    if session.goals:
        data["goals"] = list(session.goals)
    if session.referred_by:
        data["referred_by"] = session.referred_by
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
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


def _as_written(text: str) -> str:
    return text


def _literal_line(text: str) -> str:
    return markdown_literal(one_line(text))


def _agenda_line(
    item: AgendaItem, session: Session, below_cut: bool, line: Callable[[str], str] = _as_written
) -> str:
    text = line(fill(item.text, placeholder_values(session)))
    box = "x" if item.status == "asked" else " "
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
    return f"- [{box}] {shown} — {', '.join(details)}"


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


def to_markdown(session: Session, *, front_matter: bool = True, literal: bool = False) -> str:
    """A readable page for one session; with a YAML header that Obsidian reads as properties.

    A name, a question or a referral is one line (a heading or a list item must be).
    ``literal``: escape what the person wrote so that a Markdown view shows it as typed (the
    app's session page). Files keep it as written, for note apps that read Markdown in notes.
    """
    line = _literal_line if literal else one_line
    block = markdown_literal if literal else _as_written
    out: list[str] = [_front_matter(session)] if front_matter else []
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
    out += _section(
        "Follow-ups",
        [
            f"- [{'x' if f.done else ' '}] "
            f"{line(followup_label(f.kind, session.contact.name, f.note))} — due {f.due:%Y-%m-%d}"
            for f in session.followups
        ],
    )
    return "\n".join(out).rstrip() + "\n"


def markdown_filename(session: Session) -> str:
    """``2024-03-04-jane-smith-<id>.md``: sorts by date, unique per session."""
    return f"{session_date(session):%Y-%m-%d}-{slugify(session.contact.name, 40)}-{session.id}.md"


# -- JSON and CSV ------------------------------------------------------------------------------


def to_json(sessions: Iterable[Session]) -> str:
    """A JSON list of sessions, exactly as stored; :func:`from_json` reads it back."""
    documents = [session.model_dump(mode="json") for session in sessions]
    return json.dumps(documents, ensure_ascii=False, indent=2) + "\n"


def from_json(text: str) -> list[Session]:
    data = json.loads(text)
    documents = data if isinstance(data, list) else [data]
    return [Session.model_validate(document) for document in documents]


def _cell(value: object) -> str:
    """Text for a spreadsheet cell; a leading = + - @ would run as a formula, so it is quoted."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(sessions: Iterable[Session]) -> str:
    """One row per session, for a spreadsheet."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for session in sessions:
        contact = session.contact
        row = [
            session.id,
            session_date(session).isoformat(),
            contact.name,
            contact.role,
            contact.company,
            contact.industry,
            session.length_minutes,
            session.asked_count,
            session.status,
            session.contact_status,
            note_as_one_line(session.takeaways),
        ]
        writer.writerow([_cell(value) for value in row])
    return buffer.getvalue()


# -- iCalendar ---------------------------------------------------------------------------------


def _ics_text(text: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


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


def to_ics(
    sessions: Iterable[Session], *, include_done: bool = False, now: datetime | None = None
) -> str:
    """Follow-up dates as all-day events, CRLF line endings, folded at 75 octets."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//interview-tui//Follow-ups//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Interview follow-ups",
    ]
    for session in sessions:
        seen: dict[str, int] = {}
        for followup in session.followups:
            # The n-th follow-up of a kind keeps its UID when the list is re-planned, so
            # importing again updates the event instead of adding a second one.
            n = seen[followup.kind] = seen.get(followup.kind, -1) + 1
            if followup.done and not include_done:
                continue
            summary = followup_label(followup.kind, session.contact.name, followup.note)
            description = f"{session.title}\nSession {session.id}"
            lines += [
                "BEGIN:VEVENT",
                f"UID:{session.id}-{followup.kind}-{n}@interview-tui",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{followup.due:%Y%m%d}",
                f"DTEND;VALUE=DATE:{followup.due + timedelta(days=1):%Y%m%d}",
                f"SUMMARY:{_ics_text(summary)}",
                f"DESCRIPTION:{_ics_text(description)}",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
            ]
    lines.append("END:VCALENDAR")
    return "".join(piece + "\r\n" for line in lines for piece in _fold(line))


# -- files -------------------------------------------------------------------------------------


def render(sessions: list[Session], fmt: str) -> str:
    """``sessions`` in format ``fmt`` (one of :data:`FORMATS`) as one text."""
    if fmt == "md":
        return "\n".join(to_markdown(session) for session in sessions)
    if fmt == "json":
        return to_json(sessions)
    if fmt == "csv":
        return to_csv(sessions)
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
