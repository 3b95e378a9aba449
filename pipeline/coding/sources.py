"""The source of an act: who does what a trigger says.

For a verb, its subject (the agent of a passive, climbing control and
coordination); for a nominal act, its possessor or "by"/"from" phrase, or the
subject of the light verb that governs it; for a clause reported by someone, the
speaker ("X said Y could face sanctions"). Coordinated actors ("A and B") share it.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.correspondence import senders
from pipeline.coding.search import REPORTING, Resolver, search
from pipeline.coding.syntax import children_of, fronted_patients, is_passive, objects_of_preps
from pipeline.coding.triggers import inflections

__all__ = [
    "agentive",
    "coordinated_actors",
    "noun_source",
    "speaker_of",
    "subject_of",
]

_RELATIVES = frozenset({"who", "which", "that", "whom"})

#: Verbs whose to-infinitive tells their subject's purpose, not their object's act:
#: "summoned the envoy to protest against X" (the summoner protests).
_PURPOSE_VERBS = inflections("summon", "dispatch", "convene")

_ANNOUNCERS = inflections(
    "announce",
    "pledge",
    "promise",
    "confirm",
    "decide",
    "vow",
)

_WARN = inflections("warn")


def subject_of(
    verb: Token, actors: dict[int, ActorMention], resolve: Resolver, depth: int = 0
) -> tuple[ActorMention, Token] | None:
    """The actor doing what ``verb`` says, climbing control and coordination."""
    if depth > 4:
        return None
    if is_passive(verb) or agentive(verb):
        agents = [
            g
            for v in (verb, *verb.conjuncts)  # "a summit hosted and brokered by X"
            for c in v.children
            if c.dep_ == "agent"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if agents:
            return search(agents, actors, resolve)
        if verb.dep_ == "ccomp" and verb.head.lower_ in _ANNOUNCERS:
            return subject_of(verb.head, actors, resolve, depth + 1)
        return None
    subjects = children_of(verb, ("nsubj",))
    if not subjects and verb.dep_ == "conj" and is_passive(verb.head):
        shared = children_of(verb.head, ("nsubjpass",))  # "X was concerned ... and urged Y"
        if shared:
            return search(shared, actors, resolve)
    if subjects and verb.dep_ == "relcl" and subjects[0].lower_ in _RELATIVES:
        return search([verb.head], actors, resolve)
    if subjects and subjects[0].lower_ in _RELATIVES and _cleft_focus(verb):
        return search(_cleft_focus(verb), actors, resolve)  # "it was X that recalled ...": X
    if subjects:
        return search(subjects, actors, resolve)
    before = _infinitive_subject(verb, actors)
    if before is not None:  # "prompting A to expel X and B to downgrade ties": B
        return before
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        found = search([verb.head], actors, resolve)  # "the minister travelling to X"
        if found is None and senders(verb):  # "a letter X sent to Y asking...": X asks
            found = search(senders(verb), actors, resolve)
        return found
    if verb.dep_ == "xcomp" and verb.head.lower_ not in _PURPOSE_VERBS:
        objects = children_of(verb.head, ("dobj",)) or children_of(verb.head, ("nsubjpass",))
        if objects:
            return search(objects, actors, resolve)
    if _bare_predicate(verb):  # "X said the mine was new and lodged a protest"
        return subject_of(verb.head, actors, resolve, depth + 1)
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "acomp") and verb.head != verb:
        head = verb.head.head if verb.dep_ == "pcomp" else verb.head
        found = subject_of(head, actors, resolve, depth + 1)
        if (
            found is None
            and head.dep_ == "ccomp"
            and (verb.dep_ == "advcl" or (verb.dep_ == "conj" and not is_passive(head)))
        ):  # "X announced that the talks were over, blaming Y": the participle is X's;
            # "X said the mine went off and lodged a protest": the sayer's second predicate
            return subject_of(head.head, actors, resolve, depth + 1)
        governor = _relative_governor(verb)
        if governor is not None:  # "X revoked the pact that lets Y ..., accusing Z": X's
            return subject_of(governor, actors, resolve, depth + 1) or found
        return found
    return None


def _cleft_focus(verb: Token) -> list[Token]:
    """The focus of a cleft sentence a verb is the relative clause of: X in "it was X
    that reacted" (the parser hangs the clause on the copula)."""
    copula = verb.head
    if verb.dep_ not in ("ccomp", "relcl", "advcl") or copula.lower_ not in ("was", "is", "were"):
        return []
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in copula.children):
        return []
    return children_of(copula, ("attr",))


