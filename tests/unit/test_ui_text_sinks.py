"""Text is text: the UI's source never hands a widget a built-up ``str`` to read as markup.

Textual reads a ``str`` given to these as content markup ("sinks"):

- ``Static(...)``, ``Label(...)``, ``Option(...)``, ``Selection(...)``, the command palette's
  ``DiscoveryHit(...)``/``Hit(...)``, and ``.update(...)`` (a Markdown widget's is Markdown,
  not markup, and is left to the page builders and the hostile-text corpus test);
- the prompts given to ``add_option``/``add_options``/``set_options`` and ``SelectionList``.

This test reads every module under ``interview_tui/ui`` (ast) and, at every sink, accepts:

- a string constant, or an f-string with nothing filled in: markup the code wrote;
- text built by ``plain``, ``one_line`` or ``styled`` (from ``interview_tui.ui.plain``, the
  template a constant), by ``Content``/``Text`` (or their ``assemble``, ``styled``), a method
  of such a value (``.stylize``, ``.join``, ...), or ``Content.from_markup`` of a constant;
- a local name every assignment of which is one of these, a parameter annotated ``Content``
  or ``Text``, or a call to a function of the same module annotated to return one of them;
- either side of a conditional or ``+`` when both sides are acceptable.

Anything else fails with its place: an f-string, ``"\\n".join(...)``, ``str(exc)``, a ``str``
parameter, an attribute. Names bound to lists that are then filled are accepted as option
containers, since every ``Option(...)`` that fills them is a sink of its own. Notifications
are plain app-wide (``InterviewApp.notify``); ``notify(..., markup=True)`` is flagged.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

UI_DIR = Path(__file__).resolve().parents[2] / "interview_tui" / "ui"

TEXT_SINKS = {"Static", "Label", "Option", "Selection", "DiscoveryHit"}
OPTION_CONTAINER_SINKS = {"SelectionList", "OptionList", "TickList"}
SAFE_BUILDERS = {
    "interview_tui.ui.plain": {"plain", "one_line", "styled"},
    "textual.content": {"Content"},
    "rich.text": {"Text"},
}
TEMPLATE_BUILDERS = {"styled"}
SAFE_CLASS_METHODS = {"assemble", "styled", "from_rich_text"}
SAFE_VALUE_METHODS = {"stylize", "stylize_before", "join", "append", "strip", "rstrip", "lstrip"}
TEXT_TYPES = ("Content", "Text")
NOT_CONTENT_MARKUP = {"Markdown", "ProgressBar"}
FIX = "use plain()/one_line(), or styled('[b]$name[/b]', name=...) from interview_tui.ui.plain"


@dataclass
class Module:
    path: Path
    tree: ast.Module
    builders: set[str] = field(default_factory=set)
    """Names bound in this module to a safe builder (``plain``, ``Content``, ...)."""
    text_classes: set[str] = field(default_factory=set)
    text_functions: set[str] = field(default_factory=set)
    """Functions and methods of this module annotated to return Content or Text."""
    constants: set[str] = field(default_factory=set)
    palette_hit: bool = False

    @classmethod
    def parse(cls, path: Path, source: str) -> Module:
        module = cls(path, ast.parse(source, str(path)))
        for node in ast.walk(module.tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    name = alias.asname or alias.name
                    if alias.name in SAFE_BUILDERS.get(node.module, ()):
                        module.builders.add(name)
                        if alias.name in TEXT_TYPES:
                            module.text_classes.add(name)
                    if node.module == "textual.command" and alias.name == "Hit":
                        module.palette_hit = True
            elif (
                isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
                and node.returns is not None
                and _mentions_text_type(node.returns)
            ):
                module.text_functions.add(node.name)
        for node in module.tree.body:
            if isinstance(node, ast.Assign) and _is_constant_text(node.value):
                module.constants.update(t.id for t in node.targets if isinstance(t, ast.Name))
        return module

    @classmethod
    def read(cls, path: Path) -> Module:
        return cls.parse(path, path.read_text(encoding="utf-8"))


def _mentions_text_type(annotation: ast.expr) -> bool:
    source = ast.unparse(annotation)
    return any(name in source.replace("[", " ").replace("|", " ").split() for name in TEXT_TYPES)


def _is_constant_text(node: ast.expr) -> bool:
    """Markup the code wrote: a str constant, or constants joined by ``+`` or a condition."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return not any(isinstance(v, ast.FormattedValue) for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_constant_text(node.left) and _is_constant_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_constant_text(node.body) and _is_constant_text(node.orelse)
    return False


