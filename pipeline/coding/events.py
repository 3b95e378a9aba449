"""Who did what to whom in one parsed sentence.

For each trigger token the dependency parse gives the source (subject, passive
agent, possessor of a nominalisation, or the subject of the governing light verb)
and the target (object, dative, a preposition the act takes: "with", "to",
"against", "on"), never a venue ("talks in Geneva"). Coordinated subjects give
one event per actor, or the two parties of a symmetric act ("A and B met").
Triggers inside the complement of another ("invited him to visit") are absorbed
by it. Modality and CAMEO refinements complete the act.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from spacy.tokens import Doc, Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.modality import assess_status
from pipeline.coding.triggers import Lexicon, Trigger, inflections
from pipeline.models import Status

__all__ = ["Act", "code_sentence"]

Resolver = Callable[[Token], ActorMention | None]
Counterpart = Callable[[str], ActorMention | None]
Pairs = Callable[[Token], tuple[ActorMention, ActorMention] | None]

_CLAUSE_BREAKS = frozenset(
    {"relcl", "advcl", "ccomp", "parataxis", "acl", "csubj", "mark", "punct", "cc"}
)
_VENUE_PREPS = frozenset(
    {
        "in",
        "at",
        "during",
        "near",
        "inside",
        "outside",
        "amid",
        "after",
        "before",
        "since",
        "over",
        "via",
        "through",
        "under",
        "like",
        "as",
        "despite",
        "following",
        "ahead",
        "about",
        "than",
        "including",
        "among",
        "across",
        "within",
        "around",
    }
)
_VERB_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "upon", "into")
_NOUN_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "of", "upon")
_HOSTILE_ROOTS = frozenset({"11", "13", "18", "19", "20"})
_LIGHT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "appos"})
_GENERIC_HEADS = inflections(
    "state",
    "country",
    "member",
    "nation",
    "government",
    "capital",
)
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its"})
_SYMMETRIC_ROOTS = ("03", "04", "06", "057")
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
_WARN = inflections("warn")
_INSTITUTIONS = inflections(
    "ministry",
    "government",
    "embassy",
    "parliament",
    "presidency",
    "administration",
    "office",
    "cabinet",
    "leadership",
    "authority",
    "official",
    "diplomat",
    "spokesman",
    "spokeswoman",
)
_PAIR_NOUNS = inflections(
    "leader", "side", "country", "government", "nation", "president", "minister", "state"
)
_IMPLICIT_PARTY_CODES = frozenset({"036", "125"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})
_ANNOUNCERS = inflections(
    "announce",
    "pledge",
    "promise",
    "confirm",
    "decide",
    "vow",
)
_SPEAKER_PRONOUNS = frozenset({"i", "we", "me", "us"})
_REPORTING = inflections(
    "say",
    "tell",
    "add",
    "write",
    "state",
    "insist",
    "declare",
    "post",
)
_ORG_ANAPHORS = frozenset({"bloc", "alliance", "union"})
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


def _actor_at(
    token: Token, actors: dict[int, ActorMention], resolve: Resolver
) -> ActorMention | None:
    found = actors.get(token.i)
    if found is not None:
        return found
    if token.lower_ in _PRONOUNS and token.pos_ == "PRON":
        return resolve(token)
    if token.lower_ in _ORG_ANAPHORS and any(c.lower_ == "the" for c in token.children):
        return resolve(token)
    if token.lower_ in _SPEAKER_PRONOUNS and token.pos_ == "PRON":
        for verb in token.doc:
            if verb.lower_ in _REPORTING and verb.i != token.head.i:
                for subject in verb.children:
                    if subject.dep_ == "nsubj" and subject.i in actors:
                        return actors[subject.i]
        return resolve(token)  # the speaker of the quote, named elsewhere in the paragraph
    return None


def _search(
    starts: list[Token],
    actors: dict[int, ActorMention],
    resolve: Resolver,
    *,
    venue_ok: bool = False,
    exclude: str | None = None,
    relaxed: bool = False,
) -> tuple[ActorMention, Token] | None:
    """Breadth-first from ``starts``: the nearest actor not across a clause or venue boundary."""
    queue = deque(starts)
    seen: set[int] = set()
    while queue:
        token = queue.popleft()
        if token.i in seen:
            continue
        seen.add(token.i)
        mention = _actor_at(token, actors, resolve)
        if mention is not None and mention.code != exclude:
            if (
                token.head.lower_ in _GENERIC_HEADS
                and token.dep_ in ("compound", "nmod")
                and token.head in starts
            ):
                return None  # "UN member states": generic membership
            return mention, token
        for child in token.children:
            if child.dep_ in _CLAUSE_BREAKS and not (relaxed and child.dep_ == "acl"):
                continue
            seat = child.lower_ in ("in", "at") and token.lower_ in _INSTITUTIONS
            if child.dep_ == "prep" and child.lower_ in _VENUE_PREPS and not (venue_ok or seat):
                continue  # a venue is no party; "the foreign ministry in Seoul" is Seoul's
            queue.append(child)
    return None


def _children(token: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _preps(token: Token, words: tuple[str, ...]) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative", "agent") and c.lower_ in words
        for g in c.children
        if g.dep_ in ("pobj", "pcomp")
    ]


def _complements(token: Token) -> list[Token]:
    """Clausal complements: "to meet", "that they meet", and to-infinitive adjuncts."""
    found = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
    found += [
        c
        for c in token.children
        if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
    ]
    found += [g for c in found for g in c.conjuncts]
    return found


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject(
    verb: Token, actors: dict[int, ActorMention], resolve: Resolver, depth: int = 0
) -> tuple[ActorMention, Token] | None:
    """The actor doing what ``verb`` says, climbing control and coordination."""
    if depth > 4:
        return None
    if _is_passive(verb):
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        if agents:
            return _search(agents, actors, resolve)
        if verb.dep_ == "ccomp" and verb.head.lower_ in _ANNOUNCERS:
            return _subject(verb.head, actors, resolve, depth + 1)
        return None
    subjects = _children(verb, ("nsubj",))
    if subjects and verb.dep_ == "relcl" and subjects[0].lower_ in _RELATIVES:
        return _search([verb.head], actors, resolve)
    if subjects:
        return _search(subjects, actors, resolve)
    if verb.dep_ == "relcl":
        return _search([verb.head], actors, resolve)
    if verb.dep_ == "xcomp":
        objects = _children(verb.head, ("dobj",)) or _children(verb.head, ("nsubjpass",))
        if objects:
            return _search(objects, actors, resolve)
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head != verb:
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head
        return _subject(head, actors, resolve, depth + 1)
    return None


def _governor(noun: Token) -> Token | None:
    """The light verb a nominal trigger is the object of ("held talks", "extended an invitation")."""
    if noun.dep_ in _LIGHT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    if (
        noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and noun.head.head.pos_ in ("VERB", "AUX", "ADJ")
    ):
        head = noun.head.head
        return head.head if head.pos_ == "ADJ" and head.dep_ == "acomp" else head
    if noun.dep_ == "conj":
        return _governor(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        return _governor(noun.head.head)
    return None


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


def _object_words(token: Token) -> list[str]:
    """Words of the trigger's objects and complements, in text order."""
    tokens: set[Token] = set()
    complements = _complements(token)
    for child in token.children:
        if child in complements or child.dep_ in _OBJECT_DEPS:
            tokens |= set(child.subtree)
    return [t.lower_ for t in sorted(tokens, key=lambda t: t.i)]


