"""The offline deduplicator: ``merge_candidate`` over an in-memory table.

It does what the dedup agent does with its faust Table — read the block's row,
merge, write the row back as bytes — so ``parley extract`` and the tests exercise
the same code and the same serialization as the stream. With ``sweep=True`` it also
expires rows as the stream does (:mod:`pipeline.dedup.expiry`: rows older than the
retention behind the newest publication day become stubs, and stubs are deleted one
retention later); ``parley extract`` keeps every row, since a file may hold articles of
any age in any order.
"""

from __future__ import annotations

from functools import partial

from pipeline.dedup.expiry import Expiry, block_last_day, expire_block, state_last_day
from pipeline.dedup.keys import blocking_key
from pipeline.dedup.merge import MergeResult, merge_candidate
from pipeline.dedup.state import BlockState
from pipeline.models import Candidate, Event

__all__ = ["Deduplicator"]

_PARTITION = 0


class Deduplicator:
    """Deduplicate candidates offline; ``events()`` gives the latest revision of each live
    event (retired ids dropped, as a compacted topic drops them after a tombstone)."""

    def __init__(
        self, *, window_days: int = 4, retention_days: int = 30, sweep: bool = False
    ) -> None:
        self._window_days = window_days
        self._retention_days = retention_days
        self._table: dict[bytes, bytes] = {}
        self._latest: dict[bytes, dict[str, Event]] = {}
        self._expiry = Expiry(retention_days=retention_days) if sweep else None

    def add(self, candidate: Candidate) -> MergeResult:
        """Merge one candidate into its block and remember the published revisions (a
        late report, when sweeping, changes nothing)."""
        key = blocking_key(candidate).encode("utf-8")
        raw = self._table.get(key)
        state = BlockState.from_bytes(raw) if raw is not None else None
        if self._expiry is not None:
            self._expiry.advance(_PARTITION, candidate.published_at.date())
        result = merge_candidate(
            state,
            candidate,
            window_days=self._window_days,
            retention_days=self._retention_days,
        )
        self._table[key] = result.state.to_bytes()
        latest = self._latest.setdefault(key, {})
        for event in result.events:
            latest[event.event_id] = event
        # An event absorbed by another (its reports now belong to another id) is retired,
        # as the stream retires it with a tombstone; an expired one (no longer in the
        # state at all) stays as published.
        for event_id in result.retired:
            latest.pop(event_id, None)
        if self._expiry is not None:
            self._note_and_sweep(key, result.state)
        return result

    def _note_and_sweep(self, key: bytes, state: BlockState) -> None:
        """What the stream's sweeper does (:class:`pipeline.agents.sweep.TableSweeper`)."""
        expiry = self._expiry
        if expiry is None:
            return
        last_day = state_last_day(state)
        if last_day is not None:
            expiry.note(_PARTITION, key, last_day)
        expiry.sweep(
            _PARTITION,
            self._table,
            last_day_of=block_last_day,
            expire=partial(expire_block, retention_days=self._retention_days),
        )

    def events(self) -> list[Event]:
        """The latest revision of every event, oldest first."""
        found = [e for block in self._latest.values() for e in block.values()]
        return sorted(found, key=lambda e: (e.first_seen, e.event_id))

    def state_bytes(self) -> int:
        """Total bytes of all block rows (what the table holds)."""
        return sum(len(raw) for raw in self._table.values())

    def rows(self) -> int:
        """How many block rows the table holds."""
        return len(self._table)
