"""Every OpenAPI document docbind writes is validated with openapi-spec-validator: each
problem is an error diagnostic naming the page and line behind the part of the document at
fault (the ``x-source`` of its operation or schema), never a silent success."""

from __future__ import annotations

from collections.abc import Iterator

import yaml
from openapi_spec_validator import OpenAPIV30SpecValidator
from openapi_spec_validator.validation.keywords import PathValidator

from ..model.diagnostics import ERROR, Diagnostic

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MESSAGE_LIMIT = 300
Where = tuple[str | int, ...]


def load_document(text: str) -> dict:
    """A rendered document as data (libyaml's reader where there is one)."""
    return yaml.load(text, Loader=_LOADER)


def validate_document(spec: dict, service_label: str) -> list[Diagnostic]:
    """The problems of one rendered document, as :func:`load_document` read it
    (``service_label`` is cited where no page is behind the part at fault), one diagnostic
    per distinct problem."""
    found: dict[tuple[str, int, str], None] = {}
    for where, message in _problems(spec):
        file, line = _source(spec, where, service_label)
        found.setdefault((file, line, f"the OpenAPI document is invalid at {_pointer(where)}: {_short(message)}"))
    return [Diagnostic(file, line, ERROR, "openapi-invalid", message) for file, line, message in found]


def _problems(spec: dict) -> Iterator[tuple[Where, str]]:
    """The validator's findings with where in the document they are: the OpenAPI schema
    first, then each component schema and each operation on its own (so a finding without a
    location of its own is placed, and a validator failure on one path does not hide the rest)."""
    validator = OpenAPIV30SpecValidator(spec)
    for error in validator.schema_validator.iter_errors(spec):
        yield tuple(error.absolute_path), error.message
    keywords = validator.keyword_validators_registry
    root = validator.schema_path
    if "components" in spec and "schemas" in spec["components"]:
        for name, schema in (root / "components" / "schemas").items():
            yield from _run(("components", "schemas", name), lambda: keywords["schema"](schema))
    if "paths" in spec:
        for url, item in (root / "paths").items():
            for method, operation in item.items():
                if method in PathValidator.OPERATIONS:
                    yield from _run(("paths", url, method),
                                    lambda: keywords["operation"](url, method, operation, None))


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
