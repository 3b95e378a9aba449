"""Tests of the matching rules: what is one event and what stays apart."""

from __future__ import annotations

from datetime import date

from pipeline.dedup import Deduplicator, blocking_key
from tests.unit.dedup.builders import DAY0, candidate


def run(*candidates: object) -> Deduplicator:
    """Feed candidates to a fresh deduplicator."""
    dedup = Deduplicator()
    for c in candidates:
        dedup.add(c)  # type: ignore[arg-type]
    return dedup


def test_blocking_key_ignores_direction() -> None:
    """Both directions of one actor pair share a block (direction is decided inside)."""
    assert blocking_key(candidate("a", source="RUS", target="UKR")) == blocking_key(
        candidate("b", source="UKR", target="RUS")
    )


def test_proposal_reported_on_three_days_is_one_event() -> None:
    """Three outlets over three days reporting one invitation give one event."""
    dedup = run(
        candidate("a1"),
        candidate("a2", published_days=1, day=DAY0.date()),
        candidate("a3", published_days=2, location=None),
    )
    events = dedup.events()
    assert 1 == len(events)
    assert (3, 3) == (events[0].num_articles, events[0].num_outlets)


def test_undated_late_report_joins_within_window() -> None:
    """A report dated only by its own publication day joins an event up to 4 days before."""
    explicit = candidate("a1", published_days=1, day=DAY0.date())
    dedup = run(explicit, candidate("a2", published_days=4, day=date(2025, 9, 7)))
    assert [DAY0.date()] == [e.date for e in dedup.events()]


def test_two_same_day_reports_days_apart_stay_apart() -> None:
    """Two reports each dated by their own publication day, 3 days apart, are two events."""
    dedup = run(candidate("a1"), candidate("a2", published_days=3, day=date(2025, 9, 6)))
    assert 2 == len(dedup.events())


def test_invitation_and_the_meeting_that_follows_are_two_events() -> None:
    """A proposed meeting and the meeting that happened stay apart."""
    invite = candidate("a1", type="CONSULT", cameo="042", status="planned")
    meeting = candidate("a2", type="CONSULT", cameo="042", status="occurred", published_days=1)
    assert 2 == len(run(invite, meeting).events())


def test_two_calls_a_week_apart_stay_apart() -> None:
    """Phone calls between the same leaders seven days apart are two events."""
    first = candidate("a1", type="CONSULT", cameo="041", status="occurred", location=None)
    second = candidate(
        "a2",
        type="CONSULT",
        cameo="041",
        status="occurred",
        location=None,
        published_days=7,
        day=date(2025, 9, 10),
    )
    assert 2 == len(run(first, second).events())


def test_background_mention_of_last_weeks_visit_joins_that_visit() -> None:
    """A later article mentioning an earlier visit by its own date adds a mention to it."""
    visit = candidate("a1", type="CONSULT", cameo="042", status="occurred")
    background = candidate(
        "a2", type="CONSULT", cameo="042", status="occurred", published_days=9, day=DAY0.date()
    )
    events = run(visit, background).events()
    assert [["a1", "a2"]] == [[m.article_id for m in e.mentions] for e in events]


def test_talks_in_different_cities_stay_apart() -> None:
    """Two meetings on one day in different cities are two events."""
    geneva = candidate("a1", type="CONSULT", cameo="042", status="occurred", location="Geneva")
    riyadh = candidate("a2", type="CONSULT", cameo="042", status="occurred", location="Riyadh")
    assert 2 == len(run(geneva, riyadh).events())


def test_expulsions_in_each_direction_stay_apart() -> None:
    """A expels B's diplomats and B expels A's: two SANCTION events."""
    one = candidate(
        "a1", type="SANCTION", cameo="161", status="occurred", source="DZA", target="FRA"
    )
    two = candidate(
        "a2", type="SANCTION", cameo="161", status="occurred", source="FRA", target="DZA"
    )
    events = run(one, two).events()
    assert {("DZA", "FRA"), ("FRA", "DZA")} == {
        (e.source.code, e.target.code) for e in events if e.target
    }


def test_meeting_reported_in_either_order_is_one_event() -> None:
    """'A met B' and 'B met A' are one CONSULT event."""
    one = candidate(
        "a1", type="CONSULT", cameo="042", status="occurred", source="USA", target="CHN"
    )
    two = candidate(
        "a2", type="CONSULT", cameo="042", status="occurred", source="CHN", target="USA"
    )
    assert 1 == len(run(one, two).events())


