"""interview-tui benchmark: start-up, autosave, search, review list, agenda, memory.

Not a test: it prints a table with PASS/MISS against the targets of issues 4 and 11 and writes
the figures as JSON (bench/results.json by default, ignored by git). One run measures:

  start-up     time to the real first screen (the start screen showing "Sessions (1000)"
               and a contact from the list, 1,000 stored sessions) against a bare Textual
               app (Header, Footer, one Static), interleaved, from the moment the command is
               handed to a new 80x24 tmux pane until `tmux capture-pane` shows the text
               (polled every ~5 ms); medians and their ratio; one warm-up round each
  autosave     Autosaver.save_now(update_index=False) of one session (what the live screen
               does while you type: snapshot + crash-safe write) with 10, 100, 1,000
               and 5,000 stored sessions, against a bare safe write (temp file, fsync,
               rename) of the same bytes in the same folder, interleaved; median and p95
  search       the SQLite FTS5 index at 5,000 sessions, each in a fresh process: a full
               rebuild (index file removed first); then, as the app starts (its modules, the
               folder, the list), the first query (opening the index and comparing the
               session files included; the OS file cache is warm from the rebuild), then
               distinct queries (typing prefixes, rare and common words, two words, no
               match), each timed once
  review list  a fresh SessionStore(...).summaries() at 5,000 sessions (what the app does
               when it opens the folder), the plain-JSON read_summaries() of every row,
               and read_first_screen(), the newest rows and counts at the head of the
               index that the first paint uses
  agenda       planner.plan_agenda over 2,000 questions
  memory       peak RSS of that searching process (the app's modules, the list of 5,000
               sessions, the index open, every query run)

The 5,000 sessions (about 5 KB of notes each, from the built-in banks) are generated once
per run with the real store and reused. Needs tmux for start-up (or --skip-startup);
--only-startup runs the start-up section alone.
Full run: a few minutes; fsync cost depends on the disk, so the figures are the machine's.

    .venv/bin/python bench/benchmark.py
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import gc
import json
import os
import platform
import random
import resource
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
sys.path[:0] = [str(REPO), str(BENCH_DIR)]

SIZES = (10, 100, 1000, 5000)
STARTUP_SESSIONS = 1000
TARGETS = {
    "startup_ratio": 1.1,
    "autosave_ms": 5.0,
    "autosave_ratio": 2.0,
    "search_ms": 20.0,
    "cold_query_ms": 150.0,
    "rebuild_s": 10.0,
    "review_list_ms": 100.0,
    "memory_mb": 100.0,
}


# ── helpers ─────────────────────────────────────────────────────────────────────────────


def ms(seconds: float) -> float:
    return seconds * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def stats(values: list[float]) -> dict[str, float]:
    return {
        "median": statistics.median(values),
        "p95": percentile(values, 0.95),
        "min": min(values),
        "max": max(values),
        "n": len(values),
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def progress(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from importlib.metadata import version

    return {
        "cpu": f"{cpu}, {os.cpu_count()} CPUs",
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "textual": version("textual"),
        "pydantic": version("pydantic"),
    }


# ── (a) start-up in a terminal ──────────────────────────────────────────────────────────


class Tmux:
    """A private tmux server; each run is a new 80x24 session polled until text shows."""

    def __init__(self) -> None:
        self.tmux = shutil.which("tmux") or "/usr/bin/tmux"
        self.socket = f"interview-tui-bench-{os.getpid()}"
        self.runs = 0
        self.hung = 0
        self._call("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "sleep 86400")

    def _call(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.tmux, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )

    def time_to_text(
        self, command: str, ready: Callable[[str], bool], timeout: float = 30
    ) -> float:
        self.runs += 1
        name = f"run{self.runs}"
        began = time.perf_counter()
        self._call("new-session", "-d", "-s", name, "-x", "80", "-y", "24", command)
        screen = ""
        try:
            while True:
                screen = self._call("capture-pane", "-p", "-t", name).stdout
                if ready(screen):
                    return time.perf_counter() - began
                if time.perf_counter() - began > timeout:
                    raise RuntimeError(f"not ready after {timeout} s: {command}\n{screen}")
                time.sleep(0.005)
        finally:
            self._stop(name)

    def _stop(self, name: str) -> None:
        pid_text = self._call("display-message", "-p", "-t", name, "#{pane_pid}").stdout.strip()
        self._call("kill-session", "-t", name)
        if not pid_text.isdigit():
            return
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:  # the next run must not share the CPU or the lock
            try:
                os.kill(int(pid_text), 0)
            except ProcessLookupError:
                return
            time.sleep(0.01)
        self.hung += 1  # still running 10 s after its terminal closed
        with contextlib.suppress(ProcessLookupError):
            os.kill(int(pid_text), signal.SIGKILL)

    def close(self) -> None:
        self._call("kill-server")


def measure_startup(data_dir: Path, config_dir: Path, rounds: int) -> dict[str, Any]:
    from bare_app import READY_TEXT

    from interview_tui.storage.session_index import read_summaries
    from interview_tui.ui.screens.start import sort_rows

    rows = read_summaries(data_dir) or []
    first_contact = sort_rows(rows, "newest")[0]["name"]
    title = f"Sessions ({len(rows)})"
    python = shlex.quote(sys.executable)
    real = (
        f"exec env INTERVIEW_TUI_CONFIG_DIR={shlex.quote(str(config_dir))} "
        f"{python} -m interview_tui --data-dir {shlex.quote(str(data_dir))}"
    )
    bare = f"exec {python} {shlex.quote(str(BENCH_DIR / 'bare_app.py'))}"
    apps = {
        "bare": (bare, lambda screen: READY_TEXT in screen),
        "real": (real, lambda screen: title in screen and first_contact in screen),
    }
    # Byte-code written now, not by the warm-up round: with PYTHONDONTWRITEBYTECODE set (or
    # a read-only checkout) every round would compile the changed modules again.
    compileall.compile_dir(REPO / "interview_tui", quiet=1)
    tmux = Tmux()
    times: dict[str, list[float]] = {"bare": [], "real": []}
    try:
        for command, ready in apps.values():  # warm-up: bytecode, page cache
            tmux.time_to_text(command, ready)
        for round_ in range(rounds):
            order = ["bare", "real"] if round_ % 2 == 0 else ["real", "bare"]
            for name in order:
                command, ready = apps[name]
                times[name].append(tmux.time_to_text(command, ready))
            progress(f"start-up round {round_ + 1}/{rounds}")
    finally:
        tmux.close()
    if tmux.hung:
        progress(f"{tmux.hung} app(s) still ran 10 s after their terminal closed (killed)")
    bare_ms = [ms(t) for t in times["bare"]]
    real_ms = [ms(t) for t in times["real"]]
    return {
        "sessions": len(rows),
        "waited_for": [title, first_contact],
        "bare_ms": stats(bare_ms),
        "real_ms": stats(real_ms),
        "ratio_of_medians": statistics.median(real_ms) / statistics.median(bare_ms),
        "rounds": rounds,
        "hung_after_hangup": tmux.hung,
        "raw_ms": {"bare": bare_ms, "real": real_ms},
    }


# ── (b) autosave ────────────────────────────────────────────────────────────────────────


def bare_safe_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def stored_bytes(session: Any) -> bytes:
    """What the store writes for ``session``: its TinyDB document, compact JSON."""
    from interview_tui.models import SCHEMA_VERSION

    doc = session.model_dump(mode="json")
    doc["schema_version"] = SCHEMA_VERSION
    return json.dumps({"session": {"1": doc}}, ensure_ascii=False, separators=(",", ":")).encode()


def measure_autosave(data_dir: Path, saves: int) -> dict[str, Any]:
    from interview_tui.storage.autosave import Autosaver
    from interview_tui.storage.store import SessionStore

    store = SessionStore(data_dir)
    try:
        rows = store.summaries()
        session = store.load(rows[0]["id"])
        autosaver = Autosaver(store)
        bare_path = store.sessions_dir / "bench-bare-write.bin"
        autosave_times, save_times, bare_times = [], [], []
        gc.collect()
        for n in range(saves):
            session.agenda[0].note += "typed "
            payload = stored_bytes(session)

            def autosave() -> bool:
                return autosaver.save_now(session, update_index=False)

            def save() -> None:
                store.save(session, update_index=False)

            def bare(payload: bytes = payload) -> None:
                bare_safe_write(bare_path, payload)

            steps = [(autosave, autosave_times), (save, save_times), (bare, bare_times)]
            for step, into in steps if n % 2 == 0 else reversed(steps):
                took, result = timed(step)
                if result is False:
                    raise RuntimeError(f"autosave failed: {autosaver.last_error}")
                into.append(ms(took))
        bare_path.unlink(missing_ok=True)
        return {
            "sessions": len(rows),
            "bytes": len(stored_bytes(session)),
            "autosave_ms": stats(autosave_times),
            "store_save_ms": stats(save_times),
            "bare_write_ms": stats(bare_times),
            "ratio_of_medians": statistics.median(autosave_times) / statistics.median(bare_times),
        }
    finally:
        store.close()


# ── (c) search ──────────────────────────────────────────────────────────────────────────


def search_queries(sessions: list[Any]) -> list[str]:
    from corpus import COMPANIES, TOPICS

    rng = random.Random(11)
    words = sorted({w for s in sessions[-200:] for w in s.general_note.lower().split()})
    rare = [w.strip(".-") for w in rng.sample(words, 12) if len(w.strip(".-")) > 5]
    typing = [word[:n] for word in ("negotiation", "stakeholder", "mentor") for n in (1, 2, 3, 5)]
    return [
        *typing,
        *rng.sample(TOPICS, 6),
        *rare[:8],
        *(f"{a} {b}" for a, b in zip(rng.sample(TOPICS, 5), rng.sample(TOPICS, 5), strict=True)),
        "the",
        "people work",
        "the and",
        "a",
        sessions[-1].contact.name.split()[-1],
        rng.choice(COMPANIES),
        "xyzzyq",
        "quantum blockchain",
    ]


def search_child(mode: str, data_dir: Path, queries_json: str) -> None:
    """One fresh process: ``rebuild`` removes the index file and times a full build;
    ``query`` starts as the app does (its modules, the folder, the list) and times the first
    search (opening the index and checking the session files included), then each query."""
    if mode == "rebuild":
        from interview_tui.service import Workspace

        for path in data_dir.glob("search.sqlite3*"):
            path.unlink()
        workspace = Workspace.open(data_dir)
        took, count = timed(workspace.build_search)
        workspace.close()
        print(json.dumps({"build_s": took, "sessions": count, "peak_mb": peak_rss_mb()}))
        return
    import interview_tui.ui.app  # noqa: F401  (the app's modules, as the real process has them)
    from interview_tui.service import Workspace

    imports_mb = peak_rss_mb()
    workspace = Workspace.open(data_dir)
    rows = workspace.summaries()
    queries = json.loads(queries_json)
    cold_s, cold_hits = timed(lambda: workspace.search(queries[0]))
    times: dict[str, float] = {}
    hits: dict[str, int] = {}
    for query in queries[1:]:
        took, found = timed(lambda q=query: workspace.search(q))
        times[query], hits[query] = ms(took), len(found)
    workspace.close()
    print(
        json.dumps(
            {
                "sessions": len(rows),
                "cold_query": queries[0],
                "cold_ms": ms(cold_s),
                "cold_hits": len(cold_hits),
                "per_query": {q: {"ms": times[q], "hits": hits[q]} for q in times},
                "imports_mb": imports_mb,
                "peak_mb": peak_rss_mb(),
            }
        )
    )


def run_search_child(mode: str, data_dir: Path, queries: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve()),
            "--search-child",
            mode,
            str(data_dir),
            json.dumps(queries),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure_search(data_dir: Path, sessions: list[Any]) -> dict[str, Any]:
    """A full rebuild in one fresh process, then in another: the first query after
    start-up and every further query (each typed for the first time)."""
    queries = ["mentor", *search_queries(sessions)]
    rebuild = run_search_child("rebuild", data_dir, queries)
    query = run_search_child("query", data_dir, queries)
    times = {q: figures["ms"] for q, figures in query["per_query"].items()}
    worst = max(times, key=times.__getitem__)
    return {
        "available": True,
        "sessions": rebuild["sessions"],
        "build_s": rebuild["build_s"],
        "build_peak_mb": rebuild["peak_mb"],
        "cold_ms": query["cold_ms"],
        "cold_query": query["cold_query"],
        "query_ms": stats(list(times.values())),
        "worst_query": worst,
        "per_query": query["per_query"],
        "memory": {
            "sessions": query["sessions"],
            "imports_mb": query["imports_mb"],
            "peak_mb": query["peak_mb"],
        },
    }


# ── (d) review list, (e) agenda ─────────────────────────────────────────────────────────


def measure_review_list(data_dir: Path, rounds: int = 11) -> dict[str, Any]:
    from interview_tui.storage.session_index import read_first_screen, read_summaries
    from interview_tui.storage.store import SessionStore

    def open_list() -> int:
        store = SessionStore(data_dir)
        try:
            return len(store.summaries())
        finally:
            store.close()

    store_times, plain_times, head_times = [], [], []
    count = 0
    for _ in range(rounds):
        took, count = timed(open_list)
        store_times.append(ms(took))
        took, _rows = timed(lambda: read_summaries(data_dir))
        plain_times.append(ms(took))
        took, _head = timed(lambda: read_first_screen(data_dir))
        head_times.append(ms(took))
    return {
        "sessions": count,
        "store_summaries_ms": stats(store_times),
        "read_summaries_ms": stats(plain_times),
        "read_first_screen_ms": stats(head_times),
    }


def measure_agenda(questions: int = 2000, rounds: int = 11) -> dict[str, Any]:
    from corpus import builtin_items

    from interview_tui.models import PHASES
    from interview_tui.planner import plan_agenda

    rng = random.Random(5)
    base = builtin_items()
    items = [
        base[n % len(base)].model_copy(
            update={
                "key": f"bench/q{n}",
                "priority": rng.randint(1, 5),
                "minutes": rng.choice((1.0, 2.0, 3.0, 5.0)),
                "phase": rng.choice(PHASES),
                "pinned": rng.random() < 0.01,
            }
        )
        for n in range(questions)
    ]
    times = [ms(timed(lambda: plan_agenda(items, 45))[0]) for _ in range(rounds)]
    return {"questions": questions, "plan_ms": stats(times)}


# ── peak memory ─────────────────────────────────────────────────────────────────────────


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB.

    On Linux, VmHWM: ``ru_maxrss`` survives exec, so a child started by this (large)
    process would report the parent's size. Elsewhere, ``getrusage`` (KB on Linux/BSD,
    bytes on macOS).
    """
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return maxrss / 1024 / 1024 if sys.platform == "darwin" else maxrss / 1024


