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

A data folder carried between two machines by a sync tool (Syncthing, Dropbox, iCloud Drive,
git) is looked at again by :meth:`Workspace.check_folder` (the start screen, every two
seconds): sessions added, changed or removed there are listed, and a sync tool's conflict
copies are merged into their originals (:mod:`interview_tui.sync_merge`), the copy kept in
``conflicts/``. A session rewritten on disk while it is open here keeps what is open: the
version found on disk is kept in ``conflicts/`` and merged into every later save of it.
"""

from __future__ import annotations

import contextlib
import json
import threading
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from interview_tui.locations import EXPORTS_DIR

# What the first screen needs before its first paint: the list rows from the plain-JSON
# index. Everything else (pydantic models, TinyDB, search) loads when first used, so that
# importing this module costs the start screen nothing it did not pay before.
from interview_tui.storage.session_index import (
    FirstScreen,
    SessionSummary,
    list_date,
    list_stamp,
    read_first_screen,
    read_summaries,
    when_text,
)

if TYPE_CHECKING:
    from datetime import date

    from interview_tui.calendar_feed import CalendarFeed
    from interview_tui.import_cards import InvitedCall, PersonCard
    from interview_tui.invite_sessions import InviteResult
    from interview_tui.models import Referral, Session
    from interview_tui.people_import import ImportOutcome, ImportReport
    from interview_tui.person import InteractionKind, Person
    from interview_tui.search import Hit
    from interview_tui.storage.autosave import Autosaver
    from interview_tui.storage.conflict_copies import ConflictCopy
    from interview_tui.storage.emergency import (
        CopyError,
        UnsavedCopy,
        find_copies,
        write_copy,
    )
    from interview_tui.storage.emergency import keep as keep_copy
    from interview_tui.storage.people_store import PeopleStore
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
    "FirstScreen",
    "ReadOnlyError",
    "SessionSummary",
    "StoreError",
    "UnsavedCopy",
    "Workspace",
    "find_copies",
    "keep_copy",
    "list_date",
    "list_stamp",
    "read_first_screen",
    "read_summaries",
    "when_text",
    "write_copy",
]

_Record = TypeVar("_Record", "Session", "Person")
"""A record a sync tool's conflict copy holds."""

Change = Callable[["Session"], object]
"""A domain function that changes a session in place, or returns the changed copy."""


def _calendar_key(
    times: tuple[Any, ...], length: Any, names: tuple[Any, ...], followups: Any
) -> str | None:
    """What of a session the calendar shows, comparable across saves; None for nothing.

    Follow-ups as the list row keeps them: open ones, and outreach reminders (marking one
    done takes it off the row, or changes it)."""
    kept = [
        f
        for f in followups or []
        if isinstance(f, Mapping) and (not f.get("done") or f.get("kind") == "outreach-reminder")
    ]
    if not any(times) and not kept:
        return None
    return json.dumps([times, length, names, kept], sort_keys=True, default=str)


def _key_of_document(doc: Mapping[str, Any]) -> str | None:
    contact = doc.get("contact") or {}
    names = (contact.get("name", ""), contact.get("company", ""), contact.get("role", ""))
    times = (doc.get("scheduled_at"), doc.get("started_at"), doc.get("ended_at"))
    return _calendar_key(times, doc.get("length_minutes"), names, doc.get("followups"))


def _key_of_row(row: SessionSummary | None) -> str | None:
    if row is None:
        return None
    names = (row.get("name", ""), row.get("company", ""), row.get("role", ""))
    times = (row.get("scheduled_at"), row.get("started_at"), row.get("ended_at"))
    return _calendar_key(times, row.get("length_minutes"), names, row.get("followups"))


class FolderCheck(NamedTuple):
    """What :meth:`Workspace.check_folder` found: whether the list changed, and one line for
    the person per merge or problem."""

    changed: bool = False
    lines: tuple[str, ...] = ()


def _person_key(doc: Mapping[str, Any]) -> str:
    """What a person takes from a stored session (status, the call, notes sent, details),
    comparable across saves."""
    followups = [
        (f.get("kind"), f.get("due"), f.get("done"))
        for f in doc.get("followups") or []
        if isinstance(f, Mapping)
    ]
    referrals = [
        (r.get("person_id"), r.get("contacted"))
        for r in doc.get("referrals") or []
        if isinstance(r, Mapping)
    ]
    fields = ("person_id", "contact", "contact_status", "status", "started_at", "ended_at")
    picked = [doc.get(name) for name in (*fields, "outreach_sent_on")]
    return json.dumps([picked, followups, referrals], sort_keys=True, default=str)


