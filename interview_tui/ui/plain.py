"""The one way text from people, banks and files reaches a widget: as text, never as markup.

Textual reads a ``str`` given to ``Static``, ``Label``, ``Option``, a ``SelectionList`` or
``Select`` prompt, or a command palette hit as content markup. A contact named
``Lee Dev[/ops]`` then raises ``MarkupError`` (and, once a follow-up of theirs is due, on
every start), ``Acme [formerly Foo]`` loses its bracket, and ``[@click=app.quit]`` becomes an
action. So:

- :func:`plain` and :func:`one_line` turn such text into ``Content``, which is never parsed;
- :func:`styled` fills code-written markup with such text: ``styled("[b]$name[/b]", name=...)``
  styles the template and leaves every value as typed.

Markup stays fine in string constants the code wrote. ``tests/unit/test_ui_text_sinks.py``
reads the source of ``interview_tui/ui`` and fails on a widget given text built any other way.
Notifications are plain text app-wide (see ``InterviewApp.notify``).
"""

from __future__ import annotations

from textual.content import Content

from interview_tui import display_text


def plain(text: str) -> Content:
    """``text`` exactly as written (control characters made visible), lines and all."""
    return Content(display_text.printable(text))


def one_line(text: str) -> Content:
    """``text`` as one clean line, for list rows, titles and labels."""
    return Content(display_text.one_line(text))


def styled(template: str, /, **values: object) -> Content:
    """Code-written markup ``template`` with ``$name`` variables filled in as plain text.

    Values are shown on one line; pass a ``Content`` to keep line breaks in a value.
    """
    return Content.from_markup(
        template,
        **{
            name: value if isinstance(value, Content) else one_line(str(value))
            for name, value in values.items()
        },
    )
