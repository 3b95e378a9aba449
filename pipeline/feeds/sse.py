"""Server-Sent Events framing (the ``text/event-stream`` wire format). Pure.

One frame is optional ``id:``/``event:``/``retry:`` lines, one ``data:`` line per
line of the payload, and a blank line. A comment frame (``: keep-alive``) keeps
idle connections open through proxies.
"""

from __future__ import annotations

__all__ = ["CONTENT_TYPE", "format_comment", "format_sse"]

CONTENT_TYPE = "text/event-stream"


def _clean(value: str, field: str) -> str:
    if "\n" in value or "\r" in value:
        raise ValueError(f"SSE {field} must be a single line")
    return value


def format_sse(
    data: str,
    *,
    event: str | None = None,
    event_id: str | None = None,
    retry_ms: int | None = None,
) -> bytes:
    """Frame ``data`` as one Server-Sent Event (UTF-8 bytes ending in a blank line).

    Multi-line ``data`` becomes several ``data:`` lines, which the browser joins
    back with newlines.
    """
    lines: list[str] = []
    if event_id is not None:
        lines.append(f"id: {_clean(event_id, 'id')}")
    if event is not None:
        lines.append(f"event: {_clean(event, 'event')}")
    if retry_ms is not None:
        lines.append(f"retry: {int(retry_ms)}")
    payload = data.replace("\r\n", "\n").replace("\r", "\n")
    lines.extend(f"data: {line}" for line in payload.split("\n"))
    return ("\n".join(lines) + "\n\n").encode("utf-8")


def format_comment(text: str = "keep-alive") -> bytes:
    """A comment frame (ignored by clients; keeps the connection alive)."""
    return f": {_clean(text, 'comment')}\n\n".encode()
