"""What search finds in a session, and how a match is shown.

The index itself (SQLite FTS5, a file in the data folder) lives in
:mod:`interview_tui.storage.search_index`; this module holds the rules it follows:

- which fields of a session are searchable (:func:`session_fields`), each one a row of its
  own, so a hit names the question a note belongs to, or the reflection prompt;
- in which column each field goes: the person (name, company, role) and the question texts
  rank above body text (notes, reflections, takeaways, research, the general note);
- how a query is matched: case and accents folded (``nunez`` finds "Núñez"), and every
  word of the query must start a word in the same field (``negot`` finds "negotiation");
- which line of a matching field is shown, with the match's offsets for highlighting
  (:func:`hit_line`) — offsets, never markup, so nothing a person wrote is read as styling.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

from interview_tui.models import REFLECTION_PROMPTS, Session
from interview_tui.person import Person
from interview_tui.placeholders import fill, placeholder_values

FIELDS_VERSION = 2
"""2: people are indexed on their own (``@<person id>``), not in each session."""
"""Bump when what :func:`session_fields` yields changes: stored indexes are then rebuilt."""
SNIPPET_LENGTH = 160
_WORD = re.compile(r"[^\W_]+")
"""A word as the index's tokenizer sees one: letters and digits; the rest separates."""
_TOKEN = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u20d0-\u20ff])*")
"""A word in a line shown as a hit: accents written as combining marks stay in the word."""

Column = Literal["who", "question", "body"]
COLUMN_WEIGHTS: dict[Column, float] = {"who": 10.0, "question": 4.0, "body": 1.0}
"""bm25 weights: a match in the person or a question ranks above one in body text."""


@dataclass(frozen=True)
class Hit:
    """One matching line: which session, which field, and the line trimmed around the match."""

    session_id: str
    contact: str
    where: str
    """The question a note belongs to, a reflection prompt, "general note", "question"..."""
    kind: str
    """One of "person", "question", "note", "general note", "reflection", "takeaways",
    "research notes", "referrals"."""
    line: str
    start: int
    """``line[start:end]`` is the first match, for highlighting."""
    end: int
    when: date | None = None


@dataclass(frozen=True)
class Field:
    """One searchable piece of a session: a row in the index."""

    column: Column
    kind: str
    where: str
    text: str


def session_fields(session: Session) -> list[Field]:
    """Every searchable, non-empty field of ``session``, in reading order."""
    values = placeholder_values(session)
    contact = session.contact
    who = " · ".join(part for part in (contact.name, contact.role, contact.company) if part)
    # A session with its person: the person's own entry finds them by name (once, not once
    # per conversation); one from before people has the name with it.
    fields = [] if session.person_id else [Field("who", "person", "person", who)]
    fields.append(Field("body", "research notes", "research notes", session.research_notes))
    for item in session.agenda:
        question = fill(item.text, values) if "{" in item.text else item.text
        fields.append(Field("question", "question", "question", question))
        fields.append(Field("body", "note", question, item.note))
    fields.append(Field("body", "general note", "general note", session.general_note))
    for name, text in session.reflections.items():
        fields.append(Field("body", "reflection", REFLECTION_PROMPTS.get(name, name), text))
    fields.append(Field("body", "takeaways", "takeaways", session.takeaways))
    referrals = "\n".join(
        f"{r.name}: {r.note}" if r.note.strip() else r.name for r in session.referrals
    )
    fields.append(Field("body", "referrals", "people to talk to", referrals))
    return [field for field in fields if field.text and field.text.strip()]


PERSON_PREFIX = "@"
"""Index keys of people start with it; session ids never do."""


def person_key(person_id: str) -> str:
    return PERSON_PREFIX + person_id


def person_of_key(key: str) -> str | None:
    """The person id an index key (a hit's ``session_id``) stands for; None for a session."""
    return key[len(PERSON_PREFIX) :] if key.startswith(PERSON_PREFIX) else None


