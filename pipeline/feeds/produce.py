"""``parley produce``: send articles from files to the input topic.

JSONL files are sent line by line exactly as written (blank lines skipped): the
worker, not the producer, decides what is valid and dead-letters the rest. A
``.txt`` or ``.html`` file is one article: first line = title, the rest = body
(``body_html`` for .html), outlet ``local``, url = the file URI, published_at = the
file's modification time (UTC).
"""

from __future__ import annotations

import asyncio
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import click
import orjson
from aiokafka import AIOKafkaProducer

from pipeline.app import client_options
from pipeline.models import derive_article_id
from pipeline.settings import Settings

__all__ = ["ProduceSummary", "file_records", "produce_paths", "produce_records"]

Record = tuple[bytes | None, bytes]


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


def _key_of(line: bytes) -> bytes | None:
    """The article id (or URL-derived id) as the record key, when the line is JSON."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("id"), str) and data["id"]:
        return str(data["id"]).encode("utf-8")
    if isinstance(data.get("url"), str) and data["url"]:
        return derive_article_id(data["url"]).encode("utf-8")
    return None


def _text_article(path: Path) -> Record:
    text = path.read_text(encoding="utf-8", errors="replace")
    title, _, body = text.strip().partition("\n")
    url = path.resolve().as_uri()
    published = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    article: dict[str, Any] = {
        "outlet": "local",
        "url": url,
        "published_at": published.isoformat(),
        "title": title.strip(),
    }
    article["body_html" if path.suffix.lower() in (".html", ".htm") else "body"] = body.strip()
    return derive_article_id(url).encode("utf-8"), orjson.dumps(article)


def file_records(path: Path) -> list[Record]:
    """The records one file gives: a JSONL line each, or one article for .txt/.html."""
    if path.suffix.lower() in (".txt", ".html", ".htm"):
        return [_text_article(path)]
    records: list[Record] = []
    with path.open("rb") as handle:
        for raw_line in handle:
            line = raw_line.rstrip(b"\r\n")
            if line.strip():
                records.append((_key_of(line), line))
    return records


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
    await producer.start()
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


def produce_paths(paths: list[Path], settings: Settings) -> ProduceSummary:
    """Send the articles in ``paths`` to the input topic (``parley produce``)."""
    started = time.monotonic()
    records: list[Record] = []
    for path in paths:
        records.extend(file_records(path))
    sent, failed, size = asyncio.run(produce_records(records, settings))
    return ProduceSummary(
        files=len(paths),
        sent=sent,
        failed=failed,
        bytes_sent=size,
        seconds=time.monotonic() - started,
        topic=settings.topic_articles,
    )
