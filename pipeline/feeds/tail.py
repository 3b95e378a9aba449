"""``parley tail``: print event revisions from the events topic as they are published.

The tail joins no consumer group: it assigns itself every partition, so any number
of tails read the whole feed without taking partitions from each other. Without
``--from-beginning`` it starts at the end of each partition; because the test
broker (Tansu) may under-report the end offset, records older than the moment the
tail started are also filtered out by their timestamp.

A tombstone (null value: an event id merged into another event) prints
``retired <id> (merged into <id>)``; ``--json`` prints event revisions only and
skips tombstones, so every line it writes is an event.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, TextIO

import orjson

from pipeline.feeds.changes import describe_change
from pipeline.feeds.filters import EventFilter
from pipeline.feeds.follow import follow_topic
from pipeline.models import Event
from pipeline.settings import Settings

__all__ = ["format_event", "format_retired", "tail_events"]

_CLOCK_SLACK_MS = 2000


def _actor(actor: Any) -> str:
    if not isinstance(actor, dict):
        return "-"
    code = str(actor.get("code") or "?")
    name = actor.get("name")
    return f"{code} ({name})" if name else code


def format_event(event: dict[str, Any]) -> str:
    """One readable line for an event revision."""
    cameo = event.get("cameo") or {}
    mentions = event.get("mentions") or []
    outlets = sorted({str(m.get("outlet")) for m in mentions if isinstance(m, dict)})
    where = f" in {event['location']}" if event.get("location") else ""
    return (
        f"{event.get('date', '?')}  {event.get('type', '?'):<9} {cameo.get('code', '?'):<4} "
        f"{_actor(event.get('source'))} -> {_actor(event.get('target'))}{where}  "
        f"[{event.get('status', '?')}]  rev {event.get('revision', '?')}, "
        f"{len(mentions)} article(s) from {len(outlets)} outlet(s): {', '.join(outlets)}  "
        f"id={event.get('event_id', '?')}"
    )


async def _tail(
    settings: Settings,
    *,
    as_json: bool,
    from_beginning: bool,
    idle_exit: float | None,
    out: TextIO,
    event_filter: EventFilter | None,
    topic: str,
) -> int:
    started_ms = int(time.time() * 1000) - _CLOCK_SLACK_MS
    printed = 0
    seen: dict[str, Event] = {}
    records = follow_topic(settings, topic, from_beginning=from_beginning, idle_exit=idle_exit)
    async for record in records:
        if not from_beginning and record.timestamp < started_ms:
            continue
        if record.value is None:
            printed += _print_retired(
                record.key, record.headers, as_json=as_json, out=out, seen=seen
            )
            continue
        printed += _print(
            record.value, as_json=as_json, out=out, event_filter=event_filter, seen=seen
        )
    return printed


def format_retired(event_id: str, merged_into: str | None) -> str:
    """One readable line for a retired event id (a tombstone)."""
    where = f" (merged into {merged_into})" if merged_into else ""
    return f"retired {event_id}{where}"


def _print_retired(
    key: bytes | None,
    headers: Any,
    *,
    as_json: bool,
    out: TextIO,
    seen: dict[str, Event] | None = None,
) -> int:
    """Print a tombstone's line (readable mode only: ``--json`` prints events alone)."""
    if key is None:
        return 0
    event_id = key.decode("utf-8", errors="replace")
    if seen is not None:
        seen.pop(event_id, None)
    if as_json:
        return 0
    merged_into = None
    for name, raw in headers or ():
        if name == "merged_into" and raw:
            merged_into = bytes(raw).decode("utf-8", errors="replace")
    out.write(format_retired(event_id, merged_into) + "\n")
    out.flush()
    return 1


def _print(
    value: bytes | None,
    *,
    as_json: bool,
    out: TextIO,
    event_filter: EventFilter | None = None,
    seen: dict[str, Event] | None = None,
) -> int:
    if value is None:
        return 0
    try:
        event: Event | None = Event.model_validate_json(value)
    except ValueError:
        event = None
    wanted = (
        event_filter is None
        or event_filter.is_empty()
        or (event is not None and event_filter.matches(event))
    )
    if not wanted:
        return 0
    change = ""
    if event is not None and seen is not None:
        change = describe_change(seen.get(event.event_id), event)
        seen[event.event_id] = event
    if as_json:
        out.write(value.decode("utf-8", errors="replace") + "\n")
    else:
        try:
            data = orjson.loads(value)
        except orjson.JSONDecodeError:
            return 0
        if not isinstance(data, dict):
            return 0
        line = format_event(data)
        out.write((f"{line}  | {change}" if change else line) + "\n")
    out.flush()
    return 1


def tail_events(
    settings: Settings,
    *,
    as_json: bool,
    from_beginning: bool,
    idle_exit: float | None,
    out: TextIO,
    event_filter: EventFilter | None = None,
    topic: str | None = None,
) -> int:
    """Print event revisions until Ctrl-C or ``idle_exit`` seconds without one; return the count.

    With ``event_filter`` only matching revisions are printed; readable lines end
    with what changed since the previous revision of the same event. ``topic`` reads
    another topic of event revisions (a routed one) instead of the events topic.
    """
    try:
        return asyncio.run(
            _tail(
                settings,
                as_json=as_json,
                from_beginning=from_beginning,
                idle_exit=idle_exit,
                out=out,
                event_filter=event_filter,
                topic=topic or settings.topic_events,
            )
        )
    except KeyboardInterrupt:
        return 0
