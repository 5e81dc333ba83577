"""Link the parsed pages of one service into the API model.

Tables are first built under provisional references (``page:table``), cross-page refs
resolved through the service's label index; then identical tables are merged and every
schema gets a readable, unique name.
"""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from pathlib import PurePosixPath

from ..model.api import Field, Operation, Response, Schema, Service, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Endpoint, Example, Page, Row, Table, TypeExpr
from .naming import is_name_label, operation_id_from_title, pascal
from .values import typed_facts

_TEMPLATE = re.compile(r"\{([^}]+)\}")
_HTTP_REASONS = {"200": "OK", "201": "Created", "202": "Accepted", "204": "No Content",
                 "400": "Bad Request", "401": "Unauthorized", "403": "Forbidden",
                 "404": "Not Found", "409": "Conflict", "500": "Internal Server Error"}
_METHOD_ORDER = {m: i for i, m in enumerate(("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"))}

TableKey = tuple[int, int]
ERROR_REF = "#error"


@dataclasses.dataclass
class LinkResult:
    """The service model plus what the linker found and which rows reached the output."""

    service: Service
    diagnostics: list[Diagnostic]
    placed: set[tuple[str, int]]


def link_service(name: str, pages: list[Page]) -> LinkResult:
    """Build the service model from its pages (sorted by file for determinism)."""
    return _Linker(name, sorted(pages, key=lambda p: p.file)).run()


