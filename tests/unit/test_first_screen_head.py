"""The start screen's first rows are kept at the head of the list index (issue 11).

The first paint reads the newest rows and the counts from the start of ``index.json`` rather
than parsing every row of a long history. They are written in the same atomic write as the
rows, so they cannot disagree with them; an index without them (an older version wrote it)
or with ones that no longer fit its rows is written again when the folder is opened.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hostile_text import store_sessions

from interview_tui.models import Contact, Session
from interview_tui.service import Workspace, read_first_screen, read_summaries
from interview_tui.storage import session_index
from interview_tui.storage.store import SessionStore

HEAD = 4


@pytest.fixture(autouse=True)
def small_head(monkeypatch: pytest.MonkeyPatch) -> None:
    """A head of four rows, so a dozen sessions are more than it holds."""
    monkeypatch.setattr(session_index, "FIRST_SCREEN_ROWS", HEAD)


def held(name: str, day: int, *, referred_by: str = "") -> Session:
    return Session(
        contact=Contact(name=name, company="Acme"),
        status="ended" if not referred_by else "planned",
        started_at=None if referred_by else datetime(2026, 3, day, 10),
        created_at=datetime(2026, 2, min(day, 28), 9),
        referred_by=referred_by,
    )


def twelve() -> list[Session]:
    """Ten calls held on 1 to 10 March, and two people to contact, added in February."""
    calls = [held(f"Person {day:02d}", day) for day in range(1, 11)]
    return [
        *calls,
        held("Sam Park", 20, referred_by="Person 01"),
        held("Mo Diaz", 21, referred_by="Person 02"),
    ]


def opened(root: Path) -> None:
    """Open the folder as the app does after its first paint: the list read, then closed."""
    workspace = Workspace.open(root)
    workspace.summaries()
    workspace.close()


def names(rows: list[session_index.SessionSummary]) -> list[str]:
    return [row["name"] for row in rows]


def test_the_head_holds_the_newest_rows_in_the_list_order_and_every_count(tmp_path: Path):
    store_sessions(tmp_path, twelve())
    first = read_first_screen(tmp_path)
    assert first is not None
    assert names(first.newest) == ["Person 10", "Person 09", "Person 08", "Person 07"]
    assert (first.interviews, first.to_contact) == (10, 2)
    # The same rows the whole index gives, newest first by the list's own order.
    every = sorted(read_summaries(tmp_path) or [], key=session_index.list_stamp, reverse=True)
    assert first.newest == every[:HEAD]


def test_the_head_follows_every_save_and_deletion(tmp_path: Path):
    sessions = twelve()
    store_sessions(tmp_path, sessions)
    newest = held("Person 31", 31)
    store = SessionStore(tmp_path)
    store.save(newest)
    assert names(read_first_screen(tmp_path).newest)[:2] == ["Person 31", "Person 10"]
    store.delete(newest.id)
    store.delete(sessions[9].id)  # Person 10
    store.close()
    first = read_first_screen(tmp_path)
    assert names(first.newest) == ["Person 09", "Person 08", "Person 07", "Person 06"]
    assert first.interviews == 9


def test_an_index_without_a_head_is_read_whole_and_given_one_when_the_folder_opens(
    tmp_path: Path,
):
    store_sessions(tmp_path, twelve())
    index = tmp_path / "index.json"
    data = json.loads(index.read_bytes())
    del data["first_screen"]  # as the version before this one wrote it
    index.write_text(json.dumps(data))
    assert read_first_screen(tmp_path) is None
    assert len(read_summaries(tmp_path) or []) == 12  # what the first screen reads instead

    opened(tmp_path)
    first = read_first_screen(tmp_path)
    assert first is not None and names(first.newest)[0] == "Person 10"


def test_a_head_that_no_longer_fits_its_rows_is_written_again(tmp_path: Path):
    store_sessions(tmp_path, twelve())
    index = tmp_path / "index.json"
    data = json.loads(index.read_bytes())
    # An older version kept the head as a table of its own and changed a row beside it.
    [row] = [r for r in data["sessions"].values() if r["name"] == "Person 10"]
    row["name"] = "Person Ten"
    index.write_text(json.dumps(data))
    assert names(read_first_screen(tmp_path).newest)[0] == "Person 10"  # stale

    opened(tmp_path)
    assert names(read_first_screen(tmp_path).newest)[0] == "Person Ten"
    # TinyDB never sees the head as a table of sessions.
    assert set(json.loads(index.read_bytes())) == {"first_screen", "sessions", "files"}


@pytest.mark.parametrize(
    "damage",
    [
        b'{"first_screen":{"newest":[{"id":"a","name":"cut',
        b'{"first_screen":"not rows","sessions":{}}',
        b'{"first_screen":{"newest":[],"interviews":"3","to_contact":0}}',
        b'{"first_screen":\xff\xfe}',
        b'{"sessions":{}}',
        b"",
    ],
)
def test_a_damaged_or_missing_head_is_no_head(tmp_path: Path, damage: bytes):
    (tmp_path / "index.json").write_bytes(damage)
    assert read_first_screen(tmp_path) is None


def test_no_index_at_all_is_no_head(tmp_path: Path):
    assert read_first_screen(tmp_path) is None
    (tmp_path / "index.json").mkdir()
    assert read_first_screen(tmp_path) is None


def test_a_head_longer_than_the_first_read_is_read_from_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(session_index, "FIRST_SCREEN_BYTES", 64)  # cut inside the head
    store_sessions(tmp_path, twelve())
    first = read_first_screen(tmp_path)
    assert first is not None and names(first.newest)[0] == "Person 10"


def test_the_head_reads_wherever_the_first_bytes_end_even_inside_a_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    store_sessions(tmp_path, [held(f"Zoë Núñez {day:02d}", day) for day in range(1, 9)])
    raw = (tmp_path / "index.json").read_bytes()
    head_end = raw.index(b',"sessions"')
    for limit in range(head_end - 3, head_end + 120):  # in the head, then in a name after it
        monkeypatch.setattr(session_index, "FIRST_SCREEN_BYTES", limit)
        first = read_first_screen(tmp_path)
        assert first is not None, limit
        assert names(first.newest)[0] == "Zoë Núñez 08"


def test_a_head_with_bytes_that_are_not_text_is_no_head(tmp_path: Path):
    store_sessions(tmp_path, twelve())
    index = tmp_path / "index.json"
    index.write_bytes(index.read_bytes().replace(b"Person 10", b"Person \xff0", 1))
    assert read_first_screen(tmp_path) is None


@pytest.mark.parametrize(
    ("field", "value"),
    [("name", 123), ("company", ["a"]), ("planned", "x"), ("followups", [1]), ("id", 7)],
)
def test_a_row_of_the_wrong_shape_is_left_out_and_made_again_from_its_file(
    tmp_path: Path, field: str, value: object
):
    store_sessions(tmp_path, twelve())
    index = tmp_path / "index.json"
    data = json.loads(index.read_bytes())
    data["first_screen"]["newest"][0][field] = value  # a hand-edited index
    [row] = [r for r in data["sessions"].values() if r["name"] == "Person 10"]
    row[field] = value
    index.write_text(json.dumps(data))

    assert names(read_first_screen(tmp_path).newest)[0] == "Person 09"
    rows = {row["name"]: row for row in read_summaries(tmp_path) or []}
    assert "Person 10" not in rows and len(rows) == 11

    workspace = Workspace.open(tmp_path)
    try:
        listed = {row["name"]: row for row in workspace.summaries()}
        assert len(listed) == 12 and listed["Person 10"]["company"] == "Acme"
    finally:
        workspace.close()
    assert names(read_first_screen(tmp_path).newest)[0] == "Person 10"
    assert len(json.loads(index.read_bytes())["sessions"]) == 12


def test_an_index_nested_past_pythons_limit_is_kept_aside_not_a_crash(tmp_path: Path):
    store_sessions(tmp_path, twelve())
    index = tmp_path / "index.json"
    index.write_text('{"first_screen":' + "[" * 5000 + "]" * 5000 + "}")
    assert read_first_screen(tmp_path) is None
    assert read_summaries(tmp_path) is None

    workspace = Workspace.open(tmp_path)
    try:
        assert len(workspace.summaries()) == 12
        assert any("nested too deeply" in notice for notice in workspace.notices)
    finally:
        workspace.close()
    assert list(tmp_path.glob("index.json.damaged-*"))
