"""Dependency-parse helpers the readers of an act's parties share.

Children by label, the objects of given prepositions, clausal complements
("to meet", "that they meet"), the passive voice, and the light verb that governs
a nominal trigger ("held talks", "extended an invitation").
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = [
    "CHAIN_DEPS",
    "children_of",
    "clausal_complements",
    "fronted_patients",
    "governor_of",
    "is_passive",
    "objects_of_preps",
]

#: Labels that link a trigger to the words governing it inside its clause: complements,
#: prepositions and their objects, modifiers ("ready to meet", "plans for talks").
CHAIN_DEPS = frozenset(
    {"xcomp", "pobj", "prep", "acomp", "dobj", "attr", "oprd", "pcomp", "amod", "acl"}
)

_LIGHT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "appos"})

_CAUSE_PREPS = frozenset(
    {"over", "after", "following", "amid", "despite", "about", "against", "because", "since"}
)


#: Verbs whose object noun is what is talked of, not an act of their subject.
_TOPIC_VERBS = frozenset(
    {
        "describe",
        "describes",
        "described",
        "describing",
        "dismiss",
        "dismisses",
        "dismissed",
        "dismissing",
        "downplay",
        "downplays",
        "downplayed",
        "downplaying",
        "label",
        "labels",
        "labelled",
        "labeled",
        "labelling",
        "labeling",
    }
)


def children_of(token: Token, deps: tuple[str, ...]) -> list[Token]:
    """The children of ``token`` with one of the dependency labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def objects_of_preps(token: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of the prepositions ``words`` attached to ``token``."""
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def clausal_complements(token: Token) -> list[Token]:
    """Clausal complements: "to meet", "that they meet", and to-infinitive adjuncts."""
    found = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    found += [
        c
        for c in token.children
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    found += [g for c in found for g in c.conjuncts]
    return found


def fronted_patients(verb: Token) -> list[Token]:
    """Who undergoes a passive participle fronted before its clause: "Received at the palace
    by X, the envoy heard ...": the envoy (the clause's subject)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBN" or verb.i > verb.head.i:
        return []
    if not children_of(verb, ("agent",)):
        return []
    return children_of(verb.head, ("nsubj", "nsubjpass"))


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def governor_of(noun: Token) -> Token | None:
    """The light verb a nominal trigger is the object of ("held talks", "extended an invitation")."""
    if noun.dep_ in _LIGHT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
        if noun.dep_ == "dobj" and noun.head.lower_ in _TOPIC_VERBS:
            return None  # "described criticism of X as a narrative": a topic, nobody's act
        return noun.head
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.lower_ not in _CAUSE_PREPS  # "summoned X over the attack": a cause
        and noun.head.head.pos_ in ("VERB", "AUX", "ADJ")
    ):
        head = noun.head.head
        return head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    if noun.dep_ == "conj":
        return governor_of(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return governor_of(noun.head.head)
    return None
