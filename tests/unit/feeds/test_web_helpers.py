"""Web helpers that read faust's state: consumer lag, topic counts, readiness."""

from __future__ import annotations

from collections import Counter
from types import SimpleNamespace

import pytest

from pipeline.errors import ConfigError
from pipeline.feeds.web import _replay_of, consumer_lag, is_ready, topic_counts


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


def test_sse_replay_is_checked_like_limit_and_offset() -> None:
    """`replay` must be an integer in 0..the page limit; anything else is a clear 400
    message, never a Python error text."""
    assert (0, 5) == (_replay_of({}), _replay_of({"replay": "5"}))
    for bad, message in (("abc", "replay must be an integer"), ("-1", "replay must be 0..")):
        with pytest.raises(ConfigError, match=message):
            _replay_of({"replay": bad})


def test_a_dead_letter_reads_as_its_error_origin_and_bytes() -> None:
    """`parley dead-letters` shows stage, code, class, origin and message, then the value;
    bytes that are not UTF-8 are kept as base64, never mangled."""
    from pipeline.feeds.deadletters import describe_dead_letter, format_dead_letter

    headers = [
        ("original_topic", b"articles"),
        ("original_partition", b"2"),
        ("original_offset", b"17"),
        ("stage", b"decode"),
        ("error_class", b"DecodeError"),
        ("error_code", b"E100"),
        ("error_message", b"message is not UTF-8"),
        ("failed_at", b"2025-09-03T10:00:00+00:00"),
    ]
    letter = describe_dead_letter(b"k1", b"\xff\xfe", headers)
    assert "//4=" == letter["value_base64"]
    text = format_dead_letter(letter)
    for part in (
        "decode",
        "E100",
        "DecodeError",
        "articles/2@17",
        "key=k1",
        "not UTF-8",
        "2 bytes",
    ):
        assert part in text
    readable = describe_dead_letter(None, b'{"id": 1}', headers)
    assert ('{"id": 1}', None) == (readable["value"], readable["key"])
