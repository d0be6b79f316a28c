"""Key bindings as data: one row per action, shared by the screens, the footer, the command
palette (via the description/tooltip) and the README key map test."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class Key(NamedTuple):
    id: str
    keys: str
    action: str
    label: str
    help: str
    priority: bool = False
    show: bool = True


LIVE = (
    Key(
        "mark-asked",
        "ctrl+n,f2",
        "mark_asked",
        "Asked",
        "Mark the question asked and move on",
        True,
    ),
    Key("skip", "ctrl+o,f3", "skip", "Skip", "Skip the question and move on", True),
    Key(
        "back", "ctrl+b,f4", "back", "Back", "Back to the previous question (undoes its tick)", True
    ),
    Key(
        "toggle-timer", "ctrl+t,f5", "toggle_timer", "Timer", "Start or pause the call timer", True
    ),
    Key("switch-pane", "ctrl+g,f8", "switch_pane", "Pane", "Jump between agenda and notes", True),
    Key(
        "general-note",
        "ctrl+l,f9",
        "toggle_general",
        "Note",
        "This question's note ⇄ session note",
        True,
    ),
    Key("end-call", "f10", "end_call", "End", "End the call and wrap up", True),
    Key("leave", "escape", "leave", "List", "Pause, save and go back to the session list"),
)

START = (
    Key("new-session", "n", "new_session", "New", "Prepare a new session"),
    Key("open-session", "o", "open_session", "Open/run", "Open the selected session to run it"),
    Key("view-session", "v", "view_session", "View", "Read the selected session and its notes"),
    Key("prepare-session", "e", "prepare", "Edit", "Edit the selected session's preparation"),
    Key("outreach", "m", "outreach", "Mail", "Outreach email (or, once asked, the reminder)"),
    Key("mark-done", "x", "mark_done", "Done", "Mark the highlighted due item done"),
    Key(
        "advance-status",
        "c",
        "advance_status",
        "Status",
        "Move the contact on: to contact → asked → scheduled → … → keeping in touch",
        show=False,
    ),
    Key("search", "slash,ctrl+f", "search", "Search", "Search every session's notes"),
    Key(
        "patterns",
        "p",
        "patterns",
        "Patterns",
        "What several people said; question timing",
        show=False,
    ),
    Key("filter", "f", "filter", "Filter", "Filter the session list", show=False),
    Key("sort", "s", "cycle_sort", "Sort", "Sort by date, contact or company", show=False),
    Key(
        "export-all",
        "X",
        "export_all",
        "Export all",
        "All sessions to Markdown, CSV, JSON, .ics",
        show=False,
    ),
    Key("refresh", "r", "refresh", "Refresh", "Reload the session list", show=False),
)

SETUP = (
    Key("save-session", "ctrl+s", "save", "Save", "Save the session for later", True),
    Key("start-call", "f5", "start_call", "Start call", "Save and start the call now", True),
    Key("edit-agenda", "ctrl+e", "edit_agenda", "Edit agenda", "Filter, add, drop, reorder", True),
    Key("cancel-setup", "escape", "cancel", "Cancel", "Leave without saving"),
)

SESSION_VIEW = (
    Key("back-to-list", "escape", "back", "Back", "Back to the session list"),
    Key("resume-session", "r", "run", "Run", "Open this session on the live screen"),
    Key("wrap-up", "w", "wrap_up", "Wrap-up", "Reflections, referrals, follow-ups, thank-you"),
    Key("export-session", "x", "export", "Export", "Write this session as Markdown and JSON"),
)


def bindings(keys: tuple[Key, ...]) -> list[Binding]:
    return [
        Binding(
            key.keys,
            key.action,
            key.label,
            show=key.show,
            priority=key.priority,
            tooltip=key.help,
            id=key.id,
        )
        for key in keys
    ]


AGENDA_EDITOR = (
    Key("done-editing", "ctrl+s", "done", "Done", "Keep these changes", True),
    Key("cancel-editing", "escape", "cancel", "Cancel", "Leave without the changes"),
    Key("add-question", "a", "add", "Add", "Add the highlighted bank question"),
    Key("own-question", "q", "own_question", "Own", "Write a question of your own"),
    Key("drop-question", "d,delete", "drop", "Drop", "Take the question off the agenda"),
    Key("pin-question", "p", "toggle_pin", "Pin", "Pin: never below the cut line"),
    Key("priority-up", "plus,equals_sign", "priority_up", "Prio+", "Raise the priority"),
    Key("priority-down", "minus", "priority_down", "Prio-", "Lower the priority"),
    Key("more-minutes", "right_square_bracket", "more_minutes", "+½m", "Half a minute more"),
    Key("fewer-minutes", "left_square_bracket", "fewer_minutes", "-½m", "Half a minute less"),
    Key("move-up", "ctrl+up,K", "move_up", "Move ↑", "Move the question up"),
    Key("move-down", "ctrl+down,J", "move_down", "Move ↓", "Move the question down"),
    Key("sort-agenda", "s", "sort", "Sort", "Order by phase and priority again"),
)

WRAP_UP = (
    Key("thank-you", "ctrl+y", "thank_you", "Thank-you note", "Write and copy the thank-you", True),
    Key("wrap-up-done", "ctrl+s", "done", "Done", "Save, create referral contacts, go back", True),
    Key("wrap-up-leave", "escape", "done", "Back", "Save and go back"),
)

SEARCH = (Key("search-back", "escape", "back", "Back", "Back to the session list"),)

PATTERNS = (Key("patterns-back", "escape", "back", "Back", "Back to the session list"),)
