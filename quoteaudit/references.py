"""Reference sets: verified quotations and the people registry, loaded safely.

Formats, chosen by file extension:

- YAML (.yml, .yaml): a list of quotations, or a mapping with ``quotations:`` and
  ``people:``. A quotation: {text, speaker, source, date, url, id}. A person:
  {name, aliases, titles, gender}. Loaded with PyYAML's safe loader only; a
  document whose aliases would expand past MAX_YAML_NODES is refused (the
  "billion laughs" entity-expansion bomb).
- JSON Lines (.jsonl, .ndjson) in Quotebank's schema: quoteID, quotation, speaker,
  qids, date, probas, urls — a Quotebank dump works as it is.
- CSV (.csv) with a header row: text, speaker, source, date (id and url optional).

A bad row is reported with its file and line (row) and skipped, counted in the
summary; ``--strict`` makes any bad row an error (exit 2). Every value is checked
before it is used (keys of any type, nesting, huge integers, lone surrogates, blank
aliases, CSV fields of any size): a file's problem is one line naming it, never a
traceback. When a cached index spares the JSON Lines and CSV files a parse, what
that parse found (bad rows, file errors, the speakers) is read back from the index,
so a run with the cache reports exactly what a run without it reports.
"""
from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field


from .document import InputErrorException, check_regular_file, decode, read_bytes
from .model import InputError
from .regexes import regex

MAX_YAML_NODES = 1_000_000
MAX_ROW_MB = 16.0  # a JSON Lines or CSV row (a quotation with its metadata is kilobytes)
SPEAKERS_IN_REGISTRY = 10_000  # a set with more rows leaves its speakers to its people: section


@dataclass
class Reference:
    """One verified statement: its words, who said it, where and when it was published."""
    text: str
    speaker: str | None = None
    source: str | None = None
    date: str | None = None
    url: str | None = None
    id: str | None = None
    # Rows read from an article or transcript (refdocs.py): "quotation" words someone
    # said, "marked" words in marks that are no statement, or the writer's "narration";
    # line and column of the row's first character in that file.
    kind: str = "quotation"
    line: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """"Reuters, 2022-01-10" — where the record comes from ("orig.txt:12:5" for a
        row of an article or transcript)."""
        if self.line is not None:
            return f"{self.source}:{self.line}:{self.column}"
        parts = [p for p in (self.source, self.date) if p]
        return ", ".join(parts) if parts else (self.id or "the reference set")


@dataclass
class Person:
    """A person of the registry: the name, aliases, titles and gender."""
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    gender: str | None = None
    # Named in a reference article or transcript: known for name checks, but no part of
    # finding speakers (a copy is then read the same whatever it is compared with).
    named_only: bool = False

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


class People:
    """The people registry: who is who, by name, alias, surname or title."""

    def __init__(self, persons: list[Person] | None = None) -> None:
        self.persons: list[Person] = list(persons or [])
        self._rebuild()

    def _rebuild(self) -> None:
        self._attribution: tuple | None = None
        self._by_name: dict[str, Person] = {}
        self._surnames: dict[str, list[Person]] = {}
        for person in self.persons:
            self._index(person)

    def _index(self, person: Person) -> None:
        for name in person.names:
            if not name.split():
                continue  # a blank name names no one (the loader refuses them)
            self._by_name[name.casefold()] = person
            self._surnames.setdefault(name.split()[-1].casefold(), []).append(person)

    def add(self, person: Person) -> None:
        # Indexed as it comes: rebuilding for each of thousands of speakers was quadratic.
        self.persons.append(person)
        self._index(person)

    def for_attribution(self) -> "People | None":
        """The registry that takes part in finding speakers: without named_only people
        (built once, asked for every document)."""
        if not any(p.named_only for p in self.persons):
            return self
        if self._attribution is None:
            kept = [p for p in self.persons if not p.named_only]
            self._attribution = (People(kept) if kept else None,)
        return self._attribution[0]

    def find(self, name: str | None) -> Person | None:
        if not name:
            return None
        key = name.strip().casefold()
        found = self._by_name.get(key)
        if found is None and " " not in key:
            holders = self._surnames.get(key)
            if holders and all(p is holders[0] for p in holders):  # a surname only one person has
                found = holders[0]
        return found

    def by_title(self, phrase: str) -> list[Person]:
        phrase = phrase.casefold().strip()
        return [p for p in self.persons if any(t.casefold() == phrase for t in p.titles)]

    def __len__(self) -> int:
        return len(self.persons)


