"""Search: finding a note again, in context, across sessions, from the index file in the
data folder (SQLite FTS5) that the workspace keeps current."""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.models import AgendaItem, Contact, Referral, Session
from interview_tui.service import Workspace

INDEX = "search.sqlite3"


def jane(**changes: object) -> Session:
    session = Session(
        id="jane",
        contact=Contact(name="Jane Smith", company="Acme", role="Data lead", industry="fintech"),
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


def bo(**changes: object) -> Session:
    session = Session(
        id="bo",
        contact=Contact(name="Bo Chen", company="Beta"),
        started_at=datetime(2024, 5, 1, 10),
        general_note="Mentor programmes at Beta are informal.\nUses C++ and Rust daily.",
    )
    return session.model_copy(update=changes)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def workspace(root: Path) -> Iterator[Workspace]:
    opened = Workspace.open(root)
    opened.save(jane())
    opened.save(bo())
    yield opened
    opened.close()


def found(workspace: Workspace, query: str) -> list[tuple[str, str, str]]:
    return [(hit.session_id, hit.kind, hit.line) for hit in workspace.search(query)]


def reopen(root: Path) -> Workspace:
    return Workspace.open(root)


# -- what is found, and how it is shown ---------------------------------------------------


def test_a_note_is_found_with_its_question_and_the_matching_line(workspace: Workspace) -> None:
    (hit,) = workspace.search("sql properly")

    assert hit.session_id == "jane"
    assert hit.contact == "Jane Smith"
    assert hit.kind == "note"
    assert hit.where == "How did you first find your way into fintech?"
    assert hit.line == "A mentor pushed her to learn SQL properly."
    assert hit.line[hit.start : hit.end] == "SQL"
    assert hit.when == datetime(2024, 3, 4).date()


def test_search_ignores_case(workspace: Workspace) -> None:
    assert found(workspace, "NEGOTIATION") == found(workspace, "negotiation") != []


def test_a_word_matches_the_start_of_words(workspace: Workspace) -> None:
    assert [hit.line for hit in workspace.search("negot")] == [
        "Weekly one-to-ones; Negotiation of scope is constant."
    ]
    # "ai" starts "AI", not "said".
    assert [hit.line for hit in workspace.search("ai")] == ["Said AI tooling is changing reviews."]


def test_all_words_must_match_in_the_same_field(workspace: Workspace) -> None:
    # "consulting" is in a note and in the research notes; "weekly" only in another note.
    assert workspace.search("consulting weekly") == []
    assert [hit.kind for hit in workspace.search("consulting mentor")] == ["note"]


@pytest.mark.parametrize(
    ("query", "kind", "where"),
    [
        ("writing", "reflection", "What surprised me?"),
        ("quality", "takeaways", "takeaways"),
        ("2019", "research notes", "research notes"),
        ("tooling", "general note", "general note"),
        ("happen acme", "question", "question"),
        ("ana", "referrals", "people to talk to"),
        ("data lead", "person", "person"),
    ],
)
def test_every_kind_of_field_is_searched(
    workspace: Workspace, query: str, kind: str, where: str
) -> None:
    assert [(hit.kind, hit.where) for hit in workspace.search(query)] == [(kind, where)]


def test_the_question_text_is_found_with_placeholders_filled(workspace: Workspace) -> None:
    (hit,) = workspace.search("feedback happen")
    assert hit.line == "How does feedback happen at Acme?"
    assert workspace.search("{company}") == []


def test_accents_do_not_matter_either_way(root: Path) -> None:
    workspace = Workspace.open(root)
    workspace.save(Session(id="jose", contact=Contact(name="José Núñez", company="Zoë Labs")))
    workspace.save(Session(id="ana", contact=Contact(name="Ana"), general_note="Met at the cafe"))

    (hit,) = workspace.search("nunez")  # the person, found once for all their sessions
    assert hit.contact == "José Núñez" and hit.line[hit.start : hit.end] == "Núñez"
    (hit,) = workspace.search("zoe")
    assert hit.line[hit.start : hit.end] == "Zoë"
    assert [hit.session_id for hit in workspace.search("café")] == ["ana"]
    workspace.close()


def test_a_name_match_ranks_above_a_match_in_a_note(root: Path) -> None:
    workspace = Workspace.open(root)
    # The note is newer and says the name twice; the person is still the better match.
    workspace.save(
        Session(
            id="other",
            contact=Contact(name="Lee Park"),
            started_at=datetime(2025, 1, 1),
            general_note="Maria said to ask Maria about hiring.",
        )
    )
    workspace.save(
        Session(id="maria", contact=Contact(name="Maria Garcia"), started_at=datetime(2023, 1, 1))
    )

    hits = workspace.search("maria")
    assert [(hit.contact, hit.kind) for hit in hits] == [
        ("Maria Garcia", "person"),
        ("Lee Park", "general note"),
    ]
    workspace.close()


def test_a_question_ranks_above_a_match_in_a_note(root: Path) -> None:
    workspace = Workspace.open(root)
    workspace.save(
        Session(
            id="s",
            contact=Contact(name="Kim"),
            agenda=[
                AgendaItem(key="a", text="What is a normal week?", note="Onboarding was slow."),
                AgendaItem(key="b", text="How does onboarding work?", note="Two weeks."),
            ],
        )
    )
    assert [hit.kind for hit in workspace.search("onboarding")] == ["question", "note"]
    workspace.close()


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        '"unclosed',
        "*",
        "-",
        "-mentor",
        "mentor:",
        "body:mentor",
        "{who}: x",
        "(",
        "mentor)",
        "^mentor",
        "NEAR",
        "NEAR(mentor sql)",
        "mentor OR",
        "AND",
        "NOT mentor",
        "mentor NOT",
        "'",
        "\\",
        "%_",
        "\x00",
        "🎉",
        "c++",
        "x" * 5000,
        " ".join(["mentor"] * 300),
    ],
)
def test_hostile_queries_never_fail(workspace: Workspace, query: str) -> None:
    hits = workspace.search(query)
    assert isinstance(hits, list)
    assert workspace.search_ready  # the index did not take it for damage


