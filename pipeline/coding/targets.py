"""The target of an act: whom a trigger is aimed at.

The object, dative or a preposition the act takes ("with", "to", "against",
"on", and the trigger's own), never a venue ("talks in Geneva") nor a party of
talks "between" others; failing those, the subject of an if/unless clause a threat
carries or the addressee of a letter.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.correspondence import addressees
from pipeline.coding.search import Resolver, actor_at, named_as, search
from pipeline.coding.syntax import (
    children_of,
    clausal_complements,
    fronted_patients,
    is_passive,
    objects_of_preps,
)
from pipeline.coding.triggers import Trigger

__all__ = [
    "between_others",
    "condition_subjects",
    "further_targets",
    "target_of",
]

_VERB_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "upon", "into")

_NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "of", "upon")

_HOSTILE_ROOTS = frozenset({"11", "13", "17", "18", "19", "20"})


#: Acts whose place is their target, and the prepositions that give it: "deployed police
#: to lead a mission in X" (074), "attended the inauguration in Lima": the host (042).
_PLACE_TARGETS = {"074": ("in", "to"), "042": ("in", "at")}


def target_of(
    token: Token,
    governor: Token | None,
    trigger: Trigger,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    source: str,
) -> tuple[ActorMention, Token] | None:
    """The target of an act: object, dative or a preposition the act takes, never a venue."""
    root = trigger.cameo[:2]
    verb_preps: tuple[str, ...] = (
        _VERB_TARGET_PREPS
        + (("at",) if root in _HOSTILE_ROOTS else ())
        + (("from",) if root in ("16", "08") else ())
    )
    starts: list[Token] = []
    verb_preps += trigger.preps
    if token.pos_ in ("VERB", "AUX") and trigger.pos == "VERB":
        if is_passive(token):
            starts += children_of(token, ("nsubjpass",))
        starts += fronted_patients(token)  # "Received by X, the envoy said": the envoy
        if root in _HOSTILE_ROOTS:  # "filed a complaint against X at the ICJ": X, not the venue
            for obj in children_of(token, ("dobj",)):
                starts += objects_of_preps(obj, ("against",))
        starts += children_of(token, ("dobj", "dative"))
        if trigger.object == "verdict":  # "called X's decision shameful" (a compound object)
            starts += children_of(token, ("oprd",))
        if root == "11":  # "denounced the flights as a provocation by X": X's
            starts += _verdict_authors(token)
        for obj in children_of(token, ("dobj",)):  # "invited the country, soon to be known
            for clause in children_of(token, ("advcl", "xcomp")):  # as X, to ...": X
                if 0 < clause.left_edge.i - obj.right_edge.i <= 2:
                    starts += named_as(clause)
        starts += objects_of_preps(token, verb_preps)
        if trigger.embeds or trigger.object is not None:
            for comp in clausal_complements(token):
                starts += children_of(comp, ("dobj", "dative", "nsubj")) + objects_of_preps(
                    comp, verb_preps
                )
        if trigger.object is not None:  # "signed accords to normalise ties with X": X
            starts += _purpose_objects(token, verb_preps)
        if token.dep_ == "relcl" and not children_of(token, ("dobj",)):
            starts.append(token.head)
    else:
        starts += objects_of_preps(
            token,
            _NOUN_TARGET_PREPS
            + (("at",) if root in _HOSTILE_ROOTS else ())
            + (("from",) if root in ("16", "08") else ()),
        )
        if root == "11":  # "its accusation that X's troops had started the fighting": X
            starts += [
                subject
                for clause in token.children
                if clause.dep_ in ("acl", "ccomp")
                and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children)
                for subject in children_of(clause, ("nsubj",))
            ]
        if trigger.embeds:
            for comp in [c for c in token.children if c.dep_ in ("acl", "xcomp")]:
                starts += children_of(comp, ("dobj", "dative")) + objects_of_preps(comp, verb_preps)
        if governor is not None:
            starts += [c for c in governor.children if c.dep_ in ("dobj", "dative") and c != token]
            starts += objects_of_preps(governor, verb_preps)
        if root == "04":  # "Putin's Pyongyang visit": the place visited is the host
            starts += [
                c for c in token.children if c.dep_ in ("compound", "amod") and c.i in actors
            ]
    found = search(starts, actors, resolve, exclude=source, owners=False) or search(
        starts, actors, resolve, exclude=source
    )  # "downgraded its ties with X": X, not whoever "its" may point back to
    if found is not None and between_others(found[1], token):
        return None  # "offered to host talks between Russia and Ukraine": a mediator, no party
    if found is None and root in ("02", "10", "13"):  # "threatened tariffs unless Russia agrees"
        found = search(condition_subjects(token), actors, resolve, exclude=source)
    if found is None and root in ("02", "10"):  # "wrote to Y asking for talks": Y is asked
        found = search(addressees(token), actors, resolve, exclude=source)
    place_preps = _PLACE_TARGETS.get(trigger.cameo)
    if found is None and place_preps is not None:
        found = search(
            starts + objects_of_preps(token, place_preps),
            actors,
            resolve,
            venue_ok=True,
            exclude=source,
        )
    if found is None and root == "04" and governor is not None and _stay_for(token, governor):
        found = search(  # "was in Nairobi for talks": the place stayed in is the host
            objects_of_preps(governor, ("in",)), actors, resolve, venue_ok=True, exclude=source
        )
    if found is None and root == "04" and governor is not None and _stay_where(token, governor):
        found = search(  # "in Kampala, where X was on a visit": the place is the host
            [governor.head], actors, resolve, venue_ok=True, exclude=source
        )
    if found is None and root == "16":  # "expelled officials working at the French embassy",
        found = search(  # "sanctioned two Iranian banks": the banks' home state
            starts, actors, resolve, exclude=source, venue_ok=True, relaxed=True, firms=True
        )
    if found is None and token.pos_ not in ("VERB", "AUX"):
        for between in objects_of_preps(token, ("between",)):
            for conj in [between, *between.conjuncts]:
                if conj.i in actors and actors[conj.i].code != source:
                    return actors[conj.i], conj
    return found


def _verdict_authors(token: Token) -> list[Token]:
    """Who a denunciation's "as" verdict blames: "denounced the drills as a provocation by
    X" or "as X's provocation" gives X (not "a betrayal of X", X the wronged)."""
    holders = [token, *children_of(token, ("dobj",))]
    verdicts = [
        v
        for h in holders
        for p in children_of(h, ("prep",))
        if p.lower_ == "as"
        for v in children_of(p, ("pobj",))
    ]
    return [a for v in verdicts for a in objects_of_preps(v, ("by",)) + children_of(v, ("poss",))]


