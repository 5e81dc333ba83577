"""The fuzz tier's machinery: real pages mutated by hypothesis, hostile text, and a worker
process that generates one page with a time limit and says what went wrong, if anything."""

from __future__ import annotations

import json
import multiprocessing
import traceback
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from .conftest import CORPUS, SEEDS

#: Seconds one fuzzed page may take (parse, link, render, load, validate) before it is a hang.
PAGE_TIME_LIMIT = 30.0
#: Seed pages larger than this are left out (they only make the tier slower, not wider).
MAX_SEED_BYTES = 200_000

HOSTILE = [
    '"""', "'''", "\\", "\\\\\\", "{{ x }}", "{% raw %}", "${HOME}", "#: x", "- [a]: &b *c",
    "\x00", "\x07\x1b[31m", "\r\n", "\u2028", "\ufeff", "雪 — ü",
    "x" * 20_000, "word " * 5_000, "    " * 200 + "deep", "* " * 300 + "x",
    ".. include:: /etc/passwd", ".. raw:: html\n\n   <script>x</script>", ".. csv-table:: T\n   :file: /dev/zero",
    ".. _dup:", ".. _ShowThing:", ":ref:`x <nowhere>`", ":unknown:`role`", ":ref:`a <" + "b" * 2000 + ">`",
    ".. table:: **Table 99** x\n\n   +---+\n   | a |\n   +---+",
    "+---+---+\n| a | b |\n+===+===+\n| 1 |\n+---+---+",
    "GET /v1/{a}/{a}/{" + "b" * 1500 + "}", "POST " + "/x" * 800, "GET /v1/x?a={a}&a={a}",
    "**Status code: 999**", "**Status code: 200**", "Example Request\n\n.. code-block::\n\n   {\"a\": " * 50,
    "[" * 5000, "{\"a\":" * 3000 + "1" + "}" * 3000, "1e999999", "-  **\"\"\"**: q", "The default value is **\"\\\"**.",
    "ranges from 9 to 1", "Array of :ref:`T <t>` objects", "Map<String, Map<String, Array<Object>>>",
    "=" * 3000, "-" * 10, ".. |s| replace:: " + "|s| " * 50, "`a`_ `a`_ __ _`x`", "..\n\n   comment",
]


@cache
def seed_pages() -> tuple[tuple[str, bytes], ...]:
    """(label, bytes) of the project's own pages and, where present, the corpus pages."""
    found = []
    for root in (SEEDS, CORPUS):
        if root.is_dir():
            for path in sorted(root.rglob("*.rst")):
                if path.stat().st_size <= MAX_SEED_BYTES:
                    found.append((path.relative_to(root.parent).as_posix(), path.read_bytes()))
    return tuple(found)


@st.composite
def mutated_pages(draw) -> tuple[str, bytes]:
    """A real page with up to six mutations: lines deleted, repeated, swapped, indented or cut,
    hostile text or random text inserted, bytes replaced."""
    label, data = draw(st.sampled_from(seed_pages()))
    text = data.decode("utf-8", errors="replace")
    for _ in range(draw(st.integers(1, 6))):
        lines = text.split("\n")
        at = draw(st.integers(0, len(lines)))
        span = draw(st.integers(1, 40))
        kind = draw(st.sampled_from(["delete", "repeat", "swap", "indent", "dedent", "cut", "hostile",
                                     "hostile-inline", "random", "bytes"]))
        if kind == "delete":
            del lines[at:at + span]
        elif kind == "repeat":
            lines[at:at] = lines[at:at + span] * draw(st.integers(1, 20))
        elif kind == "swap" and lines:
            other = draw(st.integers(0, len(lines) - 1))
            if at < len(lines):
                lines[at], lines[other] = lines[other], lines[at]
        elif kind in ("indent", "dedent"):
            for i in range(at, min(at + span, len(lines))):
                lines[i] = "   " + lines[i] if kind == "indent" else lines[i][3:]
        elif kind == "cut":
            lines = lines[:at]
        elif kind == "hostile":
            lines[at:at] = ["", *draw(st.sampled_from(HOSTILE)).split("\n"), ""]
        elif kind == "hostile-inline" and at < len(lines):
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.sampled_from(HOSTILE)) + line[cut:]
        elif kind == "random":
            lines[at:at] = draw(st.text(max_size=200)).split("\n")
        text = "\n".join(lines)
        if kind == "bytes" and text:
            where = draw(st.integers(0, len(text) - 1))
            text = text[:where] + draw(st.text(min_size=1, max_size=3)) + text[where + 1:]
    return label, text.encode("utf-8", errors="surrogatepass")


def check_page(label: str, data: bytes, clients: bool) -> str:
    """Generate one page as a service of its own; "" when all is well, else what went wrong:
    ``traceback: ...``, ``invalid: ...`` (output that does not load or validate)."""
    import yaml
    from openapi_spec_validator import validate

    from generator.model.dump import from_plain, to_plain
    from generator.model.page import Page
    from generator.parse.page import parse_page
    from generator.pipeline import build_service

    try:
        page = parse_page(data, label)
        plain = json.dumps(to_plain(page), sort_keys=True)
        if json.dumps(to_plain(from_plain(Page, json.loads(plain))), sort_keys=True) != plain:
            return "invalid: the page model does not round-trip through the cache's JSON"
        result = build_service("svc", [page], "docs", clients=clients).result
    except BaseException:  # noqa: BLE001 - a fuzz finding, reported with its traceback
        return "traceback: " + traceback.format_exc(limit=-8)
    try:
        spec = yaml.load(result.files["openapi/svc.yaml"], Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        validate(spec)
        for rel, text in result.files.items():
            if rel.endswith(".py"):
                compile(text, rel, "exec")
    except Exception as exc:  # noqa: BLE001
        return f"invalid: {type(exc).__name__}: {str(exc)[:500]}"
    if any(d.code == "client-failed" for d in result.diagnostics):
        return "invalid: " + next(d.message for d in result.diagnostics if d.code == "client-failed")[:500]
    return ""


def _serve(conn) -> None:
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(check_page(*job))


@dataclass
class Outcome:
    problem: str
    seconds: float


class Worker:
    """One page at a time in a separate process, killed and replaced when it overruns."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        self._conn, child = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()

    def run(self, label: str, data: bytes, clients: bool = False, limit: float = PAGE_TIME_LIMIT) -> Outcome:
        import time

        start = time.perf_counter()
        self._conn.send((label, data, clients))
        if self._conn.poll(limit):
            try:
                return Outcome(self._conn.recv(), time.perf_counter() - start)
            except EOFError:
                problem = "traceback: the worker process died"
        else:
            problem = f"hang: no result after {limit:.0f} s"
        self._process.kill()
        self._process.join()
        self._start()
        return Outcome(problem, time.perf_counter() - start)

    def close(self) -> None:
        self._conn.send(None)
        self._process.join(5)


def write_figures(path: Path, figures: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n")
