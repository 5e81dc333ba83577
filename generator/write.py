"""Write generated files: only changed files are touched, stale ones are removed."""

from __future__ import annotations

from pathlib import Path

#: Subfolders of the output directory that docbind owns entirely.
OWNED = ("openapi", "python")


def write_tree(out: Path, files: dict[str, str], owned: tuple[str, ...] = OWNED) -> tuple[list[str], list[str]]:
    """Write ``files`` (relative path → text) under ``out``; remove other files in owned folders.

    Returns (written, removed) relative paths.
    """
    written, removed = [], []
    for rel, text in sorted(files.items()):
        path = out / rel
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(rel)
    for rel in owned_files(out, owned):
        if rel not in files:
            (out / rel).unlink()
            removed.append(rel)
    for folder in owned:
        root = out / folder
        if root.exists():
            for path in sorted(root.rglob("*"), reverse=True):
                if path.is_dir() and not any(path.iterdir()):
                    path.rmdir()
    return written, removed


def owned_files(out: Path, owned: tuple[str, ...] = OWNED) -> list[str]:
    """Relative paths of the files under ``out`` in the folders docbind owns (not caches)."""
    found = []
    for folder in owned:
        root = out / folder
        if root.exists():
            found += [p.relative_to(out).as_posix() for p in root.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts]
    return sorted(found)
