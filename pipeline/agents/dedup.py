"""The dedup agent: candidates meet their block's state; new revisions are published.

The table row for a blocking key holds the open events of that block
(``BlockState`` bytes). ``merge_candidate`` is pure and idempotent: a candidate
whose article is already a mention changes nothing, so a record delivered twice
(at-least-once, a crash, a changelog record lost in recovery) publishes nothing new.
Revisions are published and acknowledged *before* the table row is written, so a
crash in between re-publishes the same revision rather than losing it. An event id
absorbed by another event (reports arriving out of order regrouped the block) is
retired with a tombstone (key = event id, value null, header ``merged_into``) on the
compacted ``events`` topic, and its article links with tombstones on ``mentions``.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import structlog
from mode import CrashingSupervisor

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import reject
from pipeline.agents.publish import publish, publish_all
from pipeline.agents.sweep import TableSweeper
from pipeline.agents.tables import bytes_table
from pipeline.dedup import BlockState, merge_candidate
from pipeline.dedup.expiry import block_last_day, expire_block, state_last_day
from pipeline.feeds.metrics import METRICS
from pipeline.models import Candidate, dumps
from pipeline.settings import Settings
from pipeline.topics import Topics

__all__ = ["TABLE_NAME", "register_dedup"]

log = structlog.stdlib.get_logger(__name__)

TABLE_NAME = "dedup-blocks"


def register_dedup(app: Any, topics: Topics, settings: Settings) -> Any:
    """Register the dedup agent and its table on ``app`` (reads ``topics.candidates``)."""
    table = bytes_table(
        app, TABLE_NAME, settings=settings, help="open events per blocking key (BlockState bytes)"
    )
    sweeper = TableSweeper(
        table,
        retention_days=settings.dedup_retention_days,
        partitions=settings.partitions,
        last_day_of=block_last_day,
        expire=partial(expire_block, retention_days=settings.dedup_retention_days),
    )

    def _reassigned(sender: Any, *args: Any, **kwargs: Any) -> None:
        sweeper.reset()  # rows of newly assigned partitions were recovered: rescan

    app.on_partitions_assigned.connect(_reassigned)

    async def dedup(stream: Any) -> None:
        async for event in stream.events():
            message = event.message
            with message_context(message):
                key: bytes = message.key or b""
                try:
                    candidate = Candidate.model_validate_json(message.value)
                    bind_article(candidate.article_id)
                    sweeper.advance(message.partition, candidate.published_at.date())
                    stored: bytes | None = table.get(key)
                    state = BlockState.from_bytes(stored) if stored else None
                    result = merge_candidate(
                        state,
                        candidate,
                        window_days=settings.dedup_window_days,
                        retention_days=settings.dedup_retention_days,
                    )
                except Exception as exc:
                    await reject(
                        topics.dlq, message, stage="dedup", exc=exc, event="dedup_failed", bug=True
                    )
                    continue
                await publish_all(
                    topics.events, [(e.event_id.encode("utf-8"), dumps(e)) for e in result.events]
                )
                METRICS.inc("events_out", len(result.events))
                await publish_all(
                    topics.mentions,
                    [
                        (f"{link.event_id}/{link.article_id}".encode(), dumps(link))
                        for link in result.links
                    ],
                )
                # Retired ids (absorbed by another event): a tombstone on the compacted
                # topics, after the surviving event's revision, so they leave the feed.
                for retired in result.retired:
                    survivor = result.merged_into.get(retired, "")
                    await publish(
                        topics.events,
                        key=retired.encode("utf-8"),
                        value=None,
                        headers=[("merged_into", survivor.encode("utf-8"))],
                    )
                    log.info("event_retired", event_id=retired, merged_into=survivor)
                await publish_all(
                    topics.mentions,
                    [(f"{eid}/{article}".encode(), None) for eid, article in result.unlinked],
                )
                table[key] = result.state.to_bytes()
                sweeper.wrote(message.partition, key, state_last_day(result.state))
                sweeper.sweep(message.partition)
                for published in result.events:
                    log.info(
                        "event_published",
                        event_id=published.event_id,
                        revision=published.revision,
                        type=published.type,
                        num_articles=published.num_articles,
                    )
                if result.late:
                    METRICS.inc("candidates_late")
                    log.warning("candidate_late", retention_days=settings.dedup_retention_days)
                elif not result.events:
                    log.info("candidate_merged_without_change")

    return app.agent(
        topics.candidates,
        name="parley.dedup",
        concurrency=1,
        supervisor_strategy=CrashingSupervisor,
    )(dedup)
