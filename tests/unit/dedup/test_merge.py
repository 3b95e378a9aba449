"""Tests of merge_candidate: revisions, idempotence, deterministic ids, expiry, bounds."""


from __future__ import annotations

from datetime import date

from pipeline.dedup import BlockState, merge_candidate
from pipeline.dedup.state import MAX_SENTENCE
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
