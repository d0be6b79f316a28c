"""Hostile text: what people type, banks hold and files carry that Textual could read as markup.

Shared by ``tests/ui/test_hostile_text.py`` (every screen, through Pilot) and
``tests/unit/test_hostile_text_cli.py`` (the command line).
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path

from interview_tui.display_text import one_line
from interview_tui.models import AgendaItem, Contact, FollowUp, Referral, Session
from interview_tui.storage.store import SessionStore

CLICK = "[@click=app.quit]click me[/]"
LONG = ("Jo Smith [/] recruiter at Acme [formerly Foo] " * 12)[:500]

HOSTILE: dict[str, str] = {
    "close-all": "Jo Smith [/] recruiter",
    "bold": "[b]",
    "close-unknown": "Lee Dev[/ops]",
    "link": "[link=x]",
    "click": CLICK,
    "click-bare": "[@click=app.quit]",
    "backslash": "\\[",
    "brackets": "Acme [formerly Foo]",
    "emoji": "Zoë 🎉👩‍💻",
    "rtl": "مرحبا שלום",
    "combining": "Ame\u0301lie Z\u0338a\u0361",
    "long": LONG,
    "newline": "Lee\nDev",
}
"""Each of these must appear as typed (or, where one line is needed, as :func:`one_line`)."""

NAME_LIMIT = 200  # Contact.name; the long text goes where there is no limit


def as_name(text: str) -> str:
    return text[:NAME_LIMIT]


def shown(text: str, drawn: str) -> bool:
    """``text`` is in ``drawn`` as typed, or as one clean line."""
    return text in drawn or one_line(text) in drawn


def missing(texts: dict[str, str], drawn: str) -> dict[str, str]:
    """The corpus entries not in ``drawn``, for a readable assertion."""
    return {key: text for key, text in texts.items() if not shown(text, drawn)}


# -- stored data and banks made of it --------------------------------------------------------

KITCHEN_SINK_ID = "hostile-all"
CORE_KEY = "fixed/core"
MARKER = "zebra"  # a word next to every hostile note, so that one search finds them all


def hostile_sessions(today: date) -> list[Session]:
    """One ended call per hostile text (contact, company, notes, a thank-you due with it as the
    note, a referral), plus a "kitchen sink" call holding every text in every field."""
    sessions = []
    texts = list(HOSTILE.items())
    for index, (key, text) in enumerate(texts):
        when = datetime.combine(today - timedelta(days=20 + index), time(10, 0))
        # The click entry is due first, so it is the top row of the due list.
        due = today - timedelta(days=60 if key == "click" else 2 + index)
        sessions.append(
            Session(
                id=f"hostile-{index:02d}",
                created_at=when - timedelta(days=7),
                scheduled_at=when,
                started_at=when,
                ended_at=when + timedelta(minutes=30),
                status="ended",
                contact_status="interviewed",
                contact=Contact(name=as_name(text), company=text, role=text),
                agenda=[
                    AgendaItem(
                        key=CORE_KEY,
                        text="What surprised you most after joining {company}?",
                        phase="core",
                        status="asked",
                        reached=True,
                        seconds_spent=90,
                        note=f"{MARKER} {text}",
                    )
                ],
                cut_index=1,
                followups=[FollowUp(kind="thank-you", due=due, note=text)],
                referrals=[Referral(name=text, note=text)],
            )
        )
    when = datetime.combine(today - timedelta(days=1), time(9, 0))
    agenda = [
        AgendaItem(
            key=f"own/q{index}",
            text=text,
            bank="My questions",
            category="own",
            own=True,
            status="asked",
            reached=True,
            seconds_spent=60,
            note=f"{MARKER} {text}",
        )
        for index, text in enumerate(HOSTILE.values())
    ]
    agenda.append(
        AgendaItem(
            key=CORE_KEY,
            text="What surprised you most after joining {company}?",
            phase="core",
            status="asked",
            reached=True,
            note=f"{MARKER} {HOSTILE['brackets']}",
        )
    )
    sessions.append(
        Session(
            id=KITCHEN_SINK_ID,
            created_at=when - timedelta(days=7),
            scheduled_at=when,
            started_at=when,
            ended_at=when + timedelta(minutes=30),
            status="ended",
            contact_status="interviewed",
            contact=Contact(
                name="Kitchen [/] Sink",
                company=HOSTILE["brackets"],
                role=HOSTILE["bold"],
                industry=HOSTILE["link"],
                how_met=LONG,
                email=HOSTILE["close-unknown"],
            ),
            agenda=agenda,
            cut_index=len(agenda),
            research_notes="\n".join(HOSTILE.values()),
            general_note="\n".join(HOSTILE.values()),
            takeaways="\n".join(HOSTILE.values()),
            reflections={"surprise": HOSTILE["close-all"]},
            followups=[
                FollowUp(kind="other", due=today + timedelta(days=30), note=text)
                for text in HOSTILE.values()
            ],
            referrals=[Referral(name=text, note=text) for text in HOSTILE.values()],
        )
    )
    return sessions


def store_sessions(data_dir: Path, sessions: list[Session]) -> None:
    store = SessionStore(data_dir)
    try:
        for session in sessions:
            store.save(session)
    finally:
        store.close()


HOSTILE_BANK_NAME = "Hostile [/] bank [@click=app.quit]x[/]"
HOSTILE_CATEGORY = "[/ops] category"


def hostile_bank_yaml() -> str:
    """A valid bank whose name, category, questions, probes and tags are hostile text; the
    questions come first in an agenda (opening, priority 1). JSON is YAML."""
    questions = [
        {
            "id": f"q{index}",
            "text": text,
            "phase": "opening",
            "priority": 1,
            "minutes": 1,
            "probes": [text],
            "tags": [text],
        }
        for index, text in enumerate(HOSTILE.values())
    ]
    questions.append({"id": "drew", "text": "What drew you to {company}?", "phase": "opening"})
    return json.dumps(
        {"bank": HOSTILE_BANK_NAME, "category": HOSTILE_CATEGORY, "questions": questions},
        ensure_ascii=False,
    )


BAD_BANK_QUOTES = ("[/b]nope", "[b]soon")
BAD_BANK_YAML = """\
bank: Broken [/oops]
questions:
  - text: "[/oops]"
    "[/b]nope": 1
    minutes: "[b]soon"
"""
"""A bank whose problems quote markup-looking text back."""


def write_user_banks(config_dir: Path) -> Path:
    folder = config_dir / "banks"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.yaml").write_text(hostile_bank_yaml(), encoding="utf-8")
    (folder / "broken.yaml").write_text(BAD_BANK_YAML, encoding="utf-8")
    return folder
