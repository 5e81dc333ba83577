"""Shared fixtures: the project's own docs, a fresh in-memory generation, tiny docs folders."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.pipeline import build_service, discover, generate, parse_pages

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs_src"
CORPUS = Path(os.environ.get("DOCBIND_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def seed_results():
    """One in-memory generation of docs_src/ for the whole session."""
    return {r.name: r for r in generate(DOCS)}


@pytest.fixture(scope="session")
def seed_models():
    """The pages and linked model of each seed service (OpenAPI side only)."""
    return {name: build_service(name, parse_pages(files, DOCS, jobs=1), DOCS.name, clients=False)
            for name, files in discover(DOCS).items()}


@pytest.fixture(scope="session")
def seed_spec(seed_results) -> dict:
    """The OpenAPI document of the seed service, as data."""
    return yaml.safe_load(seed_results["modelarts"].files["openapi/modelarts.yaml"])


@pytest.fixture(scope="session")
def corpus_results():
    """One in-memory generation of the whole corpus (documents and clients), shared by the
    corpus tier's test files."""
    return {r.name: r for r in generate(CORPUS)}


@pytest.fixture
def make_docs(tmp_path):
    """Write pages into ``tmp/docs/<service>/`` and return the docs folder."""

    def write(pages: dict[str, str], service: str = "svc") -> Path:
        for name, text in pages.items():
            path = tmp_path / "docs" / service / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return tmp_path / "docs"

    return write


def pytest_collection_modifyitems(config, items):
    """Corpus tests skip with a reason where the corpus is absent."""
    if CORPUS.is_dir():
        return
    skip = pytest.mark.skip(reason=f"corpus folder {CORPUS} is absent (set DOCBIND_CORPUS)")
    for item in items:
        if "corpus" in item.keywords:
            item.add_marker(skip)
