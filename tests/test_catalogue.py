"""The catalogue tier: the bar of issue 8 on all 56 published references (the six of
CORPUS and the fifty of CATALOGUE), per service.

Documents only, generated once per session; one test generates the clients of every
service. Operation pages and field rows are counted by tests/oracle.py from the raw text.
``make catalogue-table`` prints the coverage table these tests assert on.
"""

from __future__ import annotations

import black
import pytest
import yaml

from generator.parse.cache import PageCache
from generator.pipeline import build_models
from generator.render.openapi import render_document

from .conftest import CATALOGUE, CORPUS
from .coverage import ROOT, coverage, generate_documents, load_document, message, oracle_pages, redocly_errors
from .test_yaml_text import same_data

pytestmark = pytest.mark.catalogue

MIN_OVERALL = 0.99      # share of oracle operation pages / field rows found, over all services
MIN_PER_SERVICE = 0.97  # the same share in every service
FOLDERS = (CORPUS, CATALOGUE)
SERVICES = sorted(p.name for folder in FOLDERS if folder.is_dir() for p in folder.iterdir()
                  if p.is_dir() and not p.name.startswith(".") and any(p.rglob("*.rst")))


@pytest.fixture(scope="module")
def generated():
    """Every service's documents-only result, with the folder it came from."""
    return generate_documents(list(FOLDERS))


@pytest.fixture(scope="module")
def coverages(generated):
    """The oracle's figures per service."""
    return {name: coverage(name, load_document(result), oracle_pages(folder, name))
            for name, (folder, result) in generated.items()}


def test_all_services_are_generated(generated):
    assert sorted(generated) == SERVICES


@pytest.mark.parametrize("service", SERVICES)
def test_no_error_and_no_lost_row(generated, service):
    """Valid (docbind validates each document: openapi-invalid), no page unreadable, no
    operation left out, no row in neither the output nor a diagnostic."""
    _, result = generated[service]
    errors = [d.format() for d in result.diagnostics if d.severity == "error"]
    assert errors == []
    assert list(result.report.rows_lost) == []


def test_documents_pass_redocly_lint(generated, tmp_path):
    documents = []
    for name, (_, result) in generated.items():
        documents.append(tmp_path / f"{name}.yaml")
        documents[-1].write_text(result.files[f"openapi/{name}.yaml"], encoding="utf-8")
    errors = redocly_errors(documents)
    failing = [f"{name}: {len(found)} errors" for name, found in sorted(errors.items()) if found]
    assert failing == [], message(f"{len(failing)} documents with Redocly errors", failing,
                                  [e for found in errors.values() for e in found])


@pytest.mark.parametrize("service", SERVICES)
def test_operation_pages_yield_their_operations(coverages, service):
    found = coverages[service]
    assert found.pages_found >= MIN_PER_SERVICE * found.operation_pages, message(
        f"{service}: {found.pages_found}/{found.operation_pages} operation pages yield their operations",
        [], list(found.page_misses))


@pytest.mark.parametrize("service", SERVICES)
def test_field_rows_are_in_their_operation(coverages, service):
    found = coverages[service]
    assert found.rows_found >= MIN_PER_SERVICE * found.rows, message(
        f"{service}: {found.rows_found}/{found.rows} field rows on operation pages are in their operation", [],
        [f"{file}:{row.line}: row {row.name!r} not in the page's operation" for file, row in found.rows_missing])


def test_overall_coverage(coverages):
    pages = sum(c.operation_pages for c in coverages.values())
    pages_found = sum(c.pages_found for c in coverages.values())
    rows = sum(c.rows for c in coverages.values())
    rows_found = sum(c.rows_found for c in coverages.values())
    assert (pages_found >= MIN_OVERALL * pages, rows_found >= MIN_OVERALL * rows) == (True, True), (
        f"operation pages {pages_found}/{pages}, field rows {rows_found}/{rows}")


def test_every_service_has_a_client():
    """The clients of all services (slow: run alone with ``-k client``); each client module
    is black's text for the whole module (it is formatted piecewise, asynchronous methods
    from their synchronous twins)."""
    results = [result for _, result in generate_documents(list(FOLDERS), clients=True).values()]
    failed = [d.format() for result in results for d in result.diagnostics if d.code == "client-failed"]
    assert failed == []
    mode = black.Mode(target_versions={black.TargetVersion.PY311})
    assert [rel for result in results for rel, text in result.files.items()
            if rel.endswith("/client.py") and black.format_str(text, mode=mode) != text] == []


def test_every_documents_data_is_what_its_text_reads():
    """docbind validates a document and builds its client from the data the text was made
    from, without reading the text back: on every reference, the same data."""
    cache = PageCache(ROOT / ".cache" / "docbind")
    differ = [built.result.name for folder in FOLDERS for built in build_models(folder, cache)
              if not same_data((doc := render_document(built.service, folder.name)).data,
                               yaml.load(doc.text, Loader=yaml.CSafeLoader))]
    assert differ == []
