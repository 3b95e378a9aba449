"""What a trigger's object says about the act.

The words of its objects and complements; the most specific CAMEO code they
refine it to; whether they say "each other"; whether sanctions are imposed; and
whether the object is a definite noun told of before ("the curbs", "the vote"),
whose author or addressee is the story's other party.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.clauses import cut_subtree
from pipeline.coding.syntax import children_of, clausal_complements, objects_of_preps
from pipeline.coding.triggers import Lexicon, Trigger, inflections

__all__ = [
    "anaphoric_object",
    "as_demand",
    "imposed",
    "object_words",
    "reaction_to_act",
    "reciprocal",
    "refine",
    "relational_object",
]

_IMPOSERS = inflections(
    "impose",
    "adopt",
    "approve",
    "slap",
    "levy",
    "announce",
    "unveil",
    "introduce",
    "extend",
    "agree",
    "expand",
    "widen",
    "add",
)

_OBJECT_DEPS = frozenset(
    {
        "dobj",
        "nsubjpass",
        "attr",
        "oprd",
        "prt",
        "dative",
        "prep",
        "pobj",
        "compound",
        "amod",
        "nsubj",
    }
)


def object_words(token: Token, *, clause_cut: bool = False) -> list[str]:
    """Words of the trigger's objects and complements, in text order.

    ``clause_cut``: leave out clauses embedded in an object ("rejected X's account of why
    talks failed" says nothing of talks offered).
    """
    tokens: set[Token] = set()
    complements = clausal_complements(token)
    if token.pos_ == "NOUN":  # "refusal to meet X", "threat to impose sanctions"
        complements += [
            c
            for c in token.children
            if c.dep_ == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ]
    for child in token.children:
        if child.dep_ == "prep" and child.i < token.i and child.lower_ in _SETTING_PREPS:
            continue  # "At that meeting, A and B agreed to ...": the scene, not the object
        if child in complements or child.dep_ in _OBJECT_DEPS:
            tokens |= set(cut_subtree(child) if clause_cut else child.subtree)
    return [t.lower_ for t in sorted(tokens, key=lambda t: t.i)]


_SETTING_PREPS = frozenset({"at", "during", "on", "in", "amid", "after", "following"})


def anaphoric_object(token: Token) -> bool:
    """Whether the act's object is a definite noun told of before ("the curbs were imposed
    by X"): its addressee is the story's other party."""
    objects = children_of(token, ("dobj", "nsubjpass"))
    return any(
        any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in o.children)
        and not any(
            c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ not in _PLACE_PREPS)
            for c in o.children
        )  # "blew up the liaison office in X": a place, not a party
        for o in objects
    )


_PLACE_PREPS = frozenset({"in", "at", "near"})


_RELATIONAL = frozenset(
    {"guest", "guests", "host", "hosts", "visitor", "visitors", "counterpart", "counterparts"}
)


def relational_object(token: Token) -> bool:
    """Whether the act's object is someone named by their tie to the subject ("hailed his
    guest", "praised her host", "thanked his counterpart"): the other party of the story."""
    objects = children_of(token, ("dobj",))
    owners = [c for o in objects for c in o.children if c.dep_ == "poss"]  # "his host's courage"
    return any(
        o.lower_ in _RELATIONAL
        and any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in o.children)
        for o in objects + owners
    )


def reaction_to_act(
    token: Token, lexicon: Lexicon, actors: dict[int, ActorMention], cameo: str = ""
) -> bool:
    """Whether a reaction's object is a definite act noun naming no actor ("welcomed the
    vote", "the ratification was hailed by X"); a praise or a denunciation may also react
    to "the deal" told just before (a signing of "the agreement" is no reaction)."""
    objects = children_of(token, ("dobj", "nsubjpass"))
    if token.dep_ == "relcl" and token.head.pos_ == "NOUN":
        objects.append(token.head)
    deals = cameo == "051" or cameo[:2] == "11"
    return any(
        (
            lexicon.in_group("act_nouns", o.lower_)
            or (deals and lexicon.in_group("deal_nouns", o.lower_))
        )
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in o.children)
        and not any(t.i in actors for t in _naming_part(o))
        for o in objects
    )


def _naming_part(noun: Token) -> list[Token]:
    """A noun phrase without the verdict an "as" phrase gives it: "the deal as a betrayal
    of X" names no party of the deal."""
    verdicts = {
        t.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree
    }
    return [t for t in noun.subtree if t.i not in verdicts]


def refine(trigger: Trigger, token: Token, lexicon: Lexicon) -> str:
    """The code of the first refinement group met in the trigger's object or complement.

    A word negated by its determiner refines nothing ("agreed that no more talks were needed").
    """
    if trigger.cameo[:2] in ("02", "10") and _pullback(token, lexicon):
        return "0256" if trigger.cameo[:2] == "02" else "1056"
    negated = {
        t.lower_
        for t in token.subtree
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in t.children)
    }
    for word in _relative_head(token) + object_words(token, clause_cut=True):
        if word in negated:
            continue
        for group, code in trigger.refine:
            if lexicon.in_group(group, word):
                return code
    return trigger.cameo


_PULL_VERBS = inflections("withdraw", "pull", "remove", "redeploy") | {"withdrew", "withdrawn"}

_DEADLINE_WORDS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "deadline",
    }
)  # fmt: skip

_DEMANDS = {"020": "100", "023": "103", "025": "105", "0256": "1056", "026": "106"}


def _pullback(token: Token, lexicon: Lexicon) -> bool:
    """Whether the act's complement asks for troops to be withdrawn ("asked X to withdraw
    its troops"): an appeal or demand to de-escalate."""
    return any(
        comp.lower_ in _PULL_VERBS
        and any(
            lexicon.in_group("troops", t.lower_)
            for o in children_of(comp, ("dobj",))
            for t in o.subtree
        )
        for comp in clausal_complements(token)
    )


def as_demand(code: str, token: Token) -> str:
    """An appeal with a deadline is a demand ("asked X to leave by March 15"): its 10x code."""
    if code not in _DEMANDS:
        return code
    for comp in clausal_complements(token):
        for deadline in objects_of_preps(comp, ("by",)):
            if any(t.lower_ in _DEADLINE_WORDS for t in deadline.subtree):
                return _DEMANDS[code]
    return code


def _relative_head(token: Token) -> list[str]:
    """The noun a relative clause's verb takes as object ("the truce that A and B agreed",
    "the deal they signed"): the clause's object is the noun it hangs on."""
    if token.dep_ != "relcl" or token.head.pos_ != "NOUN":
        return []
    objects = children_of(token, ("dobj",))
    if all(o.lower_ in ("that", "which") for o in objects):
        return [token.head.lower_]
    return []


def reciprocal(token: Token) -> bool:
    """Whether the act's object says "each other" or "one another"."""
    words = object_words(token)
    return any(
        (a == "each" and b == "other") or (a == "one" and b == "another")
        for a, b in pairwise(words)
    )


def imposed(noun: Token, governor: Token | None) -> bool:
    """Whether sanctions named by a noun are imposed (not merely faced or discussed)."""
    if governor is not None and governor.lower_ in _WEIGHERS:
        return False  # "is considering sanctions against X": not (yet) imposed
    if objects_of_preps(noun, ("on", "against")) or any(c.dep_ == "poss" for c in noun.children):
        return True
    return governor is not None and governor.lower_ in _IMPOSERS


_WEIGHERS = inflections("consider", "weigh", "mull", "study", "debate", "discuss", "explore") | {
    "mulled",
    "mulling",
}
