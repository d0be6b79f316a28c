"""What the import readers hand back: plain records read from a file, nothing decided yet.

The readers (``import_linkedin``, ``import_vcard``, ``import_invite``) never raise for bad
input; every fault is one line naming the file and the line it is on. Matching the records to
stored people is the merge logic's job, not theirs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Generic, TypeVar

T = TypeVar("T")

MAX_BYTES = 20 * 1024 * 1024
"""The largest file read: a connections export of 30,000 people is about 3 MB."""


@dataclass(frozen=True)
class PersonCard:
    """One person read from a file."""

    name: str
    company: str = ""
    role: str = ""
    email: str = ""
    profile_url: str = ""
    phone: str = ""
    connected_on: date | None = None
    note: str = ""
    where: str = ""
    """``Connections.csv:7``: the file's name and the line the person starts on."""


@dataclass(frozen=True)
class InvitedCall:
    """One meeting from a calendar invite; ``person`` is the other party (see
    ``import_invite`` for the rule that picks them)."""

    uid: str
    title: str
    start: datetime
    """Local wall-clock time, naive, converted from the event's own time zone."""
    minutes: int
    person: PersonCard
    cancelled: bool = False
    where: str = ""


@dataclass
class ReadResult(Generic[T]):
    """What a reader found: the records, one line per problem, or why the file is unusable."""

    items: list[T] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    fatal: str | None = None

    @classmethod
    def failed(cls, fatal: str) -> ReadResult[T]:
        return cls(items=[], problems=[], fatal=fatal)


# C0 and C1 controls and DEL, except the newline a note may hold. Bidi and emoji are text.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_BLANKS = re.compile(r"\s+")
_LINE_BLANKS = re.compile(r"[^\S\n]+")


def field_text(text: str) -> str:
    """``text`` with control characters gone and every run of blanks (line breaks included)
    one space: for names, companies, roles and titles."""
    return _BLANKS.sub(" ", _CONTROL.sub(" ", text)).strip()


def note_text(text: str) -> str:
    """``text`` with control characters gone and line breaks kept: for notes."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (_LINE_BLANKS.sub(" ", _CONTROL.sub(" ", line)).strip() for line in text.split("\n"))
    return "\n".join(lines).strip("\n")


def quoted(text: str) -> str:
    """``text`` in quotes for a problem line, as written (``repr`` would double backslashes)."""
    return f"'{text}'"


def email_address(text: str) -> str:
    """``text`` as an email address, lower-cased, or ``""`` when it is not one."""
    value = field_text(text)
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:") :]
    value = value.strip().lower()
    if value.count("@") != 1 or " " in value:
        return ""
    local, _, domain = value.partition("@")
    return value if local and domain else ""


# Taken apart by hand: the package imports no part of urllib (no network code, by a test).
_WEB_ADDRESS = re.compile(
    r"^(?P<scheme>https?)://(?P<host>[\w.-]+\.[\w-]+|localhost)(?P<port>:\d+)?"
    r"(?P<path>/[^?#\s]*)?(?P<rest>[?#]\S*)?$",
    re.IGNORECASE,
)


def profile_url(text: str) -> str:
    """A web address in one form: ``https``, host lower-cased, no trailing slash; ``""`` when
    ``text`` is not a web address. ``www.linkedin.com/in/x`` gains its ``https://``."""
    value = field_text(text)
    if not value:
        return ""
    if "://" not in value and re.match(r"^(www\.)?[\w-]+(\.[\w-]+)+(/|$)", value):
        value = "https://" + value
    match = _WEB_ADDRESS.match(value)
    if match is None:
        return ""
    path = (match["path"] or "").rstrip("/")
    return f"https://{match['host'].lower()}{match['port'] or ''}{path}{match['rest'] or ''}"


def is_linkedin(url: str) -> bool:
    match = _WEB_ADDRESS.match(url)
    host = match["host"].lower() if match else ""
    return host == "linkedin.com" or host.endswith(".linkedin.com")


def read_text(path: Path) -> tuple[str, str | None]:
    """The file's text (UTF-8, a byte-order mark dropped), or ``("", why not)`` in one line."""
    name = label(path)
    try:
        if path.is_dir():
            return "", f"{name}: is a folder, not a file"
        size = path.stat().st_size
        if size > MAX_BYTES:
            return "", (
                f"{name}: {size / 1024 / 1024:.1f} MB is too large to import "
                f"(the limit is {MAX_BYTES // 1024 // 1024} MB)"
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return "", f"{name}: no such file"
    except PermissionError:
        return "", f"{name}: cannot be read (permission denied)"
    except OSError as error:
        return "", f"{name}: cannot be read ({error.strerror or type(error).__name__})"
    if len(data) > MAX_BYTES:
        return "", f"{name}: too large to import (the limit is {MAX_BYTES // 1024 // 1024} MB)"
    if not data.strip():
        return "", f"{name}: the file is empty"
    if b"\x00" in data:
        return "", f"{name}: a binary file, not text"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", f"{name}:{line}: not UTF-8 text (save the file as UTF-8 and import it again)"
    return text, None


def label(path: Path) -> str:
    """How messages name the file: its name, or the whole path when it has none."""
    return path.name or str(path)