def _fits(
    trigger: Trigger,
    token: Token,
    governor: Token | None,
    lexicon: Lexicon,
    actors: dict[int, ActorMention],
) -> bool:
    if trigger.particle and not any(
        c.dep_ in ("prt", "prep") and c.lower_ in trigger.particle and c.i <= token.i + 3
        for c in token.children
    ):
        return False
    if trigger.object is None:
        return True
    if trigger.object == "directive":  # "told X to stop", "told X that Y should stop"
        return any(
            a.dep_ == "aux" and a.lower_ in ("to", "should", "must")
            for comp in _complements(token)
            for a in comp.children
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
    if token.dep_ == "relcl":
        objects.append(token.head)
    objects += [
        o
        for comp in _complements(token)
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


def _refine(trigger: Trigger, token: Token, lexicon: Lexicon) -> str:
    """The code of the first refinement group met in the trigger's object or complement."""
    for word in _object_words(token):
        for group, code in trigger.refine:
            if lexicon.in_group(group, word):
                return code
    return trigger.cameo


def _location(token: Token, governor: Token | None, actors: dict[int, ActorMention]) -> str | None:
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
                        parts = [
                            t for t in obj.subtree if t.dep_ in ("compound", "pobj") or t == obj
                        ]
                        return " ".join(t.text for t in parts)
    return None


def _targets(
    token: Token,
    governor: Token | None,
    trigger: Trigger,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    source: str,
) -> tuple[ActorMention, Token] | None:
    root = trigger.cameo[:2]
    verb_preps: tuple[str, ...] = (
        _VERB_TARGET_PREPS
        + (("at",) if root in _HOSTILE_ROOTS else ())
        + (("from",) if root in ("16", "08") else ())
    )
    starts: list[Token] = []
    verb_preps += trigger.preps
    if token.pos_ in ("VERB", "AUX") and trigger.pos == "VERB":
        if _is_passive(token):
            starts += _children(token, ("nsubjpass",))
        starts += _children(token, ("dobj", "dative"))
        starts += _preps(token, verb_preps)
        if trigger.embeds or trigger.object is not None:
            for comp in _complements(token):
                starts += _children(comp, ("dobj", "dative", "nsubj")) + _preps(comp, verb_preps)
        if token.dep_ == "relcl" and not _children(token, ("dobj",)):
            starts.append(token.head)
    else:
        starts += _preps(
            token,
            _NOUN_TARGET_PREPS
            + (("at",) if root in _HOSTILE_ROOTS else ())
            + (("from",) if root in ("16", "08") else ()),
        )
        if trigger.embeds:
            for comp in [c for c in token.children if c.dep_ in ("acl", "xcomp")]:
                starts += _children(comp, ("dobj", "dative")) + _preps(comp, verb_preps)
        if governor is not None:
            starts += [c for c in governor.children if c.dep_ in ("dobj", "dative") and c != token]
            starts += _preps(governor, verb_preps)
        if root == "04":  # "Putin's Pyongyang visit": the place visited is the host
            starts += [
                c for c in token.children if c.dep_ in ("compound", "amod") and c.i in actors
            ]
    found = _search(starts, actors, resolve, exclude=source)
    if found is not None and _between_others(found[1], token):
        return None  # "offered to host talks between Russia and Ukraine": a mediator, no party
    if found is None and root in ("02", "10", "13"):  # "threatened tariffs unless Russia agrees"
        found = _search(_condition_subjects(token), actors, resolve, exclude=source)
    if found is None and root == "16":  # "expelled officials working at the French embassy"
        found = _search(starts, actors, resolve, exclude=source, venue_ok=True, relaxed=True)
    if found is None and token.pos_ not in ("VERB", "AUX"):
        for between in _preps(token, ("between",)):
            for conj in [between, *between.conjuncts]:
                if conj.i in actors and actors[conj.i].code != source:
                    return actors[conj.i], conj
    return found


def _noun_source(
    token: Token,
    governor: Token | None,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    root: str = "",
) -> tuple[tuple[ActorMention, Token] | None, bool]:
    modifiers = [
        c
        for c in token.children
        if c.dep_ == "poss"
        or (
            c.dep_ in ("amod", "compound", "nmod")
            and c.i in actors
            and actors[c.i].kind != "capital"
        )
    ]
    found = _search(modifiers, actors, resolve) if modifiers else None
    if found is not None:
        return found, True
    by = _preps(token, ("by",) if root in ("16", "08") else ("by", "from"))
    if by:
        found = _search(by, actors, resolve)
        if found is not None:
            return found, True
    between = _preps(token, ("between",))
    if between and between[0].i in actors:
        return (actors[between[0].i], between[0]), True
    if governor is not None:
        return _subject(governor, actors, resolve), True
    # "Trump said a call with Xi had settled it": the speaker is a party of the act
    if token.dep_ in ("nsubj", "nsubjpass") and _preps(token, ("with",)):
        clause = token.head
        if clause.dep_ == "ccomp" and clause.head.lower_ in _REPORTING:
            return _subject(clause.head, actors, resolve), False
    return None, False


def _coordinated(token: Token, actors: dict[int, ActorMention], code: str) -> list[ActorMention]:
    """Actors coordinated with ``token`` ("A and B", "A, B and C" parsed as apposition)."""
    heads = list(token.conjuncts) + [c for c in token.children if c.dep_ == "appos"]
    heads += [g for h in heads if h.dep_ == "appos" for g in h.conjuncts]
    found: list[ActorMention] = []
    for head in heads:
        mention = actors.get(head.i)
        if mention is not None and mention.code != code and mention not in found:
            found.append(mention)
    return found


def _speaker(
    token: Token, actors: dict[int, ActorMention], resolve: Resolver
) -> tuple[ActorMention, Token] | None:
    """Who says the clause a trigger stands in ("X said Y could face sanctions")."""
    node = token
    while node.dep_ in ("xcomp", "conj") and node.head != node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lower_ in _REPORTING | _WARN:
        return _subject(node.head, actors, resolve)
    return None


def _condition_subjects(token: Token) -> list[Token]:
    """Subjects of the if/unless clauses a threat or demand carries."""
    heads = [token, *_complements(token), *[c for c in token.children if c.dep_ == "acl"]]
    return [
        s
        for head in heads
        for clause in head.children
        if clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in clause.children)
        for s in clause.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ]


def _pair_subject(verb: Token, pairs_of: Pairs) -> tuple[ActorMention, ActorMention] | None:
    """The two parties named by "the two leaders", "both sides" as the subject of an act."""
    node = verb
    while node.dep_ in ("xcomp", "conj") and not _children(node, ("nsubj",)) and node.head != node:
        node = node.head
    for subject in _children(node, ("nsubj", "nsubjpass")):
        counted = any(c.lower_ in ("two", "both") for c in subject.children)
        if subject.lower_ in _PAIR_NOUNS and counted:
            return pairs_of(subject)
        if subject.lower_ == "both" and any(c.lower_ in _PAIR_NOUNS for c in subject.subtree):
            return pairs_of(subject)
    return None


def _between_others(target: Token, trigger: Token) -> bool:
    """Whether the target is a party of talks "between" others, inside the trigger's object."""
    node = target
    while node.head != node and node != trigger:
        if node.dep_ == "pobj" and node.head.lower_ == "between" and node.head.head != trigger:
            return True
        node = node.head
    return False


def _reciprocal(token: Token) -> bool:
    """Whether the act's object says "each other" or "one another"."""
    words = _object_words(token)
    return any(
        (a == "each" and b == "other") or (a == "one" and b == "another")
        for a, b in pairwise(words)
    )


def _imposed(noun: Token, governor: Token | None) -> bool:
    """Whether sanctions named by a noun are imposed (not merely faced or discussed)."""
    if _preps(noun, ("on", "against")) or any(c.dep_ == "poss" for c in noun.children):
        return True
    return governor is not None and governor.lower_ in _IMPOSERS


def _absorbed(token: Token, is_noun: bool) -> set[int]:
    """Tokens of the acts an embedding trigger governs ("invited him to visit")."""
    heads = _complements(token) + [
        c
        for c in token.children
        if c.dep_ in ("dobj", "prep", "acl", "pobj", "attr") or (is_noun and c.dep_ != "poss")
    ]
    return {t.i for head in heads for t in head.subtree}


def code_sentence(
    doc: Doc,
    actors: dict[int, ActorMention],
    lexicon: Lexicon,
    resolve: Resolver,
    counterpart: Counterpart | None = None,
    pairs_of: Pairs | None = None,
) -> list[Act]:
    """The acts of one parsed sentence; ``actors`` maps token index to actor mention.

    ``counterpart`` names the other party of the story for offers and refusals to
    meet whose target the sentence leaves implicit ("Iran rejected direct talks").
    """
    acts: list[Act] = []
    absorbed: set[int] = set()
    for token in doc:
        if token.i in absorbed:
            continue
        for trigger in lexicon.lookup(token.text, token.pos_):
            is_noun = token.pos_ not in ("VERB", "AUX")
            governor = _governor(token) if is_noun else None
            if not _fits(trigger, token, governor, lexicon, actors):
                continue
            if trigger.embeds:
                absorbed |= _absorbed(token, is_noun)
            elif trigger.object is not None and not is_noun:  # "lifted sanctions": one act
                absorbed |= {
                    t.i
                    for c in token.children
                    if c.dep_ in ("dobj", "nsubjpass")
                    for t in c.subtree
                }
            status = assess_status(
                token,
                trigger.status,
                deniable=trigger.cameo[:2] != "11",
                conditional_ok=trigger.cameo[:2] in ("02", "10", "13"),
                governor=governor,
            )
            if status is None:
                break
            if trigger.inverse:
                found, by_parse = _speaker(token, actors, resolve), True
                faced = _subject(token, actors, resolve)
            elif is_noun:
                found, by_parse = _noun_source(token, governor, actors, resolve, trigger.cameo[:2])
            else:
                found, by_parse = _subject(token, actors, resolve), True
            pair = None
            if (
                found is None
                and pairs_of is not None
                and trigger.cameo.startswith(_SYMMETRIC_ROOTS)
            ):
                pair = _pair_subject(token if governor is None else governor, pairs_of)
            if found is None and pair is None:
                break
            if pair is not None:
                found = (pair[0], token)
            if found is None:
                break
            source, source_token = found
            if trigger.inverse:
                target_found = faced if faced is not None and faced[0].code != source.code else None
                if target_found is None:
                    break
            else:
                target_found = _targets(token, governor, trigger, actors, resolve, source.code)
            coordinated = (
                [pair[1]] if pair is not None else _coordinated(source_token, actors, source.code)
            )
            cameo = _refine(trigger, token, lexicon)
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
            if coordinated and _reciprocal(token):
                pairs = [(source, coordinated[0]), (coordinated[0], source)]
            elif target_found is not None:
                pairs = [(source, target_found[0])] + [
                    (c, target_found[0]) for c in coordinated if c.code != target_found[0].code
                ]
            elif coordinated and cameo.startswith(_SYMMETRIC_ROOTS):
                pairs = [(source, coordinated[0])]
            elif (
                counterpart is not None
                and (cameo in _IMPLICIT_PARTY_CODES or cameo[:2] == "13")
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
                    )
                )
            break
    return acts
