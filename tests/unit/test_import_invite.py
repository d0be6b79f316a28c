"""Calendar invites from Google Calendar, Outlook and Apple Calendar read into calls."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from interview_tui.import_cards import PersonCard
from interview_tui.import_invite import read_invites

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in Los Angeles: UTC-7 in June, UTC-8 from 1 November 2026."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def invite(body: str, method: str = "REQUEST", zones: str = "") -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n"
        f"METHOD:{method}\r\n{zones}BEGIN:VEVENT\r\nUID:u1@example.com\r\n"
        f"DTSTAMP:20260601T120000Z\r\n{body}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def write(tmp_path: Path, text: str, name: str = "invite.ics") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.mark.usefixtures("local_zone")
def test_a_google_invite_in_utc_is_read_in_local_time_with_the_organizer() -> None:
    result = read_invites(FIXTURES / "google-invite.ics")

    assert result.problems == []
    (call,) = result.items
    assert call.uid == "3k1v0b9d5e7f2g4h6j8l0m2n4p@google.com"
    assert call.title == "Coffee chat: Priya / Sam"
    assert call.start == datetime(2026, 6, 15, 9, 0)
    assert call.minutes == 30
    assert call.person == PersonCard(
        name="Priya Raman", email="priya.raman@globex.example", where="google-invite.ics:6"
    )
    assert not call.cancelled


@pytest.mark.usefixtures("local_zone")
def test_an_outlook_invite_uses_its_windows_named_time_zone() -> None:
    (call,) = read_invites(FIXTURES / "outlook-invite.ics").items

    assert call.start == datetime(2026, 6, 16, 10, 0)
    assert call.minutes == 45
    assert call.title == "Informational chat \u2013 Initech data team"
    assert (call.person.name, call.person.email) == (
        "Dana Whitfield",
        "dana.whitfield@initech.example",
    )


@pytest.mark.usefixtures("local_zone")
def test_an_apple_invite_in_berlin_crosses_a_date_line_and_a_clock_change() -> None:
    (call,) = read_invites(FIXTURES / "apple-invite.ics").items

    # 09:30 in Berlin (UTC+1 in November) is 00:30 in Los Angeles (UTC-8 by then).
    assert call.start == datetime(2026, 11, 4, 0, 30)
    assert call.minutes == 45
    assert call.person.name == "Zoë O'Brien-Søndergaard"


def test_the_start_follows_the_machines_zone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        (call,) = read_invites(FIXTURES / "google-invite.ics").items
    finally:
        monkeypatch.undo()
        time.tzset()

    assert call.start == datetime(2026, 6, 16, 1, 0)


@pytest.mark.usefixtures("local_zone")
def test_a_zone_outlook_defines_only_in_the_file_is_used(tmp_path: Path) -> None:
    zones = (
        "BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\nBEGIN:STANDARD\r\n"
        "DTSTART:16010101T000000\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0500\r\n"
        "END:STANDARD\r\nEND:VTIMEZONE\r\n"
    )
    path = write(
        tmp_path,
        invite(
            "DTSTART;TZID=Customized Time Zone:20260616T120000\r\n"
            "DTEND;TZID=Customized Time Zone:20260616T122000\r\n"
            "ORGANIZER;CN=Bo Chen:mailto:bo@hooli.example",
            zones=zones,
        ),
    )

    result = read_invites(path)

    assert result.problems == []
    assert [(call.start, call.minutes) for call in result.items] == [
        (datetime(2026, 6, 16, 10, 0), 20)
    ]


def test_a_zone_nobody_defines_is_read_as_local_time_and_reported() -> None:
    result = read_invites(FIXTURES / "unknown-zone.ics")

    (call,) = result.items
    assert call.start == datetime(2026, 6, 16, 10, 0)
    assert call.title == "[b]Quick[/b] sync"
    assert call.person.name == "Lee Dev[/ops]"
    assert result.problems == [
        "unknown-zone.ics:5: '[b]Quick[/b] sync': time zone 'Mars Standard Time' is not known "
        "and the file does not define it; the start is read as local time"
    ]


def test_a_cancellation_from_outlook_is_a_cancelled_call() -> None:
    (call,) = read_invites(FIXTURES / "outlook-cancel.ics").items

    assert call.cancelled
    assert call.uid.startswith("040000008200E00074C5B7101A82E008")
    assert call.person.name == "Dana Whitfield"


@pytest.mark.usefixtures("local_zone")
def test_a_calendar_export_keeps_calls_and_says_why_it_left_out_the_rest() -> None:
    result = read_invites(FIXTURES / "calendar-export.ics", own_emails=["Sam.Lee@example.com"])

    assert [(call.title, call.person.name, call.start, call.minutes) for call in result.items] == [
        ("Career chat with Jean-Luc", "Jean-Luc Picard", datetime(2026, 6, 22, 10, 0), 60),
        ("Design career chat", "Maëlys Lefèvre", datetime(2026, 6, 26, 8, 0), 30),
        ("Office hours with Ana", "Ana Núñez", datetime(2026, 6, 29, 14, 0), 30),
    ]
    assert [call.cancelled for call in result.items] == [False, True, False]
    assert result.items[0].person.email == "jl.picard@starfleet.example"
    assert result.problems == [
        "calendar-export.ics:38: 'Conference day': an all-day event, not a call, skipped",
        "calendar-export.ics:48: 'Focus time': nobody on it but one person, "
        "not a call with someone, skipped",
        "calendar-export.ics:70: 'Office hours with Ana': a repeating event; "
        "only its first meeting is read",
    ]


def test_when_you_organised_the_call_the_person_is_the_first_other_attendee(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        invite(
            "DTSTART:20260616T120000Z\r\nORGANIZER;CN=Sam Lee:mailto:sam.lee@example.com\r\n"
            "ATTENDEE;CN=Sam Lee:mailto:sam.lee@example.com\r\n"
            "ATTENDEE;CUTYPE=ROOM;CN=Room 4:mailto:room4@example.com\r\n"
            'ATTENDEE;CN="Ng, Al":MAILTO:Al@Acme.Example',
            method="PUBLISH",
        ),
    )

    with_me = read_invites(path, own_emails=["sam.lee@example.com"]).items
    without_me = read_invites(path).items

    assert [(c.person.name, c.person.email) for c in with_me] == [("Ng, Al", "al@acme.example")]
    assert [c.person.name for c in without_me] == ["Sam Lee"]


def test_an_invite_sent_to_you_with_only_an_organizer_is_from_them(tmp_path: Path) -> None:
    body = "DTSTART:20260616T120000Z\r\nORGANIZER:mailto:bo@hooli.example"
    sent = write(tmp_path, invite(body), name="sent.ics")
    own = write(tmp_path, invite(body, method="PUBLISH"), name="own.ics")

    (call,) = read_invites(sent).items

    assert call.person == PersonCard(
        name="bo@hooli.example", email="bo@hooli.example", where="sent.ics:5"
    )
    assert read_invites(own).items == []


def test_broken_events_are_reported_one_line_each_and_the_rest_read() -> None:
    result = read_invites(FIXTURES / "broken-invite.ics")

    assert [(call.title, call.minutes) for call in result.items] == [("Ends before it starts", 30)]
    assert result.problems == [
        "broken-invite.ics:5: 'Start is not a time': start 'next tuesday' is not a date and "
        "time, skipped",
        "broken-invite.ics:12: 'No start at all': no start time (DTSTART), skipped",
        "broken-invite.ics:18: 'Ends before it starts': ends before it starts; taken as 30 minutes",
    ]


def test_a_missing_uid_is_made_from_the_event_so_a_second_import_matches(
    tmp_path: Path,
) -> None:
    text = invite("DTSTART:20260616T120000Z\r\nORGANIZER:mailto:bo@hooli.example").replace(
        "UID:u1@example.com\r\n", ""
    )
    path = write(tmp_path, text)

    first, second = read_invites(path).items, read_invites(path).items

    assert first[0].uid.startswith("no-uid-")
    assert first[0].uid == second[0].uid


def test_floating_times_and_no_end_give_local_time_and_thirty_minutes(tmp_path: Path) -> None:
    path = write(tmp_path, invite("DTSTART:20260616T120000\r\nORGANIZER:mailto:bo@x.example"))

    (call,) = read_invites(path).items

    assert (call.start, call.minutes) == (datetime(2026, 6, 16, 12, 0), 30)


@pytest.mark.parametrize(
    ("name", "text", "fatal"),
    [
        (
            "not-a-calendar.ics",
            None,
            "not-a-calendar.ics: no BEGIN:VCALENDAR at the start; not a calendar file",
        ),
        (
            "empty-calendar.ics",
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            "empty-calendar.ics: the calendar holds no events",
        ),
        (
            "garbled.ics",
            "BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n",
            "garbled.ics: not readable as a calendar (",
        ),
    ],
)
def test_a_file_that_is_no_calendar_is_refused_as_a_whole(
    tmp_path: Path, name: str, text: str | None, fatal: str
) -> None:
    path = FIXTURES / name if text is None else write(tmp_path, text, name=name)

    result = read_invites(path)

    assert result.items == []
    assert result.fatal is not None
    assert result.fatal.startswith(fatal)
    assert "\n" not in result.fatal
