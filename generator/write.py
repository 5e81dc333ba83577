"""Write generated files: only changed files are touched, stale ones are removed."""

from __future__ import annotations

from pathlib import Path

#: Subfolders of the output directory that docbind owns entirely.
OWNED = ("openapi",)


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
    for folder in owned:
        root = out / folder
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            rel = path.relative_to(out).as_posix()
            if path.is_file() and rel not in files and "__pycache__" not in path.parts:
                path.unlink()
                removed.append(rel)
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return written, removed
