"""Settings a person keeps in ``<config folder>/settings.toml``.

Every value has a default, so a missing file, or a missing key, is fine. A file that is not
TOML gives one line (``path:line: what is wrong``) and every default; a value that is wrong
gives one line (``path:line: field: what is wrong``) and that value's default, the others
are kept. Nothing here raises for what a person wrote.

The app writes the file itself only to remember the theme chosen in the command palette:
:func:`write_settings` writes every known key, in a stable order, atomically and private.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from interview_tui.models import MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES

MAX_SETTINGS_BYTES = 64 * 1024
"""A settings file is a few lines; anything much bigger is not one."""


class Settings(BaseModel):
    """What a person may set, each with its default."""

    # Built on first use (in the loading worker), not at import: start-up time matters.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    name: Annotated[str, Field(max_length=200)] = ""
    """Your name: signs the drafted emails when there is no ``signature``."""
    signature: Annotated[str, Field(max_length=2000)] = ""
    """Lines under "Best wishes," in the drafted emails (name, title, phone…)."""
    default_minutes: Annotated[int, Field(ge=MIN_LENGTH_MINUTES, le=MAX_LENGTH_MINUTES)] = 30
    """The call length a new session starts with."""
    default_goals: list[Annotated[str, Field(min_length=1, max_length=200)]] = []
    """Goals a new session starts with: the offered ones are ticked, others are your own."""
    export_folder: str = ""
    """Where the app's exports go (e.g. an Obsidian vault); empty: ``<data folder>/exports``."""
    theme: Annotated[str, Field(max_length=100)] = ""
    """A Textual theme (``textual-light``…); empty: Textual's default."""
    csv_bom: bool = False
    """Start CSV exports with a byte-order mark so a spreadsheet reads them as UTF-8."""
    keep_in_touch_months: Annotated[int, Field(ge=1, le=24)] = 3
    """How often to get back in touch with someone (a person's own cadence wins)."""
    weekly_goal: Annotated[int, Field(ge=0, le=50)] = 3
    """Conversations you aim for in a week, counted on the start screen (0: no goal)."""

    @field_validator("default_goals")
    @classmethod
    def _distinct_goals(cls, goals: list[str]) -> list[str]:
        return list(dict.fromkeys(" ".join(goal.split()) for goal in goals))

    @property
    def email_signature(self) -> str:
        """What signs a drafted email: the signature, else the name, else nothing."""
        return self.signature.strip() or self.name.strip()

    def export_path(self) -> Path | None:
        """The export folder, ``~`` expanded; None when not set."""
        return Path(self.export_folder).expanduser() if self.export_folder.strip() else None


KEYS: tuple[str, ...] = tuple(Settings.model_fields)
"""Every setting, in the order the file is written."""


@dataclass
class LoadedSettings:
    settings: Settings = field(default_factory=Settings)
    problems: list[str] = field(default_factory=list)
    """One line each: ``path:line: field: what is wrong``."""


