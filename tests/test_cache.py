"""The parsed-page cache: what it returns is what parsing returns, and nothing else. Entries
are data: a restored or tampered cache can make a run slower, never wrong, never run code."""

from __future__ import annotations

import hashlib
import json
import os
import pickle

import pytest

from generator.parse.cache import PageCache
from generator.parse.page import parse_page
from generator.pipeline import Caches, RunContext, generate

from .conftest import SEEDS

PAGE = (SEEDS / "modelarts" / "list_tasks.rst").read_bytes()
LABEL = "docs_src/modelarts/list_tasks.rst"
OTHER = (SEEDS / "modelarts" / "desc_workforce_task.rst").read_bytes()
OTHER_LABEL = "docs_src/modelarts/desc_workforce_task.rst"


def _entry(cache_dir, data, label):
    return cache_dir / PageCache.key(data, label)[:2] / f"{PageCache.key(data, label)}.json"


def test_a_cached_page_is_the_parsed_page(tmp_path):
    cache = PageCache(tmp_path)
    assert cache.get(PAGE, LABEL) is None
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE, LABEL) == parse_page(PAGE, LABEL)


def test_entries_are_json_data(tmp_path):
    PageCache(tmp_path).put(PAGE, LABEL, parse_page(PAGE, LABEL))
    (entry,) = (p for p in tmp_path.rglob("*") if p.is_file())
    header, _, payload = entry.read_text(encoding="utf-8").partition("\n")
    assert header.split() == [entry.stem, hashlib.sha256(payload.encode()).hexdigest()]  # its key, its digest
    data = json.loads(payload)
    assert (data["format"], data["version"]) == ("docbind-page-cache", 2)
    assert data["page"]["file"] == LABEL


def test_other_bytes_are_a_miss(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE + b"\n", LABEL) is None


def test_the_same_bytes_under_another_label_read_as_parsed_there(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    other = "new/modelarts/list_tasks.rst"
    assert cache.get(PAGE, other) == parse_page(PAGE, other)


def test_diagnostics_are_relabelled_too(tmp_path):
    broken = b"Title\n=====\n\n.. table:: **Table 1** x\n\n   +---+\n   | a |\n"
    cache = PageCache(tmp_path)
    cache.put(broken, LABEL, parse_page(broken, LABEL))
    assert cache.get(broken, "new/x.rst") == parse_page(broken, "new/x.rst")


def test_a_pickle_in_the_cache_is_never_run(tmp_path):
    """Defect: entries were unpickled, so a restored CI cache could run code."""
    marker = tmp_path / "ran"

    class Payload:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    entry = _entry(tmp_path / "cache", PAGE, LABEL)
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps(Payload()))
    assert PageCache(tmp_path / "cache").get(PAGE, LABEL) is None
    assert not marker.exists()


def test_swapped_entries_are_misses(tmp_path):
    """Defect: two valid entries swapped built a service from the wrong page."""
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    cache.put(OTHER, OTHER_LABEL, parse_page(OTHER, OTHER_LABEL))
    a, b = _entry(tmp_path, PAGE, LABEL), _entry(tmp_path, OTHER, OTHER_LABEL)
    a_bytes, b_bytes = a.read_bytes(), b.read_bytes()
    a.write_bytes(b_bytes)
    b.write_bytes(a_bytes)
    assert cache.get(PAGE, LABEL) is None
    assert cache.get(OTHER, OTHER_LABEL) is None


@pytest.mark.parametrize("garbage", [
    b"not json", b"", b"null", b"[]", b"{}", b'{"format": "docbind-page-cache"}', b"[" * 100_000,
    b"\xff\xfe", "edited page"])
def test_a_corrupt_entry_is_a_miss(tmp_path, garbage):
    """Defect: some garbage entries aborted every run until the cache was deleted."""
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    entry = _entry(tmp_path, PAGE, LABEL)
    if garbage == "edited page":  # valid envelope, page edited without fixing the checksum
        garbage = entry.read_bytes().replace(b"ListTasks", b"Evil")
    entry.write_bytes(garbage)
    assert cache.get(PAGE, LABEL) is None
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE, LABEL) == parse_page(PAGE, LABEL)


def test_a_fifo_entry_is_a_miss_not_a_hang(tmp_path):
    entry = _entry(tmp_path, PAGE, LABEL)
    entry.parent.mkdir(parents=True)
    os.mkfifo(entry)
    assert PageCache(tmp_path).get(PAGE, LABEL) is None


def test_generation_with_a_warm_cache_gives_the_same_files(tmp_path):
    cache = PageCache(tmp_path)
    cold = generate(SEEDS, clients=False, context=RunContext(Caches(pages=cache)))
    warm = generate(SEEDS, clients=False, context=RunContext(Caches(pages=cache)))
    assert [r.files for r in warm] == [r.files for r in cold] == [r.files for r in generate(SEEDS, clients=False)]


def test_generation_with_a_garbage_cache_gives_the_same_files(tmp_path):
    """Every cache (pages, services, clients) damaged: the same files, built afresh."""
    generate(SEEDS, clients=False, context=RunContext(Caches.under(tmp_path)))
    for entry in (p for p in tmp_path.rglob("*") if p.is_file()):
        entry.write_bytes(b"\x80garbage")
    assert [r.files for r in generate(SEEDS, clients=False, context=RunContext(Caches.under(tmp_path)))] == \
        [r.files for r in generate(SEEDS, clients=False)]
