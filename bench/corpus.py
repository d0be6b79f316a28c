"""Realistic stored sessions for the benchmark: built-in bank questions, ~5 KB of notes each.

Notes are drawn from a Zipf-weighted vocabulary (common English, interview topics, and
thousands of rare words standing in for names and jargon), so search has both words that
match almost everything and words that match a handful of sessions. Deterministic per seed.
"""

from __future__ import annotations

import itertools
import random
import shutil
from datetime import datetime, timedelta
from pathlib import Path

from interview_tui import locations
from interview_tui.banks import load_banks
from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.planner import agenda_items, apply_plan
from interview_tui.storage.session_index import INDEX_FILE, SESSIONS_DIR
from interview_tui.storage.store import SessionStore


def split_words(text: str) -> list[str]:
    return text.split()


COMMON = split_words(
    "the and to of a in that is was for it with as on be at by this had not are but from or "
    "have an they which you were all there would their we been has when who will more no if "
    "out so said what up about into than them can only other new some could time these two "
    "may then do first any my now such like our over even most made after also did many "
    "before must through back years where much your way well down should because each just "
    "those people how too little good very make still own see work long get here between both "
    "being under never day same another know while last might great old year off come since "
    "go came right used take three team role job"
)
TOPICS = split_words(
    "career skills data quality pipeline mentor manager network hiring interview portfolio "
    "design research product engineering analytics sql python cloud security consulting "
    "startup finance healthcare education marketing sales leadership feedback culture remote "
    "hybrid promotion certification bootcamp degree transition negotiation stakeholder roadmap "
    "strategy customer users metrics experiment onboarding documentation writing presentation "
    "meetup conference newsletter podcast community volunteering"
)
FIRST = split_words(
    "Ada Grace Alan Barbara Edsger Frances Donald Margaret Ken Radia Linus Katherine Guido "
    "Shafi Tim Hedy Dennis Sophie Bjarne Anita Niklaus Jean Leslie Fran Yukihiro Mary Vint "
    "Lynn Brian Karen John Joan Rasmus Adele Alonzo Ruth Claude Evelyn Seymour Dorothy"
)
LAST = split_words(
    "Lovelace Hopper Turing Liskov Dijkstra Allen Knuth Hamilton Thompson Perlman Torvalds "
    "Johnson Rossum Goldwasser Berners-Lee Lamarr Ritchie Wilson Stroustrup Borg Wirth Sammet "
    "Lamport Bilas Matsumoto Keller Cerf Conway Kernighan Jones McCarthy Clarke Lerdorf "
    "Goldberg Church Teitelbaum Shannon Boyd Papert Vaughan"
)
COMPANIES = split_words(
    "Acme Analytical Engines Babbage Ltd Northwind Contoso Initech Globex Umbrella Hooli "
    "Vandelay Stark Wayne Tyrell Cyberdyne Soylent Aperture Wonka Gringotts Monarch Pied Piper"
)
ROLES = (
    "Data Engineer",
    "Product Manager",
    "UX Researcher",
    "Engineering Manager",
    "Security Analyst",
    "Consultant",
    "Site Reliability Engineer",
    "Designer",
)


def vocabulary(rng: random.Random, rare: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    made_up = {"".join(rng.choices(letters, k=rng.randint(4, 11))) for _ in range(rare)}
    return COMMON + TOPICS + sorted(made_up)


def _text(rng: random.Random, words: list[str], cum_weights: list[float], chars: int) -> str:
    lines: list[str] = []
    line: list[str] = []
    size = 0
    drawn = iter(rng.choices(words, cum_weights=cum_weights, k=chars // 3))
    while size < chars:
        word = next(drawn)
        line.append(word)
        size += len(word) + 1
        if len(line) >= rng.randint(8, 18):
            lines.append("- " + " ".join(line).capitalize() + ".")
            line = []
    if line:
        lines.append("- " + " ".join(line).capitalize() + ".")
    return "\n".join(lines)


def builtin_items() -> list[AgendaItem]:
    banks = load_banks([locations.builtin_banks_dir()])
    return agenda_items(banks.banks)


def make_sessions(count: int, seed: int = 4) -> list[Session]:
    """``count`` sessions over three years, most ended with ~5 KB of notes, oldest first."""
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(words))))
    items = builtin_items()
    start = datetime(2023, 1, 2, 9, 0)
    sessions = []
    for n in range(count):
        when = start + timedelta(minutes=int(n * 3 * 365 * 24 * 60 / max(count, 1)))
        company = rng.choice(COMPANIES)
        session = Session(
            id=f"{when:%Y%m%d-%H%M%S}-{rng.getrandbits(24):06x}",
            created_at=when - timedelta(days=7),
            scheduled_at=when,
            length_minutes=rng.choice((20, 30, 45)),
            contact=Contact(
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                company=company,
                role=rng.choice(ROLES),
            ),
            banks=["builtin"],
        )
        apply_plan(session, [item.model_copy(deep=True) for item in rng.sample(items, 14)])
        ended = rng.random() < 0.9
        if ended:
            session.status = "ended"
            session.contact_status = "interviewed"
            session.started_at = when
            session.ended_at = when + timedelta(minutes=session.length_minutes)
            session.elapsed_seconds = session.length_minutes * 60.0
            for index, item in enumerate(session.agenda[: session.cut_index]):
                item.status = "asked" if rng.random() < 0.85 else "skipped"
                item.reached = True
                item.seconds_spent = item.minutes * 60
                if item.status == "asked" and index < 9:
                    item.note = _text(rng, words, weights, rng.randint(550, 850))
            session.general_note = _text(rng, words, weights, 400)
            session.takeaways = _text(rng, words, weights, 150)
        sessions.append(session)
    return sessions


def write_sessions(root: Path, sessions: list[Session]) -> None:
    """Store ``sessions`` the way the app does (crash-safe writes), then build the index."""
    store = SessionStore(root)
    try:
        for session in sessions:
            store.save(session, update_index=False)
    finally:
        store.close()
    (root / INDEX_FILE).unlink(missing_ok=True)
    store = SessionStore(root)  # no index: it is rebuilt from the session files, once
    try:
        store.summaries()
    finally:
        store.close()


def copy_newest(source: Path, target: Path, count: int) -> None:
    """A data folder holding the ``count`` newest sessions of ``source``, with its index."""
    (target / SESSIONS_DIR).mkdir(parents=True, mode=0o700)
    names = sorted(p.name for p in (source / SESSIONS_DIR).glob("*.json"))[-count:]
    for name in names:
        shutil.copy2(source / SESSIONS_DIR / name, target / SESSIONS_DIR / name)
    store = SessionStore(target)
    try:
        store.summaries()
    finally:
        store.close()
