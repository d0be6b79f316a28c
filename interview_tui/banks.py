"""Load question banks from YAML, turning every fault into one line a person can act on.

A bad bank never stops the others from loading: :func:`load_banks` returns the banks that
loaded plus one :class:`BankProblem` per file (or folder) that did not.
"""

from __future__ import annotations

import difflib
import os
import re
import reprlib
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from interview_tui.models import Bank, Question

MAX_BANK_BYTES = 1_000_000
MAX_ALIASES = 100
# Every YAML value (mapping, list, text, key) counts, and an alias counts all it repeats: a
# few hundred bytes of aliases can stand for billions of values that validation would walk.
# Twenty thousand is some two thousand questions, and loads well within a second.
MAX_BANK_VALUES = 20_000
MAX_MESSAGE_CHARS = 300
BANK_SUFFIXES = (".yaml", ".yml")

_EXCERPT = reprlib.Repr()
_EXCERPT.maxlevel = 2
_EXCERPT.maxlist = _EXCERPT.maxtuple = _EXCERPT.maxset = _EXCERPT.maxdict = 3
_EXCERPT.maxstring = _EXCERPT.maxother = _EXCERPT.maxlong = 60


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def excerpt(value: object) -> str:
    """``repr(value)`` for an error line, cut short: it looks at a few items only, so a huge
    or deeply nested input (an expanded alias) costs no more than a small one."""
    return _cut(_EXCERPT.repr(value), 60)


@dataclass(frozen=True)
class BankProblem:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {_cut(self.message, MAX_MESSAGE_CHARS)}"


class BankError(Exception):
    def __init__(self, problem: BankProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class BankSet:
    banks: list[Bank] = field(default_factory=list)
    problems: list[BankProblem] = field(default_factory=list)

    def by_name(self, names: Iterable[str]) -> list[Bank]:
        wanted = set(names)
        return [bank for bank in self.banks if bank.bank in wanted]


class _BankLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 booleans, no duplicate keys and a cap on alias expansion."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0
        self._nodes = 0  # values written out in the file
        self._values = 0  # values once every alias is expanded
        self._sizes: dict[int, int] = {}  # id(node) -> values in it, itself included
        self._expanded_at: yaml.Mark | None = None

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        # ``index`` is Any: PyYAML passes a mapping value's key node, the stubs say int.
        # types-PyYAML leaves Parser.peek_event unannotated; a node event always has a mark.
        mark: yaml.Mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                raise yaml.MarkedYAMLError(
                    problem=f"more than {MAX_ALIASES} aliases; refusing an expanding document",
                    problem_mark=mark,
                )
            node = super().compose_node(parent, index)
            self._count(self._sizes.get(id(node), 1), mark)
            return node
        self._nodes += 1
        if self._nodes > MAX_BANK_VALUES:
            raise yaml.MarkedYAMLError(
                problem=f"more than {MAX_BANK_VALUES:,} values; a bank may hold at most that many",
                problem_mark=mark,
            )
        node = super().compose_node(parent, index)
        if isinstance(node, yaml.MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = node.value if isinstance(node, yaml.SequenceNode) else []
        self._sizes[id(node)] = 1 + sum(self._sizes.get(id(child), 1) for child in children)
        self._count(1, mark)
        return node

    def _count(self, values: int, mark: yaml.Mark) -> None:
        self._values += values
        if self._values > MAX_BANK_VALUES and self._expanded_at is None:
            self._expanded_at = mark

    def get_single_node(self) -> yaml.Node | None:
        """The document's node tree, refused if its aliases expand it past the value cap.

        Checked once the tree is composed (sharing nodes, it costs no more than the file),
        so the alias count, found on the way, is the problem reported when both are.
        """
        node = super().get_single_node()
        if self._expanded_at is not None:
            raise yaml.MarkedYAMLError(
                problem=f"aliases expand the bank past {MAX_BANK_VALUES:,} values; refusing "
                "an expanding document",
                problem_mark=self._expanded_at,
            )
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Report a scalar that its tag cannot read (``2020-02-30``, ``!!int x``) at its line."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError):
            value = str(node.value)
            shown = value if len(value) <= 40 else value[:37] + "..."
            kind = _TAG_KINDS.get(node.tag, excerpt(_short_tag(node.tag)))
            raise yaml.MarkedYAMLError(
                problem=f"{excerpt(shown)} is not a valid {kind}; put it in quotes if it is text",
                problem_mark=node.start_mark,
            ) from None

    def construct_undefined(self, node: yaml.Node) -> Any:
        raise yaml.MarkedYAMLError(
            problem=f"tag {excerpt(_short_tag(node.tag))} is not allowed in a bank",
            problem_mark=node.start_mark,
        )

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)  # raises a ConstructorError
        seen: set[str] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue
            if key_node.value in seen:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {excerpt(key_node.value)}",
                    problem_mark=key_node.start_mark,
                )
            seen.add(key_node.value)
        return super().construct_mapping(node, deep=deep)


