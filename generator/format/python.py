"""Python source formatting: black for rendered modules, datamodel-code-generator for models.

black is most of the Python client's cost, and a docs edit changes a few methods or models
of a module, not all of them. So a module is formatted piecewise where black treats the
pieces independently — each top-level class or function after another, each method after
another — and a piece already formatted in an earlier run (``memo``: raw piece → formatted)
is not formatted again. The pieces are joined with the blank lines black puts between them,
so the text is black's own for the whole module (tests/test_format.py checks it). A method
that is an earlier one's twin (the asynchronous client's against the synchronous one's) has
black format only its header.
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


def format_python(source: str, memo: Memo | None = None, twins: tuple[tuple[str, str], ...] = ()) -> str:
    """``source`` formatted by black (raises ``black.InvalidInput`` on a syntax error).

    With ``memo``, pieces it knows are not formatted again, and the pieces formatted are
    added to it. ``twins``: pairs of line starts (after the indent), ``(plain, twin)``,
    that black lays out alike — see :func:`_twin_body`; a method whose body is an earlier
    same-named method's, black left as it was, but for lines that start with a twin where
    those start with the plain form, has black format only its header.
    """
    import black

    mode = _mode()
    try:
        pieces = _pieces(source)
    except SyntaxError:
        return black.format_str(source, mode=mode)
    stable: dict[str, list[str]] = {}  # method name → body lines black left as they were
    out = []
    for i, piece in enumerate(pieces):
        text = piece.raw.rstrip() + "\n"  # black drops trailing blank lines; without them black can stop after one pass
        lines = text.splitlines(keepends=True)
        body = lines[piece.header:] if piece.name else []
        formatted = _formatted(text, piece.depth, memo)
        if formatted is None:
            if _twin_body(body, stable.get(piece.name or ""), twins):
                formatted = _formatted_header("".join(lines[:piece.header]), body[0], memo, mode)
                if formatted is not None:
                    formatted += "".join(body)
            if formatted is None:
                formatted = _black(text, piece.depth, mode)
            if memo is not None:
                memo.put(_key(text, piece.depth), formatted)
        if piece.name and piece.name not in stable and formatted == text:
            stable[piece.name] = body
        if i:
            out.append("\n" if piece.depth else "\n\n")
        out.append(formatted)
    return "".join(out)


def _key(text: str, depth: int) -> str:
    return hashlib.sha256(f"{depth}\0{text}".encode()).hexdigest()


def _formatted(text: str, depth: int, memo: Memo | None) -> str | None:
    """The piece as formatted in an earlier run, or None."""
    return memo.get(_key(text, depth)) if memo is not None else None


def _black(text: str, depth: int, mode) -> str:
    import black

    if depth:
        return black.format_str(_WRAPPER + text, mode=mode)[len(_WRAPPER):]
    return black.format_str(text, mode=mode)


def _twin_body(body: list[str], twin: list[str] | None, twins: tuple[tuple[str, str], ...]) -> bool:
    """Whether black leaves the body lines of a method as they are: they are those of
    ``twin`` (an earlier method's, black left as they were), line for line, but where a line
    of ``twin`` starts with a plain form of ``twins`` and this one's with its twin instead.

    Black lays out each logical line on its own, from the line and its depth; the lines of
    a twin pair are laid out alike, by the contract of ``twins`` (the same bracket split,
    the line up to that bracket fitting in both forms), so a body black left as it was is
    left as it was with the twin forms too. Only the header (``def`` line, decorators) may
    differ, and black formats it (:func:`_formatted_header`).
    """
    return bool(body) and twin is not None and len(body) == len(twin) and all(
        line == plain or _twin_line(line, plain, twins) for line, plain in zip(body, twin))


def _twin_line(line: str, plain: str, twins: tuple[tuple[str, str], ...]) -> bool:
    """Whether ``line`` is ``plain`` with a plain form at its start turned twin, both ending
    at the opening bracket black split the statement at, the twin line fitting too."""
    code = plain.lstrip(" ")
    indent = plain[:len(plain) - len(code)]
    return code.endswith("(\n") and _fits(line.rstrip("\n")) and line.isascii() and any(
        code.startswith(form) and line == indent + twin + code[len(form):] for form, twin in twins)


def _formatted_header(header: str, first: str, memo: Memo | None, mode) -> str | None:
    """Black's text of a method header, formatted with a ``pass`` body indented as ``first``
    (the first body line); None if black changes more than the header."""
    indent = first[:len(first) - len(first.lstrip(" "))]
    stub = f"{header}{indent}pass\n"
    formatted = _formatted(stub, 1, memo)
    if formatted is None:
        try:
            formatted = _black(stub, 1, mode)
        except ValueError:  # black.InvalidInput: a header that is no header alone
            return None
        if memo is not None:
            memo.put(_key(stub, 1), formatted)
    if not formatted.endswith(f"\n{indent}pass\n"):
        return None
    return formatted[:-len(f"{indent}pass\n")]


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


@dataclass(frozen=True)
class _Piece:
    """A piece of a module: its raw text, its depth (0 top level, 1 a method), and for a
    method whose body starts on a line of its own, its name and header lines (decorators
    and ``def``)."""

    raw: str
    depth: int
    name: str | None = None
    header: int = 0


def _pieces(source: str) -> list[_Piece]:
    """The pieces of a module: depth 0 a run of top-level statements, depth 1 a method. A
    piece starts only where black's blank lines before it do not depend on what came
    before: a class or function (not a stub, no comment above it) after another."""
    lines = source.splitlines(keepends=True)
    cuts: list[tuple[int, int, ast.stmt | None]] = [(0, 0, None)]
    body = ast.parse(source).body
    for prev, node in zip(body, body[1:]):
        if _independent(prev, node, lines):
            cuts.append((_start(node), 0, None))
    for node in body:
        if isinstance(node, ast.ClassDef):
            for prev, item in zip(node.body, node.body[1:]):
                if _independent(prev, item, lines) and not isinstance(item, ast.ClassDef):
                    cuts.append((_start(item), 1, item))
    cuts.sort(key=lambda cut: cut[0])
    ends = [start for start, _, _ in cuts[1:]] + [len(lines)]
    pieces = []
    for (start, depth, node), end in zip(cuts, ends):
        raw = "".join(lines[start:end])
        first = node.body[0] if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else None
        if first and first.lineno > node.lineno and not lines[first.lineno - 1][:first.col_offset].strip():
            pieces.append(_Piece(raw, depth, node.name, first.lineno - 1 - start))
        else:
            pieces.append(_Piece(raw, depth))
    return pieces


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
