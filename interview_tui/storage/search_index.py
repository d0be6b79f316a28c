"""The search index: SQLite FTS5 in ``<data folder>/search.sqlite3``, derived from the
session files and rebuilt from them whenever it cannot be used. It is never the record.

One FTS row per searchable field (:func:`interview_tui.search.session_fields`); a plain
table holds, per session, who and when for the hits, the rowids of its fields, and the
session file's modification time, size and inode as they were when it was indexed. Opening
the index compares those with the files on disk and re-indexes only what differs, so the
first search of a run costs a directory listing, not a rebuild, and a file changed behind
the app's back is picked up.

A missing, damaged or older-version file is replaced by a fresh build; a locked one is left
alone and a fresh build made elsewhere. A read-only workspace never writes into the folder:
it copies a usable index to a private temp file (or builds one there) and brings the copy up
to date. The connection is shared between threads (the UI builds from a worker, autosaves
come from another) and every use holds one lock.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
import threading
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

from interview_tui.models import Session
from interview_tui.person import Person
from interview_tui.search import (
    COLUMN_WEIGHTS,
    FIELDS_VERSION,
    PERSON_PREFIX,
    Field,
    Hit,
    hit_line,
    is_prefix,
    person_fields,
    person_key,
    person_of_key,
    query_words,
    session_date,
    session_fields,
)
from interview_tui.storage.people_store import PEOPLE_DIR
from interview_tui.storage.safe_storage import PRIVATE_FILE
from interview_tui.storage.session_index import SESSIONS_DIR

INDEX_FILE = "search.sqlite3"
_LAYOUT_VERSION = 1
INDEX_VERSION = _LAYOUT_VERSION * 1000 + FIELDS_VERSION
"""Stored as ``PRAGMA user_version``; any other value means: rebuild."""
_COMMIT_EVERY = 1000
"""Sessions per transaction while (re)indexing many: an interrupted build keeps its work."""

_PROGRESS_EVERY = 100

Progress = Callable[[int, int], None]
"""Called with (sessions indexed, sessions to index) while many are indexed."""
Stamp = tuple[int, int, int]
"""(modification time in ns, size, inode) of a session file."""

# ``prefix``: words of one to three letters, typed on the way to a longer one, have their
# own index, so a query for "s" needs no merge of every word starting with it. ``hashsize``:
# a rebuild flushes 16 MB of index at a time rather than 1 MB (a third less build time).
_SCHEMA = f"""
CREATE VIRTUAL TABLE field USING fts5(
    who, question, body, session_id UNINDEXED, kind UNINDEXED, place UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO field(field, rank) VALUES (
    'rank', 'bm25({COLUMN_WEIGHTS["who"]}, {COLUMN_WEIGHTS["question"]}, {COLUMN_WEIGHTS["body"]})'
);
INSERT INTO field(field, rank) VALUES ('hashsize', 16777216);
CREATE TABLE session (
    id TEXT PRIMARY KEY, contact TEXT NOT NULL, day TEXT,
    first INTEGER NOT NULL, last INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL, size INTEGER NOT NULL, ino INTEGER NOT NULL
) WITHOUT ROWID;
PRAGMA user_version = {INDEX_VERSION};
"""

RANKED_AT_MOST = 1000
"""bm25 scores every match, and for a letter or a very common word (typed on the way to a
longer one) that is most of the index: a query matching more fields than this takes its
newest this many matches and every person matching, the person first, then questions,
then the rest, newest first within each. Every query then stays within milliseconds at
thousands of sessions."""
_NEWEST = "SELECT rowid, kind FROM field WHERE field MATCH ? ORDER BY rowid DESC LIMIT ?"
_COLUMNS = "m.session_id, s.contact, s.day, m.kind, m.place, m.who, m.question, m.body"
_RANKED = f"""
SELECT {_COLUMNS} FROM (
    SELECT session_id, kind, place, who, question, body, rank FROM field
    WHERE field MATCH ? ORDER BY rank LIMIT ?
) AS m JOIN session AS s ON s.id = m.session_id
ORDER BY m.rank
"""
_BY_ROWID = f"""
SELECT m.rowid, {_COLUMNS} FROM field AS m JOIN session AS s ON s.id = m.session_id
WHERE m.rowid IN (SELECT value FROM json_each(?))
"""
_KIND_WEIGHT = {"person": COLUMN_WEIGHTS["who"], "question": COLUMN_WEIGHTS["question"]}


def match_expression(query: str) -> str:
    """``query`` as an FTS5 expression: each word a quoted string (so ``"``, ``*``, ``-``,
    ``:``, ``(``, ``^`` or ``NEAR`` typed by a person are text, never syntax) matching the
    start of a word (unless it ends in a sign: ``c++``); all words must match. Empty when
    nothing in ``query`` can match."""
    return " ".join(
        '"' + word.replace('"', '""') + ('"*' if is_prefix(word) else '"')
        for word in query_words(query)
    )


def _is_busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED")


class SearchIndexFile:
    """The search index of one data folder (see the module's docstring)."""

    def __init__(
        self,
        root: Path,
        load: Callable[[str], Session],
        *,
        read_only: bool,
        load_person: Callable[[str], Person | None] | None = None,
    ) -> None:
        self.path = Path(root) / INDEX_FILE
        self.sessions_dir = Path(root) / SESSIONS_DIR
        self.people_dir = Path(root) / PEOPLE_DIR
        self._load = load
        self._load_person = load_person
        self._read_only = read_only
        self._lock = threading.RLock()
        self._db: sqlite3.Connection | None = None
        self._next_rowid = 1
        self._closing = False
        self.ready = False
        """Open and brought up to date once; searching needs no more than the query."""
        self.elsewhere = False
        """The folder's file could not be used (or may not be written): a copy elsewhere."""
        self._scratch_path: Path | None = None

    # -- opening ---------------------------------------------------------------------------

    def open(self, progress: Progress | None = None) -> None:
        """Open the index (rebuilding it if it cannot be used) and bring it up to date with
        the session files. Seconds when thousands need indexing: call it from a worker."""
        with self._lock:
            for attempt in range(3):
                try:
                    self._sync(progress)
                    break
                except sqlite3.Error as exc:  # damaged past its header, or locked mid-way
                    self._discard(damaged=not _is_busy(exc))
                    if attempt == 1:  # the file failed twice: an index elsewhere
                        self._db = self._fresh_scratch()
            self.ready = True

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open_copy() if self._read_only else self._open_file()
        return self._db

    def _open_file(self) -> sqlite3.Connection:
        """The folder's index file, made or replaced when it cannot be used; a fresh index
        elsewhere when even that fails (a folder in its place, say, or locked by another)."""
        for attempt in range(2):
            db: sqlite3.Connection | None = None
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
                os.close(fd)
                with contextlib.suppress(OSError):
                    os.chmod(self.path, PRIVATE_FILE)
                db = sqlite3.connect(
                    self.path, timeout=2.0, isolation_level=None, check_same_thread=False
                )
                if self._prepare(db):
                    db.execute("PRAGMA journal_mode = WAL")
                    db.execute("PRAGMA synchronous = NORMAL")
                    return db
            except sqlite3.Error as exc:
                if _is_busy(exc) or attempt:
                    break
            except OSError:
                break
            if db is not None:
                db.close()
            self._remove_files()
        if db is not None:
            db.close()
        return self._fresh_scratch()

    def _prepare(self, db: sqlite3.Connection) -> bool:
        """Make the tables in a new file; False when the file holds something else (an
        older version, another program's tables): it is then removed and made again."""
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if version == INDEX_VERSION:
            self._next_rowid = self._max_rowid(db) + 1
            return True
        if version == 0 and tables == 0:
            db.executescript(_SCHEMA)
            self._next_rowid = 1
            return True
        return False

    @staticmethod
    def _max_rowid(db: sqlite3.Connection) -> int:
        return int(db.execute("SELECT coalesce(max(last), 0) FROM session").fetchone()[0])

    def _open_copy(self) -> sqlite3.Connection:
        """A private copy of the folder's index if it is usable, else a fresh one (both
        outside the folder: see :meth:`_scratch`)."""
        try:
            source = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=2.0)
            try:
                if source.execute("PRAGMA user_version").fetchone()[0] == INDEX_VERSION:
                    db = self._scratch()
                    source.backup(db)
                    self._next_rowid = self._max_rowid(db) + 1
                    return db
            finally:
                source.close()
        except sqlite3.Error:
            pass
        return self._fresh_scratch()

    def _fresh_scratch(self) -> sqlite3.Connection:
        db = self._scratch()
        db.executescript(_SCHEMA)
        self._next_rowid = 1
        return db

    def _scratch(self) -> sqlite3.Connection:
        """An empty database for an index that may not live in the folder: a private temp
        file (removed on close), or memory if there is no temp folder to write. A file
        rather than memory: thousands of sessions' index is over 100 MB."""
        self.elsewhere = True
        self._remove_scratch()
        try:
            fd, name = tempfile.mkstemp(prefix="interview-tui-search-", suffix=".sqlite3")
            os.close(fd)
            self._scratch_path = Path(name)
            db = sqlite3.connect(name, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            return db
        except (OSError, sqlite3.Error):
            self._remove_scratch()
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)

    def _remove_scratch(self) -> None:
        if self._scratch_path is not None:
            with contextlib.suppress(OSError):
                self._scratch_path.unlink()
            self._scratch_path = None

    def _discard(self, *, damaged: bool) -> None:
        """Drop the connection, and the file when it is damaged: the next use starts over
        (elsewhere when the file is locked by another program)."""
        self.ready = False
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
        self._remove_scratch()
        if self._read_only or not damaged:
            self._db = self._fresh_scratch()
        elif not self.elsewhere:
            self._remove_files()

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            path = self.path.with_name(self.path.name + suffix)
            with contextlib.suppress(OSError):
                if path.is_file() or path.is_symlink():
                    path.unlink()

    def _failed(self, exc: sqlite3.Error) -> None:
        """After an error while open: a damaged index is dropped, to be built again at the
        next open. Busy (another program reading it) or a query FTS5 refused: nothing to
        mend (a change missed is caught at the next open, by the file's stamp)."""
        if not (_is_busy(exc) or str(exc).startswith("fts5:")):
            self._discard(damaged=True)

    def close(self) -> None:
        self._closing = True  # a build in a worker stops at its next session
        with self._lock:
            if self._db is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._db.close()
                self._db = None
            self._remove_scratch()
            self.ready = False

    # -- keeping it current ----------------------------------------------------------------

    def _files(self) -> dict[str, Stamp]:
        """Every session file's id and stamp, and every person file's (``@`` and its id)."""
        found: dict[str, Stamp] = {}
        folders = [(self.sessions_dir, "")]
        if self._load_person is not None:
            folders.append((self.people_dir, PERSON_PREFIX))
        for folder, prefix in folders:
            try:
                with os.scandir(folder) as entries:
                    for entry in entries:
                        name = entry.name
                        if name.endswith(".json") and not name.startswith("."):
                            with contextlib.suppress(OSError):
                                if entry.is_file():
                                    info = entry.stat()
                                    found[prefix + name[: -len(".json")]] = (
                                        info.st_mtime_ns,
                                        info.st_size,
                                        info.st_ino,
                                    )
            except OSError:  # no such folder (yet): nothing to index
                pass
        return found

    def _stamp(self, key: str) -> Stamp | None:
        person_id = person_of_key(key)
        path = (
            self.people_dir / f"{person_id}.json"
            if person_id is not None
            else self.sessions_dir / f"{key}.json"
        )
        try:
            info = os.stat(path)
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size, info.st_ino)

    def _sync(self, progress: Progress | None) -> None:
        """Re-index the sessions whose files changed, drop those whose files are gone."""
        db = self._connection()
        on_disk = self._files()
        known: dict[str, Stamp] = {
            row[0]: (row[1], row[2], row[3])
            for row in db.execute("SELECT id, mtime_ns, size, ino FROM session")
        }
        gone = sorted(known.keys() - on_disk.keys())
        changed = sorted(
            (sid for sid, stamp in on_disk.items() if known.get(sid) != stamp),
            # Oldest first (session ids start with their creation time): newer ones get
            # later rowids, which the newest-first order of very common words goes by.
            key=lambda sid: (on_disk[sid][0], sid),
        )
        db.execute("BEGIN")
        try:
            for session_id in gone:
                self._delete(db, session_id)
            for done, session_id in enumerate(changed, 1):
                if self._closing:
                    break  # what is committed stays; the next open does the rest
                self._reindex(db, session_id, on_disk[session_id])
                if done % _COMMIT_EVERY == 0:
                    db.execute("COMMIT")
                    db.execute("BEGIN")
                if progress is not None and done % _PROGRESS_EVERY == 0:
                    progress(done, len(changed))
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
        if progress is not None and changed:
            progress(len(changed), len(changed))

    def _reindex(self, db: sqlite3.Connection, key: str, stamp: Stamp | None) -> None:
        from interview_tui.storage.store import StoreError

        person_id = person_of_key(key)
        if person_id is not None:
            person = self._load_person(person_id) if self._load_person else None
            if person is None:
                self._delete(db, key)
            else:
                self._write_person(db, person, stamp)
            return
        try:
            session = self._load(key)
        except StoreError:  # damaged: the store set it aside and said so
            self._delete(db, key)
            return
        self._write(db, session, stamp)

    def _write(self, db: sqlite3.Connection, session: Session, stamp: Stamp | None) -> None:
        day = session_date(session)
        iso = day.isoformat() if day else None
        fields = session_fields(session)
        self._write_fields(db, session.id, session.contact.name, iso, fields, stamp)

    def _write_person(self, db: sqlite3.Connection, person: Person, stamp: Stamp | None) -> None:
        key = person_key(person.id)
        self._write_fields(db, key, person.name, None, person_fields(person), stamp)

    def _write_fields(
        self,
        db: sqlite3.Connection,
        key: str,
        contact: str,
        day: str | None,
        fields: list[Field],
        stamp: Stamp | None,
    ) -> None:
        self._delete(db, key)
        first = self._next_rowid
        self._next_rowid += len(fields)
        db.executemany(
            "INSERT INTO field(rowid, who, question, body, session_id, kind, place) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    first + n,
                    field.text if field.column == "who" else None,
                    field.text if field.column == "question" else None,
                    field.text if field.column == "body" else None,
                    key,
                    field.kind,
                    field.where,
                )
                for n, field in enumerate(fields)
            ],
        )
        mtime, size, ino = stamp or (0, -1, 0)  # no file: re-indexed at the next open
        db.execute(
            "INSERT INTO session VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, contact, day, first, first + len(fields) - 1, mtime, size, ino),
        )

    @staticmethod
    def _delete(db: sqlite3.Connection, session_id: str) -> None:
        row = db.execute("SELECT first, last FROM session WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            return
        if row[1] >= row[0]:
            db.execute("DELETE FROM field WHERE rowid BETWEEN ? AND ?", row)
        db.execute("DELETE FROM session WHERE id = ?", (session_id,))

    def update(self, session: Session) -> None:
        """Index ``session`` as just saved to its file (replacing what was there)."""
        self._change(lambda db: self._write(db, session, self._stamp(session.id)))

    def update_person(self, person: Person) -> None:
        """Index ``person`` as just saved to its file."""
        key = person_key(person.id)
        self._change(lambda db: self._write_person(db, person, self._stamp(key)))

    def refresh(self, session_ids: Iterable[str]) -> None:
        """Re-index these sessions from their files where the files changed (autosaves)."""

        def apply(db: sqlite3.Connection) -> None:
            for session_id in session_ids:
                stamp = self._stamp(session_id)
                row = db.execute(
                    "SELECT mtime_ns, size, ino FROM session WHERE id = ?", (session_id,)
                ).fetchone()
                if stamp is None:
                    self._delete(db, session_id)
                elif row is None or tuple(row) != stamp:
                    self._reindex(db, session_id, stamp)

        self._change(apply)

    def remove(self, session_id: str) -> None:
        self._change(lambda db: self._delete(db, session_id))

    def _change(self, apply: Callable[[sqlite3.Connection], None]) -> None:
        """One transaction on an open index; a failure leaves it to be rebuilt (a search
        is never worth a crash: the session files hold everything)."""
        if not self.ready:
            return  # being built (the caller keeps a note), or the next open compares files
        with self._lock:
            if not self.ready or self._db is None:
                return
            db = self._db
            try:
                db.execute("BEGIN")
                apply(db)
                db.execute("COMMIT")
            except sqlite3.Error as exc:
                with contextlib.suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                self._failed(exc)

    # -- searching -------------------------------------------------------------------------

    def __len__(self) -> int:
        """How many sessions are indexed."""
        with self._lock:
            if self._db is None:
                return 0
            sql = "SELECT count(*) FROM session WHERE substr(id, 1, 1) != ?"
            return int(self._db.execute(sql, (PERSON_PREFIX,)).fetchone()[0])

    def _newest_first(self, newest: list[tuple[int, str]], limit: int) -> list[tuple[Any, ...]]:
        """The rows of the best ``limit`` of these (rowid, kind) matches: by the column they
        matched in, then newest first."""
        assert self._db is not None
        chosen = sorted(set(newest), key=lambda row: (-_KIND_WEIGHT.get(row[1], 1.0), -row[0]))
        rowids = [rowid for rowid, _kind in chosen[:limit]]
        found = {
            row[0]: row[1:] for row in self._db.execute(_BY_ROWID, (json.dumps(rowids),)).fetchall()
        }
        return [found[rowid] for rowid in rowids if rowid in found]

    def search(self, query: str, limit: int = 100) -> list[Hit]:
        """The best ``limit`` matches for ``query``, best first; empty when the index turned
        out damaged (it is then not :attr:`ready`, and the next open rebuilds it)."""
        expression = match_expression(query)
        if not expression or limit <= 0:
            return []
        with self._lock:
            if self._db is None:
                return []
            try:
                newest = self._db.execute(_NEWEST, (expression, RANKED_AT_MOST)).fetchall()
                if len(newest) < RANKED_AT_MOST:
                    rows = self._db.execute(_RANKED, (expression, limit)).fetchall()
                else:  # and the people matching, however old
                    people = self._db.execute(
                        _NEWEST, (f"{{who}} : ({expression})", limit)
                    ).fetchall()
                    rows = self._newest_first([*people, *newest], limit)
            except sqlite3.Error as exc:
                self._failed(exc)
                return []
        hits = []
        for session_id, contact, day, kind, place, who, question, body in rows:
            line, start, end = hit_line(who or question or body or "", query)
            when = date.fromisoformat(day) if day else None
            hits.append(Hit(session_id, contact, place, kind, line, start, end, when))
        return hits
