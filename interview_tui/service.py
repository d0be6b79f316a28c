"""The one door through which the app and the command line read and change stored data.

A :class:`Workspace` holds one data folder. Saving a session through it writes the session
file, its row in the list index and its entry in the search index in one call, so no screen
can save a session that the list or search then misses. Screens and CLI commands never
touch :mod:`interview_tui.storage` themselves.

The search index (:mod:`interview_tui.storage.search_index`, a file in the data folder) is
brought up to date with the session files when first used in a run, and each save updates
that session's rows. Autosaves (a snapshot of the live session every fraction of a second)
write the file only; the workspace remembers which sessions they changed and re-indexes
those before the next search, so autosaved notes are found too.

A save that changes what the calendar shows (the schedule, the length, who it is with, the
follow-ups) has ``<data folder>/exports/followups.ics`` rewritten a moment later, in the
background (:mod:`interview_tui.calendar_feed`); any other save, an autosave of notes say,
only compares a few fields.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from interview_tui.locations import EXPORTS_DIR

# What the first screen needs before its first paint: the list rows from the plain-JSON
# index. Everything else (pydantic models, TinyDB, search) loads when first used, so that
# importing this module costs the start screen nothing it did not pay before.
from interview_tui.storage.session_index import SessionSummary, read_summaries, when_text

if TYPE_CHECKING:
    from interview_tui.calendar_feed import CalendarFeed
    from interview_tui.models import Session
    from interview_tui.search import Hit
    from interview_tui.storage.autosave import Autosaver
    from interview_tui.storage.emergency import (
        CopyError,
        UnsavedCopy,
        find_copies,
        write_copy,
    )
    from interview_tui.storage.emergency import keep as keep_copy
    from interview_tui.storage.search_index import Progress, SearchIndexFile
    from interview_tui.storage.store import (
        ReadOnlyError,
        SessionSnapshot,
        SessionStore,
        StoreError,
    )
else:
    _LAZY = {
        "Autosaver": ("interview_tui.storage.autosave", "Autosaver"),
        "CopyError": ("interview_tui.storage.emergency", "CopyError"),
        "UnsavedCopy": ("interview_tui.storage.emergency", "UnsavedCopy"),
        "find_copies": ("interview_tui.storage.emergency", "find_copies"),
        "write_copy": ("interview_tui.storage.emergency", "write_copy"),
        "keep_copy": ("interview_tui.storage.emergency", "keep"),
        "ReadOnlyError": ("interview_tui.storage.store", "ReadOnlyError"),
        "StoreError": ("interview_tui.storage.store", "StoreError"),
    }

    def __getattr__(name: str) -> object:
        """The re-exported storage names, imported on first use."""
        if name not in _LAZY:
            raise AttributeError(name)
        import importlib

        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)


__all__ = [
    "Autosaver",
    "CopyError",
    "ReadOnlyError",
    "SessionSummary",
    "StoreError",
    "UnsavedCopy",
    "Workspace",
    "find_copies",
    "keep_copy",
    "read_summaries",
    "when_text",
    "write_copy",
]

Change = Callable[["Session"], object]
"""A domain function that changes a session in place, or returns the changed copy."""


def _calendar_key(
    scheduled_at: Any, length: Any, names: tuple[Any, ...], followups: Any
) -> str | None:
    """What of a session the calendar shows, comparable across saves; None for nothing.

    Follow-ups as the list row keeps them: open ones, and outreach reminders (marking one
    done takes it off the row, or changes it)."""
    kept = [
        f
        for f in followups or []
        if isinstance(f, Mapping) and (not f.get("done") or f.get("kind") == "outreach-reminder")
    ]
    if scheduled_at is None and not kept:
        return None
    return json.dumps([scheduled_at, length, names, kept], sort_keys=True, default=str)


def _key_of_document(doc: Mapping[str, Any]) -> str | None:
    contact = doc.get("contact") or {}
    names = (contact.get("name", ""), contact.get("company", ""), contact.get("role", ""))
    return _calendar_key(
        doc.get("scheduled_at"), doc.get("length_minutes"), names, doc.get("followups")
    )


def _key_of_row(row: SessionSummary | None) -> str | None:
    if row is None:
        return None
    names = (row.get("name", ""), row.get("company", ""), row.get("role", ""))
    return _calendar_key(
        row.get("scheduled_at"), row.get("length_minutes"), names, row.get("followups")
    )


class Workspace:
    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._search: SearchIndexFile | None = None
        self._stale: set[str] = set()
        self._search_lock = threading.Lock()
        # Imported here: the start screen imports this module before its first paint, and the
        # feed brings the export formats (YAML and all) with it.
        from interview_tui.calendar_feed import FEED_NAME, CalendarFeed

        self.calendar: CalendarFeed = CalendarFeed(
            self.root / EXPORTS_DIR / FEED_NAME, self.sessions
        )
        self._calendar_keys: dict[str, str | None] = {}
        self._calendar_lock = threading.Lock()

    @classmethod
    def open(cls, root: Path, *, read_only: bool = False) -> Workspace:
        """Open the data folder; :class:`StoreError` with one clear line when it cannot be."""
        from interview_tui.storage.store import SessionStore

        return cls(SessionStore(root, read_only=read_only))

    # -- the folder ------------------------------------------------------------------------

    @property
    def root(self) -> Path:
        return self._store.root

    @property
    def read_only(self) -> bool:
        return self._store.read_only

    @property
    def read_only_reason(self) -> str:
        """Why nothing can be saved: another copy holds the folder, or it cannot be written."""
        return self._store.read_only_reason

    @property
    def notices(self) -> list[str]:
        """What the person should hear about the folder: damaged files, read-only, …"""
        return self._store.notices

    def close(self) -> None:
        self.calendar.close()
        if self._search is not None:
            self._search.close()
        self._store.close()

    # -- reading ---------------------------------------------------------------------------

    def summaries(self) -> list[SessionSummary]:
        """Every session's list row, newest first."""
        return self._store.summaries()

    def load(self, session_id: str) -> Session:
        return self._store.load(session_id)

    def sessions(self) -> Iterator[Session]:
        """Every readable session, newest first; damaged ones are skipped and reported."""
        return self._store.iter_sessions()

    def load_all(self) -> tuple[list[Session], list[str]]:
        """Every readable session, and one line for each that could not be read."""
        return self._store.load_all()

    # -- the one write path ----------------------------------------------------------------

    def save(self, session: Session | SessionSnapshot, *, update_index: bool = True) -> None:
        """Write ``session``: its file and (unless an autosave) its list row, then search,
        and the calendar feed if what it shows changed."""
        from interview_tui.storage.store import SessionSnapshot

        # One snapshot serves the file and the calendar's comparison: dumped once.
        if isinstance(session, SessionSnapshot):
            snapshot, model = session, None
        else:
            snapshot, model = SessionSnapshot.of(session), session
        session_id = snapshot.session_id
        before = self._store.summary(session_id) if session_id not in self._calendar_keys else None
        self._store.save(snapshot, update_index=update_index)
        self._search_saved(session_id, model if update_index else None)
        self._calendar_saved(snapshot, model, before)

    def _calendar_saved(
        self, snapshot: SessionSnapshot, session: Session | None, before: SessionSummary | None
    ) -> None:
        """Tell the calendar feed about the saved session if its schedule or follow-ups
        changed; ``session`` is the model when the caller had one (an autosave has not)."""
        key = _key_of_document(snapshot.document)
        with self._calendar_lock:
            previous = self._calendar_keys.get(snapshot.session_id, _key_of_row(before))
            self._calendar_keys[snapshot.session_id] = key
        if key == previous:
            return
        if session is None:
            from interview_tui.models import Session

            try:
                session = Session.model_validate(snapshot.document)
            except ValueError:  # the stored file reads the same way: nothing for a calendar
                return
        self.calendar.changed(session)

    def change(self, session_id: str, change: Change) -> Session:
        """Load a session, apply a domain ``change`` to it and save the result."""
        from interview_tui.models import Session

        session = self.load(session_id)
        changed = change(session)
        result = changed if isinstance(changed, Session) else session
        self.save(result)
        return result

    def delete(self, session_id: str) -> None:
        self._store.delete(session_id)
        with self._calendar_lock:
            self._calendar_keys.pop(session_id, None)
        self.calendar.removed(session_id)
        self._search_saved(session_id, None, deleted=True)

    def autosaver(self) -> Autosaver:
        """A debounced writer for one open session; its writes come back through :meth:`save`."""
        from interview_tui.storage.autosave import Autosaver

        return Autosaver(self)

    def restore(self, copy: UnsavedCopy) -> Path:
        """Bring an emergency copy back into the folder; returns where the copy now is."""
        from interview_tui.storage import emergency

        moved = emergency.restore(copy, self._store)
        with self._search_lock:
            self._stale.add(copy.session.id)
        with self._calendar_lock:
            self._calendar_keys.pop(copy.session.id, None)
        self.calendar.changed(copy.session)
        return moved

    # -- search ----------------------------------------------------------------------------

    def _search_index(self) -> SearchIndexFile:
        with self._search_lock:
            if self._search is None:
                from interview_tui.storage.search_index import SearchIndexFile

                self._search = SearchIndexFile(self.root, self.load, read_only=self.read_only)
            return self._search

    def _search_saved(
        self, session_id: str, session: Session | None, *, deleted: bool = False
    ) -> None:
        """A full save or a delete updates the open index now; an autosave's file is read
        again before the next search, as is anything saved while the index is being built
        (and an index not opened yet compares the files when it opens)."""
        with self._search_lock:
            index = self._search
            if index is None or not index.ready or (session is None and not deleted):
                self._stale.add(session_id)
                return
            self._stale.discard(session_id)
        if session is None:
            index.remove(session_id)
        else:
            index.update(session)

    @property
    def search_ready(self) -> bool:
        """The index is open and current: a search costs only the query."""
        return self._search is not None and self._search.ready

    def build_search(self, progress: Progress | None = None) -> int:
        """Open the search index and bring it up to date with the session files; returns
        how many sessions it holds. A few milliseconds when little changed; seconds when
        it has to be (re)built from thousands of sessions — call it from a worker."""
        index = self._search_index()
        index.open(progress)
        with self._search_lock:
            stale, self._stale = self._stale, set()
        index.refresh(sorted(stale))
        return len(index)

    def search(self, query: str, limit: int = 100, *, build: bool = True) -> list[Hit]:
        """The best matches for ``query``, best first. Opens (or rebuilds) the index first
        when needed; with ``build=False`` (the UI thread) returns nothing instead, and
        :attr:`search_ready` says a :meth:`build_search` is due."""
        index = self._search_index()
        for _attempt in range(2):
            if not index.ready:
                if not build:
                    return []
                self.build_search()
            elif self._stale:
                with self._search_lock:
                    stale, self._stale = self._stale, set()
                index.refresh(sorted(stale))
            hits = index.search(query, limit=limit)
            if index.ready:  # else the index proved damaged: rebuilt, and asked again
                return hits
        return []
