"""A footer that shows the keys that matter first and adds the rest as width allows.

Textual's ``Footer`` draws every shown binding in order and cuts off whatever does not fit, so
at 80 columns the last keys of a busy screen vanish and at 120 the hidden ones never appear.
This one ranks keys by the key map (``Key.rank``): rank 1 always, then the command palette
key, then rank 2 while there is room; ``F1`` lists them all. Keys of one group
(``Key.group``) share one entry: ``+ - Priority``. It draws again when the width changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from interview_tui.ui import keymap

PALETTE_RANK = 1.5
"""After every rank-1 key, before the rank-2 ones."""


class Entry(NamedTuple):
    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    rank: float
    classes: str = ""

    @property
    def width(self) -> int:
        """Cells it takes in a compact footer: key, space, description, margin."""
        description = f" {self.description}" if self.description else ""
        border = 1 if self.classes else 0  # the palette key's left border
        return cell_len(self.key_display) + cell_len(description) + 1 + border


class KeyFooter(Footer):
    """``Footer`` for screens whose keys outnumber 80 columns."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._drawn_for_width = 0
        self.shown: list[str] = []
        """Actions of the entries drawn, in order (for tests and the help screen)."""

    def _entries(self) -> Iterator[Entry]:
        ranks = keymap.all_keys()
        seen: set[str] = set()
        grouped: dict[str, list[Binding]] = {}
        active = list(self.screen.active_bindings.values())
        for _node, binding, _enabled, _tooltip in active:
            if binding.group is not None:
                grouped.setdefault(binding.group.description, []).append(binding)
        for _node, binding, enabled, tooltip in active:
            row = ranks.get(binding.id or "")
            rank = row.rank if row is not None else (1 if binding.show else 0)
            if not rank or binding.action in seen:
                continue
            seen.add(binding.action)
            group = binding.group
            if group is not None:
                if group.description in seen:
                    continue
                seen.add(group.description)
                keys: dict[str, str] = {}
                for member in grouped[group.description]:
                    keys.setdefault(member.action, self.app.get_key_display(member))
                display = " ".join(keys.values())
                yield Entry(
                    binding.key, display, group.description, binding.action, enabled, "", rank
                )
                continue
            yield Entry(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                enabled,
                tooltip or binding.tooltip,
                rank,
            )
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                _node, binding, enabled, tooltip = palette
                yield Entry(
                    binding.key,
                    self.app.get_key_display(binding),
                    binding.description,
                    binding.action,
                    enabled,
                    tooltip or binding.tooltip or binding.description,
                    PALETTE_RANK,
                    "-command-palette",
                )

    def fitting(self, width: int) -> list[Entry]:
        """The entries to draw at ``width`` columns, in screen order."""
        entries = list(self._entries())
        room = width - 1
        keep: set[int] = set()
        for index in sorted(range(len(entries)), key=lambda i: (entries[i].rank, i)):
            if entries[index].width <= room:
                keep.add(index)
                room -= entries[index].width
            elif entries[index].rank <= 1:
                room = 0  # a must-have does not fit: show no lesser key in its place
        return [entry for index, entry in enumerate(entries) if index in keep]

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        width = self.app.size.width
        self._drawn_for_width = width
        entries = self.fitting(width)
        self.shown = [entry.action for entry in entries]
        for entry in entries:
            yield FooterKey(
                entry.key,
                entry.key_display,
                entry.description,
                entry.action,
                disabled=not entry.enabled,
                tooltip=entry.tooltip,
                classes=entry.classes,
            ).data_bind(compact=Footer.compact)

    def on_resize(self, event: events.Resize) -> None:
        if self._bindings_ready and self.app.size.width != self._drawn_for_width:
            self.call_after_refresh(self.recompose)
