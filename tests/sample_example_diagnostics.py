"""Draw a fixed-seed random sample of example diagnostics for checking by hand.

Generates the OpenAPI documents (no clients) of every service under each docs folder,
collects the ``example-mismatch`` and ``example-undocumented-field`` diagnostics, draws
``--count`` of them with ``--seed`` and prints each with the page excerpt around the cited
line and the table row of the field it names. Asserts nothing: the verdicts are a person's.

    .venv/bin/python tests/sample_example_diagnostics.py ../shared/corpus ../shared/catalogue
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

from generator.model.api import Service, Shape
from generator.parse.cache import PageCache
from generator.pipeline import build_models

CODES = ("example-mismatch", "example-undocumented-field")
_MESSAGE = re.compile(r"^(request|response (\S+)) example of (\S+?)(?::| contradicts its table at) (\$[^\s:]*)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="+", type=Path, help="folders with one subfolder per service")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--context", type=int, default=12, help="page lines shown after the cited line")
    parser.add_argument("--cache", type=Path, default=Path(".cache/docbind"))
    parser.add_argument("--list", action="store_true", help="one line per sampled diagnostic, no excerpts")
    args = parser.parse_args()

    found = []  # (diagnostic, docs root, service)
    totals = dict.fromkeys(CODES, 0)
    for docs in args.docs:
        if not docs.is_dir():
            parser.error(f"{docs} is not a folder")
        for built in build_models(docs, PageCache(args.cache)):
            for d in built.result.diagnostics:
                if d.code in CODES:
                    totals[d.code] += 1
                    found.append((d, docs.parent, built.service))
    found.sort(key=lambda f: (f[0].file, f[0].line, f[0].code, f[0].message))
    sample = random.Random(args.seed).sample(found, min(args.count, len(found)))
    print(f"# {len(found)} example diagnostics ({totals}); seed {args.seed}, sample of {len(sample)}\n")
    for n, (d, root, service) in enumerate(sample, 1):
        print(f"## {n}. {d.file}:{d.line} [{d.code}]\n{d.message}")
        if args.list:
            continue
        print(f"\n--- page {d.file}:{d.line}")
        print(_excerpt(root / d.file, d.line, 2, args.context))
        for source in _field_sources(service, d.message, d.file):
            file, line = source.rsplit(":", 1)
            print(f"--- table row {source}")
            print(_excerpt(root / file, int(line), 0, 3))
        print()


def _excerpt(path: Path, line: int, before: int, after: int) -> str:
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as exc:
        return f"(unreadable: {exc})"
    start, end = max(line - 1 - before, 0), min(line + after, len(lines))
    return "\n".join(f"{i + 1:6}{'>' if i + 1 == line else ' '} {lines[i]}" for i in range(start, end))


def _field_sources(service: Service, message: str, cited: str) -> list[str]:
    """The table row of the deepest field on the diagnostic's path: on the cited page where
    a row of that name is there (pages share a schema that several tables describe alike,
    and the shared schema cites only the first)."""
    match = _MESSAGE.match(message)
    if not match:
        return []
    status, op_id, where = match.group(2), match.group(3), match.group(4)
    op = next((o for o in service.operations if o.operation_id == op_id), None)
    if op is None:
        return []
    if status is None:
        shape = op.request_body
    else:
        shape = next((r.body for r in op.responses if r.status == status), None)
    schemas = {s.name: s for s in service.schemas}
    sources: list[str] = []
    for part in re.findall(r"\.([^.\[]+)|\[(\d+)\]", where):
        name = part[0]
        if not name:
            shape = shape.items if shape is not None and shape.kind == "array" else shape
            continue
        field = _field(shape, name, schemas)
        if field is None:
            break
        sources.append(field.source)
        shape = field.shape
    if sources and not sources[-1].startswith(cited + ":"):
        name = re.findall(r"\.([^.\[]+)", where)[-1]
        own = sorted(f.source for s in service.schemas for f in s.fields
                     if f.name == name and f.source.startswith(cited + ":"))
        sources[-1:] = own[:1] or sources[-1:]
    return sources[-1:]


def _field(shape: Shape | None, name: str, schemas: dict):
    if shape is None:
        return None
    for option in shape.options or (shape,):
        if option.kind == "ref" and option.ref in schemas:
            found = next((f for f in schemas[option.ref].fields if f.name == name), None)
            if found is not None:
                return found
        if option.kind == "map" and option.items is not None:
            return _field(option.items, name, schemas)
    return None


if __name__ == "__main__":
    main()
