"""Stable operationIds: once a method + path has a name, later revisions keep it.

The registry is the previous OpenAPI document of the service (the committed ``generated/``
document for ``generate`` and ``check``, the old side for ``diff``). An operation whose
method + path is in the registry keeps its registered name, whatever its page's anchor or
title now says; a new operation keeps the name linking gave it unless that name is taken,
then it gets the first free ``Name2``, ``Name3``, ...

A maintainer renames on purpose in ``<docs>/<service>/operation-ids.yaml``, one line per
operation: ``GET /v1/{project_id}/jobs: ListJobs``. The override wins over the registry; the
changelog then reports the rename (old → new name). Body schemas named after an operation
(``XRequest``, ``XResponse``) follow its kept name, so model classes do not move either.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

from ..model.api import Field, Operation, Service, Shape
from ..fingerprint import key
from ..json_store import JsonStore
from ..model.diagnostics import WARNING, Diagnostic
from ..read import PageReadError, read_regular
from ..write import read_output

OVERRIDES = "operation-ids.yaml"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
#: The largest overrides file read (bytes): a few thousand renames fit in far less.
MAX_OVERRIDES_BYTES = 1024 * 1024

#: (METHOD, path with parameter names blanked) → operationId
Registry = dict[tuple[str, str], str]


def operation_key(method: str, path: str) -> tuple[str, str]:
    """Operation identity: method and path, path parameter names ignored."""
    return method.upper(), re.sub(r"\{[^}]*\}", "{}", path)


def registry_from_document(document: dict | None) -> Registry:
    """The names an OpenAPI document gives its operations."""
    registry: Registry = {}
    paths = document.get("paths") if isinstance(document, dict) else None
    for path, item in (paths if isinstance(paths, dict) else {}).items():
        for method in _METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if isinstance(op, dict) and isinstance(op.get("operationId"), str):
                registry[operation_key(method, path)] = op["operationId"]
    return registry


def read_overrides(file: Path, label: str) -> tuple[Registry, list[Diagnostic]]:
    """A maintainer's renames; a line that is not ``METHOD /path: Name`` is a diagnostic."""
    if not file.exists() and not file.is_symlink():
        return {}, []
    try:
        data = yaml.safe_load(read_regular(file, MAX_OVERRIDES_BYTES, "file").decode("utf-8")) or {}
    except PageReadError as exc:
        return {}, [Diagnostic(label, 1, WARNING, "operation-ids-unreadable", str(exc))]
    except UnicodeDecodeError:
        return {}, [Diagnostic(label, 1, WARNING, "operation-ids-unreadable", "not UTF-8 text")]
    except yaml.YAMLError as exc:
        return {}, [Diagnostic(label, 1, WARNING, "operation-ids-unreadable", f"not YAML: {exc}")]
    if not isinstance(data, dict):
        return {}, [Diagnostic(label, 1, WARNING, "operation-ids-unreadable", "expected METHOD /path: Name lines")]
    found: Registry = {}
    problems = []
    for key, name in data.items():
        method, _, path = str(key).partition(" ")
        if method.lower() not in _METHODS or not path.startswith("/") or not _NAME.match(str(name)):
            problems.append(Diagnostic(label, 1, WARNING, "operation-ids-unreadable",
                                       f"{key!r}: {name!r} is not METHOD /path: Name"))
            continue
        found[operation_key(method, path.strip())] = str(name)
    return found, problems


