"""Incremental generation: services and clients read back from the caches are what building
them gives, any number of processes gives the same bytes, and a damaged cache is a miss."""

from __future__ import annotations

import os
import shutil

import pytest

from generator import progress
from generator.cli import main
from generator.format.client_cache import ClientCache
from generator.json_store import JsonStore
from generator.link.operation_ids import registries_from_output
from generator.pipeline import Caches, RunContext, generate
from generator.render import python_client

from .conftest import SEEDS


def run(docs, cache, clients=False, jobs=1) -> tuple[list, RunContext]:
    context = RunContext(Caches.under(cache), jobs)
    return generate(docs, clients=clients, context=context), context


def test_a_second_run_reads_every_service_back(tmp_path):
    cold, first = run(SEEDS, tmp_path)
    warm, second = run(SEEDS, tmp_path)
    assert warm == cold
    assert (first.summary.services_cached, second.summary.services_cached) == (0, len(cold))
    assert second.summary.pages_parsed == 0


def test_a_run_on_the_output_of_a_cold_run_reads_every_service_back(tmp_path):
    # the second run reads the operationIds of the documents the first wrote: the first kept
    # its services under that registry too, and the documents' registries need no parsing
    out, cache = tmp_path / "generated", tmp_path / "cache"
    assert main(["generate", "--docs", str(SEEDS), "--out", str(out), "--cache", str(cache), "--quiet"]) == 0
    kept = sorted(p.name for p in (cache / "registries").rglob("*") if p.is_file())
    registries = registries_from_output(out, JsonStore(cache / "registries"))
    assert registries and sorted(p.name for p in (cache / "registries").rglob("*") if p.is_file()) == kept
    context = RunContext(Caches.under(cache), 1)
    results = generate(SEEDS, context=context, registries=registries)
    assert context.summary.services_cached == len(results)


def test_an_edited_page_rebuilds_its_service_and_parses_only_that_page(tmp_path):
    docs = shutil.copytree(SEEDS, tmp_path / "docs_src")
    run(docs, tmp_path / "cache")
    page = docs / "modelarts" / "list_tasks.rst"
    page.write_text(page.read_text(encoding="utf-8").replace("Task name", "The task name"), encoding="utf-8")
    edited, context = run(docs, tmp_path / "cache")
    assert (context.summary.pages_parsed, context.summary.services_cached) == (1, 0)
    assert edited == generate(docs, clients=False)


def test_a_client_is_kept_while_its_document_does_not_change(tmp_path):
    cold, first = run(SEEDS, tmp_path, clients=True)
    shutil.rmtree(tmp_path / "services")  # the services must be built again, their clients not
    warm, second = run(SEEDS, tmp_path, clients=True)
    assert warm == cold
    assert (first.summary.clients_built, second.summary.clients_built, second.summary.clients_cached) == (1, 0, 1)


def test_processes_do_not_change_the_output(tmp_path):
    docs = tmp_path / "docs_src"
    for copy in ("a", "b", "c"):  # several services, enough pages for chunks in parallel
        for i in range(6):
            shutil.copytree(SEEDS / "modelarts", docs / copy / str(i))
    assert generate(docs, clients=False, context=RunContext(jobs=1)) == \
        generate(docs, clients=False, context=RunContext(jobs=2))


