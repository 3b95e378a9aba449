"""Running a Parley worker: the faust worker, and the embedded broker when none is set.

Several workers may run on one host: each picks a free web port and its own
temporary data directory unless ``PARLEY_WEB_PORT`` / ``PARLEY_DATA_DIR`` are set.
SIGTERM and SIGINT stop the worker cleanly (mode's worker installs the handlers):
in-flight records are finished or left uncommitted, to be read again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

import faust
import structlog

from pipeline.app import create_app
from pipeline.broker import BrokerError, EmbeddedBroker, find_free_port, wait_for_broker
from pipeline.logging import configure_logging, logging_config
from pipeline.settings import Settings

__all__ = ["EXIT_STOP_DEADLINE", "prepare_settings", "run_worker"]

#: How often the worker checks that the broker still holds its topics.
BROKER_CHECK_INTERVAL_S = 5.0

#: Exit code when a worker did not stop within ``shutdown_timeout_s`` after a signal.
EXIT_STOP_DEADLINE = 3

log = structlog.stdlib.get_logger(__name__)


def prepare_settings(settings: Settings, *, broker: str | None = None) -> Settings:
    """Fill what a worker needs but was left unset: broker, web port, data dir."""
    update: dict[str, Any] = {}
    if broker is not None:
        update["broker"] = broker
    if settings.web_port is None:
        update["web_port"] = find_free_port(settings.web_host)
    if settings.data_dir is None:
        update["data_dir"] = Path(tempfile.mkdtemp(prefix="parley-worker-"))
    return settings.model_copy(update=update) if update else settings


class _Worker(faust.Worker):
    """faust's worker with a hard deadline on shutdown after SIGTERM/SIGINT."""

    parley_shutdown_timeout_s: float = 20.0
    parley_restart: bool = False

    def _on_sigterm(self) -> None:
        self._arm_deadline("SIGTERM")
        super()._on_sigterm()

    def _on_sigint(self) -> None:
        self._arm_deadline("SIGINT")
        super()._on_sigint()

    def _arm_deadline(self, signal_name: str) -> None:
        timeout = self.parley_shutdown_timeout_s
        log.info("worker_stopping", signal=signal_name, deadline_s=timeout)

        def _expire() -> None:
            log.error("worker_stop_deadline_exceeded", deadline_s=timeout)
            logging.shutdown()
            os._exit(EXIT_STOP_DEADLINE)

        timer = threading.Timer(timeout, _expire)
        timer.daemon = True
        timer.start()


def _watch_broker_state(app: Any, worker: _Worker) -> None:
    """Restart the worker when the broker loses its topics (an in-memory broker restarted).

    The consumer would otherwise retry commits on vanished topics forever. The check
    reads cluster metadata every ``BROKER_CHECK_INTERVAL_S``; an unreachable broker is
    not a loss (aiokafka reconnects by itself).
    """
    known: set[str] = set()

    @app.timer(interval=BROKER_CHECK_INTERVAL_S)  # type: ignore[untyped-decorator]
    async def check_broker_state() -> None:
        try:
            client = app.producer._ensure_producer().client
            if not await client.force_metadata_update():
                return
            present = set(client.cluster.topics())
        except Exception:  # not started yet, or the broker is away: try again later
            return
        names = {topic.get_topic_name() for topic in app.parley_topics.all()}
        if not known:
            known.update(names & present)
            return
        lost = known - present
        if lost and not worker.parley_restart:
            log.error("broker_state_lost", missing_topics=sorted(lost), action="restart")
            worker.parley_restart = True
            worker._schedule_shutdown(signal.SIGTERM)


def _restart_process() -> None:
    """Replace this process with a fresh ``parley worker`` (same arguments, same env)."""
    logging.shutdown()
    os.execv(sys.executable, [sys.executable, "-m", "pipeline.cli", *sys.argv[1:]])


def _build_worker(settings: Settings) -> Any:
    app = create_app(settings)
    # A fresh event loop per run: the CLI may run a worker after other asyncio work.
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    worker = _Worker(
        app,
        loop=loop,
        loglevel=settings.log_level,
        logging_config=logging_config(settings),
        redirect_stdouts=False,
        quiet=True,
    )
    worker.parley_shutdown_timeout_s = settings.shutdown_timeout_s
    _watch_broker_state(app, worker)
    return worker


def run_worker(settings: Settings) -> None:
    """Run one worker until SIGTERM/SIGINT (``parley worker``).

    Without ``PARLEY_BROKER`` an embedded broker is started first and stopped on exit;
    with it, the worker waits up to ``broker_wait_s`` for the broker to appear.
    """
    configure_logging(settings)
    restart = False
    broker: EmbeddedBroker | None = None
    temp_dir: Path | None = None
    try:
        if not settings.broker_list:
            broker = EmbeddedBroker().start()
            log.info("embedded_broker_started", address=broker.address)
            print(f"Parley: embedded broker at {broker.address}", flush=True)
        elif not wait_for_broker(
            settings.broker_list,
            timeout=settings.broker_wait_s,
            on_wait=lambda elapsed: log.warning(
                "broker_unreachable", broker=settings.broker, waited_s=round(elapsed, 1)
            ),
        ):
            raise BrokerError(
                f"no broker reachable at {settings.broker} after {settings.broker_wait_s}s"
            )
        prepared = prepare_settings(settings, broker=broker.address if broker else None)
        if broker is not None:
            # Tansu under-reports end offsets after multi-record batches (see settings).
            prepared = prepared.model_copy(update={"producer_batch_bytes": 1})
        if settings.data_dir is None:
            temp_dir = prepared.data_dir
        log.info(
            "worker_starting",
            broker=prepared.broker,
            web_port=prepared.web_port,
            data_dir=str(prepared.data_dir),
            store=prepared.store,
            partitions=prepared.partitions,
        )
        worker = _build_worker(prepared)
        try:
            worker.execute_from_commandline()
        except SystemExit as exit_:
            if exit_.code not in (0, None):
                raise
        if worker.parley_restart:
            restart = True
    finally:
        if broker is not None:
            broker.stop()
            log.info("embedded_broker_stopped")
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
    if restart:
        if sys.argv[1:2] != ["worker"]:
            raise BrokerError("the broker lost its topics; restart the worker")
        log.warning("worker_restarting", reason="broker_state_lost")
        _restart_process()
