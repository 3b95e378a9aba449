"""Integration fixtures: a real Kafka-protocol broker (Tansu) and Parley workers.

The broker runs once per session on a free loopback port with memory storage.
Each test gets its own topic names and consumer group (a unique prefix), so tests
share the broker without seeing each other's records. Workers run as subprocesses
with exactly the command and environment a user (or docker-compose) gives them.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from pipeline.broker import EmbeddedBroker
from pipeline.settings import Settings

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def broker_address(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Bootstrap address of a Tansu broker started for this test session."""
    log_path = tmp_path_factory.mktemp("broker") / "tansu.log"
    with log_path.open("wb") as log, EmbeddedBroker(log=log) as broker:
        yield broker.address


def _topic_env(prefix: str) -> dict[str, str]:
    return {
        "PARLEY_APP_ID": f"{prefix}-app",
        "PARLEY_TOPIC_ARTICLES": f"{prefix}.articles",
        "PARLEY_TOPIC_CLEAN": f"{prefix}.article.clean",
        "PARLEY_TOPIC_CANDIDATES": f"{prefix}.event.candidates",
        "PARLEY_TOPIC_EVENTS": f"{prefix}.events",
        "PARLEY_TOPIC_MENTIONS": f"{prefix}.mentions",
        "PARLEY_TOPIC_DLQ": f"{prefix}.articles.dlq",
        "PARLEY_TOPIC_OUTCOMES": f"{prefix}.articles.outcomes",
    }


@dataclass
class WorkerProcess:
    """A ``parley worker`` subprocess and its log file."""

    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        """The worker's log so far."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Block until the worker has joined its group and recovered its tables."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"worker exited early:\n{self.log()[-4000:]}")
            if "Worker ready" in self.log():
                return
            time.sleep(0.2)
        raise TimeoutError(f"worker not ready after {timeout}s:\n{self.log()[-4000:]}")

    def stop(self, timeout: float = 30.0) -> int:
        """SIGTERM the worker and wait for it to exit; return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        return self.process.returncode


@dataclass
class Pipeline:
    """One isolated Parley deployment on the session broker: its settings and workers."""

    broker: str
    prefix: str
    tmp: Path
    env: dict[str, str]
    settings: Settings
    workers: list[WorkerProcess] = field(default_factory=list)

    def start_worker(self) -> WorkerProcess:
        """Start ``python -m pipeline.cli worker`` with this pipeline's environment."""
        index = len(self.workers) + 1
        log_path = self.tmp / f"worker-{index}.log"
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [sys.executable, "-m", "pipeline.cli", "worker"],
                cwd=REPO_ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        worker = WorkerProcess(process, log_path)
        self.workers.append(worker)
        return worker

    def produce(self, records: list[tuple[bytes | None, bytes | None]]) -> None:
        """Send raw (key, value) records to the articles topic and wait for the acks."""
        asyncio.run(_produce(self.broker, self.settings.topic_articles, records))

    def read(
        self, topic: str, *, until: Callable[[list[Any]], bool], timeout: float = 60.0
    ) -> list[Any]:
        """Read ``topic`` from the beginning until ``until(records)`` holds or timeout."""
        return asyncio.run(_read(self.broker, topic, until=until, timeout=timeout))


async def _produce(
    broker: str, topic: str, records: list[tuple[bytes | None, bytes | None]]
) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=broker, max_request_size=8 * 1024 * 1024)
    await producer.start()
    try:
        for key, value in records:
            await producer.send_and_wait(topic, value=value, key=key)
    finally:
        await producer.stop()


async def _read(
    broker: str, topic: str, *, until: Callable[[list[Any]], bool], timeout: float
) -> list[Any]:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=broker,
        group_id=None,
        enable_auto_commit=False,
        fetch_max_wait_ms=100,
        max_partition_fetch_bytes=16 * 1024 * 1024,
    )
    await consumer.start()
    records: list[Any] = []
    try:
        deadline = time.monotonic() + timeout
        partitions: set[int] | None = None
        while not partitions and time.monotonic() < deadline:
            # Fresh metadata: the consumer's own view does not learn of a topic created
            # after it started (consumer.topics() does not update it).
            cluster = await consumer._client.fetch_all_metadata()
            partitions = cluster.partitions_for_topic(topic)
            if not partitions:
                await asyncio.sleep(0.3)
        if not partitions:
            return records
        assigned = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        while time.monotonic() < deadline and not until(records):
            batches = await consumer.getmany(timeout_ms=300)
            for batch in batches.values():
                records.extend(batch)
    finally:
        await consumer.stop()
    return records


def _deployment(broker_address: str, tmp_path: Path) -> Pipeline:
    """A new isolated deployment: unique topic names, app id and working directory."""
    prefix = f"t{next(_counter)}-{uuid.uuid4().hex[:6]}"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PARLEY_")}
    env.update(_topic_env(prefix))
    env.update(
        {
            "PARLEY_BROKER": broker_address,
            "PARLEY_PARTITIONS": "2",
            "PARLEY_LOG_LEVEL": "INFO",
            # Tansu under-reports end offsets after multi-record batches: one record per batch.
            "PARLEY_PRODUCER_BATCH_BYTES": "1",
            "PYTHONUNBUFFERED": "1",
        }
    )
    topics: dict[str, Any] = {
        key.removeprefix("PARLEY_").lower(): value
        for key, value in _topic_env(prefix).items()
        if key.startswith("PARLEY_TOPIC_")
    }
    settings = Settings.model_validate(
        {"broker": broker_address, "app_id": env["PARLEY_APP_ID"], "partitions": 2, **topics}
    )
    tmp = tmp_path / prefix
    tmp.mkdir(parents=True, exist_ok=True)
    return Pipeline(broker_address, prefix, tmp, env, settings)


@pytest.fixture
def pipeline(broker_address: str, tmp_path: Path) -> Iterator[Pipeline]:
    """An isolated Parley deployment (own topics, own group); its workers stop after the test."""
    deployment = _deployment(broker_address, tmp_path)
    yield deployment
    for worker in deployment.workers:
        worker.stop()


@pytest.fixture
def make_pipeline(broker_address: str, tmp_path: Path) -> Iterator[Callable[[], Pipeline]]:
    """A factory of further isolated deployments (e.g. a clean reference run beside a
    faulty one); their workers stop after the test."""
    made: list[Pipeline] = []

    def make() -> Pipeline:
        made.append(_deployment(broker_address, tmp_path))
        return made[-1]

    yield make
    for deployment in made:
        for worker in deployment.workers:
            worker.stop()
