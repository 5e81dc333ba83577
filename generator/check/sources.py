"""Row-level citations from the API model, for changelogs of a fresh generation.

The OpenAPI documents cite the table of each schema and the page of each operation
(``x-source``); the model knows the row of every field and parameter. A schema built from
identical tables on several pages cites the first page; for every other operation that
uses it, the same row on the operation's own page is cited instead, and in a response the
row of the response table rather than of its request twin.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..link.schemas import reachable_schemas
from ..model.api import Schema, Service
from ..model.page import Page, Table
from .fields import Sources

REQUEST = "request"


def source_index(service: Service, pages: Iterable[Page] = ()) -> Sources:
    """``(schema, property)``, ``(operationId, location, parameter)``, ``(operationId,
    "header <status>", header)`` and, where the row sits
    on the operation's own page, ``(operationId, part, schema, property)`` → ``file:line``
    (``part`` is ``request`` or the response status)."""
    index: Sources = {}
    for schema in service.schemas:
        for field in schema.fields:
            index[(schema.name, field.name)] = field.source
    by_file = {page.file: page for page in pages}
    schemas = {schema.name: schema for schema in service.schemas}
    for op in service.operations:
        for param in op.parameters:
            index[(op.operation_id, param.location or "", param.name)] = param.source
        for response in op.responses:
            for header in response.headers:
                index[(op.operation_id, f"header {response.status}", header.name)] = header.source
        page = by_file.get(op.source.rpartition(":")[0])
        if page is None:
            continue
        merged = [by_file[f] for f in (m.rpartition(":")[0] for m in op.merged_from) if f in by_file]
        parts = [(REQUEST, op.request_body)] + [(r.status, r.body) for r in op.responses]
        for part, body in parts:
            for schema in reachable_schemas([body], schemas):
                if any(_holds(schema, other) for other in merged):
                    continue  # read from the page of an operation merged into this one: its own row
                for field, line in _own_rows(schema, page, part):
                    index[(op.operation_id, part, schema.name, field)] = f"{page.file}:{line}"
    return index


def _holds(schema: Schema, page: Page) -> bool:
    """Whether ``schema`` was read from a table of ``page``."""
    return schema.source.rpartition(":")[0] == page.file


def _own_rows(schema: Schema, page: Page, part: str) -> list[tuple[str, int]]:
    """The rows of ``schema`` on ``page`` in the request or response ``part``, when it was
    read from a twin table elsewhere (another page, or the other part of this page)."""
    names = [f.name for f in schema.fields]
    cited = [f.source for f in schema.fields]
    twins = [t for t in page.tables if t.kind == "fields" and [r.name for r in t.rows] == names]
    own = [t for t in twins if [f"{page.file}:{r.line}" for r in t.rows] == cited]
    if own and (_in_part(own[0], part) or not any(_in_part(t, part) for t in twins)):
        return []
    twin = next((t for t in twins if _in_part(t, part)), None) or (twins[0] if twins and not own else None)
    return [(row.name, row.line) for row in twin.rows] if twin else []


def _in_part(table: Table, part: str) -> bool:
    if part == REQUEST:
        return table.location == "body"
    return table.location == "response" and (table.status or part) == part
