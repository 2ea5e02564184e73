"""What kind of source a speaker is: a person, an organisation, a document, an
anonymous source or a group.

Read from the mention and its resolution: a named person or a personal pronoun is a
person; a name with an organisation word ("Clinton Foundation", "The Washington Post")
or an acronym ("CNN") an organisation; a description's head noun decides the rest
(``data/source_types.txt``: "the report" is a document, "the newspaper" an
organisation, "protesters" a group); an unnamed, indefinite or plural role ("a senior
official", "officials", "a person familiar with the matter") is anonymous.
"""
from __future__ import annotations

from .. import lexicon
from ..regexes import regex
from .common import _is_role, source_links

TYPES = ("person", "organisation", "document", "anonymous", "group")
_INDEFINITE = frozenset(("a", "an", "one", "another", "some", "several", "two", "three", "many"))
_ACRONYM = regex(r"[A-Z]{2,6}")
_WORD = regex(r"[\w’'-]+")
_LINKS = frozenset(("of", "for", "to", "with", "on", "in", "about"))  # what stands after a head noun


def source_type(mention: str | None, names: list[str], kind: str, is_person) -> str | None:
    """The type of a source, or None when there is no source. is_person(name) tells whether
    the document or the registry knows the name as a person's."""
    if mention is None and not names:
        return None
    words = _WORD.findall(mention or "")
    lowered = [w.lower() for w in words]
    if kind in ("pronoun", "possessive", "relative"):
        word = lowered[0] if lowered else ""
        if names and word in ("they", "their") and not is_person(names[0]):
            return "group"  # "Organizers of the push said they are worried": the organizers
        if names:
            return _named(names[0], is_person)
        return {"it": "organisation", "its": "organisation", "they": "group", "their": "group",
                "we": "group", "which": "document"}.get(word, "person")
    if len(names) > 1:
        return "person"  # open between people: each is a person
    # The head noun: the last word, or the last before "of", "for", "to", ... ("the leader of
    # Kazakhstan", "a spokesman for the campaign", "an adviser to Mr. Cruz").
    of = next((i for i, w in enumerate(lowered) if i and w in _LINKS), len(lowered))
    if 1 < of < len(lowered) and (lowered[of - 1], lowered[of]) in source_links()[0]:
        of -= 1  # "a person close to the campaign": the person
    head = lowered[of - 1] if of else ""
    types = lexicon.table("source_types")
    if kind == "description" or (lowered and lowered[0] in lexicon.words("determiners")):
        if names:
            return _named(names[0], is_person)
        if head in types:
            return types[head]
        if _is_role(head) or head.endswith(("man", "woman")):
            titles = lexicon.words("titles")
            plural = head.endswith("s") and head[:-1] in titles
            indefinite = lowered[0] in _INDEFINITE
            return "anonymous" if plural or indefinite else "person"
        named = " ".join(w for w in words if w[:1].isupper())
        if named and names_a_body(named):
            return "organisation"  # "the Associated Press": an outlet, not a group
        return "group" if head.endswith("s") and len(head) > 3 else "organisation"
    name = names[0] if names else (mention or "")
    return _named(name, is_person)


def _named(name: str, is_person) -> str:
    words = name.split()
    if is_person(name):
        return "person"
    types = lexicon.table("source_types")
    if words and words[-1].lower() in types and types[words[-1].lower()] == "document":
        return "document"
    if names_a_body(name):
        return "organisation"
    return "person"  # a name, or a surname alone ("Woodward")


def names_a_body(name: str) -> bool:
    """Whether a name is an organisation's by its words: an acronym ("CNN"), an outlet
    ("The Washington Post") or an organisation word ("Clinton Foundation")."""
    words = name.split()
    return bool(_ACRONYM.fullmatch(name) or (words and words[-1].lower() in lexicon.words("outlets"))
                or any(_strip_possessive(w).lower() in lexicon.words("org_words") for w in words))


def _strip_possessive(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word