def stable_operation_ids(service: Service, registry: Registry, overrides: Registry | None = None) -> Service:
    """The service with registered names kept, overrides applied and new names unique."""
    overrides = overrides or {}
    wanted: dict[int, str] = {}
    for index, op in enumerate(service.operations):
        key = operation_key(op.method, op.path)
        if key in overrides:
            wanted[index] = overrides[key]
        elif key in registry:
            wanted[index] = registry[key]
    taken = set(wanted.values())
    renamed: list[Operation] = []
    for index, op in enumerate(service.operations):
        name = wanted.get(index)
        if name is None:
            name = op.operation_id
            number = 2
            while name in taken:
                name, number = f"{op.operation_id}{number}", number + 1
            taken.add(name)
        renamed.append(op if name == op.operation_id else dataclasses.replace(op, operation_id=name))
    schema_names = _schema_renames(service, {op.operation_id: new.operation_id
                                             for op, new in zip(service.operations, renamed)})
    return _rename_schemas(dataclasses.replace(service, operations=tuple(renamed)), schema_names)


_BODY_SUFFIX = re.compile(r"^(Request\d*|Response(?:[1-5]\d\d)?\d*)$")


def _schema_renames(service: Service, ids: dict[str, str]) -> dict[str, str]:
    """Body schemas named after an operation (``XRequest``, ``XResponse404``) follow its name."""
    taken = {schema.name for schema in service.schemas}
    found: dict[str, str] = {}
    for old, new in ids.items():
        if old == new:
            continue
        for schema in service.schemas:
            suffix = schema.name[len(old):]
            if schema.name.startswith(old) and _BODY_SUFFIX.match(suffix) and new + suffix not in taken:
                found[schema.name] = new + suffix
                taken.add(new + suffix)
    return found


def _rename_schemas(service: Service, names: dict[str, str]) -> Service:
    if not names:
        return service

    def shape(s: Shape | None) -> Shape | None:
        if s is None:
            return None
        return dataclasses.replace(s, ref=names.get(s.ref, s.ref) if s.ref else s.ref, items=shape(s.items),
                                   options=tuple(shape(o) for o in s.options))

    def field(f: Field) -> Field:
        return dataclasses.replace(f, shape=shape(f.shape))

    schemas = sorted((dataclasses.replace(s, name=names.get(s.name, s.name), fields=tuple(map(field, s.fields)))
                      for s in service.schemas), key=lambda s: s.name)
    operations = tuple(dataclasses.replace(
        op, parameters=tuple(map(field, op.parameters)), request_body=shape(op.request_body),
        responses=tuple(dataclasses.replace(r, body=shape(r.body), headers=tuple(map(field, r.headers)))
                        for r in op.responses)) for op in service.operations)
    return dataclasses.replace(service, schemas=tuple(schemas), operations=operations)


def registries_from_documents(documents: dict[str, str], store: JsonStore | None = None) -> dict[str, Registry]:
    """Service name → registry, from OpenAPI document texts (unreadable ones give none);
    ``store`` keeps each document's registry under its digest, so an unchanged document is
    not parsed again."""
    found = {}
    for service, text in documents.items():
        entry = key("registry", text) if store else ""
        kept = store.get(entry) if store else None
        if isinstance(kept, list) and all(isinstance(i, list) and len(i) == 3 and all(isinstance(s, str) for s in i)
                                          for i in kept):
            found[service] = {(method, path): name for method, path, name in kept}
            continue
        try:
            found[service] = registry_from_document(yaml.load(text, Loader=_LOADER))
        except yaml.YAMLError:
            continue
        if store:
            keep_registry(store, text, found[service])
    return found


def keep_registry(store: JsonStore, text: str, registry: Registry) -> None:
    """Keep ``registry`` as that of the document ``text`` (one docbind writes, say, so that
    the next run does not parse it to find its names)."""
    store.put(key("registry", text), sorted([*k, v] for k, v in registry.items()))


def registries_from_output(out: Path, store: JsonStore | None = None) -> dict[str, Registry]:
    """The registries of the OpenAPI documents committed under ``out/openapi`` (kept in ``store``)."""
    folder = out / "openapi"
    if not folder.is_dir():
        return {}
    texts = {p.stem: read_output(out, f"openapi/{p.name}") for p in sorted(folder.glob("*.yaml"))}
    return registries_from_documents({service: text for service, text in texts.items() if text is not None}, store)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
