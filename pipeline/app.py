"""The faust application: ``create_app(settings)`` wires topics, agents and the table.

Nothing happens at import time: the app, its topics and agents exist only once
``create_app`` is called, so tests and the CLI build as many apps as they need.
"""

from __future__ import annotations

import os
import ssl
import tempfile
from pathlib import Path
from typing import Any

import faust

from pipeline.broker import find_free_port
from pipeline.errors import ConfigError
from pipeline.logging import logging_config
from pipeline.settings import Settings
from pipeline.topics import Topics, declare_at_start, declare_topics
from pipeline.transport import ParleyTransport

__all__ = [
    "broker_credentials",
    "broker_urls",
    "client_options",
    "create_app",
    "default_data_dir",
    "start_client",
]


def default_data_dir() -> Path:
    """A per-process data directory under the temp dir (several workers per host)."""
    return Path(tempfile.gettempdir()) / f"parley-worker-{os.getpid()}"


def broker_urls(settings: Settings) -> list[str]:
    """faust broker URLs (``kafka://host:port``) from ``PARLEY_BROKER``."""
    if not settings.broker_list:
        raise ConfigError("no broker address: set PARLEY_BROKER=host:port")
    return [f"kafka://{address}" for address in settings.broker_list]


def _ssl_context(settings: Settings) -> ssl.SSLContext:
    context = ssl.create_default_context(
        purpose=ssl.Purpose.SERVER_AUTH,
        cafile=str(settings.ssl_cafile) if settings.ssl_cafile else None,
    )
    if settings.ssl_certfile:
        context.load_cert_chain(
            str(settings.ssl_certfile),
            keyfile=str(settings.ssl_keyfile) if settings.ssl_keyfile else None,
        )
    return context


def broker_credentials(settings: Settings) -> Any:
    """faust credentials for the configured security protocol (``None`` for PLAINTEXT)."""
    protocol = settings.security_protocol
    if protocol == "PLAINTEXT":
        return None
    if protocol == "SSL":
        return faust.SSLCredentials(_ssl_context(settings))
    if settings.sasl_mechanism is None or settings.sasl_username is None:
        raise ConfigError(f"{protocol} needs PARLEY_SASL_MECHANISM and PARLEY_SASL_USERNAME")
    password = settings.sasl_password.get_secret_value() if settings.sasl_password else None
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=password,
        mechanism=settings.sasl_mechanism,
        ssl_context=_ssl_context(settings) if protocol == "SASL_SSL" else None,
    )


async def start_client(client: Any) -> None:
    """Start a plain aiokafka client; stop it again when the start fails (no broker),
    so that it does not leak its connections ("Unclosed AIOKafkaConsumer")."""
    try:
        await client.start()
    except BaseException:
        await client.stop()
        raise


def client_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for plain aiokafka clients (``parley produce``/``tail``)."""
    if not settings.broker_list:
        raise ConfigError("no broker address: set PARLEY_BROKER=host:port or pass --broker")
    options: dict[str, Any] = {
        "bootstrap_servers": settings.broker_list,
        "security_protocol": settings.security_protocol,
    }
    if settings.security_protocol in ("SSL", "SASL_SSL"):
        options["ssl_context"] = _ssl_context(settings)
    if settings.security_protocol.startswith("SASL"):
        options["sasl_mechanism"] = settings.sasl_mechanism
        options["sasl_plain_username"] = settings.sasl_username
        if settings.sasl_password is not None:
            options["sasl_plain_password"] = settings.sasl_password.get_secret_value()
    return options


def create_app(settings: Settings) -> Any:
    """Build the Parley faust app: topics, the ingest/extract/dedup agents and the table.

    The returned app has a ``parley_topics`` attribute (:class:`pipeline.topics.Topics`).
    """
    app = faust.App(
        settings.app_id,
        broker=broker_urls(settings),
        broker_credentials=broker_credentials(settings),
        store="rocksdb://" if settings.store == "rocksdb" else "memory://",
        datadir=str(settings.data_dir or default_data_dir()),
        autodiscover=False,
        topic_allow_declare=True,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        processing_guarantee="at_least_once",
        broker_session_timeout=settings.session_timeout_s,
        broker_heartbeat_interval=settings.heartbeat_interval_s,
        broker_rebalance_timeout=max(settings.session_timeout_s * 2, 10.0),
        broker_commit_interval=1.0,
        producer_max_request_size=settings.producer_max_request_bytes,
        producer_max_batch_size=settings.producer_batch_bytes,
        consumer_max_fetch_size=settings.producer_max_request_bytes,
        consumer_auto_offset_reset="earliest",
        table_standby_replicas=0,
        web_enabled=True,
        web_port=settings.web_port or find_free_port(settings.web_host),
        web_bind=settings.web_host,
        web_host=settings.web_host,
        logging_config=logging_config(settings),
        worker_redirect_stdouts=False,
    )
    app.parley_fetch_max_wait_ms = settings.fetch_max_wait_ms  # type: ignore[attr-defined]
    app.transport = ParleyTransport(app.conf.broker_consumer, app)
    # Imported here so that plain clients (produce, tail) need none of the cores.
    from pipeline.agents.dedup import register_dedup
    from pipeline.agents.extract import register_extract
    from pipeline.agents.ingest import register_ingest
    from pipeline.agents.route import register_routes
    from pipeline.feeds.web import register_web

    topics = declare_topics(app, settings)
    app.parley_topics = topics  # type: ignore[attr-defined]
    register_ingest(app, topics, settings)
    register_extract(app, topics, settings)
    register_dedup(app, topics, settings)
    register_routes(app, settings)
    register_web(app, settings)
    _declare_at_start(app, topics)
    return app


def _declare_at_start(app: Any, topics: Topics) -> None:
    """Create every topic (output ones too) with its partitions when the worker starts."""

    @app.task  # type: ignore[untyped-decorator]
    async def declare_parley_topics() -> None:
        await declare_at_start(app, topics.all())
