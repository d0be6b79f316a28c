"""Drafts as mailto: links: RFC 6068 encoding, and the body left out when too long."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from interview_tui.mailto import MAX_MAILTO_LENGTH, mail_link, mailto_url, split_draft

DRAFT = "Subject: Thank you, Ana & team?\n\nHi Ana,\n\n100% helpful; see #3.\n\nBest wishes,\nZoë\n"


def test_a_draft_splits_into_its_subject_and_body() -> None:
    subject, body = split_draft(DRAFT)
    assert subject == "Thank you, Ana & team?"
    assert body == "Hi Ana,\n\n100% helpful; see #3.\n\nBest wishes,\nZoë\n"
    assert split_draft("Just a note\n") == ("", "Just a note\n")


def test_every_reserved_character_is_percent_encoded_and_lines_end_in_crlf() -> None:
    url = mailto_url("ana.nunez+work@example.com", *split_draft(DRAFT))
    assert url.startswith(
        "mailto:ana.nunez+work@example.com?subject=Thank%20you%2C%20Ana%20%26%20team%3F&body="
    )
    assert "%0D%0A%0D%0A100%25%20helpful%3B%20see%20%233." in url
    assert "Zo%C3%AB" in url
    assert " " not in url and "\n" not in url
    query = parse_qs(urlsplit(url).query)
    assert query["subject"] == ["Thank you, Ana & team?"]
    assert query["body"][0].replace("\r\n", "\n") == split_draft(DRAFT)[1]


def test_without_an_address_the_link_still_opens_a_new_mail() -> None:
    assert mailto_url("", "Hi", "") == "mailto:?subject=Hi"
    assert mailto_url("a b@example.com") == "mailto:a%20b@example.com"


def test_a_short_draft_goes_whole_into_the_link() -> None:
    link = mail_link(DRAFT, "ana@example.com")
    assert not link.shortened
    assert unquote(link.url).replace("\r\n", "\n").endswith("Best wishes,\nZoë\n")


def test_a_draft_too_long_for_a_link_opens_address_and_subject_and_gives_the_body_to_copy() -> None:
    draft = "Subject: Catching up\n\n" + "A long paragraph about the conversation. " * 60
    link = mail_link(draft, "ana@example.com")
    assert link.shortened
    assert link.url == "mailto:ana@example.com?subject=Catching%20up"
    assert link.body_to_copy.startswith("A long paragraph")
    assert len(mailto_url("ana@example.com", *split_draft(draft))) > MAX_MAILTO_LENGTH


def test_the_encoding_matches_the_standard_librarys_for_any_text() -> None:
    from urllib.parse import quote as std_quote

    from interview_tui.mailto import quote

    for text in ["Zoë & Ana?", "a=b&c#d%e/f:g", "emoji 🎉\ttab", "\x00\x7f", "~-._ ok"]:
        assert quote(text) == std_quote(text, safe="")
