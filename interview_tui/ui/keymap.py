"""Key bindings as data: one row per action, shared by the screens, the footer, the command
palette (via the description/tooltip), the help screen (F1) and the README key map test."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding, BindingType


class Key(NamedTuple):
    id: str
    keys: str
    action: str
    label: str
    help: str
    priority: bool = False
    show: bool = True
    """Shown by Textual's own ``Footer``."""
    rank: int = 1
    """For :class:`~interview_tui.ui.widgets.key_footer.KeyFooter`: 1 always in the footer,
    2 when the terminal is wide enough, 0 never (F1 lists every key)."""
    group: str = ""
    """Keys of one group share one footer entry: ``+ - Priority``."""


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
    Key(
        "general-note",
        "ctrl+l,f9",
        "toggle_general",
        "Note",
        "This question's note ⇄ session note",
        True,
        rank=2,
    ),
    Key("end-call", "f10", "end_call", "End", "End the call and wrap up", True),
    Key("leave", "escape", "leave", "List", "Pause, save and go back to the session list", rank=2),
    Key(
        "switch-pane",
        "ctrl+g,f8",
        "switch_pane",
        "Pane",
        "Jump between agenda and notes",
        True,
        rank=2,
    ),
)
"""In footer order: at 60 columns the footer keeps the rank-1 keys and F1 (which lists them
all), at 80 it adds the note, list and palette keys, at 120 every key."""

START = (
    Key("new-session", "n", "new_session", "New", "Prepare a new session"),
    Key("open-session", "o", "open_session", "Open", "Open the selected session to run it"),
    Key("view-session", "v", "view_session", "View", "Read the selected session and its notes"),
    Key(
        "prepare-session", "e", "prepare", "Edit", "Edit the selected session's preparation", rank=2
    ),
    Key(
        "outreach",
        "m",
        "outreach",
        "Mail",
        "Outreach email (or, once asked, the reminder)",
        rank=2,
    ),
    Key(
        "mark-done",
        "x",
        "mark_done",
        "Done",
        "Due list: highlight an item, then x marks it done",
    ),
    Key(
        "snooze-due",
        "z",
        "snooze_due",
        "Snooze",
        "Due list: a check-in with someone waits two weeks",
        rank=2,
    ),
    Key("undo-done", "u", "undo_done", "Undo", "Open the item just marked done (or snoozed) again"),
    Key("search", "slash,ctrl+f", "search", "Search", "Search every session's notes"),
    Key("people", "p", "people", "People", "Everyone you know: filter, open, keep in touch"),
    Key(
        "advance-status",
        "c",
        "advance_status",
        "Status",
        "Move the contact on: to contact → asked → scheduled → … → keeping in touch",
        rank=2,
    ),
    Key("filter", "f", "filter", "Filter", "Filter the session list by name or company", rank=2),
    Key("sort", "s", "cycle_sort", "Sort", "Sort by date, contact or company", rank=2),
    Key(
        "export-all",
        "X",
        "export_all",
        "Export all",
        "All sessions to Markdown, CSV, JSON, .ics",
        rank=2,
    ),
    Key(
        "patterns",
        "P",
        "patterns",
        "Patterns",
        "What several people said; question timing",
        rank=2,
    ),
    Key("refresh", "r", "refresh", "Refresh", "Reload the session list", show=False, rank=0),
)

FILTER = (
    Key(
        "filter-search",
        "slash",
        "screen.search",
        "Search",
        "Search every session's notes (a filter is for names)",
        True,
    ),
    Key(
        "filter-leave",
        "escape",
        "screen.leave_filter",
        "Clear",
        "Clear the filter, back to the list",
    ),
)
"""The start screen's filter box: ``/`` and ``escape`` leave it instead of being typed."""

SETUP = (
    Key("save-session", "ctrl+s", "save", "Save", "Save the session for later", True),
    Key("start-call", "f5", "start_call", "Start call", "Save and start the call now", True),
    Key("edit-agenda", "ctrl+e", "edit_agenda", "Edit agenda", "Filter, add, drop, reorder", True),
    Key(
        "cancel-setup",
        "escape",
        "cancel",
        "Cancel",
        "Leave (asks first when something is typed)",
        rank=2,
    ),
)

