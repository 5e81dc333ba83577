"""A row whose Type cell or description links several tables as alternatives, one per
kind of the object ("Hive SQL: For details, see Table 15. - Shell: ... see Table 19", "If
**action** is **add**, see Table 3. If **action** is **delete**, see Table 4", "when creating
a read replica, see Table 4"): the value is any of them, so every row of every table is in
the operation (rendered ``anyOf``: the tables' optional fields overlap, so one value often
fits several of them, which ``oneOf`` would reject)."""

from __future__ import annotations

import re

from ..model.page import Row
from .context import LinkContext, TableKey
from .references import resolve, type_refs

#: The description offers the linked table instead of the row itself ("You can select either
#: this parameter or the parameters listed in Table 5"): other fields, not alternatives of it.
_INSTEAD_OF_ROW = re.compile(r"\beither this (?:parameter|field)\b|\binstead of this (?:parameter|field)\b", re.I)


def alternative_tables(ctx: LinkContext, pi: int, row: Row) -> tuple[TableKey, ...]:
    """The field tables the row's refs link to, in document order, when there are two or
    more of them as alternatives; else none. A table nested in another of them ("see Table 3
    and Table 4", where Table 3 links Table 4) or linked by another row (the response's
    ``subnetpool`` row linking its own table) is no alternative of this row."""
    if len(row.refs) < 2 or _INSTEAD_OF_ROW.search(row.description):
        return ()
    linked = linked_field_tables(ctx, pi, row)
    if len(linked) < 2:
        return ()
    kept = tuple(key for key in linked
                 if not any(key in tables_below(ctx, other) for other in linked if other != key)
                 and not _structure_of_another_row(ctx, key, row, linked))
    return kept if len(kept) >= 2 else ()


def linked_field_tables(ctx: LinkContext, pi: int, row: Row) -> tuple[TableKey, ...]:
    """The distinct field tables a row's refs resolve to, in the order it names them."""
    keys: dict[TableKey, None] = {}
    for target in row.refs:
        key = resolve(ctx, pi, target, row.line)
        if key is not None and ctx.pages[key[0]].tables[key[1]].kind == "fields":
            keys.setdefault(key)
    return tuple(keys)


def tables_below(ctx: LinkContext, key: TableKey) -> set[TableKey]:
    """The tables the rows of ``key`` link to, transitively (``key`` itself not included
    unless a cycle leads back to it)."""
    seen: set[TableKey] = set()
    stack = [key]
    while stack:
        pi, ti = stack.pop()
        for row in ctx.pages[pi].tables[ti].rows:
            for target in [*row.refs, *(type_refs(row.type) if row.type is not None else ())]:
                below = resolve(ctx, pi, target, row.line)
                if below is not None and below not in seen:
                    seen.add(below)
                    stack.append(below)
    return seen


def _structure_of_another_row(ctx: LinkContext, key: TableKey, row: Row, linked: tuple[TableKey, ...]) -> bool:
    """Whether another row of the table's page links to the table: it describes that row's
    object (a repeat of this row, with its name and its tables, does not count)."""
    pi = key[0]
    for table in ctx.pages[pi].tables:
        for other in table.rows:
            if other is row or not other.refs:
                continue
            tables = linked_field_tables(ctx, pi, other)
            if key in tables and not (other.name == row.name and tables == linked):
                return True
    return False
