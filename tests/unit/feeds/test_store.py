"""EventStore: latest revision per event, bounded, newest first, with subscribers."""

from __future__ import annotations

import asyncio

from pipeline.feeds.filters import EventFilter
from pipeline.feeds.metrics import Metrics
from pipeline.feeds.store import EventStore, Retired
from pipeline.models import dumps

from .conftest import MakeEvent


def test_keeps_only_the_latest_revision(make_event: MakeEvent) -> None:
    """An older or repeated revision never replaces a newer one."""
    store = EventStore(metrics=Metrics())
    assert store.add(make_event(revision=2))
    assert not store.add(make_event(revision=1))
    assert not store.add(make_event(revision=2))
    stored = store.get("ev-1")
    assert stored is not None
    assert 2 == stored.revision


def test_latest_is_newest_updated_first_and_paged(make_event: MakeEvent) -> None:
    """latest() lists the most recently updated events first, with total and paging."""
    store = EventStore(metrics=Metrics())
    for name in ("a", "b", "c"):
        store.add(make_event(event_id=name))
    store.add(make_event(event_id="a", revision=2))
    total, page = store.latest(limit=2, offset=1)
    assert 3 == total
    assert ["c", "b"] == [event.event_id for event in page]


def test_bounded_forgets_least_recently_updated(make_event: MakeEvent) -> None:
    """Beyond max_events the least recently updated event is dropped."""
    store = EventStore(max_events=2, metrics=Metrics())
    for name in ("a", "b", "c"):
        store.add(make_event(event_id=name))
    assert (None, 2) == (store.get("a"), len(store))


def test_filtering(make_event: MakeEvent) -> None:
    """latest() applies the filter before paging."""
    store = EventStore(metrics=Metrics())
    store.add(make_event(event_id="x", type="SANCTION", code="163", quad_class=4))
    store.add(make_event(event_id="y"))
    total, page = store.latest(EventFilter.from_options(types="SANCTION"))
    assert (1, ["x"]) == (total, [event.event_id for event in page])


async def test_subscribers_receive_matching_new_revisions(make_event: MakeEvent) -> None:
    """A subscription gets new matching revisions only, until closed."""
    store = EventStore(metrics=Metrics())
    subscription = store.subscribe(EventFilter.from_options(actors="UKR"))
    store.add(make_event(event_id="p", source="USA", target="CHN"))
    store.add(make_event(event_id="q"))
    received = await subscription.next(1.0)
    assert received is not None
    assert "q" == received.event_id
    assert None is await subscription.next(0.01)
    subscription.close()
    assert 0 == store.subscribers


async def test_slow_subscriber_is_dropped(make_event: MakeEvent) -> None:
    """A full queue marks the subscriber dropped instead of blocking the feed."""
    store = EventStore(queue_size=1, metrics=Metrics())
    subscription = store.subscribe()
    store.add(make_event(event_id="a"))
    store.add(make_event(event_id="b"))
    assert True is subscription.dropped


def test_add_bytes_decodes_and_skips_garbage(make_event: MakeEvent) -> None:
    """Records are decoded from wire bytes; undecodable ones are skipped and counted nowhere."""
    metrics = Metrics()
    store = EventStore(metrics=metrics)
    assert store.add_bytes(b"not json") is None
    added = store.add_bytes(dumps(make_event()))
    assert added is not None
    assert (1, 1) == (len(store), metrics.counter("feed_revisions"))


async def test_end_all_wakes_waiting_subscribers() -> None:
    """end_all() (server shutdown) makes a waiting next() return None at once, marked dropped."""
    store = EventStore(metrics=Metrics())
    subscription = store.subscribe()
    waiting = asyncio.ensure_future(subscription.next(30.0))
    await asyncio.sleep(0)
    store.end_all()
    assert (None, True) == (await asyncio.wait_for(waiting, 1.0), subscription.dropped)


def test_tombstone_removes_the_retired_event(make_event: MakeEvent) -> None:
    """A null value keyed by an event id (a retired id) removes that event; others stay."""
    store = EventStore(metrics=Metrics())
    store.add_bytes(dumps(make_event(event_id="old")))
    store.add_bytes(dumps(make_event(event_id="kept")))
    assert store.add_bytes(None, b"old") is None
    assert (None, ["kept"]) == (store.get("old"), [e.event_id for e in store.latest()[1]])


async def test_subscribers_hear_of_retired_ids(make_event: MakeEvent) -> None:
    """A tombstone tells every subscriber which id was retired, so a live view drops it."""
    store = EventStore(metrics=Metrics())
    subscription = store.subscribe(EventFilter.from_options(actors="UKR"))
    store.add_bytes(dumps(make_event(event_id="old")))
    first = await subscription.next(1.0)
    store.add_bytes(None, b"old")
    assert "old" == getattr(first, "event_id", None)
    assert Retired("old") == await subscription.next(1.0)
