"""People leave the app in forms other tools read: CSV, vCard, linked Markdown pages."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

import frontmatter
import vobject

from interview_tui.export import markdown_filename
from interview_tui.models import Contact, Session
from interview_tui.people import log_interaction
from interview_tui.people_export import (
    person_filename,
    person_markdown,
    to_people_csv,
    to_vcards,
)
from interview_tui.person import Person


def two_people() -> tuple[Person, Person]:
    ana = Person(
        name="Ana Núñez",
        company="Acme, Inc.",
        role="Data lead",
        email="ana@acme.example",
        status="interviewed",
        tags=["fintech", "C++"],
        notes="Prefers mornings.\nLikes 🚀",
    )
    log_interaction(ana, date(2026, 3, 3), "call")
    bo = Person(
        name="Bo =1+2", company="=SUM(A1)", introduced_by=ana.id, how_met="Recommended by Ana Núñez"
    )
    return ana, bo


def test_people_csv_reads_back_with_and_without_a_byte_order_mark() -> None:
    ana, bo = two_people()
    for bom in (False, True):
        text = to_people_csv([ana, bo], bom=bom, default_cadence=90)
        assert text.startswith("\ufeff") == bom
        rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
        assert rows[0]["name"] == "Ana Núñez"
        assert rows[0]["company"] == "Acme, Inc."
        assert (rows[0]["last_contact"], rows[0]["next_touch"]) == ("2026-03-03", "2026-06-01")
        assert rows[0]["notes"] == "Prefers mornings. Likes 🚀"
        assert rows[1]["introduced_by"] == "Ana Núñez"
        assert rows[1]["name"] == "Bo =1+2"  # not a formula: kept as typed
        assert rows[1]["company"] == "'=SUM(A1)"  # a formula: a spreadsheet shows it, runs nothing


def test_vcards_parse_back_with_vobject() -> None:
    ana, bo = two_people()
    cards = list(vobject.readComponents(to_vcards([ana, bo])))
    assert [card.fn.value for card in cards] == ["Ana Núñez", "Bo =1+2"]
    assert cards[0].org.value == ["Acme, Inc."]
    assert cards[0].email.value == "ana@acme.example"
    assert cards[0].title.value == "Data lead"
    assert "Prefers mornings.\nLikes 🚀" in cards[0].note.value
    assert cards[1].note.value == "Recommended by Ana Núñez"


def test_a_person_page_links_their_sessions_and_their_introducer() -> None:
    ana, bo = two_people()
    session = Session(
        contact=Contact(name="Ana Núñez"),
        person_id=ana.id,
        status="ended",
        started_at=datetime(2026, 3, 3, 15),
        ended_at=datetime(2026, 3, 3, 15, 30),
    )
    people = {ana.id: ana, bo.id: bo}
    page = frontmatter.loads(person_markdown(ana, [session], people, default_cadence=90))
    assert page["type"] == "person"
    assert page["title"] == "Ana Núñez"
    assert page["tags"] == ["person", "fintech", "cpp"]
    assert page["next_touch"] == date(2026, 6, 1)
    session_link = f"[[{markdown_filename(session).removesuffix('.md')}|03 Mar 2026]]"
    assert session_link in page.content
    bo_link = f"[[{person_filename(bo).removesuffix('.md')}|Bo =1+2]]"
    assert f"**Introduced you to:** {bo_link}" in page.content
    bo_page = frontmatter.loads(person_markdown(bo, [], people))
    assert bo_page["introduced_by"] == f"[[{person_filename(ana).removesuffix('.md')}|Ana Núñez]]"
    assert "- none yet" in bo_page.content


def test_person_file_names_keep_letters_and_differ_for_two_namesakes() -> None:
    first, second = Person(name="José Núñez"), Person(name="José Núñez")
    assert person_filename(first).startswith("person-josé-núñez-")
    assert person_filename(first) != person_filename(second)
