"""The quoteaudit command line. Read the flow top to bottom in ``check``:

    inputs -> pipeline (quotes -> attribution -> matching -> rules) -> formatters

Exit status: 0 nothing at or above --fail-on, 1 something is, 2 usage or input error.
"""
from __future__ import annotations

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
from .model import InputError, Severity
from .pipeline import FileReport, check_document

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


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _color(stream) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def report_error(error: InputError) -> None:
    sys.stderr.write(f"quoteaudit: error: {error}\n")


def _split_ids(value: Optional[str]) -> set[str]:
    ids = {v.strip() for v in (value or "").split(",") if v.strip()}
    unknown = sorted(i for i in ids if rule_registry.get(i) is None)
    if unknown:
        raise UsageError(f"unknown rule id: {', '.join(unknown)} (see 'quoteaudit rules')")
    return ids


def build_settings(fail_on: Optional[FailOn], select: Optional[str], ignore: Optional[str],
                   references: List[str], strict: bool, file_config=None) -> tuple[Settings, list[InputError], int]:
    """Settings from the config file (if any), with the command line on top."""
    cfg = file_config
    chosen_fail_on = fail_on.value if fail_on is not None else (cfg.fail_on if cfg and cfg.fail_on else "warning")
    settings = Settings(
        select=_split_ids(select) or (cfg.select if cfg else None),
        ignore=_split_ids(ignore) | (cfg.ignore if cfg else set()),
        severities=dict(cfg.severities) if cfg else {},
        rule_options=dict(cfg.rule_options) if cfg else {},
        fail_on=None if chosen_fail_on == "never" else Severity(chosen_fail_on),
    )
    errors: list[InputError] = []
    skipped = 0
    reference_files = list(references) + (cfg.references + cfg.people if cfg else [])
    if reference_files:
        from .references import load_references  # only loaded when references are given
        loaded = load_references(reference_files, strict=strict)
        settings.references, settings.people = loaded.references, loaded.people
        errors.extend(loaded.errors)
        skipped = loaded.skipped
    return settings, errors, skipped


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
                                         help="Reference quotations (YAML, JSON Lines, CSV); repeatable."),
    strict: bool = typer.Option(False, "--strict", help="A bad reference row is an error (exit 2), not skipped."),
    select: Optional[str] = typer.Option(None, "--select", help="Only these rules (comma-separated ids)."),
    ignore: Optional[str] = typer.Option(None, "--ignore", help="Not these rules (comma-separated ids)."),
    config: Optional[str] = typer.Option(None, "--config", help="Config file (default: the nearest .quoteaudit.yml)."),
    baseline: Optional[str] = typer.Option(None, "--baseline", help="Report only findings not in this baseline."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline",
                                                 help="Record today's findings in this file."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Check files in parallel (same output order)."),
    progress: bool = typer.Option(True, "--progress/--no-progress",
                                  help="A progress bar on a terminal when there are many files."),
) -> None:
    """Check files and report findings."""
    from .inputs import expand_paths
    file_config = _file_config(paths, config)
    settings, errors, skipped = build_settings(fail_on, select, ignore, references, strict, file_config)
    for error in errors:
        report_error(error)
    if errors and strict:
        raise typer.Exit(2)
    known = None
    if baseline:
        from .suppress import load_baseline
        try:
            known = load_baseline(baseline)
        except ValueError as exc:
            raise UsageError(f"{baseline}: {exc}") from None
    expanded = expand_paths(paths, file_config.include if file_config else None,
                            file_config.exclude if file_config else None)
    run = Run(reports=[], errors=list(errors), skipped_references=skipped)
    for item in _checked(expanded, settings, jobs, progress):
        if isinstance(item, InputError):
            report_error(item)
            run.errors.append(item)
        else:
            run.reports.append(item)
    if write_baseline:
        from .suppress import write_baseline as write
        count = write(write_baseline, run.reports)
        sys.stderr.write(f"quoteaudit: wrote {count} finding{'s' if count != 1 else ''} to {write_baseline}\n")
    if known is not None:
        from .suppress import filter_baseline
        filter_baseline(run.reports, known)
    render(output_format.value, run, sys.stdout, color=_color(sys.stdout))
    raise typer.Exit(exit_code(run, settings))


def _checked(paths: List[str], settings: Settings, jobs: int, progress: bool):
    """Reports and input errors in input order, from one process or a pool."""
    items = iter_documents(paths)
    show = progress and sys.stderr.isatty() and len(paths) >= 20
    bar = typer.progressbar(length=len(paths), label="checking", file=sys.stderr) if show else None
    if jobs > 1:
        import multiprocessing

        from .pipeline import check_for_pool
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            pending = [(item, None) if isinstance(item, InputError) else (None, item) for item in items]
            work = [(doc, settings) for _, doc in pending if doc is not None]
            done = iter(pool.imap(check_for_pool, work, chunksize=4))
            for error, doc in pending:
                yield error if error is not None else next(done)
                if bar is not None:
                    bar.update(1)
    else:
        for item in items:
            yield item if isinstance(item, InputError) else check_document(item, settings)
            if bar is not None:
                bar.update(1)
    if bar is not None:
        bar.render_finish()


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files to read ('-' for standard input)."),
    output_format: OutputFormat = typer.Option(OutputFormat.text, "--format", "-f", help="text or json."),
) -> None:
    """List the quotations of files with their kinds and speakers."""
    if output_format not in (OutputFormat.text, OutputFormat.json):
        raise UsageError("extract supports --format text or json")
    from .pipeline import analyse
    run = Run(reports=[])
    for item in iter_documents(paths):
        if isinstance(item, InputError):
            report_error(item)
            run.errors.append(item)
            continue
        run.reports.append(FileReport(path=item.path, record_id=item.record_id, context=analyse(item)))
    if output_format == OutputFormat.json:
        render("json", run, sys.stdout)
    else:
        for report in run.reports:
            _write_quotations(report.context)
    raise typer.Exit(2 if run.errors else 0)


def _write_quotations(ctx) -> None:
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
        extra = f" candidates: {', '.join(a.candidates)}" if a.candidates else ""
        sys.stdout.write(f"{doc.path}:{line}:{col}: {what} -- {speaker} ({a.method}, {a.confidence:.2f}){extra}\n")


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
                                       help="Print the version and exit.")) -> None:
    """Audit the quotations in a news article before it is published."""


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
        if not hasattr(exc, "format_message"):
            raise
        sys.stderr.write(f"quoteaudit: error: {exc.format_message()}\n")
        code = 2
    sys.exit(code or 0)