def test_search_syntax_typed_by_a_person_is_text(workspace: Workspace) -> None:
    assert found(workspace, "c++") == [("bo", "general note", "Uses C++ and Rust daily.")]
    assert {(hit.session_id, hit.kind) for hit in workspace.search("-mentor")} == {
        ("bo", "general note"),
        ("jane", "note"),
        ("jane", "reflection"),
    }
    workspace.save(bo(general_note="We live near the office (and NOT far)."))
    assert [hit.session_id for hit in workspace.search("NEAR")] == ["bo"]
    assert [hit.session_id for hit in workspace.search("NOT far")] == ["bo"]
    assert [hit.session_id for hit in workspace.search("(office")] == ["bo"]


def test_nothing_is_found_for_an_empty_query_or_an_unknown_word(workspace: Workspace) -> None:
    assert workspace.search("") == []
    assert workspace.search("   ") == []
    assert workspace.search("zebra") == []


def test_a_long_line_is_trimmed_around_the_match(workspace: Workspace) -> None:
    words = " ".join(f"word{n}" for n in range(200))
    workspace.save(jane(general_note=f"{words} NEEDLE {words}"))
    (hit,) = workspace.search("needle")

    assert len(hit.line) <= 170
    assert hit.line.startswith("…") and hit.line.endswith("…")
    assert hit.line[hit.start : hit.end] == "NEEDLE"


def test_results_stop_at_the_limit(root: Path) -> None:
    workspace = Workspace.open(root)
    for n in range(30):
        workspace.save(Session(id=f"s{n}", contact=Contact(name=f"P{n}"), general_note="remote"))
    assert len(workspace.search("remote", limit=10)) == 10
    assert len(workspace.search("remote")) == 30
    workspace.close()


# -- kept current ---------------------------------------------------------------------------


def test_a_saved_edit_replaces_the_old_text_at_once(workspace: Workspace) -> None:
    assert workspace.search("quality")
    workspace.save(jane(takeaways="Documentation wins arguments"))

    assert workspace.search("quality") == []
    assert [hit.session_id for hit in workspace.search("documentation")] == ["jane"]


