"""Print a fixed random sample of the value facts in the generated documents, each with the
docs row it was read from, for checking by hand.

Samples 50 defaults, 50 enums and 50 lengths/ranges (seed ``--seed``, 9 by default) from
every field and parameter of the services under ``--docs`` (the six corpus references by
default). Also counts defaults that are words meaning "no value" (must be 0).

Usage: ``python tests/value_fact_sample.py [--docs ../shared/corpus] [--seed 9] [--size 50]``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import re

from generator.model.api import Field
from generator.parse.cache import PageCache
from generator.parse.facts import is_no_value
from generator.pipeline import build_models


_LENGTH_WORDING = re.compile(r"\d\s+(?:(?:unicode|ascii)\s+)?characters\b|length\s*[:：]\s*\**\d", re.IGNORECASE)


def fields(service) -> list[Field]:
    found = [f for schema in service.schemas for f in schema.fields]
    found += [p for op in service.operations for p in op.parameters]
    found += [h for op in service.operations for r in op.responses for h in r.headers]
    return list({f.source + f.name: f for f in found}.values())


def row_text(docs: Path, source: str, limit: int = 40) -> str:
    """The lines of the row a ``docs/service/page.rst:line`` citation points at."""
    file, _, number = source.rpartition(":")
    path = docs.parent / file
    if not path.is_file():
        return "(page not found)"
    lines = path.read_text(encoding="utf-8").splitlines()[int(number) - 1:int(number) - 1 + limit]
    row = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if index and (not stripped or stripped[0] in "+="):
            break
        if stripped.strip("| "):
            row.append("      " + " ".join(line.split()))
    return "\n".join(row)


def facts_of(field: Field, kind: str) -> str | None:
    items = field.items
    if kind == "default":
        return None if field.default is None else repr(field.default)
    if kind == "enum":
        values = field.enum or (items.enum if items else ())
        return ", ".join(map(str, values)) if values else None
    bounds = [(name, value) for name, value in (
        ("minimum", field.minimum), ("maximum", field.maximum),
        ("minLength", field.min_length), ("maxLength", field.max_length),
        ("items.minLength", items.min_length if items else None),
        ("items.maxLength", items.max_length if items else None)) if value is not None]
    return ", ".join(f"{name} {value}" for name, value in bounds) or None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--size", type=int, default=50)
    args = parser.parse_args(argv)
    if not args.docs.is_dir():
        print(f"no docs at {args.docs}; skipped")
        return 0
    models = build_models(args.docs, PageCache(Path(".cache/docbind")))
    every = sorted((f for built in models for f in fields(built.service)), key=lambda f: (f.source, f.name))
    no_value = [f for f in every if isinstance(f.default, str) and is_no_value(f.default)]
    print(f"{len(every)} fields and parameters; defaults that mean 'no value': {len(no_value)}")
    stated = [f for f in every if f.shape.kind == "string" and not f.enum and _LENGTH_WORDING.search(f.description)]
    missing = [f for f in stated if f.min_length is None and f.max_length is None]
    print(f"string fields whose description states a length: {len(stated)}; without a length fact: "
          f"{len(missing)} (two different lengths, or a length of something else)")
    for field in missing[:args.size // 5]:
        print(f"      {field.name}: {' '.join(field.description.split())[:200]}   [{field.source}]")
    for kind in ("default", "enum", "length/range"):
        having = [(f, facts_of(f, kind)) for f in every if facts_of(f, kind) is not None]
        sample = random.Random(args.seed).sample(having, min(args.size, len(having)))
        print(f"\n== {kind}: {len(having)} in the documents, {len(sample)} sampled (seed {args.seed})")
        for number, (field, text) in enumerate(sample, 1):
            print(f"{number:>3}. {field.name}: {text}   [{field.source}]")
            print(row_text(args.docs, field.source))
    return 0


if __name__ == "__main__":
    sys.exit(main())