def _purpose_objects(token: Token, preps: tuple[str, ...]) -> list[Token]:
    """Objects of a to-infinitive telling what the act's object is for: "signed
    agreements to normalise relations with X" gives "relations" and X."""
    return [
        start
        for obj in children_of(token, ("dobj",))
        for clause in children_of(obj, ("acl",))
        if any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children)
        for start in children_of(clause, ("dobj",)) + objects_of_preps(clause, preps)
    ]


_STAYS = frozenset({"was", "were", "is", "are", "be", "been", "arrived", "arrives", "came"})


def _stay_for(token: Token, governor: Token) -> bool:
    """Whether a meeting noun is the purpose of one party's stay ("was in X for talks"), not
    of two parties meeting there ("A and B were in Z for talks": Z is a third place)."""
    if governor.lower_ not in _STAYS:
        return False
    purpose = token.dep_ == "pobj" and token.head.lower_ == "for"
    return not _paired(governor) and purpose and token.head.head == governor


def _paired(verb: Token) -> bool:
    """Whether a verb's subject names two parties ("A and B", "the A and B leaders")."""
    return any(
        c.dep_ == "conj" or (c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children))
        for s in children_of(verb, ("nsubj",))
        for c in s.children
    )


def _stay_where(token: Token, governor: Token) -> bool:
    """Whether a visit is told in a relative clause of its place ("Kampala, where X was on
    a visit"), by one party."""
    return (
        token.lower_ in ("visit", "visits", "trip", "tour")
        and governor.dep_ == "relcl"
        and any(c.lower_ == "where" for c in governor.children)
        and not _paired(governor)
    )


