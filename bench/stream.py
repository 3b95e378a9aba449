"""The broker scenarios: (a) passthrough, (b)/(g) end to end, (e) latency, (f) RSS.

Each scenario starts its own embedded Tansu broker (a clean slate), creates
Parley's topics with the configured partitions, and runs ``parley worker``
subprocesses against it. Times come from the records' CreateTime stamps, set by
the bench producer (send time) and by the worker's producer (publication time).
"""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from bench.kafka import Record, create_topics, fill_topic, passthrough, watch_topics
from bench.machine import read_rss_bytes
from pipeline.broker import EmbeddedBroker
from pipeline.settings import Settings
from pipeline.topics import topic_specs

__all__ = ["Progress", "measure_latency", "measure_passthrough", "run_end_to_end"]

Keyed = tuple[bytes | None, bytes]


@dataclass
class Progress:
    """What the watcher has seen on Parley's topics, with first-seen timestamps per article."""

    clean: dict[str, float] = field(default_factory=dict)
    candidate: dict[str, float] = field(default_factory=dict)
    outcome: dict[str, float] = field(default_factory=dict)
    event: dict[str, float] = field(default_factory=dict)
    dead_letters: int = 0
    revisions: int = 0
    event_ids: set[str] = field(default_factory=set)
    last_event_at: float = 0.0
    last_seen_wall: float = field(default_factory=time.monotonic)

    def see(self, record: Record, roles: dict[str, str]) -> None:
        """Account for one record of the topic playing ``roles[record.topic]``."""
        role = roles[record.topic]
        self.last_seen_wall = time.monotonic()
        key = (record.key or b"").decode("utf-8", "replace")
        if role == "clean":
            self.clean.setdefault(key, record.timestamp)
        elif role == "outcomes":
            self.outcome.setdefault(key, record.timestamp)
        elif role == "dlq":
            self.dead_letters += 1
        elif role == "candidates":
            article_id = orjson.loads(record.value).get("article_id", "")
            self.candidate.setdefault(article_id, record.timestamp)
        elif role == "events":
            data = orjson.loads(record.value)
            self.revisions += 1
            self.event_ids.add(data.get("event_id", ""))
            self.last_event_at = max(self.last_event_at, record.timestamp)
            for mention in data.get("mentions", ()):
                self.event.setdefault(mention.get("article_id", ""), record.timestamp)

    @property
    def accounted(self) -> int:
        """Articles that finished: an outcome record, or a dead letter."""
        return len(self.outcome) + self.dead_letters


def _settings() -> Settings:
    return Settings()


async def _prepare(broker: str, settings: Settings) -> dict[str, str]:
    specs = topic_specs(settings)
    await create_topics(broker, [(s.name, s.partitions, s.compacted) for s in specs])
    return {s.name: s.role for s in specs}


