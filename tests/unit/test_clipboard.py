"""Copying falls back to the terminal and a private file, and never crashes."""

from __future__ import annotations

import stat
from datetime import datetime
from pathlib import Path

import pyperclip
import pytest

from interview_tui.clipboard import NO_COPY_TOOL, copy_text

NOW = datetime(2024, 3, 5, 10, 15, 0)
TEXT = "Subject: Thank you, Jane\n\nHi Jane,\n"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path / "data"


@pytest.fixture
def no_clipboard(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> None:
        raise pyperclip.PyperclipException(
            "Pyperclip could not find a copy/paste mechanism for your system. For more "
            "information, please visit https://pyperclip.readthedocs.io/\nOn Linux, ..."
        )

    monkeypatch.setattr(pyperclip, "copy", fail)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_system_clipboard_is_used_when_it_works(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    sent: list[str] = []

    result = copy_text(TEXT, fallback_dir=data_dir, osc52=sent.append, name="thank-you")

    assert (result.ok, result.method, result.path) == (True, "clipboard", None)
    assert result.message == "Copied to the clipboard."
    assert copied == [TEXT]
    assert sent == []
    assert not (data_dir / "clipboard").exists()


@pytest.mark.usefixtures("no_clipboard")
def test_without_a_clipboard_the_terminal_gets_it_and_a_private_file_keeps_it(
    data_dir: Path,
) -> None:
    sent: list[str] = []

    result = copy_text(TEXT, fallback_dir=data_dir, osc52=sent.append, name="thank-you", now=NOW)

    assert result.ok
    assert result.method == "terminal"
    assert sent == [TEXT]
    assert result.path == data_dir / "clipboard" / "thank-you-20240305-101500.txt"
    assert result.path.read_text(encoding="utf-8") == TEXT
    assert mode(result.path) == 0o600
    assert mode(result.path.parent) == 0o700
    assert NO_COPY_TOOL in result.message
    assert "terminal's clipboard" in result.message
    assert str(result.path) in result.message
    assert "https://" not in result.message


@pytest.mark.usefixtures("no_clipboard")
def test_without_a_clipboard_or_terminal_the_file_is_the_copy(data_dir: Path) -> None:
    result = copy_text(TEXT, fallback_dir=data_dir, name="outreach", now=NOW)

    assert (result.ok, result.method) == (True, "file")
    assert result.path is not None
    assert result.path.name == "outreach-20240305-101500.txt"
    assert f"saved to {result.path}" in result.message


def test_any_error_from_pyperclip_falls_back(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("xclip: Can't open display")

    monkeypatch.setattr(pyperclip, "copy", broken)

    result = copy_text(TEXT, fallback_dir=data_dir, now=NOW)

    assert result.method == "file"
    assert "xclip: Can't open display" in result.message
    assert result.path is not None and result.path.read_text(encoding="utf-8") == TEXT


@pytest.mark.usefixtures("no_clipboard")
def test_a_failing_terminal_copy_still_leaves_the_file(data_dir: Path) -> None:
    def refuse(text: str) -> None:
        raise OSError("not a terminal")

    result = copy_text(TEXT, fallback_dir=data_dir, osc52=refuse, now=NOW)

    assert (result.ok, result.method) == (True, "file")
    assert result.path is not None and result.path.exists()


@pytest.mark.usefixtures("no_clipboard")
def test_an_unwritable_folder_is_reported_not_raised(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    sent: list[str] = []

    with_terminal = copy_text(TEXT, fallback_dir=blocked, osc52=sent.append, now=NOW)
    nothing = copy_text(TEXT, fallback_dir=blocked, now=NOW)

    assert (with_terminal.ok, with_terminal.method, with_terminal.path) == (True, "terminal", None)
    assert "could not save a copy" in with_terminal.message
    assert (nothing.ok, nothing.method, nothing.path) == (False, "file", None)
    assert "could not save a copy" in nothing.message


@pytest.mark.usefixtures("no_clipboard")
def test_two_copies_in_the_same_second_do_not_overwrite_each_other(data_dir: Path) -> None:
    first = copy_text("first", fallback_dir=data_dir, name="thank-you", now=NOW)
    second = copy_text("second", fallback_dir=data_dir, name="thank-you", now=NOW)

    assert first.path != second.path
    assert first.path is not None and first.path.read_text(encoding="utf-8") == "first"
    assert second.path is not None and second.path.read_text(encoding="utf-8") == "second"


@pytest.mark.usefixtures("no_clipboard")
def test_the_file_name_is_safe_whatever_the_name(data_dir: Path) -> None:
    result = copy_text(TEXT, fallback_dir=data_dir, name="../Thank you: Jane/Acme", now=NOW)

    assert result.path is not None
    assert result.path.parent == data_dir / "clipboard"
    assert result.path.name == "thank-you-jane-acme-20240305-101500.txt"
