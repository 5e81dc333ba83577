"""Shared fixtures: the project's own docs, a fresh in-memory generation, tiny docs folders."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
import yaml

from generator.pipeline import generate

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs_src"
CORPUS = Path(os.environ.get("DOCBIND_CORPUS", ROOT.parent / "shared" / "corpus"))
CATALOGUE = Path(os.environ.get("DOCBIND_CATALOGUE", ROOT.parent / "shared" / "catalogue"))


@pytest.fixture(scope="session")
def seed_results():
    """One in-memory generation of docs_src/ for the whole session."""
    return {r.service.name: r for r in generate(DOCS)}


@pytest.fixture(scope="session")
def seed_spec(seed_results) -> dict:
    """The OpenAPI document of the seed service, as data."""
    return yaml.safe_load(seed_results["modelarts"].files["openapi/modelarts.yaml"])


@pytest.fixture(scope="session")
def corpus_results():
    """One in-memory generation of the whole corpus (documents and clients), shared by the
    corpus tier's test files."""
    return {r.service.name: r for r in generate(CORPUS)}


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
    """Corpus and catalogue tests skip with a reason where their folders are absent."""
    absent = {"corpus": f"corpus folder {CORPUS} is absent (set DOCBIND_CORPUS)"} if not CORPUS.is_dir() else {}
    if not (CORPUS.is_dir() and CATALOGUE.is_dir()):
        absent["catalogue"] = (f"catalogue tier needs {CORPUS} and {CATALOGUE} "
                               "(set DOCBIND_CORPUS and DOCBIND_CATALOGUE)")
    for item in items:
        for marker, reason in absent.items():
            if marker in item.keywords:
                item.add_marker(pytest.mark.skip(reason=reason))
