"""Rows as fields: name, type (linking object types to the tables describing them),
required flag (required in every call, not in a case only) and the facts of the description."""

from __future__ import annotations

import re

from ..model.api import Field, Shape
from ..model.diagnostics import WARNING, Diagnostic
from ..model.page import Row, TypeExpr
from ..parse.facts import required_always
from .accounting import note_duplicate, note_free_form, row_warning
from .alternatives import alternative_tables
from .context import LinkContext, TableKey, table_ref
from .flat_elements import flattened_members, members_note, with_members
from .limits import too_deep
from .naming import pascal
from .own_tables import type_link_target
from .references import linked_table
from .shown_structures import contradicted_kind, contradicted_note
from .string_maps import string_map_table
from .value_tables import value_form, value_tables, with_value_fields
from .values import typed_facts

_PLACEHOLDER_NAME = re.compile(r"\s|^[<{$*]")
_KEY_VALUE = re.compile(r"key[- ]value|keys? and values?", re.I)
_MAP_SENTENCE = re.compile(r"\bmap\s*<\s*string\s*,\s*([\w.]+)\s*>", re.I)
_TYPE_WORD = r"(?:integer|string|boolean|number|array|object|float|list)s?"
_TYPE_VARIES = re.compile(
    r"\btype of (?:the |its |this )?(?:return |parameter )?value is (?:the same as|that of|determined by)"
    r"|\b(?:its|the|whose) (?:data |value )?type (?:varies|depends on|is determined by)"
    r"|\bcan be of any (?:data )?type\b|\ba value of any type\b"
    r"|\b(?:can|may) be of (?:the )?" + _TYPE_WORD + r"(?:\s*,\s*" + _TYPE_WORD + r")*,?\s+or\s+" + _TYPE_WORD
    + r"\s+types?\b", re.I)
_CASE_TYPE = re.compile(
    r"\b(?:in the case of|for|when|if)\b[^.]*?,\s*the (?:data )?type of (?:this|the) parameter is\s+\**(object|string|integer|boolean|array)\b",
    re.I)
_MAY_BE_EMPTY = re.compile(
    r"\b(?:the value(?: of \**[\w-]+\**(?: or \**[\w-]+\**)?)?|this parameter|it) (?:must|can|may) be (?:left )?empty\b",
    re.I)
_SCALAR_WORDS = frozenset({"string", "integer", "int", "long", "boolean", "number", "float", "double"})


def read_field(ctx: LinkContext, pi: int, row: Row, in_body: bool = False) -> Field | None:
    """The field a row documents (a property of a body where ``in_body``, else a parameter
    or header); a row without a name is a diagnostic."""
    page = ctx.pages[pi]
    if not row.name:
        row_warning(ctx, page, row, "row-empty-name", "row without a parameter name")
        return None
    shape = row_shape(ctx, pi, row, in_body)
    facts = typed_facts(row.facts, shape)
    return Field(
        name=row.name,
        shape=shape,
        required=required_always(row.mandatory, row.description),
        description=row.description,
        source=f"{page.file}:{row.line}",
        enum=facts.enum,
        default=facts.default,
        minimum=facts.minimum,
        maximum=facts.maximum,
        loose=row.type is not None and row.type.named_only and shape.kind == "ref",
    )


def row_shape(ctx: LinkContext, pi: int, row: Row, in_body: bool) -> Shape:
    """The shape of a row: its Type cell's; for a row that states no type (its table has no
    Type column, "Parameter | Mandatory | Description", or its Type cell is empty) a string
    for a parameter or header (text on the wire) and any JSON value for a body property (no
    example can contradict a type the docs never gave)."""
    if row.type_text:
        return may_be_empty(row, with_case_type(row, read_shape(ctx, pi, row, row.type)))
    return Shape("any") if in_body else Shape("string")


