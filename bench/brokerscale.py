"""How the embedded broker's fetch cost grows with what a partition holds.

``python -m bench.brokerscale`` fills one partition of a fresh embedded broker with
one-record batches (the way Parley's workers write on Tansu) in steps, and after each
step times a one-record fetch near the end and near the start of the partition
(ten records before the end, and at offset 5; median of ``--repeats``). It explains why long runs on the embedded broker slow
down (scenario f): a fetch costs time in proportion to the batches stored in the
partition, and Tansu 0.6.0 neither compacts nor implements DeleteRecords.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition

from bench.machine import describe_machine
from pipeline.broker import EmbeddedBroker

__all__ = ["fill_one_record_batches", "main", "measure", "time_fetch"]

_TOPIC = "scaling"


async def fill_one_record_batches(bootstrap: str, count: int, value: bytes) -> float:
    """Append ``count`` records to partition 0, one per batch; return records per second."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, max_batch_size=len(value) + 200)
    await producer.start()
    started = time.perf_counter()
    try:
        pending = []
        for _ in range(count):
            pending.append(await producer.send(_TOPIC, value, partition=0))
            if len(pending) >= 2000:
                await asyncio.gather(*pending)
                pending = []
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return count / max(time.perf_counter() - started, 1e-9)


async def time_fetch(bootstrap: str, offset: int, repeats: int) -> tuple[float, int]:
    """Median seconds to fetch one record at ``offset`` of partition 0, and how many of
    the ``repeats`` fetches returned nothing within 2 s."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        fetch_max_wait_ms=50,
        max_partition_fetch_bytes=8192,  # about one record: time the lookup, not the transfer
    )
    await consumer.start()
    partition = TopicPartition(_TOPIC, 0)
    consumer.assign([partition])
    seconds = []
    empty = 0
    try:
        for _ in range(repeats):
            consumer.seek(partition, offset)
            started = time.perf_counter()
            got = await consumer.getmany(partition, timeout_ms=2000, max_records=1)
            seconds.append(time.perf_counter() - started)
            empty += not got
    finally:
        await consumer.stop()
    return statistics.median(seconds), empty


async def measure(bootstrap: str, steps: list[int], repeats: int) -> list[dict[str, Any]]:
    """Fill to each total in ``steps`` and time fetches after each."""
    rows = []
    stored = 0
    value = b"x" * 3000
    for total in steps:
        rate = await fill_one_record_batches(bootstrap, total - stored, value)
        stored = total
        end, end_empty = await time_fetch(bootstrap, max(stored - 10, 0), repeats)
        start, start_empty = await time_fetch(bootstrap, 5, repeats)
        rows.append(
            {
                "batches_stored": stored,
                "fill_records_per_s": round(rate),
                "fetch_near_end_ms": round(end * 1000, 1),
                "near_end_empty": end_empty,
                "fetch_near_start_ms": round(start * 1000, 1),
                "near_start_empty": start_empty,
                "repeats": repeats,
            }
        )
        print(
            f"{stored:>8} batches stored: fetch near end {end * 1000:7.1f} ms "
            f"({end_empty} empty), near start {start * 1000:7.1f} ms ({start_empty} empty); "
            f"filled at {rate:,.0f}/s",
            flush=True,
        )
    return rows


def main(argv: list[str] | None = None) -> None:
    """Run the measurement and write it as JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.brokerscale", description=__doc__)
    parser.add_argument(
        "--steps", default="1000,10000,50000", help="comma-separated totals of stored batches"
    )
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    options = parser.parse_args(argv)
    steps = sorted(int(step) for step in options.steps.split(","))
    with EmbeddedBroker() as broker:
        rows = asyncio.run(measure(broker.address, steps, options.repeats))
    result = {"machine": describe_machine(), "rows": rows}
    if options.out:
        options.out.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))


if __name__ == "__main__":
    main()
