"""Parameter tables (path, query, header, or URI tables mixing path and query) and the
parameters the operation line itself implies."""

from __future__ import annotations

import dataclasses
import re

from ..model.api import Field, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Endpoint, Page, Row, Table
from .accounting import note_duplicate
from .context import LinkContext
from .fields import read_field

PARAMETER_LOCATIONS = ("path", "uri", "query", "header")
Parameters = dict[tuple[str, str], Field]
BODILESS_METHODS = ("GET", "HEAD")
_QUERY_NAME = re.compile(r"[?&]([^=&#\s]+)=")


def bodiless_table_location(ctx: LinkContext, page: Page, table: Table, method: str, template: list[str]) -> str:
    """Where a request table that only its section places in the body (``Request
    Parameters``, caption ``Parameter description``) goes on a GET, HEAD or DELETE page:

    - under a Response section: the response;
    - rows that are all path parameters of the template: the path (``uri``);
    - GET and HEAD have no request body: path and query parameters (``uri``);
    - DELETE: the body where the caption says ``body`` or a request example is JSON; query
      parameters where the example URLs' queries name the rows; else query parameters, with
      a warning that nothing on the page says which.

    Any other method, and a caption that names the body on a DELETE, keep ``body``."""
    if method not in (*BODILESS_METHODS, "DELETE"):
        return "body"
    if re.search(r"\bresponse", table.section, re.I):
        return "response"
    names = {row.name for row in table.rows}
    if names and names <= set(template):
        return "uri"
    if method in BODILESS_METHODS:
        ctx.diagnostics.append(Diagnostic(
            page.file, table.line, INFO, "body-as-parameters",
            f"{method} has no request body: table {table.caption or table.section!r} read as path and "
            "query parameters"))
        return "uri"
    if re.search(r"\bbody\b", table.caption, re.I) or any(
            e.kind == "request" and isinstance(e.data, (dict, list)) for e in page.examples):
        return "body"
    if names & _query_names(page):
        return "uri"
    ctx.diagnostics.append(Diagnostic(
        page.file, table.line, WARNING, "body-as-parameters",
        f"DELETE request table {table.caption or table.section!r}: neither its caption nor an example "
        "says body or query; read as query parameters"))
    return "uri"


def _query_names(page: Page) -> set[str]:
    """Names the query strings of the page's operation lines and request examples set."""
    lines = [e.path for e in page.endpoints] + [e.text for e in page.examples if e.kind == "request"]
    return {name for line in lines for name in _QUERY_NAME.findall(line)}


#: Headers OpenAPI describes elsewhere: a header parameter by these names "SHALL be ignored".
TRANSPORT_HEADERS = {"content-type": "the request body's media type", "accept": "the response media types",
                     "authorization": "the security schemes", "x-auth-token": "the token security scheme"}
_MEDIA_TYPE = re.compile(r"\b(application|text|multipart|image|audio|video)/[\w.+-]+", re.I)


def read_parameter_table(ctx: LinkContext, pi: int, table: Table, location: str, template: list[str],
                         parameters: Parameters) -> list[str]:
    """Every row of a parameter table as a parameter of ``location``, except the transport
    headers; returns the request media types a ``Content-Type`` row states."""
    media_types: list[str] = []
    for row in table.rows:
        if location == "header" and row.name.strip().lower() in TRANSPORT_HEADERS:
            media_types += transport_header(ctx, ctx.pages[pi], row)
        else:
            _read_parameter(ctx, pi, row, location, template, parameters)
    return media_types


def transport_header(ctx: LinkContext, page: Page, row: Row) -> list[str]:
    """A ``Content-Type``, ``Accept``, ``Authorization`` or ``X-Auth-Token`` header row:
    not a header parameter (OpenAPI ignores those) but the media type of the request body
    (returned, where the row states one other than JSON) or the security schemes every
    operation has. The row is read (placed) with a note saying where it went."""
    name = row.name.strip()
    ctx.placed.add((page.file, row.line))
    ctx.diagnostics.append(Diagnostic(
        page.file, row.line, INFO, "header-transport",
        f"header {name!r} is not a header parameter in OpenAPI; it is {TRANSPORT_HEADERS[name.lower()]}"))
    if name.lower() != "content-type":
        return []
    stated = [m.group(0).lower() for m in _MEDIA_TYPE.finditer(f"{row.description} {row.type_text}")]
    return [m for m in stated if m != "application/json"][:1]


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