def test_a_deleted_session_is_no_longer_found(workspace: Workspace) -> None:
    assert {hit.session_id for hit in workspace.search("mentor")} == {"bo", "jane"}
    workspace.delete("jane")
    assert {hit.session_id for hit in workspace.search("mentor")} == {"bo"}


def test_the_index_is_a_private_file_in_the_data_folder(workspace: Workspace, root: Path) -> None:
    workspace.search("mentor")
    path = root / INDEX
    assert path.is_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_next_run_reuses_the_index_without_indexing_again(
    workspace: Workspace, root: Path
) -> None:
    workspace.search("mentor")
    workspace.save(jane(takeaways="Saved after the first search"))
    workspace.close()

    again = reopen(root)
    counted: list[tuple[int, int]] = []
    assert again.build_search(lambda done, total: counted.append((done, total))) == 2
    assert counted == []  # no "Indexing… n of m": nothing needed indexing
    assert [hit.session_id for hit in again.search("saved after")] == ["jane"]
    again.close()


def test_a_session_file_changed_behind_the_apps_back_is_found_after_reopening(
    workspace: Workspace, root: Path
) -> None:
    workspace.search("mentor")
    workspace.close()
    path = root / "sessions" / "jane.json"
    data = json.loads(path.read_text())
    data["session"]["1"]["takeaways"] = "Edited in another program: zeppelins"
    path.write_text(json.dumps(data))
    (root / "sessions" / "bo.json").unlink()

    again = reopen(root)
    assert [hit.session_id for hit in again.search("zeppelins")] == ["jane"]
    assert again.search("quality") == []
    assert {hit.session_id for hit in again.search("mentor")} == {"jane"}
    again.close()


def test_a_session_saved_while_no_search_ran_is_found_in_the_next_run(root: Path) -> None:
    first = Workspace.open(root)
    first.save(jane())
    first.search("mentor")
    first.close()
    second = Workspace.open(root)
    second.save(bo(general_note="Written in a run that never searched: quokka"))
    second.close()

    third = reopen(root)
    assert [hit.session_id for hit in third.search("quokka")] == ["bo"]
    third.close()


@pytest.mark.parametrize(
    "damage",
    [
        b"this is not a database at all" * 100,
        b"",
        b"SQLite format 3\x00" + b"\xff" * 4000,
    ],
    ids=["garbage", "empty", "broken-header"],
)
def test_a_damaged_index_is_rebuilt_and_search_still_works(
    workspace: Workspace, root: Path, damage: bytes
) -> None:
    workspace.search("mentor")
    workspace.close()
    (root / INDEX).write_bytes(damage)

    again = reopen(root)
    assert {hit.session_id for hit in again.search("mentor")} == {"bo", "jane"}
    again.close()
    assert (root / INDEX).read_bytes()[:16] == b"SQLite format 3\x00"


def test_an_index_from_another_version_is_rebuilt(workspace: Workspace, root: Path) -> None:
    import sqlite3

    workspace.search("mentor")
    workspace.close()
    db = sqlite3.connect(root / INDEX)
    db.execute("DELETE FROM session")  # what an older layout would not know about
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()

    again = reopen(root)
    assert {hit.session_id for hit in again.search("mentor")} == {"bo", "jane"}
    again.close()


def test_an_index_damaged_while_open_is_rebuilt_on_the_next_search(
    workspace: Workspace, root: Path
) -> None:
    workspace.search("mentor")
    for path in root.glob(INDEX + "*"):
        path.write_bytes(b"\xff" * path.stat().st_size)

    assert workspace.search("mentor", build=False) == []  # as the UI asks: no rebuild here
    assert not workspace.search_ready  # ... the search screen rebuilds from a worker
    assert {hit.session_id for hit in workspace.search("mentor")} == {"bo", "jane"}


def test_searching_from_another_thread_works(workspace: Workspace) -> None:
    workspace.search("mentor")  # opened on this thread
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(workspace.search("quality")))
    worker.start()
    worker.join()
    (hits,) = results
    assert [hit.session_id for hit in hits] == ["jane"]  # type: ignore[attr-defined]


