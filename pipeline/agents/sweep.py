"""Bounded tables: rows expire on each partition's watermark (the data's own clock).

:class:`TableSweeper` wraps a faust table with :class:`pipeline.dedup.expiry.Expiry`.
An agent calls :meth:`~TableSweeper.admit` with each record's day (a record older
than the retention behind its partition's watermark is *late*: skip it),
:meth:`~TableSweeper.wrote` after writing a row, and :meth:`~TableSweeper.sweep`
after each record: once per watermark day it deletes the partition's expired rows,
through the table, so the changelog carries the deletions and a recovering worker
does not bring them back.

Everything happens inside the agent, while it handles a record of the same
partition: faust writes a table's changelog to the partition of the record being
handled, and a row's key hashes (murmur2, as the producer partitions the input
topic by that key) to that partition. The watermark itself is a row
(``\\x00watermark/<partition>``), so it survives a restart. After a restart or a
rebalance the index is rebuilt by one scan of the recovered table per partition.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import structlog
from aiokafka.partitioner import murmur2

from pipeline.dedup.expiry import Expiry
from pipeline.feeds.metrics import METRICS

__all__ = ["WATERMARK_PREFIX", "TableSweeper", "partition_of"]

log = structlog.stdlib.get_logger(__name__)

WATERMARK_PREFIX = b"\x00watermark/"


def partition_of(key: bytes, partitions: int) -> int:
    """The partition the default (murmur2) partitioner sends ``key`` to."""
    return int(murmur2(key) & 0x7FFFFFFF) % partitions


class TableSweeper:
    """Late-record checks and expiry of one table's rows by partition watermark."""

    def __init__(
        self,
        table: Any,
        *,
        retention_days: int,
        partitions: int,
        last_day_of: Callable[[bytes], date | None],
    ) -> None:
        self.table = table
        self.expiry = Expiry(retention_days=retention_days)
        self.partitions = partitions
        self._last_day_of = last_day_of
        self.deleted = 0

    def reset(self) -> None:
        """Partitions were reassigned: rebuild indexes and watermarks from the table."""
        self.expiry.reset()

    def admit(self, partition: int, published: date, last_day: date) -> bool:
        """Advance ``partition``'s watermark to ``published``; False when a record whose
        last day is ``last_day`` is late (older than the retention behind it)."""
        if self.expiry.needs_index(partition):
            self._load(partition)
        if self.expiry.advance(partition, published):
            self.table[WATERMARK_PREFIX + str(partition).encode()] = published.isoformat().encode()
        return not self.expiry.is_late(partition, last_day)

    def wrote(self, partition: int, key: bytes, last_day: date | None) -> None:
        """Index the row just written under ``key``."""
        if last_day is not None:
            self.expiry.note(partition, key, last_day)

    def sweep(self, partition: int) -> int:
        """Delete ``partition``'s expired rows (once per watermark day); how many."""
        removed = 0
        for key in self.expiry.due(partition):
            raw = self.table.get(key)
            last_day = self._last_day_of(raw) if raw is not None else None
            if (
                raw is not None
                and last_day is not None
                and not self.expiry.is_late(partition, last_day)
            ):
                self.expiry.note(partition, key, last_day)  # refreshed since it was indexed
                continue
            if raw is not None:
                del self.table[key]
                removed += 1
            self.expiry.drop(partition, key)
        if removed:
            self.deleted += removed
            METRICS.inc("table_rows_expired", removed)
            log.info(
                "table_rows_expired", rows=removed, watermark=str(self.expiry.watermark(partition))
            )
        return removed

    def _load(self, partition: int) -> None:
        """Read the partition's stored watermark and index its rows (one table scan)."""
        stored = self.table.get(WATERMARK_PREFIX + str(partition).encode())
        if stored:
            self.expiry.advance(partition, date.fromisoformat(stored.decode("ascii")))
        self.expiry.load_index(partition, self._rows(partition))

    def _rows(self, partition: int) -> Iterator[tuple[bytes, date]]:
        for key, raw in list(self.table.items()):
            if not isinstance(key, bytes) or key.startswith(b"\x00") or raw is None:
                continue
            if partition_of(key, self.partitions) != partition:
                continue
            last_day = self._last_day_of(raw)
            if last_day is not None:
                yield key, last_day
