"""``--version`` goes to standard output, so ``$(interview-tui --version)`` holds it."""

from __future__ import annotations

import subprocess
import sys

import pytest

import interview_tui
from interview_tui.cli import main


def test_version_is_printed_on_standard_output(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])

    assert exit_info.value.code in (0, None)
    out, err = capsys.readouterr()
    assert out == f"interview-tui {interview_tui.__version__}\n"
    assert err == ""


def test_version_from_a_shell_lands_in_stdout(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "interview_tui", "--version"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("interview-tui ")
    assert completed.stdout.split()[1][0].isdigit()
    assert completed.stderr == ""
