"""A fast stand-in for spaCy's attribute ruler: its one-token patterns by dictionary.

The English pipeline's attribute ruler runs a token Matcher (with regex patterns)
over every sentence and costs more than the tagger. Nearly all of its patterns
test one token's tag, word and dependency and set POS and morphology; this
component applies exactly those, in the ruler's order, by dictionary lookup, and
leaves out the few multi-token and regex exceptions (colloquial spellings).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["TagMap", "install_tag_map"]

_KEYS = ("TAG", "LOWER", "DEP")
_Rule = tuple[int, str | None, str | None, str | None]  # order, POS, MORPH, LEMMA


def _key_of(token: Token, fields: tuple[str, ...]) -> tuple[str, ...]:
    values = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_}
    return tuple(values[f] for f in fields)


class TagMap:
    """Sets ``pos``, ``morph`` and ``lemma`` as the attribute ruler's simple patterns do."""

    def __init__(self, tables: dict[tuple[str, ...], dict[tuple[str, ...], list[_Rule]]]) -> None:
        self.tables = tables
        self.cache: dict[tuple[str, str, str], tuple[str | None, str | None, str | None]] = {}

    def _resolve(self, token: Token) -> tuple[str | None, str | None, str | None]:
        rules: list[_Rule] = []
        for fields, table in self.tables.items():
            rules.extend(table.get(_key_of(token, fields), ()))
        pos: str | None = None
        morph: str | None = None
        lemma: str | None = None
        for _, rule_pos, rule_morph, rule_lemma in sorted(rules):
            pos = rule_pos or pos
            morph = rule_morph or morph
            lemma = rule_lemma or lemma
        return pos, morph, lemma

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_)
            found = self.cache.get(key)
            if found is None:
                found = self._resolve(token)
                if len(self.cache) < 200_000:
                    self.cache[key] = found
            pos, morph, lemma = found
            if pos is not None:
                token.pos_ = pos
            if morph is not None:
                token.set_morph(morph)  # type: ignore[attr-defined]
            if lemma is not None:
                token.lemma_ = lemma
        return doc


def _fields(pattern: list[dict[str, Any]]) -> tuple[tuple[str, ...], list[tuple[str, ...]]] | None:
    """(fields, value tuples) of a one-token pattern on TAG/LOWER/DEP (strings or IN lists)."""
    if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= set(_KEYS):
        return None
    fields = tuple(k for k in _KEYS if k in pattern[0])
    options: list[list[str]] = []
    for key in fields:
        value = pattern[0][key]
        if isinstance(value, str):
            options.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            options.append([str(v) for v in value["IN"]])
        else:
            return None
    return fields, [tuple(combo) for combo in product(*options)]


def install_tag_map(nlp: Language) -> None:
    """Replace the pipeline's ``attribute_ruler`` by a :class:`TagMap` of its simple patterns."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    tables: dict[tuple[str, ...], dict[tuple[str, ...], list[_Rule]]] = {}
    ruler: Any = nlp.get_pipe("attribute_ruler")
    for order, entry in enumerate(ruler.patterns):
        attrs = entry["attrs"]
        rule: _Rule = (order, attrs.get("POS"), attrs.get("MORPH"), attrs.get("LEMMA"))
        for pattern in entry["patterns"]:
            found = _fields(pattern)
            if found is not None:
                fields, combos = found
                for values in combos:
                    tables.setdefault(fields, {}).setdefault(values, []).append(rule)
    component: Callable[[Doc], Doc] = TagMap(tables)
    name = f"parley_tag_map_{id(component)}"
    Language.component(name, func=component)
    nlp.replace_pipe("attribute_ruler", name)
