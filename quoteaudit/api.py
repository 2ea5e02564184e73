"""The Python API: what the command line does, for programs (a CMS plugin, a bot).

    from quoteaudit import check_text, load_settings

    settings = load_settings(references=["fixtures/seed/references.yml"])
    report = check_text(article, path="story.txt", settings=settings)
    for finding in report.findings:
        print(finding.line, finding.column, finding.severity.value, finding.rule, finding.message)

``check_text`` and ``extract_text`` take a string, ``check_files`` paths (files,
directories, "-"), as ``quoteaudit check`` does; ``render_report`` gives any result in
one of the command's output formats. ``cli.py`` is a thin layer over these functions.
"""
from __future__ import annotations

import os

import io
from typing import Callable, Iterable, Iterator, Sequence

from .config import FileConfig, Settings
from .formatters import FORMATS, Run, render
from .inputs import expand_paths, iter_documents, make_document
from .model import InputError, Severity
from .pipeline import FileReport, analyse, check_document

__all__ = ["QuoteauditError", "Settings", "FileReport", "Run", "load_settings", "build_settings",
           "check_text", "extract_text", "check_files", "iter_checked", "render_report", "FORMATS"]


class QuoteauditError(Exception):
    """A config or reference file that cannot be used; the message is one line naming it."""


def build_settings(file_config: FileConfig | None = None, *, references: Sequence[str] = (),
                   select: set[str] | None = None, ignore: Iterable[str] = (), fail_on: str | None = None,
                   strict: bool = False, reference_speakers: dict[str, str] | None = None
                   ) -> tuple[Settings, list[InputError], int]:
    """Settings from a config file (if any) with explicit choices on top, and the
    reference files loaded (reference_speakers: who speaks in plain transcripts, by file,
    "*" for any). Returns (settings, reference file errors, bad rows skipped): errors are
    reported by the caller, never raised."""
    cfg = file_config
    chosen_fail_on = fail_on or (cfg.fail_on if cfg and cfg.fail_on else "warning")
    settings = Settings(
        select=set(select) if select else (cfg.select if cfg else None),
        ignore=set(ignore) | (cfg.ignore if cfg else set()),
        severities=dict(cfg.severities) if cfg else {},
        rule_options=dict(cfg.rule_options) if cfg else {},
        fail_on=None if chosen_fail_on == "never" else Severity(chosen_fail_on),
    )
    errors: list[InputError] = []
    skipped = 0
    reference_files = list(references) + (cfg.references + cfg.people if cfg else [])
    if reference_files:
        from .references import load_references  # only loaded when references are given
        speakers = dict(cfg.reference_speakers) if cfg else {}
        speakers.update(reference_speakers or {})
        loaded = load_references(reference_files, strict=strict, speakers=speakers)
        settings.references, settings.people = loaded.references, loaded.people
        errors.extend(loaded.errors)
        skipped = loaded.skipped
    return settings, errors, skipped


def load_settings(config: str | None = None, references: Sequence[str] = (), *, strict: bool = False) -> Settings:
    """Settings as ``quoteaudit check --config CONFIG --references ...`` builds them.

    Raises QuoteauditError for a bad config file or an unreadable reference file (and,
    with ``strict``, for a bad reference row; otherwise bad rows are skipped)."""
    file_config = None
    if config is not None:
        from .config import ConfigError, load_config
        try:
            file_config = load_config(config)
        except ConfigError as exc:
            raise QuoteauditError(str(exc)) from None
    settings, errors, _ = build_settings(file_config, references=references, strict=strict)
    if errors:
        raise QuoteauditError("; ".join(str(e) for e in errors))
    return settings


def check_text(text: str, path: str = "<text>", settings: Settings | None = None) -> FileReport:
    """Check one article given as a string. ``path`` names it in reports and picks the
    reader by its extension (.md Markdown, .html HTML, anything else plain text).
    The report's ``findings`` are :class:`quoteaudit.model.Finding` objects, and its
    ``context`` holds the quotations, speakers and reference matches."""
    return check_document(make_document(path, text), settings)


def extract_text(text: str, path: str = "<text>", settings: Settings | None = None) -> FileReport:
    """Quotations and speakers of an article, without the rule checks (``findings`` is
    empty): ``report.context.quotations[i]`` is said by ``report.context.attributions[i]``."""
    doc = make_document(path, text)
    return FileReport(path=doc.path, record_id=doc.record_id, context=analyse(doc, settings))


def iter_checked(paths: Sequence[str], settings: Settings | None = None, jobs: int = 1,
                 on_each: Callable[[], None] | None = None,
                 limits: dict | None = None) -> Iterator[FileReport | InputError]:
    """Reports and input errors, in input order, for files and "-" (directories
    expanded first, by ``expand_paths``); with ``jobs`` > 1 from a pool of processes
    (at most one per core and per file), same output. An unexpected failure in one
    document is an error naming it, never raised. ``on_each`` is called after each input
    (a progress bar); ``limits``: ``max_file_mb`` and ``max_record_mb`` for the readers."""
    from .pipeline import check_or_error
    settings = settings or Settings()
    items = iter_documents(list(paths), **(limits or {}))
    if jobs > 1:
        import multiprocessing

        from .pipeline import check_for_pool
        pending = [(item, None) if isinstance(item, InputError) else (None, item) for item in items]
        work = [(doc, settings) for _, doc in pending if doc is not None]
        if settings.references is not None and work:
            settings.references.index()  # built once here, not by every worker
        with multiprocessing.get_context("spawn").Pool(bounded_jobs(jobs, len(work))) as pool:
            done = iter(pool.imap(check_for_pool, work, chunksize=4))
            for error, doc in pending:
                yield error if error is not None else next(done)
                if on_each is not None:
                    on_each()
    else:
        for item in items:
            yield item if isinstance(item, InputError) else check_or_error(item, settings)
            if on_each is not None:
                on_each()


def bounded_jobs(jobs: int, files: int) -> int:
    """More worker processes than cores (or files) only costs start-up time and memory."""
    return max(1, min(jobs, os.cpu_count() or 1, files))


def check_files(paths: Sequence[str], settings: Settings | None = None, jobs: int = 1) -> Run:
    """Check files and directories as ``quoteaudit check`` does: ``run.reports`` one
    per document read, ``run.errors`` the inputs that could not be read."""
    run = Run(reports=[])
    for item in iter_checked(expand_paths(list(paths)), settings, jobs):
        (run.errors if isinstance(item, InputError) else run.reports).append(item)
    return run


def render_report(result: FileReport | Run, fmt: str = "text") -> str:
    """A report in one of the command's formats: text, json, sarif, github or html."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")
    run = result if isinstance(result, Run) else Run(reports=[result])
    out = io.StringIO()
    render(fmt, run, out)
    return out.getvalue()
