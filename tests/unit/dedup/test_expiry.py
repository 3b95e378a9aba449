"""Expiry on the data's own clock: watermarks, late reports and swept rows."""

from __future__ import annotations

from datetime import date, timedelta

from aiokafka.partitioner import DefaultPartitioner

from pipeline.agents.sweep import partition_of
from pipeline.dedup import BlockState, Deduplicator, merge_candidate
from pipeline.dedup.expiry import Expiry, block_last_day, expire_block
from pipeline.models import Candidate
from tests.unit.dedup.builders import DAY0, candidate

ACTORS = ["USA", "CHN", "FRA", "DEU", "IND", "BRA", "JPN", "TUR", "EGY", "KEN", "MEX", "ZAF"]


def test_watermark_only_moves_forward() -> None:
    """The watermark is the newest day seen; an older day neither moves it nor asks to persist."""
    expiry = Expiry(retention_days=30)
    assert True is expiry.advance(0, date(2025, 9, 3))
    assert False is expiry.advance(0, date(2025, 9, 1))
    assert date(2025, 9, 3) == expiry.watermark(0)
    assert None is expiry.watermark(1)


def test_late_is_older_than_retention_behind_watermark() -> None:
    """A report is late when its last day is more than the retention behind its partition's
    watermark; nothing is late before the partition saw anything."""
    expiry = Expiry(retention_days=30)
    assert False is expiry.is_late(0, date(2000, 1, 1))
    expiry.advance(0, date(2025, 9, 30))
    assert False is expiry.is_late(0, date(2025, 8, 31))
    assert True is expiry.is_late(0, date(2025, 8, 30))
    assert False is expiry.is_late(1, date(2025, 8, 30))


def test_due_rows_once_per_watermark_day() -> None:
    """Due rows are those whose last day fell behind the cutoff, offered once per watermark
    day; a row indexed by a scan counts like a written one."""
    expiry = Expiry(retention_days=10)
    expiry.note(0, b"old", date(2025, 9, 1))
    expiry.load_index(0, [(b"scanned", date(2025, 9, 2)), (b"fresh", date(2025, 9, 20))])
    expiry.advance(0, date(2025, 9, 20))
    assert [b"old", b"scanned"] == expiry.due(0)
    assert [] == expiry.due(0)
    expiry.advance(0, date(2025, 10, 5))
    assert [b"fresh", b"old", b"scanned"] == expiry.due(0)


def test_reset_asks_for_a_rescan() -> None:
    """After a reassignment the index is forgotten and each partition must be rescanned."""
    expiry = Expiry(retention_days=10)
    expiry.load_index(0, [(b"a", date(2025, 9, 1))])
    assert False is expiry.needs_index(0)
    expiry.reset()
    assert True is expiry.needs_index(0)
    expiry.advance(0, date(2025, 12, 1))
    assert [] == expiry.due(0)


def test_partition_of_matches_the_producer_partitioner() -> None:
    """Rows are found by the partition the default (murmur2) partitioner gives their key."""
    partitioner = DefaultPartitioner()
    for key in (b"AGREE|RUS|UKR", b"SANCTION|EU|IRN", b"x", b"CONSULT|IND|JPN"):
        for partitions in (1, 2, 4, 8):
            expected = partitioner(key, list(range(partitions)), list(range(partitions)))
            assert expected == partition_of(key, partitions)


def _stream(days: int, per_day: int) -> list[Candidate]:
    """One report a pair per slot, on a new pair of actors each day (blocks never revisited)."""
    found: list[Candidate] = []
    for day in range(days):
        for slot in range(per_day):
            source = ACTORS[(day + slot) % len(ACTORS)]
            target = f"X{day:03d}"
            found.append(
                candidate(
                    f"a{day}-{slot}",
                    source=source,
                    target=target,
                    day=(DAY0 + timedelta(days=day)).date(),
                    published_days=day,
                )
            )
    return found


def test_sweeping_keeps_rows_bounded_when_blocks_are_never_revisited() -> None:
    """With sweeping, rows of blocks that no report reaches again become stubs once they
    fall behind the retention, and stubs go one retention later: after 120 days of new
    pairs the table holds at most two retentions' worth of rows (one of them stubs), where
    without sweeping it holds every pair ever seen."""
    swept, kept = Deduplicator(retention_days=30, sweep=True), Deduplicator(retention_days=30)
    for item in _stream(days=120, per_day=3):
        swept.add(item)
        kept.add(item)
    assert 120 * 3 == kept.rows()
    assert 62 * 3 >= swept.rows()
    assert 60 * 3 <= swept.rows()
    assert 3 * swept.state_bytes() < kept.state_bytes()


def test_expired_row_becomes_a_stub_then_goes() -> None:
    """An expired row is cut to a stub (no reports, no bookkeeping) dated the row's last
    day plus the retention and a day; a stub that expires in turn is deleted."""
    dedup = Deduplicator(retention_days=30)
    result = dedup.add(candidate("a"))
    raw = result.state.to_bytes()
    stub = expire_block(raw, date(2025, 11, 1), retention_days=30)
    assert stub is not None
    assert DAY0.date() + timedelta(days=31) == block_last_day(stub)
    assert [] == BlockState.from_bytes(stub).records
    assert None is expire_block(stub, date(2025, 12, 5), retention_days=30)


def test_stub_keeps_old_reports_out_and_lets_newer_ones_in() -> None:
    """Behind a stub, a re-delivered report of the expired row is late; a report of the
    same pair newer than anything the row held opens a new event."""
    dedup = Deduplicator(retention_days=30)
    old = candidate("old", source="USA", target="CHN")
    raw = dedup.add(old).state.to_bytes()
    stub = BlockState.from_bytes(expire_block(raw, date(2025, 12, 1), retention_days=30) or b"")
    again = merge_candidate(stub, old)
    assert ([], [], True) == (again.events, again.links, again.late)
    newer = candidate("newer", source="USA", target="CHN", published_days=5, day=date(2025, 9, 8))
    fresh = merge_candidate(stub, newer)
    assert (1, False) == (len(fresh.events), fresh.late)


def test_sweeping_does_not_change_events_within_the_retention() -> None:
    """Sweeping only forgets what is past the retention: the events published are the same."""
    swept, kept = Deduplicator(retention_days=30, sweep=True), Deduplicator(retention_days=30)
    for item in _stream(days=60, per_day=2):
        swept.add(item)
        kept.add(item)
    assert [e.event_id for e in kept.events()] == [e.event_id for e in swept.events()]


def test_late_report_after_sweep_creates_nothing() -> None:
    """A re-delivered report whose row was swept is late for the stub left in its place:
    no event, no link, no new row."""
    dedup = Deduplicator(retention_days=30, sweep=True)
    old = candidate("old", source="USA", target="CHN")
    dedup.add(old)
    for item in _stream(days=45, per_day=1)[40:]:
        dedup.add(item)
    rows = dedup.rows()
    again = dedup.add(old)
    assert ([], []) == (again.events, again.links)
    assert rows == dedup.rows()
