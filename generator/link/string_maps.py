"""String maps whose row links a structure table (``Map<String,String>``, ``list<map<String,
String>>`` with "For details, see Parameters in the links field"): the table says what the
map holds."""

from __future__ import annotations

from ..model.page import Row, TypeExpr
from .context import LinkContext, TableKey
from .references import linked_table


def string_map_table(ctx: LinkContext, pi: int, row: Row, expr: TypeExpr) -> TableKey | None:
    """The table a row of string maps (``Map<String,String>``, an array of them) links: for
    an array, the table names the keys of its objects (``href``, ``rel``); for a map, its
    one placeholder row stands for the map's keys (``key_val``: "key-value pairs")."""
    if _is_string_map(expr) or (expr.kind == "array" and expr.items is not None and _is_string_map(expr.items)):
        return linked_table(ctx, pi, row)
    return None


def _is_string_map(expr: TypeExpr) -> bool:
    return expr.kind == "map" and expr.items is not None and expr.items.kind == "string"
