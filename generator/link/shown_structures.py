"""Rows whose Type cell the rest of their page contradicts: the Type cell says a scalar, a
list of scalars or one object (``loadbalancers | String``, ``export_locations | Array of
strings``, ``versions | Object``) while a table of the page describes the row (linked from
it, or captioned by its name: "**loadbalancers** parameter description", "Description of
field **export_location**") and every value the page's examples show under the row's name
is that table's object, or a list of them. The table and the examples agree: the value is
read as they show it, and the Type cell is reported (``type-cell-contradicted``). An
``Object`` row (or ``fail object`` naming its table) is read as a list only where its
description speaks of one ("the **fail** list in the response body is blank")."""

from __future__ import annotations

import re

from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Page, Row, TypeExpr
from .context import LinkContext

_SCALARS = ("string", "integer", "number", "boolean")
#: An ``Object`` row whose description speaks of a list ("List objects of all available API
#: versions"): one object only where the examples do not show a list.
_SAYS_LIST = re.compile(r"\blists?\b|\bobjects\b", re.I)


def shown_structure(values: list[object]) -> str | None:
    """``array`` where every value shown is a list of objects and one at least is not empty
    (``"fail": []`` beside ``"fail": [{"id": ...}]``: an empty list is a list of any items),
    ``object`` where every one is an object; else None."""
    if not values:
        return None
    if all(isinstance(v, list) and all(isinstance(i, dict) for i in v) for v in values) and any(values):
        return "array"
    if all(isinstance(v, dict) and v for v in values):
        return "object"
    return None


def example_values(ctx: LinkContext, pi: int) -> dict[str, list[object]]:
    """Every value the page's JSON examples show, by the key it is under (read once a page)."""
    if pi not in ctx.example_values:
        values: dict[str, list[object]] = {}
        stack: list[tuple[object, int]] = [(e.data, 0) for e in ctx.pages[pi].examples if e.data is not None]
        while stack:
            data, depth = stack.pop()
            if depth > 32:
                continue
            if isinstance(data, dict):
                for key, value in data.items():
                    values.setdefault(key, []).append(value)
                    stack.append((value, depth + 1))
            elif isinstance(data, list):
                stack.extend((item, depth + 1) for item in data)
        ctx.example_values[pi] = values
    return ctx.example_values[pi]


def contradicted_kind(ctx: LinkContext, pi: int, row: Row) -> str | None:
    """The structure the page's examples show for a row whose Type cell says otherwise: a
    scalar shown as an object or a list of objects, a list of scalars or one object
    (``Object``, or ``fail object`` naming its table) shown as a list of objects; else None.
    (A cell that says only "Data structure" states neither object nor list: the examples
    say which, see ``example_readings``.)"""
    expr = row.type
    one_object = expr is not None and expr.kind in ("object", "ref") and expr.items is None and not expr.named_only
    if expr is None or not (expr.kind in _SCALARS or _scalar_list(expr) or one_object and _SAYS_LIST.search(row.description)):
        return None
    shown = shown_structure(example_values(ctx, pi).get(row.name, []))
    if shown is None or expr.kind not in _SCALARS and shown != "array":
        return None
    return shown


def _scalar_list(expr: TypeExpr) -> bool:
    return expr.kind == "array" and expr.items is not None and expr.items.kind in _SCALARS


def contradicted_note(page: Page, row: Row, table_line: int, shown: str) -> Diagnostic:
    """The Type cell a table and the examples of its page contradict."""
    what = "a list of objects" if shown == "array" else "an object"
    return Diagnostic(page.file, row.line, WARNING, "type-cell-contradicted",
                      f"Type {row.type_text!r} of {row.name!r}, but the table at line {table_line} describes it and the "
                      f"page's examples show {what}: read as {what} of that table")
