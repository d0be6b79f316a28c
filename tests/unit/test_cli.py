"""The command line: list and validate banks, list sessions."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml

from interview_tui.cli import main
from interview_tui.locations import builtin_banks_dir
from interview_tui.storage.store import SessionStore

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILTIN_BANKS = REPO_ROOT / "question_banks"
BUILTIN = {
    "Career path": ("career-path", "career_path.yaml"),
    "Closing": ("closing", "closing.yaml"),
    "Company culture": ("company-culture", "company_culture.yaml"),
    "Industry": ("industry", "industry.yaml"),
    "Opening": ("opening", "opening.yaml"),
    "Role specific": ("role-specific", "role_specific.yaml"),
}
GOOD_BANK = "bank: Mine\ncategory: custom\nquestions:\n  - text: What surprised you most?\n"
BAD_BANK = "bank: Broken\nquestions:\n  - text: Fine?\n    priority: high\n"


def question_count(file_name: str) -> int:
    return len(yaml.safe_load((BUILTIN_BANKS / file_name).read_text())["questions"])


def assert_lists_builtin_banks(stdout: str) -> None:
    lines = stdout.splitlines()
    assert len(lines) == len(BUILTIN)
    for line, (name, (category, file_name)) in zip(lines, BUILTIN.items(), strict=True):
        count = question_count(file_name)
        assert line.startswith(name), line
        assert category in line
        assert f"{count} questions" in line
        # From a checkout, or from inside the installed package after ``pip install .``.
        assert line.endswith(str(builtin_banks_dir() / file_name)), line


def test_banks_list_prints_the_six_builtin_banks_with_counts_and_paths(capsys):
    assert main(["banks", "list"]) == 0

    out, err = capsys.readouterr()
    assert_lists_builtin_banks(out)
    assert err == ""


def test_banks_list_includes_user_banks_and_reports_bad_ones(private_user_dirs, tmp_path, capsys):
    user_banks = private_user_dirs["config"] / "banks"
    user_banks.mkdir()
    (user_banks / "mine.yaml").write_text(GOOD_BANK)
    extra = tmp_path / "extra.yaml"
    extra.write_text(BAD_BANK)

    assert main(["--banks", str(extra), "banks", "list"]) == 0

    out, err = capsys.readouterr()
    assert out.splitlines()[-1].startswith("Mine")
    assert out.splitlines()[-1].endswith(str(user_banks / "mine.yaml"))
    assert err == f"skipped: {extra}:4: questions[1].priority: " + (
        "Input should be a valid integer, got 'high'\n"
    )


def test_banks_validate_a_good_file_exits_0(tmp_path, capsys):
    good = tmp_path / "good.yaml"
    good.write_text(GOOD_BANK)

    assert main(["banks", "validate", str(good)]) == 0

    out, err = capsys.readouterr()
    assert out == ""
    assert "1 bank file(s) checked: ok" in err


def test_banks_validate_a_bad_file_prints_path_line_and_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_BANK)

    assert main(["banks", "validate", str(bad)]) == 1

    out, err = capsys.readouterr()
    assert out == f"{bad}:4: questions[1].priority: Input should be a valid integer, got 'high'\n"
    assert "1 problem(s)" in err
    assert "Traceback" not in out + err


def test_banks_validate_a_folder_prints_one_line_per_bad_file(tmp_path, capsys):
    folder = tmp_path / "banks"
    folder.mkdir()
    (folder / "a_good.yaml").write_text(GOOD_BANK)
    (folder / "b_bad.yaml").write_text(BAD_BANK)
    (folder / "c_not_yaml.yaml").write_text("bank: [unclosed\n")
    (folder / "d_good.yml").write_text(GOOD_BANK.replace("Mine", "Also mine"))
    (folder / "e_empty.yaml").write_text("")

    assert main(["banks", "validate", str(folder)]) == 1

    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [line.split(":", 1)[0] for line in lines] == [
        str(folder / "b_bad.yaml"),
        str(folder / "c_not_yaml.yaml"),
        str(folder / "e_empty.yaml"),
    ]
    assert lines[0].startswith(f"{folder / 'b_bad.yaml'}:4: ")
    assert lines[1].startswith(f"{folder / 'c_not_yaml.yaml'}:2: invalid YAML")
    assert "5 bank file(s) checked: 3 problem(s)" in err


def test_banks_validate_the_builtin_folder_is_clean(capsys):
    assert main(["banks", "validate", str(BUILTIN_BANKS)]) == 0
    assert capsys.readouterr().out == ""


def test_sessions_list_prints_saved_sessions(tmp_path, make_session, capsys):
    data = tmp_path / "data"
    store = SessionStore(data)
    earlier = make_session("Ada Lovelace", company="Analytical Engines")
    earlier.created_at = datetime(2024, 5, 2, 14, 30)
    later = make_session("Grace Hopper", company="", status="ended")
    later.created_at = datetime(2024, 6, 1, 9, 0)
    store.save(earlier)
    store.save(later)
    store.close()

    assert main(["--data-dir", str(data), "sessions", "list"]) == 0

    out, err = capsys.readouterr()
    first, second = out.splitlines()
    assert first.startswith(later.id)
    assert "2024-06-01 09:00" in first
    assert "ended" in first
    assert first.endswith("Grace Hopper")
    assert second.startswith(earlier.id)
    assert "2024-05-02 14:30" in second
    assert second.endswith("Ada Lovelace (Analytical Engines)")
    assert err == ""


def test_sessions_list_reports_a_damaged_session_it_skipped(tmp_path, make_session, capsys):
    data = tmp_path / "data"
    store = SessionStore(data)
    keep = make_session("Keep")
    damaged = make_session("Damaged")
    store.save(keep)
    store.save(damaged)
    store.close()
    (data / "index.json").unlink()
    damaged_file = data / "sessions" / f"{damaged.id}.json"
    damaged_file.write_text("{ not json")

    assert main(["--data-dir", str(data), "sessions", "list"]) == 0

    out, err = capsys.readouterr()
    assert out.splitlines()[0].endswith("Keep (Analytical Engines)")
    assert len(out.splitlines()) == 1
    assert str(damaged_file) in err and "damaged" in err
    assert damaged_file.read_text() == "{ not json"  # the list only reads


def test_sessions_list_uses_the_data_dir_from_the_environment(
    private_user_dirs, make_session, capsys
):
    store = SessionStore(private_user_dirs["data"])
    session = make_session("From Env")
    store.save(session)
    store.close()

    assert main(["sessions", "list"]) == 0

    assert capsys.readouterr().out.startswith(session.id)


def test_python_dash_m_runs_banks_list(private_user_dirs, tmp_path):
    env = {
        **os.environ,
        "INTERVIEW_TUI_DATA_DIR": str(private_user_dirs["data"]),
        "INTERVIEW_TUI_CONFIG_DIR": str(private_user_dirs["config"]),
    }
    completed = subprocess.run(
        [sys.executable, "-m", "interview_tui", "banks", "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert_lists_builtin_banks(completed.stdout)
    assert completed.stderr == ""


def test_starting_the_app_leaves_garbage_collection_on_even_when_it_fails(monkeypatch, tmp_path):
    """The command line holds collection off until the first paint; a start that fails
    before it (here, at once) must not leave the process without it."""
    import gc

    from interview_tui.ui.app import InterviewApp

    def fail(self, *args, **kwargs):
        assert not gc.isenabled()  # held off while the app starts
        raise RuntimeError("the terminal went away")

    monkeypatch.setattr(InterviewApp, "run", fail)
    with pytest.raises(RuntimeError):
        main(["--data-dir", str(tmp_path)])
    assert gc.isenabled()


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "D", "--banks", "b1", "--banks=b2"],
        ["--data-dir=D", "--banks", "b1", "--banks", "b2"],
        ["--data", "D", "--banks", "b1", "--banks", "b2"],  # abbreviated: the full parser's
    ],
)
def test_the_app_starts_with_the_data_folder_and_banks_however_they_are_spelled(monkeypatch, argv):
    from interview_tui.ui.app import InterviewApp

    started: list[tuple[object, list[Path]]] = []
    monkeypatch.setattr(
        InterviewApp, "run", lambda self: started.append((self.data_root, self.bank_paths))
    )
    assert main(argv) == 0
    assert started == [(Path("D"), [Path("b1"), Path("b2")])]


@pytest.mark.parametrize("argv", [["--data-dir"], ["--data-dir", "D", "--nope"]])
def test_a_start_the_parser_cannot_read_says_so_and_exits_2(monkeypatch, argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert "interview-tui: error:" in capsys.readouterr().err
