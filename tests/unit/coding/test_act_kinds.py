"""Act kinds, codes, modality and dates the wide corpus showed missing or too coarse:
easing a boycott, aid for a purpose, agreed withdrawals, revoked pacts, expulsions told as
orders to leave, rejected delegations, appeals to de-escalate, demands with a deadline,
measures held out as threats, habits and past stances, and dates of other clauses.

Every sentence is hand-written; where a rule could overreach, a case must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from pipeline.models import Candidate
from tests.unit.coding.conftest import make_article, tuples


def _extract(coder: Coder, body: str) -> list[Candidate]:
    return coder.extract(make_article(body))


def _codes(coder: Coder, body: str) -> set[tuple[str, str, str | None, str, str]]:
    return {
        (c.source.code, c.cameo.code, c.target.code if c.target else None, c.type, c.status)
        for c in _extract(coder, body)
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Egypt will reopen its airspace and its sea ports to Libya from Tuesday, officials said.",
            ("EGY", "085", "LBY", "CONCEDE", "planned"),
        ),
        (
            "Morocco said on Friday it would restore trade and shipping links with Algeria.",
            ("MAR", "085", "DZA", "CONCEDE", "planned"),
        ),
        (
            "Japan will provide 300 million dollars over three years to support Kenya's health system.",
            ("JPN", "071", "KEN", "AID", "planned"),
        ),
        (
            "France agreed on Monday to withdraw its troops from Chad.",
            ("FRA", "0874", "TCD", "RETREAT", "planned"),
        ),
        (
            "Mali has revoked its defence agreement with France.",
            ("MLI", "160", "FRA", "SANCTION", "occurred"),
        ),
        (
            "On Tuesday Poland told the Belarusian ambassador to leave the country within a week.",
            ("POL", "161", "BLR", "SANCTION", "occurred"),
        ),
        (
            "Sudan refused to receive the Kenyan delegation on Sunday.",
            ("SDN", "125", "KEN", "REJECT", "occurred"),
        ),
        (
            "The United Nations urged Armenia to exercise restraint on Monday.",
            ("UN", "0256", "ARM", "REQUEST", "occurred"),
        ),
        (
            "Somalia asked Ethiopia on Monday to pull its troops out of the region.",
            ("SOM", "0256", "ETH", "REQUEST", "occurred"),
        ),
        (
            "Iraq asked Turkey on Monday to withdraw its soldiers from the north by June 30.",
            ("IRQ", "1056", "TUR", "REQUEST", "occurred"),
        ),
        (
            "Vietnam's prime minister spoke by telephone on Monday with Laos's president.",
            ("VNM", "041", "LAO", "CONSULT", "occurred"),
        ),
        (
            "Egypt's president said on Sunday that Cairo could suspend relations with Israel.",
            ("EGY", "1313", "ISR", "THREATEN", "occurred"),
        ),
        (
            "Russian military trainers arrived in Mali on Wednesday.",
            ("RUS", "072", "MLI", "AID", "occurred"),
        ),
        (
            "A Turkish cargo plane carrying missiles landed in Somalia on Friday.",
            ("TUR", "072", "SOM", "AID", "occurred"),
        ),
        (
            "Kenya held frank discussions with Uganda on Monday.",
            ("KEN", "040", "UGA", "CONSULT", "occurred"),
        ),
        (
            "Germany said on Monday it stood in solidarity with Lithuania.",
            ("DEU", "051", "LTU", "SUPPORT", "occurred"),
        ),
    ],
)
def test_act_kinds(coder: Coder, body: str, expected: tuple[str, str, str, str, str]) -> None:
    """The sentence yields the act with its specific CAMEO code, type and status."""
    assert expected in _codes(coder, body)


@pytest.mark.parametrize(
    "body",
    [
        "Both Armenia and Georgia host Russian military bases.",
        "Kenya has always rejected the claims of Somalia.",
        "Oman has said in the past that it will not open an embassy in Israel before a deal.",
        "Chile had hoped to sign a trade treaty with Peru this year, but the talks stalled.",
        "Analysts said Egypt could suspend relations with Israel.",
        "A French navy ship arrived in Senegal on Monday.",
        "Kenya said the plan for Uganda was still under discussion.",
    ],
)
def test_no_act(coder: Coder, body: str) -> None:
    """Hosted bases, habits, past stances, unrealised hopes and others' speculation are no acts."""
    assert set() == tuples(_extract(coder, body))


def test_solidarity_as_motive_is_no_support(coder: Coder) -> None:
    """A measure taken "in solidarity" is no separate act of support."""
    body = "Poland cut its ties with Belarus on Monday in solidarity with Lithuania."
    assert "SUPPORT" not in {c.type for c in _extract(coder, body)}


def test_speculated_withdrawal_is_a_threat(coder: Coder) -> None:
    """A measure coordinated with a speculative one ("could suspend ... or withdraw") is no
    occurred sanction."""
    body = (
        "Algeria's president said on Friday that Algiers could suspend ties with Spain "
        "or withdraw its ambassador."
    )
    found = {(c.type, c.status) for c in _extract(coder, body)}
    assert ("SANCTION", "occurred") not in found


def test_vetoed_invitation_is_one_act(coder: Coder) -> None:
    """An invitation that is the object of a veto is not an invitation event of its own."""
    body = "At the summit on Monday, Hungary vetoed an invitation for Ukraine to join the talks."
    assert "AGREE" not in {c.type for c in _extract(coder, body)}


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            "Lithuania said on Monday it would downgrade its relations with Belarus from March 1.",
            "2025-03-12T10:00:00+00:00",
            "2025-03-10",
        ),
        (
            "Belarus accused Lithuania of hostility on Monday and said the step answered "
            "Vilnius's decision on February 2 to close a border crossing.",
            "2025-03-12T10:00:00+00:00",
            "2025-03-10",
        ),
    ],
)
def test_dates_of_other_clauses(coder: Coder, body: str, published: str, expected: str) -> None:
    """A measure's start date ("from March 1") and a date reported in another verb's clause
    do not date the act."""
    found = coder.extract(make_article(body, published=published))
    assert [expected] == sorted({c.date.isoformat() for c in found})[:1]


def test_accepted_invitation_is_planned(coder: Coder) -> None:
    """An invitation the invitee accepts in the same sentence is a planned meeting."""
    body = (
        "Japan's prime minister invited Kenya's president on Monday to address parliament "
        "in May, and the Kenyan leader accepted."
    )
    assert {("AGREE", "planned")} == {(c.type, c.status) for c in _extract(coder, body)}
