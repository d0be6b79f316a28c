"""People on disk: one small file per person in ``people/``, so a sync tool carries each on
its own. Files are TinyDB-shaped JSON (``{"person": {"1": {...}}}``), written atomically and
privately; a damaged one is kept under a new name and reported, the rest load.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from interview_tui.locations import ensure_private_dir
from interview_tui.models import first_error
from interview_tui.person import PERSON_SCHEMA_VERSION, Person
from interview_tui.storage.safe_storage import (
    DamagedFile,
    UnreadableFile,
    keep_damaged,
    read_json,
    safe_write,
)
from interview_tui.sync_merge import conflict_original

PEOPLE_DIR = "people"
PERSON_TABLE = "person"
UPGRADED_MARKER = ".schema"
"""In ``people/``: this folder's sessions all have their people (written by this release)."""


def upgraded_marker(root: Path) -> Path:
    return Path(root) / PEOPLE_DIR / UPGRADED_MARKER


def mark_upgraded(root: Path) -> None:
    """Record that every session in ``root`` has its person (or that there were none)."""
    ensure_private_dir(Path(root) / PEOPLE_DIR)
    marker = {"people_schema": PERSON_SCHEMA_VERSION}
    safe_write(upgraded_marker(root), json.dumps(marker).encode())


def person_document(person: Person) -> dict[str, Any]:
    doc = person.model_dump(mode="json")
    doc["schema_version"] = PERSON_SCHEMA_VERSION
    return {PERSON_TABLE: {"1": doc}}


class PeopleStore:
    """The people of one data folder, all in memory once read (a few thousand at most)."""

    def __init__(self, root: Path, *, read_only: bool) -> None:
        self.folder = Path(root) / PEOPLE_DIR
        self.read_only = read_only
        self.notices: list[str] = []
        self._people: dict[str, Person] | None = None
        self._stamps: dict[str, tuple[int, int]] = {}
        """Each person file as this run last read or wrote it (mtime in ns, size): one that
        differs was changed by someone else, a sync tool say."""

    def _stamp(self, person_id: str) -> tuple[int, int] | None:
        try:
            info = os.stat(self._path(person_id))
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size)

    def _path(self, person_id: str) -> Path:
        if not person_id or "/" in person_id or "\\" in person_id or person_id.startswith("."):
            raise ValueError(f"not a person id: {person_id!r}")
        return self.folder / f"{person_id}.json"

    def _set_aside(self, path: Path, reason: str) -> None:
        if self.read_only:
            self.notices.append(f"{path} is damaged ({reason}); left as it is (read-only).")
            return
        kept = keep_damaged(path)
        self.notices.append(f"{path.name} was damaged ({reason}); kept as {kept}.")

    def _read(self, path: Path) -> Person | None:
        try:
            data = read_json(path)
        except DamagedFile as exc:
            self._set_aside(path, exc.reason)
            return None
        except UnreadableFile as exc:
            self.notices.append(f"Skipped {path}: it {exc.reason}; {exc.advice}.")
            return None
        doc = data.get(PERSON_TABLE, {}).get("1") if isinstance(data, dict) else None
        if not isinstance(doc, dict):
            if data is not None:
                self._set_aside(path, "wrong shape")
            return None
        try:
            return Person.model_validate(doc)
        except ValidationError as exc:
            self._set_aside(path, first_error(exc))
            return None

    def all(self) -> dict[str, Person]:
        """Every readable person by id (read once, then kept current by :meth:`save`)."""
        if self._people is None:
            people: dict[str, Person] = {}
            try:
                names = sorted(os.listdir(self.folder))
            except FileNotFoundError:
                names = []
            except OSError as exc:
                self.notices.append(f"Cannot list {self.folder}: {exc.strerror or exc}.")
                names = []
            present = set(names)
            for name in names:
                if (
                    name.endswith(".json")
                    and not name.startswith(".")
                    and conflict_original(name, present) is None  # the workspace merges it
                ):
                    stamp = self._stamp(name[: -len(".json")])
                    person = self._read(self.folder / name)
                    if person is not None:
                        people[person.id] = person
                        if stamp is not None and name == f"{person.id}.json":
                            self._stamps[person.id] = stamp
            self._people = people
        return self._people

    def exists(self) -> bool:
        return self.folder.is_dir()

    def save(self, person: Person) -> None:
        """Write one person crash-safely (OSError if the disk refuses)."""
        if self.read_only:
            raise PermissionError("read-only")
        ensure_private_dir(self.folder)
        data = json.dumps(person_document(person), ensure_ascii=False, indent=1)
        safe_write(self._path(person.id), data.encode("utf-8"))
        self.all()[person.id] = person
        stamp = self._stamp(person.id)
        if stamp is not None:
            self._stamps[person.id] = stamp

    def changed_on_disk(self, person_id: str) -> Person | None:
        """The person as their file holds them now, if someone else rewrote it since this
        run read or wrote it; else None."""
        known = self._stamps.get(person_id)
        stamp = self._stamp(person_id)
        if known is None or stamp is None or stamp == known:
            return None
        person = self._read(self._path(person_id))
        self._stamps[person_id] = stamp
        return person if person is not None and person.id == person_id else None

    def rescan(self) -> tuple[list[Person], bool]:
        """Look at the person files again: people whose file someone else changed (as the
        file holds them, for the caller to merge into the cached ones), and whether anyone
        arrived or went (added to or dropped from the cache here)."""
        if self._people is None:
            return [], False
        try:
            names = os.listdir(self.folder)
        except OSError:
            return [], False
        present = set(names)
        on_disk = {
            name[: -len(".json")]
            for name in names
            if name.endswith(".json")
            and not name.startswith(".")
            and conflict_original(name, present) is None
        }
        arrived_or_went = False
        changed = []
        for person_id in sorted(on_disk):
            if person_id in self._people:
                other = self.changed_on_disk(person_id)
                if other is not None:
                    changed.append(other)
                continue
            stamp = self._stamp(person_id)
            person = self._read(self._path(person_id))
            if person is not None and person.id == person_id:
                self._people[person_id] = person
                if stamp is not None:
                    self._stamps[person_id] = stamp
                arrived_or_went = True
        for person_id in sorted(self._people.keys() - on_disk):
            if person_id in self._stamps:  # written or read here once, now gone
                del self._people[person_id]
                del self._stamps[person_id]
                arrived_or_went = True
        return changed, arrived_or_went

    def delete(self, person_id: str) -> None:
        if self.read_only:
            raise PermissionError("read-only")
        self._path(person_id).unlink(missing_ok=True)
        self.all().pop(person_id, None)

    def forget_cache(self) -> None:
        """Read the files again next time (after a migration wrote them, say)."""
        self._people = None

    def use_in_memory(self, people: list[Person]) -> None:
        """Show these people without writing them (a read-only folder not migrated yet)."""
        self._people = {person.id: person for person in people}
