"""Kill harness: type into the real app at ~100 characters a second, SIGKILL it at a random
moment, and measure how much of the typing the stored session lost.

Not a test (``tests/reliability/test_kill_while_typing.py`` runs a few rounds of it in CI).
Each round:

  1. a fresh data folder holding one planned session;
  2. ``python -m interview_tui --data-dir DIR`` in a new 100x30 pane of a private tmux server;
  3. ``o`` opens the session on the live screen, whose note pane has the focus;
  4. one character every 10 ms with ``tmux send-keys -l``, each stamped just before it is
     handed to tmux, until a random moment 0-2.5 s after the first one, when the app gets
     SIGKILL (no chance to flush: only what the autosave already wrote survives);
  5. the stored note, read through a fresh ``SessionStore``, must be a prefix of what was
     typed. The typing lost is the time from the first character missing from it to the
     kill (0 when nothing is missing; all of it when the kill came before the first save).

    .venv/bin/python bench/kill_harness.py                 # 40 rounds
    .venv/bin/python bench/kill_harness.py --rounds 10 --seed 7 --json out.json
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from interview_tui.models import AgendaItem, Contact, Session  # noqa: E402
from interview_tui.storage.store import SessionStore  # noqa: E402

TYPING_INTERVAL = 0.01
"""One character every 10 ms: about 100 characters a second."""
KILL_WINDOW = (0.0, 2.5)
"""The kill comes this many seconds after the first character (uniformly at random)."""
TEXT = "the quick brown fox jumps over the lazy dog while the interviewer listens "
QUESTION = "How did you get started in this field?"
SESSION_ID = "20260301-100000-killed"
WIDTH, HEIGHT = 100, 30


@dataclass
class Round:
    index: int
    kill_after: float
    typed: int
    stored: int
    lost_ms: float
    error: str = ""


def stored_session(root: Path) -> None:
    session = Session(
        id=SESSION_ID,
        contact=Contact(name="Kim Killed", company="Acme"),
        agenda=[
            AgendaItem(key="k/start", text=QUESTION),
            AgendaItem(key="k/week", text="What does a typical week look like?"),
        ],
        cut_index=2,
    )
    store = SessionStore(root)
    try:
        store.save(session)
    finally:
        store.close()


def stored_note(root: Path) -> str:
    store = SessionStore(root)
    try:
        return store.load(SESSION_ID).agenda[0].note
    finally:
        store.close()


class Tmux:
    """A private tmux server (its own socket), one session at a time."""

    def __init__(self) -> None:
        self.tmux = shutil.which("tmux") or "tmux"
        self.socket = f"interview-tui-kill-{os.getpid()}"

    def call(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )

    def start(self, name: str, command: str) -> int:
        self.call("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        pid = self.call("display-message", "-p", "-t", name, "#{pane_pid}").stdout.strip()
        if not pid.isdigit():
            raise RuntimeError(f"tmux did not start {command!r}")
        return int(pid)

    def screen(self, name: str, *, escapes: bool = False) -> str:
        """The pane's text; with ``escapes``, with the escape codes of its colours too."""
        return self.call("capture-pane", "-p", *(["-e"] if escapes else []), "-t", name).stdout

    def type(self, name: str, text: str) -> None:
        self.call("send-keys", "-t", name, "-l", text)

    def wait_for(
        self,
        name: str,
        wanted: Callable[[str], bool],
        timeout: float = 30,
        *,
        escapes: bool = False,
    ) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen(name, escapes=escapes)
            if wanted(screen):
                return screen
            if time.monotonic() > deadline:
                raise RuntimeError(f"timed out after {timeout} s; the screen:\n{screen}")
            time.sleep(0.02)

    def close(self) -> None:
        self.call("kill-server")