def test_phone_call_and_visit_on_one_day_stay_apart() -> None:
    """A phone call and a visit are two occasions even on the same day."""
    call = candidate("a1", type="CONSULT", cameo="041", status="occurred", location=None)
    visit = candidate("a2", type="CONSULT", cameo="042", status="occurred", location=None)
    assert 2 == len(run(call, visit).events())


def test_syndicated_copy_counts_as_article_not_outlet() -> None:
    """The same wire text under another outlet adds an article but no outlet."""
    wire = "the european union adopted its sixteenth package of sanctions against russia " * 4
    one = candidate("a1", outlet="Wire", text=wire)
    two = candidate("a2", outlet="Herald", text=wire + " new headline")
    three = candidate("a3", outlet="Ledger")
    events = run(one, two, three).events()
    assert [(3, 2)] == [(e.num_articles, e.num_outlets) for e in events]


def test_more_independent_outlets_raise_confidence() -> None:
    """Event confidence grows with independent outlets."""
    one = run(candidate("a1")).events()[0].confidence
    two = run(candidate("a1"), candidate("a2")).events()[0].confidence
    assert (True, True) == (two > one, 0.7 == one)


def test_summary_is_one_readable_line() -> None:
    """The summary names actors, act, status, place, date and counts."""
    event = run(candidate("a1", source_name="Vladimir Putin"), candidate("a2")).events()[0]
    expected = "RUS (Vladimir Putin) invited UKR to meet — proposed, Moscow, 2025-09-03 — 2 articles, 2 outlets"
    assert expected == event.summary


def test_month_only_date_joins_a_day_in_that_month() -> None:
    """'In February' (resolved to the 1st) matches a visit reported on Feb. 28."""
    exact = candidate(
        "a1",
        type="CONSULT",
        cameo="042",
        status="occurred",
        day=date(2025, 2, 28),
        published_days=0,
    )
    month = candidate(
        "a2", type="CONSULT", cameo="042", status="occurred", day=date(2025, 2, 1), published_days=1
    )
    events = run(exact, month).events()
    assert [(date(2025, 2, 28), 2)] == [(e.date, e.num_articles) for e in events]


def test_month_only_date_stays_apart_from_another_month() -> None:
    """A date on the 1st of March does not match a visit on Feb. 20."""
    feb = candidate(
        "a1",
        type="CONSULT",
        cameo="042",
        status="occurred",
        day=date(2025, 2, 20),
        published_days=0,
    )
    march = candidate(
        "a2", type="CONSULT", cameo="042", status="occurred", day=date(2025, 3, 1), published_days=1
    )
    assert 2 == len(run(feb, march).events())


def test_visit_reported_in_capital_and_country_is_one_event() -> None:
    """'To Vietnam' and 'to Hanoi' for one planned visit give one event."""
    one = candidate("a1", type="CONSULT", cameo="042", status="planned", location="Vietnam")
    two = candidate("a2", type="CONSULT", cameo="042", status="planned", location="Hanoi")
    assert 1 == len(run(one, two).events())


def test_talks_in_a_capital_and_another_country_stay_apart() -> None:
    """Talks in Riyadh and talks in Switzerland are two events."""
    one = candidate("a1", type="CONSULT", cameo="042", status="occurred", location="Riyadh")
    two = candidate("a2", type="CONSULT", cameo="042", status="occurred", location="Switzerland")
    assert 2 == len(run(one, two).events())


def test_measure_planned_and_done_on_one_day_is_one_event() -> None:
    """A sale announced (planned) and reported as agreed (occurred) the same day is one act."""
    plan = candidate("a1", type="COOPERATE", cameo="062", status="planned", location=None)
    done = candidate(
        "a2", type="COOPERATE", cameo="062", status="occurred", location=None, published_days=1
    )
    events = run(plan, done).events()
    assert [2] == [e.num_articles for e in events]


def test_measure_planned_and_done_on_different_days_stays_apart() -> None:
    """A measure planned on one day and one done three days later are two events."""
    plan = candidate("a1", type="SANCTION", cameo="163", status="planned", location=None)
    done = candidate(
        "a2",
        type="SANCTION",
        cameo="163",
        status="occurred",
        location=None,
        published_days=3,
        day=date(2025, 9, 6),
    )
    assert 2 == len(run(plan, done).events())


def test_meeting_planned_and_held_on_one_day_stays_apart() -> None:
    """For meetings the plan and the meeting are two occasions, even on one day."""
    plan = candidate("a1", type="CONSULT", cameo="044", status="planned", location=None)
    held = candidate(
        "a2", type="CONSULT", cameo="044", status="occurred", location=None, published_days=1
    )
    assert 2 == len(run(plan, held).events())
