"""The quoteaudit command line. Read the flow top to bottom in ``check``:

    inputs -> pipeline (quotes -> attribution -> matching -> rules) -> formatters

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error
(an internal error too: one line naming the file, the traceback only with --debug).
The report is written to stdout whole, after every file is checked, never in part.
"""

# No `from __future__ import annotations` here: typer reads every command's signature on
# each run, and string annotations would be evaluated one by one (1% of a `check`).
import os
import sys
from enum import Enum
from typing import List, Optional

import typer

from . import __version__
from . import rules as rule_registry
from .config import Settings
from .formatters import Run, render
from .inputs import iter_documents
from .model import InputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="Audit the quotations in a news article before it is published.",
)


class UsageError(Exception):
    """A mistake in how quoteaudit was called: one line on stderr, exit 2."""


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


_DEBUG = False  # --debug: tracebacks of internal errors on stderr


def report_error(error: InputError) -> None:
    sys.stderr.write(f"quoteaudit: error: {error}\n")
    if _DEBUG and error.traceback:
        sys.stderr.write(error.traceback)


def _set_debug(value: bool) -> None:
    global _DEBUG
    _DEBUG = _DEBUG or value


def _write_report(fmt: str, run: Run) -> None:
    """Render the whole report, then write it: an error while rendering leaves stdout empty."""
    _write_whole(lambda out: render(fmt, run, out, color=_color(sys.stdout)))


def _write_whole(write) -> None:
    """Call write(stream) on a spool (memory up to 16 million characters, then a temporary
    file: a big report is not held twice in memory), then copy it to stdout in one go."""
    from .spool import Spool
    with Spool(16_000_000, sys.stdout.encoding or "utf-8") as spool:
        write(spool)
        spool.copy_to(sys.stdout)


def _split_ids(value: Optional[str]) -> set[str]:
    ids = {v.strip() for v in (value or "").split(",") if v.strip()}
    unknown = sorted(i for i in ids if rule_registry.get(i) is None)
    if unknown:
        raise UsageError(f"unknown rule id: {', '.join(unknown)} (see 'quoteaudit rules')")
    return ids


def build_settings(fail_on: Optional[FailOn], select: Optional[str], ignore: Optional[str],
                   references: List[str], strict: bool, file_config=None,
                   reference_speaker: Optional[str] = None) -> tuple[Settings, list[InputError], int]:
    """Settings from the config file (if any), with the command line on top."""
    from .api import build_settings as build
    return build(file_config, references=references, select=_split_ids(select), ignore=_split_ids(ignore),
                 fail_on=fail_on.value if fail_on is not None else None, strict=strict,
                 reference_speakers=reference_speakers(reference_speaker, file_config))


def reference_speakers(reference_speaker: Optional[str], cfg) -> dict[str, str]:
    """Who speaks in plain transcripts: the config's per-file speakers, and
    --reference-speaker for every other one ("*")."""
    speakers = dict(cfg.reference_speakers) if cfg else {}
    if reference_speaker:
        speakers["*"] = reference_speaker
    return speakers


