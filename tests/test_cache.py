"""The parsed-page cache: what it returns is what parsing returns, and nothing else."""

from __future__ import annotations

from generator.parse.cache import PageCache
from generator.parse.page import parse_page
from generator.pipeline import Caches, RunContext, generate

from .conftest import SEEDS

PAGE = (SEEDS / "modelarts" / "list_tasks.rst").read_bytes()
LABEL = "docs_src/modelarts/list_tasks.rst"


def test_a_cached_page_is_the_parsed_page(tmp_path):
    cache = PageCache(tmp_path)
    assert cache.get(PAGE, LABEL) is None
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE, LABEL) == parse_page(PAGE, LABEL)


def test_other_bytes_or_another_label_are_misses(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE + b"\n", LABEL) is None
    assert cache.get(PAGE, "docs_src/other/list_tasks.rst") is None


def test_an_unreadable_entry_is_a_miss(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    (entry,) = tmp_path.rglob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.get(PAGE, LABEL) is None


def test_generation_with_a_warm_cache_gives_the_same_files(tmp_path):
    cache = PageCache(tmp_path)
    cold = generate(SEEDS, clients=False, context=RunContext(Caches(pages=cache)))
    warm = generate(SEEDS, clients=False, context=RunContext(Caches(pages=cache)))
    assert [r.files for r in warm] == [r.files for r in cold] == [r.files for r in generate(SEEDS, clients=False)]