class _Linker:
    def __init__(self, name: str, pages: list[Page]) -> None:
        self.name = name
        self.pages = pages
        self.diagnostics: list[Diagnostic] = []
        self.placed: set[tuple[str, int]] = set()
        self.labels: dict[str, TableKey] = {}
        for pi, page in enumerate(pages):
            for ti, table in enumerate(page.tables):
                for label in table.labels:
                    self.labels.setdefault(label, (pi, ti))
        self.referenced = self._referenced_tables()
        self.implicit: dict[tuple[int, int], TableKey] = {}
        self.implicit = self._implicit_links()
        self.referenced |= set(self.implicit.values())
        self.fields: dict[TableKey, tuple[Field, ...]] = {}
        self.hints: dict[TableKey, str] = {}
        self.owner: dict[TableKey, str] = {}
        self.order: list[TableKey] = []
        self.current_op = ""
        self.error_source = ""

    # -- entry --------------------------------------------------------------------------
    def run(self) -> LinkResult:
        operations = self._operations()
        schemas, rename = self._name_schemas()
        if self.error_source:
            error = _error_schema(self.error_source, {s.name for s in schemas})
            schemas = sorted([*schemas, error], key=lambda s: s.name)
            rename[ERROR_REF] = error.name
        operations = [_rename_operation(op, rename) for op in operations]
        operations.sort(key=lambda op: (op.path, _METHOD_ORDER.get(op.method, 9), op.operation_id))
        self._account_unplaced_tables()
        service = Service(self.name, self._service_title(), tuple(operations), tuple(schemas))
        return LinkResult(service, self.diagnostics, self.placed)

    def _service_title(self) -> str:
        for page in self.pages:
            if PurePosixPath(page.file).name == "index.rst" and len(PurePosixPath(page.file).parts) <= 3:
                if page.title:
                    return re.sub(r"\s*[-–]\s*API Reference$", "", page.title, flags=re.I) or page.title
        return self.name

    # -- references ---------------------------------------------------------------------
    def _resolve(self, pi: int, target: str) -> TableKey | None:
        if target.startswith("#table "):
            number = target.split()[1]
            for ti, table in enumerate(self.pages[pi].tables):
                if table.number == number:
                    return (pi, ti)
            return None
        if target.startswith("#name "):
            wanted = pascal(target[len("#name "):]).lower()
            for ti, table in enumerate(self.pages[pi].tables):
                if table.kind == "fields" and (_caption_names(table.caption) | {pascal(table.caption).lower()}) & {wanted}:
                    return (pi, ti)
            return None
        return self.labels.get(target)

    def _referenced_tables(self) -> set[TableKey]:
        """Tables that a row of an earlier table on their own page links to: nested there, so
        not top-level tables (a later table linking back, as in a recursive structure, does not
        make its ancestor nested)."""
        seen: set[TableKey] = set()
        for pi, page in enumerate(self.pages):
            for ti, table in enumerate(page.tables):
                for row in table.rows:
                    targets = list(row.refs)
                    if row.type is not None:
                        targets.extend(_type_refs(row.type))
                    for target in targets:
                        key = self._resolve(pi, target)
                        if key is not None and key[0] == pi and key[1] > ti:
                            seen.add(key)
        return seen

    def _implicit_links(self) -> dict[tuple[int, int], TableKey]:
        """Style D: a table no ref names, whose caption or lead-in names an untyped object field
        of an earlier table on the page (``**Table 5** **listeners** parameter description``)."""
        links: dict[tuple[int, int], TableKey] = {}
        for pi, page in enumerate(self.pages):
            for ti, table in enumerate(page.tables):
                if table.kind != "fields" or (pi, ti) in self.referenced or ti == 0:
                    continue
                wanted = _caption_names(table.caption) or _caption_names(table.lead_in)
                if not wanted:
                    continue
                row = self._open_object_row(pi, ti, wanted, links)
                if row is not None:
                    links[(pi, row.line)] = (pi, ti)
        return links

    def _open_object_row(self, pi: int, ti: int, wanted: set[str], taken: dict) -> Row | None:
        """The nearest earlier row named like ``wanted`` whose object type has no table yet."""
        for earlier in reversed(self.pages[pi].tables[:ti]):
            for row in earlier.rows:
                if (pi, row.line) in taken or _norm(row.name.split(".")[-1]) not in wanted:
                    continue
                linked = self._linked_table(pi, row)
                if _is_open_object(row.type) and (linked is None or linked[0] != pi):
                    return row
        return None

    # -- operations ---------------------------------------------------------------------
    def _operations(self) -> list[Operation]:
        operations: dict[tuple[str, str], Operation] = {}
        used_ids: set[str] = set()
        for pi, page in enumerate(self.pages):
            for index, endpoint in enumerate(page.endpoints):
                key = (endpoint.method, _normal_path(_split_query(endpoint.path)[0]))
                known = operations.get(key)
                if known is not None and known.source.rsplit(":", 1)[0] == page.file:
                    continue
                op_id = known.operation_id if known else self._operation_id(page, endpoint, index, used_ids)
                own_id = self._operation_id(page, endpoint, index, set(used_ids)) if known else op_id
                operation = dataclasses.replace(self._operation(pi, endpoint, own_id), operation_id=op_id)
                if known is None:
                    operations[key] = operation
                    continue
                self.diagnostics.append(Diagnostic(
                    page.file, endpoint.line, INFO, "operation-duplicate",
                    f"{endpoint.method} {known.path} is also documented by {known.source}; "
                    "merged into one operation with alternative bodies"))
                operations[key] = _merge(known, operation)
        return list(operations.values())

    def _operation_id(self, page: Page, endpoint: Endpoint, index: int, used: set[str]) -> str:
        """The page label where it is a name, else one from the title; a clash takes the path's
        version (``ListSubnetsV1``, ``ShowServerV21`` for v2.1), then a number."""
        base = page.label if is_name_label(page.label) else operation_id_from_title(page.title, endpoint.method)
        base = base or endpoint.method.title()
        version = re.match(r"/(v[\d.]+)\b", endpoint.path, re.I)
        suffix = version.group(1).upper().replace(".", "") if version else ""
        candidates = [base] if index == 0 else []
        candidates += [base + suffix] if suffix and not base.endswith(suffix) else []
        candidates += [f"{base}{n}" for n in range(2, 1000)]
        candidate = next(c for c in candidates if c not in used)
        used.add(candidate)
        return candidate

    def _operation(self, pi: int, endpoint: Endpoint, op_id: str) -> Operation:
        page = self.pages[pi]
        self.current_op = op_id
        path, query_names = _split_query(endpoint.path)
        if path != "/" and path.endswith("/"):
            self.diagnostics.append(Diagnostic(page.file, endpoint.line, INFO, "path-trailing-slash",
                                               f"path {path} written with a trailing slash; generated without it"))
            path = _clean_trailing_slash(path)
        template = _TEMPLATE.findall(path)
        parameters: dict[tuple[str, str], Field] = {}
        request_body: Shape | None = None
        bodies: dict[str, Shape] = {}
        response_headers: dict[str, dict[str, Field]] = defaultdict(dict)
        statuses = [s.code for s in page.status_codes]
        default_status = next((s for s in statuses if s.startswith("2")), "200")
        for sc in page.status_codes:
            self.placed.add((page.file, sc.line))
        for ti, table in enumerate(page.tables):
            if table.kind == "status":
                continue
            if table.kind != "fields":
                self._cover(page, table, "table-columns",
                            f"table with columns {list(table.columns)} is not a parameter or field table")
                continue
            if (pi, ti) in self.referenced:
                continue
            location = table.location or ""
            if location == "response-header":
                status = table.status or default_status
                for row in table.rows:
                    field = self._field(pi, row)
                    if field is not None:
                        response_headers[status][field.name] = dataclasses.replace(field, location="header")
                        self.placed.add((page.file, row.line))
            elif location in ("path", "uri", "query", "header"):
                for row in table.rows:
                    self._parameter(pi, table, row, location, template, parameters)
            elif location in ("body", "response") and _names_one_object(table.caption) and (
                    request_body if location == "body" else bodies.get(table.status or default_status)) is not None:
                self._cover(page, table, "table-orphan",
                            f"table {table.caption!r} names an object no field of this page has")
            elif location == "body":
                if request_body is not None:
                    self._alternative(page, table, "request body")
                name = _alternative_name(f"{op_id}Request", request_body)
                request_body = _either(request_body, self._table_shape(pi, ti, name))
            elif location == "response":
                status = table.status or default_status
                known = bodies.get(status)
                if known is not None:
                    self._alternative(page, table, f"response {status} body")
                name = _alternative_name(_response_name(op_id, status), known)
                bodies[status] = _either(known, self._table_shape(pi, ti, name))
            else:
                self._cover(page, table, "table-orphan", "a table outside the URI, request and response sections")
        for name in query_names:
            if ("query", name) not in parameters:
                parameters[("query", name)] = Field(name, Shape("string"), False, "", f"{page.file}:{endpoint.line}",
                                                    location="query")
        for name in template:
            if ("path", name) not in parameters:
                self.diagnostics.append(Diagnostic(
                    page.file, endpoint.line, WARNING, "param-missing",
                    f"path parameter {{{name}}} is not documented in any table; typed as string"))
                parameters[("path", name)] = Field(name, Shape("string"), True, "", f"{page.file}:{endpoint.line}",
                                                   location="path")
        responses = self._responses(page, bodies, default_status, response_headers)
        request_examples = tuple(e for e in page.examples if e.kind == "request")
        parsed = [e for e in request_examples if e.data is not None]
        if request_body is None and parsed:
            self.diagnostics.append(Diagnostic(page.file, parsed[0].line, INFO, "object-free-form",
                                               "request example but no request table; free-form body"))
            request_body = Shape("any")
        return Operation(
            operation_id=op_id,
            method=endpoint.method,
            path=path,
            summary=page.title,
            description=page.description,
            tags=(self._tag(page),),
            parameters=tuple(sorted(parameters.values(), key=_param_order)),
            request_body=request_body,
            request_examples=request_examples,
            responses=responses,
            source=f"{page.file}:{endpoint.line}",
            original_name=page.original_name,
        )

    def _responses(self, page: Page, bodies: dict[str, Shape], default_status: str,
                   headers: dict[str, dict[str, Field]]) -> tuple[Response, ...]:
        described = {s.code: s.description for s in page.status_codes}
        examples: dict[str, list[Example]] = defaultdict(list)
        error_status = next((s for s in sorted(described) if s[0] in "45"), "400")
        for example in page.examples:
            if example.kind == "response":
                status = error_status if example.status == "error" else example.status or default_status
                examples[status].append(example)
        codes = set(described) | set(bodies) | set(examples) | set(headers) or {default_status}
        responses = []
        for code in sorted(codes):
            body = bodies.get(code)
            if body is None and code[0] in "45":
                body = Shape("ref", ref=ERROR_REF)
                self.error_source = self.error_source or f"{page.file}:{page.title_line}"
            elif body is None and any(e.data is not None for e in examples.get(code, ())):
                first = next(e for e in examples[code] if e.data is not None)
                self.diagnostics.append(Diagnostic(
                    page.file, first.line, INFO, "object-free-form",
                    f"response {code} has an example but no table; free-form body"))
                body = Shape("any")
            responses.append(Response(code, described.get(code) or _HTTP_REASONS.get(code, "Response"), body,
                                      tuple(examples.get(code, ())), tuple(headers.get(code, {}).values())))
        return tuple(responses)

    def _tag(self, page: Page) -> str:
        folder = PurePosixPath(page.file).parent
        for candidate in self.pages:
            path = PurePosixPath(candidate.file)
            if path.name == "index.rst" and path.parent == folder and candidate.title and path != PurePosixPath(page.file):
                return candidate.title
        return folder.name.replace("_", " ").replace("-", " ")

    # -- parameters and fields ----------------------------------------------------------
    def _parameter(self, pi: int, table: Table, row: Row, location: str, template: list[str],
                   parameters: dict[tuple[str, str], Field]) -> None:
        page = self.pages[pi]
        if location == "uri":
            location = "path" if row.name in template else "query"
        elif location == "path" and row.name not in template:
            self.diagnostics.append(Diagnostic(
                page.file, row.line, WARNING, "param-not-in-path",
                f"{row.name!r} is listed as a path parameter but the path has no {{{row.name}}}; "
                "treated as a query parameter"))
            location = "query"
        field = self._field(pi, row)
        if field is None:
            return
        if (location, field.name) in parameters:
            self._duplicate(page, row, field, parameters[(location, field.name)], f"{location} parameter")
            return
        required = True if location == "path" else field.required
        parameters[(location, field.name)] = dataclasses.replace(field, location=location, required=required)
        self.placed.add((page.file, row.line))

    def _field(self, pi: int, row: Row) -> Field | None:
        page = self.pages[pi]
        if not row.name:
            self._row_diag(page, row, "row-empty-name", "row without a parameter name")
            return None
        shape = self._shape(pi, row, row.type)
        facts = typed_facts(row.facts, shape)
        return Field(
            name=row.name,
            shape=shape,
            required=(row.mandatory or "").strip().lower().startswith("yes"),
            description=row.description,
            source=f"{page.file}:{row.line}",
            enum=facts.enum,
            default=facts.default,
            minimum=facts.minimum,
            maximum=facts.maximum,
        )

    def _shape(self, pi: int, row: Row, expr: TypeExpr | None) -> Shape:
        page = self.pages[pi]
        if expr is None:
            return Shape("any") if row.type_text else Shape("string")
        if expr.kind == "ref":
            key = self._resolve(pi, expr.ref or "")
            if key is None and (expr.ref or "").startswith("#name "):
                key = self._linked_table(pi, row)
                if key is None:
                    self._free_form(page, row)
                    return Shape("object")
            if key is None:
                self._row_diag(page, row, "ref-unresolved",
                               f"{row.name!r} refers to {expr.ref!r}, which names no table; using a free-form object")
                return Shape("object")
            return self._table_shape(key[0], key[1], self._nested_hint(key, row))
        if expr.kind in ("array", "map"):
            if expr.items is not None and expr.items.kind not in ("object", "any"):
                return Shape(expr.kind, items=self._shape(pi, row, expr.items))
            linked = self._linked_table(pi, row)
            if linked is not None:
                return Shape(expr.kind, items=self._table_shape(linked[0], linked[1], self._nested_hint(linked, row)))
            if expr.kind == "array" and expr.items is None:
                self._free_form(page, row)
                return Shape("array", items=Shape("any"))
            self._free_form(page, row)
            return Shape(expr.kind, items=Shape("object") if expr.kind == "array" else None)
        if expr.kind == "object":
            linked = self._linked_table(pi, row)
            if linked is not None:
                return self._table_shape(linked[0], linked[1], self._nested_hint(linked, row))
            self._free_form(page, row)
            return Shape("object")
        return Shape(expr.kind, expr.format)

    def _linked_table(self, pi: int, row: Row) -> TableKey | None:
        """A table named by a ref in the row's name or description (styles B and C), or
        found by its caption (style D)."""
        if (pi, row.line) in self.implicit:
            return self.implicit[(pi, row.line)]
        for target in row.refs:
            key = self._resolve(pi, target)
            if key is not None:
                return key
        return None

    def _free_form(self, page: Page, row: Row) -> None:
        self.diagnostics.append(Diagnostic(
            page.file, row.line, INFO, "object-free-form",
            f"{row.name!r} ({row.type_text or 'no type'}) has no table describing it; free-form schema"))

    def _nested_hint(self, key: TableKey, row: Row) -> str:
        table = self.pages[key[0]].tables[key[1]]
        return pascal(table.caption) or pascal(row.name) or "Object"

    def _table_shape(self, pi: int, ti: int, hint: str) -> Shape:
        key = (pi, ti)
        if key not in self.hints:
            self.hints[key] = hint
            self.owner[key] = self.current_op
            self.order.append(key)
            self.fields[key] = ()
            page, table = self.pages[pi], self.pages[pi].tables[ti]
            fields: dict[str, Field] = {}
            for row in table.rows:
                field = self._field(pi, row)
                if field is None:
                    continue
                if field.name in fields:
                    self._duplicate(page, row, field, fields[field.name], "field")
                    continue
                fields[field.name] = field
                self.placed.add((page.file, row.line))
            self.fields[key] = tuple(fields.values())
        return Shape("ref", ref=f"{pi}:{ti}")

    # -- schema names -------------------------------------------------------------------
    def _name_schemas(self) -> tuple[list[Schema], dict[str, str]]:
        fingerprints: dict[TableKey, str] = {}
        for key in self.order:
            self._fingerprint(key, fingerprints, set())
        first: dict[str, TableKey] = {}
        for key in self.order:
            first.setdefault(fingerprints[key], key)
        by_base: dict[str, list[str]] = defaultdict(list)
        for fp, key in first.items():
            by_base[self.hints[key]].append(fp)
        names: dict[str, str] = {}
        taken: set[str] = set()
        for base, fps in by_base.items():
            for fp in fps:
                top_level = re.search(r"(Request|Response)(\d{3})?\d*$", base)
                name = base if len(fps) == 1 or top_level else self.owner[first[fp]] + base
                candidate, n = name, 2
                while candidate in taken:
                    candidate, n = f"{name}{n}", n + 1
                taken.add(candidate)
                names[fp] = candidate
        rename = {f"{k[0]}:{k[1]}": names[fingerprints[k]] for k in self.order}
        schemas = []
        for fp, key in first.items():
            page, table = self.pages[key[0]], self.pages[key[0]].tables[key[1]]
            fields = tuple(_rename_field(f, rename) for f in self.fields[key])
            schemas.append(Schema(names[fp], table.caption, fields, f"{page.file}:{table.line}"))
        schemas.sort(key=lambda s: s.name)
        return schemas, rename

    def _fingerprint(self, key: TableKey, done: dict[TableKey, str], active: set[TableKey]) -> str:
        if key in done:
            return done[key]
        if key in active:
            return f"cycle:{self.hints[key]}"
        active.add(key)
        parts = [self.hints[key] if self.hints[key].endswith(("Request", "Response")) or
                 re.search(r"Response\d{3}$", self.hints[key]) else ""]
        for field in self.fields[key]:
            shape = _map_refs(field.shape, lambda ref: self._fingerprint(_key(ref), done, active))
            parts.append(repr((field.name, shape, field.required, field.description, field.enum,
                               field.default, field.minimum, field.maximum)))
        active.discard(key)
        done[key] = "\n".join(parts)
        return done[key]

    # -- accounting ---------------------------------------------------------------------
    def _alternative(self, page: Page, table: Table, what: str) -> None:
        self.diagnostics.append(Diagnostic(
            page.file, table.line, INFO, "table-alternative",
            f"another top-level {what} table that no field links to; kept as an alternative (anyOf)"))

    def _duplicate(self, page: Page, row: Row, field: Field, first: Field, what: str) -> None:
        """A row repeating a name: a repeat of the same type is in the output already (its
        description or required flag may differ: the first is kept); another type is not."""
        if field.shape == first.shape:
            self.placed.add((page.file, row.line))
            same = dataclasses.replace(field, source=first.source) == first
            self.diagnostics.append(Diagnostic(
                page.file, row.line, INFO, "row-duplicate",
                f"{what} {field.name!r} repeats {first.source}" + (" word for word" if same else "; first kept")))
        else:
            self._row_diag(page, row, "row-duplicate",
                           f"{what} {field.name!r} is defined again, differently from {first.source}; first kept")

    def _row_diag(self, page: Page, row: Row, code: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(page.file, row.line, WARNING, code, message))

    def _cover(self, page: Page, table: Table, code: str, message: str, severity: str = WARNING) -> None:
        self.diagnostics.append(Diagnostic(
            page.file, table.line, severity, code,
            f"{message} ({len(table.rows)} rows not in the output)", end_line=table.end_line))

    def _account_unplaced_tables(self) -> None:
        covered = {(d.file, d.line) for d in self.diagnostics if d.end_line}
        for page in self.pages:
            for table in page.tables:
                if (page.file, table.line) in covered or not table.rows:
                    continue
                if any((page.file, row.line) in self.placed for row in table.rows):
                    continue
                if not page.endpoints:
                    self._cover(page, table, "table-unused", "table on a page that documents no operation", INFO)
                elif table.kind == "fields":
                    self._cover(page, table, "table-orphan", "no operation or object links to this table")