LEAVE_FORM = (
    Key("leave-form-keep", "escape", "keep", "Keep editing", "Back to the form; nothing is lost"),
    Key("leave-form-save", "ctrl+s,s", "save", "Save", "Save the session and close the form"),
    Key("leave-form-discard", "d", "discard", "Discard", "Close the form and drop what was typed"),
)
"""Escape on a Prepare form with something typed in it asks what to do with it."""

SESSION_VIEW = (
    Key("back-to-list", "escape", "back", "Back", "Back to the session list"),
    Key("resume-session", "r", "run", "Run", "Open this session on the live screen"),
    Key("wrap-up", "w", "wrap_up", "Wrap-up", "Reflections, referrals, follow-ups, thank-you"),
    Key("export-session", "x", "export", "Export", "Write this session as Markdown and JSON"),
)


def bindings(keys: tuple[Key, ...]) -> list[BindingType]:
    """``BINDINGS`` for a screen; typed as Textual types ``BINDINGS`` (the list is invariant)."""
    groups = {key.group: Binding.Group(GROUPS.get(key.group, key.group)) for key in keys}
    return [
        Binding(
            key.keys,
            key.action,
            key.label,
            show=key.show,
            priority=key.priority,
            tooltip=key.help,
            id=key.id,
            group=groups[key.group] if key.group else None,
        )
        for key in keys
    ]


GROUPS = {"priority": "Priority", "minutes": "±½ min", "move": "Move"}
"""What a group of keys is called in the footer."""

AGENDA_EDITOR = (
    Key("done-editing", "ctrl+s", "done", "Done", "Keep these changes", True),
    Key("cancel-editing", "escape", "cancel", "Cancel", "Leave without the changes", rank=2),
    Key("add-question", "a", "add", "Add", "Add the highlighted bank question", rank=2),
    Key("own-question", "q", "own_question", "Own", "Write a question of your own", rank=2),
    Key("drop-question", "d,delete", "drop", "Drop", "Take the question off the agenda"),
    Key("pin-question", "p", "toggle_pin", "Pin", "Pin: never below the cut line"),
    Key(
        "priority-up",
        "plus,equals_sign",
        "priority_up",
        "Prio+",
        "Raise the priority",
        group="priority",
    ),
    Key("priority-down", "minus", "priority_down", "Prio-", "Lower the priority", group="priority"),
    Key(
        "more-minutes",
        "right_square_bracket",
        "more_minutes",
        "+½m",
        "Half a minute more",
        group="minutes",
    ),
    Key(
        "fewer-minutes",
        "left_square_bracket",
        "fewer_minutes",
        "-½m",
        "Half a minute less",
        group="minutes",
    ),
    Key("move-up", "ctrl+up,K", "move_up", "Move ↑", "Move the question up", group="move"),
    Key("move-down", "ctrl+down,J", "move_down", "Move ↓", "Move the question down", group="move"),
    Key("sort-agenda", "s", "sort", "Sort", "Order by phase and priority again"),
)

WRAP_UP = (
    Key("thank-you", "ctrl+y", "thank_you", "Thank-you", "Write and copy the thank-you note", True),
    Key("wrap-up-done", "ctrl+s", "done", "Done", "Save, create referral contacts, go back", True),
    Key("wrap-up-leave", "escape", "back", "Back", "Save, create referral contacts, go back"),
)

SEARCH = (
    Key("search-results", "down", "focus_hits", "Results", "From the query to the results"),
    Key("search-open", "enter", "open_hit", "Open", "Open the highlighted result at its line"),
    Key("search-back", "escape", "back", "Back", "Back to the session list"),
)

PEOPLE = (
    Key("people-open", "enter,o", "open_person", "Open", "Open the highlighted person's page"),
    Key("people-filter", "slash,f", "filter", "Filter", "Filter by name, company, role or tag"),
    Key("people-sort", "s", "cycle_sort", "Sort", "Sort by name, next touch or last contact"),
    Key("people-back", "escape", "back", "Back", "Back to the session list"),
)

PEOPLE_FILTER = (
    Key(
        "people-filter-leave",
        "escape",
        "screen.leave_filter",
        "Clear",
        "Clear the filter, back to the list",
    ),
)
"""The People filter box: ``escape`` clears it instead of leaving the screen."""

