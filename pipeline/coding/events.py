"""Who did what to whom in one parsed sentence: triggers become acts.

Each trigger token of the lexicon that fits (its object or particle present) is
given its parties by ``pipeline.coding.sources`` and ``pipeline.coding.targets``, its status by
``pipeline.coding.modality`` and its most specific CAMEO code by the words of its
object. Coordinated subjects give one act per actor, or the two parties of a
symmetric act ("A and B met"); triggers inside the complement of another
("invited him to visit") are absorbed by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.modality import assess_status, is_refusal
from pipeline.coding.pairs import (
    Counterpart,
    Pairs,
    between_parties,
    mediated_parties,
    pair_subject,
)
from pipeline.coding.search import Resolver
from pipeline.coding.sources import coordinated_actors, noun_source, speaker_of, subject_of
from pipeline.coding.syntax import children_of, clausal_complements, governor_of, objects_of_preps
from pipeline.coding.targets import target_of
from pipeline.coding.triggers import Lexicon, Trigger, inflections
from pipeline.models import Status

__all__ = ["Act", "code_sentence"]

_SYMMETRIC_ROOTS = ("03", "04", "06", "057", "0871")

_SANCTION_NOUNS = frozenset({"sanction", "tariff", "embargo"})

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

_IMPLICIT_PARTY_CODES = frozenset({"036", "125"})

_IMPLICIT_PARTY_ROOTS = frozenset({"12", "13"})

_REFUSALS = {"03": "125", "04": "125", "05": "120", "06": "120", "08": "124"}

_COPULAS = inflections("be")

_SETTING_PREPS = frozenset({"at", "during"})

_SETTING_NOUNS = inflections("sideline", "margin", "fringe")

_CLAUSES = frozenset({"relcl", "ccomp", "advcl"})

_THREAT_HEADS = inflections(
    "face",
    "risk",
    "threaten",
    "warn",
    "threat",
)


@dataclass(frozen=True, slots=True)
class Act:
    """An act read from one sentence (offsets relative to the sentence)."""

    cameo: str
    status: Status
    source: ActorMention
    target: ActorMention
    trigger_start: int
    trigger_end: int
    location: str | None
    confidence: float
    foreign: tuple[tuple[int, int], ...] = ()  # relative clauses that tell of other acts
    own: tuple[int, int] | None = None  # the relative clause the act is told in


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


def _object_words(token: Token, *, clause_cut: bool = False) -> list[str]:
    """Words of the trigger's objects and complements, in text order.

    ``clause_cut``: leave out clauses embedded in an object ("rejected X's account of why
    talks failed" says nothing of talks offered).
    """
    tokens: set[Token] = set()
    complements = clausal_complements(token)
    for child in token.children:
        if child in complements or child.dep_ in _OBJECT_DEPS:
            tokens |= set(_cut_subtree(child) if clause_cut else child.subtree)
    return [t.lower_ for t in sorted(tokens, key=lambda t: t.i)]


def _cut_subtree(head: Token) -> list[Token]:
    """The subtree of ``head`` without the relative, complement and adverbial clauses below it."""
    found = [head]
    for child in head.children:
        finite = child.dep_ == "pcomp" and any(c.dep_ == "nsubj" for c in child.children)
        if child.dep_ not in _CLAUSES and not finite:  # "of why talks failed" is a clause
            found += _cut_subtree(child)
    return found


def _foreign_clauses(token: Token) -> tuple[tuple[int, int], ...]:
    """Character spans of the relative clauses that do not hold the trigger ("a freeze that
    began in 2011", "rulers who on Friday gave..."): their dates are not the act's."""
    spans = []
    for clause in token.doc:
        if clause.dep_ == "relcl" and token not in clause.subtree:
            first, last = clause.left_edge, clause.right_edge
            spans.append((first.idx, last.idx + len(last)))
    return tuple(spans)


def _own_clause(token: Token) -> tuple[int, int] | None:
    """Character span of the relative clause that holds the trigger ("the complaint it filed
    in 2019"): a date inside it is the act's own."""
    for node in (token, *token.ancestors):
        if node.dep_ == "relcl":
            first, last = node.left_edge, node.right_edge
            return (first.idx, last.idx + len(last))
    return None


def _anaphoric_object(token: Token) -> bool:
    """Whether the act's object is a definite noun told of before ("the curbs were imposed
    by X"): its addressee is the story's other party."""
    objects = children_of(token, ("dobj", "nsubjpass"))
    return any(
        any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in o.children)
        and not any(c.dep_ in ("prep", "poss") for c in o.children)
        for o in objects
    )


def _reaction_to_act(token: Token, lexicon: Lexicon, actors: dict[int, ActorMention]) -> bool:
    """Whether a reaction's object is a definite act noun naming no actor ("welcomed the
    vote", "the ratification was hailed by X")."""
    objects = children_of(token, ("dobj", "nsubjpass"))
    if token.dep_ == "relcl" and token.head.pos_ == "NOUN":
        objects.append(token.head)
    return any(
        lexicon.in_group("act_nouns", o.lower_)
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in o.children)
        and not any(t.i in actors for t in o.subtree)
        for o in objects
    )


