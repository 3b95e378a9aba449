"""Structured logs: structlog JSON lines on stderr, configured through faust.

faust (and mode) configure the standard library's logging from the worker's
``logging_config`` (a ``logging.config.dictConfig`` mapping). :func:`logging_config`
builds that mapping with structlog's ``ProcessorFormatter``, so faust's own records
and Parley's structlog events come out as the same JSON lines. Per-message context
(topic, partition, offset, article id) is bound with structlog contextvars by the
agents and appears on every line logged while the message is handled.
"""

from __future__ import annotations

import logging
import logging.config
from typing import Any

import structlog

from pipeline.settings import Settings

__all__ = ["configure_logging", "get_logger", "logging_config"]

_SHARED_PROCESSORS: list[Any] = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]


def _renderer(fmt: str) -> Any:
    if fmt == "console":
        return structlog.dev.ConsoleRenderer(colors=False)
    return structlog.processors.JSONRenderer()


def logging_config(settings: Settings) -> dict[str, Any]:
    """The ``dictConfig`` mapping given to faust's worker (``logging_config``)."""
    level = settings.log_level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "structlog": {
                "()": structlog.stdlib.ProcessorFormatter,
                "processors": [
                    structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                    structlog.processors.format_exc_info,
                    _renderer(settings.log_format),
                ],
                "foreign_pre_chain": _SHARED_PROCESSORS,
            }
        },
        "handlers": {
            "default": {
                "class": "logging.StreamHandler",
                "formatter": "structlog",
                "stream": "ext://sys.stderr",
                "level": level,
            }
        },
        "root": {"handlers": ["default"], "level": level},
        "loggers": {
            # aiokafka is chatty at INFO about every rebalance step.
            "aiokafka": {"level": "WARNING"},
        },
    }


def configure_logging(settings: Settings) -> None:
    """Configure structlog and the standard library's logging for Parley processes."""
    structlog.configure(
        processors=[
            *_SHARED_PROCESSORS,
            structlog.stdlib.PositionalArgumentsFormatter(),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.UnicodeDecoder(),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    logging.config.dictConfig(logging_config(settings))


def get_logger(name: str) -> Any:
    """A structlog logger named ``name`` (use module ``__name__``)."""
    return structlog.stdlib.get_logger(name)
