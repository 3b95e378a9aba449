"""Expiry of table rows on the data's own clock: a watermark per partition.

A dedup row drops its old groups when a new report reaches *its* block, but a block
that no report reaches again would keep its row forever, and a worker's memory would
grow with every pair of actors it has ever seen. :class:`Expiry` closes that gap
without reading a clock: each partition's *watermark* is the newest publication day
seen on it, and a row whose last day (newest report or event date) is more than
``retention_days`` behind the watermark is *due*.

A due dedup row is not deleted at once but cut to a *stub* (:func:`expire_block`): no
reports, and as its newest day the row's own last day plus the retention and one day
(about 60 bytes). A report whose last day is no later than the expired row's is then
late for the block (:func:`pipeline.dedup.merge.merge_candidate` ignores it), so
re-delivering an article whose event expired cannot re-create a poorer copy of that
event, while a newer report of the pair opens a new event. The stub is deleted about
one retention later. Lateness is judged per block, never per partition: when
partitions are read at different speeds (a backlog), a report behind the fastest one
still joins a block that has not expired.

The index (row key → last day, per partition) is what makes a sweep cheap; the
caller fills it as it writes rows (:meth:`Expiry.note`), and after a restart or a
rebalance from a scan of the recovered rows. A sweep runs once per watermark day.
The caller re-reads a due row before deleting it (another writer may have refreshed
it since it was indexed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, MutableMapping
from datetime import UTC, date, datetime, time, timedelta

from pipeline.dedup.state import BlockState, StateError

__all__ = ["Expiry", "block_last_day", "expire_block", "state_last_day"]


def state_last_day(state: BlockState) -> date | None:
    """A block's last day: its newest report or event date, a stub's sweep day."""
    last = state.last_day()
    if last is None and state.newest is not None:
        return state.newest.date()
    return last


def block_last_day(raw: bytes) -> date | None:
    """:func:`state_last_day` of a serialized row (None for an unreadable row)."""
    try:
        return state_last_day(BlockState.from_bytes(raw))
    except StateError:
        return None


def expire_block(raw: bytes, watermark: date, *, retention_days: int) -> bytes | None:
    """The row that replaces an expired dedup row: a stub whose newest day is the row's
    last day plus the retention and a day (at most ``watermark``), so that only reports
    no newer than the row's are late; None (delete) for a stub or an unreadable row."""
    try:
        state = BlockState.from_bytes(raw)
    except StateError:
        return None
    last = state.last_day()
    if last is None:
        return None
    day = min(watermark, last + timedelta(days=retention_days + 1))
    return BlockState(newest=datetime.combine(day, time(), tzinfo=UTC)).to_bytes()


class Expiry:
    """Watermarks and a last-day index per partition; which rows are late or due."""

    def __init__(self, *, retention_days: int) -> None:
        self.retention = timedelta(days=retention_days)
        self._watermarks: dict[int, date] = {}
        self._swept: dict[int, date] = {}
        self._index: dict[int, dict[bytes, date]] = {}
        self._indexed: set[int] = set()

    def watermark(self, partition: int) -> date | None:
        """The newest publication day seen on ``partition`` (None before any)."""
        return self._watermarks.get(partition)

    def cutoff(self, partition: int) -> date | None:
        """Rows and reports whose last day is before this day are expired."""
        mark = self._watermarks.get(partition)
        return mark - self.retention if mark is not None else None

    def advance(self, partition: int, day: date) -> bool:
        """Move the watermark to ``day`` if it is newer; True when it moved (persist it)."""
        mark = self._watermarks.get(partition)
        if mark is not None and day <= mark:
            return False
        self._watermarks[partition] = day
        return True

    def is_late(self, partition: int, last_day: date) -> bool:
        """Whether a report whose last day is ``last_day`` is older than the retention."""
        cutoff = self.cutoff(partition)
        return cutoff is not None and last_day < cutoff

    def note(self, partition: int, key: bytes, last_day: date) -> None:
        """Record the last day of the row ``key`` just written on ``partition``."""
        self._index.setdefault(partition, {})[key] = last_day

    def drop(self, partition: int, key: bytes) -> None:
        """Forget the row ``key`` (deleted)."""
        self._index.get(partition, {}).pop(key, None)

    def needs_index(self, partition: int) -> bool:
        """True until :meth:`load_index` ran for ``partition`` since the last reset."""
        return partition not in self._indexed

    def load_index(self, partition: int, rows: Iterable[tuple[bytes, date]]) -> None:
        """Index the rows found on ``partition`` by a scan of the table (after recovery)."""
        index = self._index.setdefault(partition, {})
        for key, last_day in rows:
            index[key] = max(last_day, index.get(key, last_day))
        self._indexed.add(partition)

    def reset(self) -> None:
        """Forget every index (partitions were reassigned: rescan before sweeping)."""
        self._index.clear()
        self._indexed.clear()
        self._swept.clear()

    def due(self, partition: int) -> list[bytes]:
        """The keys of ``partition`` whose rows expired, once per watermark day (else [])."""
        cutoff = self.cutoff(partition)
        mark = self._watermarks.get(partition)
        if cutoff is None or mark is None or self._swept.get(partition) == mark:
            return []
        self._swept[partition] = mark
        index = self._index.get(partition, {})
        return sorted(key for key, last_day in index.items() if last_day < cutoff)

    def sweep(
        self,
        partition: int,
        rows: MutableMapping[bytes, bytes],
        *,
        last_day_of: Callable[[bytes], date | None],
        expire: Callable[[bytes, date], bytes | None],
    ) -> int:
        """Expire ``partition``'s due rows in ``rows`` (a table: get, set, delete): each is
        re-read first (kept when refreshed since it was indexed), then replaced by
        ``expire(row, watermark)`` or deleted when that gives None. How many expired."""
        mark = self._watermarks.get(partition)
        expired = 0
        for key in self.due(partition):
            raw = rows.get(key)
            if raw is None or mark is None:
                self.drop(partition, key)
                continue
            last_day = last_day_of(raw)
            if last_day is not None and not self.is_late(partition, last_day):
                self.note(partition, key, last_day)
                continue
            replacement = expire(raw, mark)
            if replacement is None:
                del rows[key]
                self.drop(partition, key)
            else:
                rows[key] = replacement
                self.note(partition, key, last_day_of(replacement) or mark)
            expired += 1
        return expired
