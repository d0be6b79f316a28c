"""Crash harness: SIGKILL the autosave path at random moments and check nothing is lost.

A child process (``tests/reliability/crash_child.py``) types into a live session through the real
store and autosaver while this test kills it at a random moment: sometimes while it is
still starting (importing, opening the folder, loading the session), mostly while it
types and saves. After every kill a fresh :class:`SessionStore` must open the folder
without finding anything damaged, every session must load and validate, the index must
list exactly the session files, and the live session must be one whole state the child
submitted: the last one whose save returned before the kill, or the one being saved. The
typing lost is at most one autosave interval plus the time the newest snapshot had been
on its way to disk (a writer that fell behind would lose more).

``INTERVIEW_TUI_CRASH_ROUNDS`` sets the round count of the default run (20). The full
200-round run is ``pytest -m slow tests/reliability/test_crash_safety.py`` (or set the variable).
``INTERVIEW_TUI_CRASH_SEED`` replays one sequence of kill moments.
"""

from __future__ import annotations

import os
import random
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from interview_tui.storage.session_index import read_summaries
from interview_tui.storage.store import SessionStore

sys.path.insert(0, str(Path(__file__).resolve().parent))
import crash_child

CHILD = Path(__file__).resolve().parent / "crash_child.py"
INTERVAL = 0.05
"""Autosave interval in the child. The app waits 1 s; a shorter one puts many more writes
into each round, and a third of the rounds save back to back (interval 0) so that many
kills land inside a write. The bound on lost typing is relative to the interval."""
GRACE = 0.25
"""Scheduling slack for a loaded CI machine, on top of interval + the write under way."""
DEFAULT_ROUNDS = 20
FULL_ROUNDS = 200


@dataclass
class Events:
    ready: tuple[int, float] | None = None
    submitted: dict[int, float] = field(default_factory=dict)
    began: dict[int, float] = field(default_factory=dict)
    written: dict[int, float] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def read_events(log: Path) -> Events:
    events = Events()
    if not log.exists():
        return events
    for line in log.read_text().splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "E":
            events.errors.append(rest)
            continue
        k_text, _, t_text = rest.partition(" ")
        if not t_text:  # a line cut short by the kill cannot happen with one os.write
            events.errors.append(f"torn side-channel line {line!r}")
            continue
        k, t = int(k_text), float(t_text)
        if kind == "R":
            events.ready = (k, t)
        else:
            {"S": events.submitted, "B": events.began, "W": events.written}[kind][k] = t
    return events


@dataclass
class Figures:
    rounds: int = 0
    killed_while_starting: int = 0
    killed_inside_write: int = 0
    saves_returned: int = 0
    lost_ms: list[float] = field(default_factory=list)
    temp_files_removed: int = 0
    sessions: int = 0

    def summary(self) -> str:
        lost = sorted(self.lost_ms)
        worst = f"{lost[-1]:.0f}" if lost else "-"
        median = f"{statistics.median(lost):.0f}" if lost else "-"
        return (
            f"{self.rounds} rounds, 0 failures: {self.killed_while_starting} kills while "
            f"starting, {self.killed_inside_write} inside a write, {self.saves_returned} saves "
            f"returned before a kill; typing lost at the kill: median {median} ms, worst "
            f"{worst} ms (autosave interval {INTERVAL * 1000:.0f} ms or back to back); "
            f"{self.sessions} sessions in the folder; {self.temp_files_removed} temp files of "
            "killed writes, each removed by the next open"
        )


def check_folder(root: Path) -> int | None:
    """Open ``root`` as the app would and check every session; the live progress, if any."""
    damaged = sorted(p.name for p in root.rglob("*.damaged-*"))
    assert not damaged, f"files were set aside as damaged: {damaged}"
    store = SessionStore(root)
    try:
        assert not store.read_only, "the killed child's lock outlived it"
        summaries = store.summaries()
        assert store.notices == [], store.notices
        listed = {row["id"] for row in summaries}
        on_disk = {path.stem for path in (root / "sessions").glob("*.json")}
        assert listed == on_disk, (
            f"index and session files disagree: only listed {sorted(listed - on_disk)}, "
            f"only on disk {sorted(on_disk - listed)}"
        )
        for session_id in sorted(listed):
            store.load(session_id)  # raises if damaged or invalid
        if on_disk:
            assert read_summaries(root) is not None, "the start screen cannot read the index"
        if crash_child.LIVE_ID not in listed:
            return None
        live = store.load(crash_child.LIVE_ID)
        k = crash_child.progress_of(live)
        whole = live.model_copy(deep=True)
        crash_child.apply_state(whole, k)
        assert whole == live, f"stored session is not one whole state (progress {k})"
        return k
    finally:
        store.close()


