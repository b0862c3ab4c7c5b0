"""Command line: lawreport parse | export | build.  Errors print one line; exit 0 ok, 1 content, 2 usage."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from lawreport.core.errors import LawreportError, SetupError, UsageError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lawreport", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)

    parse = sub.add_parser("parse", help="parse a report (text, web page, .docx, PDF) into report YAML")
    parse.add_argument("source", help="the report: text (UTF-8, UTF-16, GB18030/GBK), a saved web page, "
                                      "a .docx or a PDF with text (recognised by content), or an http(s) URL")
    parse.add_argument("-o", "--output", help="write the YAML here (default: standard output)")
    parse.add_argument("--id", help="report id (default: the source's folder name)")
    parse.add_argument("--strict", action="store_true", help="exit 1 if there is any warning")
    parse.add_argument("-q", "--quiet", action="store_true", help="print warnings only, not notes")
    parse.add_argument("--update", metavar="REPORT_YAML",
                       help="re-import: update this report.yaml from the revised source, keeping "
                            "section ids, notes, metric edits and title overrides")

    export = sub.add_parser("export", help="export a report YAML as JSON")
    export.add_argument("report", help="path to report.yaml")
    export.add_argument("--json", action="store_true", required=True, help="JSON output (the only format)")
    export.add_argument("--script", choices=["zh-Hans", "zh-Hant"],
                        help="convert the text to this script (default: as stored)")
    export.add_argument("-o", "--output", help="write here (default: standard output)")

    metrics = sub.add_parser("metrics", help="re-run figure extraction on a report YAML (keeps edits)")
    metrics.add_argument("report", help="path to report.yaml (updated in place)")
    metrics.add_argument("--list", action="store_true", help="print every figure found")
    metrics.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")

    build = sub.add_parser("build", help="build the static site from content/")
    build.add_argument("--content", default="content", help="content folder (default: content)")
    build.add_argument("--templates", default=None, help="templates folder (default: templates)")
    build.add_argument("--out", default="site", help="output folder (default: site)")
    build.add_argument("--base-url", default=None, help="absolute URL the site is published at")
    build.add_argument("--clean", action="store_true", help="ignore the build cache: a full build")
    build.add_argument("-j", "--jobs", type=int, default=0,
                       help="worker processes for the reports (default 0: one per core)")
    add = sub.add_parser("add", help="add published reports (files or URLs) to content/reports/")
    add.add_argument("sources", nargs="+", metavar="SOURCE",
                     help="a report file (text, web page, .docx, PDF) or an http(s) URL")
    add.add_argument("--id", help="report id (default: issuer's place in pinyin and the year, "
                                  "e.g. zhangjiagang-2023); only with one SOURCE")
    add.add_argument("--content", default="content", help="content folder (default: content)")
    add.add_argument("-q", "--quiet", action="store_true", help="print warnings only, not notes")

    serve = sub.add_parser("serve", help="build, serve on localhost, rebuild and reload on change")
    serve.add_argument("--content", default="content", help="content folder (default: content)")
    serve.add_argument("--templates", default=None, help="templates folder (default: templates)")
    serve.add_argument("--out", default="site", help="output folder (default: site)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000, help="port (0: any free port)")
    return p


def _write_output(text: str, output: str | None) -> None:
    if output:
        target = Path(output)
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
        except OSError as exc:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:  # e.g. the name is too long to create at all
                pass
            raise SetupError(f"cannot write: {exc.strerror}", output) from None
    else:
        sys.stdout.write(text)


def _same_file(a: str, b: str) -> bool:
    """The same file, however named (relative path, symlink, hard link)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def cmd_parse(args) -> int:
    from lawreport.content import store
    from lawreport.content.folders import check_report_id

    for option, target in (("-o", args.output), ("--update", args.update)):
        if target and _same_file(args.source, target):
            raise UsageError(f"{option} {target} is the source itself: writing the YAML there would "
                             "destroy the text; choose another file", args.source)
    if args.id is not None:
        try:
            check_report_id(args.id, "--id")
        except LawreportError as exc:  # given on the command line: a usage error
            raise UsageError(exc.message, exc.path) from None
    from lawreport.build.ingest import ingest, provenance, read_original

    item = ingest(read_original(args.source), args.source,
                  args.id or Path(args.source).parent.name or Path(args.source).stem)
    result = item.result
    if item.extracted.form != "text" or item.original.url:
        result.report.provenance = provenance(item)
    for d in result.diagnostics:
        if not (args.quiet and d.severity == "note"):
            print(d.format(args.source), file=sys.stderr)
    if not args.quiet:  # what the extractor left out, as the parser's stripped lines are shown
        for line in item.extracted.dropped_chrome:
            print(f"{args.source}: note: page chrome left out by the extractor: {line[:40]!r}",
                  file=sys.stderr)
    warnings = len(result.diagnostics.warnings)
    if args.strict and warnings:
        print(f"{args.source}: error: {warnings} warning(s) with --strict; nothing written",
              file=sys.stderr)
        return 1
    from lawreport.analyse.metrics import refresh

    if args.update:
        return _update(args, result.report)
    refresh(result.report)
    _write_output(store.dumps(result.report), args.output)
    return 0


