"""Copies of a session that could not be saved to the data folder.

When the data folder is full or refuses writes and the person leaves anyway with a copy, or
the app is told to stop (SIGTERM, the terminal closing) with unsaved text, what is on screen
is written here instead: a JSON file the app restores from and a Markdown file a person can
read, both private (``0600``) in a private folder away from the data folder
(:func:`interview_tui.locations.unsaved_copy_dirs`). The next start finds the copies made for
its data folder (:func:`find_copies`) and offers to restore them (:func:`restore`) or to keep
them as files (:func:`keep`); neither deletes anything.

Plain Python with no terminal: the app's quit dialog and signal handlers call it.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interview_tui.locations import unsaved_copy_dirs
from interview_tui.models import Session
from interview_tui.storage.store import SessionStore, StoreError

KIND = "interview-tui unsaved copy"
RESTORED_DIR = "restored"
KEPT_DIR = "kept"
MAX_COPY_BYTES = 20 * 1024 * 1024
"""A copy is one session; anything larger in the folder is not one of ours."""


class CopyError(OSError):
    """No fallback folder took the copy; the message names each folder and why."""


@dataclass(frozen=True)
class UnsavedCopy:
    """A copy found on disk: the JSON file (the Markdown beside it has the same stem)."""

    path: Path
    session: Session
    saved_at: datetime
    reason: str

    @property
    def markdown_path(self) -> Path:
        return self.path.with_suffix(".md")


def _folder_key(data_dir: Path) -> str:
    return str(Path(data_dir).expanduser().resolve())


def _private_folder(folder: Path) -> Path:
    """Create ``folder`` and any missing parent readable by the user only, and check that it
    is a real folder of this user's (not a link or someone else's folder in a shared temp)."""
    missing: list[Path] = []
    probe = folder
    while not os.path.lexists(probe) and probe.parent != probe:
        missing.append(probe)
        probe = probe.parent
    for path in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(path, 0o700)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder (or a link)", str(folder))
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        raise PermissionError(errno.EPERM, "belongs to another user", str(folder))
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, 0o700)
    return folder


def _write_private(path: Path, data: bytes) -> None:
    """Write a new file (never an existing one) readable by the user only, and fsync it."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    os.close(fd)


def _envelope(session: Session, data_dir: Path, reason: str, when: datetime) -> bytes:
    document = {
        "kind": KIND,
        "data_dir": _folder_key(data_dir),
        "saved_at": when.isoformat(timespec="seconds"),
        "reason": reason,
        "session": session.model_dump(mode="json"),
    }
    return json.dumps(document, ensure_ascii=False, indent=1).encode()


def _markdown(session: Session) -> bytes:
    from interview_tui.export import to_markdown

    return to_markdown(session).encode()


def _write_pair(folder: Path, stem: str, payload: bytes, markdown: bytes | None) -> Path:
    """Write ``<stem>.json`` (and ``<stem>.md``) under a name no earlier copy has."""
    for n in range(1, 1000):
        path = folder / (f"{stem}.json" if n == 1 else f"{stem}-{n}.json")
        try:
            _write_private(path, payload)
        except FileExistsError:
            continue
        if markdown is not None:
            # The JSON holds everything; the Markdown is for reading, so a failure there
            # (the last bytes of a full disk) does not undo the copy.
            with contextlib.suppress(OSError):
                _write_private(path.with_suffix(".md"), markdown)
        return path
    raise FileExistsError(errno.EEXIST, "too many copies with this name", str(folder / stem))


def write_copy(
    session: Session, data_dir: Path, reason: str = "", *, now: datetime | None = None
) -> Path:
    """Write ``session`` as JSON and Markdown into the first fallback folder that takes it.

    Returns the JSON file's path; :class:`CopyError` when every folder failed. ``data_dir``
    is the data folder the session belongs to (the next start there offers the copy);
    ``reason`` is why it was not saved there.
    """
    when = now or datetime.now()
    payload = _envelope(session, data_dir, reason, when)
    try:
        markdown: bytes | None = _markdown(session)
    except Exception:  # a copy without the readable version beats no copy
        markdown = None
    stem = f"{session.id}-{when:%Y%m%d-%H%M%S}"
    problems = []
    for folder in unsaved_copy_dirs():
        try:
            return _write_pair(_private_folder(folder), stem, payload, markdown)
        except OSError as exc:
            problems.append(f"{folder}: {exc.strerror or exc}")
    raise CopyError(errno.EIO, "no copy written (" + "; ".join(problems) + ")")


def _read_copy(path: Path, key: str | None) -> UnsavedCopy | None:
    """The copy in ``path`` when it is one of ours (for the data folder ``key``)."""
    try:
        info = os.lstat(path)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_COPY_BYTES:
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        document: Any = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(document, dict) or document.get("kind") != KIND:
        return None
    if key is not None and document.get("data_dir") != key:
        return None
    try:
        session = Session.model_validate(document.get("session"))
        saved_at = datetime.fromisoformat(str(document.get("saved_at")))
    except (ValidationError, ValueError):
        return None
    return UnsavedCopy(path, session, saved_at, str(document.get("reason") or ""))


def find_copies(data_dir: Path) -> list[UnsavedCopy]:
    """Copies not yet restored or kept, made for ``data_dir``; oldest first."""
    key = _folder_key(data_dir)
    found: list[UnsavedCopy] = []
    for folder in unsaved_copy_dirs():
        try:
            info = os.lstat(folder)
            if not stat.S_ISDIR(info.st_mode):
                continue
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                continue
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith(".json"):
                copy = _read_copy(folder / name, key)
                if copy is not None:
                    found.append(copy)
    # ``<stem>.json`` before ``<stem>-2.json``, made in the same second.
    return sorted(found, key=lambda copy: (copy.saved_at, len(copy.path.name), copy.path.name))


def _move(copy: UnsavedCopy, subfolder: str) -> Path:
    target = _private_folder(copy.path.parent / subfolder)
    moved = target / copy.path.name
    os.replace(copy.path, moved)
    if copy.markdown_path.exists():
        with contextlib.suppress(OSError):
            os.replace(copy.markdown_path, moved.with_suffix(".md"))
    return moved


def restore(copy: UnsavedCopy, store: SessionStore) -> Path:
    """Save the copy's session into ``store`` and move the copy into ``restored/``.

    The stored version it replaces, when different, is written beside it first, so a
    restore loses nothing either. Returns where the copy now is; :class:`StoreError` when
    the store cannot take it (the copy then stays where it was).
    """
    try:
        current: Session | None = store.load(copy.session.id)
    except StoreError:
        current = None
    if current is not None and current != copy.session:
        target = _private_folder(copy.path.parent / RESTORED_DIR)
        payload = _envelope(
            current, store.root, "the stored version a restore replaced", datetime.now()
        )
        _write_pair(target, f"{copy.path.stem}-replaced", payload, None)
    store.save(copy.session)
    return _move(copy, RESTORED_DIR)


def keep(copy: UnsavedCopy) -> Path:
    """Stop offering the copy at start: move it into ``kept/``; returns where it is now."""
    return _move(copy, KEPT_DIR)
