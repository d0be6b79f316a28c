"""Fixtures for the SVG snapshots in ``tests/snapshots`` (pytest-textual-snapshot's
``snap_compare`` plus the app fixtures shared with ``tests/ui``, from ``tests/ui_fixtures.py``).

Pictures must not depend on when they are taken: a FakeClock, sessions stored with fixed ids
and dates, no blinking cursors, no toasts (``settle``).
"""

from __future__ import annotations

from ui_fixtures import (  # noqa: F401  (fixtures: pytest finds them here by name)
    app_data_dir,
    make_app,
    no_blinking_fixture,
    settle_fixture,
    store_session,
    wait_until_fixture,
)
