"""Common acts of diplomatic news that the lexicon must carry: vows of retaliation,
frozen assets, blacklists, boycotts, downed drones, massed troops, condolences,
reopened embassies; and cancelled plans that are no meeting.

Every sentence is hand-written.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _codes(coder: Coder, body: str) -> set[tuple[str, str, str, str | None, str]]:
    return {
        (c.source.code, c.type, c.cameo.code, c.target.code if c.target else None, c.status)
        for c in coder.extract(make_article(body))
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Peru vowed on Monday to retaliate against Chile.", ("PER", "THREATEN", "138", "CHL")),
        (
            "Peru froze the assets of Chile's central bank on Monday.",
            ("PER", "SANCTION", "163", "CHL"),
        ),
        ("Peru blacklisted three Chilean companies on Monday.", ("PER", "SANCTION", "163", "CHL")),
        ("Peru boycotted the summit hosted by Chile on Monday.", ("PER", "REJECT", "125", "CHL")),
        ("Peru shot down a Chilean drone on Monday.", ("PER", "ASSAULT", "190", "CHL")),
        (
            "Peru massed troops on the border with Chile on Monday.",
            ("PER", "MOBILIZE", "154", "CHL"),
        ),
        ("Peru offered condolences to Chile on Monday.", ("PER", "SUPPORT", "051", "CHL")),
        ("Peru reopened its embassy in Chile on Monday.", ("PER", "CONCEDE", "081", "CHL")),
        (
            "Peru froze diplomatic relations with Chile on Monday.",
            ("PER", "SANCTION", "161", "CHL"),
        ),
    ],
)
def test_common_act_is_coded(
    coder: Coder, body: str, expected: tuple[str, str, str, str | None]
) -> None:
    """The act is coded, done, with its type and CAMEO code."""
    assert (*expected, "occurred") in _codes(coder, body)


@pytest.mark.parametrize(
    "body",
    [
        "Peru cancelled a planned visit to Chile on Monday.",
        "Peru scrapped planned talks with Chile on Monday.",
    ],
)
def test_cancelled_plan_is_no_meeting(coder: Coder, body: str) -> None:
    """A cancelled or scrapped visit or talks (British spelling too) is no meeting."""
    assert not any(t == "CONSULT" for _, t, _, _, _ in _codes(coder, body))


def test_vow_of_friendship_is_no_threat(coder: Coder) -> None:
    """A vow to deepen ties threatens nobody."""
    body = "Peru vowed on Monday to deepen its ties with Chile."
    assert not any(t == "THREATEN" for _, t, _, _, _ in _codes(coder, body))
