"""``followups.ics``: one calendar file that a calendar app can subscribe to, kept current.

The application service tells the feed which sessions changed their schedule or follow-ups
(:meth:`CalendarFeed.changed`); the feed turns each into its events at once (cheap, and a
later edit of the session cannot reach them) and writes the whole calendar a moment later on
a background thread, so a burst of saves costs one write and a save never waits for it. The
first write reads every stored session once, for the follow-ups already done (they stay in
the file as cancelled events); later writes reuse what it read.

Plain Python: no Textual, no storage. The service hands it the path and a way to read all
sessions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from interview_tui.export import calendar_events, ics_calendar, write_export
from interview_tui.models import Session

FEED_NAME = "followups.ics"
DEBOUNCE_SECONDS = 1.0

Events = list[list[str]]


class CalendarFeed:
    def __init__(
        self,
        path: Path,
        all_sessions: Callable[[], Iterable[Session]],
        *,
        delay: float = DEBOUNCE_SECONDS,
    ) -> None:
        self.path = path
        self._all_sessions = all_sessions
        self._delay = delay
        self._events: dict[str, Events] | None = None  # every session's, once read
        self._changed: dict[str, Events | None] = {}  # None: the session is gone
        self._lock = threading.Lock()  # guards _changed and _timer
        self._write_lock = threading.Lock()  # one write at a time
        self._timer: threading.Timer | None = None
        self.last_error: str | None = None
        self.writes = 0

    def changed(self, session: Session) -> None:
        """``session``'s schedule or follow-ups changed: rewrite the file soon."""
        events = calendar_events(session)
        with self._lock:
            self._changed[session.id] = events
            self._schedule()

    def removed(self, session_id: str) -> None:
        with self._lock:
            self._changed[session_id] = None
            self._schedule()

    @property
    def pending(self) -> bool:
        with self._lock:
            return bool(self._changed)

    def _schedule(self) -> None:
        if self._timer is None and self._delay >= 0:
            self._timer = threading.Timer(self._delay, self._write_in_background)
            self._timer.daemon = True
            self._timer.start()

    def _write_in_background(self) -> None:
        self.flush()

    def flush(self) -> bool:
        """Write the file now if anything changed since the last write; False if it failed
        (the changes are kept and written with the next change or flush)."""
        with self._write_lock:
            with self._lock:
                timer, self._timer = self._timer, None
                changed, self._changed = self._changed, {}
            if timer is not None:
                timer.cancel()
            if not changed:
                return True
            try:
                events = self._events
                if events is None:
                    events = {s.id: calendar_events(s) for s in self._all_sessions()}
                for session_id, new in changed.items():
                    if new is None:
                        events.pop(session_id, None)
                    else:
                        events[session_id] = new
                self._events = events
                every = (event for key in sorted(events) for event in events[key])
                write_export(self.path, ics_calendar(every))
            # Any failure, not only a full disk: a traceback from the background thread would
            # land on the app's screen.
            except Exception as exc:
                with self._lock:
                    self._changed = {**changed, **self._changed}
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                self.last_error = f"could not write {self.path}: {reason}"
                return False
            self.last_error = None
            self.writes += 1
            return True

    def close(self) -> bool:
        """Write what is pending (the app is closing), then stop."""
        return self.flush()
