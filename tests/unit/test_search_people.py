"""Search finds people and their notes, not only sessions (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.models import Contact, Session
from interview_tui.person import Person
from interview_tui.search import person_of_key
from interview_tui.service import Workspace


@pytest.fixture
def workspace(tmp_path: Path):
    workspace = Workspace.open(tmp_path / "data")
    yield workspace
    workspace.close()


def test_a_person_is_found_by_name_accents_folded_and_by_their_notes(workspace) -> None:
    ana = Person(name="Ana Núñez", company="Acme, Inc.", notes="Knows the payments team")
    workspace.save_person(ana)
    workspace.save(Session(contact=Contact(name="Bo Lee"), general_note="talked payments"))
    hits = workspace.search("nunez")
    assert [(person_of_key(h.session_id), h.kind) for h in hits] == [(ana.id, "person")]
    kinds = {(h.contact, h.kind) for h in workspace.search("payments")}
    assert kinds == {("Ana Núñez", "person notes"), ("Bo Lee", "general note")}


def test_a_person_saved_after_the_index_opened_is_found_at_once(workspace) -> None:
    workspace.search("anything")  # the index is open now
    zoe = Person(name="Zoë Ade", tags=["fintech"])
    workspace.save_person(zoe)
    assert [h.contact for h in workspace.search("zoe")] == ["Zoë Ade"]
    zoe.notes = "met at the orrery museum"
    workspace.save_person(zoe)
    assert [h.kind for h in workspace.search("orrery")] == ["person notes"]


def test_a_person_file_changed_behind_the_apps_back_is_found_after_reopening(
    tmp_path: Path,
) -> None:
    root = tmp_path / "data"
    first = Workspace.open(root)
    cy = Person(name="Cy Park")
    first.save_person(cy)
    assert first.search("park")
    first.close()
    path = root / "people" / f"{cy.id}.json"
    data = json.loads(path.read_text())
    data["person"]["1"]["notes"] = "synced from the laptop: zeppelin archive"
    path.write_text(json.dumps(data))
    again = Workspace.open(root)
    assert [h.contact for h in again.search("zeppelin")] == ["Cy Park"]
    again.close()


def test_the_search_command_prints_people_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    workspace = Workspace.open(root)
    workspace.save_person(Person(name="Ana Núñez", company="Acme"))
    workspace.close()
    assert main(["--data-dir", str(root), "search", "nunez"]) == 0
    out = capsys.readouterr().out
    assert "Ana Núñez" in out and "Traceback" not in out
