"""Publishing with a bounded retry: transient broker failures are retried with backoff.

A record that cannot be published after the retries raises :class:`PublishError`.
Agents run under mode's ``CrashingSupervisor``, so the error stops the worker with
exit code 1 (its input offset stays uncommitted and the record is read again after
a restart) rather than skipping the record.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import Any

import structlog

from pipeline.errors import PublishError

__all__ = ["publish", "publish_all"]

log = structlog.stdlib.get_logger(__name__)

_ATTEMPTS = 5
_FIRST_BACKOFF_S = 0.2


async def publish(
    topic: Any,
    *,
    key: bytes | None,
    value: bytes | None,
    headers: Sequence[tuple[str, bytes]] | None = None,
    attempts: int = _ATTEMPTS,
) -> None:
    """Send one record (``value=None``: a tombstone) and wait for the broker's
    acknowledgement, retrying on failure."""
    await publish_all(topic, [(key, value)], headers=headers, attempts=attempts)


async def publish_all(
    topic: Any,
    records: Sequence[tuple[bytes | None, bytes | None]],
    *,
    headers: Sequence[tuple[str, bytes]] | None = None,
    attempts: int = _ATTEMPTS,
) -> None:
    """Send records to ``topic`` and wait until all are acknowledged (bounded retry)."""
    pending = list(records)
    delay = _FIRST_BACKOFF_S
    for attempt in range(1, attempts + 1):
        futures = [
            await topic.send(key=key, value=value, headers=list(headers) if headers else None)
            for key, value in pending
        ]
        results = await asyncio.gather(*futures, return_exceptions=True)
        failed = [
            record
            for record, result in zip(pending, results, strict=True)
            if isinstance(result, BaseException)
        ]
        if not failed:
            return
        error = next(r for r in results if isinstance(r, BaseException))
        log.warning(
            "publish_retried",
            target_topic=topic.get_topic_name(),
            attempt=attempt,
            failed=len(failed),
            error=repr(error),
        )
        pending = failed
        if attempt < attempts:
            await asyncio.sleep(delay)
            delay *= 2
    raise PublishError(
        f"{len(pending)} record(s) to {topic.get_topic_name()} not acknowledged "
        f"after {attempts} attempts"
    )
