"""``parley produce``: send articles from files to the input topic.

What a file gives is :func:`pipeline.inputs.file_records`: JSONL lines as written
(the worker, not the producer, decides what is valid and dead-letters the rest), or
one article per ``.txt``/``.html`` file.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import click
from aiokafka import AIOKafkaProducer

from pipeline.app import client_options, start_client
from pipeline.inputs import Record, TextOptions, file_records
from pipeline.settings import Settings

__all__ = ["ProduceSummary", "produce_paths", "produce_records"]


@dataclass(frozen=True)
class ProduceSummary:
    """What ``produce_paths`` did."""

    files: int
    sent: int
    failed: int
    bytes_sent: int
    seconds: float
    topic: str

    def __str__(self) -> str:
        rate = self.sent / self.seconds if self.seconds > 0 else 0.0
        return (
            f"sent {self.sent} article(s) from {self.files} file(s) to '{self.topic}' "
            f"({self.bytes_sent} bytes, {self.failed} failed) in {self.seconds:.2f}s "
            f"({rate:.0f}/s)"
        )


async def produce_records(
    records: list[Record],
    settings: Settings,
    *,
    progress: TextIO | None = None,
) -> tuple[int, int, int]:
    """Send ``records`` to the articles topic; return (sent, failed, bytes sent)."""
    producer = AIOKafkaProducer(
        **client_options(settings),
        max_request_size=settings.producer_max_request_bytes,
        acks="all",
        linger_ms=5,
    )
    await start_client(producer)
    sent = failed = size = 0
    try:
        with click.progressbar(
            length=len(records),
            label="producing",
            file=progress if progress is not None else sys.stderr,
        ) as bar:
            futures = []
            for key, value in records:
                try:
                    futures.append(
                        (await producer.send(settings.topic_articles, value=value, key=key), value)
                    )
                except Exception as exc:  # too large for the client, broker gone...
                    failed += 1
                    click.echo(f"\nnot sent: {type(exc).__name__}: {exc}", err=True)
                    bar.update(1)
            for future, value in futures:
                try:
                    await future
                    sent += 1
                    size += len(value)
                except Exception as exc:
                    failed += 1
                    click.echo(f"\nnot acknowledged: {type(exc).__name__}: {exc}", err=True)
                bar.update(1)
    finally:
        await producer.stop()
    return sent, failed, size


def produce_paths(
    paths: list[Path], settings: Settings, options: TextOptions | None = None
) -> ProduceSummary:
    """Send the articles in ``paths`` to the input topic (``parley produce``)."""
    started = time.monotonic()
    records: list[Record] = []
    for path in paths:
        found = file_records(path, options)
        if not found:
            click.echo(f"skipped {path}: no article in it", err=True)
        records.extend(found)
    sent, failed, size = asyncio.run(produce_records(records, settings))
    return ProduceSummary(
        files=len(paths),
        sent=sent,
        failed=failed,
        bytes_sent=size,
        seconds=time.monotonic() - started,
        topic=settings.topic_articles,
    )
