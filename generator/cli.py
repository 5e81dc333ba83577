"""Command line: ``docbind generate | check | diff | compare | sync | lint | parse | report``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from . import progress
from .check import compare, snapshot
from .check.drift import Drift, document_drift, drift
from .check.format import FORMATS, render
from .link.operation_ids import registries_from_output
from .lint import lint
from .lint.formats import FORMATS as LINT_FORMATS
from .lint.formats import render as render_lint
from .model.diagnostics import ERROR
from .model.dump import dumps, to_plain
from .model.page import Page
from .parse.formats import read_page
from .parse.page import unreadable_page
from .pipeline import Caches, RunContext, Summary, generate
from .read import PageReadError, read_page_file
from .report import coverage_table
from .sync import read_sources, sync_service
from .write import check_out_folder, write_tree


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docbind", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    gen = sub.add_parser("generate", help="generate OpenAPI documents from the docs")
    _docs_options(gen)
    gen.add_argument("--out", type=Path, default=Path("generated"), help="output folder (generated)")
    gen.add_argument("--report", type=Path, help="write a JSON report of counts and diagnostics")
    gen.add_argument("--quiet", action="store_true", help="print errors only: no warnings, progress or summary")
    gen.add_argument("--no-clients", action="store_true", help="OpenAPI documents only, no Python clients")
    _run_options(gen)

    chk = sub.add_parser("check", help="exit 1 when the generated files no longer match the docs")
    chk.add_argument("--docs", type=Path, default=Path("docs_src"), help="docs folder (docs_src)")
    chk.add_argument("--out", type=Path, default=Path("generated"), help="output folder (generated)")
    chk.add_argument("--format", choices=FORMATS, default="text", help="report format (text)")
    chk.add_argument("--quiet", action="store_true", help="no progress or summary")
    _run_options(chk)

    dif = sub.add_parser("diff", help="API changelog between two documents, docs folders or revisions")
    dif.add_argument("paths", nargs="*", type=Path, metavar="OLD NEW",
                     help="OpenAPI documents, docs folders or output folders (NEW only with --base)")
    dif.add_argument("--base", metavar="GIT_REF", help="compare the docs at this git revision with NEW")
    dif.add_argument("--docs", type=Path, default=Path("docs_src"), help="docs folder for --base (docs_src)")
    dif.add_argument("--format", choices=FORMATS, default="text", help="report format (text)")
    dif.add_argument("--quiet", action="store_true", help="no progress or summary")
    _run_options(dif)

    cmp = sub.add_parser("compare", help="differences between two renderings of the same operations")
    cmp.add_argument("paths", nargs=2, type=Path, metavar="A B", help="pages (any format) or folders of pages")
    cmp.add_argument("--format", choices=("text", "json"), default="text", help="report format (text)")
    cmp.add_argument("--summary", action="store_true", help="counts only, not every difference")

    syn = sub.add_parser("sync", help="fetch the docs of each service from its upstream git repository")
    syn.add_argument("--docs", type=Path, default=Path("docs_src"), help="docs folder (docs_src)")
    syn.add_argument("--sources", type=Path, help="the list of upstreams (<docs>/sources.toml)")
    syn.add_argument("--service", action="append", help="only this service (repeatable)")
    syn.add_argument("--ref", help="branch, tag or commit to fetch (default: each source's ref, else HEAD)")
    syn.add_argument("--format", choices=FORMATS, default="text", help="changelog format (text)")
    syn.add_argument("--quiet", action="store_true", help="no progress")
    _run_options(syn)

    lnt = sub.add_parser("lint", help="report the defects of the docs, one per line")
    _docs_options(lnt)
    lnt.add_argument("--format", choices=LINT_FORMATS, default="text", help="report format (text)")
    lnt.add_argument("--fail-on", metavar="CODE,...", default="",
                     help="exit 1 when any of these diagnostic codes occurs (else 0)")
    lnt.add_argument("--output", type=Path, help="write the report to this file instead of stdout")
    lnt.add_argument("--all", action="store_true", help="also the notes on how pages were read (README)")
    lnt.add_argument("--quiet", action="store_true", help="no progress")
    _run_options(lnt)

    rep = sub.add_parser("report", help="print the per-service coverage table")
    _docs_options(rep)
    rep.add_argument("--json", action="store_true", help="print the report as JSON")
    rep.add_argument("--quiet", action="store_true", help="no progress or summary")
    _run_options(rep)

    dump = sub.add_parser("parse", help="parse pages and print the page model")
    dump.add_argument("pages", nargs="+", type=Path)
    dump.add_argument("--json", action="store_true", help="print the model as JSON (default)")

    args = parser.parse_args(argv)
    try:
        commands = {"generate": _generate, "check": _check, "diff": _diff, "compare": _compare, "sync": _sync,
                    "lint": _lint, "report": _report, "parse": _parse}
        return commands[args.command](args)
    except (OSError, ValueError) as exc:
        print(f"docbind: error: {exc}", file=sys.stderr)
        return 2


def _docs_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--docs", type=Path, default=Path("docs_src"), help="docs folder (docs_src)")
    p.add_argument("--service", action="append", help="only this service (repeatable)")


def _run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes for parsing and building services (default: the cores)")
    p.add_argument("--cache", type=Path, default=Path(".cache/docbind"),
                   help="folder of parsed pages, services and clients kept between runs (.cache/docbind)")
    p.add_argument("--no-cache", action="store_true", help="build everything afresh")


def _context(args) -> RunContext:
    if args.jobs is not None and args.jobs < 1:
        raise ValueError("--jobs must be at least 1")
    return RunContext(None if args.no_cache else Caches.under(args.cache), args.jobs,
                      progress.for_terminal(args.quiet))


def _registry_store(context: RunContext):
    return context.cache.registries if context.cache else None


def _summary(args, summary: Summary) -> None:
    if not args.quiet:
        print(f"docbind: {summary.line()}", file=sys.stderr)


def _run(args, clients: bool = True) -> tuple[list, float]:
    if not args.docs.is_dir():
        raise ValueError(f"docs folder {args.docs} does not exist")
    context = _context(args)
    registries = registries_from_output(args.out, _registry_store(context)) if getattr(args, "out", None) else None
    results = generate(args.docs, args.service, clients, context, registries)
    return results, context.summary


def _generate(args) -> int:
    check_out_folder(args.out, args.docs)
    results, summary = _run(args, clients=not args.no_clients)
    seconds = summary.seconds
    files = {rel: text for r in results for rel, text in r.files.items()}
    written, removed = write_tree(args.out, files, _kept(results, args.service, args.no_clients))
    failed = False
    for result in results:
        for d in result.diagnostics:
            if d.severity == ERROR:
                failed = True
            if d.severity == ERROR or not args.quiet and d.severity != "info":
                print(d.format(), file=sys.stderr)
    for rel in written:
        print(f"wrote {args.out / rel}")
    for rel in removed:
        print(f"removed stale {args.out / rel}")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(_report_json(results, seconds), indent=2, ensure_ascii=False) + "\n")
    print(coverage_table([r.report for r in results]), file=sys.stderr)
    _summary(args, summary)
    return 1 if failed else 0


def _kept(results, only: list[str] | None, no_clients: bool):
    """Which files of the previous output stay: the client of a service whose client failed
    this time (every client with ``--no-clients``), and with ``--service`` every other
    service's files."""
    failed = {r.name for r in results if any(d.code == "client-failed" for d in r.diagnostics)}

    def keep(rel: str) -> bool:
        folder, _, rest = rel.partition("/")
        service = rest.split("/")[0].removesuffix(".yaml")
        return folder == "python" and (no_clients or service in failed) or bool(only) and service not in only

    return keep


def _check(args) -> int:
    context = _context(args)
    fresh = snapshot.from_docs(args.docs, context=context,
                               registries=registries_from_output(args.out, _registry_store(context)))
    unreadable = False
    for d in fresh.diagnostics:
        if d.severity == ERROR:
            print(d.format(), file=sys.stderr)
        unreadable |= d.code == "page-unreadable"
    committed = dataclasses.replace(snapshot.from_output(args.out, fresh.files),
                                    texts=snapshot.docs_texts_at(args.docs, "HEAD"))
    result = drift(committed, fresh)
    sys.stdout.write(render(result, args.format, files=True))
    _summary(args, context.summary)
    if unreadable:
        print("docbind: error: pages could not be read; the comparison leaves them out", file=sys.stderr)
        return 2
    return 1 if result.differs else 0


def _diff(args) -> int:
    context = _context(args)
    if args.base:
        if len(args.paths) > 1:
            raise ValueError("with --base give at most one path (NEW)")
        old = snapshot.from_git(args.docs, args.base, context)
        new = snapshot.from_path(args.paths[0] if args.paths else args.docs, context, after=old)
    elif len(args.paths) == 2:
        old = snapshot.from_path(args.paths[0], context)
        new = snapshot.from_path(args.paths[1], context, after=old)
    else:
        raise ValueError("give OLD and NEW, or --base GIT_REF")
    result = document_drift(old, new)
    sys.stdout.write(render(result, args.format, files=False))
    return 1 if result.changes else 0


