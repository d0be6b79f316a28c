"""The before-and-after-the-call modules are plain Python: importing them pulls in no Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
MODULES = [
    "interview_tui.lint",
    "interview_tui.templates",
    "interview_tui.followups",
    "interview_tui.clipboard",
    "interview_tui.search",
    "interview_tui.patterns",
    "interview_tui.export",
]
PROBE = """
import importlib, json, sys
importlib.import_module(sys.argv[1])
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_without_textual(module: str, tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, module],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": ""},
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout) == []
