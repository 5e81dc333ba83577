"""The HTML tier: the bars of issue 12 on the help-center HTML of three references in
../shared/html (skipped where absent).

Operation pages and their field rows are counted by tests/html_oracle.py from the raw HTML
with the standard library's parser, independently of docbind's front-end.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from openapi_spec_validator import validate

from generator.pipeline import generate

from . import html_oracle
from .conftest import ROOT
from .coverage import message, names_by_page, operation_page_misses

HTML = Path(os.environ.get("DOCBIND_HTML", ROOT.parent / "shared" / "html"))
SERVICES = ("elastic-cloud-server", "elastic-load-balancing", "modelarts")
MIN_OPERATION_PAGES = 0.98  # share of oracle operation pages whose operation(s) are in the document
MIN_ROWS_IN_OUTPUT = 0.98   # share of field rows on those pages found in their operation

pytestmark = [pytest.mark.corpus,
              pytest.mark.skipif(not HTML.is_dir(), reason=f"HTML folder {HTML} is absent (set DOCBIND_HTML)")]


@dataclass(frozen=True)
class OraclePage:
    """One HTML page as the oracle reads it. ``file`` is ``<service>/<name>.html``."""

    file: str
    endpoints: tuple[html_oracle.Endpoint, ...]
    rows: tuple[html_oracle.Row, ...]


@pytest.fixture(scope="module")
def results():
    """One in-memory generation of the three HTML folders (OpenAPI documents only)."""
    return {r.name: r for r in generate(HTML, only=list(SERVICES), clients=False)}


@pytest.fixture(scope="module")
def specs(results) -> dict[str, dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return {name: yaml.load(r.files[f"openapi/{name}.yaml"], Loader=loader) for name, r in results.items()}


@pytest.fixture(scope="module")
def operation_pages() -> dict[str, list[OraclePage]]:
    pages: dict[str, list[OraclePage]] = {}
    for service in SERVICES:
        for path in sorted((HTML / service).glob("*.html")):
            endpoints, rows = html_oracle.read(path.read_text(encoding="utf-8"))
            if endpoints:
                file = path.relative_to(HTML).as_posix()
                pages.setdefault(service, []).append(OraclePage(file, tuple(endpoints), tuple(rows)))
    return pages


def test_three_services_are_generated_without_unreadable_pages(results):
    assert sorted(results) == sorted(SERVICES)
    unreadable = [d.format() for r in results.values() for d in r.diagnostics if d.code == "page-unreadable"]
    assert unreadable == []


@pytest.mark.parametrize("service", SERVICES)
def test_document_passes_openapi_spec_validator(specs, service):
    validate(specs[service])


def test_operation_pages_yield_their_operations(specs, operation_pages):
    misses, figures, total, found = [], [], 0, 0
    for service, pages in operation_pages.items():
        page_misses = operation_page_misses(specs[service], pages)
        missed = sum(1 for m in page_misses if m)
        misses += [line for lines in page_misses for line in lines]
        figures.append(f"{service}: {len(pages) - missed}/{len(pages)}")
        total += len(pages)
        found += len(pages) - missed
    assert found >= MIN_OPERATION_PAGES * total, message(
        f"{found}/{total} operation pages yield their operations", figures, misses)


def test_field_rows_on_operation_pages_are_in_their_operation(specs, operation_pages):
    figures, misses, total, found = [], [], 0, 0
    for service, pages in operation_pages.items():
        names = names_by_page(specs[service])
        missing = [f"{p.file}:{row.line}: row {row.name!r} not in the page's operation"
                   for p in pages for row in p.rows if row.name not in names.get(p.file, ())]
        rows = sum(len(p.rows) for p in pages)
        figures.append(f"{service}: {rows - len(missing)}/{rows}")
        misses += missing
        total += rows
        found += rows - len(missing)
    assert found >= MIN_ROWS_IN_OUTPUT * total, message(
        f"{found}/{total} field rows on operation pages are in their operation", figures, misses)


def test_no_row_is_lost_silently(results):
    lost = [row for r in results.values() for row in r.report.rows_lost]
    assert lost == [], message(f"{len(lost)} rows in neither the output nor a diagnostic", [], lost)
