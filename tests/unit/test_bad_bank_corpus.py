"""Every bad bank gives exactly one readable line, quickly, and never stops the good banks.

The committed corpus lives in ``tests/bad_banks``; the cases that are big, binary or
depend on the file system (20 MB, not UTF-8, unreadable, symlink loop, FIFO) are made
at test time in ``tmp_path``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from interview_tui.banks import BankSet, load_banks

CORPUS = Path(__file__).resolve().parent / "bad_banks"
BUILTIN_BANKS = Path(__file__).resolve().parents[2] / "question_banks"
BUILTIN_COUNT = 6
TIME_LIMIT = 5.0

# file name -> (line the problem points at, or None; words the message must contain)
EXPECTED: dict[str, tuple[int | None, str]] = {
    "billion_laughs.yaml": (9, "more than 100 aliases"),
    "deeply_nested.yaml": (None, "nested too deeply"),
    "duplicate_ids.yaml": (2, "duplicate id 'day' (questions 1 and 2)"),
    "duplicate_ids_from_text.yaml": (2, "duplicate id 'what-does-a-normal-day-look-like'"),
    "duplicate_yaml_keys.yaml": (5, "duplicate key 'priority'"),
    "empty_question_list.yaml": (2, "a bank needs at least one question"),
    "missing_bank_name.yaml": (1, "bank: required field is missing"),
    "missing_text.yaml": (4, "questions[2].text: required field is missing"),
    "placeholder_broken_braces.yaml": (3, "broken placeholder braces"),
    "placeholder_unknown.yaml": (3, "unknown placeholder {employer}"),
    "placeholder_with_format.yaml": (3, "write the placeholder as {company}"),
    "shape_empty.yaml": (None, "but the file is empty"),
    "shape_list_at_top.yaml": (1, "but the file is a list"),
    "shape_question_not_a_mapping.yaml": (4, "questions[2]: a question must be a mapping"),
    "shape_questions_not_a_list.yaml": (2, "questions: Input should be a valid list"),
    "shape_scalar.yaml": (1, "but the file is plain text"),
    "syntax_bad_indent.yaml": (4, "invalid YAML"),
    "syntax_colon_in_plain_text.yaml": (3, "put text that contains ': ' in quotes"),
    "syntax_tab_indent.yaml": (3, "indent with spaces, not tabs"),
    "syntax_two_documents.yaml": (4, "expected a single document"),
    "syntax_unclosed_flow_list.yaml": (5, "flow sequence (from line 4)"),
    "syntax_unclosed_quote.yaml": (5, "quoted scalar (from line 1)"),
    "syntax_undefined_alias.yaml": (4, "undefined alias 'common_tags'"),
    "tag_local_include.yaml": (2, "tag '!include' is not allowed in a bank"),
    "tag_python_apply_os_system.yaml": (3, "tag '!!python/object/apply:os.system' is not allowed"),
    "tag_python_name.yaml": (4, "tag '!!python/name:os.system' is not allowed"),
    "tag_python_object_new.yaml": (1, "tag '!!python/object/new:subprocess.Popen' is not"),
    "tag_set_of_questions.yaml": (2, "invalid YAML"),
    "type_field_name_not_text.yaml": (3, "questions[1]: field names must be text, got 1"),
    "type_minutes_boolean.yaml": (4, "questions[1].minutes: Input should be a valid number"),
    "type_minutes_negative.yaml": (4, "questions[1].minutes: Input should be greater than 0"),
    "type_minutes_zero.yaml": (4, "questions[1].minutes: Input should be greater than 0"),
    "type_phase_unknown.yaml": (4, "questions[1].phase: Input should be 'opening', 'core'"),
    "type_pinned_maybe.yaml": (4, "questions[1].pinned: Input should be a valid boolean"),
    "type_priority_bad_int_tag.yaml": (4, "'high' is not a valid whole number"),
    "type_priority_fraction.yaml": (4, "questions[1].priority: Input should be a valid integer"),
    "type_priority_word.yaml": (4, "questions[1].priority: Input should be a valid integer"),
    "type_probes_mapping.yaml": (4, "questions[1].probes: Input should be a valid list"),
    "type_tags_string.yaml": (4, "questions[1].tags: Input should be a valid list"),
    "type_text_impossible_date.yaml": (4, "'2024-02-30' is not a valid date"),
    "type_text_null.yaml": (3, "questions[1].text: Input should be a valid string, got None"),
    "type_text_number.yaml": (3, "questions[1].text: Input should be a valid string, got 42"),
    "unknown_key_bank.yaml": (2, "unknown field 'categroy' (did you mean 'category'?)"),
    "unknown_key_question.yaml": (4, "unknown field 'prority' (did you mean 'priority'?)"),
}

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.is_file())


def load_within_time_limit(paths: list[Path]) -> tuple[BankSet, float]:
    """``load_banks`` in a daemon thread, so a hang fails the test instead of the run."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["result"] = load_banks(paths)
        except BaseException as exc:  # reported below, with the test's own traceback
            outcome["error"] = exc

    started = time.perf_counter()
    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(TIME_LIMIT)
    elapsed = time.perf_counter() - started
    assert not worker.is_alive(), f"loading {paths} took longer than {TIME_LIMIT} s"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"], elapsed  # type: ignore[return-value]


