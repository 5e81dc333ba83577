"""Facts typed like their field: integer enums for Integer fields, numeric ranges, defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..model.api import Shape
from ..model.page import Facts


@dataclass(frozen=True)
class TypedFacts:
    enum: tuple[object, ...]
    default: object
    minimum: int | float | None
    maximum: int | float | None


def typed_facts(facts: Facts, shape: Shape) -> TypedFacts:
    """Convert the text facts to the field's type; facts that do not convert are dropped."""
    kind = shape.kind
    if kind not in ("string", "integer", "number", "boolean"):
        return TypedFacts((), None, None, None)
    enum: tuple[object, ...] = ()
    if facts.enum and kind != "boolean":
        values = [convert(v, kind) for v in facts.enum]
        if all(v is not None for v in values):
            enum = tuple(values)
    default = convert(facts.default, kind) if facts.default is not None else None
    if enum and default not in enum:
        default = None
    minimum = maximum = None
    if kind in ("integer", "number"):
        minimum = convert(facts.minimum, kind) if facts.minimum is not None else None
        maximum = convert(facts.maximum, kind) if facts.maximum is not None else None
        if minimum is not None and maximum is not None and minimum > maximum:
            minimum = maximum = None
        if default is not None and ((minimum is not None and default < minimum) or
                                    (maximum is not None and default > maximum)):
            default = None
    return TypedFacts(enum, default, minimum, maximum)


def convert(text: str | None, kind: str) -> object:
    """A value written in the docs as a JSON value of ``kind``; None if it is not one."""
    if text is None:
        return None
    value = text.strip().strip('"').strip("'")
    if kind in ("integer", "number") and "," in value:
        value = value.replace(",", "")  # thousands separators: 2,147,483,647
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            number = float(value)
            return int(number) if number.is_integer() and "." not in value else number
    except ValueError:
        return None
    if kind == "boolean":
        return {"true": True, "false": False}.get(value.lower())
    return value if kind == "string" and value else None
