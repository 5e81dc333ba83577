"""``docs_src/sources.toml``: where each service's pages come from, and the commit they are at.

::

    [modelarts]
    repository = "https://github.com/opentelekomcloud-docs/modelarts.git"
    path = "api-ref/source"        # the folder of the API reference in the repository
    ref = "main"                   # optional: what a plain `docbind sync` follows (default: HEAD)
    commit = "1ba1873d..."         # written by `docbind sync`: the commit docs_src/<service>/ holds
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

_SERVICE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


@dataclass(frozen=True)
class Source:
    """One service's upstream: a git repository, the reference's folder in it, the pinned commit."""

    service: str
    repository: str
    path: str
    ref: str = "HEAD"
    commit: str = ""


def read_sources(file: Path) -> dict[str, Source]:
    """Every service of ``file``; ValueError naming the file and the entry when one is invalid."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValueError(f"{file} does not exist (it lists the services to sync)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{file}: not TOML: {exc}") from None
    sources = {}
    for service, entry in data.items():
        where = f"{file}: [{service}]"
        if not isinstance(entry, dict) or not _SERVICE.fullmatch(service):
            raise ValueError(f"{where}: a service is a table named like a folder")
        unknown = set(entry) - {"repository", "path", "ref", "commit"}
        if unknown:
            raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        for key in ("repository", "path"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise ValueError(f"{where}: `{key}` is required")
        if not all(isinstance(entry.get(key, ""), str) for key in ("ref", "commit")):
            raise ValueError(f"{where}: `ref` and `commit` are strings")
        folder = PurePosixPath(entry["path"])
        if folder.is_absolute() or ".." in folder.parts:
            raise ValueError(f"{where}: `path` is a folder inside the repository")
        sources[service] = Source(service, entry["repository"], folder.as_posix(),
                                  entry.get("ref") or "HEAD", entry.get("commit", ""))
    return sources


def record_commit(file: Path, service: str, commit: str) -> None:
    """Set ``commit`` of ``[service]`` in ``file``, keeping every other line (and comment) as it is."""
    lines = file.read_text(encoding="utf-8").splitlines(keepends=True)
    header = re.compile(rf"\s*\[\s*{re.escape(service)}\s*\]\s*(#.*)?$")
    start = next(i for i, line in enumerate(lines) if header.match(line))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].lstrip().startswith("[")), len(lines))
    entry = f'commit = "{commit}"\n'
    for i in range(start + 1, end):
        if re.match(r"\s*commit\s*=", lines[i]):
            lines[i] = entry
            break
    else:
        last = max(i for i in range(start, end) if lines[i].strip() and not lines[i].lstrip().startswith("#"))
        lines[last] = lines[last].rstrip("\n") + "\n"
        lines.insert(last + 1, entry)
    file.write_text("".join(lines), encoding="utf-8")
