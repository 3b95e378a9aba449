"""The message models are strict contracts: what they accept and refuse."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from pipeline.models import Article, derive_article_id

RAW = (
    b'{"id": "a-1", "outlet": "Wire", "url": "https://x.example/1", '
    b'"published_at": "2025-09-03T14:20:00+00:00", "title": "T", "body": "B"}'
)


def test_article_parses_from_json_with_an_iso_datetime() -> None:
    """A valid article line parses; its datetime is timezone-aware."""
    article = Article.model_validate_json(RAW)
    assert datetime(2025, 9, 3, 14, 20, tzinfo=UTC) == article.published_at
    assert "a-1" == article.article_id


def test_article_refuses_unknown_fields() -> None:
    """extra="forbid": an unknown field is an error, not silently dropped."""
    with pytest.raises(ValidationError):
        Article.model_validate_json(RAW[:-1] + b', "colour": "red"}')


def test_article_refuses_wrong_types_strictly() -> None:
    """strict: a number is not coerced into a string field."""
    with pytest.raises(ValidationError):
        Article.model_validate_json(RAW.replace(b'"Wire"', b"42"))


def test_article_refuses_a_naive_datetime() -> None:
    """published_at must carry an offset: a naive time is ambiguous."""
    with pytest.raises(ValidationError):
        Article.model_validate_json(RAW.replace(b"+00:00", b""))


def test_article_without_id_derives_one_from_its_url() -> None:
    """When the producer sends no id, the id is derived from the URL, stably."""
    article = Article.model_validate_json(RAW.replace(b'"id": "a-1", ', b""))
    assert derive_article_id("https://x.example/1") == article.article_id
    assert (
        article.article_id
        == Article.model_validate_json(RAW.replace(b'"id": "a-1", ', b"")).article_id
    )
