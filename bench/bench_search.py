"""Search benchmark: 5,000 synthetic sessions with about 5 KB of notes each.

    .venv/bin/python bench/bench_search.py [SESSIONS] [--memory]

Prints index build time, memory for the index, and per-query times (median and worst of
several runs). Not a test: timings depend on the machine.
"""

from __future__ import annotations

import gc
import itertools
import random
import statistics
import sys
import time
import tracemalloc
from datetime import datetime, timedelta

from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.search import SearchIndex

_COMMON_TEXT = (
    "the and to of a in that is was for it with as on be at by this had not are but from or "
    "have an they which you were her all she there would their we him been has when who will "
    "more no if out so said what up its about into than them can only other new some could "
    "time these two may then do first any my now such like our over man me even most made "
    "after also did many before must through back years where much your way well down should "
    "because each just those people how too little state good very make world still own see "
    "men work long get here between both life being under never day same another know while "
    "last might us great old year off come since against go came right used take three"
)
COMMON = _COMMON_TEXT.split()
_TOPICS_TEXT = (
    "career skills data quality pipeline mentor manager network hiring interview portfolio "
    "design research product engineering analytics sql python cloud security consulting "
    "startup finance healthcare education marketing sales leadership feedback culture remote "
    "hybrid promotion certification bootcamp degree transition negotiation stakeholder roadmap "
    "strategy customer users metrics experiment onboarding documentation writing presentation "
    "meetup conference newsletter podcast community volunteering"
)
TOPICS = _TOPICS_TEXT.split()


def vocabulary(rng: random.Random, size: int = 20_000) -> list[str]:
    letters = "abcdefghijklmnopqrstuvwxyz"
    rare = {"".join(rng.choices(letters, k=rng.randint(4, 11))) for _ in range(size)}
    return COMMON + TOPICS + sorted(rare)


def paragraph(rng: random.Random, words: list[str], cumulative: list[float], n: int) -> str:
    chosen = rng.choices(words, cum_weights=cumulative, k=n)
    lines, line = [], []
    for word in chosen:
        line.append(word)
        if len(line) > rng.randint(8, 20):
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def make_sessions(count: int, seed: int = 7) -> list[Session]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    weights = list(itertools.accumulate(1.0 / (rank + 1) ** 1.05 for rank in range(len(words))))
    start = datetime(2020, 1, 1)
    sessions = []
    for n in range(count):
        agenda = [
            AgendaItem(
                key=f"bank/q{q}",
                text=f"Question {q} about {rng.choice(TOPICS)} at {{company}}?",
                status="asked",
                note=paragraph(rng, words, weights, 45),
            )
            for q in range(14)
        ]
        sessions.append(
            Session(
                id=f"s{n:05d}",
                contact=Contact(name=f"Person {n}", company=f"Company {n % 300}"),
                started_at=start + timedelta(days=n),
                agenda=agenda,
                general_note=paragraph(rng, words, weights, 60),
                reflections={"advice": paragraph(rng, words, weights, 30)},
                takeaways=paragraph(rng, words, weights, 25),
                research_notes=paragraph(rng, words, weights, 40),
            )
        )
    sessions.reverse()  # newest first, as the store yields them
    return sessions


QUERIES = [
    "mentor",
    "negot",
    "data quality",
    "sql python",
    "the",
    "the and",
    "a",
    "people work",
    "xyzzy",
    "Company 17",
    "career feedback culture",
]


def main() -> None:
    numbers = [arg for arg in sys.argv[1:] if arg.isdigit()]
    count = int(numbers[0]) if numbers else 5000
    sessions = make_sessions(count)
    note_bytes = sum(
        len(s.general_note)
        + len(s.takeaways)
        + len(s.research_notes)
        + sum(len(v) for v in s.reflections.values())
        + sum(len(i.note) for i in s.agenda)
        for s in sessions
    )
    print(f"{count} sessions, {note_bytes / count / 1000:.1f} KB of notes each on average")

    if "--memory" in sys.argv:
        tracemalloc.start()
        index = SearchIndex(sessions)
        size, _ = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del index
        print(f"index size: {size / 1e6:.0f} MB (including the lowered copy of every text)")
    gc.collect()
    began = time.perf_counter()
    index = SearchIndex(sessions)
    built = time.perf_counter() - began
    print(f"index built in {built:.2f} s ({index.field_count} fields)")
    began = time.perf_counter()
    gc.collect()
    print(
        f"one full garbage collection after building: {(time.perf_counter() - began) * 1000:.0f}"
        " ms (mostly the 5,000 Session objects this script keeps; paid once, not per query)"
    )

    print(f"{'query':<26} {'hits':>5} {'first ms':>9} {'median ms':>10} {'worst ms':>9}")
    for query in QUERIES:
        index._cache.clear()
        began = time.perf_counter()
        hits = index.search(query)
        first = (time.perf_counter() - began) * 1000
        runs = []
        for _ in range(7):
            index._cache.clear()
            began = time.perf_counter()
            index.search(query)
            runs.append((time.perf_counter() - began) * 1000)
        print(
            f"{query!r:<26} {len(hits):>5} {first:>9.2f} {statistics.median(runs):>10.2f} "
            f"{max(runs):>9.2f}"
        )

    edited = sessions[-1].model_copy(update={"takeaways": "brandnewword and more"})
    began = time.perf_counter()
    index.add(edited)
    added = (time.perf_counter() - began) * 1000
    began = time.perf_counter()
    hits = index.search("brandnew")
    after = (time.perf_counter() - began) * 1000
    print(f"re-index one edited session: {added:.2f} ms; next query: {after:.2f} ms")


if __name__ == "__main__":
    main()
