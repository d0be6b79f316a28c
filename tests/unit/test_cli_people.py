"""people list/import/export and sessions import, as someone in a shell uses them."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.service import Workspace

IMPORTS = Path(__file__).parent.parent / "fixtures" / "imports"


def run(capsys: pytest.CaptureFixture[str], root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_importing_connections_and_vcards_twice_changes_nothing_the_second_time(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    files = [str(IMPORTS / "Connections.csv"), str(IMPORTS / "contacts-v3.vcf")]
    code, out, err = run(capsys, root, "people", "import", *files)
    assert code == 0
    first = out.splitlines()
    assert first[0].startswith("Connections.csv: ") and " added" in first[0]
    assert "Connections.csv:10: no name, skipped" in err
    code, out, _ = run(capsys, root, "people", "import", *files)
    assert code == 0
    assert all(" 0 added, 0 updated, " in line for line in out.splitlines())
    assert out.startswith("Connections.csv: 0 added, 0 updated, 9 unchanged, 1 skipped")
    people = Workspace.open(root, read_only=True).people()
    assert len({p.id for p in people}) == len(people)
    assert "Zoë O'Brien-Søndergaard 🚀" in {p.name for p in people}


def test_people_list_finds_who_you_know_at_a_company_fuzzily(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    code, out, _ = run(capsys, root, "people", "list", "--company", "globex")
    assert code == 0
    names = sorted(line.split("  ")[0].strip() for line in out.splitlines())
    assert names == ["Priya Raman", "Zoë O'Brien-Søndergaard 🚀"]
    assert all("Globex Corporation, LLC" in line for line in out.splitlines())
    code, out, err = run(capsys, root, "people", "list", "--company", "nowhere")
    assert (code, out, err.strip()) == (0, "", "no people match")


def test_a_file_that_is_not_a_contact_list_imports_nothing_and_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    junk = tmp_path / "notes.txt"
    junk.write_text("hello")
    code, out, err = run(capsys, root, "people", "import", str(junk), str(tmp_path / "gone.csv"))
    assert code == 1
    assert out == ""
    assert len(err.strip().splitlines()) == 2 and "Traceback" not in err
    assert Workspace.open(root, read_only=True).people() == []


def test_an_invite_becomes_a_scheduled_session_and_a_second_import_updates_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    invites = [str(IMPORTS / "google-invite.ics"), str(IMPORTS / "outlook-invite.ics")]
    code, out, _ = run(capsys, root, "sessions", "import", *invites)
    assert code == 0
    assert [line.split(":")[0] for line in out.splitlines()] == ["added", "added"]
    code, out, _ = run(capsys, root, "sessions", "import", *invites)
    assert [line.split(":")[0] for line in out.splitlines()] == ["unchanged", "unchanged"]
    workspace = Workspace.open(root, read_only=True)
    rows = workspace.summaries()
    assert len(rows) == 2
    assert {row["contact_status"] for row in rows} == {"scheduled"}
    assert all(workspace.person(row["person_id"]) for row in rows)


def test_an_invite_matches_the_person_already_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    before = len(Workspace.open(root, read_only=True).people())
    run(capsys, root, "sessions", "import", str(IMPORTS / "google-invite.ics"))
    workspace = Workspace.open(root, read_only=True)
    assert len(workspace.people()) == before
    (row,) = workspace.summaries()
    person = workspace.person(row["person_id"])
    assert person is not None and (person.name, person.status) == ("Priya Raman", "scheduled")


def test_a_folder_open_in_the_app_imports_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    holder = Workspace.open(root)
    try:
        code, _, err = run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    finally:
        holder.close()
    assert code == 1
    assert "nothing imported: another copy of interview-tui" in err


def test_people_export_writes_csv_and_vcards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    code, _, _ = run(capsys, root, "people", "export", "-o", str(tmp_path / "p.csv"), "--excel")
    assert code == 0
    assert (tmp_path / "p.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    code, out, _ = run(capsys, root, "people", "export", "--format", "vcf")
    assert code == 0 and out.count("BEGIN:VCARD") == 9


def test_an_invited_session_takes_the_known_persons_company(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    run(capsys, root, "sessions", "import", str(IMPORTS / "google-invite.ics"))
    (row,) = Workspace.open(root, read_only=True).summaries()
    assert (row["name"], row["company"]) == ("Priya Raman", "Globex Corporation, LLC")


def test_a_vcard_note_fills_an_empty_note_and_a_name_too_long_is_kept_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    long_name = "Dr. " + "Very " * 60 + "Long"
    csv = tmp_path / "Connections.csv"
    csv.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"{long_name},X,,,Acme,,02 Jun 2026\n"
    )
    code, out, err = run(capsys, root, "people", "import", str(csv))
    assert code == 0 and "1 added" in out and "pydantic" not in err
    (person,) = Workspace.open(root, read_only=True).people()
    assert person.name.endswith("…") and long_name in person.notes
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    before = {p.name: p.notes for p in Workspace.open(root, read_only=True).people()}
    run(capsys, root, "people", "import", str(IMPORTS / "contacts-v3.vcf"))
    after = {p.name: p.notes for p in Workspace.open(root, read_only=True).people()}
    gained = [name for name in after if after[name] and not before.get(name)]
    assert gained, "a vCard NOTE reaches a person imported from Connections.csv first"


def test_a_reader_that_stops_early_ends_the_command_quietly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`people list | head -1`: once head has gone, writing raises BrokenPipeError."""
    import io
    import os
    import sys

    root = tmp_path / "data"
    run(capsys, root, "people", "import", str(IMPORTS / "Connections.csv"))
    read_end, write_end = os.pipe()

    class GoneReader(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def fileno(self) -> int:
            return write_end

    monkeypatch.setattr(sys, "stdout", GoneReader())
    try:
        assert main(["--data-dir", str(root), "people", "list"]) == 1
    finally:
        os.close(read_end)
        os.close(write_end)
    assert "Traceback" not in capsys.readouterr().err
