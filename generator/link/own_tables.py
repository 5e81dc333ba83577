"""Which table an object row means when its Type cell's link does not say it: a Type-cell
``:ref:`` to a page (not a table) beside a description that links the table, and a link to
another page's table (or another section's) where the row's own page and section hold their
own copy, captioned by the row; or a link that skips a level of its own page, past the
table captioned by the row whose rows link the same table."""

from __future__ import annotations

from ..model.page import Row
from .captions import caption_names, norm
from .context import LinkContext, RowKey, TableKey
from .references import resolve


def own_copy_links(ctx: LinkContext) -> dict[RowKey, TableKey]:
    """Object rows that link a table elsewhere (another page, the page it was copied from;
    or another section of the page: a request row linking the response's table) while
    their own page and section describe them in a later table that nothing links to and
    whose caption names the row (``Data structure of the **nodeTemplate** field``): linked
    to that table, the one the page's reader sees. So is a row whose link skips that table:
    it links the very table the captioned table's own rows link (``instances`` "List data
    structure, see Table 4" beside "**Table 3** instances field data structure description",
    whose one row ``instance`` links Table 4). The nearest earlier such row takes it."""
    links: dict[RowKey, TableKey] = {}
    for pi, page in enumerate(ctx.pages):
        names: list[list[str]] = []  # per table, its rows' names as compared (made when first needed)
        for ti, table in enumerate(page.tables):
            if table.kind != "fields" or ti == 0:
                continue
            wanted = caption_names(table.caption) or caption_names(table.lead_in)
            if not wanted:
                continue
            names = names or [[norm(r.name.split(".")[-1]) for r in t.rows] for t in page.tables]
            row = next((r for earlier in range(ti - 1, -1, -1)
                        for r, name in zip(page.tables[earlier].rows, names[earlier])
                        if name in wanted and (pi, r.line) not in links and (pi, r.line) not in ctx.implicit
                        and (_links_elsewhere(ctx, pi, r, table.section)
                             or _skips_captioned_level(ctx, pi, r, ti))), None)
            if row is not None and not _linked_from_its_section(ctx, pi, ti):
                links[(pi, row.line)] = (pi, ti)
    return links


def _linked_from_its_section(ctx: LinkContext, pi: int, ti: int) -> bool:
    """Whether a row of another page, or of the table's own section of its page, links the
    table (a link from another section, a request row naming the response's table, does
    not make it that row's)."""
    if (pi, ti) not in ctx.referenced:
        return False
    section = ctx.pages[pi].tables[ti].section
    for other, page in enumerate(ctx.pages):
        for table in page.tables:
            if other == pi and table.section != section:
                continue
            for row in table.rows:
                if any(resolve(ctx, other, t, row.line) == (pi, ti) for t in row.refs):
                    return True
    return False


def _skips_captioned_level(ctx: LinkContext, pi: int, row: Row, ti: int) -> bool:
    """Whether an object row links first a table of its page that a row of table ``ti`` (the
    one captioned by the row, in the row's section) links too: the row's link skips the
    captioned level."""
    if row.type is None or row.type.kind not in ("object", "array", "map", "ref"):
        return False
    if _row_section(ctx, pi, row) != ctx.pages[pi].tables[ti].section:
        return False
    key = next((k for k in (resolve(ctx, pi, t, row.line) for t in row.refs) if k is not None), None)
    if key is None or key[0] != pi or key[1] == ti:
        return False
    return any(resolve(ctx, pi, t, r.line) == key for r in ctx.pages[pi].tables[ti].rows for t in r.refs)


def _links_elsewhere(ctx: LinkContext, pi: int, row: Row, section: str) -> bool:
    """Whether an object row of ``section`` links first a table of another page, or of
    another section of its page."""
    if row.type is None or row.type.kind not in ("object", "array", "map", "ref"):
        return False
    if _row_section(ctx, pi, row) != section:
        return False
    key = next((k for k in (resolve(ctx, pi, t, row.line) for t in row.refs) if k is not None), None)
    return key is not None and (key[0] != pi or ctx.pages[pi].tables[key[1]].section != section)


def type_link_target(ctx: LinkContext, pi: int, row: Row, ref: str) -> TableKey | None:
    """The table of a Type cell that links ``ref``: the page's own table the row was linked
    to by its caption (``own copy``), else the table ``ref`` names, else, where ``ref``
    names no table (``:ref:`route <vpc_route_0003>` object``, the page's own label) or a
    table of another section of the page (a request row linking the response's table), the
    table of the row's own section its description links (``For details, see Table 2``)."""
    own = ctx.implicit.get((pi, row.line))
    if own is not None:
        return own
    key = resolve(ctx, pi, ref, row.line)
    if ref.startswith("#"):
        return key
    described = _other_link(ctx, pi, row, ref)
    if key is None:
        return described
    if described is not None and key[0] == described[0] == pi:
        tables, section = ctx.pages[pi].tables, _row_section(ctx, pi, row)
        if tables[described[1]].section == section != tables[key[1]].section:
            return described  # the request row's Type cell links the response's table
    return key


def _other_link(ctx: LinkContext, pi: int, row: Row, ref: str) -> TableKey | None:
    """The first table another ``:ref:`` of the row (name or description cell) names."""
    for target in row.refs:
        key = resolve(ctx, pi, target, row.line) if target != ref else None
        if key is not None:
            return key
    return None


def _row_section(ctx: LinkContext, pi: int, row: Row) -> str:
    """The section of the table holding the row."""
    return next((t.section for t in ctx.pages[pi].tables if t.line <= row.line <= t.end_line), "")


def linked_by_a_later_row(ctx: LinkContext, pi: int, ti: int) -> bool:
    """Whether a row after the table on its page links it (``volume | :ref:`Table 6` object``
    in Table 8): the table is that row's object, described before it, not an orphan."""
    for later in ctx.pages[pi].tables[ti + 1:]:
        for row in later.rows:
            targets = list(row.refs) + ([row.type.ref] if row.type is not None and row.type.ref else [])
            if any(resolve(ctx, pi, t, row.line) == (pi, ti) for t in targets):
                return True
    return False
