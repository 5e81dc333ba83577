"""Accounting for rows: every table row ends in the output or in a diagnostic saying why."""

from __future__ import annotations

import dataclasses

from ..model.api import Field
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Page, Row, Table
from .context import LinkContext
from .references import resolve


def row_warning(ctx: LinkContext, page: Page, row: Row, code: str, message: str) -> None:
    """A warning about one row, which is not in the output."""
    ctx.diagnostics.append(Diagnostic(page.file, row.line, WARNING, code, message))


def cover_table(ctx: LinkContext, page: Page, table: Table, code: str, message: str,
                severity: str = WARNING) -> None:
    """A diagnostic accounting for all rows of a table left out of the output."""
    ctx.diagnostics.append(Diagnostic(
        page.file, table.line, severity, code,
        f"{message} ({len(table.rows)} rows not in the output)", end_line=table.end_line))


def note_alternative(ctx: LinkContext, page: Page, table: Table, what: str) -> None:
    """A second top-level body table of one operation: kept as an alternative."""
    ctx.diagnostics.append(Diagnostic(
        page.file, table.line, INFO, "table-alternative",
        f"another top-level {what} table that no field links to; kept as an alternative (anyOf)"))


def note_free_form(ctx: LinkContext, page: Page, row: Row) -> None:
    """An object row with no table describing it."""
    ctx.diagnostics.append(Diagnostic(
        page.file, row.line, INFO, "object-free-form",
        f"{row.name!r} ({row.type_text or 'no type'}) has no table describing it; free-form schema"))


def note_duplicate(ctx: LinkContext, page: Page, row: Row, field: Field, first: Field, what: str) -> None:
    """A row repeating a name: a repeat of the same type is in the output already (its
    description or required flag may differ: the first is kept); another type is not."""
    if field.shape == first.shape:
        ctx.placed.add((page.file, row.line))
        same = dataclasses.replace(field, source=first.source) == first
        ctx.diagnostics.append(Diagnostic(
            page.file, row.line, INFO, "row-duplicate",
            f"{what} {field.name!r} repeats {first.source}" + (" word for word" if same else "; first kept")))
    else:
        row_warning(ctx, page, row, "row-duplicate",
                    f"{what} {field.name!r} is defined again, differently from {first.source}; first kept")


def account_unplaced_tables(ctx: LinkContext) -> None:
    """Tables none of whose rows reached the output and no diagnostic covers yet: unused
    (a page without operations), of an operation left out, or orphaned (nothing links to them)."""
    covered = {(d.file, d.line) for d in ctx.diagnostics if d.end_line}
    for pi, page in enumerate(ctx.pages):
        for table in page.tables:
            if (page.file, table.line) in covered or not table.rows:
                continue
            if any((page.file, row.line) in ctx.placed for row in table.rows):
                continue
            if not page.endpoints:
                cover_table(ctx, page, table, "table-unused", "table on a page that documents no operation", INFO)
            elif page.file in ctx.left_out:
                cover_table(ctx, page, table, "path-invalid", "the operation of this page was left out (invalid path)",
                            INFO)
            elif table.kind == "fields" and (linking := scalar_link(ctx, pi, table)) is not None:
                cover_scalar_link(ctx, page, table, *linking)
            elif table.kind == "fields":
                cover_table(ctx, page, table, "table-orphan", "no operation or object links to this table")


_SCALARS = ("string", "integer", "number", "boolean")


def scalar_link(ctx: LinkContext, pi: int, table: Table) -> tuple[Page, Row] | None:
    """The first row of the service whose Type cell is a scalar and whose ref names ``table``
    (``expression`` (String): "For the value of each field, see Table 12"), with its page."""
    key = (pi, ctx.pages[pi].tables.index(table))
    for other, page in enumerate(ctx.pages):
        for candidate in page.tables:
            for row in candidate.rows:
                if (row.type is not None and row.type.kind in _SCALARS
                        and any(resolve(ctx, other, target, row.line) == key for target in row.refs)):
                    return page, row
    return None


def cover_scalar_link(ctx: LinkContext, page: Page, table: Table, row_page: Page, row: Row) -> None:
    """A table only a scalar row links to: the fields of its value (a cron expression), the
    fields that go with one of its values (``job_type`` 5: DistCp), or an object the Type cell
    calls a string; its rows are no fields of an object the operation has."""
    cover_table(ctx, page, table, "table-scalar-link",
                f"linked only by {row.name!r} ({row.type_text}) at {row_page.file}:{row.line}, which is no object: "
                "its rows are not read as fields")
