"""The parties of an act: source and target found in the dependency parse.

For a trigger token the source is the subject (the agent of a passive, the
possessor of a nominalisation, the subject of the governing light verb or of the
clause that controls it); the target is the object, dative or a preposition the
act takes ("with", "to", "against", "on") and never a venue ("talks in Geneva").
Pronouns, "the bloc", a quoted "I" and "the two leaders" are resolved by
callbacks the coder gives, which know the article around the sentence.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.correspondence import addressees, senders
from pipeline.coding.nonparties import company_home, generic_member
from pipeline.coding.triggers import Trigger, inflections

__all__ = [
    "PRONOUNS",
    "REPORTING",
    "Counterpart",
    "Pairs",
    "Resolver",
    "actor_at",
    "between_others",
    "between_parties",
    "children_of",
    "clausal_complements",
    "condition_subjects",
    "coordinated_actors",
    "governor_of",
    "is_passive",
    "mediated_parties",
    "noun_source",
    "objects_of_preps",
    "pair_subject",
    "search",
    "speaker_of",
    "subject_of",
    "target_of",
]

Resolver = Callable[[Token], ActorMention | None]

Counterpart = Callable[[str], ActorMention | None]

Pairs = Callable[[Token, str | None], tuple[ActorMention, ActorMention] | None]

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

_HOSTILE_ROOTS = frozenset({"11", "13", "17", "18", "19", "20"})

_LIGHT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubjpass", "appos"})

_GENERIC_HEADS = inflections(
    "state",
    "country",
    "member",
    "nation",
    "government",
    "capital",
)

_SETTING_NOUNS = inflections("sideline", "margin", "fringe")

_CAUSE_PREPS = frozenset(
    {"over", "after", "following", "amid", "despite", "about", "against", "because", "since"}
)

PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its"})

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
)

_RELATIVES = frozenset({"who", "which", "that", "whom"})

_ANNOUNCERS = inflections(
    "announce",
    "pledge",
    "promise",
    "confirm",
    "decide",
    "vow",
)

_SPEAKERPRONOUNS = frozenset({"i", "we", "me", "us"})

REPORTING = inflections(
    "say",
    "tell",
    "add",
    "write",
    "state",
    "insist",
    "declare",
    "post",
    "announce",
)

_ORG_ANAPHORS = frozenset({"bloc", "alliance", "union"})


def actor_at(
    token: Token, actors: dict[int, ActorMention], resolve: Resolver
) -> ActorMention | None:
    """The actor a token names, resolving pronouns, "the bloc" and a quoted "I"."""
    found = actors.get(token.i)
    if found is not None:
        return found
    if token.lower_ in PRONOUNS and token.pos_ == "PRON":
        return _own_subject(token, actors) or resolve(token)
    if token.lower_ in _ORG_ANAPHORS and any(c.lower_ == "the" for c in token.children):
        return resolve(token)
    if token.lower_ in _SPEAKERPRONOUNS and token.pos_ == "PRON":
        for verb in token.doc:
            if verb.lower_ in REPORTING and verb.i != token.head.i:
                for subject in verb.children:
                    if subject.dep_ == "nsubj" and subject.i in actors:
                        return actors[subject.i]
        return resolve(token)  # the speaker of the quote, named elsewhere in the paragraph
    return None


def _own_subject(token: Token, actors: dict[int, ActorMention]) -> ActorMention | None:
    """The subject a possessive "its"/"their" in a verb's object refers to ("X recalled its
    envoys and closed its airspace": X's), when that subject names a state or body."""
    if token.dep_ != "poss" or token.lower_ not in ("its", "their"):
        return None
    verb = token.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
        verb = verb.head
    for clause in (verb, verb.head if verb.dep_ == "conj" else None):
        if clause is None:
            continue
        for subject in children_of(clause, ("nsubj",)):
            mention = actors.get(subject.i)
            if mention is not None and mention.kind not in ("person", "role"):
                return mention
            if mention is not None or subject.pos_ != "PRON":
                return None
    return None


