"""Patterns across interviews: what several people mentioned, answers side by side, and how
long each bank question really takes against its estimate.

The page scrolls by keyboard and mouse (a focused scroll container around the Markdown).
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown

from interview_tui.display_text import markdown_literal, one_line
from interview_tui.models import Session
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppScreen
from interview_tui.ui.widgets.key_footer import KeyFooter

SIDE_BY_SIDE = 5


def _md(text: str) -> str:
    """What people wrote and banks hold, as one line that Markdown shows as typed."""
    return markdown_literal(one_line(text))


def patterns_markdown(sessions: list[Session]) -> str:
    """The whole page; plain text so it is testable without a terminal."""
    from interview_tui.patterns import (
        common_questions,
        shared_topics,
        timing_feedback,
        was_held,
        who_said_what,
    )

    # Names of everyone, recommended people included, stay out of the topics; only calls
    # that took place are patterns (a person to contact is not an interview).
    terms = shared_topics(sessions)
    sessions = [session for session in sessions if was_held(session)]
    count = f"{len(sessions)} session" + ("" if len(sessions) == 1 else "s")
    lines = [f"# Patterns across {count}", ""]
    lines += ["## Mentioned by several people", ""]
    lines += [
        f"- **{_md(term.term)}** ({term.source}): {_md(', '.join(term.people))}" for term in terms
    ] or ["Nothing yet: patterns appear once two people mention the same thing."]
    lines += ["", "## Who said what", ""]
    # Everyone gets the same opening and closing questions; the core ones tell people apart.
    core = {item.key for session in sessions for item in session.agenda if item.phase == "core"}
    common = [q for q in common_questions(sessions) if q.key in core][:SIDE_BY_SIDE]
    if not common:
        lines.append("No question has been asked in two sessions yet.")
    for question in common:
        lines += [f"### {_md(question.text)}", ""]
        for said in who_said_what(sessions, question.key):
            note = _md(said.note) or "_no note_"
            company = _md(said.company) or "no company"
            lines.append(f"- **{_md(said.contact)}** ({company}): {note}")
        lines.append("")
    lines += ["## Timing", ""]
    stats = [stat for stat in timing_feedback(sessions) if stat.planned]
    stats.sort(key=lambda stat: (-stat.samples, -stat.planned))
    if not stats:
        lines.append("No calls held yet.")
    else:
        lines += ["| Question | Est. | Real | Reached | Suggest |", "|---|---|---|---|---|"]
        for stat in stats[:40]:
            real = f"{stat.mean_minutes:.1f}" if stat.mean_minutes is not None else "-"
            suggest = f"{stat.suggested_minutes:g}" if stat.suggested_minutes else "-"
            text = _md(stat.text if len(stat.text) <= 60 else stat.text[:59] + "…")
            lines.append(
                f"| {text} | {stat.estimate_minutes:g} | {real} | "
                f"{stat.reached}/{stat.planned} | {suggest} |"
            )
    return "\n".join(lines)


class PatternsScreen(AppScreen[None]):
    AUTO_FOCUS = "#patterns-scroll"
    BINDINGS = keymap.bindings(keymap.PATTERNS)
    DEFAULT_CSS = """
    PatternsScreen #patterns-scroll { height: 1fr; }
    PatternsScreen #patterns-page { padding: 0 2; height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="patterns-scroll"):
            yield Markdown("Reading your sessions…", id="patterns-page")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Patterns"
        self.build()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def build(self) -> None:
        workspace = self.app.workspace
        if workspace is None:
            return
        text = patterns_markdown(list(workspace.sessions()))
        self.app.call_from_thread(self.query_one(Markdown).update, text)

    def action_back(self) -> None:
        self.dismiss()