def check_round(
    root: Path, events: Events, stored: int | None, t_kill: float, interval: float, figures: Figures
) -> int | None:
    """Check the folder after one kill; the live session's progress now stored."""
    assert not events.errors, events.errors
    figures.temp_files_removed += sum(1 for _ in root.rglob(".*.tmp"))
    k = check_folder(root)
    leftover = sorted(p.name for p in root.rglob(".*.tmp"))
    assert not leftover, f"temp files of killed writes stay after an open: {leftover}"
    figures.rounds += 1
    if events.ready is None:
        figures.killed_while_starting += 1
        assert k == stored, f"nothing was typed, yet progress moved {stored} → {k}"
        return k
    k_ready, t_ready = events.ready
    never_written = k is None
    if k is None:  # the first session was never written: checked as progress 0, stored as none
        assert stored is None and not events.written, "the live session is gone"
        k = 0
    assert k_ready == (stored or 0), f"child resumed at {k_ready}, stored was {stored}"
    assert k == k_ready or k in events.submitted, f"progress {k} was never submitted"
    last_returned = max(events.written, default=k_ready)
    in_flight = [b for b in events.began if b not in events.written]
    assert k == last_returned or k in in_flight, (
        f"stored {k}: neither the last save that returned ({last_returned}) nor the one "
        f"under way ({in_flight})"
    )
    figures.killed_inside_write += bool(in_flight)
    figures.saves_returned += len(events.written)

    # Typing since the stored snapshot was taken is lost. That may be one interval plus
    # the time the newest snapshot has been on its way to disk; a writer that fell behind
    # (snapshots superseded, never written) would lose more.
    lost = t_kill - max(t_ready, events.submitted.get(k, t_ready))
    on_the_way = [events.written[w] - events.submitted[w] for w in events.written]
    newest = max(events.submitted, default=None)
    if newest is not None and newest not in events.written:
        on_the_way.append(t_kill - events.submitted[newest])
    bound = interval + max(on_the_way, default=0.0) + GRACE
    assert lost <= bound, f"{lost * 1000:.0f} ms of typing lost (bound {bound * 1000:.0f})"
    figures.lost_ms.append(lost * 1000)
    return None if never_written else k


def run_rounds(root: Path, work: Path, rounds: int, seed: int) -> Figures:
    rng = random.Random(seed)
    figures = Figures()
    stored = check_folder(root) if root.exists() else None
    for n in range(rounds):
        log = work / f"round-{n:03d}.log"
        interval = 0.0 if rng.random() < 1 / 3 else INTERVAL
        stderr = work / f"round-{n:03d}.stderr"
        with stderr.open("wb") as err:
            child = subprocess.Popen(
                [sys.executable, str(CHILD), str(root), str(log), str(interval)],
                stdout=subprocess.DEVNULL,
                stderr=err,
            )
        where = f"round {n} (seed {seed}); child stderr: {stderr}"
        try:
            if rng.random() < 0.25:
                time.sleep(rng.uniform(0.0, 0.4))  # anywhere in start-up, or just after
            else:
                deadline = time.monotonic() + 30
                while read_events(log).ready is None:
                    assert child.poll() is None, f"child exited early in {where}"
                    assert time.monotonic() < deadline, f"child never got ready in {where}"
                    time.sleep(0.002)
                time.sleep(rng.uniform(0.0, 0.6))
            t_kill = time.monotonic()
            child.send_signal(signal.SIGKILL)
        finally:
            child.kill()
            child.wait()
        assert child.returncode == -signal.SIGKILL, f"child died by itself in {where}"

        try:
            stored = check_round(root, read_events(log), stored, t_kill, interval, figures)
        except AssertionError as exc:
            raise AssertionError(f"{where}: {exc}") from None

    figures.sessions = sum(1 for _ in (root / "sessions").glob("*.json"))
    return figures


def crash_run(tmp_path: Path, rounds: int, seed: int) -> Figures:
    work = tmp_path / "logs"
    work.mkdir()
    figures = run_rounds(tmp_path / "data", work, rounds, seed)
    print(f"\ncrash harness (seed {seed}): {figures.summary()}")
    return figures


def test_sigkill_during_autosave_loses_nothing_saved(tmp_path: Path, crash_seed: int) -> None:
    rounds = int(os.environ.get("INTERVIEW_TUI_CRASH_ROUNDS") or DEFAULT_ROUNDS)
    figures = crash_run(tmp_path, rounds, crash_seed)
    assert figures.rounds == rounds


@pytest.mark.slow
def test_sigkill_full_count(
    tmp_path: Path, request: pytest.FixtureRequest, crash_seed: int
) -> None:
    if not request.config.getoption("markexpr"):
        pytest.skip(
            f"the {FULL_ROUNDS}-round run: pytest -m slow tests/reliability/test_crash_safety.py"
        )
    figures = crash_run(tmp_path, FULL_ROUNDS, crash_seed)
    assert figures.rounds == FULL_ROUNDS
