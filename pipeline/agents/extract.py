"""The extract agent: ``CleanArticle`` → ``Candidate`` records on ``event.candidates``.

Each candidate is keyed by its blocking key, so every candidate that may describe
the same event lands on the same partition as the dedup table row that holds it.
Every article is accounted for on ``articles.outcomes`` (how many candidates it
gave, zero included); a coder failure dead-letters the clean record.

A table (``article-texts``: article id → content hash, about 100 bytes an article)
tells a re-delivery (same id, same text: processed again, harmlessly) from an id
reused for a different text, which is dead-lettered as an :class:`ArticleConflict`.
The clean topic is keyed by article id, so one partition owns each id.
"""

from __future__ import annotations

import time
from typing import Any

import orjson
import structlog
from mode import CrashingSupervisor

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import reject
from pipeline.agents.publish import publish, publish_all
from pipeline.agents.tables import bytes_table
from pipeline.coding import extract_events
from pipeline.dedup import blocking_key
from pipeline.errors import ArticleConflict
from pipeline.feeds.metrics import METRICS
from pipeline.models import CleanArticle, dumps
from pipeline.settings import Settings
from pipeline.topics import Topics

__all__ = ["TEXTS_TABLE", "check_article_text", "outcome_record", "register_extract"]

log = structlog.stdlib.get_logger(__name__)

TEXTS_TABLE = "article-texts"


def check_article_text(article: CleanArticle, seen_hash: bytes | None) -> None:
    """Raise :class:`ArticleConflict` when the id was seen before with another text."""
    if seen_hash is not None and seen_hash.decode("ascii") != article.content_hash:
        raise ArticleConflict(
            f"article id {article.article_id!r} was already used for a different text"
        )


def outcome_record(article: CleanArticle, *, candidates: int) -> bytes:
    """The accounting record of one article (``articles.outcomes``)."""
    return orjson.dumps(
        {
            "schema_version": 1,
            "article_id": article.article_id,
            "outlet": article.outlet,
            "language": article.language,
            "outcome": "candidates" if candidates else "no_events",
            "candidates": candidates,
        }
    )


def register_extract(app: Any, topics: Topics, settings: Settings) -> Any:
    """Register the extract agent on ``app`` (reads ``topics.clean``)."""
    texts = bytes_table(
        app,
        TEXTS_TABLE,
        settings=settings,
        help="content hash of each article id seen (re-delivery vs reused id)",
    )

    async def extract(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            with message_context(message):
                try:
                    article = CleanArticle.model_validate_json(message.value)
                    bind_article(article.article_id)
                    check_article_text(article, texts.get(article.article_id.encode("utf-8")))
                    started = time.perf_counter()
                    candidates = extract_events(article)
                    METRICS.observe("extraction_seconds", time.perf_counter() - started)
                    records = [
                        (blocking_key(candidate).encode("utf-8"), dumps(candidate))
                        for candidate in candidates
                    ]
                except ArticleConflict as exc:
                    await reject(
                        topics.dlq, message, stage="validate", exc=exc, event="article_rejected"
                    )
                    continue
                except Exception as exc:
                    await reject(
                        topics.dlq,
                        message,
                        stage="extract",
                        exc=exc,
                        event="extraction_failed",
                        bug=True,
                    )
                    continue
                await publish_all(topics.candidates, records)
                await publish(
                    topics.outcomes,
                    key=article.article_id.encode("utf-8"),
                    value=outcome_record(article, candidates=len(records)),
                )
                texts[article.article_id.encode("utf-8")] = article.content_hash.encode("ascii")
                log.info("article_coded", candidates=len(records))

    return app.agent(topics.clean, name="parley.extract", supervisor_strategy=CrashingSupervisor)(
        extract
    )
