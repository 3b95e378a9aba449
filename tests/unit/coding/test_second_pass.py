"""Rules of the second generalization pass: companies, generic members and hypotheses
are no state acts; demands, written requests, implicit targets and reported threats are.

Every sentence is hand-written; each rule that could overreach has a case that must still fire.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def _types(coder: Coder, body: str) -> set[str]:
    return {t[1] for t in _code(coder, body)}


def test_company_deal_is_no_state_act(coder: Coder) -> None:
    """A deal between companies named by their home states is no act between the states."""
    body = (
        "Andes Freight, one of Chile's largest logistics operators, signed a $300 million "
        "agreement with the Korean shipping group Daewon Marine on Tuesday."
    )
    assert set() == _code(coder, body)


def test_company_deal_passive_is_no_state_act(coder: Coder) -> None:
    """The same holds in the passive: a contract won by a Spanish firm from Peru's carrier."""
    body = (
        "A contract was signed by the Spanish engineering firm Obras Norte with a Peruvian airline."
    )
    assert set() == _code(coder, body)


def test_state_deal_still_coded(coder: Coder) -> None:
    """A deal signed by the states themselves is still an act between them."""
    body = "Chile signed a trade agreement with South Korea on Tuesday."
    assert {"CHL", "KOR"} <= {t[0] for t in _code(coder, body)} | {t[2] for t in _code(coder, body)}


def test_member_states_are_not_the_body(coder: Coder) -> None:
    """ "Member states of the United Nations recognise X" is no act of the United Nations."""
    body = "Some 120 of the 193 member states of the United Nations now recognise Kosovo."
    assert set() == {t for t in _code(coder, body) if t[0] == "UN"}


def test_countries_of_a_bloc_are_not_the_bloc(coder: Coder) -> None:
    """ "Most countries of the EU back X": the countries, not the EU, act."""
    body = "Most countries of the European Union support Ukraine's bid."
    assert set() == {t for t in _code(coder, body) if t[0] == "EU"}


def test_hypothesis_is_no_event(coder: Coder) -> None:
    """An act in the clause of a likelihood word is an analyst's hypothesis, no event."""
    body = (
        "Observers said the clash made it less likely that Peru and Bolivia would cooperate "
        "on border security."
    )
    assert "COOPERATE" not in _types(coder, body)


def test_unlikely_visit_is_no_event(coder: Coder) -> None:
    """ "It is unlikely that X will visit Y" is no planned visit."""
    body = "Diplomats said it was unlikely that Egypt's president would visit Turkey this year."
    assert "CONSULT" not in _types(coder, body)


def test_plain_cooperation_still_coded(coder: Coder) -> None:
    """Without a likelihood word the same cooperation is an act."""
    body = "Peru and Bolivia agreed on Monday to cooperate on border security."
    assert {"AGREE", "COOPERATE"} & _types(coder, body)


def test_writing_to_ask_is_a_request(coder: Coder) -> None:
    """ "X wrote to Y asking for a meeting": X requests a meeting of Y (REQUEST, 02x)."""
    body = "Peruvian President Ana Rojas wrote to the UN Secretary-General asking for an urgent meeting."
    assert ("PER", "REQUEST", "UN") in _code(coder, body)


def test_letter_sent_to_ask_is_a_request(coder: Coder) -> None:
    """ "A letter that X sent to Y asking him to ..." : the sender asks the addressee."""
    body = (
        "Lima is still studying a letter that Chile sent to Peru in May asking it to lower its "
        "fishing quotas."
    )
    assert ("CHL", "REQUEST", "PER") in _code(coder, body)


def test_sending_a_letter_urging_talks_is_a_request(coder: Coder) -> None:
    """ "X sent a letter to Y urging talks": the letter's addressee is urged."""
    assert ("CHL", "REQUEST", "PER") in _code(coder, "Chile sent a letter to Peru urging talks.")


def test_unwritten_request_is_no_event(coder: Coder) -> None:
    """A letter never written asks nothing."""
    assert "REQUEST" not in _types(coder, "Chile did not write to Peru asking for talks.")


def test_warning_of_retaliation_is_a_threat(coder: Coder) -> None:
    """ "X warned that it would retaliate against Y" is a threat of force (THREATEN)."""
    body = "Turkey warned on Monday that it would retaliate against Greece."
    assert ("TUR", "THREATEN", "GRC") in _code(coder, body)


def test_warning_of_countermeasures_is_a_threat(coder: Coder) -> None:
    """ "X warned Y of countermeasures" is a threat."""
    assert ("JPN", "THREATEN", "CHN") in _code(coder, "Japan warned China of countermeasures.")


def test_unissued_warning_is_no_threat(coder: Coder) -> None:
    """A warning not given is no threat."""
    body = "Turkey did not warn that it would retaliate against Greece."
    assert "THREATEN" not in _types(coder, body)
