"""``docbind compare A B``: how two renderings of the same operations differ.

Each side is one page (of any format) or a folder of pages (a service folder, or a docs
folder of services). Pages are read and linked as the generator does, operations are
matched by method and path (path parameter names ignored; two single pages are compared
even when their paths differ), and for each pair the parameters and every body position
(``tasks[].config.name``) are compared: added or removed, type, required flag, value list,
description (ignoring emphasis and spacing), and for objects the table caption and row
count. Every difference cites both sides' ``file:line``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path

from ..link.build import link_service
from ..model.api import Field, Operation, Schema, Shape
from ..parse.formats import PAGE_PATTERNS, read_page
from ..pipeline import discover, parse_pages

#: What a difference is about, in the order they are listed.
KINDS = ("operation-only-in-a", "operation-only-in-b", "path", "title", "status-only-in-a", "status-only-in-b",
         "field-only-in-a", "field-only-in-b", "type", "required", "values", "description", "caption", "rows")


@dataclass(frozen=True)
class Difference:
    """One difference: ``target`` names the parameter or body position, ``a``/``b`` cite the
    rows (or tables, operations) on each side, empty where a side has none."""

    operation: str
    kind: str
    target: str
    detail: str
    a: str
    b: str

    def format(self) -> str:
        sides = "  ".join(f"{side}: {where}" for side, where in (("A", self.a), ("B", self.b)) if where)
        target = f"{self.target}: " if self.target else ""
        return f"  {self.kind:<20} {target}{self.detail}  [{sides}]"


@dataclass(frozen=True)
class _Position:
    """What a rendering says about one parameter or body position."""

    type: str
    required: bool | None
    values: tuple[str, ...]
    description: str
    source: str
    caption: str | None = None
    rows: int | None = None


@dataclass(frozen=True)
class Documented:
    """An operation with the schemas of its service, which its shapes name."""

    op: Operation
    schemas: dict[str, Schema]


def load_operations(path: Path) -> list[Documented]:
    """The operations documented by a page, a service folder or a docs folder."""
    if path.is_file():
        groups = [[read_page(path.read_bytes(), path.as_posix())]]
    elif path.is_dir():
        path = path.resolve()
        own = any(p for pattern in PAGE_PATTERNS for p in path.glob(pattern))
        folders = [sorted({p for pattern in PAGE_PATTERNS for p in path.rglob(pattern)})] if own else \
            list(discover(path).values())
        # cited as <folder's parent name>/<path below it>: corpus/modelarts/… vs html/modelarts/…
        groups = [parse_pages(files, path.parent) for files in folders]
    else:
        raise ValueError(f"{path} does not exist")
    operations: list[Documented] = []
    for number, pages in enumerate(groups):
        service = link_service(f"side{number}", pages).service
        schemas = {s.name: s for s in service.schemas}
        operations.extend(Documented(op, schemas) for op in service.operations)
    return operations


def compare(a: list[Documented], b: list[Documented]) -> list[Difference]:
    """Differences between two sets of operations, matched by method and path."""
    if len(a) == 1 and len(b) == 1:
        return _operation(a[0], b[0])
    by_key_b = {_key(d.op): d for d in b}
    keys_a = {_key(d.op) for d in a}
    found: list[Difference] = []
    for documented in a:
        other = by_key_b.get(_key(documented.op))
        if other is None:
            found.append(Difference(_name(documented.op), "operation-only-in-a", "",
                                    "no operation with this method and path in B", documented.op.source, ""))
        else:
            found.extend(_operation(documented, other))
    found.extend(Difference(_name(d.op), "operation-only-in-b", "", "no operation with this method and path in A",
                            "", d.op.source) for d in b if _key(d.op) not in keys_a)
    return found


def _operation(side_a: Documented, side_b: Documented) -> list[Difference]:
    a, b = side_a.op, side_b.op
    name = _name(a)
    found: list[Difference] = []
    if _key(a) != _key(b):
        found.append(Difference(name, "path", "", f"{_name(a)} vs {_name(b)}", a.source, b.source))
    if _words(a.summary) != _words(b.summary):
        found.append(Difference(name, "title", "", f"{a.summary!r} vs {b.summary!r}", a.source, b.source))
    found += _positions(name, _parameters(a), _parameters(b))
    found += _positions(name, _body(side_a, "request", a.request_body), _body(side_b, "request", b.request_body))
    statuses_a = {r.status: r for r in a.responses}
    statuses_b = {r.status: r for r in b.responses}
    for status in sorted(statuses_a.keys() | statuses_b.keys()):
        ra, rb = statuses_a.get(status), statuses_b.get(status)
        if ra is None or rb is None:
            kind = "status-only-in-a" if rb is None else "status-only-in-b"
            found.append(Difference(name, kind, f"response {status}", "status documented on one side only",
                                    a.source if rb is None else "", b.source if ra is None else ""))
            continue
        where = f"response {status}"
        found += _positions(name, _body(side_a, where, ra.body), _body(side_b, where, rb.body))
    return found


def _positions(name: str, a: dict[str, _Position], b: dict[str, _Position]) -> list[Difference]:
    found: list[Difference] = []
    for target in sorted(a.keys() | b.keys(), key=lambda t: (t.split(" ", 2)[:2], t)):
        pa, pb = a.get(target), b.get(target)
        if pa is None or pb is None:
            kind = "field-only-in-a" if pb is None else "field-only-in-b"
            here = pa or pb
            found.append(Difference(name, kind, target, f"{here.type} documented on one side only",
                                    pa.source if pa else "", pb.source if pb else ""))
            continue

        def differ(kind: str, detail: str) -> None:
            found.append(Difference(name, kind, target, detail, pa.source, pb.source))

        if pa.type != pb.type:
            differ("type", f"{pa.type} vs {pb.type}")
        if pa.required != pb.required and None not in (pa.required, pb.required):
            differ("required", f"{_required(pa.required)} vs {_required(pb.required)}")
        if pa.values != pb.values:
            differ("values", f"{list(pa.values)} vs {list(pb.values)}")
        if _words(pa.description) != _words(pb.description):
            differ("description", f"{_quote(pa.description)} vs {_quote(pb.description)}")
        if pa.caption is not None and pb.caption is not None and _words(pa.caption) != _words(pb.caption):
            differ("caption", f"{pa.caption!r} vs {pb.caption!r}")
        if pa.rows is not None and pb.rows is not None and pa.rows != pb.rows:
            differ("rows", f"{pa.rows} vs {pb.rows} rows")
    return found


def _parameters(op: Operation) -> dict[str, _Position]:
    return {f"{p.location} {p.name}": _field_position(p) for p in op.parameters}


def _body(side: Documented, where: str, shape: Shape | None) -> dict[str, _Position]:
    """Every position under a body: the body itself as ``<where> body``, fields by dotted path.
    A position no row documents (a free-form body, array items) cites the operation."""
    found: dict[str, _Position] = {}
    if shape is not None:
        _walk(shape, side.schemas, where, "", None, found, (), side.op.source)
    return found


def _walk(shape: Shape, schemas: dict[str, Schema], where: str, path: str, field: Field | None,
          found: dict[str, _Position], entered: tuple[str, ...], source: str) -> None:
    target = f"{where} {path}" if path else f"{where} body"
    schema = schemas.get(shape.ref or "") if shape.kind == "ref" else None
    base = _field_position(field) if field is not None else _Position(_type(shape), None, (), "", "")
    source = base.source or (schema.source if schema is not None else source)
    base = _Position(base.type, base.required, base.values, base.description, source)
    if schema is not None:
        found[target] = _Position(base.type, base.required, base.values, base.description, source,
                                  schema.title, len(schema.fields))
        if schema.name in entered:
            return
        for child in schema.fields:
            _walk(child.shape, schemas, where, f"{path}.{child.name}" if path else child.name, child, found,
                  entered + (schema.name,), source)
        return
    found[target] = base
    if shape.kind in ("array", "map") and shape.items is not None:
        suffix = "[]" if shape.kind == "array" else "{}"
        _walk(shape.items, schemas, where, path + suffix, None, found, entered, source)
    for index, option in enumerate(shape.options, 1):
        _walk(option, schemas, where, f"{path}<{index}>", None, found, entered, source)


def _field_position(field: Field) -> _Position:
    return _Position(_type(field.shape), field.required, tuple(str(v) for v in field.enum), field.description,
                     field.source)


def _type(shape: Shape) -> str:
    if shape.kind == "ref":
        return "object"
    if shape.kind in ("array", "map"):
        return f"{shape.kind} of {_type(shape.items)}" if shape.items is not None else shape.kind
    if shape.kind == "union":
        return " | ".join(_type(o) for o in shape.options)
    return f"{shape.kind} ({shape.format})" if shape.format else shape.kind


def _key(op: Operation) -> tuple[str, str]:
    return op.method, re.sub(r"\{[^}]*\}", "{}", op.path.rstrip("/")) or "/"


def _name(op: Operation) -> str:
    return f"{op.method} {op.path}"


def _words(text: str) -> str:
    """Text without emphasis and code marks, spacing collapsed: what a reader sees."""
    return " ".join(re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)|`", "", text).split())


def _quote(text: str, limit: int = 160) -> str:
    text = _words(text)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


def _required(value: bool | None) -> str:
    return "required" if value else "optional"


def render(differences: list[Difference], a: list[Documented], b: list[Documented], fmt: str = "text",
           summary: bool = False) -> str:
    """The differences as text (grouped by operation, with a count per kind) or JSON."""
    counts = Counter(d.kind for d in differences)
    matched = len(a) if len(a) == 1 and len(b) == 1 else len({_key(d.op) for d in a} & {_key(d.op) for d in b})
    if fmt == "json":
        return json.dumps({"operations": {"a": len(a), "b": len(b), "matched": matched},
                           "summary": {k: counts[k] for k in KINDS if counts[k]},
                           "differences": [asdict(d) for d in differences]}, indent=2, ensure_ascii=False) + "\n"
    lines: list[str] = []
    if not summary:
        current = None
        for d in differences:
            if d.operation != current:
                current = d.operation
                lines.append(d.operation)
            lines.append(d.format())
    per_operation = Counter(d.operation for d in differences if not d.kind.startswith("operation-only"))
    lines.append(f"operations: {len(a)} in A, {len(b)} in B, {matched} matched by method and path, "
                 f"{sum(1 for n in per_operation.values() if n)} of them differ")
    lines.extend(f"  {k:<20} {counts[k]}" for k in KINDS if counts[k])
    if not differences:
        lines.append("no differences")
    return "\n".join(lines) + "\n"