def may_be_empty(row: Row, shape: Shape) -> Shape:
    """An object row whose description lets it be empty ("The value of **ip_range** or
    **group** must be empty") is its table's object or an empty one: the required rows of
    its table hold only where it is given."""
    if shape.kind != "ref" or _MAY_BE_EMPTY.search(row.description) is None:
        return shape
    return Shape("union", options=(shape, Shape("object")))


def with_case_type(row: Row, shape: Shape) -> Shape:
    """A row whose description gives it another type in one case ("Array of strings", and "In
    the case of a custom policy for agencies, the type of this parameter is **Object**") holds
    either: its Type cell's shape or the stated one."""
    stated = _CASE_TYPE.search(row.description)
    if stated is None:
        return shape
    kind = stated.group(1).lower()
    other = Shape(kind, items=Shape("any")) if kind == "array" else Shape(kind)
    return shape if other.kind == shape.kind else Shape("union", options=(shape, other))


def read_shape(ctx: LinkContext, pi: int, row: Row, expr: TypeExpr | None) -> Shape:
    """The shape of a Type cell: scalars as written; objects, arrays and maps of objects
    through the table describing them, else free-form with a diagnostic. A bare ``Dict`` or
    ``Map`` with a structure table is the object that table describes (a map names its
    value type: ``Map<String, Object>``)."""
    page = ctx.pages[pi]
    if expr is None:
        return Shape("any")
    if expr is row.type and (shown := _shown_instead(ctx, pi, row)) is not None:
        return shown
    if expr.kind == "ref":
        named = (expr.ref or "").startswith(("#type ", "#name "))
        key = (named and linked_table(ctx, pi, row)) or type_link_target(ctx, pi, row, expr.ref or "")
        if key is None and (expr.ref or "").startswith(("#name ", "#type ")):
            key = linked_table(ctx, pi, row)
            if key is None and (expr.ref or "").startswith("#type "):
                ctx.diagnostics.append(Diagnostic(
                    page.file, row.line, WARNING, "type-unknown",
                    f"unknown type {row.type_text!r} of {row.name!r}: no table describes it; using a free-form schema"))
                return Shape("any")
            if key is None:
                note_free_form(ctx, page, row)
                return Shape("object")
        if key is None:
            row_warning(ctx, page, row, "ref-unresolved",
                        f"{row.name!r} refers to {expr.ref!r}, which names no table; using a free-form object")
            return Shape("object")
        if too_deep(ctx, pi, row, key):
            return Shape("object")
        return stated_map(row, linked_shape(ctx, pi, row, key, expr.ref or ""))
    if expr.kind in ("array", "map"):
        if expr.items is not None and expr.items.kind not in ("object", "any"):
            described = string_map_table(ctx, pi, row, expr)
            if described is not None and not too_deep(ctx, pi, row, described):
                rows = ctx.pages[described[0]].tables[described[1]].rows
                if expr.kind == "array":  # the keys of each string map
                    return Shape("array", items=table_shape(ctx, described, _nested_hint(ctx, described, row)))
                if len(rows) == 1 and is_placeholder_row(rows[0]):  # the map itself
                    return table_shape(ctx, described, _nested_hint(ctx, described, row))
            return Shape(expr.kind, items=read_shape(ctx, pi, row, expr.items))
        linked = linked_table(ctx, pi, row)
        if linked is not None and too_deep(ctx, pi, row, linked):
            return Shape(expr.kind, items=Shape("object"))
        if linked is not None and expr.kind == "map" and expr.items is None:
            return linked_shape(ctx, pi, row, linked)  # ``Dict`` + its structure table
        if linked is not None:
            return Shape(expr.kind, items=linked_shape(ctx, pi, row, linked))
        if expr.kind == "array" and expr.items is None:
            note_free_form(ctx, page, row)
            return Shape("array", items=Shape("any"))
        note_free_form(ctx, page, row)
        return Shape(expr.kind, items=Shape("object") if expr.kind == "array" else None)
    if expr.kind == "object":
        if type_varies(row):
            return Shape("any")
        linked = linked_table(ctx, pi, row)
        if linked is not None and too_deep(ctx, pi, row, linked):
            return Shape("object")
        if linked is not None:
            return stated_map(row, linked_shape(ctx, pi, row, linked))
        note_free_form(ctx, page, row)
        return Shape("object")
    return Shape(expr.kind, expr.format)


