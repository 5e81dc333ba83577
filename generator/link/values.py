"""Facts typed like their field: integer enums for Integer fields, numeric ranges, string
lengths, defaults; for an array, the value list and lengths belong to its items."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass

from ..model.api import Field, ItemFacts, Service, Shape
from ..model.page import Facts, Page

_SCALARS = ("string", "integer", "number", "boolean")


@dataclass(frozen=True)
class TypedFacts:
    enum: tuple[object, ...]
    default: object
    minimum: int | float | None
    maximum: int | float | None
    min_length: int | None = None
    max_length: int | None = None
    items: ItemFacts | None = None


def typed_facts(facts: Facts, shape: Shape) -> TypedFacts:
    """Convert the text facts to the field's type; facts that do not convert are dropped.

    An array's value list and lengths are facts of its items (typed like them; kept as
    written when the item type is not known, ``Array<Storage type>``)."""
    kind = shape.kind
    if kind == "array":
        item_kind = shape.items.kind if shape.items and shape.items.kind != "any" else "string"
        if item_kind not in _SCALARS or item_kind == "boolean":
            return TypedFacts((), None, None, None)
        item = typed_facts(dataclasses.replace(facts, default=None), Shape(item_kind))
        found = ItemFacts(item.enum, item.minimum, item.maximum, item.min_length, item.max_length)
        return TypedFacts((), None, None, None, items=found if found != ItemFacts() else None)
    if kind not in _SCALARS:
        return TypedFacts((), None, None, None)
    enum: tuple[object, ...] = ()
    if facts.enum and kind != "boolean":
        values = ["" if v == "" and kind == "string" else convert(v, kind) for v in facts.enum]
        if all(v is not None for v in values):
            enum = tuple(values)
    default = convert(facts.default, kind) if facts.default is not None else None
    if enum and default not in enum:
        default = None
    minimum = maximum = None
    if kind in ("integer", "number"):
        minimum = convert(facts.minimum, kind) if facts.minimum is not None else None
        maximum = convert(facts.maximum, kind) if facts.maximum is not None else None
        if minimum is not None and maximum is not None and minimum > maximum:
            minimum = maximum = None
        if default is not None and ((minimum is not None and default < minimum) or
                                    (maximum is not None and default > maximum)):
            default = None
    min_length = max_length = None
    if kind == "string" and not enum:
        min_length = int(facts.min_length) if facts.min_length is not None else None
        max_length = int(facts.max_length) if facts.max_length is not None else None
        if isinstance(default, str) and max_length is not None and len(default) > max_length:
            default = None
    return TypedFacts(enum, default, minimum, maximum, min_length, max_length)


def convert(text: str | None, kind: str) -> object:
    """A value written in the docs as a JSON value of ``kind``; None if it is not one."""
    if text is None:
        return None
    value = _unquoted(text.strip())
    if kind in ("integer", "number") and "," in value:
        value = value.replace(",", "")  # thousands separators: 2,147,483,647
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            number = float(value)
            return int(number) if number.is_integer() and "." not in value else number
    except ValueError:
        return None
    if kind == "boolean":
        return {"true": True, "false": False}.get(value.lower())
    return value if kind == "string" and (value or text.strip()) else None


def with_value_facts(service: Service, pages: list[Page] | tuple[Page, ...]) -> Service:
    """The service with every field's value facts read from the row it cites.

    Linking types the enum, default and range; this adds string lengths and the facts of
    array items, which the row's facts hold and the field did not carry yet."""
    rows = {f"{page.file}:{row.line}": row.facts for page in pages for table in page.tables for row in table.rows}

    def field(f: Field) -> Field:
        facts = rows.get(f.source)
        if facts is None:
            return f
        typed = typed_facts(facts, f.shape)
        return dataclasses.replace(f, enum=typed.enum, default=typed.default, minimum=typed.minimum,
                                   maximum=typed.maximum, min_length=typed.min_length,
                                   max_length=typed.max_length, items=typed.items)

    schemas = tuple(dataclasses.replace(s, fields=tuple(field(f) for f in s.fields)) for s in service.schemas)
    operations = tuple(dataclasses.replace(
        op, parameters=tuple(field(p) for p in op.parameters),
        responses=tuple(dataclasses.replace(r, headers=tuple(field(h) for h in r.headers)) for r in op.responses))
        for op in service.operations)
    return dataclasses.replace(service, schemas=schemas, operations=operations)


def _unquoted(text: str) -> str:
    """A value written as one quoted literal (``"abc"``, ``'abc'``) without its quotes; any
    other text as written, quotes included (``a "b" c``, ``\"\"\"``)."""
    if len(text) >= 2 and text[0] == text[-1] == '"':
        try:
            value = json.loads(text)
        except ValueError:
            return text
        return value if isinstance(value, str) else text
    if len(text) >= 2 and text[0] == text[-1] == "'" and "'" not in text[1:-1]:
        return text[1:-1]
    return text
