"""One side of a comparison: the generated files of a docs folder, an output folder, a single
OpenAPI document, or the docs at a git revision.

``check`` compares every generated file; ``diff`` reads the OpenAPI documents only, so its
loaders (``from_path``, ``from_git``) leave the Python client out.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..link.operation_ids import Registry, registries_from_documents
from ..model.diagnostics import Diagnostic
from ..pipeline import RunContext, discover, generate
from ..read import read_pages
from ..write import manifest_files, read_output
from .fields import Sources

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Snapshot:
    """Generated files (relative path → text); row citations per service when built from docs."""

    label: str
    files: dict[str, str]
    sources: dict[str, Sources] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)

    def line(self, citation: str) -> str:
        """``file:line: text`` of the line a citation points at, spaces collapsed; "" if unknown."""
        return (self.row_lines(citation)[:1] or [""])[0]

    def row_lines(self, citation: str, limit: int = 60) -> list[str]:
        """``file:line: text`` of the cited line and of the lines of its table row below it (to
        the next grid border or blank line), spaces collapsed and blank cells left out."""
        file, _, number = citation.rpartition(":")
        text = self.texts.get(file)
        if text is None or not number.isdigit():
            return []
        first = int(number)
        found = []
        for index, raw in enumerate(text.splitlines()[first - 1:first - 1 + limit]):
            stripped = raw.strip()
            if index and (not stripped or stripped[0] in "+=" or set(stripped) <= {"=", " "}):
                break
            line = " ".join(raw.split())
            if line.strip("| "):
                found.append(f"{file}:{first + index}: {line}")
        return found

    def documents(self) -> dict[str, str]:
        """Service name → OpenAPI document text."""
        return {Path(rel).stem: text for rel, text in self.files.items()
                if rel.startswith("openapi/") and rel.endswith((".yaml", ".yml", ".json"))}


def parse_document(text: str, label: str) -> dict:
    """An OpenAPI document as data; ValueError when it is not one."""
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ValueError(f"{label} is not YAML: {exc}") from None
    if not isinstance(data, dict) or "paths" not in data:
        raise ValueError(f"{label} is not an OpenAPI document (no paths)")
    return data


def from_docs(docs: Path, label: str | None = None, clients: bool = True,
              context: RunContext | None = None, registries: dict[str, Registry] | None = None) -> Snapshot:
    """Generate everything from a docs folder in memory (``clients=False``: OpenAPI only),
    with the caches, processes and progress of ``context``, keeping the operationIds
    ``registries`` give."""
    if not docs.is_dir():
        raise ValueError(f"docs folder {docs} does not exist")
    results = generate(docs, clients=clients, context=context, registries=registries)
    return Snapshot(
        label=label or str(docs),
        files={rel: text for r in results for rel, text in r.files.items()},
        sources={r.name: r.sources for r in results},
        diagnostics=tuple(d for r in results for d in r.diagnostics),
        texts=docs_texts(docs),
    )


def docs_texts(docs: Path) -> dict[str, str]:
    """The readable pages of a docs folder by the name citations give them (``docs_src/svc/a.rst``)."""
    return {page.label: page.data.decode("utf-8", "replace")
            for files in discover(docs).values() for page in read_pages(files, docs) if not page.unreadable}


def docs_texts_at(docs: Path, ref: str) -> dict[str, str]:
    """The pages of a docs folder as committed at ``ref``; none outside a git work tree."""
    try:
        return _extracted(docs, ref, lambda base, rel: docs_texts(base))
    except ValueError:
        return {}


def from_output(out: Path, also: Iterable[str] = ()) -> Snapshot:
    """The files of an output folder that its manifest lists (docbind wrote them), plus any of
    ``also`` that exist as regular files."""
    texts = {rel: read_output(out, rel) for rel in sorted(set(manifest_files(out)) | set(also))}
    return Snapshot(str(out), {rel: text for rel, text in texts.items() if text is not None})


def from_document(path: Path) -> Snapshot:
    """One OpenAPI document file; its service is the file name without suffix."""
    text = path.read_text(encoding="utf-8")
    parse_document(text, str(path))
    return Snapshot(str(path), {f"openapi/{path.stem}.yaml": text})


def from_path(path: Path, context: RunContext | None = None, after: Snapshot | None = None) -> Snapshot:
    """A document file, an output folder (with ``openapi/``) or a docs folder (generated with
    ``context``; ``after`` an older snapshot, its operations keep their names)."""
    if path.is_file():
        return from_document(path)
    if not path.is_dir():
        raise ValueError(f"{path} does not exist")
    if (path / "openapi").is_dir() and not any(path.rglob("*.rst")):
        documents = [f"openapi/{p.name}" for p in (path / "openapi").iterdir()
                     if p.suffix in (".yaml", ".yml", ".json")]
        return from_output(path, also=documents)
    registries = registries_from_documents(after.documents()) if after else None
    return from_docs(path, clients=False, context=context, registries=registries)


def from_git(docs: Path, ref: str, context: RunContext | None = None) -> Snapshot:
    """The docs folder as it was at git revision ``ref``, generated in memory.

    The folder is extracted under its own name, so citations read the same as the work tree's.
    """
    return _extracted(docs, ref, lambda base, rel: from_docs(
        base, label=f"{rel}@{ref}", clients=False, context=context))


def _extracted(docs: Path, ref: str, read):
    """``read(folder, path in the repository)`` on the docs folder extracted at ``ref`` under
    its own name."""
    docs = docs.resolve()
    top = _git(docs.parent if not docs.is_dir() else docs, "rev-parse", "--show-toplevel").decode().strip()
    rel = docs.relative_to(Path(top).resolve()).as_posix()
    archive = _git(Path(top), "archive", "--format=tar", ref, "--", rel)
    with tempfile.TemporaryDirectory(prefix="docbind-base-") as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        base = Path(tmp) / rel
        if not base.is_dir():
            raise ValueError(f"{rel} does not exist at {ref}")
        return read(base, rel)


def _git(cwd: Path, *args: str) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    if done.returncode != 0:
        raise ValueError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout
