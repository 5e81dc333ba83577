"""Schemas from the tables the operations reached: identical tables merged into one schema,
every schema given a readable, unique name, and provisional references renamed."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable

from ..model.api import Field, Operation, Schema, Shape
from .context import LinkContext, TableKey, ref_key, table_ref


def name_schemas(ctx: LinkContext) -> tuple[list[Schema], dict[str, str]]:
    """One schema per distinct table content (the first table of each keeps its place); a
    name is the table's hint, prefixed by its owning operation where several distinct tables
    want one name, numbered where still taken. Returns the schemas sorted by name and the
    provisional reference → name map."""
    identities: dict[TableKey, str] = {}
    for key in ctx.order:
        _identity(ctx, key, identities, set())
    first: dict[str, TableKey] = {}
    for key in ctx.order:
        first.setdefault(identities[key], key)
    by_base: dict[str, list[str]] = defaultdict(list)
    for identity, key in first.items():
        by_base[ctx.hints[key]].append(identity)
    names: dict[str, str] = {}
    taken: set[str] = set()
    for base, identities_of_base in by_base.items():
        for identity in identities_of_base:
            top_level = re.search(r"(Request|Response)(\d{3})?\d*$", base)
            name = base if len(identities_of_base) == 1 or top_level else ctx.owner[first[identity]] + base
            candidate, n = name, 2
            while candidate in taken:
                candidate, n = f"{name}{n}", n + 1
            taken.add(candidate)
            names[identity] = candidate
    rename = {table_ref(k): names[identities[k]] for k in ctx.order}
    schemas = []
    for identity, key in first.items():
        page, table = ctx.pages[key[0]], ctx.pages[key[0]].tables[key[1]]
        fields = tuple(rename_field(f, rename) for f in ctx.fields[key])
        schemas.append(Schema(names[identity], table.caption, fields, f"{page.file}:{table.line}"))
    schemas.sort(key=lambda s: s.name)
    return schemas, rename


def _identity(ctx: LinkContext, key: TableKey, done: dict[TableKey, str], active: set[TableKey]) -> str:
    """What makes two tables one schema: a hash of their fields' canonical form, with nested
    tables by their own identity (so linear in the size of the tables, however deep the
    nesting) and a link back into a table being hashed as ``cycle:<hint>``. A body's name
    (``XRequest``, ``XResponse404``) is part of it: bodies of different operations stay apart."""
    if key in done:
        return done[key]
    if key in active:
        return f"cycle:{ctx.hints[key]}"
    active.add(key)
    hint = ctx.hints[key]
    parts = [hint if hint.endswith(("Request", "Response")) or re.search(r"Response\d{3}$", hint) else ""]
    for field in ctx.fields[key]:
        shape = map_refs(field.shape, lambda ref: _identity(ctx, ref_key(ref), done, active))
        parts.append(repr((field.name, shape, field.required, field.description, field.enum,
                           field.default, field.minimum, field.maximum)))
    active.discard(key)
    done[key] = "sha256:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return done[key]


def map_refs(shape: Shape, fn: Callable[[str], str]) -> Shape:
    """The shape with every schema reference passed through ``fn`` (equal union options
    after mapping collapse into one)."""
    items = map_refs(shape.items, fn) if shape.items is not None else None
    ref = fn(shape.ref) if shape.ref is not None else None
    options = tuple(dict.fromkeys(map_refs(o, fn) for o in shape.options))
    if len(options) == 1:
        return options[0]
    if (items is shape.items and ref == shape.ref and len(options) == len(shape.options)
            and all(new is old for new, old in zip(options, shape.options))):
        return shape  # nothing to map
    return dataclasses.replace(shape, items=items, ref=ref, options=options)


def reachable_schemas(shapes: Iterable[Shape | None], schemas: dict[str, Schema]) -> list[Schema]:
    """The schemas that ``shapes`` reach through references, items and alternatives."""
    found: dict[str, Schema] = {}
    todo = [shape for shape in shapes if shape is not None]
    while todo:
        current = todo.pop()
        if current.kind == "ref" and current.ref in schemas and current.ref not in found:
            schema = found[current.ref] = schemas[current.ref]
            todo += [f.shape for f in schema.fields]
        todo += [s for s in (current.items, *current.options) if s]
    return list(found.values())


def rename_field(field: Field, rename: dict[str, str]) -> Field:
    """The field with its provisional references replaced by schema names."""
    return dataclasses.replace(field, shape=map_refs(field.shape, rename.__getitem__))


def rename_operation(op: Operation, rename: dict[str, str]) -> Operation:
    """The operation with its provisional references replaced by schema names."""
    def shape(s: Shape | None) -> Shape | None:
        return map_refs(s, rename.__getitem__) if s is not None else None

    return dataclasses.replace(
        op,
        parameters=tuple(rename_field(p, rename) for p in op.parameters),
        request_body=shape(op.request_body),
        responses=tuple(dataclasses.replace(r, body=shape(r.body),
                                            headers=tuple(rename_field(h, rename) for h in r.headers))
                        for r in op.responses),
    )
