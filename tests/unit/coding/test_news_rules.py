"""General rules of news writing the coder follows, each on a hand-written sentence.

Ratification, acceptance, welcome, attendance, refusals without a named addressee,
mediation, settings that are no party, causes that are no act, water cannon,
breaking off talks, dropping a legal case, and the negations and determiners that
undo an act.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from pipeline.models import Candidate
from tests.unit.coding.conftest import make_article, tuples


def _extract(coder: Coder, body: str, **kwargs: str) -> list[Candidate]:
    return coder.extract(make_article(body, **kwargs))


def _code(coder: Coder, body: str, **kwargs: str) -> set[tuple[str, str, str | None]]:
    return tuples(_extract(coder, body, **kwargs))


def _either(found: set[tuple[str, str, str | None]], a: str, kind: str, b: str) -> bool:
    return (a, kind, b) in found or (b, kind, a) in found


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Norway's parliament voted on Tuesday to ratify Iceland's accession to the treaty.",
            ("NOR", "SUPPORT", "ISL"),
        ),
        (
            "Chile's application to join the bloc was approved by the Peruvian parliament "
            "on Monday.",
            ("PER", "SUPPORT", "CHL"),
        ),
        (
            "Kenya on Friday welcomed Uganda's decision to reopen the border.",
            ("KEN", "SUPPORT", "UGA"),
        ),
        (
            "Thailand brushed off an invitation from Cambodia's prime minister to hold talks.",
            ("THA", "REJECT", "KHM"),
        ),
        (
            "Indonesian patrol ships fired water cannon at Malaysian boats on Friday.",
            ("IDN", "COERCE", "MYS"),
        ),
        (
            "Peru declared its border talks with Bolivia over on Monday.",
            ("PER", "SANCTION", "BOL"),
        ),
        (
            "Bolivia said on Monday that negotiations with Chile had ended without agreement.",
            ("BOL", "SANCTION", "CHL"),
        ),
        (
            "Ecuador said it would drop its case against Colombia at the International "
            "Court of Justice.",
            ("ECU", "CONCEDE", "COL"),
        ),
        (
            "Ghana warned on Monday that it could use force if Togo did not withdraw.",
            ("GHA", "THREATEN", "TGO"),
        ),
        (
            "A formal protest was lodged with Bangkok on Monday, the Cambodian foreign "
            "ministry said.",
            ("KHM", "ACCUSE", "THA"),
        ),
    ],
)
def test_news_phrasings(coder: Coder, body: str, expected: tuple[str, str, str]) -> None:
    """Each phrasing gives its act with the right direction."""
    assert expected in _code(coder, body)


def test_acceptance_is_agreement(coder: Coder) -> None:
    """Accepting a proposal is agreeing, between the coordinated parties."""
    found = _code(coder, "Colombia and Ecuador accepted the proposal on Friday.")
    assert _either(found, "COL", "AGREE", "ECU")


def test_attending_a_ceremony_is_a_visit_to_its_host(coder: Coder) -> None:
    """Attending an inauguration in a capital is a visit to that capital's state."""
    found = _code(
        coder, "Tanzania's foreign minister attended the swearing-in ceremony in Nairobi on Sunday."
    )
    assert ("TZA", "CONSULT", "KEN") in found


def test_no_reason_to_negotiate_is_a_refusal(coder: Coder) -> None:
    """'saw no reason to negotiate' refuses talks with the story's other party."""
    found = _code(
        coder, "Kazakhstan's foreign minister said he saw no reason to negotiate with Mongolia."
    )
    assert ("KAZ", "REJECT", "MNG") in found


@pytest.mark.parametrize(
    "second",
    [
        "Moldova rejected the demand on Friday.",
        "Moldova defied the order on Friday.",
        "Moldova's refusal to bow to the demand angered officials.",
    ],
)
def test_refusing_a_demand_targets_its_author(coder: Coder, second: str) -> None:
    """A refusal of 'the demand' or 'the order' is aimed at who made it, named earlier."""
    body = f"Romania demanded on Thursday that Moldova close the crossing. {second}"
    assert ("MDA", "REJECT", "ROU") in _code(coder, body)


def test_mediation_between_named_parties(coder: Coder) -> None:
    """A mediator consults each party of the talks it mediates."""
    found = _code(coder, "Qatar mediated talks between Colombia and Venezuela in Doha on Monday.")
    assert {("QAT", "CONSULT", "COL"), ("QAT", "CONSULT", "VEN")} <= found


