"""Every export format, read back the way another program would read it."""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import stat
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import frontmatter
import icalendar
import pytest
import yaml

from interview_tui.cli import main
from interview_tui.export import (
    CSV_COLUMNS,
    formula_risk,
    from_json,
    markdown_filename,
    name_slug,
    to_csv,
    to_ics,
    to_json,
    to_markdown,
    write_export,
)
from interview_tui.models import AgendaItem, Contact, FollowUp, Referral, Session
from interview_tui.storage.store import SessionStore

JANE_ID = "20240304-100000-jane01"
BO_ID = "20240306-090000-bo0002"


def jane() -> Session:
    return Session(
        id=JANE_ID,
        created_at=datetime(2024, 3, 1, 9, 0),
        contact=Contact(
            name="Jane Smith",
            role="Data Engineer",
            company="Acme, Inc.",
            industry="fintech",
            how_met="at PyCon",
            email="jane@example.com",
        ),
        goals=["career exploration"],
        referred_by="Sam Lee",
        status="ended",
        contact_status="interviewed",
        started_at=datetime(2024, 3, 4, 10, 0),
        elapsed_seconds=1830,
        research_notes="Moved from consulting in 2019.",
        cut_index=2,
        agenda=[
            AgendaItem(
                key="career/start",
                text="How did you first find your way into {industry}?",
                status="asked",
                minutes=3,
                seconds_spent=200,
                tags=["path", "Career Change"],
                note="Started in consulting\nMoved at 30\n- mentor helped\n- bootcamp",
            ),
            AgendaItem(
                key="role/week", text="What does a typical week look like?", status="skipped"
            ),
            AgendaItem(key="own/tools", text="Which tools do you use?", own=True),
        ],
        general_note="Has a hard stop at 10:25.",
        reflections={"advice": "Learn SQL properly.", "surprise": "How much is writing."},
        takeaways="- Data quality is the job\n- =SUM(A1) is not a formula here",
        referrals=[Referral(name="Ana Ruiz", note="PM at Beta"), Referral(name="Bo Chen")],
        followups=[
            FollowUp(kind="thank-you", due=date(2024, 3, 5), done=True),
            FollowUp(kind="check-in", due=date(2024, 6, 4), note="Share progress; ask, kindly"),
        ],
    )


def bo() -> Session:
    return Session(id=BO_ID, contact=Contact(name="Bo Chen"), created_at=datetime(2024, 3, 6, 9))


# -- Markdown ----------------------------------------------------------------------------------


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    assert text.startswith("---\n")
    header, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(header), body


def test_markdown_header_is_metadata_a_note_app_reads() -> None:
    meta, _ = split_front_matter(to_markdown(jane()))

    assert meta["title"] == "Jane Smith · Acme, Inc."
    assert meta["contact"] == "Jane Smith"
    assert meta["company"] == "Acme, Inc."
    assert meta["role"] == "Data Engineer"
    assert meta["date"] == date(2024, 3, 4)
    assert meta["tags"] == ["informational-interview", "path", "career-change"]
    assert meta["status"] == "ended"
    assert meta["contact_status"] == "interviewed"


def test_markdown_has_every_note_and_the_agenda_with_statuses_and_time() -> None:
    _, body = split_front_matter(to_markdown(jane()))

    for text in (
        "# Jane Smith · Acme, Inc.",
        "- **Held:** Monday 4 March 2024, 10:00",
        "- **Length:** 30 minutes planned, 30 min 30 s taken",
        "> Moved from consulting in 2019.",
        "## Agenda (1 of 2 asked)",  # counted against the two above the cut
        "- ✓ How did you first find your way into fintech? — asked, 3 min 20 s (planned 3 min)",
        "  > Started in consulting\n  >\n  > Moved at 30\n  >\n  > - mentor helped\n  > - bootcamp",
        "- ↷ ~~What does a typical week look like?~~ — skipped, planned 2 min",
        "- · Which tools do you use? — pending, planned 2 min, if time allows, my own question",
        "> Has a hard stop at 10:25.",
        "### What advice was given?\n\nLearn SQL properly.",
        "### What surprised me?\n\nHow much is writing.",
        "## Takeaways\n\n- Data quality is the job",
        "- [ ] Ana Ruiz — PM at Beta",
        "- [x] Send a thank-you note to Jane Smith 📅 2024-03-05",
        "- [ ] Check in with Jane Smith: Share progress; ask, kindly 📅 2024-06-04",
    ):
        assert text in body


