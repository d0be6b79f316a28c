"""vCard files (3.0 from Apple and Google Contacts, 4.0 from Thunderbird) read into people."""

from __future__ import annotations

from pathlib import Path

from interview_tui.import_cards import PersonCard
from interview_tui.import_vcard import read_vcards
from tests.hostile_text import HOSTILE

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def card(body: str) -> str:
    return f"BEGIN:VCARD\r\nVERSION:3.0\r\n{body}\r\nEND:VCARD\r\n"


def write(tmp_path: Path, text: str, name: str = "contacts.vcf") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_a_version_3_card_gives_every_field_with_folds_and_escapes_undone() -> None:
    result = read_vcards(FIXTURES / "contacts-v3.vcf")

    assert result.items[0] == PersonCard(
        name="Ana Núñez",
        company="Acme, Inc.",
        role="Staff Engineer",
        email="ana.nunez@acme.example",
        profile_url="https://www.linkedin.com/in/ana-nunez-4b2a1",
        phone="+1 (415) 555-0142",
        note=(
            "Met in the PyCon hallway track, May 2025. Happy to talk about on-call rotations "
            "and moving from SRE to platform work.\nAsk about the Berlin team."
        ),
        where="contacts-v3.vcf:1",
    )


def test_cards_from_google_contacts_and_a_card_without_a_name() -> None:
    result = read_vcards(FIXTURES / "contacts-v3.vcf")

    priya, lee = result.items[1:]
    assert (priya.name, priya.company, priya.where) == (
        "Priya Raman",
        "Globex Corporation, LLC",
        "contacts-v3.vcf:23",
    )
    assert (lee.name, lee.company, lee.profile_url) == ("Lee Dev[/ops] 🛠️", "[b]x Labs", "")
    assert result.problems == ["contacts-v3.vcf:44: card with no name (FN or N), skipped"]


def test_a_version_4_card_takes_the_preferred_email_and_the_linkedin_link() -> None:
    result = read_vcards(FIXTURES / "contacts-v4.vcf")

    assert result.problems == []
    zoe, mohammed = result.items
    assert zoe.name == "Zoë O'Brien-Søndergaard"
    assert (zoe.company, zoe.role) == ("Globex Corporation, LLC", "VP, Research")
    assert zoe.email == "zoe.obrien@globex.example"
    assert zoe.profile_url == "https://uk.linkedin.com/in/zoe-obrien"
    assert zoe.phone == "+44-20-7946-0958"
    assert zoe.note.endswith("hiring researchers, worth reading before a call.")
    assert (mohammed.name, mohammed.where) == ("محمد الفارسي", "contacts-v4.vcf:17")


def test_a_card_vobject_cannot_read_costs_that_card_only() -> None:
    result = read_vcards(FIXTURES / "contacts-malformed.vcf")

    assert [person.name for person in result.items] == ["Good Before", "Good After", "Last One"]
    assert result.problems == [
        "contacts-malformed.vcf:6: card not readable (Failed to parse line: "
        "THIS LINE HAS NO COLON AND IS NOT A PROPERTY), skipped",
        "contacts-malformed.vcf:16: card never closed (no END:VCARD before the next card), skipped",
    ]


def test_a_card_cut_off_at_the_end_of_the_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, card("FN:Bo Chen") + "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut\r\n")

    result = read_vcards(path)

    assert [person.name for person in result.items] == ["Bo Chen"]
    assert result.problems == ["contacts.vcf:5: card never closed (no END:VCARD), skipped"]


def test_the_name_comes_from_n_when_there_is_no_fn(tmp_path: Path) -> None:
    path = write(tmp_path, card("N:Chen;Bo;Ray;Dr.;PhD"))

    (bo,) = read_vcards(path).items

    assert bo.name == "Dr. Bo Ray Chen PhD"


def test_without_a_preference_the_first_email_and_the_first_web_address_are_taken(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        card(
            "FN:Bo Chen\r\nEMAIL:not-an-address\r\nEMAIL:Bo@Hooli.Example\r\n"
            "EMAIL:bo@home.example\r\nURL:x-apple:bochen\r\nURL:hooli.example/bo/\r\n"
            "TEL;VALUE=uri:tel:+1-555-0100"
        ),
    )

    (bo,) = read_vcards(path).items

    assert (bo.email, bo.profile_url, bo.phone) == (
        "bo@hooli.example",
        "https://hooli.example/bo",
        "+1-555-0100",
    )


def test_hostile_names_and_notes_are_kept_as_text(tmp_path: Path) -> None:
    texts = [text for key, text in HOSTILE.items() if key != "newline"]
    cards = "".join(card(f"FN:{text}\r\nNOTE:{text}") for text in texts)
    path = write(tmp_path, cards)

    people = read_vcards(path).items

    assert [(person.name, person.note) for person in people] == [(text, text) for text in texts]


def test_control_characters_are_stripped_and_note_lines_kept(tmp_path: Path) -> None:
    path = write(tmp_path, card("FN:Bo\x1b]0;pwned\x07 Chen\r\nNOTE:one\\ntwo\x1b[2J"))

    (bo,) = read_vcards(path).items

    assert (bo.name, bo.note) == ("Bo ]0;pwned Chen", "one\ntwo [2J")


def test_a_file_with_no_card_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "First Name,Last Name\nBo,Chen\n")

    result = read_vcards(path)

    assert result.items == []
    assert result.fatal == "contacts.vcf: no BEGIN:VCARD found; is this a vCard file?"