_CAPTION_NOISE = re.compile(
    r"(?i)\b(parameters?|fields?|descriptions?|description of|objects?|structures?|data|the|of|in|"
    r"request|response|body|elements?|attributes?|format|for|details|table|information|info|\d+)\b")


def _caption_names(caption: str) -> set[str]:
    """Field names a caption or lead-in may stand for: ``role.policy`` → {policy}, and the
    caption's remaining words joined (``listeners parameter description`` → {listeners})."""
    caption = re.sub(r"\(.*?\)", " ", caption)
    names = set()
    for word in re.findall(r"[A-Za-z_][\w.@:-]*", caption):
        if "." in word or "_" in word:
            names.add(_norm(word.split(".")[-1]))
    for word in re.findall(r"[\w.]+/([A-Za-z_]\w*)", caption):
        names.add(_norm(word))
    rest = _CAPTION_NOISE.sub(" ", caption)
    joined = pascal(rest).lower()
    if joined:
        names.add(joined)
        names.update(_norm(word) for word in rest.split() if re.search(r"[a-z][A-Z]", word))
    return names


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _names_one_object(caption: str) -> bool:
    """Whether a caption is about one named object (``notebook parameters``, ``token.roles``,
    ``V2Job``) rather than a generic body (``Parameter for Replica creation``)."""
    caption = re.sub(r"\(.*?\)", " ", caption)
    if re.search(r"[\w]+[._/][\w]+|[a-z][A-Z]|\b[A-Z][a-z]+[A-Z]", caption):
        return True
    return len(_CAPTION_NOISE.sub(" ", caption).split()) == 1


