"""Decisions that perform the act ("had decided to recognise X") and directives to close
missions ("told X to close its consulates": a cut in diplomatic ties, not a request).

Every sentence is hand-written.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _coded(coder: Coder, body: str) -> set[tuple[str, str, str, str | None, str]]:
    return {
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None, c.status)
        for c in coder.extract(make_article(body))
    }


def test_decision_to_recognise_is_the_recognition(coder: Coder) -> None:
    """ "Announced that it had decided to recognise X": the recognition occurred."""
    body = (
        "After a cabinet vote, the Uruguayan government said Montevideo had decided to "
        "recognise Palestine as a state."
    )
    assert ("URY", "SUPPORT", "054", "PSE", "occurred") in _coded(coder, body)


def test_future_decision_stays_planned(coder: Coder) -> None:
    """ "Would decide to recognise X later" is still a plan."""
    body = (
        "Montevideo would decide to recognise Palestine later in the year, according to its "
        "foreign minister."
    )
    assert ("URY", "SUPPORT", "054", "PSE", "planned") in _coded(coder, body)


def test_order_to_close_consulates_cuts_ties(coder: Coder) -> None:
    """ "Told X to close its consulates" reduces diplomatic relations (161)."""
    body = "Santiago told Peru on Thursday to close both of its consulates in the north by Friday."
    assert ("CHL", "SANCTION", "161", "PER", "occurred") in _coded(coder, body)


def test_other_directive_stays_a_request(coder: Coder) -> None:
    """ "Told X to stop the incursions" remains a request."""
    body = "Chile on Thursday told Peru to stop the border incursions."
    assert {"REQUEST"} == {t for _, t, _, _, _ in _coded(coder, body)}


def test_rebutted_report_is_a_denied_act(coder: Coder) -> None:
    """ "The rumour that X had invited Y ... was denied": the invitation is denied."""
    body = (
        "The rumour that Kenya's president had invited Sudan's army chief to Nairobi was "
        "flatly denied on Sunday by a government spokesman."
    )
    assert ("KEN", "AGREE", "036", "SDN", "denied") in _coded(coder, body)


def test_report_with_a_place_before_its_clause_is_denied(coder: Coder) -> None:
    """ "Stories in X's press that A had invited B ... were denied": the content clause,
    though the parser may take it for a relative one, is what is denied."""
    body = (
        "Stories in the Tanzanian press that Kenya's president had invited Sudan's army "
        "chief to a summit were flatly denied by Nairobi on Sunday."
    )
    assert ("KEN", "AGREE", "036", "SDN", "denied") in _coded(coder, body)


def test_relative_clause_beside_a_denial_is_not_denied(coder: Coder) -> None:
    """ "A, who had invited B, denied that the talks had failed": the invitation stands."""
    body = (
        "Peru's president, who had invited Chile's president to the summit, denied on "
        "Saturday that the talks had failed."
    )
    assert "denied" not in {s for _, _, _, _, s in _coded(coder, body)}


def test_announced_act_told_as_done_occurred(coder: Coder) -> None:
    """ "Announced that it was easing the curbs" / "had eased the curbs, X announced": done,
    not planned."""
    for body in (
        "Seoul announced on Thursday that it was easing curbs on rice imports from Vietnam.",
        "Seoul had eased curbs on rice imports from Vietnam, the trade minister announced.",
    ):
        assert ("KOR", "CONCEDE", "085", "VNM", "occurred") in _coded(coder, body)


def test_announced_act_to_come_stays_planned(coder: Coder) -> None:
    """ "Announced that the government would ease the curbs next year": planned."""
    body = (
        "Seoul's trade minister announced that the government would ease curbs on rice "
        "imports from Vietnam next year."
    )
    assert ("KOR", "CONCEDE", "085", "VNM", "planned") in _coded(coder, body)


def test_agreement_at_a_meeting_told_before_is_no_new_meeting(coder: Coder) -> None:
    """ "At that meeting, both leaders agreed to work towards an accord": an agreement (030,
    done), neither an offer to meet nor a new meeting."""
    body = (
        "Kenya's president and Uganda's president held talks in Kampala in March. At that "
        "meeting, both leaders agreed to work towards a pipeline accord before the end of "
        "the year."
    )
    found = _coded(coder, body)
    assert ("KEN", "AGREE", "030", "UGA", "occurred") in found
    assert not any(s == "planned" for _, _, _, _, s in found)


def test_noun_act_is_refined_by_its_infinitive(coder: Coder) -> None:
    """ "Refusal to meet X" rejects a meeting (125); "threat to impose sanctions" threatens
    sanctions (1312): the noun's to-infinitive is its object."""
    found = _coded(coder, "Peru's refusal to meet Chile's envoy on Monday angered Santiago.")
    assert ("PER", "REJECT", "125", "CHL", "occurred") in found
    found = _coded(coder, "Peru's threat to impose sanctions on Chile on Monday alarmed investors.")
    assert ("PER", "THREATEN", "1312", "CHL", "occurred") in found
