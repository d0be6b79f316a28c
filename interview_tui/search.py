"""Search every session's notes, reflections and questions, instantly, with thousands of them.

Matching: case-insensitive, and each word of the query must match the start of a word in
the same field (one note, one reflection, ...). So "negot" finds "negotiation" and "ai"
finds "AI" but not "said"; "data quality" finds a note mentioning both words.

Speed: each field's text is lowered once when indexed, and an inverted index maps every word
to the fields containing it. A query looks up the fields whose words start with each query
word, intersects those sets, and only then checks the few candidate texts. Words so common
that they would match most fields are not used to narrow; they are checked on the
candidates, or, when every query word is that common, on fields newest-first until
``limit`` hits are found (which, for common words, is quick).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial

from interview_tui.models import REFLECTION_PROMPTS, Session
from interview_tui.placeholders import fill, placeholder_values

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 160
MAX_PREFIX_TOKENS = 2000
"""A query word that starts more distinct words than this is too common to narrow with."""
COMMON_SHARE = 0.25
"""...and so is one found in more than this share of all fields."""
_STOP_WORDS_TEXT = """
a about after all also an and any are as at be because been but by can could did do does
for from had has have he her him his how i if in into is it its just me more most my no not
of on or our out over she so some than that the their them then there these they this to up
us very was we were what when where which while who will with would you your
"""
STOP_WORDS = frozenset(_STOP_WORDS_TEXT.split())
"""Words too common to narrow a search; not stored in the index (saves a third of its size)."""


@dataclass(frozen=True)
class Hit:
    """One matching line: which session, which field, and the line trimmed around the match."""

    session_id: str
    contact: str
    where: str
    """The question a note belongs to, a reflection prompt, "general note", "question"..."""
    kind: str
    """One of "question", "note", "general note", "reflection", "takeaways", "research
    notes", "referrals"."""
    line: str
    start: int
    """``line[start:end]`` is the first match, for highlighting."""
    end: int
    when: date | None = None


@dataclass(frozen=True)
class _SessionInfo:
    session_id: str
    contact: str
    when: date | None


def _session_fields(
    session: Session, filled: dict[tuple[str, ...], str] | None = None
) -> list[tuple[str, str, str]]:
    """(kind, where, text) for every searchable, non-empty field, in reading order.

    ``filled`` caches question texts with placeholders filled: the same bank questions
    and companies come up again and again.
    """
    values = placeholder_values(session)
    cache = filled if filled is not None else {}
    fields: list[tuple[str, str, str]] = [
        ("research notes", "research notes", session.research_notes)
    ]
    for item in session.agenda:
        if "{" in item.text:
            key = (item.text, *(v for k, v in values.items() if "{" + k + "}" in item.text))
            question = cache.get(key) or cache.setdefault(key, fill(item.text, values))
        else:
            question = item.text
        fields.append(("question", "question", question))
        fields.append(("note", question, item.note))
    fields.append(("general note", "general note", session.general_note))
    for name, text in session.reflections.items():
        fields.append(("reflection", REFLECTION_PROMPTS.get(name, name), text))
    fields.append(("takeaways", "takeaways", session.takeaways))
    referrals = "\n".join(
        f"{r.name}: {r.note}" if r.note.strip() else r.name for r in session.referrals
    )
    fields.append(("referrals", "people to talk to", referrals))
    return [(kind, where, text) for kind, where, text in fields if text and text.strip()]


def _when(session: Session) -> date | None:
    stamp = session.started_at or session.scheduled_at or session.created_at
    return stamp.date() if stamp else None


