"""Python source formatting: black for rendered modules, datamodel-code-generator for models.

black is most of the Python client's cost, and a docs edit changes a few methods or models
of a module, not all of them. So a module is formatted piecewise where black treats the
pieces independently — each top-level class or function after another, each method after
another — and a piece already formatted in an earlier run (``memo``: raw piece → formatted)
is not formatted again. The pieces are joined with the blank lines black puts between them,
so the text is black's own for the whole module (tests/test_format.py checks it).
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from ..memo import Memo

_DEFS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
#: black's default line length
LINE_LENGTH = 88
_WRAPPER = "class _:\n"


def _mode():
    import black

    return black.Mode(target_versions={black.TargetVersion.PY311})


def format_python(source: str, memo: Memo | None = None) -> str:
    """``source`` formatted by black (raises ``black.InvalidInput`` on a syntax error).

    With ``memo``, pieces it knows are not formatted again, and the pieces formatted are
    added to it.
    """
    import black

    mode = _mode()
    try:
        pieces = _pieces(source)
    except SyntaxError:
        return black.format_str(source, mode=mode)
    out = []
    for i, (raw, depth) in enumerate(pieces):
        text = raw.rstrip() + "\n"  # black drops trailing blank lines; without them black can stop after one pass
        key = hashlib.sha256(f"{depth}\0{text}".encode()).hexdigest()
        formatted = memo.get(key) if memo is not None else None
        if formatted is None:
            if depth:
                formatted = black.format_str(_WRAPPER + text, mode=mode)[len(_WRAPPER):]
            else:
                formatted = black.format_str(text, mode=mode)
            if memo is not None:
                memo.put(key, formatted)
        if i:
            out.append("\n" if depth else "\n\n")
        out.append(formatted)
    return "".join(out)


def def_params(head: str, params: list[str | Parameter], tail: str) -> str:
    """The parameters of a ``def`` laid out as black lays them out, so that black has
    nothing left to change (it formats them in any case): ``head`` is the line up to the
    ``(``, its indent included, ``tail`` the rest from the ``)``. One line when the ``def``
    fits; else the parameters on a line of their own, or one per line with a trailing comma
    (a parameter too long for its line split in turn, see :class:`Parameter`)."""
    one = ", ".join(map(str, params))
    if len(head) + len(one) + len(tail) <= LINE_LENGTH:
        return one
    indent = " " * (len(head) - len(head.lstrip()))
    if len(indent) + 4 + len(one) <= LINE_LENGTH:
        return f"\n{indent}    {one}\n{indent}"
    return "".join("\n" + _parameter(p, len(indent) + 4) for p in params) + f"\n{indent}"


@dataclass(frozen=True)
class Parameter:
    """``name: annotation``, or with ``optional`` ``name: annotation | None = None``."""

    name: str
    annotation: Expression
    optional: bool = False

    def __str__(self) -> str:
        return f"{self.name}: {_flat(self.annotation)}" + (" | None = None" if self.optional else "")


def _parameter(param: str | Parameter, indent: int) -> str:
    """One parameter line (with its comma) of a ``def`` split one per line. Too long, black
    splits a required parameter's annotation at its last bracket, and puts an optional one's
    in parentheses, ``| None`` on a line of its own where the whole does not fit there."""
    pad = " " * indent
    line = f"{pad}{param},"
    if _fits(line) or not isinstance(param, Parameter) or not line.isascii():
        return line
    if not param.optional:
        lines = _layout(param.annotation, indent, f"{param.name}: ", ",")
        return "\n".join(lines) if lines else line
    together = f"{pad}    {_flat(param.annotation)} | None"
    if _fits(together):
        inner = [together]
    elif (split := _layout(param.annotation, indent + 4, "", "")) is not None:
        inner = [*split, f"{pad}    | None"]
    else:
        return line
    return "\n".join([f"{pad}{param.name}: (", *inner, f"{pad}) = None,"])


@dataclass(frozen=True)
class Call:
    """``head`` (up to and with its ``(`` or ``[``), the arguments, the closing bracket: a
    call or a subscript to lay out as black does."""

    head: str
    args: tuple[Expression, ...]

    @property
    def closing(self) -> str:
        return ")" if self.head.endswith("(") else "]"


@dataclass(frozen=True)
class DictDisplay:
    """``{key: value, ...}``, each item's text whole."""

    items: tuple[str, ...]


#: What :func:`argument` lays out: a text black cannot split (a name, a literal), a call or a dict.
Expression = str | Call | DictDisplay


def argument(value: Expression, indent: int, prefix: str = "", suffix: str = ",") -> str:
    """``value`` as one argument line of an exploded call laid out as black lays it out (so
    that black has nothing left to change): the line is ``indent`` spaces, ``prefix``, the
    value, ``suffix``; the text returned goes between ``prefix`` and ``suffix``.

    Black keeps the line whole when it fits; else it splits at the value's last bracket:
    a call's arguments go on one line of their own, or one per line with a trailing comma
    (a lone argument split in turn); a dict's items one per line, with a trailing comma when
    there are two or more. Where black would go further (a line that still does not fit,
    a character of another width), the value is left on one line, for black to lay out."""
    flat = _flat(value)
    lines = _layout(value, indent, prefix, suffix) if f"{prefix}{flat}{suffix}".isascii() else None
    if lines is None:
        return flat
    text = "\n".join(lines)
    return text[indent + len(prefix): len(text) - len(suffix)]


def _layout(value: Expression, indent: int, prefix: str, suffix: str) -> list[str] | None:
    pad = " " * indent
    whole = f"{pad}{prefix}{_flat(value)}{suffix}"
    if _fits(whole):
        return [whole]
    if isinstance(value, str):
        return [whole] if _UNSPLITTABLE.fullmatch(value) else None
    opening, elements, closing = ((value.head, value.args, value.closing) if isinstance(value, Call)
                                  else ("{", value.items, "}"))
    if not _fits(f"{pad}{prefix}{opening}"):
        return None
    inner = " " * (indent + 4)
    together = inner + ", ".join(_flat(e) for e in elements)
    if isinstance(value, Call) and _fits(together):
        body: list[str] | None = [together]
    elif len(elements) == 1:
        body = _layout(elements[0], indent + 4, "", "")
    else:
        body = []
        for element in elements:
            lines = _layout(element, indent + 4, "", ",")
            if lines is None:
                return None
            body += lines
    if not body:
        return None
    return [f"{pad}{prefix}{opening}", *body, f"{pad}{closing}{suffix}"]


#: A string literal, a name, a dict item of both or a keyword argument: black leaves a line
#: of one as it is.
_UNSPLITTABLE = re.compile(r'(?:"(?:[^"\\\n]|\\.)*"|[A-Za-z_]\w*)(?:: [A-Za-z_]\w*)?|[A-Za-z_]\w*=[A-Za-z_]\w*')


def _flat(value: Expression) -> str:
    if isinstance(value, Call):
        return value.head + ", ".join(_flat(a) for a in value.args) + value.closing
    if isinstance(value, DictDisplay):
        return "{" + ", ".join(value.items) + "}"
    return value


def _fits(line: str) -> bool:
    return len(line) <= LINE_LENGTH


def _pieces(source: str) -> list[tuple[str, int]]:
    """``(raw text, depth)`` of each piece: depth 0 a run of top-level statements, depth 1 a
    method. A piece starts only where black's blank lines before it do not depend on what
    came before: a class or function (not a stub, no comment above it) after another."""
    lines = source.splitlines(keepends=True)
    cuts = [(0, 0)]
    body = ast.parse(source).body
    for prev, node in zip(body, body[1:]):
        if _independent(prev, node, lines):
            cuts.append((_start(node), 0))
    for node in body:
        if isinstance(node, ast.ClassDef):
            for prev, item in zip(node.body, node.body[1:]):
                if _independent(prev, item, lines) and not isinstance(item, ast.ClassDef):
                    cuts.append((_start(item), 1))
    cuts.sort()
    ends = [start for start, _ in cuts[1:]] + [len(lines)]
    return [("".join(lines[start:end]), depth) for (start, depth), end in zip(cuts, ends)]


def _independent(prev: ast.stmt, node: ast.stmt, lines: list[str]) -> bool:
    """Whether black's blank lines before ``node`` are fixed: both are non-stub
    definitions and only blank lines lie between them."""
    if not (isinstance(prev, _DEFS) and isinstance(node, _DEFS)) or _stub(prev) or _stub(node):
        return False
    assert prev.end_lineno is not None
    return all(not line.strip() for line in lines[prev.end_lineno:_start(node)])


def _start(node: ast.stmt) -> int:
    """The 0-based first line of ``node``, its decorators included."""
    return min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))]) - 1


