"""XML bodies: the flat element tables of an S3-style page nested by the XML skeleton of its
request or response syntax.

Each element of the skeleton takes the first unused table row of its name, in skeleton
order (``ID`` under ``Owner``, then ``ID`` under ``Grantee``). An element written more than
once under one parent, in the skeleton or in a sample, is an array: wrapped when it is its
parent's only child (``AccessControlList`` of ``Grant``). A row whose name the skeleton never
shows goes beside the row before it in its table (element tables list each parent's
children together), with a warning; an element without a row and a second row of a shown
name are diagnosed. The body is ``application/xml`` with the root's name.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

from ..model.api import Field, Shape
from ..model.diagnostics import INFO, WARNING, Diagnostic
from ..model.page import Page, Row, XmlElement
from ..parse.facts import required_always
from .context import LinkContext
from .fields import read_field

_PARENT = re.compile(r"\bParent:\s*([A-Za-z_][\w.-]*)")
_PARENT_OF = re.compile(r"\bparent node of ((?:[A-Z][\w-]*)(?:(?:,\s*|\s+and\s+)[A-Z][\w-]*)*)")
_TABLE_LOCATION = {"request": "body", "response": "response"}


@dataclasses.dataclass
class XmlBodies:
    """The XML request body, the XML response body and the tables they were read from."""

    request: Shape | None = None
    response: Shape | None = None
    tables: set[int] = dataclasses.field(default_factory=set)


def read_xml_bodies(ctx: LinkContext, pi: int) -> XmlBodies:
    """The request and response bodies the page's syntax skeletons and element tables give."""
    page = ctx.pages[pi]
    found = XmlBodies()
    repeated = _repeated(page)
    for kind in ("request", "response"):
        skeleton = next((b for b in page.xml_bodies if b.kind == kind), None)
        if skeleton is None:
            continue
        tree = _merge([b.root for b in page.xml_bodies
                       if b.kind in (kind, kind + "-sample") and b.root.name == skeleton.root.name])
        names = _names(tree)
        tables = [ti for ti, t in enumerate(page.tables)
                  if t.kind == "fields" and t.location == _TABLE_LOCATION[kind] and (pi, ti) not in ctx.referenced
                  and any(_local_name(row.name) in names for row in t.rows)]
        rows = [row for ti in tables for row in page.tables[ti].rows]
        tree = _with_stated_children(tree, _stated_children(rows))
        tree, by_order = _placed_by_table_order(tree, [page.tables[ti].rows for ti in tables])
        for row, parent in by_order:
            ctx.diagnostics.append(Diagnostic(
                page.file, row.line, WARNING, "xml-element-placed-by-order",
                f"element {row.name!r} of the {kind} element table is not in the {kind} syntax's XML "
                f"(line {skeleton.root.line}), its samples or the rows' Parent notes; placed under <{parent}> "
                "beside the row before it"))
        paths = _row_paths(tree, rows)
        by_path = {paths[row.line]: row for row in rows if row.line in paths}
        root = _element(ctx, pi, tree, (), by_path, repeated)
        shape = dataclasses.replace(root.shape, xml_name=skeleton.root.name)
        for row in rows:
            if row.line not in paths:
                ctx.diagnostics.append(Diagnostic(
                    page.file, row.line, WARNING, "xml-element-unplaced",
                    f"element {row.name!r} of the {kind} element table has no place: the {kind} syntax's "
                    f"XML (line {skeleton.root.line}), its samples and the rows' Parent notes have no further "
                    "element of that name; not in the output"))
        found.tables.update(tables)
        if kind == "request":
            found.request = shape
        else:
            found.response = shape
    return found


def _element(ctx: LinkContext, pi: int, element: XmlElement, path: tuple[int, ...], by_path: dict[tuple[int, ...], Row],
             repeated: set[tuple[str, str]]) -> Field:
    """The field of the element at ``path``: its row's description, required flag and (for a
    leaf) type; child elements as its properties."""
    page = ctx.pages[pi]
    row = by_path.get(path)
    if row is not None:
        ctx.placed.add((page.file, row.line))
    else:
        ctx.diagnostics.append(Diagnostic(
            page.file, element.line, INFO, "xml-element-undocumented",
            f"element <{element.name}> of the XML skeleton has no row in the element tables"))
    if not element.children:
        field = read_field(ctx, pi, row) if row is not None and row.type_text else None
        if field is not None and field.shape.kind not in ("object", "any"):
            return field
        base = _field(page, element, row)
        return dataclasses.replace(base, shape=Shape("string"))
    counts = Counter(child.name for child in element.children)
    children: dict[str, Field] = {}
    for index, child in enumerate(element.children):
        if child.name in children:
            continue
        field = _element(ctx, pi, child, path + (index,), by_path, repeated)
        if counts[child.name] > 1 or (element.name, child.name) in repeated:
            field = dataclasses.replace(field, shape=Shape("array", items=field.shape))
        children[child.name] = field
    return dataclasses.replace(_field(page, element, row), shape=_container_shape(children))


def _container_shape(children: dict[str, Field]) -> Shape:
    """An element with child elements: a wrapped array when its only child is written more than
    once under it (``AccessControlList`` of ``Grant``), else an object. A child that is itself
    a wrapped array (``Object`` of ``FilterRule`` under ``Filter``) is one element: its
    parent is an object holding it."""
    only = next(iter(children.values()))
    if len(children) == 1 and only.shape.kind == "array" and not only.shape.xml_wrapped and only.shape.items is not None:
        items = dataclasses.replace(only.shape.items, xml_name=only.name)
        return Shape("array", items=items, xml_wrapped=True)
    return Shape("object", fields=tuple(children.values()))


