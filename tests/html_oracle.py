"""An independent count of operation pages and their field rows, from the raw HTML.

It knows nothing of docbind's front-end and uses another parser (the standard library's
``html.parser``). A page documents an operation when a section titled ``URI`` (``URI
format``, ``URL``, ``Request line``) holds a method+path line in a paragraph or code block
outside tables and after no example lead-in. A field row is a body row of a table whose
first header cell is Parameter, Name or Parameter name; a name cell spanning several rows
names each of them. Endpoints and rows are those of the RST oracle (tests/oracle.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from .oracle import FIELD_TABLE_FIRST_COLUMN, METHODS, Endpoint, Row, _path

URI_SECTIONS = re.compile(r"(request\s+)?(uri|url)(\s+format)?|request\s+line", re.I)

_METHOD_LINE = re.compile(rf"({METHODS})\s+(/\S*|https?://\S+)")
_EXAMPLE_LEAD_IN = re.compile(r"\b(examples?|samples?)\b", re.I)
_BLOCKS = {"p", "pre", "li", "dd", "dt"}


@dataclass
class _Table:
    headers: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    spanned: tuple[int, str] | None = None  # rows left, name of a first cell with rowspan


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.endpoints: list[Endpoint] = []
        self.rows: list[Row] = []
        self.section = ""
        self.heading: list[str] | None = None
        self.example_lead_in = False
        self.block: tuple[int, list[str]] | None = None  # line, text of the open p/pre/div.p
        self.tables: list[_Table] = []
        self.in_head = False
        self.row: tuple[int, list[str]] | None = None
        self.cell: list[str] | None = None
        self.cell_span = 1

    # -- events -------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.heading = []
        elif tag == "table":
            self.tables.append(_Table())
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.tables:
            self.row = (self.getpos()[0], [])
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
            self.cell_span = int(attributes.get("rowspan") or 1) if (attributes.get("rowspan") or "1").isdigit() else 1
        elif not self.tables and (tag in _BLOCKS or (tag == "div" and "p" in classes)):
            self._close_block()
            self.block = (self.getpos()[0], [])

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self.heading is not None:
            self.section = " ".join("".join(self.heading).split())
            self.heading = None
            self.example_lead_in = False
        elif tag in ("td", "th") and self.cell is not None and self.row is not None:
            self.row[1].append(" ".join("".join(self.cell).split()))
            if tag == "td" and len(self.row[1]) == 1 and self.cell_span > 1:
                self.tables[-1].spanned = (self.cell_span - 1, self.row[1][0])
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self._end_row()
        elif tag == "thead":
            self.in_head = False
        elif tag == "table" and self.tables:
            table = self.tables.pop()
            if table.headers and table.headers[0].lower() in FIELD_TABLE_FIRST_COLUMN:
                self.rows.extend(table.rows)
        elif not self.tables and (tag in _BLOCKS or tag == "div"):
            self._close_block()

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.heading.append(data)
        if self.cell is not None:
            self.cell.append(data)
        elif self.block is not None and not self.tables:
            self.block[1].append(data)

    # -- helpers ------------------------------------------------------------------------
    def _end_row(self) -> None:
        line, cells = self.row
        self.row = None
        table = self.tables[-1]
        if self.in_head or not table.headers:
            table.headers = table.headers or cells
            return
        if table.spanned and table.spanned[0] > 0 and len(cells) < len(table.headers):
            left, name = table.spanned
            table.spanned = (left - 1, name)
            cells = [name, *cells]
        if cells:
            table.rows.append(Row(line, cells[0]))

    def _close_block(self) -> None:
        if self.block is None:
            return
        line, parts = self.block
        self.block = None
        text = " ".join("".join(parts).split())
        if not text or not URI_SECTIONS.fullmatch(self.section):
            return
        match = _METHOD_LINE.fullmatch(text)
        if match and not self.example_lead_in:
            self.endpoints.append(Endpoint(line, match.group(1), _path(match.group(2))))
        elif _EXAMPLE_LEAD_IN.search(text) and len(text) < 80:
            self.example_lead_in = True


def read(text: str) -> tuple[list[Endpoint], list[Row]]:
    """The page's operation lines and its field rows."""
    reader = _Reader()
    reader.feed(text)
    reader.close()
    return reader.endpoints, reader.rows
