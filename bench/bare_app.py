"""The baseline for start-up time: a bare Textual app with a Header, a Footer and one Static."""

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static

READY_TEXT = "Bare Textual app is ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(READY_TEXT)
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
