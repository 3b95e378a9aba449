"""The actor a token names or leads to in the dependency parse.

``actor_at`` reads the actor a token names, resolving pronouns, "the bloc" and a
quoted "I" by the ``Resolver`` callback the coder gives (it knows the article
around the sentence); ``search`` walks breadth-first from some tokens to the
nearest actor, never across a clause boundary or into a venue ("talks in Geneva").
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from spacy.tokens import Token

from pipeline.coding.actors import ActorMention
from pipeline.coding.bystanders import OTHERS_OF, document_name, third_role
from pipeline.coding.locations import SETTING_NOUNS
from pipeline.coding.nonparties import company_home, generic_member
from pipeline.coding.syntax import children_of
from pipeline.coding.triggers import inflections

__all__ = [
    "PRONOUNS",
    "REPORTING",
    "Resolver",
    "actor_at",
    "named_as",
    "search",
]

Resolver = Callable[[Token], ActorMention | None]

#: Travelling parties named by their leader ("a delegation led by X"), and the participles.
_PARTIES = frozenset({"delegation", "delegations", "team", "mission", "group", "entourage"})
_LEADING = frozenset({"led", "headed"})

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

_GENERIC_HEADS = inflections(
    "state",
    "country",
    "member",
    "nation",
    "government",
    "capital",
)


PRONOUNS = frozenset({"he", "she", "him", "her", "his", "it", "its"})

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

#: Participles that name what a noun is called ("the country soon to be known as X").
_NAMING = frozenset({"known", "called", "named", "dubbed", "renamed"})


def actor_at(
    token: Token, actors: dict[int, ActorMention], resolve: Resolver
) -> ActorMention | None:
    """The actor a token names, resolving pronouns, "the bloc" and a quoted "I"."""
    found = actors.get(token.i)
    if found is not None:
        return found
    if token.lower_ in PRONOUNS and token.pos_ == "PRON":
        return _own_subject(token, actors) or _reporter(token, actors) or resolve(token)
    if token.lower_ == "them" and token.pos_ == "PRON" and token.dep_ in ("dobj", "dative"):
        return resolve(token)  # "accused them of spying": the diplomats named before
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


def _reporter(token: Token, actors: dict[int, ActorMention]) -> ActorMention | None:
    """The body an "it" subject of a reported clause refers to: the reporter ("the Omani
    ministry said it supported ...", "X welcomed the deal, saying it hoped ..."), when the
    reporter names a state or body."""
    clause = token.head
    if token.lower_ != "it" or token.dep_ != "nsubj" or clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lower_ not in REPORTING and verb.lemma_ not in ("say", "add", "state"):
        return None
    while not children_of(verb, ("nsubj",)) and verb.dep_ in ("advcl", "conj", "xcomp"):
        verb = verb.head  # "..., saying it ...": the subject of the main verb
    found = search(children_of(verb, ("nsubj",)), actors, lambda _: None)
    if found is not None and found[0].kind not in ("person", "role"):
        return found[0]  # "the Omani ministry": Oman's
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
    owners: bool = True,
    firms: bool = False,
) -> tuple[ActorMention, Token] | None:
    """Breadth-first from ``starts``: the nearest actor not across a clause or venue boundary
    (without ``owners``, a possessive pronoun names none: "its ties with X" leads to X; with
    ``firms``, a company's home state counts: "sanctions on Iranian banks" hit Iran)."""
    queue = deque(starts)
    seen: set[int] = set()
    while queue:
        token = queue.popleft()
        if token.i in seen:
            continue
        seen.add(token.i)
        if token.lower_ in SETTING_NOUNS:
            continue  # "on the sidelines of a summit of X's neighbours": a setting, no party
        if third_role(token):
            continue  # "talks ..., with Norway as mediator": a go-between, no party
        owner = token.dep_ == "poss" and token.pos_ == "PRON"
        if owner and any(c.lower_ == "own" for c in token.head.children):
            continue  # "recalled its own ambassador": the actor's own, no other party
        mention = actor_at(token, actors, resolve) if owners or not owner else None
        if mention is not None and document_name(token, mention):
            continue  # "the Algiers peace agreement", "the Minsk accords": a name, no party
        if mention is not None and mention.code != exclude:
            if (
                token.head.lower_ in _GENERIC_HEADS
                and token.dep_ in ("compound", "nmod")
                and token.head in starts
            ):
                return None  # "UN member states": generic membership
            if (company_home(token) and not firms) or generic_member(token):
                return None  # "the Japanese shipping group", "member states of the UN"
            return mention, token
        for child in token.children:
            if child.dep_ == "acl" and child.lower_ in _NAMING:  # "the country known as X"
                queue.extend(named_as(child))
                continue
            if child.dep_ == "acl" and child.lower_ in _LEADING and token.lower_ in _PARTIES:
                queue.extend(led_by(child))  # "a delegation led by X's minister": X's
                continue
            if child.dep_ in _CLAUSE_BREAKS and not (relaxed and child.dep_ == "acl"):
                continue
            if child.dep_ == "appos" and _next_clause_subject(child):
                continue  # "a deal with X, President Y of Z has found ...": Y is no apposition
            if child.dep_ == "prep" and child.lower_ == "of" and token.lower_ in OTHERS_OF:
                continue  # "opponents of the junta" are no part of the junta
            seat = child.lower_ in ("in", "at") and token.lower_ in _INSTITUTIONS
            if child.dep_ == "prep" and child.lower_ in _VENUE_PREPS and not (venue_ok or seat):
                continue  # a venue is no party; "the foreign ministry in Seoul" is Seoul's
            queue.append(child)
    return None


def _next_clause_subject(appos: Token) -> bool:
    """Whether an "apposition" is really the subject of the next clause: it runs straight,
    with no closing comma, into a verb of another clause ("after A signed a deal with X,
    the president of Y has found ...")."""
    end = appos.right_edge.i + 1
    if end >= len(appos.doc):
        return False
    after = appos.doc[end]
    return after.pos_ in ("AUX", "VERB") and after.dep_ in ("aux", "ROOT", "auxpass")


def led_by(participle: Token) -> list[Token]:
    """Who leads a delegation: the agent of "led by"/"headed by"."""
    return [
        g for a in participle.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
    ]


def named_as(participle: Token) -> list[Token]:
    """What a naming participle says a noun is called: "(the country) known as X",
    "(a group) called X"; nothing for another verb."""
    if participle.lower_ not in _NAMING:
        return []
    return [
        g for p in participle.children if p.lower_ == "as" for g in p.children if g.dep_ == "pobj"
    ] + children_of(participle, ("oprd",))
