"""Signings, threats, mediation and sanctions: general constructions on hand-written sentences.

Each test says which construction must be coded and how; the sentences are the tests' own.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def test_signing_accords_to_normalise_ties_with_two_states(coder: Coder) -> None:
    """'A signed accords to normalise relations with B and C at <venue>' is a signing with B
    and with C; the host of the ceremony signs nothing."""
    found = _code(
        coder,
        "Japan signed agreements to normalise relations with Peru and Chile at the Kremlin "
        "on Tuesday.",
    )
    expected = {("JPN", "SUPPORT", "PER"), ("JPN", "SUPPORT", "CHL")}
    assert expected == {t for t in found if t[1] == "SUPPORT"}
    assert set() == {t for t in found if "RUS" in t}


def test_sanctions_on_a_states_companies_hit_that_state(coder: Coder) -> None:
    """'A imposed sanctions on B-ian companies' is a sanction against B: a company's home
    counts for a sanction, though it makes no party of a deal between companies."""
    found = _code(coder, "The United States imposed sanctions on Venezuelan companies on Monday.")
    assert {("USA", "SANCTION", "VEN")} == found


def test_deal_between_companies_stays_no_state_act(coder: Coder) -> None:
    """A company's home named in a signing is still no party: 'signed a deal with a Japanese
    shipping group' is no act with Japan."""
    found = _code(coder, "Peru signed a deal with a Japanese shipping group on Monday.")
    assert set() == {t for t in found if t[2] == "JPN"}


def test_mediating_talks_between_the_two_countries_leaders(coder: Coder) -> None:
    """'C said after mediating talks between the two countries' leaders' is a mediation by C
    with each of the two countries just named; C is no party of their own agreement."""
    found = _code(
        coder,
        "Peru and Chile agreed on Monday to a ceasefire, Brazilian President Lula said after "
        "mediating talks between the two countries' leaders.",
    )
    expected = {("BRA", "CONSULT", "PER"), ("BRA", "CONSULT", "CHL")}
    assert expected == {t for t in found if t[0] == "BRA"}
    assert set() == {t for t in found if t[2] == "BRA"}


def test_removing_duties_eases_sanctions(coder: Coder) -> None:
    """'A removed its duties on B-ian wine' eases an economic sanction on B (CAMEO 085)."""
    found = coder.extract(make_article("Beijing removed its duties on Australian wine on Friday."))
    assert [("CHN", "085", "AUS")] == [
        (c.source.code, c.cameo.code, c.target.code if c.target else None) for c in found
    ]


def test_duties_not_removed_is_no_easing(coder: Coder) -> None:
    """A negated easing ('has not removed the tariffs') is no event."""
    found = _code(coder, "India has not removed the tariffs on American almonds.")
    assert set() == found
