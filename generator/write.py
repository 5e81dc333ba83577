"""Write generated files into the output folder, owning only what docbind wrote.

The output folder keeps a manifest (``.docbind-manifest``) of the files docbind wrote there;
only files it lists are ever removed. Each file is written to a temporary name and renamed,
so no file is ever half written; the manifest is written before the first file (listing the
old files, the new ones and the temporary names) and again, final, after the last, so a run
killed at any point leaves only files the manifest lists, and the next run finishes the job.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from .read import PageReadError, read_regular

MANIFEST = ".docbind-manifest"
TEMPORARY = ".docbind-tmp"
_FORMAT = "docbind-manifest"
_VERSION = 1
#: The largest output file compared with what would be written (bigger ones are rewritten).
_MAX_COMPARE = 256 * 1024 * 1024


def check_out_folder(out: Path, docs: Path) -> None:
    """ValueError when ``out`` is the docs folder or inside it (generation would write pages)."""
    out_real, docs_real = out.resolve(), docs.resolve()
    if out_real == docs_real or out_real.is_relative_to(docs_real):
        raise ValueError(f"output folder {out} is inside the docs folder {docs}; choose another --out")


def write_tree(out: Path, files: dict[str, str],
               keep: Callable[[str], bool] = lambda rel: False) -> tuple[list[str], list[str]]:
    """Write ``files`` (relative path → text) under ``out``; remove the files of the previous
    manifest that are not written again, except those ``keep`` accepts (they stay owned).

    Returns (written, removed) relative paths.
    """
    out.mkdir(parents=True, exist_ok=True)
    old = set(manifest_files(out))
    new = set(files) | {rel for rel in old if keep(rel) and not rel.endswith(TEMPORARY)}
    pending = old | new | {rel + TEMPORARY for rel in files}
    if pending != old:
        _write_manifest(out, pending)
    written = []
    for rel in sorted(files):
        data = files[rel].encode("utf-8")
        path = out / rel
        if _holds(path, data):
            continue
        write_atomic(path, data)
        written.append(rel)
    removed = []
    for rel in sorted(old - new):
        if _remove(out, rel) and not rel.endswith(TEMPORARY):
            removed.append(rel)
    _write_manifest(out, new)
    return written, removed


def manifest_files(out: Path) -> list[str]:
    """The files the manifest of ``out`` says docbind wrote: relative paths inside ``out``
    only (an entry that is not one is ignored); none when there is no readable manifest."""
    try:
        data = json.loads(read_regular(out / MANIFEST, _MAX_COMPARE))
    except (PageReadError, ValueError, RecursionError):
        return []
    if not isinstance(data, dict) or (data.get("format"), data.get("version")) != (_FORMAT, _VERSION):
        return []
    entries = data.get("files")
    if not isinstance(entries, list):
        return []
    return sorted({rel for rel in entries if isinstance(rel, str) and _is_inside(rel)})


def read_output(out: Path, rel: str) -> str | None:
    """The text of an output file, or None when it is missing or not a regular file."""
    try:
        return read_regular(out / rel, _MAX_COMPARE).decode("utf-8", errors="replace")
    except PageReadError:
        return None


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary name beside ``path``, then rename it over ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + TEMPORARY)
    temporary.unlink(missing_ok=True)
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(temporary, path)


def _is_inside(rel: str) -> bool:
    path = PurePosixPath(rel)
    return bool(rel) and not path.is_absolute() and ".." not in path.parts and "\\" not in rel \
        and rel != MANIFEST and rel == path.as_posix()


def _holds(path: Path, data: bytes) -> bool:
    try:
        return read_regular(path, len(data)) == data
    except PageReadError:
        return False


def _remove(out: Path, rel: str) -> bool:
    """Remove one manifest entry (a file or link, never a folder, never through a link that
    leaves ``out``), then the folders it leaves empty; whether something was removed."""
    root = out.resolve()
    path = out / rel
    try:
        if not path.parent.resolve().is_relative_to(root) or not (path.is_symlink() or path.is_file()):
            return False
        path.unlink()
    except OSError:
        return False
    parent = path.parent
    while parent.resolve() != root and parent.resolve().is_relative_to(root):
        try:
            parent.rmdir()
        except OSError:
            break
        parent = parent.parent
    return True


def _write_manifest(out: Path, files: set[str]) -> None:
    text = json.dumps({"format": _FORMAT, "version": _VERSION, "files": sorted(files)}, indent=1)
    write_atomic(out / MANIFEST, (text + "\n").encode("utf-8"))