def _file_config(paths: List[str], config: Optional[str]):
    from .config import ConfigError, find_config, load_config
    path = config or find_config(paths)
    if path is None:
        return None
    try:
        return load_config(path)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def exit_code(run: Run, settings: Settings) -> int:
    if run.errors:
        return 2
    if settings.fail_on is None:
        return 0
    worst = max((f.severity.rank for r in run.reports for f in r.findings), default=0)
    return 1 if worst >= settings.fail_on.rank else 0


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files or directories to check ('-' for standard input)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "--output-format", "-f",
                                               help="Report format."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Exit 1 when a finding is at or above this severity "
                                                  "(default: warning, or the config's fail_on)."),
    references: List[str] = typer.Option([], "--references", "-r",
                                         help="Reference quotations (YAML, JSON Lines, CSV), or articles and "
                                              "transcripts (.txt, .md, .html, a directory of them); repeatable."),
    reference_speaker: Optional[str] = typer.Option(None, "--reference-speaker", metavar="NAME",
                                                    help="The person speaking in a reference transcript "
                                                         "without speaker labels."),
    strict: bool = typer.Option(False, "--strict", help="A bad reference row is an error (exit 2), not skipped."),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rules (comma-separated ids)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Not these rules (comma-separated ids)."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (default: the nearest .quoteaudit.yml)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline",
                                                 help="Record today's findings in this file."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1,
                             help="Check files in parallel (same output order; at most one process per core)."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="A progress bar on a terminal when there are many files."),
    max_file_mb: Optional[float] = typer.Option(None, "--max-file-mb", min=0.000001,
                                                help="Refuse an input file larger than this (default 64, "
                                                     "or the config's max_file_mb)."),
    max_record_mb: Optional[float] = typer.Option(None, "--max-record-mb", min=0.000001,
                                                  help="Refuse a JSON Lines record larger than this (default 16, "
                                                       "or the config's max_record_mb)."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """Check files and report findings."""
    from .inputs import expand_paths
    _set_debug(debug)
    file_config = _file_config(paths, config)
    settings, errors, skipped = build_settings(fail_on, select, ignore, references, strict, file_config,
                                               reference_speaker)
    for error in errors:
        report_error(error)
    if errors and strict:
        raise typer.Exit(2)
    run = Run(reports=[], errors=list(errors), skipped_references=skipped)
    known = None
    if baseline:
        from .suppress import load_baseline
        try:
            known = load_baseline(baseline)
        except ValueError as exc:  # the files are still checked and reported in full; exit 2
            run.errors.append(InputError(baseline, f"baseline not used: {exc}"))
            report_error(run.errors[-1])
    expanded = expand_paths(paths, file_config.include if file_config else None,
                            file_config.exclude if file_config else None)
    limits = _limits(max_file_mb, max_record_mb, file_config)
    for item in _checked(expanded, settings, jobs, progress, limits):
        if isinstance(item, InputError):
            report_error(item)
            run.errors.append(item)
        else:
            run.reports.append(item)
            if item.error is not None:  # checked in part (a limit): the findings stand, exit 2
                report_error(item.error)
                run.errors.append(item.error)
    if write_baseline:
        from .suppress import write_baseline as write
        try:
            count = write(write_baseline, run.reports)
            sys.stderr.write(f"quoteaudit: wrote {count} finding{'s' if count != 1 else ''} to {write_baseline}\n")
        except OSError as exc:
            run.errors.append(InputError(write_baseline, f"cannot write the baseline: {exc.strerror}"))
            report_error(run.errors[-1])
    if known is not None:
        from .suppress import filter_baseline
        filter_baseline(run.reports, known)
    _write_report(output_format.value, run)
    raise typer.Exit(exit_code(run, settings))


def _limits(max_file_mb, max_record_mb, file_config) -> dict:
    from .document import DEFAULT_MAX_FILE_MB
    from .inputs import DEFAULT_MAX_RECORD_MB
    cfg = file_config
    return {"max_file_mb": max_file_mb or (cfg and cfg.max_file_mb) or DEFAULT_MAX_FILE_MB,
            "max_record_mb": max_record_mb or (cfg and cfg.max_record_mb) or DEFAULT_MAX_RECORD_MB}


def _checked(paths: List[str], settings: Settings, jobs: int, progress: bool, limits: dict | None = None):
    """Reports and input errors in input order, from one process or a pool."""
    from .api import iter_checked
    show = progress and sys.stderr.isatty() and len(paths) >= 20
    bar = typer.progressbar(length=len(paths), label="checking", file=sys.stderr) if show else None
    yield from iter_checked(paths, settings, jobs, on_each=(lambda: bar.update(1)) if bar is not None else None,
                            limits=limits)
    if bar is not None:
        bar.render_finish()


@app.command()
def compare(
    original: str = typer.Argument(..., help="The original article or transcript."),
    copy: str = typer.Argument(..., help="The copy to check against it ('-' for standard input)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "--output-format", "-f",
                                               help="Report format."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on",
                                             help="Exit 1 when a finding is at or above this severity "
                                                  "(default: warning, or the config's fail_on)."),
    reference_speaker: Optional[str] = typer.Option(None, "--reference-speaker", metavar="NAME",
                                                    help="The person speaking in an original transcript "
                                                         "without speaker labels."),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rules (comma-separated ids)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Not these rules (comma-separated ids)."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (default: the nearest .quoteaudit.yml)."),
) -> None:
    """Check a copy against its original: the checks with the original as the only
    reference, and what the copy lost (quotations dropped, unmarked, paraphrased)."""
    import dataclasses

    from .compare import compare_files
    file_config = _file_config([copy], config)
    if file_config is not None:
        file_config = dataclasses.replace(file_config, references=[])  # the original is the only reference
    settings, errors, _ = build_settings(fail_on, select, ignore, [], False, file_config)
    run = Run(reports=[], errors=list(errors))
    speakers = reference_speakers(reference_speaker, file_config)
    from .inputs import internal_error
    from .pipeline import check_or_error
    for item in iter_documents([copy]):
        if isinstance(item, InputError):
            run.errors.append(item)
            continue
        try:
            reports, original_errors = compare_files(original, item, settings, speakers)
        except Exception as exc:  # one line naming the copy, exit 2 (--debug: the traceback)
            reports, original_errors = [], [internal_error(item.path, exc, item.record_line, item.record_id)]
        run.errors.extend(original_errors)
        # The copy is still checked when the original cannot be read.
        for report in reports or [check_or_error(item, settings)]:
            (run.errors if isinstance(report, InputError) else run.reports).append(report)
    for error in run.errors:
        report_error(error)
    _write_report(output_format.value, run)
    raise typer.Exit(exit_code(run, settings))


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files to read ('-' for standard input)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text or json."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error."),
) -> None:
    """List the quotations of files with their kinds and speakers."""
    _set_debug(debug)
    if output_format not in (OutputFormat.text, OutputFormat.json):
        raise UsageError("extract supports --format text or json")
    from .inputs import internal_error
    from .pipeline import FileReport, analyse
    run = Run(reports=[])
    for item in iter_documents(paths):
        if not isinstance(item, InputError):
            try:
                run.reports.append(FileReport(path=item.path, record_id=item.record_id, context=analyse(item)))
                continue
            except Exception as exc:
                item = internal_error(item.path, exc, item.record_line, item.record_id)
        report_error(item)
        run.errors.append(item)
    if output_format == OutputFormat.json:
        _write_report("json", run)
    else:
        _write_whole(lambda out: [_write_quotations(report.context, out) for report in run.reports])
    raise typer.Exit(2 if run.errors else 0)


