"""Bare aiokafka helpers for the benchmark: create topics, fill them, copy, watch.

These talk to the broker directly (no faust), so that (a) measures what the
broker and client can do at best, and the other scenarios can pre-fill the input
topic and read Parley's output topics with their broker timestamps.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient, NewTopic

__all__ = ["Record", "create_topics", "fill_topic", "passthrough", "watch_topics"]

_MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Record:
    """A record as the watcher saw it: topic, key, value, CreateTime (seconds)."""

    topic: str
    key: bytes | None
    value: bytes
    timestamp: float


async def create_topics(bootstrap: str, topics: Sequence[tuple[str, int, bool]]) -> None:
    """Create ``(name, partitions, compacted)`` topics (existing ones are left alone)."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        new = [
            NewTopic(
                name,
                num_partitions=partitions,
                replication_factor=1,
                topic_configs={"cleanup.policy": "compact"} if compacted else {},
            )
            for name, partitions, compacted in topics
        ]
        try:
            await admin.create_topics(new)
        except Exception as exc:  # TopicAlreadyExists on a reused broker
            if "exist" not in str(exc).lower():
                raise
    finally:
        await admin.close()


def _producer(bootstrap: str, *, linger_ms: int = 5) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap, max_request_size=_MAX_BYTES, linger_ms=linger_ms, acks=1
    )


async def fill_topic(
    bootstrap: str,
    topic: str,
    records: Iterable[tuple[bytes | None, bytes]],
    *,
    rate: float | None = None,
    on_send: Callable[[bytes | None, float], None] | None = None,
) -> int:
    """Send records to ``topic``; at ``rate`` records/s when given, else as fast as possible.

    ``on_send(key, wall_time)`` is called as each record is handed to the producer; the
    record's CreateTime is that same wall time, so latencies compare like with like.
    """
    producer = _producer(bootstrap)
    await producer.start()
    sent = 0
    try:
        started = time.monotonic()
        pending = []
        for key, value in records:
            if rate is not None:
                delay = started + sent / rate - time.monotonic()
                if delay > 0:
                    await asyncio.sleep(delay)
            now = time.time()
            if on_send is not None:
                on_send(key, now)
            pending.append(
                await producer.send(topic, value=value, key=key, timestamp_ms=int(now * 1000))
            )
            sent += 1
            if len(pending) >= 500:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


async def passthrough(bootstrap: str, source: str, sink: str, count: int, *, acked: bool) -> float:
    """Copy ``count`` records from ``source`` to ``sink``; seconds from first fetch to last ack.

    ``acked=False`` batches acknowledgements (the I/O ceiling); ``acked=True`` waits for
    each record's acknowledgement before the next, as a careful agent does.
    """
    consumer = AIOKafkaConsumer(
        source,
        bootstrap_servers=bootstrap,
        group_id=f"bench-passthrough-{time.time_ns()}",
        auto_offset_reset="earliest",
        enable_auto_commit=True,
        fetch_max_wait_ms=100,
        max_partition_fetch_bytes=_MAX_BYTES,
        fetch_max_bytes=_MAX_BYTES * 4,
    )
    producer = _producer(bootstrap, linger_ms=0 if acked else 5)
    await consumer.start()
    await producer.start()
    copied = 0
    started: float | None = None
    try:
        while copied < count:
            batches = await consumer.getmany(timeout_ms=1000, max_records=500)
            futures = []
            for records in batches.values():
                for record in records:
                    if started is None:
                        started = time.monotonic()
                    if acked:
                        await producer.send_and_wait(sink, value=record.value, key=record.key)
                    else:
                        futures.append(
                            await producer.send(sink, value=record.value, key=record.key)
                        )
                    copied += 1
            await asyncio.gather(*futures)
        return time.monotonic() - (started or time.monotonic())
    finally:
        await consumer.stop()
        await producer.stop()


async def watch_topics(
    bootstrap: str,
    topics: Sequence[str],
    on_record: Callable[[Record], None],
    stop: asyncio.Event,
) -> None:
    """Read ``topics`` from the beginning (no group) until ``stop`` is set."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=50,
        max_partition_fetch_bytes=_MAX_BYTES,
        fetch_max_bytes=_MAX_BYTES * 4,
    )
    await consumer.start()
    try:
        partitions: list[TopicPartition] = []
        for topic in topics:
            found = consumer.partitions_for_topic(topic)
            while not found:
                await consumer._client.force_metadata_update()
                found = consumer.partitions_for_topic(topic)
                if not found:
                    await asyncio.sleep(0.2)
            partitions.extend(TopicPartition(topic, p) for p in sorted(found))
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        while not stop.is_set():
            batches = await consumer.getmany(timeout_ms=200, max_records=2000)
            for records in batches.values():
                for record in records:
                    on_record(
                        Record(
                            record.topic, record.key, record.value or b"", record.timestamp / 1000
                        )
                    )
    finally:
        await consumer.stop()
