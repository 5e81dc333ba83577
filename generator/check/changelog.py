"""The API changelog: typed, classified changes between two OpenAPI documents of a service.

Operations are matched by method and path (path parameter names ignored), then by
operationId for a moved path. Bodies are compared field by field after resolving ``$ref``
and ``allOf``; whether a change breaks callers depends on its direction (README, "Breaking
rules"). Every change cites the docs ``file:line`` behind it: the row when the model is
known (``Sources``), else the ``x-source`` of the table or operation.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..parse.facts import case_values, required_cases
from .fields import Node, Path, Sources, dotted, flatten, node, resolve

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUEST, RESPONSE = "request", "response"


@dataclass(frozen=True)
class Change:
    """One entry of the changelog."""

    service: str
    operation: str
    kind: str
    target: str
    detail: str
    breaking: bool
    source: str
    pages: tuple[str, ...] = ()
    old_source: str = ""
    before: str = ""
    after: str = ""
    also: tuple[str, ...] = ()

    @property
    def message(self) -> str:
        return f"{self.target} {self.detail}".strip()


def compare(service: str, old: dict | None, new: dict | None,
            old_sources: Sources | None = None, new_sources: Sources | None = None) -> list[Change]:
    """Every API change from ``old`` to ``new`` (either may be None: service added/removed)."""
    return _Comparison(service, old or {}, new or {}, old_sources or {}, new_sources or {}).run()


def _op_key(method: str, path: str) -> tuple[str, str]:
    return method.upper(), re.sub(r"\{[^}]*\}", "{}", path)


def _operations(spec: dict) -> dict[tuple[str, str], tuple[str, dict]]:
    found = {}
    for path, item in (spec.get("paths") or {}).items():
        for method in METHODS:
            if method in item:
                found[_op_key(method, path)] = (f"{method.upper()} {path}", item[method])
    return found


def _json_content(obj: dict) -> dict:
    return (obj.get("content") or {}).get("application/json") or {}


def _values(values) -> str:
    return ", ".join(str(v) for v in values)


def _bound(value) -> str:
    return "unset" if value is None else str(value)


def _type_label(n: Node) -> str:
    return "/".join(str(p) for p in (n.type or "any", n.format) if p)


class _Comparison:
    """One service's comparison; collects changes in document order."""

    def __init__(self, service: str, old: dict, new: dict, old_sources: Sources, new_sources: Sources):
        self.service, self.old, self.new = service, old, new
        self.old_sources, self.new_sources = old_sources, new_sources
        self.changes: list[Change] = []
        self.operation = ""
        self.pages: tuple[str, ...] = ()
        self.old_source = ""

    def add(self, kind: str, target: str, detail: str, breaking: bool, source: str) -> None:
        old_source = source if kind.endswith("-removed") and not kind.startswith("enum") else self.old_source
        self.changes.append(Change(self.service, self.operation, kind, target, detail, breaking,
                                   source, self.pages, old_source))

    def run(self) -> list[Change]:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        self.new_names = {op.get("operationId"): label for label, op in new_ops.values()}
        moved = self._moved_operations(old_ops, new_ops)
        for key in sorted(old_ops.keys() | new_ops.keys(), key=lambda k: (k[1], k[0])):
            if key in moved.values():
                continue
            self.pages = _pages(old_ops.get(key), new_ops.get(moved.get(key, key)))
            if key in moved:
                self._compare_operation(old_ops[key], new_ops[moved[key]], moved=True)
            elif key not in new_ops:
                label, op = old_ops[key]
                self.operation = label
                self.add("operation-removed", "operation", "removed", True, op.get("x-source", ""))
            elif key not in old_ops:
                label, op = new_ops[key]
                self.operation = label
                self.add("operation-added", "operation", "added", False, op.get("x-source", ""))
            else:
                self._compare_operation(old_ops[key], new_ops[key])
        self.operation, self.pages = "", ()
        if not self.changes and self.old != self.new:
            self._unexplained()
        return _merged(self.changes)

    @staticmethod
    def _moved_operations(old_ops, new_ops) -> dict:
        """Old key → new key for an operationId that left one path and appeared at another."""
        gone = {op.get("operationId"): key for key, (_, op) in old_ops.items() if key not in new_ops}
        came = {op.get("operationId"): key for key, (_, op) in new_ops.items() if key not in old_ops}
        return {gone[op_id]: came[op_id] for op_id in gone.keys() & came.keys() if op_id}

    # operations

    def _compare_operation(self, old_entry, new_entry, moved: bool = False) -> None:
        (old_label, old), (label, new) = old_entry, new_entry
        self.operation = label
        source = new.get("x-source", "")
        if moved:
            self.add("operation-path-changed", "operation", f"moved from {old_label}", True, source)
        elif old_label != label:
            self.add("path-template-changed", "operation", f"path parameters renamed (was {old_label}); "
                     "generated clients name their arguments after them", True, source)
        if old.get("operationId") != new.get("operationId"):
            went = self.new_names.get(old.get("operationId"))
            self.add("operation-id-changed", "operationId",
                     f"{old.get('operationId')} → {new.get('operationId')}"
                     + (f"; {old.get('operationId')} now names {went}" if went else ""), True, source)
        for key in ("summary", "description"):
            if old.get(key) != new.get(key):
                self.add("documentation", f"operation {key}", "changed", False, source)
        self._compare_parameters(old, new, _renamed(old_label, label))
        self._compare_body("request", REQUEST, old.get("requestBody"), new.get("requestBody"), old, new)
        old_responses, new_responses = old.get("responses") or {}, new.get("responses") or {}
        for status in sorted(old_responses.keys() | new_responses.keys(), key=str):
            where = f"response {status}"
            if status not in new_responses:
                self.add("response-removed", where, "removed", str(status).startswith("2"), source)
            elif status not in old_responses:
                self.add("response-added", where, "added", False, source)
            else:
                if old_responses[status].get("description") != new_responses[status].get("description"):
                    self.add("documentation", f"{where} description", "changed", False, source)
                self._compare_body(where, RESPONSE, old_responses[status], new_responses[status], old, new)
                self._compare_headers(str(status), old_responses[status], new_responses[status], old, new)

    def _compare_parameters(self, old_op: dict, new_op: dict, renamed: dict[str, str]) -> None:
        """Parameters by location and name; a renamed path parameter (already reported with
        its path) is compared under its new name."""
        old = {("path", renamed.get(p["name"], p["name"])) if p["in"] == "path" else (p["in"], p["name"]): p
               for p in old_op.get("parameters", ())}
        new = {(p["in"], p["name"]): p for p in new_op.get("parameters", ())}
        removed, added = old.keys() - new.keys(), new.keys() - old.keys()
        moves = {}
        for loc, name in removed:
            targets = [key for key in added if key[1] == name]
            if len(targets) == 1:
                moves[(loc, name)] = targets[0]
        for key in sorted(old.keys() | new.keys()):
            loc, name = key
            target = f"{loc} parameter `{name}`"
            if key in moves:
                new_loc = moves[key][0]
                new_node = self._parameter(new_op, new[moves[key]], self.new, self.new_sources)
                self.add("parameter-location-changed", f"parameter `{name}`",
                         f"moved from {loc} to {new_loc}", True, new_node.source)
                self._compare_node(f"{new_loc} parameter `{name}`", REQUEST,
                                   self._parameter(old_op, old[key], self.old, self.old_sources), new_node)
            elif key in moves.values():
                continue
            elif key not in new:
                gone = self._parameter(old_op, old[key], self.old, self.old_sources)
                self.add("parameter-removed", target, "removed", True, gone.source)
            elif key not in old:
                n = self._parameter(new_op, new[key], self.new, self.new_sources)
                self.add("parameter-added", target, f"added ({'required' if n.required else 'optional'})",
                         n.required, n.source)
            else:
                new_node = self._parameter(new_op, new[key], self.new, self.new_sources)
                if not self._compare_node(target, REQUEST, self._parameter(old_op, old[key], self.old,
                                                                           self.old_sources), new_node):
                    self._compare_items(target, old[key], new[key], new_node.source)

    def _compare_headers(self, status: str, old_response: dict, new_response: dict, old_op: dict, new_op: dict) -> None:
        old_headers, new_headers = old_response.get("headers") or {}, new_response.get("headers") or {}
        for name in sorted(old_headers.keys() | new_headers.keys()):
            target = f"response {status} header `{name}`"
            if name not in new_headers:
                self.add("header-removed", target, "removed", True,
                         self._header(old_op, status, name, old_headers[name], self.old, self.old_sources).source)
            elif name not in old_headers:
                self.add("header-added", target, "added", False,
                         self._header(new_op, status, name, new_headers[name], self.new, self.new_sources).source)
            else:
                self._compare_node(target, RESPONSE,
                                   self._header(old_op, status, name, old_headers[name], self.old, self.old_sources),
                                   self._header(new_op, status, name, new_headers[name], self.new, self.new_sources))

    @staticmethod
    def _header(op: dict, status: str, name: str, header: dict, spec: dict, sources: Sources) -> Node:
        schema, _ = resolve(header.get("schema") or {}, spec)
        source = sources.get((op.get("operationId", ""), f"header {status}", name)) or op.get("x-source", "")
        return node({**schema, "description": header.get("description", "")}, False, source)

    def _compare_items(self, target: str, old_param: dict, new_param: dict, source: str) -> None:
        """The items of an array parameter: their type and value facts."""
        old_items = resolve(old_param.get("schema") or {}, self.old)[0].get("items")
        new_items = resolve(new_param.get("schema") or {}, self.new)[0].get("items")
        if isinstance(old_items, dict) and isinstance(new_items, dict):
            self._compare_node(f"{target} items", REQUEST, node(resolve(old_items, self.old)[0], True, source),
                               node(resolve(new_items, self.new)[0], True, source))

    @staticmethod
    def _parameter(op: dict, param: dict, spec: dict, sources: Sources) -> Node:
        schema, _ = resolve(param.get("schema") or {}, spec)
        source = sources.get((op.get("operationId", ""), param["in"], param["name"])) or op.get("x-source", "")
        return node({**schema, "description": param.get("description", "")}, bool(param.get("required")), source)

    # bodies

    def _compare_body(self, where: str, direction: str, old_obj, new_obj, old_op: dict, new_op: dict) -> None:
        part = "request" if direction == REQUEST else where.removeprefix("response ")
        old_nodes = self._flatten(old_obj, self.old, self.old_sources, old_op, part)
        new_nodes = self._flatten(new_obj, self.new, self.new_sources, new_op, part)
        settled: set[Path] = set()
        for path in sorted(old_nodes.keys() | new_nodes.keys()):
            if any(path[:i] in settled for i in range(len(path))):
                continue
            old, new = old_nodes.get(path), new_nodes.get(path)
            target = f"{where} body" if not path else f"{where} field `{dotted(path)}`"
            if old is None:
                settled.add(path)
                self._added(target, direction, path, new)
            elif new is None:
                settled.add(path)
                kind = "field-removed" if path else "body-removed"
                self.add(kind, target, "removed", True, old.source)
            elif self._compare_node(target, direction, old, new, path == ()):
                settled.add(path)
        old_examples = _json_content(old_obj or {}).get("examples")
        new_examples = _json_content(new_obj or {}).get("examples")
        if old_examples != new_examples:
            self.add("documentation", f"{where} examples", "changed", False, new_op.get("x-source", ""))

    @staticmethod
    def _flatten(obj, spec: dict, sources: Sources, op: dict, part: str) -> dict[Path, Node]:
        schema = _json_content(obj or {}).get("schema")
        if schema is None:
            return {}
        return flatten(schema, spec, sources, op.get("x-source", ""), (op.get("operationId", ""), part))

    def _added(self, target: str, direction: str, path: Path, new: Node) -> None:
        if not path:
            self.add("body-added", target, "added", direction == REQUEST, new.table or new.source)
            return
        required = new.required and path[-1] not in ("[]", "{}") and not path[-1].startswith("<")
        self.add("field-added", target, f"added ({'required' if required else 'optional'})",
                 direction == REQUEST and required, new.source)

    def _compare_node(self, target: str, direction: str, old: Node, new: Node, root: bool = False) -> bool:
        """Add the changes between two facts of one value; True when its type changed."""
        source = (new.table or new.source) if root else new.source
        self.old_source = (old.table or old.source) if root else old.source
        facts_changed = len(self.changes)
        request = direction == REQUEST
        retyped = old.type != new.type and old.type is not None
        if old.type is None and new.type is not None:
            self.add("type-refined", target, f"type {_type_label(old)} → {_type_label(new)} (was not stated)",
                     False, source)
        elif (old.type, old.format) != (new.type, new.format):
            word = "type" if retyped else "format"
            loosened = new.type is None and request
            self.add(f"{word}-changed", target, f"{word} {_type_label(old)} → {_type_label(new)}",
                     not loosened, source)
        if old.required != new.required and not root:
            tightened = new.required if request else old.required
            self.add("required-changed", target, "became required" if new.required else "became optional",
                     tightened, source)
        elif request and not root and not new.required and required_cases(new.description) - required_cases(
                old.description):
            self.add("required-changed", target, "became required in a case its description names", True, source)
        if not retyped:
            self._compare_cases(target, request, old, new, source)
            self._compare_enum(target, request, old, new, source)
            if old.default != new.default:
                self.add("default-changed", target, f"default {old.default} → {new.default}", request, source)
            self._compare_range(target, request, old, new, source)
        if old.description != new.description and len(self.changes) == facts_changed:
            self.add("documentation", target, "description changed", False, source)
        self.old_source = ""
        return retyped

    def _compare_enum(self, target: str, request: bool, old: Node, new: Node, source: str) -> None:
        if not old.enum and new.enum:
            if _all_named(new.enum, old.description):
                self.add("documentation", target, f"value list now read as one ({_values(new.enum)}; "
                         "the old text named the same values)", False, source)
            else:
                self.add("enum-added", target, f"values documented: {_values(new.enum)}", False, source)
            return
        if old.enum and not new.enum:
            if _all_named(old.enum, new.description):
                self.add("documentation", target, f"value list no longer read as one ({_values(old.enum)}; "
                         "the new text names the same values)", False, source)
            else:
                self.add("enum-removed", target, f"no longer restricted to {_values(old.enum)}", not request, source)
            return
        added = [v for v in new.enum if v not in old.enum]
        removed = [v for v in old.enum if v not in new.enum]
        if added:
            self.add("enum-values-added", target, f"enum values added: {_values(added)}", not request, source)
        if removed:
            self.add("enum-values-removed", target, f"enum values removed: {_values(removed)}", request, source)

    def _compare_cases(self, target: str, request: bool, old: Node, new: Node, source: str) -> None:
        """Values allowed per case in the description ("- replica: The value can be 1 or 3"):
        a case that newly states values, or whose numbers or range narrow, restricts requests."""
        before, after = case_values(old.description), case_values(new.description)
        for case, (values, low, high) in after.items():
            was = before.get(case)
            if was == (values, low, high):
                continue
            if was is None:
                narrower = bool(before) or bool(old.enum) is False
                detail = f"values for {case} now stated: {_case_text(values, low, high)}"
            else:
                old_values, old_low, old_high = was
                narrower = (bool(set(old_values) - set(values)) if old_values and values else bool(values)) or (
                    _tighter(old_low, low, 1) or _tighter(old_high, high, -1))
                detail = f"values for {case}: {_case_text(*was)} → {_case_text(values, low, high)}"
            self.add("case-values-changed", target, detail, narrower if request else not narrower, source)

    def _compare_range(self, target: str, request: bool, old: Node, new: Node, source: str) -> None:
        for bound, old_value, new_value, sign in (("minimum", old.minimum, new.minimum, 1),
                                                  ("maximum", old.maximum, new.maximum, -1),
                                                  ("minimum length", old.min_length, new.min_length, 1),
                                                  ("maximum length", old.max_length, new.max_length, -1)):
            if old_value == new_value:
                continue
            if new_value is None:
                narrower = False
            elif old_value is None:
                narrower = True
            else:
                narrower = (new_value - old_value) * sign > 0
            self.add("range-changed", target, f"{bound} {_bound(old_value)} → {_bound(new_value)}",
                     narrower if request else not narrower, source)

    # documents that differ outside the API surface

    def _unexplained(self) -> None:
        old_cites, new_cites = _citations(self.old), _citations(self.new)
        if _without_citations(self.old) == _without_citations(self.new):
            if [folder_relative(c) for c in old_cites] == [folder_relative(c) for c in new_cites]:
                return
            moved = [n for o, n in zip(old_cites, new_cites) if folder_relative(o) != folder_relative(n)]
            self.add("documentation", "source citations",
                     f"moved ({len(moved)} x-source lines; lines inserted or removed in the docs)",
                     False, moved[0] if moved else "")
        else:
            self.add("documentation", "document", "changed outside operations (metadata or unused schemas)",
                     False, "")