class SearchIndex:
    """Searchable text of many sessions.

    Results come newest first: sessions given to the constructor are expected newest first
    (as ``SessionStore.iter_sessions`` yields them), and a session added or replaced later
    with :meth:`add` counts as the newest.
    """

    def __init__(self, sessions: Iterable[Session] = ()) -> None:
        # One entry per field, in parallel lists of strings and ints rather than one object
        # per field: 160,000 small objects would make every garbage collection pass slow.
        self._slot = array("I")
        self._kind: list[str] = []
        self._where: list[str] = []
        self._text: list[str] = []
        self._lower: list[str] = []
        self._sessions: list[_SessionInfo] = []
        self._field_ids: dict[str, list[int]] = {}
        self._postings: defaultdict[str, array[int]] = defaultdict(partial(array, "I"))
        self._filled: dict[tuple[str, ...], str] = {}
        self._vocabulary: list[str] | None = None
        self._cache: dict[str, set[int] | None] = {}
        self._alive = 0
        for session in reversed(list(sessions)):
            self.add(session)
        self._filled.clear()
        self._sorted_vocabulary()  # now, rather than during the first query

    def __len__(self) -> int:
        """How many sessions are indexed."""
        return len(self._field_ids)

    @property
    def field_count(self) -> int:
        return self._alive

    def add(self, session: Session) -> None:
        """Index ``session``, replacing an earlier version of it."""
        self.remove(session.id)
        slot = len(self._sessions)
        self._sessions.append(_SessionInfo(session.id, session.contact.name, _when(session)))
        ids = []
        # Fields go in last-to-first, so that newest-first (highest id first) reads each
        # session's fields in their natural order.
        postings = self._postings
        for kind, where, text in reversed(_session_fields(session, self._filled)):
            field_id = len(self._text)
            lower = text.lower()
            self._slot.append(slot)
            self._kind.append(kind)
            self._where.append(where)
            self._text.append(text)
            self._lower.append(lower)
            tokens = set(WORD.findall(lower))
            tokens -= STOP_WORDS
            if self._vocabulary is not None:
                # Keep the sorted word list current, so a save between two queries costs
                # an insert per new word rather than sorting the whole vocabulary again.
                for token in [t for t in tokens if t not in postings]:
                    insort(self._vocabulary, token)
            for token in tokens:
                postings[token].append(field_id)
            ids.append(field_id)
        self._field_ids[session.id] = ids
        self._alive += len(ids)
        self._cache.clear()

    def remove(self, session_id: str) -> None:
        """Forget a session; its postings stay but point at nothing, and are skipped."""
        for field_id in self._field_ids.pop(session_id, []):
            self._text[field_id] = self._lower[field_id] = ""
            self._alive -= 1
        self._cache.clear()

    # -- querying ----------------------------------------------------------------------------

    def _sorted_vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = sorted(STOP_WORDS.union(self._postings))
        return self._vocabulary

    def _tokens_starting(self, prefix: str) -> list[str] | None:
        """Indexed words starting with ``prefix``; None when there are too many to use."""
        vocabulary = self._sorted_vocabulary()
        index = bisect_left(vocabulary, prefix)
        found = []
        while index < len(vocabulary) and vocabulary[index].startswith(prefix):
            found.append(vocabulary[index])
            if len(found) > MAX_PREFIX_TOKENS:
                return None
            index += 1
        return found

    def _candidates(self, part: str) -> set[int] | None:
        """Fields with a word starting with ``part``; None when ``part`` is too common."""
        if part in self._cache:
            return self._cache[part]
        tokens = self._tokens_starting(part)
        result: set[int] | None = None
        if tokens is not None:
            limit = max(1000, int(len(self._text) * COMMON_SHARE))
            postings = [self._postings.get(token) for token in tokens]  # None: stop word
            total = 0
            for posting in postings:
                total += len(posting) if posting is not None else limit + 1
                if total > limit:
                    break
            else:
                result = set()
                for posting in postings:
                    result.update(posting or ())
        self._cache[part] = result
        return result

    def search(self, query: str, limit: int = 100) -> list[Hit]:
        """Lines matching every word of ``query`` within one field, newest session first."""
        words = query.lower().split()
        if not words:
            return []
        patterns = [re.compile(r"(?<!\w)" + re.escape(word)) for word in words]
        narrowed: list[set[int]] = []
        for word in words:
            for part in WORD.findall(word):
                candidates = self._candidates(part)
                if candidates is not None:
                    narrowed.append(candidates)
        if narrowed:
            narrowed.sort(key=len)
            found = narrowed[0].intersection(*narrowed[1:])
            order: Iterable[int] = sorted(found, reverse=True)
        else:
            order = range(len(self._text) - 1, -1, -1)
        hits: list[Hit] = []
        lower = self._lower
        for field_id in order:
            text = lower[field_id]
            if text and all(pattern.search(text) for pattern in patterns):
                hits.append(self._hit(field_id, patterns))
                if len(hits) >= limit:
                    break
        return hits

    def _hit(self, field_id: int, patterns: list[re.Pattern[str]]) -> Hit:
        info = self._sessions[self._slot[field_id]]
        line, start, end = _best_line(self._text[field_id], patterns)
        return Hit(
            info.session_id,
            info.contact,
            self._where[field_id],
            self._kind[field_id],
            line,
            start,
            end,
            info.when,
        )


def _best_line(text: str, patterns: list[re.Pattern[str]]) -> tuple[str, int, int]:
    """The line matching the most query words (the first of equals), trimmed around a match."""
    best: tuple[int, str, int, int] | None = None
    for line in text.splitlines():
        lowered = line.lower()
        matches = [m for m in (pattern.search(lowered) for pattern in patterns) if m]
        if matches and (best is None or len(matches) > best[0]):
            first = min(matches, key=lambda m: m.start())
            best = (len(matches), line, first.start(), first.end())
            if len(matches) == len(patterns):
                break
    if best is None:  # only when lowering changed the text's length; show its start
        return _trim(text.strip().splitlines()[0] if text.strip() else "", 0, 0)
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
