"""Check JSON examples against the schemas of their operation.

An example that contradicts its table is a diagnostic naming the example and the field, and
is left out of the document (mock servers serve examples; they must match the schema).
Fields an example has but its table does not list are reported separately. Each finding
names the example's own page; what the examples say about the schemas (``null`` makes a
field nullable, ...) is read first (:mod:`.example_readings`). What no table documents is
not held against an example: the service's error body (read from its examples) is checked
for types only, a truncated example for what it shows, a masked value (``******``) for its
type only; an alternative example ("Or"), or an error body shown under a success status,
goes to the response it fits; an example of another call (step 2 of a worked example) is
a note, not a finding.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

import jsonschema

from ..model.api import Operation, Service, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Example, Page
from ..render.schema import component_schema, shape_schema
from ..parse.examples import request_line
from .errors import looks_like_error
from .example_readings import read_from_examples, wholly_masked


@dataclasses.dataclass
class ExampleStats:
    json: int = 0
    parsed: int = 0
    validated: int = 0


def check_examples(service: Service, pages: Iterable[Page] = ()) -> tuple[Service, list[Diagnostic], ExampleStats]:
    """The service with only schema-valid examples, the findings, and the counts (``pages``:
    the service's pages, where notes cite each operation's own copy of a table)."""
    service, notes = read_from_examples(service, pages)
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
    return dataclasses.replace(service, operations=tuple(operations)), notes + checker.diagnostics, checker.stats


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
        page) or another resource (``another_resource``: step 1, "POST /v1/.../publicips"
        on the POST page of load balancers), and the responses after it up to this call's
        next request, are no examples of this operation; a note says each is left out."""
        everything = op.request_examples + op.alternative_examples + tuple(e for r in op.responses for e in r.examples)
        other: dict[tuple[str, int], str] = {}
        call = None
        for example in sorted(everything, key=lambda e: (e.file, e.line)):
            line = request_line(example.text)
            if line is not None or example.kind == "request":
                call = (f"{line[0]} {line[1]}" if line is not None
                        and (line[0] != op.method or another_resource(line[1], op.path)) else None)
            if call is not None:
                other[(example.file, example.line)] = call

        def own(examples: tuple[Example, ...]) -> tuple[Example, ...]:
            kept = []
            for example in examples:
                call = other.get((example.file, example.line))
                if call is None:
                    kept.append(example)
                    continue
                what = f"example of {call}" if request_line(example.text) else f"response example after the {call} example"
                self.diagnostics.append(Diagnostic(
                    example.file or _file(op), example.line, INFO, "example-other-operation",
                    f"{what} on the page of {op.operation_id} ({op.method} {op.path}): "
                    "another call, not checked against its tables"))
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
            groups = self._error_groups(self._held_to(body, example.data, file), example.data, self.components, file)
            shown = [g for g in groups if g[0].validator != "required"] if example.elided else groups
            partial = len(shown) < len(groups)
            masked = [g[0] for g in shown if is_masked(g[0])]
            if shown and len(masked) == len(shown):
                if first:
                    self.diagnostics.append(Diagnostic(
                        file, example.line, INFO, "example-placeholder",
                        f"{what} example of {op.operation_id} shows a {'blank' if masked[0].instance == '' else 'masked'} "
                        f"value at {_where(masked[0])} "
                        f"({masked[0].instance!r}) where its table sets {masked[0].validator}; "
                        "left out of the document"))
                continue
            # a field whose first error is masked is a placeholder; the others count every error
            errors = [e for g in shown if not is_masked(g[0]) for e in g
                      if not is_masked(e) and not (example.elided and e.validator == "required")]
            if errors:
                if first:
                    self._report(file, example, what, op, errors[0], len(errors))
                continue
            if first:
                self.stats.validated += 1
                undocumented = [] if self._is_error_body(body) else [
                    e for e in self._errors(body, example.data, self.strict, file)
                    if e.validator == "additionalProperties"]
                for error in undocumented[:5]:
                    self.diagnostics.append(Diagnostic(
                        file, example.line, WARNING, "example-undocumented-field",
                        f"{what} example of {op.operation_id}: {_where(error)} {error.message}"))
            if not partial:  # a truncated example without its required fields is no valid example
                kept.append(example)
        return tuple(kept)

    def _errors(self, body: Shape, data: object, components: dict, home: str = "") -> list:
        """The schema errors of ``data``, one for each field it breaks (the first of
        ``_error_groups``)."""
        return [group[0] for group in self._error_groups(body, data, components, home)]

    def _error_groups(self, body: Shape, data: object, components: dict, home: str = "") -> list[list]:
        """The schema errors of ``data`` by the field they are in, the one that explains the
        field best first, then every other error inside it (inside an optional, nullable,
        object too: ``_field_errors``); for a body with alternatives, none where one fits,
        else those of the alternative it is closest to: fewest errors where no field may be
        added (a table that lists the example's fields beats one that merely requires
        little, or lists none of them: ``_weight``), then the one read from the example's
        own page ``home``, so a finding names what that alternative lacks."""
        if body.kind == "union" and body.options:
            if any(not self._errors(option, data, components) for option in body.options):
                return []
            return self._error_groups(self._nearest(body, data, components, home), data, components)
        schema = {**shape_schema(body), "components": {"schemas": components}}
        validator = jsonschema.Draft4Validator(schema)
        groups = [_field_errors(e) for e in validator.iter_errors(data)]
        return sorted(groups, key=lambda g: (list(map(str, g[0].absolute_path)), g[0].message))

    def _nearest(self, body: Shape, data: object, components: dict, home: str) -> Shape:
        """The alternative of a body that data is closest to: fewest errors where no field may
        be added, then the one read from the page ``home``, then fewest errors under
        ``components``."""
        return min(body.options, key=lambda option: (_weight(self._errors(option, data, self.strict)),
                                                     not self._read_on(option, home),
                                                     _weight(self._errors(option, data, components))))

    def _held_to(self, body: Shape, data: object, home: str) -> Shape:
        """The schema an example is held to: its body's; of a body with alternatives, the one
        it is nearest to, even where another fits it: an example that fits another page's
        table only because that table is open, and breaks the table of its own page that
        lists its fields (``totp`` of the MFA token page, whose ``user`` needs an ``id``),
        contradicts the table it was written for."""
        if body.kind != "union" or not body.options:
            return body
        return self._nearest(body, data, self.components, home)

    def _read_on(self, option: Shape, home: str) -> bool:
        """Whether an alternative is a schema read from a table of the page ``home``."""
        source = str(self.components.get(option.ref, {}).get("x-source", "")) if option.kind == "ref" else ""
        return bool(home) and source.rpartition(":")[0] == home

    def _report(self, file: str, example: Example, what: str, op: Operation, error, count: int) -> None:
        more = f" (and {count - 1} more)" if count > 1 else ""
        self.diagnostics.append(Diagnostic(
            file, example.line, WARNING, "example-mismatch",
            f"{what} example of {op.operation_id} contradicts its table at {_where(error)}: "
            f"{_describe(error)}{more}; left out of the document"))


