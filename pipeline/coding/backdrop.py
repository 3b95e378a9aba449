"""Backdrop: trigger words that tell of a state, a danger or a past act's trace, not of an act.

News copy sets its scene with words of the lexicon that report no act of the sentence:

* a danger, not a threatening statement: "justified by the threat from X", "followed
  through on part of the threat" (a threat noun governed by a preposition);
* a characterisation: 'described the move as "an attack on the kingdom"' (an assault
  noun that is what something is called, not something done);
* a habit or a standing state: "X, which sells arms to Y", "more than 130 states now
  recognise Z", "1.4 million Russians visited Georgia" (a counted crowd is no state);
* a circumstance: "at the invitation of X", "measures proposed by the army" (an offer
  told as a modifier of a plan), talks carried between delegations by a go-between;
* an absence: "skipped the meeting", "boycotted the summit";
* the sports pages: "the two sides meet again next month, and a draw would send X to the finals";
* a durative stance: "had refused for sixteen years to ..." (a standing refusal, no dated act).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.syntax import children_of
from pipeline.coding.triggers import Lexicon, Trigger, inflections

__all__ = ["is_backdrop"]

_ABSENCE = inflections("skip", "boycott", "miss", "shun", "avoid") | {
    "skipped",
    "skipping",
    "missed",
    "shunned",
}

_CARRIERS = inflections("carry", "relay", "ferry", "pass", "shuttle") | {
    "carried",
    "ferried",
    "carries",
    "ferries",
}

#: Words of the sports pages: teams "meet", "visit", "attack" and are "praised" there.
_SPORT = frozenset(
    {
        "match", "matches", "league", "tournament", "finals", "qualifier", "qualifiers",
        "qualifying", "fixture", "fixtures", "stadium", "striker", "strikers", "referee",
        "penalty", "kick-off", "footballers", "goalkeeper", "midfielder", "scored", "semi-final",
        "quarter-final", "olympic", "olympics", "championship",
    }
)  # fmt: skip

_DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})

_TIME_UNITS = frozenset({"years", "decades", "months", "weeks"})

_CHARACTERISING = frozenset({"as"})


def is_backdrop(
    trigger: Trigger, token: Token, governor: Token | None, lexicon: Lexicon, is_noun: bool
) -> bool:
    """Whether the trigger word at ``token`` tells of no act of the sentence (module doc)."""
    root = trigger.cameo[:2]
    if root in ("04", "05", "18", "19") and any(t.lower_ in _SPORT for t in token.sent):
        return True  # "the two sides meet again in Kumasi ... a draw would send X to the finals"
    if is_noun:
        return _noun_backdrop(root, token, governor, lexicon)
    if _counted_subject(token):
        return True
    if _habitual(token) and root not in ("11", "12", "13"):
        return True
    if token.dep_ == "acl" and token.tag_ == "VBN" and root == "03":
        # "the measures proposed by the army": a plan's origin, not an offer
        return lexicon.in_group("sanction", token.head.lower_) or lexicon.in_group(
            "operations", token.head.lower_
        )
    return root == "12" and _durative(token)


def _noun_backdrop(root: str, token: Token, governor: Token | None, lexicon: Lexicon) -> bool:
    head = token.head
    if root == "13" and token.dep_ == "pobj":  # "the threat from X", "part of the threat"
        return True
    if root in ("18", "19", "20") and _characterised(token):
        return True
    if head.dep_ == "prep" and head.lower_ == "at" and token.lower_.startswith("invitation"):
        return True  # "at the invitation of X": a circumstance of another act
    if root == "04" and governor is not None and governor.lower_ in _ABSENCE:
        return True  # "skipped the meeting": no meeting of theirs
    if (
        root == "04"
        and token.dep_ == "pobj"
        and head.i < head.head.i
        and any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in token.children)
    ):  # "At that meeting, A and B agreed ...": the meeting told before is the scene
        return True
    return (
        root == "03"
        and governor is not None
        and governor.lower_ in _CARRIERS
        and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in governor.subtree
        )  # "carried proposals between the delegations": a go-between's errand
    )


def _characterised(token: Token) -> bool:
    """'described X as "an attack on Y"', "called it an attack": a name given, not an act."""
    node = token
    while node.dep_ == "conj":  # "as a blatant interference and an attack on ..."
        node = node.head
    if node.dep_ in ("oprd", "attr"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ in _CHARACTERISING


def _counted_subject(token: Token) -> bool:
    """A counted crowd or share of states as the subject ("1.4 million Russians visited",
    "more than 130 of the 193 members recognise"): people or a tally, not a state's act."""
    for subject in children_of(token, ("nsubj",)):
        if subject.like_num or subject.pos_ == "NUM":
            return True
        if any(t.lower_ in _CROWDS for t in subject.subtree):
            return True
    return False


_CROWDS = frozenset({"thousand", "thousands", "million", "millions", "hundreds", "tens"})


def _habitual(token: Token) -> bool:
    """A present-simple verb in a relative clause ("Canada, which sells armoured vehicles
    to Saudi Arabia"): a standing trade or habit of the party described."""
    return (
        token.dep_ == "relcl"
        and token.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def _durative(token: Token) -> bool:
    """ "had refused for sixteen years to ...": a standing refusal measured in years."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "for"
        and any(o.lower_ in _TIME_UNITS for o in children_of(p, ("pobj",)))
        for p in token.children
    )
