"""Sessions on disk: one small TinyDB file per session plus an index for the list.

Why one file per session: a single TinyDB file rewrites everything on each save, so an
autosave would cost more with every past session. Here an autosave rewrites one session
(a few KB) and the index is touched only when a list field changes.

Only this module knows TinyDB, documents and schema versions; screens pass domain objects.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from pydantic import ValidationError
from tinydb import TinyDB
from tinydb.table import Document

from interview_tui.locations import (
    EXPORTS_DIR,
    ensure_private_dir,
    folder_problem,
    make_private,
)
from interview_tui.models import SCHEMA_VERSION, Session, first_error
from interview_tui.storage.lock import FolderLock
from interview_tui.storage.people_store import mark_upgraded
from interview_tui.storage.safe_storage import (
    TEMP_SUFFIX,
    DamagedFile,
    UnreadableFile,
    keep_damaged,
    read_json,
)
from interview_tui.storage.session_index import (
    INDEX_FILE,
    SESSIONS_DIR,
    TABLE,
    SessionSummary,
    first_screen_of,
    is_row,
    summarize,
    when_stamp,
)
from interview_tui.storage.tinydb_storage import ListIndexStorage, SafeJSONStorage
from interview_tui.sync_merge import conflict_original

SESSION_TABLE = "session"
FILES_TABLE = "files"
"""In ``index.json`` beside the rows: each session file's (mtime in ns, size) when its row was
made, so a file a sync tool changed (even with an older time) is read again."""

Stamp = tuple[int, int]
WRITER_GRACE_NS = 10 * 10**9
"""How long a session file that does not parse is taken for one still being written."""


def _stamp_of(info: os.stat_result) -> Stamp:
    return (info.st_mtime_ns, info.st_size)


def _stamp(path: Path) -> Stamp | None:
    try:
        return _stamp_of(os.stat(path))
    except OSError:
        return None


class StoreError(Exception):
    """Saving or loading failed in a way the user should hear about."""


class ReadOnlyError(StoreError):
    pass


@dataclass(frozen=True)
class SessionSnapshot:
    """A session as it will be stored, taken at once to be written later (an autosave).

    Cheaper than a deep copy of the model (about a tenth of the time), and later edits to
    the session cannot reach it.
    """

    session_id: str
    document: dict[str, Any]

    @classmethod
    def of(cls, session: Session) -> SessionSnapshot:
        return cls(session.id, session.model_dump(mode="json"))


def _reads_as_session(path: Path) -> bool:
    """Whether ``path`` holds a session this version can open; it is left as it is."""
    try:
        data = read_json(path)
    except DamagedFile:
        return False
    doc = data.get(SESSION_TABLE, {}).get("1") if isinstance(data, dict) else None
    if not isinstance(doc, dict):
        return data is None  # gone: the read that follows drops it
    try:
        Session.model_validate(doc)
    except ValidationError:
        return False
    return True


_FILE_NAME_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
"""An id that makes a plain file name everywhere a sync tool carries it (the app's own are
``20261130-101500-a1b2c3``)."""


def _move_without_overwriting(source: Path, target: Path) -> None:
    """Rename ``source`` to ``target``, which must not exist (a hard link refuses one that
    appeared meanwhile; where links are not supported, a rename after a look)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise
    except OSError:
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(target)) from None
        os.rename(source, target)
        return
    os.unlink(source)


def _open_db(
    path: Path, read_only: bool, storage: type[SafeJSONStorage] = SafeJSONStorage
) -> TinyDB:
    return TinyDB(path, storage=storage, read_only=read_only)


def _writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def _not_writable_error(folder: Path) -> OSError:
    """Why ``folder`` cannot be written: a read-only file system, or permissions."""
    with contextlib.suppress(OSError, AttributeError):
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return OSError(errno.EROFS, os.strerror(errno.EROFS))
    return PermissionError(errno.EACCES, os.strerror(errno.EACCES))