def test_markdown_for_a_bare_session_has_no_empty_fields() -> None:
    text = to_markdown(bo())
    meta, body = split_front_matter(text)

    assert meta["company"] == ""
    assert meta["date"] == date(2024, 3, 6)
    assert "None" not in body
    assert "**Role:**" not in body
    assert "## Reflections" not in body
    assert "No questions." in body


def test_markdown_for_the_app_view_can_leave_out_the_header() -> None:
    assert to_markdown(jane(), front_matter=False).startswith("# Jane Smith")


def test_markdown_file_names_sort_by_date_and_are_unique() -> None:
    assert markdown_filename(jane()) == f"2024-03-04-jane-smith-{JANE_ID}.md"


# -- Markdown as Obsidian (and python-frontmatter) reads it ---------------------------------------

TASK = re.compile(r"^\s*[-*+] \[(.)\] (.*)$")  # what Obsidian's Tasks and Dataview read as a task
DUE = re.compile(r" 📅 (\d{4}-\d{2}-\d{2})$")


def test_a_front_matter_library_reads_the_header_and_only_follow_ups_are_dated_tasks() -> None:
    post = frontmatter.loads(to_markdown(jane()))

    assert post.metadata["title"] == "Jane Smith · Acme, Inc."
    assert post.metadata["date"] == date(2024, 3, 4)
    assert post.metadata["tags"] == ["informational-interview", "path", "career-change"]
    tasks = [TASK.match(line) for line in post.content.splitlines()]
    tasks_with_dates = [(m[1], DUE.search(m[2])) for m in tasks if m and DUE.search(m[2])]
    assert [(box, due[1]) for box, due in tasks_with_dates] == [
        ("x", "2024-03-05"),  # the thank-you, done
        (" ", "2024-06-04"),  # the check-in
    ]
    # The agenda is a plain list with the live screen's marks: no question is a to-do.
    agenda = post.content.split("## Agenda")[1].split("\n## ")[0]
    assert not any(TASK.match(line) for line in agenda.splitlines())
    assert [line[:4] for line in agenda.splitlines() if line.startswith("- ")] == [
        "- ✓ ",
        "- ↷ ",
        "- · ",  # pending, below the cut
    ]
    assert "## Takeaways\n\n- Data quality is the job\n- =SUM(A1)" in post.content


def test_a_long_title_stays_on_one_line_of_the_front_matter() -> None:
    company = "The Very Long Name Company: Research, Development & Sales, " * 4
    session = jane().model_copy(update={"contact": Contact(name="Jane Smith", company=company)})
    text = to_markdown(session)
    header = text.split("\n---\n")[0]
    (title_line,) = [line for line in header.splitlines() if line.startswith("title:")]
    assert len(title_line) > 200
    assert all(re.match(r"^(\w+:|- )", line) for line in header.splitlines()[1:])
    assert frontmatter.loads(text).metadata["title"] == f"Jane Smith · {company.strip()}"


def test_a_name_with_a_line_break_is_one_line_in_the_front_matter() -> None:
    session = bo().model_copy(update={"contact": Contact(name="Lee\nDev")})
    post = frontmatter.loads(to_markdown(session))
    assert post.metadata["contact"] == "Lee Dev"


