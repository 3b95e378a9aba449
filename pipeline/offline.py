"""The offline pipeline: the same core as the stream agents, run over a JSONL file.

``text → coding → dedup`` in-process, in arrival order: decode and validate each
line, clean it, extract candidates, merge them into events. Lines that fail are
counted and reported, never fatal — as in the stream, where they are dead-lettered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO

import orjson

from pipeline.errors import ParleyError
from pipeline.models import Event, dumps
from pipeline.settings import Settings

__all__ = ["OfflineReport", "evaluate_corpus", "extract_file", "run_offline"]


@dataclass
class OfflineReport:
    """What an offline run did: articles read, rejected, without events; events written."""

    articles: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    without_events: int = 0
    candidates: int = 0
    events: int = 0

    def __str__(self) -> str:
        rejected = sum(self.rejected.values())
        detail = ", ".join(f"{code}: {n}" for code, n in sorted(self.rejected.items()))
        return (
            f"{self.articles} articles read, {rejected} rejected"
            + (f" ({detail})" if detail else "")
            + f", {self.without_events} without events, {self.candidates} candidates, "
            f"{self.events} events"
        )


def read_lines(path: Path) -> Iterator[bytes]:
    """The non-blank lines of a JSONL file, as raw bytes."""
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                yield line.rstrip(b"\r\n")


def run_offline(
    lines: Iterable[bytes],
    *,
    settings: Settings,
    report: OfflineReport | None = None,
    now: datetime | None = None,
) -> list[Event]:
    """Run decode → clean → extract → dedup over raw article lines; the final events.

    ``now`` (the caller's clock; the core reads none) rejects articles dated more than
    two days after it, as the worker does; ``None`` checks no upper bound (gold corpora).
    """
    from pipeline.coding import extract_events
    from pipeline.decoding import decode_article
    from pipeline.dedup import Deduplicator
    from pipeline.text.clean import clean_article

    report = report if report is not None else OfflineReport()
    dedup = Deduplicator(
        window_days=settings.dedup_window_days, retention_days=settings.dedup_retention_days
    )
    for raw in lines:
        report.articles += 1
        try:
            article = decode_article(raw, max_bytes=settings.max_message_bytes, now=now)
            clean = clean_article(article, max_html_bytes=settings.max_html_bytes)
        except ParleyError as exc:
            report.rejected[exc.code] += 1
            continue
        candidates = extract_events(clean)
        report.candidates += len(candidates)
        if not candidates:
            report.without_events += 1
        for candidate in candidates:
            dedup.add(candidate)
    events = sorted(dedup.events(), key=lambda event: (event.date, event.event_id))
    report.events = len(events)
    return events


def write_events(events: Iterable[Event], handle: IO[bytes]) -> None:
    """Write events as JSON lines."""
    for event in events:
        handle.write(dumps(event) + b"\n")


def extract_file(
    input_path: Path,
    output: Path | None,
    *,
    settings: Settings,
    now: datetime | None = None,
) -> OfflineReport:
    """``parley extract``: events of a JSONL of articles (or of one .txt/.html article,
    read as ``parley produce`` reads it), final revisions, one per line."""
    import sys

    from pipeline.inputs import TEXT_SUFFIXES, file_records

    if input_path.suffix.lower() in TEXT_SUFFIXES:
        lines: Iterable[bytes] = [value for _, value in file_records(input_path)]
    else:
        lines = read_lines(input_path)
    report = OfflineReport()
    events = run_offline(lines, settings=settings, report=report, now=now)
    if output is None:
        write_events(events, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    else:
        with output.open("wb") as handle:
            write_events(events, handle)
    return report


def load_events(path: Path) -> list[Event]:
    """Events from a JSONL file (as written by ``parley extract`` or ``parley tail --json``).

    When a file holds several revisions of one event, the latest revision wins.
    """
    latest: dict[str, Event] = {}
    for raw in read_lines(path):
        event = Event.model_validate_json(raw)
        kept = latest.get(event.event_id)
        if kept is None or kept.revision <= event.revision:
            latest[event.event_id] = event
    return list(latest.values())


def evaluate_corpus(
    corpus: Path, events_path: Path | None, *, as_json: bool, settings: Settings
) -> str:
    """``parley eval``: score events (run offline, or read from a file) against a gold corpus."""
    from pipeline.evaluation import load_gold, score

    _articles, gold = load_gold(corpus)
    if events_path is not None:
        events = load_events(events_path)
    else:
        events = run_offline(read_lines(corpus / "articles.jsonl"), settings=settings)
    result = score(gold, events)
    if as_json:
        return orjson.dumps(result.to_dict(), option=orjson.OPT_INDENT_2).decode()
    return result.format()
