"""Metrics: counters and timings rendered in the Prometheus text format."""

from __future__ import annotations

import re

import pytest

from pipeline.feeds.metrics import Metrics, render_prometheus

_SAMPLE = re.compile(
    r"^[a-z_][a-z0-9_]* -?[0-9.e+-]+$|^[a-z_][a-z0-9_]* [+-]Inf$|^[a-z_][a-z0-9_]* NaN$"
)


def test_counter_summary_and_gauge_lines() -> None:
    """A counter gets ``_total``, an observation ``_count``/``_sum``, a gauge its plain name."""
    text = render_prometheus(
        {"articles_in": 3}, {"extraction_seconds": (2, 0.5)}, {"consumer_lag": 7}
    )
    expected = [
        "# HELP parley_articles_in_total Articles read from the input topic.",
        "# TYPE parley_articles_in_total counter",
        "parley_articles_in_total 3",
        "# HELP parley_extraction_seconds Time spent extracting candidates from one article.",
        "# TYPE parley_extraction_seconds summary",
        "parley_extraction_seconds_count 2",
        "parley_extraction_seconds_sum 0.5",
        "# HELP parley_consumer_lag Messages the worker's consumer is behind the log end (all its partitions).",
        "# TYPE parley_consumer_lag gauge",
        "parley_consumer_lag 7",
    ]
    assert "\n".join(expected) + "\n" == text


def test_registry_declares_core_metrics_at_zero() -> None:
    """A fresh registry still renders articles_in, events_out, dead_letters and extraction time."""
    text = Metrics().render()
    for line in (
        "parley_articles_in_total 0",
        "parley_events_out_total 0",
        "parley_dead_letters_total 0",
        "parley_extraction_seconds_count 0",
    ):
        assert line in text.splitlines()


def test_inc_and_observe_accumulate() -> None:
    """inc adds, observe counts and sums."""
    metrics = Metrics()
    metrics.inc("events_out")
    metrics.inc("events_out", 2)
    metrics.observe("extraction_seconds", 0.25)
    metrics.observe("extraction_seconds", 0.5)
    counters, observed = metrics.snapshot()
    assert 3 == counters["events_out"]
    assert (2, 0.75) == observed["extraction_seconds"]


def test_every_sample_line_is_well_formed() -> None:
    """Each non-comment line is ``name value`` with a valid metric name."""
    metrics = Metrics()
    metrics.inc("routed", 5)
    metrics.observe("extraction_seconds", 0.125)
    for line in metrics.render({"feed_events": 2.5}).splitlines():
        if not line.startswith("#"):
            assert _SAMPLE.match(line), line


def test_bad_names_are_refused() -> None:
    """Names must be snake_case so they render as valid Prometheus names."""
    with pytest.raises(ValueError, match="snake_case"):
        Metrics().inc("Articles-In")


def test_fallbacks_fill_counters_no_agent_incremented() -> None:
    """A fallback (faust's monitor count) is used only while the registry counter is zero."""
    metrics = Metrics()
    metrics.inc("events_out", 2)
    lines = metrics.render(fallbacks={"articles_in": 5, "events_out": 9}).splitlines()
    assert ["parley_articles_in_total 5", "parley_events_out_total 2"] == [
        line for line in lines if line.startswith(("parley_articles_in", "parley_events_out"))
    ]


def test_per_topic_counters_carry_an_escaped_topic_label() -> None:
    """by_topic counters render one sample per topic with a quoted, escaped label."""
    text = render_prometheus({}, {}, {}, {"topic_messages_sent": {"events": 3, 'a"b': 1}})
    assert [
        'parley_topic_messages_sent_total{topic="a\\"b"} 1',
        'parley_topic_messages_sent_total{topic="events"} 3',
    ] == [line for line in text.splitlines() if not line.startswith("#")]