def _start_workers(broker: str, count: int, log_dir: Path) -> list[subprocess.Popen[bytes]]:
    env = dict(os.environ, PARLEY_BROKER=broker)
    env.pop("PARLEY_WEB_PORT", None)
    env.pop("PARLEY_DATA_DIR", None)
    workers = []
    for index in range(count):
        log = (log_dir / f"worker-{index}.log").open("wb")
        workers.append(
            subprocess.Popen(
                [sys.executable, "-m", "pipeline.cli", "worker"],
                env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        )
    return workers


def _stacks(workers: Sequence[subprocess.Popen[bytes]]) -> list[str]:
    """py-spy dumps of the workers' threads (why a run stalled), when py-spy is installed."""
    spy = Path(sys.executable).with_name("py-spy")
    if not spy.exists():
        return []
    dumps = []
    for worker in workers:
        done = subprocess.run([str(spy), "dump", "--pid", str(worker.pid)],
                              capture_output=True, text=True, timeout=30, check=False)
        dumps.append("\n".join(done.stdout.splitlines()[:14]))
    return dumps


def _stop_workers(workers: Sequence[subprocess.Popen[bytes]]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(10)


async def _watch(broker: str, roles: dict[str, str], wanted: Sequence[str]) -> tuple[Progress, asyncio.Event, asyncio.Task[None]]:
    progress = Progress()
    stop = asyncio.Event()
    names = [name for name, role in roles.items() if role in wanted]
    task = asyncio.create_task(watch_topics(broker, names, lambda r: progress.see(r, roles), stop))
    return progress, stop, task


def measure_passthrough(records: Sequence[Keyed], *, partitions: int) -> dict[str, Any]:
    """(a): a bare consumer → producer copy of ``records``, batched and acked-per-record."""

    async def run(address: str) -> dict[str, Any]:
        await create_topics(address, [("bench.in", partitions, False), ("bench.out", partitions, False),
                                      ("bench.out2", partitions, False)])
        await fill_topic(address, "bench.in", records)
        batched = await passthrough(address, "bench.in", "bench.out", len(records), acked=False)
        acked = await passthrough(address, "bench.in", "bench.out2", len(records), acked=True)
        return {
            "articles": len(records),
            "batched_seconds": round(batched, 3),
            "batched_articles_per_s": round(len(records) / batched, 1),
            "acked_seconds": round(acked, 3),
            "acked_articles_per_s": round(len(records) / acked, 1),
        }

    with EmbeddedBroker() as broker:
        return asyncio.run(run(broker.address))


def run_end_to_end(
    records: Sequence[Keyed], *, workers: int, timeout: float, idle: float = 3.0,
    rss_every: float = 1.0, stall: float = 120.0,
) -> dict[str, Any]:
    """(b)/(f)/(g): pre-fill the input topic, start workers, wait for the last revision.

    A run where nothing new reaches the watched topics for ``stall`` seconds is
    abandoned, with the workers' stacks in the result.
    """
    settings = _settings()

    async def run(address: str, log_dir: Path) -> dict[str, Any]:
        roles = await _prepare(address, settings)
        await fill_topic(address, settings.topic_articles, records)
        progress, stop, task = await _watch(address, roles, ("clean", "outcomes", "dlq", "events"))
        started = time.time()
        procs = _start_workers(address, workers, log_dir)
        rss: list[tuple[int, float]] = []
        stacks: list[str] = []
        next_sample = time.monotonic()
        try:
            while time.time() - started < timeout:
                if time.monotonic() - progress.last_seen_wall > stall and progress.clean:
                    stacks = _stacks(procs)
                    break
                await asyncio.sleep(0.2)
                if time.monotonic() >= next_sample:
                    total = sum(read_rss_bytes(p.pid) for p in procs)
                    rss.append((progress.accounted, round(total / 2**20, 1)))
                    next_sample += rss_every
                if any(p.poll() is not None for p in procs):
                    break
                done = progress.accounted >= len(records)
                if done and time.monotonic() - progress.last_seen_wall > idle:
                    break
        finally:
            _stop_workers(procs)
            stop.set()
            await task
        first = min(progress.clean.values(), default=started)
        last = max(progress.last_event_at, max(progress.outcome.values(), default=first))
        seconds = max(last - first, 1e-6)
        return {
            "articles": len(records),
            "workers": workers,
            "accounted": progress.accounted,
            "dead_letters": progress.dead_letters,
            "events": len(progress.event_ids),
            "revisions": progress.revisions,
            "startup_seconds": round(first - started, 2),
            "seconds": round(seconds, 3),
            "articles_per_s": round(progress.accounted / seconds, 2),
            "complete": progress.accounted >= len(records),
            "rss_mb": rss,
            **({"stalled_stacks": stacks} if stacks else {}),
        }

    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory(prefix="parley-bench-") as logs:
        return asyncio.run(run(broker.address, Path(logs)))


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def _latency_stats(ids: Sequence[str], sent: dict[str, float], progress: Progress) -> dict[str, Any]:
    outcome = [progress.outcome[i] - sent[i] for i in ids if i in progress.outcome]
    event = [progress.event[i] - sent[i] for i in ids if i in progress.event]
    ingest = [progress.clean[i] - sent[i] for i in ids if i in progress.clean]
    extract = [progress.candidate[i] - progress.clean[i]
               for i in ids if i in progress.candidate and i in progress.clean]
    dedup = [progress.event[i] - progress.candidate[i]
             for i in ids if i in progress.event and i in progress.candidate]
    return {
        "articles": len(ids),
        "with_event": len(event),
        "event_p50_ms": _quantile(event, 0.5), "event_p99_ms": _quantile(event, 0.99),
        "outcome_p50_ms": _quantile(outcome, 0.5), "outcome_p99_ms": _quantile(outcome, 0.99),
        "hop_ingest_p50_ms": _quantile(ingest, 0.5),
        "hop_extract_p50_ms": _quantile(extract, 0.5),
        "hop_dedup_p50_ms": _quantile(dedup, 0.5),
    }


def measure_latency(
    records: Sequence[Keyed], *, rates: Sequence[float], seconds: float, warmup: int = 10
) -> dict[str, Any]:
    """(e): produce at fixed rates to a running worker; produce → publication, p50/p99."""
    settings = _settings()

    async def run(address: str, log_dir: Path) -> dict[str, Any]:
        roles = await _prepare(address, settings)
        progress, stop, task = await _watch(
            address, roles, ("clean", "candidates", "outcomes", "dlq", "events")
        )
        procs = _start_workers(address, 1, log_dir)
        sent: dict[str, float] = {}

        def on_send(key: bytes | None, at: float) -> None:
            sent[(key or b"").decode()] = at

        results: dict[str, Any] = {}
        offset = 0
        try:
            batch = records[offset : offset + warmup]
            offset += warmup
            await fill_topic(address, settings.topic_articles, batch)
            deadline = time.monotonic() + 180
            while progress.accounted < warmup and time.monotonic() < deadline:
                await asyncio.sleep(0.2)
            for rate in rates:
                count = int(rate * seconds)
                batch = records[offset : offset + count]
                offset += count
                await fill_topic(address, settings.topic_articles, batch, rate=rate, on_send=on_send)
                ids = [(key or b"").decode() for key, _ in batch]
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                    finished = sum(1 for i in ids if i in progress.outcome)
                    if finished >= len(ids) - progress.dead_letters and \
                            time.monotonic() - progress.last_seen_wall > 2.0:
                        break
                results[f"{rate:g}"] = _latency_stats(ids, sent, progress)
        finally:
            _stop_workers(procs)
            stop.set()
            await task
        return results

    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory(prefix="parley-bench-") as logs:
        return asyncio.run(run(broker.address, Path(logs)))