def condition_subjects(token: Token) -> list[Token]:
    """Subjects of the if/unless clauses a threat or demand carries."""
    heads = [token, *clausal_complements(token), *[c for c in token.children if c.dep_ == "acl"]]
    return [
        s
        for head in heads
        for clause in head.children
        if clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
        for s in clause.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ]


def between_others(target: Token, trigger: Token) -> bool:
    """Whether the target is a party of talks "between" others, inside the trigger's object."""
    node = target
    while node.head != node and node != trigger:
        if node.dep_ == "pobj" and node.head.lower_ == "between" and node.head.head != trigger:
            return True
        node = node.head
    return False


_MODIFIER_DEPS = ("amod", "compound", "nmod", "poss")


def further_targets(
    trigger: Token,
    found: Token,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    source: str,
) -> list[ActorMention]:
    """The targets coordinated with the one found: "met A and B", "his A and B
    counterparts", "spoke with A's leader and (then) with B's"."""
    heads = [*found.conjuncts, *(c for c in found.children if c.dep_ == "appos")]
    heads += [g for h in heads if h.dep_ == "appos" for g in h.conjuncts]
    for modifier in found.children:  # "his Greek and Cypriot counterparts"
        if modifier.dep_ in _MODIFIER_DEPS and modifier.i in actors:
            heads += [modifier, *modifier.conjuncts]
    if found.dep_ in _MODIFIER_DEPS:  # "the Saudi prince and the Qatari emir"
        heads += found.head.conjuncts
    heads += _parallel_objects(trigger, found)
    mentions: list[ActorMention] = []
    for head in heads:
        after = head.doc[head.i + 1] if head.i + 1 < len(head.doc) else None
        if after is not None and after.lower_ == "to" and after.dep_ == "aux":
            continue  # "... and B to downgrade ties": B is the subject of its own clause
        mention = actor_at(head, actors, resolve)
        hit = (mention, head) if mention is not None else search([head], actors, resolve)
        if hit is None or hit[0].code == source or hit[0] in mentions:
            continue
        mentions.append(hit[0])
    return mentions


def _parallel_objects(trigger: Token, found: Token) -> list[Token]:
    """Objects of the same preposition repeated after "and": "with A, and (then) with B"."""
    node = found
    while node.head != node and node.head != trigger and node.dep_ != "prep":
        node = node.head
    if node.dep_ != "prep" or node.head == node:
        return []
    siblings = [
        c
        for c in node.head.children
        if c.dep_ == "prep" and c.lower_ == node.lower_ and c.i > node.i
    ]
    siblings += [c for c in node.conjuncts if c.lower_ == node.lower_]
    joined = [
        s for s in siblings if any(t.lower_ in ("and", "then") for t in found.doc[node.i + 1 : s.i])
    ]
    after = found.doc[node.right_edge.i + 1 : node.right_edge.i + 5]
    words = [t for t in after if t.lower_ not in _LINKS]  # the parser may hang the second
    if (  # "with" on a later verb ("and then with B, the Kremlin said")
        words
        and words[0].lower_ == node.lower_
        and words[0].dep_ == "prep"
        and any(t.lower_ == "and" for t in after if t.i < words[0].i)
        and words[0] not in joined
    ):
        joined.append(words[0])
    return [g for s in joined for g in s.children if g.dep_ == "pobj"]


_LINKS = frozenset({",", "and", "then", "later", "also", "separately", "subsequently"})
