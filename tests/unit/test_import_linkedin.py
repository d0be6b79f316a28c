"""LinkedIn's Connections.csv, as LinkedIn writes it, read into people."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from interview_tui.import_cards import PersonCard
from interview_tui.import_linkedin import connection_date, read_connections
from tests.hostile_text import HOSTILE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"


def by_name(cards: list[PersonCard]) -> dict[str, PersonCard]:
    return {card.name: card for card in cards}


def write(tmp_path: Path, text: str, name: str = "Connections.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_the_fixture_is_what_linkedin_writes() -> None:
    raw = (FIXTURES / "Connections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfNotes:\r\n")
    assert f"\r\n\r\n{HEADER}\r\n".encode() in raw


def test_every_named_connection_is_read_past_the_notes_preamble() -> None:
    result = read_connections(FIXTURES / "Connections.csv")

    assert result.fatal is None
    assert [card.name for card in result.items] == [
        "Ana Núñez",
        "Zoë O'Brien-Søndergaard 🚀",
        "Lee Dev[/ops]",
        "伟 李",
        "محمد الفارسي",
        "Priya Raman",
        "Jean-Luc Picard",
        'Sam O"Neil',
        "Maëlys Lefèvre",
    ]


def test_a_connection_keeps_its_company_role_link_and_date() -> None:
    ana = by_name(read_connections(FIXTURES / "Connections.csv").items)["Ana Núñez"]

    assert ana == PersonCard(
        name="Ana Núñez",
        company="Acme, Inc.",
        role="Staff Engineer",
        email="",
        profile_url="https://www.linkedin.com/in/ana-nunez-4b2a1",
        connected_on=date(2026, 6, 2),
        where="Connections.csv:5",
    )


def test_quoted_commas_legal_suffixes_and_emails_come_through_clean() -> None:
    people = by_name(read_connections(FIXTURES / "Connections.csv").items)

    zoe = people["Zoë O'Brien-Søndergaard 🚀"]
    assert (zoe.company, zoe.role) == ("Globex Corporation, LLC", "VP, Research")
    assert zoe.email == "zoe.obrien@globex.example"
    assert people["伟 李"].company == "Umbrella GmbH & Co. KG"
    assert people["Lee Dev[/ops]"].company == "[b]x Labs"


def test_names_are_whitespace_normalised_and_links_take_one_form() -> None:
    people = by_name(read_connections(FIXTURES / "Connections.csv").items)

    assert people["Jean-Luc Picard"].profile_url == "https://www.linkedin.com/in/jlpicard"
    assert people["Priya Raman"].profile_url == "https://www.linkedin.com/in/priyaraman"


def test_a_row_without_a_name_is_skipped_and_a_bad_date_is_dropped_with_a_reason() -> None:
    result = read_connections(FIXTURES / "Connections.csv")

    assert result.problems == [
        "Connections.csv:10: no name, skipped",
        "Connections.csv:11: connected on 'sometime last year' is not a date like "
        "02 Jun 2026; kept without the date",
    ]
    priya = by_name(result.items)["Priya Raman"]
    assert priya.connected_on is None
    assert priya.company == "Globex Corporation, LLC"


def test_the_header_is_found_without_a_preamble_and_columns_are_taken_by_name(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        "Company,Last Name,First Name,Connected On\nHooli,Chen,Bo,3 Mar 2024\n",
    )

    (bo,) = read_connections(path).items
    assert (bo.name, bo.company, bo.connected_on) == ("Bo Chen", "Hooli", date(2024, 3, 3))


def test_a_file_without_the_header_row_is_refused_as_a_whole(tmp_path: Path) -> None:
    path = write(tmp_path, "Name,Company\nBo Chen,Hooli\n", name="people.csv")

    result = read_connections(path)

    assert result.items == []
    assert result.fatal == (
        "people.csv: no header row 'First Name,Last Name,…' found; "
        "is this LinkedIn's Connections.csv?"
    )


def test_short_rows_blank_rows_and_a_bad_email_do_not_stop_the_file(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        f"{HEADER}\nBo,Chen\n,,,,,,\n\nAl,Ng,,not an email,Acme,,\n",
    )

    result = read_connections(path)

    assert [card.name for card in result.items] == ["Bo Chen", "Al Ng"]
    assert result.items[1].email == ""
    assert result.problems == [
        "Connections.csv:5: 'not an email' is not an email address, left out"
    ]


def test_a_quoted_name_over_two_lines_is_named_by_the_line_it_starts_on(tmp_path: Path) -> None:
    path = write(tmp_path, f'{HEADER}\n"Bo\nRay",Chen,,,,,\n,,,,Acme,,\n')

    result = read_connections(path)

    assert [card.name for card in result.items] == ["Bo Ray Chen"]
    assert result.problems == ["Connections.csv:4: no name, skipped"]


def test_a_quote_never_closed_is_named_and_the_rows_before_it_still_come_in(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, f'{HEADER}\nBo,Chen\nAda,"Love,,,,,\nGrace,Hopper\nAlan,Turing\n')

    result = read_connections(path)

    assert [card.name for card in result.items] == ["Bo Chen"]
    assert result.problems == [
        "Connections.csv:3: a quote opened on this line is never closed, so it and the 2 "
        "line(s) after it were not read; close the quote and import the file again (people "
        "already imported are not doubled)"
    ]


def test_hostile_names_are_kept_as_text(tmp_path: Path) -> None:
    rows = [f'"{text.replace(chr(34), chr(34) * 2)}",X,,,Acme,,' for text in HOSTILE.values()]
    path = write(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n")

    names = [card.name for card in read_connections(path).items]

    assert names == [" ".join(f"{text} X".split()) for text in HOSTILE.values()]


def test_control_characters_are_stripped(tmp_path: Path) -> None:
    path = write(tmp_path, f"{HEADER}\nBo\x1b[31m,Chen\x07,,,Acme\x0c Corp,,\n")

    (bo,) = read_connections(path).items

    assert (bo.name, bo.company) == ("Bo [31m Chen", "Acme Corp")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02 Jun 2026", date(2026, 6, 2)),
        ("2 June 2026", date(2026, 6, 2)),
        ("2026-06-02", date(2026, 6, 2)),
        ("31 Feb 2026", None),
        ("02 Jux 2026", None),
        ("06/02/2026", None),
        ("", None),
    ],
)
def test_connection_dates_read_in_english_whatever_the_locale(
    text: str, expected: date | None
) -> None:
    assert connection_date(text) == expected


def test_a_field_too_large_for_csv_refuses_the_file_in_one_line(tmp_path: Path) -> None:
    path = write(tmp_path, f'{HEADER}\nBo,Chen,,,,,\nAl,"{"x" * 200_000}",,,,,\n')

    result = read_connections(path)

    assert result.items == []
    assert result.fatal == (
        "Connections.csv:3: not readable as CSV (field larger than field limit (131072))"
    )


def test_a_file_a_spreadsheet_saved_with_semicolons_still_reads(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Notes:\n\n" + HEADER.replace(",", ";") + '\nAna;Núñez;;;"Acme; Inc.";CTO;02 Jun 2026\n',
    )

    (ana,) = read_connections(path).items

    assert (ana.name, ana.company, ana.connected_on) == (
        "Ana Núñez",
        "Acme; Inc.",
        date(2026, 6, 2),
    )
