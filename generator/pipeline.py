"""The whole job, one way: docs → parse → link → check → render → format → write."""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .check.validity import validate_document
from .link.build import link_service
from .link.examples import check_examples
from .link.operation_ids import OVERRIDES, Registry, read_overrides, stable_operation_ids
from .link.values import with_value_facts
from .link.labels import duplicate_labels
from .model.api import Service
from .model.diagnostics import ERROR, Diagnostic
from .model.page import Page
from .model.report import ServiceReport
from .parse.cache import PageCache
from .parse.formats import PAGE_PATTERNS, read_page
from .parse.page import unreadable_page
from .read import PageReadError, read_page_file
from .render.openapi import render_openapi
from .render.python_client import render_python_client


@dataclass(frozen=True)
class ServiceResult:
    """What generating one service produced."""

    service: Service
    pages: tuple[Page, ...]
    diagnostics: tuple[Diagnostic, ...]
    report: ServiceReport
    files: dict[str, str]


def discover(docs: Path) -> dict[str, list[Path]]:
    """Every immediate subfolder of ``docs`` is a service; its pages are all ``*.rst``,
    ``*.html``, ``*.htm`` and ``*.txt`` below."""
    services = {}
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and not p.name.startswith(".")):
        pages = sorted({page for pattern in PAGE_PATTERNS for page in folder.rglob(pattern)})
        if pages:
            services[folder.name] = pages
    return services


def _parse_one(args: tuple[bytes, str]) -> Page:
    return read_page(*args)


def parse_pages(files: list[Path], label_root: Path, jobs: int | None = None,
                cache: PageCache | None = None) -> list[Page]:
    """Parse pages (from ``cache`` where it has them), in parallel when there are many.
    Labels paths as ``<docs name>/<rel>``."""
    work: list[tuple[bytes, str]] = []
    pages: list[Page | None] = []
    for f in files:
        label = (Path(label_root.name) / f.relative_to(label_root)).as_posix()
        try:
            work.append((read_page_file(f, label_root), label))
        except PageReadError as exc:
            work.append((b"", label))
            pages.append(unreadable_page(label, str(exc)))
            continue
        pages.append(cache.get(*work[-1]) if cache else None)
    todo = [i for i, page in enumerate(pages) if page is None]
    jobs = jobs or min(os.cpu_count() or 1, 4)
    if jobs > 1 and len(todo) > 16:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parsed = list(pool.map(_parse_one, [work[i] for i in todo], chunksize=8))
    else:
        parsed = [_parse_one(work[i]) for i in todo]
    for i, page in zip(todo, parsed):
        pages[i] = page
        if cache:
            cache.put(*work[i], page)
    return [page for page in pages if page is not None]


def build_service(name: str, pages: list[Page], docs_label: str, clients: bool = True,
                  registry: Registry | None = None, overrides: tuple[Registry, list[Diagnostic]] = ({}, [])
                  ) -> ServiceResult:
    """Link, check and render one service from its parsed pages (``clients``: the Python client
    too); operations keep the names ``registry`` gives them, ``overrides`` rename on purpose."""
    linked = link_service(name, pages)
    named = stable_operation_ids(linked.service, registry or {}, overrides[0])
    service, example_diags, stats = check_examples(with_value_facts(named, pages))
    diagnostics = tuple(sorted(
        set([d for p in pages for d in p.diagnostics] + linked.diagnostics + example_diags + overrides[1]
            + duplicate_labels(pages)),
        key=lambda d: (d.file, d.line, d.code, d.message)))
    openapi = render_openapi(service, docs_label)
    diagnostics = tuple(sorted(diagnostics + tuple(validate_document(openapi, f"{docs_label}/{name}")),
                               key=lambda d: (d.file, d.line, d.code, d.message)))
    files = {f"openapi/{name}.yaml": openapi}
    if clients:
        try:
            files.update(render_python_client(service, openapi, docs_label))
        except Exception as exc:  # one service's client must not stop the others' output
            diagnostics += (Diagnostic(f"{docs_label}/{name}", 1, ERROR, "client-failed",
                                       f"the Python client of {name} could not be generated: {exc}"),)
    report = _report(name, pages, service, linked.placed, diagnostics, stats)
    return ServiceResult(service, tuple(pages), diagnostics, report, files)


def generate(docs: Path, only: list[str] | None = None, clients: bool = True,
             cache: PageCache | None = None, registries: dict[str, Registry] | None = None) -> list[ServiceResult]:
    """Run the whole job in memory for every service under ``docs``; ``clients=False``
    renders the OpenAPI documents only; ``cache`` keeps parsed pages between runs;
    ``registries`` are the operationIds already given (per service)."""
    results = []
    for name, files in discover(docs).items():
        if only and name not in only:
            continue
        pages = parse_pages(files, docs, cache=cache)
        overrides = read_overrides(docs / name / OVERRIDES, f"{docs.name}/{name}/{OVERRIDES}")
        results.append(build_service(name, pages, docs.name, clients, (registries or {}).get(name), overrides))
    return results


def _report(name, pages, service, placed, diagnostics, stats) -> ServiceReport:
    total = in_output = in_diags = op_rows = op_in_output = 0
    lost: list[str] = []
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        by_file.setdefault(d.file, []).append(d)
    for page in pages:
        for table in page.tables:
            for row in table.rows:
                total += 1
                field_row = bool(page.endpoints) and table.kind == "fields"
                op_rows += field_row
                if (page.file, row.line) in placed:
                    in_output += 1
                    op_in_output += field_row
                elif any(d.covers(page.file, row.line) for d in by_file.get(page.file, ())):
                    in_diags += 1
                else:
                    lost.append(f"{page.file}:{row.line}")
    codes = Counter(d.code for d in diagnostics)
    return ServiceReport(
        service=name,
        pages=len(pages),
        operation_pages=sum(1 for p in pages if p.endpoints),
        operations=len(service.operations),
        table_rows=total,
        rows_in_output=in_output,
        operation_page_rows=op_rows,
        operation_page_rows_in_output=op_in_output,
        rows_in_diagnostics=in_diags,
        rows_lost=tuple(lost),
        examples_json=stats.json,
        examples_parsed=stats.parsed,
        examples_validated=stats.validated,
        diagnostics_by_code=tuple(sorted(codes.items())),
    )