_TAG_KINDS = {
    "tag:yaml.org,2002:int": "whole number",
    "tag:yaml.org,2002:float": "number",
    "tag:yaml.org,2002:bool": "true/false value",
    "tag:yaml.org,2002:timestamp": "date",
}


def _short_tag(tag: str) -> str:
    prefix = "tag:yaml.org,2002:"
    return "!!" + tag[len(prefix) :] if tag.startswith(prefix) else tag


_BankLoader.add_constructor(None, _BankLoader.construct_undefined)

# Only true/false are booleans (YAML 1.2): a question reading "yes" or "no" stays text.
_BankLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _first in "tTfF":
    _BankLoader.add_implicit_resolver(
        "tag:yaml.org,2002:bool",
        re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
        [_first],
    )


def _line_of(node: yaml.Node | None, loc: Sequence[str | int]) -> int | None:
    """Follow a pydantic error location through the YAML node tree to a 1-based line."""
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                if key_node.value == part:
                    line = key_node.start_mark.line + 1
                    node = value_node
                    break
            else:
                return line
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                return line
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            return line
    return line


def _format_loc(loc: Sequence[str | int]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


_FIELDS = {
    "bank": set(Bank.model_fields),
    "question": set(Question.model_fields),
}


def _describe(error: ErrorDetails) -> tuple[tuple[str | int, ...], str]:
    loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(loc[-1]) if loc else "?"
        known = _FIELDS["question"] if len(loc) > 1 else _FIELDS["bank"]
        close = difflib.get_close_matches(name, sorted(known), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return loc, f"unknown field {excerpt(name)}{hint}"
    if kind == "invalid_key":
        return loc[:-1], f"field names must be text, got {excerpt(error['input'])}"
    if kind == "missing":
        return loc, "required field is missing"
    if kind == "too_short" and loc == ("questions",):
        return loc, "a bank needs at least one question"
    if kind == "model_type":
        shown = excerpt(error["input"])
        return loc, f"a question must be a mapping with a 'text' field, got {shown}"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    message = _cut(message, 200)
    given = error.get("input")
    if kind.endswith("_type") and not isinstance(given, (dict, list)):
        message += f", got {excerpt(given)}"
    return loc, message


def _short_quotes(text: str) -> str:
    """PyYAML quotes what it found (an alias name, a tag) whole: cut each quote short."""
    return re.sub(r"'[^'\n]{60,}'", lambda found: excerpt(found.group(0)[1:-1]), text)


def _yaml_problem(exc: yaml.MarkedYAMLError, source: str) -> BankProblem:
    """One line from PyYAML's two-part message ("while scanning X ... found Y")."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = _short_quotes(exc.problem or "not valid YAML")
    if problem == "mapping values are not allowed here":
        problem += "; put text that contains ': ' in quotes"
    elif "'\\t'" in problem:
        problem += "; indent with spaces, not tabs"
    if exc.context:
        context = _short_quotes(exc.context)
        if exc.context_mark and line and exc.context_mark.line + 1 != line:
            context += f" (from line {exc.context_mark.line + 1})"
        problem = f"{context}, {problem}"
    return BankProblem(source, line, _cut(" ".join(f"invalid YAML: {problem}".split()), 200))


def parse_bank(text: str, source: str) -> Bank:
    """Parse bank YAML ``text``; ``source`` names it in error lines."""
    try:
        loader = _BankLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        char = exc.character if isinstance(exc.character, int) else ord(exc.character)
        message = f"invalid YAML: special character U+{char:04X} is not allowed"
        raise BankError(BankProblem(source, line, message)) from None
    except yaml.MarkedYAMLError as exc:
        raise BankError(_yaml_problem(exc, source)) from None
    except yaml.YAMLError as exc:
        message = " ".join(f"invalid YAML: {exc}".split())
        raise BankError(BankProblem(source, None, message)) from None
    except RecursionError:
        raise BankError(BankProblem(source, None, "invalid YAML: nested too deeply")) from None

    if not isinstance(data, dict):
        kinds = {type(None): "empty", list: "a list", str: "plain text"}
        kind = kinds.get(type(data), f"a single {type(data).__name__} value")
        raise BankError(
            BankProblem(
                source,
                _line_of(node, ()),
                f"a bank must be a mapping with 'bank' and 'questions', but the file is {kind}",
            )
        )
    try:
        bank = Bank.model_validate(data)
        bank.source = source
    except ValidationError as exc:
        loc, message = _describe(exc.errors()[0])
        extra = len(exc.errors()) - 1
        more = f" (and {extra} more problem{'s' if extra > 1 else ''})" if extra else ""
        where = _format_loc(loc)
        text_line = f"{where}: {message}{more}" if where else f"{message}{more}"
        raise BankError(BankProblem(source, _line_of(node, loc), text_line)) from None
    return bank


def load_bank_file(path: Path) -> Bank:
    source = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise BankError(BankProblem(source, None, f"is {kind}, not a bank file"))
        size = info.st_size
        if size > MAX_BANK_BYTES:
            raise BankError(
                BankProblem(
                    source,
                    None,
                    f"file is {size / 1_000_000:.1f} MB; a bank may be at most "
                    f"{MAX_BANK_BYTES // 1_000_000} MB",
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise BankError(BankProblem(source, None, f"cannot read: {exc.strerror or exc}")) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise BankError(
            BankProblem(source, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")
        ) from None
    return parse_bank(text, source)


def _bank_files(path: Path, problems: list[BankProblem]) -> list[Path]:
    try:
        if path.is_dir():
            with os.scandir(path) as entries:
                names = sorted(
                    entry.name
                    for entry in entries
                    if entry.name.endswith(BANK_SUFFIXES) and not entry.name.startswith(".")
                )
            return [path / name for name in names]
        if path.exists() or path.is_symlink():
            return [path]
        problems.append(BankProblem(str(path), None, "no such file or folder"))
    except OSError as exc:
        problems.append(BankProblem(str(path), None, f"cannot read: {exc.strerror or exc}"))
    return []


def load_banks(paths: Iterable[Path]) -> BankSet:
    """Load every bank in ``paths`` (files or folders); later duplicates of a name are skipped."""
    result = BankSet()
    names: dict[str, str] = {}
    for path in paths:
        for file in _bank_files(Path(path), result.problems):
            try:
                bank = load_bank_file(file)
            except BankError as exc:
                result.problems.append(exc.problem)
                continue
            bank.source = str(file)
            if bank.bank in names:
                result.problems.append(
                    BankProblem(
                        str(file),
                        None,
                        f"bank name {excerpt(bank.bank)} already loaded from "
                        f"{names[bank.bank]}; skipped",
                    )
                )
                continue
            names[bank.bank] = str(file)
            result.banks.append(bank)
    return result


def default_bank_paths(extra: Iterable[Path] = ()) -> list[Path]:
    """Built-in banks, then the user's banks folder (if any), then ``--banks`` paths."""
    from interview_tui import locations

    paths = [locations.builtin_banks_dir()]
    user = locations.user_banks_dir()
    if user.is_dir():
        paths.append(user)
    paths.extend(Path(p) for p in extra)
    return paths
