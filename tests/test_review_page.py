"""The review page (`check --format html`): its content, its escaping, and the page as a
real browser (headless Chromium) renders it."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from quoteaudit import check_text, load_settings, render_report
from quoteaudit.formatters.html import word_diff_html

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
REFERENCES = ROOT / "fixtures" / "seed" / "references.yml"
sys.path.insert(0, str(ROOT / "scripts"))
from screenshot_review_page import chromium  # noqa: E402

HAVE_CHROMIUM = shutil.which("chromium") is not None
# CI installs chromium (.ci/run); elsewhere these tests are skipped when it is missing.
needs_chromium = pytest.mark.skipif(not HAVE_CHROMIUM and not os.environ.get("CI"),
                                    reason="chromium is not installed (apt-get install chromium)")


def cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], capture_output=True, cwd=ROOT)


class Page(HTMLParser):
    """What a reader sees of a page: its text, and the text of elements by class."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, set[str], dict]] = []
        self.by_class: dict[str, list[str]] = {}
        self.elements: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    APART = {"mk", "tag"}
    VOID = {"meta", "link", "br", "input", "img", "hr", "wbr"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        if tag not in self.VOID:
            self.stack.append((tag, set((attrs.get("class") or "").split()), attrs))
            for cls in self.stack[-1][1]:
                self.by_class.setdefault(cls, []).append("")

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if any(t in ("script", "style", "title") for t, _, _ in self.stack):
            return
        self.text.append(data)
        # Text counts for the innermost open element of each class; a finding's number
        # and a speaker tag stand apart from the article's text around them.
        seen = set()
        apart = next((classes for _, classes, _ in reversed(self.stack) if classes & self.APART), None)
        if apart:
            for cls in apart:
                self.by_class[cls][-1] += data
            return
        for _, classes, _ in reversed(self.stack):
            for cls in classes - seen:
                self.by_class[cls][-1] += data
            seen |= classes

    def visible_text(self) -> str:
        return " ".join("".join(self.text).split())

    def texts(self, cls: str) -> list[str]:
        return [" ".join(t.split()) for t in self.by_class.get(cls, [])]


def seed_report():
    settings = load_settings(references=[str(REFERENCES)])
    return check_text(SEED.read_text(encoding="utf-8"), path="seed.txt", settings=settings)


def squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the page's content

def test_every_quotation_speaker_and_finding_is_on_the_page():
    report = seed_report()
    page = Page(render_report(report, "html"))
    article = " ".join(page.texts("text"))
    ctx = report.context
    for q in ctx.quotations:
        assert squash(q.text) in article, q.text
    names = page.texts("who-name")
    assert "Kassym-Jomart Tokayev" in names and "Robin Forestie-Walker" in names
    legend = dict(zip(names, page.texts("who-meta")))
    assert legend["Kassym-Jomart Tokayev"].startswith("person · 7 quotations · named as Tokayev ×2, The Kazakh president ×2")
    assert legend["speaker ambiguous (several candidates)"] == \
        "4 quotations · between Vladimir Putin, Kassym-Jomart Tokayev"
    notes = page.texts("note")
    assert len(notes) == len(report.findings) == 30
    for note, finding in zip(notes, report.findings):
        assert finding.rule in note and squash(finding.message) in note and finding.severity.value in note
    # one numbered marker in the text for each finding, linking to its note and back
    markers = [a for tag, a in page.elements if tag == "a" and "mk" in (a.get("class") or "").split()]
    in_text = [a for a in markers if a.get("id", "").startswith("at-")]
    assert len(in_text) == len(report.findings)
    ids = {a.get("id") for _, a in page.elements}
    for a in in_text:
        assert a["href"][1:] in ids and f"#{a['id']}" in {m.get("href") for m in markers}


def test_an_unnamed_source_shows_its_words_not_no_speaker():
    # PolNeAR train (politico_2016-09-01): the article names its source, but no person; the page had
    # said "no speaker" beside the quotation and counted it under "no speaker found".
    text = ("The summit ended.\n\n“This one is new and has no speaker at all.”\n\n"
            "“The drop we are seeing now is directly attributable to the emails, the foundation, all the old trust "
            "stuff,” said a person close to the Clintons.\n")
    page = Page(render_report(check_text(text, path="t.txt"), "html"))
    assert page.texts("tag") == ["speaker: no speaker", "speaker: a person close to the Clintons"]
    legend = dict(zip(page.texts("who-name"), page.texts("who-meta")))
    assert legend["unnamed source"] == "1 quotation · named as a person close to the Clintons"
    assert legend["no speaker found"] == "1 quotation"


def test_rule_ids_link_to_their_explanation():
    report = seed_report()
    page = Page(render_report(report, "html"))
    links = {a["href"] for tag, a in page.elements if tag == "a" and "rule-link" in (a.get("class") or "")}
    assert links == {f"#rule-{f.rule}" for f in report.findings}
    explained = {a["id"] for tag, a in page.elements if tag == "article" and "rule" in (a.get("class") or "").split()}
    assert explained == {f"rule-{f.rule}" for f in report.findings}
    assert "Quotation marks promise the speaker's exact words." in page.visible_text()  # altered-quote's Why


def test_reference_findings_show_the_word_diff():
    html = render_report(seed_report(), "html")
    # “Then they plan to occupy the capital” against “Then they planned to seize the capital”
    assert "<del>plan</del> <ins>planned</ins> to <del>occupy</del> <ins>seize</ins> the capital" in html
    # a misattributed quotation carries its diff too, and the record's speaker
    page = Page(html)
    misattributed = [n for n in page.texts("note") if "misattributed-quote" in n]
    # (two quotations and, since reported speech is checked, the "color revolutions" statement)
    assert len(misattributed) == 3 and all("Vladimir Putin" in n for n in misattributed)
    assert "<del>incident</del> <ins>events</ins>" in html


def test_word_diff_marks_deletions_and_insertions_and_ignores_case_and_punctuation():
    assert word_diff_html("We will NOT allow it", "we will not allow it,") == "We will NOT allow it"
    assert word_diff_html("the main attack is on Almaty", "the main blow was on Almaty") == \
        "the main <del>attack is</del> <ins>blow was</ins> on Almaty"
    assert word_diff_html("a <b> c", "a <i> c") == "a <del>b</del> <ins>i</ins> c"  # words, never markup
    assert word_diff_html("x & y", "x y z") == "x y <ins>z</ins>"


HOSTILE = ("<script>document.title='pwned'</script> “We will <b>win</b>,” said <img src=x "
           "onerror=\"document.body.setAttribute('data-pwned','1')\"> Tokayev.\n\n"
           "“And </p></div><script>alert(1)</script> then,” he said. \"quoted & <i>tagged</i>\"\n")


def test_article_text_cannot_inject_markup():
    html = render_report(check_text(HOSTILE, path="<img src=x onerror=alert(1)>.txt"), "html")
    assert html.count("<script") == 1  # the page's own
    assert "<img" not in html and "<b>" not in html and "</p></div><script>" not in html
    text = Page(html).visible_text()  # shown as text, as written
    assert "<script>document.title='pwned'</script>" in text and "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>.txt" in text


def test_several_files_have_a_section_each_and_contents(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("The meeting ended early on Monday, and the the talks failed.\n\n“We will win,” Tokayev said.\n", encoding="utf-8")
    proc = cli("check", "--format", "html", SEED, second, tmp_path / "missing.txt")
    assert proc.returncode == 2  # the missing file
    page = Page(proc.stdout.decode())
    toc = [a["href"][1:] for tag, a in page.elements if tag == "a" and re.fullmatch(r"#file\d+", a.get("href", ""))]
    sections = [a["id"] for tag, a in page.elements if tag == "section" and "file" in (a.get("class") or "").split()]
    assert toc == sections == ["file1", "file2"]
    assert str(second) in page.visible_text() and "missing.txt" in " ".join(page.texts("input-errors"))
    findings = json.loads(cli("check", "--format", "json", SEED, second).stdout)["summary"]["findings"]
    assert len(page.texts("note")) == findings > 20


def test_empty_file_page(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    proc = cli("check", "--format", "html", empty)
    assert proc.returncode == 0
    assert "The file is empty." in Page(proc.stdout.decode()).visible_text()


# ---------------------------------------------------------------- in a real browser

def dump_dom(tmp_path: Path, html: str) -> str:
    page = tmp_path / "page.html"
    page.write_text(html, encoding="utf-8")
    proc = chromium(["--dump-dom", page.as_uri()])
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return proc.stdout.decode("utf-8")


@needs_chromium
def test_chromium_renders_quotations_speakers_and_findings(tmp_path):
    report = seed_report()
    dom = Page(dump_dom(tmp_path, render_report(report, "html")))
    article = " ".join(dom.texts("text"))
    for q in report.context.quotations:
        assert squash(q.text) in article
    assert {"Kassym-Jomart Tokayev", "Robin Forestie-Walker"} <= set(dom.texts("who-name"))
    notes = dom.texts("note")
    assert len(notes) == len(report.findings)
    for note, finding in zip(notes, report.findings):
        assert finding.rule in note and squash(finding.message) in note
    # The page's own script ran under its Content-Security-Policy (its hash is right):
    # it shows the severity filters, which are hidden without JavaScript.
    controls = [a for tag, a in dom.elements if "controls" in (a.get("class") or "").split()]
    assert controls and "hidden" not in controls[0]
    # Speaker tags: who says each full quotation, readable without hovering
    assert "speaker: Kassym-Jomart Tokayev" in dom.texts("tag")


@needs_chromium
def test_chromium_runs_no_script_from_the_article(tmp_path):
    dom_html = dump_dom(tmp_path, render_report(check_text(HOSTILE, path="hostile.txt"), "html"))
    dom = Page(dom_html)
    assert not [a for _, a in dom.elements if "data-pwned" in a]
    titles = re.findall(r"<title>(.*?)</title>", dom_html)
    assert titles == ["Quotation review: hostile.txt"]
    assert "<script>document.title='pwned'</script>" in dom.visible_text()
    assert not [a for tag, a in dom.elements if tag in ("img", "b", "i")]


@needs_chromium
def test_screenshot_script_saves_a_png(tmp_path):
    out = tmp_path / "review.png"
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot_review_page.py"), "--out", str(out),
                           "--height", "900"], capture_output=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()
    data = out.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 900)


def test_json_and_html_agree_on_the_counts():
    report = seed_report()
    doc = json.loads(render_report(report, "json"))
    page = Page(render_report(report, "html"))
    tiles = dict(reversed(t.split(" ", 1)) for t in page.texts("tile"))
    assert int(tiles["errors"]) == doc["summary"]["by_severity"]["error"]
    assert int(tiles["warnings"]) == doc["summary"]["by_severity"]["warning"]
    assert int(tiles["quotations"]) == doc["summary"]["quotations"]


def test_parallel_run_gives_the_same_page(tmp_path):
    second = tmp_path / "second.txt"
    second.write_text("“Then they plan to occupy the capital,” Tokayev said.\n", encoding="utf-8")
    args = ["check", "--format", "html", "--references", REFERENCES, SEED, second]
    serial, parallel = cli(*args), cli("check", "--jobs", "2", *args[1:])
    assert serial.returncode == parallel.returncode == 1
    assert serial.stdout == parallel.stdout and b"<del>occupy</del>" in serial.stdout


PROBE = """<script>
function key(k){document.dispatchEvent(new KeyboardEvent('keydown',{key:k,bubbles:true}));
  return document.activeElement.id;}
var seen=[key('j'),key('j'),key('j'),key('k')];
var row=document.querySelector('.who[data-swatch="s0"]');row.dispatchEvent(new MouseEvent('mouseenter'));
seen.push(document.body.className,document.querySelectorAll('.q.hl').length>0);
row.dispatchEvent(new MouseEvent('mouseleave'));seen.push(document.body.className);
var box=document.querySelector('input[data-filter="warning"]');box.checked=false;
box.dispatchEvent(new Event('change',{bubbles:true}));
seen.push(document.body.className,Array.prototype.filter.call(document.querySelectorAll('.note'),
  function(n){return n.offsetParent!==null;}).map(function(n){return n.getAttribute('data-sev');}).join(' '));
seen.push(key('j'));
document.body.setAttribute('data-probe',JSON.stringify(seen));
</script></body>"""


@needs_chromium
def test_chromium_keys_filters_and_legend_work(tmp_path):
    """The page's script, driven by synthetic events (a probe added for the test, with
    the page's Content-Security-Policy taken out so that the probe may run)."""
    html = render_report(seed_report(), "html")
    html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", html).replace("</body>", PROBE)
    dom = Page(dump_dom(tmp_path, html))
    probe = json.loads(next(a["data-probe"] for tag, a in dom.elements if tag == "body"))
    # j, j, j, k: the first three markers in the text, then back to the second
    assert probe[:4] == ["at-file1-f1", "at-file1-f2", "at-file1-f3", "at-file1-f2"]
    assert probe[4:7] == ["dim", True, ""]  # pointing at a speaker dims the other quotations, and back
    # warnings hidden: only the errors and infos stay, and j skips the hidden markers
    assert probe[7] == "hide-warning" and sorted(probe[8].split()) == ["error", "error", "error", "info", "info"]
    assert probe[9] == "at-file1-f11"  # the first finding that is not a warning (an info)