def test_tags_keep_letters_of_every_script() -> None:
    item = AgendaItem(
        key="k", text="Q?", status="asked", tags=["日本", "C++", "C#", "José Núñez", "1984", "🚀"]
    )
    post = frontmatter.loads(to_markdown(bo().model_copy(update={"agenda": [item]})))
    assert post.metadata["tags"] == [
        "informational-interview",
        "日本",
        "cpp",
        "csharp",
        "josé-núñez",
    ]


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("José Núñez", "josé-núñez"),
        ("日本", "日本"),
        ("C++", "cpp"),
        ("C#", "csharp"),
        ("Zoë O'Brien-Smith", "zoë-o-brien-smith"),
        ("../../etc/passwd", "etc-passwd"),
        ("a\\b/c:d*e?f", "a-b-c-d-e-f"),
        ("tab\there\x00\x1b[31mnew\nline", "tab-here-31mnew-line"),
        ("right\u202eleft", "right-left"),
        ("CON", "con_"),
        ("Com1", "com1_"),
        ("...", ""),
        ("🚀", ""),
    ],
)
def test_names_become_safe_file_names_that_keep_their_letters(name: str, slug: str) -> None:
    assert name_slug(name) == slug


def test_markdown_file_names_keep_accents_and_scripts(tmp_path: Path) -> None:
    for name, part in [("José Núñez", "josé-núñez"), ("山田 太郎", "山田-太郎"), ("🚀", "contact")]:
        session = bo().model_copy(update={"contact": Contact(name=name)})
        filename = markdown_filename(session)
        assert filename == f"2024-03-06-{part}-{BO_ID}.md"
        assert write_export(tmp_path / filename, "x").parent == tmp_path


# -- JSON --------------------------------------------------------------------------------------


def test_json_round_trips_into_the_session_model() -> None:
    text = to_json([jane(), bo()])

    assert from_json(text) == [jane(), bo()]
    assert [Session.model_validate(doc) for doc in json.loads(text)] == [jane(), bo()]


def test_json_keeps_text_readable() -> None:
    assert "Jane Smith · Acme, Inc." not in to_json([jane()])  # title is computed, not stored
    assert '"company": "Acme, Inc."' in to_json([jane()])
    assert "·" in to_json([jane().model_copy(update={"general_note": "a · b"})])


# -- CSV ---------------------------------------------------------------------------------------


def test_csv_is_one_row_per_session_that_the_csv_module_reads() -> None:
    rows = list(csv.DictReader(io.StringIO(to_csv([jane(), bo()]))))

    assert list(rows[0]) == list(CSV_COLUMNS)
    assert rows[0] == {
        "id": JANE_ID,
        "date": "2024-03-04",
        "name": "Jane Smith",
        "email": "jane@example.com",
        "role": "Data Engineer",
        "company": "Acme, Inc.",
        "industry": "fintech",
        "scheduled": "",
        "length_minutes": "30",
        "asked": "1",
        "status": "ended",
        "contact_status": "interviewed",
        "next_followup": "2024-06-04",  # the thank-you is done
        "next_followup_kind": "check-in",
        "takeaways": "Data quality is the job; =SUM(A1) is not a formula here",
    }
    assert rows[1]["name"] == "Bo Chen"
    assert (rows[1]["takeaways"], rows[1]["next_followup"], rows[1]["email"]) == ("", "", "")


def test_csv_has_the_scheduled_time_as_a_spreadsheet_reads_it() -> None:
    planned = bo().model_copy(update={"scheduled_at": datetime(2024, 3, 9, 9, 30)})
    (row,) = csv.DictReader(io.StringIO(to_csv([planned])))
    assert row["scheduled"] == "2024-03-09 09:30"


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_quoted() -> None:
    session = bo().model_copy(
        update={"contact": Contact(name="=HYPERLINK(1)", company="+44", role="@sum")}
    )
    (row,) = csv.DictReader(io.StringIO(to_csv([session])))
    assert (row["name"], row["company"], row["role"]) == ("'=HYPERLINK(1)", "+44", "'@sum")