def _callee(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


class Checker:
    def __init__(self, module: Module) -> None:
        self.module = module
        self.problems: list[str] = []

    # -- what is acceptable at a sink ------------------------------------------------------

    def safe(
        self, node: ast.expr, scope: ast.AST | None, seen: frozenset[str] = frozenset()
    ) -> bool:
        module = self.module
        if _is_constant_text(node):
            return True
        if isinstance(node, ast.IfExp):
            return self.safe(node.body, scope, seen) and self.safe(node.orelse, scope, seen)
        if isinstance(node, ast.BoolOp):
            return all(self.safe(value, scope, seen) for value in node.values)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            return self.safe(node.left, scope, seen) and self.safe(node.right, scope, seen)
        if isinstance(node, ast.Name):
            return node.id in module.constants or self._safe_name(node.id, scope, seen)
        if isinstance(node, ast.Call):
            return self._safe_call(node, scope, seen)
        return False

    def _safe_call(self, call: ast.Call, scope: ast.AST | None, seen: frozenset[str]) -> bool:
        module = self.module
        func = call.func
        if isinstance(func, ast.Name):
            if func.id in TEMPLATE_BUILDERS & module.builders:
                return bool(call.args) and _is_constant_text(call.args[0])
            return func.id in module.builders or func.id in module.text_functions
        if not isinstance(func, ast.Attribute):
            return False
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in module.text_classes:
            if func.attr == "from_markup":
                return bool(call.args) and _is_constant_text(call.args[0])
            return func.attr in SAFE_CLASS_METHODS
        if func.attr in SAFE_VALUE_METHODS:
            # A method of Content or Text, not of a str ("\n".join(...) is a str).
            return not _is_constant_text(owner) and self.safe(owner, scope, seen)
        # ``self._row(...)``: a method of this module typed to return Content or Text.
        return (
            isinstance(owner, ast.Name)
            and owner.id in ("self", "cls")
            and func.attr in module.text_functions
        )

    def _safe_name(self, name: str, scope: ast.AST | None, seen: frozenset[str]) -> bool:
        if scope is None or name in seen:
            return False
        seen = seen | {name}
        if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
            arguments = scope.args
            for arg in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]:
                if arg.arg == name:
                    return arg.annotation is not None and _mentions_text_type(arg.annotation)
        values: list[ast.expr | None] = []
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign):
                if any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                    values.append(node.value)
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                if isinstance(node.target, ast.Name) and node.target.id == name:
                    values.append(node.value)
            elif isinstance(node, ast.For | ast.comprehension | ast.withitem):
                target = node.optional_vars if isinstance(node, ast.withitem) else node.target
                if target is not None and any(
                    isinstance(t, ast.Name) and t.id == name for t in ast.walk(target)
                ):
                    values.append(None)  # a loop or with target: not provably text
        return bool(values) and all(v is not None and self.safe(v, scope, seen) for v in values)

    # -- the sinks -------------------------------------------------------------------------

    def flag(self, node: ast.AST, what: str) -> None:
        where = f"{self.module.path.relative_to(UI_DIR.parent.parent)}:{node.lineno}"
        self.problems.append(f"{where}: {what}: {ast.unparse(node)}")

    def check_text(self, node: ast.expr, scope: ast.AST | None, sink: str) -> None:
        if not self.safe(node, scope):
            self.flag(node, f"{sink} gets text that may be read as markup ({FIX})")

    def check_option(self, node: ast.expr, scope: ast.AST | None, sink: str) -> None:
        if isinstance(node, ast.Tuple) and node.elts:
            self.check_text(node.elts[0], scope, sink)
        elif isinstance(node, ast.Call) and _callee(node) in TEXT_SINKS:
            return  # checked as a sink of its own
        else:
            self.check_text(node, scope, sink)

    def check_options(self, node: ast.expr, scope: ast.AST | None, sink: str) -> None:
        if isinstance(node, ast.Starred):
            self.check_options(node.value, scope, sink)
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            for element in node.elts:
                self.check_option(element, scope, sink)
        elif isinstance(node, ast.ListComp | ast.GeneratorExp | ast.SetComp):
            self.check_option(node.elt, scope, sink)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            self.check_options(node.left, scope, sink)
            self.check_options(node.right, scope, sink)
        elif isinstance(node, ast.Name):
            return  # a list filled elsewhere: the Option(...) calls that fill it are sinks
        else:
            self.flag(node, f"{sink} gets options this test cannot follow")

    def _receiver_shows_markup(self, receiver: ast.expr, scope: ast.AST | None) -> bool:
        """False when ``receiver`` is plainly a Markdown widget or a progress bar."""
        if isinstance(receiver, ast.Name) and scope is not None:
            for node in ast.walk(scope):
                if isinstance(node, ast.Assign) and any(
                    isinstance(t, ast.Name) and t.id == receiver.id for t in node.targets
                ):
                    return self._receiver_shows_markup(node.value, None)
        if isinstance(receiver, ast.Call) and _callee(receiver) in ("query_one", "query"):
            names = {a.id for a in receiver.args if isinstance(a, ast.Name)}
            return not names & NOT_CONTENT_MARKUP
        return True

    def check_call(self, call: ast.Call, scope: ast.AST | None) -> None:
        name = _callee(call)
        func = call.func
        if name in TEXT_SINKS and call.args:
            self.check_text(call.args[0], scope, f"{name}()")
        elif name == "Hit" and self.module.palette_hit and len(call.args) > 1:
            self.check_text(call.args[1], scope, "Hit()")
        elif name in OPTION_CONTAINER_SINKS:
            for arg in call.args:
                self.check_options(arg, scope, f"{name}()")
        elif isinstance(func, ast.Attribute) and call.args:
            receiver = func.value
            if name == "update" and not isinstance(call.args[0], ast.Dict | ast.DictComp):
                if self._receiver_shows_markup(receiver, scope):
                    self.check_text(call.args[0], scope, ".update()")
            elif name == "add_option":
                self.check_option(call.args[0], scope, ".add_option()")
            elif name in ("add_options", "set_options"):
                self.check_options(call.args[0], scope, f".{name}()")
        if name == "notify":
            for keyword in call.keywords:
                if keyword.arg == "markup" and not (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                ):
                    self.flag(call, "notify(markup=...) has no effect: notifications are plain")

    def run(self) -> list[str]:
        scopes: dict[ast.AST, ast.AST | None] = {}

        def visit(node: ast.AST, scope: ast.AST | None) -> None:
            for child in ast.iter_child_nodes(node):
                inner = (
                    child if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef) else scope
                )
                scopes[child] = inner
                visit(child, inner)

        visit(self.module.tree, None)
        for node, scope in scopes.items():
            if isinstance(node, ast.Call):
                self.check_call(node, scope)
        return self.problems


