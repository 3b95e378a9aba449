"""Whether a trigger fits its token: the constraints a lexicon entry puts on it.

A trigger may ask for a particle after the verb ("call on"), for a kind of
object ("person", "actor"), for a word group in its object ("sanctions", "aid"),
or for a shape of phrase: a directive ("told X to stop"), "no reason to
negotiate", talks as the subject, a mediation, a verdict ("called X's decision
reckless"), a determined noun ("a call", not the verb "calls").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.objects import object_words
from pipeline.coding.syntax import children_of, clausal_complements, fronted_patients, governor_of
from pipeline.coding.triggers import Lexicon, Trigger, inflections

__all__ = [
    "fits",
]


def fits(
    trigger: Trigger,
    token: Token,
    governor: Token | None,
    lexicon: Lexicon,
    actors: dict[int, ActorMention],
) -> bool:
    """Whether a trigger's constraints hold: particle, object group or kind."""
    if _questioned(token):
        return False
    nominal_objects = [d.i for d in children_of(token, ("dobj",)) if d.pos_ != "PRON"]
    if trigger.particle and not any(
        c.dep_ in ("prt", "prep")
        and c.lower_ in trigger.particle
        and (token.i < c.i <= token.i + 3 or _adjuncts_between(token, c))
        # after the verb: "X on Tuesday called" is no "call on"
        and not any(d < c.i for d in nominal_objects)  # "called Lima on Friday" is no "call on"
        for c in token.children
    ):
        return False
    if trigger.object is None:
        return True
    if trigger.object == "directive":  # "told X to stop", "told X that Y should stop"
        return any(
            a.dep_ == "aux" and a.lower_ in ("to", "should", "must")
            for comp in clausal_complements(token)
            for a in comp.children
        )
    if trigger.object == "no_reason":  # "saw no reason to negotiate": a refusal to meet
        return any(c.dep_ == "det" and c.lower_ == "no" for c in token.children) and any(
            lexicon.in_group("meet", g.lower_)
            for c in token.children
            if c.dep_ in ("acl", "relcl", "xcomp")
            for g in (c, *c.conjuncts)
        )
    if trigger.object == "meet_subject":  # "talks with X had ended": the talks are the subject
        return not children_of(token, ("dobj",)) and any(
            lexicon.in_group("meet", s.lower_)
            and not any(t.lower_ in ("which", "whom", "whose") for t in s.subtree)
            for s in children_of(token, ("nsubj",))
        )  # not "the talks, the last round of which ended": a relative clause misparsed
    if trigger.object == "mediated":  # "talks hosted by C", "hosted talks between A and B"
        if token.dep_ == "acl" and children_of(token, ("agent",)):
            return lexicon.in_group("meet", token.head.lower_)
        said = [t.lower_ for o in children_of(token, ("dobj",)) for t in o.subtree]
        return "between" in said and any(lexicon.in_group("meet", w) for w in said)
    if trigger.object == "meet_with":  # "ended talks with X" (not "A and B ended their talks")
        said = [t.lower_ for o in children_of(token, ("dobj",)) for t in o.subtree]
        return "with" in said and any(lexicon.in_group("meet", w) for w in said)
    if trigger.object == "verdict":  # "called X's decision reckless", "described it as a sham"
        complements = children_of(token, ("oprd",)) + [
            p for p in children_of(token, ("prep",)) if p.lower_ == "as"
        ]
        for obj in children_of(token, ("dobj",)):  # "called X's decision to bar Y a sham":
            for clause in children_of(obj, ("acl",)):  # the parser gives "bar" two objects
                complements += children_of(clause, ("dobj",))[1:]
            complements += [a for a in children_of(obj, ("amod", "appos")) if a.i > obj.i]
        judged = children_of(token, ("dobj",)) or [  # 'called X's decision "shameful"'
            c for o in children_of(token, ("oprd",)) for c in o.children if c.dep_ == "compound"
        ]  # "called X's decision shameful": the parser makes the object a compound
        return bool(judged) and any(
            lexicon.in_group("pejorative", t.lower_) for c in complements for t in c.subtree
        )
    if trigger.object == "determined":  # "a call", "their call", "phone call": not a verb "calls"
        return any(
            c.dep_ in ("det", "poss", "amod", "nummod")
            or (c.dep_ == "compound" and c.lower_ in ("phone", "telephone", "video"))
            for c in token.children
        )
    if trigger.object in _SHAPES:
        return _SHAPES[trigger.object](token, lexicon)
    objects = [
        c
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd", "acomp", "advmod")
    ]
    if token.dep_ == "acl" and children_of(token, ("agent",)):  # "the accord, signed by X"
        objects.append(token.head)
    objects += fronted_patients(token)  # "Received by X, the envoy said"
    if token.dep_ == "relcl" and not any(
        c.dep_ == "nsubj" and c.lower_ in ("who", "which", "that") for c in token.children
    ):  # "the envoy whom X summoned", not "X, who called it a step"
        objects.append(token.head)
    objects += [
        o
        for comp in clausal_complements(token)
        for o in comp.children
        if o.dep_ in ("dobj", "dative", "nsubj")
    ]
    if trigger.object in ("person", "actor"):
        kinds = ("person", "role") if trigger.object == "person" else None
        return any(o.i in actors and (kinds is None or actors[o.i].kind in kinds) for o in objects)
    words = {t.lower_ for o in objects for t in o.subtree} | set(object_words(token))
    if trigger.object == "aidlike":
        return any(
            lexicon.in_group(g, w) for g in ("aid", "weapons", "humanitarian") for w in words
        )
    return any(lexicon.in_group(trigger.object, w) for w in words)


