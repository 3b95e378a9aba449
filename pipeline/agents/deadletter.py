"""Dead letters: the original bytes of a rejected record, with headers saying why.

Errors are a stream of their own (the bytewax habit): an agent never lets a bad
record unwind the worker; it sends the record here and goes on with the next one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import structlog

from pipeline.agents.publish import publish
from pipeline.errors import ParleyError
from pipeline.feeds.metrics import METRICS
from pipeline.models import DeadLetterHeaders

__all__ = ["dead_letter_headers", "error_code_of", "reject", "send_dead_letter"]

_MAX_MESSAGE = 2000

log = structlog.stdlib.get_logger(__name__)


def error_code_of(exc: BaseException) -> str:
    """The stable code of ``exc``: its ``ParleyError.code``, else ``E000`` (a bug)."""
    return exc.code if isinstance(exc, ParleyError) else ParleyError.code


def dead_letter_headers(
    *,
    topic: str,
    partition: int,
    offset: int,
    stage: Any,
    exc: BaseException,
    now: datetime | None = None,
) -> list[tuple[str, bytes]]:
    """Kafka headers for a dead letter (validated against ``DeadLetterHeaders``)."""
    message = str(exc) or type(exc).__name__
    headers = DeadLetterHeaders(
        original_topic=topic,
        original_partition=partition,
        original_offset=offset,
        stage=stage,
        error_class=type(exc).__name__,
        error_code=error_code_of(exc),
        error_message=message[:_MAX_MESSAGE],
        failed_at=now if now is not None else datetime.now(UTC),
    )
    data = headers.model_dump(mode="json")
    return [(name, str(value).encode("utf-8")) for name, value in data.items()]


async def send_dead_letter(dlq: Any, message: Any, *, stage: str, exc: BaseException) -> None:
    """Send ``message``'s original key and bytes to the ``dlq`` topic with error headers."""
    raw: bytes | None = message.value
    await publish(
        dlq,
        key=message.key,
        value=raw if raw is not None else b"",
        headers=dead_letter_headers(
            topic=message.topic,
            partition=message.partition,
            offset=message.offset,
            stage=stage,
            exc=exc,
        ),
    )
    METRICS.inc("dead_letters")


async def reject(
    dlq: Any, message: Any, *, stage: str, exc: BaseException, event: str, bug: bool = False
) -> None:
    """Log why ``message`` is rejected (``event``), then dead-letter it.

    ``bug`` marks a failure Parley did not expect (logged as an error with its traceback);
    otherwise the input was bad (a warning).
    """
    fields = {
        "stage": stage,
        "error_class": type(exc).__name__,
        "error_code": error_code_of(exc),
        "error": str(exc)[:300],
    }
    if bug:
        log.error(event, exc_info=exc, **fields)
    else:
        log.warning(event, **fields)
    await send_dead_letter(dlq, message, stage=stage, exc=exc)
