"""The one form every reader gives emails, profile links and text."""

from __future__ import annotations

import pytest

from interview_tui.import_cards import email_address, field_text, note_text, profile_url


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("http://www.linkedin.com/in/ana-nunez/", "https://www.linkedin.com/in/ana-nunez"),
        ("WWW.LinkedIn.com/in/Ana/", "https://www.linkedin.com/in/Ana"),
        (" https://Globex.example/team?x=1 ", "https://globex.example/team?x=1"),
        ("x-apple:bochen", ""),
        ("javascript:alert(1)", ""),
        ("ftp://files.example/bo", ""),
        ("https://", ""),
        ("not a link", ""),
    ],
)
def test_profile_links_take_one_form_or_none(text: str, expected: str) -> None:
    assert profile_url(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Zoe.OBrien@Globex.Example ", "zoe.obrien@globex.example"),
        ("MAILTO:Bo@Hooli.Example", "bo@hooli.example"),
        ("bo at hooli", ""),
        ("@hooli.example", ""),
        ("a@b@c", ""),
    ],
)
def test_email_addresses_are_lower_case_or_left_out(text: str, expected: str) -> None:
    assert email_address(text) == expected


def test_text_keeps_what_a_person_wrote_without_control_characters() -> None:
    assert field_text("  Zoë\t🎉  \u202eRTL\u202c\x1b[2J\nDev ") == "Zoë 🎉 \u202eRTL\u202c [2J Dev"
    assert note_text("first\r\n  second\x07 line \rthird\n") == "first\nsecond line\nthird"