def _write_quotations(ctx, out) -> None:
    """One line per quotation and per statement outside quotation marks (mixed or indirect,
    its clause shortened), in document order."""
    from .reported_speech import shortened
    doc = ctx.doc
    lines = []
    for q in ctx.quotations:
        indent = "  " * q.depth
        kind = f"{q.kind} (partial)" if q.partial else q.kind
        lines.append((q.start, q.depth, f"{indent}{kind} {q.text}", ctx.attributions[q.index]))
    for r in ctx.reported_speech:
        if r.kind != "direct":
            clause = shortened(doc.source[r.start:r.end])
            lines.append((r.start, -1, f"{r.kind} [{clause}]", r))
    for start, _, what, a in sorted(lines, key=lambda item: item[:2]):
        line, col = doc.position(start)
        speaker = a.speaker or (a.mention.text if a.mention else "-")
        source = f" [{a.source_type}]" if a.source_type else ""
        extra = f" candidates: {', '.join(a.candidates)}" if a.candidates else ""
        out.write(f"{doc.path}:{line}:{col}: {what} -- {speaker}{source} ({a.method}, {a.confidence:.2f}){extra}\n")


@app.command("rules")
def list_rules() -> None:
    """List every rule: id, default severity, what it reports."""
    registry = rule_registry.registry()
    width = max(len(i) for i in registry)
    for rule_id, module in registry.items():
        sys.stdout.write(f"{rule_id:<{width}}  {module.SEVERITY:<7}  {rule_registry.summary(module)}\n")


