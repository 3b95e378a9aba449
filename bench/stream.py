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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from bench.kafka import Record, create_topics, fill_topic, passthrough, watch_topics
from bench.machine import read_cpu_seconds, read_machine_ticks, read_rss_bytes
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
    dead_keys: set[str] = field(default_factory=set)
    revisions: int = 0
    event_ids: set[str] = field(default_factory=set)
    last_event_at: float = 0.0
    last_seen_wall: float = field(default_factory=time.monotonic)
    wanted: set[str] = field(default_factory=set)
    finished: set[str] = field(default_factory=set)

    def see(self, record: Record, roles: dict[str, str]) -> None:
        """Account for one record of the topic playing ``roles[record.topic]``."""
        role = roles[record.topic]
        self.last_seen_wall = time.monotonic()
        if not record.value and role in ("candidates", "events"):
            return  # a tombstone (a retired event on the compacted topic)
        key = (record.key or b"").decode("utf-8", "replace")
        if role == "clean":
            self.clean.setdefault(key, record.timestamp)
        elif role == "outcomes":
            self.outcome.setdefault(key, record.timestamp)
        elif role == "dlq":
            self.dead_letters += 1
            self.dead_keys.add(key)
        if role in ("outcomes", "dlq") and key in self.wanted:
            self.finished.add(key)
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
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
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
        done = subprocess.run(
            [str(spy), "dump", "--pid", str(worker.pid)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
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


async def _watch(
    broker: str, roles: dict[str, str], wanted: Sequence[str]
) -> tuple[Progress, asyncio.Event, asyncio.Task[None]]:
    progress = Progress()
    stop = asyncio.Event()
    names = [name for name, role in roles.items() if role in wanted]
    task = asyncio.create_task(watch_topics(broker, names, lambda r: progress.see(r, roles), stop))
    return progress, stop, task


def measure_passthrough(records: Sequence[Keyed], *, partitions: int) -> dict[str, Any]:
    """(a): a bare consumer → producer copy of ``records``, batched and acked-per-record."""

    async def run(address: str) -> dict[str, Any]:
        await create_topics(
            address,
            [
                ("bench.in", partitions, False),
                ("bench.out", partitions, False),
                ("bench.out2", partitions, False),
            ],
        )
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


def _warmup_copies(records: Sequence[Keyed], count: int) -> list[Keyed]:
    """Copies of the first records under new ids and URLs (they warm the workers up)."""
    copies: list[Keyed] = []
    for _key, value in records[:count]:
        data = orjson.loads(value)
        data["id"] = f"warm-{data['id']}"
        data["url"] = f"{data['url']}-warm"
        copies.append((data["id"].encode(), orjson.dumps(data)))
    return copies


def _start_spy(pid: int, out: Path) -> subprocess.Popen[bytes] | None:
    spy = Path(sys.executable).with_name("py-spy")
    if not spy.exists():
        return None
    return subprocess.Popen(
        [
            str(spy),
            "record",
            "--pid",
            str(pid),
            "--rate",
            "100",
            "--format",
            "raw",
            "--output",
            str(out),
            "--nonblocking",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _stop_spy(spy: subprocess.Popen[bytes] | None, out: Path) -> dict[str, Any] | None:
    if spy is None:
        return None
    spy.send_signal(signal.SIGINT)
    try:
        spy.wait(30)
    except subprocess.TimeoutExpired:
        spy.kill()
        return None
    if not out.exists():
        return None
    from bench.profiling import summarize_collapsed

    return summarize_collapsed(out.read_text(encoding="utf-8"), inside="", top=25)


def run_end_to_end(
    records: Sequence[Keyed],
    *,
    workers: int,
    timeout: float,
    idle: float = 3.0,
    rss_every: float = 1.0,
    stall: float = 120.0,
    warmup: int = 8,
    settle: float = 8.0,
    profile: bool = False,
    on_sample: Callable[[int, float], None] | None = None,
) -> dict[str, Any]:
    """(b)/(f)/(g): start workers, warm them up, fill the input topic, wait for the last revision.

    The workers first code ``warmup`` copies of articles and settle (group rebalances
    done); then ``records`` are sent at once (thousands per second, far above
    Parley's rate, so the topic is in effect pre-filled) and the clock runs from the
    first clean record of them to the last event revision. A run where nothing new
    reaches the watched topics for ``stall`` seconds is abandoned, with the workers'
    stacks in the result. ``profile`` samples worker 0 with py-spy during the run.
    ``on_sample(articles_done, rss_mb)`` sees each RSS sample as it is taken (a long run
    that is interrupted still leaves its samples).
    """
    settings = _settings()
    wanted = {(key or b"").decode() for key, _ in records}

    async def run(address: str, log_dir: Path, broker_pid: int) -> dict[str, Any]:
        roles = await _prepare(address, settings)
        progress, stop, task = await _watch(address, roles, ("clean", "outcomes", "dlq", "events"))
        progress.wanted = wanted
        started = time.time()
        procs = _start_workers(address, workers, log_dir)
        rss: list[tuple[int, float]] = []
        stacks: list[str] = []
        spy: subprocess.Popen[bytes] | None = None
        hot: dict[str, Any] | None = None
        busy: list[float] = []
        machine_busy = broker_busy = bench_busy = 0.0
        try:
            await fill_topic(address, settings.topic_articles, _warmup_copies(records, warmup))
            while progress.accounted < warmup and time.time() - started < 300:
                await asyncio.sleep(0.2)
            ready = time.time() - started
            await asyncio.sleep(settle)
            if profile:
                spy = _start_spy(procs[0].pid, log_dir / "worker.spy")
            cpu_before = [read_cpu_seconds(p.pid) for p in procs]
            ours_before = read_cpu_seconds(broker_pid), read_cpu_seconds(os.getpid())
            ticks_before = read_machine_ticks()
            wall_before = time.monotonic()
            await fill_topic(address, settings.topic_articles, records)
            next_sample = time.monotonic()
            while time.time() - started < timeout:
                if time.monotonic() - progress.last_seen_wall > stall:
                    stacks = _stacks(procs)
                    break
                await asyncio.sleep(0.2)
                if time.monotonic() >= next_sample:
                    total = sum(read_rss_bytes(p.pid) for p in procs)
                    rss.append((_done(progress, wanted), round(total / 2**20, 1)))
                    if on_sample is not None:
                        on_sample(*rss[-1])
                    next_sample += rss_every
                if any(p.poll() is not None for p in procs):
                    break
                finished = _done(progress, wanted) >= len(wanted)
                if finished and time.monotonic() - progress.last_seen_wall > idle:
                    break
            cpu = [read_cpu_seconds(p.pid) - b for p, b in zip(procs, cpu_before, strict=True)]
            busy = [round(c / max(time.monotonic() - wall_before, 1e-6), 3) for c in cpu]
            wall = max(time.monotonic() - wall_before, 1e-6)
            broker_busy = round((read_cpu_seconds(broker_pid) - ours_before[0]) / wall, 3)
            bench_busy = round((read_cpu_seconds(os.getpid()) - ours_before[1]) / wall, 3)
            ticks_after = read_machine_ticks()
            machine_busy = round(
                (ticks_after[0] - ticks_before[0]) / max(ticks_after[1] - ticks_before[1], 1), 3
            )
            hot = _stop_spy(spy, log_dir / "worker.spy")
        finally:
            _stop_workers(procs)
            stop.set()
            await task
        done = _done(progress, wanted)
        first = min((progress.clean[i] for i in wanted if i in progress.clean), default=started)
        outcomes = [progress.outcome[i] for i in wanted if i in progress.outcome]
        last = max(progress.last_event_at, max(outcomes, default=first))
        seconds = max(last - first, 1e-6)
        return {
            "articles": len(records),
            "workers": workers,
            "accounted": done,
            "dead_letters": len(progress.dead_keys & wanted),
            "events": len(progress.event_ids),
            "revisions": progress.revisions,
            "startup_seconds": round(ready, 2),
            "seconds": round(seconds, 3),
            "articles_per_s": round(done / seconds, 2),
            "complete": done >= len(wanted),
            "worker_cpu_share": busy,
            "machine_cpu_busy": machine_busy,
            "broker_cpu_share": broker_busy,
            "bench_cpu_share": bench_busy,
            "rss_mb": rss,
            **({"worker_profile": hot} if hot else {}),
            **({"stalled_stacks": stacks} if stacks else {}),
        }

    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory(prefix="parley-bench-") as logs:
        process = getattr(broker, "_process", None)
        return asyncio.run(run(broker.address, Path(logs), process.pid if process else 0))


def _done(progress: Progress, wanted: set[str]) -> int:
    """How many of the wanted articles finished (an outcome or a dead letter)."""
    return len(progress.finished)


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 1)


def _latency_stats(
    ids: Sequence[str], sent: dict[str, float], progress: Progress
) -> dict[str, Any]:
    outcome = [progress.outcome[i] - sent[i] for i in ids if i in progress.outcome]
    event = [progress.event[i] - sent[i] for i in ids if i in progress.event]
    ingest = [progress.clean[i] - sent[i] for i in ids if i in progress.clean]
    extract = [
        progress.candidate[i] - progress.clean[i]
        for i in ids
        if i in progress.candidate and i in progress.clean
    ]
    dedup = [
        progress.event[i] - progress.candidate[i]
        for i in ids
        if i in progress.event and i in progress.candidate
    ]
    return {
        "articles": len(ids),
        "with_event": len(event),
        "event_p50_ms": _quantile(event, 0.5),
        "event_p99_ms": _quantile(event, 0.99),
        "outcome_p50_ms": _quantile(outcome, 0.5),
        "outcome_p99_ms": _quantile(outcome, 0.99),
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
                await fill_topic(
                    address, settings.topic_articles, batch, rate=rate, on_send=on_send
                )
                ids = [(key or b"").decode() for key, _ in batch]
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    await asyncio.sleep(0.2)
                    finished = sum(1 for i in ids if i in progress.outcome)
                    if (
                        finished >= len(ids) - progress.dead_letters
                        and time.monotonic() - progress.last_seen_wall > 2.0
                    ):
                        break
                results[f"{rate:g}"] = _latency_stats(ids, sent, progress)
        finally:
            _stop_workers(procs)
            stop.set()
            await task
        return results

    with EmbeddedBroker() as broker, tempfile.TemporaryDirectory(prefix="parley-bench-") as logs:
        return asyncio.run(run(broker.address, Path(logs)))
