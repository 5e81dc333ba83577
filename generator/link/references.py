"""How a row finds the table describing its object: a ``:ref:`` to a label, ``Table N``, a
type naming a table by its caption, or (style D) a later table whose caption names the row."""

from __future__ import annotations

import re

from ..model.page import Page, Row, Table, TypeExpr
from .captions import caption_names, names_one_object, norm
from .context import LinkContext, RowKey, TableKey
from .naming import pascal
from .shown_structures import contradicted_kind

_NOT_NAMES = frozenset({"request", "response", "parameter", "parameters", "description", "the", "table", "data",
                        "field", "fields", "body", "example", "status"})


def label_index(pages: list[Page]) -> dict[str, TableKey]:
    """Every table label of the service to its table (the first wins)."""
    labels: dict[str, TableKey] = {}
    for pi, page in enumerate(pages):
        for ti, table in enumerate(page.tables):
            for label in table.labels:
                labels.setdefault(label, (pi, ti))
    return labels


def resolve(ctx: LinkContext, pi: int, target: str, line: int = 0) -> TableKey | None:
    """The table a reference target names: ``#table N`` and ``#name X`` on the row's own
    page (the first after the row at ``line``, else the first), ``#type X`` there or on
    another page, anything else a label of the service."""
    if target.startswith("#table "):
        number = target.split()[1]
        for ti, table in enumerate(ctx.pages[pi].tables):
            if table.number == number:
                return (pi, ti)
        return None
    if target.startswith("#name "):
        return _captioned(ctx, pi, target[len("#name "):], line)
    if target.startswith("#type "):
        return type_table(ctx, pi, target[len("#type "):], line)
    key = ctx.relabelled.get((pi, line, target)) or ctx.labels.get(target)
    return same_section_copy(ctx, pi, key, line) if key is not None and key[0] == pi else key


def same_section_copy(ctx: LinkContext, pi: int, key: TableKey, line: int) -> TableKey:
    """A label defined once for a table the page repeats under every status code (``Status
    code: 201``, ``Status code: 202``, each with its own copy of ``ObjectMeta``): a row under
    another status links to the copy in its own status section, the first table after the
    row with the same caption and the row's status."""
    tables = ctx.pages[pi].tables
    own = next((t for t in tables if t.line <= line <= t.end_line), None)
    target = tables[key[1]]
    if own is None or own.status == target.status:
        return key
    for ti, table in enumerate(tables):
        if table.line > line and table.caption == target.caption and table.status == own.status:
            return (pi, ti)
    return key


def _captioned(ctx: LinkContext, pi: int, name: str, line: int) -> TableKey | None:
    """The first field table of the page after ``line`` whose caption names ``name``, else
    the first before it (a page may describe ``policy_param`` once for the request and
    once for the response)."""
    wanted = _wanted(name)
    found = [ti for ti, table in enumerate(ctx.pages[pi].tables)
             if table.kind == "fields" and (caption_names(table.caption) | {pascal(table.caption).lower()}
                                            | headed_by(table)) & wanted]
    after = [ti for ti in found if ctx.pages[pi].tables[ti].line > line]
    return (pi, (after or found)[0]) if found else None


def headed_by(table: Table) -> set[str]:
    """The type name an untitled table's lead-in opens with (``Params connection parameters``
    before the table describing ``List<Params>``; ``Instance parameters``): the name of the
    object the lines below describe, as a caption would give it."""
    words = re.findall(r"[A-Za-z_][\w.]*", table.lead_in) if not table.caption else []
    return {norm(words[0])} if words and words[0].lower() not in _NOT_NAMES else set()


def _wanted(name: str) -> set[str]:
    """The caption names that stand for a type name: itself, its plural, and without a
    plural ``s`` (``List<Params>`` described by ``Param data structure description``,
    ``List<Instance>`` by ``instances parameters``)."""
    wanted = pascal(name).lower()
    return {wanted, wanted + "s"} | ({wanted[:-1]} if wanted.endswith("s") and len(wanted) > 3 else set())


