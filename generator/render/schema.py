"""Model shapes and fields as OpenAPI 3.0 schema objects (plain dicts)."""

from __future__ import annotations

from ..model.api import Field, ItemFacts, Schema, Shape

REF_PREFIX = "#/components/schemas/"


def shape_schema(shape: Shape) -> dict:
    """The schema object of a shape; ``any`` is the empty (free-form) schema."""
    return _xml(shape, _schema(shape))


def _schema(shape: Shape) -> dict:
    if shape.kind == "ref":
        return {"$ref": REF_PREFIX + (shape.ref or "")}
    if shape.kind == "any":
        return {}
    if shape.kind == "union":
        return {"anyOf": [shape_schema(option) for option in shape.options]}
    if shape.kind == "array":
        return {"type": "array", "items": shape_schema(shape.items) if shape.items else {}}
    if shape.kind == "map":
        return {"type": "object",
                "additionalProperties": shape_schema(shape.items) if shape.items else {}}
    schema: dict = {"type": shape.kind}
    if shape.format:
        schema["format"] = shape.format
    if shape.fields:
        required = [f.name for f in shape.fields if f.required]
        schema.update({"required": required} if required else {})
        schema["properties"] = {f.name: field_schema(f) for f in shape.fields}
    return schema


def _xml(shape: Shape, schema: dict) -> dict:
    """The schema with the ``xml`` object of an XML element (name, wrapped array)."""
    xml = {**({"name": shape.xml_name} if shape.xml_name else {}), **({"wrapped": True} if shape.xml_wrapped else {})}
    return {**schema, "xml": xml} if xml else schema


def field_schema(field: Field, with_description: bool = True) -> dict:
    """A field's schema with its description and facts; refs wrapped in allOf to carry them.
    ``nullable`` goes only beside a ``type`` (OpenAPI 3.0.3 ignores it elsewhere); a free-form
    schema already admits null."""
    schema = shape_schema(field.shape)
    if "$ref" in schema and (with_description and field.description or field.nullable):
        schema = {"allOf": [schema]}
    if with_description and field.description:
        schema["description"] = field.description
    if field.nullable and "allOf" in schema:
        schema.update(type="object", nullable=True)  # nullable needs a sibling type (refs name object tables)
    elif field.nullable and "type" in schema:
        schema["nullable"] = True
    if field.enum:
        schema["enum"] = list(field.enum)
    if field.default is not None:
        schema["default"] = field.default
    if field.minimum is not None:
        schema["minimum"] = field.minimum
    if field.maximum is not None:
        schema["maximum"] = field.maximum
    if field.min_length is not None:
        schema["minLength"] = field.min_length
    if field.max_length is not None:
        schema["maxLength"] = field.max_length
    if field.items is not None and isinstance(schema.get("items"), dict):
        schema["items"] = {**schema["items"], **_item_facts(field.items)}
    return schema


def _item_facts(items: ItemFacts) -> dict:
    facts: dict = {}
    if items.enum:
        facts["enum"] = list(items.enum)
    for key, value in (("minimum", items.minimum), ("maximum", items.maximum),
                       ("minLength", items.min_length), ("maxLength", items.max_length)):
        if value is not None:
            facts[key] = value
    return facts


def component_schema(schema: Schema) -> dict:
    """The components/schemas entry of a table."""
    result: dict = {"type": "object"}
    required = [f.name for f in schema.fields if f.required]
    if required:
        result["required"] = required
    result["properties"] = {f.name: field_schema(f) for f in schema.fields}
    result["x-source"] = schema.source
    return result
