"""What a service's examples say about its schemas, where the tables say less or are read
in part: a Type cell naming only a table is an array where the example shows one (so are the
values of a stated map), an object without members is any value where the example shows a
list or a scalar, a field shown as ``null`` is nullable, a ``key``/``value`` table is a map,
rows beside a ``dict`` row are its members, and a value list or limit the row itself
contradicts is no rule."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Iterator

from ..model.api import Field, Schema, Service, Shape
from ..model.diagnostics import INFO, Diagnostic
from ..model.page import Page
from .either_fields import either_fields_optional
from .flat_elements import free_name, named_elements
from .naming import pascal
from .schemas import reachable_schemas


_WHOLLY_MASKED = re.compile(r"^(?:\*{3,}|[xX]{3,})$")
_KEY_ROW = re.compile(r"\bfor example\b|\bkeys?\b", re.IGNORECASE)
_KEY_SENTENCE = re.compile(r"\bthe key(?: value)? is\b", re.IGNORECASE)


def read_from_examples(service: Service, pages: Iterable[Page] = ()) -> tuple[Service, list[Diagnostic]]:
    """The service with the alternatives of ``either_fields`` optional and every reading below
    applied, in order, and a note for each row read as part of a map (on ``pages``, each
    operation's own copy of the table too)."""
    service, elements = named_elements(service)
    service, spelled = spelled_as_examples(nest_into_elements(service, elements))
    service, notes = key_value_maps(without_member_lists(either_fields_optional(service)), pages)
    service, keyed = one_row_maps(service, pages)
    notes = spelled + notes + keyed
    service = nest_flattened_members(service)
    service, loose = any_value_objects(widen_to_arrays(service))
    return without_named_exceptions(mark_nullable(service)), notes + loose


def key_value_maps(service: Service, pages: Iterable[Page] = ()) -> tuple[Service, list[Diagnostic]]:
    """A field whose table has just the rows ``key`` and ``value`` ("in "max_connections":
    "10", the key is max_connections") is a map of the value's type where one of its
    operations' examples shows it as an object with other keys; its two rows are then the
    map's keys and values (a ``table-key-value-map`` note each, on the table the schema was
    read from and on the twin table of each operation's own page that reaches the map)."""
    pairs = {s.name: next(f for f in s.fields if f.name == "value") for s in service.schemas
             if sorted(f.name for f in s.fields) == ["key", "value"]}
    maps: set[tuple[str, str]] = set()

    def wanted(schema: str, field: Field, value: object) -> bool:
        return (field.shape.kind == "ref" and field.shape.ref in pairs and isinstance(value, dict)
                and bool(value) and not {"key", "value"} & set(value))

    _walk_examples(service, wanted, maps)
    fields = {(s.name, f.name): f for s in service.schemas for f in s.fields}
    used = sorted({fields[m].shape.ref for m in maps if m in fields})
    schemas = {s.name: s for s in service.schemas}
    rows = {(row.source, row.name, table) for table in used for row in schemas[table].fields}
    rows |= {(f"{page.file}:{row.line}", row.name, table)
             for page, table in _pages_reaching(service, pages, used)
             for twin in page.tables if sorted(r.name for r in twin.rows) == ["key", "value"]
             for row in twin.rows}
    notes = [_map_row_note(source, name, table) for source, name, table in sorted(rows)]
    return _with_fields(service, maps, lambda f: dataclasses.replace(
        f, shape=Shape("map", items=pairs[f.shape.ref].shape))), notes


def one_row_maps(service: Service, pages: Iterable[Page] = ()) -> tuple[Service, list[Diagnostic]]:
    """An object whose table has one row standing for a key ("Operator, for example, Bool and
    StringEquals", "Condition key"), where its operations' examples show it as an object of
    other keys whose values fit that row, is a map of the row's type; so, inside it, is a
    one-row key table the row names (``Condition`` → ``<operator>`` → ``<attribute>``). A note
    on each such row (on ``pages``, on each operation's own copy of its table too)."""
    singles = {s.name: s.fields[0] for s in service.schemas
               if len(s.fields) == 1 and (_KEY_ROW.search(s.fields[0].description) or _id_row(s.fields[0]))}

    def keyed_by_row(ref: str | None, value: object) -> bool:
        row = singles.get(ref or "")
        return row is not None and _other_keys(value, row) and (
            bool(_KEY_ROW.search(row.description)) or isinstance(value, dict) and all(_ID_KEY.fullmatch(k) for k in value))

    maps: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: field.shape.kind == "ref"
                   and keyed_by_row(field.shape.ref, value), maps)
    bodies = {body.ref for body, value in _body_examples(service)
              if body.kind == "ref" and keyed_by_row(body.ref, value)}

    def chain(ref: str) -> list[str]:
        """``ref`` and the one-row key tables its row names in turn (``<operator>``, ``<attribute>``)."""
        refs = [ref]
        while (inner := singles[refs[-1]].shape).kind == "ref" and inner.ref in singles and inner.ref not in refs:
            refs.append(inner.ref or "")
        return refs

    def keyed(ref: str) -> Shape:
        refs = chain(ref)
        shape = singles[refs[-1]].shape
        for _ in refs:
            shape = Shape("map", items=shape)
        return shape

    fields = {(s.name, f.name): f for s in service.schemas for f in s.fields}
    used = sorted({r for m in maps for r in chain(fields[m].shape.ref or "")} | {r for b in bodies for r in chain(b or "")})
    sources = {(singles[r].source, singles[r].name) for r in used}
    sources |= {(f"{page.file}:{twin.rows[0].line}", twin.rows[0].name)
                for page, table in _pages_reaching(service, pages, used)
                for twin in page.tables if len(twin.rows) == 1 and twin.rows[0].name == singles[table].name}
    notes = [_row_note(source, "table-one-row-map", f"row {name!r} stands for any key of a map (the examples show "
                       "other keys)") for source, name in sorted(sources)]
    service = _with_bodies(service, lambda body: keyed(body.ref or "") if body.kind == "ref" and body.ref in bodies else body)
    return _with_fields(service, maps, lambda f: dataclasses.replace(f, shape=keyed(f.shape.ref or ""))), notes


