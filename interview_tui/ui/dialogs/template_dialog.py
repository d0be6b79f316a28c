"""Show a filled template for editing and copy it to the clipboard."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static, TextArea

from interview_tui.ui import keymap

if TYPE_CHECKING:
    from interview_tui.clipboard import CopyResult
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import one_line, plain
from interview_tui.ui.widgets.key_footer import KeyFooter


@dataclass
class TemplateResult:
    text: str
    copied: bool
    sent: bool


class TemplateDialog(AppModal[TemplateResult | None]):
    """Edit ``text``; ``ctrl+y`` copies it, ``ctrl+s`` copies it and marks it sent,
    ``ctrl+o`` opens it in the mail app (to ``email`` when known); the buttons do the same.
    What is copied or opened is the text as edited."""

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

    def __init__(self, title: str, text: str, name: str, email: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text
        self.file_stem = name
        self.email = email
        self.copied = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(one_line(self.title_text), id="template-title")
            yield TextArea(self.text, id="template-text")
            yield Static(
                "A draft: edit it here. ctrl+y copies · ctrl+s copies and marks it sent · "
                "ctrl+o opens it in your mail app",
                id="template-status",
            )
            with Horizontal(id="template-buttons"):
                yield Button("Copy", variant="primary", id="copy")
                yield Button("Copy & mark sent", id="sent")
                yield Button("Open in mail app", id="open_mail")
                yield Button("Close", id="close")
        yield KeyFooter()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        # ``run_action`` is a coroutine: not awaited, a click did nothing.
        await self.run_action(event.button.id or "close")

    def _text(self) -> str:
        return self.query_one(TextArea).text

    def _copy_text(self, text: str) -> CopyResult:
        """Copy ``text`` (from a worker thread): the clipboard, else the terminal's, else a file."""
        from interview_tui.clipboard import copy_text

        return copy_text(
            text,
            fallback_dir=self.app.data_root,
            osc52=lambda text: self.app.call_from_thread(self.app.copy_to_clipboard, text),
            name=self.file_stem,
        )

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _copy(self, then_close: bool) -> None:
        result = self._copy_text(self._text())
        self.app.call_from_thread(self._copied, result.message, result.ok, then_close)

    @work(thread=True, exclusive=True, group="clipboard", exit_on_error=False)
    def _open_mail(self, draft: str) -> None:
        """Hand the mailto: link to the system; a long body goes to the clipboard, and when
        no mail app takes the link the whole draft does."""
        import webbrowser

        from interview_tui.mailto import mail_link

        link = mail_link(draft, self.email)
        copied = self._copy_text(link.body_to_copy) if link.shortened else None
        try:
            opened = webbrowser.open(link.url)
        except Exception:  # whatever a browser launcher raises, the draft is not lost
            opened = False
        if not opened:
            result = self._copy_text(draft)
            message = f"No mail app opened the draft. {result.message}"
            ok = result.ok
        elif copied is not None:
            message = (
                "Opened in your mail app with the address and subject only: the text was too "
                f"long for a mail link. Paste the body in. {copied.message}"
            )
            ok = copied.ok
        else:
            message, ok = "Opened in your mail app.", True
        self.app.call_from_thread(self._mail_opened, message, ok, copied is not None or not opened)

    def _mail_opened(self, message: str, ok: bool, copied: bool) -> None:
        self.copied = self.copied or copied
        self.query_one("#template-status", Static).update(plain(message))
        self.notify(message, severity="information" if ok else "warning", timeout=8, markup=False)

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

    def action_open_mail(self) -> None:
        self._open_mail(self._text())

    def action_close(self) -> None:
        self.dismiss(TemplateResult(self._text(), copied=self.copied, sent=False))
