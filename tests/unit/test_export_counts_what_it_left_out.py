"""``export --all`` counts every session it could not write, however it was damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from interview_tui.cli import main
from interview_tui.models import Contact, Session
from interview_tui.service import Workspace


def test_export_all_names_and_counts_a_folder_a_dangling_link_and_garbage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "data"
    workspace = Workspace.open(root)
    sessions = [Session(contact=Contact(name=f"Person {n}")) for n in range(4)]
    for session in sessions:
        workspace.save(session)
    workspace.close()
    folder, link, garbage = (root / "sessions" / f"{s.id}.json" for s in sessions[1:])
    folder.unlink()
    folder.mkdir()
    link.unlink()
    link.symlink_to(tmp_path / "nowhere.json")
    garbage.write_text("{not json", encoding="utf-8")

    code = main(
        [
            "--data-dir",
            str(root),
            "export",
            "--all",
            "--format",
            "json",
            "-o",
            str(tmp_path / "out.json"),
        ]
    )

    err = capsys.readouterr().err
    assert code == 0
    for path in (folder, link, garbage):
        assert path.name in err
    assert "wrote 1 session(s)" in err
    assert "left out 3 that could not be read" in err