def _field(page: Page, element: XmlElement, row: Row | None) -> Field:
    """An element's field without its shape: from its row, else from the skeleton line."""
    if row is None:
        return Field(element.name, Shape("string"), False, "", f"{page.file}:{element.line}")
    required = required_always(row.mandatory, row.description)
    return Field(element.name, Shape("string"), required, row.description, f"{page.file}:{row.line}")


def _placed_by_table_order(tree: XmlElement, tables: list[tuple[Row, ...]]) -> tuple[XmlElement, list[tuple[Row, str]]]:
    """The tree with an element added for each row whose name it never shows, under the parent
    of the nearest row before it in its table that the tree places (the root when none is):
    ``Canned`` after ``ID`` goes under ``Grantee``. Returns the rows so placed and their parents."""
    paths = _row_paths(tree, [row for rows in tables for row in rows])
    names = _names(tree)
    placed: list[tuple[Row, str]] = []
    for rows in tables:
        before: tuple[int, ...] = ()
        for row in rows:
            if row.line in paths:
                before = paths[row.line]
            elif row.name and _local_name(row.name) not in names:
                parent = before[:-1]
                tree = _with_child(tree, parent, XmlElement(_local_name(row.name), row.line))
                placed.append((row, _at(tree, parent).name))
    return tree, placed


def _row_paths(tree: XmlElement, rows: list[Row]) -> dict[int, tuple[int, ...]]:
    """The line of each row the tree places → the path (child indexes) of its element: each
    element, in document order, takes the first unused row of its name (an element written
    twice under one parent is one element, at its first place)."""
    paths: dict[int, tuple[int, ...]] = {}
    stack: list[tuple[XmlElement, str, tuple[int, ...]]] = [(tree, "", ())]
    while stack:
        element, parent, path = stack.pop()
        row = next((r for r in rows if r.line not in paths and _names_element(r.name, element.name, parent)), None)
        if row is not None:
            paths[row.line] = path
        first: dict[str, int] = {}
        for index, child in enumerate(element.children):
            first.setdefault(child.name, index)
        stack.extend((element.children[i], element.name, path + (i,)) for i in reversed(first.values()))
    return paths


def _with_child(element: XmlElement, path: tuple[int, ...], child: XmlElement) -> XmlElement:
    """The tree with ``child`` appended to the element at ``path``."""
    if not path:
        return dataclasses.replace(element, children=element.children + (child,))
    head, rest = path[0], path[1:]
    children = list(element.children)
    children[head] = _with_child(children[head], rest, child)
    return dataclasses.replace(element, children=tuple(children))


def _at(element: XmlElement, path: tuple[int, ...]) -> XmlElement:
    for index in path:
        element = element.children[index]
    return element


def _stated_children(rows: list[Row]) -> dict[str, list[str]]:
    """Parent → child element names the descriptions state: ``Parent: Rule`` in a child's
    row, ``... is the parent node of Grantee, Permission and Delivered`` in a parent's."""
    stated: dict[str, list[str]] = {}
    for row in rows:
        name = _local_name(row.name)
        for parent in _PARENT.findall(row.description):
            stated.setdefault(parent, []).append(name)
        for listed in _PARENT_OF.findall(row.description):
            stated.setdefault(name, []).extend(n for n in re.split(r",\s*|\s+and\s+", listed) if n)
    return stated


def _with_stated_children(element: XmlElement, stated: dict[str, list[str]], depth: int = 0) -> XmlElement:
    """The tree with the children the descriptions state added where the skeleton lacks them
    (a skeleton often shows one alternative, or elides with ``...``)."""
    names = [child.name for child in element.children]
    extra = tuple(XmlElement(n, element.line) for n in dict.fromkeys(stated.get(element.name, ())) if n not in names)
    if depth > 32:
        return element
    children = tuple(_with_stated_children(c, stated, depth + 1) for c in element.children + extra)
    return XmlElement(element.name, element.line, children)


def _local_name(name: str) -> str:
    """``CommonPrefixes. Prefix`` → ``Prefix``."""
    return name.rsplit(".", 1)[-1].strip()


def _names_element(name: str, element: str, parent: str) -> bool:
    """A row names an element by its name, or as ``Parent.Element``."""
    parts = [p.strip() for p in name.split(".")]
    return parts[-1] == element and (len(parts) == 1 or parts[-2] == parent)


def _merge(roots: list[XmlElement]) -> XmlElement:
    """One tree from the skeleton and the samples (which fill in what ``...`` leaves out):
    each element's children are the union of its occurrences' children, by name, in order."""
    children: dict[str, list[XmlElement]] = {}
    for root in roots:
        for child in root.children:
            children.setdefault(child.name, []).append(child)
    merged = tuple(_merge(group) for group in children.values())
    return XmlElement(roots[0].name, roots[0].line, merged)


def _names(element: XmlElement) -> set[str]:
    return {element.name} | {n for child in element.children for n in _names(child)}


def _repeated(page: Page) -> set[tuple[str, str]]:
    """(parent, child) element names where a skeleton or sample writes the child twice."""
    found: set[tuple[str, str]] = set()
    stack = [b.root for b in page.xml_bodies]
    while stack:
        element = stack.pop()
        counts = Counter(child.name for child in element.children)
        found.update((element.name, name) for name, n in counts.items() if n > 1)
        stack.extend(element.children)
    return found

