"""Rebuttals in the next sentence: an act told in one sentence and denied by its author
in the next ("... denied the allegation") is a denied act; the charge itself stands.

Every sentence is hand-written.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _coded(coder: Coder, body: str) -> set[tuple[str, str, str | None, str]]:
    return {
        (c.source.code, c.type, c.target.code if c.target else None, c.status)
        for c in coder.extract(make_article(body))
    }


def test_act_denied_by_its_author_next_is_denied(coder: Coder) -> None:
    """The alleged attack is denied; the accusation is still made."""
    body = (
        "Thailand's army said on Tuesday that Cambodian troops had attacked Thai positions "
        "along the border. Cambodia's defence ministry denied the allegation."
    )
    found = _coded(coder, body)
    assert ("KHM", "ASSAULT", "THA", "denied") in found
    assert ("THA", "ACCUSE", "KHM", "occurred") in found


def test_rebuttal_by_another_party_denies_nothing(coder: Coder) -> None:
    """A third state rejecting "the claims" does not deny the act of another."""
    body = (
        "Thailand's army said on Tuesday that Cambodian troops had attacked Thai positions "
        "along the border. Malaysia's foreign ministry dismissed the claims."
    )
    assert ("KHM", "ASSAULT", "THA", "occurred") in _coded(coder, body)
