"""S3-style request and response syntax blocks.

A *Request Syntax* code block starts with an HTTP request line (``PUT /ObjectName?acl
HTTP/1.1``), then header lines (``Host: bucketname.obs.region.example.com``), a blank line and
an XML skeleton of the body; a *Response Syntax* block starts with a status line
(``HTTP/1.1 status_code``) instead. The skeleton gives the nesting that the flat element
tables of the page leave out. XML is read by a small tag scanner (no entities, no DTD), so
no input can expand or hang.
"""

from __future__ import annotations

import re

from ..model.page import Endpoint, XmlBody, XmlElement

_REQUEST_LINE = re.compile(
    r"^(?P<method>GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s+(?P<target>/\S*)\s+HTTP/\d(?:\.\d)?$")
_STATUS_LINE = re.compile(r"^(?:[A-Z]+\s+)?HTTP/\d(?:\.\d)?\s+\S+")  # also "GET HTTP/1.1 status_code"
_HEADER = re.compile(r"^(?P<name>[A-Za-z][\w-]*)\s*:\s*(?P<value>.*)$")
_TAG = re.compile(  # attributes are name="value" pairs: <Optional Additional Header> is prose
    r"<(?P<close>/)?(?P<name>[A-Za-z_][\w.:-]*)(?:\s+[\w.:-]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*\s*(?P<empty>/)?>")


def read_syntax_block(text: str, line: int) -> tuple[Endpoint | None, XmlBody | None]:
    """The operation and the XML body skeleton of a request or response syntax block
    starting on ``line``; (None, None) when the block is neither."""
    lines = text.strip().splitlines()
    first = lines[0].strip() if lines else ""
    request = _REQUEST_LINE.match(first)
    if request is None and not _STATUS_LINE.match(first):
        return None, None
    headers, body_at = _headers(lines)
    body = _skeleton(lines[body_at:], line + body_at)
    kind = "request" if request else "response"
    xml = XmlBody(kind, line, body) if body is not None else None
    if request is None:
        return None, xml
    host, target = headers.get("host"), request.group("target")
    if not host:  # a request line without a Host header is a plain example
        return None, xml
    if not _addresses_bucket(host, target):
        return Endpoint(line, request.group("method"), target), xml
    return Endpoint(line, request.group("method"), template_path(target), host), xml


def _addresses_bucket(host: str, target: str) -> bool:
    """S3 style: the host names the bucket (``bucketname.obs...``), so the path is the object
    key; or the request is on the host's root (``GET / HTTP/1.1`` lists the buckets)."""
    return any("bucket" in label for label in host.lower().split(".")) or target.partition("?")[0] == "/"


def template_path(target: str) -> str:
    """The request target with each path segment as a template (``/ObjectName`` →
    ``/{ObjectName}``): below the host, an S3-style path is the object key, never a literal.
    The query string is kept as written."""
    path, mark, query = target.partition("?")
    segments = [s if not s or s.startswith("{") else "{" + s + "}" for s in path.split("/")]
    return "/".join(segments) + mark + query


def _headers(lines: list[str]) -> tuple[dict[str, str], int]:
    """The header lines after the first line (names lower-cased; blank lines between them
    skipped) and where the body starts."""
    headers: dict[str, str] = {}
    for index, raw in enumerate(lines[1:], 1):
        match = _HEADER.match(raw.strip())
        if raw.strip() and match is None:
            return headers, index
        if match is None:
            continue
        headers.setdefault(match.group("name").lower(), match.group("value").strip())
    return headers, len(lines)


def _skeleton(lines: list[str], first_line: int) -> XmlElement | None:
    """The element tree of an XML body (the first root element), or None when there is none."""
    stack: list[tuple[str, int, list[XmlElement]]] = [("", 0, [])]
    for offset, raw in enumerate(lines):
        for tag in _TAG.finditer(raw):
            name = tag.group("name")
            if tag.group("close"):
                if any(open_name == name for open_name, _, _ in stack[1:]):
                    while len(stack) > 1:
                        open_name, open_line, children = stack.pop()
                        stack[-1][2].append(XmlElement(open_name, open_line, tuple(children)))
                        if open_name == name:
                            break
                continue
            if tag.group("empty"):
                stack[-1][2].append(XmlElement(name, first_line + offset, ()))
            else:
                stack.append((name, first_line + offset, []))
    while len(stack) > 1:
        open_name, open_line, children = stack.pop()
        stack[-1][2].append(XmlElement(open_name, open_line, tuple(children)))
    roots = stack[0][2]
    return roots[0] if roots else None
