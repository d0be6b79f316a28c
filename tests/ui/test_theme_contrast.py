"""Every coloured text the app draws reads at 3:1 or better in Textual's built-in themes.

The plain status colours (``$accent``, ``$warning`` …) are made for backgrounds and borders:
as text on ``textual-light`` the accent and the warning read at 1.49:1. Text uses the
``$text-*`` variables, which Textual derives from them to contrast with the background.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App
from textual.color import Color

UI = Path(__file__).resolve().parents[2] / "interview_tui" / "ui"
STATUS_COLOURS = "accent|warning|error|success|primary|secondary"

# (text colour, what it sits on) for every coloured text in the app's CSS and markup.
USED = [
    ("text-accent", "background"),  # titles: start, setup, wrap-up
    ("text-error", "background"),  # setup's form errors
    ("text-primary", "panel"),  # the help screen's section titles
    ("text-error", "panel"),  # the own-question dialog's error
    ("text-success", "boost"),  # the budget bar: running
    ("text-warning", "boost"),  # … behind the plan; question flags
    ("text-error", "boost"),  # … over time
    ("text-warning", "background"),  # the agenda editor's "flagged" count
    ("text-error", "error-muted"),  # the save banner: saving failed
    ("foreground", "warning-muted"),  # … read-only
]


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(foreground: Color, background: Color) -> float:
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _resolve(variables: dict[str, str], name: str, under: Color) -> Color:
    color = Color.parse(variables[name])
    return under.blend(color.with_alpha(1), color.a) if color.a < 1 else color


def _themes() -> list[str]:
    # The ANSI themes take the terminal's own colours, which a test cannot know.
    return sorted(name for name in App().available_themes if "ansi" not in name)


@pytest.mark.parametrize("theme_name", _themes())
def test_coloured_text_reads_at_3_to_1_or_better(theme_name):
    theme = App().available_themes[theme_name]
    variables = theme.to_color_system().generate()
    background = Color.parse(variables["background"])
    too_faint = []
    for text, under in USED:
        behind = _resolve(variables, under, background)
        ratio = contrast(_resolve(variables, text, behind), behind)
        if ratio < 3:
            too_faint.append(f"${text} on ${under}: {ratio:.2f}:1")
    assert not too_faint, f"{theme_name}: {too_faint}"


def test_text_never_takes_a_plain_status_colour():
    """``color: $warning`` or ``[$warning]`` in a stylesheet or markup: use ``$text-warning``."""
    pattern = re.compile(rf"(?:\bcolor:\s*|\[[^\]]*)\$(?:{STATUS_COLOURS})\b(?!-)")
    found = [
        f"{path.relative_to(UI)}:{number}: {line.strip()}"
        for path in sorted([*UI.rglob("*.tcss"), *UI.rglob("*.py")])
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if pattern.search(line) and "background" not in line.split("$")[0][-30:]
    ]
    assert not found, found
