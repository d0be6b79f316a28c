"""Every key of the screen underneath, then the keys that work everywhere (F1, or ``?``).

Built from the screen's own bindings, described by the key map, so it lists what the keys
really do on that screen, including those the footer has no room for.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import one_line, styled
from interview_tui.ui.widgets.key_footer import KeyFooter

SCREEN_NAMES = {
    "StartScreen": "Sessions",
    "SetupScreen": "Prepare",
    "AgendaEditorScreen": "Agenda editor",
    "LiveScreen": "Live call",
    "WrapUpScreen": "Wrap-up",
    "SessionViewScreen": "Session page",
    "SearchScreen": "Search",
    "PatternsScreen": "Patterns",
    "PeopleScreen": "People",
    "PersonScreen": "Person page",
    "LogTouchDialog": "Log a touch",
    "PersonDialog": "Edit a person",
    "TemplateDialog": "Email or note",
    "QuestionDialog": "Your own question",
    "LeaveFormDialog": "Leave the form",
}


@dataclass(frozen=True)
class KeyRow:
    keys: str
    """As the footer writes them: ``^n / f2``."""
    label: str
    help: str


def screen_name(screen: Screen[object]) -> str:
    name = type(screen).__name__
    return SCREEN_NAMES.get(name, name.removesuffix("Screen").removesuffix("Dialog"))


def _display(screen: Screen[object], keys: list[str]) -> str:
    return " / ".join(screen.app.get_key_display(Binding(key, "")) for key in keys)


def screen_rows(screen: Screen[object]) -> list[KeyRow]:
    """One row per action bound on ``screen`` (and on the focused widget, such as the filter
    box), in the order they are bound. Textual's own keys (tab, copy) are left to the last
    section."""
    described = keymap.all_keys()
    keys: dict[str, list[str]] = {}
    bindings: dict[str, Binding] = {}
    nodes = [screen] if screen.focused is None else [screen, screen.focused]
    for node in nodes:
        for key, binding in node._bindings:
            name = binding.id or binding.action
            if name not in described and not binding.show:
                continue
            keys.setdefault(name, []).append(key)
            bindings.setdefault(name, binding)
    rows = []
    for name, binding in bindings.items():
        row = described.get(name)
        label = row.label if row is not None else binding.description
        help_text = row.help if row is not None else (binding.tooltip or "")
        rows.append(KeyRow(_display(screen, keys[name]), label or binding.action, help_text))
    return rows


def app_rows(screen: Screen[object]) -> list[KeyRow]:
    return [
        KeyRow(_display(screen, row.keys.split(",")), row.label, row.help) for row in keymap.APP
    ]


def page_rows() -> list[KeyRow]:
    return [KeyRow(keys, "", help_text) for keys, help_text in keymap.PAGE_KEYS]


def row_text(row: KeyRow) -> Content:
    """What a key does: its footer label in bold, then the longer help."""
    if row.label and row.help and not row.help.lower().startswith(row.label.lower()):
        return Content.assemble(one_line(row.label).stylize("bold"), ": ", one_line(row.help))
    return one_line(row.help or row.label)


def sections(screen: Screen[object]) -> list[tuple[str, list[KeyRow]]]:
    return [
        ("On this screen", screen_rows(screen)),
        ("Everywhere", app_rows(screen)),
        ("Lists, pages and fields", page_rows()),
    ]


class HelpDialog(AppModal[None]):
    """The keys of ``screen`` and of the whole app; scrolls; escape, F1 or ``?`` close it."""

    DEFAULT_CSS = """
    HelpDialog { align: center middle; }
    HelpDialog > Vertical {
        width: 90%; max-width: 100; height: 90%;
        background: $panel; border: thick $primary; padding: 0 1;
    }
    HelpDialog #help-title { height: auto; padding: 1 0 1 0; text-style: bold; }
    HelpDialog #help-keys { height: 1fr; }
    HelpDialog .help-section { height: auto; color: $text-primary; text-style: bold; }
    HelpDialog .help-row { height: auto; }
    HelpDialog .help-key { width: 18; padding-left: 2; text-style: bold; }
    HelpDialog .help-what { width: 1fr; }
    HelpDialog .help-gap { height: 1; }
    """
    AUTO_FOCUS = "#help-keys"
    BINDINGS = keymap.bindings(keymap.HELP)

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.for_screen = screen

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(styled("Keys · $name", name=screen_name(self.for_screen)), id="help-title")
            with VerticalScroll(id="help-keys"):
                for index, (title, rows) in enumerate(sections(self.for_screen)):
                    if index:
                        yield Static(classes="help-gap")
                    yield Static(one_line(title), classes="help-section")
                    for row in rows:
                        with Horizontal(classes="help-row"):
                            yield Static(one_line(row.keys), classes="help-key")
                            yield Static(row_text(row), classes="help-what")
        yield KeyFooter()

    def action_close(self) -> None:
        self.dismiss()