@dataclass
class Loaded:
    """What reading the reference files gave: the reference set, the people, the errors."""
    references: "ReferenceSet | None"
    people: People | None
    errors: list[InputError] = field(default_factory=list)
    skipped: int = 0


class ReferenceSet:
    """Reference quotations from one or more files, with the content hash that keys
    their on-disk index. The rows themselves may be absent (``rows is None``) when a
    cached index already holds them; ``index()`` opens or builds it."""

    def __init__(self, paths: list[str], digest: str | Callable[[], str], rows: list[Reference] | None,
                 load_errors: list[tuple[int, int | None, str, bool]] | None = None) -> None:
        self.paths = paths
        # The hash, or a function that works it out when first asked: `compare` indexes its
        # original on disk only when it is long, and hashing it costs a small one 4-6 ms.
        self._digest = digest
        self.rows = rows
        # What parsing the JSON Lines and CSV files found, (file position, line, message,
        # row error?): kept in the on-disk index for the runs that do not parse them.
        self.load_errors = load_errors or []
        self.memory_only = False  # set when the cache directory cannot be used
        self._index = None

    @property
    def digest(self) -> str:
        if callable(self._digest):
            self._digest = self._digest()
        return self._digest

    def __getstate__(self):
        # A worker process (--jobs) opens its own connection to the index.
        state = dict(self.__dict__)
        state["_index"] = None
        state["_digest"] = self.digest
        return state

    def index(self, progress=None):
        if self._index is None:
            from .refindex import open_index
            self._index = open_index(self, progress=progress)
        return self._index

    def __len__(self) -> int:
        return len(self.rows) if self.rows is not None else self.index().count()


# ---------------------------------------------------------------- loading

def load_references(paths: list[str], strict: bool = False, need_rows: bool = False,
                    speakers: dict[str, str] | None = None) -> Loaded:
    """Load every reference file given; errors are collected, never raised.

    The files' content hash keys the on-disk index: when it is already built (and
    sound), the quotation rows are not parsed again (only YAML files, for their
    people); what their parse found is read back from the index instead. Articles and
    transcripts (refdocs.py) are always read: their rows carry what the index does not
    keep (narration or quotation, line and column). ``speakers`` maps a plain
    transcript's path (or "*" for every one) to the person speaking in it."""
    from .refdocs import document_paths, reader_key
    from .refindex import cached_index, load_record
    loaded = Loaded(references=None, people=None)
    paths = document_paths(paths, loaded.errors)
    digests: dict[str, str] = {}
    for path in paths:
        try:
            digests[path] = file_digest(path) + reader_key(path, speakers)
        except InputErrorException as exc:
            loaded.errors.append(exc.error)
    import hashlib  # ~4 ms at import; only runs with references need it
    key = hashlib.sha256("".join(digests.values()).encode()).hexdigest()
    documents = any(reader_key(p, speakers) for p in digests)
    cached = cached_index(key) if digests and not need_rows and not documents else None
    record = load_record(cached) if cached else None
    reuse = record is not None
    rows: list[Reference] = []
    people = People()
    load_errors: list[tuple[int, int | None, str, bool]] = []
    for position, path in enumerate(digests):
        is_yaml = os.path.splitext(path)[1].lower() in YAML_EXTENSIONS
        if reuse and not is_yaml:
            errors = [_stored_error(path, line, message, row) for file, line, message, row in record.errors
                      if file == position]
        else:
            try:
                file_rows, file_people, errors = parse_reference_file(path, _read_text(path), speakers)
            except InputErrorException as exc:
                errors, file_rows, file_people = [exc.error], [], []
            except Exception as exc:  # a parser bug: this file is reported, the others still load
                from .inputs import internal_error
                errors, file_rows, file_people = [internal_error(path, exc)], [], []
            rows.extend(file_rows)
            for person in file_people:
                people.add(person)
            if not is_yaml:
                load_errors.extend((position, e.line, e.message, _is_row_error(e)) for e in errors)
        loaded.errors.extend(errors)
        loaded.skipped += sum(1 for e in errors if _is_row_error(e))
    if not strict:
        # Bad rows are skipped and counted; only whole-file problems stay errors.
        loaded.errors = [e for e in loaded.errors if not _is_row_error(e)]
    if reuse:
        loaded.references = ReferenceSet(list(digests), key, None)
        # every row's speaker, in file order, as parsing would give them (no article rows here)
        _add_reference_speakers(people, [(speaker, None) for speaker in record.speakers or ()])
    else:
        if rows:
            loaded.references = ReferenceSet(list(digests), key, rows, load_errors)
        if len(rows) <= SPEAKERS_IN_REGISTRY:
            _add_reference_speakers(people, [(r.speaker, r.line) for r in rows])
    loaded.people = people if len(people) else None
    return loaded


