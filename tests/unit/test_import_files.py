"""Every import reader, handed a file that is not what it expects, says so in one line."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interview_tui import import_cards
from interview_tui.import_cards import ReadResult
from interview_tui.import_files import read_people_file
from interview_tui.import_invite import read_invites
from interview_tui.import_linkedin import read_connections
from interview_tui.import_vcard import read_vcards

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"
Reader = Callable[[Path], ReadResult[Any]]
READERS: dict[str, Reader] = {
    "linkedin": read_connections,
    "vcard": read_vcards,
    "invite": read_invites,
    "people": read_people_file,
}
SUFFIX = {"linkedin": ".csv", "vcard": ".vcf", "invite": ".ics", "people": ".csv"}


def one_fatal_line(result: ReadResult[Any]) -> str:
    assert result.items == []
    assert result.fatal is not None
    assert "\n" not in result.fatal
    return result.fatal


@pytest.fixture(params=sorted(READERS))
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_missing_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"gone{SUFFIX[kind]}"
    assert one_fatal_line(READERS[kind](path)) == f"gone{SUFFIX[kind]}: no such file"


def test_a_folder(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"folder{SUFFIX[kind]}"
    path.mkdir()
    assert one_fatal_line(READERS[kind](path)) == f"folder{SUFFIX[kind]}: is a folder, not a file"


def test_an_empty_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"empty{SUFFIX[kind]}"
    path.write_bytes(b"\r\n  \n")
    assert one_fatal_line(READERS[kind](path)) == f"empty{SUFFIX[kind]}: the file is empty"


def test_a_binary_file(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"photo{SUFFIX[kind]}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert one_fatal_line(READERS[kind](path)) == f"photo{SUFFIX[kind]}: a binary file, not text"


def test_text_that_is_not_utf8(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"latin1{SUFFIX[kind]}"
    path.write_bytes("First Name,Last Name\nJosé,Núñez\n".encode("latin-1"))
    assert one_fatal_line(READERS[kind](path)) == (
        f"latin1{SUFFIX[kind]}:2: not UTF-8 text (save the file as UTF-8 and import it again)"
    )


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"huge{SUFFIX[kind]}"
    with path.open("wb") as handle:
        handle.truncate(import_cards.MAX_BYTES + 1)  # sparse: costs no disk
    assert one_fatal_line(READERS[kind](path)) == (
        f"huge{SUFFIX[kind]}: 20.0 MB is too large to import (the limit is 20 MB)"
    )


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file modes")
def test_a_file_that_cannot_be_read(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"locked{SUFFIX[kind]}"
    path.write_text("x")
    path.chmod(0)
    try:
        fatal = one_fatal_line(READERS[kind](path))
    finally:
        path.chmod(0o600)
    assert fatal == f"locked{SUFFIX[kind]}: cannot be read (permission denied)"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.sampled_from(
            [
                (FIXTURES / name).read_bytes()
                for name in ("Connections.csv", "contacts-v3.vcf", "outlook-invite.ics")
            ]
        ).flatmap(lambda raw: st.integers(0, len(raw)).map(lambda cut: raw[:cut])),
    )
)
def test_no_reader_raises_whatever_the_bytes(tmp_path: Path, data: bytes) -> None:
    for kind, reader in READERS.items():
        path = tmp_path / f"any{SUFFIX[kind]}"
        path.write_bytes(data)
        result = reader(path)
        assert (result.fatal is None) or result.items == []
        assert all("\n" not in line for line in result.problems)


def test_people_files_are_read_by_suffix(tmp_path: Path) -> None:
    linkedin = read_people_file(FIXTURES / "Connections.csv")
    vcards = read_people_file(FIXTURES / "contacts-v4.vcf")

    assert len(linkedin.items) == 9
    assert [card.name for card in vcards.items] == ["Zoë O'Brien-Søndergaard", "محمد الفارسي"]
    renamed = tmp_path / "friends.VCARD"
    renamed.write_bytes((FIXTURES / "contacts-v4.vcf").read_bytes())
    assert len(read_people_file(renamed).items) == 2


def test_people_files_without_a_known_suffix_are_read_by_what_they_hold(tmp_path: Path) -> None:
    exported = tmp_path / "Connections (1).txt"
    exported.write_bytes((FIXTURES / "Connections.csv").read_bytes())
    cards = tmp_path / "contacts"
    cards.write_bytes((FIXTURES / "contacts-v3.vcf").read_bytes())

    assert len(read_people_file(exported).items) == 9
    assert read_people_file(exported).items[0].where == "Connections (1).txt:5"
    assert len(read_people_file(cards).items) == 3


def test_any_other_file_is_refused_by_name(tmp_path: Path) -> None:
    invite = read_people_file(FIXTURES / "google-invite.ics")
    notes = tmp_path / "notes.md"
    notes.write_text("# People I met\n- Bo Chen\n")

    assert one_fatal_line(invite) == (
        "google-invite.ics: is not a LinkedIn Connections.csv or a vCard file (.vcf)"
    )
    assert one_fatal_line(read_people_file(notes)) == (
        "notes.md: is not a LinkedIn Connections.csv or a vCard file (.vcf)"
    )
