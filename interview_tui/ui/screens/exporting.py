"""Export from the app: a worker writes the files into ``<data folder>/exports`` and the
screen tells the user where they are."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from textual.screen import Screen

from interview_tui.models import Session

SUFFIX = {"md": "md", "json": "json", "csv": "csv", "ics": "ics"}


def write_exports(
    folder: Path, sessions: Sequence[Session], formats: Sequence[str], stem: str
) -> list[Path]:
    """One file per format (Markdown: one per session); returns the paths written."""
    from interview_tui.export import render, write_export, write_markdown_files

    written = []
    for fmt in formats:
        if fmt == "md":
            written += write_markdown_files(folder, sessions)
        else:
            written.append(
                write_export(folder / f"{stem}.{SUFFIX[fmt]}", render(list(sessions), fmt))
            )
    return written


def export_sessions(
    screen: Screen[object], sessions: Sequence[Session] | None, formats: Sequence[str]
) -> None:
    """Export ``sessions`` (None: every stored session) in a worker; notify when done."""
    app = screen.app
    folder = app.data_root / "exports"

    def work() -> None:
        chosen = list(sessions) if sessions is not None else list(app.store.iter_sessions())
        stem = (
            chosen[0].id
            if sessions is not None and len(chosen) == 1
            else f"sessions-{datetime.now():%Y%m%d-%H%M%S}"
        )
        try:
            paths = write_exports(folder, chosen, formats, stem)
        except OSError as exc:
            app.call_from_thread(app.notify, f"Export failed: {exc}", severity="error")
            return
        app.call_from_thread(
            app.notify,
            f"Exported {len(chosen)} session(s), {len(paths)} file(s) to {folder}",
            title="Export",
            timeout=8,
        )

    screen.run_worker(work, thread=True, group="export", exit_on_error=False)