def test_the_service_key_covers_registry_overrides_suffix_and_read_failures(tmp_path):
    """Whatever else a service's output depends on is in its key: the operationIds already
    given, its overrides file, a page's file suffix (the front-end) and a page-read failure."""
    docs = shutil.copytree(SEEDS, tmp_path / "docs_src")
    cache = tmp_path / "cache"
    plain, _ = run(docs, cache)
    get = "GET /v2/{project_id}/datasets/{dataset_id}/tasks"
    registry = {"modelarts": {("GET", "/v2/{}/datasets/{}/tasks"): "KeptName"}}
    context = RunContext(Caches.under(cache), 1)
    (named,) = generate(docs, clients=False, context=context, registries=registry)
    assert context.summary.services_cached == 0 and "operationId: KeptName" in named.files["openapi/modelarts.yaml"]
    (docs / "modelarts" / "operation-ids.yaml").write_text(f"{get}: Renamed\n", encoding="utf-8")
    (renamed,), context = run(docs, cache)
    assert context.summary.services_cached == 0 and "operationId: Renamed" in renamed.files["openapi/modelarts.yaml"]
    (docs / "modelarts" / "operation-ids.yaml").unlink()
    page = docs / "modelarts" / "list_tasks.rst"
    page.rename(page.with_suffix(".txt"))
    moved, context = run(docs, cache)
    assert context.summary.services_cached == 0 and moved == generate(docs, clients=False)
    text = page.with_suffix(".txt").read_bytes()
    page.with_suffix(".txt").unlink()
    os.mkfifo(page)  # never read: a page-unreadable error for it
    (unread,), context = run(docs, cache)
    assert context.summary.services_cached == 0 and "page-unreadable" in {d.code for d in unread.diagnostics}
    page.unlink()
    page.write_bytes(text)
    again, context = run(docs, cache)
    assert again == plain and context.summary.services_cached == 1


def test_a_swapped_entry_is_a_miss(tmp_path):
    store = JsonStore(tmp_path)
    store.put("ab12", {"files": {"a.py": "x = 1\n"}})
    store.put("ab34", {"files": {"a.py": "x = 2\n"}})
    a, b = tmp_path / "ab" / "ab12.json", tmp_path / "ab" / "ab34.json"
    a_bytes = a.read_bytes()
    a.write_bytes(b.read_bytes())
    b.write_bytes(a_bytes)
    assert store.get("ab12") is None and store.get("ab34") is None


def test_a_damaged_entry_is_a_miss(tmp_path):
    store = JsonStore(tmp_path)
    store.put("ab12", {"files": {"a.py": "x = 1\n"}})
    assert store.get("ab12") == {"files": {"a.py": "x = 1\n"}}
    (entry,) = tmp_path.rglob("*.json")
    entry.write_bytes(entry.read_bytes().replace(b"x = 1", b"x = 2"))
    assert store.get("ab12") is None
    entry.write_bytes(b"not json")
    assert store.get("ab12") is None


def test_a_client_entry_that_is_not_text_files_is_a_miss(tmp_path):
    cache = ClientCache(tmp_path)
    cache.store.put("cd34", {"models.py": ["not", "text"]})
    assert cache.get("cd34") is None


def test_generate_ends_with_a_one_line_summary_and_quiet_silences_it(make_docs, tmp_path, capsys):
    docs = make_docs({"p.rst": (SEEDS / "modelarts" / "list_tasks.rst").read_text(encoding="utf-8")})
    args = ["generate", "--docs", str(docs), "--out", str(tmp_path / "out"), "--cache", str(tmp_path / "c"),
            "--no-clients"]
    assert main(args) == 0
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("docbind: 1 pages (1 parsed), 1 services (0 from cache") and last.endswith(" s")
    assert main(args + ["--quiet"]) == 0
    assert "docbind:" not in capsys.readouterr().err
    assert not (tmp_path / "out" / "python").exists()
    assert sorted(p.name for p in (tmp_path / "out" / "openapi").iterdir()) == ["svc.yaml"]


def test_progress_shows_only_on_a_terminal_and_not_when_quiet(monkeypatch):
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: True, raising=False)
    assert type(progress.for_terminal()) is not progress.Progress
    assert type(progress.for_terminal(quiet=True)) is progress.Progress
    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: False, raising=False)
    assert type(progress.for_terminal()) is progress.Progress


@pytest.mark.parametrize("error, kept", [(ValueError("no model class"), True), (OSError("disk full"), False)])
def test_a_failed_client_is_kept_unless_it_failed_outside_the_docs(error, kept, tmp_path, monkeypatch):
    def fail(*args):
        raise error

    monkeypatch.setattr(python_client, "render_python_client", fail)
    first, _ = run(SEEDS, tmp_path, clients=True)
    again, context = run(SEEDS, tmp_path, clients=True)
    assert [d.code for d in first[0].diagnostics if d.severity == "error"] == ["client-failed"]
    assert again == first and context.summary.services_cached == int(kept)