def _setting(token: Token) -> bool:
    """Whether a meeting noun is the setting of another act ("at a summit, X imposed
    sanctions on Y"): the other act's object is no party of the meeting."""
    return token.dep_ == "pobj" and token.head.lower_ in _SETTING_PREPS


def _sideline(token: Token) -> bool:
    """Whether a meeting noun names where something happened aside ("on the sidelines of a
    summit of X's neighbours")."""
    return any(a.lower_ in _SETTING_NOUNS for a in list(token.ancestors)[:4])


def _fits(
    trigger: Trigger,
    token: Token,
    governor: Token | None,
    lexicon: Lexicon,
    actors: dict[int, ActorMention],
) -> bool:
    """Whether a trigger's constraints hold: particle, object group or kind."""
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
        return bool(children_of(token, ("dobj",))) and any(
            lexicon.in_group("pejorative", t.lower_) for c in complements for t in c.subtree
        )
    if trigger.object == "determined":  # "a call", "their call", "phone call": not a verb "calls"
        return any(
            c.dep_ in ("det", "poss", "amod", "nummod")
            or (c.dep_ == "compound" and c.lower_ in ("phone", "telephone", "video"))
            for c in token.children
        )
    objects = [
        c
        for c in token.children
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd", "acomp", "advmod")
    ]
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
    words = {t.lower_ for o in objects for t in o.subtree} | set(_object_words(token))
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


def _refine(trigger: Trigger, token: Token, lexicon: Lexicon) -> str:
    """The code of the first refinement group met in the trigger's object or complement.

    A word negated by its determiner refines nothing ("agreed that no more talks were needed").
    """
    negated = {
        t.lower_
        for t in token.subtree
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in t.children)
    }
    for word in _relative_head(token) + _object_words(token, clause_cut=True):
        if word in negated:
            continue
        for group, code in trigger.refine:
            if lexicon.in_group(group, word):
                return code
    return trigger.cameo


def _relative_head(token: Token) -> list[str]:
    """The noun a relative clause's verb takes as object ("the truce that A and B agreed",
    "the deal they signed"): the clause's object is the noun it hangs on."""
    if token.dep_ != "relcl" or token.head.pos_ != "NOUN":
        return []
    objects = children_of(token, ("dobj",))
    if all(o.lower_ in ("that", "which") for o in objects):
        return [token.head.lower_]
    return []


def _location(token: Token, governor: Token | None, actors: dict[int, ActorMention]) -> str | None:
    """Where the act happens: the place of an "in"/"at" phrase, or the place visited."""
    for head in (token, governor):
        if head is None:
            continue
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "to"):
                for obj in prep.children:
                    if (
                        obj.dep_ == "pobj"
                        and obj.pos_ == "PROPN"
                        and (prep.lower_ != "to" or obj.i in actors)
                    ):
                        return _place_name(obj)
    return None


def _place_name(obj: Token) -> str:
    """The name a place noun heads: its adjacent compounds and itself ("Vostochny Cosmodrome"),
    not the words of a clause that describes it ("Hanoi, where ... Vietnam's leaders")."""
    start = obj.i
    while start > 0 and obj.doc[start - 1].dep_ == "compound" and obj.doc[start - 1].head == obj:
        start -= 1
    return obj.doc[start : obj.i + 1].text