def _relative_governor(verb: Token) -> Token | None:
    """The main verb a participle set off by a comma belongs to when the parser hung it in
    a relative clause of that verb's object ("X revoked the pact that lets Y's troops stay,
    accusing Z of ...": X accuses, not the troops)."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or verb.i == 0:
        return None
    if verb.doc[verb.i - 1].lower_ != "," or verb.right_edge.i < verb.head.right_edge.i:
        return None  # not the clause's last phrase
    node = verb.head
    for _ in range(3):
        if node.dep_ == "relcl":
            governor = node.head.head
            if node.head.dep_ in ("dobj", "pobj") and governor.pos_ in ("VERB", "AUX"):
                return governor if governor.pos_ == "VERB" else None
            return None
        if node.dep_ not in ("ccomp", "xcomp", "conj"):
            return None
        node = node.head
    return None


def _infinitive_subject(
    verb: Token, actors: dict[int, ActorMention]
) -> tuple[ActorMention, Token] | None:
    """The actor just before a subjectless "to"-infinitive, coordinated with an earlier
    phrase ("prompting A to expel X and B to downgrade ties"): the parser hangs B apart."""
    marker = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if marker is None or marker.i == 0 or marker.i != verb.left_edge.i:
        return None
    before = verb.doc[marker.i - 1]
    if before.i not in actors or before.dep_ != "conj":
        return None
    if not any(t.lower_ == "and" for t in verb.doc[max(0, before.i - 3) : before.i]):
        return None
    return actors[before.i], before


def agentive(verb: Token) -> bool:
    """Whether a participle modifying a noun has a by-agent, its own or its conjunct's
    ("talks hosted by X", "a summit hosted and brokered by X"), or is fronted before the
    clause whose subject it tells of ("Received by X, the envoy said ...")."""
    if fronted_patients(verb):
        return True
    if verb.dep_ not in ("acl", "conj") or (verb.dep_ == "conj" and verb.head.dep_ != "acl"):
        return False
    return any(children_of(v, ("agent",)) for v in (verb, *verb.conjuncts))


def _bare_predicate(verb: Token) -> bool:
    """Whether a finite verb parsed as a complement clause has no subject of its own: it is
    a second predicate of the verb above ("said X and, on Monday, lodged a protest")."""
    return (
        verb.dep_ == "ccomp"
        and verb.tag_ in ("VBD", "VBZ", "VBP")
        and verb.head.pos_ in ("VERB", "AUX")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in verb.children)
        and any(t.lower_ == "and" and t.dep_ == "cc" for t in verb.doc[verb.head.i : verb.i])
    )


def noun_source(
    token: Token,
    governor: Token | None,
    actors: dict[int, ActorMention],
    resolve: Resolver,
    root: str = "",
) -> tuple[tuple[ActorMention, Token] | None, bool]:
    """The source of a nominal act ("Putin's invitation", "an offer from X"), and whether the parse gave it."""
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
    found = search(modifiers, actors, resolve) if modifiers else None
    if found is not None:
        return found, True
    by = objects_of_preps(token, ("by",) if root in ("16", "08") else ("by", "from"))
    if by:
        found = search(by, actors, resolve)
        if found is not None:
            return found, True
    between = objects_of_preps(token, ("between",))
    if between and between[0].i in actors:
        return (actors[between[0].i], between[0]), True
    if governor is not None:
        found = subject_of(governor, actors, resolve)
        if found is None and is_passive(governor) and not children_of(governor, ("agent",)):
            found = speaker_of(governor, actors, resolve)  # "a protest was lodged, X said"
        return found, True
    # "Trump said a call with Xi had settled it": the speaker is a party of the act
    if token.dep_ in ("nsubj", "nsubjpass") and objects_of_preps(token, ("with",)):
        clause = token.head
        if clause.dep_ == "ccomp" and clause.head.lower_ in REPORTING:
            return subject_of(clause.head, actors, resolve), False
    return None, False


def coordinated_actors(
    token: Token, actors: dict[int, ActorMention], code: str
) -> list[ActorMention]:
    """Actors coordinated with ``token`` ("A and B", "A, B and C" parsed as apposition), or
    with the noun it qualifies ("A's minister and his B counterpart")."""
    heads = _coordinated(token)
    if not heads and token.dep_ in _QUALIFIERS:
        heads = _coordinated(token.head)
    found: list[ActorMention] = []
    for head in heads:
        mention = actors.get(head.i) or next(
            (actors[c.i] for c in head.children if c.dep_ in _QUALIFIERS and c.i in actors), None
        )
        if mention is not None and mention.code != code and mention not in found:
            found.append(mention)
    return found


_QUALIFIERS = frozenset({"poss", "compound", "amod", "nmod"})


def _coordinated(token: Token) -> list[Token]:
    """The heads coordinated with a token, also through its apposition."""
    heads = list(token.conjuncts) + [c for c in token.children if c.dep_ == "appos"]
    return heads + [g for h in heads if h.dep_ == "appos" for g in h.conjuncts]


_STATEMENT_NOUNS = frozenset(
    {"statement", "statements", "communique", "communiqué", "letter", "note", "declaration"}
)


def speaker_of(
    token: Token, actors: dict[int, ActorMention], resolve: Resolver
) -> tuple[ActorMention, Token] | None:
    """Who says the clause a trigger stands in ("X said Y could face sanctions")."""
    node = token
    while node.dep_ in ("xcomp", "conj") and node.head != node:
        node = node.head
    if node.dep_ == "ccomp" and node.head.lower_ in REPORTING | _WARN:
        return subject_of(node.head, actors, resolve)
    noun = node.head  # "X said in a statement that Y bore ...": the clause told of a statement
    if node.dep_ in ("acl", "ccomp") and noun.lower_ in _STATEMENT_NOUNS and noun.dep_ == "pobj":
        verb = noun.head.head
        if verb.lower_ in REPORTING:
            return subject_of(verb, actors, resolve)
    return None
