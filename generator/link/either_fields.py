"""Fields a description names as alternatives ("Either **id** or **name** must be
specified", "You can specify either **user.id** or **user.name**"): each may be left out
when the other is given, so neither is required."""

from __future__ import annotations

import dataclasses
import re

from ..model.api import Field, Schema, Service

_EITHER = re.compile(r"\beither\s+\*\*([A-Za-z_][\w.\-]*)\*\*\s*,?\s+or\s+\*\*([A-Za-z_][\w.\-]*)\*\*", re.IGNORECASE)


def either_fields_optional(service: Service) -> Service:
    """The service with both fields of every "either **a** or **b**" pair optional, where both
    name fields (siblings of the row that says it, fields of the row's own object, or dotted
    paths from either: ``user.id``), or one does and the other is a member of the same object
    its table leaves out."""
    schemas = {s.name: s for s in service.schemas}
    optional: set[tuple[str, str]] = set()
    for schema in service.schemas:
        for field in schema.fields:
            for pair in _EITHER.findall(field.description):
                found = [_resolve(name, schema, field, schemas) for name in pair]
                if all(found) or (any(found) and _same_parent(*pair)):
                    optional.update(f for f in found if f is not None)
    if not optional:
        return service

    def relaxed(schema: Schema) -> Schema:
        return dataclasses.replace(schema, fields=tuple(
            dataclasses.replace(f, required=False) if (schema.name, f.name) in optional else f for f in schema.fields))

    return dataclasses.replace(service, schemas=tuple(relaxed(s) for s in service.schemas))


def _resolve(name: str, schema: Schema, row: Field, schemas: dict[str, Schema]) -> tuple[str, str] | None:
    """(schema, field) that ``name`` names from ``row`` of ``schema``: a sibling, a field of the
    row's own object, or a dotted path through an object field."""
    head, _, rest = name.partition(".")
    for start in (schema, schemas.get(_object_of(row) or "")):
        if start is None:
            continue
        fields = {f.name: f for f in start.fields}
        if not rest and head in fields:
            return start.name, head
        if rest and head in fields:
            inner = schemas.get(_object_of(fields[head]) or "")
            if inner is not None and "." not in rest and rest in {f.name for f in inner.fields}:
                return inner.name, rest
    return None


def _same_parent(a: str, b: str) -> bool:
    """Whether two dotted names are members of one object (``user.id``, ``user.name``): where
    the table leaves one out, the other is still only one of two choices."""
    return "." in a and a.rpartition(".")[0] == b.rpartition(".")[0]


def _object_of(field: Field) -> str | None:
    """The schema an object field (or an array of objects) refers to."""
    shape = field.shape
    if shape.kind == "array" and shape.items is not None:
        shape = shape.items
    return shape.ref if shape.kind == "ref" else None
