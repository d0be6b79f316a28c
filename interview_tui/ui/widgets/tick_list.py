"""A ``SelectionList`` whose boxes say ticked or not without colour.

Textual draws every box as ``▐X▌`` and tells ticked from unticked by the colour of the ``X``
alone, which a monochrome terminal, a colour-blind eye or a screen reader cannot see. Here an
unticked box is empty (``▐ ▌``) and a ticked one holds the mark (``▐X▌``).
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = Checkbox.BUTTON_INNER
UNTICKED = " " * len(TICKED)


class TickList(SelectionList[str]):
    """Tick-boxes drawn ``▐X▌`` when ticked and ``▐ ▌`` when not."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        if selection.value in self.selected:
            return strip
        segments = list(strip)
        # Textual draws the box as its first three segments: left side, mark, right side.
        if len(segments) > 1 and segments[1].text == TICKED:
            _text, style, control = segments[1]
            segments[1] = Segment(UNTICKED, style, control)
            return Strip(segments, strip.cell_length)
        return strip
