"""Patterns across interviews: what several people mentioned, who said what, and timing.

Everything here is counting, so each result can be explained in one sentence: "mentioned by
Jane, Bo and Ana", "asked in 4 calls, reached in 3, took 4.2 minutes against 3 planned".
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from interview_tui.followups import call_date
from interview_tui.models import Session
from interview_tui.placeholders import fill, placeholder_values

MIN_WORD_LENGTH = 4
_WORD = re.compile(r"[^\W\d_][\w'+#-]*[\w+#]|[^\W\d_]")

_NOT_TOPICS_TEXT = """
    about after again against also always another anything around asked back because been
    before being both came come comes could didn does doesn doing done during each even
    every everything feel feels first from going good great have having here into just keep
    know knows last like likes lots make makes many maybe more most much must need needs
    never next nothing often only other ought over part quite rather really said same says
    should since some someone something sometimes still such sure take takes talk talked
    tell than that their them then there these they thing things think thinks this those
    though thought through told very want wants well were what when where which while whom
    will with within without would year years your yours able people time work works
    working lot asks told say went goes get gets got learn learned learnt find found
"""
_NOT_TOPICS = frozenset(_NOT_TOPICS_TEXT.split())
"""Words too common in interview notes to count as a topic."""


@dataclass(frozen=True)
class SharedTerm:
    """A tag or word that came up with several people."""

    term: str
    source: Literal["tag", "notes"]
    """"tag": a tag of questions asked; "notes": a word in notes, reflections or takeaways."""
    people: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.people)

    def explain(self) -> str:
        where = "asked about with" if self.source == "tag" else "in notes with"
        return f"{self.term}: {where} {self.count} people ({', '.join(self.people)})"


def _note_texts(session: Session) -> list[str]:
    texts = [item.note for item in session.agenda]
    texts += [session.general_note, session.takeaways, *session.reflections.values()]
    return [text for text in texts if text.strip()]


def _is_topic(word: str) -> bool:
    """Four letters or more and not a common word; or an acronym (SQL, UX); or C++ / C#."""
    if "'" in word:
        return False
    if (len(word) >= 2 and word.isupper()) or word[-1] in "+#":
        return True
    return len(word) >= MIN_WORD_LENGTH and word.lower() not in _NOT_TOPICS


def _note_words(session: Session) -> set[str]:
    words = set()
    for text in _note_texts(session):
        for word in _WORD.findall(text):
            word = word.strip("-")
            if word and _is_topic(word):
                words.add(word.lower())
    return words


def _merge_plurals(by_word: dict[str, dict[str, str]]) -> None:
    """Count "mentors" as "mentor" when both forms appear."""
    for word in [w for w in by_word if w.endswith("s") and not w.endswith("ss")]:
        singular = word[:-1]
        if singular in by_word:
            by_word[singular].update(by_word.pop(word))


def shared_terms(
    sessions: Iterable[Session], min_people: int = 2, limit: int = 40
) -> list[SharedTerm]:
    """Tags and note words that came up with at least ``min_people`` different contacts.

    Tags come from the questions actually asked; words from the notes, reflections and
    takeaways (four letters or more, minus common words). Most people first; at equal
    counts tags come before words.
    """
    by_tag: dict[str, dict[str, str]] = defaultdict(dict)  # tag -> person key -> session id
    by_word: dict[str, dict[str, str]] = defaultdict(dict)
    names: dict[str, str] = {}
    for session in sessions:
        person = session.contact.name.strip().lower()
        names.setdefault(person, session.contact.name.strip())
        for item in session.agenda:
            if item.status == "asked":
                for tag in item.tags:
                    by_tag[tag.strip().lower()].setdefault(person, session.id)
        for word in _note_words(session):
            by_word[word].setdefault(person, session.id)
    _merge_plurals(by_word)
    found: list[SharedTerm] = []
    tables: dict[Literal["tag", "notes"], dict[str, dict[str, str]]] = {
        "tag": by_tag,
        "notes": by_word,
    }
    for source, table in tables.items():
        for term, people in table.items():
            if len(people) >= min_people:
                found.append(
                    SharedTerm(
                        term,
                        source,
                        tuple(sorted(names[p] for p in people)),
                    )
                )
    found.sort(key=lambda t: (-t.count, t.source != "tag", t.term))
    return found[:limit]


# -- shared topics ---------------------------------------------------------------------------


_FILLER_TEXT = """
    actually agenda along already among answer answered answers anyway basically best
    better bit call calls chat chatted check clear definitely enough ever fine follow
    followup gave give gives great hard hear heard help helps huge idea ideas important
    instead interesting interview interviews kind later less little look looked looking
    looks matter matters mean means mention mentioned mentions minute minutes mostly nice
    note notes okay once perhaps point points pretty probably question questions quick
    recommend recommended recommends right seem seems seemed sort start started stuff
    suggest suggested suggests thanks thank tips today tomorrow true useful usually whole
    worth yeah yes
"""
_FILLER = _NOT_TOPICS | frozenset(_FILLER_TEXT.split())
"""Common words plus what interview notes are full of and say nothing about the topic."""

