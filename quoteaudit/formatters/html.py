"""The editors' review page: one self-contained HTML file (inline CSS and JS, nothing
fetched), the article with every quotation highlighted in its speaker's colour, a
legend of speakers, each finding at its place, the word diff of reference findings,
a summary on top and, with several files, one section per file and a table of contents.

Every piece of input text goes through ``escape``; a Content-Security-Policy lets the
page run its own script only (by hash) and load nothing, so even a slip in escaping
could not run an article's ``<script>``. Without JavaScript the page is complete: the
script only adds keyboard shortcuts, severity filters and legend highlighting.
"""
from __future__ import annotations

import base64
import difflib
import hashlib
import inspect
import os
import re
from bisect import bisect_right
from collections import Counter
from html import escape

from .. import __version__
from .. import rules as rule_registry
from ..normalize import normalize, words
from .text import location, summary_line

SEVERITIES = ("error", "warning", "info")
PALETTE_SIZE = 8  # speaker colours s0..s7 in the CSS; further speakers reuse them in turn
REFERENCE_RULES = ("altered-quote", "misattributed-quote")


def render(run, stream, color: bool = False) -> None:
    stream.write(page(run))


def page(run) -> str:
    files = [_FileView(n, report) for n, report in enumerate(run.reports, start=1)]
    counts = Counter(f.severity.value for r in run.reports for f in r.findings)
    title = files[0].name if len(files) == 1 else f"{len(files)} files"
    out = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        f"style-src 'unsafe-inline'; script-src '{_SCRIPT_HASH}'; img-src data:\">\n",
        f"<meta name=\"generator\" content=\"quoteaudit {escape(__version__)}\">\n",
        f"<title>Quotation review: {escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n",
        "<a class=\"skip\" href=\"#main\">Skip to the article</a>\n",
        "<header class=\"top\">\n<p class=\"brand\">quoteaudit · quotation review</p>\n",
        f"<h1>{escape(os.path.basename(title) or title)}</h1>\n",
        f"<p class=\"path\">{escape(title)}</p>\n" if os.path.basename(title) != title else "",
        _summary(run, files, counts),
        _controls(),
        "</header>\n<main id=\"main\">\n",
    ]
    if len(files) > 1:
        out.append(_contents(files))
    if run.errors:
        out.append(_input_errors(run.errors))
    for view in files:
        out.append(view.section(single=len(files) == 1))
    if not files and not run.errors:
        out.append("<p class=\"empty\">No files were checked.</p>\n")
    out.append(_rules_section({f.rule for r in run.reports for f in r.findings}))
    out.append(f"</main>\n<footer>quoteaudit {escape(__version__)} · "
               f"<code>quoteaudit rule ID</code> explains a rule in the shell</footer>\n")
    out.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(out)


# ---------------------------------------------------------------- the parts of the page

def _summary(run, files, counts: Counter) -> str:
    quotations = sum(len(v.ctx.quotations) for v in files)
    speakers = sum(len(v.speakers) for v in files)
    tiles = [(counts.get(s, 0), s + ("s" if counts.get(s, 0) != 1 and s != "info" else ""), f"tile-{s}")
             for s in SEVERITIES]
    tiles += [(quotations, "quotations" if quotations != 1 else "quotation", "tile-plain"),
              (speakers, "speakers" if speakers != 1 else "speaker", "tile-plain")]
    if len(files) > 1 or run.errors:
        tiles.append((len(files), "files" if len(files) != 1 else "file", "tile-plain"))
    body = "".join(f"<li class=\"tile {cls}\"><strong>{n}</strong> {escape(label)}</li>"
                   for n, label, cls in tiles)
    return (f"<section class=\"summary\" aria-label=\"Summary\"><ul class=\"tiles\">{body}</ul>"
            f"<p class=\"summary-line\">{escape(summary_line(run, counts))}</p></section>\n")


