"""The first screen draws from the plain-JSON index: importing it loads no pydantic.

The start screen reaches stored data through the application service; the service must not
make the first paint pay for the models, TinyDB's store or search before they are used.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, sys
import interview_tui.ui.screens.start
print(json.dumps(sorted(m for m in ("pydantic", "interview_tui.models", "interview_tui.search",
    "interview_tui.storage.store") if m in sys.modules)))
"""


def test_importing_the_start_screen_loads_no_models_store_or_search(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []
