"""The session list as the start screen needs it: plain JSON, no pydantic.

Kept apart from :mod:`interview_tui.storage.store` so the first screen can show past sessions
without paying for model validation of every stored session.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypedDict, cast

from interview_tui.asked_count import count_asked
from interview_tui.storage.safe_storage import DamagedFile, read_json

INDEX_FILE = "index.json"
SESSIONS_DIR = "sessions"
TABLE = "sessions"


class SessionSummary(TypedDict):
    """One row of the session list, as the index stores it.

    Times are ISO strings. An index written by an older version may lack fields, so readers
    use ``row.get``.
    """

    id: str
    name: str
    company: str
    role: str
    created_at: str
    scheduled_at: str | None
    started_at: str | None
    length_minutes: int
    status: str
    contact_status: str
    asked: int
    questions: int
    planned: int
    """Questions above the cut line; ``planned_asked`` of them were asked, ``extra_asked``
    from below the cut (see :mod:`interview_tui.asked_count`)."""
    planned_asked: int
    extra_asked: int
    elapsed_seconds: float
    ended_at: str | None
    referred_by: str
    outreach_sent_on: str | None
    followups: list[dict[str, Any]]
    """Open follow-ups, plus outreach reminders already sent."""
    referrals: list[dict[str, Any]]
    """People recommended and not yet contacted."""
    person_id: str | None
    """The person the conversation was with (absent in rows older than people)."""
    invite_uid: str
    """The calendar invite it came from, if any."""


def summarize(doc: dict[str, Any]) -> SessionSummary:
    """The few fields a session list shows, from a stored session document."""
    contact = doc.get("contact") or {}
    agenda = doc.get("agenda") or []
    cut = doc.get("cut_index")
    statuses = [item.get("status", "") for item in agenda]
    count = count_asked(statuses, cut if isinstance(cut, int) else 0)
    return {
        "id": doc.get("id", ""),
        "name": contact.get("name", ""),
        "company": contact.get("company", ""),
        "role": contact.get("role", ""),
        "created_at": doc.get("created_at") or "",
        "scheduled_at": doc.get("scheduled_at"),
        "started_at": doc.get("started_at"),
        "length_minutes": doc.get("length_minutes", 0),
        "status": doc.get("status", "planned"),
        "contact_status": doc.get("contact_status", ""),
        "asked": sum(1 for item in agenda if item.get("status") == "asked"),
        "questions": len(agenda),
        "planned": count.planned,
        "planned_asked": count.asked,
        "extra_asked": count.extra,
        "elapsed_seconds": round(float(doc.get("elapsed_seconds") or 0), 1),
        "ended_at": doc.get("ended_at"),
        "referred_by": doc.get("referred_by", ""),
        "outreach_sent_on": doc.get("outreach_sent_on"),
        # Only what the due list needs: open follow-ups and people not yet contacted, plus
        # reminders already sent (they set when the next is due, and stop them after two).
        "followups": [
            f
            for f in doc.get("followups") or []
            if not f.get("done") or f.get("kind") == "outreach-reminder"
        ],
        "referrals": [r for r in doc.get("referrals") or [] if not r.get("contacted")],
        "person_id": doc.get("person_id"),
        "invite_uid": doc.get("invite_uid") or "",
    }


def when_stamp(summary: SessionSummary) -> str:
    """The ISO time a session is listed and sorted under: scheduled, else started, else
    created."""
    return (
        summary.get("scheduled_at") or summary.get("started_at") or summary.get("created_at") or ""
    )


def when_text(summary: SessionSummary) -> str:
    """``2026-11-22 14:30``: the list sorts and reads the same way."""
    return when_stamp(summary)[:16].replace("T", " ")


def read_summaries(root: Path) -> list[SessionSummary] | None:
    """Summaries newest first, or None when the index is missing or damaged."""
    try:
        data = read_json(root / INDEX_FILE)
    except (DamagedFile, OSError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get(TABLE), dict):
        return None
    rows = cast(
        list[SessionSummary],
        [row for row in data[TABLE].values() if isinstance(row, dict) and row.get("id")],
    )
    rows.sort(key=when_stamp, reverse=True)
    return rows
