"""Parley's HTTP views on faust's web server: the feed, SSE, health, readiness, metrics.

``register_web(app, settings)`` adds:

- ``GET /`` the live page (``pipeline/feeds/page/``), its assets under ``/page/``;
- ``GET /events`` latest revisions, newest first; filters ``type``, ``actor``
  (repeatable via commas), ``both``, ``status``, ``min_outlets``, ``since``;
  paging ``limit`` (1-500, default 50) and ``offset``;
- ``GET /events/stream`` Server-Sent Events (``event: revision``) of new
  revisions matching the same filters; ``replay=N`` first sends the N latest;
- ``GET /events/{event_id}`` one event's latest revision with its mentions
  (outlet, url, sentence = evidence, offsets, confidence);
- ``GET /health`` liveness; ``GET /ready`` 200 once faust's tables are recovered;
- ``GET /metrics`` Prometheus text (:mod:`pipeline.feeds.metrics` plus consumer lag).

The feed reads the whole events topic itself (:func:`consume_events`), so any
worker serves every event.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import orjson
import structlog
from aiohttp import web as aioweb

from pipeline.errors import ConfigError
from pipeline.feeds.filters import EventFilter
from pipeline.feeds.metrics import METRICS
from pipeline.feeds.sse import CONTENT_TYPE, format_comment, format_sse
from pipeline.feeds.store import EventStore, Retired, consume_events
from pipeline.models import Event
from pipeline.settings import Settings

__all__ = ["PAGE_DIR", "consumer_lag", "is_ready", "register_web", "topic_counts"]

log = structlog.stdlib.get_logger(__name__)

PAGE_DIR = Path(__file__).resolve().parent / "page"
_ASSET_TYPES = {".html": "text/html", ".js": "application/javascript", ".css": "text/css",
                ".svg": "image/svg+xml"}  # fmt: skip
_KEEP_ALIVE_S = 15.0
_MAX_LIMIT = 500


def _json(data: Any, status: int = 200) -> aioweb.Response:
    return aioweb.Response(body=orjson.dumps(data), status=status, content_type="application/json")


def _event_json(event: Event) -> Any:
    return event.model_dump(mode="json")


def _page_args(query: Any) -> tuple[EventFilter, int, int]:
    """Filter, limit and offset from query parameters; :class:`ConfigError` when invalid."""
    event_filter = EventFilter.from_query(dict(query))
    try:
        limit = int(query.get("limit", 50))
        offset = int(query.get("offset", 0))
    except ValueError as exc:
        raise ConfigError("limit and offset must be integers") from exc
    if not 1 <= limit <= _MAX_LIMIT or offset < 0:
        raise ConfigError(f"limit must be 1..{_MAX_LIMIT} and offset >= 0")
    return event_filter, limit, offset


def _replay_of(query: Any) -> int:
    """The SSE ``replay`` parameter: 0.._MAX_LIMIT latest events; :class:`ConfigError` else."""
    try:
        replay = int(query.get("replay", 0))
    except ValueError as exc:
        raise ConfigError("replay must be an integer") from exc
    if not 0 <= replay <= _MAX_LIMIT:
        raise ConfigError(f"replay must be 0..{_MAX_LIMIT}")
    return replay


def is_ready(app: Any) -> bool:
    """Whether faust has recovered its tables and is not rebalancing."""
    try:
        recovery = app.tables.recovery
        completed = bool(recovery.completed.is_set())
    except AttributeError:
        return False
    return completed and not bool(getattr(app, "rebalancing", False))


def consumer_lag(app: Any) -> float | None:
    """Messages this worker's consumer is behind the log end, over the partitions it read.

    From faust's monitor: the end offset is the next offset to be written, the read
    offset is that of the last message read, so a caught-up partition has lag 0.
    """
    monitor = getattr(app, "monitor", None)
    read = getattr(monitor, "tp_read_offsets", None)
    end = getattr(monitor, "tp_end_offsets", None)
    if not isinstance(read, Mapping) or not isinstance(end, Mapping):
        return None
    lag = 0
    for tp, end_offset in end.items():
        read_offset = read.get(tp)
        if read_offset is not None and end_offset is not None:
            lag += max(0, int(end_offset) - int(read_offset) - 1)
    return float(lag)


def topic_counts(app: Any) -> tuple[dict[str, float], dict[str, float]]:
    """Messages received and sent by this worker, by topic (faust's monitor)."""
    monitor = getattr(app, "monitor", None)
    received = getattr(monitor, "messages_received_by_topic", None) or {}
    sent = getattr(monitor, "messages_sent_by_topic", None) or {}
    return (
        {str(topic): float(count) for topic, count in received.items()},
        {str(topic): float(count) for topic, count in sent.items()},
    )


def _end_streams_on_shutdown(app: Any, feed: EventStore) -> None:
    """End open SSE streams when the web server shuts down, so a worker stops promptly
    (aiohttp otherwise waits for every open stream before it lets the worker exit)."""

    async def end_streams(_: Any) -> None:
        feed.end_all()

    web_app = getattr(app.web, "web_app", None)
    if web_app is not None:
        web_app.on_shutdown.append(end_streams)


def _drop_root_blueprints(app: Any) -> None:
    """Remove faust's own ``/`` blueprints (stats or production index): ``/`` is the page."""
    manager = app.web.blueprints
    enabled = getattr(manager, "_enabled", None)
    if isinstance(enabled, list):
        enabled[:] = [(prefix, bp) for prefix, bp in enabled if prefix not in ("", "/")]


async def _stream(request: Any, store: EventStore) -> aioweb.StreamResponse:
    try:
        event_filter = EventFilter.from_query(dict(request.query))
        replay = _replay_of(request.query)
    except ConfigError as exc:
        return _json({"error": str(exc)}, status=400)
    response = aioweb.StreamResponse(
        headers={
            "Content-Type": CONTENT_TYPE,
            "Cache-Control": "no-cache",
            "X-Accel-Buffering": "no",
        }
    )
    await response.prepare(request)
    subscription = store.subscribe(event_filter)
    try:
        await response.write(format_sse("connected", event="hello", retry_ms=2000))
        if replay:
            _, backlog = store.latest(event_filter, limit=replay)
            for event in reversed(backlog):
                await response.write(_frame(event))
        while not subscription.dropped:
            revision = await subscription.next(_KEEP_ALIVE_S)
            if subscription.dropped:
                break
            if revision is None:
                await response.write(format_comment())
            elif isinstance(revision, Retired):
                data = orjson.dumps({"event_id": revision.event_id}).decode("utf-8")
                await response.write(format_sse(data, event="retired"))
            else:
                await response.write(_frame(revision))
    except (ConnectionResetError, asyncio.CancelledError):
        pass
    finally:
        subscription.close()
    return response


def _frame(event: Event) -> bytes:
    return format_sse(
        orjson.dumps(_event_json(event)).decode("utf-8"),
        event="revision",
        event_id=f"{event.event_id}:{event.revision}",
    )


def register_web(app: Any, settings: Settings, *, store: EventStore | None = None) -> EventStore:
    """Add Parley's views and the whole-topic feed consumer to ``app``; return the store."""
    feed = store if store is not None else EventStore(max_events=settings.feed_max_events)
    app.parley_feed = feed
    _drop_root_blueprints(app)

    async def parley_feed_consumer() -> None:
        while True:
            try:
                await consume_events(feed, settings)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.error("feed_consumer_failed", error=repr(exc), exc_info=True)
                await asyncio.sleep(2.0)

    app.task(parley_feed_consumer)
    _end_streams_on_shutdown(app, feed)

    @app.page("/", name="parley_page")  # type: ignore[untyped-decorator]
    async def page(self: Any, request: Any) -> Any:
        return _asset("index.html")

    @app.page("/page/{name}", name="parley_asset")  # type: ignore[untyped-decorator]
    async def asset(self: Any, request: Any, name: str) -> Any:
        return _asset(name)

    @app.page("/events", name="parley_events")  # type: ignore[untyped-decorator]
    async def events(self: Any, request: Any) -> Any:
        try:
            event_filter, limit, offset = _page_args(request.query)
        except ConfigError as exc:
            return _json({"error": str(exc)}, status=400)
        total, page_events = feed.latest(event_filter, limit=limit, offset=offset)
        return _json(
            {
                "total": total,
                "limit": limit,
                "offset": offset,
                "filter": event_filter.describe(),
                "events": [_event_json(event) for event in page_events],
            }
        )

    @app.page("/events/stream", name="parley_stream")  # type: ignore[untyped-decorator]
    async def stream(self: Any, request: Any) -> Any:
        return await _stream(request, feed)

    @app.page("/events/{event_id}", name="parley_event")  # type: ignore[untyped-decorator]
    async def event_detail(self: Any, request: Any, event_id: str) -> Any:
        event = feed.get(event_id)
        if event is None:
            return _json({"error": f"no event {event_id!r}"}, status=404)
        return _json(_event_json(event))

    @app.page("/health", name="parley_health")  # type: ignore[untyped-decorator]
    async def health(self: Any, request: Any) -> Any:
        return _json({"status": "ok"})

    @app.page("/ready", name="parley_ready")  # type: ignore[untyped-decorator]
    async def ready(self: Any, request: Any) -> Any:
        tables_ready = is_ready(app)
        body = {
            "ready": tables_ready,
            "tables_recovered": tables_ready,
            "feed_caught_up": feed.caught_up,
            "feed_events": len(feed),
        }
        return _json(body, status=200 if tables_ready else 503)

    @app.page("/metrics", name="parley_metrics")  # type: ignore[untyped-decorator]
    async def metrics(self: Any, request: Any) -> Any:
        gauges: dict[str, float] = {
            "feed_events": float(len(feed)),
            "feed_subscribers": float(feed.subscribers),
        }
        lag = consumer_lag(app)
        if lag is not None:
            gauges["consumer_lag"] = lag
        received, sent = topic_counts(app)
        fallbacks = {
            "articles_in": received.get(settings.topic_articles, 0),
            "events_out": sent.get(settings.topic_events, 0),
            "dead_letters": sent.get(settings.topic_dlq, 0),
        }
        text = METRICS.render(
            gauges,
            fallbacks=fallbacks,
            by_topic={"topic_messages_received": received, "topic_messages_sent": sent},
        )
        return aioweb.Response(
            text=text,
            headers={"Content-Type": "text/plain; version=0.0.4; charset=utf-8"},
        )

    return feed


def _asset(name: str) -> aioweb.Response:
    """A file of the page folder (no sub-folders, known types only)."""
    path = PAGE_DIR / name
    kind = _ASSET_TYPES.get(path.suffix)
    if "/" in name or name.startswith(".") or kind is None or not path.is_file():
        return _json({"error": "not found"}, status=404)
    return aioweb.Response(
        body=path.read_bytes(),
        content_type=kind,
        charset="utf-8",
        headers={"Cache-Control": "no-cache"},
    )
