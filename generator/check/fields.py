"""Flatten OpenAPI schemas into value positions (``tasks[].config.name``), resolving refs."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.result import Sources
from ..render.schema import REF_PREFIX

#: A position in a body: property names, ``[]`` for array items, ``{}`` for map values,
#: ``<Name>`` for the alternative body ``Name`` of a union (several pages, one method and path).
Path = tuple[str, ...]



@dataclass(frozen=True)
class Node:
    """What the document says about one value: a body, a field, an array item or a parameter.

    ``source`` cites the row (or table) that documents the value; ``table`` the table that
    documents its properties when it is an object.
    """

    type: str | None
    format: str | None
    enum: tuple[object, ...]
    required: bool
    description: str
    default: object
    minimum: object
    maximum: object
    source: str
    table: str = ""
    min_length: object = None
    max_length: object = None


def resolve(schema: dict, spec: dict) -> tuple[dict, str | None]:
    """The schema with ``$ref`` and ``allOf`` merged in, and the component name it came from.

    Keys of the outer schema (a field's description, enum, default) win over the referenced one.
    """
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        target = spec.get("components", {}).get("schemas", {}).get(name, {})
        merged, _ = resolve(target, spec)
        outer = {k: v for k, v in schema.items() if k != "$ref"}
        return {**merged, **outer}, name
    if "allOf" in schema:
        merged: dict = {}
        component = None
        for part in schema["allOf"]:
            resolved, name = resolve(part, spec)
            component = component or name
            merged = {**resolved, **merged,
                      "properties": {**resolved.get("properties", {}), **merged.get("properties", {})},
                      "required": [*merged.get("required", ()), *resolved.get("required", ())]}
        outer = {k: v for k, v in schema.items() if k != "allOf"}
        return {**merged, **outer}, component
    return schema, None


def node(schema: dict, required: bool, source: str, table: str = "") -> Node:
    """The facts of one resolved schema that the changelog compares."""
    return Node(
        type=schema.get("type"),
        format=schema.get("format"),
        enum=tuple(schema.get("enum", ())),
        required=required,
        description=schema.get("description", ""),
        default=schema.get("default"),
        minimum=schema.get("minimum"),
        maximum=schema.get("maximum"),
        source=source,
        table=table,
        min_length=schema.get("minLength"),
        max_length=schema.get("maxLength"),
    )


def flatten(schema: dict, spec: dict, sources: Sources, source: str, own: tuple[str, ...] = ()) -> dict[Path, Node]:
    """Every value position under a body schema, the body itself at ``()``.

    ``own`` (operationId, part) picks the rows on the operation's own page where the index
    has them. A schema that contains itself (a tree of events) is entered once per branch.
    """
    found: dict[Path, Node] = {}
    _walk(schema, (), True, source, spec, sources, (), found, own)
    return found


def _walk(schema: dict, path: Path, required: bool, source: str, spec: dict,
          sources: Sources, entered: tuple[str, ...], found: dict[Path, Node], own: tuple[str, ...]) -> None:
    resolved, component = resolve(schema, spec)
    table = resolved.get("x-source", "")
    found[path] = node(resolved, required, source, table)
    if component in entered:
        return
    if component:
        entered += (component,)
    required_names = set(resolved.get("required", ()))
    for name, prop in resolved.get("properties", {}).items():
        row = (own and sources.get((*own, component or "", name))) or sources.get((component or "", name)) \
            or table or source
        _walk(prop, path + (name,), name in required_names, row, spec, sources, entered, found, own)
    if isinstance(resolved.get("items"), dict):
        _walk(resolved["items"], path + ("[]",), True, source, spec, sources, entered, found, own)
    for option in resolved.get("anyOf") or ():
        if isinstance(option, dict):
            name = resolve(option, spec)[1] or str(resolved["anyOf"].index(option) + 1)
            _walk(option, path + (f"<{name}>",), True, source, spec, sources, entered, found, own)
    if isinstance(resolved.get("additionalProperties"), dict):
        _walk(resolved["additionalProperties"], path + ("{}",), True, source, spec, sources, entered, found, own)


def dotted(path: Path) -> str:
    """``("tasks", "[]", "config")`` → ``tasks[].config``."""
    text = ""
    for part in path:
        text += part if part in ("[]", "{}") or not text else "." + part
    return text
