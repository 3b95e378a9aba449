"""Backdrop: trigger words that tell of a state, a danger or a past act's trace, not of an act.

News copy sets its scene with words of the lexicon that report no act of the sentence:

* a danger, not a threatening statement: "justified by the threat from X", "followed
  through on part of the threat" (a threat noun governed by a preposition);
* a characterisation: 'described the move as "an attack on the kingdom"' (an assault
  noun that is what something is called, not something done);
* a habit or a standing state: "X, which sells grain to Y", "over 100 states now
  recognise Z", "some 300,000 tourists visited Y" (a counted crowd is no state);
* a circumstance: "at the invitation of X", "measures proposed by the army" (an offer
  told as a modifier of a plan), talks carried between delegations by a go-between;
* an absence: "skipped the meeting", "boycotted the summit";
* the sports pages: "the two squads meet again in the qualifier, with X's striker back"
  (a team as the party, and at least two words of the game in the act's clause; words
  shared with diplomacy, "league", "finals", "matches", count only there);
* a durative stance: "had refused for twelve years to ..." (a standing refusal, no dated act).
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

#: A go-between's verb beside the lexicon's (``object: go_between``): "passed proposals".
_ERRANDS = inflections("pass")

#: Words of the game only: teams "meet", "visit", "attack" and are "praised" there.
_SPORT = frozenset(
    {
        "tournament", "qualifier", "qualifiers", "qualifying", "fixture", "fixtures",
        "striker", "strikers", "referee", "kick-off", "footballers", "goalkeeper",
        "midfielder", "scored", "semi-final", "quarter-final", "goalless", "half-time",
    }
)  # fmt: skip

#: Words the game shares with diplomatic copy ("an Arab League meeting", "before the Winter
#: Olympics", "resume cricket matches", "host the Asian Cup finals"): never a cue alone or
#: outside a team's act, only a second cue in a team's clause ("a draw would take X to the
#: finals").
_SHARED = frozenset(
    {
        "league", "match", "matches", "finals", "stadium", "championship", "olympic",
        "olympics", "penalty",
    }
)  # fmt: skip

#: The party of a game: "the two sides/teams/squads", "Ruritania's team", "the home club".
_TEAMS = frozenset(
    {"side", "sides", "team", "teams", "squad", "squads", "club", "clubs", "footballers"}
)

_PARTY_DEPS = ("nsubj", "nsubjpass", "dobj")

#: Sports cues needed in the trigger's clause.
_SPORT_CUES = 2

_DEMONSTRATIVES = frozenset({"that", "this", "those", "these"})

_TIME_UNITS = frozenset({"years", "decades", "months", "weeks"})

_CHARACTERISING = frozenset({"as"})


def is_backdrop(
    trigger: Trigger, token: Token, governor: Token | None, lexicon: Lexicon, is_noun: bool
) -> bool:
    """Whether the trigger word at ``token`` tells of no act of the sentence (module doc)."""
    root = trigger.cameo[:2]
    if root in ("04", "05", "18", "19") and _sporting(token, governor):
        return True  # "the two squads meet again in the qualifier ... the striker ..."
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
    """Whether a trigger noun sets the scene: a danger ("the threat from X"), a name given
    ("described it as an attack"), a circumstance ("at the invitation of X", "carried
    proposals between the delegations"), a meeting skipped or told before ("At that
    meeting, ...")."""
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
        and _is_errand(governor, lexicon)
        and any(
            c.dep_ == "prep" and c.lower_ == "between" for c in governor.subtree
        )  # "carried proposals between the delegations": a go-between's errand
    )


def _is_errand(governor: Token, lexicon: Lexicon) -> bool:
    """Whether the verb is a go-between's (carry, relay, ferry, shuttle, pass)."""
    word = governor.lower_
    return word in _ERRANDS or any(t.object == "go_between" for t in lexicon.by_form.get(word, []))


def _sporting(token: Token, governor: Token | None) -> bool:
    """Whether the act is a game's: a team as its subject or object ("the two sides meet",
    "beat Ruritania's team") and at least two words of the game in its clause."""
    verb = governor if governor is not None else token
    parties = [c for node in (token, verb) for c in node.children if c.dep_ in _PARTY_DEPS]
    if not any(p.lower_ in _TEAMS for p in parties):
        return False
    clause = verb if verb.dep_ != "conj" else verb.head
    return sum(_is_sport_word(t) for t in clause.subtree) >= _SPORT_CUES


def _is_sport_word(token: Token) -> bool:
    """A word of the game, or one it shares with diplomacy, or the noun "draw"."""
    word = token.lower_
    return word in _SPORT or word in _SHARED or (word == "draw" and token.pos_ == "NOUN")


def _characterised(token: Token) -> bool:
    """'described X as "an attack on Y"', "called it an attack": a name given, not an act."""
    node = token
    while node.dep_ == "conj":  # "as a blatant interference and an attack on ..."
        node = node.head
    if node.dep_ in ("oprd", "attr"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ in _CHARACTERISING


def _counted_subject(token: Token) -> bool:
    """A counted crowd or share of states as the subject ("two million tourists visited",
    "over 100 of the members recognise"): people or a tally, not a state's act."""
    for subject in children_of(token, ("nsubj",)):
        if subject.like_num or subject.pos_ == "NUM":
            return True
        if any(t.lower_ in _CROWDS for t in subject.subtree):
            return True
    return False


_CROWDS = frozenset({"thousand", "thousands", "million", "millions", "hundreds", "tens"})


def _habitual(token: Token) -> bool:
    """A present-simple verb in a relative clause ("Ruritania, which sells grain to its
    neighbours"): a standing trade or habit of the party described."""
    return (
        token.dep_ == "relcl"
        and token.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in token.children)
    )


def _durative(token: Token) -> bool:
    """ "had refused for twelve years to ...": a standing refusal measured in years."""
    return any(
        p.dep_ == "prep"
        and p.lower_ == "for"
        and any(o.lower_ in _TIME_UNITS for o in children_of(p, ("pobj",)))
        for p in token.children
    )
