"""Time for the live screen: a monotonic clock and a stopwatch that can be paused.

The UI ticks with ``set_interval`` but always reads the clock, so a late tick never makes
the shown time wrong. Tests inject :class:`FakeClock`.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float: ...


class MonotonicClock:
    def now(self) -> float:
        return time.monotonic()


class FakeClock:
    """A clock tests move by hand."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds


class Stopwatch:
    """Accumulated seconds plus the running stretch, if running."""

    def __init__(self, clock: Clock, elapsed: float = 0.0) -> None:
        self._clock = clock
        self._accumulated = elapsed
        self._started: float | None = None

    @property
    def running(self) -> bool:
        return self._started is not None

    def start(self) -> None:
        if self._started is None:
            self._started = self._clock.now()

    def pause(self) -> None:
        if self._started is not None:
            self._accumulated += self._clock.now() - self._started
            self._started = None

    def toggle(self) -> bool:
        """Start if paused, pause if running; returns whether it now runs."""
        if self.running:
            self.pause()
        else:
            self.start()
        return self.running

    def elapsed(self) -> float:
        if self._started is None:
            return self._accumulated
        return self._accumulated + (self._clock.now() - self._started)

    def reset(self, elapsed: float = 0.0) -> None:
        self._accumulated = elapsed
        if self._started is not None:
            self._started = self._clock.now()
