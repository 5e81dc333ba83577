"""The parsed-page cache: what it returns is what parsing returns, and nothing else."""

from __future__ import annotations

from generator.parse.cache import PageCache
from generator.parse.page import parse_page
from generator.pipeline import generate

from .conftest import SEEDS

PAGE = (SEEDS / "modelarts" / "list_tasks.rst").read_bytes()
LABEL = "docs_src/modelarts/list_tasks.rst"


def test_a_cached_page_is_the_parsed_page(tmp_path):
    cache = PageCache(tmp_path)
    assert cache.get(PAGE, LABEL) is None
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    assert cache.get(PAGE, LABEL) == parse_page(PAGE, LABEL)


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


def test_an_unreadable_entry_is_a_miss(tmp_path):
    cache = PageCache(tmp_path)
    cache.put(PAGE, LABEL, parse_page(PAGE, LABEL))
    (entry,) = tmp_path.rglob("*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cache.get(PAGE, LABEL) is None


def test_generation_with_a_warm_cache_gives_the_same_files(tmp_path):
    cache = PageCache(tmp_path)
    cold = generate(SEEDS, clients=False, cache=cache)
    warm = generate(SEEDS, clients=False, cache=cache)
    assert [r.files for r in warm] == [r.files for r in cold] == [r.files for r in generate(SEEDS, clients=False)]
