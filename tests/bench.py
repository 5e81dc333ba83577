"""Speed of docbind on a docs folder against the docutils floor: ``make bench``. Asserts nothing.

``python tests/bench.py --docs ../shared/corpus`` prints, in one run, wall and CPU seconds
(CPU: this process's children, workers included; the machine may be shared, so CPU is the
steadier figure) of:

- floor: plain ``docutils.core.publish_doctree`` of every page, one process, timed before
  and again after the other runs (the machine's speed drifts; ratios are to the faster of
  the two, the harder bar);
- cold: ``docbind generate`` (documents and clients) with an empty cache;
- warm: the same again, nothing changed;
- one page edited: one prose word of one operation page of the largest service changed;
- documents only: ``--no-clients``, empty cache;
- ``--jobs 1``, empty cache: its output must be byte-identical to the others';
- peak RSS (the largest process of any run);
- the Python client step alone, docbind (datamodel-code-generator, Jinja, black; given the
  document as the pipeline gives it, as text and as data) against openapi-python-client (its
  CLI, ruff included, reading the same OpenAPI documents).

Every run works on a copy of the docs folder under a temporary folder, so the real cache and
output are never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DOCBIND = [sys.executable, "-m", "generator.cli"]
FLOOR = """
import sys
from pathlib import Path
from docutils.core import publish_doctree
for path in sorted(Path(sys.argv[1]).glob("*/**/*.rst")):
    publish_doctree(path.read_text(encoding="utf-8-sig"), source_path=str(path),
                    settings_overrides={"report_level": 5, "halt_level": 5})
"""
CLIENT_STEP = """
import json, sys, time
from pathlib import Path
from generator.parse.cache import PageCache
from generator.pipeline import build_service, discover, parse_pages
from generator.render.openapi import render_document
from generator.render.python_client import render_python_client
docs, cache = Path(sys.argv[1]), PageCache(Path(sys.argv[2]))
seconds = 0.0
for name, files in discover(docs).items():
    built = build_service(name, parse_pages(files, docs, cache=cache), docs.name, clients=False)
    document = render_document(built.service, docs.name)  # as the pipeline hands it on: text and data
    start = time.process_time()
    render_python_client(built.service, document.text, docs.name, None, document.data)
    seconds += time.process_time() - start
print(json.dumps(seconds))
"""


class Run:
    """Wall and CPU seconds of one child process (and its children)."""

    def __init__(self, command: list[str], **kwargs) -> None:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        self.done = subprocess.run(command, capture_output=True, text=True, **kwargs)
        self.wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        if self.done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{self.done.stderr[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True, help="folder with one subfolder per service")
    parser.add_argument("--jobs", type=int, default=None, help="docbind --jobs (default: docbind's)")
    args = parser.parse_args()
    if not args.docs.is_dir():
        parser.error(f"{args.docs} is not a folder")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}

    with tempfile.TemporaryDirectory(prefix="docbind-bench-") as tmp:
        root = Path(tmp)
        docs = Path(shutil.copytree(args.docs, root / args.docs.resolve().name,
                                    ignore=shutil.ignore_patterns(".*")))
        pages = sorted(docs.glob("*/**/*.rst"))

        def generate(name: str, *extra: str, cache: str | None = None) -> Run:
            return Run([*DOCBIND, "generate", "--docs", str(docs), "--out", str(root / f"out-{name}"),
                        "--cache", str(root / f"cache-{cache or name}"), "--quiet", *jobs, *extra], env=env)

        rows = [("floor: docutils publish_doctree, 1 process", Run([sys.executable, "-c", FLOOR, str(docs)]))]
        rows.append(("cold: documents and clients", generate("cold")))
        cold = _tree(root / "out-cold")
        rows.append(("warm: nothing changed", generate("cold")))
        same = {"warm = cold": _tree(root / "out-cold") == cold}
        edited = _edit_one_page(docs)
        rows.append((f"one page edited ({edited.relative_to(docs)})", generate("cold")))
        rows.append(("documents only (--no-clients), cold", generate("docs", "--no-clients")))
        rows.append(("--jobs 1, cold", Run([*DOCBIND, "generate", "--docs", str(docs), "--out",
                                            str(root / "out-serial"), "--cache", str(root / "cache-serial"),
                                            "--quiet", "--jobs", "1"], env=env)))
        rows.append(("floor again, after the others", Run([sys.executable, "-c", FLOOR, str(docs)])))
        after_edit = _tree(root / "out-cold")
        same["--jobs 1 = edited incrementally"] = _tree(root / "out-serial") == after_edit
        same["documents only = their documents"] = _tree(root / "out-docs" / "openapi") == {
            rel.removeprefix("openapi/"): data for rel, data in after_edit.items() if rel.startswith("openapi/")}

        floor = min(rows[0][1], rows[-1][1], key=lambda run: run.wall)
        print(f"{len(pages)} pages in {len(list(p for p in docs.iterdir() if p.is_dir()))} services, "
              f"{os.cpu_count()} cores, docbind {' '.join(jobs) or '--jobs default'}\n")
        print("| run | wall s | × floor wall | CPU s | × floor CPU |")
        print("|---|---|---|---|---|")
        for label, run in rows:
            print(f"| {label} | {run.wall:.2f} | {run.wall / floor.wall:.3f} | {run.cpu:.2f} "
                  f"| {run.cpu / floor.cpu:.3f} |")
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\npeak RSS (largest process of any run): {rss:.0f} MB")
        print("byte-identical output: " + ", ".join(f"{k}: {'yes' if v else 'NO'}" for k, v in same.items()))
        _client_step(root, docs, env)


def _client_step(root: Path, docs: Path, env: dict) -> None:
    """CPU seconds of the client step alone: docbind's against openapi-python-client's."""
    ours = Run([sys.executable, "-c", CLIENT_STEP, str(docs), str(root / "cache-docs")], env=env)
    step = json.loads(ours.done.stdout)
    opc = shutil.which("openapi-python-client", path=str(Path(sys.executable).parent))
    if not opc:
        print("openapi-python-client is not installed (pip install -e '.[test]')")
        return
    env = {**env, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"}  # its ruff hooks
    theirs_cpu, failed = 0.0, []
    for document in sorted((root / "out-docs" / "openapi").glob("*.yaml")):
        run = Run([opc, "generate", "--path", str(document), "--output-path",
                   str(root / "opc" / document.stem), "--overwrite"], env=env)
        theirs_cpu += run.cpu
        if run.done.returncode != 0:
            failed.append(document.stem)
    print(f"\nPython client step, CPU s on the same {len(list((root / 'out-docs' / 'openapi').glob('*.yaml')))} "
          f"documents: docbind {step:.2f} (models, modules, black; one process), "
          f"openapi-python-client {theirs_cpu:.2f} (its CLI per document, ruff included)"
          + (f"; it failed on {', '.join(failed)}" if failed else ""))


def _edit_one_page(docs: Path) -> Path:
    """Change one prose word (same length) on the first operation page of the largest service."""
    largest = max((p for p in docs.iterdir() if p.is_dir()), key=lambda p: (len(list(p.rglob("*.rst"))), p.name))
    for page in sorted(largest.rglob("*.rst")):
        text = page.read_text(encoding="utf-8")
        if "URI" in text and (match := re.search(r"^[A-Z][^|+\n]* the \b", text, re.M)):
            at = match.end() - 4
            page.write_text(text[:at] + "the".upper() + text[at + 3:], encoding="utf-8")
            return page
    raise SystemExit(f"no operation page with prose in {largest}")


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


if __name__ == "__main__":
    main()
