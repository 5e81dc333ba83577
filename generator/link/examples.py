"""Check JSON examples against the schemas of their operation.

An example that contradicts its table is a diagnostic naming the example and the field, and
is left out of the document (mock servers serve examples; they must match the schema).
Fields an example has but its table does not list are reported separately. Each finding
names the example's own page. A field the page's example shows as ``null`` is nullable.
What no table documents is not held against an example: the service's error body (read
from its examples) is checked for types only, a truncated example for what it shows, and an
alternative example ("Or") goes to the response it fits.
"""

from __future__ import annotations

import dataclasses
import re

import jsonschema

from ..model.api import Field, Operation, Service, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Example
from ..render.schema import component_schema, shape_schema
from ..parse.examples import request_line
from .errors import looks_like_error


@dataclasses.dataclass
class ExampleStats:
    json: int = 0
    parsed: int = 0
    validated: int = 0


def check_examples(service: Service) -> tuple[Service, list[Diagnostic], ExampleStats]:
    """The service with only schema-valid examples, the findings, and the counts."""
    service = without_named_exceptions(mark_nullable(widen_to_arrays(key_value_maps(without_member_lists(service)))))
    components = {s.name: _null_when_optional(component_schema(s)) for s in service.schemas}
    strict = {name: _closed(schema) for name, schema in components.items()}
    checker = _Checker(components, strict, service.error_schema)
    operations = []
    for op in service.operations:
        op = checker.own_examples(op)
        op = checker.errors_apart(op)
        request = checker.keep(op, op.request_body, op.request_examples, "request")
        placed = checker.place_alternatives(op)
        responses = tuple(
            dataclasses.replace(r, examples=checker.keep(op, r.body, r.examples + placed.get(r.status, ()),
                                                         f"response {r.status}"))
            for r in op.responses
        )
        operations.append(dataclasses.replace(op, request_examples=request, responses=responses,
                                              alternative_examples=()))
    return dataclasses.replace(service, operations=tuple(operations)), checker.diagnostics, checker.stats


def key_value_maps(service: Service) -> Service:
    """A field whose table has just the rows ``key`` and ``value`` ("in "max_connections":
    "10", the key is max_connections") is a map of the value's type where one of its
    operations' examples shows it as an object with other keys."""
    pairs = {s.name: next(f for f in s.fields if f.name == "value") for s in service.schemas
             if sorted(f.name for f in s.fields) == ["key", "value"]}
    maps: set[tuple[str, str]] = set()

    def wanted(schema: str, field: Field, value: object) -> bool:
        return (field.shape.kind == "ref" and field.shape.ref in pairs and isinstance(value, dict)
                and bool(value) and not {"key", "value"} & set(value))

    _walk_examples(service, wanted, maps)
    return _with_fields(service, maps, lambda f: dataclasses.replace(
        f, shape=Shape("map", items=pairs[f.shape.ref].shape)))


def widen_to_arrays(service: Service) -> Service:
    """A field whose Type cell only names a table (``Table 3``) is an array of that object
    where one of its operations' examples shows an array."""
    lists: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: isinstance(value, list) and field.loose, lists)
    return _with_fields(service, lists, lambda f: dataclasses.replace(f, shape=Shape("array", items=f.shape)))


def _walk_examples(service: Service, wanted, out: set[tuple[str, str]]) -> None:
    schemas = {s.name: s for s in service.schemas}
    for op in service.operations:
        pairs = [(op.request_body, e) for e in op.request_examples]
        pairs += [(r.body, e) for r in op.responses for e in r.examples]
        for body, example in pairs:
            if body is not None and example.data is not None:
                _fields_where(body, example.data, schemas, wanted, out, 0)


def _with_fields(service: Service, chosen: set[tuple[str, str]], change) -> Service:
    if not chosen:
        return service
    schemas = tuple(
        dataclasses.replace(s, fields=tuple(change(f) if (s.name, f.name) in chosen else f for f in s.fields))
        for s in service.schemas)
    return dataclasses.replace(service, schemas=schemas)


def mark_nullable(service: Service) -> Service:
    """Every field that one of its operations' examples shows as ``null`` marked nullable."""
    nulls: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: value is None, nulls)
    return _with_fields(service, nulls, lambda f: dataclasses.replace(f, nullable=True))


def without_member_lists(service: Service) -> Service:
    """A value list that names two or more fields of its own object ("The value can be
    **engine_id**, **engine_name + engine_version**, or **image_url**" beside rows
    ``engine_id`` and ``image_url``) says which fields to set, not the values of this one."""
    def field(f: Field, names: set[str]) -> Field:
        named = sum(1 for value in f.enum if isinstance(value, str) and value in names)
        return dataclasses.replace(f, enum=(), default=None) if named >= 2 else f

    return dataclasses.replace(service, schemas=tuple(
        dataclasses.replace(s, fields=tuple(field(f, {g.name for g in s.fields}) for f in s.fields))
        for s in service.schemas))


