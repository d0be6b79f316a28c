"""Copy text for the user, and never crash doing it.

pyperclip first. Where it has no clipboard (no xclip, xsel or wl-copy; a remote shell), the
text goes to the terminal's own clipboard through OSC 52 (the app passes Textual's
``App.copy_to_clipboard``) and is also written to a private file in the data folder, since
not every terminal honours OSC 52. The result says which of these happened.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from interview_tui.locations import ensure_private_dir
from interview_tui.models import slugify

CLIPBOARD_DIR = "clipboard"
PRIVATE_FILE = 0o600


@dataclass(frozen=True)
class CopyResult:
    """``ok`` is True when the text reached a clipboard or a file the user can open."""

    ok: bool
    method: Literal["clipboard", "terminal", "file"]
    message: str
    path: Path | None = None


NO_COPY_TOOL = "no copy tool such as xclip, xsel or wl-copy was found"


def _pyperclip_copy(text: str) -> str | None:
    """None on success, else a short reason it failed."""
    try:
        import pyperclip
    except ImportError:
        return "pyperclip is not installed"
    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as exc:
        # Its own message is a paragraph with a URL; a notification needs one clause.
        if "could not find a copy/paste mechanism" in str(exc):
            return NO_COPY_TOOL
        return _first_line(exc)
    except Exception as exc:  # whatever a clipboard backend raises, never a crash
        return _first_line(exc)
    return None


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0][:120] if text else type(exc).__name__


def _write_fallback(text: str, folder: Path, name: str, now: datetime) -> Path:
    folder = ensure_private_dir(folder / CLIPBOARD_DIR)
    stem = f"{slugify(name, 40) if name else 'clipboard'}-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{stem}.txt"
    n = 1
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
            break
        except FileExistsError:
            n += 1
            path = folder / f"{stem}-{n}.txt"
    with os.fdopen(fd, "w", encoding="utf-8") as file:
        file.write(text)
    return path


def copy_text(
    text: str,
    *,
    fallback_dir: Path,
    osc52: Callable[[str], None] | None = None,
    name: str = "clipboard",
    now: datetime | None = None,
) -> CopyResult:
    """Copy ``text``: the system clipboard, else the terminal's clipboard plus a file.

    ``name`` starts the fallback file's name (``clipboard/<name>-YYYYmmdd-HHMMSS.txt`` in
    ``fallback_dir``); ``now`` is for tests.
    """
    problem = _pyperclip_copy(text)
    if problem is None:
        return CopyResult(True, "clipboard", "Copied to the clipboard.")

    sent_to_terminal = False
    if osc52 is not None:
        try:
            osc52(text)
            sent_to_terminal = True
        except Exception:  # a terminal that cannot take it must not stop the file fallback
            sent_to_terminal = False

    try:
        path: Path | None = _write_fallback(text, Path(fallback_dir), name, now or datetime.now())
        saved = f"saved to {path}"
    except OSError as exc:
        path = None
        saved = f"could not save a copy ({exc.strerror or exc})"

    if sent_to_terminal:
        message = (
            f"No system clipboard ({problem}). Sent to the terminal's clipboard "
            f"(if your terminal allows it) and {saved}."
        )
        return CopyResult(True, "terminal", message, path)
    message = f"No system clipboard ({problem}); {saved}."
    return CopyResult(path is not None, "file", message, path)
