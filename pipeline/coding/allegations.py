"""Allegations of attack: a state saying another's forces attacked it accuses that state.

"Kyrgyzstan said Tajik troops had shelled the town of Batken" tells no attack as a fact
(the reporter's word only) but an accusation: Kyrgyzstan accuses Tajikistan (CAMEO 112).
The reporter must be a state or its official, the attacker another state's forces, and
what was hit no third state ("said Ugandan troops had attacked Somali militants" reports
a fight elsewhere, not an accusation). A denial ("denied that its forces had fired")
or a negated claim is no allegation.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.events import Act
from pipeline.coding.search import Resolver, search
from pipeline.coding.sources import subject_of
from pipeline.coding.syntax import children_of, objects_of_preps
from pipeline.coding.triggers import inflections

__all__ = ["alleged_attacks"]

_CLAIMS = inflections("say", "claim", "allege", "charge", "report", "insist")

_ATTACKS = inflections("shell", "bomb", "attack", "raid", "invade", "strike")

#: Attack verbs that need the thing hit in a phrase ("fired on X", not "fired its minister").
_SHOTS = inflections("fire", "shoot")

#: Prepositions of what an attack verb hit ("fired on X", "shot at X").
_HIT_PREPS = ("on", "at", "upon", "into")

_ACCUSE = "112"


def _negated(verb: Token) -> bool:
    """Whether a verb carries a negation ("did not say", "had not fired")."""
    return any(c.dep_ == "neg" for c in verb.children)


def _attack(verb: Token) -> bool:
    """Whether a verb tells a military attack ("shelled", "fired on", "struck")."""
    if verb.pos_ != "VERB":
        return False
    if verb.lower_ in _SHOTS:  # "fired on X", not "fired its minister"
        return bool(objects_of_preps(verb, _HIT_PREPS))
    if verb.lower_ not in _ATTACKS:
        return False
    return bool(children_of(verb, ("dobj",)) or objects_of_preps(verb, _HIT_PREPS))


def alleged_attacks(
    doc: Doc, actors: dict[int, ActorMention], resolve: Resolver, acts: list[Act]
) -> list[Act]:
    """The accusations of a sentence in which a state says another's forces attacked
    (none already coded between the same parties)."""
    found: list[Act] = []
    for verb in doc:
        if verb.dep_ != "ccomp" or not _attack(verb) or _negated(verb):
            continue
        claim = verb.head
        if claim.lower_ not in _CLAIMS or _negated(claim):
            continue
        reporter = subject_of(claim, actors, resolve)
        attacker = search(children_of(verb, ("nsubj",)), actors, resolve)
        if reporter is None or attacker is None or reporter[0].code == attacker[0].code:
            continue
        hit = search(
            children_of(verb, ("dobj",)) + objects_of_preps(verb, _HIT_PREPS),
            actors,
            resolve,
        )
        if hit is not None and hit[0].code != reporter[0].code:
            continue  # a third state was hit: a report, no accusation
        pair = (reporter[0].code, attacker[0].code)
        if any((a.source.code, a.target.code) == pair and a.cameo[:2] == "11" for a in acts):
            continue
        found.append(
            Act(
                _ACCUSE,
                "occurred",
                reporter[0],
                attacker[0],
                claim.idx,
                claim.idx + len(claim),
                None,
                0.55,
            )
        )
    return found
