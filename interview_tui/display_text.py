"""Text that a person, a bank or a file supplied, made ready to show as it was written.

Plain Python, shared by the command line, the exports and the UI (which wraps these in
``interview_tui.ui.plain``): no terminal control codes, one line where one line is needed,
and Markdown characters escaped where a Markdown renderer would otherwise act on them.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL and the C1 controls: an ESC in a bank name must not
# reach the terminal as an escape sequence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BREAK_CHARACTERS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE_BREAKS = re.compile(rf"\s*[{_BREAK_CHARACTERS}]\s*")
# What CommonMark (and GitHub's tables, task lists and strike-through) would act on inside a
# line. Every ASCII punctuation character may be escaped with a backslash.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# A line of dashes or equals signs is a rule or a heading underline, not text.
_MARKDOWN_RULE = re.compile(r"^(\s*)([-=])(?=[-=\s]*$)")

REPLACEMENT = "\ufffd"


def printable(text: str) -> str:
    """``text`` with control characters (other than newline and tab) shown as "\ufffd"."""
    return _CONTROL.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """``text`` on one line: line breaks at either end go, and every other run of line
    breaks (with the blanks around it) becomes one space."""
    return printable(_LINE_BREAKS.sub(" ", text.strip(_BREAK_CHARACTERS))).replace("\t", " ")


def markdown_literal(text: str) -> str:
    """``text`` escaped so that a Markdown renderer shows it as typed.

    Line breaks are kept, and so are list markers at the start of a line (``- `` and ``1. ``),
    so a note typed as a list still reads as a list.
    """
    lines = _MARKDOWN_INLINE.sub(r"\\\1", printable(text)).split("\n")
    return "\n".join(_MARKDOWN_RULE.sub(r"\1\\\2", line) for line in lines)
