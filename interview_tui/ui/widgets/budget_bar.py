"""The time-budget bar: elapsed against planned, overrun on this question, and the pace."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Label, ProgressBar

from interview_tui.planner import Pace
from interview_tui.ui.plain import one_line, plain


def clock_text(seconds: float) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a duration; negative durations get a minus sign."""
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


class BudgetBar(Widget):
    """Shows a :class:`~interview_tui.planner.Pace` and how many planned questions were
    asked; turns to warning colours only when behind (:attr:`Pace.warning`)."""

    DEFAULT_CSS = """
    BudgetBar {
        height: 2;
        padding: 0 1;
        background: $boost;
    }
    BudgetBar > Horizontal { height: 1; }
    BudgetBar #budget-time { width: auto; min-width: 14; text-style: bold; }
    BudgetBar #budget-state { width: auto; padding: 0 1; color: $text-muted; }
    BudgetBar ProgressBar { width: 1fr; }
    BudgetBar #budget-count { width: auto; padding: 0 0 0 1; color: $text-muted; }
    BudgetBar ProgressBar Bar { width: 1fr; }
    BudgetBar #budget-pace {
        height: 1; width: 1fr; color: $text-muted; text-wrap: nowrap; text-overflow: ellipsis;
    }
    BudgetBar.-running #budget-state { color: $text-success; }
    BudgetBar.-behind #budget-time, BudgetBar.-behind #budget-pace { color: $text-warning; }
    BudgetBar.-behind Bar > .bar--bar { color: $text-warning; }
    BudgetBar.-over #budget-time, BudgetBar.-over #budget-pace { color: $text-error; }
    BudgetBar.-over Bar > .bar--bar, BudgetBar.-over Bar > .bar--complete { color: $text-error; }
    """

    pace: reactive[Pace | None] = reactive(None, always_update=True)
    running: reactive[bool] = reactive(False)
    at_risk_names: reactive[tuple[str, ...]] = reactive(())
    asked: reactive[str] = reactive("")
    """The count against the plan, "3 of 9 asked · +2 extra"."""

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(id="budget-time")
            yield Label("paused", id="budget-state")
            yield ProgressBar(total=100, show_eta=False, show_percentage=False)
            yield Label(id="budget-count")
        yield Label(id="budget-pace")

    def watch_asked(self, asked: str) -> None:
        self.query_one("#budget-count", Label).update(plain(asked))

    def watch_running(self, running: bool) -> None:
        self.set_class(running, "-running")
        self.query_one("#budget-state", Label).update("running" if running else "paused")

    def watch_pace(self, pace: Pace | None) -> None:
        if pace is None or not self.is_mounted:
            return
        self.query_one("#budget-time", Label).update(
            plain(f"{clock_text(pace.elapsed_seconds)} / {clock_text(pace.budget_seconds)}")
        )
        bar = self.query_one(ProgressBar)
        bar.update(
            total=max(pace.budget_seconds, 1),
            progress=min(pace.elapsed_seconds, pace.budget_seconds),
        )
        self.set_class(pace.over, "-over")
        self.set_class(pace.warning, "-behind")
        # The pace line names the first question at risk: bank or typed text.
        self.query_one("#budget-pace", Label).update(one_line(self.pace_text(pace)))

    def pace_text(self, pace: Pace) -> str:
        parts: list[str] = []
        if pace.current_overrun_seconds >= 1:
            parts.append(f"+{clock_text(pace.current_overrun_seconds)} over on this question")
        behind = pace.behind_seconds
        if pace.over:
            parts.append(f"{clock_text(-pace.remaining_seconds)} past the planned end")
        elif pace.behind:
            parts.append(f"behind by {clock_text(behind)}")
        elif pace.ahead:
            parts.append(f"ahead by {clock_text(-behind)}")
        else:
            parts.append("on pace")
        if pace.at_risk:
            first = self.at_risk_names[0] if self.at_risk_names else ""
            parts.append(f"{len(pace.at_risk)} at risk (!): {first}".rstrip(": "))
        elif pace.gained:
            parts.append(f"room for {len(pace.gained)} more")
        return " · ".join(parts)