#: Keys that say where a fact was read, not what the API is; never compared as API facts.
PROVENANCE = ("x-source", "x-merged-from", "x-original-name")


def _case_text(values: tuple[str, ...], low: str | None, high: str | None) -> str:
    return ", ".join(values) if values else f"{low if low is not None else '…'} to {high if high is not None else '…'}"


def _tighter(old: str | None, new: str | None, sign: int) -> bool:
    """Whether a bound became tighter (a new bound, or a minimum raised / maximum lowered)."""
    if new is None:
        return False
    return old is None or (float(new) - float(old)) * sign > 0


def folder_relative(citation: str) -> str:
    """``new/ims/a.rst:12`` → ``ims/a.rst:12``: a citation without the docs folder's name."""
    return citation.split("/", 1)[1] if "/" in citation else citation


def _renamed(old_label: str, new_label: str) -> dict[str, str]:
    """Old → new path parameter names of one path template written with other names."""
    old_names, new_names = re.findall(r"\{([^}]*)\}", old_label), re.findall(r"\{([^}]*)\}", new_label)
    return {o: n for o, n in zip(old_names, new_names) if o != n}


def _all_named(values, text: str) -> bool:
    """Whether ``text`` names every one of ``values`` as a word."""
    return all(re.search(rf"(?<![\w-]){re.escape(str(v))}(?![\w-])", text) for v in values)


