"""Bounded tables: rows expire on each partition's watermark (the data's own clock).

:class:`TableSweeper` wraps a faust table with :class:`pipeline.dedup.expiry.Expiry`.
An agent calls :meth:`~TableSweeper.advance` with each record's publication day,
:meth:`~TableSweeper.wrote` after writing a row, and :meth:`~TableSweeper.sweep`
after each record: once per watermark day it replaces the partition's expired rows
(``expire``: a smaller row, or None to delete it) through the table, so the
changelog carries the change and a recovering worker does not bring them back.

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
        expire: Callable[[bytes, date], bytes | None] = lambda raw, day: None,
    ) -> None:
        self.table = table
        self.expiry = Expiry(retention_days=retention_days)
        self.partitions = partitions
        self._last_day_of = last_day_of
        self._expire = expire
        self.expired = 0

    def reset(self) -> None:
        """Partitions were reassigned: rebuild indexes and watermarks from the table."""
        self.expiry.reset()

    def advance(self, partition: int, published: date) -> None:
        """Advance ``partition``'s watermark to ``published`` (persisted when it moves)."""
        if self.expiry.needs_index(partition):
            self._load(partition)
        if self.expiry.advance(partition, published):
            self.table[WATERMARK_PREFIX + str(partition).encode()] = published.isoformat().encode()

    def wrote(self, partition: int, key: bytes, last_day: date | None) -> None:
        """Index the row just written under ``key``."""
        if last_day is not None:
            self.expiry.note(partition, key, last_day)

    def sweep(self, partition: int) -> int:
        """Expire ``partition``'s due rows (once per watermark day); how many."""
        mark = self.expiry.watermark(partition)
        removed = 0
        for key in self.expiry.due(partition):
            raw = self.table.get(key)
            last_day = self._last_day_of(raw) if raw is not None else None
            if raw is None or mark is None:
                self.expiry.drop(partition, key)
                continue
            if last_day is not None and not self.expiry.is_late(partition, last_day):
                self.expiry.note(partition, key, last_day)  # refreshed since it was indexed
                continue
            replacement = self._expire(raw, mark)
            if replacement is None:
                del self.table[key]
                self.expiry.drop(partition, key)
            else:
                self.table[key] = replacement
                self.expiry.note(partition, key, mark)
            removed += 1
        if removed:
            self.expired += removed
            METRICS.inc("table_rows_expired", removed)
            log.info("table_rows_expired", rows=removed, watermark=str(mark))
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