_ID_NAME = re.compile(r"(?:^|_)id$|[a-z]Id$", re.IGNORECASE)
_ID_SENTENCE = re.compile(r"\bthe (?:ID|UUID)\b")
_ID_KEY = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}|[0-9a-fA-F]{32}")


def _id_row(row: Field) -> bool:
    """A row named for an ID whose description says it is one ("**Vpc_id** indicates the ID of
    the VPC used by the BMS"): it stands for a key where the examples key the object by IDs
    (UUIDs) and never by the row's name."""
    return bool(_ID_NAME.search(row.name) and _ID_SENTENCE.search(row.description))


def _body_examples(service: Service) -> Iterator[tuple[Shape, object]]:
    """(body, example data) of each operation's request and responses."""
    for op in service.operations:
        pairs = [(op.request_body, e) for e in op.request_examples]
        pairs += [(r.body, e) for r in op.responses for e in r.examples]
        yield from ((body, e.data) for body, e in pairs if body is not None and e.data is not None)


def _with_bodies(service: Service, change: Callable[[Shape], Shape]) -> Service:
    """The service with ``change`` applied to each operation's request and response bodies."""
    def body(shape: Shape | None) -> Shape | None:
        return change(shape) if shape is not None else None
    return dataclasses.replace(service, operations=tuple(
        dataclasses.replace(op, request_body=body(op.request_body),
                            responses=tuple(dataclasses.replace(r, body=body(r.body)) for r in op.responses))
        for op in service.operations))


def _other_keys(value: object, row: Field) -> bool:
    """Whether an example object holds keys other than the row's, each with a value of the
    row's kind."""
    kinds = {"ref": dict, "object": dict, "map": dict, "array": list, "string": str, "boolean": bool}
    wanted = kinds.get(row.shape.kind)
    return isinstance(value, dict) and row.name not in value and wanted is not None and _object_of(value, wanted)


def _pages_reaching(service: Service, pages: Iterable[Page], tables: list[str]):
    """(page, table) for each operation's own page whose bodies reach one of ``tables``."""
    by_file = {page.file: page for page in pages}
    schemas = {s.name: s for s in service.schemas}
    for op in service.operations:
        page = by_file.get(op.source.rpartition(":")[0])
        if page is None:
            continue
        reached = {s.name for s in reachable_schemas([op.request_body, *(r.body for r in op.responses)], schemas)}
        yield from ((page, table) for table in tables if table in reached)


