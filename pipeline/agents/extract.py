"""The extract agent: ``CleanArticle`` → ``Candidate`` records on ``event.candidates``.

Each candidate is keyed by its blocking key, so every candidate that may describe
the same event lands on the same partition as the dedup table row that holds it.
Every article is accounted for on ``articles.outcomes`` (how many candidates it
gave, zero included); a coder failure dead-letters the clean record.

A table (``article-texts``: article id → content hash and publication day, about
100 bytes an article) tells a re-delivery (same id, same text: processed again,
harmlessly) from an id reused for a different text, which is dead-lettered as an
:class:`ArticleConflict`. The clean topic is keyed by article id, so one partition
owns each id. Rows expire ``dedup_retention_days`` behind the partition's newest
publication day (:class:`pipeline.agents.sweep.TableSweeper`), as dedup rows do.
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

import structlog
from mode import CrashingSupervisor

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import reject
from pipeline.agents.publish import publish, publish_all
from pipeline.agents.sweep import TableSweeper
from pipeline.agents.tables import bytes_table
from pipeline.coding import extract_events
from pipeline.dedup import blocking_key
from pipeline.errors import ArticleConflict
from pipeline.feeds.metrics import METRICS
from pipeline.models import CleanArticle, Outcome, dumps
from pipeline.settings import Settings
from pipeline.topics import Topics

__all__ = [
    "TEXTS_TABLE",
    "check_article_text",
    "outcome_record",
    "register_extract",
    "row_day",
    "text_row",
]

log = structlog.stdlib.get_logger(__name__)

TEXTS_TABLE = "article-texts"


def text_row(article: CleanArticle) -> bytes:
    """The ``article-texts`` row of an article: its content hash and publication day."""
    return f"{article.content_hash} {article.published_at.date().isoformat()}".encode("ascii")


def row_day(raw: bytes) -> date | None:
    """The publication day of an ``article-texts`` row (None in a row without one)."""
    _, _, day = raw.decode("ascii", "replace").partition(" ")
    try:
        return date.fromisoformat(day) if day else None
    except ValueError:
        return None


def check_article_text(article: CleanArticle, seen: bytes | None) -> None:
    """Raise :class:`ArticleConflict` when the id was seen before with another text."""
    seen_hash = seen.decode("ascii", "replace").partition(" ")[0] if seen is not None else None
    if seen_hash is not None and seen_hash != article.content_hash:
        raise ArticleConflict(
            f"article id {article.article_id!r} was already used for a different text"
        )


def outcome_record(article: CleanArticle, *, candidates: int) -> bytes:
    """The accounting record of one article (``articles.outcomes``)."""
    return dumps(
        Outcome(
            article_id=article.article_id,
            outlet=article.outlet,
            language=article.language,
            outcome="candidates" if candidates else "no_events",
            candidates=candidates,
        )
    )


def register_extract(app: Any, topics: Topics, settings: Settings) -> Any:
    """Register the extract agent on ``app`` (reads ``topics.clean``)."""
    texts = bytes_table(
        app,
        TEXTS_TABLE,
        settings=settings,
        help="content hash and day of each article id seen (re-delivery vs reused id)",
    )
    sweeper = TableSweeper(
        texts,
        retention_days=settings.dedup_retention_days,
        partitions=settings.partitions,
        last_day_of=row_day,
    )

    def _reassigned(sender: Any, *args: Any, **kwargs: Any) -> None:
        sweeper.reset()  # rows of newly assigned partitions were recovered: rescan

    app.on_partitions_assigned.connect(_reassigned)

    async def extract(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            with message_context(message):
                try:
                    article = CleanArticle.model_validate_json(message.value)
                    bind_article(article.article_id)
                    sweeper.advance(message.partition, article.published_at.date())
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
                row_key = article.article_id.encode("utf-8")
                texts[row_key] = text_row(article)
                sweeper.wrote(message.partition, row_key, article.published_at.date())
                sweeper.sweep(message.partition)
                log.info("article_coded", candidates=len(records))

    return app.agent(topics.clean, name="parley.extract", supervisor_strategy=CrashingSupervisor)(
        extract
    )