PERSON = (
    Key("person-new-session", "n", "new_session", "New session", "Prepare a session with them"),
    Key("person-log", "l", "log_touch", "Log touch", "Log a call, coffee or message by hand"),
    Key("person-edit", "e", "edit", "Edit", "Edit their name, company, cadence, tags, notes"),
    Key("person-back", "escape", "back", "Back", "Back to the list of people"),
)

LOG_TOUCH = (
    Key("log-touch-save", "ctrl+s", "save", "Save", "Log it (enter in a field does too)", True),
    Key("log-touch-cancel", "escape", "cancel", "Cancel", "Close without logging anything"),
)

PERSON_FORM = (
    Key("person-form-save", "ctrl+s", "save", "Save", "Save the changes", True),
    Key("person-form-cancel", "escape", "cancel", "Cancel", "Close without the changes"),
)

PATTERNS = (Key("patterns-back", "escape", "back", "Back", "Back to the session list"),)

TEMPLATE = (
    Key("copy-template", "ctrl+y", "copy", "Copy", "Copy the text as it is now", True),
    Key("sent-template", "ctrl+s", "sent", "Copy & mark sent", "Copy it and mark it sent", True),
    Key(
        "mail-template",
        "ctrl+o",
        "open_mail",
        "Open in mail app",
        "Open it in your mail app (a mailto: link); the clipboard if none opens",
        True,
    ),
    Key("close-template", "escape", "close", "Close", "Close without marking it sent"),
)

HELP = (Key("close-help", "escape", "close", "Close", "Close this list"),)

IMPORT = (Key("close-import", "escape", "close", "Close", "Close (what was imported stays)"),)

QUESTION = (Key("cancel-question", "escape", "cancel", "Cancel", "Close without adding it"),)

UNSAVED = (
    Key("unsaved-stay", "escape", "stay", "Stay", "Stay here; nothing is lost"),
    Key("unsaved-retry", "r", "choose('retry')", "Retry", "Try saving to the data folder again"),
    Key("unsaved-copy", "c", "choose('copy')", "Save a copy", "Save a copy outside the folder"),
)

UNSAVED_COPIES = (
    Key("copies-later", "escape", "later", "Later", "Ask again at the next start"),
    Key("copies-restore", "r", "choose('restore')", "Restore", "Put them back into the folder"),
    Key("copies-keep", "k", "choose('keep')", "Keep as files", "Leave them on disk, stop asking"),
)

APP = (
    Key("help", "f1", "help", "Keys", "Every key of this screen", True, show=False),
    Key(
        "help-question",
        "question_mark",
        "help_unless_typing",
        "Keys",
        "Every key of this screen (where ? is not typed as text)",
        show=False,
        rank=0,
    ),
    Key("quit", "ctrl+q", "quit", "Quit", "Quit (notes are saved first)", True, False, rank=0),
    Key("palette", "ctrl+p", "command_palette", "Palette", "Every action of the screen, by name"),
)
"""Keys that work on every screen. ``ctrl+p`` is Textual's own binding, listed for help."""

PAGE_KEYS = (
    ("↑ ↓", "Move in a list, or scroll a page a line"),
    ("pgup pgdn", "Scroll a page or a list a screenful"),
    ("home end", "To the top or the bottom"),
    ("tab ⇧tab", "Next or previous field or list"),
    ("mouse wheel", "Scroll what is under the pointer"),
)
"""Keys Textual's lists, pages and fields handle themselves; listed in the help screen."""


def all_keys() -> dict[str, Key]:
    """Every key row by id, for the help screen and the footer."""
    rows = (
        LIVE,
        START,
        FILTER,
        SETUP,
        LEAVE_FORM,
        SESSION_VIEW,
        AGENDA_EDITOR,
        WRAP_UP,
        SEARCH,
        PEOPLE,
        PEOPLE_FILTER,
        PERSON,
        LOG_TOUCH,
        PERSON_FORM,
        PATTERNS,
        TEMPLATE,
        HELP,
        IMPORT,
        QUESTION,
        UNSAVED,
        UNSAVED_COPIES,
        APP,
    )
    return {key.id: key for keys in rows for key in keys}
