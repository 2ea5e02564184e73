"""`quoteaudit refs index FILE` and `quoteaudit refs stats FILE`: the reference index."""

# Annotations stay objects, not strings: see the note in cli.py.
import sys
import time
from typing import List, Optional

import typer

refs_app = typer.Typer(no_args_is_help=True, help="Build and describe reference indexes.")


_PATHS_HELP = ("Reference files (YAML, JSON Lines, CSV), or articles and transcripts "
               "(.txt, .md, .html, a directory of them).")
_SPEAKER_HELP = "The person speaking in a reference transcript without speaker labels (as for check)."


def _load(paths: List[str], need_rows: bool, reference_speaker: Optional[str]):
    from .cli import report_error
    from .references import load_references
    speakers = {"*": reference_speaker} if reference_speaker else None
    loaded = load_references(paths, strict=False, need_rows=need_rows, speakers=speakers)
    for error in loaded.errors:
        report_error(error)
    if loaded.errors or loaded.references is None:
        if not loaded.errors:
            sys.stderr.write("quoteaudit: error: no reference quotations in the files given\n")
        raise typer.Exit(2)
    return loaded


@refs_app.command("index")
def index(paths: List[str] = typer.Argument(..., help=_PATHS_HELP),
          reference_speaker: Optional[str] = typer.Option(None, "--reference-speaker", metavar="NAME",
                                                          help=_SPEAKER_HELP)) -> None:
    """Build the on-disk index for these reference files (reused by every later check)."""
    from .refindex import cached_index_exists, index_path, open_index
    start = time.perf_counter()
    loaded = _load(paths, need_rows=False, reference_speaker=reference_speaker)
    refs = loaded.references
    if cached_index_exists(refs.digest):
        sys.stdout.write(f"index up to date: {index_path(refs.digest)}\n")
        return
    show = sys.stderr.isatty()
    if show:
        with typer.progressbar(length=len(refs.rows), label="indexing", file=sys.stderr) as bar:
            index = open_index(refs, progress=bar.update, persist=True)
    else:
        index = open_index(refs, persist=True)
    sys.stdout.write(f"indexed {index.count():,} references in {time.perf_counter() - start:.1f} s"
                     f"{f' ({loaded.skipped} bad rows skipped)' if loaded.skipped else ''}: {index.path}\n")


@refs_app.command("stats")
def stats(paths: List[str] = typer.Argument(..., help=_PATHS_HELP),
          reference_speaker: Optional[str] = typer.Option(None, "--reference-speaker", metavar="NAME",
                                                          help=_SPEAKER_HELP)) -> None:
    """Describe the reference set and its index."""
    loaded = _load(paths, need_rows=False, reference_speaker=reference_speaker)
    info = loaded.references.index().stats()
    info["people"] = len(loaded.people) if loaded.people else 0
    if loaded.skipped:
        info["bad_rows_skipped"] = loaded.skipped
    width = max(len(k) for k in info)
    for key, value in info.items():
        if key == "size_bytes" and value is not None:
            value = f"{value:,} ({value / 1e6:.1f} MB)"
        sys.stdout.write(f"{key:<{width}}  {value}\n")