def search(
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
        if token.lower_ in _SETTING_NOUNS:
            continue  # "on the sidelines of a summit of X's neighbours": a setting, no party
        mention = actor_at(token, actors, resolve)
        if mention is not None and mention.code != exclude:
            if (
                token.head.lower_ in _GENERIC_HEADS
                and token.dep_ in ("compound", "nmod")
                and token.head in starts
            ):
                return None  # "UN member states": generic membership
            if company_home(token) or generic_member(token):
                return None  # "the Japanese shipping group", "member states of the UN"
            return mention, token
        for child in token.children:
            if child.dep_ in _CLAUSE_BREAKS and not (relaxed and child.dep_ == "acl"):
                continue
            seat = child.lower_ in ("in", "at") and token.lower_ in _INSTITUTIONS
            if child.dep_ == "prep" and child.lower_ in _VENUE_PREPS and not (venue_ok or seat):
                continue  # a venue is no party; "the foreign ministry in Seoul" is Seoul's
            queue.append(child)
    return None


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


def is_passive(verb: Token) -> bool:
    """Whether a verb is in the passive voice."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def subject_of(
    verb: Token, actors: dict[int, ActorMention], resolve: Resolver, depth: int = 0
) -> tuple[ActorMention, Token] | None:
    """The actor doing what ``verb`` says, climbing control and coordination."""
    if depth > 4:
        return None
    if is_passive(verb) or _agentive(verb):
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
    if subjects and verb.dep_ == "relcl" and subjects[0].lower_ in _RELATIVES:
        return search([verb.head], actors, resolve)
    if subjects:
        return search(subjects, actors, resolve)
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
        found = search([verb.head], actors, resolve)  # "the minister travelling to X"
        if found is None and senders(verb):  # "a letter X sent to Y asking...": X asks
            found = search(senders(verb), actors, resolve)
        return found
    if verb.dep_ == "xcomp":
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
        return found
    return None


def _agentive(verb: Token) -> bool:
    """Whether a participle modifying a noun has a by-agent, its own or its conjunct's
    ("talks hosted by X", "a summit hosted and brokered by X")."""
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


def governor_of(noun: Token) -> Token | None:
    """The light verb a nominal trigger is the object of ("held talks", "extended an invitation")."""
    if noun.dep_ in _LIGHT_DEPS and noun.head.pos_ in ("VERB", "AUX"):
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
        if root in _HOSTILE_ROOTS:  # "filed a complaint against X at the ICJ": X, not the venue
            for obj in children_of(token, ("dobj",)):
                starts += objects_of_preps(obj, ("against",))
        starts += children_of(token, ("dobj", "dative"))
        starts += objects_of_preps(token, verb_preps)
        if trigger.embeds or trigger.object is not None:
            for comp in clausal_complements(token):
                starts += children_of(comp, ("dobj", "dative", "nsubj")) + objects_of_preps(
                    comp, verb_preps
                )
        if token.dep_ == "relcl" and not children_of(token, ("dobj",)):
            starts.append(token.head)
    else:
        starts += objects_of_preps(
            token,
            _NOUN_TARGET_PREPS
            + (("at",) if root in _HOSTILE_ROOTS else ())
            + (("from",) if root in ("16", "08") else ()),
        )
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
    found = search(starts, actors, resolve, exclude=source)
    if found is not None and between_others(found[1], token):
        return None  # "offered to host talks between Russia and Ukraine": a mediator, no party
    if found is None and root in ("02", "10", "13"):  # "threatened tariffs unless Russia agrees"
        found = search(condition_subjects(token), actors, resolve, exclude=source)
    if found is None and root in ("02", "10"):  # "wrote to Y asking for talks": Y is asked
        found = search(addressees(token), actors, resolve, exclude=source)
    if found is None and trigger.cameo == "074":  # "deployed police to lead a mission in X"
        found = search(
            starts + objects_of_preps(token, ("in", "to")),
            actors,
            resolve,
            venue_ok=True,
            exclude=source,
        )
    if found is None and trigger.cameo == "042":  # "attended the inauguration in Lima": the host
        found = search(
            starts + objects_of_preps(token, ("in", "at")),
            actors,
            resolve,
            venue_ok=True,
            exclude=source,
        )
    if found is None and root == "16":  # "expelled officials working at the French embassy"
        found = search(starts, actors, resolve, exclude=source, venue_ok=True, relaxed=True)
    if found is None and token.pos_ not in ("VERB", "AUX"):
        for between in objects_of_preps(token, ("between",)):
            for conj in [between, *between.conjuncts]:
                if conj.i in actors and actors[conj.i].code != source:
                    return actors[conj.i], conj
    return found


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
    """Actors coordinated with ``token`` ("A and B", "A, B and C" parsed as apposition)."""
    heads = list(token.conjuncts) + [c for c in token.children if c.dep_ == "appos"]
    heads += [g for h in heads if h.dep_ == "appos" for g in h.conjuncts]
    found: list[ActorMention] = []
    for head in heads:
        mention = actors.get(head.i)
        if mention is not None and mention.code != code and mention not in found:
            found.append(mention)
    return found


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


def pair_subject(verb: Token, pairs_of: Pairs) -> tuple[ActorMention, ActorMention] | None:
    """The two parties named by "the two leaders", "both sides" as the subject of an act."""
    node = verb
    while (
        node.dep_ in ("xcomp", "conj") and not children_of(node, ("nsubj",)) and node.head != node
    ):
        node = node.head
    for subject in children_of(node, ("nsubj", "nsubjpass")):
        counted = any(c.lower_ in ("two", "both") for c in subject.children)
        if subject.lower_ in _PAIR_NOUNS and counted:
            return pairs_of(subject, None)
        if subject.lower_ == "both" and any(c.lower_ in _PAIR_NOUNS for c in subject.subtree):
            return pairs_of(subject, None)
    return None


def between_others(target: Token, trigger: Token) -> bool:
    """Whether the target is a party of talks "between" others, inside the trigger's object."""
    node = target
    while node.head != node and node != trigger:
        if node.dep_ == "pobj" and node.head.lower_ == "between" and node.head.head != trigger:
            return True
        node = node.head
    return False


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
            counted = any(c.lower_ in ("two", "both") for c in obj.children)
            if pairs_of is not None and obj.lower_ in _PAIR_NOUNS and counted:
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
        if node.pos_ in ("VERB", "AUX") and not _agentive(node):  # "hosted and brokered by C"
            subject = subject_of(node, actors, resolve)
            if subject is None:
                return []
            return [subject[0], *coordinated_actors(subject[1], actors, subject[0].code)]
    return []
