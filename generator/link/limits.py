"""Limits of linking: object tables nest through recursive calls, so a chain deeper than
:data:`MAX_TABLE_NESTING` would exhaust the stack. Past the limit a field is a free-form
object with a ``nesting-too-deep`` warning at its row, and each table below it one that
covers its rows; never a crash."""

from __future__ import annotations

from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Row
from .context import LinkContext, TableKey
from .references import linked_table, resolve, type_refs

#: Object tables nested in one another at most (real references nest fewer than 20).
MAX_TABLE_NESTING = 128


def too_deep(ctx: LinkContext, pi: int, row: Row, key: TableKey) -> bool:
    """Whether the table ``row`` links to would be built nested past the limit (``ctx.depth``
    tables are being built); if so, the row and the tables below are diagnosed."""
    if key in ctx.hints or ctx.depth < MAX_TABLE_NESTING:
        return False
    ctx.diagnostics.append(Diagnostic(
        ctx.pages[pi].file, row.line, WARNING, "nesting-too-deep",
        f"{row.name!r} links to a table nested more than {MAX_TABLE_NESTING} object tables deep; "
        "docbind reads no deeper: a free-form object here"))
    for below in _tables_below(ctx, key):
        page = ctx.pages[below[0]]
        table = page.tables[below[1]]
        ctx.diagnostics.append(Diagnostic(
            page.file, table.line, WARNING, "nesting-too-deep",
            f"table nested more than {MAX_TABLE_NESTING} object tables deep, not read "
            f"({len(table.rows)} rows not in the output)", end_line=table.end_line))
    return True


def _tables_below(ctx: LinkContext, key: TableKey) -> list[TableKey]:
    """``key`` and the tables its rows link to, transitively, that are not built yet."""
    seen, stack = {key}, [key]
    while stack:
        pi, ti = stack.pop()
        for row in ctx.pages[pi].tables[ti].rows:
            targets = [resolve(ctx, pi, t, row.line) for t in type_refs(row.type)] if row.type is not None else []
            targets.append(linked_table(ctx, pi, row))
            for target in targets:
                if target is not None and target not in seen and target not in ctx.hints:
                    seen.add(target)
                    stack.append(target)
    return sorted(seen)