def _adjuncts_between(verb: Token, particle: Token) -> bool:
    """Whether only adverbial phrases of the verb stand between it and its particle
    ("spoke by telephone on Tuesday with X")."""
    if particle.i <= verb.i:
        return False
    adjuncts = {
        t.i
        for c in verb.children
        if c.dep_ in ("prep", "npadvmod", "advmod") and verb.i < c.i < particle.i
        for t in c.subtree
    }
    return all(i in adjuncts for i in range(verb.i + 1, particle.i))


def _expelled(token: Token, lexicon: Lexicon) -> bool:
    """An expulsion: "told the ambassador to leave", "asked its diplomats to depart"."""
    return any(
        lexicon.in_group("diplomat", o.lower_) for o in children_of(token, ("dobj",))
    ) and any(comp.lower_ in _DEPARTURES for comp in clausal_complements(token))


def _pullout(token: Token, lexicon: Lexicon) -> bool:
    """A retreat, not a mere agreement: "agreed to withdraw its troops (from X)"."""
    return any(
        comp.lower_ in _PULL_VERBS
        and any(lexicon.in_group("troops", o.lower_) for o in children_of(comp, ("dobj",)))
        for comp in clausal_complements(token)
    )


def _guest(token: Token, lexicon: Lexicon) -> bool:
    """A hosted visit, not "host military bases" or "host refugees"."""
    return not any(
        lexicon.in_group("installations", o.lower_) for o in children_of(token, ("dobj",))
    )


def _trainers(token: Token, lexicon: Lexicon) -> bool:
    """Military aid: trainers or equipment arrived ("military instructors arrived in X", "a
    plane carrying air-defence systems landed")."""
    subjects = children_of(token, ("nsubj",))
    if any(lexicon.in_group("trainers", s.lower_) for s in subjects):
        return True
    return any(lexicon.in_group("vehicles", s.lower_) for s in subjects) and any(
        lexicon.in_group("weapons", t.lower_) or lexicon.in_group("trainers", t.lower_)
        for t in token.subtree
    )


_MOVED = ("vehicles", "goods", "troops", "aid", "weapons", "trainers")


def _visitor(token: Token, lexicon: Lexicon) -> bool:
    """A visit by people, not a plane, a ship, goods or troops that arrive (a second
    predicate's subject is its first's: "troops had clashed ... and landed")."""
    subjects = children_of(token, ("nsubj",))
    if not subjects and token.dep_ == "conj":
        subjects = children_of(token.head, ("nsubj",))
    return not any(lexicon.in_group(group, s.lower_) for s in subjects for group in _MOVED)