def _compare(args) -> int:
    a, b = (compare.load_operations(p) for p in args.paths)
    differences = compare.compare(a, b)
    sys.stdout.write(compare.render(differences, a, b, args.format, args.summary))
    return 1 if differences else 0


def _sync(args) -> int:
    sources_file = args.sources or args.docs / "sources.toml"
    sources = read_sources(sources_file)
    unknown = sorted(set(args.service or ()) - sources.keys())
    if unknown:
        raise ValueError(f"{sources_file} lists no service {', '.join(unknown)}")
    chosen = [s for name, s in sources.items() if not args.service or name in args.service]
    if args.ref and len(chosen) != 1:
        raise ValueError("--ref needs exactly one service (--service S)")
    done = []
    for source in chosen:
        done.append(sync_service(args.docs, sources_file, source, args.ref, _context(args)))
        print(done[-1].summary(), file=sys.stderr)
    drift = Drift(" ".join(s.drift.old for s in done), " ".join(s.drift.new for s in done), (), (), (),
                  tuple(c for s in done for c in s.drift.changes))
    sys.stdout.write(render(drift, args.format, files=False))
    return 0


def _lint(args) -> int:
    fail_on = {code.strip() for code in args.fail_on.split(",") if code.strip()}
    findings = lint(args.docs, args.service, _context(args), every=args.all)
    report = render_lint(findings, args.format)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(report, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(report)
    return 1 if any(f.code in fail_on for f in findings) else 0


def _report(args) -> int:
    results, summary = _run(args, clients=False)
    if args.json:
        print(json.dumps(_report_json(results, summary.seconds), indent=2, ensure_ascii=False))
    else:
        print(coverage_table([r.report for r in results]))
    _summary(args, summary)
    return 0


def _parse(args) -> int:
    """Dump the page models; each error (a page that cannot be read or parsed) is also one
    line on stderr, and the exit code is 1."""
    pages = [_parse_file(p) for p in args.pages]
    sys.stdout.write(dumps(pages if len(pages) > 1 else pages[0]))
    errors = [d for page in pages for d in page.diagnostics if d.severity == ERROR]
    for d in errors:
        print(d.format(), file=sys.stderr)
    return 1 if errors else 0


def _parse_file(path: Path) -> Page:
    try:
        return read_page(read_page_file(path, Path(path.resolve().anchor)), path.as_posix())
    except PageReadError as exc:
        return unreadable_page(path.as_posix(), str(exc))


def _report_json(results, seconds: float) -> dict:
    return {
        "seconds": round(seconds, 2),
        "services": [to_plain(r.report) for r in results],
        "diagnostics": [
            {"file": d.file, "line": d.line, "severity": d.severity, "code": d.code, "message": d.message}
            for r in results for d in r.diagnostics
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
