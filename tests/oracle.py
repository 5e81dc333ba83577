"""An independent count of operation pages and their table rows, from the raw RST text.

It knows nothing of docbind's parser. A page documents an operation when a section titled
like a request line (``URI``, ``Request``, ``URI format``...) holds a method+path line outside
tables and example lead-ins. Section titles are a line followed by an underline of one
repeated punctuation character at least as long.

S3-style references write the operation as an HTTP request in a code block under a
*Request Syntax* section (``PUT /ObjectName?acl HTTP/1.1``). Its path segments are the object
key (``/{}``) and its query names identify the operation; the documented OpenAPI form keeps
them as a fragment of the path key: ``PUT /{}#acl``, ``GET /#list-type=2`` (numbers are
literal values, other values placeholders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .table_reader import read_tables

METHODS = "GET|POST|PUT|DELETE|PATCH|HEAD"
REQUEST_LINE_SECTIONS = re.compile(r"(request\s+)?(ur[il]|url)(\s+format)?|request(\s+line)?", re.I)
FIELD_TABLE_FIRST_COLUMN = {"parameter", "name", "parameter name", "header", "element"}
SYNTAX_SECTIONS = re.compile(r"request\s+syntax", re.I)

_UNDERLINE = re.compile(r"([=\-~^\"'`#*+_.:])\1*\s*")
_BULLET = re.compile(r"(?:[-*+]|#\.|\d+\.)\s+")
_METHOD_LINE = re.compile(rf"(?:(?:URI|URL)(?:\s+format)?\s*:\s*)?({METHODS})\s+(/\S*|https?://\S+)")
_SPLIT_PATH = re.compile(r"(?:PATH|Path|URI|URL)\s*:\s*(/\S*)")
_SPLIT_METHOD = re.compile(rf"(?:METHOD|Method)\s*:\s*({METHODS})\b")
_EXAMPLE_LEAD_IN = re.compile(r"\b(examples?|samples?)\b", re.I)
_HTTP_REQUEST = re.compile(rf"^\s+({METHODS}|OPTIONS)\s+(/\S*)\s+HTTP/[\d.]+\s*$")


@dataclass(frozen=True)
class Endpoint:
    """A method and path (query string dropped) found on ``line`` (1-based)."""

    line: int
    method: str
    path: str


@dataclass(frozen=True)
class Row:
    """A row of a parameter/field table: its line and the text of its first cell."""

    line: int
    name: str


def endpoints(text: str) -> list[Endpoint]:
    """The method+path lines of a page's request-line sections, then its request syntax
    blocks, in page order."""
    return _line_endpoints(text) + _syntax_endpoints(text)


def _syntax_endpoints(text: str) -> list[Endpoint]:
    """The first line of each code block under a Request Syntax title, as the documented
    OpenAPI path key with its query as fragment."""
    lines = text.splitlines()
    titles = _title_lines(lines)
    found, in_syntax, block_start = [], False, False
    for number, raw in enumerate(lines, 1):
        if number in titles:
            in_syntax = bool(SYNTAX_SECTIONS.fullmatch(raw.strip()))
            continue
        if raw.strip().startswith(".. code") or raw.rstrip().endswith("::"):
            block_start = True
            continue
        if not raw.strip() or raw.strip().startswith(":"):
            continue
        request = _HTTP_REQUEST.match(raw)
        if in_syntax and block_start and request:
            path, _, query = request.group(2).partition("?")
            path = "/".join("{}" if segment else "" for segment in path.split("/")) or "/"
            names = [item if re.fullmatch(r"[^=]+=\d+", item) else item.split("=")[0]
                     for item in query.split("&") if item.split("=")[0]]
            found.append(Endpoint(number, request.group(1), path + ("#" + "&".join(names) if names else "")))
        block_start = False
    return found


def _line_endpoints(text: str) -> list[Endpoint]:
    found: list[Endpoint] = []
    lines = text.splitlines()
    titles = _title_lines(lines)
    in_request_line = False
    lead_ins: list[tuple[int, bool]] = []  # (indent, is an example lead-in)
    literal_indent: int | None = None
    split_path: tuple[int, str] | None = None
    for number, raw in enumerate(lines, 1):
        if number in titles:
            in_request_line = bool(REQUEST_LINE_SECTIONS.fullmatch(raw.strip()))
            lead_ins, literal_indent, split_path = [], None, None
            continue
        if number - 1 in titles or not raw.strip() or not in_request_line:
            continue
        indent = len(raw) - len(raw.lstrip())
        if literal_indent is not None and indent <= literal_indent:
            literal_indent = None
        stripped = raw.strip()
        if stripped.startswith(("+", "|")) or _is_simple_table_rule(stripped):
            continue
        content = _plain(_BULLET.sub("", stripped, count=1))
        in_example = any(example for _, example in lead_ins)
        method_line = _METHOD_LINE.match(content)
        if method_line:
            if not in_example:
                found.append(Endpoint(number, method_line.group(1), _path(method_line.group(2))))
            continue
        if _SPLIT_PATH.match(content) and not in_example:
            split_path = (number, _path(_SPLIT_PATH.match(content).group(1)))
            continue
        if _SPLIT_METHOD.match(content) and split_path and not in_example:
            found.append(Endpoint(split_path[0], _SPLIT_METHOD.match(content).group(1), split_path[1]))
            split_path = None
            continue
        if literal_indent is not None or stripped.startswith(".. "):
            literal_indent = indent if stripped.endswith("::") else literal_indent
            continue
        # A paragraph after an example lead-in at its indent ("This request adds ...") is still
        # the example's, until a bullet starts another item.
        inherited = not _BULLET.match(stripped) and any(e for i, e in lead_ins if i == indent)
        lead_ins = [(i, e) for i, e in lead_ins if i < indent] + [(indent, _is_example(content) or inherited)]
        if stripped.endswith("::"):
            literal_indent = indent
    return found


def field_rows(text: str) -> list[Row]:
    """Rows of the page's tables whose first header column is Parameter or Name."""
    return [Row(line, next(iter(cells.values()), ""))
            for table in read_tables(text)
            if table.headers and _plain(table.headers[0]).lower() in FIELD_TABLE_FIRST_COLUMN
            for line, cells in table.rows]


def _title_lines(lines: list[str]) -> set[int]:
    """1-based numbers of the lines that are section titles."""
    return {n for n, (line, under) in enumerate(zip(lines, lines[1:]), 1)
            if line.strip() and not line[0].isspace() and not _UNDERLINE.fullmatch(line)
            and _UNDERLINE.fullmatch(under) and len(under.rstrip()) >= len(line.rstrip())}


def _is_simple_table_rule(stripped: str) -> bool:
    return bool(re.fullmatch(r"=+( +=+)*", stripped))


def _is_example(content: str) -> bool:
    return len(content) < 80 and bool(_EXAMPLE_LEAD_IN.search(content))


def _plain(text: str) -> str:
    """Text without emphasis stars, backquotes and escaped spaces."""
    return re.sub(r"\\ |[*`]", "", text).strip()


def _path(url: str) -> str:
    """The path of a URL or path, without host, query string or RFC 6570 query template."""
    path = re.sub(r"^https?://[^/]*", "", url)
    return re.split(r"\{\?|\?", path, maxsplit=1)[0].rstrip(".,;:")