def another_resource(target: str, path: str) -> bool:
    """Whether a request line's target names another resource than the operation's path:
    the last fixed segment of the path (``loadbalancers`` of ``/v2.0/lbaas/loadbalancers``)
    against the target's segment as far from its end (``publicips`` of ``POST
    https://{VPCEndpoint}/v1/.../publicips``). A placeholder or value there decides nothing;
    spellings of one word (``system-tasks``, ``systemTasks``; ``instance``, ``instances``)
    are the same resource."""
    def segments(url: str) -> list[str]:
        url = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
        return [s for s in re.split(r"[?#]", url, maxsplit=1)[0].split("/") if s]
    documented, shown = segments(path), segments(target)
    fixed = [i for i, s in enumerate(reversed(documented)) if not s.startswith("{")]
    if not fixed or len(shown) < len(documented):  # a cut or run-together target decides nothing
        return False
    word = shown[len(shown) - 1 - fixed[0]]
    if not _WORD.fullmatch(word):
        return False
    return _stem(word) != _stem(documented[len(documented) - 1 - fixed[0]])


_WORD = re.compile(r"[A-Za-z][A-Za-z_-]*")


def _stem(word: str) -> str:
    return re.sub(r"[-_]", "", word.lower()).removesuffix("s")


_MASK = re.compile(r"\*{3,}|[xX]{4,}|^[xX]{3}$")
_ELIDED = re.compile(r"[^.](?:\.{3,}|…)$")
_FACT_RULES = frozenset({"minLength", "maxLength", "pattern", "enum", "format"})