def load_settings(path: Path) -> LoadedSettings:
    """The settings in ``path``; defaults (and one line per problem) for what is wrong."""
    try:
        if not path.is_file():  # a pipe there would block the read
            if path.exists():
                return LoadedSettings(problems=[f"{path}: not a file"])
            return LoadedSettings()
        with open(path, "rb") as file:
            raw = file.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return LoadedSettings()
    except OSError as exc:
        return LoadedSettings(problems=[f"{path}: cannot read: {exc.strerror or exc}"])
    if len(raw) > MAX_SETTINGS_BYTES:
        return LoadedSettings(problems=[f"{path}: larger than {MAX_SETTINGS_BYTES} bytes"])
    try:
        text = raw.decode("utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        return LoadedSettings(problems=[f"{path}: not UTF-8 text"])
    except tomllib.TOMLDecodeError as exc:
        return LoadedSettings(problems=[_toml_problem(path, exc)])
    return _validate(path, text, data)


def _toml_problem(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column \d+\)$", message)
    if found is None:
        found = re.search(r"\s*\(at end of document\)$", message)
        return f"{path}: {message[: found.start()] if found else message}"
    return f"{path}:{found.group(1)}: {message[: found.start()]}"


def _validate(path: Path, text: str, data: dict[str, Any]) -> LoadedSettings:
    found: list[tuple[int, str]] = []  # (line, problem), to tell them in the file's order
    data = dict(data)
    settings = Settings()
    for _ in range(len(KEYS) + len(data) + 1):  # each round drops at least one key
        try:
            settings = Settings.model_validate(data)
            break
        except ValidationError as exc:
            wrong: dict[str, str] = {}
            for error in exc.errors():
                key = str(error["loc"][0]) if error["loc"] else ""
                if key not in wrong:
                    what = "unknown setting" if error["type"] == "extra_forbidden" else error["msg"]
                    wrong[key] = what[0].lower() + what[1:]
            for key, what in wrong.items():
                line = _line_of(text, key)
                where = f"{path}:{line}" if line else str(path)
                found.append((line or 0, f"{where}: {_shown(key)}: {what}"))
                data.pop(key, None)
            if not wrong:
                break
    return LoadedSettings(settings, [problem for _, problem in sorted(found)])


def _shown(key: str) -> str:
    """A key as a line may quote it: printable, and short."""
    shown = "".join(ch if ch.isprintable() else "?" for ch in key)
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key`` is set at the top of the file, if it can be found."""
    pattern = re.compile(rf"""^\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
    for number, line in enumerate(text.splitlines(), start=1):
        if pattern.match(line):
            return number
    return None


# -- writing -----------------------------------------------------------------------------------


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return _toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"no TOML form for {type(value).__name__}")


def _toml_string(text: str) -> str:
    """A basic TOML string; JSON's escapes are TOML's, except ``\\/`` which JSON never writes
    and non-ASCII, which TOML takes as it is."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def settings_toml(settings: Settings, *, all_keys: bool = True) -> str:
    """The settings as TOML, every known key in :data:`KEYS` order (``config show``)."""
    values = settings.model_dump()
    defaults = Settings().model_dump()
    lines = [
        f"{key} = {_toml_value(values[key])}"
        for key in KEYS
        if all_keys or values[key] != defaults[key]
    ]
    return "\n".join(lines) + "\n" if lines else ""


def write_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically (temp file, fsync, rename), mode 0600: the
    values that differ from the defaults, in :data:`KEYS` order."""
    from interview_tui.locations import ensure_private_dir
    from interview_tui.storage.safe_storage import safe_write

    ensure_private_dir(path.parent)
    text = HEADER + settings_toml(settings, all_keys=False)
    safe_write(path, text.encode("utf-8"))


HEADER = "# interview-tui settings: see the Settings section of the README\n"


def _with_value(text: str, key: str, value: object) -> str:
    """``text`` with ``key = value`` set on its line (appended when absent): the person's
    comments, order and other values stay as they are."""
    line = f"{key} = {_toml_value(value)}"
    pattern = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=.*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(lambda _match: line, text, count=1)
    # Top-level keys go before the first table, if the file has one.
    table = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    if table:
        return text[: table.start()] + line + "\n" + text[table.start() :]
    return text + ("" if not text or text.endswith("\n") else "\n") + line + "\n"


def remember(path: Path, **changes: object) -> str | None:
    """Set ``changes`` in the settings file, keeping its other values and its comments.

    Returns one line when it could not (the file has a problem the person should fix first,
    or the write failed); None when done.
    """
    loaded = load_settings(path)
    if loaded.problems:
        return f"not remembered: {loaded.problems[0]}"
    try:
        wanted = Settings.model_validate({**loaded.settings.model_dump(), **changes})
    except ValidationError as exc:
        return f"not remembered: {exc.errors()[0]['msg']}"
    try:
        old = path.read_text(encoding="utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        old = ""
    text = old or HEADER
    for key in changes:
        text = _with_value(text, key, getattr(wanted, key))
    try:
        if _parsed(text) != wanted:
            text = HEADER + settings_toml(wanted, all_keys=False)  # an odd layout: rewrite
        from interview_tui.locations import ensure_private_dir
        from interview_tui.storage.safe_storage import safe_write

        ensure_private_dir(path.parent)
        safe_write(path, text.encode("utf-8"))
    except OSError as exc:
        return f"not remembered in {path}: {exc.strerror or exc}"
    return None


def _parsed(text: str) -> Settings | None:
    try:
        return Settings.model_validate(tomllib.loads(text))
    except (tomllib.TOMLDecodeError, ValidationError):
        return None