def without_named_exceptions(service: Service) -> Service:
    """A field's value list, range or length is no closed rule where one of its operations'
    examples shows a value outside it that the row's own description names ("The value can
    be 0 or ranges from 7 to 732", "supporting SATA, SAS, and SSD" above a list explaining
    two of them, "If none is specified, 0 is returned" beside "a UUID of 36 characters"):
    the facts were read from part of the text, and the field keeps only its type."""
    named: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: _outside_facts(field, value)
                   and names_value(field.description, value), named)
    return _with_fields(service, named, lambda f: dataclasses.replace(
        f, enum=(), minimum=None, maximum=None, min_length=None, max_length=None, default=None))


def _outside_facts(field, value: object) -> bool:
    """Whether a scalar example value breaks one of the field's value facts."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    if field.enum and value not in field.enum:
        return True
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return ((field.minimum is not None and value < field.minimum)
                or (field.maximum is not None and value > field.maximum))
    return isinstance(value, str) and (
        (field.min_length is not None and len(value) < field.min_length)
        or (field.max_length is not None and len(value) > field.max_length))


def names_value(description: str, value: object) -> bool:
    """Whether a description names ``value`` as a word of its own (``**0**``, ``SATA,``),
    case and all; an empty value is never named."""
    text = str(value)
    if not text.strip():
        return False
    return re.search(rf"(?<![\w.\-]){re.escape(text)}(?![\w\-]|\.\d)", description) is not None


def _fields_where(shape: Shape, data: object, schemas: dict, wanted, out: set[tuple[str, str]], depth: int) -> None:
    """Collect the (schema, field) pairs whose value in ``data`` is ``wanted``."""
    if depth > 64:
        return
    for option in shape.options or (shape,):
        if option.kind == "ref" and isinstance(data, dict) and option.ref in schemas:
            fields = {f.name: f for f in schemas[option.ref].fields}
            for key, value in data.items():
                field = fields.get(key)
                if field is None:
                    continue
                if wanted(option.ref, field, value):
                    out.add((option.ref, key))
                if value is not None:
                    _fields_where(field.shape, value, schemas, wanted, out, depth + 1)
                    if field.loose and isinstance(value, list):
                        for item in value:
                            _fields_where(field.shape, item, schemas, wanted, out, depth + 1)
        elif option.kind == "array" and isinstance(data, list) and option.items is not None:
            for item in data:
                _fields_where(option.items, item, schemas, wanted, out, depth + 1)
        elif option.kind == "map" and isinstance(data, dict) and option.items is not None:
            for value in data.values():
                _fields_where(option.items, value, schemas, wanted, out, depth + 1)


def _null_when_optional(schema: dict) -> dict:
    """Examples write ``null`` for absent optional fields; accept it there (as the client
    does), and wherever a field is nullable."""
    required = set(schema.get("required", ()))
    properties = {name: prop if name in required and not prop.get("nullable")
                  else {"anyOf": [prop, {"type": "null"}]}
                  for name, prop in schema.get("properties", {}).items()}
    return {**schema, "properties": properties}


def _closed(schema: dict) -> dict:
    """A copy of a component that rejects properties its table does not list."""
    if "properties" in schema and "additionalProperties" not in schema:
        return {**schema, "additionalProperties": False}
    return schema


class _Checker:
    def __init__(self, components: dict, strict: dict, error_schema: str) -> None:
        self.components = components
        self.strict = strict
        self.error_schema = error_schema
        self.diagnostics: list[Diagnostic] = []
        self.stats = ExampleStats()
        self.seen: set[tuple[str, int]] = set()

    def own_examples(self, op: Operation) -> Operation:
        """The operation without the examples that show another call: a request line with
        another method (step 2 of a worked example: "PUT /v1/.../publicips/..." on a POST
        page) is no example of this operation; a note says it is left out."""
        def own(examples: tuple[Example, ...]) -> tuple[Example, ...]:
            kept = []
            for example in examples:
                method = request_line(example.text)
                if method is not None and method[0] != op.method:
                    self.diagnostics.append(Diagnostic(
                        example.file or _file(op), example.line, INFO, "example-other-operation",
                        f"example of {method[0]} {method[1]} on the page of {op.operation_id} "
                        f"({op.method} {op.path}): another call, not checked against its tables"))
                    continue
                kept.append(example)
            return tuple(kept)

        return dataclasses.replace(
            op, request_examples=own(op.request_examples), alternative_examples=own(op.alternative_examples),
            responses=tuple(dataclasses.replace(r, examples=own(r.examples)) for r in op.responses))

    def errors_apart(self, op: Operation) -> Operation:
        """An error body shown under a success status ("Response returned when a frozen VPN
        connection fails to be updated" after the 200 example; the error example of a 204
        page) that does not fit the success table is an alternative: it goes to the error
        response it fits."""
        moved: list[Example] = []
        responses = []
        for r in op.responses:
            if r.status[:1] == "2" and r.body is not None and not self._is_error_body(r.body):
                stray = [e for e in r.examples if looks_like_error(e.data)
                         and self._errors(r.body, e.data, self.strict)]
                moved += stray
                r = dataclasses.replace(r, examples=tuple(e for e in r.examples if e not in stray))
            responses.append(r)
        if not moved:
            return op
        return dataclasses.replace(op, responses=tuple(responses),
                                   alternative_examples=op.alternative_examples + tuple(moved))

    def place_alternatives(self, op: Operation) -> dict[str, tuple[Example, ...]]:
        """Each alternative example under the first response whose table it fits exactly
        (success first), else under the first error response whose body it fits; one that
        fits none is left out with a note: the page does not say which response it is."""
        placed: dict[str, tuple[Example, ...]] = {}
        ordered = sorted(op.responses, key=lambda r: (r.status[0] not in "2", r.status))
        for example in op.alternative_examples:
            if example.data is None and ordered:
                placed[ordered[0].status] = placed.get(ordered[0].status, ()) + (example,)
                continue
            fits = [r for r in ordered if r.body is not None and not self._is_error_body(r.body)
                    and not self._errors(r.body, example.data, self.strict)]
            if not fits and looks_like_error(example.data):
                fits = [r for r in ordered if r.body is not None and self._is_error_body(r.body)
                        and not self._errors(r.body, example.data, self.components)]
            if fits:
                placed[fits[0].status] = placed.get(fits[0].status, ()) + (example,)
            else:
                self.diagnostics.append(Diagnostic(
                    example.file or _file(op), example.line, INFO, "example-unplaced",
                    f"alternative response example of {op.operation_id} fits none of its responses; "
                    "left out of the document"))
        return placed

    def _is_error_body(self, body: Shape) -> bool:
        """The service's error body, which no table of the page documents."""
        return bool(self.error_schema) and body.kind == "ref" and body.ref == self.error_schema

    def keep(self, op: Operation, body: Shape | None, examples: tuple[Example, ...], what: str) -> tuple[Example, ...]:
        kept = []
        for example in examples:
            file = example.file or _file(op)
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
            shown = [e for e in errors if e.validator != "required"] if example.elided else errors
            partial = len(shown) < len(errors)
            errors = shown
            masked = [e for e in errors if is_masked(e)]
            if errors and len(masked) == len(errors):
                if first:
                    self.diagnostics.append(Diagnostic(
                        file, example.line, INFO, "example-placeholder",
                        f"{what} example of {op.operation_id} shows a masked value at {_where(masked[0])} "
                        f"({masked[0].instance!r}) where its table sets {masked[0].validator}; "
                        "left out of the document"))
                continue
            errors = [e for e in errors if e not in masked]
            if errors:
                if first:
                    self._report(file, example, what, op, errors[0], len(errors))
                continue
            if first:
                self.stats.validated += 1
                undocumented = [] if self._is_error_body(body) else [
                    e for e in self._errors(body, example.data, self.strict) if e.validator == "additionalProperties"]
                for error in undocumented[:5]:
                    self.diagnostics.append(Diagnostic(
                        file, example.line, WARNING, "example-undocumented-field",
                        f"{what} example of {op.operation_id}: {_where(error)} {error.message}"))
            if not partial:  # a truncated example without its required fields is no valid example
                kept.append(example)
        return tuple(kept)

    def _errors(self, body: Shape, data: object, components: dict) -> list:
        """The schema errors of ``data``; for a body with alternatives, those of the one it
        fits best (fewest errors), so a finding names what that alternative lacks."""
        if body.kind == "union" and body.options:
            return min((self._errors(option, data, components) for option in body.options), key=len)
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


_MASK = re.compile(r"\*{3,}|[xX]{4,}|^[xX]{3}$")
_FACT_RULES = frozenset({"minLength", "maxLength", "pattern", "enum", "format"})


def is_masked(error) -> bool:
    """Whether a schema error is a masked value ("******", "XXXXXX", "684fc87a79d7xxxx22e6")
    against a length, value list or pattern: the page hides the value, it states no other."""
    return (error.validator in _FACT_RULES and isinstance(error.instance, str)
            and _MASK.search(error.instance) is not None)


def _file(op: Operation) -> str:
    return op.source.rsplit(":", 1)[0]


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