def _reciprocal(token: Token) -> bool:
    """Whether the act's object says "each other" or "one another"."""
    words = _object_words(token)
    return any(
        (a == "each" and b == "other") or (a == "one" and b == "another")
        for a, b in pairwise(words)
    )


def _imposed(noun: Token, governor: Token | None) -> bool:
    """Whether sanctions named by a noun are imposed (not merely faced or discussed)."""
    if objects_of_preps(noun, ("on", "against")) or any(c.dep_ == "poss" for c in noun.children):
        return True
    return governor is not None and governor.lower_ in _IMPOSERS


def _absorbed(token: Token, is_noun: bool) -> set[int]:
    """Tokens of the acts an embedding trigger governs ("invited him to visit")."""
    heads = clausal_complements(token) + [
        c
        for c in token.children
        if c.dep_ in ("dobj", "prep", "acl", "pobj", "attr") or (is_noun and c.dep_ != "poss")
    ]
    absorbed = {t.i for head in heads for t in head.subtree}
    for head in heads:  # "agreed ..., in a deal brokered by C": C's own act stays
        for t in head.subtree:
            if t.dep_ == "acl" and children_of(t, ("agent",)):
                absorbed -= {u.i for u in t.subtree}
    return absorbed


def code_sentence(
    doc: Doc,
    actors: dict[int, ActorMention],
    lexicon: Lexicon,
    resolve: Resolver,
    counterpart: Counterpart | None = None,
    pairs_of: Pairs | None = None,
    previous: ActorMention | None = None,
) -> list[Act]:
    """The acts of one parsed sentence; ``actors`` maps token index to actor mention.

    ``previous`` is the author of the act told just before: a reaction to "the vote" or
    "the ratification" is aimed at it.
    ``counterpart`` names the other party of the story for offers and refusals to
    meet whose target the sentence leaves implicit ("Iran rejected direct talks").
    """
    acts: list[Act] = []
    absorbed: set[int] = set()
    for token in doc:
        if token.i in absorbed:
            continue
        for trigger in lexicon.lookup(token.text, token.pos_):
            # "said X was behind the attack": the copula carries a prepositional act
            node = token.head if trigger.pos == "ADP" and token.dep_ == "prep" else token
            if trigger.pos == "ADP" and node.lower_ not in _COPULAS:
                continue
            is_noun = node.pos_ not in ("VERB", "AUX")
            if is_noun and trigger.cameo.startswith("04") and _sideline(token):
                break
            governor = governor_of(token) if is_noun else None
            if not _fits(trigger, token, governor, lexicon, actors):
                continue
            if trigger.embeds:
                absorbed |= _absorbed(token, is_noun)
            elif trigger.object is not None and not is_noun:  # "lifted sanctions": one act
                absorbed |= {  # but "the complaint it filed against X" tells its own act
                    t.i
                    for c in token.children
                    if c.dep_ in ("dobj", "nsubjpass")
                    for t in _cut_subtree(c)
                }
            status = (
                "occurred"
                if trigger.object == "no_reason"
                else assess_status(
                    node,
                    trigger.status,
                    deniable=trigger.cameo[:2] != "11",
                    conditional_ok=trigger.cameo[:2] in ("02", "10", "13"),
                    governor=governor,
                )
            )
            refusal = None
            if status is None and not is_noun and is_refusal(token, governor):
                refusal = _REFUSALS.get(trigger.cameo[:2])  # "would never recognise X"
                status = "occurred" if refusal is not None else None
            if status is None:
                break
            if trigger.inverse:
                found, by_parse = speaker_of(node, actors, resolve), True
                faced = subject_of(node, actors, resolve)
            elif is_noun:
                found, by_parse = noun_source(token, governor, actors, resolve, trigger.cameo[:2])
            else:
                found, by_parse = subject_of(token, actors, resolve), True
            pair = None
            if (
                found is None
                and pairs_of is not None
                and trigger.cameo.startswith(_SYMMETRIC_ROOTS)
            ):
                pair = pair_subject(token if governor is None else governor, pairs_of)
            if found is None and pair is None and trigger.cameo.startswith(_SYMMETRIC_ROOTS):
                named = between_parties(token, actors)  # "visits between A and B would resume"
                if len(named) >= 2:
                    pair = (named[0], named[1])
            if found is None and pair is None:
                break
            if pair is not None:
                found = (pair[0], token)
            if found is None:
                break
            source, source_token = found
            if trigger.inverse:
                target_found = faced if faced is not None and faced[0].code != source.code else None
                if target_found is None and counterpart is not None:  # "said the talks had ended"
                    other = counterpart(source.code)
                    target_found = (other, token) if other is not None else None
                    by_parse = False
                if target_found is None:
                    break
            else:
                setting = is_noun and trigger.cameo.startswith("04") and _setting(token)
                target_found = target_of(
                    token, None if setting else governor, trigger, actors, resolve, source.code
                )
            coordinated = (
                [pair[1]]
                if pair is not None
                else coordinated_actors(source_token, actors, source.code)
            )
            cameo = _refine(trigger, token, lexicon)
            if refusal is not None:
                cameo = refusal
            if (
                coordinated
                and pair is None
                and target_found is not None
                and cameo.startswith(_SYMMETRIC_ROOTS)
                and target_found[1].dep_ in ("compound", "poss", "amod", "nmod")
                and target_found[1].head.i not in actors
            ):  # "A and B agreed on an EU plan": the plan's author is no party
                target_found = None
            if cameo.startswith(_SYMMETRIC_ROOTS) and (pair is not None or target_found is None):
                named = between_parties(
                    token, actors
                )  # "agreed that visits between A and B resume"
                if len(named) >= 2 and (pair is not None or source.code in {m.code for m in named}):
                    source, coordinated, pair = named[0], [named[1]], (named[0], named[1])
            if cameo.startswith("16") and any(
                a.lower_ in _THREAT_HEADS for a in list(token.ancestors)[:3]
            ):
                cameo = "1312"
            if cameo.startswith("04") and status == "proposed":
                cameo = "036"
            if cameo == "036" and status == "occurred":
                status = "planned"
            if cameo[:2] >= "10" and status == "planned":
                status = "occurred"
            if is_noun and trigger.lemma in _SANCTION_NOUNS and not _imposed(token, governor):
                break
            pairs: list[tuple[ActorMention, ActorMention]] = []
            mediated = (
                mediated_parties(token, actors, resolve, pairs_of, source.code)
                if cameo == "045"
                else []
            )
            if mediated:
                pairs = [(source, m) for m in mediated if m.code != source.code]
            elif coordinated and _reciprocal(token):
                pairs = [(source, coordinated[0]), (coordinated[0], source)]
            elif target_found is not None:
                pairs = [(source, target_found[0])] + [
                    (c, target_found[0]) for c in coordinated if c.code != target_found[0].code
                ]
                pairs += [  # "hosted the Saudi and Iranian envoys": one act per target
                    (source, t)
                    for t in coordinated_actors(target_found[1], actors, source.code)
                    if t.code != target_found[0].code
                ]
            elif coordinated and cameo.startswith(_SYMMETRIC_ROOTS):
                pairs = [(source, coordinated[0])]
            elif (
                cameo[:2] in ("05", "11")
                and previous is not None
                and previous.code != source.code
                and _reaction_to_act(token, lexicon, actors)
            ):  # "X welcomed the vote": the vote told just before
                pairs = [(source, previous)]
                by_parse = False
            elif (
                counterpart is not None
                and (
                    cameo in _IMPLICIT_PARTY_CODES
                    or cameo[:2] in _IMPLICIT_PARTY_ROOTS
                    or (cameo[:2] in ("16", "17") and _anaphoric_object(token))
                )
                and "between" not in _object_words(token)  # a mediator's offer has no counterpart
            ):
                other = counterpart(source.code)
                if other is not None:
                    pairs = [(source, other)]
                    by_parse = False
            confidence = (
                0.45 + (0.2 if by_parse else 0.0) + (0.15 if target_found is not None else 0.05)
            )
            if source.kind in ("capital",) or source_token.pos_ == "PRON":
                confidence -= 0.1
            location = _location(token, governor, actors)
            foreign = _foreign_clauses(token)
            for src, tgt in pairs:
                acts.append(
                    Act(
                        cameo,
                        status,
                        src,
                        tgt,
                        token.idx,
                        token.idx + len(token),
                        location,
                        round(min(0.95, confidence), 2),
                        foreign,
                        _own_clause(token),
                    )
                )
            break
    return acts
