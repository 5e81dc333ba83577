"""Every OpenAPI document docbind writes is validated with openapi-spec-validator: each
problem is an error diagnostic naming the page and line behind the part of the document at
fault (the ``x-source`` of its operation or schema), never a silent success."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

import jsonschema_rs
from openapi_spec_validator import OpenAPIV30SpecValidator
from openapi_spec_validator.validation.keywords import PathValidator

from ..memo import Memo
from ..model.diagnostics import ERROR, Diagnostic

#: The rest of a document that holds one part to validate on its own.
_STUB = {"openapi": "3.0.3", "info": {"title": "-", "version": "-"}, "paths": {}}
_MESSAGE_LIMIT = 300
Where = tuple[str | int, ...]


def validate_document(spec: dict, service_label: str, memo: Memo | None = None) -> list[Diagnostic]:
    """The problems of one rendered document, as data
    (``service_label`` is cited where no page is behind the part at fault), one diagnostic
    per distinct problem. With ``memo``, a part (a path, a component schema) validated
    before, in the same surroundings, is not validated again."""
    found: dict[tuple[str, int, str], None] = {}
    for where, message in _problems(spec, memo):
        file, line = _source(spec, where, service_label)
        found.setdefault((file, line, f"the OpenAPI document is invalid at {_pointer(where)}: {_short(message)}"))
    return [Diagnostic(file, line, ERROR, "openapi-invalid", message) for file, line, message in found]


def _problems(spec: dict, memo: Memo | None) -> Iterator[tuple[Where, str]]:
    """The validator's findings with where in the document they are: the document against
    the OpenAPI schema with its paths and component schemas left empty, then each component
    schema and each path on its own, against the OpenAPI schema and the keyword checks (so a
    finding without a location of its own is placed, a validator failure on one path does
    not hide the rest, and a part is validated again only when it or the components it may
    refer to changed)."""
    validator = OpenAPIV30SpecValidator(spec)
    meta = validator.schema_validator if not _conforms(validator.schema_validator.schema, spec) else None
    paths, schemas = _parts(spec, "paths"), _parts(spec.get("components"), "schemas")
    yield from _meta(meta, _skeleton(spec, paths, schemas))
    keywords = validator.keyword_validators_registry
    root = validator.schema_path
    refers_to = _digest(spec.get("components")) if memo is not None else ""
    if schemas:
        for name, schema in (root / "components" / "schemas").items():
            yield from _memoised(memo, ["schema", name, schemas[name], refers_to], lambda: [
                *_meta(meta, {**_STUB, "components": {"schemas": {name: schemas[name]}}}),
                *_run(("components", "schemas", name), lambda: keywords["schema"](schema))])
    if paths:
        for url, item in (root / "paths").items():
            yield from _memoised(memo, ["path", url, paths[url], refers_to], lambda: [
                *_meta(meta, {**_STUB, "paths": {url: paths[url]}}),
                *(found for method, operation in item.items() if method in PathValidator.OPERATIONS
                  for found in _run(("paths", url, method),
                                    lambda: keywords["operation"](url, method, operation, None)))])


def _parts(container: object, key: str) -> dict:
    """``container[key]`` when both are mappings, else nothing."""
    parts = container.get(key) if isinstance(container, dict) else None
    return parts if isinstance(parts, dict) else {}


def _skeleton(spec: dict, paths: dict, schemas: dict) -> dict:
    """``spec`` with every path item and component schema empty (both are valid so)."""
    skeleton = {**spec, "paths": dict.fromkeys(paths, {})} if paths else dict(spec)
    if schemas:
        skeleton["components"] = {**spec["components"], "schemas": dict.fromkeys(schemas, {})}
    return skeleton


def _meta(meta, document: dict) -> list[tuple[Where, str]]:
    """The findings of the OpenAPI schema on ``document`` (none when ``meta`` is None: the
    whole document conforms)."""
    if meta is None:
        return []
    return [(tuple(error.absolute_path), error.message) for error in meta.iter_errors(document)]


#: id of a JSON schema → (the schema, its jsonschema-rs validator)
_FAST: dict[int, tuple[dict, object]] = {}


def _conforms(schema: dict, document: dict) -> bool:
    """Whether ``document`` conforms to the draft-4 ``schema`` as jsonschema-rs (a compiled
    validator, a hundred times faster) checks it, formats not asserted as jsonschema does
    not. A yes spares jsonschema's check of the document and of each part; on a no (or any
    doubt) jsonschema finds and words the problems, so the findings are always jsonschema's."""
    try:
        if id(schema) not in _FAST:
            _FAST[id(schema)] = (schema, jsonschema_rs.Draft4Validator(dict(schema), validate_formats=False))
        return bool(_FAST[id(schema)][1].is_valid(document))
    except Exception:  # noqa: BLE001 - a value it cannot take (NaN): jsonschema decides
        return False


def _memoised(memo: Memo | None, made_from: list, check) -> list[tuple[Where, str]]:
    """``check()``, or what it found before from the same ``made_from``."""
    if memo is None:
        return check()
    entry = "validity:" + _digest(made_from)
    if (known := memo.get(entry)) is not None:
        return [(tuple(where), message) for where, message in json.loads(known)]
    found = check()
    memo.put(entry, json.dumps([[list(where), message] for where, message in found]))
    return found


def _digest(value: object) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _run(where: Where, check) -> Iterator[tuple[Where, str]]:
    """The findings of one keyword check at ``where``; the validator failing there is one too."""
    try:
        for error in check():
            yield where + tuple(getattr(error, "absolute_path", ())), str(getattr(error, "message", error))
    except Exception as exc:  # noqa: BLE001 - a validator crash on one part is a finding about it
        yield where, f"the validator cannot read it ({type(exc).__name__}: {exc})"


def _source(spec: dict, where: Where, service_label: str) -> tuple[str, int]:
    """The ``file``, ``line`` of the operation or schema containing ``where``."""
    target: object = None
    if len(where) >= 2 and where[0] == "paths":
        item = spec["paths"].get(where[1], {})
        operations = [item[where[2]]] if len(where) >= 3 and isinstance(item.get(where[2]), dict) else list(
            v for v in item.values() if isinstance(v, dict) and "x-source" in v)
        target = operations[0] if operations else None
    elif len(where) >= 3 and where[:2] == ("components", "schemas"):
        target = spec["components"]["schemas"].get(where[2])
    source = target.get("x-source") if isinstance(target, dict) else None
    if isinstance(source, str) and ":" in source:
        file, _, line = source.rpartition(":")
        if line.isdigit():
            return file, int(line)
    return service_label, 1


def _pointer(where: Where) -> str:
    """``where`` as a JSON pointer (``/paths/~1v1~1servers/get``)."""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in where)
    return "/" + "/".join(parts) if where else "/"


def _short(message: str) -> str:
    message = " ".join(message.split())
    return message if len(message) <= _MESSAGE_LIMIT else message[: _MESSAGE_LIMIT - 1] + "…"