def test_mediated_deal_reaches_the_clause_subjects(coder: Coder) -> None:
    """'A and B agreed, in a deal brokered by C': C consults A and B."""
    found = _code(
        coder, "Chad and Libya agreed on Friday to reopen the border in a deal brokered by Algeria."
    )
    assert {("DZA", "CONSULT", "TCD"), ("DZA", "CONSULT", "LBY")} <= found


def test_host_of_two_delegations_consults_both(coder: Coder) -> None:
    """'X hosted the A and B negotiators' gives one act per guest."""
    found = _code(
        coder, "Norway hosted the Colombian and Venezuelan negotiators for three days of talks."
    )
    assert {("NOR", "CONSULT", "COL"), ("NOR", "CONSULT", "VEN")} <= found


def test_sidelines_host_is_no_party(coder: Coder) -> None:
    """'On the sidelines of a summit of X's neighbours' makes X no party."""
    found = _code(
        coder,
        "On the sidelines of a summit of Mali's neighbours, Senegal and Guinea agreed to "
        "hold talks.",
    )
    assert not any("MLI" in (s, t) for s, _, t in found)
    assert _either(found, "SEN", "AGREE", "GIN")


def test_plan_author_is_no_party(coder: Coder) -> None:
    """'A and B agreed on an X plan': the plan's author is no party."""
    found = _code(
        coder,
        "The leaders of Kenya and Tanzania agreed on Monday on an African Union plan to share "
        "the lake.",
    )
    assert not any("AU" in (s, t) for s, _, t in found)
    assert _either(found, "KEN", "AGREE", "TZA")


def test_cause_of_a_protest_is_no_act(coder: Coder) -> None:
    """'X summoned Y's envoy over an attack' makes no attack by X."""
    found = _code(coder, "Indonesia summoned Malaysia's envoy over a navy attack on fishermen.")
    assert not any(kind == "ASSAULT" for _, kind, _ in found)


def test_meeting_setting_lends_no_target(coder: Coder) -> None:
    """'At a summit, the AU imposed sanctions on Y' is no meeting with Y."""
    found = _code(
        coder, "At an emergency summit on Monday, the African Union imposed sanctions on Guinea."
    )
    assert ("AU", "SANCTION", "GIN") in found
    assert ("AU", "CONSULT", "GIN") not in found


def test_call_with_a_date_is_a_phone_call(coder: Coder) -> None:
    """'called X on Tuesday' is a call, not 'called on X' (a request)."""
    found = _code(
        coder, "Chile's president called Peru's president on Tuesday to discuss the border."
    )
    assert ("CHL", "CONSULT", "PER") in found
    assert ("CHL", "REQUEST", "PER") not in found


def test_negated_alternative(coder: Coder) -> None:
    """'would never recognise X or agree to Y' negates both acts."""
    found = _code(
        coder, "Chile said it would never recognise the claim or agree to talks with Bolivia."
    )
    assert not any(kind in ("AGREE", "CONSULT") for _, kind, _ in found)


def test_talks_under_no_refine_nothing(coder: Coder) -> None:
    """'agreed that no further talks were needed' is an agreement, not a plan to meet."""
    found = _extract(
        coder,
        "Kenya and Tanzania agreed on Monday that no further talks were needed on the border.",
    )
    assert [] != found
    assert "036" not in {c.cameo.code for c in found}


def test_between_names_the_parties_of_both_leaders(coder: Coder) -> None:
    """'Both leaders agreed that visits between A and B would resume' gives A and B."""
    found = _code(
        coder,
        "The Chilean and Peruvian presidents met the UN chief. Both leaders agreed that "
        "visits between Lima and Santiago would resume.",
    )
    assert _either(found, "PER", "AGREE", "CHL")


def test_refusal_by_negated_will(coder: Coder) -> None:
    """'would never recognise X' is a rejection of X; 'did not recognise' is no event."""
    found = _code(coder, "Colombia said it would never recognise Venezuela's election result.")
    assert ("COL", "REJECT", "VEN") in found
    assert set() == _code(coder, "Colombia did not recognise the result, Venezuela said.")


def test_refusal_to_comply_targets_the_demand_author(coder: Coder) -> None:
    """'said it would not comply' rejects the demand of the story's other party."""
    found = _code(
        coder, "Uruguay ordered Paraguay to close the crossing. Paraguay said it would not comply."
    )
    assert ("PRY", "REJECT", "URY") in found