def _is_row_error(error: InputError) -> bool:
    return getattr(error, "row_error", False)


def _stored_error(path: str, line: int | None, message: str, row: bool) -> InputError:
    return _row_error(path, line, message) if row else InputError(path, message, line)


YAML_EXTENSIONS = (".yml", ".yaml")


def file_digest(path: str) -> str:
    """SHA-256 of a file, read in chunks (reference dumps can be large)."""
    check_regular_file(path)  # a FIFO or /dev/zero would never end
    import hashlib
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise InputErrorException(InputError(path, f"cannot read: {exc.strerror}")) from None
    return digest.hexdigest()


def _add_reference_speakers(people: People, speakers: list[tuple[str | None, int | None]]) -> None:
    """Speakers of the reference quotations join the registry, so their names resolve. One
    read from an article or a transcript (its row has a line) joins by a full name only
    ("Mexicans say" names nobody), and for name checks only."""
    for speaker, line in speakers:
        if speaker and speaker.split() and people.find(speaker) is None:
            if line is None:
                people.add(Person(speaker))
            elif len(speaker.split()) >= 2:
                people.add(Person(speaker, named_only=True))


def _read_text(path: str) -> str:
    # The same one-line errors as articles: not a regular file, binary, UTF-16, bad UTF-8
    # (with its line). A byte-order mark is no part of the first row or the CSV header.
    return decode(read_bytes(path, None), path).removeprefix("\ufeff")


def _row_error(path: str, line: int | None, message: str) -> InputError:
    error = InputError(path, message, line)
    error.row_error = True  # type: ignore[attr-defined]
    return error


def parse_reference_file(path: str, text: str, speakers: dict[str, str] | None = None,
                         ) -> tuple[list[Reference], list[Person], list[InputError]]:
    ext = os.path.splitext(path)[1].lower()
    from .refdocs import is_document, named_people, read_reference_document
    if is_document(path):
        return (read_reference_document(path, text, speakers),
                [Person(name, named_only=True) for name in named_people(path, text)], [])
    if ext in YAML_EXTENSIONS:
        return _parse_yaml(path, text)
    if ext in (".jsonl", ".ndjson"):
        rows, errors = _parse_jsonl(path, text)
        return rows, [], errors
    if ext == ".csv":
        rows, errors = _parse_csv(path, text)
        return rows, [], errors
    raise InputErrorException(InputError(path, f"unknown reference format '{ext or path}' "
                                               "(use .yml/.yaml, .jsonl, .csv, or an article or "
                                               "transcript: .txt, .md, .html)"))


class _BadValue(ValueError):
    """A field that cannot be read as text: the row is reported and skipped."""


_SURROGATE = regex("[\ud800-\udfff]")


def _str(value, field: str = "value") -> str | None:
    """A field as stripped text (None when absent or blank). Numbers and booleans read as
    written; a list or mapping, a number past Python's digit limit or a lone surrogate
    raise _BadValue naming the field."""
    if value is None:
        return None
    if isinstance(value, (list, dict, tuple, set)):
        raise _BadValue(f"'{field}' must be text, not a {'list' if isinstance(value, (list, tuple, set)) else 'mapping'}")
    try:
        value = str(value).strip()
    except ValueError:  # str() of an integer past the digit limit
        raise _BadValue(f"'{field}' is a number with too many digits") from None
    if _SURROGATE.search(value):
        raise _BadValue(f"'{field}' holds a lone surrogate, not Unicode text")
    return value or None


