"""Fixtures for ``tests/reliability``: real processes (the crash child, the app in tmux)
killed at random moments. No Pilot here; the shared fixtures are in ``tests/conftest.py``.
"""

from __future__ import annotations

import os
import random

import pytest


@pytest.fixture
def crash_seed() -> int:
    """The seed of this run's random kill moments: ``INTERVIEW_TUI_CRASH_SEED``, or a new one.
    Each test names it in what it reports, so a failure can be replayed."""
    return int(os.environ.get("INTERVIEW_TUI_CRASH_SEED") or random.randrange(1 << 30))
