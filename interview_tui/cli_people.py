"""Command line for people: ``people list|import|export`` and ``sessions import FILE.ics``.

Every problem is one line naming the file (and row); a file with a fatal problem imports
nothing; the exit code is 1 when any file could not be imported.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from interview_tui.display_text import one_line

if TYPE_CHECKING:
    from interview_tui.service import Workspace


def add_people_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = commands.add_parser(
        "people",
        help="list, import or export the people you talk to",
        description="People are kept apart from sessions: one record each, with every "
        "conversation, who introduced them and when to get back in touch.",
    )
    actions = people.add_subparsers(dest="people_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="one line per person")
    listing.add_argument("--company", metavar="TEXT", help="only people at a matching company")
    listing.add_argument("--due", action="store_true", help="only people due for a touch")
    importing = actions.add_parser(
        "import", help="add people from LinkedIn's Connections.csv or vCard (.vcf) files"
    )
    importing.add_argument("files", nargs="+", metavar="FILE")
    exporting = actions.add_parser("export", help="write everyone as CSV or vCard")
    exporting.add_argument("--format", choices=("csv", "vcf"), default="csv", help="default: csv")
    exporting.add_argument("--output", "-o", metavar="PATH", help="file to write (default: print)")
    exporting.add_argument(
        "--excel", action="store_true", help="csv: start with a UTF-8 byte-order mark"
    )


def add_session_import(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    invite = actions.add_parser(
        "import", help="scheduled sessions from calendar invites (.ics files)"
    )
    invite.add_argument("files", nargs="+", metavar="FILE.ics")


def _err(line: str) -> None:
    print(one_line(line), file=sys.stderr)


def _writable_workspace(data_dir: str | None) -> Workspace | None:
    from interview_tui import locations
    from interview_tui.service import StoreError, Workspace

    root = locations.data_dir(data_dir)
    try:
        workspace = Workspace.open(root)
    except StoreError as exc:
        _err(f"interview-tui: {exc}")
        return None
    except OSError as exc:
        _err(f"interview-tui: cannot open {root}: {exc.strerror or exc}")
        return None
    if workspace.read_only:
        _err(f"interview-tui: nothing imported: {workspace.read_only_reason}")
        workspace.close()
        return None
    return workspace


def _column(text: str, width: int) -> str:
    """``text`` on one line, cut and padded to ``width`` terminal cells: a wide letter (日本,
    most emoji) takes two, so columns line up whatever the script."""
    from rich.cells import set_cell_size

    return set_cell_size(one_line(text), width)


def people_list(args: argparse.Namespace, workspace: Workspace) -> int:
    from interview_tui import locations
    from interview_tui.people import company_matches, last_contact, next_touch
    from interview_tui.people_due import default_cadence_days
    from interview_tui.settings import load_settings

    months = load_settings(locations.settings_file()).settings.keep_in_touch_months
    cadence = default_cadence_days(months)
    today = date.today()
    shown = 0
    for person in workspace.people():
        if args.company and not company_matches(args.company, person.company):
            continue
        touch = next_touch(person, cadence)
        if args.due and (touch is None or touch > today):
            continue
        last = last_contact(person)
        print(
            f"{_column(person.name, 30)}  {_column(person.company, 24)}  "
            f"{person.status:<16}  last {last.isoformat() if last else '—':<10}  "
            f"next {touch.isoformat() if touch else '—'}"
        )
        shown += 1
    for notice in workspace.notices:
        _err(notice)
    if not shown:
        _err("no people match" if args.company or args.due else "no people yet")
    return 0


def import_files(args: argparse.Namespace) -> int:
    """``people import`` and ``sessions import``: each file by its kind."""
    workspace = _writable_workspace(args.data_dir)
    if workspace is None:
        return 1
    failed = False
    try:
        for name in args.files:
            outcome = workspace.import_file(Path(name))
            for problem in outcome.problems:
                _err(problem)
            for line in outcome.lines:
                print(one_line(line))
            failed |= outcome.failed
    finally:
        workspace.close()
    return 1 if failed else 0


def people_export(args: argparse.Namespace, workspace: Workspace) -> int:
    from interview_tui.export import write_export
    from interview_tui.people_export import to_people_csv, to_vcards

    people = workspace.people()
    text = to_people_csv(people, bom=args.excel) if args.format == "csv" else to_vcards(people)
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        write_export(Path(args.output), text)
    except OSError as exc:
        _err(f"interview-tui: cannot write {args.output}: {exc.strerror or exc}")
        return 1
    print(f"wrote {len(people)} people to {args.output}", file=sys.stderr)
    return 0