def type_table(ctx: LinkContext, pi: int, name: str, line: int = 0) -> TableKey | None:
    """The table describing a type the Type cell names (``checkpoint_req``,
    ``List<resource>``): one on the row's page whose caption names it in any of the caption
    wordings (``Parameter description of field checkpoint_req``, ``checkpoint_req field
    description``, ``Data structure of the X field``, ``X parameters``, ``X``), else the first
    table of another page of the service whose caption is about that one object."""
    found = _captioned(ctx, pi, name, line)
    if found is not None:
        return found
    wanted = _wanted(name)
    for other, page in enumerate(ctx.pages):
        for ti, table in enumerate(page.tables):
            if (other != pi and table.kind == "fields" and names_one_object(table.caption)
                    and caption_names(table.caption) & wanted):
                return (other, ti)
    return None


def referenced_tables(ctx: LinkContext) -> set[TableKey]:
    """Tables that a row of an earlier table on their own page links to: nested there, so
    not top-level tables (a later table linking back, as in a recursive structure, does not
    make its ancestor nested)."""
    seen: set[TableKey] = set()
    for pi, page in enumerate(ctx.pages):
        for ti, table in enumerate(page.tables):
            for row in table.rows:
                targets = list(row.refs)
                if row.type is not None:
                    targets.extend(type_refs(row.type))
                for target in targets:
                    key = resolve(ctx, pi, target, row.line)
                    if key is not None and key[0] == pi and key[1] > ti:
                        seen.add(key)
    return seen


def implicit_links(ctx: LinkContext) -> dict[RowKey, TableKey]:
    """Style D: a table no ref names, whose caption or lead-in names an untyped object field
    of an earlier table on the page (``**Table 5** **listeners** parameter description``)."""
    links: dict[RowKey, TableKey] = {}
    for pi, page in enumerate(ctx.pages):
        for ti, table in enumerate(page.tables):
            if table.kind != "fields" or (pi, ti) in ctx.referenced or ti == 0:
                continue
            wanted = caption_names(table.caption) or caption_names(table.lead_in)
            if not wanted:
                continue
            row = _open_object_row(ctx, pi, ti, wanted, links)
            if row is not None:
                links[(pi, row.line)] = (pi, ti)
    return links


def _open_object_row(ctx: LinkContext, pi: int, ti: int, wanted: set[str],
                     taken: dict[RowKey, TableKey]) -> Row | None:
    """The nearest earlier row named like ``wanted`` whose object type has no table yet."""
    for earlier in reversed(ctx.pages[pi].tables[:ti]):
        for row in earlier.rows:
            if (pi, row.line) in taken or not _singular_or_plural(norm(row.name.split(".")[-1])) & wanted:
                continue
            linked = linked_table(ctx, pi, row)
            open_row = is_open_object(row.type) or contradicted_kind(ctx, pi, row) is not None
            if open_row and (linked is None or linked[0] != pi):
                return row
    return None


def _singular_or_plural(name: str) -> set[str]:
    """A row name as a caption may name it: itself, or a plural row by its singular (the row
    ``tags`` described by ``Description of field tag``)."""
    return {name, name[:-1]} if name.endswith("s") and len(name) > 3 else {name}


def linked_table(ctx: LinkContext, pi: int, row: Row) -> TableKey | None:
    """A table named by a ref in the row's name or description (styles B and C), or
    found by its caption (style D)."""
    if (pi, row.line) in ctx.implicit:
        return ctx.implicit[(pi, row.line)]
    for target in row.refs:
        key = resolve(ctx, pi, target, row.line)
        if key is not None:
            return key
    return None


def is_open_object(expr: TypeExpr | None) -> bool:
    """An object, object array or map whose type names no table."""
    if expr is None:
        return False
    if expr.kind in ("object", "map") and expr.items is None:
        return True
    if expr.kind == "array":
        return expr.items is None or expr.items.kind == "object"
    return expr.kind == "ref" and (expr.ref or "").startswith(("#name ", "#type "))


def type_refs(expr: TypeExpr) -> list[str]:
    """The reference targets a Type cell names, element types included."""
    refs = [expr.ref] if expr.ref else []
    if expr.items is not None:
        refs.extend(type_refs(expr.items))
    return refs
