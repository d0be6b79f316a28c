"""Upgrade a data folder written before people were records (session schema 1) in place.

Asks nothing and loses nothing: the session files are copied to ``backup-before-people/``
first; people are written, sessions saved again with their person, and only when all of
it reads back is the marker written and the copy removed. A run cut short (a crash, a full
disk) is undone from the copy at the next open and tried again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from interview_tui.locations import ensure_private_dir
from interview_tui.people_migration import plan_people
from interview_tui.storage.people_store import PeopleStore, mark_upgraded, upgraded_marker
from interview_tui.storage.safe_storage import safe_write
from interview_tui.storage.store import SessionStore, StoreError

BACKUP_DIR = "backup-before-people"


def is_upgraded(people: PeopleStore) -> bool:
    return upgraded_marker(people.folder.parent).is_file()


def _copy_sessions(source: Path, target: Path) -> None:
    ensure_private_dir(target)
    for entry in sorted(os.listdir(source)) if source.is_dir() else []:
        path = source / entry
        if entry.endswith(".json") and not entry.startswith(".") and path.is_file():
            safe_write(target / entry, path.read_bytes())


def _undo_cut_short_run(store: SessionStore, people: PeopleStore, backup: Path) -> None:
    """Put the sessions back as they were and forget the people a cut-short run wrote."""
    _copy_sessions(backup / "sessions", store.sessions_dir)
    if people.folder.is_dir():
        for entry in os.listdir(people.folder):
            if entry.endswith(".json"):
                (people.folder / entry).unlink(missing_ok=True)
    store.close_session_files()
    people.forget_cache()


def upgrade_to_people(store: SessionStore, people: PeopleStore) -> str | None:
    """Give every stored session a person; one line for the person, or None if nothing to do.

    Raises OSError or StoreError if the folder refused a write; the copy then stays and the
    next open tries again.
    """
    if is_upgraded(people):
        return None
    if store.read_only:
        sessions, _ = store.load_all()
        people.use_in_memory(plan_people(sessions).people)
        return None
    backup = store.root / BACKUP_DIR
    if backup.is_dir():
        _undo_cut_short_run(store, people, backup)
    else:
        _copy_sessions(store.sessions_dir, backup / "sessions")
    sessions, _ = store.load_all()
    plan = plan_people(sessions)
    for person in plan.people:
        people.save(person)
    for session in plan.sessions:
        store.save(session)
    for session_id in plan.placeholders:
        store.delete(session_id)
    people.forget_cache()
    stored = people.all()
    for session in plan.sessions:
        if store.load(session.id).person_id not in stored:
            raise StoreError(f"session {session.id} lost its person while upgrading")
    mark_upgraded(store.root)
    with contextlib.suppress(OSError):
        shutil.rmtree(backup)
    if not sessions:
        return None
    moved = len(plan.placeholders)
    line = f"Your {len(plan.sessions)} sessions now belong to {len(plan.people)} people"
    if moved:
        who = "person is" if moved == 1 else "people are"
        line += f"; {moved} recommended {who} now a person to contact, not a session"
    return line + ". See them on the People screen (p)."
