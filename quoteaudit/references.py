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
summary; ``--strict`` makes any bad row an error (exit 2).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass, field

import yaml

from .document import InputErrorException, decode
from .model import InputError

MAX_YAML_NODES = 1_000_000


@dataclass
class Reference:
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
        surnames: dict[str, list[Person]] = {}
        for person in self.persons:
            for name in person.names:
                self._by_name[name.casefold()] = person
                surnames.setdefault(name.split()[-1].casefold(), []).append(person)
        self._by_surname = {k: v[0] for k, v in surnames.items() if len({id(p) for p in v}) == 1}

    def add(self, person: Person) -> None:
        self.persons.append(person)
        self._rebuild()

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
        return self._by_name.get(key) or (self._by_surname.get(key) if " " not in key else None)

    def by_title(self, phrase: str) -> list[Person]:
        phrase = phrase.casefold().strip()
        return [p for p in self.persons if any(t.casefold() == phrase for t in p.titles)]

    def __len__(self) -> int:
        return len(self.persons)


@dataclass
class Loaded:
    references: "ReferenceSet | None"
    people: People | None
    errors: list[InputError] = field(default_factory=list)
    skipped: int = 0


class ReferenceSet:
    """Reference quotations from one or more files, with the content hash that keys
    their on-disk index. The rows themselves may be absent (``rows is None``) when a
    cached index already holds them; ``index()`` opens or builds it."""

    def __init__(self, paths: list[str], digest: str, rows: list[Reference] | None) -> None:
        self.paths = paths
        self.digest = digest
        self.rows = rows
        self._index = None

    def __getstate__(self):
        # A worker process (--jobs) opens its own connection to the index.
        state = dict(self.__dict__)
        state["_index"] = None
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

    The files' content hash keys the on-disk index: when it is already built, the
    quotation rows are not parsed again (only YAML files, for their people).
    Articles and transcripts (refdocs.py) are always read: their rows carry what the
    index does not keep (narration or quotation, line and column). ``speakers`` maps
    a plain transcript's path (or "*" for every one) to the person speaking in it."""
    from .refdocs import document_paths, reader_key
    from .refindex import cached_index_exists
    loaded = Loaded(references=None, people=None)
    paths = document_paths(paths, loaded.errors)
    digests: dict[str, str] = {}
    for path in paths:
        try:
            digests[path] = file_digest(path) + reader_key(path, speakers)
        except InputErrorException as exc:
            loaded.errors.append(exc.error)
    key = hashlib.sha256("".join(digests.values()).encode()).hexdigest()
    reuse = (bool(digests) and not need_rows and cached_index_exists(key)
             and not any(reader_key(p, speakers) for p in digests))
    rows: list[Reference] = []
    people = People()
    for path in digests:
        if reuse and os.path.splitext(path)[1].lower() not in YAML_EXTENSIONS:
            continue
        try:
            file_rows, file_people, errors = parse_reference_file(path, _read_text(path), speakers)
        except InputErrorException as exc:
            loaded.errors.append(exc.error)
            continue
        rows.extend(file_rows)
        for person in file_people:
            people.add(person)
        loaded.errors.extend(errors)
        loaded.skipped += len(errors)
    if not strict:
        # Bad rows are skipped and counted; only whole-file problems stay errors.
        loaded.errors = [e for e in loaded.errors if not getattr(e, "row_error", False)]
    if reuse:
        loaded.references = ReferenceSet(list(digests), key, None)
    elif rows:
        loaded.references = ReferenceSet(list(digests), key, rows)
    _add_reference_speakers(people, rows)
    loaded.people = people if len(people) else None
    return loaded


YAML_EXTENSIONS = (".yml", ".yaml")


def file_digest(path: str) -> str:
    """SHA-256 of a file, read in chunks (reference dumps can be large)."""
    if not os.path.exists(path):
        raise InputErrorException(InputError(path, "no such file"))
    if os.path.isdir(path):
        raise InputErrorException(InputError(path, "is a directory, not a file"))
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as exc:
        raise InputErrorException(InputError(path, f"cannot read: {exc.strerror}")) from None
    return digest.hexdigest()


def _add_reference_speakers(people: People, rows: list[Reference]) -> None:
    """Speakers of the quotations parsed here join the registry, so their names resolve
    (a huge dump's speakers are left to its people: section)."""
    if len(rows) > 10_000:
        return
    for ref in rows:
        if ref.speaker and people.find(ref.speaker) is None:
            if ref.line is None:
                people.add(Person(ref.speaker))
            elif len(ref.speaker.split()) >= 2:
                # From an article or transcript: full names only ("Mexicans say" names nobody).
                people.add(Person(ref.speaker, named_only=True))