# ── report ──────────────────────────────────────────────────────────────────────────────


def verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def report_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    """(measure, figure, against, verdict) rows for the table."""
    rows: list[tuple[str, str, str, str]] = []
    startup = results.get("startup")
    if startup:
        real, bare = startup["real_ms"], startup["bare_ms"]
        rows.append(
            (
                f"start-up, {startup['sessions']:,} sessions (median of {startup['rounds']})",
                f"{real['median']:.0f} ms (bare {bare['median']:.0f} ms)",
                f"ratio {startup['ratio_of_medians']:.2f} ≤ {TARGETS['startup_ratio']}",
                verdict(startup["ratio_of_medians"] <= TARGETS["startup_ratio"]),
            )
        )
    if "autosave" not in results:  # --only-startup
        return rows
    for size in SIZES:
        auto = results["autosave"][str(size)]
        a, b = auto["autosave_ms"], auto["bare_write_ms"]
        rows.append(
            (
                f"autosave, {size:,} sessions (median/p95)",
                f"{a['median']:.2f}/{a['p95']:.2f} ms",
                f"< {TARGETS['autosave_ms']:g} ms",
                verdict(a["median"] < TARGETS["autosave_ms"]),
            )
        )
        rows.append(
            (
                "  vs bare safe write, same bytes",
                f"{b['median']:.2f}/{b['p95']:.2f} ms",
                f"ratio {auto['ratio_of_medians']:.2f} ≤ {TARGETS['autosave_ratio']:g}",
                verdict(auto["ratio_of_medians"] <= TARGETS["autosave_ratio"]),
            )
        )
        rows.append(
            (
                "  store.save(session) alone",
                f"{auto['store_save_ms']['median']:.2f}/{auto['store_save_ms']['p95']:.2f} ms",
                "",
                "",
            )
        )
    search = results["search"]
    if search["available"]:
        q = search["query_ms"]
        rows.append(
            (
                f"search, {search['sessions']:,} sessions: first query after start-up",
                f"{search['cold_ms']:.1f} ms",
                f"≤ {TARGETS['cold_query_ms']:g} ms",
                verdict(search["cold_ms"] <= TARGETS["cold_query_ms"]),
            )
        )
        rows.append(
            (
                f"  each further query ({q['n']} queries)",
                f"median {q['median']:.2f}, worst {q['max']:.2f} ms",
                f"worst ≤ {TARGETS['search_ms']:g} ms",
                verdict(q["max"] <= TARGETS["search_ms"]),
            )
        )
        rows.append(
            (
                "  full index rebuild",
                f"{search['build_s']:.2f} s (peak {search['build_peak_mb']:.0f} MB)",
                f"≤ {TARGETS['rebuild_s']:g} s",
                verdict(search["build_s"] <= TARGETS["rebuild_s"]),
            )
        )
    else:
        rows.append(("search", "not available", "", "MISS"))
    review = results["review_list"]
    rows.append(
        (
            f"review list, {review['sessions']:,} sessions (store)",
            f"{review['store_summaries_ms']['median']:.1f} ms",
            f"< {TARGETS['review_list_ms']:g} ms",
            verdict(review["store_summaries_ms"]["median"] < TARGETS["review_list_ms"]),
        )
    )
    rows.append(
        ("  read_summaries (every row)", f"{review['read_summaries_ms']['median']:.1f} ms", "", "")
    )
    rows.append(
        (
            "  read_first_screen (first paint)",
            f"{review['read_first_screen_ms']['median']:.2f} ms",
            "",
            "",
        )
    )
    agenda = results["agenda"]
    rows.append(
        (
            f"agenda from {agenda['questions']:,} questions",
            f"{agenda['plan_ms']['median']:.1f} ms",
            "(no target)",
            "",
        )
    )
    memory = results["search"]["memory"]
    rows.append(
        (
            f"peak memory, app with {memory['sessions']:,} sessions, searching",
            f"{memory['peak_mb']:.0f} MB (imports {memory['imports_mb']:.0f})",
            f"≤ {TARGETS['memory_mb']:g} MB",
            verdict(memory["peak_mb"] <= TARGETS["memory_mb"]),
        )
    )
    return rows


