"""The child side of the crash harness (tests/test_crash_safety.py); not a test module.

Run as ``python tests/reliability/crash_child.py DATA_DIR LOG INTERVAL``. It opens the data folder
with the real :class:`SessionStore`, resumes the live session at the progress it finds
stored, and "types" into it without pause: one keystroke is one progress step. Every
``INTERVAL`` seconds the newest state goes to the real :class:`Autosaver` (as the live
screen's debounce timer does) and a writer thread writes it (as the screen's worker
does), with ``update_index=True`` on every third save and, after every sixth
write, a brand-new session. It runs until the parent kills it.

Side channel: one line per event appended to LOG with a single ``os.write`` (a SIGKILL
cannot lose what the kernel already has), stamped with ``time.monotonic()``, which is one
clock for every process on the machine:

    R <k> <t>   store open, live session at progress k, typing starts
    S <k> <t>   snapshot of progress k submitted
    B <k> <t>   store.save of progress k begins
    W <k> <t>   store.save of progress k returned
    E <text>    a save failed (the child exits)
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from interview_tui.models import AgendaItem, Contact, Session
from interview_tui.storage.autosave import Autosaver
from interview_tui.storage.store import SessionSnapshot, SessionStore, StoreError

LIVE_ID = "crash-live"
QUESTIONS = 12
KEYS_PER_QUESTION = 50
WINDOW = 700  # keystrokes kept in the notes: about 5 KB, a realistic session
INDEX_EVERY = 3
NEW_SESSION_EVERY = 6


def token(i: int) -> str:
    return f"{i:06d} "


def expected_notes(k: int) -> list[str]:
    """The question notes after ``k`` keystrokes: each keystroke typed one token."""
    notes = [""] * QUESTIONS
    for i in range(max(0, k - WINDOW), k):
        notes[(i // KEYS_PER_QUESTION) % QUESTIONS] += token(i)
    return notes


def progress_of(session: Session) -> int:
    """The progress counter the general note carries: ``progress <k>``."""
    return int(session.general_note.split()[1])


def apply_state(session: Session, k: int) -> None:
    """Make ``session`` the exact state after ``k`` keystrokes."""
    for item, note in zip(session.agenda, expected_notes(k), strict=True):
        item.note = note
    current = (k // KEYS_PER_QUESTION) % QUESTIONS
    session.current_index = current
    for index, item in enumerate(session.agenda):
        item.status = "asked" if index < current else "pending"
        item.reached = index <= current
    session.elapsed_seconds = k / 100
    session.general_note = f"progress {k}"
    session.status = "live"


def new_live_session() -> Session:
    session = Session(
        id=LIVE_ID,
        contact=Contact(name="Crash Test", company="Harness Inc", role="Engineer"),
        length_minutes=30,
        agenda=[
            AgendaItem(key=f"crash/q{i}", text=f"Question {i}?", minutes=2.0)
            for i in range(QUESTIONS)
        ],
        cut_index=QUESTIONS,
    )
    apply_state(session, 0)
    return session


def main(data_dir: str, log_path: str, interval: float) -> None:
    log_fd = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def log(kind: str, k: int) -> None:
        os.write(log_fd, f"{kind} {k} {time.monotonic():.6f}\n".encode())

    store = SessionStore(Path(data_dir))
    if store.read_only:
        raise SystemExit("data folder is locked by another process")
    try:
        session = store.load(LIVE_ID)
    except StoreError:
        session = new_live_session()
    k = progress_of(session)
    log("R", k)

    real_save = store.save

    def logged_save(snapshot: Session | SessionSnapshot, *, update_index: bool = True) -> None:
        if not isinstance(snapshot, SessionSnapshot) or snapshot.session_id != LIVE_ID:
            real_save(snapshot, update_index=update_index)
            return
        done = int(snapshot.document["general_note"].split()[1])
        log("B", done)
        real_save(snapshot, update_index=update_index)
        log("W", done)

    store.save = logged_save  # type: ignore[method-assign]
    autosaver = Autosaver(store)
    wake = threading.Event()

    def writer() -> None:
        written = 0
        while True:
            wake.wait()
            wake.clear()
            if not autosaver.write_pending():
                os.write(log_fd, f"E save failed: {autosaver.last_error}\n".encode())
                os._exit(3)
            written += 1
            if written % NEW_SESSION_EVERY == 0:
                # A session prepared during the call (a referral): a new file plus the index.
                store.save(Session(contact=Contact(name=f"Referral {written}", company="Else")))

    threading.Thread(target=writer, daemon=True).start()

    saves = 0
    next_save = time.monotonic() + interval
    while True:
        k += 1  # one keystroke
        if time.monotonic() >= next_save:
            saves += 1
            apply_state(session, k)
            log("S", k)
            autosaver.submit(session, update_index=saves % INDEX_EVERY == 0)
            wake.set()
            next_save += interval
        time.sleep(0.0005)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]))
