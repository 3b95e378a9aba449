"""``parley dead-letters``: read what Parley could not process, with why.

A dead letter is the original record, bytes untouched, with headers naming where it
came from and what failed (see :class:`pipeline.models.DeadLetterHeaders`). This
reads the dead-letter topic like ``parley tail`` reads events (no consumer group, every
partition) and prints one readable entry per record, or JSON lines with the headers,
the key and the value (as text when it is UTF-8, else base64).
"""

from __future__ import annotations

import base64
from typing import Any, TextIO

import orjson

from pipeline.feeds.follow import follow_topic
from pipeline.settings import Settings

__all__ = ["describe_dead_letter", "format_dead_letter", "read_dead_letters"]

_PREVIEW_CHARS = 160


def describe_dead_letter(key: bytes | None, value: bytes | None, headers: Any) -> dict[str, Any]:
    """A dead letter as JSON-ready data: its headers, key and value."""
    pairs = headers.items() if isinstance(headers, dict) else (headers or [])
    found = {name: raw.decode("utf-8", errors="replace") for name, raw in pairs}
    data: dict[str, Any] = {
        "headers": found,
        "key": None if key is None else key.decode("utf-8", errors="replace"),
    }
    raw = value or b""
    try:
        data["value"] = raw.decode("utf-8")
    except UnicodeDecodeError:
        data["value_base64"] = base64.b64encode(raw).decode("ascii")
    return data


def format_dead_letter(letter: dict[str, Any]) -> str:
    """Two readable lines: when, stage, code and error, where it came from; then the
    start of the original value."""
    h = letter["headers"]
    origin = (
        f"{h.get('original_topic', '?')}/{h.get('original_partition', '?')}"
        f"@{h.get('original_offset', '?')}"
    )
    head = (
        f"{h.get('failed_at', '?')}  {h.get('stage', '?'):<8} {h.get('error_code', '?')} "
        f"{h.get('error_class', '?')}  {origin}  key={letter['key']}: {h.get('error_message', '')}"
    )
    if "value" in letter:
        text = letter["value"]
        preview = text[:_PREVIEW_CHARS] + ("…" if len(text) > _PREVIEW_CHARS else "")
        body = f"    {len(text.encode('utf-8'))} bytes: {preview!r}"
    else:
        size = len(base64.b64decode(letter["value_base64"]))
        body = f"    {size} bytes, not UTF-8 (base64 in --json)"
    return f"{head}\n{body}"


async def read_dead_letters(
    settings: Settings,
    *,
    as_json: bool,
    from_beginning: bool,
    idle_exit: float | None,
    out: TextIO,
) -> int:
    """Print dead letters (from the start, or those arriving from now); return the count."""
    printed = 0
    records = follow_topic(
        settings, settings.topic_dlq, from_beginning=from_beginning, idle_exit=idle_exit
    )
    async for record in records:
        letter = describe_dead_letter(record.key, record.value, record.headers)
        if as_json:
            out.write(orjson.dumps(letter).decode("utf-8") + "\n")
        else:
            out.write(format_dead_letter(letter) + "\n")
        out.flush()
        printed += 1
    return printed
