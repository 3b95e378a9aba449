"""Two-party readings: "the two leaders", "talks between A and B", mediations.

The ``Pairs`` callback the coder gives names the two parties of the story for
"the two leaders", "both sides"; ``Counterpart`` names the other party of the
story for an act whose target the sentence leaves implicit. A mediated act's
parties are the ones its "between" phrase names, or the subjects of the clause a
mediated deal belongs to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.search import Resolver
from pipeline.coding.sentences import Sentence
from pipeline.coding.sources import agentive, coordinated_actors, subject_of
from pipeline.coding.syntax import children_of
from pipeline.coding.triggers import inflections

__all__ = [
    "DUO_NOUNS",
    "PAIR_COUNTS",
    "PAIR_NOUNS",
    "Counterpart",
    "Pairs",
    "between_parties",
    "mediated_parties",
    "named_pair",
    "pair_object",
    "pair_subject",
]

Counterpart = Callable[[str, str], ActorMention | None]  # (source, CAMEO code)

Pairs = Callable[[Token, str | None], tuple[ActorMention, ActorMention] | None]

PAIR_NOUNS = inflections(
    "leader",
    "side",
    "country",
    "government",
    "nation",
    "president",
    "minister",
    "state",
    "delegation",
    "rival",
    "neighbour",
    "neighbor",
) | {"men", "women"}

#: Nouns that name two parties by themselves: "the pair held talks".
DUO_NOUNS = frozenset({"pair", "duo"})

#: Words that count a plural noun as the story's two parties: "the two leaders", "both sides".
PAIR_COUNTS = frozenset({"two", "both"})


def pair_subject(verb: Token, pairs_of: Pairs) -> tuple[ActorMention, ActorMention] | None:
    """The two parties named by "the two leaders", "both sides" as the subject of an act."""
    node = verb
    while (
        node.dep_ in ("xcomp", "conj") and not children_of(node, ("nsubj",)) and node.head != node
    ):
        node = node.head
    for subject in children_of(node, ("nsubj", "nsubjpass")):
        counted = any(c.lower_ in PAIR_COUNTS for c in subject.children)
        if subject.lower_ in PAIR_NOUNS and counted:
            return pairs_of(subject, None)
        if subject.lower_ in DUO_NOUNS and any(c.lower_ == "the" for c in subject.children):
            return pairs_of(subject, None)
        if subject.lower_ == "both" and any(c.lower_ in PAIR_NOUNS for c in subject.subtree):
            return pairs_of(subject, None)
    return None


def between_parties(
    token: Token,
    actors: dict[int, ActorMention],
    pairs_of: Pairs | None = None,
    exclude: str | None = None,
) -> list[ActorMention]:
    """The parties a "between" phrase under ``token`` names ("talks between A and B",
    "between the two sides"), not across a clause boundary."""
    for prep in token.subtree:
        if prep.lower_ != "between" or prep.dep_ != "prep":
            continue
        node, crossed = prep.head, False
        while node != token and node.head != node:
            crossed = crossed or node.dep_ in ("relcl", "advcl")
            node = node.head
        if crossed:
            continue
        for obj in children_of(prep, ("pobj",)):
            found: list[ActorMention] = []
            for conj in (obj, *obj.conjuncts):
                mention = actors.get(conj.i)
                if mention is None:
                    mention = next(
                        (actors[c.i] for c in conj.children if c.i in actors and c.dep_ != "prep"),
                        None,
                    )
                if mention is not None and all(m.code != mention.code for m in found):
                    found.append(mention)
            if len(found) >= 2:
                return found
            owners = [c for c in obj.children if c.dep_ == "poss" and c.lower_ in PAIR_NOUNS]
            obj = owners[0] if owners else obj  # "between the two countries' leaders"
            counted = any(c.lower_ in PAIR_COUNTS for c in obj.children)
            if pairs_of is not None and obj.lower_ in PAIR_NOUNS and counted:
                pair = pairs_of(obj, exclude)
                if pair is not None:
                    return list(pair)
    return []


def mediated_parties(
    token: Token,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    pairs_of: Pairs | None = None,
    mediator: str | None = None,
) -> list[ActorMention]:
    """The parties of a mediation: "mediated talks between A and B", or the subjects of
    the clause a mediated deal belongs to ("A and B agreed, in a deal brokered by C")."""
    found = between_parties(token, actors, pairs_of, mediator)
    if found:
        return found
    node = token
    while (
        node.dep_ in ("acl", "relcl", "pobj", "prep", "appos", "npadvmod", "conj")
        and node.head != node
    ):
        node = node.head
        if node.pos_ in ("VERB", "AUX") and not agentive(node):  # "hosted and brokered by C"
            subject = subject_of(node, actors, resolve)
            if subject is None:
                return []
            return [subject[0], *coordinated_actors(subject[1], actors, subject[0].code)]
    return []


def pair_object(verb: Token, pairs_of: Pairs | None, source: str) -> list[ActorMention]:
    """The two parties an object "both governments", "the two sides" names ("praised both
    governments": each of the two parties just named, other than the source)."""
    if pairs_of is None or verb.pos_ not in ("VERB", "AUX"):
        return []
    for obj in children_of(verb, ("dobj",)):
        counted = any(c.lower_ in PAIR_COUNTS for c in obj.children)
        if obj.lower_ in PAIR_NOUNS and counted:
            pair = pairs_of(obj, source)
            return [m for m in pair if m.code != source] if pair is not None else []
    return []


_JOINED = re.compile(r"\s*,?\s*and\s*")


def named_pair(
    sentences: list[Sentence], told: list[ActorMention], exclude: str | None
) -> tuple[ActorMention, ActorMention] | None:
    """The last two parties named together ("A and B", "A's leader and B's president")
    among the mentions told, if any: what a later "the two sides" most likely means."""
    ordered = sorted(told, key=lambda m: m.start)
    for first, second in reversed(list(pairwise(ordered))):
        if first.code == second.code or "capital" in (first.kind, second.kind):
            continue
        if exclude in (first.code, second.code):
            continue
        home = next((s for s in sentences if s.start <= first.start and second.end <= s.end), None)
        if home is None:
            continue
        gap = home.text[first.end - home.start : second.start - home.start]
        if _JOINED.fullmatch(gap):
            return first, second
    return None
