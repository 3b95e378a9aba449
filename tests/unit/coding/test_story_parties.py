"""Parties a sentence takes from the story: "the two sides" after a host named them,
a joint act of "the two leaders" with a third party in the clause, and the author of
the act a party reacts to ("welcomed the decision").

Every sentence is hand-written; each rule has a case that must hold and, where a
rule could overreach, a case that must not fire.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def test_two_sides_are_the_pair_a_host_brought_together(coder: Coder) -> None:
    """After "E received A's and B's leaders", "the two sides" are A and B even when E is
    named again in between: the joint act is A–B, never B–E."""
    found = _code(
        coder,
        "Norway's prime minister received Peruvian President Ana Rios and Chilean President "
        "Tomas Vidal in Oslo on Monday. Norwegian diplomats described the mood as calm.\n\n"
        "In a joint statement, the two sides agreed to resume border talks, overseen by "
        "Norway, next month.",
    )
    assert {("CHL", "AGREE", "PER")} == {
        (min(s, t or ""), p, max(s, t or "")) for s, p, t in found if p == "AGREE"
    }


def test_two_sides_keep_the_last_two_parties_when_no_pair_shares_them(coder: Coder) -> None:
    """A pair named together earlier in the window does not override the last two parties
    told when neither of them belongs to it."""
    found = _code(
        coder,
        "Peru and Chile signed a fisheries accord on Monday. On Tuesday, Italy's foreign "
        "minister held talks with his Spanish counterpart.\n\n"
        "The two sides agreed to hold another round of talks in May.",
    )
    agree = {(min(s, t or ""), max(s, t or "")) for s, p, t in found if p == "AGREE"}
    assert {("ESP", "ITA")} == agree


def test_joint_signing_of_the_two_leaders_takes_no_third_party(coder: Coder) -> None:
    """ "The two leaders signed what Norwegian officials called an accord, and appeared with
    the host": a signing between the two, not with the host's country."""
    found = _code(
        coder,
        "The Norwegian king received Peruvian President Ana Rios and Chilean President Tomas "
        "Vidal on Monday. The two leaders then signed what Norwegian officials called the "
        "Oslo Accord, and appeared with the king at a news conference.",
    )
    signings = {(s, t) for s, p, t in found if p == "SUPPORT"}
    assert {("PER", "CHL")} == signings


def test_welcoming_a_decision_answers_the_act_aimed_at_the_welcomer(coder: Coder) -> None:
    """ "X welcomed the decision" answers the latest one-way act aimed at X, even when
    another party acted in between (a mediator's talks are no such act)."""
    found = _code(
        coder,
        "Peru has lifted its ban on imports from Chile, ending a two-year dispute. Spain's "
        "envoy had held talks with Peru's foreign minister in recent weeks.\n\n"
        "Chile's foreign ministry welcomed the decision on Friday.",
    )
    assert ("CHL", "SUPPORT", "PER") in found
    assert ("CHL", "SUPPORT", "ESP") not in found


def test_two_sides_alone_in_a_sentence_still_act(coder: Coder) -> None:
    """A sentence naming no party but "the two ministers" is read: its act is the pair's."""
    found = _code(
        coder,
        "On Tuesday, Italy's foreign minister held talks with his Spanish counterpart.\n\n"
        "The two ministers also signed a trade accord.",
    )
    assert {("ITA", "ESP")} == {(s, t) for s, p, t in found if p == "SUPPORT"}


def test_welcoming_falls_back_to_the_act_told_just_before(coder: Coder) -> None:
    """With no earlier act aimed at the welcomer, "welcomed the vote" answers the act told
    just before."""
    found = _code(
        coder,
        "The Security Council lifted its sanctions on Mali on Tuesday. "
        "Niger's foreign minister welcomed the vote.",
    )
    assert ("NER", "SUPPORT", "UN") in found
