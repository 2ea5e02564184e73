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
from bisect import bisect_right
from collections import Counter
from html import escape

from .. import __version__
from .. import rules as rule_registry
from ..normalize import normalize, words
from ..regexes import regex
from .text import location, summary_line

SEVERITIES = ("error", "warning", "info")
PALETTE_SIZE = 8  # speaker colours s0..s7 in assets/review.css; further speakers reuse them in turn
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


_SECTION = regex(r"^([A-Z][A-Za-z ]+):\s*$")


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
            elif a.mention is not None:
                self.quote_class[q.index] = "q q-unnamed"  # "said a person close to the Clintons"
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
                                               "type": a.source_type})
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
                        if self.quote_class[q.index].split()[1] in ("q-amb", "q-unnamed", "q-none", "q-term"))
        labels = {"q-amb": "speaker ambiguous (several candidates)", "q-unnamed": "unnamed source",
                  "q-none": "no speaker found", "q-term": "term or title in quotation marks"}
        candidates = Counter(c for q in self.ctx.quotations if self.quote_class[q.index] == "q q-amb"
                             for c in self.ctx.attributions[q.index].candidates)
        unnamed = Counter(self.ctx.attributions[q.index].mention.text for q in self.ctx.quotations
                          if self.quote_class[q.index] == "q q-unnamed")
        between = {"q-amb": " · between " + ", ".join(escape(c) for c, _ in candidates.most_common())
                   if candidates else "",
                   "q-unnamed": " · named as " + ", ".join(f"{escape(m)}{' ×' + str(n) if n > 1 else ''}"
                                                           for m, n in unnamed.most_common()) if unnamed else ""}
        for cls, label in labels.items():
            if other[cls]:
                rows.append(f"<li class=\"who\" data-swatch=\"{cls}\"><span class=\"sw {cls}\"></span>"
                            f"<span class=\"who-name\">{label}</span><span class=\"who-meta\">{other[cls]} "
                            f"quotation{'s' if other[cls] != 1 else ''}{between.get(cls, '')}</span></li>")
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
        elif a.mention is not None:
            who = a.mention.text  # an unnamed source, as the article words it
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
            if a.mention is not None:
                return f"unnamed source: “{a.mention.text}” names no one in the text"
            return "no speaker found"
        named = f", named as “{a.mention.text}”" if a.mention is not None else ""
        probability = a.probability
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
            reference = (f.data or {}).get("reference")
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

_ASSETS = os.path.join(os.path.dirname(__file__), "assets")


def _asset(name: str) -> str:
    with open(os.path.join(_ASSETS, name), encoding="utf-8") as fh:
        return fh.read()


_CSS = _asset("review.css")
_SCRIPT = _asset("review.js")
_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")