def _controls() -> str:
    # Shown by the script only: without JavaScript they would do nothing.
    boxes = "".join(f"<label><input type=\"checkbox\" data-filter=\"{s}\" checked> {s}</label>"
                    for s in SEVERITIES)
    return ("<div class=\"controls\" hidden><span class=\"show\">Show findings:</span>" + boxes +
            "<span class=\"keys\"><kbd>j</kbd>/<kbd>k</kbd> next / previous finding</span></div>\n")


def _contents(files) -> str:
    items = []
    for view in files:
        c = Counter(f.severity.value for f in view.report.findings)
        badges = "".join(f"<span class=\"badge sev-{s}\">{c[s]} {s}</span>" for s in SEVERITIES if c[s])
        items.append(f"<li><a href=\"#{view.prefix}\">{escape(view.name)}</a> {badges or '<span class=badge>clean</span>'}"
                     f" <span class=\"muted\">{len(view.ctx.quotations)} quotations</span></li>")
    return f"<nav class=\"toc\" aria-label=\"Files\"><h2>Files</h2><ol>{''.join(items)}</ol></nav>\n"


def _input_errors(errors) -> str:
    items = "".join(f"<li><code>{escape(e.path)}{':' + str(e.line) if e.line else ''}</code> {escape(e.message)}</li>"
                    for e in errors)
    return f"<section class=\"input-errors\"><h2>Not checked</h2><ul>{items}</ul></section>\n"


def _rules_section(rule_ids: set[str]) -> str:
    if not rule_ids:
        return ""
    registry = rule_registry.registry()
    parts = ["<section class=\"rules\" id=\"rules\"><h2>The rules behind these findings</h2>\n"]
    for rule_id in (r for r in registry if r in rule_ids):
        module = registry[rule_id]
        parts.append(f"<article class=\"rule\" id=\"rule-{escape(rule_id)}\" tabindex=\"-1\">"
                     f"<h3><code>{escape(rule_id)}</code> <span class=\"badge sev-{module.SEVERITY}\">"
                     f"{module.SEVERITY} by default</span></h3>{_rule_doc(module)}</article>\n")
    parts.append("</section>\n")
    return "".join(parts)


_SECTION = re.compile(r"^([A-Z][A-Za-z ]+):\s*$")


def _rule_doc(module) -> str:
    """The rule's docstring: its first line, then the What / Why / Example sections."""
    lines = inspect.cleandoc(module.__doc__ or "").splitlines()
    out = [f"<p class=\"rule-summary\">{escape(lines[0])}</p>"] if lines else []
    heading, body = None, []

    def flush():
        if heading is None:
            return
        text = inspect.cleandoc("\n".join(body))
        if heading == "Example":
            out.append(f"<h4>{heading}</h4><pre>{escape(text)}</pre>")
        else:
            out.append(f"<h4>{escape(heading)}</h4><p>{escape(' '.join(text.split()))}</p>")

    for line in lines[1:]:
        m = _SECTION.match(line)
        if m:
            flush()
            heading, body = m.group(1), []
        elif heading is not None:
            body.append(line)
    flush()
    return "".join(out)


# ---------------------------------------------------------------- one file

