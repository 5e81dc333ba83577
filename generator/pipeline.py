"""The whole job, one way: docs → parse → link → check → render → format → write.

Work is spread over processes per page (parsing) and per service (linking, rendering, the
Python client); each service's output is a pure function of its pages, its operationId
registry and its overrides file, so any number of processes gives the same bytes. Three caches skip work a previous run did: parsed pages,
whole services whose pages did not change, and Python clients whose document did not change.
"""

from __future__ import annotations

import os
import time
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .check.sources import source_index
from .check.validity import validate_document
from .format.client_cache import ClientCache
from .json_store import JsonStore
from .link.build import link_service
from .link.examples import check_examples
from .link.labels import duplicate_labels
from .link.operation_ids import (OVERRIDES, Registry, keep_registry, read_overrides, registry_from_document,
                                 stable_operation_ids)
from .link.values import with_value_facts
from .memo import Memo
from .model.api import Service
from .model.diagnostics import ERROR, Diagnostic
from .model.page import Page
from .model.report import ServiceReport
from .model.result import ServiceResult
from .parse.cache import PageCache
from .parse.formats import PAGE_PATTERNS, read_page
from .parse.page import unreadable_page
from .progress import Progress
from .read import PageFile, read_pages
from .render.openapi import render_document
from .service_cache import ServiceCache, service_key

#: Pages parsed per process task: large enough to amortise the hand-over, small enough to balance.
CHUNK = 8


@dataclass(frozen=True)
class Caches:
    """The caches of one run; any may be None (not used)."""

    pages: PageCache | None = None
    services: ServiceCache | None = None
    clients: ClientCache | None = None
    registries: JsonStore | None = None

    @classmethod
    def under(cls, folder: Path) -> Caches:
        """All caches in one folder (pages at its top, then ``services/``, ``clients/`` and
        ``registries/``)."""
        return cls(PageCache(folder), ServiceCache(folder / "services"), ClientCache(folder / "clients"),
                   JsonStore(folder / "registries"))


@dataclass(frozen=True)
class Built:
    """One service built in memory: the model behind its result (for tests and tools)."""

    service: Service
    pages: tuple[Page, ...]
    result: ServiceResult
    client_cached: bool
    #: False when the client failed for a reason outside the docs (a full disk, no memory):
    #: such a result is not kept, so the next run tries again.
    cacheable: bool = True
    #: The operationIds of the document written (the registry the next run reads from it).
    registry: Registry = field(default_factory=dict)


@dataclass
class Summary:
    """What a run did, for the one-line summary."""

    pages: int = 0
    pages_parsed: int = 0
    services: int = 0
    services_cached: int = 0
    clients_built: int = 0
    clients_cached: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.pages} pages ({self.pages_parsed} parsed), {self.services} services "
                f"({self.services_cached} from cache, clients: {self.clients_built} built, "
                f"{self.clients_cached} from cache) in {self.seconds:.1f} s")


@dataclass
class RunContext:
    """How to run: caches, processes (None: the cores), progress display; ``summary`` is
    filled in by the run."""

    cache: Caches | None = None
    jobs: int | None = None
    progress: Progress = field(default_factory=Progress)
    summary: Summary = field(default_factory=Summary)


@dataclass
class _Service:
    """A service on its way through a run."""

    name: str
    work: list[PageFile]
    key: str
    pages: list[Page | None]
    registry: Registry
    overrides: tuple[Registry, list[Diagnostic]]


def discover(docs: Path) -> dict[str, list[Path]]:
    """Every immediate subfolder of ``docs`` is a service; its pages are all ``*.rst``,
    ``*.html``, ``*.htm`` and ``*.txt`` below."""
    services = {}
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and not p.name.startswith(".")):
        pages = sorted({page for pattern in PAGE_PATTERNS for page in folder.rglob(pattern)})
        if pages:
            services[folder.name] = pages
    return services


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _parse_chunk(work: list[PageFile]) -> list[Page]:
    return [_parse_one(w) for w in work]


def _parse_one(page: PageFile) -> Page:
    return read_page(page.data, page.label)


def _known(page: PageFile, cache: PageCache | None) -> Page | None:
    """The page when it need not be parsed: unreadable, or in ``cache``."""
    if page.unreadable:
        return unreadable_page(page.label, page.unreadable)
    return cache.get(page.data, page.label) if cache else None


