"""Operations read from S3-style request syntax (``PUT /ObjectName?acl HTTP/1.1``).

The query written in the request line identifies the operation: ``PUT /`` and ``PUT /?acl``
are two operations on one URL. OpenAPI 3.0 keys operations by path and method only, and a
``?`` in a path key is not allowed (Redocly ``path-not-include-query``), so the path key
carries the query names as a URL fragment, ``/#acl``, ``/{ObjectName}#uploadId&max-parts``:
a fragment is never sent, so the key is still the URL a client calls. The names themselves
are query parameters: a bare subresource (``acl``) and a literal (``list-type=2``) are
required with their one value; ``name=placeholder`` is an ordinary query parameter.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..model.api import Field, Shape
from ..model.diagnostics import INFO, Diagnostic
from ..model.page import Endpoint, Page, Table
from .paths import split_query

_LITERAL = re.compile(r"^\d+$")


def keyed_path(endpoint: Endpoint) -> str:
    """The operation's path key: ``/?acl`` → ``/#acl``; a path of any other style as is."""
    if endpoint.host is None:
        return endpoint.path
    return split_query(endpoint.path)[0] + subresource_fragment(endpoint)


def subresource_fragment(endpoint: Endpoint) -> str:
    """``#acl``, ``#uploadId&max-parts``, ``#list-type=2`` for a request-syntax line with a
    query; empty for any other."""
    if endpoint.host is None:
        return ""
    query = "&".join(f"{name}={value}" if value is not None and _LITERAL.match(value) else name
                     for name, value in query_items(endpoint.path))
    return "#" + query if query else ""


def query_items(target: str) -> list[tuple[str, str | None]]:
    """The ``name`` / ``name=value`` items of a request line's query, in written order."""
    _, _, query = target.partition("?")
    items = [part.partition("=") for part in query.split("&") if part.partition("=")[0]]
    return [(name, value if mark else None) for name, mark, value in items]


def add_subresource_parameters(page_file: str, endpoint: Endpoint, parameters: dict[tuple[str, str], Field]) -> None:
    """A bare subresource (``?acl``) or literal (``?list-type=2``) of a request line: a
    required query parameter with that one value (a table's description is kept)."""
    if endpoint.host is None:
        return
    for name, value in query_items(endpoint.path):
        if value is not None and not _LITERAL.match(value):
            continue
        known = parameters.get(("query", name))
        parameters[("query", name)] = Field(
            name, Shape("string"), True,
            known.description if known else f"Selects the `{name}` operation of this path.",
            known.source if known else f"{page_file}:{endpoint.line}",
            enum=(value or "",), location="query")


def server_host(host: str) -> str:
    """A Host header as a server URL host with variables: the bucket label becomes
    ``{bucket}`` and a ``region`` label ``{region}``
    (``bucketname.obs.region.example.com`` → ``{bucket}.obs.{region}.example.com``)."""
    labels = host.strip().lower().split(".")
    labels = ["{bucket}" if "bucket" in label else "{region}" if label == "region" else label for label in labels]
    return ".".join(labels)


def syntax_table_location(page: Page, table: Table) -> str:
    """A table's location; on a request-syntax page, where the body is XML elements (or the
    raw payload), a request table that is not an element table lists query parameters."""
    location = table.location or ""
    if location == "body" and any(e.host is not None for e in page.endpoints):
        return "query"
    return location


def shared_placeholder_names(pages: list[Page]) -> tuple[list[Page], list[Diagnostic]]:
    """Request-syntax paths name the object key as each page likes (``/ObjectName``,
    ``/objectname``, ``/object``); one path takes one name per placeholder position: the one
    most request lines use (first in name order on a tie), so that ``/{ObjectName}`` and
    ``/{object}`` are one path."""
    counts: Counter[tuple[int, str]] = Counter()
    for page in pages:
        for endpoint in page.endpoints:
            if endpoint.host is not None:
                counts.update(_placeholders(endpoint.path))
    best: dict[int, str] = {}
    for (position, name), n in sorted(counts.items(), key=lambda item: (-item[1], item[0][1])):
        best.setdefault(position, name)
    renamed, notes = [], []
    for page in pages:
        endpoints = []
        for endpoint in page.endpoints:
            path = endpoint.path
            for position, name in _placeholders(path) if endpoint.host is not None else []:
                if best[position] != name:
                    path = path.replace("{" + name + "}", "{" + best[position] + "}", 1)
                    notes.append(Diagnostic(page.file, endpoint.line, INFO, "param-renamed",
                                            f"path parameter {{{name}}} named {{{best[position]}}} "
                                            "as in the service's other request lines"))
            endpoints.append(dataclasses.replace(endpoint, path=path))
        renamed.append(dataclasses.replace(page, endpoints=tuple(endpoints)))
    return renamed, notes


def _placeholders(target: str) -> list[tuple[int, str]]:
    """(segment position, name) of each ``{name}`` segment of a path."""
    segments = target.partition("?")[0].split("/")
    return [(i, s[1:-1]) for i, s in enumerate(segments) if s.startswith("{") and s.endswith("}")]
