"""The route agent: each event revision goes to every routed topic whose filter it matches.

The routes come from the file in ``PARLEY_ROUTES`` (see :mod:`pipeline.feeds.routes`);
it is loaded and validated when the app is built, so a bad file stops the worker
at start-up with a clear message. Without ``PARLEY_ROUTES`` nothing is registered.
Records are forwarded byte for byte, keyed by ``event_id`` like the events topic.
"""

from __future__ import annotations

from typing import Any

import structlog
from pydantic import ValidationError

from pipeline.agents.publish import publish_all
from pipeline.feeds.metrics import METRICS
from pipeline.feeds.routes import Routes, load_routes
from pipeline.models import Event
from pipeline.settings import Settings
from pipeline.topics import declare_at_start, topic_specs

__all__ = ["register_routes"]

log = structlog.stdlib.get_logger(__name__)


def _routed_topic(app: Any, name: str, settings: Settings) -> Any:
    return app.topic(
        name,
        key_type=bytes,
        value_type=bytes,
        key_serializer="raw",
        value_serializer="raw",
        partitions=settings.partitions,
        replicas=settings.replication_factor,
        internal=True,  # Parley declares it, with the configured partitions
        compacting=True,
    )


def register_routes(app: Any, settings: Settings) -> Routes | None:
    """Load ``settings.routes`` and register the route agent on ``app``.

    Raises :class:`pipeline.errors.ConfigError` for a routes file that cannot
    work; returns ``None`` (and registers nothing) when no file is configured.
    """
    if settings.routes is None:
        return None
    own = [spec.name for spec in topic_specs(settings)]
    routes = load_routes(settings.routes, reserved_topics=own)
    targets = {name: _routed_topic(app, name, settings) for name in routes.topics}
    events_topic = app.parley_topics.events
    log.info("routes_loaded", path=str(settings.routes), routes=len(routes), topics=routes.topics)

    @app.task  # type: ignore[untyped-decorator]
    async def declare_routed_topics() -> None:
        await declare_at_start(app, targets.values())

    async def route(stream: Any) -> None:
        async for record in stream.events():
            message = record.message
            value: bytes | None = message.value
            if value is None:
                # A tombstone retires an event id (merged into another): every routed
                # topic may hold that id, so each gets the tombstone, headers kept.
                if message.key:
                    raw = message.headers or []
                    pairs = raw.items() if isinstance(raw, dict) else raw
                    headers = [(str(k), bytes(v)) for k, v in pairs]
                    for name, target in targets.items():
                        await publish_all(target, [(message.key, None)], headers=headers)
                        log.info(
                            "event_retired_routed",
                            event_id=message.key.decode("utf-8", "replace"),
                            target_topic=name,
                        )
                continue
            if not value:
                continue
            try:
                event = Event.model_validate_json(value)
            except ValidationError as exc:
                log.warning(
                    "route_record_skipped",
                    topic=message.topic,
                    partition=message.partition,
                    offset=message.offset,
                    error=str(exc)[:300],
                )
                continue
            key = event.event_id.encode("utf-8")
            for name in routes.routes_for(event):
                await publish_all(targets[name], [(key, value)])
                METRICS.inc("routed")
                log.info(
                    "event_routed",
                    event_id=event.event_id,
                    revision=event.revision,
                    target_topic=name,
                )

    app.agent(events_topic, name="parley.route")(route)
    return routes
