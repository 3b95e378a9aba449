"""Process-wide counters and timings, rendered in the Prometheus text format.

Agents count what they do with the shared :data:`METRICS` registry::

    from pipeline.feeds.metrics import METRICS
    METRICS.inc("articles_in")
    METRICS.observe("extraction_seconds", elapsed)

``GET /metrics`` renders it (names get the ``parley_`` prefix; counters end in
``_total``, observations become a summary with ``_count`` and ``_sum``), plus
gauges the web layer adds at render time (consumer lag). No faust import.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Mapping

__all__ = [
    "DECLARED_COUNTERS",
    "DECLARED_SUMMARIES",
    "HELP",
    "METRICS",
    "Metrics",
    "render_prometheus",
]

#: Help text of the names Parley uses; other names render with a generic help line.
HELP: dict[str, str] = {
    "articles_in": "Articles read from the input topic.",
    "articles_cleaned": "Articles cleaned and sent on to extraction.",
    "events_out": "Event revisions published to the events topic.",
    "mentions_out": "Mention links published to the mentions topic.",
    "dead_letters": "Records sent to the dead-letter topic.",
    "routed": "Event revisions published to routed topics.",
    "table_rows_expired": "Table rows expired (cut to a stub or deleted) behind the watermark.",
    "candidates_late": "Candidates ignored as older than their block's retention horizon.",
    "feed_revisions": "Event revisions read by the HTTP feed (whole events topic).",
    "extraction_seconds": "Time spent extracting candidates from one article.",
    "consumer_lag": "Messages the worker's consumer is behind the log end (all its partitions).",
    "feed_events": "Distinct events held by the HTTP feed store.",
    "feed_subscribers": "Open Server-Sent Events subscriptions.",
    "topic_messages_received": "Messages this worker's consumer received, by topic.",
    "topic_messages_sent": "Messages this worker's producer sent, by topic.",
}

_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")
#: Counters and summaries always rendered (as 0) so dashboards see them from the start.
DECLARED_COUNTERS = ("articles_in", "events_out", "dead_letters")
DECLARED_SUMMARIES = ("extraction_seconds",)


class Metrics:
    """Counters (``inc``) and observations (``observe``), safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counters: dict[str, float] = {}
        self._sums: dict[str, float] = {}
        self._counts: dict[str, int] = {}

    @staticmethod
    def _check(name: str) -> None:
        if not _NAME.match(name):
            raise ValueError(f"metric name {name!r} must be snake_case ([a-z_][a-z0-9_]*)")

    def inc(self, name: str, n: float = 1) -> None:
        """Add ``n`` to the counter ``name``."""
        self._check(name)
        with self._lock:
            self._counters[name] = self._counters.get(name, 0) + n

    def observe(self, name: str, seconds: float) -> None:
        """Record one observation (a duration in seconds) of ``name``."""
        self._check(name)
        with self._lock:
            self._sums[name] = self._sums.get(name, 0.0) + seconds
            self._counts[name] = self._counts.get(name, 0) + 1

    def counter(self, name: str) -> float:
        """The current value of a counter (0 when never incremented)."""
        with self._lock:
            return self._counters.get(name, 0)

    def snapshot(self) -> tuple[dict[str, float], dict[str, tuple[int, float]]]:
        """Copies of the counters and of the observations (count, sum)."""
        with self._lock:
            observed = {name: (self._counts[name], self._sums[name]) for name in self._counts}
            return dict(self._counters), observed

    def reset(self) -> None:
        """Forget every value (tests)."""
        with self._lock:
            self._counters.clear()
            self._sums.clear()
            self._counts.clear()

    def render(
        self,
        gauges: Mapping[str, float] | None = None,
        *,
        fallbacks: Mapping[str, float] | None = None,
        by_topic: Mapping[str, Mapping[str, float]] | None = None,
    ) -> str:
        """This registry in the Prometheus text exposition format.

        ``gauges`` are rendered as gauges; ``fallbacks`` give a counter's value
        when no agent has incremented it (e.g. counts from faust's monitor);
        ``by_topic`` are counters with a ``topic`` label.
        """
        counters, observed = self.snapshot()
        for name, value in (fallbacks or {}).items():
            if not counters.get(name):
                counters[name] = value
        for name in DECLARED_COUNTERS:
            counters.setdefault(name, 0)
        for name in DECLARED_SUMMARIES:
            observed.setdefault(name, (0, 0.0))
        return render_prometheus(counters, observed, gauges or {}, by_topic or {})


def _number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _help(name: str) -> str:
    text = HELP.get(name, f"Parley metric {name}.")
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def render_prometheus(
    counters: Mapping[str, float],
    observed: Mapping[str, tuple[int, float]],
    gauges: Mapping[str, float],
    by_topic: Mapping[str, Mapping[str, float]] | None = None,
) -> str:
    """Render counters, summaries (count, sum), gauges and per-topic counters (v0.0.4)."""
    lines: list[str] = []
    for name in sorted(counters):
        full = f"parley_{name}_total"
        lines += [f"# HELP {full} {_help(name)}", f"# TYPE {full} counter",
                  f"{full} {_number(counters[name])}"]  # fmt: skip
    for name in sorted(observed):
        count, total = observed[name]
        full = f"parley_{name}"
        lines += [f"# HELP {full} {_help(name)}", f"# TYPE {full} summary",
                  f"{full}_count {count}", f"{full}_sum {_number(total)}"]  # fmt: skip
    for name in sorted(gauges):
        full = f"parley_{name}"
        lines += [f"# HELP {full} {_help(name)}", f"# TYPE {full} gauge",
                  f"{full} {_number(gauges[name])}"]  # fmt: skip
    for name in sorted(by_topic or {}):
        full = f"parley_{name}_total"
        lines += [f"# HELP {full} {_help(name)}", f"# TYPE {full} counter"]
        for topic, value in sorted((by_topic or {})[name].items()):
            lines.append(f'{full}{{topic="{_label(topic)}"}} {_number(value)}')
    return "\n".join(lines) + "\n" if lines else ""


def _label(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


#: The process-wide registry every agent and view shares.
METRICS = Metrics()
