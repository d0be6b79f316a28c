"""Show a filled template for editing and copy it to the clipboard."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import one_line, plain
from interview_tui.ui.widgets.key_footer import KeyFooter


@dataclass
class TemplateResult:
    text: str
    copied: bool
    sent: bool


class TemplateDialog(AppModal[TemplateResult | None]):
    """Edit ``text``; ``ctrl+y`` copies it, ``ctrl+s`` copies it and marks it sent; the
    buttons do the same. What is copied is the text as edited."""

    DEFAULT_CSS = """
    TemplateDialog { align: center middle; }
    TemplateDialog > Vertical {
        width: 90%; max-width: 100; height: 90%; padding: 0 1;
        background: $panel; border: thick $primary;
    }
    TemplateDialog #template-title { height: auto; padding: 1 0 0 0; text-style: bold; }
    TemplateDialog TextArea { height: 1fr; }
    TemplateDialog #template-status { height: auto; color: $text-muted; }
    TemplateDialog #template-buttons { height: auto; align-horizontal: right; }
    TemplateDialog Button { margin-left: 1; }
    """
    AUTO_FOCUS = "#template-text"
    BINDINGS = keymap.bindings(keymap.TEMPLATE)

    def __init__(self, title: str, text: str, name: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.file_stem = name
        self.copied = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(one_line(self.title_text), id="template-title")
            yield TextArea(self.text, id="template-text")
            yield Static(
                "A draft: edit it here. ctrl+y copies · ctrl+s copies and marks it sent",
                id="template-status",
            )
            with Horizontal(id="template-buttons"):
                yield Button("Copy", variant="primary", id="copy")
                yield Button("Copy & mark sent", id="sent")
                yield Button("Close", id="close")
        yield KeyFooter()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        # ``run_action`` is a coroutine: not awaited, a click did nothing.
        await self.run_action(event.button.id or "close")

    def _text(self) -> str:
        return self.query_one(TextArea).text

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _copy(self, then_close: bool) -> None:
        from interview_tui.clipboard import copy_text

        result = copy_text(
            self._text(),
            fallback_dir=self.app.data_root,
            osc52=lambda text: self.app.call_from_thread(self.app.copy_to_clipboard, text),
            name=self.file_stem,
        )
        self.app.call_from_thread(self._copied, result.message, result.ok, then_close)

    def _copied(self, message: str, ok: bool, then_close: bool) -> None:
        self.copied = True
        self.query_one("#template-status", Static).update(plain(message))
        self.notify(message, severity="information" if ok else "warning", timeout=6)
        if then_close:
            self.dismiss(TemplateResult(self._text(), copied=True, sent=True))

    def action_copy(self) -> None:
        self._copy(False)

    def action_sent(self) -> None:
        self._copy(True)

    def action_close(self) -> None:
        self.dismiss(TemplateResult(self._text(), copied=self.copied, sent=False))