def _stub(node: ast.stmt) -> bool:
    """A definition whose body is a single ``...`` or on its header line (black may keep
    such definitions together)."""
    body = getattr(node, "body", [])
    return (len(body) == 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
            and body[0].value.value is Ellipsis) or (bool(body) and body[0].lineno == node.lineno)


def pydantic_models(openapi_text: str, header: str, aliases: dict[str, str], memo: Memo | None = None) -> str:
    """The pydantic v2 models module of the component schemas in an OpenAPI document.

    Deterministic: no timestamp, schema order kept, formatting independent of the working
    folder's settings (isort's defaults, then black as :func:`format_python`); fields keep
    their wire names as aliases and accept the Python names too (``populate_by_name``);
    ``aliases`` renames fields (wire name → Python name). With ``memo``, a module made from
    the same input before is not made again: a docs edit that leaves the schemas as they were
    (an operation's text, a parameter) costs no datamodel-code-generator run.
    """
    if memo is None:
        return _pydantic_models(openapi_text, header, aliases, None)
    entry = hashlib.sha256(json.dumps(["models", openapi_text, header, aliases], sort_keys=True).encode()).hexdigest()
    if (known := memo.get(entry)) is not None:
        for piece in json.loads(memo.get(entry + ".pieces") or "[]"):
            memo.get(piece)  # kept for the next run, where the schemas may have changed
        return known
    before = set(memo.used)
    text = _pydantic_models(openapi_text, header, aliases, memo)
    memo.put(entry, text)
    memo.put(entry + ".pieces", json.dumps(sorted(set(memo.used) - before)))
    return text


def _pydantic_models(openapi_text: str, header: str, aliases: dict[str, str], memo: Memo | None) -> str:
    import isort
    from datamodel_code_generator import DataModelType, InputFileType, PythonVersion, generate

    with tempfile.TemporaryDirectory(prefix="docbind-models-") as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # its own use of pydantic v1 APIs
        out = Path(tmp) / "models.py"
        generate(
            openapi_text,
            input_file_type=InputFileType.OpenAPI,
            output=out,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            custom_file_header=header,
            aliases=aliases,
            disable_timestamp=True,
            allow_population_by_field_name=True,
            use_standard_collections=True,
            use_union_operator=True,
            use_annotated=True,
            field_constraints=True,
            use_field_description=True,
            use_double_quotes=True,
            keep_model_order=True,
            formatters=[],
        )
        if not out.exists():
            return header + "\n"
        text = out.read_text(encoding="utf-8")
    # datamodel-code-generator writes the header, a blank line and the body it would format.
    body = text[len(header) + 2:]
    return f"{header}\n\n{format_python(isort.code(body, config=isort.Config()), memo).rstrip()}\n"
