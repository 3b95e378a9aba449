"""The feed store: the latest revision of every event, for HTTP and Server-Sent Events.

:class:`EventStore` keeps the newest revision per ``event_id`` in memory, bounded
(the least recently updated events are forgotten first), and pushes each new
revision to its subscribers (one bounded queue per SSE client; a client too slow
to keep up is dropped rather than slowing the feed).

:func:`consume_events` fills a store from the WHOLE events topic: its own
consumer with no group and every partition assigned, from the beginning (the
topic is compacted, so this replays the latest revisions), so each worker's feed
shows every event, not only the partitions that worker owns. A tombstone (null
value) removes the event its key names: that id was merged into another event.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import structlog
from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError

from pipeline.feeds.filters import EventFilter
from pipeline.feeds.metrics import METRICS, Metrics
from pipeline.models import Event
from pipeline.settings import Settings

__all__ = [
    "EventStore",
    "Retired",
    "Subscription",
    "consume_events",
]

log = structlog.stdlib.get_logger(__name__)

_POLL_MS = 500


@dataclass(frozen=True)
class Retired:
    """A subscriber's notice that an event id was retired (merged into another event)."""

    event_id: str


class Subscription:
    """One subscriber's queue of new revisions matching its filter, and of retired ids."""

    def __init__(self, store: EventStore, event_filter: EventFilter, size: int) -> None:
        self.filter = event_filter
        self.queue: asyncio.Queue[Event | Retired | None] = asyncio.Queue(maxsize=size + 1)
        self._size = size
        self.dropped = False
        self._store = store

    def offer(self, event: Event) -> None:
        """Queue ``event`` when it matches; mark the subscription dropped when full."""
        if self.dropped or not self.filter.matches(event):
            return
        if self.queue.qsize() >= self._size:
            self.dropped = True
            return
        self.queue.put_nowait(event)

    def offer_retired(self, event_id: str) -> None:
        """Queue a retirement notice (whatever the filter: a client drops ids it never had)."""
        if self.dropped:
            return
        if self.queue.qsize() >= self._size:
            self.dropped = True
            return
        self.queue.put_nowait(Retired(event_id))

    def end(self) -> None:
        """End the subscription now (server shutdown): a waiting :meth:`next` returns ``None``."""
        self.dropped = True
        with contextlib.suppress(asyncio.QueueFull):
            self.queue.put_nowait(None)

    async def next(self, timeout: float) -> Event | Retired | None:
        """The next revision or retirement, or ``None`` after ``timeout`` seconds or once ended."""
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return None

    def close(self) -> None:
        """Stop receiving revisions."""
        self._store.unsubscribe(self)


class EventStore:
    """The latest revision of each event (bounded, newest-updated first) and its subscribers."""

    def __init__(
        self, *, max_events: int = 10_000, queue_size: int = 1_000, metrics: Metrics = METRICS
    ) -> None:
        self.max_events = max_events
        self.queue_size = queue_size
        self.caught_up = False
        self._events: OrderedDict[str, Event] = OrderedDict()
        self._subscribers: set[Subscription] = set()
        self._metrics = metrics

    def __len__(self) -> int:
        return len(self._events)

    def add(self, event: Event) -> bool:
        """Keep ``event`` if it is newer than the stored revision; notify subscribers.

        Returns whether it was kept (an older or repeated revision is ignored).
        """
        current = self._events.get(event.event_id)
        if current is not None and current.revision >= event.revision:
            return False
        self._events[event.event_id] = event
        self._events.move_to_end(event.event_id)
        while len(self._events) > self.max_events:
            self._events.popitem(last=False)
        for subscription in list(self._subscribers):
            subscription.offer(event)
        return True

    def remove(self, event_id: str) -> bool:
        """Forget a retired event (a tombstone on the events topic) and tell the subscribers;
        whether it was kept."""
        kept = self._events.pop(event_id, None) is not None
        for subscription in list(self._subscribers):
            subscription.offer_retired(event_id)
        return kept

    def add_bytes(self, value: bytes | None, key: bytes | None = None) -> Event | None:
        """Decode an events-topic record and :meth:`add` it; ``None`` when unusable or old.

        A tombstone (null value) removes the event ``key`` names: its id was retired,
        merged into another event.
        """
        if value is None:
            if key:
                self.remove(key.decode("utf-8", errors="replace"))
            return None
        if not value:
            return None
        try:
            event = Event.model_validate_json(value)
        except ValidationError as exc:
            log.warning("feed_record_skipped", error=str(exc)[:300])
            return None
        self._metrics.inc("feed_revisions")
        return event if self.add(event) else None

    def get(self, event_id: str) -> Event | None:
        """The latest revision of one event."""
        return self._events.get(event_id)

    def latest(
        self, event_filter: EventFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> tuple[int, list[Event]]:
        """``(total matching, one page)`` of latest revisions, most recently updated first."""
        matching = [
            event
            for event in reversed(self._events.values())
            if event_filter is None or event_filter.matches(event)
        ]
        return len(matching), matching[offset : offset + limit]

    def subscribe(self, event_filter: EventFilter | None = None) -> Subscription:
        """A new subscription to the revisions added from now on."""
        subscription = Subscription(self, event_filter or EventFilter(), self.queue_size)
        self._subscribers.add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        """Forget a subscription (idempotent)."""
        self._subscribers.discard(subscription)

    def end_all(self) -> None:
        """End every subscription (the web server is shutting down)."""
        for subscription in list(self._subscribers):
            subscription.end()

    @property
    def subscribers(self) -> int:
        """How many subscriptions are open."""
        return len(self._subscribers)


async def _wait_for_partitions(consumer: AIOKafkaConsumer, topic: str) -> list[TopicPartition]:
    """Every partition of ``topic``, waiting until the topic exists."""
    while True:
        # consumer.topics() fetches fresh metadata but does not update the consumer's own
        # cluster view, so a topic created after start() is read from the fresh metadata.
        cluster = await consumer._client.fetch_all_metadata()
        partitions = cluster.partitions_for_topic(topic)
        if partitions:
            return [TopicPartition(topic, p) for p in sorted(partitions)]
        await asyncio.sleep(1.0)


async def _records(consumer: AIOKafkaConsumer) -> AsyncIterator[list[Any]]:
    while True:
        batches = await consumer.getmany(timeout_ms=_POLL_MS)
        yield [record for records in batches.values() for record in records]


async def consume_events(store: EventStore, settings: Settings) -> None:
    """Fill ``store`` from every partition of the events topic until cancelled."""
    from pipeline.app import client_options, start_client  # the app module imports the feeds lazily

    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=200,
    )
    await start_client(consumer)
    try:
        assigned = await _wait_for_partitions(consumer, settings.topic_events)
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        end = await consumer.end_offsets(assigned)
        log.info("feed_consumer_started", topic=settings.topic_events, partitions=len(assigned))
        started = time.monotonic()
        async for records in _records(consumer):
            for record in records:
                store.add_bytes(record.value, record.key)
            if not store.caught_up:
                positions = {tp: await consumer.position(tp) for tp in assigned}
                if all(positions[tp] >= end[tp] for tp in assigned):
                    store.caught_up = True
                    log.info(
                        "feed_caught_up",
                        events=len(store),
                        seconds=round(time.monotonic() - started, 3),
                    )
    finally:
        await consumer.stop()
