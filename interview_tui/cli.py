"""Command line: sub-commands for banks and sessions, or start the app."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from interview_tui.display_text import one_line

if TYPE_CHECKING:
    import argparse
    from collections.abc import Mapping

    from interview_tui.models import Bank, Session
    from interview_tui.person import Person
    from interview_tui.service import Workspace


def _positive(text: str) -> int:
    import argparse

    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number above 0: {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    # argparse and the people commands are imported here, not at the top: a plain start
    # (``interview-tui [--data-dir DIR]``) never builds this parser.
    import argparse

    from interview_tui.cli_people import add_people_commands, add_session_import

    class _VersionAction(argparse.Action):
        """``--version`` that reads the package metadata only when asked."""

        def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
            import interview_tui

            # On standard output, so that ``$(interview-tui --version)`` holds it; argparse's
            # own ``version`` action and ``parser.exit(message=…)`` write to standard error.
            sys.stdout.write(f"{parser.prog} {interview_tui.__version__}\n")
            sys.stdout.flush()
            parser.exit()

    parser = argparse.ArgumentParser(
        prog="interview-tui",
        description="Prepare, run and learn from informational interviews.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version")
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
    add_session_import(sessions_commands)
    add_people_commands(commands)

    search = commands.add_parser(
        "search",
        help="print the lines of your sessions that match (date, person, where, the line)",
        description="Every word must start a word in the same note, reflection or question; "
        "case and accents do not matter (nunez finds Núñez). Best matches first. Exit 1 when "
        "nothing matches, as grep does.",
    )
    search.add_argument("query", nargs="+", metavar="QUERY", help="words to look for")
    search.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N lines (20)"
    )

    config = commands.add_parser(
        "config",
        help="where the settings file is, or the settings in effect",
        description="Settings live in a TOML file in the config folder; see the README.",
    )
    config_commands = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    config_commands.add_parser("path", help="print the settings file's path")
    config_commands.add_parser(
        "show", help="print the settings in effect as TOML (problems with the file: stderr)"
    )

    export = commands.add_parser(
        "export",
        help="write sessions as Markdown, JSON, CSV, or interviews and follow-ups as a calendar",
        description="Export one session (by id, see `sessions list`) or --all of them.",
    )
    export.add_argument("session_id", nargs="?", metavar="SESSION_ID")
    export.add_argument("--all", action="store_true", help="export every session")
    export.add_argument(
        "--format", choices=("md", "json", "csv", "ics"), default="md", help="default: md"
    )
    export.add_argument(
        "--output",
        "-o",
        metavar="PATH",
        help="file or folder to write (default: print); md with --all needs a folder "
        "and writes one file per session",
    )
    export.add_argument(
        "--excel",
        action="store_true",
        help="csv: start with a UTF-8 byte-order mark, so that a spreadsheet opened by a double "
        "click (Excel) reads accents and emoji right",
    )
    serve = commands.add_parser(
        "serve",
        help="run the app in a browser tab on 127.0.0.1 (needs the web extra)",
        description="Serve the app to a browser on this machine only; the printed link holds "
        'a random key, and any address without it gets 403. Needs: pip install ".[web]"',
    )
    serve.add_argument(
        "--port", type=_port, default=8000, metavar="N", help="port on 127.0.0.1 (default: 8000)"
    )
    return parser


def _port(text: str) -> int:
    import argparse

    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number (1-65535)")
    return port


def _banks_list(args: argparse.Namespace) -> int:
    from interview_tui.banks import default_bank_paths, load_banks

    result = load_banks(default_bank_paths(Path(p) for p in args.banks))
    # One line per bank, whatever its name holds.
    names = [one_line(bank.bank) for bank in result.banks]
    width = max((len(name) for name in names), default=4)
    for name, bank in zip(names, result.banks, strict=True):
        print(
            f"{name:<{width}}  {one_line(bank.category):<16} {len(bank.questions):>3} questions  "
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
                print(one_line(f"{bank.source}: {question.key}: warning: {flag.reason}"))
                count += 1
    return count


def _open_workspace(args: argparse.Namespace) -> Workspace | None:
    """The data folder, read-only: listing and exporting create, change and lock nothing."""
    from interview_tui import locations
    from interview_tui.service import StoreError, Workspace

    root = locations.data_dir(args.data_dir)
    try:
        return Workspace.open(root, read_only=True)
    except StoreError as exc:
        print(f"interview-tui: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"interview-tui: cannot read {root}: {exc.strerror or exc}", file=sys.stderr)
    return None


def _sessions_list(args: argparse.Namespace) -> int:
    from interview_tui.asked_count import count_of_row
    from interview_tui.service import when_text

    workspace = _open_workspace(args)
    if workspace is None:
        return 1
    for row in workspace.summaries():
        when = when_text(row)
        who = one_line(row["name"] + (f" ({row['company']})" if row.get("company") else ""))
        asked = count_of_row(row).short  # "3/9 +2": of the planned questions, and extra
        print(f"{row['id']}  {when:<16}  {row['status']:<8} {asked:>7} asked  {who}")
    for notice in workspace.notices:  # damaged files the list had to skip
        print(notice, file=sys.stderr)
    return 0


def _search(args: argparse.Namespace) -> int:
    """One line per match from the app's search index. The folder is opened for writing
    when no other copy has it, so the index on disk is kept (or built once); otherwise the
    index is read into memory and nothing in the folder changes."""
    from interview_tui import locations
    from interview_tui.service import StoreError, Workspace

    query = " ".join(args.query)
    root = locations.data_dir(args.data_dir)
    try:
        workspace = Workspace.open(root, read_only=not root.exists())
    except StoreError as exc:
        print(f"interview-tui: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"interview-tui: cannot read {root}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    try:
        hits = workspace.search(query, limit=args.limit)
        for notice in workspace.notices:
            print(notice, file=sys.stderr)
    finally:
        workspace.close()
    for hit in hits:
        when = f"{hit.when:%Y-%m-%d}" if hit.when else "-" * 10
        print(one_line(f"{when}  {hit.contact}  {hit.where}: {hit.line}"))
    if not hits:
        print(one_line(f"interview-tui search: no matches for {query!r}"), file=sys.stderr)
        return 1
    return 0


def _export(args: argparse.Namespace) -> int:
    if bool(args.session_id) == bool(args.all):
        print("interview-tui export: give a SESSION_ID or --all (not both)", file=sys.stderr)
        return 2
    if args.excel and args.format != "csv":
        print("interview-tui export: --excel is for --format csv", file=sys.stderr)
        return 2
    if args.all and args.format == "md" and args.output and not _is_folder(args.output):
        # One file would turn the front matter of every session after the first into text.
        folder = f"{Path(args.output).with_suffix('')}/"
        print(
            f"interview-tui export: --all --format md writes one file per session: give -o a "
            f"folder (such as {folder}), not the file {args.output}",
            file=sys.stderr,
        )
        return 2
    workspace = _open_workspace(args)
    if workspace is None:
        return 1
    try:
        chosen = _sessions_to_export(workspace, args.session_id)
        # Damaged or unreadable files that could not be exported, each named once: the one
        # asked for was named in the error line already.
        named = f"{args.session_id}.json" if chosen is None else None
        for notice in workspace.notices:
            if named is None or named not in notice:
                print(notice, file=sys.stderr)
        if chosen is None:
            return 1
        sessions, skipped = chosen
        people = {p.id: p for p in workspace.people()} if args.all else {}
        return _write_sessions(
            sessions, args.format, args.output, skipped, csv_bom=args.excel, people=people
        )
    finally:
        workspace.close()


def _sessions_to_export(
    workspace: Workspace, session_id: str | None
) -> tuple[list[Session], int] | None:
    """The sessions to write and how many were left out; None (after one line) if the one
    asked for cannot be read."""
    from interview_tui.service import StoreError

    if session_id is None:
        sessions, skipped = workspace.load_all()
        return sessions, len(skipped)
    try:
        return [workspace.load(session_id)], 0
    except StoreError as exc:
        # Damaged, or not a file: what is wrong with it. Not there at all: just that.
        reason = f"no session {session_id!r}" if str(exc).startswith("no session") else str(exc)
        print(
            f"interview-tui export: {reason} (`interview-tui sessions list` shows the ids)",
            file=sys.stderr,
        )
        return None


def _is_folder(output: str) -> bool:
    """``-o`` names a folder: one that exists, or a path ending in a slash."""
    return Path(output).expanduser().is_dir() or output.endswith(("/", "\\"))


def _write_sessions(
    sessions: list[Session],
    fmt: str,
    output: str | None,
    skipped: int,
    *,
    csv_bom: bool = False,
    people: Mapping[str, Person] | None = None,
) -> int:
    from interview_tui.export import render, write_export
    from interview_tui.people_export import write_vault

    target = Path(output).expanduser() if output else None
    folder = bool(output) and _is_folder(output or "")
    try:
        if target is not None and fmt == "md" and folder:
            write_vault(target, sessions, people or {})
            pages = f" and {len(people)} people" if people else ""
            print(
                f"wrote {len(sessions)} Markdown file(s){pages} to {target}{_left_out(skipped)}",
                file=sys.stderr,
            )
            return 0
        text = render(sessions, fmt, csv_bom=csv_bom)
        if target is None:
            sys.stdout.write(text)
            return 0
        if target.is_dir():
            target = target / f"interview-sessions.{fmt}"
        write_export(target, text)
    except OSError as exc:
        where = target if target is not None else exc.filename
        print(f"interview-tui export: cannot write {where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {len(sessions)} session(s) to {target}{_left_out(skipped)}", file=sys.stderr)
    return 0


def _config(args: argparse.Namespace) -> int:
    from interview_tui import locations

    path = locations.settings_file()
    if args.config_command == "path":
        print(path)
        return 0
    from interview_tui.settings import load_settings, settings_toml

    loaded = load_settings(path)
    for problem in loaded.problems:  # the defaults stand in for what is wrong
        print(problem, file=sys.stderr)
    sys.stdout.write(settings_toml(loaded.settings))
    return 1 if loaded.problems else 0


def _people(args: argparse.Namespace) -> int:
    from interview_tui import cli_people

    if args.people_command == "import":
        return cli_people.import_files(args)
    workspace = _open_workspace(args)
    if workspace is None:
        return 1
    try:
        if args.people_command == "list":
            return cli_people.people_list(args, workspace)
        return cli_people.people_export(args, workspace)
    finally:
        workspace.close()


def _left_out(skipped: int) -> str:
    return f"; left out {skipped} that could not be read (named above)" if skipped else ""


def _app_options(argv: Sequence[str]) -> tuple[str | None, list[str]] | None:
    """(data folder, bank paths) when ``argv`` only starts the app, its options spelled out
    in full (``--data-dir DIR``, ``--banks=PATH``); None for anything else, which the full
    parser reads and explains. Building that parser costs the first screen milliseconds."""
    data_dir: str | None = None
    banks: list[str] = []
    items = list(argv)
    while items:
        name, equals, value = items.pop(0).partition("=")
        if name not in ("--data-dir", "--banks"):
            return None
        if not equals:
            if not items or items[0].startswith("-"):
                return None
            value = items.pop(0)
        if name == "--data-dir":
            data_dir = value
        else:
            banks.append(value)
    return data_dir, banks


def main(argv: Sequence[str] | None = None) -> int:
    app_options = _app_options(sys.argv[1:] if argv is None else argv)
    if app_options is not None:
        return _run_app(*app_options)
    try:
        return _main(argv)
    except BrokenPipeError:
        # Piped into `head`, say: the reader has what it wanted. Quiet, as grep is.
        import os

        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        return 1


def _main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "export":
        return _export(args)
    if args.command == "banks":
        return _banks_list(args) if args.banks_command == "list" else _banks_validate(args)
    if args.command == "sessions":
        if args.sessions_command == "import":
            from interview_tui import cli_people

            return cli_people.import_files(args)
        return _sessions_list(args)
    if args.command == "people":
        return _people(args)
    if args.command == "search":
        return _search(args)
    if args.command == "config":
        return _config(args)
    if args.command == "serve":
        from interview_tui.web_serve import serve

        return serve(args.data_dir, args.banks, args.port)
    return _run_app(args.data_dir, args.banks)


def _run_app(data_dir: str | None, banks: Sequence[str]) -> int:
    import gc

    # No garbage collection passes until the first screen is drawn (about a tenth of the
    # start-up's work goes into them otherwise); the app turns collection back on then.
    gc.disable()
    try:
        from interview_tui.ui.app import InterviewApp

        app = InterviewApp(data_dir=data_dir, bank_paths=[Path(p) for p in banks])
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0
