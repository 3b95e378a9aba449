"""``parley demo``: embedded broker, one worker, the bundled samples, events as they appear.

Everything runs on loopback and is torn down at the end: the broker (memory
storage), the worker (a subprocess, stopped with SIGTERM) and its temp data.
The demo exits by itself once events stop arriving (or after ``timeout``).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import TextIO

import orjson
from aiokafka import AIOKafkaConsumer, TopicPartition

from pipeline.app import client_options
from pipeline.broker import EmbeddedBroker
from pipeline.feeds.produce import produce_records
from pipeline.feeds.tail import format_event, format_retired
from pipeline.inputs import file_records
from pipeline.settings import Settings
from pipeline.topics import create_topics

__all__ = ["run_demo", "sample_articles_path"]

_IDLE_AFTER_LAST_EVENT_S = 6.0


def sample_articles_path() -> Path:
    """The bundled sample articles (JSONL)."""
    return Path(str(resources.files("pipeline") / "samples" / "articles.jsonl"))


def _start_worker(settings: Settings, log: TextIO) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    env.update(
        {
            "PARLEY_BROKER": settings.broker or "",
            "PARLEY_APP_ID": settings.app_id,
            "PARLEY_PARTITIONS": str(settings.partitions),
            "PARLEY_LOG_LEVEL": "WARNING",
            # Tansu under-reports end offsets after multi-record batches (see settings).
            "PARLEY_PRODUCER_BATCH_BYTES": "1",
        }
    )
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", "worker"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


async def _show_events(
    settings: Settings, *, expected_articles: int, timeout: float, out: TextIO
) -> tuple[int, float | None]:
    """Print event revisions as they appear; return (count, seconds to the first one)."""
    consumer = AIOKafkaConsumer(
        **client_options(settings), group_id=None, enable_auto_commit=False, fetch_max_wait_ms=100
    )
    await consumer.start()
    started = time.monotonic()
    first: float | None = None
    count = 0
    try:
        topics = [settings.topic_events, settings.topic_outcomes]
        await consumer.topics()
        assigned = [
            TopicPartition(topic, p)
            for topic in topics
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        consumer.assign(assigned)
        await consumer.seek_to_beginning(*assigned)
        outcomes = 0
        last = started
        while time.monotonic() - started < timeout:
            idle = time.monotonic() - last
            if outcomes >= expected_articles and count and idle >= _IDLE_AFTER_LAST_EVENT_S:
                break
            batches = await consumer.getmany(timeout_ms=300)
            for tp, records in batches.items():
                for record in records:
                    if tp.topic == settings.topic_outcomes:
                        outcomes += 1
                        continue
                    if record.value is None:  # a tombstone: an id merged into another
                        into = dict(record.headers or []).get("merged_into")
                        merged_into = into.decode() if into else None
                        out.write(format_retired((record.key or b"").decode(), merged_into) + "\n")
                        continue
                    event = orjson.loads(record.value)
                    count += 1
                    last = time.monotonic()
                    first = first if first is not None else last - started
                    out.write(format_event(event) + "\n")
                    out.write(f"    {event.get('summary', '')}\n")
                    out.flush()
    finally:
        await consumer.stop()
    return count, first


async def _produce_and_show(
    settings: Settings, samples: Path, timeout: float, out: TextIO
) -> tuple[int, float | None]:
    options = client_options(settings)
    await create_topics(settings, options)
    records = file_records(samples)
    with open(os.devnull, "w") as quiet:
        sent, failed, _ = await produce_records(records, settings, progress=quiet)
    out.write(f"Produced {sent} sample articles ({failed} failed). Events as they appear:\n")
    out.flush()
    return await _show_events(settings, expected_articles=sent, timeout=timeout, out=out)


def run_demo(settings: Settings, *, timeout: float = 120.0, out: TextIO | None = None) -> int:
    """Run the demo; return the exit code (0 when events were shown)."""
    stream = out if out is not None else sys.stdout
    samples = sample_articles_path()
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory(prefix="parley-demo-") as tmp,
        EmbeddedBroker() as broker,
    ):
        demo_settings = settings.model_copy(
            update={"broker": broker.address, "app_id": "parley-demo"}
        )
        stream.write(f"Embedded broker on {broker.address}; starting a worker...\n")
        stream.flush()
        log_path = Path(tmp) / "worker.log"
        with log_path.open("w") as log:
            worker = _start_worker(demo_settings, log)
            try:
                count, first = asyncio.run(
                    _produce_and_show(demo_settings, samples, timeout, stream)
                )
            except KeyboardInterrupt:
                count, first = 0, None
            finally:
                worker.send_signal(signal.SIGTERM)
                try:
                    worker.wait(demo_settings.shutdown_timeout_s)
                except subprocess.TimeoutExpired:
                    worker.kill()
                    worker.wait()
        elapsed = time.monotonic() - started
        if count == 0:
            stream.write("No events appeared. Worker log tail:\n")
            stream.write(log_path.read_text(errors="replace")[-3000:] + "\n")
            return 1
        first_text = f"{first:.1f}s" if first is not None else "-"
        stream.write(
            f"Done: {count} event revision(s); first after {first_text}; total {elapsed:.1f}s.\n"
        )
        return 0
