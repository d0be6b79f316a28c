"""Export from the app: a worker writes the files into ``<data folder>/exports`` (or the
export folder of the settings) and the screen tells the user where they are."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from interview_tui.locations import exports_dir
from interview_tui.models import Session
from interview_tui.person import Person
from interview_tui.ui.app_screen import AppScreen

SUFFIX = {"md": "md", "json": "json", "csv": "csv", "ics": "ics"}


def write_exports(
    folder: Path,
    sessions: Sequence[Session],
    formats: Sequence[str],
    stem: str,
    *,
    csv_bom: bool = False,
    people: Mapping[str, Person] | None = None,
) -> list[Path]:
    """One file per format (Markdown: one per session, and one per person of ``people``,
    linked); returns the paths written. ``csv_bom``: the CSV starts with a byte-order mark
    (for Excel)."""
    from interview_tui.export import render, write_export
    from interview_tui.people_export import write_vault

    written = []
    for fmt in formats:
        if fmt == "md":
            written += write_vault(folder, sessions, people or {})
        else:
            text = render(list(sessions), fmt, csv_bom=csv_bom)
            written.append(write_export(folder / f"{stem}.{SUFFIX[fmt]}", text))
    return written


def export_sessions(
    screen: AppScreen[Any], sessions: Sequence[Session] | None, formats: Sequence[str]
) -> None:
    """Export ``sessions`` (None: every stored session) in a worker; notify when done."""
    app = screen.app
    folder = exports_dir(app.data_root, app.settings.export_path())

    def work() -> None:
        skipped: list[str] = []
        workspace = app.workspace
        people = {}
        if sessions is not None:
            chosen = list(sessions)
        else:
            if workspace is None:
                return
            chosen, skipped = workspace.load_all()
            people = {person.id: person for person in workspace.people()}
        stem = (
            chosen[0].id
            if sessions is not None and len(chosen) == 1
            else f"sessions-{datetime.now():%Y%m%d-%H%M%S}"
        )
        try:
            paths = write_exports(
                folder, chosen, formats, stem, csv_bom=app.settings.csv_bom, people=people
            )
        except OSError as exc:
            app.call_from_thread(app.notify, f"Export failed: {exc}", severity="error")
            return
        left_out = "".join(f"\nLeft out: {line}" for line in skipped)
        app.call_from_thread(
            app.notify,
            f"Exported {len(chosen)} session(s), {len(paths)} file(s) to {folder}{left_out}",
            title="Export",
            severity="warning" if skipped else "information",
            timeout=15 if skipped else 8,
            markup=False,
        )

    screen.run_worker(work, thread=True, group="export", exit_on_error=False)