# -- a folder that may not be written -------------------------------------------------------


def _folder_state(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_mtime_ns, path.stat().st_size)
        for path in root.rglob("*")
        if path.is_file()
    }


def test_a_second_copy_searches_without_writing_into_the_folder(
    workspace: Workspace, root: Path
) -> None:
    workspace.search("mentor")
    workspace.save(jane(takeaways="Saved before the second copy opened: okapi"))
    before = _folder_state(root)

    second = Workspace.open(root)
    assert second.read_only
    assert [hit.session_id for hit in second.search("okapi")] == ["jane"]
    assert {hit.session_id for hit in second.search("mentor")} == {"bo", "jane"}
    second.close()
    assert _folder_state(root) == before


def test_a_read_only_folder_without_an_index_is_searched_from_a_copy_elsewhere(root: Path) -> None:
    first = Workspace.open(root)
    first.save(jane())
    first.close()
    before = _folder_state(root)

    reader = Workspace.open(root, read_only=True)
    assert [hit.session_id for hit in reader.search("quality")] == ["jane"]
    reader.close()
    assert not (root / INDEX).exists()
    assert _folder_state(root) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_an_unwritable_folder_is_searched_without_writing(workspace: Workspace, root: Path) -> None:
    workspace.close()
    root.chmod(0o500)
    try:
        reader = Workspace.open(root)
        assert reader.read_only
        assert {hit.session_id for hit in reader.search("mentor")} == {"bo", "jane"}
        reader.close()
    finally:
        root.chmod(0o700)
    assert not (root / INDEX).exists()


# -- the command line -------------------------------------------------------------------------


def test_the_search_command_prints_one_line_per_match(
    workspace: Workspace, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.close()
    assert main(["--data-dir", str(root), "search", "sql", "properly"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "2024-03-04  Jane Smith  How did you first find your way into fintech?: "
        "A mentor pushed her to learn SQL properly."
    ]
    assert err == ""


def test_the_search_command_stops_at_the_limit_and_says_when_nothing_matches(
    workspace: Workspace, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.close()
    assert main(["--data-dir", str(root), "search", "mentor", "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2

    assert main(["--data-dir", str(root), "search", 'NEAR("zebra']) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == "interview-tui search: no matches for 'NEAR(\"zebra'"


def test_the_search_command_works_while_the_app_has_the_folder(
    workspace: Workspace, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace.search("mentor")
    before = _folder_state(root)
    assert main(["--data-dir", str(root), "search", "quality"]) == 0
    out, _err = capsys.readouterr()
    assert "Jane Smith  takeaways: Data quality is the real job" in out
    assert _folder_state(root) == before


def test_a_very_common_word_still_puts_the_person_first_and_the_newest_next(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from interview_tui.storage import search_index

    monkeypatch.setattr(search_index, "RANKED_AT_MOST", 5)  # 5,000 sessions' worth, in small
    workspace = Workspace.open(root)
    workspace.save(Session(id="remy", contact=Contact(name="Remy Ode")))
    for n in range(8):
        workspace.save(Session(id=f"s{n}", contact=Contact(name=f"P{n}"), general_note="remote"))

    hits = workspace.search("rem", limit=4)
    assert [
        (hit.contact if hit.kind == "person" else hit.session_id, hit.kind) for hit in hits
    ] == [
        ("Remy Ode", "person"),
        ("s7", "general note"),
        ("s6", "general note"),
        ("s5", "general note"),
    ]
    assert hits[0].line[hits[0].start : hits[0].end] == "Rem"
    workspace.close()


def test_a_locked_index_is_left_alone_and_search_works_from_memory(
    workspace: Workspace, root: Path
) -> None:
    import sqlite3

    workspace.search("mentor")
    workspace.close()
    holder = sqlite3.connect(root / INDEX, timeout=0)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the file
    try:
        again = reopen(root)
        assert {hit.session_id for hit in again.search("mentor")} == {"bo", "jane"}
        again.close()
    finally:
        holder.rollback()
        holder.close()
    assert (root / INDEX).read_bytes()[:16] == b"SQLite format 3\x00"
