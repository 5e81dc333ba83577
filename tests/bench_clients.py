"""Time the Python clients of a docs folder: generate, import, mypy --strict. Asserts nothing.

``python tests/bench_clients.py --docs ../shared/corpus`` prints, per service, the seconds
for the whole generation (parse, link, OpenAPI and client), for the client rendering alone
(models by datamodel-code-generator, modules by Jinja and black), and for importing the
package; then one ``mypy --strict`` over all packages, and the total.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.pipeline import build_service, discover, parse_pages
from generator.render.python_client import package_name, render_python_client
from generator.write import write_tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder with one subfolder per service")
    args = parser.parse_args()
    if not args.docs.is_dir():
        parser.error(f"{args.docs} is not a folder")

    print("| service | operations | generate s | of it client s | import s |")
    print("|---|---|---|---|---|")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="docbind-bench-") as tmp:
        out = Path(tmp)
        for name, files in discover(args.docs).items():
            t0 = time.perf_counter()
            built = build_service(name, parse_pages(files, args.docs), args.docs.name)
            t1 = time.perf_counter()
            render_python_client(built.service, built.result.files[f"openapi/{name}.yaml"], args.docs.name)
            t2 = time.perf_counter()
            write_tree(out, built.result.files)
            t3 = time.perf_counter()
            subprocess.run([sys.executable, "-c", f"import {package_name(name)}"],
                           cwd=out / "python" / name, check=True)
            t4 = time.perf_counter()
            print(f"| {name} | {len(built.service.operations)} | {t1 - t0:.1f} | {t2 - t1:.1f} "
                  f"| {t4 - t3:.1f} |")
        t5 = time.perf_counter()
        packages = sorted(str(p) for p in (out / "python").glob("*/*_client"))
        mypy = subprocess.run([str(Path(sys.executable).parent / "mypy"), "--strict", "--cache-dir",
                               str(out / ".mypy_cache"), *packages], capture_output=True, text=True)
        print(f"\nmypy --strict on {len(packages)} packages: {time.perf_counter() - t5:.1f} s, "
              f"{mypy.stdout.strip().splitlines()[-1]}")
    print(f"total: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
