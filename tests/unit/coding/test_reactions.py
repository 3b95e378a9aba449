"""Accusations and praise: reactions to a deal told just before, the "it" of a reported
clause, denunciations with a verdict, and what they aim at.

Every sentence is hand-written; rules that could overreach have a case that must not fire.
"""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The Kenyan foreign ministry welcomed the plan on Monday, saying it supported "
            "the Ugandan decision.",
            ("KEN", "SUPPORT", "UGA"),
        ),
        (
            "The Chilean government said it fully supported Peru's decision.",
            ("CHL", "SUPPORT", "PER"),
        ),
    ],
)
def test_reported_it_is_the_reporting_body(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """The "it" subject of a clause reported by a body named by a demonym ("the Kenyan
    ministry said it ...", also "..., saying it ...") is that body's state."""
    assert expected in _code(coder, body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
            'Algeria denounced the agreement as "a betrayal of Algiers and the Sahrawi cause".',
            ("DZA", "ACCUSE", "MAR"),
        ),
        (
            "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
            "Portugal welcomed the deal on Wednesday.",
            ("PRT", "SUPPORT", "MAR"),
        ),
    ],
)
def test_reaction_to_the_deal_just_told(
    coder: Coder, body: str, expected: tuple[str, str, str | None]
) -> None:
    """Denouncing or welcoming "the agreement"/"the deal" just told aims at its author; a
    place named in the verdict ("a betrayal of <capital>") is no party of the deal."""
    assert expected in _code(coder, body)


def test_signing_the_deal_is_no_reaction(coder: Coder) -> None:
    """Signing "the agreement" told before is no praise of whoever agreed it first."""
    body = (
        "Morocco and Spain agreed on Tuesday to restore full diplomatic relations. "
        "The agreement was signed in Rabat by two junior officials."
    )
    praise = {t for t in _code(coder, body) if t[1] == "SUPPORT" and t[0] not in ("MAR", "ESP")}
    assert set() == praise