def _update(args, new_report) -> int:
    from lawreport.content import store
    from lawreport.analyse.metrics import refresh
    from lawreport.parse.reimport import original_source, reimport

    target = Path(args.update)
    old = store.load(target)
    new_report.id = old.id
    result = reimport(old, new_report, original_source(target, old, new_report))
    refresh(result.report)  # fresh figures for the new text; edits carried over by reimport stay
    for line in result.summary():
        print(f"{target}: {line}", file=sys.stderr)
    store.write(result.report, Path(args.output) if args.output else target)
    return 0


def cmd_export(args) -> int:
    from lawreport.analyse.across.issuers import issuer_id
    from lawreport.content import export
    from lawreport.content import store

    report = store.load(Path(args.report))
    _write_output(export.dumps(report, args.script, issuer_id(report)), args.output)
    return 0


def cmd_metrics(args) -> int:
    from lawreport.content import store
    from lawreport.analyse.derived import derive
    from lawreport.analyse.metrics import refresh, report_metrics

    path = Path(args.report)
    report = store.load(path)
    summary = refresh(report)
    if args.list:
        for m in report_metrics(report, include_hidden=True):
            flags = " ".join(f for f in (m.qualifier or "", "hidden" if m.hidden else "", m.source) if f)
            print(f"{m.section}\t{m.text}\t{m.value}\t{m.unit}\t{m.label}\t{flags}")
    checks = derive(report)
    if args.list:
        for d in checks:
            print(f"{d.section}\t{d.kind}\t{d.label}\t{d.formula}\t{d.status or ''}")
    failing = [d for d in checks if d.kind == "sum" and d.status == "fail"]
    if not args.dry_run:
        store.write(report, path)
    print(f"{path}: {summary.figures} figures ({summary.added} new, {summary.removed} removed, "
          f"{summary.kept_edits} edited or added by an editor); "
          f"{sum(d.kind == 'rate' for d in checks)} rates, {sum(d.kind == 'sum' for d in checks)} "
          f"sum checks ({len(failing)} failing)" + (" [dry run: nothing written]" if args.dry_run else ""))
    for d in failing:
        print(f"{path}: warning: section {d.section}: parts do not add up: {d.formula}", file=sys.stderr)
    return 0


def cmd_build(args) -> int:
    import time

    from lawreport.build.plan import plan

    started = time.perf_counter()
    templates = Path(args.templates) if args.templates else None
    if args.jobs < 0:
        raise UsageError("--jobs must be 0 (one per core) or more")
    log = lambda m: print(m, file=sys.stderr)  # noqa: E731
    the_plan = plan(Path(args.content), Path(args.out), templates, args.base_url, args.clean, log)
    if the_plan.unchanged:
        print(the_plan.summary(time.perf_counter() - started))
        return 0
    # The one lazy boundary: the renderer, the analysis and the search stage are imported only
    # now that the plan found work to do.
    from lawreport.build.run import run

    print(run(the_plan, log, args.jobs, started))
    return 0


def cmd_serve(args) -> int:
    from lawreport.build.plan import default_templates
    from lawreport.build.run import build
    from lawreport.build.serve import serve

    templates = Path(args.templates) if args.templates else default_templates(Path(args.content))
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731

    def build_once() -> str:
        return build(Path(args.content), Path(args.out), templates_dir=templates, log=log)

    serve(Path(args.content), Path(args.out), templates, args.host, args.port, build_once, log=log)
    return 0


def cmd_add(args) -> int:
    from lawreport.build.add import add

    if args.id is not None and len(args.sources) > 1:
        raise UsageError("--id names one report: give one SOURCE with it")
    failed = 0
    for source in args.sources:
        try:
            added, diagnostics = add(source, Path(args.content), args.id)
        except LawreportError as exc:
            if exc.exit_code != 1:
                raise
            print(exc, file=sys.stderr)
            failed += 1
            continue
        text = added.folder / "source.txt"
        for d in diagnostics:
            if not (args.quiet and d.severity == "note"):
                print(d.format(str(text)), file=sys.stderr)
        for warning in added.warnings:
            print(warning, file=sys.stderr)
        print(f"added {added.folder}")
    return 1 if failed else 0


COMMANDS = {"add": cmd_add, "parse": cmd_parse, "export": cmd_export, "build": cmd_build, "serve": cmd_serve,
            "metrics": cmd_metrics}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except LawreportError as exc:
        print(exc, file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:  # `lawreport export … | head`: the reader left, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted; nothing was changed", file=sys.stderr)
        return 130
    except OSError as exc:  # the environment (permissions, disk, names), not a bug: one line, exit 2
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"{where}error: {exc.strerror or exc}", file=sys.stderr)
        return SetupError.exit_code
    except Exception as exc:  # noqa: BLE001 - a bug must still not print a traceback at users
        if os.environ.get("LAWREPORT_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (set LAWREPORT_DEBUG=1 for details)",
              file=sys.stderr)
        return 3


if __name__ == "__main__":
    sys.exit(main())