def _shown_instead(ctx: LinkContext, pi: int, row: Row) -> Shape | None:
    """The object (or list of objects) a table of the row's page describes, where the
    page's examples show it so against the row's Type cell (see ``shown_structures``)."""
    shown = contradicted_kind(ctx, pi, row)
    linked = linked_table(ctx, pi, row) if shown is not None else None
    if linked is None or linked[0] != pi or too_deep(ctx, pi, row, linked):
        return None
    ctx.diagnostics.append(contradicted_note(ctx.pages[pi], row, ctx.pages[pi].tables[linked[1]].line, shown))
    structure = linked_shape(ctx, pi, row, linked)
    return Shape("array", items=structure) if shown == "array" else structure


def type_varies(row: Row) -> bool:
    """Whether an ``Object`` row's description says its value takes another type ("The type
    of the return value is the same as that defined in the type field", "its type depends
    on ...", "can be of any type", "can be of integer, string, or Boolean type"): any value,
    not an object."""
    return bool(_TYPE_VARIES.search(row.description))


def stated_map(row: Row, shape: Shape) -> Shape:
    """An object row whose description says it is a map of objects ("The structure is
    Map<String, Object>. For details, see Table 7"): a map whose values are the object the
    linked table describes, not that object itself. A table that is already a map (its one
    row stands for any key) stays as it is."""
    stated = _MAP_SENTENCE.search(row.description)
    if stated is None or stated.group(1).lower() in _SCALAR_WORDS or shape.kind == "map":
        return shape
    return Shape("map", items=shape)


def linked_shape(ctx: LinkContext, pi: int, row: Row, key: TableKey, ref: str = "") -> Shape:
    """The object the table ``key`` describes for ``row``; where the row links several
    tables as alternatives (see ``alternatives``), any of them: ``key`` first."""
    keys = [key, *(k for k in alternative_tables(ctx, pi, row) if k != key and not too_deep(ctx, pi, row, k))]
    shapes = tuple(dict.fromkeys(table_shape(ctx, k, _nested_hint(ctx, k, row, ref if k == key else "")) for k in keys))
    return shapes[0] if len(shapes) == 1 else Shape("union", options=shapes)


def table_shape(ctx: LinkContext, key: TableKey, hint: str) -> Shape:
    """A reference to the schema of a table, building its fields the first time (``hint``
    is the name it would like; the operation being read owns it). A table whose one row is
    named by a phrase, not a name, documents a map: the phrase stands for any key; where that
    row's Type is itself a map (``{User defined key} | Map<String,Array<X>>``), it is that map."""
    table = ctx.pages[key[0]].tables[key[1]]
    if len(table.rows) == 1 and is_placeholder_row(table.rows[0]):
        row = table.rows[0]  # ``User-defined key and value pair``: the keys are the caller's
        ctx.placed.add((ctx.pages[key[0]].file, row.line))
        value = row_shape(ctx, key[0], row, in_body=True)
        stands_for_map = row.type is not None and row.type.kind == "map" and value.kind == "map"
        return value if stands_for_map else Shape("map", items=value)
    if key not in ctx.hints:
        ctx.hints[key] = hint
        ctx.owner[key] = ctx.current_op
        ctx.order.append(key)
        ctx.fields[key] = ()
        page, table = ctx.pages[key[0]], ctx.pages[key[0]].tables[key[1]]
        fields: dict[str, Field] = {}
        runs = flattened_members(table.rows)
        owned = {i for run in runs.values() for i in run}
        ctx.depth += 1
        for i, row in enumerate(table.rows):
            if i in owned:
                continue
            field = read_field(ctx, key[0], row, in_body=True)
            if field is None:
                continue
            if i in runs and not _free_form(field.shape):
                owned -= set(runs[i])  # the row has a table of its own: the rows after it are read as they stand
            elif i in runs:
                field = _element_of(ctx, key[0], row, field, [table.rows[m] for m in runs[i]])
            if field.name in fields:
                note_duplicate(ctx, page, row, field, fields[field.name], "field")
                continue
            fields[field.name] = field
            ctx.placed.add((page.file, row.line))
        ctx.depth -= 1
        ctx.fields[key] = tuple(fields.values())
        _read_value_forms(ctx, key, hint)
    ref = Shape("ref", ref=table_ref(key))
    forms = ctx.value_forms.get(key, ())
    return Shape("union", options=(ref, *(Shape("ref", ref=table_ref(k)) for k in forms))) if forms else ref


