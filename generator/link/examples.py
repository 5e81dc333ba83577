"""Check JSON examples against the schemas of their operation.

An example that contradicts its table is a diagnostic naming the example and the field, and
is left out of the document (mock servers serve examples; they must match the schema).
Fields an example has but its table does not list are reported separately.
"""

from __future__ import annotations

import dataclasses

import jsonschema

from ..model.api import Operation, Service, Shape
from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Example
from ..render.schema import component_schema, shape_schema


@dataclasses.dataclass
class ExampleStats:
    json: int = 0
    parsed: int = 0
    validated: int = 0


def check_examples(service: Service) -> tuple[Service, list[Diagnostic], ExampleStats]:
    """The service with only schema-valid examples, the findings, and the counts."""
    components = {s.name: _null_when_optional(component_schema(s)) for s in service.schemas}
    strict = {name: _closed(schema) for name, schema in components.items()}
    checker = _Checker(components, strict)
    operations = []
    for op in service.operations:
        request = checker.keep(op, op.request_body, op.request_examples, "request")
        responses = tuple(
            dataclasses.replace(r, examples=checker.keep(op, r.body, r.examples, f"response {r.status}"))
            for r in op.responses
        )
        operations.append(dataclasses.replace(op, request_examples=request, responses=responses))
    return dataclasses.replace(service, operations=tuple(operations)), checker.diagnostics, checker.stats


def _null_when_optional(schema: dict) -> dict:
    """Examples write ``null`` for absent optional fields; accept it there (as the client does)."""
    required = set(schema.get("required", ()))
    properties = {name: prop if name in required else {"anyOf": [prop, {"type": "null"}]}
                  for name, prop in schema.get("properties", {}).items()}
    return {**schema, "properties": properties}


def _closed(schema: dict) -> dict:
    """A copy of a component that rejects properties its table does not list."""
    if "properties" in schema and "additionalProperties" not in schema:
        return {**schema, "additionalProperties": False}
    return schema


class _Checker:
    def __init__(self, components: dict, strict: dict) -> None:
        self.components = components
        self.strict = strict
        self.diagnostics: list[Diagnostic] = []
        self.stats = ExampleStats()
        self.seen: set[tuple[str, int]] = set()

    def keep(self, op: Operation, body: Shape | None, examples: tuple[Example, ...], what: str) -> tuple[Example, ...]:
        file = op.source.rsplit(":", 1)[0]
        kept = []
        for example in examples:
            first = (file, example.line) not in self.seen
            self.seen.add((file, example.line))
            if not example.is_json:
                continue
            if first:
                self.stats.json += 1
            if example.data is None:
                continue
            if first:
                self.stats.parsed += 1
            if body is None:
                kept.append(example)
                continue
            errors = self._errors(body, example.data, self.components)
            if errors:
                if first:
                    self._report(file, example, what, op, errors[0], len(errors))
                continue
            if first:
                self.stats.validated += 1
                for error in self._errors(body, example.data, self.strict)[:5]:
                    self.diagnostics.append(Diagnostic(
                        file, example.line, WARNING, "example-undocumented-field",
                        f"{what} example of {op.operation_id}: {_where(error)} {error.message}"))
            kept.append(example)
        return tuple(kept)

    def _errors(self, body: Shape, data: object, components: dict) -> list:
        schema = {**shape_schema(body), "components": {"schemas": components}}
        validator = jsonschema.Draft4Validator(schema)
        errors = [_deepest(e) for e in validator.iter_errors(data)]
        return sorted(errors, key=lambda e: (list(map(str, e.absolute_path)), e.message))

    def _report(self, file: str, example: Example, what: str, op: Operation, error, count: int) -> None:
        more = f" (and {count - 1} more)" if count > 1 else ""
        self.diagnostics.append(Diagnostic(
            file, example.line, WARNING, "example-mismatch",
            f"{what} example of {op.operation_id} contradicts its table at {_where(error)}: "
            f"{_describe(error)}{more}; left out of the document"))


def _deepest(error):
    """The error inside an anyOf that explains it best: not the ``null`` alternative, deepest."""
    while error.validator == "anyOf" and error.context:
        causes = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        if not causes:
            break
        # the deepest; among equally deep ones the first by path and message (their order
        # in ``context`` varies with the string hash seed)
        error = min(causes, key=lambda e: (-len(e.absolute_path), list(map(str, e.absolute_path)), e.message))
    return error


def _where(error) -> str:
    path = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)
    return "$" + path


_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "an integer", float: "a number", type(None): "null"}


def _describe(error) -> str:
    """What is wrong, short enough to read: the value only when it is short."""
    value = repr(error.instance)
    value = value if len(value) <= 40 else value[:37] + "..."
    if error.validator == "type":
        return f"{_JSON_TYPES.get(type(error.instance), 'a value')} {value} where the table says {error.validator_value}"
    if error.validator == "enum":
        return f"{value} is not one of the listed options {error.validator_value}"
    message = error.message
    return message if len(message) <= 160 else message[:157] + "..."
