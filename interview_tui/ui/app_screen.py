"""Screens and dialogs that know which app they belong to.

Textual types ``self.app`` as ``App[Any]``, so a screen reaching ``self.app.workspace`` is
untyped. These bases narrow it to :class:`~interview_tui.ui.app.InterviewApp` for the type
checker only, the way Textual declares its own ``app`` (a ``textual.getters.app``
descriptor); at run time they are plain ``Screen`` and ``ModalScreen``, with no check of the
app's class.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from textual import getters

    from interview_tui.ui.app import InterviewApp

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType]):
    if TYPE_CHECKING:
        app = getters.app(InterviewApp)


class AppModal(ModalScreen[ResultType]):
    if TYPE_CHECKING:
        app = getters.app(InterviewApp)
