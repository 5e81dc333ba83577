"""What decides docbind's output besides the docs: its own source and templates, and the
versions of the tools it runs. Cached results are keyed by this fingerprint, so a changed
generator, template or tool is a new key, never a stale hit."""

from __future__ import annotations

import hashlib
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[1]
_SOURCES = ("generator/**/*.py", "templates/**/*")
#: Distributions whose version can change generated text.
TOOLS = ("docbind", "docutils", "lxml", "Jinja2", "PyYAML", "black", "datamodel-code-generator", "isort",
         "pydantic", "inflect", "openapi-spec-validator")


@cache
def tool_versions() -> tuple[tuple[str, str], ...]:
    """``(distribution, version)`` of docbind and each tool (``-`` where not installed)."""
    versions = []
    for name in TOOLS:
        try:
            versions.append((name, metadata.version(name)))
        except metadata.PackageNotFoundError:
            versions.append((name, "-"))
    return tuple(versions)


@cache
def fingerprint() -> str:
    """A digest of docbind's source, its templates, the tool versions and the Python version."""
    digest = hashlib.sha256(repr((tool_versions(), sys.version_info[:2])).encode())
    for pattern in _SOURCES:
        for path in sorted(_ROOT.glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(_ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def key(*parts: str | bytes) -> str:
    """A cache key: the fingerprint and ``parts``, each length-prefixed so none can run into the next."""
    digest = hashlib.sha256(fingerprint().encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()
