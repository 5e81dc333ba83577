"""How much of a reference a generated document holds, by the independent oracle
(tests/oracle.py): per service, the operation pages whose operations are in the document and
the field rows on them found in their own operation. Shared by the corpus and catalogue tiers
and tests/catalogue_table.py."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.pipeline import Caches, RunContext, ServiceResult, generate

from . import oracle

ROOT = Path(__file__).resolve().parents[1]
MAX_LISTED = 40  # misses printed in a failure message
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class OraclePage:
    """One page as the oracle reads it. ``file`` is ``<service>/<path>``."""

    file: str
    endpoints: tuple[oracle.Endpoint, ...]
    rows: tuple[oracle.Row, ...]


@dataclass(frozen=True)
class Coverage:
    """The oracle's figures for one service's document."""

    service: str
    operation_pages: int
    page_misses: tuple[str, ...]         # ``file:line: expected METHOD path``, per endpoint missed
    pages_missed: int
    rows: int
    rows_missing: tuple[tuple[str, oracle.Row], ...]

    @property
    def pages_found(self) -> int:
        return self.operation_pages - self.pages_missed

    @property
    def rows_found(self) -> int:
        return self.rows - len(self.rows_missing)


def oracle_pages(docs: Path, service: str) -> list[OraclePage]:
    """The pages of ``docs/service`` the oracle finds an operation on."""
    pages = []
    for path in sorted((docs / service).rglob("*.rst")):
        text = path.read_text(encoding="utf-8")
        endpoints = oracle.endpoints(text)
        if endpoints:
            pages.append(OraclePage(path.relative_to(docs).as_posix(), tuple(endpoints),
                                    tuple(oracle.field_rows(text))))
    return pages


def coverage(service: str, spec: dict, pages: list[OraclePage]) -> Coverage:
    """Which oracle operations and field rows of ``pages`` the document ``spec`` holds."""
    page_misses = operation_page_misses(spec, pages)
    names = names_by_page(spec)
    missing = tuple((p.file, row) for p in pages for row in p.rows
                    if not row_found(cell_name(row.name), names.get(p.file, set())))
    return Coverage(service, len(pages), tuple(line for lines in page_misses for line in lines),
                    sum(1 for m in page_misses if m), sum(len(p.rows) for p in pages), missing)


#: Header rows OpenAPI does not allow as parameters: the security scheme and the media types carry them.
TRANSPORT_HEADERS = {"Content-Type", "Accept", "Authorization", "X-Auth-Token"}
#: Stands for "the operation has a bare array body or a map": where placeholder rows land.
OPEN_SLOT = "\0open"
_BARE = ("array", "string", "integer", "number", "boolean")
_PLACEHOLDER = re.compile(r"^[\[{<]|^\S+\s+\S+|^key$|^[-–—]$", re.I)


def operation_page_misses(spec: dict, pages: list) -> list[list[str]]:
    """Per oracle page, its method+path pairs the document ``spec`` has no operation for."""
    documented = {(method.upper(), template(path)) for path, item in spec["paths"].items()
                  for method in item if method != "parameters"}
    return [[f"{p.file}:{e.line}: expected {e.method} {e.path}" for e in p.endpoints
             if (e.method, template(e.path)) not in documented] for p in pages]


def row_found(name: str, names: set[str]) -> bool:
    """A row's name is in its operation (a dotted ``Parent.Child`` row of an XML element table:
    its last part), or it is a placeholder (``[items]``, ``{User defined key}``,
    ``<attribute>``, a phrase, a lone dash: no name) and the operation has a bare array or
    scalar body or a map."""
    lowered = {n.lower() for n in names}
    if name not in names and "." in name.strip(".") and " " not in name.replace(". ", "."):
        name = re.split(r"\.\s*", name.strip())[-1]
    return name in names or name.lower() in lowered & {h.lower() for h in TRANSPORT_HEADERS} or (
        OPEN_SLOT in names and bool(_PLACEHOLDER.search(name)))


def _open_slot(op: dict, schemas: dict) -> bool:
    """Whether an operation reaches a map (``additionalProperties``) or has a bare array or
    scalar body (a body that is no object: its one row names no property)."""
    text = json.dumps([op, *(_reachable_components(op, schemas))])
    bodies = [m.get("schema", {}) for part in [op.get("requestBody", {}), *op["responses"].values()]
              for m in part.get("content", {}).values()]
    return '"additionalProperties": {' in text or any(b.get("type") in _BARE for b in bodies)


def _reachable_components(op: dict, schemas: dict) -> list[dict]:
    seen: dict[str, dict] = {}
    stack = re.findall(r"#/components/schemas/([^\"]+)", json.dumps(op))
    while stack:
        name = stack.pop()
        if name not in seen and name in schemas:
            seen[name] = schemas[name]
            stack.extend(re.findall(r"#/components/schemas/([^\"]+)", json.dumps(schemas[name])))
    return list(seen.values())


def template(path: str) -> str:
    """A path with its template names blanked and no trailing slash: ``/v1/{Project_Id}/x/``
    → ``/v1/{}/x``."""
    return re.sub(r"\{[^}]*\}", "{}", path).rstrip("/") or "/"


def cell_name(cell: str) -> str:
    """The parameter name written in a table cell: ref display text, no markup."""
    cell = re.sub(r":ref:`(.*?)(?:\s*<[^<>`]*>)?`", r"\1", cell)
    parts = re.split(r"\\(.)", cell)  # escaped characters (``x-obs-meta-\*``) are literal
    return "".join(re.sub(r"[*`]", "", p) if i % 2 == 0 else p for i, p in enumerate(parts)).strip()


def names_by_page(spec: dict) -> dict[str, set[str]]:
    """Per ``<service>/<path>`` page, the names its operations carry: parameters, response
    headers and the properties of the schemas they reach."""
    schemas = spec.get("components", {}).get("schemas", {})
    names: dict[str, set[str]] = {}
    for item in spec["paths"].values():
        for method, op in item.items():
            if method == "parameters":
                continue
            for source in [op["x-source"], *op.get("x-merged-from", [])]:
                page = source.split(":")[0].split("/", 1)[1]
                found = names.setdefault(page, set())
                found.update(p["name"] for p in op.get("parameters", []))
                found.update(h for r in op["responses"].values() for h in r.get("headers", {}))
                found.update(_xml_names(op))
                if "security" in spec or "security" in op:  # OpenAPI: these headers are no parameters
                    found.update(TRANSPORT_HEADERS)
                if _open_slot(op, schemas):
                    found.add(OPEN_SLOT)
                for schema in _reachable(op, schemas):
                    found.update(schema.get("properties", {}))
                    found.update(_xml_names(schema))
    return names


def _xml_names(node: dict) -> set[str]:
    """The XML element names (``xml.name``) given anywhere inside a schema or operation."""
    return set(re.findall(r'"xml": \{"name": "((?:[^"\\]|\\.)*)"', json.dumps(node)))


def _reachable(op: dict, schemas: dict) -> list[dict]:
    """The object schemas an operation reaches: inline ones and components, transitively."""
    return _inline_objects([op, *_reachable_components(op, schemas)])


def _inline_objects(nodes: list) -> list[dict]:
    """Every dict with ``properties`` inside ``nodes``."""
    found = []
    while nodes:
        node = nodes.pop()
        if isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                found.append(node)
            nodes.extend(v for k, v in node.items() if k not in ("example", "examples"))
        elif isinstance(node, list):
            nodes.extend(node)
    return found


def redocly_errors(documents: list[Path]) -> dict[str, list[str]]:
    """Per document file name, the errors ``redocly lint`` finds (one run for all)."""
    redocly = ROOT / "node_modules" / ".bin" / "redocly"
    run = subprocess.run([str(redocly), "lint", "--format=json", *sorted(map(str, documents))],
                         cwd=ROOT, capture_output=True, text=True, timeout=3600)
    reports = _json_documents(run.stdout)
    if len(reports) != len(documents):
        raise RuntimeError(f"redocly reported on {len(reports)} of {len(documents)} documents: {run.stderr[-2000:]}")
    errors: dict[str, list[str]] = {path.name: [] for path in documents}
    for report in reports:
        for p in report["problems"]:
            if p["severity"] == "error":
                name = p["location"][0]["source"]["ref"].split("/")[-1]
                errors.setdefault(name, []).append(f"{name} {p['location'][0]['pointer']}: {p['message']} [{p['ruleId']}]")
    return errors


def _json_documents(text: str) -> list[dict]:
    """The JSON documents written one after the other (redocly prints one per file)."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while text[at:].strip():
        document, at = decoder.raw_decode(text, len(text) - len(text[at:].lstrip()))
        documents.append(document)
    return documents


def message(headline: str, figures: list[str], misses: list[str]) -> str:
    """A failure message: the headline, per-service figures, the first misses."""
    listed = misses[:MAX_LISTED] + ([f"... and {len(misses) - MAX_LISTED} more"] if len(misses) > MAX_LISTED else [])
    return "\n".join([headline, *figures, *listed])


def generate_documents(folders: list[Path], clients: bool = False) -> dict[str, tuple[Path, ServiceResult]]:
    """Every service of ``folders``, generated in memory (the OpenAPI documents only unless
    ``clients``), with the folder it came from; pages, services and clients are kept in ``.cache/docbind``."""
    context = RunContext(Caches.under(ROOT / ".cache" / "docbind"))
    return {r.name: (folder, r) for folder in folders for r in generate(folder, clients=clients, context=context)}


def load_document(result: ServiceResult) -> dict:
    """The generated OpenAPI document of a service, as data."""
    return yaml.load(result.files[f"openapi/{result.name}.yaml"], Loader=_LOADER)
