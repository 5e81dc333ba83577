"""Time the whole job on a docs folder, per service and stage: ``make bench``.

Parse is ``parse_pages`` (parallel); link+render is ``build_service`` (link, example checks,
rendering, report). Prints a Markdown table and the total seconds. Asserts nothing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from generator.pipeline import build_service, discover, parse_pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder with one subfolder per service")
    parser.add_argument("--jobs", type=int, default=None, help="parse processes (default: docbind's)")
    args = parser.parse_args()
    if not args.docs.is_dir():
        parser.error(f"{args.docs} is not a folder")

    print("| service | pages | operations | parse s | link+render s | total s |")
    print("|---|---|---|---|---|---|")
    started = time.perf_counter()
    for name, files in discover(args.docs).items():
        t0 = time.perf_counter()
        pages = parse_pages(files, args.docs, args.jobs)
        t1 = time.perf_counter()
        result = build_service(name, pages, args.docs.name)
        t2 = time.perf_counter()
        print(f"| {name} | {len(pages)} | {len(result.service.operations)} "
              f"| {t1 - t0:.1f} | {t2 - t1:.1f} | {t2 - t0:.1f} |")
    print(f"\ntotal: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
