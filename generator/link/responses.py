"""Responses of an operation: status codes, response headers, bodies by status, examples by
status, and the error body of error statuses no table describes."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from ..model.api import Field, Response, Shape
from ..model.diagnostics import INFO, Diagnostic
from ..model.page import Example, Page, Table
from .context import LinkContext
from .error_tables import ERROR_STATUS
from .fields import read_field

ERROR_REF = "#error"
_HTTP_REASONS = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content",
                 "400": "Bad Request", "401": "Unauthorized", "403": "Forbidden",
                 "404": "Not Found", "409": "Conflict", "500": "Internal Server Error",
                 "4XX": "Client error"}
Headers = dict[str, dict[str, Field]]


def default_status(page: Page) -> str:
    """The status of a table or example that names none: the first 2xx of the page's
    status-code table, else 200."""
    return next((s.code for s in page.status_codes if s.code.startswith("2")), "200")


def read_response_header_table(ctx: LinkContext, pi: int, table: Table, status: str, headers: Headers) -> None:
    """Every row of a response-header table as a header of the response ``status``."""
    page = ctx.pages[pi]
    for row in table.rows:
        field = read_field(ctx, pi, row)
        if field is not None:
            headers[status][field.name] = dataclasses.replace(field, location="header")
            ctx.placed.add((page.file, row.line))


def build_responses(ctx: LinkContext, page: Page, bodies: dict[str, Shape], status: str,
                    headers: Headers) -> tuple[Response, ...]:
    """One response per status the page names (status table, body tables, examples,
    headers), each with its description, body, examples and headers. An error status without
    a body table gets the page's own table of failed calls (``Abnormal response``), else the
    service's error body; a status with only an example is free-form.
    A page that names no error status (nor a ``default``) gets ``4XX`` with the service's error body: every call
    can fail. Alternative examples (after "Or") are placed later, by the example check."""
    described = {s.code: s.description for s in page.status_codes}
    examples: dict[str, list[Example]] = defaultdict(list)
    error_status = next((s for s in sorted(described) if s[0] in "45"), "400")
    for example in page.examples:
        if example.kind == "response" and not example.alternative:
            code = error_status if example.status == "error" else example.status or status
            examples[code].append(example)
    error_body = bodies.get(ERROR_STATUS)  # the page's own table of failed calls
    bodies = {code: body for code, body in bodies.items() if code != ERROR_STATUS}
    codes = set(described) | set(bodies) | set(examples) | set(headers) or {status}
    if not any(code[0] in "45" or code == "default" for code in codes):
        codes.add("4XX")
    responses = []
    for code in sorted(codes):
        body = bodies.get(code)
        if body is None and (code[0] in "45" or code == "default") and error_body is not None:
            body = error_body
        elif body is None and (code[0] in "45" or code == "default"):
            body = Shape("ref", ref=ERROR_REF)
            ctx.error_source = ctx.error_source or f"{page.file}:{page.title_line}"
        elif body is None and any(e.data is not None for e in examples.get(code, ())):
            first = next(e for e in examples[code] if e.data is not None)
            ctx.diagnostics.append(Diagnostic(
                page.file, first.line, INFO, "object-free-form",
                f"response {code} has an example but no table; free-form body"))
            body = Shape("any")
        responses.append(Response(code, described.get(code) or _HTTP_REASONS.get(code, "Response"), body,
                                  tuple(examples.get(code, ())), tuple(headers.get(code, {}).values())))
    return tuple(responses)
