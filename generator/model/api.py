"""The API model: services, operations, parameters and schemas, after linking."""

from __future__ import annotations

from dataclasses import dataclass

from .page import Example


@dataclass(frozen=True)
class Shape:
    """The type of a value. ``ref`` names a component schema; ``items`` is the array element
    or map value type; ``options`` are the alternatives of a ``union`` (several pages
    documenting one method and path with different bodies). An XML body's elements are
    inline: ``fields`` of an ``object``, ``xml_name`` the element name where it is not the
    property's, ``xml_wrapped`` an array inside a wrapping element."""

    kind: str
    format: str | None = None
    items: Shape | None = None
    ref: str | None = None
    options: tuple[Shape, ...] = ()
    fields: tuple[Field, ...] = ()
    xml_name: str | None = None
    xml_wrapped: bool = False


@dataclass(frozen=True)
class Field:
    """A property of an object schema, or a parameter (then ``location`` is set).
    ``loose``: the Type cell only names a table; the page's examples say object or array."""

    name: str
    shape: Shape
    required: bool
    description: str
    source: str
    enum: tuple[object, ...] = ()
    default: object = None
    minimum: float | int | None = None
    maximum: float | int | None = None
    location: str | None = None
    min_length: int | None = None
    max_length: int | None = None
    items: ItemFacts | None = None
    nullable: bool = False
    loose: bool = False


@dataclass(frozen=True)
class ItemFacts:
    """Value facts of the items of an array field (``Array of strings`` with a value list)."""

    enum: tuple[object, ...] = ()
    minimum: float | int | None = None
    maximum: float | int | None = None
    min_length: int | None = None
    max_length: int | None = None


@dataclass(frozen=True)
class Schema:
    """A named object schema, built from one table."""

    name: str
    title: str
    fields: tuple[Field, ...]
    source: str


@dataclass(frozen=True)
class Response:
    """One status code of an operation, with its body and examples."""

    status: str
    description: str
    body: Shape | None
    examples: tuple[Example, ...] = ()
    headers: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Operation:
    """One endpoint of a service."""

    operation_id: str
    method: str
    path: str
    summary: str
    description: str
    tags: tuple[str, ...]
    parameters: tuple[Field, ...]
    request_body: Shape | None
    request_examples: tuple[Example, ...]
    responses: tuple[Response, ...]
    source: str
    original_name: str | None = None
    merged_from: tuple[str, ...] = ()
    host: str | None = None  # the server host its request syntax names (``{bucket}.obs...``)
    alternative_examples: tuple[Example, ...] = ()
    request_media_type: str = "application/json"


@dataclass(frozen=True)
class Service:
    """All operations and schemas of one service (one folder of the docs); ``error_schema``
    names the body of error responses that no table describes."""

    name: str
    title: str
    operations: tuple[Operation, ...]
    schemas: tuple[Schema, ...]
    error_schema: str = ""
