"""The seed article: Putin's invitation to Zelensky and Sybiha's accusation."""

from __future__ import annotations

from pipeline.coding import Coder
from pipeline.models import CleanArticle
from tests.unit.coding.conftest import make_article


def _seed_article(seed_text: str) -> CleanArticle:
    title, _, body = seed_text.partition("\n")
    return make_article(body.strip(), title=title.strip(), published="2025-09-04T09:00:00+00:00")


def test_seed_invitation_is_agree_036_proposed(coder: Coder, seed_text: str) -> None:
    """Putin -> Zelensky is coded AGREE 036 proposed, source RUS and target UKR."""
    candidates = coder.extract(_seed_article(seed_text))
    found = {
        (c.source.code, c.source.name, c.target.code if c.target else None, c.cameo.code, c.status)
        for c in candidates
        if c.type == "AGREE"
    }
    assert ("RUS", "Vladimir Putin", "UKR", "036", "proposed") in found


def test_seed_accusation_by_sybiha(coder: Coder, seed_text: str) -> None:
    """Sybiha (Ukraine) accuses Russia."""
    candidates = coder.extract(_seed_article(seed_text))
    found = {(c.source.code, c.type, c.target.code if c.target else None) for c in candidates}
    assert ("UKR", "ACCUSE", "RUS") in found
