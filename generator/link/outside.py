"""Field tables of an operation page outside its URI, request and response sections."""

from __future__ import annotations

import re

from ..model.diagnostics import INFO, WARNING
from ..model.page import Page, Table
from .accounting import cover_table
from .captions import norm
from .context import LinkContext


def note_outside_table(ctx: LinkContext, page: Page, table: Table) -> None:
    """A field table outside the URI, request and response sections is not in the output.
    When none of its rows names anything the page documents for its operation (a parameter,
    header, element or field of its other tables, request line, syntax skeletons or
    examples), it describes other data, such as the columns of the log records a bucket
    receives: a note (``table-other-data``). Otherwise it is an orphan (``table-orphan``)."""
    if names_other_data(page, table):
        where = f" (section {table.section!r})" if table.section else ""
        cover_table(ctx, page, table, "table-other-data",
                    f"table {table.caption!r}{where} is outside the URI, request and response sections and "
                    "names no parameter, header or field of the page's operation: it describes other data", INFO)
    else:
        cover_table(ctx, page, table, "table-orphan", "a table outside the URI, request and response sections",
                    WARNING)


def names_other_data(page: Page, table: Table) -> bool:
    """Whether no row of ``table`` names a parameter, header, element or field of the page's
    operation (dotted names by their last part)."""
    rows = {norm(row.name.rsplit(".", 1)[-1]) for row in table.rows} - {""}
    return bool(rows) and not rows & operation_names(page, table)


def operation_names(page: Page, table: Table) -> set[str]:
    """The names the page gives its operation outside ``table``: rows of its other tables,
    the words of its request lines, the elements of its XML skeletons and samples, and the
    keys of its JSON examples."""
    names = {row.name.rsplit(".", 1)[-1] for other in page.tables if other is not table for row in other.rows}
    names.update(word for endpoint in page.endpoints for word in re.findall(r"[A-Za-z_][\w~-]*", endpoint.path))
    elements = [body.root for body in page.xml_bodies]
    while elements:
        element = elements.pop()
        names.add(element.name)
        elements.extend(element.children)
    names.update(_json_keys([example.data for example in page.examples]))
    return {norm(name) for name in names}


def _json_keys(values: list[object]) -> set[str]:
    """Every key of every object inside ``values``."""
    keys: set[str] = set()
    while values:
        value = values.pop()
        if isinstance(value, dict):
            keys.update(str(k) for k in value)
            values.extend(value.values())
        elif isinstance(value, list):
            values.extend(value)
    return keys
