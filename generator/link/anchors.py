"""Labels written on the wrong table: a row's ``:ref:`` that lands on the very table the row
is in, where the table describing the row's object follows, captioned by the row's name and
with no label of its own (the label meant for it was written one table too early)."""

from __future__ import annotations

from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Row, Table
from .captions import caption_names, norm
from .context import LabelUse, LinkContext, TableKey


def misplaced_labels(ctx: LinkContext) -> dict[LabelUse, TableKey]:
    """Per row whose label ref lands on its own table, the later table of its page captioned
    by the row's name and labelled by nothing, with a ``label-misplaced`` warning. A
    recursive structure (``children``: Array of the table's own objects) has no such table."""
    links: dict[LabelUse, TableKey] = {}
    for pi, page in enumerate(ctx.pages):
        for ti, table in enumerate(page.tables):
            for row in table.rows:
                target = _self_label(ctx, pi, ti, row)
                found = _captioned_by_row(page.tables, ti, row) if target else None
                if found is None:
                    continue
                links[(pi, row.line, target)] = (pi, found)
                ctx.diagnostics.append(Diagnostic(
                    page.file, row.line, WARNING, "label-misplaced",
                    f"{row.name!r} links to label {target!r}, which is on the table of {row.name!r} itself; "
                    f"read as the table captioned {page.tables[found].caption!r} (line {page.tables[found].line}), "
                    "which has no label"))
    return links


def _self_label(ctx: LinkContext, pi: int, ti: int, row: Row) -> str | None:
    """The first label the row's Type cell or name links to that is on the row's own table."""
    return next((target for target in row.refs if ctx.labels.get(target) == (pi, ti)), None)


def _captioned_by_row(tables: tuple[Table, ...], ti: int, row: Row) -> int | None:
    """The first later field table without labels whose caption names the row."""
    name = norm(row.name.split(".")[-1])
    return next((later for later in range(ti + 1, len(tables))
                 if tables[later].kind == "fields" and not tables[later].labels
                 and name in caption_names(tables[later].caption)), None)
