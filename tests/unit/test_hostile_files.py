"""Files made to hurt: an alias bomb of a bank, exports aimed at special files, read-only
commands on a shared folder, an open umask, and a second copy on a platform without fcntl.

Each is one line for the person and a bounded cost for the machine.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
import time
import tracemalloc
from pathlib import Path

import pytest

from interview_tui.banks import MAX_BANK_VALUES, BankError, load_banks, parse_bank
from interview_tui.cli import main
from interview_tui.models import Contact, Session
from interview_tui.storage import lock as lock_module
from interview_tui.storage.store import SessionStore

REPO = Path(__file__).resolve().parents[2]
TIME_LIMIT = 2.0  # seconds for any bank
MEMORY_LIMIT = 100_000_000  # bytes for any bank


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """Under 512 bytes and 100 aliases; expanded, ``width ** levels`` lists of two strings.

    The first question is the whole tree, so the error describes the expanded input: that is
    where the time and memory went (60 s and 2.9 GB before values were counted).
    """
    lines = ["bank: Laughs", "questions:", "- - &a0 [lol, lol]"]
    for level in range(1, levels + 1):
        lines.append(f"  - &a{level} [{','.join([f'*a{level - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def merge_bomb() -> str:
    """Merge keys copy the pairs of what they merge: doubling at every level."""
    lines = ["bank: Merges", "a0: &a0 {k: v}"]
    for level in range(1, 40):
        lines.append(f"a{level}: &a{level} {{<<: [*a{level - 1}, *a{level - 1}]}}")
    lines += ["questions:", "  - text: Hello?"]
    return "\n".join(lines) + "\n"


BOMBS = {"alias bomb": alias_bomb(), "merge bomb": merge_bomb()}


def test_the_alias_bomb_is_small_and_under_the_alias_cap() -> None:
    text = alias_bomb()
    assert len(text.encode()) < 512
    assert text.count("*") == 90


@pytest.mark.parametrize("text", BOMBS.values(), ids=BOMBS.keys())
def test_a_bank_that_expands_is_one_short_line_in_time(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(BankError) as raised:
        parse_bank(text, "bomb.yaml")
    elapsed = time.perf_counter() - started

    line = str(raised.value)
    assert elapsed < TIME_LIMIT, f"{elapsed:.1f} s"
    assert line.startswith("bomb.yaml:")
    assert f"{MAX_BANK_VALUES:,} values" in line and "expand" in line
    assert "\n" not in line and len(line) < 200, line


@pytest.mark.parametrize("text", BOMBS.values(), ids=BOMBS.keys())
def test_a_bank_that_expands_stays_under_the_memory_bound(text: str) -> None:
    tracemalloc.start()
    try:
        with pytest.raises(BankError):
            parse_bank(text, "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MEMORY_LIMIT, f"{peak / 1e6:.0f} MB"


def run_bounded(argv: list[str], cwd: Path) -> tuple[subprocess.CompletedProcess[str], float, int]:
    """Run ``python -m interview_tui ARGV`` capped at 1 GB of address space and 60 s; returns
    the result, the wall time and the child's own peak resident memory in bytes (its last
    line of standard error; ``ru_maxrss`` would count the forked copy of the test process)."""
    code = textwrap.dedent(
        """
        import resource, runpy, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        sys.argv = ["interview-tui", *sys.argv[1:]]
        try:
            runpy.run_module("interview_tui", run_name="__main__")
        finally:
            with open("/proc/self/status") as status:
                peak = next(line for line in status if line.startswith("VmHWM:"))
            print(int(peak.split()[1]) * 1024, file=sys.stderr)
        """
    )
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code, *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,  # a regression fails instead of hanging
    )
    *lines, peak = result.stderr.splitlines()
    result.stderr = "\n".join(lines)
    return result, time.perf_counter() - started, int(peak)


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak from /proc")
def test_banks_validate_on_the_bomb_is_one_line_fast_and_small(tmp_path: Path) -> None:
    bomb = tmp_path / "laughs.yaml"
    bomb.write_text(alias_bomb())

    result, elapsed, peak = run_bounded(["banks", "validate", str(bomb)], tmp_path)

    assert result.returncode == 1, result.stderr
    [line] = result.stdout.splitlines()
    assert line.startswith(f"{bomb}:") and "expand" in line and len(line) < 300
    assert "Traceback" not in result.stderr
    # Interpreter start-up and imports included; the bank itself takes a fraction of it.
    assert elapsed < 10, f"{elapsed:.1f} s"
    assert peak < MEMORY_LIMIT, f"{peak / 1e6:.0f} MB"


def test_a_bomb_next_to_good_banks_does_not_stop_them(tmp_path: Path) -> None:
    (tmp_path / "laughs.yaml").write_text(alias_bomb())
    (tmp_path / "good.yaml").write_text("bank: Good\nquestions:\n  - text: How did you start?\n")
    result = load_banks([tmp_path])
    assert [bank.bank for bank in result.banks] == ["Good"]
    assert len(result.problems) == 1


# ── error lines quote the input only in short excerpts ────────────────────────────────

BIG = 100_000
HUGE_INPUTS = {
    "question is a list of long texts": "bank: B\nquestions:\n  - " + f"[{'x' * BIG}, y, z, w]\n",
    "question is a long text": "bank: B\nquestions:\n  - " + "x" * BIG + "\n",
    "long unknown field": "bank: B\nquestions:\n  - text: Hi?\n    " + "k" * BIG + ": v\n",
    "long duplicate key": "bank: B\nquestions:\n  - text: Hi?\n    text: " + "y" * BIG + "\n",
    "long duplicate key name": (
        "bank: B\nquestions:\n  - text: Hi?\n" + f"    {'k' * 1000}: 1\n    {'k' * 1000}: 2\n"
    ),
    "long tag": "bank: B\nquestions:\n  - text: !" + "t" * BIG + " hi\n",
    "long undefined alias": "bank: B\nquestions:\n  - text: *" + "a" * BIG + "\n",
    "long text of the wrong type": "bank: B\nquestions:\n  - text: Hi?\n    tags: " + "t" * BIG,
    "long field name not text": "bank: B\nquestions:\n  - text: Hi?\n    [" + "n" * BIG + "]: 1\n",
    "many values": "bank: B\nquestions:\n  - text: Hi?\n    tags: [" + "a," * BIG + "]\n",
}


@pytest.mark.parametrize("text", HUGE_INPUTS.values(), ids=HUGE_INPUTS.keys())
def test_error_lines_quote_at_most_a_short_excerpt(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(BankError) as raised:
        parse_bank(text, "big.yaml")
    assert time.perf_counter() - started < TIME_LIMIT
    line = str(raised.value)
    assert "\n" not in line and len(line) <= 320, (len(line), line[:400])
    assert "x" * 80 not in line and "k" * 80 not in line and "a" * 80 not in line


# ── export -o onto something that is not a regular file ───────────────────────────────


@pytest.fixture
def one_session(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Session:
    root = tmp_path / "data"
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(root))
    session = Session(id="20260301-100000-abcdef", contact=Contact(name="Ada"))
    store = SessionStore(root)
    store.save(session)
    store.close()
    return session


def refused(argv: list[str], capsys) -> str:
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert "not a regular file or a folder; nothing written" in line, line
    return line


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_export_refuses_to_replace_a_pipe(tmp_path: Path, one_session, capsys, fmt) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    which = "--all" if fmt == "json" else one_session.id  # --all md needs a folder
    assert "a named pipe" in refused(["export", which, "--format", fmt, "-o", str(pipe)], capsys)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


def test_export_refuses_to_replace_a_device(one_session, capsys) -> None:
    before = os.lstat(os.devnull)
    line = refused(["export", one_session.id, "-o", os.devnull], capsys)
    assert "a device" in line
    after = os.lstat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


@pytest.mark.parametrize("dangling", [False, True], ids=["link to a file", "dangling link"])
def test_export_refuses_to_replace_a_link(tmp_path: Path, one_session, capsys, dangling) -> None:
    real = tmp_path / "real.md"
    if not dangling:
        real.write_text("my own notes")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    assert "a link" in refused(["export", one_session.id, "-o", str(link)], capsys)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "my own notes" if not dangling else not real.exists()


def test_export_into_a_link_to_a_folder_writes_inside_it(tmp_path: Path, one_session) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    link = tmp_path / "vault-link"
    link.symlink_to(vault)
    assert main(["export", "--all", "--format", "json", "-o", str(link)]) == 0
    assert link.is_symlink()
    assert json.loads((vault / "interview-sessions.json").read_text())[0]["id"] == one_session.id


def test_export_refuses_special_files_inside_a_markdown_folder(
    tmp_path: Path, one_session, capsys
) -> None:
    from interview_tui.export import markdown_filename

    vault = tmp_path / "vault"
    vault.mkdir()
    os.mkfifo(vault / markdown_filename(one_session))
    refused(["export", "--all", "-o", str(vault)], capsys)


# ── read-only commands change nothing ─────────────────────────────────────────────────

READ_ONLY_COMMANDS = [
    ["sessions", "list"],
    ["banks", "list"],
    ["export", "--all"],
    ["export", "--all", "--format", "csv"],
]


def modes(root: Path) -> dict[str, int]:
    return {str(p): p.lstat().st_mode for p in [root, *root.rglob("*")]}


@pytest.mark.parametrize("argv", READ_ONLY_COMMANDS, ids=" ".join)
def test_read_only_commands_leave_a_shared_folder_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, argv: list[str]
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(shared))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(shared))

    assert main(argv) == 0
    capsys.readouterr()
    assert modes(shared) == {str(shared): stat.S_IFDIR | 0o1777}


@pytest.mark.parametrize("argv", READ_ONLY_COMMANDS, ids=" ".join)
def test_read_only_commands_create_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, argv: list[str]
) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(tmp_path / "new" / "data"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "new" / "config"))
    assert main(argv) == 0
    assert capsys.readouterr().err.count("\n") <= 1
    assert list(tmp_path.iterdir()) == []


def test_read_only_commands_on_a_store_change_no_mode(one_session, tmp_path: Path, capsys) -> None:
    root = tmp_path / "data"
    root.chmod(0o755)  # made by hand, or by an older version
    before = modes(root)
    for argv in READ_ONLY_COMMANDS:
        assert main(argv) == 0
    capsys.readouterr()
    assert modes(root) == before


# ── modes under umask 000 ─────────────────────────────────────────────────────────────

UMASK_CHILD = """
import json, os, sys
os.umask(0)
from pathlib import Path
from interview_tui import locations
from interview_tui.export import write_export
from interview_tui.models import Contact, Session
from interview_tui.storage.store import SessionStore
store = SessionStore(locations.data_dir())
store.save(Session(contact=Contact(name="Pat")))
store.close()
write_export(Path(sys.argv[1]) / "deep" / "er" / "all.json", "[]")
home = Path(os.environ["HOME"])
print(json.dumps({
    str(p.relative_to(home)): [p.is_dir(), oct(p.lstat().st_mode & 0o7777)]
    for p in sorted(home.rglob("*"))
}))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders")
def test_under_umask_000_every_folder_and_file_made_is_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("INTERVIEW_TUI_", "XDG_"))
    }
    env["HOME"] = str(home)
    result = subprocess.run(
        [sys.executable, "-c", UMASK_CHILD, str(home / "exports")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    found = json.loads(result.stdout)
    folders = {path: mode for path, (is_dir, mode) in found.items() if is_dir}
    files = {path: mode for path, (is_dir, mode) in found.items() if not is_dir}
    assert {".local", ".local/share", ".local/share/interview-tui", "exports/deep"} <= set(folders)
    assert set(folders.values()) == {"0o700"}, found
    assert set(files.values()) == {"0o600"}, found
    assert os.stat(home).st_mode & 0o777 == 0o755  # already there: left alone


# ── the second-copy lock ──────────────────────────────────────────────────────────────


def test_the_lock_comes_from_filelock_not_from_fcntl() -> None:
    source = (REPO / "interview_tui" / "storage" / "store.py").read_text()
    assert "fcntl" not in source
    assert "filelock" in lock_module.FileLock.__module__
    dependencies = (REPO / "pyproject.toml").read_text()
    assert '"filelock>=' in dependencies


HOLDER = """
import sys, time
from interview_tui.storage.store import SessionStore
store = SessionStore(sys.argv[1])
print("read-only" if store.read_only else "holding", flush=True)
sys.stdin.read()
store.close()
"""


def test_a_second_process_opens_the_folder_read_only(tmp_path: Path) -> None:
    root = tmp_path / "data"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"
        second = SessionStore(root)
        assert second.read_only
        assert any("Another copy" in notice for notice in second.notices)
        second.close()
    finally:
        holder.communicate("", timeout=30)
    third = SessionStore(root)
    assert not third.read_only
    third.close()


def test_a_store_opened_in_a_worker_thread_frees_the_folder_when_closed_elsewhere(
    tmp_path: Path,
) -> None:
    """The app opens its store in a worker thread and closes it on the UI thread."""
    root = tmp_path / "data"
    opened: list[SessionStore] = []
    worker = threading.Thread(target=lambda: opened.append(SessionStore(root)))
    worker.start()
    worker.join()
    [store] = opened
    assert not store.read_only
    blocked = SessionStore(root)
    assert blocked.read_only
    blocked.close()
    store.close()
    free = SessionStore(root)
    assert not free.read_only
    free.close()
