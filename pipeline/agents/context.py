"""Per-message log context: topic, partition, offset and article id on every line."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import structlog

__all__ = ["bind_article", "message_context"]

_KEYS = ("topic", "partition", "offset", "article_id")


@contextmanager
def message_context(message: Any) -> Iterator[None]:
    """Bind the record's coordinates to structlog's contextvars while it is handled."""
    structlog.contextvars.bind_contextvars(
        topic=message.topic, partition=message.partition, offset=message.offset
    )
    try:
        yield
    finally:
        structlog.contextvars.unbind_contextvars(*_KEYS)


def bind_article(article_id: str) -> None:
    """Add the article id to the current message's log context."""
    structlog.contextvars.bind_contextvars(article_id=article_id)