def _map_row_note(source: str, name: str, table: str) -> Diagnostic:
    return _row_note(source, "table-key-value-map", f"row {name!r} of {table}: read as the {name}s of a map (the "
                     "example shows an object with its own keys)")


def nest_into_elements(service: Service, elements: set[str]) -> Service:
    """A row later in a flat table than a flattened element's row (one of ``elements``, see
    ``flat_elements``), that the examples show inside that element's value and never where
    it was read, is a member of the element: the flat table cannot say how deep its rows go
    (``shared list<dict>`` and its rows, then ``backup dict``, its rows and two more; the
    example has ``"shared": [{..., "backup": {..., "volume_id": ...}}]``). Read again after
    each move, so that a moved element takes its own rows."""
    for _ in range(len(elements) + 1):
        moved = _row_into_element(service, elements)
        if moved is None:
            return service
        service = moved
    return service


def _row_into_element(service: Service, elements: set[str]) -> Service | None:
    """The service with the rows the examples show inside one element moved into it, or
    None where there are none."""
    inside: dict[tuple[str, str], set[str]] = {}
    beside: set[tuple[str, str]] = set()

    def seen(schema: str, field: Field, value: object) -> bool:
        beside.add((schema, field.name))
        if _element_ref(field) in elements:
            objects = value if isinstance(value, list) else [value]
            inside.setdefault((schema, field.name), set()).update(
                k for o in objects if isinstance(o, dict) for k in o)
        return False

    _walk_examples(service, seen, set())
    schemas = {s.name: s for s in service.schemas}
    parents: dict[str, set[str]] = {}
    for schema in service.schemas:
        for field in schema.fields:
            parents.setdefault(_element_ref(field) or "", set()).add(schema.name)
    for schema in service.schemas:
        for field in schema.fields:
            element = schemas.get(_element_ref(field) or "")
            shown = inside.get((schema.name, field.name), set())
            if element is None or element.name not in elements or not shown:
                continue
            file, _, line = field.source.rpartition(":")
            own = {f.name for f in element.fields}
            for holder in [schema.name, *sorted(_ancestors(schema.name, parents))]:
                moved = tuple(f for f in schemas[holder].fields if f.name in shown and f.name not in own
                              and (holder, f.name) not in beside and _later(f.source, file, line))
                if moved:
                    schemas[holder] = dataclasses.replace(
                        schemas[holder], fields=tuple(f for f in schemas[holder].fields if f not in moved))
                    schemas[element.name] = dataclasses.replace(
                        schemas[element.name], fields=schemas[element.name].fields + moved)
                    return dataclasses.replace(service, schemas=tuple(schemas[s.name] for s in service.schemas))
    return None


def _element_ref(field: Field) -> str | None:
    item = field.shape.items if field.shape.kind == "array" else field.shape
    return item.ref if item is not None and item.kind == "ref" else None


def _ancestors(name: str, parents: dict[str, set[str]]) -> set[str]:
    found: set[str] = set()
    todo = [name]
    while todo:
        for parent in parents.get(todo.pop(), set()):
            if parent not in found and parent != name:
                found.add(parent)
                todo.append(parent)
    return found


def _later(source: str, file: str, line: str) -> bool:
    """Whether ``source`` is a row of ``file`` after ``line``."""
    other, _, at = source.rpartition(":")
    return other == file and at.isdigit() and line.isdigit() and int(at) > int(line)