def _read_value_forms(ctx: LinkContext, key: TableKey, hint: str) -> None:
    """The other forms of a table's object, one per value table of its rows (see
    ``value_tables``): built from their tables, the body's first form extended by them."""
    forms: list[TableKey] = []
    for row in ctx.pages[key[0]].tables[key[1]].rows:
        for form in value_tables(ctx, key[0], row):
            if form == key or form in forms or form in ctx.hints or too_deep(ctx, key[0], row, form):
                continue
            table_shape(ctx, form, hint + pascal(ctx.pages[form[0]].tables[form[1]].caption))
            ctx.fields[form] = value_form(ctx.fields[key], ctx.fields[form], row)
            forms.append(form)
    if forms:
        ctx.fields[key] = with_value_fields(ctx.fields[key], [ctx.fields[f] for f in forms])
        ctx.value_forms[key] = tuple(forms)


def _free_form(shape: Shape) -> bool:
    """A map or object without members, or an array of such."""
    item = shape.items if shape.kind == "array" else shape
    return item is not None and item.kind in ("map", "object") and item.items is None and not item.fields


def _element_of(ctx: LinkContext, pi: int, row: Row, field: Field, rows: list[Row]) -> Field:
    """A free-form row with the rows of its element (see ``flattened_members``) as members,
    a note on it in place of its free-form note; a member name repeated within the element
    is a duplicate."""
    page = ctx.pages[pi]
    members: dict[str, Field] = {}
    for member_row in rows:
        member = read_field(ctx, pi, member_row, in_body=True)
        if member is None:
            continue
        if member.name in members:
            note_duplicate(ctx, page, member_row, member, members[member.name], "field")
            continue
        members[member.name] = member
        ctx.placed.add((page.file, member_row.line))
    ctx.diagnostics[:] = [d for d in ctx.diagnostics
                          if not (d.code == "object-free-form" and d.file == page.file and d.line == row.line)]
    ctx.diagnostics.append(members_note(page.file, row, rows))
    return with_members(field, tuple(members.values()))


def is_placeholder_row(row: Row) -> bool:
    """A row that stands for any key: named by a phrase (``User-defined field key and value
    pair``), a placeholder (``<key>``, ``${key}``), or a key named as the key-value pairs
    its description speaks of (``key_val``: "one or multiple key-value pairs")."""
    return bool(_PLACEHOLDER_NAME.search(row.name)) or (
        "key" in row.name.lower() and bool(_KEY_VALUE.search(row.description)))


def _nested_hint(ctx: LinkContext, key: TableKey, row: Row, ref: str = "") -> str:
    """A nested table's name: the type the Type cell names (``checkpoint_req`` →
    ``CheckpointReq``), else its caption, else the name of the row linking to it."""
    table = ctx.pages[key[0]].tables[key[1]]
    named = pascal(ref[len("#type "):]) if ref.startswith("#type ") else ""
    return named or pascal(table.caption) or pascal(row.name) or "Object"
