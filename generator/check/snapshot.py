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

from ..model.diagnostics import Diagnostic
from ..pipeline import RunContext, generate
from ..write import owned_files
from .fields import Sources

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Snapshot:
    """Generated files (relative path → text); row citations per service when built from docs."""

    label: str
    files: dict[str, str]
    sources: dict[str, Sources] = field(default_factory=dict)
    diagnostics: tuple[Diagnostic, ...] = ()

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
              context: RunContext | None = None) -> Snapshot:
    """Generate everything from a docs folder in memory (``clients=False``: OpenAPI only),
    with the caches, processes and progress of ``context``."""
    if not docs.is_dir():
        raise ValueError(f"docs folder {docs} does not exist")
    results = generate(docs, clients=clients, context=context)
    return Snapshot(
        label=label or str(docs),
        files={rel: text for r in results for rel, text in r.files.items()},
        sources={r.name: r.sources for r in results},
        diagnostics=tuple(d for r in results for d in r.diagnostics),
    )


def from_output(out: Path, also: Iterable[str] = ()) -> Snapshot:
    """The files of an output folder that docbind owns, plus any of ``also`` that exist."""
    rels = set(owned_files(out)) | {rel for rel in also if (out / rel).is_file()}
    return Snapshot(str(out), {rel: (out / rel).read_bytes().decode("utf-8") for rel in sorted(rels)})


def from_document(path: Path) -> Snapshot:
    """One OpenAPI document file; its service is the file name without suffix."""
    text = path.read_text(encoding="utf-8")
    parse_document(text, str(path))
    return Snapshot(str(path), {f"openapi/{path.stem}.yaml": text})


def from_path(path: Path, context: RunContext | None = None) -> Snapshot:
    """A document file, an output folder (with ``openapi/``) or a docs folder."""
    if path.is_file():
        return from_document(path)
    if not path.is_dir():
        raise ValueError(f"{path} does not exist")
    if (path / "openapi").is_dir() and not any(path.rglob("*.rst")):
        return from_output(path)
    return from_docs(path, clients=False, context=context)


def from_git(docs: Path, ref: str, context: RunContext | None = None) -> Snapshot:
    """The docs folder as it was at git revision ``ref``, generated in memory.

    The folder is extracted under its own name, so citations read the same as the work tree's.
    """
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
        return from_docs(base, label=f"{rel}@{ref}", clients=False, context=context)


def _git(cwd: Path, *args: str) -> bytes:
    done = subprocess.run(["git", *args], cwd=cwd, capture_output=True)
    if done.returncode != 0:
        raise ValueError(f"git {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout
