"""The application service: one call saves the file, the list row and the search entry."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.models import Contact, Session
from interview_tui.service import ReadOnlyError, StoreError, Workspace
from interview_tui.session_flow import move_contact_status


@pytest.fixture
def workspace(tmp_path: Path):
    opened = Workspace.open(tmp_path / "data")
    yield opened
    opened.close()


def _session(name: str = "Ada Lovelace", notes: str = "") -> Session:
    return Session(contact=Contact(name=name, company="Analytical Engines"), general_note=notes)


def test_a_saved_session_is_listed_and_found(workspace: Workspace):
    workspace.search("anything")  # the index exists before the save, as after a first search
    session = _session(notes="She moved from audit into data engineering")
    workspace.save(session)
    assert [row["name"] for row in workspace.summaries()] == ["Ada Lovelace"]
    hits = workspace.search("audit")
    assert [hit.session_id for hit in hits] == [session.id]


def test_text_written_by_autosave_is_found_by_the_next_search(workspace: Workspace):
    session = _session()
    workspace.save(session)
    assert workspace.search("mentorship") == []
    autosaver = workspace.autosaver()
    session.general_note = "A mentorship programme runs every spring"
    autosaver.submit(session)
    assert autosaver.write_pending()
    assert [hit.session_id for hit in workspace.search("mentorship")] == [session.id]


def test_update_applies_a_domain_change_and_saves_it(workspace: Workspace):
    session = _session()
    workspace.save(session)
    workspace.change(session.id, lambda s: move_contact_status(s, "asked"))
    assert workspace.load(session.id).contact_status == "asked"
    assert workspace.summaries()[0]["contact_status"] == "asked"


def test_a_deleted_session_is_gone_from_list_and_search(workspace: Workspace):
    session = _session(notes="kubernetes migration")
    workspace.save(session)
    assert workspace.search("kubernetes")
    workspace.delete(session.id)
    assert workspace.summaries() == []
    assert workspace.search("kubernetes") == []
    with pytest.raises(StoreError):
        workspace.load(session.id)


def test_a_second_workspace_on_the_folder_is_read_only_and_refuses_saves(
    workspace: Workspace, tmp_path: Path
):
    second = Workspace.open(tmp_path / "data")
    try:
        assert second.read_only
        assert any("read-only" in notice for notice in second.notices)
        with pytest.raises(ReadOnlyError):
            second.save(_session())
    finally:
        second.close()


def test_the_read_only_reason_names_the_other_copy_or_the_folder(
    workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    second = Workspace.open(tmp_path / "data")
    try:
        assert second.read_only_reason == "another copy of interview-tui has this data folder open"
    finally:
        second.close()
    from interview_tui.storage import store

    monkeypatch.setattr(store, "_writable", lambda folder: False)
    locked_out = Workspace.open(tmp_path / "other")
    try:
        assert locked_out.read_only
        assert locked_out.read_only_reason.startswith("the data folder cannot be written (")
    finally:
        locked_out.close()