@pytest.mark.parametrize(
    "text",
    [
        "=SUM(A1)",
        "@SUM(A1)",
        "\tx",
        "\rx",
        '+HYPERLINK("https://example.com")',
        "-cmd|' /C calc'!A0",
        "+ZÄHLENWENN(A1:A3)",
        "-A1",
        "+$B$2*3",
        "-3+4",
        "+=1",
        "-Sheet2!A1",
    ],
)
def test_what_a_spreadsheet_would_run_is_guarded(text: str) -> None:
    assert formula_risk(text)
    contact = Contact.model_construct(name="Bo", role=text)  # as typed: not even stripped
    (row,) = csv.DictReader(io.StringIO(to_csv([bo().model_copy(update={"contact": contact})])))
    assert row["role"] == f"'{text}"


@pytest.mark.parametrize(
    "text",
    ["+1 for remote", "-5", "+44 20 7946 0958", "+1 (555) 123-4567", "- n/a", "-", "-12.5%"],
)
def test_real_values_that_start_with_a_sign_are_kept_as_written(text: str) -> None:
    assert not formula_risk(text)
    session = bo().model_copy(update={"contact": Contact(name="Bo", role=text)})
    (row,) = csv.DictReader(io.StringIO(to_csv([session])))
    assert row["role"] == text


def test_csv_of_no_sessions_is_just_the_header() -> None:
    assert list(csv.reader(io.StringIO(to_csv([])))) == [list(CSV_COLUMNS)]


def test_csv_reads_back_with_and_without_a_byte_order_mark(tmp_path: Path) -> None:
    session = bo().model_copy(update={"contact": Contact(name="José 🚀", company="Ñandú")})
    plain = write_export(tmp_path / "plain.csv", to_csv([session]))
    excel = write_export(tmp_path / "excel.csv", to_csv([session], bom=True))

    assert not plain.read_bytes().startswith(codecs.BOM_UTF8)
    assert excel.read_bytes().startswith(codecs.BOM_UTF8 + b"id,")
    for path in (plain, excel):
        with path.open(encoding="utf-8-sig", newline="") as file:
            (row,) = csv.DictReader(file)
        assert (row["name"], row["company"]) == ("José 🚀", "Ñandú")
    with plain.open(encoding="utf-8", newline="") as file:
        assert next(csv.reader(file))[0] == "id"


# -- iCalendar ---------------------------------------------------------------------------------


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    physical = text[:-2].split("\r\n")
    assert not any("\n" in line or "\r" in line for line in physical)
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    return logical


def events(lines: list[str]) -> list[dict[str, str]]:
    found, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            found.append(current)
            current = None
        elif current is not None:
            name, _, value = line.partition(":")
            current[name] = value
    return found


NOW = datetime(2024, 3, 5, 10, 15, tzinfo=UTC)


def test_ics_has_one_all_day_event_per_follow_up() -> None:
    lines = unfold(to_ics([jane(), bo()], now=NOW))

    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    done, event = events(lines)
    assert done["STATUS"] == "CANCELLED"
    assert event["STATUS"] == "CONFIRMED"
    assert event["DTSTART;VALUE=DATE"] == "20240604"
    assert event["DTEND;VALUE=DATE"] == "20240605"
    assert event["DTSTAMP"] == "20240305T101500Z"
    assert event["UID"] == f"{JANE_ID}-check-in-0@interview-tui"
    assert event["SUMMARY"] == r"Check in with Jane Smith: Share progress\; ask\, kindly"
    assert event["DESCRIPTION"] == rf"Jane Smith · Acme\, Inc.\nSession {JANE_ID}"


def test_ics_can_leave_out_follow_ups_already_done() -> None:
    found = events(unfold(to_ics([jane()], include_done=False, now=NOW)))
    assert [e["DTSTART;VALUE=DATE"] for e in found] == ["20240604"]