_CLAUSE = re.compile(r"[.,;:!?()\[\]{}\"/\n\r\t…\u2014\u2013]+| - ")


def was_held(session: Session) -> bool:
    """The call took place (started or ended): a planned or "to contact" one did not."""
    return session.started_at is not None or session.status != "planned"


def _topic_texts(session: Session) -> list[str]:
    """What the person said, as noted: question notes, the call's note, takeaways, reflections."""
    texts = [item.note for item in session.agenda]
    texts += [session.general_note, session.takeaways, *session.reflections.values()]
    return [text for text in texts if text.strip()]


def _name_words(sessions: Iterable[Session]) -> frozenset[str]:
    """Every word of the names of the people interviewed, referred or recommended."""
    words: set[str] = set()
    for session in sessions:
        names = [session.contact.name, session.referred_by]
        names += [referral.name for referral in session.referrals]
        for name in names:
            words.update(w.lower() for w in _WORD.findall(name))
    return frozenset(words)


def _topic_word(word: str, names: frozenset[str]) -> str | None:
    """The word as a topic (lower case), or None for filler, names and tokens like "q1"."""
    word = word.strip("-")
    if not word or "'" in word or any(ch.isdigit() for ch in word):
        return None
    lower = word.lower()
    if lower in names:
        return None
    if (len(word) >= 2 and word.isupper()) or word[-1] in "+#":
        return lower
    if len(word) < MIN_WORD_LENGTH or lower in _FILLER:
        return None
    return lower


def _topics_in(text: str, names: frozenset[str]) -> list[str]:
    """Topic words and two-word phrases ("data cleaning") of one text, within a clause."""
    found: list[str] = []
    for clause in _CLAUSE.split(text):
        previous: str | None = None
        for raw in _WORD.findall(clause):
            word = _topic_word(raw, names)
            if word is not None:
                found.append(word)
                if previous is not None:
                    found.append(f"{previous} {word}")
            previous = word
    return found


def _singular(term: str, table: dict[str, dict[str, int]]) -> str:
    """ "mentors" as "mentor", "data pipelines" as "data pipeline", when both forms appear."""
    if term.endswith("s") and not term.endswith("ss") and term[:-1] in table:
        return term[:-1]
    return term


def shared_topics(
    sessions: Iterable[Session], min_people: int = 2, limit: int = 15
) -> list[SharedTerm]:
    """What several people actually talked about, most people first.

    Only calls that took place count. Topics are words and two-word phrases from the notes,
    the call's note, takeaways and reflections — never bank tags, the names of the people
    interviewed or recommended, common or filler words, or tokens with digits ("q1"). A word
    said only inside a shared phrase is left to the phrase, a phrase that adds nothing to its
    word to the word. At equal people the more often mentioned first, then phrases.
    """
    every = list(sessions)
    names = _name_words(every)
    # topic -> person key -> mentions
    table: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    people: dict[str, str] = {}
    for session in filter(was_held, every):
        person = session.contact.name.strip().lower()
        people.setdefault(person, session.contact.name.strip())
        for text in _topic_texts(session):
            for topic in _topics_in(text, names):
                table[topic][person] += 1
    merged: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for topic, counts in table.items():
        target = " ".join(_singular(w, table) for w in topic.split())
        if target not in table and topic.count(" "):
            target = topic
        for person, n in counts.items():
            merged[target][person] += n
    shared = {t: c for t, c in merged.items() if len(c) >= min_people}
    total = {t: sum(c.values()) for t, c in shared.items()}

    def same_people(a: str, b: str) -> bool:
        return set(shared[a]) == set(shared[b])

    # A phrase only says more than its word when the word comes up outside it too: "finding
    # mentoring" and "mentoring early" are "mentoring"; "data cleaning" is not "data".
    # A word said only inside such a phrase goes with it ("finding", "early").
    phrases: list[str] = []
    dropped: list[str] = []
    for t in (t for t in shared if " " in t):
        weaker = any(w in shared and same_people(w, t) and total[w] > total[t] for w in t.split())
        (dropped if weaker else phrases).append(t)

    def inside(word: str, of: list[str]) -> bool:
        return any(
            word in p.split() and same_people(word, p) and total[p] >= total[word] for p in of
        )

    words = [t for t in shared if " " not in t and not inside(t, phrases + dropped)]
    found = [
        SharedTerm(t, "notes", tuple(sorted(people[p] for p in shared[t]))) for t in phrases + words
    ]
    found.sort(key=lambda term: (-term.count, -total[term.term], " " not in term.term, term.term))
    return found[:limit]


