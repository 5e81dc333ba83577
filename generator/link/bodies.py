"""Request and response body tables: the top-level table of a body, alternatives to it, and
bodies only an example shows."""

from __future__ import annotations

import re

from ..model.api import Field, Shape
from ..model.diagnostics import INFO, Diagnostic
from ..model.page import Example, Page, Row, Table
from .accounting import note_alternative
from .captions import caption_names, names_one_object, norm, object_name
from .context import LinkContext, TableKey, ref_key
from .error_tables import ERROR_STATUS
from .fields import read_field, table_shape
from .naming import pascal

_WHOLE_BODY = re.compile(r"^\[[\w ]*\]$|^array elements?$|^[-–—]$", re.IGNORECASE)


def is_unlinked_object_table(table: Table, body: Shape | None) -> bool:
    """A second body table whose caption names one object (``notebook parameters``): a
    nested object table that no field links to, not an alternative body."""
    return body is not None and names_one_object(table.caption)


def add_field_table(ctx: LinkContext, pi: int, ti: int, body: Shape | None) -> bool:
    """A body documented one table per top-level field, each captioned by its field
    (``**node_group** parameter description`` listing the row ``node_group``, then
    ``**auto_scaling_policy** parameter description`` listing the members of that object):
    a later table whose caption names an object no row names is that object, a field of the
    body. Returns whether the table was added to the body."""
    first = _field_by_field_table(ctx, body)
    table = ctx.pages[pi].tables[ti]
    name = object_name(table.caption)
    if first is None or not name or any(f.name == name for f in ctx.fields[first]):
        return False
    page = ctx.pages[pi]
    shape = table_shape(ctx, (pi, ti), pascal(name))
    field = Field(name=name, shape=shape, required=False, description="", source=f"{page.file}:{table.line}")
    ctx.fields[first] = (*ctx.fields[first], field)
    return True


def _field_by_field_table(ctx: LinkContext, body: Shape | None) -> TableKey | None:
    """The table of a body whose caption names one of its own rows (the table of the body's
    field ``node_group``), if the body is one."""
    if body is None or body.kind != "ref" or body.ref is None or ":" not in body.ref:
        return None
    key = ref_key(body.ref)
    table = ctx.pages[key[0]].tables[key[1]]
    names = caption_names(table.caption)
    return key if any(norm(row.name) in names for row in table.rows) else None


def read_request_body_table(ctx: LinkContext, page: Page, pi: int, ti: int, op_id: str,
                            body: Shape | None) -> Shape:
    """The request body a table describes (``XRequest``); a further top-level table is an
    alternative body (``XRequest2``)."""
    if body is not None:
        note_alternative(ctx, page, page.tables[ti], "request body")
    name = alternative_name(f"{op_id}Request", body)
    shown = tuple(e.data for e in page.examples if e.kind == "request" and e.data is not None)
    shape = whole_body_row(ctx, pi, page.tables[ti], shown) or table_shape(ctx, (pi, ti), name)
    return either(body, shape) or shape


def read_response_body_table(ctx: LinkContext, page: Page, pi: int, ti: int, op_id: str, status: str,
                             body: Shape | None) -> Shape:
    """The response body of ``status`` a table describes (``XResponse``, ``XResponse404``);
    a further top-level table for the same status is an alternative."""
    if body is not None:
        note_alternative(ctx, page, page.tables[ti], f"response {status} body")
    name = alternative_name(response_name(op_id, status), body)
    shown = tuple(e.data for e in page.examples if e.kind == "response" and not e.alternative
                  and e.status == status and e.data is not None)
    shape = whole_body_row(ctx, pi, page.tables[ti], shown) or table_shape(ctx, (pi, ti), name)
    return either(body, shape) or shape


def whole_body_row(ctx: LinkContext, pi: int, table: Table, shown: tuple[object, ...] = ()) -> Shape | None:
    """A body table whose one row is named in brackets (``[items]``, ``[]``, ``[Array
    element]``), "Array elements" or only a dash (``-``: no name) documents the body itself,
    not a property: a bare array (or value) of the row's type. So does a one-row table naming
    the list (``LTSAgencyAccessConfigInfoList | Array of ...``) where every example ``shown``
    of the body is a bare array (a ``{"servers": [...]}`` example keeps the row a property)."""
    if len(table.rows) != 1:
        return None
    row = table.rows[0]
    if not _WHOLE_BODY.match(row.name) and not names_a_bare_list(row, shown):
        return None
    field = read_field(ctx, pi, row, in_body=True)
    if field is None:
        return None
    ctx.placed.add((ctx.pages[pi].file, table.rows[0].line))
    return field.shape


def names_a_bare_list(row: Row, shown: tuple[object, ...]) -> bool:
    """Whether the one row of a body table is the name of the list the examples show bare:
    an array row, and every example of the body is a JSON array."""
    return (row.type is not None and row.type.kind == "array"
            and bool(shown) and all(isinstance(data, list) for data in shown))


def request_body_from_examples(ctx: LinkContext, page: Page, examples: tuple[Example, ...],
                               method: str) -> Shape | None:
    """A request example without a request table: a free-form body (with a note); on a GET
    or HEAD, which have no body, only the note."""
    parsed = [e for e in examples if e.data is not None]
    if not parsed:
        return None
    if method in ("GET", "HEAD"):
        ctx.diagnostics.append(Diagnostic(page.file, parsed[0].line, INFO, "body-as-parameters",
                                          f"{method} request example with a JSON body; {method} has no body: not used"))
        return None
    ctx.diagnostics.append(Diagnostic(page.file, parsed[0].line, INFO, "object-free-form",
                                      "request example but no request table; free-form body"))
    return Shape("any")


def either(a: Shape | None, b: Shape | None) -> Shape | None:
    """Two alternative bodies as one ``union`` shape (flattened, without repeats)."""
    if a is None or b is None or a == b:
        return a or b
    options = list(a.options or (a,))
    options += [o for o in (b.options or (b,)) if o not in options]
    return Shape("union", options=tuple(options))


def alternative_name(base: str, known: Shape | None) -> str:
    """``XRequest`` for the first body table, ``XRequest2``, ``XRequest3`` for alternatives."""
    return base if known is None else f"{base}{len(known.options or (known,)) + 1}"


def response_name(op_id: str, status: str) -> str:
    """``XResponse`` for success bodies, ``XResponse404`` for others, ``XResponseError``
    for the page's table of failed calls."""
    return f"{op_id}Response" if status.startswith("2") else f"{op_id}Response{'Error' if status == ERROR_STATUS else status}"
