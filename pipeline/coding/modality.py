"""Modality of an act: occurred, proposed, planned, denied, or not an event at all.

Read from the dependency parse around the trigger: a negated act ("did not meet",
"no talks") and a conditional or speculative one ("would meet if", "may visit") are
not events; an act under "deny" is denied; readiness and offers make it proposed;
future auxiliaries, plans and schedules make it planned.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.correspondence import unsent
from pipeline.coding.habits import PERFECT, habitual, shared_auxes, unrealised
from pipeline.coding.nonparties import hypothetical
from pipeline.coding.syntax import CHAIN_DEPS
from pipeline.coding.triggers import inflections
from pipeline.models import Status

__all__ = [
    "FUTURE_AUXES",
    "SPECULATIVE_AUXES",
    "accepted",
    "assess_status",
    "clause_chain",
    "has_condition",
    "is_refusal",
]

_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
SPECULATIVE_AUXES = frozenset({"may", "might", "could", "should"})
FUTURE_AUXES = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_DENIAL = inflections(
    "deny",
    "refute",
    "denial",
    "rebut",
    "contradict",  # "contradicting a report that the two men had spoken"
) | {"rebutted", "rebutting"}
_PROPOSAL = inflections(
    "ready",
    "willing",
    "open",
    "prepared",
    "offer",
    "propose",
    "invite",
    "suggest",
    "want",
    "hope",
    "wish",
    "seek",
    "eager",
    "keen",
    "interested",
    "readiness",
    "willingness",
    "proposal",
    "invitation",
)
_PLAN = inflections(
    "plan",
    "expect",
    "due",
    "schedule",
    "intend",
    "aim",
    "prepare",
    "set",
    "agree",
    "decide",
    "announce",
    "arrange",
    "upcoming",
    "next",
    "planned",
    "future",
    "forthcoming",
    "scheduled",
)
_FAILURE = inflections(
    "fail",
    "refuse",
    "decline",
    "avoid",
    "cancel",
    "postpone",
    "without",
    "scrap",
) | {"cancelled", "cancelling", "scrapped", "scrapping"}  # British spellings double the l
_RULE = frozenset({"rule", "rules", "ruled", "ruling"})


def clause_chain(token: Token) -> list[Token]:
    """The trigger and the words that govern it inside its clause (xcomp, prep, object)."""
    chain = [token]
    node = token
    while (
        node.dep_ in CHAIN_DEPS
        and node.head != node
        and len(chain) < 6
        and not (node.dep_ == "acl" and any(c.dep_ == "agent" for c in node.children))
    ):  # "a deal brokered by C": the participle's act is done, whatever governs the deal
        node = node.head
        chain.append(node)
    return chain


def has_condition(node: Token) -> bool:
    """Whether a clause is conditional ("if", "unless", "whether")."""
    for child in node.children:
        if child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in _CONDITIONS for g in child.children
        ):
            return True
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children)


def _denied(trigger: Token) -> bool:
    """Whether the act stands in what a "deny" verb or noun denies (its object or clause)."""
    node = trigger
    for _ in range(6):
        head = node.head
        if head == node:
            return False
        if head.lower_ in _DENIAL:
            return node.dep_ in ("ccomp", "dobj", "xcomp", "pobj", "prep", "acl", "nsubjpass")
        if node.dep_ in ("relcl", "advcl", "appos", "conj", "parataxis") and not _content(node):
            return False
        node = head
    return False


def _content(clause: Token) -> bool:
    """A noun's content clause the parser took for a relative one ("reports that X had
    invited Y": "that" is its mark, not a pronoun)."""
    return clause.dep_ == "relcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


def is_refusal(trigger: Token, governor: Token | None = None) -> bool:
    """Whether a negated act is a refusal: negation with "will"/"would" and no condition
    ("would never recognise X", "will not comply"), not a mere absence ("did not meet")."""
    chain = clause_chain(trigger)
    if governor is not None and governor not in chain:
        chain += clause_chain(governor)
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in trigger.children) or habitual(trigger):
        return False
    auxes = {c.lower_ for node in chain for c in node.children if c.dep_ == "aux"}
    negated = any(
        c.dep_ == "neg" or (c.lower_ == "never" and c.dep_ == "advmod")
        for node in chain
        for c in node.children
    )
    return negated and bool(auxes & FUTURE_AUXES) and not any(has_condition(n) for n in chain)