def nest_flattened_members(service: Service) -> Service:
    """A ``dict`` or ``list<dict>`` row with no table of its own, beside the rows of its
    members in its table: after them ("tags list<dict>", then "key", "value") or before them
    (the flat rows of a body, then "ipsec_site_connection Object" last). Where an example
    shows the row's value as objects keyed only by rows on one side of it, and no example
    shows those rows beside it, the rows from it up to the farthest one shown are its
    members."""
    inner: dict[tuple[str, str], set[str]] = {}
    beside: set[tuple[str, str]] = set()

    def seen(schema: str, field: Field, value: object) -> bool:
        beside.add((schema, field.name))
        objects = value if isinstance(value, list) else [value]
        if _free_form(field.shape) and objects and all(isinstance(o, dict) for o in objects):
            inner.setdefault((schema, field.name), set()).update(k for o in objects for k in o)
        return False

    _walk_examples(service, seen, set())
    names = {s.name for s in service.schemas}
    schemas: list[Schema] = []
    for schema in service.schemas:
        fields, members = list(schema.fields), []
        for field in schema.fields:
            if field not in fields:
                continue  # already moved into the row before it
            i = fields.index(field)
            run = _member_run(fields, i, inner.get((schema.name, field.name), set()))
            if not run or any((schema.name, f.name) in beside for f in run):
                continue
            name = free_name(schema.name + pascal(field.name), names)
            names.add(name)
            members.append(Schema(name, field.name, tuple(run), field.source))
            ref = Shape("ref", ref=name)
            fields[i] = dataclasses.replace(field, shape=Shape("array", items=ref) if field.shape.kind == "array" else ref)
            fields = [f for f in fields if f not in run]
        schemas += [dataclasses.replace(schema, fields=tuple(fields)), *members]
    return dataclasses.replace(service, schemas=tuple(schemas))


def _free_form(shape: Shape) -> bool:
    """``dict`` (a map of anything), ``list<dict>``, or a list whose items are unstated
    ("List data structure")."""
    item = shape.items if shape.kind == "array" else shape
    kinds = ("map", "object", "any") if shape.kind == "array" else ("map", "object")
    return item is not None and item.kind in kinds and item.items is None and not item.fields


def _member_run(fields: list[Field], at: int, keys: set[str]) -> list[Field]:
    """The fields between ``at`` and the farthest one named in ``keys``, if every key names
    a field on the same side of it."""
    index = {f.name: i for i, f in enumerate(fields)}
    if not keys or any(k not in index for k in keys):
        return []
    shown = [index[k] for k in keys]
    if all(i > at for i in shown):
        return fields[at + 1:max(shown) + 1]
    if all(i < at for i in shown):
        return fields[min(shown):at]
    return []


def widen_to_arrays(service: Service) -> Service:
    """A field whose Type cell only names a table (``Table 3``) is an array of that object
    where one of its operations' examples shows an array; so are the values of a map of a
    table's object ("The structure is Map<String, Object>. For details, see Table 7") where an
    example shows each value as an array of it (``{"<network ID>": [{"addr": ...}]}``); and an
    array of a table's object whose description names a key ("The key value is the object
    type") is a map of such arrays where an example shows one (``{"TABLE": [...]}``)."""
    lists: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: isinstance(value, list) and field.loose, lists)
    service = _with_fields(service, lists, lambda f: dataclasses.replace(f, shape=Shape("array", items=f.shape)))
    listed_values: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: _map_of_lists(field.shape, value), listed_values)
    service = _with_fields(service, listed_values, lambda f: dataclasses.replace(
        f, shape=Shape("map", items=Shape("array", items=f.shape.items))))
    keyed: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: _keyed_lists(field, value), keyed)
    return _with_fields(service, keyed, lambda f: dataclasses.replace(f, shape=Shape("map", items=f.shape)))


def _keyed_lists(field: Field, value: object) -> bool:
    """Whether an array of a table's object whose description names a key ("The key value is
    the object type") is shown as an object of such arrays, one per key."""
    return (field.shape.kind == "array" and field.shape.items is not None and field.shape.items.kind == "ref"
            and _KEY_SENTENCE.search(field.description) is not None and _object_of(value, list))


def any_value_objects(service: Service) -> tuple[Service, list[Diagnostic]]:
    """A field typed only as an object (``Object``, ``Json``, ``Data structure``), with no
    table stating its members, holds any JSON value where one of its operations' examples
    shows an array or a scalar there: these pages use the word for "a value" (a rule
    parameter's ``value`` is ``Object`` and its examples are lists). A note on each row says so."""
    loose: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: _free_form_object(field.shape)
                   and value is not None and not isinstance(value, dict) and not wholly_masked(value), loose)
    notes = [_row_note(f.source, "object-any-value", f"row {f.name!r} is typed as an object without members, and "
                       "its examples show a list or a scalar: read as any value")
             for s in service.schemas for f in s.fields if (s.name, f.name) in loose]
    return _with_fields(service, loose, lambda f: dataclasses.replace(f, shape=Shape("any"))), notes