def parse_pages(files: list[Path], label_root: Path, jobs: int | None = None,
                cache: PageCache | None = None) -> list[Page]:
    """Parse one service's pages (from ``cache`` where it has them), in parallel when many."""
    work = read_pages(files, label_root)
    pages: list[Page | None] = [_known(w, cache) for w in work]
    todo = [i for i, page in enumerate(pages) if page is None]
    jobs = jobs or default_jobs()
    if jobs > 1 and len(todo) > 2 * CHUNK:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            parsed = list(pool.map(_parse_one, [work[i] for i in todo], chunksize=CHUNK))
    else:
        parsed = [_parse_one(work[i]) for i in todo]
    for i, page in zip(todo, parsed):
        pages[i] = page
        if cache:
            cache.put(work[i].data, work[i].label, page)
    return [page for page in pages if page is not None]


def build_service(name: str, pages: list[Page], docs_label: str, clients: bool = True,
                  client_cache: ClientCache | None = None, registry: Registry | None = None,
                  overrides: tuple[Registry, list[Diagnostic]] = ({}, [])) -> Built:
    """Link, check and render one service from its parsed pages (``clients``: the Python
    client too, from ``client_cache`` when its document did not change); operations keep
    the names ``registry`` gives them, ``overrides`` rename on purpose."""
    linked = link_service(name, pages)
    named = stable_operation_ids(linked.service, registry or {}, overrides[0])
    service, example_diags, stats = check_examples(with_value_facts(named, pages), pages)
    diagnostics = tuple(sorted(
        set([d for p in pages for d in p.diagnostics] + linked.diagnostics + example_diags + overrides[1]
            + duplicate_labels(pages)),
        key=lambda d: (d.file, d.line, d.code, d.message)))
    with _kept_memo(client_cache, name, docs_label, "yaml") as dumped:
        rendered = render_document(service, docs_label, dumped)
    openapi, document = rendered.text, rendered.data
    with _kept_memo(client_cache, name, docs_label, "validity") as findings:
        problems = validate_document(document, f"{docs_label}/{name}", findings)
    diagnostics = tuple(sorted(diagnostics + tuple(problems), key=lambda d: (d.file, d.line, d.code, d.message)))
    files = {f"openapi/{name}.yaml": openapi}
    cached, cacheable = False, True
    if clients:
        client, cached, failure = _client(service, openapi, document, docs_label, client_cache)
        files.update(client)
        if failure:
            cacheable = not isinstance(failure, (OSError, MemoryError))
            diagnostics += (Diagnostic(f"{docs_label}/{name}", 1, ERROR, "client-failed",
                                       f"the Python client of {name} could not be generated: {failure}"),)
    report = _report(name, pages, service, linked.placed, diagnostics, stats)
    result = ServiceResult(name, files, diagnostics, report, source_index(service, pages))
    return Built(service, tuple(pages), result, cached, cacheable, registry_from_document(document))


def build_models(docs: Path, cache: PageCache | None = None) -> list[Built]:
    """Every service under ``docs`` built in this process, documents only, with its model:
    for tests and tools that read the model, not only the files."""
    return [build_service(name, parse_pages(files, docs, cache=cache), docs.name, clients=False,
                          overrides=read_overrides(docs / name / OVERRIDES, f"{docs.name}/{name}/{OVERRIDES}"))
            for name, files in discover(docs).items()]


def _kept_memo(cache: ClientCache | None, name: str, docs_label: str,
               purpose: str) -> AbstractContextManager[Memo | None]:
    """The service's memo of ``purpose`` from ``cache``, kept for the next run (None without a cache)."""
    return cache.kept_memo(name, docs_label, purpose) if cache else nullcontext(None)


def _client(service: Service, openapi: str, document: dict, docs_label: str,
            cache: ClientCache | None) -> tuple[dict[str, str], bool, Exception | None]:
    """The client files, whether they came from ``cache``, and why they failed (or None)."""
    entry = ClientCache.key(openapi, service.name, service.title, docs_label) if cache else ""
    if cache and (files := cache.get(entry)) is not None:
        return files, True, None
    from .render.python_client import render_python_client  # black and datamodel-code-generator: only here

    memo = cache.memo(service.name, docs_label) if cache else None
    try:
        files = render_python_client(service, openapi, docs_label, memo, document)
    except Exception as exc:  # one service's client must not stop the others' output
        return {}, False, exc
    if cache is not None and memo is not None:
        cache.put(entry, files)
        cache.put_memo(service.name, docs_label, memo)
    return files, False, None


def _build_task(name: str, pages: list[Page], docs_label: str, clients: bool, client_cache: ClientCache | None,
                registry: Registry, overrides: tuple[Registry, list[Diagnostic]]
                ) -> tuple[ServiceResult, bool, bool, Registry]:
    built = build_service(name, pages, docs_label, clients, client_cache, registry, overrides)
    return built.result, built.client_cached, built.cacheable, built.registry


