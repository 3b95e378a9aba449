"""Stopping a worker: SIGTERM exits cleanly and promptly, and never hangs past the deadline."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest

from pipeline.broker import EmbeddedBroker
from pipeline.worker import EXIT_STOP_DEADLINE
from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration


def test_sigterm_stops_a_worker_cleanly(pipeline: Pipeline) -> None:
    """A ready worker exits with code 0 within the configured shutdown time after SIGTERM."""
    pipeline.env["PARLEY_SHUTDOWN_TIMEOUT_S"] = "15"
    worker = pipeline.start_worker()
    worker.wait_ready()
    started = time.monotonic()
    worker.process.send_signal(signal.SIGTERM)
    code = worker.process.wait(30)
    elapsed = time.monotonic() - started
    assert 0 == code, worker.log()[-3000:]
    assert elapsed < 15, elapsed


def test_stop_deadline_ends_a_worker_whose_broker_is_gone(pipeline: Pipeline) -> None:
    """With its broker gone, a worker told to stop does not hang: it exits with
    EXIT_STOP_DEADLINE once PARLEY_SHUTDOWN_TIMEOUT_S has passed."""
    with EmbeddedBroker() as own_broker:
        pipeline.env["PARLEY_BROKER"] = own_broker.address
        pipeline.env["PARLEY_SHUTDOWN_TIMEOUT_S"] = "4"
        worker = pipeline.start_worker()
        worker.wait_ready()
    time.sleep(1)
    started = time.monotonic()
    worker.process.send_signal(signal.SIGTERM)
    try:
        code = worker.process.wait(30)
    except subprocess.TimeoutExpired:
        worker.process.kill()
        raise
    elapsed = time.monotonic() - started
    assert code in (0, EXIT_STOP_DEADLINE), worker.log()[-3000:]
    assert elapsed < 4 + 3, elapsed