def person_fields(person: Person) -> list[Field]:
    """Every searchable, non-empty field of a person's own record (their conversations are
    indexed as sessions)."""
    who = " · ".join(part for part in (person.name, person.role, person.company) if part)
    met = "\n".join(part for part in (person.how_met, person.introduction_note) if part.strip())
    fields = [
        Field("who", "person", "person", who),
        Field("body", "contact details", "contact details", f"{person.email} {person.industry}"),
        Field("body", "how we met", "how we met", met),
        Field("body", "tags", "tags", " ".join(person.tags)),
        Field("body", "person notes", "notes", person.notes),
        Field(
            "body",
            "interactions",
            "interactions",
            "\n".join(i.line for i in person.interactions if i.line.strip()),
        ),
    ]
    return [field for field in fields if field.text and field.text.strip()]


def session_date(session: Session) -> date | None:
    """The date a hit shows: when the call was held, else planned, else created."""
    stamp = session.started_at or session.scheduled_at or session.created_at
    return stamp.date() if stamp else None


def fold(text: str) -> str:
    """Lower case without accents: "Núñez" → "nunez", "Zoë" → "zoe"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def query_words(query: str) -> list[str]:
    """The words of a query that can match anything: ``"c++ -- (x"`` → ``["c++", "(x"]``.

    A word with no letter or digit ("--", "*", an emoji) matches nothing in the index and
    would only make the whole query fail, so it is left out.
    """
    return [word for word in query.split() if _WORD.search(word)]


def is_prefix(word: str) -> bool:
    """Whether a query word matches the start of words: it ends in a letter or digit
    ("negot" finds "negotiation"); "c++" or "c#" means just that word."""
    return bool(_WORD.match(word[-1]))


def _terms(query: str) -> set[tuple[str, bool]]:
    """(folded word, matches as a prefix) for every word part of the query."""
    terms = set()
    for word in query_words(query):
        parts = _WORD.findall(word)
        for n, part in enumerate(parts):
            terms.add((fold(part), n == len(parts) - 1 and is_prefix(word)))
    return terms


def _typed_length(word: str, folded_length: int) -> int:
    """How many characters of ``word`` a typed prefix of ``folded_length`` covers
    ("mentor" in "Mentorship": 6; "nun" in "Núñez": 3), so the highlight shows what was
    typed, not the whole word."""
    covered = 0
    for n, char in enumerate(word):
        covered += len(fold(char))
        if covered >= folded_length:
            return n + 1
    return len(word)


def hit_line(text: str, query: str) -> tuple[str, int, int]:
    """The line of ``text`` matching the most query words (the first of equals), trimmed
    around its first match; ``line[start:end]`` is that match (empty when none is found)."""
    terms = _terms(query)
    best: tuple[int, str, int, int] | None = None
    for line in text.splitlines():
        folded_line = fold(line)
        if not any(term in folded_line for term, _prefix in terms):
            continue  # most lines of a long note: no need to look at each word
        matched: set[tuple[str, bool]] = set()
        first: tuple[int, int] | None = None
        for token in _TOKEN.finditer(line):
            folded = fold(token.group())
            for term, prefix in terms:
                if folded.startswith(term) if prefix else folded == term:
                    matched.add((term, prefix))
                    if first is None:
                        length = _typed_length(token.group(), len(term))
                        first = (token.start(), token.start() + length)
        if first is not None and (best is None or len(matched) > best[0]):
            best = (len(matched), line, *first)
            if len(matched) == len(terms):
                break
    if best is None:  # the tokenizer and this reading disagree: show the text's start
        stripped = text.strip()
        return _trim(stripped.splitlines()[0] if stripped else "", 0, 0)
    _, line, start, end = best
    indent = len(line) - len(line.lstrip())
    return _trim(line.strip(), max(0, start - indent), max(0, end - indent))


def _trim(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line to a window around ``start..end``, marking cuts with "…"."""
    if len(line) <= SNIPPET_LENGTH:
        return line, start, end
    left = max(0, start - SNIPPET_LENGTH // 3)
    if left:
        space = line.rfind(" ", 0, left + 1)
        left = space + 1 if space > 0 and start - space < SNIPPET_LENGTH // 2 else left
    right = min(len(line), left + SNIPPET_LENGTH)
    if right < len(line):
        space = line.rfind(" ", end, right)
        right = space if space > end else right
    snippet = line[left:right]
    prefix = "…" if left else ""
    suffix = "…" if right < len(line) else ""
    offset = len(prefix) - left
    return f"{prefix}{snippet}{suffix}", start + offset, end + offset
