"""Property tests: the final events depend neither on arrival order nor on re-delivery."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dedup import Deduplicator
from pipeline.models import Candidate
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


def content(dedup: Deduplicator) -> list[tuple[Any, ...]]:
    """The final events by content (and id), order-free."""
    return sorted(
        (
            e.event_id,
            e.type,
            e.source.code,
            e.target.code if e.target else None,
            e.status,
            e.date,
            e.location,
            tuple(sorted(m.article_id for m in e.mentions)),
            e.num_articles,
            e.num_outlets,
            e.confidence,
            e.summary,
        )
        for e in dedup.events()
    )


def run(candidates: list[Candidate]) -> Deduplicator:
    """Feed candidates in the given order."""
    dedup = Deduplicator()
    for c in candidates:
        dedup.add(c)
    return dedup


def _unique(candidates: list[Candidate]) -> list[Candidate]:
    """Keep one report per (article, offset, codes): one article is one text."""
    seen: dict[tuple[str, int, str, str], Candidate] = {}
    for c in candidates:
        key = (c.article_id, c.start, c.type, c.source.code)
        seen.setdefault(key, c)
    return list(seen.values())


@settings(max_examples=150, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=14), st.randoms(use_true_random=False))
def test_final_events_do_not_depend_on_arrival_order(candidates: list[Candidate], rnd: Any) -> None:
    """Shuffling the arrival order yields the same events, ids included."""
    candidates = _unique(candidates)
    shuffled = list(candidates)
    rnd.shuffle(shuffled)
    assert content(run(candidates)) == content(run(shuffled))


@settings(max_examples=100, deadline=None)
@given(st.lists(reports(), min_size=1, max_size=12), st.data())
def test_final_events_do_not_depend_on_redelivery(candidates: list[Candidate], data: Any) -> None:
    """Delivering some reports again (at-least-once) changes no event."""
    candidates = _unique(candidates)
    repeats = data.draw(st.lists(st.sampled_from(candidates), max_size=6))
    assert content(run(candidates)) == content(run(candidates + repeats))


def test_expected_dates_are_within_range() -> None:
    """The strategy's dates stay inside the retention window (no expiry in the properties)."""
    assert (DAY0.date() + timedelta(days=5)) - (DAY0.date() - timedelta(days=20)) < timedelta(30)
    assert date(2025, 9, 3) == DAY0.date()