def ended(pid: int) -> bool:
    """The process is gone, or a zombie: it has ended (its files closed, its lock released)
    and only waits for tmux, its parent, to collect its exit status, which can take seconds.
    Where there is no ``/proc`` only gone counts."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X")


def wait_gone(pid: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if ended(pid):
            return
        time.sleep(0.01)


def key_colour(screen: str, key: str, label: str) -> str | None:
    """The foreground colour (``38;5;n`` or ``38;2;r;g;b``) the footer draws ``key`` in,
    read from the escape codes of a ``capture-pane -e`` screen; None when it is not shown."""
    drawn = re.findall(
        rf"((?:\x1b\[[0-9;]*m)+){re.escape(key)}(?:\x1b\[[0-9;]*m)+ {re.escape(label)}", screen
    )
    colours = re.findall(r"[\[;](38;(?:5;\d+|2;\d+;\d+;\d+))", drawn[-1]) if drawn else []
    return colours[-1] if colours else None


def open_live_screen(tmux: Tmux, name: str) -> None:
    """``o`` on the start screen, once the data folder is open: before that the start screen
    greys the key out and it does nothing, which only the footer's colours show (``o`` drawn
    like ``f1``, a key that never waits). Pressed once: a second ``o`` after the live screen
    opened would land in the note."""

    def can_open(screen: str) -> bool:
        colour = key_colour(screen, "o", "Open")
        return colour is not None and colour == key_colour(screen, "f1", "Keys")

    tmux.wait_for(name, can_open, escapes=True)
    tmux.type(name, "o")
    tmux.wait_for(name, lambda screen: QUESTION in screen)
    tmux.wait_for(name, lambda screen: "Notes on this question" in screen)


def run_round(tmux: Tmux, workdir: Path, rng: random.Random, index: int) -> Round:
    root = workdir / f"round-{index}" / "data"
    stored_session(root)
    env = {
        "INTERVIEW_TUI_CONFIG_DIR": str(workdir / "config"),
        "INTERVIEW_TUI_UNSAVED_DIR": str(workdir / "unsaved"),
    }
    command = (
        "exec env "
        + " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        + f" {shlex.quote(sys.executable)} -m interview_tui --data-dir {shlex.quote(str(root))}"
    )
    name = f"round{index}"
    kill_after = rng.uniform(*KILL_WINDOW)
    pid = tmux.start(name, command)
    stamps: list[float] = []
    try:
        open_live_screen(tmux, name)
        start = time.perf_counter()
        kill_at = start + kill_after
        while True:
            due = min(start + len(stamps) * TYPING_INTERVAL, kill_at)
            pause = due - time.perf_counter()
            if pause > 0:
                time.sleep(pause)
            if time.perf_counter() >= kill_at:
                break
            stamps.append(time.perf_counter())
            tmux.type(name, TEXT[(len(stamps) - 1) % len(TEXT)])
        os.kill(pid, signal.SIGKILL)
        killed = time.perf_counter()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        wait_gone(pid)
        tmux.call("kill-session", "-t", name)
    typed = "".join(TEXT[i % len(TEXT)] for i in range(len(stamps)))
    note = stored_note(root)
    if not typed.startswith(note):
        return Round(index, kill_after, len(typed), len(note), 0.0, f"stored {note!r}")
    lost = 0.0 if len(note) >= len(typed) else (killed - stamps[len(note)]) * 1000
    return Round(index, kill_after, len(typed), len(note), lost)


def run(rounds: int, seed: int | None = None, progress: Callable[[Round], None] | None = None):
    """Run ``rounds`` rounds; the list of :class:`Round` results."""
    if shutil.which("tmux") is None:
        raise RuntimeError("tmux is not installed")
    rng = random.Random(seed)
    tmux = Tmux()
    results: list[Round] = []
    try:
        with tempfile.TemporaryDirectory(prefix="interview-tui-kill-") as folder:
            for index in range(rounds):
                result = run_round(tmux, Path(folder), rng, index)
                results.append(result)
                if progress is not None:
                    progress(result)
    finally:
        tmux.close()
    return results


def summary(results: list[Round]) -> dict[str, float | int]:
    lost = [r.lost_ms for r in results]
    return {
        "rounds": len(results),
        "median_ms": round(statistics.median(lost), 1),
        "worst_ms": round(max(lost), 1),
        "before_first_save": sum(1 for r in results if r.stored == 0 and r.typed > 0),
        "errors": sum(1 for r in results if r.error),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--json", type=Path, help="also write the rounds and summary here")
    args = parser.parse_args(argv)

    def show(r: Round) -> None:
        note = f"  {r.error}" if r.error else ""
        print(
            f"round {r.index + 1:>3}: killed {r.kill_after * 1000:6.0f} ms in, "
            f"{r.typed:4d} typed, {r.stored:4d} stored, lost {r.lost_ms:6.1f} ms{note}",
            flush=True,
        )

    results = run(args.rounds, args.seed, show)
    figures = summary(results)
    print(
        f"{figures['rounds']} rounds: median {figures['median_ms']} ms of typing lost, "
        f"worst {figures['worst_ms']} ms; {figures['before_first_save']} round(s) killed "
        f"before the first save landed; {figures['errors']} error(s)"
    )
    if args.json:
        args.json.write_text(
            json.dumps({"summary": figures, "rounds": [asdict(r) for r in results]}, indent=2)
        )
    return 1 if figures["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
