"""Save a PNG screenshot of the seed article's review page (`check --format html`),
rendered by headless Chromium, for people to look at.

    python scripts/screenshot_review_page.py [--out review.png] [--width 1400] [--height 2400]
        [--no-references] [--dark] [--print] [FILE ...]

Needs Debian's `chromium` (`apt-get install chromium`). Nothing is fetched: the page
is self-contained and Chromium runs with its network features off.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "fixtures", "seed", "kazakhstan-csto-mt.txt")
REFERENCES = os.path.join(ROOT, "fixtures", "seed", "references.yml")

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars", "--mute-audio"]


def chromium(args: list[str], timeout: float = 60) -> subprocess.CompletedProcess:
    """Run headless Chromium with a fresh profile; raises when it is not installed."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        raise FileNotFoundError("chromium is not installed (apt-get install chromium)")
    with tempfile.TemporaryDirectory(prefix="quoteaudit-chromium-") as profile:
        return subprocess.run([exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, timeout=timeout)


def review_page(files: list[str], references: bool) -> str:
    cmd = [sys.executable, "-m", "quoteaudit", "check", "--format", "html", "--fail-on", "never", *files]
    if references:
        cmd += ["--references", REFERENCES]
    proc = subprocess.run(cmd, capture_output=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(proc.stderr.decode() or f"quoteaudit exited {proc.returncode}")
    return proc.stdout.decode("utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", default=[SEED])
    ap.add_argument("--out", default="review.png")
    ap.add_argument("--width", type=int, default=1400)
    ap.add_argument("--height", type=int, default=2400)
    ap.add_argument("--no-references", action="store_true", help="check without the seed's references")
    ap.add_argument("--dark", action="store_true", help="prefer the dark colour scheme")
    ap.add_argument("--print", action="store_true", help="emulate print media")
    args = ap.parse_args()
    html = review_page(args.files, references=not args.no_references)
    with tempfile.TemporaryDirectory(prefix="quoteaudit-page-") as tmp:
        page = os.path.join(tmp, "review.html")
        with open(page, "w", encoding="utf-8") as fh:
            fh.write(html)
        out = os.path.abspath(args.out)
        extra = []
        if args.dark:
            extra.append("--force-dark-mode")
            extra.append("--blink-settings=preferredColorScheme=0")
        if args.print:
            extra.append("--blink-settings=mediaTypeOverride=print")
        proc = chromium([*extra, f"--window-size={args.width},{args.height}", f"--screenshot={out}",
                         "file://" + page])
    if proc.returncode != 0 or not os.path.exists(out):
        sys.exit(proc.stderr.decode()[-2000:] or "chromium failed")
    print(out)


if __name__ == "__main__":
    main()
