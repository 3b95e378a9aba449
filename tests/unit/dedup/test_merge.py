"""Tests of merge_candidate: revisions, idempotence, deterministic ids, expiry, bounds."""

from __future__ import annotations

from datetime import date

from pipeline.dedup import BlockState, merge_candidate
from pipeline.dedup.state import MAX_SENTENCE
from pipeline.models import Candidate
from tests.unit.dedup.builders import candidate


def test_new_event_publishes_revision_one_and_a_link() -> None:
    """The first report creates revision 1 and one mention link."""
    result = merge_candidate(None, candidate("a1"))
    assert ([1], ["a1"]) == (
        [e.revision for e in result.events],
        [link.article_id for link in result.links],
    )


def test_same_article_twice_changes_nothing() -> None:
    """Re-delivery of a report publishes nothing, links nothing and keeps the state."""
    first = merge_candidate(None, candidate("a1"))
    again = merge_candidate(first.state, candidate("a1"))
    assert ([], [], first.state.to_bytes()) == (again.events, again.links, again.state.to_bytes())
    assert False is again.late  # a re-delivery is not a late report


def test_another_outlet_bumps_revision() -> None:
    """A second outlet's report publishes revision 2 with two articles."""
    first = merge_candidate(None, candidate("a1"))
    second = merge_candidate(first.state, candidate("a2", published_days=1, day=date(2025, 9, 3)))
    event = second.events[0]
    assert (2, 2, ["a2"]) == (
        event.revision,
        event.num_articles,
        [x.article_id for x in second.links],
    )
    assert first.events[0].event_id == event.event_id


def test_status_change_is_a_new_revision() -> None:
    """A proposal later reported as planned (accepted) becomes a revision with the new status."""
    state = None
    for article, status in (("a1", "proposed"), ("a2", "planned"), ("a3", "planned")):
        result = merge_candidate(state, candidate(article, status=status))  # type: ignore[arg-type]
        state = result.state
    assert ["planned"] == [e.status for e in result.events]
    assert [3] == [e.revision for e in result.events]


def test_ids_survive_state_loss() -> None:
    """Reprocessing the same reports from an empty state re-creates the same event id."""
    one = merge_candidate(None, candidate("a1"))
    two = merge_candidate(one.state, candidate("a2"))
    replay = merge_candidate(merge_candidate(None, candidate("a1")).state, candidate("a2"))
    assert [e.event_id for e in two.events] == [e.event_id for e in replay.events]


def test_old_events_expire_relative_to_newest_report() -> None:
    """Events older than retention before the block's newest report leave the state."""
    old = merge_candidate(None, candidate("a1"), retention_days=30)
    later = merge_candidate(
        old.state, candidate("a2", published_days=40, day=date(2025, 10, 13)), retention_days=30
    )
    assert ["a2"] == [r.article_id for r in later.state.records]
    assert 1 == len(later.state.published)


def test_evidence_sentence_is_capped() -> None:
    """Stored evidence sentences are capped at MAX_SENTENCE characters."""
    long = candidate("a1").model_copy(update={"sentence": "x" * 5000})
    state = merge_candidate(None, long).state
    assert [MAX_SENTENCE] == [len(r.sentence) for r in state.records]


def test_block_state_round_trips_through_bytes() -> None:
    """from_bytes(to_bytes(state)) is the same state."""
    state = None
    for i in range(4):
        state = merge_candidate(
            state, candidate(f"a{i}", published_days=i, day=date(2025, 9, 3))
        ).state
    assert state is not None
    assert state == BlockState.from_bytes(state.to_bytes())


def test_corrupt_state_raises_state_error() -> None:
    """Bytes that are not a block state raise StateError (a ParleyError)."""
    from pipeline.dedup import StateError

    try:
        BlockState.from_bytes(b"{not json")
    except StateError as exc:
        assert "E310" == exc.code
    else:
        raise AssertionError("StateError not raised")


def _visit(article: str, day: int, published: float) -> Candidate:
    """An occurred visit RUS -> UKR on 2025-09-``day``, dated exactly."""
    return candidate(
        article,
        type="CONSULT",
        cameo="042",
        status="occurred",
        location=None,
        day=date(2025, 9, day),
        published_days=published,
        precision="day",
    )


def test_earlier_report_arriving_late_keeps_the_published_id() -> None:
    """A report published before the event's first one, arriving after it, joins the
    event under its published id: the id does not move and nothing is retired."""
    first = merge_candidate(None, candidate("a2", published_days=0.5))
    late = merge_candidate(first.state, candidate("a1", published_days=0.0))
    assert ([first.events[0].event_id], [], 2) == (
        [e.event_id for e in late.events],
        late.retired,
        late.events[0].num_articles,
    )


def test_groups_joined_by_a_regroup_retire_the_absorbed_id() -> None:
    """When an out-of-order report regroups the block so that two events become one,
    the surviving group keeps the id of its earliest report; the other id is retired,
    merged into it, with its mention links; the split-off report gets a new id."""
    state = None
    ids: dict[str, str] = {}
    for article, day, published in (("r1", 2, 0.1), ("ra", 3, 0.2), ("r2", 1, 0.3)):
        result = merge_candidate(state, _visit(article, day, published))
        state = result.state
        ids.update({m.article_id: e.event_id for e in result.events for m in e.mentions})
    assert ids["r1"] == ids["ra"] != ids["r2"]
    result = merge_candidate(state, _visit("r0", 1, 0.0))
    assert [ids["r2"]] == result.retired
    assert {ids["r2"]: ids["r1"]} == result.merged_into
    assert [(ids["r2"], "r2")] == result.unlinked
    by_articles = {tuple(sorted(m.article_id for m in e.mentions)): e for e in result.events}
    assert ids["r1"] == by_articles[("r0", "r1", "r2")].event_id
    assert {ids["r1"], ids["r2"]}.isdisjoint({by_articles[("ra",)].event_id})


def test_two_readings_of_one_report_keep_the_better_in_any_order() -> None:
    """One span read twice with different dates (an exact day, a month) is one report:
    the exactly dated reading is kept whichever arrives first, and the month reading
    arriving second publishes nothing."""
    day = candidate("a1", day=date(2025, 9, 2), precision="day")
    month = candidate("a1", day=date(2025, 7, 1), precision="month")
    day_first = merge_candidate(merge_candidate(None, day).state, month)
    month_first = merge_candidate(merge_candidate(None, month).state, day)
    assert ([], [date(2025, 9, 2)]) == (day_first.events, [r.date for r in day_first.state.records])
    assert [date(2025, 9, 2)] == [e.date for e in month_first.events]
    assert day_first.state.records == month_first.state.records
