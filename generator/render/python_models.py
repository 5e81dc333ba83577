"""The models side of the Python client: the schema input for datamodel-code-generator, and
an index of the classes and attributes it generated."""

from __future__ import annotations

import ast
import hashlib
import json
import math
import re
from dataclasses import dataclass

import yaml

from ..memo import Memo
from .python_names import class_name, escape_docstring_text

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: datamodel-code-generator reads its input as YAML, whose flow mappings (JSON) take no key
#: over 1024 characters; block style writes those as ``? key``.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_FLOW_KEY_LIMIT = 1000
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SUBSCHEMA = ("items", "additionalProperties", "not")
_SUBSCHEMAS = ("allOf", "anyOf", "oneOf")

#: Names the generated annotations use; a field named so would hide them in its class.
ANNOTATION_NAMES = frozenset({
    "list", "dict", "str", "int", "float", "bool", "bytes", "set", "tuple", "object", "Any",
    "Literal", "Annotated", "Field", "BaseModel", "ConfigDict", "RootModel",
})
#: Names the annotations use only where a schema has the format.
FORMAT_NAMES = {"date": {"date"}, "date-time": {"datetime", "AwareDatetime"}, "time": {"time"},
                "uuid": {"UUID"}, "uri": {"AnyUrl"}, "email": {"EmailStr"}}



@dataclass(frozen=True)
class ModelClass:
    """The class generated for a schema: its name and, per wire name, its attribute."""

    name: str
    attributes: dict[str, str]


#: schema name → its class
ModelIndex = dict[str, ModelClass]


@dataclass(frozen=True)
class ModelsInput:
    """What datamodel-code-generator gets: the schemas as YAML under their class names, field
    renames, and each schema's class name."""

    document: str
    aliases: dict[str, str]
    empty: bool
    class_names: dict[str, str]


def models_input(openapi_text: str, document: dict | None = None) -> ModelsInput:
    """The component schemas of an OpenAPI document for datamodel-code-generator.

    Enumerations are left out: models read responses, and a value the docs do not list must
    not make a response unreadable (the values stay in the field descriptions, and the OpenAPI
    document keeps them for validators and mock servers). Descriptions are escaped (it pastes
    them into docstrings verbatim); list items of any
    type are spelled so that they become ``list[Any]``; fields named like a type or a model
    get a trailing ``_`` (their wire name stays the alias). ``document``: the text as read
    already, if it was.
    """
    if document is None:
        document = yaml.load(openapi_text, Loader=_LOADER)
    schemas = (document.get("components") or {}).get("schemas") or {}
    taken: set[str] = set()
    class_names = {name: class_name(name, taken) for name in schemas}
    formats = set(re.findall(r"^\s*format: ([\w-]+)$", openapi_text, re.M))
    hiding = ANNOTATION_NAMES.union(taken, *(FORMAT_NAMES.get(f, ()) for f in formats))
    fields = {name for s in schemas.values() for name in _property_names(s)}
    refs = {f"#/components/schemas/{name}": f"#/components/schemas/{cls}" for name, cls in class_names.items()}
    return ModelsInput(
        _yaml_text({
            "openapi": document["openapi"],
            "info": document["info"],
            "paths": {},
            "components": {"schemas": {class_names[name]: _escaped(s, refs) for name, s in schemas.items()}},
        }),
        {name: name + "_" for name in sorted(fields & hiding)},
        not schemas,
        class_names,
    )


def _yaml_text(data: dict) -> str:
    """``data`` as text that a YAML 1.1 reader reads back as ``data``: JSON (ASCII, every
    other character escaped) where it is, block YAML where not."""
    if _json_reads_back(data):
        return json.dumps(data, ensure_ascii=True)
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def _json_reads_back(value: object) -> bool:
    """Whether YAML 1.1 reads ``value``'s JSON back as ``value``: string keys short enough
    for a flow mapping, floats without an exponent (YAML 1.1 takes ``1e-05`` for a string),
    no character JSON escapes as a surrogate pair."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and len(k) <= _FLOW_KEY_LIMIT and _json_reads_back(k)
                   and _json_reads_back(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_json_reads_back(v) for v in value)
    if isinstance(value, float):
        return math.isfinite(value) and "e" not in repr(value)
    if isinstance(value, str):
        return not _ASTRAL.search(value)
    return True


def _property_names(schema: object) -> list[str]:
    if not isinstance(schema, dict):
        return []
    names = list(schema.get("properties") or {})
    for sub in [*(schema.get("properties") or {}).values(), *(schema.get(k) for k in _SUBSCHEMA),
                *(s for k in _SUBSCHEMAS for s in schema.get(k) or [])]:
        names += _property_names(sub)
    return names


def _escaped(schema: object, refs: dict[str, str]) -> object:
    """The schema as datamodel-code-generator should read it: no examples or enums, escaped
    descriptions, references to the class names."""
    if not isinstance(schema, dict):
        return schema
    result = {k: v for k, v in schema.items() if k not in ("example", "examples", "enum")}
    if isinstance(result.get("$ref"), str):
        result["$ref"] = refs.get(result["$ref"], result["$ref"])
    if isinstance(result.get("description"), str):
        result["description"] = escape_docstring_text(result["description"])
    for key in _SUBSCHEMA:
        if key in result:
            result[key] = _escaped(result[key], refs)
    if result.get("items") == {}:
        result["items"] = {"nullable": True}
    for key in _SUBSCHEMAS:
        if key in result:
            result[key] = [_escaped(s, refs) for s in result[key]]
    if isinstance(result.get("properties"), dict):
        result["properties"] = {name: _escaped(s, refs) for name, s in result["properties"].items()}
    return result


def model_index(models_source: str, class_names: dict[str, str], memo: Memo | None = None) -> ModelIndex:
    """Per schema, the class generated for it with each field's wire name and attribute
    (from ``memo`` when the same module was read before)."""
    if memo is None:
        return _model_index(models_source, class_names)
    entry = "index:" + hashlib.sha256(json.dumps([models_source, class_names], sort_keys=True).encode()).hexdigest()
    if (known := memo.get(entry)) is not None:
        return {schema: ModelClass(name, attributes) for schema, (name, attributes) in json.loads(known).items()}
    index = _model_index(models_source, class_names)
    memo.put(entry, json.dumps({schema: [c.name, c.attributes] for schema, c in index.items()}))
    return index


def _model_index(models_source: str, class_names: dict[str, str]) -> ModelIndex:
    classes: dict[str, dict[str, str]] = {}
    for node in ast.parse(models_source).body:
        if isinstance(node, ast.ClassDef):
            classes[node.name] = {
                _alias(stmt) or stmt.target.id: stmt.target.id
                for stmt in node.body
                if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name)
                and stmt.target.id != "model_config"
            }
    return {schema: ModelClass(name, classes[name]) for schema, name in class_names.items() if name in classes}


def _alias(field: ast.AnnAssign) -> str | None:
    """The ``alias=`` of a field's ``Field(...)``, in its annotation or its default."""
    for node in ast.walk(field):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Field":
            for kw in node.keywords:
                if kw.arg == "alias" and isinstance(kw.value, ast.Constant):
                    return str(kw.value.value)
    return None
