"""Decoding raw input bytes into an ``Article``, with every failure a ``ParleyError``.

``decode_article`` is the only door from the input topic into Parley: it checks the
size, the encoding, the JSON syntax and nesting (``DecodeError``), then the schema and
the plausibility of the publication date (``ValidationFailed``). Error messages are
short and never echo the input back (it can be megabytes of anything).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError

from pipeline.errors import DecodeError, ValidationFailed
from pipeline.models import Article

__all__ = [
    "EARLIEST_PUBLISHED",
    "MAX_DEPTH",
    "MAX_FUTURE",
    "decode_article",
    "describe_validation_error",
    "measure_depth",
]

MAX_DEPTH = 32
"""Deepest JSON nesting accepted (an article is one flat object)."""
MAX_FUTURE = timedelta(days=2)
"""How far after ``now`` a ``published_at`` may lie (clock skew, time zones)."""
EARLIEST_PUBLISHED = datetime(1900, 1, 1, tzinfo=UTC)
_MAX_ERRORS = 5
_MAX_LOC = 60


def measure_depth(value: Any) -> int:
    """The nesting depth of a decoded JSON value (a scalar is 0), iteratively."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth + 1)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def describe_validation_error(exc: ValidationError) -> str:
    """A short, readable summary of a pydantic error, without the offending input."""
    parts = []
    for error in exc.errors(include_input=False, include_url=False)[:_MAX_ERRORS]:
        loc = ".".join(str(part)[:_MAX_LOC] for part in error["loc"]) or "article"
        parts.append(f"{loc}: {error['msg'][:200]}")
    more = exc.error_count() - _MAX_ERRORS
    if more > 0:
        parts.append(f"and {more} more")
    return "; ".join(parts)


def _as_bytes(raw: object) -> bytes:
    if isinstance(raw, bytes):
        return raw
    if isinstance(raw, bytearray | memoryview):
        return bytes(raw)
    if isinstance(raw, str):
        try:
            return raw.encode("utf-8")
        except UnicodeEncodeError as exc:
            raise DecodeError("message text is not valid Unicode") from exc
    raise DecodeError(f"message value is a {type(raw).__name__}, not bytes")


def _check_dates(article: Article, now: datetime | None) -> None:
    published = article.published_at
    if published < EARLIEST_PUBLISHED:
        raise ValidationFailed(f"published_at {published.isoformat()} is before 1900")
    if now is None:
        return
    reference = now if now.tzinfo is not None else now.replace(tzinfo=UTC)
    if published > reference + MAX_FUTURE:
        raise ValidationFailed(
            f"published_at {published.isoformat()} is more than "
            f"{MAX_FUTURE.days} days after {reference.isoformat()}"
        )


def decode_article(raw: bytes | None, *, max_bytes: int, now: datetime | None = None) -> Article:
    """Decode one input message into an ``Article``.

    Raises ``DecodeError`` for a missing or empty value, one over ``max_bytes``, bytes
    that are not UTF-8, invalid JSON, a JSON value that is not an object, or nesting
    deeper than ``MAX_DEPTH``; ``ValidationFailed`` for a schema error or a
    ``published_at`` before 1900 or (when ``now`` is given) more than two days after it,
    or an id with control characters (ids key tables and topics).
    """
    if raw is None:
        raise DecodeError("message has no value")
    data = _as_bytes(raw)
    if not data.strip():
        raise DecodeError("message is empty")
    if len(data) > max_bytes:
        raise DecodeError(f"message is {len(data)} bytes, over the limit of {max_bytes}")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"message is not UTF-8 (invalid byte at offset {exc.start})") from exc
    try:
        document = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise DecodeError(f"message is not valid JSON: {str(exc)[:160]}") from exc
    if not isinstance(document, dict):
        raise DecodeError(f"message is a JSON {type(document).__name__}, not an object")
    depth = measure_depth(document)
    if depth > MAX_DEPTH:
        raise DecodeError(f"message nests {depth} levels deep, over the limit of {MAX_DEPTH}")
    try:
        article = Article.model_validate(document)
    except ValidationError as exc:
        raise ValidationFailed(describe_validation_error(exc)) from exc
    _check_dates(article, now)
    if article.id is not None and any(ord(ch) < 32 or ord(ch) == 127 for ch in article.id):
        raise ValidationFailed("id: must not contain control characters")
    return article
