"""Sync tools' conflict copies in the data folder: found, read, and kept aside in
``conflicts/`` once merged (never deleted). Which names are conflict copies and how two
versions merge is the domain's (:mod:`interview_tui.sync_merge`); the workspace merges.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_tui.locations import ensure_private_dir
from interview_tui.storage.safe_storage import DamagedFile, UnreadableFile, read_json, safe_write
from interview_tui.sync_merge import conflict_original

CONFLICTS_DIR = "conflicts"


@dataclass(frozen=True)
class ConflictCopy:
    path: Path
    original: Path

    @property
    def record_id(self) -> str:
        return self.original.name[: -len(".json")]

    def newer_than_original(self) -> bool:
        """Whether the copy was written after the file in place (which then was not)."""
        try:
            return os.stat(self.path).st_mtime_ns > os.stat(self.original).st_mtime_ns
        except OSError:
            return False


def find_conflict_copies(folder: Path) -> list[ConflictCopy]:
    """Every conflict copy of a record file in ``folder``, oldest name first."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    copies = []
    present = set(names)
    for name in names:
        original = conflict_original(name, present)
        if original is not None and not original.startswith(".") and (folder / name).is_file():
            copies.append(ConflictCopy(folder / name, folder / original))
    return copies


def read_record(path: Path, table: str) -> dict[str, Any]:
    """The one record a TinyDB-shaped file holds; ``ValueError`` with the reason if none."""
    try:
        data = read_json(path)
    except DamagedFile as exc:
        raise ValueError(exc.reason) from None
    except UnreadableFile as exc:
        raise ValueError(exc.reason) from None
    doc = data.get(table, {}).get("1") if isinstance(data, dict) else None
    if not isinstance(doc, dict):
        raise ValueError("it holds no record" if data is not None else "it is gone")
    return doc


def _free_name(folder: Path, name: str) -> Path:
    kept = folder / name
    n = 1
    while os.path.lexists(kept):
        n += 1
        kept = folder / f"{n}-{name}"
    return kept


def keep_aside(root: Path, copy: Path) -> Path:
    """Move ``copy`` into ``<root>/conflicts/<its folder>/``; where it went."""
    folder = ensure_private_dir(Path(root) / CONFLICTS_DIR / copy.parent.name)
    kept = _free_name(folder, copy.name)
    os.replace(copy, kept)
    return kept


def keep_version(root: Path, folder: str, record_id: str, table: str, doc: dict[str, Any]) -> Path:
    """Write a version found on disk (rewritten behind an open session's back) into
    ``<root>/conflicts/<folder>/`` before it is merged and overwritten; where it went."""
    target = ensure_private_dir(Path(root) / CONFLICTS_DIR / folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = _free_name(target, f"{record_id}.changed-elsewhere-{stamp}.json")
    data = json.dumps({table: {"1": doc}}, ensure_ascii=False, indent=1)
    safe_write(kept, data.encode("utf-8"))
    return kept
