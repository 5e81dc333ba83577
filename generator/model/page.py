"""What one page says, as parsed: tables, rows, endpoints and examples, before any linking."""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic


@dataclass(frozen=True)
class TypeExpr:
    """A parsed Type cell.

    ``kind`` is one of string, integer, number, boolean, object, array, map, ref, any.
    ``items`` is the element type of an array or the value type of a map; ``ref`` is the
    label of the table that describes an object (``kind == "ref"``); ``named_only``: the
    cell only names that table (or says only "Data structure"), without saying object or array.
    """

    kind: str
    format: str | None = None
    items: TypeExpr | None = None
    ref: str | None = None
    named_only: bool = False


@dataclass(frozen=True)
class Facts:
    """Constraints stated in a description: enum values, default, numeric range, string
    length; as written (typed against the field's type when linking)."""

    enum: tuple[str, ...] = ()
    default: str | None = None
    minimum: str | None = None
    maximum: str | None = None
    min_length: str | None = None
    max_length: str | None = None


@dataclass(frozen=True)
class Row:
    """One row of a parameter or field table."""

    line: int
    name: str
    type_text: str
    type: TypeExpr | None
    mandatory: str | None
    description: str
    refs: tuple[str, ...] = ()
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True)
class Table:
    """A table with its caption, the labels that point at it and the context it sits in.

    ``kind`` is ``fields`` (parameter/field rows), ``status`` (status codes) or ``other``.
    ``location`` is the hint from caption, lead-in and section: path, query, header, uri,
    body, response or None. ``status`` is the status code marker in force (``200``).
    """

    line: int
    end_line: int
    kind: str
    number: str
    caption: str
    labels: tuple[str, ...]
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    section: str
    location: str | None
    status: str | None
    lead_in: str = ""


@dataclass(frozen=True)
class StatusCode:
    """One row of a status-code table."""

    line: int
    code: str
    description: str


@dataclass(frozen=True)
class Endpoint:
    """A method and path line. ``host`` is the Host header of an S3-style request syntax
    block (``bucketname.obs.region.example.com``); such a path keeps its query as written."""

    line: int
    method: str
    path: str
    host: str | None = None


@dataclass(frozen=True)
class XmlElement:
    """An element of an XML body skeleton, with its child elements in document order."""

    name: str
    line: int
    children: tuple[XmlElement, ...] = ()


@dataclass(frozen=True)
class XmlBody:
    """The XML skeleton of a request or response syntax block (``kind``: request, response),
    or of a sample (request-sample, response-sample)."""

    kind: str
    line: int
    root: XmlElement


@dataclass(frozen=True)
class Example:
    """A code block under an example heading; ``data`` is the parsed JSON, if it parsed.
    ``file`` is the page it is on (an operation merged from two pages has the examples of
    both); ``alternative`` marks a block after an "Or" line: another possible response whose
    status the page does not say; ``elided`` a block that leaves parts out (``...``)."""

    line: int
    kind: str
    status: str | None
    title: str
    text: str
    is_json: bool
    data: object = None
    file: str = ""
    alternative: bool = False
    elided: bool = False


@dataclass(frozen=True)
class Page:
    """Everything docbind reads from one page. A pure function of the page's bytes."""

    file: str
    label: str | None
    labels: tuple[str, ...]
    original_name: str | None
    title: str
    description: str
    endpoints: tuple[Endpoint, ...]
    tables: tuple[Table, ...]
    status_codes: tuple[StatusCode, ...]
    examples: tuple[Example, ...]
    diagnostics: tuple[Diagnostic, ...]
    title_line: int = 1
    xml_bodies: tuple[XmlBody, ...] = ()
