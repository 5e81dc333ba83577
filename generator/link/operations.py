"""Operations: one per method and path; the tables of its page read by the section they are
in; two pages documenting one method and path merged into one operation."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import PurePosixPath

from ..model.api import Field, Operation, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Endpoint, Page
from .accounting import cover_table
from .bodies import (add_field_table, either, is_unlinked_object_table, read_request_body_table,
                     read_response_body_table, request_body_from_examples)
from .context import LinkContext
from .error_tables import table_status as read_table_status
from .naming import is_name_label, operation_id_from_title
from .own_tables import linked_by_a_later_row
from .parameters import (PARAMETER_LOCATIONS, Parameters, add_line_query_parameters,
                         add_undocumented_path_parameters, bodiless_table_location, parameter_order,
                         read_parameter_table)
from .outside import note_outside_table
from .paths import operation_path_key, path_problem, split_query, template_names, without_trailing_slash
from .request_syntax import (add_subresource_parameters, keyed_path, server_host, subresource_fragment,
                             syntax_table_location)
from .xml_bodies import read_xml_bodies
from .responses import Headers, build_responses, default_status, read_response_header_table

METHOD_ORDER = {m: i for i, m in enumerate(("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"))}


@dataclasses.dataclass
class _PageTables:
    """What the tables of an operation page contribute to its operation."""

    parameters: Parameters = dataclasses.field(default_factory=dict)
    request_body: Shape | None = None
    bodies: dict[str, Shape] = dataclasses.field(default_factory=dict)
    headers: Headers = dataclasses.field(default_factory=lambda: defaultdict(dict))
    media_types: list[str] = dataclasses.field(default_factory=list)


def read_operations(ctx: LinkContext) -> list[Operation]:
    """Every operation line of every page; a method and path a second page documents again
    is merged into the first operation (with a note)."""
    operations: dict[tuple[str, str], Operation] = {}
    used_ids: set[str] = set()
    for pi, page in enumerate(ctx.pages):
        for index, endpoint in enumerate(page.endpoints):
            if not _is_valid_path(ctx, page, endpoint):
                continue
            key = (endpoint.method, operation_path_key(keyed_path(endpoint)))
            known = operations.get(key)
            if known is not None and known.source.rsplit(":", 1)[0] == page.file:
                continue
            op_id = known.operation_id if known else operation_id(page, endpoint, index, used_ids)
            own_id = operation_id(page, endpoint, index, set(used_ids)) if known else op_id
            operation = dataclasses.replace(read_operation(ctx, pi, endpoint, own_id), operation_id=op_id)
            if known is None:
                operations[key] = operation
                continue
            ctx.diagnostics.append(Diagnostic(
                page.file, endpoint.line, INFO, "operation-duplicate",
                f"{endpoint.method} {known.path} is also documented by {known.source}; "
                "merged into one operation with alternative bodies"))
            operations[key] = merge_operations(known, operation)
    return _one_template_per_path(ctx, list(operations.values()))


def _one_template_per_path(ctx: LinkContext, operations: list[Operation]) -> list[Operation]:
    """Operations on one path whose pages name its parameters differently (``GET
    /jobs/{job_name}``, ``DELETE /jobs/{name}``) take the names of the first: OpenAPI has one
    template per path (a note says so)."""
    first: dict[str, Operation] = {}
    result = []
    for op in operations:
        known = first.setdefault(operation_path_key(op.path), op)
        if known.path == op.path:
            result.append(op)
            continue
        names = dict(zip(template_names(op.path), template_names(known.path)))
        file, line = op.source.rsplit(":", 1)
        ctx.diagnostics.append(Diagnostic(
            file, int(line), INFO, "path-parameter-renamed",
            f"{op.method} {op.path} names its path parameters as {known.source} does: {known.path}"))
        parameters = [dataclasses.replace(p, name=names.get(p.name, p.name)) if p.location == "path" else p
                      for p in op.parameters]
        result.append(dataclasses.replace(op, path=known.path,
                                          parameters=tuple(sorted(parameters, key=parameter_order))))
    return result


def _is_valid_path(ctx: LinkContext, page: Page, endpoint: Endpoint) -> bool:
    """Whether the operation line's path can be an OpenAPI path; one that cannot is left
    out with a warning (and the page's tables are accounted to it)."""
    problem = path_problem(split_query(endpoint.path)[0])
    if problem is None:
        return True
    ctx.diagnostics.append(Diagnostic(
        page.file, endpoint.line, WARNING, "path-invalid",
        f"{endpoint.method} {endpoint.path} is not a valid OpenAPI path ({problem}); operation left out"))
    ctx.left_out.add(page.file)
    return False


def operation_id(page: Page, endpoint: Endpoint, index: int, used: set[str]) -> str:
    """The page label where it is a name, else one from the title; a clash takes the path's
    version (``ListSubnetsV1``, ``ShowServerV21`` for v2.1), then a number."""
    base = page.label if is_name_label(page.label) else operation_id_from_title(page.title, endpoint.method)
    base = base or endpoint.method.title()
    version = re.match(r"/(v[\d.]+)\b", endpoint.path, re.I)
    suffix = version.group(1).upper().replace(".", "") if version else ""
    candidates = [base] if index == 0 else []
    candidates += [base + suffix] if suffix and not base.endswith(suffix) else []
    candidates += [f"{base}{n}" for n in range(2, 1000)]
    candidate = next(c for c in candidates if c not in used)
    used.add(candidate)
    return candidate


def read_operation(ctx: LinkContext, pi: int, endpoint: Endpoint, op_id: str) -> Operation:
    """One operation line of a page with everything its page's tables say about it."""
    page = ctx.pages[pi]
    ctx.current_op = op_id
    path, query_names = split_query(endpoint.path)
    if path != "/" and path.endswith("/"):
        ctx.diagnostics.append(Diagnostic(page.file, endpoint.line, INFO, "path-trailing-slash",
                                          f"path {path} written with a trailing slash; generated without it"))
        path = without_trailing_slash(path)
    path += subresource_fragment(endpoint)
    template = template_names(path)
    status = default_status(page)
    for sc in page.status_codes:
        ctx.placed.add((page.file, sc.line))
    tables = _read_page_tables(ctx, pi, endpoint.method, op_id, template, status)
    add_subresource_parameters(page.file, endpoint, tables.parameters)
    add_line_query_parameters(page.file, endpoint, query_names, tables.parameters)
    add_undocumented_path_parameters(ctx, page.file, endpoint, template, tables.parameters)
    responses = build_responses(ctx, page, tables.bodies, status, tables.headers)
    request_examples = tuple(e for e in page.examples if e.kind == "request")
    request_body = tables.request_body
    if request_body is None:
        request_body = request_body_from_examples(ctx, page, request_examples, endpoint.method)
    return Operation(
        operation_id=op_id,
        method=endpoint.method,
        path=path,
        summary=page.title,
        description=page.description,
        tags=(operation_tag(ctx, page),),
        parameters=tuple(sorted(tables.parameters.values(), key=parameter_order)),
        request_body=request_body,
        request_media_type=tables.media_types[0] if tables.media_types and request_body else "application/json",
        request_examples=request_examples,
        responses=responses,
        source=f"{page.file}:{endpoint.line}",
        original_name=page.original_name,
        host=server_host(endpoint.host) if endpoint.host else None,
        alternative_examples=tuple(e for e in page.examples if e.kind == "response" and e.alternative),
    )


def _read_page_tables(ctx: LinkContext, pi: int, method: str, op_id: str, template: list[str],
                      status: str) -> _PageTables:
    """Each top-level table of the page by its location: parameters, request body, response
    body or response headers; any other table is a diagnostic (nested tables are read
    through the fields linking to them)."""
    page = ctx.pages[pi]
    found = _PageTables()
    xml = read_xml_bodies(ctx, pi)
    found.request_body = xml.request
    if xml.response is not None:
        found.bodies[status] = xml.response
    for ti, table in enumerate(page.tables):
        if table.kind == "status" or ti in xml.tables:
            continue
        if table.kind != "fields":
            cover_table(ctx, page, table, "table-columns",
                        f"table with columns {list(table.columns)} is not a parameter or field table")
            continue
        if (pi, ti) in ctx.referenced:
            continue
        location = syntax_table_location(page, table)
        if location == "body":
            location = bodiless_table_location(ctx, page, table, method, template)
        table_status = read_table_status(table, status)
        if location == "response-header":
            read_response_header_table(ctx, pi, table, table_status, found.headers)
        elif location in PARAMETER_LOCATIONS:
            found.media_types += read_parameter_table(ctx, pi, table, location, template, found.parameters)
        elif location in ("body", "response") and add_field_table(
                ctx, pi, ti, found.request_body if location == "body" else found.bodies.get(table_status)):
            continue
        elif location in ("body", "response") and is_unlinked_object_table(
                table, found.request_body if location == "body" else found.bodies.get(table_status)):
            if linked_by_a_later_row(ctx, pi, ti):
                continue  # read through that row
            cover_table(ctx, page, table, "table-orphan",
                        f"table {table.caption!r} names an object no field of this page has")
        elif location == "body":
            found.request_body = read_request_body_table(ctx, page, pi, ti, op_id, found.request_body)
        elif location == "response":
            found.bodies[table_status] = read_response_body_table(
                ctx, page, pi, ti, op_id, table_status, found.bodies.get(table_status))
        else:
            note_outside_table(ctx, page, table)
    return found


def operation_tag(ctx: LinkContext, page: Page) -> str:
    """The title of the index page of the page's folder, else the folder's name."""
    path = PurePosixPath(page.file)
    for index, title in _index_titles(ctx).get(path.parent, ()):
        if index != path:
            return title
    return path.parent.name.replace("_", " ").replace("-", " ")


def _index_titles(ctx: LinkContext) -> dict[PurePosixPath, list[tuple[PurePosixPath, str]]]:
    """Per folder, its ``index.rst`` pages that have a title, with the title (worked out once
    per service)."""
    if ctx.index_titles is None:
        ctx.index_titles = {}
        for candidate in ctx.pages:
            path = PurePosixPath(candidate.file)
            if path.name == "index.rst" and candidate.title:
                ctx.index_titles.setdefault(path.parent, []).append((path, candidate.title))
    return ctx.index_titles


def merge_operations(first: Operation, other: Operation) -> Operation:
    """One operation from two pages documenting the same method and path."""
    params = {(p.location, p.name): p for p in other.parameters}
    params.update({(p.location, p.name): p for p in first.parameters})
    responses = {r.status: r for r in other.responses}
    for r in first.responses:
        mine = responses.get(r.status)
        body = either(r.body, mine.body) if mine else r.body
        examples = r.examples + (mine.examples if mine else ())
        headers = merged_headers(r.headers, mine.headers if mine else ())
        responses[r.status] = dataclasses.replace(r, body=body, examples=examples, headers=headers)
    return dataclasses.replace(
        first,
        parameters=tuple(sorted(params.values(), key=parameter_order)),
        request_body=either(first.request_body, other.request_body),
        request_examples=first.request_examples + other.request_examples,
        alternative_examples=first.alternative_examples + other.alternative_examples,
        responses=tuple(responses[code] for code in sorted(responses)),
        merged_from=first.merged_from + (other.source,),
    )


def merged_headers(first: tuple[Field, ...], other: tuple[Field, ...]) -> tuple[Field, ...]:
    """The response headers of one status that two pages document: each page's, by name,
    the first page's where both name one (``Uploading Parts`` adds its SSE-KMS headers to
    ``Copying Parts``)."""
    names = {h.name.lower() for h in first}
    return first + tuple(h for h in other if h.name.lower() not in names)
