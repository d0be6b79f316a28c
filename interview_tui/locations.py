"""Every path the app uses, in one place.

Data (sessions, exports, clipboard fallbacks) lives in the user's data folder unless
``--data-dir`` or ``INTERVIEW_TUI_DATA_DIR`` says otherwise; user banks live in
``<config folder>/banks`` plus every ``--banks PATH``.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
from pathlib import Path

APP_NAME = "interview-tui"
DATA_DIR_ENV = "INTERVIEW_TUI_DATA_DIR"
CONFIG_DIR_ENV = "INTERVIEW_TUI_CONFIG_DIR"
UNSAVED_DIR_ENV = "INTERVIEW_TUI_UNSAVED_DIR"
EXPORTS_DIR = "exports"  # inside the data folder: where the app writes its exports
SETTINGS_FILE = "settings.toml"  # inside the config folder
PRIVATE_DIR = 0o700

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


def settings_file() -> Path:
    """``<config folder>/settings.toml``: what a person keeps (see :mod:`settings`)."""
    return config_dir() / SETTINGS_FILE


_THEME_LINE = re.compile(
    r"""^theme[ \t]*=[ \t]*(?:"([\w.-]{1,100})"|'([\w.-]{1,100})')[ \t]*(?:#.*)?$"""
)


def remembered_theme() -> str | None:
    """The ``theme = "…"`` line of the settings file, read before the first paint.

    A glance, not a parse (tomllib and the settings model cost milliseconds at start-up):
    the loading worker reads the whole file with :func:`interview_tui.settings.load_settings`
    and applies what it finds there if this glance missed it.
    """
    path = settings_file()
    try:
        if not path.is_file():  # nothing there; a pipe would block the read
            return None
        with open(path, "rb") as file:
            text = file.read(64 * 1024).decode("utf-8", "replace")
    except OSError:
        return None
    for line in text.splitlines():
        found = _THEME_LINE.match(line.strip())
        if found:
            return found.group(1) or found.group(2)
    return None


def exports_dir(data_root: Path, export_folder: Path | None = None) -> Path:
    """Where the app writes exports: the folder set in the settings, else
    ``<data folder>/exports``."""
    return export_folder if export_folder is not None else data_root / EXPORTS_DIR


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


def folder_problem(path: Path) -> str | None:
    """Why ``path`` cannot be used as a folder ("is a link to …, which does not exist"), or
    None when it is a folder or does not exist yet."""
    if path.is_dir() or not os.path.lexists(path):
        return None
    if path.is_symlink():
        try:
            target = os.readlink(path)
        except OSError:
            target = "something"
        if not path.exists():
            return f"is a link to {target}, which does not exist"
        return f"is a link to {target}, which is not a folder"
    return "is a file, not a folder"


def make_private(path: Path) -> None:
    """Take group and others' access away from a folder of ours that already exists.

    Never adds access (a folder made read-only stays read-only), and leaves alone a folder
    owned by someone else or shared on purpose (the sticky bit, as on ``/tmp``).
    """
    info = os.stat(path)
    mode = stat.S_IMODE(info.st_mode)
    ours = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    if ours and not mode & stat.S_ISVTX and mode & 0o077:
        os.chmod(path, mode & PRIVATE_DIR)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` and whichever of its parents are missing, each readable by the user only.

    Only folders made here get a mode: one that already exists (a shared folder, the home
    folder) is left as it is. ``mkdir(parents=True, mode=…)`` would give the parents the
    umask's mode instead, world-writable under ``umask 000``.
    """
    path = Path(path)
    missing: list[Path] = []
    folder = path
    while not folder.is_dir():
        problem = folder_problem(folder)
        if problem:
            raise NotADirectoryError(errno.ENOTDIR, problem, str(folder))
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, PRIVATE_DIR)
        except FileExistsError:
            if folder.is_dir():
                continue  # made by someone else meanwhile: not ours to change
            raise
        with contextlib.suppress(OSError):
            os.chmod(folder, PRIVATE_DIR)  # a umask such as 0o277 takes the user's own bits
    return path
