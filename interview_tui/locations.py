"""Every path the app uses, in one place.

Data (sessions, exports, clipboard fallbacks) lives in the user's data folder unless
``--data-dir`` or ``INTERVIEW_TUI_DATA_DIR`` says otherwise; user banks live in
``<config folder>/banks`` plus every ``--banks PATH``.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

APP_NAME = "interview-tui"
DATA_DIR_ENV = "INTERVIEW_TUI_DATA_DIR"
CONFIG_DIR_ENV = "INTERVIEW_TUI_CONFIG_DIR"
UNSAVED_DIR_ENV = "INTERVIEW_TUI_UNSAVED_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding sessions; an explicit override wins, then the environment."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_banks_dir() -> Path:
    return config_dir() / "banks"


def unsaved_copy_dirs() -> list[Path]:
    """Where copies of notes that could not be saved go, best first: away from the data
    folder (full or unwritable when they are needed), in the user's cache folder, else a
    per-user folder in the system's temp folder. ``INTERVIEW_TUI_UNSAVED_DIR`` replaces both."""
    env = os.environ.get(UNSAVED_DIR_ENV)
    if env:
        return [Path(env).expanduser()]
    import tempfile

    import platformdirs

    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return [
        Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "unsaved",
        Path(tempfile.gettempdir()) / f"{APP_NAME}-unsaved-{user}",
    ]


def builtin_banks_dir() -> Path:
    """Built-in banks: inside the installed package, or at the top of a checkout."""
    installed = _PACKAGE_DIR / "question_banks"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "question_banks"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable by the user only."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path
