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

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import structlog
from aiokafka.partitioner import murmur2

from pipeline.dedup.expiry import Expiry
from pipeline.feeds.metrics import METRICS

__all__ = ["WATERMARK_PREFIX", "TableSweeper", "partition_of"]

log = structlog.stdlib.get_logger(__name__)

WATERMARK_PREFIX = b"\x00watermark/"
_AHEAD = timedelta(days=2)  # ingest rejects publication times later than this


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

    def reset(self) -> None:
        """Partitions were reassigned: rebuild indexes and watermarks from the table."""
        self.expiry.reset()

    def advance(self, partition: int, published: date) -> None:
        """Advance ``partition``'s watermark to ``published`` (persisted when it moves),
        never beyond two days after today's date: one record dated far ahead must not
        expire a partition's whole state. Housekeeping: a failure is logged, never raised
        into the record's handling."""
        try:
            if self.expiry.needs_index(partition):
                self._load()
            day = min(published, datetime.now(UTC).date() + _AHEAD)
            if self.expiry.advance(partition, day):
                self.table[WATERMARK_PREFIX + str(partition).encode()] = day.isoformat().encode()
        except Exception:
            log.exception("sweep_failed", stage="advance")

    def wrote(self, partition: int, key: bytes, last_day: date | None) -> None:
        """Index the row just written under ``key``."""
        if last_day is not None:
            self.expiry.note(partition, key, last_day)

    def sweep(self, partition: int) -> int:
        """Expire ``partition``'s due rows (once per watermark day); how many. A failure is
        logged, never raised (the row it stopped at is offered again the next day)."""
        try:
            return self._sweep(partition)
        except Exception:
            log.exception("sweep_failed", stage="sweep")
            return 0

    def _sweep(self, partition: int) -> int:
        mark = self.expiry.watermark(partition)
        removed = self.expiry.sweep(
            partition, self.table, last_day_of=self._last_day_of, expire=self._expire
        )
        if removed:
            METRICS.inc("table_rows_expired", removed)
            log.info("table_rows_expired", rows=removed, watermark=str(mark))
        return removed

    def _load(self) -> None:
        """Index every partition's rows and read the stored watermarks: one pass over the
        table (after a start or a rebalance; no ``await`` can interleave with it)."""
        found: dict[int, list[tuple[bytes, date]]] = {p: [] for p in range(self.partitions)}
        undated: dict[int, list[bytes]] = {p: [] for p in range(self.partitions)}
        for key, raw in self.table.items():
            if not isinstance(key, bytes) or raw is None:
                continue
            if key.startswith(WATERMARK_PREFIX):
                self._restore_watermark(key, raw)
                continue
            if key.startswith(b"\x00"):
                continue
            partition = partition_of(key, self.partitions)
            last_day = self._last_day_of(raw)
            if last_day is None:
                undated[partition].append(key)  # e.g. a row of an older format
            else:
                found[partition].append((key, last_day))
        for partition, rows in found.items():
            mark = self.expiry.watermark(partition)
            if mark is not None:  # an undated row expires one retention from now
                rows.extend((key, mark) for key in undated[partition])
            self.expiry.load_index(partition, rows)

    def _restore_watermark(self, key: bytes, raw: bytes) -> None:
        try:
            partition = int(key.removeprefix(WATERMARK_PREFIX))
            self.expiry.advance(partition, date.fromisoformat(raw.decode("ascii")))
        except (ValueError, UnicodeDecodeError):
            log.warning("watermark_row_ignored", key=repr(key)[:80])
