"""Web helpers that read faust's state: consumer lag, topic counts, readiness."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

from pipeline.feeds.web import consumer_lag, is_ready, topic_counts


def test_consumer_lag_counts_unread_messages_only() -> None:
    """End offset is the next offset; read offset the last read: caught up means lag 0."""
    monitor = SimpleNamespace(
        tp_read_offsets={("a", 0): 9, ("a", 1): 3},
        tp_end_offsets={("a", 0): 10, ("a", 1): 8, ("b", 0): 100},
    )
    assert 4.0 == consumer_lag(SimpleNamespace(monitor=monitor))


def test_consumer_lag_unknown_without_a_monitor() -> None:
    """No monitor, no figure."""
    assert None is consumer_lag(SimpleNamespace())


def test_topic_counts_by_topic() -> None:
    """Received and sent counts come from the monitor's per-topic counters."""
    monitor = SimpleNamespace(
        messages_received_by_topic=Counter({"articles": 3}),
        messages_sent_by_topic=Counter({"events": 2}),
    )
    assert ({"articles": 3.0}, {"events": 2.0}) == topic_counts(SimpleNamespace(monitor=monitor))


def test_ready_needs_recovery_completed_and_no_rebalance() -> None:
    """Ready once the recovery event is set, and not while rebalancing."""

    class Flag:
        def __init__(self, value: bool) -> None:
            self.value = value

        def is_set(self) -> bool:
            return self.value

    def app(done: bool, rebalancing: bool) -> SimpleNamespace:
        recovery = SimpleNamespace(completed=Flag(done))
        return SimpleNamespace(tables=SimpleNamespace(recovery=recovery), rebalancing=rebalancing)

    assert [True, False, False] == [
        is_ready(app(True, False)),
        is_ready(app(False, False)),
        is_ready(app(True, True)),
    ]
