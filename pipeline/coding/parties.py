"""The parties of an act: the source–target pairs a trigger is coded for.

Once a trigger has its source, its target and the actors coordinated with the source,
the pairs follow: one act per target ("hosted the Saudi and Iranian envoys"), both
directions of a reciprocal act ("met each other"), the parties a mediator brought
together, or, when the sentence names no target, a pair of the story ("praised both
governments"), the author of the act reacted to ("welcomed the vote") or the other
party of the story ("Iran rejected direct talks").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.locations import is_setting
from pipeline.coding.objects import (
    anaphoric_object,
    object_words,
    reaction_to_act,
    reciprocal,
    relational_object,
)
from pipeline.coding.pairs import Counterpart, Pairs, mediated_parties, pair_object
from pipeline.coding.search import Resolver
from pipeline.coding.syntax import children_of
from pipeline.coding.targets import further_targets
from pipeline.coding.triggers import Lexicon

__all__ = ["SYMMETRIC_ROOTS", "Reacted", "party_pairs"]

Reacted = Callable[[str], ActorMention | None]  # a reacting party -> the author reacted to

SYMMETRIC_ROOTS = ("03", "04", "06", "057", "0871")

_IMPLICIT_PARTY_CODES = frozenset({"036", "114", "125"})

_IMPLICIT_PARTY_ROOTS = frozenset({"12", "13"})


def party_pairs(
    token: Token,
    governor: Token | None,
    is_noun: bool,
    cameo: str,
    source: ActorMention,
    target_found: tuple[ActorMention, Token] | None,
    coordinated: list[ActorMention],
    actors: dict[int, ActorMention],
    resolve: Resolver,
    lexicon: Lexicon,
    *,
    pairs_of: Pairs | None = None,
    counterpart: Counterpart | None = None,
    previous: ActorMention | None = None,
    reacted: Reacted | None = None,
) -> tuple[list[tuple[ActorMention, ActorMention]], bool]:
    """The (source, target) pairs of the act a trigger carries, and whether they were
    inferred from the story rather than read from the parse."""
    inferred = False
    pairs: list[tuple[ActorMention, ActorMention]] = []
    mediated = (
        mediated_parties(token, actors, resolve, pairs_of, source.code) if cameo == "045" else []
    )
    if mediated:
        pairs = [(source, m) for m in mediated if m.code != source.code]
    elif coordinated and reciprocal(token):
        pairs = [(source, coordinated[0]), (coordinated[0], source)]
    elif target_found is not None:
        pairs = [(source, target_found[0])] + [
            (c, target_found[0]) for c in coordinated if c.code != target_found[0].code
        ]
        pairs += [  # "hosted the Saudi and Iranian envoys": one act per target
            (source, t)
            for t in further_targets(token, target_found[1], actors, resolve, source.code)
            if t.code != target_found[0].code
        ]
    elif pair_object(token, pairs_of, source.code):  # "praised both governments"
        pairs = [(source, m) for m in pair_object(token, pairs_of, source.code)]
        inferred = True
    elif (
        coordinated
        and cameo.startswith(SYMMETRIC_ROOTS)
        and not (is_noun and is_setting(token) and _borrowed_subject(governor))
    ):  # not "A and B rebuked C, exposing divisions at a summit": a setting, no talks
        pairs = [(source, coordinated[0])]
    elif (
        cameo[:2] in ("05", "11")
        and (author := _author(source, previous, reacted)) is not None
        and reaction_to_act(token, lexicon, actors, cameo)
    ):  # "X welcomed the vote": the vote on X, or else the act told just before
        pairs = [(source, author)]
        inferred = True
    elif (
        counterpart is not None
        and (
            cameo in _IMPLICIT_PARTY_CODES
            or cameo[:2] in _IMPLICIT_PARTY_ROOTS
            or (cameo[:2] in ("16", "17") and anaphoric_object(token))
            or (cameo[:2] in ("05", "11") and relational_object(token))
        )
        and "between" not in object_words(token)  # a mediator's offer has no counterpart
    ):
        other = counterpart(source.code, cameo)
        if other is not None:
            pairs = [(source, other)]
            inferred = True
    return pairs, inferred


def _author(
    source: ActorMention, previous: ActorMention | None, reacted: Reacted | None
) -> ActorMention | None:
    """The author of the act a reaction of ``source`` answers: of the latest act aimed at
    the source, else of the act told just before (never the source itself)."""
    for author in (reacted(source.code) if reacted is not None else None, previous):
        if author is not None and author.code != source.code:
            return author
    return None


def _borrowed_subject(verb: Token | None) -> bool:
    """Whether a verb has no subject of its own ("..., exposing divisions at a summit")."""
    return verb is not None and not children_of(verb, ("nsubj", "nsubjpass"))