def is_masked(error) -> bool:
    """Whether a schema error is a masked value ("******", "XXXXXX", "684fc87a79d7xxxx22e6")
    or a cut one ("07664aec578026691f00c003a...") against a length, value list or pattern, or
    a value that is nothing but a mask ("xxx") where the table names another type, or an empty
    string against a value list: the page hides the value or leaves it unset, it states no
    other."""
    if not isinstance(error.instance, str):
        return False
    if error.validator == "type":
        return wholly_masked(error.instance)
    if error.validator == "enum" and not error.instance:
        return True
    return error.validator in _FACT_RULES and (_MASK.search(error.instance) is not None
                                               or _ELIDED.search(error.instance) is not None)


def _file(op: Operation) -> str:
    return op.source.rsplit(":", 1)[0]


def _weight(errors: list) -> int:
    """How far data is from a schema: one per error, one per field an object may not hold;
    a body whose table lists none of the example's fields weighs all the example holds
    (``_size``): that table is no table of this example (the other page of a merged
    operation, whose table has only ``error``, against an example nesting twenty fields
    under one key), however few keys the example has at its top."""
    return sum(_unlisted_weight(e) if e.validator == "additionalProperties" and isinstance(e.instance, dict) else 1
               for e in errors)


def _unlisted_weight(error) -> int:
    listed = error.schema.get("properties", {})
    unlisted = {k: v for k, v in error.instance.items() if k not in listed}
    if not error.absolute_path and len(unlisted) == len(error.instance):
        return _size(unlisted)
    return len(unlisted)


def _size(value: object) -> int:
    """How many values a JSON value holds, itself included."""
    if isinstance(value, dict):
        return 1 + sum(_size(v) for v in value.values())
    if isinstance(value, list):
        return 1 + sum(_size(v) for v in value)
    return 1


def _best_cause(error):
    """Of an anyOf error, the cause that explains it best, or None: not the ``null``
    alternative, the deepest; among equally deep ones the first by path and message (their
    order in ``context`` varies with the string hash seed)."""
    if error.validator != "anyOf" or not error.context:
        return None
    causes = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
    return min(causes, key=lambda e: (-len(e.absolute_path), list(map(str, e.absolute_path)), e.message),
               default=None)


def _field_errors(error) -> list:
    """The errors an error stands for, the one that explains it best (``_best_cause`` down) first:
    for an anyOf (an optional field is ``anyOf [its schema, null]``) every error of the
    alternative its best cause is in, each in turn so read; the others by path and message.
    A message so counts every wrong field inside a nullable object."""
    best = _best_cause(error)
    if best is None:
        return [error]
    branch = best.relative_schema_path[0]
    same = [e for e in error.context if e is not best and e.relative_schema_path[0] == branch]
    stated, *inner = _field_errors(best)
    rest = inner + [f for e in same for f in _field_errors(e)]
    return [stated, *sorted(rest, key=lambda e: (list(map(str, e.absolute_path)), e.message))]


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
