"""Property tests: the final events depend neither on arrival order nor on re-delivery,
and retired ids leave the (simulated) compacted events topic."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dedup import Deduplicator, MergeResult
from pipeline.models import Candidate, Event
from tests.unit.dedup.builders import DAY0, candidate

_TYPES = [
    ("AGREE", "036", "proposed"),
    ("CONSULT", "041", "occurred"),
    ("CONSULT", "042", "occurred"),
]
_TYPES += [("SANCTION", "161", "occurred"), ("CONSULT", "042", "planned")]
_TYPES += [("CONSULT", "041", "denied"), ("SANCTION", "161", "planned")]


@st.composite
def reports(draw: st.DrawFn) -> Candidate:
    """A random report among few articles, actors, dates and places (so many collide)."""
    article = draw(st.integers(0, 7))
    kind, cameo, status = draw(st.sampled_from(_TYPES))
    source, target = draw(st.sampled_from([("RUS", "UKR"), ("UKR", "RUS"), ("USA", "CHN")]))
    published = draw(st.integers(0, 5))
    event_day = DAY0.date() + timedelta(days=published - draw(st.sampled_from([0, 1, 2, 3, 20])))
    return candidate(
        f"a{article}",
        source=source,
        target=target,
        type=kind,
        cameo=cameo,
        status=status,  # type: ignore[arg-type]
        location=draw(st.sampled_from([None, "Moscow", "Beijing"])),
        day=event_day,
        published_days=published,
        outlet=f"Outlet {article % 3}",
        confidence=draw(st.sampled_from([0.5, 0.7, 0.9])),
        start=draw(st.integers(0, 2)) * 100,
        precision=draw(st.sampled_from([None, "day", "week", "month", "default"])),
    )


@st.composite
def visits(draw: st.DrawFn) -> Candidate:
    """One exactly dated visit among a few days (chains of one-day gaps, so regrouping by
    out-of-order reports joins and splits groups: ids are kept and retired)."""
    article = draw(st.integers(0, 7))
    return candidate(
        f"v{article}",
        type="CONSULT",
        cameo="042",
        status="occurred",
        location=None,
        day=date(2025, 9, draw(st.integers(1, 5))),
        published_days=draw(st.integers(0, 40)) / 10,
        confidence=draw(st.sampled_from([0.5, 0.7, 0.9])),
        start=draw(st.integers(0, 1)) * 100,
        precision="day",
    )


def _row(e: Event) -> tuple[Any, ...]:
    return (
        e.type,
        e.source.code,
        e.target.code if e.target else "",
        e.status,
        e.date,
        e.location or "",
        tuple(sorted(m.article_id for m in e.mentions)),
        e.num_articles,
        e.num_outlets,
        e.confidence,
        e.summary,
    )


def content(events: list[Event]) -> list[tuple[Any, ...]]:
    """The final events by content, order-free (ids may depend on arrival order)."""
    return sorted(_row(e) for e in events)


@dataclass
class Feed:
    """A deduplicator and what a compacted events topic would hold after its output."""

    dedup: Deduplicator = field(default_factory=Deduplicator)
    topic: dict[str, Event] = field(default_factory=dict)

    def add(self, c: Candidate) -> MergeResult:
        """Merge one candidate and apply its revisions and tombstones to the topic."""
        result = self.dedup.add(c)
        for event in result.events:
            self.topic[event.event_id] = event
        for event_id in result.retired:
            self.topic.pop(event_id)
            assert result.merged_into[event_id] in {e.event_id for e in self.dedup.events()}
        return result


def run(candidates: list[Candidate]) -> Feed:
    """Feed candidates in the given order."""
    feed = Feed()
    for c in candidates:
        feed.add(c)
    return feed


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one candidate per content (one article is one text). Two readings of one span
    with other dates, status or place stay: a coder may give one act two dates."""
    seen: dict[tuple[Any, ...], Candidate] = {}
    for c in candidates:
        target = c.target.code if c.target else ""
        key = (c.article_id, c.start, c.type, c.source.code, target, c.cameo.code, c.status)
        seen.setdefault((*key, c.date, c.date_precision, c.location), c)
    return list(seen.values())


def _check_live(feed: Feed) -> None:
    """The topic holds exactly the live events, one id each."""
    live = feed.dedup.events()
    assert len({e.event_id for e in live}) == len(live)
    assert {e.event_id: e for e in live} == feed.topic


@settings(max_examples=150, deadline=None)
@given(
    st.lists(reports(), min_size=1, max_size=14) | st.lists(visits(), min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_final_events_do_not_depend_on_arrival_order(candidates: list[Candidate], rnd: Any) -> None:
    """Shuffling the arrival order yields the same events by content, one live id per
    event, and a compacted topic (revisions, then tombstones of retired ids) holding
    exactly those events: no superseded id stays live."""
    candidates = _unique(candidates)
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    in_order, out_of_order = run(candidates), run(shuffled)
    _check_live(in_order)
    _check_live(out_of_order)
    assert content(in_order.dedup.events()) == content(out_of_order.dedup.events())


@settings(max_examples=100, deadline=None)
@given(
    st.lists(reports(), min_size=1, max_size=12) | st.lists(visits(), min_size=1, max_size=10),
    st.randoms(use_true_random=False),
)
def test_second_delivery_of_everything_publishes_nothing(
    candidates: list[Candidate], rnd: Any
) -> None:
    """After every candidate was delivered once (in any order), delivering each again
    publishes no revision, no link and retires no id."""
    candidates = _unique(candidates)
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    feed = run(shuffled)
    before = content(feed.dedup.events())
    again = [feed.add(c) for c in candidates]
    assert [] == [(r.events, r.links, r.retired) for r in again if r.events or r.links or r.retired]
    assert before == content(feed.dedup.events())
    _check_live(feed)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(reports(), min_size=1, max_size=12) | st.lists(visits(), min_size=1, max_size=10),
    st.data(),
)
def test_interleaved_duplicates_publish_nothing(candidates: list[Candidate], data: Any) -> None:
    """A candidate delivered again at any later point (interleaved with first deliveries)
    publishes nothing, and the final events equal those without the duplicates."""
    candidates = _unique(candidates)
    order = data.draw(st.permutations(candidates))
    stream: list[tuple[Candidate, bool]] = []
    delivered: list[Candidate] = []
    for c in order:
        stream.append((c, False))
        delivered.append(c)
        for repeat in data.draw(st.lists(st.sampled_from(delivered), max_size=2)):
            stream.append((repeat, True))
    feed = Feed()
    noisy = []
    for c, repeated in stream:
        result = feed.add(c)
        if repeated and (result.events or result.links or result.retired):
            noisy.append(c.article_id)
    assert [] == noisy
    _check_live(feed)
    assert content(run(list(order)).dedup.events()) == content(feed.dedup.events())


def test_expected_dates_are_within_range() -> None:
    """The strategy's dates stay inside the retention window (no expiry in the properties)."""
    assert (DAY0.date() + timedelta(days=5)) - (DAY0.date() - timedelta(days=20)) < timedelta(30)
    assert date(2025, 9, 3) == DAY0.date()
