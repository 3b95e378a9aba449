"""The ingest agent: raw article bytes → ``CleanArticle`` on ``article.clean``.

It decodes and validates the JSON, extracts the main text, and sends the clean
article keyed by its id. A record that fails any step goes to the dead-letter
topic with its original bytes; the agent goes on with the next record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import structlog
from mode import CrashingSupervisor

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import reject
from pipeline.agents.publish import publish
from pipeline.decoding import decode_article
from pipeline.errors import DecodeError, ValidationFailed
from pipeline.feeds.metrics import METRICS
from pipeline.models import dumps
from pipeline.settings import Settings
from pipeline.text.clean import clean_article
from pipeline.topics import Topics

__all__ = ["register_ingest", "stage_of"]

log = structlog.stdlib.get_logger(__name__)


def stage_of(exc: BaseException) -> str:
    """The dead-letter stage an ingest failure belongs to."""
    if isinstance(exc, DecodeError):
        return "decode"
    if isinstance(exc, ValidationFailed):
        return "validate"
    return "clean"


def register_ingest(app: Any, topics: Topics, settings: Settings) -> Any:
    """Register the ingest agent on ``app`` (reads ``topics.articles``)."""

    async def ingest(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            with message_context(message):
                METRICS.inc("articles_in")
                raw: bytes | None = message.value
                try:
                    # The agent may read the clock (the core may not): far-future dates fail.
                    article = decode_article(
                        raw, max_bytes=settings.max_message_bytes, now=datetime.now(UTC)
                    )
                    bind_article(article.article_id)
                    clean = clean_article(article, max_html_bytes=settings.max_html_bytes)
                except Exception as exc:
                    stage = stage_of(exc)
                    await reject(
                        topics.dlq,
                        message,
                        stage=stage,
                        exc=exc,
                        event="article_rejected",
                        bug=stage == "clean",
                    )
                    continue
                await publish(
                    topics.clean, key=clean.article_id.encode("utf-8"), value=dumps(clean)
                )
                log.debug("article_cleaned", chars=len(clean.text), language=clean.language)

    return app.agent(topics.articles, name="parley.ingest", supervisor_strategy=CrashingSupervisor)(
        ingest
    )