class _FileView:
    """One checked file: its speakers, colours and findings, as the page shows them."""

    def __init__(self, number: int, report) -> None:
        self.report = report
        self.ctx = report.context
        self.name = location(report)
        self.prefix = f"file{number}"
        self.speakers = self._speakers()
        colour = {name: i % PALETTE_SIZE for i, name in enumerate(self.speakers)}
        self.quote_class = {}
        for q in self.ctx.quotations:
            a = self.ctx.attributions[q.index]
            if q.kind != "speech":
                self.quote_class[q.index] = "q q-term"
            elif a.candidates:
                self.quote_class[q.index] = "q q-amb"
            elif a.speaker:
                self.quote_class[q.index] = f"q s{colour[a.speaker]}"
            else:
                self.quote_class[q.index] = "q q-none"
        self.finding_ids = {id(f): f"{self.prefix}-f{k}" for k, f in enumerate(report.findings, start=1)}

    def _speakers(self) -> dict[str, dict]:
        """Speakers in order of first quotation: quotations, mentions, type (when known)."""
        out: dict[str, dict] = {}
        for q in self.ctx.quotations:
            a = self.ctx.attributions[q.index]
            if q.kind != "speech" or not a.speaker or a.candidates:
                continue
            entry = out.setdefault(a.speaker, {"quotes": [], "mentions": Counter(),
                                               "type": getattr(a, "type", None)})
            entry["quotes"].append(q.index)
            if a.mention is not None:
                entry["mentions"][a.mention.text] += 1
        return out

    def section(self, single: bool) -> str:
        findings = self.report.findings
        c = Counter(f.severity.value for f in findings)
        head = "" if single else (f"<h2 class=\"file-title\"><code>{escape(self.name)}</code></h2>"
                                  f"<p class=\"muted\">{len(findings)} findings "
                                  f"({', '.join(f'{c[s]} {s}' for s in SEVERITIES if c[s]) or 'none'}), "
                                  f"{len(self.ctx.quotations)} quotations</p>")
        return (f"<section class=\"file\" id=\"{self.prefix}\" aria-label=\"{escape(self.name)}\">{head}"
                f"{self._legend()}<article class=\"article\">{self._article()}</article></section>\n")

    # ---- legend

    def _legend(self) -> str:
        rows = []
        for i, (name, entry) in enumerate(self.speakers.items()):
            named = ", ".join(f"{escape(m)}{' ×' + str(n) if n > 1 else ''}"
                              for m, n in entry["mentions"].most_common())
            kind = f"{escape(str(entry['type']))} · " if entry["type"] else ""  # when attribution gives one
            count = len(entry["quotes"])
            rows.append(f"<li class=\"who\" data-swatch=\"s{i % PALETTE_SIZE}\"><span class=\"sw s{i % PALETTE_SIZE}\">"
                        f"</span><span class=\"who-name\">{escape(name)}</span>"
                        f"<span class=\"who-meta\">{kind}{count} quotation{'s' if count != 1 else ''}"
                        f"{' · named as ' + named if named else ''}</span></li>")
        other = Counter(self.quote_class[q.index].split()[1] for q in self.ctx.quotations
                        if self.quote_class[q.index].split()[1] in ("q-amb", "q-none", "q-term"))
        labels = {"q-amb": "speaker ambiguous (several candidates)", "q-none": "no speaker found",
                  "q-term": "term or title in quotation marks"}
        for cls, label in labels.items():
            if other[cls]:
                rows.append(f"<li class=\"who\" data-swatch=\"{cls}\"><span class=\"sw {cls}\"></span>"
                            f"<span class=\"who-name\">{label}</span><span class=\"who-meta\">{other[cls]} "
                            f"quotation{'s' if other[cls] != 1 else ''}</span></li>")
        body = "".join(rows) or "<li class=\"muted\">No quotations.</li>"
        return (f"<aside class=\"legend\" aria-label=\"Speakers\"><h2 class=\"legend-title\">Speakers</h2>"
                f"<ul>{body}</ul></aside>")

    # ---- the article, paragraph by paragraph

    def _article(self) -> str:
        doc = self.ctx.doc
        paragraphs = doc.paragraphs()
        if not paragraphs:
            notes = self._notes(self.report.findings)
            return "<p class=\"muted\">The file is empty.</p>" + notes
        starts = [p[0] for p in paragraphs]

        def paragraph_of(offset: int) -> int:  # the one it is in, or the one before a gap
            return max(0, bisect_right(starts, offset) - 1)
        # Everything is sorted into its paragraphs once: linear in the size of the text.
        findings: dict[int, list] = {}
        for f in self.report.findings:
            findings.setdefault(paragraph_of(f.start), []).append(f)
        quote_spans: dict[int, list] = {}
        tags: dict[int, dict] = {}
        for q in self.ctx.quotations:
            for a, b in ([(p.start, p.end) for p in q.parts] or [(q.start, q.end)]):
                k = paragraph_of(a)
                while k < len(paragraphs) and paragraphs[k][0] < b:
                    start, end = paragraphs[k]
                    if a < end:
                        quote_spans.setdefault(k, []).append((max(a, start), min(b, end), q))
                    k += 1
            if q.kind == "speech" and not q.depth and not q.partial and q.end > 0:
                k = paragraph_of(q.end - 1)
                if paragraphs[k][0] < q.end <= paragraphs[k][1]:
                    tags.setdefault(k, {})[q.end] = q
        parts = []
        for k, (start, end) in enumerate(paragraphs):
            found = findings.get(k, [])
            text = self._paragraph(start, end, quote_spans.get(k, []), found, tags.get(k, {}))
            parts.append(f"<div class=\"para{' has-notes' if found else ''}\"><p class=\"text\">{text}</p>"
                         f"{self._notes(found)}</div>")
        return "".join(parts)

    def _paragraph(self, start: int, end: int, quote_spans: list, findings: list, tags: dict) -> str:
        """The paragraph's text cut at every quotation and finding boundary, each piece
        wrapped in the classes of what covers it; a numbered marker where a finding starts
        (kept inside the paragraph), the speaker's name after a full quotation."""
        text = self.ctx.doc.text
        finding_spans = []
        for f in findings:
            a = min(max(f.start, start), end)
            finding_spans.append((a, max(a, min(f.end, end)), f))
        cuts = {start, end}
        for a, b, _ in quote_spans + finding_spans:
            cuts.update((a, b))
        cuts = sorted(cuts)
        markers: dict[int, list] = {}
        for a, _, f in finding_spans:
            markers.setdefault(a, []).append(f)
        out = []
        for a, b in zip(cuts, cuts[1:] + [None]):
            for f in markers.get(a, ()):
                fid = self.finding_ids[id(f)]
                out.append(f"<a class=\"mk sev-{f.severity.value}\" id=\"at-{fid}\" href=\"#{fid}\" "
                           f"aria-label=\"{f.severity.value} {escape(f.rule)}, note {fid.rsplit('f', 1)[1]}\">"
                           f"{fid.rsplit('f', 1)[1]}</a>")
            if b is None or b <= a:
                continue
            piece = escape(text[a:b])
            inside = [q for qa, qb, q in quote_spans if qa <= a and b <= qb]
            flagged = [f for fa, fb, f in finding_spans if fa <= a and b <= fb]
            classes, attrs = [], ""
            if inside:
                q = max(inside, key=lambda q: q.depth)
                classes.append(self.quote_class[q.index])
                attrs = f" title=\"{escape(self._speaker_note(q), quote=True)}\""
            if flagged:
                worst = max(flagged, key=lambda f: f.severity.rank).severity.value
                classes.append(f"fl fl-{worst}")
            out.append(f"<span class=\"{' '.join(classes)}\"{attrs}>{piece}</span>" if classes else piece)
            if b in tags:
                out.append(self._tag(tags[b]))
        return "".join(out)

    def _tag(self, q) -> str:
        """Who speaks, right after the quotation: seen without hovering, and in print."""
        a = self.ctx.attributions[q.index]
        cls = self.quote_class[q.index].split()[1]
        if a.candidates:
            who = " or ".join(a.candidates) + "?"
        elif a.speaker:
            who = a.speaker
        else:
            who = "no speaker"
        return f"<span class=\"tag {cls}\"><span class=\"visually-hidden\">speaker: </span>{escape(who)}</span>"

    def _speaker_note(self, q) -> str:
        a = self.ctx.attributions[q.index]
        if q.kind != "speech":
            return f"{q.kind} in quotation marks"
        if a.candidates:
            return "speaker ambiguous: " + " or ".join(a.candidates)
        if not a.speaker:
            named = f": “{a.mention.text}” names no one in the text" if a.mention is not None else ""
            return "no speaker found" + named
        named = f", named as “{a.mention.text}”" if a.mention is not None else ""
        probability = getattr(a, "probability", None)
        sure = f"probability {probability:.2f}" if probability is not None else f"confidence {a.confidence:.2f}"
        return f"{a.speaker}{named} ({a.method}, {sure})"

    # ---- findings

    def _notes(self, findings: list) -> str:
        if not findings:
            return ""
        return "<ol class=\"notes\">" + "".join(self._note(f) for f in findings) + "</ol>"

    def _note(self, f) -> str:
        fid = self.finding_ids[id(f)]
        sev = f.severity.value
        extra = ""
        if f.rule in REFERENCE_RULES:
            extra = self._diff(f)
        elif f.fix:
            extra = f"<p class=\"fix\"><span class=\"label\">Suggested</span> {escape(f.fix)}</p>"
        return (f"<li class=\"note sev-{sev}\" id=\"{fid}\" data-sev=\"{sev}\" tabindex=\"-1\">"
                f"<div class=\"note-head\"><a class=\"mk sev-{sev}\" href=\"#at-{fid}\" "
                f"aria-label=\"back to the text\">{fid.rsplit('f', 1)[1]}</a>"
                f"<span class=\"sev-label\">{sev}</span>"
                f"<a class=\"rule-link\" href=\"#rule-{escape(f.rule)}\"><code>{escape(f.rule)}</code></a>"
                f"<span class=\"where\">line {f.line}, column {f.column}</span></div>"
                f"<p class=\"msg\">{escape(f.message)}</p>{extra}</li>")

    def _diff(self, f) -> str:
        """The quotation against the record, word by word: deletions struck, insertions marked."""
        seg = self._segment(f)
        if seg is None:
            reference = f.data.get("reference")
            return f"<p class=\"record\"><span class=\"label\">Record</span> {escape(reference)}</p>" if reference else ""
        ref = seg.reference
        article = self.ctx.doc.text[seg.start:seg.end]
        source = escape(ref.describe())
        if ref.url and ref.url.startswith(("https://", "http://")):
            source = f"<a href=\"{escape(ref.url, quote=True)}\" rel=\"noopener noreferrer\">{source}</a>"
        who = f"{escape(ref.speaker)}, " if ref.speaker else ""
        return (f"<div class=\"diff\"><p class=\"diff-line\"><span class=\"label\">Article → record</span> "
                f"{word_diff_html(article, seg.aligned)}</p>"
                f"<p class=\"record\"><span class=\"label\">Record</span> “{escape(ref.text)}” "
                f"<span class=\"muted\">— {who}{source}</span></p></div>")

    def _segment(self, f):
        matches = self.ctx.matches
        if matches is None or f.quote is None or matches[f.quote] is None:
            return None
        return next((s for s in matches[f.quote].segments if s.start == f.start and s.end == f.end), None)


