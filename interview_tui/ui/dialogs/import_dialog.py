"""Import a file from inside the app: LinkedIn's Connections.csv or a vCard as people, a
calendar invite as a scheduled session. The file is read and saved in a worker; what it
did, and each problem, is shown in the dialog as plain text."""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Input, Static

from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import plain


class ImportDialog(AppModal[bool]):
    """Dismissed with True when something was imported (lists should reload)."""

    DEFAULT_CSS = """
    ImportDialog { align: center middle; }
    ImportDialog > Vertical {
        width: 76; max-width: 95%; height: auto; max-height: 90%; padding: 1 2;
        background: $panel; border: thick $accent;
    }
    ImportDialog .title { text-style: bold; color: $text-accent; }
    ImportDialog #import-help { color: $text-muted; margin-bottom: 1; }
    ImportDialog #import-result { height: auto; max-height: 12; margin-top: 1; }
    """
    BINDINGS = keymap.bindings(keymap.IMPORT)

    def __init__(self) -> None:
        super().__init__()
        self.imported = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import people or a calendar invite", classes="title")
            yield Static(
                "LinkedIn's Connections.csv, a vCard file (.vcf), or an invite (.ics). "
                "Importing the same file twice changes nothing.",
                id="import-help",
            )
            yield Input(placeholder="path to the file, e.g. ~/Downloads/Connections.csv", id="path")
            with VerticalScroll(id="import-result"):
                yield Static(id="import-lines")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        workspace = self.app.workspace
        lines = self.query_one("#import-lines", Static)
        if workspace is None or workspace.read_only:
            reason = workspace.read_only_reason if workspace else "the data folder is not open"
            lines.update(plain(f"Nothing imported: {reason}."))
            return
        lines.update(plain("Importing…"))
        self.run_import(Path(text).expanduser())

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, path: Path) -> None:
        workspace = self.app.workspace
        if workspace is None:
            return
        try:
            outcome = workspace.import_file(path)
        except Exception as exc:
            self.app.call_from_thread(self._show, [f"Nothing imported: {exc}"], [], False)
            return
        changed = any(not line.startswith("unchanged") for line in outcome.lines)
        self.app.call_from_thread(self._show, outcome.lines, outcome.problems, changed)

    def _show(self, lines: list[str], problems: list[str], changed: bool) -> None:
        self.imported |= changed
        text = "\n".join([*lines, *problems]) or "Nothing to import in that file."
        self.query_one("#import-lines", Static).update(plain(text))

    def action_close(self) -> None:
        self.dismiss(self.imported)