def _field(item: dict, *keys: str) -> str | None:
    """The first of keys present with a value (Quotebank's names, then ours)."""
    for key in keys:
        value = _str(item.get(key), key)
        if value is not None:
            return value
    return None


def _parse_yaml(path: str, text: str):
    import yaml  # here, not at the top: most runs read no YAML, and yaml costs ~20 ms to import
    loader = None
    try:
        loader = yaml.SafeLoader(text)  # refuses control characters as it is made
        node = loader.get_single_node()
        if node is not None:
            _refuse_expansion(path, node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or str(exc).splitlines()[0]).split())
        raise InputErrorException(InputError(path, f"invalid YAML: {problem}",
                                             mark.line + 1 if mark else None)) from None
    except RecursionError:
        raise InputErrorException(InputError(path, "invalid YAML: nested too deeply")) from None
    except ValueError as exc:  # an integer past Python's digit limit
        from .inputs import json_problem
        raise InputErrorException(InputError(path, f"invalid YAML: {json_problem(exc)}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    rows: list[Reference] = []
    persons: list[Person] = []
    errors: list[InputError] = []
    if data is None:
        return rows, persons, errors
    quote_nodes, people_nodes = _yaml_sections(path, data, node)
    for item, item_node in quote_nodes:
        line = item_node.start_mark.line + 1
        try:
            if not isinstance(item, dict):
                raise _BadValue("reference quotation needs a non-empty 'text'")
            rows.append(_reference(item, "reference quotation needs a non-empty 'text'"))
        except _BadValue as exc:
            errors.append(_row_error(path, line, str(exc)))
    for item, item_node in people_nodes:
        line = item_node.start_mark.line + 1
        try:
            persons.append(_person(item))
        except _BadValue as exc:
            errors.append(_row_error(path, line, str(exc)))
    return rows, persons, errors


GENDERS = {"m": "m", "male": "m", "f": "f", "female": "f"}  # as users write it, in any case


def _reference(item: dict, missing_text: str) -> Reference:
    """A quotation row of a YAML or CSV file: its text (missing_text when there is none)
    and what else it says of the quotation."""
    text = _str(item.get("text"), "text")
    if not text:
        raise _BadValue(missing_text)
    return Reference(text=text, speaker=_str(item.get("speaker"), "speaker"), source=_str(item.get("source"), "source"),
                     date=_str(item.get("date"), "date"), url=_str(item.get("url"), "url"), id=_str(item.get("id"), "id"))


def _person(item) -> Person:
    if not isinstance(item, dict) or not _str(item.get("name"), "name"):
        raise _BadValue("person needs a non-empty 'name'")
    name = _str(item["name"], "name")
    aliases, titles = item.get("aliases") or [], item.get("titles") or []
    gender = _str(item.get("gender"), "gender")
    if gender is not None and gender.casefold() not in GENDERS:
        raise _BadValue(f"person {name}: gender '{gender}' is not one of male, female, m, f")
    if not isinstance(aliases, list) or not isinstance(titles, list):
        raise _BadValue("person: aliases and titles are lists")
    alias_names = [_str(a, "aliases") for a in aliases]
    title_names = [_str(t, "titles") for t in titles]
    if None in alias_names or None in title_names:
        raise _BadValue("person: an alias or title is empty")
    return Person(name, alias_names, [t.lower() for t in title_names],
                  GENDERS[gender.casefold()] if gender is not None else None)


def _yaml_sections(path, data, node):
    import yaml
    """(quotation items, people items), each paired with its YAML node for line numbers."""
    if isinstance(data, list):
        return list(zip(data, node.value)), []
    if isinstance(data, dict):
        # Keys read from the nodes: a key may be a number, a boolean, null or a list in YAML.
        sections = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) and key_node.tag.endswith(":str") else None
            if key not in ("quotations", "people"):
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a list or mapping"
                raise InputErrorException(InputError(
                    path, f"unknown key '{shown}' (expected 'quotations' and 'people')",
                    key_node.start_mark.line + 1))
            sections[key] = value_node
        out = []
        for key in ("quotations", "people"):
            value = data.get(key) or []
            if not isinstance(value, list):
                raise InputErrorException(InputError(path, f"'{key}' must be a list",
                                                     sections[key].start_mark.line + 1))
            out.append(list(zip(value, sections[key].value)) if value else [])
        return out[0], out[1]
    raise InputErrorException(InputError(path, "expected a list of quotations or a mapping with "
                                               "'quotations' and 'people'", 1))


def _refuse_expansion(path: str, root) -> None:
    """Count the nodes the document expands to, following aliases (shared nodes), and
    refuse it past MAX_YAML_NODES before anything is built from it. Walked with a stack of
    its own: a deeply nested document does not exhaust Python's."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if not children_done:
            if key in sizes:
                continue
            sizes[key] = 1  # a recursive alias counts once
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
            continue
        total = 1 + sum(sizes[id(child)] for child in _children(node))
        sizes[key] = total
        if total > MAX_YAML_NODES:
            raise InputErrorException(InputError(
                path, f"refused: YAML aliases expand to more than {MAX_YAML_NODES:,} nodes "
                      "(an entity-expansion bomb?)", node.start_mark.line + 1))


def _children(node) -> list:
    import yaml
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    return []


def _split_rows(text: str):
    """(line number, line) of a JSON Lines file, split at "\n" only (U+2028 or NEL may
    stand raw inside a JSON string)."""
    return enumerate(text.split("\n"), start=1)


def _parse_jsonl(path: str, text: str):
    from .inputs import json_problem
    rows: list[Reference] = []
    errors: list[InputError] = []
    limit = int(MAX_ROW_MB * 1_000_000)
    for number, line in _split_rows(text):
        if not line.strip():
            continue
        if len(line) > limit:
            errors.append(_row_error(path, number, f"row longer than {MAX_ROW_MB:g} MB"))
            continue
        try:
            item = json.loads(line, strict=False)
        except RecursionError:
            errors.append(_row_error(path, number, "invalid JSON: nested too deeply"))
            continue
        except ValueError as exc:
            errors.append(_row_error(path, number, f"invalid JSON: {json_problem(exc)}"))
            continue
        if not isinstance(item, dict):
            errors.append(_row_error(path, number, "expected a JSON object"))
            continue
        try:
            rows.append(_quotebank_row(item))
        except _BadValue as exc:
            errors.append(_row_error(path, number, str(exc)))
    return rows, errors


def _quotebank_row(item: dict) -> Reference:
    quotation = _field(item, "quotation", "text")
    if not quotation:
        raise _BadValue("no 'quotation' (Quotebank) or 'text'")
    speaker = _str(item.get("speaker"), "speaker")
    if speaker == "None":  # Quotebank's own word for an unattributed quotation
        speaker = None
    urls = item.get("urls")
    if urls is not None and not isinstance(urls, list):
        raise _BadValue("'urls' must be a list of addresses")
    url = _field(item, "url") or (_str(urls[0], "urls") if urls else None)
    return Reference(text=quotation, speaker=speaker, source=_str(item.get("source"), "source"),
                     date=_str(item.get("date"), "date"), url=url, id=_field(item, "quoteID", "id"))


def _parse_csv(path: str, text: str):
    rows: list[Reference] = []
    errors: list[InputError] = []
    # The csv module's default field limit (128 KB) raises on a long quotation: allow a row's size.
    csv.field_size_limit(max(csv.field_size_limit(), int(MAX_ROW_MB * 1_000_000)))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames
        if not fieldnames or "text" not in [(f or "").strip().lower() for f in fieldnames]:
            raise InputErrorException(InputError(path, "CSV needs a header row with a 'text' column", 1))
        for item in reader:
            # A row longer than the header puts its extra fields under the key None.
            item = {(k or "").strip().lower(): v for k, v in item.items() if isinstance(k, str)}
            line = reader.line_num
            try:
                rows.append(_reference(item, "row has no 'text'"))
            except _BadValue as exc:
                errors.append(_row_error(path, line, str(exc)))
    except csv.Error as exc:
        raise InputErrorException(InputError(path, f"invalid CSV: {exc}", reader.line_num or None)) from None
    return rows, errors