def _read_text(path: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read()
    return decode(data, path)  # the same one-line errors as articles: binary, bad UTF-8 (with its line)


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


def _str(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def _parse_yaml(path: str, text: str):
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None:
            _refuse_expansion(path, node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise InputErrorException(InputError(path, f"invalid YAML: {problem}",
                                             mark.line + 1 if mark else None)) from None
    finally:
        loader.dispose()
    rows: list[Reference] = []
    persons: list[Person] = []
    errors: list[InputError] = []
    if data is None:
        return rows, persons, errors
    quote_nodes, people_nodes = _yaml_sections(path, data, node)
    for item, item_node in quote_nodes:
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not _str(item.get("text")):
            errors.append(_row_error(path, line, "reference quotation needs a non-empty 'text'"))
            continue
        rows.append(Reference(text=_str(item["text"]), speaker=_str(item.get("speaker")),
                              source=_str(item.get("source")), date=_str(item.get("date")),
                              url=_str(item.get("url")), id=_str(item.get("id"))))
    for item, item_node in people_nodes:
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or not _str(item.get("name")):
            errors.append(_row_error(path, line, "person needs a non-empty 'name'"))
            continue
        aliases, titles = item.get("aliases") or [], item.get("titles") or []
        gender = _str(item.get("gender"))
        if gender is not None and gender.casefold() not in GENDERS:
            errors.append(_row_error(path, line, f"person {_str(item['name'])}: gender '{gender}' is not one of "
                                                 "male, female, m, f"))
            continue
        gender = GENDERS[gender.casefold()] if gender is not None else None
        if not isinstance(aliases, list) or not isinstance(titles, list):
            errors.append(_row_error(path, line, "person: aliases and titles are lists"))
            continue
        persons.append(Person(_str(item["name"]), [str(a) for a in aliases], [str(t).lower() for t in titles],
                              gender))
    return rows, persons, errors


GENDERS = {"m": "m", "male": "m", "f": "f", "female": "f"}  # as users write it, in any case


def _yaml_sections(path, data, node):
    """(quotation items, people items), each paired with its YAML node for line numbers."""
    if isinstance(data, list):
        return list(zip(data, node.value)), []
    if isinstance(data, dict):
        unknown = set(data) - {"quotations", "people"}
        if unknown:
            key_node = next(k for k, _ in node.value if k.value in unknown)
            raise InputErrorException(InputError(
                path, f"unknown key '{key_node.value}' (expected 'quotations' and 'people')",
                key_node.start_mark.line + 1))
        sections = {k.value: v for k, v in node.value}
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
    refuse it past MAX_YAML_NODES before anything is built from it."""
    sizes: dict[int, int] = {}

    def size(node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        sizes[key] = 1  # a recursive alias counts once
        total = 1
        if isinstance(node, yaml.SequenceNode):
            total += sum(size(child) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            total += sum(size(k) + size(v) for k, v in node.value)
        sizes[key] = total
        if total > MAX_YAML_NODES:
            raise InputErrorException(InputError(
                path, f"refused: YAML aliases expand to more than {MAX_YAML_NODES:,} nodes "
                      "(an entity-expansion bomb?)", node.start_mark.line + 1))
        return total

    size(root)


def _parse_jsonl(path: str, text: str):
    rows: list[Reference] = []
    errors: list[InputError] = []
    for number, line in enumerate(io.StringIO(text), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(_row_error(path, number, f"invalid JSON: {exc.msg}"))
            continue
        if not isinstance(item, dict):
            errors.append(_row_error(path, number, "expected a JSON object"))
            continue
        quotation = _str(item.get("quotation") or item.get("text"))
        if not quotation:
            errors.append(_row_error(path, number, "no 'quotation' (Quotebank) or 'text'"))
            continue
        speaker = _str(item.get("speaker"))
        if speaker == "None":  # Quotebank's own word for an unattributed quotation
            speaker = None
        urls = item.get("urls") or []
        rows.append(Reference(text=quotation, speaker=speaker, source=_str(item.get("source")),
                              date=_str(item.get("date")), url=_str(item.get("url") or (urls[0] if urls else None)),
                              id=_str(item.get("quoteID") or item.get("id"))))
    return rows, errors


def _parse_csv(path: str, text: str):
    rows: list[Reference] = []
    errors: list[InputError] = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip().lower() for f in reader.fieldnames]:
        raise InputErrorException(InputError(path, "CSV needs a header row with a 'text' column", 1))
    for item in reader:
        item = {(k or "").strip().lower(): v for k, v in item.items()}
        line = reader.line_num
        if not _str(item.get("text")):
            errors.append(_row_error(path, line, "row has no 'text'"))
            continue
        rows.append(Reference(text=_str(item["text"]), speaker=_str(item.get("speaker")),
                              source=_str(item.get("source")), date=_str(item.get("date")),
                              url=_str(item.get("url")), id=_str(item.get("id"))))
    return rows, errors