def _negated_alternative(trigger: Token) -> bool:
    """Whether the act is an alternative under a negation: "would never recognise X or agree
    to Y" negates both verbs (an "or"/"nor" conjunct without its own subject)."""
    head = trigger.head
    if (
        trigger.dep_ != "conj"
        or head == trigger
        or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children)
    ):
        return False
    if not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children):
        return False
    return any(c.dep_ == "neg" or c.lower_ in _NEGATORS for c in head.children)


def assess_status(
    trigger: Token,
    default: str | None,
    *,
    conditional_ok: bool = False,
    deniable: bool = True,
    governor: Token | None = None,
) -> Status | None:
    """The status of the act a trigger carries, or None when it is no event.

    ``conditional_ok``: threats and demands carry their condition ("X threatened to
    strike if Y...") and stay events.
    """
    chain = clause_chain(trigger)
    if governor is not None and governor not in chain:
        chain += clause_chain(governor)
    auxes = {c.lower_ for node in chain for c in node.children if c.dep_ in ("aux", "auxpass")}
    auxes |= shared_auxes(trigger)
    if habitual(trigger) or unrealised(chain):
        return None
    for node in chain:
        for child in node.children:
            contrast = (
                child.dep_ == "neg"
                and node.pos_ in ("NOUN", "PROPN")
                and any(c.dep_ == "appos" and c.i > child.i for c in node.children)
            )  # "the minister, not the president, travelled": a contrast, no negation
            if not contrast and (
                child.dep_ == "neg"
                or (child.lower_ in _NEGATORS and child.dep_ in ("det", "advmod", "preconj"))
            ):
                return None
        if node.lower_ in _FAILURE and node != trigger:
            return None
        if (
            node != trigger
            and node.lower_ in _RULE
            and any(c.dep_ == "prt" and c.lower_ == "out" for c in node.children)
        ):  # "ruled out talks": no talks
            return None
    if _negated_alternative(trigger) or hypothetical(trigger) or unsent(trigger):
        return None
    if not conditional_ok and any(has_condition(node) for node in chain):
        return None
    if auxes & SPECULATIVE_AUXES and not conditional_ok:
        return None
    if deniable and _denied(trigger):
        return "denied"
    lemmas = {node.lower_ for node in chain[1:]}
    lemmas |= {c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound")}
    if default == "proposed" or lemmas & _PROPOSAL:
        return "proposed"
    headline_infinitive = "to" in auxes and trigger.dep_ in ("ROOT", "acl", "relcl")
    if lemmas & _PLAN <= _ANNOUNCING and _told_as_done(trigger, auxes):
        lemmas -= _ANNOUNCING  # "announced that it was lifting / had lifted the curbs": done
    if auxes & FUTURE_AUXES or lemmas & _PLAN or headline_infinitive or "going" in lemmas:
        return "planned"
    if default == "planned":
        return "planned"
    return "occurred"


_ANNOUNCING = inflections("announce")


def _told_as_done(trigger: Token, auxes: set[str]) -> bool:
    """An announced act told in the perfect or the progressive ("announced that it had
    lifted / was lifting the curbs"), not one still to come ("announced it would")."""
    if auxes & (FUTURE_AUXES | {"to"}):
        return False
    perfect = bool(auxes & PERFECT)
    progressive = trigger.tag_ == "VBG" and bool(auxes & {"is", "are", "was", "were"})
    return perfect or progressive


_ACCEPTANCE = inflections("accept", "agree")


def accepted(trigger: Token) -> bool:
    """Whether an invitation is accepted in the same sentence ("invited X to visit, and X
    accepted"): the meeting is planned, no longer proposed."""
    return any(c.lower_ in _ACCEPTANCE for c in trigger.conjuncts if c.i > trigger.i)