def test_talks_hosted_by_a_third_party(coder: Coder) -> None:
    """'A and B met for talks hosted by C': C mediates toward A and B, who meet."""
    found = _extract(coder, "Ghana and Togo met in Lome for talks hosted by Nigeria's president.")
    assert {("NGA", "CONSULT", "GHA"), ("NGA", "CONSULT", "TGO")} <= tuples(found)
    assert {"045"} == {c.cameo.code for c in found if c.source.code == "NGA"}


def test_participle_after_reported_clause_is_the_speakers(coder: Coder) -> None:
    """'X announced that the talks were over, blaming Y' is X's accusation of Y."""
    found = _code(
        coder,
        "Bolivia's foreign ministry announced that the talks were over, blaming Chile's "
        "intransigence.",
    )
    assert ("BOL", "ACCUSE", "CHL") in found


def test_clause_inside_an_object_refines_nothing(coder: Coder) -> None:
    """'rejected X's account of why talks failed' is no refusal of talks (not 125)."""
    found = _extract(coder, "Chile rejected Peru's account of why talks on the border had failed.")
    assert {"120"} == {c.cameo.code for c in found if c.type == "REJECT"}


def test_brokered_deal_is_done_though_its_terms_are_planned(coder: Coder) -> None:
    """The mediation of a deal occurred, whatever the deal plans."""
    found = _extract(
        coder, "Chad and Libya agreed on Friday to reopen the border in a deal brokered by Algeria."
    )
    assert {"occurred"} == {c.status for c in found if c.source.code == "DZA"}


def test_announced_end_of_talks_targets_the_other_party(coder: Coder) -> None:
    """'X said the negotiations had ended' breaks off talks with the story's other party."""
    found = _code(
        coder, "Chile and Bolivia held talks. On Monday Bolivia said the negotiations had ended."
    )
    assert ("BOL", "SANCTION", "CHL") in found


@pytest.mark.parametrize(
    ("body", "day"),
    [
        (
            "Chile said on Monday that it rejected the demand of Bolivia's rulers, who in March "
            "gave its envoy a week to leave.",
            "2025-03-10",
        ),
        (
            "Kenya and Tanzania agreed on Tuesday that visits between Nairobi and Dodoma would "
            "resume, ending a freeze that began in 2015.",
            "2025-03-11",
        ),
    ],
)
def test_relative_clause_dates_other_acts(coder: Coder, body: str, day: str) -> None:
    """A date inside a relative clause ('a freeze that began in 2015') is not the act's."""
    found = _extract(coder, body)
    assert [] != found
    assert {day} == {str(c.date) for c in found}


def test_participle_of_a_noun_and_contrastive_not(coder: Coder) -> None:
    """'with the minister, not the president, travelling to Lima' is the minister's visit;
    'X, not Y' is a contrast, no negation."""
    found = _code(
        coder,
        "Chile kept the new Peruvian government at a distance on Sunday, with the Chilean "
        "foreign minister, not the president, travelling to Lima for the inauguration.",
    )
    assert ("CHL", "CONSULT", "PER") in found
    assert set() == _code(coder, "Chile's foreign minister did not meet Peru's leader.")


def test_two_sides_of_a_mediation_exclude_the_mediator(coder: Coder) -> None:
    """'C mediated talks between the two sides': the sides are the last two others than C."""
    found = _code(
        coder,
        "Ghana and Togo accepted the plan on Monday. Nigeria's foreign minister had mediated "
        "talks between the two sides in Abuja.",
    )
    assert {("NGA", "CONSULT", "GHA"), ("NGA", "CONSULT", "TGO")} <= found


def test_security_council_inside_a_longer_name(coder: Coder) -> None:
    """'Supreme National Security Council' is not the UN Security Council."""
    found = _code(
        coder,
        "Ghana's Supreme National Security Council praised Togo on Monday.",
    )
    assert not any("UNSC" in (s, t) or "UN" in (s, t) for s, _, t in found)


def test_definite_sanction_told_before_targets_the_other_party(coder: Coder) -> None:
    """'The curbs were imposed by X in 2019', after a story of curbs on Y: X sanctioned Y."""
    found = _extract(
        coder,
        "Kenya lifted restrictions on exports to Uganda. The curbs were imposed by Nairobi "
        "in July 2019.",
    )
    assert {("KEN", "SANCTION", "UGA")} == {
        (c.source.code, c.type, c.target.code if c.target else None)
        for c in found
        if c.type == "SANCTION"
    }
    assert {"2019-07-01"} == {str(c.date) for c in found if c.type == "SANCTION"}
