"""Edit a person: every field the form knows, each error shown under its field. The form
saves through the workspace and closes only once saved, so a refused save loses no typing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from interview_tui.person import Person
from interview_tui.person_form import FORM_FIELDS, form_values, person_from_form
from interview_tui.session_form import FormErrors
from interview_tui.ui import keymap
from interview_tui.ui.app_screen import AppModal
from interview_tui.ui.plain import plain, styled
from interview_tui.ui.widgets.key_footer import KeyFooter


class PersonDialog(AppModal["Person | None"]):
    """Dismissed with the edited person (validated, not yet saved), or None."""

    DEFAULT_CSS = """
    PersonDialog { align: center middle; }
    PersonDialog > Vertical {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        background: $panel; border: thick $primary; padding: 0 1;
    }
    PersonDialog #person-form-title { height: 1; text-style: bold; }
    PersonDialog #person-form { height: auto; max-height: 1fr; }
    PersonDialog .field { height: 1; }
    PersonDialog .field-label { width: 14; color: $text-muted; }
    PersonDialog .field Input { width: 1fr; }
    PersonDialog .field-error {
        display: none; height: auto; color: $text-error; text-style: bold; padding-left: 14;
    }
    PersonDialog .field-error.-shown { display: block; }
    PersonDialog #notes { height: 5; }
    """
    AUTO_FOCUS = "#name"
    BINDINGS = keymap.bindings(keymap.PERSON_FORM)

    def __init__(self, person: Person) -> None:
        super().__init__()
        self.person = person

    def compose(self) -> ComposeResult:
        values = form_values(self.person)
        with Vertical():
            yield Static(styled("Edit $name", name=self.person.name), id="person-form-title")
            with VerticalScroll(id="person-form"):
                for key, label, hint in FORM_FIELDS:
                    with Horizontal(classes="field"):
                        yield Label(plain(label), classes="field-label")
                        yield Input(values[key], placeholder=hint, id=key, compact=True)
                    yield Static(id=f"{key}-error", classes="field-error")
                yield Label("Notes", classes="field-label")
                yield TextArea(values["notes"], id="notes")
                yield Static(id="notes-error", classes="field-error")
        yield KeyFooter()

    def on_input_submitted(self) -> None:
        self.action_save()

    def _values(self) -> dict[str, str]:
        values = {key: self.query_one(f"#{key}", Input).value for key, _, _ in FORM_FIELDS}
        values["notes"] = self.query_one("#notes", TextArea).text
        return values

    def action_save(self) -> None:
        for error in self.query(".field-error").results(Static):
            error.update("")
            error.remove_class("-shown")
        try:
            person = person_from_form(self.person, self._values())
        except FormErrors as exc:
            first = None
            for field, message in exc.errors.items():
                shown = self.query(f"#{field}-error").results(Static)
                for error in shown:
                    error.update(plain(message))
                    error.add_class("-shown")
                    first = first or field
            if first is None:  # a field the form does not show
                field, message = next(iter(exc.errors.items()))
                name_error = self.query_one("#name-error", Static)
                name_error.update(plain(f"{field}: {message}"))
                name_error.add_class("-shown")
                first = "name"
            self.query_one(f"#{first}").focus()
            return
        workspace = self.app.workspace
        if workspace is not None:
            from interview_tui.service import StoreError

            try:
                workspace.save_person(person)
            except StoreError as exc:  # the form stays open: nothing typed is thrown away
                self.notify(
                    f"Not saved: {exc}. What you typed is still here.",
                    severity="error",
                    timeout=10,
                )
                return
        self.dismiss(person)

    def action_cancel(self) -> None:
        self.dismiss(None)
