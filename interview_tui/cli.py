"""Command line: sub-commands for banks and sessions, or start the app."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from interview_tui import __version__

if TYPE_CHECKING:
    from interview_tui.models import Bank


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="interview-tui",
        description="Prepare, run and learn from informational interviews.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for sessions (default: the user data folder, or $INTERVIEW_TUI_DATA_DIR)",
    )
    parser.add_argument(
        "--banks",
        metavar="PATH",
        action="append",
        default=[],
        help="extra bank file or folder (repeatable)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    banks = commands.add_parser("banks", help="list or validate question banks")
    banks_commands = banks.add_subparsers(dest="banks_command", metavar="ACTION", required=True)
    banks_commands.add_parser("list", help="print the loaded banks")
    validate = banks_commands.add_parser("validate", help="check bank files or folders")
    validate.add_argument("paths", nargs="+", metavar="PATH")
    validate.add_argument(
        "--lint",
        action="store_true",
        help="also warn about questions on pay, asking for a job, negative tone, or facts "
        "the company website answers (warnings never change the exit code)",
    )

    sessions = commands.add_parser("sessions", help="list stored sessions")
    sessions_commands = sessions.add_subparsers(
        dest="sessions_command", metavar="ACTION", required=True
    )
    sessions_commands.add_parser("list", help="print the stored sessions")
    return parser


def _banks_list(args: argparse.Namespace) -> int:
    from interview_tui.banks import default_bank_paths, load_banks

    result = load_banks(default_bank_paths(Path(p) for p in args.banks))
    width = max((len(bank.bank) for bank in result.banks), default=4)
    for bank in result.banks:
        print(
            f"{bank.bank:<{width}}  {bank.category:<16} {len(bank.questions):>3} questions  "
            f"{bank.source}"
        )
    for problem in result.problems:
        print(f"skipped: {problem}", file=sys.stderr)
    return 0


def _banks_validate(args: argparse.Namespace) -> int:
    from interview_tui.banks import load_banks

    result = load_banks(Path(p) for p in args.paths)
    for problem in result.problems:
        print(problem)
    warnings = _print_lint_warnings(result.banks) if args.lint else 0
    checked = len(result.banks) + len({p.path for p in result.problems})
    status = "ok" if not result.problems else f"{len(result.problems)} problem(s)"
    if args.lint:
        status += f", {warnings} lint warning(s)"
    print(f"{checked} bank file(s) checked: {status}", file=sys.stderr)
    return 1 if result.problems else 0


def _print_lint_warnings(banks: list[Bank]) -> int:
    """Print ``path: question-id: warning: reason`` lines; returns how many."""
    from interview_tui.lint import lint_bank

    count = 0
    for bank in banks:
        for question, flags in lint_bank(bank):
            for flag in flags:
                print(f"{bank.source}: {question.key}: warning: {flag.reason}")
                count += 1
    return count


def _sessions_list(args: argparse.Namespace) -> int:
    from interview_tui import locations
    from interview_tui.store import SessionStore

    store = SessionStore(locations.data_dir(args.data_dir), read_only=True)
    for row in store.summaries():
        when = (row.get("scheduled_at") or row.get("created_at") or "")[:16].replace("T", " ")
        who = row["name"] + (f" ({row['company']})" if row.get("company") else "")
        print(
            f"{row['id']}  {when:<16}  {row['status']:<8} {row['asked']:>2}/"
            f"{row['questions']:<3} asked  {who}"
        )
    for notice in store.notices:  # damaged files the list had to skip
        print(notice, file=sys.stderr)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "banks":
        return _banks_list(args) if args.banks_command == "list" else _banks_validate(args)
    if args.command == "sessions":
        return _sessions_list(args)
    from interview_tui.app import InterviewApp

    app = InterviewApp(data_dir=args.data_dir, bank_paths=[Path(p) for p in args.banks])
    app.run()
    return app.return_code or 0