def _traveller(token: Token, lexicon: Lexicon) -> bool:
    """A named person or a delegation crossing a border ("Ruto crossed into Uganda"), not
    troops, refugees or goods crossing it."""
    subjects = children_of(token, ("nsubj",))
    into = any(c.dep_ == "prep" and c.lower_ == "into" for c in token.children)
    return (
        into
        and _visitor(token, lexicon)
        and any(s.pos_ == "PROPN" or lexicon.in_group("visitors", s.lower_) for s in subjects)
    )


_PARTY_PREPS = ("against", "on", "over", "with", "toward", "towards", "for", "by")


def _questioned(token: Token) -> bool:
    """ "Asked whether X would ..., Y said": a reporter's question put to Y, no request."""
    return (
        token.lower_ in ("asked", "pressed", "questioned")
        and token.dep_ == "advcl"
        and token.i < token.head.i
        and not children_of(token, ("agent", "nsubj", "nsubjpass", "mark"))
    )


def _joint(token: Token, lexicon: Lexicon) -> bool:
    """Two parties that discussed a topic together ("X and Y discussed the border"), whose
    object is the topic, not a party."""
    joint = any(
        c.dep_ == "conj" or (c.dep_ == "amod" and any(g.dep_ == "conj" for g in c.children))
        for s in children_of(token, ("nsubj",))
        for c in s.children
    )
    return joint and not any(
        t.pos_ == "PROPN" and t.head.dep_ == "prep" and t.head.lower_ in _PARTY_PREPS
        for o in children_of(token, ("dobj",))
        for t in o.subtree
    )


def _held(token: Token, lexicon: Lexicon) -> bool:
    """Discussions held or conducted ("held frank discussions with X"), not "under discussion"."""
    governor = governor_of(token)
    return governor is not None and governor.lower_ in _HOLDING


def _voiced(token: Token, lexicon: Lexicon) -> bool:
    """Solidarity stood in or expressed ("stood in solidarity with X"), not a mere motive."""
    governor = governor_of(token)
    return governor is not None and governor.lower_ in _VOICING


def _operations_of_force(token: Token, lexicon: Lexicon) -> bool:
    """Military plans or drills put on hold ("suspended plans for military action",
    "suspended its military drills"), not "suspended military aid"."""
    return any(
        lexicon.in_group("operations", o.lower_)
        and any(lexicon.in_group("force", t.lower_) for t in o.subtree if t.i != o.i)
        for o in children_of(token, ("dobj", "nsubjpass"))
    )


def _go_between(token: Token, lexicon: Lexicon) -> bool:
    """A go-between's errand: proposals or messages carried between two sides ("carried
    proposals back and forth between the delegations", "shuttled between A and B")."""
    between = any(
        t.dep_ == "prep" and t.lower_ == "between" and t.head.i in (token.i, *_adverbs(token))
        for t in token.subtree
    )
    if not between:
        return False
    objects = children_of(token, ("dobj",))
    return not objects or any(
        lexicon.in_group("proposal", o.lower_) or o.lower_ in _MESSAGES for o in objects
    )


def _adverbs(token: Token) -> list[int]:
    """Token indices of ``token``'s adverbial modifiers and their subtrees, where a
    "between" phrase may hang instead of on the verb ("back and forth between ...")."""
    return [t.i for c in token.children if c.dep_ == "advmod" for t in c.subtree]


_MESSAGES = frozenset({"messages", "message", "proposals", "offers", "drafts", "texts"})


_PULL_VERBS = inflections("withdraw", "pull", "remove", "redeploy") | {"withdrew", "withdrawn"}

_DEPARTURES = inflections("leave", "depart", "quit", "exit") | {"left"}

_SHAPES: dict[str, Callable[[Token, Lexicon], bool]] = {
    "expelled": _expelled,
    "pullout": _pullout,
    "guest": _guest,
    "trainers": _trainers,
    "visitor": _visitor,
    "traveller": _traveller,
    "joint": _joint,
    "voiced": _voiced,
    "held": _held,
    "operations_of_force": _operations_of_force,
    "go_between": _go_between,
}

_HOLDING = inflections("hold", "conduct", "have") | {"held", "had"}

_VOICING = inflections("stand", "express", "voice", "show", "declare", "reaffirm") | {"stood"}
