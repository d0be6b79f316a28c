"""Command palette entries for every binding of the current screen.

Deriving the palette from the bindings keeps the two in step: an action added to a screen's
``BINDINGS`` shows up in the footer and in the palette without a second list to maintain.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape
from textual.types import IgnoreReturnCallbackType

from interview_tui.ui.plain import one_line

HIDDEN_ACTIONS = {"command_palette", "quit"}


def highlighted(matcher: Matcher, name: str) -> Content:
    """``name`` as text with the letters the query matched highlighted.

    ``Matcher.highlight`` would read ``name`` as markup.
    """
    content = one_line(name)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, content.plain)
    for offset in offsets:
        if not content.plain[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ScreenActionsProvider(Provider):
    def _commands(self) -> Iterator[tuple[str, str, IgnoreReturnCallbackType]]:
        seen: set[str] = set()
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            # The focused widget's own keys (a text box's cursor moves) are not app actions.
            if active.node is not self.screen and active.node is not self.app:
                continue
            if binding.action in seen or binding.action in HIDDEN_ACTIONS:
                continue
            if not binding.description or not active.enabled:
                continue
            seen.add(binding.action)
            keys = binding.key_display or key
            # The palette reads help as markup; ours is code-written, escaped all the same.
            help_text = escape(binding.tooltip or f"Key: {keys}")
            yield (
                binding.description,
                help_text,
                partial(self.app.run_action, binding.action, active.node),
            )

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(one_line(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, highlighted(matcher, name), callback, text=name, help=help_text)
