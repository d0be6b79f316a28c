"""Search: finding a note again, in context, across sessions."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.models import AgendaItem, Contact, Referral, Session
from interview_tui.search import SearchIndex
from interview_tui.service import Workspace


def jane(**changes: object) -> Session:
    session = Session(
        id="jane",
        contact=Contact(name="Jane Smith", company="Acme", industry="fintech"),
        started_at=datetime(2024, 3, 4, 10),
        research_notes="Jane moved from consulting to Acme in 2019.",
        agenda=[
            AgendaItem(
                key="career/start",
                text="How did you first find your way into {industry}?",
                status="asked",
                note="Started in consulting.\nA mentor pushed her to learn SQL properly.",
            ),
            AgendaItem(
                key="culture/feedback",
                text="How does feedback happen at {company}?",
                status="asked",
                note="Weekly one-to-ones; Negotiation of scope is constant.",
            ),
        ],
        general_note="Said AI tooling is changing reviews.\nFollow up about the data guild.",
        reflections={"advice": "Learn SQL and find a mentor", "surprise": "How much is writing"},
        takeaways="Data quality is the real job",
        referrals=[Referral(name="Ana Ruiz", note="runs the data guild")],
    )
    return session.model_copy(update=changes)


def bo() -> Session:
    return Session(
        id="bo",
        contact=Contact(name="Bo Chen", company="Beta"),
        started_at=datetime(2024, 5, 1, 10),
        general_note="Mentor programmes at Beta are informal.\nUses C++ and Rust daily.",
    )


@pytest.fixture
def index() -> SearchIndex:
    return SearchIndex([bo(), jane()])  # newest first, as the store gives them


def found(index: SearchIndex, query: str) -> list[tuple[str, str, str]]:
    return [(hit.session_id, hit.where, hit.line) for hit in index.search(query)]


def test_a_note_is_found_with_its_question_and_the_matching_line(index: SearchIndex) -> None:
    (hit,) = index.search("sql properly")

    assert hit.session_id == "jane"
    assert hit.contact == "Jane Smith"
    assert hit.kind == "note"
    assert hit.where == "How did you first find your way into fintech?"
    assert hit.line == "A mentor pushed her to learn SQL properly."
    assert hit.line[hit.start : hit.end] == "SQL"
    assert hit.when == datetime(2024, 3, 4).date()


def test_search_ignores_case(index: SearchIndex) -> None:
    assert found(index, "NEGOTIATION") == found(index, "negotiation") != []


def test_a_word_matches_the_start_of_words(index: SearchIndex) -> None:
    assert [hit.line for hit in index.search("negot")] == [
        "Weekly one-to-ones; Negotiation of scope is constant."
    ]
    assert [hit.line for hit in index.search("ai")] == ["Said AI tooling is changing reviews."]


def test_all_words_must_match_in_the_same_field(index: SearchIndex) -> None:
    # "consulting" is in a note and in the research notes; "weekly" only in another note.
    assert index.search("consulting weekly") == []
    assert [hit.kind for hit in index.search("consulting mentor")] == ["note"]


def test_newest_session_comes_first(index: SearchIndex) -> None:
    assert [(hit.session_id, hit.kind) for hit in index.search("mentor")] == [
        ("bo", "general note"),
        ("jane", "note"),
        ("jane", "reflection"),
    ]


@pytest.mark.parametrize(
    ("query", "kind", "where"),
    [
        ("writing", "reflection", "What surprised me?"),
        ("quality", "takeaways", "takeaways"),
        ("2019", "research notes", "research notes"),
        ("tooling", "general note", "general note"),
        ("happen acme", "question", "question"),
        ("ana", "referrals", "people to talk to"),
    ],
)
def test_every_kind_of_field_is_searched(
    index: SearchIndex, query: str, kind: str, where: str
) -> None:
    hits = index.search(query)
    assert [(hit.kind, hit.where) for hit in hits] == [(kind, where)]


def test_the_question_text_is_found_with_placeholders_filled(index: SearchIndex) -> None:
    (hit,) = index.search("feedback happen")
    assert hit.line == "How does feedback happen at Acme?"
    assert index.search("{company}") == []


def test_common_words_and_punctuation_still_match(index: SearchIndex) -> None:
    assert found(index, "c++") == [("bo", "general note", "Uses C++ and Rust daily.")]
    assert [hit.line for hit in index.search("is the real")] == ["Data quality is the real job"]
    assert {hit.session_id for hit in index.search("how")} == {"jane"}


def test_nothing_is_found_for_an_empty_query_or_an_unknown_word(index: SearchIndex) -> None:
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("zebra") == []


def test_a_long_line_is_trimmed_around_the_match() -> None:
    words = " ".join(f"word{n}" for n in range(200))
    session = jane(general_note=f"{words} NEEDLE {words}")
    (hit,) = SearchIndex([session]).search("needle")

    assert len(hit.line) <= 170
    assert hit.line.startswith("…") and hit.line.endswith("…")
    assert hit.line[hit.start : hit.end] == "NEEDLE"


def test_an_edited_session_replaces_its_old_text(index: SearchIndex) -> None:
    index.add(jane(takeaways="Documentation wins arguments"))

    assert index.search("quality") == []
    assert [hit.session_id for hit in index.search("documentation")] == ["jane"]
    assert len(index) == 2


def test_a_removed_session_is_no_longer_found(index: SearchIndex) -> None:
    index.remove("jane")
    assert {hit.session_id for hit in index.search("mentor")} == {"bo"}
    assert len(index) == 1


def test_results_stop_at_the_limit() -> None:
    sessions = [
        Session(id=f"s{n}", contact=Contact(name=f"P{n}"), general_note="remote work")
        for n in range(30)
    ]
    index = SearchIndex(sessions)
    assert len(index.search("remote", limit=10)) == 10
    assert [hit.session_id for hit in index.search("remote", limit=3)] == ["s0", "s1", "s2"]


def test_a_word_in_most_fields_still_finds_everything(index: SearchIndex) -> None:
    many = [
        Session(id=f"s{n:04d}", contact=Contact(name=f"P{n}"), general_note=f"career talk {n}")
        for n in range(1200)
    ]
    big = SearchIndex(many)
    assert len(big.search("career", limit=5000)) == 1200
    assert [hit.session_id for hit in big.search("career 1199")] == ["s1199"]


def test_the_workspace_indexes_every_stored_session(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    workspace = Workspace.open(tmp_path / "data")
    workspace.save(jane())
    workspace.save(bo())

    index = workspace.build_search()
    workspace.close()

    assert len(index) == 2
    assert [hit.session_id for hit in index.search("mentor")] == ["bo", "jane", "jane"]