def _merged(changes: list[Change]) -> list[Change]:
    """One entry per change of one row: the same fact reached by several paths of an
    operation (``nodeGroups[].x`` and ``taskNodeGroups[].x`` of one table) names them all."""
    kept: dict[tuple, Change] = {}
    for change in changes:
        where, tick, _ = change.target.partition(" `")
        key = (change.operation, where if tick else change.target, change.kind, change.detail, change.breaking,
               change.source, change.old_source)
        first = kept.get(key)
        if first is None or not tick:
            kept[key if first is None else (*key, len(kept))] = change
        else:
            also = change.target.rsplit(" ", 1)[-1]
            kept[key] = dataclasses.replace(first, target=f"{first.target} (also {also})"
                                            if "(also " not in first.target
                                            else first.target[:-1] + f", {also})")
    return _folded(list(kept.values()))


def _folded(changes: list[Change]) -> list[Change]:
    """A change read from a table another operation's page holds (linked from this page, not
    on it) is told once, under the operation whose page it is, naming the others in ``also``."""
    def page(change: Change) -> str:
        return change.source.rpartition(":")[0]

    owners = {(c.kind, c.detail, c.source): i for i, c in enumerate(changes) if page(c) in c.pages}
    result: list[Change | None] = list(changes)
    for i, change in enumerate(changes):
        owner = owners.get((change.kind, change.detail, change.source))
        if owner is None or owner == i or page(change) in change.pages:
            continue
        held = result[owner]
        assert held is not None
        result[owner] = dataclasses.replace(held, also=held.also + (change.operation,))
        result[i] = None
    return [c for c in result if c is not None]


def _pages(*entries) -> tuple[str, ...]:
    """The pages that document an operation on either side: its own and merged pages."""
    found: list[str] = []
    for entry in entries:
        if entry:
            op = entry[1]
            found += [c.rpartition(":")[0] for c in (op.get("x-source", ""), *op.get("x-merged-from", ()))]
    return tuple(dict.fromkeys(p for p in found if p))


def _citations(value) -> list[str]:
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "x-source":
                found.append(item)
            elif key not in PROVENANCE:
                found += _citations(item)
    elif isinstance(value, list):
        for item in value:
            found += _citations(item)
    return found


def _without_citations(value):
    if isinstance(value, dict):
        return {k: _without_citations(v) for k, v in value.items() if k not in PROVENANCE}
    if isinstance(value, list):
        return [_without_citations(v) for v in value]
    return value