def wholly_masked(value: object) -> bool:
    """Whether an example value is nothing but a mask (``xxx``, ``******``): it hides the
    value and says nothing of its type."""
    return isinstance(value, str) and _WHOLLY_MASKED.match(value) is not None


def _free_form_object(shape: Shape) -> bool:
    return shape.kind in ("map", "object") and shape.items is None and not shape.fields


def _map_of_lists(shape: Shape, value: object) -> bool:
    """Whether ``value`` shows every value of a map of a table's object as an array."""
    return shape.kind == "map" and shape.items is not None and shape.items.kind == "ref" and _object_of(value, list)


def _object_of(value: object, kind: type) -> bool:
    """Whether ``value`` is a non-empty object whose every value is a ``kind``."""
    return isinstance(value, dict) and bool(value) and all(isinstance(v, kind) for v in value.values())


def _walk_examples(service: Service, wanted, out: set[tuple[str, str]],
                   spellings: dict[tuple[str, str], str] | None = None) -> None:
    schemas = {s.name: s for s in service.schemas}
    for body, data in _body_examples(service):
        _fields_where(body, data, schemas, wanted, out, 0, spellings)


def _with_fields(service: Service, chosen: set[tuple[str, str]], change) -> Service:
    if not chosen:
        return service
    schemas = tuple(
        dataclasses.replace(s, fields=tuple(change(f) if (s.name, f.name) in chosen else f for f in s.fields))
        for s in service.schemas)
    return dataclasses.replace(service, schemas=schemas)


def spelled_as_examples(service: Service) -> tuple[Service, list[Diagnostic]]:
    """A row whose name is its examples' key with a capital first letter (``Ignore`` for
    ``"ignore"``, ``Id`` for ``"id"``: a capitalised table cell) is named as the examples spell
    it, with a note on the row. A key the examples capitalise is no evidence: it stays a finding."""
    spellings: dict[tuple[str, str], str] = {}
    _walk_examples(service, lambda schema, field, value: False, set(), spellings)
    notes = [_spelling_note(f.source, f.name, spellings[(s.name, f.name)])
             for s in service.schemas for f in s.fields if (s.name, f.name) in spellings]
    return dataclasses.replace(service, schemas=tuple(dataclasses.replace(s, fields=tuple(
        dataclasses.replace(f, name=spellings.get((s.name, f.name), f.name)) for f in s.fields))
        for s in service.schemas)), notes


def _spelling_note(source: str, name: str, spelled: str) -> Diagnostic:
    return _row_note(source, "row-name-case", f"row {name!r} is {spelled!r} in the examples of its operations (only "
                     "the case of its first letter differs): named as the examples spell it")


def _row_note(source: str, code: str, message: str) -> Diagnostic:
    """An info diagnostic on the row a field was read from (``file:line``)."""
    file, _, line = source.rpartition(":")
    return Diagnostic(file, int(line) if line.isdigit() else 1, INFO, code, message)


def mark_nullable(service: Service) -> Service:
    """Every field that one of its operations' examples shows as ``null`` marked nullable."""
    nulls: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: value is None, nulls)
    return _with_fields(service, nulls, lambda f: dataclasses.replace(f, nullable=True))


def without_member_lists(service: Service) -> Service:
    """A value list that names two or more fields (or ``+`` combinations of fields) of its own
    object ("The value can be **engine_id**, **engine_name + engine_version**, or
    **image_url**" beside rows ``engine_id`` and ``image_url``; "- **id**: … -
    **subscription_id+item_version_id**: …" beside those rows) says which fields to set, not
    the values of this one."""
    def field(f: Field, names: set[str]) -> Field:
        named = sum(1 for value in f.enum if isinstance(value, str)
                    and all(part.strip() in names for part in value.split("+")))
        return dataclasses.replace(f, enum=(), default=None) if named >= 2 else f

    return dataclasses.replace(service, schemas=tuple(
        dataclasses.replace(s, fields=tuple(field(f, {g.name for g in s.fields}) for f in s.fields))
        for s in service.schemas))


