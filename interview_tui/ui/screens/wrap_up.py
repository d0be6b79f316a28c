"""After the call: reflections, takeaways, people to talk to next, follow-up dates, and the
thank-you note."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Label, Static, TextArea

from interview_tui.followups import (
    call_date,
    check_in_months,
    parse_referral,
    schedule_followups,
)
from interview_tui.models import REFLECTION_PROMPTS, Session
from interview_tui.session_flow import asked_count
from interview_tui.ui import keymap
from interview_tui.ui.plain import one_line, plain, styled
from interview_tui.ui.screens.saving import SavingScreen
from interview_tui.ui.widgets.key_footer import KeyFooter


class WrapUpScreen(SavingScreen):
    CSS_PATH = "wrap_up.tcss"
    AUTO_FOCUS = "#reflection-field"
    BINDINGS = keymap.bindings(keymap.WRAP_UP)

    def __init__(self, session: Session, today: date | None = None) -> None:
        super().__init__(session)
        self.today = today or date.today()
        # Follow-ups count from the day of the call, so reopening a wrap-up later moves nothing.
        self.call_day = call_date(session) or self.today

    def compose(self) -> ComposeResult:
        session = self.session
        yield Header()
        with VerticalScroll(id="wrap-up"):
            yield Static(
                styled(
                    "[b]Wrap-up[/b] · $title · $asked",
                    title=session.title,
                    asked=str(asked_count(session)),
                ),
                id="wrap-title",
            )
            for key, prompt in REFLECTION_PROMPTS.items():
                yield Label(plain(prompt), classes="prompt")
                yield TextArea(
                    session.reflections.get(key, ""), id=f"reflection-{key}", classes="reflection"
                )
            yield Label("Key takeaways", classes="prompt")
            yield TextArea(session.takeaways, id="takeaways", classes="reflection")
            yield Label("People they recommended I talk to", classes="prompt")
            yield Input(placeholder="Name — why, how to reach them (enter adds)", id="referral")
            yield Static(id="referrals")
            yield Label("Follow-up", classes="prompt")
            with Horizontal(id="check-in-row"):
                yield Label("Check in again after")
                yield Input(id="check-in-months", type="integer", compact=True)
                yield Label("months")
            yield Static(id="followups")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.sub_title = "Wrap-up"
        months = self.query_one("#check-in-months", Input)
        # The stored plan's months, shown without announcing a change: re-planning then would
        # move a reopened session's follow-ups to dates counted from today.
        with months.prevent(Input.Changed):
            months.value = str(check_in_months(self.session, self.call_day))
        if not any(f.kind == "thank-you" for f in self.session.followups):
            self.session = schedule_followups(self.session, self.call_day)
        self._show_referrals()
        self._show_followups()
        # Focusing the first prompt scrolls its label and the title out of view; bring them back.
        self.call_after_refresh(
            self.query_one("#wrap-up", VerticalScroll).scroll_home, animate=False
        )

    def _show_referrals(self) -> None:
        lines = [
            one_line(
                f"• {r.name}"
                + (f" — {r.note}" if r.note else "")
                + (" (contact created)" if r.session_id else "")
            )
            for r in self.session.referrals
        ]
        self.query_one("#referrals", Static).update(
            Content("\n").join(lines) if lines else "[dim]none yet[/dim]"
        )

    def _show_followups(self) -> None:
        lines = [
            f"{'✓' if f.done else '○'} {f.kind}: {f.due:%a %d %b %Y}"
            for f in self.session.followups
        ]
        self.query_one("#followups", Static).update(plain("\n".join(lines)))

    @on(TextArea.Changed, ".reflection")
    def reflection_changed(self, event: TextArea.Changed) -> None:
        area_id = event.text_area.id or ""
        if area_id == "takeaways":
            self.session.takeaways = event.text_area.text
        else:
            self.session.reflections[area_id.removeprefix("reflection-")] = event.text_area.text
        self.schedule_save()

    @on(Input.Submitted, "#referral")
    def add_referral(self, event: Input.Submitted) -> None:
        referral = parse_referral(event.value)
        if referral is None:
            return
        if not referral.name:  # the line stays in the box to be fixed
            self.notify("A recommended person needs a name first: Name — why, how to reach them")
            return
        self.session.referrals.append(referral)
        event.input.value = ""
        self._show_referrals()
        self.schedule_save()

    @on(Input.Changed, "#check-in-months")
    def check_in_changed(self, event: Input.Changed) -> None:
        try:
            months = int(event.value)
        except ValueError:
            return
        if 0 <= months <= 36:
            self.session = schedule_followups(self.session, self.call_day, months)
            self._show_followups()
            self.schedule_save()

    def action_thank_you(self) -> None:
        from interview_tui.session_flow import mark_thanked
        from interview_tui.templates import thank_you_note
        from interview_tui.ui.dialogs.template_dialog import TemplateDialog, TemplateResult

        signature = self.app.settings.email_signature
        drafted = thank_you_note(self.session, today=self.today, signature=signature)

        def closed(result: TemplateResult | None) -> None:
            if result is None:
                return
            # The person's edits are kept for the next time the note opens, sent or not.
            kept = "" if result.text == drafted else result.text
            if kept != self.session.thank_you_draft:
                self.session.thank_you_draft = kept
                self.schedule_save()
            if result.sent:
                mark_thanked(self.session, self.today)
                self._show_followups()
                self.flush()

        text = self.session.thank_you_draft or drafted
        self.app.push_screen(
            TemplateDialog("Thank-you note", text, "thank-you", self.session.contact.email), closed
        )

    def _create_referral_contacts(self) -> None:
        workspace = self.app.workspace
        if workspace is None or workspace.read_only:
            return
        for referral in self.session.referrals:
            if referral.session_id is None and referral.person_id is None:
                workspace.refer(self.session, referral)  # a person to contact, not a session

    def action_back(self) -> None:
        """Escape: the same as done, under its own name so the footer shows both keys."""
        self.action_done()

    def action_done(self) -> None:
        from interview_tui.service import StoreError

        try:
            self._create_referral_contacts()
        except (StoreError, ValueError) as exc:  # ValueError: a referral line with no name
            self.notify(f"People they recommended: {exc}", severity="error")
            return
        self.leave_safely("Leave", self.dismiss_keeping)

    def on_unmount(self) -> None:
        self.flush()
