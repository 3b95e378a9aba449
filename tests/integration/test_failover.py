"""Two workers, one killed with SIGKILL mid-stream: the survivor takes over, nothing is lost."""

from __future__ import annotations

import signal
import time
from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"
COPIES = 20


def _articles() -> list[bytes]:
    """Distinct articles (own id, url, outlet) re-using the sample texts."""
    base = [orjson.loads(line) for line in SAMPLES.read_bytes().splitlines() if line.strip()]
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
