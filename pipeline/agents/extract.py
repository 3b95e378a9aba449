"""The extract agent: ``CleanArticle`` → ``Candidate`` records on ``event.candidates``.

Each candidate is keyed by its blocking key, so every candidate that may describe
the same event lands on the same partition as the dedup table row that holds it.
Every article is accounted for on ``articles.outcomes`` (how many candidates it
gave, zero included); a coder failure dead-letters the clean record.
"""

from __future__ import annotations

from typing import Any

import orjson
import structlog
from mode import CrashingSupervisor

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import error_code_of, send_dead_letter
from pipeline.agents.publish import publish, publish_all
from pipeline.coding import extract_events
from pipeline.dedup import blocking_key
from pipeline.models import CleanArticle, dumps
from pipeline.settings import Settings
from pipeline.topics import Topics

__all__ = ["outcome_record", "register_extract"]

log = structlog.stdlib.get_logger(__name__)


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

    async def extract(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            with message_context(message):
                try:
                    article = CleanArticle.model_validate_json(message.value)
                    bind_article(article.article_id)
                    candidates = extract_events(article)
                    records = [
                        (blocking_key(candidate).encode("utf-8"), dumps(candidate))
                        for candidate in candidates
                    ]
                except Exception as exc:
                    log.error(
                        "extraction_failed",
                        error_class=type(exc).__name__,
                        error_code=error_code_of(exc),
                        exc_info=True,
                    )
                    await send_dead_letter(topics.dlq, message, stage="extract", exc=exc)
                    continue
                await publish_all(topics.candidates, records)
                await publish(
                    topics.outcomes,
                    key=article.article_id.encode("utf-8"),
                    value=outcome_record(article, candidates=len(records)),
                )
                log.info("article_coded", candidates=len(records))

    return app.agent(topics.clean, name="parley.extract", supervisor_strategy=CrashingSupervisor)(
        extract
    )