@app.command("rule")
def explain_rule(rule_id: str = typer.Argument(..., help="A rule id, as 'quoteaudit rules' lists them.")) -> None:
    """Explain one rule, with a bad and a good example."""
    module = rule_registry.get(rule_id)
    if module is None:
        raise UsageError(f"unknown rule id: {rule_id} (see 'quoteaudit rules')")
    sys.stdout.write(f"{rule_id} (default severity: {module.SEVERITY})\n\n")
    sys.stdout.write(_dedent(module.__doc__ or "") + "\n")
    options = getattr(module, "OPTIONS", {})
    if options:
        sys.stdout.write("\nOptions:\n")
        for key, value in options.items():
            sys.stdout.write(f"  {key}: {value!r}\n")


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port (0: any free port; the address is printed)."),
    references: List[str] = typer.Option([], "--references", "-r",
                                         help="Reference quotations (YAML, JSON Lines, CSV); repeatable."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (rules, severities, references)."),
    workers: int = typer.Option(0, "--workers", min=0, help="Worker processes (default: one per core)."),
    max_body_mb: float = typer.Option(5.0, "--max-body-mb", min=0.001, help="Largest request body (MB)."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.1, help="Seconds a check may take before a 503."),
    strict: bool = typer.Option(False, "--strict", help="A bad reference row stops the service from starting."),
) -> None:
    """Serve the checks over HTTP: POST /v1/check, a review page at /, the API at /docs.
    Needs the 'serve' extra: pip install 'quoteaudit[serve]'."""
    try:
        from .serve import ServiceConfig, ServiceError, run as run_service
    except ImportError as exc:
        raise UsageError(f"'quoteaudit serve' needs the serve extra: pip install 'quoteaudit[serve]' "
                         f"({exc.name} is not installed)") from None
    try:
        run_service(ServiceConfig(host=host, port=port, references=list(references), config=config,
                                  workers=workers, max_body=int(max_body_mb * 1024 * 1024), timeout=timeout,
                                  strict=strict))
    except ServiceError as exc:
        raise UsageError(str(exc)) from None


def _dedent(doc: str) -> str:
    import inspect
    return inspect.cleandoc(doc)


from .refs_cli import refs_app  # noqa: E402

app.add_typer(refs_app, name="refs")


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"quoteaudit {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                       help="Print the version and exit."),
          debug: bool = typer.Option(False, "--debug", help="Show the traceback of an internal error.")) -> None:
    """Audit the quotations in a news article before it is published."""
    _set_debug(debug)


def main(argv: Optional[list[str]] = None) -> None:
    """Entry point: user errors are one line on stderr and exit 2, never a traceback."""
    try:
        code = app(args=argv, prog_name="quoteaudit", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.Abort:
        sys.stderr.write("quoteaudit: aborted\n")
        code = 130
    except UsageError as exc:
        sys.stderr.write(f"quoteaudit: error: {exc}\n")
        code = 2
    except BrokenPipeError:
        code = 0
    except Exception as exc:
        # Typer's own usage errors (bad option, missing argument) carry format_message.
        if hasattr(exc, "format_message"):
            sys.stderr.write(f"quoteaudit: error: {exc.format_message()}\n")
        else:  # a bug outside any one file's check: still one line and exit 2, never 1
            from .inputs import internal_error
            error = internal_error("quoteaudit", exc)
            sys.stderr.write(f"quoteaudit: error: {error.message}\n")
            if _DEBUG or "--debug" in (argv if argv is not None else sys.argv):
                sys.stderr.write(error.traceback or "")
        code = 2
    sys.exit(code or 0)
