"""Tables that hold the fields a body takes for one value of one of its rows: a scalar row
whose value bullets link tables ("``job_type`` | Integer | - 5: DistCp, importing and
exporting data. For details, see Table 3."). Each such table is another form of the body
(an ``anyOf`` option): its own rows with their own required flags, beside the other rows of
the body, which it may leave out; the body's first form knows those rows too, as optional."""

from __future__ import annotations

import dataclasses
import re

from ..model.api import Field
from ..model.page import Row
from .context import LinkContext, TableKey
from .references import resolve

_SCALARS = ("string", "integer", "number", "boolean")
#: A bullet naming one value, then linking a table: ``- 5: DistCp ... see Table 3``.
_VALUE_BULLET = r"^\s*[-*]\s+\**[\w.-]+\**\s*:[^\n]*\bTable\s+{number}\b"


def value_tables(ctx: LinkContext, pi: int, row: Row) -> tuple[TableKey, ...]:
    """The field tables of the row's page that the bullets of a scalar row's values link,
    one per value, in the order the row names them."""
    if row.type is None or row.type.kind not in _SCALARS:
        return ()
    keys: list[TableKey] = []
    for target in row.refs:
        key = resolve(ctx, pi, target, row.line)
        if key is None or key[0] != pi or key in keys:
            continue
        table = ctx.pages[pi].tables[key[1]]
        bullet = _VALUE_BULLET.format(number=re.escape(table.number))
        if table.kind == "fields" and table.number and re.search(bullet, row.description, re.M):
            keys.append(key)
    return tuple(keys)


def value_form(body: tuple[Field, ...], own: tuple[Field, ...], row: Row) -> tuple[Field, ...]:
    """The fields of the body's form for one value: the value table's own rows, then the
    body's other rows as optional (the row naming the value keeps its flag)."""
    names = {f.name for f in own}
    return (*own, *(f if f.name == row.name else dataclasses.replace(f, required=False)
                    for f in body if f.name not in names))


def with_value_fields(body: tuple[Field, ...], forms: list[tuple[Field, ...]]) -> tuple[Field, ...]:
    """The body's first form: its own rows, and the rows only a value table has, optional."""
    fields = {f.name: f for f in body}
    for form in forms:
        for f in form:
            fields.setdefault(f.name, dataclasses.replace(f, required=False))
    return tuple(fields.values())
