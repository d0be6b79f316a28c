"""Text is text on the command line and in the helpers behind it: hostile strings (see
``tests/hostile_text.py``) come out as typed, one clean line where a line is needed."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from datetime import date

import pytest
from hostile_text import (
    BAD_BANK_QUOTES,
    HOSTILE,
    HOSTILE_BANK_NAME,
    HOSTILE_CATEGORY,
    KITCHEN_SINK_ID,
    as_name,
    hostile_sessions,
    missing,
    store_sessions,
    write_user_banks,
)
from textual.content import Content

from interview_tui.cli import main
from interview_tui.display_text import markdown_literal, one_line, printable
from interview_tui.export import from_json, to_markdown
from interview_tui.ui.plain import plain, styled


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "data"
    store_sessions(folder, hostile_sessions(date.today()))
    return folder


def test_sessions_list_prints_one_line_per_session_with_each_name_as_typed(data_dir, capsys):
    assert main(["--data-dir", str(data_dir), "sessions", "list"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) == len(HOSTILE) + 1  # and the kitchen sink
    names = {key: as_name(text) for key, text in HOSTILE.items()}
    assert missing(names, out) == {}
    assert any(line.endswith("Lee Dev (Lee Dev)") for line in lines)
    assert err == ""


def test_banks_list_and_validate_print_hostile_names_and_quotes_on_one_line_each(
    private_user_dirs, capsys
):
    folder = write_user_banks(private_user_dirs["config"])

    assert main(["banks", "list"]) == 0
    out, err = capsys.readouterr()
    hostile = [line for line in out.splitlines() if line.startswith(HOSTILE_BANK_NAME)]
    assert len(hostile) == 1 and HOSTILE_CATEGORY in hostile[0]
    assert "[b]soon" in err

    assert main(["banks", "validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    problems = out.splitlines()
    assert len(problems) == 1  # the broken bank, one line
    assert f"'{BAD_BANK_QUOTES[1]}'" in problems[0]


def test_banks_validate_with_lint_keeps_each_warning_on_one_line(tmp_path, capsys):
    bank = tmp_path / "bank.yaml"
    bank.write_text(
        json.dumps(
            {
                "bank": "Lint [/]",
                "questions": [{"text": "What is the salary\nfor [b]this[/b] role?", "id": "pay"}],
            }
        ),
        encoding="utf-8",
    )
    assert main(["banks", "validate", "--lint", str(bank)]) == 0
    out, _ = capsys.readouterr()
    assert out.splitlines() and all(line.startswith(str(bank)) for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_export_keeps_hostile_text_as_typed(data_dir, fmt, capsys):
    assert main(["--data-dir", str(data_dir), "export", KITCHEN_SINK_ID, "--format", fmt]) == 0
    out, _ = capsys.readouterr()
    if fmt == "json":
        (session,) = from_json(out)
        assert [r.name for r in session.referrals] == list(HOSTILE.values())
    elif fmt == "csv":
        (row,) = list(csv.DictReader(io.StringIO(out)))
        assert row["name"] == "Kitchen [/] Sink"
        assert row["company"] == HOSTILE["brackets"]
    else:
        assert missing(HOSTILE, out) == {}
        # A heading or a list item is one line: a name with a newline does not split it.
        assert "- [ ] Lee Dev — Lee Dev" in out


def test_export_markdown_titles_are_one_line(data_dir):
    (session,) = [s for s in hostile_sessions(date.today()) if s.contact.name == "Lee\nDev"]
    page = to_markdown(session, front_matter=False)
    assert page.splitlines()[0] == "# Lee Dev · Lee Dev"


# -- the helpers -------------------------------------------------------------------------------


def test_printable_shows_control_characters_and_keeps_lines_and_tabs():
    assert printable("a\x1b[31mb\x07\tc\nd\x9b") == "a\ufffd[31mb\ufffd\tc\nd\ufffd"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Lee\nDev", "Lee Dev"),
        ("Lee \r\n  Dev\n", "Lee Dev"),
        ("a\u2028b\u2029c", "a b c"),
        ("tab\there", "tab here"),
        ("  kept  ", "  kept  "),
        ("below the cut · ", "below the cut · "),
        ("Acme [formerly Foo]", "Acme [formerly Foo]"),
    ],
)
def test_one_line(text, line):
    assert one_line(text) == line


@pytest.mark.parametrize(
    "typed",
    [
        *HOSTILE.values(),
        "[link](https://example.com) and https://example.com",
        "<b>bold</b> &amp; *star* _under_ `code` ~~gone~~ | pipe | ![img](x) \\",
        "# not a heading",
        "> not a quote",
        "---",
        "===",
    ],
)
def test_markdown_literal_renders_as_typed(typed):
    """Through the Markdown parser Textual uses, what was typed is what reads: no heading,
    emphasis, code, image or quote made of it. (A bare URL stays a link, showing itself.)"""
    from markdown_it import MarkdownIt

    rendered = MarkdownIt("gfm-like").render(markdown_literal(one_line(typed)))
    assert rendered.startswith("<p>"), rendered
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == one_line(typed).strip()


def test_a_typed_list_still_reads_as_a_list():
    assert markdown_literal("- first\n- second [/]") == "- first\n- second \\[/\\]"


def test_plain_and_styled_never_read_values_as_markup():
    assert plain("[b]x[/b] [/]").plain == "[b]x[/b] [/]"
    content = styled("[b]$name[/b] · $n min", name="Lee\nDev[/ops]", n=30)
    assert content.plain == "Lee Dev[/ops] · 30 min"
    assert [(span.start, span.end, str(span.style)) for span in content.spans] == [(0, 13, "b")]
    kept = styled("$lines", lines=Content("a\nb"))
    assert kept.plain == "a\nb"


def test_the_palette_highlights_letters_of_text_it_does_not_read_as_markup():
    from textual.fuzzy import Matcher

    from interview_tui.ui.commands import highlighted

    content = highlighted(Matcher("ops"), "Lee Dev[/ops]")
    assert content.plain == "Lee Dev[/ops]"
    assert sorted(span.start for span in content.spans) == [9, 10, 11]