# -- who said what -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Said:
    """One contact's answer to a question, as noted."""

    session_id: str
    contact: str
    company: str
    when: date | None
    question: str
    note: str
    minutes: float


def _filled(text: str, session: Session | None) -> str:
    return fill(text, placeholder_values(session) if session is not None else {})


@dataclass(frozen=True)
class CommonQuestion:
    key: str
    text: str
    """Placeholders read generically: "your company"."""
    sessions: int


def common_questions(sessions: Iterable[Session], min_sessions: int = 2) -> list[CommonQuestion]:
    """Questions asked in at least ``min_sessions`` calls, most asked first."""
    counts: dict[str, int] = defaultdict(int)
    texts: dict[str, str] = {}
    for session in sessions:
        for key in {item.key for item in session.agenda if item.status == "asked"}:
            counts[key] += 1
        for item in session.agenda:
            texts.setdefault(item.key, item.text)
    common = [
        CommonQuestion(key, _filled(texts[key], None), count)
        for key, count in counts.items()
        if count >= min_sessions
    ]
    common.sort(key=lambda q: (-q.sessions, q.key))
    return common


def who_said_what(sessions: Iterable[Session], question_key: str) -> list[Said]:
    """Each contact's noted answer to ``question_key``, earliest call first.

    A question counts when it was asked or has a note.
    """
    said = []
    for session in sessions:
        for item in session.agenda:
            if item.key == question_key and (item.status == "asked" or item.note.strip()):
                said.append(
                    Said(
                        session.id,
                        session.contact.name,
                        session.contact.company,
                        call_date(session),
                        _filled(item.text, session),
                        item.note.strip(),
                        round(item.seconds_spent / 60, 1),
                    )
                )
    said.sort(key=lambda s: (s.when or date.max, s.contact.lower()))
    return said


# -- timing ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimingStat:
    """How one bank question fared against its estimate."""

    key: str
    text: str
    planned: int
    """Held calls whose agenda had it."""
    reached: int
    """...of which the call got to it (asked, or at least moved onto)."""
    samples: int
    """Times it was asked with time recorded: what the minutes below are based on."""
    estimate_minutes: float
    mean_minutes: float | None
    median_minutes: float | None
    suggested_minutes: float | None
    """Median rounded to half a minute, once there are enough samples; else None."""

    @property
    def reach_rate(self) -> float:
        return self.reached / self.planned if self.planned else 0.0

    def explain(self) -> str:
        reached = f"reached in {self.reached} of {self.planned} calls"
        if self.mean_minutes is None:
            return f"{reached}; no timed answers yet"
        took = f"took {self.mean_minutes:.1f} min on average against {self.estimate_minutes:g}"
        if self.suggested_minutes is None or self.suggested_minutes == self.estimate_minutes:
            return f"{reached}; {took}"
        return f"{reached}; {took}; try {self.suggested_minutes:g} min"


def round_to_half(minutes: float) -> float:
    """Nearest half minute (halves round up), at least half a minute."""
    return max(0.5, math.floor(minutes * 2 + 0.5) / 2)


def timing_feedback(sessions: Iterable[Session], min_samples: int = 2) -> list[TimingStat]:
    """Per bank question (own questions left out), across calls that took place.

    The estimate is the one in the most recent call's agenda, so a question re-estimated
    after earlier feedback is compared with its new estimate.
    """
    held = [s for s in sessions if was_held(s)]
    held.sort(key=lambda s: (call_date(s) or s.created_at.date(), s.created_at))
    planned: dict[str, int] = defaultdict(int)
    reached: dict[str, int] = defaultdict(int)
    minutes: dict[str, list[float]] = defaultdict(list)
    estimate: dict[str, float] = {}
    text: dict[str, str] = {}
    for session in held:
        for item in session.agenda:
            if item.own:
                continue
            planned[item.key] += 1
            estimate[item.key] = item.minutes
            text[item.key] = item.text
            if item.reached or item.status == "asked":
                reached[item.key] += 1
            if item.status == "asked" and item.seconds_spent > 0:
                minutes[item.key].append(item.seconds_spent / 60)
    stats = []
    for key in sorted(planned):
        times = minutes.get(key, [])
        median = statistics.median(times) if times else None
        stats.append(
            TimingStat(
                key=key,
                text=_filled(text[key], None),
                planned=planned[key],
                reached=reached.get(key, 0),
                samples=len(times),
                estimate_minutes=estimate[key],
                mean_minutes=round(statistics.fmean(times), 2) if times else None,
                median_minutes=round(median, 2) if median is not None else None,
                suggested_minutes=(
                    round_to_half(median)
                    if median is not None and len(times) >= min_samples
                    else None
                ),
            )
        )
    return stats