def word_diff_html(article: str, record: str) -> str:
    """The article's words with what the record has instead: <del> for the article's
    words the record lacks, <ins> for the record's words the article lacks. Words equal
    up to case and punctuation count as the same."""
    a_words, r_words = words(article), words(record)
    matcher = difflib.SequenceMatcher(None, [normalize(w) for w in a_words], [normalize(w) for w in r_words],
                                      autojunk=False)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            out.append(escape(" ".join(a_words[i1:i2])))
            continue
        if i2 > i1:
            out.append(f"<del>{escape(' '.join(a_words[i1:i2]))}</del>")
        if j2 > j1:
            out.append(f"<ins>{escape(' '.join(r_words[j1:j2]))}</ins>")
    return " ".join(out)


# ---------------------------------------------------------------- style and script

_CSS = """
:root{--ink:#1d2433;--muted:#5b6475;--paper:#fbfaf7;--card:#fff;--line:#e4e1d9;--accent:#233e7a;
--error:#b42318;--error-bg:#fde8e6;--warning:#9a4a00;--warning-bg:#fdf0dc;--info:#1d5fa8;--info-bg:#e3eefb;
--s0:#0d7680;--s0-bg:#d3f0f2;--s1:#6b3fc4;--s1-bg:#ece4fb;--s2:#b8430d;--s2-bg:#fde6d6;--s3:#2f7a12;--s3-bg:#e1f2d6;
--s4:#b0186c;--s4-bg:#fbe2f0;--s5:#1b4ea8;--s5-bg:#dce6fa;--s6:#80570a;--s6-bg:#f5ead0;--s7:#4a5568;--s7-bg:#e5e8ee}
@media (prefers-color-scheme:dark){:root{--ink:#e8e6e1;--muted:#a3a9b6;--paper:#16181d;--card:#1f2229;--line:#343844;
--accent:#9db7f0;--error:#ff8a7a;--error-bg:#3d1f1c;--warning:#f4b35e;--warning-bg:#3a2c17;--info:#8cbcf5;--info-bg:#1b2b40;
--s0:#5cc8d0;--s0-bg:#143a3d;--s1:#b69cf5;--s1-bg:#2d2445;--s2:#f59a67;--s2-bg:#42271a;--s3:#8bcf6c;--s3-bg:#1f3518;
--s4:#f08cc4;--s4-bg:#3f1d30;--s5:#8fb0f2;--s5-bg:#1d2a47;--s6:#dcb767;--s6-bg:#3a2f16;--s7:#b4bccb;--s7-bg:#2c3039}}
*{box-sizing:border-box}
html{background:var(--paper);color:var(--ink)}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,[tabindex]:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px;border-radius:3px}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5em 1em}
.skip:focus{left:1em;z-index:2}
.top{padding:1.6rem clamp(1rem,4vw,3rem) 1rem;border-bottom:1px solid var(--line);background:var(--card)}
.path{margin:0;color:var(--muted);font-size:.85rem;word-break:break-all}
.tiles{margin-top:1rem!important}
.brand{margin:0;font-size:.78rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted)}
h1{margin:.2rem 0 .1rem;font:600 1.5rem/1.25 Georgia,"Iowan Old Style","Times New Roman",serif;word-break:break-word}
h2{font-size:1.05rem;margin:0 0 .6rem}
.tiles{display:flex;flex-wrap:wrap;gap:.6rem;list-style:none;margin:0;padding:0}
.tile{border:1px solid var(--line);border-radius:10px;padding:.45rem .9rem;min-width:7.5rem;background:var(--paper);color:var(--muted)}
.tile strong{display:block;font-size:1.45rem;line-height:1.2;color:var(--ink)}
.tile-error strong{color:var(--error)}.tile-warning strong{color:var(--warning)}.tile-info strong{color:var(--info)}
.summary-line{color:var(--muted);margin:.7rem 0 0;font-size:.9rem}
.controls{margin-top:.8rem;display:flex;flex-wrap:wrap;gap:1rem;align-items:center;font-size:.9rem;color:var(--muted)}
.controls[hidden]{display:none}
kbd{border:1px solid var(--line);border-bottom-width:2px;border-radius:4px;padding:0 .35em;font-size:.85em;background:var(--paper)}
main{padding:1.5rem clamp(1rem,4vw,3rem) 3rem;max-width:86rem;margin:0 auto}
.toc,.input-errors{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:1rem 1.4rem;margin-bottom:1.5rem}
.toc ol{margin:0;padding-left:1.4rem}.toc li{margin:.25rem 0}
.file{margin-bottom:3rem}
.file-title{font-size:1.15rem;margin:2rem 0 .2rem;word-break:break-all}
.legend{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.8rem 1.1rem;margin:0 0 1.8rem}
.legend-title{font-size:.75rem;letter-spacing:.08em;text-transform:uppercase;color:var(--muted);margin:0 0 .2rem}
.legend ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.6rem}
.who{display:grid;grid-template-columns:1.1rem auto;column-gap:.55rem;align-content:start;margin:.3rem 0;border-radius:6px;padding:.15rem .3rem;width:21rem}
.who-name{font-weight:600}
.who-meta{grid-column:2;font-size:.82rem;color:var(--muted)}
.sw{width:1.1rem;height:1.1rem;border-radius:4px;margin-top:.18rem;border:2px solid transparent}
.article{font:1.08rem/1.7 Georgia,"Iowan Old Style","Charter","Times New Roman",serif}
.para{display:grid;grid-template-columns:minmax(0,42rem) minmax(17rem,1fr);column-gap:2rem;margin:0 0 1.1rem;align-items:start}
.text{margin:0;grid-column:1}
.notes{grid-column:2}
@media (max-width:1000px){.para{display:block}}
.q{border-radius:3px;padding:.05em 0;box-decoration-break:clone;-webkit-box-decoration-break:clone}
""" + "".join(f".s{i}{{background:var(--s{i}-bg);box-shadow:inset 0 -2px 0 var(--s{i})}}"
              f".sw.s{i}{{background:var(--s{i}-bg);border-color:var(--s{i})}}" for i in range(PALETTE_SIZE)) + """
.q-amb{background:repeating-linear-gradient(135deg,var(--s7-bg) 0 5px,transparent 5px 9px);box-shadow:inset 0 -2px 0 var(--muted)}
.tag{display:inline-block;margin:0 .2em 0 .3em;padding:0 .45em;border-radius:4px;font:600 .68rem/1.5 system-ui,sans-serif;
vertical-align:.15em;letter-spacing:.02em;box-shadow:none;color:var(--ink)}
.tag.q-none{outline:1px dashed var(--muted);color:var(--muted)}
.tag.q-amb{box-shadow:none;outline:1px solid var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.sw.q-amb{border-color:var(--muted)}
.q-none{background:transparent;outline:1.5px dashed var(--muted);outline-offset:0}
.sw.q-none{border:2px dashed var(--muted)}
.q-term{background:transparent;box-shadow:inset 0 -1px 0 var(--muted)}
.sw.q-term{border-color:var(--line);background:transparent;box-shadow:inset 0 -3px 0 var(--muted)}
.fl{text-decoration:underline wavy;text-decoration-thickness:1.5px;text-underline-offset:4px;text-decoration-skip-ink:none}
.fl-error{text-decoration-color:var(--error)}.fl-warning{text-decoration-color:var(--warning)}.fl-info{text-decoration-color:var(--info)}
.mk{display:inline-block;min-width:1.35em;height:1.35em;padding:0 .3em;margin:0 .15em;border-radius:.7em;font:700 .68rem/1.35em system-ui,sans-serif;
text-align:center;text-decoration:none;vertical-align:.35em;color:#fff}
.mk.sev-error{background:var(--error)}.mk.sev-warning{background:var(--warning)}.mk.sev-info{background:var(--info)}
@media (prefers-color-scheme:dark){.mk{color:#111}}
.notes{list-style:none;margin:0;padding:0;font:.9rem/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.note{background:var(--card);border:1px solid var(--line);border-left:4px solid;border-radius:8px;padding:.5rem .75rem;margin:0 0 .5rem}
@media (max-width:1000px){.note{margin:.5rem 0}}
.note.sev-error{border-left-color:var(--error)}.note.sev-warning{border-left-color:var(--warning)}.note.sev-info{border-left-color:var(--info)}
.note:target,.note:focus{box-shadow:0 0 0 3px var(--accent)}
.note-head{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.note-head .mk{margin:0}
.sev-label{font-weight:700;text-transform:uppercase;font-size:.72rem;letter-spacing:.06em}
.sev-error .sev-label{color:var(--error)}.sev-warning .sev-label{color:var(--warning)}.sev-info .sev-label{color:var(--info)}
.rule-link code{font-size:.85rem}
.where{color:var(--muted);font-size:.8rem;margin-left:auto}
.msg{margin:.3rem 0 0}
.label{display:inline-block;font-size:.7rem;letter-spacing:.06em;text-transform:uppercase;color:var(--muted);margin-right:.4rem}
.diff,.fix{margin-bottom:0;margin-top:.45rem;padding-top:.45rem;border-top:1px dashed var(--line)}
.diff p{margin:.2rem 0}
.diff-line{font-family:Georgia,"Times New Roman",serif;font-size:.98rem}
del{background:var(--error-bg);color:var(--error);text-decoration:line-through;text-decoration-thickness:1.5px;padding:0 .15em;border-radius:3px}
ins{background:#dff3e3;color:#17692b;text-decoration:none;border-bottom:2px solid #3a9b53;padding:0 .15em;border-radius:3px}
@media (prefers-color-scheme:dark){ins{background:#183522;color:#8fe0a5}}
.record{color:var(--muted)}
.badge{display:inline-block;font-size:.75rem;border-radius:999px;padding:0 .55em;border:1px solid var(--line);color:var(--muted);font-weight:500}
.badge.sev-error{color:var(--error);border-color:var(--error)}.badge.sev-warning{color:var(--warning);border-color:var(--warning)}
.badge.sev-info{color:var(--info);border-color:var(--info)}
.muted{color:var(--muted)}
.rules{margin-top:3rem;border-top:1px solid var(--line);padding-top:1.5rem;max-width:52rem}
.rule{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:.9rem 1.2rem;margin:0 0 1rem}
.rule:target{box-shadow:0 0 0 3px var(--accent)}
.rule h3{margin:0 0 .3rem;font-size:1rem}.rule h4{margin:.7rem 0 .1rem;font-size:.85rem;color:var(--muted)}
.rule p{margin:.2rem 0}.rule-summary{font-weight:600}
.rule pre{white-space:pre-wrap;background:var(--paper);border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;font-size:.85rem;margin:.2rem 0}
footer{color:var(--muted);font-size:.8rem;padding:1rem clamp(1rem,4vw,3rem);border-top:1px solid var(--line)}
body.dim .q:not(.hl){opacity:.35}
.who:hover,.who:focus-within{background:var(--paper)}
.hide-error .note.sev-error,.hide-warning .note.sev-warning,.hide-info .note.sev-info{display:none}
.hide-error .mk.sev-error,.hide-warning .mk.sev-warning,.hide-info .mk.sev-info{display:none}
.hide-error .fl-error,.hide-warning .fl-warning,.hide-info .fl-info{text-decoration:none}
@media print{
:root{--paper:#fff;--card:#fff}
html,body{background:#fff;font-size:10.5pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.controls,.skip,footer{display:none}
.top{border:0;padding:0 0 .5rem}
main{padding:0;max-width:none}
.para{display:block}
.legend{margin-bottom:1rem;break-inside:avoid}
.note,.rule,.tile{break-inside:avoid}
.file+.file{break-before:page}
a{color:inherit;text-decoration:none}
.article{font-size:11pt}
}
"""

