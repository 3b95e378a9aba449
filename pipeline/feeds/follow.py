"""Following a topic without a consumer group, as ``parley tail`` and ``dead-letters`` do.

A follower assigns itself every partition of the topic, so any number of them read
the whole topic without taking partitions from each other or from the workers. It
starts at the beginning or at the end, and stops after ``idle_exit`` seconds without
a record (never, when ``None``).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.app import client_options, start_client
from pipeline.settings import Settings

__all__ = ["find_partitions", "follow_topic"]

_POLL_MS = 500


async def find_partitions(consumer: AIOKafkaConsumer, topic: str, wait_s: float) -> set[int]:
    """The topic's partitions, waiting up to ``wait_s`` for the topic to exist."""
    deadline = time.monotonic() + wait_s
    while True:
        topics = await consumer.topics()  # refreshes the cluster metadata
        partitions = consumer.partitions_for_topic(topic) if topic in topics else None
        if partitions:
            return set(partitions)
        if time.monotonic() >= deadline:
            return set()
        await asyncio.sleep(0.5)


async def follow_topic(
    settings: Settings, topic: str, *, from_beginning: bool, idle_exit: float | None
) -> AsyncIterator[Any]:
    """Yield the records of every partition of ``topic`` (aiokafka ``ConsumerRecord``s)."""
    consumer = AIOKafkaConsumer(
        **client_options(settings),
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest" if from_beginning else "latest",
        fetch_max_wait_ms=100,
    )
    await start_client(consumer)
    try:
        wait_s = idle_exit if idle_exit is not None else settings.broker_wait_s
        partitions = await find_partitions(consumer, topic, wait_s)
        if not partitions:
            return
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        if from_beginning:
            await consumer.seek_to_beginning(*assigned)
        else:
            await consumer.seek_to_end(*assigned)
        last_seen = time.monotonic()
        while idle_exit is None or time.monotonic() - last_seen < idle_exit:
            batches = await consumer.getmany(timeout_ms=_POLL_MS)
            for records in batches.values():
                for record in records:
                    last_seen = time.monotonic()
                    yield record
    finally:
        await consumer.stop()
