"""Requests carried by correspondence: the sender asks, the addressee is asked.

"X wrote to Y asking for a meeting", "a letter that X sent to Y asking him to
replace the envoy", "X's letter to Y urging talks": the participle of asking has
no subject and often no object of its own; news writing takes both from the act
of writing or sending that carries it. The words are data
(``data/correspondence.json``).
"""

from __future__ import annotations

from functools import cache

import orjson
from spacy.tokens import Token

from pipeline.coding.gazetteer import DATA_DIR

__all__ = ["addressees", "senders", "unsent"]

_TO_DEPS = frozenset({"prep", "dative"})

_RELATIVES = frozenset({"that", "which", "who"})


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    raw = orjson.loads((DATA_DIR / "correspondence.json").read_bytes())
    return {key: frozenset(str(w).lower() for w in raw[key]) for key in ("documents", "senders")}


def _carrier(participle: Token) -> Token | None:
    """The word of writing or sending that carries a participle of asking: the verb it is
    an adverbial of ("wrote to Y asking") or the document it modifies ("a letter asking")."""
    if participle.tag_ != "VBG" or participle.head == participle:
        return None
    head = participle.head
    words = _lexicon()
    if participle.dep_ == "advcl" and head.lower_ in words["senders"]:
        return head
    if participle.dep_ == "acl" and head.lower_ in words["documents"]:
        return head
    return None


def _sending_verbs(carrier: Token) -> list[Token]:
    """The verbs that send a document: its relative clause ("a letter X sent") or the verb
    it is the object of ("X sent a letter"); a verb of writing is its own."""
    if carrier.pos_ in ("VERB", "AUX"):
        return [carrier]
    sending = _lexicon()["senders"]
    verbs = [c for c in carrier.children if c.dep_ == "relcl" and c.lower_ in sending]
    if carrier.dep_ == "dobj" and carrier.head.lower_ in sending:
        verbs.append(carrier.head)
    return verbs


def senders(participle: Token) -> list[Token]:
    """Where to look for who asks: the subject of the sending verb or the document's possessor."""
    carrier = _carrier(participle)
    if carrier is None:
        return []
    found = [c for c in carrier.children if c.dep_ == "poss"]
    for verb in _sending_verbs(carrier):
        found += [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVES]
    return found


def addressees(participle: Token) -> list[Token]:
    """Where to look for who is asked: the "to" object of the sending verb or of the document."""
    carrier = _carrier(participle)
    if carrier is None:
        return []
    found: list[Token] = []
    words = [carrier, *_sending_verbs(carrier)]
    words += [c for w in words for c in w.children if c.dep_ == "dobj"]  # "sent a letter to Y"
    for word in words:
        found += [
            g
            for c in word.children
            if c.dep_ in _TO_DEPS and c.lower_ == "to"
            for g in c.children
            if g.dep_ == "pobj"
        ]
    return found


def unsent(participle: Token) -> bool:
    """Whether the carrying verb is negated ("did not write to Y asking"): no request made."""
    carrier = _carrier(participle)
    if carrier is None:
        return False
    return any(
        c.dep_ == "neg" or c.lower_ == "never" for v in _sending_verbs(carrier) for c in v.children
    )
