"""Parley's settings: one frozen object read from ``PARLEY_*`` environment variables."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["ENV_PREFIX", "Settings", "describe_settings", "settings_table", "unknown_variables"]

ENV_PREFIX = "PARLEY_"
#: PARLEY_* variables that are not settings (read by ./dev, not by Parley).
_NOT_SETTINGS = frozenset({"PARLEY_VENV"})


class Settings(BaseSettings):
    """Everything an operator may set. ``PARLEY_BROKER=host:port[,host:port]``."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="ignore")

    broker: str | None = Field(
        default=None, description="host:port, comma-separated; unset = embedded broker"
    )
    app_id: str = Field(
        default="parley",
        description="faust app id: the consumer group and the prefix of table changelog topics",
    )
    data_dir: Path | None = Field(
        default=None, description="table state folder (RocksDB); unset = a temp dir"
    )
    web_port: int | None = Field(
        default=None, description="port of the HTTP feed, health and metrics; unset = a free port"
    )
    web_host: str = Field(
        default="127.0.0.1",
        description="address the HTTP server binds; 0.0.0.0 to serve other hosts",
    )
    store: Literal["memory", "rocksdb"] = Field(
        default="memory", description="table store: memory (tests, demo) or rocksdb (deployment)"
    )
    rocksdb_block_cache_mb: int = Field(default=64, description="RocksDB block cache per table")
    rocksdb_write_buffer_mb: int = Field(default=16, description="RocksDB write buffer per table")

    # Topics
    topic_articles: str = Field(default="articles", description="input: raw articles")
    topic_clean: str = Field(default="article.clean", description="internal: cleaned articles")
    topic_candidates: str = Field(
        default="event.candidates", description="internal: candidates keyed by blocking key"
    )
    topic_events: str = Field(default="events", description="output: event revisions (compacted)")
    topic_mentions: str = Field(default="mentions", description="output: article-event links")
    topic_dlq: str = Field(default="articles.dlq", description="output: dead letters")
    topic_outcomes: str = Field(
        default="articles.outcomes", description="output: one outcome per accepted article"
    )
    routes: Path | None = Field(default=None, description="routes file (TOML); unset = no routing")
    feed_max_events: int = Field(
        default=10_000, ge=1, description="events the HTTP/SSE feed keeps (least recent go first)"
    )
    partitions: int = Field(default=4, ge=1, description="partitions of every Parley topic")
    replication_factor: int = Field(
        default=1, ge=1, description="replicas of every Parley topic (3 on a real cluster)"
    )

    # Limits
    max_message_bytes: int = Field(
        default=2 * 1024 * 1024, ge=1024, description="larger input messages are dead-lettered"
    )
    max_html_bytes: int = Field(
        default=2 * 1024 * 1024, ge=1024, description="larger body_html is dead-lettered"
    )
    producer_max_request_bytes: int = Field(
        default=8 * 1024 * 1024, ge=1024 * 1024, description="Kafka client max.request.size"
    )
    producer_batch_bytes: int = Field(
        default=16384,
        ge=1,
        description=(
            "worker producer batch size; 1 = one record per batch, needed on Tansu 0.6.0, "
            "whose ListOffsets under-reports end offsets after multi-record batches "
            "(faust would end table recovery early). The embedded broker sets 1 itself."
        ),
    )

    # Deduplication
    dedup_window_days: int = Field(
        default=4, ge=1, description="reports of one event may be dated this many days apart"
    )
    dedup_retention_days: int = Field(
        default=30,
        ge=1,
        description="table rows older than this behind the newest publication day expire",
    )

    # Timing
    session_timeout_s: float = Field(default=6.0, description="consumer group session timeout")
    fetch_max_wait_ms: int = Field(
        default=200, ge=10, description="worker consumer's fetch wait (faust hard-codes 1500)"
    )
    heartbeat_interval_s: float = Field(default=1.0, description="consumer group heartbeat")
    broker_wait_s: float = Field(
        default=120.0, description="how long a worker or client waits for the broker at start"
    )
    shutdown_timeout_s: float = Field(
        default=20.0, description="after SIGTERM, a worker exits within this time (code 3)"
    )

    # Security (passed to the Kafka client)
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT", description="Kafka security protocol"
    )
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = Field(
        default=None, description="SASL mechanism (with SASL_*)"
    )
    sasl_username: str | None = Field(default=None, description="SASL user")
    sasl_password: SecretStr | None = Field(default=None, description="SASL password (secret)")
    ssl_cafile: Path | None = Field(default=None, description="CA bundle for SSL")
    ssl_certfile: Path | None = Field(default=None, description="client certificate for SSL")
    ssl_keyfile: Path | None = Field(default=None, description="client key for SSL")

    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR")
    log_format: Literal["json", "console"] = Field(
        default="json", description="json (one object per line) or console (readable)"
    )

    @property
    def broker_list(self) -> list[str]:
        """The broker addresses as a list of ``host:port``."""
        if not self.broker:
            return []
        return [part.strip() for part in self.broker.split(",") if part.strip()]


def _shown(value: Any) -> str:
    if value is None:
        return "(unset)"
    if isinstance(value, SecretStr):
        return "********"
    return str(value)


def describe_settings(settings: Settings | None = None) -> list[tuple[str, str, str, str]]:
    """Every setting as (variable, default, current value, description); the current
    value is the default when no ``settings`` are given, secrets are masked."""
    rows = []
    for name, field in Settings.model_fields.items():
        default = _shown(field.default)
        current = _shown(getattr(settings, name)) if settings is not None else default
        rows.append((ENV_PREFIX + name.upper(), default, current, field.description or ""))
    return rows


def settings_table() -> str:
    """The settings reference as a Markdown table (``docs/settings.md``)."""
    lines = ["| variable | default | what it does |", "|---|---|---|"]
    for variable, default, _, description in describe_settings():
        cell = description.replace("|", "\\|")
        lines.append(f"| `{variable}` | `{default}` | {cell} |")
    return "\n".join(lines) + "\n"


def unknown_variables(environ: Mapping[str, str]) -> list[str]:
    """``PARLEY_*`` variables in ``environ`` that name no setting (a typo is otherwise
    silently ignored)."""
    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    return sorted(
        name
        for name in environ
        if name.upper().startswith(ENV_PREFIX)
        and name.upper() not in known
        and name.upper() not in _NOT_SETTINGS
    )
