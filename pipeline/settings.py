"""Parley's settings: one frozen object read from ``PARLEY_*`` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


class Settings(BaseSettings):
    """Everything an operator may set. ``PARLEY_BROKER=host:port[,host:port]``."""

    model_config = SettingsConfigDict(env_prefix="PARLEY_", frozen=True, extra="ignore")

    broker: str | None = Field(
        default=None, description="host:port, comma-separated; unset = embedded broker"
    )
    app_id: str = "parley"
    data_dir: Path | None = Field(default=None, description="table state; unset = a temp dir")
    web_port: int | None = Field(default=None, description="unset = a free port")
    web_host: str = "127.0.0.1"
    store: Literal["memory", "rocksdb"] = "memory"
    rocksdb_block_cache_mb: int = 64
    rocksdb_write_buffer_mb: int = 16

    # Topics
    topic_articles: str = "articles"
    topic_clean: str = "article.clean"
    topic_candidates: str = "event.candidates"
    topic_events: str = "events"
    topic_mentions: str = "mentions"
    topic_dlq: str = "articles.dlq"
    topic_outcomes: str = "articles.outcomes"
    routes: Path | None = Field(default=None, description="routes file (TOML); unset = no routing")
    feed_max_events: int = Field(
        default=10_000, ge=1, description="events the HTTP/SSE feed keeps (least recent go first)"
    )
    partitions: int = Field(default=4, ge=1)
    replication_factor: int = Field(default=1, ge=1)

    # Limits
    max_message_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    max_html_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    producer_max_request_bytes: int = Field(default=8 * 1024 * 1024, ge=1024 * 1024)
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
    dedup_window_days: int = Field(default=4, ge=1)
    dedup_retention_days: int = Field(default=30, ge=1)

    # Timing
    session_timeout_s: float = 6.0
    fetch_max_wait_ms: int = Field(
        default=200, ge=10, description="worker consumer's fetch wait (faust hard-codes 1500)"
    )
    heartbeat_interval_s: float = 1.0
    broker_wait_s: float = 120.0
    shutdown_timeout_s: float = 20.0

    # Security (passed to the Kafka client)
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] | None = None
    sasl_username: str | None = None
    sasl_password: SecretStr | None = None
    ssl_cafile: Path | None = None
    ssl_certfile: Path | None = None
    ssl_keyfile: Path | None = None

    log_level: str = "INFO"
    log_format: Literal["json", "console"] = "json"

    @property
    def broker_list(self) -> list[str]:
        """The broker addresses as a list of ``host:port``."""
        if not self.broker:
            return []
        return [part.strip() for part in self.broker.split(",") if part.strip()]