def assert_one_readable_problem(path: Path, load: Path | None = None) -> str:
    """Load ``load`` (default: ``path`` itself) and expect one line about ``path``."""
    result, elapsed = load_within_time_limit([load or path])
    assert elapsed < TIME_LIMIT
    assert result.banks == []
    assert len(result.problems) == 1, [str(p) for p in result.problems]
    line = str(result.problems[0])
    assert line.startswith(f"{path}:"), line
    assert "\n" not in line and "\r" not in line, line
    assert "Traceback" not in line
    return line


def test_the_corpus_is_big_enough_and_every_file_has_an_expectation():
    names = {p.name for p in CORPUS_FILES}
    assert len(names) >= 25
    assert names == set(EXPECTED)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.stem)
def test_bad_bank_gives_one_line_at_the_right_place(path):
    expected_line, expected_words = EXPECTED[path.name]

    line = assert_one_readable_problem(path)

    where = f"{path}:{expected_line}: " if expected_line else f"{path}: "
    assert line.startswith(where), line
    assert expected_words in line, line


def test_no_tag_in_the_corpus_ran_anything():
    assert_one_readable_problem(CORPUS / "tag_python_apply_os_system.yaml")
    assert not Path("/tmp/interview-tui-pwned").exists()


def test_corpus_next_to_builtin_banks_still_loads_every_builtin_bank():
    result, elapsed = load_within_time_limit([BUILTIN_BANKS, CORPUS])

    assert elapsed < TIME_LIMIT
    assert len(result.banks) == BUILTIN_COUNT
    assert {Path(bank.source).parent for bank in result.banks} == {BUILTIN_BANKS}
    assert sorted(Path(p.path).name for p in result.problems) == sorted(EXPECTED)


# ── Cases made at test time ──────────────────────────────────────────────────────────


def make_huge(folder: Path) -> tuple[Path, str]:
    path = folder / "huge.yaml"
    line = b"  - text: What does a normal day look like?\n"
    with path.open("wb") as out:
        out.write(b"bank: Huge\nquestions:\n")
        out.write(line * (20_000_000 // len(line) + 1))
    return path, f"{path}: file is 20.0 MB; a bank may be at most 1 MB"


def make_not_utf8(folder: Path) -> tuple[Path, str]:
    path = folder / "latin1.yaml"
    path.write_bytes("bank: Café\nquestions:\n  - text: Qué tal?\n".encode("latin-1"))
    return path, f"{path}:1: not UTF-8 text (byte 0xe9)"


def make_control_character(folder: Path) -> tuple[Path, str]:
    path = folder / "control.yaml"
    path.write_bytes(b"bank: Bell\nquestions:\n  - text: Ring\x07?\n")
    return path, f"{path}:3: invalid YAML: special character U+0007 is not allowed"


def make_symlink_loop(folder: Path) -> tuple[Path, str]:
    path = folder / "loop.yaml"
    path.symlink_to(path)
    return path, f"{path}: cannot read: Too many levels of symbolic links"


def make_fifo(folder: Path) -> tuple[Path, str]:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    path = folder / "pipe.yaml"
    os.mkfifo(path)
    return path, f"{path}: is not a regular file"


def make_folder_named_like_a_bank(folder: Path) -> tuple[Path, str]:
    path = folder / "looks_like_a_bank.yaml"
    path.mkdir()
    return path, f"{path}: is a folder, not a bank file"


GENERATED: list[Callable[[Path], tuple[Path, str]]] = [
    make_huge,
    make_not_utf8,
    make_control_character,
    make_symlink_loop,
    make_fifo,
    make_folder_named_like_a_bank,
]


@pytest.mark.parametrize("make", GENERATED, ids=lambda make: make.__name__[len("make_") :])
def test_generated_bad_bank_gives_one_line(make, tmp_path):
    folder = tmp_path / "banks"
    folder.mkdir()
    path, expected_start = make(folder)

    line = assert_one_readable_problem(path, load=folder)
    assert line.startswith(expected_start), line

    # Loaded as part of a folder, next to the built-in banks, it is the only problem.
    result, _ = load_within_time_limit([BUILTIN_BANKS, folder])
    assert len(result.banks) == BUILTIN_COUNT
    assert [p.path for p in result.problems if p.path == str(path)] == [str(path)]


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="root reads any folder, so permissions cannot make one unreadable",
)
def test_unreadable_folder_gives_one_line_and_builtin_banks_still_load(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "bank.yaml").write_text("bank: Locked\nquestions:\n  - text: Hi?\n")
    folder.chmod(0o000)
    try:
        result, elapsed = load_within_time_limit([BUILTIN_BANKS, folder])
    finally:
        folder.chmod(0o700)

    assert elapsed < TIME_LIMIT
    assert len(result.banks) == BUILTIN_COUNT
    [problem] = result.problems
    assert str(problem) == f"{folder}: cannot read: Permission denied"


def test_folder_that_cannot_be_listed_gives_one_line(tmp_path, monkeypatch):
    """The same case as above, simulated so it also runs as root."""
    folder = tmp_path / "locked"
    folder.mkdir()
    real_scandir = os.scandir

    def refuse(path):
        if Path(path) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    result, _ = load_within_time_limit([BUILTIN_BANKS, folder])

    assert len(result.banks) == BUILTIN_COUNT
    assert [str(p) for p in result.problems] == [f"{folder}: cannot read: Permission denied"]
