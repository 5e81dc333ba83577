"""Parameter tables (path, query, header, or URI tables mixing path and query) and the
parameters the operation line itself implies."""

from __future__ import annotations

import dataclasses

from ..model.api import Field, Shape
from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Endpoint, Row, Table
from .accounting import note_duplicate
from .context import LinkContext
from .fields import read_field

PARAMETER_LOCATIONS = ("path", "uri", "query", "header")
Parameters = dict[tuple[str, str], Field]


def read_parameter_table(ctx: LinkContext, pi: int, table: Table, location: str, template: list[str],
                         parameters: Parameters) -> None:
    """Every row of a parameter table as a parameter of ``location``."""
    for row in table.rows:
        _read_parameter(ctx, pi, row, location, template, parameters)


def _read_parameter(ctx: LinkContext, pi: int, row: Row, location: str, template: list[str],
                    parameters: Parameters) -> None:
    """One parameter row: a URI row is a path parameter when the path names it, else query;
    a path row the path does not name is read as query (with a warning). Path parameters are
    always required; a repeated name is a duplicate."""
    page = ctx.pages[pi]
    if location == "uri":
        location = "path" if row.name in template else "query"
    elif location == "path" and row.name not in template:
        ctx.diagnostics.append(Diagnostic(
            page.file, row.line, WARNING, "param-not-in-path",
            f"{row.name!r} is listed as a path parameter but the path has no {{{row.name}}}; "
            "treated as a query parameter"))
        location = "query"
    field = read_field(ctx, pi, row)
    if field is None:
        return
    if (location, field.name) in parameters:
        note_duplicate(ctx, page, row, field, parameters[(location, field.name)], f"{location} parameter")
        return
    required = True if location == "path" else field.required
    parameters[(location, field.name)] = dataclasses.replace(field, location=location, required=required)
    ctx.placed.add((page.file, row.line))


def add_line_query_parameters(page_file: str, endpoint: Endpoint, query_names: list[str],
                              parameters: Parameters) -> None:
    """Query names written into the operation line (``?x={x}``, ``{?x,y}``) that no table
    documents: optional string query parameters."""
    for name in query_names:
        if ("query", name) not in parameters:
            parameters[("query", name)] = Field(name, Shape("string"), False, "", f"{page_file}:{endpoint.line}",
                                                location="query")


def add_undocumented_path_parameters(ctx: LinkContext, page_file: str, endpoint: Endpoint, template: list[str],
                                     parameters: Parameters) -> None:
    """Path template names no table documents: required strings, with a warning."""
    for name in template:
        if ("path", name) not in parameters:
            ctx.diagnostics.append(Diagnostic(
                page_file, endpoint.line, WARNING, "param-missing",
                f"path parameter {{{name}}} is not documented in any table; typed as string"))
            parameters[("path", name)] = Field(name, Shape("string"), True, "", f"{page_file}:{endpoint.line}",
                                               location="path")


def parameter_order(field: Field) -> tuple[int, str]:
    """Path, query, header, then others; by name within a location."""
    return ({"path": 0, "query": 1, "header": 2}.get(field.location or "", 3), field.name)
