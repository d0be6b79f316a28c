"""The highlighted question in full, under a list that cuts its rows to one line.

At 80 columns an agenda row has room for 18 to 28 characters of a question; this panel wraps
the whole text, with a dim line about it (phase, minutes, priority) and any warnings.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

from interview_tui.ui.plain import styled


class QuestionDetail(Static):
    DEFAULT_CSS = """
    QuestionDetail {
        height: auto;
        max-height: 7;
        padding: 0 1;
        background: $boost;
    }
    """

    def show_question(self, text: str, details: str = "", flags: Sequence[str] = ()) -> None:
        """``text`` in full (wrapped), then ``details`` dimmed, then one line per flag."""
        self.update(
            Content.assemble(
                styled("[b]$text[/b]", text=text),
                styled("\n[dim]$details[/dim]", details=details) if details else "",
                *(styled("\n[$text-warning]⚑ $reason[/]", reason=flag) for flag in flags),
            )
        )

    def show_hint(self, hint: str) -> None:
        """No question highlighted: say how to get one here."""
        self.update(styled("[dim]$hint[/dim]", hint=hint))
