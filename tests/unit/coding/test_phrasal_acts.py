"""Phrasal and light-verb acts of news writing: blowing up an office, cutting hotlines,
excluding a leader from a summit, freezing trade, siding with a state, restoring ties,
putting military plans on hold.

Every sentence is hand-written; where a rule could overreach, a case must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _codes(coder: Coder, body: str) -> set[tuple[str, str, str, str | None]]:
    return {
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None)
        for c in coder.extract(make_article(body))
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Serbia blew up the joint border office with Kosovo on Tuesday.",
            ("SRB", "COERCE", "1712", "XKX"),
        ),
        (
            "Venezuela demolished the Colombian consulate building with explosives on Monday.",
            ("VEN", "COERCE", "1712", "COL"),
        ),
        (
            "Georgia has cut off its emergency telephone channels to Russia, officials in "
            "Tbilisi confirmed.",
            ("GEO", "SANCTION", "160", "RUS"),
        ),
        ("Armenia cut the hotlines with Azerbaijan on Monday.", ("ARM", "SANCTION", "160", "AZE")),
        (
            "Ministers of the Arab League decided on Friday to exclude Syria's president "
            "from the summit.",
            ("ARL", "SANCTION", "160", "SYR"),
        ),
        (
            "The African Union shut out Mali's president from its summit on Friday.",
            ("AU", "SANCTION", "160", "MLI"),
        ),
        (
            "On Sunday Peru halted fresh trade and investment deals with Chile.",
            ("PER", "SANCTION", "163", "CHL"),
        ),
        (
            "In the row over fishing rights, Bahrain promptly sided with Oman, its foreign "
            "ministry said.",
            ("BHR", "SUPPORT", "051", "OMN"),
        ),
        (
            "Zambia has restored full diplomatic relations with Malawi, officials in Lusaka "
            "confirmed.",
            ("ZMB", "CONCEDE", "081", "MWI"),
        ),
        (
            "After a late-night phone call, Azerbaijan's defence minister suspended plans for "
            "a military offensive against Armenia.",
            ("AZE", "RETREAT", "087", "ARM"),
        ),
    ],
)
def test_phrasal_act_is_coded(
    coder: Coder, body: str, expected: tuple[str, str, str, str | None]
) -> None:
    """A phrasal or light-verb act is coded with its type and CAMEO code."""
    assert expected in _codes(coder, body)


@pytest.mark.parametrize(
    ("body", "unexpected"),
    [
        (  # a joint restoration is an agreement, not a concession
            "Officials said Jordan and Qatar had agreed to restore their diplomatic ties.",
            ("JOR", "CONCEDE", "081", "QAT"),
        ),
        (  # an exclusion from a summit is no meeting
            "Ministers of the Arab League decided on Friday to exclude Syria's president "
            "from the summit.",
            ("ARL", "CONSULT", "040", "SYR"),
        ),
        (  # suspending aid is no military retreat
            "Germany suspended military aid to Niger on Monday.",
            ("DEU", "RETREAT", "087", "NER"),
        ),
    ],
)
def test_phrasal_act_does_not_overreach(
    coder: Coder, body: str, unexpected: tuple[str, str, str, str | None]
) -> None:
    """A phrase near a phrasal trigger is not coded as that act."""
    assert unexpected not in _codes(coder, body)


def test_blown_up_office_in_a_place_aims_at_the_other_party(coder: Coder) -> None:
    """'Blew up the contact office in <town>': the town is the office's place, so the act
    is aimed at the story's other party."""
    body = (
        "Armenia and Azerbaijan had shared a contact office in Lachin since 2021. Yerevan "
        "said on Tuesday that Azerbaijani troops blew up the contact office in Lachin "
        "overnight."
    )
    assert ("AZE", "COERCE", "1712", "ARM") in _codes(coder, body)


def test_praise_of_the_hosts_quality_aims_at_the_host(coder: Coder) -> None:
    """'Praised his host's patience': the host is the party praised."""
    body = (
        "Chile's president arrived in Bolivia for a state visit on Monday. Speaking at a "
        "banquet the next evening, the Chilean leader praised his host's patience and "
        "generosity."
    )
    assert ("CHL", "SUPPORT", "051", "BOL") in _codes(coder, body)


@pytest.mark.parametrize(
    ("body", "mediator", "sides"),
    [
        (
            "Qatar's envoy shuttled between Khartoum and Juba on Monday, meeting both presidents.",
            "QAT",
            ("SDN", "SSD"),
        ),
        (  # "between" hangs on the adverb "back and forth", not on the verb
            "Ethiopian and Eritrean negotiators never met face to face in Doha; for a week "
            "Qatar's envoy ferried proposals back and forth between the two sides.",
            "QAT",
            ("ETH", "ERI"),
        ),
    ],
)
def test_go_between_mediates_with_each_party(
    coder: Coder, body: str, mediator: str, sides: tuple[str, str]
) -> None:
    """A go-between who shuttles or carries messages between two sides mediates with
    each (CONSULT 045), and carries no offer of his own."""
    found = _codes(coder, body)
    assert {(mediator, "CONSULT", "045", side) for side in sides} <= found
    assert not any(t == "AGREE" for _, t, _, _ in found)


def test_ship_carrying_cargo_is_no_mediation(coder: Coder) -> None:
    """A vessel carrying grain between ports is no go-between."""
    body = "A Turkish ship carrying grain between Odesa and Istanbul docked on Monday."
    assert not any(c == "045" for _, _, c, _ in _codes(coder, body))