class SessionStore:
    """The sessions in one data folder.

    ``read_only=True`` (the command line's listing and exports) creates, changes and locks
    nothing, and reads a folder that does not exist as an empty one. A writable store makes
    the folder if needed, takes its lock, and falls back to read-only, with a notice, when
    another copy holds the lock or the folder cannot be written.
    """

    def __init__(self, root: Path, *, read_only: bool = False) -> None:
        self.root = Path(root)
        self.sessions_dir = self.root / SESSIONS_DIR
        self.notices: list[str] = []
        self._lock = FolderLock(self.root)
        self._dbs: dict[str, TinyDB] = {}
        self._index: TinyDB | None = None
        self._index_ids: dict[str, int] = {}
        self._summaries: dict[str, SessionSummary] = {}
        self._skipped: dict[Path, UnreadableFile] = {}
        self._left_out: dict[Path, str] = {}
        """Session files that could not be read this run, and what was said about each."""
        self.read_only_reason = "opened read-only"
        """Why nothing can be saved here, for the person: another copy, or the folder."""
        self._index_writable = True
        self._stamps: dict[str, Stamp] = {}
        """Each listed session file as its row was made from it (see :data:`FILES_TABLE`)."""
        self._not_yet_told: set[str] = set()
        """Sessions the first read of the list found added, changed or gone since the last
        run: :meth:`rescan` reports them once (the calendar feed follows them)."""
        self._stamps_dirty = False
        self._known: dict[str, Stamp] = {}
        """Each session file as this run last loaded or wrote it: a save that finds it
        otherwise knows someone else (a sync tool) changed it meanwhile."""
        self._closed = False
        self._mutex = threading.RLock()
        """Rows, stamps and files: the folder check runs in a worker beside autosaves."""
        problem = folder_problem(self.root)
        if problem:
            raise StoreError(
                f"Cannot open the data folder {self.root}: it {problem}. Fix or remove it, "
                "or choose another folder with --data-dir."
            )
        self.read_only = read_only or not self._open_for_writing()
        if not self.read_only:
            self._remove_stale_temp_files()

    # -- locking -------------------------------------------------------------------------

    def _open_for_writing(self) -> bool:
        """Make the folders and take the lock; False (and a notice) where that cannot be."""
        try:
            fresh = not os.path.lexists(self.sessions_dir)
            ensure_private_dir(self.sessions_dir)
            if fresh:  # a new folder has no sessions from before people to upgrade
                mark_upgraded(self.root)
            if not (_writable(self.root) and _writable(self.sessions_dir)):
                raise _not_writable_error(self.root)
            make_private(self.root)
            make_private(self.sessions_dir)
            taken = self._lock.acquire()
        except OSError as exc:
            self.read_only_reason = f"the data folder cannot be written ({exc.strerror or exc})"
            self.notices.append(
                f"Cannot write to {self.root} ({exc.strerror or exc}); opened read-only: "
                "sessions can be opened and read, but nothing is saved."
            )
            return False
        if not taken:
            self.read_only_reason = "another copy of interview-tui has this data folder open"
            self.notices.append(
                f"Another copy of interview-tui is using {self.root}; opened read-only."
            )
        return taken

    def _remove_stale_temp_files(self) -> None:
        """Delete temp files of writes that a crash cut short, exports' too (we hold the lock)."""
        for folder in (self.root, self.sessions_dir, self.root / EXPORTS_DIR):
            try:
                names = os.listdir(folder)
            except OSError:  # no exports yet
                continue
            for name in names:
                if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                    with contextlib.suppress(OSError):
                        os.unlink(folder / name)

    def close_session_files(self) -> None:
        """Forget what was read or written of each session file (they changed on disk)."""
        for db in self._dbs.values():
            db.close()
        self._dbs.clear()

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        with self._mutex:
            self._closed = True
            self.close_session_files()
            with contextlib.suppress(OSError):
                self._write_stamps()
            if self._index is not None:
                self._index.close()
                self._index = None
            self._lock.release()

    # -- damaged files -------------------------------------------------------------------

    def _set_aside(self, path: Path, reason: str) -> Path:
        """Keep a damaged file under a new name so nothing overwrites it; tell the user."""
        if self.read_only:
            if path not in self._left_out:  # said once, though every look reads it again
                self._notice_left_out(
                    path, f"{path} is damaged ({reason}); left as it is (read-only)."
                )
            return path
        kept = keep_damaged(path)
        self._notice_left_out(path, f"{path.name} was damaged ({reason}); kept as {kept}.")
        return kept

    def _notice_left_out(self, path: Path, notice: str) -> None:
        self.notices.append(notice)
        if path.parent == self.sessions_dir:
            self._left_out[path] = notice

    def _skip(self, problem: UnreadableFile) -> None:
        """Name, once, something that is not a readable file where one should be (a folder,
        a link to nothing, a file we may not read). It is not ours to move: it stays."""
        if problem.path not in self._skipped:
            notice = f"Skipped {problem.path}: it {problem.reason}; {problem.advice}."
            self._notice_left_out(problem.path, notice)
        self._skipped[problem.path] = problem

    # -- index ---------------------------------------------------------------------------

    def _session_path(self, session_id: str) -> Path:
        if not session_id or "/" in session_id or session_id.startswith("."):
            raise StoreError(f"not a session id: {session_id!r}")
        return self.sessions_dir / f"{session_id}.json"

    def _index_db(self) -> TinyDB:
        if self._index is not None:
            return self._index
        path = self.root / INDEX_FILE
        reason = "wrong shape"
        try:
            data = read_json(path)
        except DamagedFile as exc:
            data, reason = None, exc.reason
        except UnreadableFile as exc:  # a folder, say: the list is rebuilt but never written
            self._skip(exc)
            data, self._index_writable = {}, False
        stored = data.get(TABLE) if isinstance(data, dict) else None
        if not isinstance(stored, dict) and path.exists() and self._index_writable:
            self._set_aside(path, reason)
        writing = self._index_writable and not self.read_only
        self._index = _open_db(path, not writing, ListIndexStorage)
        storage = self._index.storage
        if isinstance(storage, SafeJSONStorage):
            # Parsed once, for the list and for TinyDB; nothing to read when it is unusable.
            if isinstance(stored, dict):
                storage.prime(data)
            elif not self._index_writable:
                storage.prime({})
        table = self._index.table(TABLE)
        files = data.get(FILES_TABLE) if isinstance(data, dict) else None
        stamps = files.get("1", {}).get("stamps") if isinstance(files, dict) else None
        if isinstance(stamps, dict) and isinstance(stored, dict):
            self._stamps = {
                key: (value[0], value[1])
                for key, value in stamps.items()
                if isinstance(value, list) and len(value) == 2
            }
        if not isinstance(stored, dict):
            rows = self._rebuild_rows()
            if writing:
                table.truncate()
                table.insert_multiple(rows)
            self._summaries = {row["id"]: row for row in rows}
            self._index_ids = {doc["id"]: doc.doc_id for doc in table.all()} if writing else {}
        else:
            nameless = []
            for doc_id, row in stored.items():
                row_id = row.get("id") if isinstance(row, dict) else None
                if not doc_id.isdigit():
                    continue
                if not isinstance(row_id, str) or not row_id:
                    nameless.append(int(doc_id))  # no session to make it again from
                    continue
                self._index_ids[row_id] = int(doc_id)
                if is_row(row):  # else made again from its session file, just below
                    self._summaries[row_id] = cast(SessionSummary, dict(row))
            if nameless and writing:
                with contextlib.suppress(OSError):  # dropped at the next open instead
                    table.remove(doc_ids=nameless)
            self._reconcile_index()
        with contextlib.suppress(OSError):  # read again at the next open, that is all
            self._write_stamps()
            if writing:
                self._write_first_screen(storage)
        return self._index

    def _write_first_screen(self, storage: object) -> None:
        """Write the index again if its first screen is missing (an older version wrote the
        file) or not what its rows give (one wrote to it since): the next start shows it."""
        if not isinstance(storage, ListIndexStorage):
            return
        if storage.first_screen != first_screen_of(self._summaries.values()):
            storage.write(storage.read() or {})

    def _write_stamps(self) -> None:
        if not self._stamps_dirty or not self._writes_index() or self._index is None:
            return
        stamps = {key: list(value) for key, value in sorted(self._stamps.items())}
        self._index.table(FILES_TABLE).upsert(Document({"stamps": stamps}, doc_id=1))
        self._stamps_dirty = False

    def _misnamed(self, path: Path, doc: dict[str, Any]) -> None:
        """A session file named other than the session it holds (a sync tool's numbered copy
        whose original is gone, a file renamed by hand): given its own name when that is
        free and the id makes a plain file name, and listed with the next look; else left
        out, and said once."""
        if path in self._left_out:
            return
        held = doc.get("id")
        if not isinstance(held, str) or not _FILE_NAME_ID.fullmatch(held):
            shown = repr(held)[:40] if held not in (None, "") else "none"
            why = f"a session whose id ({shown}) cannot be a file name"
        else:
            target = self.sessions_dir / f"{held}.json"
            if os.path.lexists(target):
                why = f"the session {held}, which has a file of its own (another copy of it?)"
            elif self.read_only:
                why = f"the session {held}, which has no file of its own (nothing is renamed here)"
            else:
                try:
                    _move_without_overwriting(path, target)
                except OSError as exc:
                    why = f"the session {held}, and could not be renamed ({exc.strerror or exc})"
                else:
                    self.notices.append(
                        f"{path.name} held the session {held}, which had no file of its own: it "
                        f"is {target.name} now."
                    )
                    return
        self._notice_left_out(
            path,
            f"{path.name} holds {why}: it is left out of the list; open it and merge by hand, "
            f"or move it out of {path.parent}.",
        )

    def _set_stamp(self, session_id: str, stamp: Stamp | None) -> None:
        if stamp is None:
            if self._stamps.pop(session_id, None) is not None:
                self._stamps_dirty = True
        elif self._stamps.get(session_id) != stamp:
            self._stamps[session_id] = stamp
            self._stamps_dirty = True

    def _reconcile_index(self) -> None:
        """Make the index list exactly the session files.

        A new session is written before its index entry, and a deleted one is removed
        before its entry, so a crash in between would hide a session or list a ghost.
        """
        stamps = self._session_stamps()
        if stamps is not None:
            self._not_yet_told |= self._refresh(stamps)

    def _refresh(self, stamps: dict[str, Stamp], *, wait_for_writers: bool = False) -> set[str]:
        """Bring the rows up to the session files: read the new and the changed (their size
        or time differs from when the row was made), drop the gone. The ids read again or
        dropped. A listed file that no longer reads as a session keeps its row (opening it
        sets it aside and says so); with ``wait_for_writers`` a new one changed in the last
        seconds that does not read is looked at next time (a sync tool may still be writing
        it in place)."""
        changed: set[str] = set()
        now = time.time_ns()
        for session_id in sorted(stamps):
            if session_id in self._summaries and self._stamps.get(session_id) == stamps[session_id]:
                continue
            path = self.sessions_dir / f"{session_id}.json"
            if session_id in self._summaries:
                if not _reads_as_session(path):
                    continue  # listed as it was: opening it says what is wrong
            elif wait_for_writers and now - stamps[session_id][0] < WRITER_GRACE_NS:
                with contextlib.suppress(UnreadableFile):  # said by the read below
                    if not _reads_as_session(path):
                        continue  # perhaps still being written: looked at next time
            summary = self._row_from_file(path, session_id)
            if summary is None:
                if session_id in self._summaries and not os.path.isfile(path):
                    self._forget(session_id)  # gone, or set aside as damaged
                    changed.add(session_id)
                continue
            self._set_stamp(session_id, stamps[session_id])
            changed.add(session_id)  # its notes may have changed if its row did not
            if self._summaries.get(session_id) == summary:
                continue
            if not self.read_only and self._index_writable:
                with contextlib.suppress(OSError):  # still listed; written with the next save
                    self._update_index(summary)
            self._summaries[session_id] = summary
        # The gone, and rows of the wrong shape whose file is gone too (never listed).
        for session_id in sorted((self._summaries.keys() | self._index_ids.keys()) - stamps.keys()):
            changed.add(session_id)
            self._set_stamp(session_id, None)
            self._summaries.pop(session_id, None)
            doc_id = self._index_ids.pop(session_id, None)
            if doc_id is not None and self._writes_index() and self._index is not None:
                with contextlib.suppress(OSError):
                    self._index.table(TABLE).remove(doc_ids=[doc_id])
        return changed

    def rescan(self) -> set[str]:
        """Look at the session files again (a sync tool may have added, changed or removed
        some): one ``stat`` each, a read only for what changed. The ids read again or gone,
        here or when the list was first read (while the app was closed)."""
        with self._mutex:
            if self._closed:  # a last look from a worker as the app quits
                return set()
            self._index_db()
            stamps = self._session_stamps()
            if stamps is None:
                return set()
            changed = self._refresh(stamps, wait_for_writers=True)
            with contextlib.suppress(OSError):
                self._write_stamps()
            changed |= self._not_yet_told
            self._not_yet_told = set()
            return changed

    def _writes_index(self) -> bool:
        return not self.read_only and self._index_writable

    def _session_stamps(self) -> dict[str, Stamp] | None:
        """The ids of the session files and their stamps; anything else named like one (a
        folder, a link to nothing or to itself, a pipe) is named in a notice and left out,
        and a sync tool's conflict copy is left for :mod:`interview_tui.storage.conflict_copies`.
        None when the folder cannot be listed: then no session may be taken for gone."""
        try:
            with os.scandir(self.sessions_dir) as listing:
                entries = list(listing)
        except FileNotFoundError:  # a read-only look at a folder that has no sessions yet
            return {}
        except OSError as exc:
            notice = f"Cannot list {self.sessions_dir}: {exc.strerror or exc}."
            if notice not in self.notices:  # said once, not at every look
                self.notices.append(notice)
            return None
        ids: dict[str, Stamp] = {}
        names = {entry.name for entry in entries}
        for entry in entries:
            name = entry.name
            if not name.endswith(".json") or name.startswith("."):
                continue
            if conflict_original(name, names) is not None:
                continue
            try:
                stamp = _stamp_of(entry.stat()) if entry.is_file() else None
            except FileNotFoundError:
                continue  # gone since it was listed
            except OSError:
                stamp = None  # a link that loops, say: the read below names it
            if stamp is not None:
                ids[name[: -len(".json")]] = stamp
            else:
                self._read_document(Path(entry.path))  # says what it is instead
        return ids

    def _rebuild_rows(self) -> list[SessionSummary]:
        rows = []
        for session_id, stamp in sorted((self._session_stamps() or {}).items()):
            row = self._row_from_file(self.sessions_dir / f"{session_id}.json", session_id)
            if row is not None:
                rows.append(row)
                self._set_stamp(session_id, stamp)
        return rows

    def _row_from_file(self, path: Path, session_id: str) -> SessionSummary | None:
        """The list row of the session file ``path``; None when it is gone or holds another
        session (:meth:`_misnamed`), or is set aside (and said) as not a session of ours."""
        doc = self._read_document(path)
        if doc is None:
            return None
        if doc.get("id") != session_id:
            self._misnamed(path, doc)
            return None
        try:  # the list shows only a session that opens, as the app would write it
            session = Session.model_validate(doc)
        except ValidationError as exc:
            self._set_aside(path, first_error(exc))
            return None
        return summarize(session.model_dump(mode="json"))

    def _read_document(self, path: Path) -> dict[str, Any] | None:
        try:
            data = read_json(path)
        except DamagedFile as exc:
            self._set_aside(path, exc.reason)
            return None
        except UnreadableFile as exc:
            self._skip(exc)
            return None
        if data is None:  # gone since it was listed
            return None
        doc = (data or {}).get(SESSION_TABLE, {}).get("1") if isinstance(data, dict) else None
        if not isinstance(doc, dict) or "id" not in doc:
            self._set_aside(path, "wrong shape")
            return None
        return doc

    def summaries(self) -> list[SessionSummary]:
        """Every session's list fields, newest first."""
        with self._mutex:
            self._index_db()
            rows = list(self._summaries.values())
        return sorted(rows, key=when_stamp, reverse=True)

    def summary(self, session_id: str) -> SessionSummary | None:
        """One session's list fields as last indexed, or None if it is not listed."""
        with self._mutex:
            self._index_db()
            return self._summaries.get(session_id)

    def _update_index(self, summary: SessionSummary) -> None:
        db = self._index_db()
        if self._summaries.get(summary["id"]) == summary:
            return
        if not self._index_writable:  # listed for now; the index file cannot be written
            self._summaries[summary["id"]] = summary
            return
        table = db.table(TABLE)
        doc_id = self._index_ids.get(summary["id"])
        if doc_id is None:
            self._index_ids[summary["id"]] = table.insert(summary)
        else:
            table.upsert(Document(summary, doc_id=doc_id))
        self._summaries[summary["id"]] = summary

    # -- sessions ------------------------------------------------------------------------

    def _session_db(self, session_id: str) -> TinyDB:
        db = self._dbs.get(session_id)
        if db is None:
            db = _open_db(self._session_path(session_id), self.read_only)
            self._dbs[session_id] = db
        return db

    def load(self, session_id: str, *, remember: bool = True) -> Session:
        """The stored session; ``remember=False`` for a look that will not be saved back
        (search, exports), which leaves alone what :meth:`changed_on_disk` compares with."""
        with self._mutex:
            return self._load(session_id, remember)

    def changed_on_disk(self, session_id: str) -> dict[str, Any] | None:
        """The session as its file now holds it, if someone else (a sync tool) rewrote the
        file since this run loaded or saved it; else None."""
        with self._mutex:
            known = self._known.get(session_id)
            path = self._session_path(session_id)
            if known is None or _stamp(path) in (known, None):
                return None
            try:
                data = read_json(path)
            except (DamagedFile, UnreadableFile):
                return None  # the save that follows sets it aside and says so
            doc = data.get(SESSION_TABLE, {}).get("1") if isinstance(data, dict) else None
            return doc if isinstance(doc, dict) else None

    def _load(self, session_id: str, remember: bool) -> Session:
        path = self._session_path(session_id)
        stamp = _stamp(path)
        if not os.path.lexists(path):
            raise StoreError(f"no session {session_id!r} in {self.sessions_dir}")
        noticed = len(self.notices)
        doc = self._read_document(path)
        if doc is None:
            self._forget(session_id)
            if path in self._skipped:
                problem = self._skipped[path]
                raise StoreError(f"Cannot open {path}: it {problem.reason}; {problem.advice}.")
            if len(self.notices) == noticed:
                raise StoreError(f"no session {session_id!r} in {self.sessions_dir}")
            raise StoreError(f"session {session_id} was damaged; {self.notices[-1]}")
        try:
            session = Session.model_validate(doc)
        except ValidationError as exc:
            kept = self._set_aside(path, first_error(exc))
            self._dbs.pop(session_id, None)
            self._forget(session_id)
            where = f"kept as {kept}" if kept != path else "left as it is (read-only)"
            raise StoreError(f"session {session_id} could not be read; {where}") from None
        if stamp is not None and remember:
            self._known[session_id] = stamp
        return session

    def save(self, session: Session | SessionSnapshot, *, update_index: bool = True) -> None:
        """Write the session crash-safely; ``update_index=False`` for cheap autosaves."""
        if self.read_only:
            raise ReadOnlyError("this data folder is open in another copy; nothing was saved")
        with self._mutex:
            self._save(session, update_index)

    def _save(self, session: Session | SessionSnapshot, update_index: bool) -> None:
        snapshot = session if isinstance(session, SessionSnapshot) else SessionSnapshot.of(session)
        doc = snapshot.document
        doc["schema_version"] = SCHEMA_VERSION
        try:
            table = self._session_db(snapshot.session_id).table(SESSION_TABLE)
            # Not ``upsert``: for a new file TinyDB would first write an empty table, and a
            # crash between its two writes would leave a session file with no session.
            if table.contains(doc_id=1):
                table.update(doc, doc_ids=[1])
            else:
                table.insert(Document(doc, doc_id=1))
            if update_index:
                self._update_index(summarize(doc))
            stamp = _stamp(self._session_path(snapshot.session_id))
            if stamp is not None:
                self._known[snapshot.session_id] = stamp
                self._set_stamp(snapshot.session_id, stamp)  # ours: not to be read again
        except DamagedFile as exc:
            self._dbs.pop(snapshot.session_id, None)
            self._set_aside(exc.path, exc.reason)
            self._save(snapshot, update_index)
        except OSError as exc:
            self._dbs.pop(snapshot.session_id, None)
            raise StoreError(f"could not save: {exc.strerror or exc}") from exc

    def delete(self, session_id: str) -> None:
        if self.read_only:
            raise ReadOnlyError("read-only")
        with self._mutex:
            db = self._dbs.pop(session_id, None)
            if db is not None:
                db.close()
            self._session_path(session_id).unlink(missing_ok=True)
            self._forget(session_id)
            self._known.pop(session_id, None)
            self._set_stamp(session_id, None)

    def _forget(self, session_id: str) -> None:
        """Take a session off the list: deleted, or its file was set aside as damaged."""
        self._index_db()
        doc_id = self._index_ids.pop(session_id, None)
        self._summaries.pop(session_id, None)
        if doc_id is not None and self._index is not None and not self.read_only:
            with contextlib.suppress(OSError):  # a stale entry is dropped at the next open
                self._index.table(TABLE).remove(doc_ids=[doc_id])

    def iter_sessions(self) -> Iterator[Session]:
        """Every readable session, skipping (and reporting) damaged ones."""
        for summary in self.summaries():
            with contextlib.suppress(StoreError):
                yield self.load(summary["id"], remember=False)

    def load_all(self) -> tuple[list[Session], list[str]]:
        """Every readable session, and one line for each that could not be read (exports
        say what they left out)."""
        sessions: list[Session] = []
        skipped: list[str] = []
        for summary in self.summaries():
            try:
                sessions.append(self.load(summary["id"], remember=False))
            except StoreError as exc:
                if self._session_path(summary["id"]) not in self._left_out:
                    skipped.append(str(exc))
        # Damaged or unreadable entries, whether found now or when the list was read.
        return sessions, [*skipped, *self._left_out.values()]
