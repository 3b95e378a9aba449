"""Acts that are no dated event because of their time: a standing habit or past stance
("has always rejected", "has long insisted", "has said in the past"), a past hope that did
not come true ("had hoped to sign"), and the auxiliaries a coordinated verb shares with
the verb before it ("could suspend ties or withdraw its envoy").
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.syntax import CHAIN_DEPS

__all__ = ["PERFECT", "habitual", "shared_auxes", "unrealised"]

_HABITUAL = frozenset({"always", "traditionally", "habitually"})
PERFECT = frozenset({"has", "have", "had"})
_UNREALISED = frozenset({"hoped", "wanted", "planned", "intended", "wished", "expected"})
# Up through complements, coordination and the clause chain's links ("has always been
# ready to reject": the habit governs the act).
_WALK_UP = frozenset({"ccomp", "conj", *CHAIN_DEPS})


def shared_auxes(trigger: Token) -> set[str]:
    """Auxiliaries a verb shares with the verb it is coordinated with ("could suspend ties or
    withdraw its envoy": "withdraw" is as speculative as "suspend")."""
    if trigger.dep_ != "conj" or trigger.pos_ not in ("VERB", "AUX"):
        return set()
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in trigger.children):
        return set()
    return {c.lower_ for c in trigger.head.children if c.dep_ == "aux"}


def habitual(trigger: Token) -> bool:
    """Whether the act is a standing habit or a past stance, no dated event ("has always
    rejected", "has said in the past that it will not", "has long insisted")."""
    node = trigger
    for _ in range(6):
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in _HABITUAL:
                return True
            if (
                child.dep_ == "advmod"
                and child.lower_ == "long"
                and any(a.dep_ == "aux" and a.lower_ in PERFECT for a in node.children)
            ):
                return True
            if (
                child.dep_ == "prep"
                and child.lower_ == "in"
                and any(
                    g.lower_ == "past" and any(d.lower_ == "the" for d in g.children)
                    for g in child.children
                )
            ):
                return True
        if node.dep_ not in _WALK_UP or node.head == node:
            return False
        node = node.head
    return False


def unrealised(chain: list[Token]) -> bool:
    """A past hope or plan ("had hoped to sign a treaty"): the act did not happen."""
    return any(
        node.lower_ in _UNREALISED
        and any(c.dep_ == "aux" and c.lower_ == "had" for c in node.children)
        for node in chain[1:]
    )
