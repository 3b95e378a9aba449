"""Broker outages: a worker waits for a broker that is not there yet, and comes back by
itself after an in-memory broker restarted under it (losing every topic and offset)."""

from __future__ import annotations

import time
from pathlib import Path

import orjson
import pytest

from pipeline.broker import EmbeddedBroker, find_free_port
from pipeline.settings import Settings
from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"
LINES = {
    orjson.loads(line)["id"]: line for line in SAMPLES.read_bytes().splitlines() if line.strip()
}


def _on(pipeline: Pipeline, address: str) -> Pipeline:
    """The same deployment pointed at another broker."""
    pipeline.env["PARLEY_BROKER"] = address
    pipeline.broker = address
    pipeline.settings = Settings(**{**pipeline.settings.model_dump(), "broker": address})
    return pipeline


def _processed(pipeline: Pipeline, article_id: str, timeout: float) -> bool:
    outcomes = pipeline.read(
        pipeline.settings.topic_outcomes,
        until=lambda rs: any(orjson.loads(r.value)["article_id"] == article_id for r in rs),
        timeout=timeout,
    )
    return any(orjson.loads(r.value)["article_id"] == article_id for r in outcomes)


def test_worker_waits_for_a_broker_that_appears_later(pipeline: Pipeline) -> None:
    """A worker started before its broker logs that it waits, then connects and works."""
    port = find_free_port()
    _on(pipeline, f"127.0.0.1:{port}")
    worker = pipeline.start_worker()
    time.sleep(3)
    with EmbeddedBroker(port):
        worker.wait_ready()
        pipeline.produce([(b"sample-001", LINES["sample-001"])])
        assert _processed(pipeline, "sample-001", timeout=30)
        assert "broker_unreachable" in worker.log()
        worker.stop()


def test_worker_recovers_from_a_broker_restart(pipeline: Pipeline) -> None:
    """After the (in-memory) broker restarts empty, the worker notices its topics are
    gone, restarts itself and processes new articles without a human."""
    port = find_free_port()
    _on(pipeline, f"127.0.0.1:{port}")
    broker = EmbeddedBroker(port).start()
    try:
        worker = pipeline.start_worker()
        worker.wait_ready()
        pipeline.produce([(b"sample-001", LINES["sample-001"])])
        assert _processed(pipeline, "sample-001", timeout=30)
        broker.stop()
        time.sleep(2)
        broker = EmbeddedBroker(port).start()
        restarted = time.monotonic()
        recovered = False
        while not recovered and time.monotonic() - restarted < 90:
            pipeline.produce([(b"sample-002", LINES["sample-002"])])
            recovered = _processed(pipeline, "sample-002", timeout=5)
        assert recovered, worker.log()[-3000:]
        assert "broker_state_lost" in worker.log()
        assert worker.process.poll() is None
        worker.stop()
    finally:
        broker.stop()
