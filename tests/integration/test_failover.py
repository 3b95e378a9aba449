"""Two workers, one killed with SIGKILL mid-stream: the survivor takes over, nothing is lost,
and the final events equal those of a clean single-worker run."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"
COPIES = 20


def _articles() -> list[bytes]:
    """Distinct articles (own id, url, outlet) re-using the sample texts of one news week
    (the samples of October 2024 would be late: a stream is news of one period, not an
    archive of a year compressed into seconds)."""
    base = [
        article
        for article in map(orjson.loads, SAMPLES.read_bytes().splitlines())
        if article["published_at"] >= "2025-08-29"
    ]
    return [
        orjson.dumps(
            {
                **article,
                "id": f"{article['id']}-{copy}",
                "url": f"{article['url']}?copy={copy}",
                "outlet": f"{article['outlet']} {copy}",
            }
        )
        for copy in range(COPIES)
        for article in base
    ]


def _mentioned(records: list[Any]) -> set[str]:
    return {m["article_id"] for r in records for m in orjson.loads(r.value)["mentions"]}


def test_killed_worker_loses_no_article(pipeline: Pipeline) -> None:
    """After SIGKILL of one of two workers mid-stream, every article is accounted for
    (an outcome record), every article that gave candidates is in an event's mentions,
    and the surviving worker takes over within a bounded time."""
    first, second = pipeline.start_worker(), pipeline.start_worker()
    first.wait_ready()
    second.wait_ready()
    articles = _articles()
    ids = {orjson.loads(a)["id"] for a in articles}
    pipeline.produce([(orjson.loads(a)["id"].encode(), a) for a in articles])

    pipeline.read(pipeline.settings.topic_outcomes, until=lambda rs: len(rs) >= len(ids) // 4)
    first.process.send_signal(signal.SIGKILL)
    first.process.wait()
    killed_at = time.monotonic()

    outcomes = pipeline.read(
        pipeline.settings.topic_outcomes,
        until=lambda rs: {orjson.loads(r.value)["article_id"] for r in rs} >= ids,
        timeout=120,
    )
    takeover_s = time.monotonic() - killed_at
    print(f"all articles accounted for {takeover_s:.1f}s after the kill")
    accounted = {orjson.loads(r.value)["article_id"] for r in outcomes}
    assert set() == ids - accounted, second.log()[-3000:]

    with_candidates = {
        orjson.loads(r.value)["article_id"]
        for r in outcomes
        if orjson.loads(r.value)["candidates"] > 0
    }
    events = pipeline.read(
        pipeline.settings.topic_events,
        until=lambda rs: _mentioned(rs) >= with_candidates,
        timeout=60,
    )
    assert set() == with_candidates - _mentioned(events)
    assert second.process.poll() is None
    assert takeover_s < 90, takeover_s


def _synthetic(count: int, seed: int) -> list[bytes]:
    """The project's own synthetic news (diplomatic clusters, wire copies, distractors)."""
    from bench.synth import SynthConfig, generate

    articles, _expected = generate(SynthConfig(articles=count, seed=seed))
    return [orjson.dumps(article) for article in articles]


def _live(records: list[Any]) -> dict[str, dict[str, Any]]:
    """What the compacted events topic keeps: the latest revision per id, minus the ids
    whose latest record is a tombstone (records of one id share a partition, in order)."""
    live: dict[str, dict[str, Any]] = {}
    for record in records:
        event_id = record.key.decode()
        if record.value is None:
            live.pop(event_id, None)
            continue
        event = orjson.loads(record.value)
        current = live.get(event_id)
        if current is None or event["revision"] >= current["revision"]:
            live[event_id] = event
    return live


def _content(live: dict[str, dict[str, Any]]) -> list[tuple[Any, ...]]:
    """Live events by content (ids may depend on arrival order), sorted."""
    return sorted(
        (
            e["type"],
            e["source"]["code"],
            (e.get("target") or {}).get("code") or "",
            e["status"],
            e["date"],
            tuple(sorted(m["article_id"] for m in e["mentions"])),
            e["num_articles"],
            e["num_outlets"],
        )
        for e in live.values()
    )


def _settled(expected_articles: set[str], quiet_s: float = 3.0) -> Callable[[list[Any]], bool]:
    """A read predicate: every expected article is in a live event's mentions and no new
    record came for ``quiet_s`` seconds (the stream has drained)."""
    last = {"count": -1, "at": time.monotonic()}

    def done(records: list[Any]) -> bool:
        if len(records) != last["count"]:
            last["count"], last["at"] = len(records), time.monotonic()
            return False
        mentioned = {m["article_id"] for e in _live(records).values() for m in e["mentions"]}
        return mentioned >= expected_articles and time.monotonic() - last["at"] >= quiet_s

    return done


def test_killed_worker_run_equals_clean_run(
    pipeline: Pipeline, make_pipeline: Callable[[], Pipeline]
) -> None:
    """After SIGKILL of one of two workers mid-stream, the live events (latest revision per
    id, tombstoned ids removed) equal those of a clean single-worker run over the same
    articles by content (type, actors, status, date, article ids, counts), and no event is
    live under two ids."""
    reference = make_pipeline()
    clean = reference.start_worker()
    first, second = pipeline.start_worker(), pipeline.start_worker()
    for worker in (clean, first, second):
        worker.wait_ready()
    articles = _synthetic(200, seed=11)
    records: list[tuple[bytes | None, bytes | None]] = [
        (orjson.loads(a)["id"].encode(), a) for a in articles
    ]
    ids = {orjson.loads(a)["id"] for a in articles}
    reference.produce(records)
    pipeline.produce(records)

    pipeline.read(pipeline.settings.topic_outcomes, until=lambda rs: len(rs) >= len(ids) // 4)
    first.process.send_signal(signal.SIGKILL)
    first.process.wait()

    def outcomes_of(deployment: Pipeline) -> list[Any]:
        return deployment.read(
            deployment.settings.topic_outcomes,
            until=lambda rs: {orjson.loads(r.value)["article_id"] for r in rs} >= ids,
            timeout=90,
        )

    def with_candidates(outcomes: list[Any]) -> set[str]:
        return {
            orjson.loads(r.value)["article_id"]
            for r in outcomes
            if orjson.loads(r.value)["candidates"] > 0
        }

    reported = with_candidates(outcomes_of(reference))
    assert reported, clean.log()[-3000:]
    expected = _live(
        reference.read(reference.settings.topic_events, until=_settled(reported), timeout=60)
    )
    assert reported == with_candidates(outcomes_of(pipeline)), second.log()[-3000:]
    wanted = _content(expected)
    actual = _live(
        pipeline.read(
            pipeline.settings.topic_events,
            until=lambda rs: _content(_live(rs)) == wanted,
            timeout=60,
        )
    )
    print(f"{len(wanted)} events live after the kill, as in the clean run")
    assert wanted == _content(actual), second.log()[-3000:]
    assert len(actual) == len(set(_content(actual)))
    assert second.process.poll() is None
