"""Parley's exceptions: one root, a few subclasses, each with a stable code.

The code travels in dead-letter headers (``error_code``), so it must never change
once published.
"""

from __future__ import annotations

__all__ = [
    "ArticleConflict",
    "ConfigError",
    "DecodeError",
    "ExtractionError",
    "ParleyError",
    "PublishError",
    "ValidationFailed",
]


class ParleyError(Exception):
    """The root of every error Parley raises on purpose."""

    code = "E000"


class ConfigError(ParleyError):
    """Settings or a routes file that cannot work (raised at start-up)."""

    code = "E001"


class DecodeError(ParleyError):
    """Bytes that are not a JSON document in UTF-8 within the size limit."""

    code = "E100"


class ValidationFailed(ParleyError):
    """A JSON document that is not a valid message of the expected schema."""

    code = "E200"


class ArticleConflict(ValidationFailed):
    """An article id already seen with a different text (ids must name one text)."""

    code = "E210"


class ExtractionError(ParleyError):
    """The coder failed on an article (a bug: the article is dead-lettered)."""

    code = "E300"


class PublishError(ParleyError):
    """Publishing to the broker failed after the bounded retries (transient)."""

    code = "E400"
