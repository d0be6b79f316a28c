"""Search every session's notes, reflections and questions, with the matching lines shown."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from interview_tui.search import Hit
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.plain import one_line, plain
from interview_tui.ui.widgets.key_footer import KeyFooter


class SearchScreen(AppScreen[None]):
    CSS_PATH = "search.tcss"
    AUTO_FOCUS = "#query"
    BINDINGS = keymap.bindings(keymap.SEARCH)

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[Hit] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search notes, reflections and questions", id="query")
        yield Static(id="search-status")
        yield OptionList(id="hits")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        workspace = self.app.workspace
        if workspace is not None and not workspace.search_ready:
            self._build_index()

    def _build_index(self) -> None:
        self.query_one("#search-status", Static).update("Indexing your sessions…")
        self.build()

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False)
    def build(self) -> None:
        """Open the index and bring it up to date: milliseconds, unless it has to be built
        (first use, damaged, from an older version), when a progress line counts up."""
        workspace = self.app.workspace
        if workspace is None:
            return
        count = workspace.build_search(self._progress_from_thread)
        self.app.call_from_thread(self._built, count)

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        for status in self.query("#search-status").results(Static):  # none once closed
            status.update(plain(f"Indexing your sessions… {done:,} of {total:,}"))

    def _built(self, _count: int) -> None:
        self.run_search(self.query_one("#query", Input).value)

    @on(Input.Changed, "#query")
    def query_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def run_search(self, query: str) -> None:
        workspace = self.app.workspace
        status = self.query_one("#search-status", Static)
        if workspace is None or not workspace.search_ready:
            return
        self.hits = workspace.search(query, build=False) if query.strip() else []
        if not workspace.search_ready:  # the index proved damaged: rebuilt in the background
            self._build_index()
            return
        options = self.query_one("#hits", OptionList)
        options.clear_options()
        options.add_options(Option(self._hit_text(hit)) for hit in self.hits)
        if self.hits:
            options.highlighted = 0  # enter in the query box, then enter opens the best hit
        if not query.strip():
            count = len(workspace.summaries())
            status.update(plain(f"{count} sessions indexed. Type to search."))
        else:
            more = "+" if len(self.hits) >= 100 else ""
            lines = "line" if len(self.hits) == 1 else "lines"
            status.update(plain(f"{len(self.hits)}{more} matching {lines}"))

    @staticmethod
    def _hit_text(hit: Hit) -> Content:
        """Who and where in bold, then the line with the match highlighted: spans on text,
        so nothing a person wrote is read as markup."""
        when = f" · {hit.when:%d %b %Y}" if hit.when else ""
        head = one_line(f"{hit.contact}{when} · {hit.kind}")
        if hit.where and hit.where != hit.kind:
            head += one_line(f": {hit.where}").stylize("dim")
        head = head.stylize_before("bold")
        # ``plain`` keeps every character in place, so the match offsets still point at it.
        line = plain("  " + hit.line).stylize("reverse", hit.start + 2, hit.end + 2)
        return Content.assemble(head, "\n", line)

    @on(Input.Submitted, "#query")
    def focus_hits(self) -> None:
        self.query_one("#hits", OptionList).focus()

    def action_focus_hits(self) -> None:
        """Down in the query box moves to the results, as it would in any search field."""
        self.focus_hits()

    def action_open_hit(self) -> None:
        """Enter opens the highlighted result; in the query box it first moves to them."""
        hits = self.query_one("#hits", OptionList)
        if hits.has_focus and hits.highlighted is not None:
            hits.action_select()
        else:
            self.focus_hits()

    @on(OptionList.OptionSelected, "#hits")
    def open_hit(self, event: OptionList.OptionSelected) -> None:
        hit = self.hits[event.option_index]
        workspace = self.app.workspace
        if workspace is None:
            return
        from interview_tui.search import person_of_key
        from interview_tui.service import StoreError
        from interview_tui.ui.screens.session_view import SessionViewScreen

        person_id = person_of_key(hit.session_id)
        if person_id is not None:  # a person's own record: their page
            from interview_tui.ui.screens.person import PersonScreen

            if workspace.person(person_id) is None:
                self.notify("That person is no longer stored.", severity="warning")
                return
            self.app.push_screen(PersonScreen(person_id))
            return
        try:
            session = workspace.load(hit.session_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error")
            return
        # The page opens on the matching line.
        find = (hit.line, hit.line[hit.start : hit.end])
        self.app.push_screen(SessionViewScreen(session, find=find))

    def action_back(self) -> None:
        self.dismiss()
