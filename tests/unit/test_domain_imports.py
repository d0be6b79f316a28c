"""The domain is plain Python: importing it must not pull in Textual."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIR = REPO_ROOT / "interview_tui"


def non_ui_modules() -> list[str]:
    """Every module of the package outside ``interview_tui/ui/``, found on disk."""
    names = []
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        parts = path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[0] in ("ui", "__main__"):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names.append(".".join(("interview_tui", *parts)))
    return names


DOMAIN_MODULES = non_ui_modules()


def test_the_module_finder_sees_every_layer():
    assert {"interview_tui.models", "interview_tui.storage.store", "interview_tui.cli"} <= set(
        DOMAIN_MODULES
    )
    assert not any(name.startswith("interview_tui.ui") for name in DOMAIN_MODULES)


PROBE = """
import importlib, json, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
print(json.dumps(sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))))
"""


def textual_modules_after_importing(*modules: str, tmp_path: Path) -> list[str]:
    completed = subprocess.run(
        [sys.executable, "-c", PROBE, *modules],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(REPO_ROOT), "PATH": ""},
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout)


def test_the_probe_does_see_textual_when_it_is_imported(tmp_path):
    assert "textual" in textual_modules_after_importing("textual.app", tmp_path=tmp_path)


def test_importing_the_whole_domain_pulls_in_no_textual(tmp_path):
    assert textual_modules_after_importing(*DOMAIN_MODULES, tmp_path=tmp_path) == []


@pytest.mark.parametrize("module", DOMAIN_MODULES)
def test_each_domain_module_alone_pulls_in_no_textual(module, tmp_path):
    assert textual_modules_after_importing(module, tmp_path=tmp_path) == []
