"""Tests of date agreement by precision: background told without a date, weeks, months,
denials, and the date an event takes."""

from __future__ import annotations

from datetime import date

from pipeline.dedup import Deduplicator
from pipeline.dedup.state import BlockState, Record
from pipeline.models import Candidate
from tests.unit.dedup.builders import DAY0, candidate

SUMMIT = date(2025, 8, 15)


def run(*candidates: Candidate) -> Deduplicator:
    """Feed candidates to a fresh deduplicator."""
    dedup = Deduplicator()
    for c in candidates:
        dedup.add(c)
    return dedup


def meeting(article: str, **kwargs: object) -> Candidate:
    """An occurred in-person meeting report without a place."""
    return candidate(
        article,
        type="CONSULT",
        cameo="042",
        status="occurred",
        location=None,
        **kwargs,  # type: ignore[arg-type]
    )


def test_undated_background_mention_joins_the_earlier_meeting() -> None:
    """'The Alaska summit was the first since...' (no date, 19 days later) joins the summit."""
    summit = meeting("a1", day=SUMMIT, published_days=-19, precision="day")
    background = meeting("a2", day=DAY0.date(), precision="default")
    events = run(background, summit).events()
    assert [(SUMMIT, 2)] == [(e.date, e.num_articles) for e in events]


def test_undated_proposal_does_not_reach_back_beyond_the_window() -> None:
    """An offer without a date is dated the day it was stated: not one made 19 days before."""
    old = candidate("a1", day=SUMMIT, published_days=-19, precision="day")
    new = candidate("a2", day=DAY0.date(), precision="default")
    assert 2 == len(run(old, new).events())


def test_two_undated_reports_a_week_apart_stay_apart() -> None:
    """Two reports without dates published a week apart are two occasions."""
    one = meeting("a1", precision="default")
    two = meeting("a2", day=date(2025, 9, 10), published_days=7, precision="default")
    assert 2 == len(run(one, two).events())


def test_explicit_days_a_week_apart_stay_apart_even_after_a_background_mention() -> None:
    """A meeting on Sept. 10 ('on Wednesday') never joins the one of Sept. 3."""
    one = meeting("a1", precision="day")
    two = meeting("a2", day=date(2025, 9, 10), published_days=7, precision="day")
    assert 2 == len(run(one, two).events())


def test_week_precision_joins_a_day_within_a_week() -> None:
    """'More than two weeks after the summit' (resolved 5 days late) joins the summit."""
    summit = meeting("a1", day=SUMMIT, published_days=-19, precision="day")
    weeks = meeting("a2", day=date(2025, 8, 20), precision="week")
    assert [2] == [e.num_articles for e in run(summit, weeks).events()]


def test_week_precision_stays_apart_from_a_day_three_weeks_off() -> None:
    """A week-precise date does not stretch to three weeks."""
    summit = meeting("a1", day=SUMMIT, published_days=-19, precision="day")
    weeks = meeting("a2", day=date(2025, 9, 5), published_days=2, precision="week")
    assert 2 == len(run(summit, weeks).events())


def test_relative_month_spans_a_month_either_side() -> None:
    """'Last month' (Aug. 3 seen from Sept. 3) agrees with Aug. 15, not with June 20."""
    summit = meeting("a1", day=SUMMIT, published_days=-19, precision="day")
    june = meeting("a3", day=date(2025, 6, 20), published_days=-70, precision="day")
    month = meeting("a2", day=date(2025, 8, 3), precision="month")
    events = run(june, summit, month).events()  # in publication order: june is not late
    assert [1, 2] == sorted(e.num_articles for e in events)


def test_denial_joins_the_alleged_earlier_call() -> None:
    """'The Kremlin on Monday denied that they spoke' joins the reported call of Thursday,
    and the event carries the call's day."""
    call = candidate(
        "a1", type="CONSULT", cameo="041", status="occurred", location=None,
        day=date(2025, 8, 28), precision="day",
    )  # fmt: skip
    denial = candidate(
        "a2", type="CONSULT", cameo="041", status="denied", location=None,
        day=date(2025, 9, 1), published_days=-2, precision="day",
    )  # fmt: skip
    events = run(call, denial).events()
    assert [(date(2025, 8, 28), 2)] == [(e.date, e.num_articles) for e in events]


def test_explicit_day_outvotes_more_undated_reports() -> None:
    """Three reports without a date do not outvote one that names the day."""
    summit = meeting("a1", day=SUMMIT, published_days=-19, precision="day", confidence=0.5)
    others = [meeting(f"b{i}", precision="default", confidence=0.9) for i in range(3)]
    assert [SUMMIT] == [e.date for e in run(summit, *others).events()]


def test_state_keeps_precision_and_reads_rows_without_it() -> None:
    """A record's precision survives serialization; an older row (no precision) reads as None."""
    record = Record.from_candidate(meeting("a1", precision="week"), signature="")
    state = BlockState(records=[record], groups=[0])
    restored = BlockState.from_bytes(state.to_bytes()).records[0]
    assert ("week", None) == (restored.precision, Record.from_row(record.to_row()[:18]).precision)