def problems_in(source: str) -> list[str]:
    return Checker(Module.parse(UI_DIR / "example.py", source)).run()


def ui_modules() -> list[Path]:
    return sorted(UI_DIR.rglob("*.py"))


def test_the_scan_reads_every_ui_module() -> None:
    names = {path.relative_to(UI_DIR).as_posix() for path in ui_modules()}
    assert {"app.py", "plain.py", "screens/start.py", "widgets/agenda_list.py"} <= names


@pytest.mark.parametrize("path", ui_modules(), ids=lambda p: p.relative_to(UI_DIR).as_posix())
def test_no_widget_gets_text_it_would_read_as_markup(path: Path) -> None:
    assert Checker(Module.read(path)).run() == []


# -- the scan itself: it finds what it is meant to find ----------------------------------------

HEADER = """
from rich.text import Text
from textual.content import Content
from textual.widgets import Label, Static
from textual.widgets.option_list import Option
from interview_tui.display_text import one_line as one_line_str
from interview_tui.ui.plain import one_line, plain, styled
"""

RISKY = {
    "an f-string": 'Static(f"[b]{name}[/b]")',
    "a str parameter": "def show(w, name: str):\n    w.update(name)",
    "an exception's text": "def show(w, exc):\n    w.update(str(exc))",
    "lines joined": 'w.update("\\n".join(lines))',
    "a concatenation": 'Option("• " + name)',
    "an attribute": "Label(self.title_text)",
    "a list item": "w.update(self._texts[0])",
    "a loop variable": "for label in labels:\n    Label(label)",
    "a str one_line": "Option(one_line_str(name))",
    "a template that is not a constant": 'w.update(styled(f"[b]{name}[/b]"))',
    "Content.from_markup of built text": 'w.update(Content.from_markup(f"{name}"))',
    "a prompt tuple": "selection.add_option((name, name, True))",
    "options in a comprehension": "select.set_options([(c, c) for c in categories])",
    "notify with markup": 'self.notify("x", markup=True)',
    "a local built from text": "def f(w, name):\n    label = name + '!'\n    w.update(label)",
    "a method returning str": "def row(self) -> str:\n    ...\n"
    "def f(self, w):\n    w.update(self.row())",
}

SAFE = {
    "a constant with markup": 'Static("[b]Your own question[/b]")',
    "constants chosen": 'w.update("[dim]none[/dim]" if empty else "Done")',
    "plain text": 'w.update(plain(f"{count} of {total}"))',
    "one line": 'Option(one_line(f"{when}  {label}"))',
    "a constant template": 'w.update(styled("[b]$name[/b] · $n min", name=name, n=n))',
    "Content and Text": 'Option(Content(name)); Option(Text(name, style="dim"))',
    "assembled": "w.update(Content.assemble(plain(a), '\\n', one_line(b)))",
    "joined Content": 'w.update(Content("\\n").join(lines) if lines else "[dim]none[/dim]")',
    "a local of Content": "def f(w, name):\n    row = one_line(name)\n    row += plain('!')\n"
    "    w.update(row)",
    "a parameter typed Content": "def f(w, label: Content):\n    w.update(label)",
    "a method returning Text": "def row(self) -> Text:\n    ...\ndef f(self, w):\n"
    "    Option(self.row())",
    "prompt tuples of Content": "select.set_options([('all', ALL)] + [(Text(c), c) for c in cs])",
    "a Markdown page": 'self.query_one("#page", Markdown).update(page)',
    "a progress bar": "bar = self.query_one(ProgressBar)\nbar.update(total=3)",
    "plain notifications": 'self.notify(f"Saved: {title}")',
}


@pytest.mark.parametrize("code", RISKY.values(), ids=RISKY.keys())
def test_the_scan_flags_text_that_would_be_read_as_markup(code: str) -> None:
    assert problems_in(HEADER + code), code


@pytest.mark.parametrize("code", SAFE.values(), ids=SAFE.keys())
def test_the_scan_accepts_code_written_markup_and_plain_text(code: str) -> None:
    assert problems_in(HEADER + code) == []