def generate(docs: Path, only: list[str] | None = None, clients: bool = True,
             context: RunContext | None = None, registries: dict[str, Registry] | None = None
             ) -> list[ServiceResult]:
    """Run the whole job for every service under ``docs`` (``only``: these services);
    ``clients=False`` renders the OpenAPI documents only; ``context``: caches, processes,
    progress, and the summary it fills in; ``registries``: the operationIds already given
    (per service)."""
    started = time.perf_counter()
    context = context or RunContext()
    cache, summary, progress = context.cache or Caches(), context.summary, context.progress
    services = []
    for name, files in discover(docs).items():
        if only and name not in only:
            continue
        work = read_pages(files, docs)
        registry = (registries or {}).get(name, {})
        overrides = read_overrides(docs / name / OVERRIDES, f"{docs.name}/{name}/{OVERRIDES}")
        key = service_key(name, work, docs.name, clients, registry, overrides)
        services.append(_Service(name, work, key, [], registry, overrides))
    summary.pages += sum(len(s.work) for s in services)
    summary.services += len(services)
    progress.start(sum(len(s.work) for s in services), len(services))
    results: dict[str, ServiceResult] = {}
    todo = []
    for s in services:
        hit = cache.services.get(s.key) if cache.services else None
        if hit is not None:
            results[s.name] = hit
            summary.services_cached += 1
            progress.pages_done(len(s.work))
            progress.service_done()
        else:
            s.pages = [_known(w, cache.pages) for w in s.work]
            progress.pages_done(sum(p is not None for p in s.pages))
            todo.append(s)
    jobs = context.jobs or default_jobs()
    for s, (result, client_cached, cacheable, written) in _run(todo, docs.name, clients, cache, jobs, progress,
                                                               summary):
        results[s.name] = result
        summary.clients_cached += client_cached
        summary.clients_built += clients and not client_cached
        if cache.services and cacheable:
            cache.services.put(s.key, result)
            if written != s.registry:  # what the next run reads from the document written: the same result
                cache.services.put(service_key(s.name, s.work, docs.name, clients, written, s.overrides), result)
        if cache.registries:
            keep_registry(cache.registries, result.files[f"openapi/{s.name}.yaml"], written)
        progress.service_done()
    progress.close()
    summary.seconds += time.perf_counter() - started
    return [results[s.name] for s in services]


def _run(todo: list[_Service], docs_label: str, clients: bool, cache: Caches, jobs: int, progress: Progress,
         summary: Summary) -> Iterator[tuple[_Service, tuple[ServiceResult, bool, bool, Registry]]]:
    """Parse the missing pages of ``todo`` and build each service, in ``jobs`` processes
    (in this one where that is all the work there is). Largest services first."""
    chunks = deque((s, indices[i:i + CHUNK]) for s in sorted(todo, key=lambda s: -len(s.work))
                   for indices in [[i for i, p in enumerate(s.pages) if p is None]]
                   for i in range(0, len(indices), CHUNK))
    summary.pages_parsed += sum(len(indices) for _, indices in chunks)
    if jobs <= 1 or (len(todo) <= 1 and len(chunks) <= 2):
        for s, indices in chunks:
            _store(s, indices, _parse_chunk([s.work[i] for i in indices]), cache, progress)
        for s in todo:
            yield s, _build_task(s.name, s.pages, docs_label, clients, cache.clients, s.registry, s.overrides)
        return
    unparsed = Counter(s.name for s, _ in chunks)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        builds: dict[Future, _Service] = {}
        parses: dict[Future, tuple[_Service, list[int]]] = {}

        def build(s: _Service) -> None:
            builds[pool.submit(_build_task, s.name, s.pages, docs_label, clients, cache.clients,
                               s.registry, s.overrides)] = s

        for s in todo:
            if not unparsed[s.name]:
                build(s)
        while builds or parses or chunks:
            # A few parse chunks in flight, not all: a service whose pages are parsed starts
            # building at once instead of queueing behind every remaining chunk.
            while chunks and len(parses) < 2 * jobs:
                s, indices = chunks.popleft()
                parses[pool.submit(_parse_chunk, [s.work[i] for i in indices])] = (s, indices)
            done, _ = wait([*builds, *parses], return_when=FIRST_COMPLETED)
            for future in done:
                if future in builds:
                    s = builds.pop(future)
                    s.pages = []  # the worker has them; the run need not hold every service's pages
                    yield s, future.result()
                    continue
                s, indices = parses.pop(future)
                _store(s, indices, future.result(), cache, progress)
                unparsed[s.name] -= 1
                if not unparsed[s.name]:
                    build(s)


def _store(s: _Service, indices: list[int], pages: list[Page], cache: Caches, progress: Progress) -> None:
    for i, page in zip(indices, pages):
        s.pages[i] = page
        if cache.pages:
            cache.pages.put(s.work[i].data, s.work[i].label, page)
    progress.pages_done(len(pages))


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