_SCRIPT = """
(function(){
var body=document.body;
var controls=document.querySelector('.controls');
if(controls){controls.hidden=false;
controls.addEventListener('change',function(e){var s=e.target.getAttribute('data-filter');
if(s){body.classList.toggle('hide-'+s,!e.target.checked);}});}
function visible(){return Array.prototype.filter.call(document.querySelectorAll('.text .mk'),
function(m){return m.offsetParent!==null;});}
document.addEventListener('keydown',function(e){
if(e.altKey||e.ctrlKey||e.metaKey||/INPUT|TEXTAREA|SELECT/.test(e.target.tagName))return;
if(e.key!=='j'&&e.key!=='k')return;
var marks=visible();if(!marks.length)return;
var i=marks.indexOf(document.activeElement);
i=e.key==='j'?(i<0?0:Math.min(i+1,marks.length-1)):(i<0?marks.length-1:Math.max(i-1,0));
marks[i].focus();marks[i].scrollIntoView({block:'center'});e.preventDefault();});
Array.prototype.forEach.call(document.querySelectorAll('.who[data-swatch]'),function(row){
var cls=row.getAttribute('data-swatch');var article=row.closest('.file');row.tabIndex=0;
function on(){body.classList.add('dim');Array.prototype.forEach.call(article.querySelectorAll('.q.'+cls),
function(q){q.classList.add('hl');});}
function off(){body.classList.remove('dim');Array.prototype.forEach.call(document.querySelectorAll('.q.hl'),
function(q){q.classList.remove('hl');});}
row.addEventListener('mouseenter',on);row.addEventListener('mouseleave',off);
row.addEventListener('focus',on);row.addEventListener('blur',off);});
})();
"""
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
