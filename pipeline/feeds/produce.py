"""``parley produce``: send articles from files to the input topic.

What a file gives is :func:`pipeline.inputs.file_records`: JSONL lines as written
(the worker, not the producer, decides what is valid and dead-letters the rest), or
one article per ``.txt``/``.html`` file. Lines the worker will reject are still sent, but
the user is told which, and why, before they land on the dead-letter topic.
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import click
from aiokafka import AIOKafkaProducer

from pipeline.app import client_options, start_client
from pipeline.decoding import decode_article
from pipeline.errors import ParleyError
from pipeline.inputs import Record, TextOptions, file_records
from pipeline.settings import Settings

__all__ = ["ProduceSummary", "find_invalid", "produce_paths", "produce_records"]

#: How many invalid records ``parley produce`` names before only counting them.
_SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class ProduceSummary:
    """What ``produce_paths`` did."""

    files: int
    sent: int
    failed: int
    bytes_sent: int
    seconds: float
    topic: str
    invalid: int = 0

    def __str__(self) -> str:
        rate = self.sent / self.seconds if self.seconds > 0 else 0.0
        rejected = (
            f"; {self.invalid} of them not valid articles: the worker will dead-letter them"
            " (parley dead-letters)"
            if self.invalid
            else ""
        )
        return (
            f"sent {self.sent} article(s) from {self.files} file(s) to '{self.topic}' "
            f"({self.bytes_sent} bytes, {self.failed} failed) in {self.seconds:.2f}s "
            f"({rate:.0f}/s){rejected}"
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
    invalid = 0
    for path in paths:
        found = file_records(path, options)
        if not found:
            click.echo(f"skipped {path}: no article in it", err=True)
        for number, problem in find_invalid(found, settings):
            invalid += 1
            if invalid <= _SHOWN_PROBLEMS:
                click.echo(f"{path}: record {number}: {problem} (sent anyway)", err=True)
        records.extend(found)
    sent, failed, size = asyncio.run(produce_records(records, settings))
    return ProduceSummary(
        files=len(paths),
        sent=sent,
        failed=failed,
        bytes_sent=size,
        seconds=time.monotonic() - started,
        topic=settings.topic_articles,
        invalid=invalid,
    )


def find_invalid(records: list[Record], settings: Settings) -> list[tuple[int, str]]:
    """(1-based record number, error) for each record the worker's decoder would reject."""
    now = datetime.now(UTC)
    problems = []
    for number, (_, value) in enumerate(records, 1):
        try:
            decode_article(value, max_bytes=settings.max_message_bytes, now=now)
        except ParleyError as exc:
            problems.append((number, f"{exc.code} {exc}"))
    return problems
