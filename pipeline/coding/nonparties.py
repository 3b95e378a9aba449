"""Non-parties and non-events: words that keep a named state or an act out of the record.

Three general habits of news writing, each read from ``data/nonparties.json``:

* a state named only as the home of a company ("the Japanese shipping group X",
  "one of the Philippines' largest port operators") is no state actor — a deal
  between companies is no act between states;
* a plural collective of a body ("more than 140 of the 193 member states of the
  United Nations recognise X") is not the body itself;
* an act in the clause of a likelihood word ("made it less likely that the two
  governments would cooperate") is an analyst's hypothesis, no event.
"""

from __future__ import annotations

from functools import cache

import orjson
from spacy.tokens import Token

from pipeline.coding.gazetteer import DATA_DIR

__all__ = ["company_home", "generic_member", "hypothetical"]

_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    raw = orjson.loads((DATA_DIR / "nonparties.json").read_bytes())
    keys = ("companies", "members", "likelihood")
    return {key: frozenset(str(w).lower() for w in raw[key]) for key in keys}


def company_home(token: Token) -> bool:
    """Whether an actor word only says where a company is from: it modifies a company noun
    ("Japanese" in "the Japanese shipping group", "Philippines'" in "the Philippines' operators")."""
    return token.dep_ in _MODIFIER_DEPS and token.head.lower_ in _lexicon()["companies"]


def generic_member(token: Token) -> bool:
    """Whether an actor word names the body a plural collective belongs to ("the member states
    of the United Nations", "countries of the EU"): the collective is not the body."""
    head = token.head
    if token.dep_ != "pobj" or head.lower_ != "of" or head.head == head:
        return False
    noun = head.head
    if noun.tag_ not in ("NNS", "NNPS"):
        return False
    words = {noun.lower_}
    words |= {f"{c.lower_} {noun.lower_}" for c in noun.children if c.dep_ == "compound"}
    return bool(words & _lexicon()["members"])


def hypothetical(trigger: Token) -> bool:
    """Whether the act stands in the clause of a likelihood word ("less likely that they would
    cooperate", "the prospect that X might visit"), through its own clause only."""
    node = trigger
    for _ in range(4):
        head = node.head
        if head == node:
            return False
        words = _lexicon()["likelihood"]
        if node.dep_ in ("ccomp", "acl", "xcomp") and head.lower_ in words:
            return True
        if node.dep_ == "ccomp" and any(
            c.dep_ in ("acomp", "attr") and c.lower_ in words for c in head.children
        ):  # "it was unlikely that X would visit": the clause extraposed from the copula
            return True
        if node.dep_ not in ("xcomp", "conj", "prep", "pobj", "dobj"):
            return False
        node = head
    return False
