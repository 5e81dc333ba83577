"""Time ``docbind diff`` of two revisions of one service against one cold generation of it.

The old revision is the service as it is under ``--docs``; the new one is a copy with
``--changed`` pages edited (the first "Yes" Mandatory cell of each becomes "No").
Steps, each a fresh ``docbind`` process: a cold ``generate`` of the new revision (empty cache,
documents and clients, as ``make generate`` runs), a cold OpenAPI-only ``report``, then a
``generate`` of the old revision that fills the cache, then the timed ``diff OLD NEW``.
Prints the seconds and the ratios. Asserts nothing.

Usage: ``python tests/bench_diff.py [--docs ../shared/corpus] [--service virtual-private-cloud]``.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

_MANDATORY = re.compile(r"^\s*\|\s*\S+\s*\|\s*(Yes)\s*\|", re.MULTILINE)


def edit(page: Path) -> bool:
    """Make the first "Yes" Mandatory cell of a page "No " (same width); False when it has none."""
    text = page.read_text(encoding="utf-8")
    match = _MANDATORY.search(text)
    if not match:
        return False
    page.write_text(text[:match.start(1)] + "No " + text[match.end(1):], encoding="utf-8")
    return True


def timed(*args: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "generator.cli", *args], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--service", default="virtual-private-cloud")
    parser.add_argument("--changed", type=int, default=20, help="pages edited in the new revision")
    args = parser.parse_args()
    source = args.docs / args.service
    if not source.is_dir():
        print(f"no service at {source}; skipped")
        return 0
    with tempfile.TemporaryDirectory(prefix="docbind-bench-diff-") as tmp:
        root = Path(tmp)
        old, new, cache = root / "old", root / "new", root / "cache"
        shutil.copytree(source, old / args.service)
        shutil.copytree(source, new / args.service)
        pages = sorted((new / args.service).rglob("*.rst"))
        edited = 0
        for page in pages:
            if edited < args.changed and edit(page):
                edited += 1
        cold_generate = timed("generate", "--docs", str(new), "--out", str(root / "out-cold"), "--no-cache")
        cold_openapi = timed("report", "--docs", str(new), "--no-cache")
        timed("generate", "--docs", str(old), "--out", str(root / "out-old"), "--cache", str(cache))
        diff = timed("diff", str(old), str(new), "--cache", str(cache))
    print(f"| service | pages | pages changed | cold generate s | cold OpenAPI-only s | diff (old cached) s "
          f"| diff / generate | diff / OpenAPI-only |")
    print("|---|---|---|---|---|---|---|---|")
    print(f"| {args.service} | {len(pages)} | {edited} | {cold_generate:.1f} | {cold_openapi:.1f} | {diff:.1f} "
          f"| {diff / cold_generate:.2f} | {diff / cold_openapi:.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
