"""The models side of the Python client: the schema input for datamodel-code-generator, and
an index of the classes and attributes it generated."""

from __future__ import annotations

import ast
import json

import yaml

from .python_names import escape_docstring_text

_SUBSCHEMA = ("items", "additionalProperties", "not")
_SUBSCHEMAS = ("allOf", "anyOf", "oneOf")

#: class name → {wire name → attribute name}
ModelIndex = dict[str, dict[str, str]]


def models_input(openapi_text: str) -> str:
    """The component schemas of an OpenAPI document as JSON for datamodel-code-generator.

    datamodel-code-generator pastes descriptions into docstrings verbatim, so they are escaped
    here to read back as the docs' text.
    """
    document = yaml.safe_load(openapi_text)
    schemas = (document.get("components") or {}).get("schemas") or {}
    return json.dumps({
        "openapi": document["openapi"],
        "info": document["info"],
        "paths": {},
        "components": {"schemas": {name: _escaped(s) for name, s in schemas.items()}},
    }, ensure_ascii=False, sort_keys=False)


def _escaped(schema: object) -> object:
    if not isinstance(schema, dict):
        return schema
    result = {k: v for k, v in schema.items() if k not in ("example", "examples")}
    if isinstance(result.get("description"), str):
        result["description"] = escape_docstring_text(result["description"])
    for key in _SUBSCHEMA:
        if key in result:
            result[key] = _escaped(result[key])
    for key in _SUBSCHEMAS:
        if key in result:
            result[key] = [_escaped(s) for s in result[key]]
    if isinstance(result.get("properties"), dict):
        result["properties"] = {name: _escaped(s) for name, s in result["properties"].items()}
    return result


def model_index(models_source: str) -> ModelIndex:
    """The classes of a generated models module with each field's wire name and attribute."""
    index: ModelIndex = {}
    for node in ast.parse(models_source).body:
        if isinstance(node, ast.ClassDef):
            index[node.name] = {
                _alias(stmt) or stmt.target.id: stmt.target.id
                for stmt in node.body
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                and stmt.target.id != "model_config"
            }
    return index


def _alias(field: ast.AnnAssign) -> str | None:
    """The ``alias=`` of a field's ``Field(...)``, in its annotation or its default."""
    for node in ast.walk(field):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Field":
            for kw in node.keywords:
                if kw.arg == "alias" and isinstance(kw.value, ast.Constant):
                    return str(kw.value.value)
    return None