def _is_open_object(expr: TypeExpr | None) -> bool:
    """An object, object array or map whose type names no table."""
    if expr is None:
        return False
    if expr.kind in ("object", "map") and expr.items is None:
        return True
    if expr.kind == "array":
        return expr.items is None or expr.items.kind == "object"
    return expr.kind == "ref" and (expr.ref or "").startswith("#name ")


def _key(ref: str) -> TableKey:
    pi, ti = ref.split(":")
    return int(pi), int(ti)


def _type_refs(expr: TypeExpr) -> list[str]:
    refs = [expr.ref] if expr.ref else []
    if expr.items is not None:
        refs.extend(_type_refs(expr.items))
    return refs


def _map_refs(shape: Shape, fn) -> Shape:
    items = _map_refs(shape.items, fn) if shape.items is not None else None
    ref = fn(shape.ref) if shape.ref is not None else None
    options = tuple(dict.fromkeys(_map_refs(o, fn) for o in shape.options))
    if len(options) == 1:
        return options[0]
    return dataclasses.replace(shape, items=items, ref=ref, options=options)


def _rename_field(field: Field, rename: dict[str, str]) -> Field:
    return dataclasses.replace(field, shape=_map_refs(field.shape, rename.__getitem__))


def _rename_operation(op: Operation, rename: dict[str, str]) -> Operation:
    def shape(s: Shape | None) -> Shape | None:
        return _map_refs(s, rename.__getitem__) if s is not None else None

    return dataclasses.replace(
        op,
        parameters=tuple(_rename_field(p, rename) for p in op.parameters),
        request_body=shape(op.request_body),
        responses=tuple(dataclasses.replace(r, body=shape(r.body),
                                            headers=tuple(_rename_field(h, rename) for h in r.headers))
                        for r in op.responses),
    )


