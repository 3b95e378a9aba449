"""Parley's topics in one table: role, name (from settings), partitions, compaction.

Every topic carries raw bytes for key and value: agents decode the JSON themselves,
so a malformed record reaches the ingest agent untouched and can be dead-lettered
with its original bytes (faust has no dead-letter queue of its own).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import structlog

from pipeline.settings import Settings

log = structlog.get_logger(__name__)

__all__ = [
    "TopicSpec",
    "Topics",
    "create_topics",
    "declare_at_start",
    "declare_topics",
    "topic_specs",
]


@dataclass(frozen=True)
class TopicSpec:
    """One topic: its role in the pipeline, its name and how it is declared."""

    role: str
    name: str
    partitions: int
    compacted: bool = False
    internal: bool = False
    description: str = ""


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """The declaration table: every topic Parley reads or writes."""
    n = settings.partitions
    return [
        TopicSpec("articles", settings.topic_articles, n, description="raw articles (input)"),
        TopicSpec(
            "clean", settings.topic_clean, n, internal=True, description="CleanArticle by id"
        ),
        TopicSpec(
            "candidates",
            settings.topic_candidates,
            n,
            internal=True,
            description="Candidate by blocking key (co-partitioned with the dedup table)",
        ),
        TopicSpec(
            "events", settings.topic_events, n, compacted=True, description="Event revisions"
        ),
        TopicSpec(
            "mentions", settings.topic_mentions, n, compacted=True, description="MentionLink"
        ),
        TopicSpec("dlq", settings.topic_dlq, n, description="rejected input, original bytes"),
        TopicSpec(
            "outcomes", settings.topic_outcomes, n, description="per-article accounting record"
        ),
    ]


@dataclass(frozen=True)
class Topics:
    """The faust topic objects of one app, by role."""

    articles: Any
    clean: Any
    candidates: Any
    events: Any
    mentions: Any
    dlq: Any
    outcomes: Any

    def all(self) -> list[Any]:
        """Every topic, in declaration order."""
        return [
            self.articles,
            self.clean,
            self.candidates,
            self.events,
            self.mentions,
            self.dlq,
            self.outcomes,
        ]


def declare_topics(app: Any, settings: Settings) -> Topics:
    """Create the faust topic objects for ``app`` (raw bytes keys and values)."""
    made: dict[str, Any] = {}
    for spec in topic_specs(settings):
        made[spec.role] = app.topic(
            spec.name,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            partitions=spec.partitions,
            replicas=settings.replication_factor,
            internal=True,
            compacting=True if spec.compacted else None,
            # Every topic is declared by Parley, so internal=True on all of them.
        )
    return Topics(**made)


async def declare_at_start(app: Any, topics: Iterable[Any]) -> None:
    """Declare ``topics`` from a worker's start-up task, unless the worker is stopping.

    The task runs beside the worker's start, so a SIGTERM can stop the producer while
    it is still declaring; faust then raises ``NotReady``, which would crash the
    stopping worker (exit code 1) for a declaration nobody needs any more.
    """
    from faust.exceptions import NotReady

    for topic in topics:
        if app.should_stop:
            return
        try:
            await topic.maybe_declare()
        except NotReady:
            if not app.should_stop:
                raise
            log.info("topic_declare_skipped", topic=topic.get_topic_name(), reason="stopping")
            return


async def create_topics(settings: Settings, client_options: dict[str, Any]) -> list[str]:
    """Create any missing Parley topic with its configured partitions; return those created.

    Workers declare their topics themselves at start-up; this is for tools that
    write before a worker is up (``parley demo``), so nothing is auto-created with
    the broker's default partition count.
    """
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    admin = AIOKafkaAdminClient(**client_options)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [spec for spec in topic_specs(settings) if spec.name not in existing]
        if missing:
            await admin.create_topics(
                [
                    NewTopic(
                        spec.name,
                        num_partitions=spec.partitions,
                        replication_factor=settings.replication_factor,
                        topic_configs={"cleanup.policy": "compact"} if spec.compacted else {},
                    )
                    for spec in missing
                ]
            )
        return [spec.name for spec in missing]
    finally:
        await admin.close()