def parse_ics(text: str) -> list[icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def berlin(monkeypatch: pytest.MonkeyPatch) -> object:
    """This computer's clock in Berlin (UTC+1 in March)."""
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("berlin")
def test_the_scheduled_interview_is_a_timed_event_as_long_as_the_call() -> None:
    planned = bo().model_copy(
        update={
            "scheduled_at": datetime(2024, 3, 9, 9, 30),
            "length_minutes": 45,
            "contact": Contact(name="Bo Chen", company="Beta", email="bo@example.com"),
        }
    )
    (interview,) = parse_ics(to_ics([planned], now=NOW))

    assert interview.decoded("DTSTART") == datetime(2024, 3, 9, 8, 30, tzinfo=UTC)  # 9:30 local
    assert interview.decoded("DTEND") - interview.decoded("DTSTART") == timedelta(minutes=45)
    assert str(interview["SUMMARY"]) == "Informational interview: Bo Chen · Beta"
    assert "bo@example.com" in str(interview["DESCRIPTION"])
    assert str(interview["UID"]) == f"{BO_ID}-interview@interview-tui"
    assert str(interview["STATUS"]) == "CONFIRMED"


def test_a_follow_up_done_is_a_cancelled_event_a_calendar_drops() -> None:
    thanks, check_in = parse_ics(to_ics([jane()], now=NOW))

    assert str(thanks["STATUS"]) == "CANCELLED"
    assert thanks.decoded("DTSTART") == date(2024, 3, 5)
    assert int(thanks["SEQUENCE"]) > int(check_in["SEQUENCE"])
    assert str(check_in["STATUS"]) == "CONFIRMED"
    assert check_in.decoded("DTSTART") == date(2024, 6, 4)
    assert str(check_in["SUMMARY"]) == "Check in with Jane Smith: Share progress; ask, kindly"


def test_control_characters_never_reach_an_ics_line() -> None:
    hostile = "Ana\x1b[31m\x00Ruiz\u2028line\x85next\vtab\tend\x7f\x9b"
    session = jane().model_copy(
        update={
            "scheduled_at": datetime(2024, 3, 4, 10, 0),
            "contact": Contact(name=hostile, company="Acme\r\nInc"),
            "followups": [FollowUp(kind="other", due=date(2024, 4, 1), note=hostile)],
        }
    )
    text = to_ics([session], now=NOW)

    for line in text.split("\r\n"):
        assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", line), line
    interview, followup = parse_ics(text)
    summary = str(followup["SUMMARY"])
    assert summary.startswith("Follow up with Ana\ufffd[31m\ufffdRuiz\nline\nnext\ntab end")
    assert "Acme\nInc" in str(interview["SUMMARY"])


def test_ics_folds_long_lines_without_splitting_characters() -> None:
    long_note = "Über-long note with accents é and emoji 🙂 " * 6
    session = jane().model_copy(
        update={"followups": [FollowUp(kind="other", due=date(2024, 4, 1), note=long_note)]}
    )
    text = to_ics([session], now=NOW)
    (event,) = events(unfold(text))

    assert event["SUMMARY"] == f"Follow up with Jane Smith: {long_note.strip()}"
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    text.encode("utf-8").decode("utf-8")


# -- files -------------------------------------------------------------------------------------


@pytest.fixture
def open_umask() -> object:
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.usefixtures("open_umask")
def test_exports_are_written_for_the_user_only(tmp_path: Path) -> None:
    existing = tmp_path / "old.md"
    existing.write_text("old", encoding="utf-8")
    existing.chmod(0o644)

    new = write_export(tmp_path / "exports" / "jane.md", "# Jane\n")
    replaced = write_export(existing, "# new\n")

    assert new.read_text(encoding="utf-8") == "# Jane\n"
    assert mode(new) == 0o600
    assert mode(new.parent) == 0o700
    assert replaced.read_text(encoding="utf-8") == "# new\n"
    assert mode(replaced) == 0o600


# -- command line ------------------------------------------------------------------------------


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "data"
    monkeypatch.setenv("INTERVIEW_TUI_DATA_DIR", str(root))
    monkeypatch.setenv("INTERVIEW_TUI_CONFIG_DIR", str(tmp_path / "config"))
    store = SessionStore(root)
    store.save(jane())
    store.save(bo())
    store.close()
    return root


def test_cli_prints_one_session_as_markdown(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", JANE_ID]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\n")
    assert "Has a hard stop at 10:25." in out
    assert "Bo Chen\n" not in out.split("## People to talk to")[0]


def test_cli_unknown_session_is_one_line_and_exit_1(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "20990101-000000-nobody"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "interview-tui export: no session '20990101-000000-nobody' "
        "(`interview-tui sessions list` shows the ids)"
    ]


@pytest.mark.parametrize("argv", [["export"], ["export", JANE_ID, "--all"]])
def test_cli_needs_a_session_or_all(
    data_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert main(argv) == 2
    assert "give a SESSION_ID or --all" in capsys.readouterr().err


def test_cli_exports_all_as_json_to_a_file(data_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "all.json"
    assert main(["export", "--all", "--format", "json", "--output", str(target)]) == 0
    assert sorted(s.id for s in from_json(target.read_text(encoding="utf-8"))) == sorted(
        [BO_ID, JANE_ID]
    )
    assert mode(target) == 0o600


def test_cli_exports_all_markdown_to_a_folder_one_file_each(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "vault"
    folder.mkdir()
    assert main(["export", "--all", "--format", "md", "-o", str(folder)]) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == [markdown_filename(jane()), markdown_filename(bo())]
    assert "Learn SQL properly." in (folder / markdown_filename(jane())).read_text(encoding="utf-8")
    assert "wrote 2 Markdown file(s)" in capsys.readouterr().err


def test_cli_exports_csv_and_ics_to_stdout(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--all", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sorted(row["name"] for row in rows) == ["Bo Chen", "Jane Smith"]

    assert main(["export", JANE_ID, "--format", "ics"]) == 0
    assert len(events(unfold(capsys.readouterr().out))) == 2  # one done: cancelled


def test_cli_respects_data_dir(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other"
    store = SessionStore(other)
    store.save(bo().model_copy(update={"id": "20240101-000000-other1"}))
    store.close()

    assert main(["--data-dir", str(other), "export", "--all", "--format", "json"]) == 0
    assert [s.id for s in from_json(capsys.readouterr().out)] == ["20240101-000000-other1"]


def test_cli_reports_an_unwritable_output_in_one_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    target = blocker / "x.json"

    assert main(["export", "--all", "--format", "json", "-o", str(target)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1
    assert err[0].startswith(f"interview-tui export: cannot write {target}: ")


def test_cli_refuses_all_markdown_into_one_file(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "file.md"
    assert main(["export", "--all", "--format", "md", "-o", str(target)]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "give -o a folder" in line
    assert f"{tmp_path / 'file'}/" in line
    assert not target.exists()


def test_cli_writes_csv_for_excel_with_a_byte_order_mark(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "sessions.csv"
    assert main(["export", "--all", "--format", "csv", "--excel", "-o", str(target)]) == 0
    assert target.read_bytes().startswith(codecs.BOM_UTF8)
    with target.open(encoding="utf-8-sig", newline="") as file:
        assert sorted(row["name"] for row in csv.DictReader(file)) == ["Bo Chen", "Jane Smith"]

    assert main(["export", "--all", "--format", "json", "--excel"]) == 2
    assert "--excel is for --format csv" in capsys.readouterr().err


def test_cli_markdown_to_a_new_folder_ending_in_a_slash(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "new-vault"
    assert main(["export", JANE_ID, "-o", f"{folder}/"]) == 0
    assert [p.name for p in folder.iterdir()] == [markdown_filename(jane())]
    assert mode(folder) == 0o700


def test_angle_brackets_in_notes_and_questions_stay_text_in_a_note_app() -> None:
    from markdown_it import MarkdownIt

    session = Session(
        contact=Contact(name="Zoë"),
        agenda=[
            AgendaItem(
                key="a/b",
                text="Any gotchas <for> juniors?",
                note="Uses <tags> a lot; **bold** stays Markdown",
                status="asked",
            )
        ],
        cut_index=1,
    )
    page = MarkdownIt("commonmark").render(to_markdown(session, front_matter=False))
    assert "&lt;for&gt;" in page and "&lt;tags&gt;" in page  # shown, not swallowed as HTML
    assert "<for>" not in page and "<tags>" not in page
    assert "<strong>bold</strong>" in page  # what the person wrote as Markdown still is
