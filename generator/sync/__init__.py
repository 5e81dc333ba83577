"""``docbind sync``: bring ``docs/<service>/`` to its upstream folder at a ref, record the commit,
and tell what changed in the API.

The pages are fetched into a scratch directory, copied into a hidden staging folder inside the
docs folder (so the final rename stays on one file system), both revisions are generated in
memory for the changelog, and only then is the service folder swapped for the new one. Any
error before the swap leaves the docs folder as it was.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..check.drift import Drift, changelog
from ..check.snapshot import Snapshot
from ..pipeline import RunContext, generate
from .fetch import fetch_folder
from .sources import Source, read_sources, record_commit

__all__ = ["Synced", "read_sources", "sync_service"]


@dataclass(frozen=True)
class Synced:
    """What one service's sync did: the commits before and after, the pages, the API changes."""

    service: str
    old_commit: str
    commit: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    drift: Drift

    def summary(self) -> str:
        moved = "already at" if self.old_commit == self.commit else f"{_short(self.old_commit) or 'unsynced'} →"
        return (f"{self.service}: {moved} {self.commit} ({len(self.added)} pages added, "
                f"{len(self.changed)} changed, {len(self.removed)} removed)")


def sync_service(docs: Path, sources_file: Path, source: Source, ref: str | None = None,
                 context: RunContext | None = None) -> Synced:
    """Replace ``docs/<service>/`` by the ``.rst`` pages of the upstream folder at ``ref``
    (default: the source's ``ref``) and record the resolved commit in ``sources_file``."""
    target = docs / source.service
    if target.is_symlink() or target.exists() and not target.is_dir():
        raise ValueError(f"{target} is not a folder")
    foreign = sorted(p for p in target.rglob("*") if not p.is_dir() and p.suffix != ".rst") if target.is_dir() else []
    if foreign:
        raise ValueError(f"{foreign[0]} is not a page sync writes (only .rst pages are synced); "
                         "move it out of the folder first")
    created = not docs.exists()
    docs.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".sync-{source.service}-", dir=docs))
    done = False
    try:
        with tempfile.TemporaryDirectory(prefix="docbind-fetch-") as scratch:
            commit, folder = fetch_folder(source.repository, source.path, ref or source.ref, Path(scratch))
            new = staging / docs.resolve().name / source.service  # named as docs: citations read the same
            _copy_pages(folder, new)
        old_pages, new_pages = _pages(target), _pages(new)
        old_doc = _snapshot(docs.resolve(), source.service, context)
        new_doc = _snapshot(new.parent, source.service, context)
        drift = Drift(f"{source.service}@{_short(source.commit) or 'unsynced'}",
                      f"{source.service}@{_short(commit)}", (), (), (), tuple(changelog(old_doc, new_doc)))
        _swap(target, new, staging)
        record_commit(sources_file, source.service, commit)
        done = True
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        if created and not done:
            shutil.rmtree(docs, ignore_errors=True)
    return Synced(
        service=source.service,
        old_commit=source.commit,
        commit=commit,
        added=tuple(sorted(new_pages.keys() - old_pages.keys())),
        changed=tuple(sorted(rel for rel in old_pages.keys() & new_pages.keys() if old_pages[rel] != new_pages[rel])),
        removed=tuple(sorted(old_pages.keys() - new_pages.keys())),
        drift=drift,
    )


def _short(commit: str) -> str:
    return commit[:12]


def _copy_pages(folder: Path, dest: Path) -> None:
    """The ``.rst`` files below ``folder`` (regular files only: no symlink leaves the checkout)."""
    dest.mkdir(parents=True)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(root) / d).is_symlink())
        for name in sorted(files):
            path = Path(root) / name
            if name.endswith(".rst") and path.is_file() and not path.is_symlink():
                out = dest / path.relative_to(folder)
                out.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, out)


def _pages(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*.rst") if p.is_file()}


def _snapshot(docs: Path, service: str, context: RunContext | None) -> Snapshot:
    """The service's OpenAPI document, generated in memory (empty when it has no pages)."""
    if not (docs / service).is_dir():
        return Snapshot(str(docs), {})
    results = generate(docs, [service], clients=False, context=context)
    return Snapshot(str(docs), {rel: text for r in results for rel, text in r.files.items()},
                    {r.name: r.sources for r in results})


def _swap(target: Path, new: Path, staging: Path) -> None:
    """Put ``new`` in the place of ``target``: two renames, the old folder restored if the second fails."""
    old = staging / "previous"
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