def _error_schema(source: str, taken: set[str]) -> Schema:
    """The body of error statuses that no table describes: this cloud's error code and message."""
    name = next(n for n in ("Error", "ApiError", "DocbindError") if n not in taken)
    fields = (
        Field("error_code", Shape("string"), False, "Error code.", source),
        Field("error_msg", Shape("string"), False, "Error message.", source),
    )
    return Schema(name, "error", fields, source)


def _split_query(path: str) -> tuple[str, list[str]]:
    """``/a/{id}?x={x}&y=1`` and ``/a{?x,y}`` → the path and the query parameter names."""
    names: list[str] = []
    expansion = re.search(r"\{\?([^}]*)\}", path)
    if expansion:
        names.extend(n.strip() for n in expansion.group(1).split(",") if n.strip())
        path = path[: expansion.start()] + path[expansion.end():]
    if "?" in path:
        path, _, query = path.partition("?")
        names.extend(part.split("=")[0] for part in query.split("&") if part.split("=")[0])
    return path, names


def _merge(first: Operation, other: Operation) -> Operation:
    """One operation from two pages documenting the same method and path."""
    params = {(p.location, p.name): p for p in other.parameters}
    params.update({(p.location, p.name): p for p in first.parameters})
    responses = {r.status: r for r in other.responses}
    for r in first.responses:
        mine = responses.get(r.status)
        body = _either(r.body, mine.body) if mine else r.body
        examples = r.examples + (mine.examples if mine else ())
        responses[r.status] = dataclasses.replace(r, body=body, examples=examples)
    return dataclasses.replace(
        first,
        parameters=tuple(sorted(params.values(), key=_param_order)),
        request_body=_either(first.request_body, other.request_body),
        request_examples=first.request_examples + other.request_examples,
        responses=tuple(responses[code] for code in sorted(responses)),
        merged_from=first.merged_from + (other.source,),
    )


def _either(a: Shape | None, b: Shape | None) -> Shape | None:
    """Two alternative bodies as one ``union`` shape (flattened, without repeats)."""
    if a is None or b is None or a == b:
        return a or b
    options = list(a.options or (a,))
    options += [o for o in (b.options or (b,)) if o not in options]
    return Shape("union", options=tuple(options))


def _alternative_name(base: str, known: Shape | None) -> str:
    """``XRequest`` for the first body table, ``XRequest2``, ``XRequest3`` for alternatives."""
    return base if known is None else f"{base}{len(known.options or (known,)) + 1}"


def _response_name(op_id: str, status: str) -> str:
    return f"{op_id}Response" if status.startswith("2") else f"{op_id}Response{status}"


def _clean_trailing_slash(path: str) -> str:
    return path.rstrip("/") or "/"


def _normal_path(path: str) -> str:
    return _TEMPLATE.sub("{}", path.rstrip("/")) or "/"


def _param_order(field: Field) -> tuple[int, str]:
    return ({"path": 0, "query": 1, "header": 2}.get(field.location or "", 3), field.name)