def print_table(results: dict[str, Any]) -> None:
    rows = report_rows(results)
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    header = ("measure", "figure", "target", "")
    widths = [max(w, len(h)) for w, h in zip(widths, header, strict=True)]
    line = "  ".join("-" * w for w in widths)
    print(f"interview-tui benchmark, {results['when']}")
    print(
        f"machine: {results['machine']['cpu']}; {results['machine']['system']}; Python "
        f"{results['machine']['python']}, Textual {results['machine']['textual']}"
    )
    print(line)
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    print(line)
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print(line)
    misses = sum(row[3] == "MISS" for row in rows)
    print(f"{misses} target(s) missed" if misses else "every target met")


# ── main ────────────────────────────────────────────────────────────────────────────────


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    doc = __doc__ or ""
    parser = argparse.ArgumentParser(
        prog="bench/benchmark.py",
        description=doc.split("\n\n", 1)[0],
        epilog=doc.split("\n\n", 1)[1],
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--rounds", type=int, default=11, help="start-up rounds per app (11)")
    parser.add_argument("--saves", type=int, default=200, help="autosaves per size (200)")
    parser.add_argument(
        "--json",
        type=Path,
        default=BENCH_DIR / "results.json",
        help="where to write the figures (bench/results.json)",
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        help="folder for the generated data folders (default: a temp folder, removed after)",
    )
    parser.add_argument("--skip-startup", action="store_true", help="no tmux start-up runs")
    parser.add_argument(
        "--only-startup",
        action="store_true",
        help="the start-up runs alone (writes only the 1,000 sessions they open)",
    )
    parser.add_argument("--search-child", nargs=3, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.search_child:
        mode, folder, queries = args.search_child
        search_child(mode, Path(folder), queries)
        return 0
    from corpus import copy_newest, make_sessions, write_sessions

    began = time.perf_counter()
    work = args.work_dir or Path(tempfile.mkdtemp(prefix="interview-tui-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "work_dir": str(work),
    }
    try:
        biggest = max(SIZES)
        progress(f"generating {biggest:,} sessions in {work}")
        sessions = make_sessions(biggest)
        if args.only_startup:  # the same 1,000 newest sessions a full run opens
            folder = work / f"data-{STARTUP_SESSIONS}"
            write_sessions(folder, sessions[-STARTUP_SESSIONS:])
            config = work / "config"
            config.mkdir(exist_ok=True)
            progress("start-up: real app vs bare Textual app, interleaved, in tmux")
            results["startup"] = measure_startup(folder, config, args.rounds)
            return finish(args, results, began)
        folders = {biggest: work / f"data-{biggest}"}
        took, _ = timed(lambda: write_sessions(folders[biggest], sessions))
        results["generate_s"] = took
        for size in SIZES:
            if size != biggest:
                folders[size] = work / f"data-{size}"
                copy_newest(folders[biggest], folders[size], size)
        config = work / "config"  # no user banks: the built-in ones only
        config.mkdir(exist_ok=True)

        if not args.skip_startup:
            progress("start-up: real app vs bare Textual app, interleaved, in tmux")
            results["startup"] = measure_startup(folders[STARTUP_SESSIONS], config, args.rounds)
        results["autosave"] = {}
        for size in SIZES:
            progress(f"autosave with {size:,} stored sessions")
            results["autosave"][str(size)] = measure_autosave(folders[size], args.saves)
        progress("search: a full rebuild, then a fresh process searching")
        results["search"] = measure_search(folders[biggest], sessions)
        progress("review list")
        results["review_list"] = measure_review_list(folders[biggest])
        progress("agenda")
        results["agenda"] = measure_agenda()
    finally:
        if args.work_dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return finish(args, results, began)


def finish(args: argparse.Namespace, results: dict[str, Any], began: float) -> int:
    """Write the figures as JSON and print the table."""
    results["total_s"] = time.perf_counter() - began
    results["targets"] = TARGETS
    results["verdicts"] = [list(row) for row in report_rows(results)]
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print_table(results)
    print(f"figures: {args.json}; whole run {results['total_s']:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
