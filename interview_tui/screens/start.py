"""The first screen: past and scheduled sessions, and the way to start a new one.

Drawn from the plain-JSON index so it appears before pydantic or the banks are loaded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from interview_tui import keymap
from interview_tui.session_index import read_summaries

if TYPE_CHECKING:
    from interview_tui.store import SessionStore

STATUS_LABELS = {"planned": "planned", "live": "in progress", "ended": "done"}


def when_text(row: dict[str, Any]) -> str:
    stamp = row.get("scheduled_at") or row.get("started_at") or row.get("created_at") or ""
    return stamp[:16].replace("T", " ")


class StartScreen(Screen[None]):
    CSS_PATH = "start.tcss"
    AUTO_FOCUS = "#sessions"
    BINDINGS = keymap.bindings(keymap.START)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="start-body"):
            yield Static("Sessions", id="sessions-title", classes="title")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static(id="sessions-empty")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#sessions", DataTable)
        table.add_columns("When", "Contact", "Company", "Status", "Asked", "Length")
        self.show_rows(read_summaries(self.app.data_root) or [])
        self.watch(self.app, "ready", self._on_app_ready, init=False)

    def _on_app_ready(self, ready: bool) -> None:
        if ready and self.app.store is not None:
            self.show_rows(self.app.store.summaries())

    def on_screen_resume(self) -> None:
        if self.app.store is not None:
            self.show_rows(self.app.store.summaries())

    def show_rows(self, rows: list[dict[str, Any]]) -> None:
        table = self.query_one("#sessions", DataTable)
        selected = self._selected_id()
        table.clear()
        for row in rows:
            asked = f"{row.get('asked', 0)}/{row.get('questions', 0)}"
            table.add_row(
                when_text(row),
                row.get("name", ""),
                row.get("company", ""),
                STATUS_LABELS.get(row.get("status", ""), row.get("status", "")),
                asked,
                f"{row.get('length_minutes', 0)} min",
                key=row["id"],
            )
        if selected is not None and selected in table.rows:
            table.move_cursor(row=table.get_row_index(selected))
        empty = self.query_one("#sessions-empty", Static)
        empty.display = not rows
        empty.update(
            "No sessions yet. Press [b]n[/b] to prepare your first informational interview."
        )
        self.query_one("#sessions-title", Static).update(f"Sessions ({len(rows)})")

    def _selected_id(self) -> str | None:
        table = self.query_one("#sessions", DataTable)
        if not table.row_count:
            return None
        try:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
        except Exception:  # cursor out of range after a clear
            return None
        return str(key.value) if key.value is not None else None

    def _store_or_wait(self) -> SessionStore | None:
        if self.app.store is None:
            self.notify("Still opening your data folder…", timeout=2)
        return self.app.store

    def action_new_session(self) -> None:
        if not self.app.ready:
            self.notify("Loading question banks…", timeout=2)
            return
        from interview_tui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen())

    def action_open_session(self) -> None:
        self._open(view_only=False)

    def action_view_session(self) -> None:
        self._open(view_only=True)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self._open(view_only=False)

    def _open(self, view_only: bool) -> None:
        store = self._store_or_wait()
        session_id = self._selected_id()
        if store is None or session_id is None:
            return
        from interview_tui.store import StoreError

        try:
            session = store.load(session_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self.show_rows(store.summaries())
            return
        if view_only or session.status == "ended":
            from interview_tui.screens.session_view import SessionViewScreen

            self.app.push_screen(SessionViewScreen(session))
        else:
            from interview_tui.screens.live import LiveScreen

            self.app.push_screen(LiveScreen(session))

    def action_refresh(self) -> None:
        if self.app.store is not None:
            self.show_rows(self.app.store.summaries())