def without_named_exceptions(service: Service) -> Service:
    """A field's range, length or inline value list is no closed rule where one of its
    operations' examples shows a value outside it that the row's own description names ("The
    value can be 0 or ranges from 7 to 732", "If none is specified, 0 is returned" beside "a
    UUID of 36 characters"): the facts were read from part of the text, and the field keeps
    only its type. A list that gives each value an item of its own (``- SAS: High I/O``) is
    the rule even where the prose names another value ("supporting SATA, SAS, and SSD"): the
    example then contradicts the list, which is a finding."""
    named: set[tuple[str, str]] = set()
    _walk_examples(service, lambda schema, field, value: _outside_facts(field, value)
                   and names_value(field.description, value), named)
    return _with_fields(service, named, lambda f: dataclasses.replace(
        f, enum=(), minimum=None, maximum=None, min_length=None, max_length=None, default=None))


def _outside_facts(field, value: object) -> bool:
    """Whether a scalar example value breaks one of the field's value facts (an itemised value
    list excepted)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return False
    if field.enum and value not in field.enum:
        return not itemised(field.description, field.enum)
    if isinstance(value, (int, float)):
        return ((field.minimum is not None and value < field.minimum)
                or (field.maximum is not None and value > field.maximum))
    return isinstance(value, str) and (
        (field.min_length is not None and len(value) < field.min_length)
        or (field.max_length is not None and len(value) > field.max_length))


def itemised(description: str, values: tuple[object, ...]) -> bool:
    """Whether each value opens a bullet item of the description (``- **vpc**: VPC
    attachments``)."""
    return all(re.search(rf"^\s*[-*]\s+(?:\*\*|`+)?{re.escape(str(v))}(?:\*\*|`+)?(?:\s*[:：(\-–]|\s*$)",
                         description, re.MULTILINE) for v in values)


def names_value(description: str, value: object) -> bool:
    """Whether a description names ``value`` as a word of its own (``**0**``, ``SATA,``),
    case and all; an empty value is never named."""
    text = str(value)
    if not text.strip():
        return False
    return re.search(rf"(?<![\w.\-]){re.escape(text)}(?![\w\-]|\.\d)", description) is not None


def _respelled(fields: dict[str, Field], key: str) -> Field | None:
    """The field a lower-case key names with a capital first letter (``ignore`` for a row
    ``Ignore``: a capitalised table cell), where no field has the key's own spelling."""
    return fields.get(key[:1].upper() + key[1:]) if key[:1].islower() else None


def _fields_where(shape: Shape, data: object, schemas: dict, wanted, out: set[tuple[str, str]], depth: int,
                  spellings: dict[tuple[str, str], str] | None = None) -> None:
    """Collect the (schema, field) pairs whose value in ``data`` is ``wanted`` (and in
    ``spellings``, the key of each field an example spells another way)."""
    if depth > 64:
        return
    for option in shape.options or (shape,):
        if option.kind == "ref" and isinstance(data, dict) and option.ref in schemas:
            fields = {f.name: f for f in schemas[option.ref].fields}
            for key, value in data.items():
                field = fields.get(key)
                if field is None and (field := _respelled(fields, key)) is not None and spellings is not None:
                    spellings.setdefault((option.ref, field.name), key)
                if field is None:
                    continue
                if wanted(option.ref, field, value):
                    out.add((option.ref, field.name))
                if value is not None:
                    _fields_where(field.shape, value, schemas, wanted, out, depth + 1, spellings)
                    if field.loose and isinstance(value, list):
                        for item in value:
                            _fields_where(field.shape, item, schemas, wanted, out, depth + 1, spellings)
        elif option.kind == "array" and isinstance(data, list) and option.items is not None:
            for item in data:
                _fields_where(option.items, item, schemas, wanted, out, depth + 1, spellings)
        elif option.kind == "map" and isinstance(data, dict) and option.items is not None:
            for value in data.values():
                _fields_where(option.items, value, schemas, wanted, out, depth + 1, spellings)
