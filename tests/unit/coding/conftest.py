"""Fixtures of the coder tests: one shared Coder, and an article builder."""

from __future__ import annotations

from datetime import datetime

import pytest

from pipeline.coding import Coder
from pipeline.models import Candidate, CleanArticle


@pytest.fixture(scope="session")
def coder() -> Coder:
    """A coder with the packaged gazetteer and lexicon (spaCy loaded once)."""
    return Coder()


def make_article(
    body: str,
    *,
    title: str = "World news",
    published: str = "2025-03-12T10:00:00+00:00",
    language: str = "en",
) -> CleanArticle:
    """A clean article whose text is ``title + blank line + body``."""
    return CleanArticle(
        article_id="test-1",
        outlet="Test Outlet",
        url="https://example.test/1",
        published_at=datetime.fromisoformat(published),
        language=language,
        title=title,
        text=f"{title}\n\n{body}",
        content_hash="abc",
        fingerprint=[1, 2, 3],
    )


def tuples(candidates: list[Candidate]) -> set[tuple[str, str, str | None]]:
    """The (source, type, target) tuples of candidates."""
    return {(c.source.code, c.type, c.target.code if c.target else None) for c in candidates}
