"""The faust side of expiry: a table's rows expire on each partition's watermark.

A plain dict stands in for the faust table (the same get / set / delete / items calls);
the real table is exercised by tests/integration/test_expiry.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

from pipeline.agents.sweep import WATERMARK_PREFIX, TableSweeper, partition_of
from pipeline.dedup import BlockState, Deduplicator
from pipeline.dedup.expiry import block_last_day, expire_block
from tests.unit.dedup.builders import DAY0, candidate


class _Table(dict[bytes, bytes]):
    """What TableSweeper uses of a faust table."""


def _row(source: str, target: str, days: int) -> bytes:
    report = candidate(f"{source}{target}{days}", source=source, target=target,
                       published_days=days, day=(DAY0 + timedelta(days=days)).date())  # fmt: skip
    return Deduplicator().add(report).state.to_bytes()


def _keys_on(partition: int, count: int) -> list[bytes]:
    """Row keys that hash to ``partition`` of 2."""
    found = [f"K|{i}".encode() for i in range(200)]
    return [k for k in found if partition_of(k, 2) == partition][:count]


def _sweeper(table: _Table) -> TableSweeper:
    return TableSweeper(
        table,
        retention_days=30,
        partitions=2,
        last_day_of=block_last_day,
        expire=partial(expire_block, retention_days=30),
    )


def test_rescan_indexes_rows_then_sweep_stubs_only_that_partitions_expired_rows() -> None:
    """After a restart the rows found in the table are indexed by partition; a watermark
    40 days on stubs the old rows of its partition only, keeps a fresh one, and persists
    the watermark as a row."""
    old0, fresh0 = _keys_on(0, 2)
    [old1] = _keys_on(1, 1)
    table = _Table({old0: _row("USA", "CHN", 0), fresh0: _row("FRA", "DEU", 39),
                    old1: _row("IND", "BRA", 0)})  # fmt: skip
    sweeper = _sweeper(table)
    sweeper.advance(0, (DAY0 + timedelta(days=40)).date())
    assert 1 == sweeper.sweep(0)
    assert [] == BlockState.from_bytes(table[old0]).records
    assert BlockState.from_bytes(table[fresh0]).records
    assert BlockState.from_bytes(table[old1]).records  # partition 1 saw no newer record
    assert (DAY0 + timedelta(days=40)).date().isoformat().encode() == table[WATERMARK_PREFIX + b"0"]


def test_stub_is_deleted_one_retention_later_and_refreshed_rows_are_kept() -> None:
    """A stub goes once the watermark passes it by the retention; a row written again
    since it was indexed is not expired."""
    [key, other] = _keys_on(0, 2)
    table = _Table({key: _row("USA", "CHN", 0), other: _row("FRA", "DEU", 0)})
    sweeper = _sweeper(table)
    sweeper.advance(0, (DAY0 + timedelta(days=40)).date())
    table[other] = _row("FRA", "DEU", 40)  # refreshed behind the index's back
    sweeper.sweep(0)
    assert BlockState.from_bytes(table[other]).records
    sweeper.advance(0, (DAY0 + timedelta(days=100)).date())
    sweeper.sweep(0)
    assert key not in table


def test_restart_reads_the_stored_watermark_and_ignores_a_bad_one() -> None:
    """The watermark row survives a restart; an unreadable one is ignored, not fatal."""
    table = _Table({WATERMARK_PREFIX + b"0": b"2025-10-01", WATERMARK_PREFIX + b"1": b"garbage"})
    sweeper = _sweeper(table)
    sweeper.advance(1, date(2025, 9, 1))
    assert date(2025, 10, 1) == sweeper.expiry.watermark(0)
    assert date(2025, 9, 1) == sweeper.expiry.watermark(1)


def test_watermark_never_runs_ahead_of_the_clock() -> None:
    """A record dated years ahead moves the watermark at most two days past today."""
    sweeper = _sweeper(_Table())
    sweeper.advance(0, date(2999, 1, 1))
    limit = datetime.now(UTC).date() + timedelta(days=2)
    assert (sweeper.expiry.watermark(0) or date.max) <= limit