class Workspace:
    def __init__(self, store: SessionStore) -> None:
        self._store = store
        self._merge_lock = threading.RLock()
        self._absorbed: dict[str, list[Session]] = {}
        """Other machines' versions merged into a session this run: merged into each later
        save too, so a screen still holding the session as it was cannot write them away.
        Forgotten when the session is loaded again (the new copy holds them)."""
        self._sync_lines: list[str] = []
        self._lines_lock = threading.Lock()  # taken last, alone: never while waiting for another
        self._people_store: PeopleStore | None = None
        self._people_lock = threading.RLock()
        self._lost_people_checked = False
        self._person_keys: dict[str, str] = {}
        """What each session last gave its person (see ``_person_key``)."""
        self._person_ids: dict[str, str] = {}
        """Each saved session's person, for snapshots of a model that predates the link."""
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

        workspace = cls(SessionStore(root, read_only=read_only))
        if not workspace.read_only:
            workspace._people_ready()  # a folder from before people is upgraded now, once
            workspace.notices.extend(workspace.merge_conflict_copies())
        return workspace

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
        session = self._store.load(session_id)
        with self._merge_lock:
            self._absorbed.pop(session_id, None)  # this copy holds what was merged
        return session

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
        people: list[Person] = []
        if isinstance(session, SessionSnapshot):
            snapshot, model = session, None
            if not self.read_only:
                people = self._people_of_snapshot(snapshot)
        else:
            people = self._people_of(session) if not self.read_only else []
            snapshot, model = SessionSnapshot.of(session), session
            self._person_keys[session.id] = _person_key(snapshot.document)
        if not self.read_only:
            snapshot, model = self._with_other_versions(snapshot, model)
        session_id = snapshot.session_id
        before = self._store.summary(session_id) if session_id not in self._calendar_keys else None
        self._store.save(snapshot, update_index=update_index)
        self._search_saved(session_id, model if update_index else None)
        self._calendar_saved(snapshot, model, before)
        for person in people:  # after the notes: a refused person file costs no note
            self.save_person(person)

    def _with_other_versions(
        self, snapshot: SessionSnapshot, model: Session | None
    ) -> tuple[SessionSnapshot, Session | None]:
        """The session to write: ``snapshot`` with what other machines' versions add — one
        found on disk now (rewritten behind its back, kept in ``conflicts/`` first) and any
        merged earlier this run."""
        from interview_tui.models import Session
        from interview_tui.storage.conflict_copies import keep_version
        from interview_tui.storage.session_index import SESSIONS_DIR
        from interview_tui.storage.store import SESSION_TABLE, SessionSnapshot
        from interview_tui.sync_merge import merge_sessions

        session_id = snapshot.session_id
        with self._merge_lock:
            found = self._store.changed_on_disk(session_id)
            absorbed = self._absorbed.setdefault(session_id, [])
            if found is None and not absorbed:
                self._absorbed.pop(session_id, None)
                return snapshot, model
            try:
                ours = model if model is not None else Session.model_validate(snapshot.document)
            except ValueError:
                return snapshot, model
            line = ""
            if found is not None:
                try:
                    kept: Path | str = keep_version(
                        self.root, SESSIONS_DIR, session_id, SESSION_TABLE, found
                    )
                    kept = Path(kept).relative_to(self.root)
                except OSError as exc:
                    kept = f"nowhere ({exc.strerror or exc})"
                try:
                    absorbed.append(Session.model_validate(found))
                    line = (
                        f"{ours.contact.name}'s session was changed on another machine while "
                        f"it was open here: what is open here stays, with what that version "
                        f"adds; that version is kept in {kept}."
                    )
                except ValueError:
                    line = (
                        f"{ours.contact.name}'s session was changed on another machine while "
                        f"it was open here, into something that cannot be read; what is open "
                        f"here stays, and that version is kept in {kept}."
                    )
            merged = ours
            for other in absorbed:
                merged, _ = merge_sessions(merged, other)
            if line:
                with self._lines_lock:
                    self._sync_lines.append(line)
            if merged == ours:
                return snapshot, model
            return SessionSnapshot.of(merged), merged

    # -- a folder that a sync tool carries -------------------------------------------------

    def merge_conflict_copies(self) -> list[str]:
        """Merge every sync tool's conflict copy of a session or a person into its original
        and keep the copy in ``conflicts/``; one line for the person per copy."""
        if self.read_only:
            return []
        with self._merge_lock:
            return self._merge_session_copies() + self._merge_person_copies()

    def _kept(self, path: Path) -> str:
        from interview_tui.storage.conflict_copies import keep_aside

        try:
            return str(keep_aside(self.root, path).relative_to(self.root))
        except OSError as exc:
            return f"{path} (it could not be moved: {exc.strerror or exc})"

    def _read_copy(self, copy: ConflictCopy, model: type[_Record], table: str) -> _Record | str:
        """The record a conflict copy holds; else the line that says it cannot be read, the
        copy kept aside. ``table`` ("session", "person") also names the record in that line."""
        from pydantic import ValidationError

        from interview_tui.models import first_error
        from interview_tui.storage.conflict_copies import read_record

        try:
            theirs = model.model_validate(read_record(copy.path, table))
            if theirs.id != copy.record_id:
                raise ValueError(f"it holds {table} {theirs.id}, not {copy.record_id}")
        except ValueError as exc:
            reason = first_error(exc) if isinstance(exc, ValidationError) else str(exc)
            return (
                f"A copy of a {table} from another machine cannot be read "
                f"({copy.path.name}: {reason}); nothing was merged from it, "
                f"and it is kept as {self._kept(copy.path)}."
            )
        return theirs

    def _merge_session_copies(self) -> list[str]:
        from interview_tui.models import Session
        from interview_tui.storage.conflict_copies import find_conflict_copies
        from interview_tui.storage.store import SESSION_TABLE, StoreError
        from interview_tui.sync_merge import merge_sessions

        lines = []
        for copy in find_conflict_copies(self._store.sessions_dir):
            theirs = self._read_copy(copy, Session, SESSION_TABLE)
            if isinstance(theirs, str):
                lines.append(theirs)
                continue
            found = self._store.changed_on_disk(copy.record_id)
            if found is not None:  # open here, and the sync put the other version in place
                with contextlib.suppress(ValueError):
                    other = Session.model_validate(found)
                    self._absorbed.setdefault(copy.record_id, []).append(other)
            try:
                ours: Session | None = self._store.load(copy.record_id)
            except StoreError:
                ours = None  # gone here, or damaged (set aside and said so by the store)
            try:
                if ours is None:
                    self.save(theirs)
                    said = "it was not here, so that version is the session now"
                else:
                    merged, what = merge_sessions(ours, theirs)
                    if merged != ours:
                        self.save(merged)
                    said = what.text()
                    self._absorbed.setdefault(copy.record_id, []).append(theirs)
            except StoreError as exc:
                lines.append(
                    f"Could not merge a copy of {theirs.contact.name}'s session from another "
                    f"machine ({exc}); it stays as {copy.path.name} and is tried again."
                )
                continue
            lines.append(
                f"Merged a copy of {theirs.contact.name}'s session from another machine: "
                f"{said}; the copy is in {self._kept(copy.path)}."
            )
        return lines

    def _merge_person_copies(self) -> list[str]:
        from interview_tui.person import Person
        from interview_tui.storage.conflict_copies import find_conflict_copies
        from interview_tui.storage.people_store import PERSON_TABLE
        from interview_tui.storage.store import StoreError
        from interview_tui.sync_merge import merge_people

        lines = []
        store = self._people_ready()
        for copy in find_conflict_copies(store.folder):
            theirs = self._read_copy(copy, Person, PERSON_TABLE)
            if isinstance(theirs, str):
                lines.append(theirs)
                continue
            ours = self.person(copy.record_id)
            try:
                if ours is None:
                    self.save_person(theirs)
                    said = "they were not here, so that version is their record now"
                else:
                    newer = copy.newer_than_original()
                    merged, what = merge_people(ours, theirs, theirs_newer=newer)
                    if merged != ours:
                        self.save_person(merged)
                    said = what.text()
            except StoreError as exc:
                lines.append(
                    f"Could not merge a copy of {theirs.name}'s record from another machine "
                    f"({exc}); it stays as {copy.path.name} and is tried again."
                )
                continue
            lines.append(
                f"Merged a copy of {theirs.name}'s record from another machine: {said}; "
                f"the copy is in {self._kept(copy.path)}."
            )
        self._store.notices.extend(self._take_people_notices())
        return lines

    def _take_in(self, person: Person, other: Person, *, theirs_newer: bool) -> None:
        """Merge ``other`` (another machine's version) into ``person`` in place: screens
        holding ``person`` see the merge, and their next save cannot write it away."""
        from interview_tui.sync_merge import merge_people

        merged, what = merge_people(person, other, theirs_newer=theirs_newer)
        if merged == person:
            return
        both_sides = merged != other  # not simply the other machine's newer version
        for name in type(person).model_fields:
            setattr(person, name, getattr(merged, name))
        if both_sides:
            with self._lines_lock:
                self._sync_lines.append(
                    f"{person.name}'s record was changed here and on another machine: "
                    f"{what.text()}."
                )

    def _people_changed_elsewhere(self) -> bool:
        """People whose files a sync tool changed, arrived or removed: taken in. True if
        the people changed."""
        from interview_tui.storage.store import StoreError

        with self._people_lock:
            store = self._people_ready()
            changed, arrived_or_went = store.rescan()
            for other in changed:
                person = store.all().get(other.id)
                if person is None:
                    continue
                self._take_in(person, other, theirs_newer=True)
                if person != other and not self.read_only:
                    with contextlib.suppress(StoreError):  # tried again at the next save
                        self.save_person(person)
        self._store.notices.extend(self._take_people_notices())
        return bool(changed) or arrived_or_went

    def check_folder(self) -> FolderCheck:
        """Look at the data folder again (a sync tool may have changed it): conflict copies
        merged, sessions added, changed or gone brought into the list. Reads files: call it
        from a worker."""
        if self._store.closed:
            return FolderCheck()
        lines = self.merge_conflict_copies()
        people_changed = self._people_changed_elsewhere()
        said = len(self._store.notices)
        changed = self._store.rescan()
        lines += self._store.notices[said:]  # what the look found to say (a misnamed file)
        with self._search_lock:
            self._stale |= changed
        self._calendar_synced(changed)
        with self._lines_lock:
            lines = self._sync_lines + lines
            self._sync_lines = []
        return FolderCheck(bool(changed) or people_changed or bool(lines), tuple(lines))

    def _calendar_synced(self, session_ids: set[str]) -> None:
        """Sessions a sync tool brought, changed or took away: the calendar feed follows
        where what it shows changed (or this run never saw the session)."""
        from interview_tui.storage.store import StoreError

        for session_id in sorted(session_ids):
            row = self._store.summary(session_id)
            key = _key_of_row(row)
            with self._calendar_lock:
                unseen = session_id not in self._calendar_keys
                previous = self._calendar_keys.get(session_id)
                self._calendar_keys[session_id] = key
            if not unseen and key == previous:
                continue
            if row is None:
                self.calendar.removed(session_id)
                continue
            try:
                session = self._store.load(session_id, remember=False)
            except StoreError:  # damaged: set aside and said so by the store
                continue
            self.calendar.changed(session)

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

                self._search = SearchIndexFile(
                    self.root,
                    # Read for the index, not opened: a sync's later change to it is no conflict.
                    lambda session_id: self._store.load(session_id, remember=False),
                    read_only=self.read_only,
                    load_person=self.person,
                )
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

    # -- people ----------------------------------------------------------------------------

    def _people_ready(self) -> PeopleStore:
        """The people store, the folder upgraded to people first if it was not yet."""
        with self._people_lock:
            if self._people_store is not None:
                return self._people_store
            from interview_tui.storage.people_store import PeopleStore
            from interview_tui.storage.people_upgrade import upgrade_to_people
            from interview_tui.storage.store import StoreError

            people = PeopleStore(self.root, read_only=self.read_only)
            try:
                line = upgrade_to_people(self._store, people)
            except (OSError, StoreError) as exc:
                reason = getattr(exc, "strerror", None) or exc
                line = (
                    f"Could not give sessions their people yet ({reason}); nothing was lost, "
                    "and it is tried again at the next start."
                )
                people.forget_cache()
            if line:
                self._store.notices.append(line)
            self._people_store = people
            return people

    def people(self) -> list[Person]:
        """Everyone, by name."""
        from interview_tui.people import name_order

        with self._people_lock:
            store = self._people_ready()
            if not self._lost_people_checked:
                self._lost_people_checked = True
                self._store.notices.extend(self._take_people_notices())
                if not self.read_only:
                    self._rebuild_lost_people()
            people = list(store.all().values())
        self._store.notices.extend(self._take_people_notices())
        return sorted(people, key=lambda p: (name_order(p.name), p.id))

    def _rebuild_lost_people(self) -> None:
        """Make again, from their sessions, anyone whose file could not be read (set aside as
        damaged, or gone): the same id, so introductions and sessions still lead to them."""
        from interview_tui.people import person_from_contact, sync_from_session
        from interview_tui.storage.store import StoreError

        known = self._people_ready().all()
        lost: dict[str, list[str]] = {}
        for row in self.summaries():
            person_id = row.get("person_id")
            if person_id and person_id not in known:
                lost.setdefault(person_id, []).append(row["id"])
        for person_id, session_ids in lost.items():
            sessions = []
            for session_id in session_ids:
                with contextlib.suppress(StoreError):
                    sessions.append(self._store.load(session_id, remember=False))
            if not sessions:
                continue
            sessions.sort(key=lambda session: session.created_at)
            person = person_from_contact(sessions[0].contact)  # as the upgrade made them
            person.id, person.created_at = person_id, sessions[0].created_at
            for session in sessions:
                sync_from_session(person, session)
            try:
                self.save_person(person)
            except StoreError:
                continue  # said by the save's caller next time; the sessions are untouched
            count = f"{len(sessions)} session{'s' if len(sessions) > 1 else ''}"
            self._store.notices.append(
                f"{person.name}'s record could not be read, so it was made again from their "
                f"{count}; what you had written on the person alone is in the file kept aside."
            )

    def _take_people_notices(self) -> list[str]:
        store = self._people_ready()
        notices, store.notices = store.notices, []
        return notices

    def person(self, person_id: str | None) -> Person | None:
        if not person_id:
            return None
        with self._people_lock:
            return self._people_ready().all().get(person_id)

    def save_person(self, person: Person) -> None:
        """Write one person; :class:`StoreError` with one line if the folder refused it."""
        from interview_tui.storage.store import ReadOnlyError, StoreError

        if self.read_only:
            raise ReadOnlyError(f"nothing was saved: {self.read_only_reason}")
        try:
            with self._people_lock:
                store = self._people_ready()
                other = store.changed_on_disk(person.id)
                if other is not None:  # a sync rewrote the file since it was read here
                    self._take_in(person, other, theirs_newer=False)
                store.save(person)
        except OSError as exc:
            raise StoreError(f"could not save {person.name}: {exc.strerror or exc}") from exc
        with self._search_lock:
            index = self._search
        if index is not None and index.ready:
            index.update_person(person)

    def _people_of_snapshot(self, snapshot: SessionSnapshot) -> list[Person]:
        """:meth:`_people_of` for a snapshot (the call and wrap-up screens save those), only
        when what a person takes from it changed: typing notes costs a comparison."""
        from interview_tui.models import Session

        doc = snapshot.document
        known = self._person_ids.get(snapshot.session_id)
        if known and not doc.get("person_id"):  # a screen holding the session from before
            doc["person_id"] = known
        key = _person_key(doc)
        if self._person_keys.get(snapshot.session_id) == key:
            return []
        try:
            session = Session.model_validate(doc)
        except ValueError:
            return []
        people = self._people_of(session)
        doc["person_id"] = session.person_id
        self._person_keys[snapshot.session_id] = _person_key(doc)
        return people

    def _people_of(self, session: Session) -> list[Person]:
        """The session's person, found or made, with what the session says brought in, and
        people it recommended who were reached since: those that changed, to be written
        (outside the people lock: the search index reads people under its own lock)."""
        from interview_tui.people import (
            advance_status,
            find_same,
            person_from_contact,
            sync_from_session,
        )

        changed: list[Person] = []
        with self._people_lock:
            people = self._people_ready().all()
            person = people.get(session.person_id or "")
            created = False
            if person is None:
                person = find_same(people.values(), session.contact, same_name=True)
            if person is None:
                person, created = person_from_contact(session.contact), True
            session.person_id = person.id
            self._person_ids[session.id] = person.id
            if sync_from_session(person, session) or created:
                changed.append(person)
            for referral in session.referrals:
                referred = people.get(referral.person_id or "")
                if referred and referral.contacted and advance_status(referred, "asked"):
                    changed.append(referred)
        return changed

    def sessions_of(self, person_id: str) -> list[SessionSummary]:
        """The person's conversations, newest first."""
        return [row for row in self.summaries() if row.get("person_id") == person_id]

    def refer(self, session: Session, referral: Referral) -> Person:
        """Someone recommended in ``session``: a person to contact, introduced by the
        session's person (an existing person if it is someone already known)."""
        from interview_tui.people import person_for_referral

        introducer = self.person(session.person_id)
        if introducer is None:
            self.save(session)
            introducer = self.person(session.person_id)
        assert introducer is not None
        with self._people_lock:
            people = self._people_ready().all().values()
            person, _new = person_for_referral(referral, introducer, session, people)
        self.save_person(person)
        self.save(session)
        return person

    def log_touch(
        self, person_id: str, on: date, kind: InteractionKind = "logged", line: str = ""
    ) -> Person:
        """Record an interaction with someone (resets their keep-in-touch clock)."""
        from interview_tui.people import log_interaction
        from interview_tui.storage.store import StoreError

        stored = self.person(person_id)
        if stored is None:
            raise StoreError("that person is no longer stored")
        person = stored.model_copy(deep=True)  # the stored one stays as it is if saving fails
        log_interaction(person, on, kind, line)
        self.save_person(person)
        return person

    def import_people(self, cards: list[PersonCard], source: str) -> ImportReport:
        """Add or complete people from an imported file; never overwrites what is stored."""
        from interview_tui.people_import import merge_cards

        with self._people_lock:
            report = merge_cards(list(self._people_ready().all().values()), cards, source)
        for person in report.to_save:  # each takes the lock itself: not held while indexing
            self.save_person(person)
        return report

    def import_invites(self, calls: list[InvitedCall]) -> list[InviteResult]:
        """Calendar invites as scheduled sessions; importing the same invite again updates
        the session it made (its time and length), never a second one."""
        from interview_tui.invite_sessions import session_for_invite

        by_uid = {row["invite_uid"]: row["id"] for row in self.summaries() if row.get("invite_uid")}
        results = []
        for call in calls:
            existing = self.load(by_uid[call.uid]) if call.uid in by_uid else None
            result = session_for_invite(call, existing)
            if result.outcome == "added" and result.session is not None:
                self._contact_from_person(result.session)
            if result.outcome in ("added", "updated") and result.session is not None:
                self.save(result.session)
                by_uid[call.uid] = result.session.id
            results.append(result)
        return results

    def _contact_from_person(self, session: Session) -> None:
        """A new session with someone already known: their company, role… in its contact."""
        from interview_tui.people import find_same

        with self._people_lock:
            person = find_same(self._people_ready().all().values(), session.contact, same_name=True)
        if person is None:
            return
        contact = session.contact
        for name in ("company", "role", "industry", "email", "profile_url", "how_met"):
            if not getattr(contact, name) and getattr(person, name):
                setattr(contact, name, getattr(person, name))
        session.person_id = person.id

    def import_file(self, path: Path) -> ImportOutcome:
        """Import one file by its kind: a calendar invite (``.ics``) as scheduled sessions,
        LinkedIn's ``Connections.csv`` or a vCard as people. A file with a fatal problem
        imports nothing."""
        from interview_tui.people_import import ImportOutcome
        from interview_tui.storage.store import StoreError

        path = Path(path)
        if path.suffix.lower() in (".ics", ".ical", ".ifb"):
            from interview_tui.import_invite import read_invites

            invites = read_invites(path)
            if invites.fatal:
                return ImportOutcome(problems=[invites.fatal], failed=True)
            outcome = ImportOutcome(problems=list(invites.problems))
            try:
                results = self.import_invites(invites.items)
            except StoreError as exc:
                outcome.problems.append(f"{path.name}: {exc}")
                outcome.failed = True
                return outcome
            outcome.lines = [f"{r.outcome}: {r.line}" for r in results]
            return outcome
        from interview_tui.import_files import read_people_file

        cards = read_people_file(path)
        if cards.fatal:
            return ImportOutcome(problems=[cards.fatal], failed=True)
        outcome = ImportOutcome(problems=list(cards.problems))
        try:
            report = self.import_people(cards.items, path.name)
        except StoreError as exc:
            outcome.problems.append(f"{path.name}: {exc}; what was saved before it stays")
            outcome.failed = True
            return outcome
        report.skipped_reading = sum(1 for line in cards.problems if line.endswith("skipped"))
        outcome.lines = [report.summary()]
        outcome.problems += report.skipped
        return outcome
