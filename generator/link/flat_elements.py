"""Flattened element rows: a table that lists the members of a ``list<dict>`` (or ``dict``)
row with no table of its own right after it, in the same table and without nesting marks
("tags list<dict>", "key", "values", "tags_any list<dict>", "key", "values", ...)."""

from __future__ import annotations

import dataclasses

from ..model.api import Field, Schema, Service, Shape
from ..model.diagnostics import INFO, Diagnostic
from ..model.page import Row, TypeExpr
from ..parse.facts import required_always
from .naming import pascal


def flattened_members(rows: tuple[Row, ...] | list[Row]) -> dict[int, list[int]]:
    """For each free-form ``list<dict>``/``dict`` row of a table, the indexes of the rows
    that are its element's members, where the table shows it flattens them: a name repeats,
    each time after a different free-form row. Each occurrence of such a name belongs to
    the nearest free-form row above it, and so does every row between that row and its last
    member. Where the table has a Mandatory column, the run goes on through the rows after
    the last member that are marked as it is (the members of an element are listed
    together) and ends at the first row marked otherwise or at the next free-form row."""
    free = [i for i, row in enumerate(rows) if free_form_type(row.type)]
    if not free:
        return {}

    def owner(i: int) -> int | None:
        above = [f for f in free if f < i]
        return above[-1] if above else None

    at: dict[str, list[int]] = {}
    for i, row in enumerate(rows):
        if i not in free:
            at.setdefault(row.name, []).append(i)
    members: dict[int, set[int]] = {}
    for places in at.values():
        owners = [owner(i) for i in places]
        if len(places) > 1 and None not in owners and len(set(owners)) == len(owners):
            for i, o in zip(places, owners):
                members.setdefault(o or 0, set()).add(i)
    runs: dict[int, list[int]] = {}
    for o, found in members.items():
        last = max(found)
        while (last + 1 < len(rows) and last + 1 not in free and rows[last].mandatory is not None
               and rows[last + 1].mandatory is not None
               and required_always(rows[last + 1].mandatory, rows[last + 1].description)
               == required_always(rows[last].mandatory, rows[last].description)):
            last += 1
        runs[o] = list(range(o + 1, last + 1))
    return runs


def free_form_type(expr: TypeExpr | None) -> bool:
    """``dict`` (a map of anything) or ``list<dict>`` (an array of such maps). An ``Object``
    row is not one: the pages that flatten rows this way type them ``dict``, and an object's
    table may follow it (its repeated names are then another object's own)."""
    item = expr.items if expr is not None and expr.kind == "array" else expr
    return item is not None and item.kind == "map" and item.items is None and not item.ref


def with_members(field: Field, members: tuple[Field, ...]) -> Field:
    """The free-form field with its element's members: an array of such objects for a
    ``list<dict>``, else the object."""
    element = Shape("object", fields=members)
    shape = Shape("array", items=element) if field.shape.kind == "array" else element
    return dataclasses.replace(field, shape=shape)


def members_note(file: str, row: Row, members: list[Row]) -> Diagnostic:
    """An info note on the free-form row whose element's members the rows after it are."""
    names = ", ".join(repr(m.name) for m in members)
    return Diagnostic(file, row.line, INFO, "row-flattened-element",
                      f"rows {names} after {row.name!r} ({row.type_text}) read as the members of its element "
                      "(the table lists each element's rows right after its row, repeating their names)")


def named_elements(service: Service) -> tuple[Service, set[str]]:
    """Each element read from flattened rows (an inline object a table's field holds, see
    ``with_members``) as a schema of its own, named after its schema and field
    (``ListPoliciesRequestTagsAny``), so that the readings of the examples reach its members;
    and the names of those schemas."""
    names = {s.name for s in service.schemas}
    elements: set[str] = set()
    done: list[Schema] = []
    todo = list(service.schemas)
    while todo:
        schema = todo.pop(0)
        fields = []
        for field in schema.fields:
            element = field.shape.items if field.shape.kind == "array" else field.shape
            if element is None or element.kind != "object" or not element.fields:
                fields.append(field)
                continue
            name = free_name(schema.name + pascal(field.name), names)
            names.add(name)
            elements.add(name)
            todo.append(Schema(name, field.name, element.fields, field.source))
            ref = Shape("ref", ref=name)
            fields.append(dataclasses.replace(
                field, shape=Shape("array", items=ref) if field.shape.kind == "array" else ref))
        done.append(dataclasses.replace(schema, fields=tuple(fields)))
    return dataclasses.replace(service, schemas=tuple(done)), elements


def free_name(name: str, taken: set[str]) -> str:
    """``name``, numbered where ``taken`` has it."""
    found, n = name, 2
    while found in taken:
        found, n = f"{name}{n}", n + 1
    return found
