"""Bounded state on a real broker: rows expire behind the partition's watermark.

One partition, so that every article moves the same watermark. Expired dedup rows
become stubs, then tombstones one retention later; article-text rows are deleted at
once. Both go through the tables (their changelogs carry it, so a recovering worker
does not bring them back), and a re-delivery of an article whose rows expired creates
nothing.
"""

from __future__ import annotations

from typing import Any

import orjson
import pytest

from pipeline.settings import Settings
from tests.integration.conftest import Pipeline
from tests.integration.test_pipeline import _latest, _matching, _sample

pytestmark = pytest.mark.integration


def _republished(article_id: str, new_id: str, published_at: str) -> bytes:
    """A sample article under a new id and publication time."""
    data = orjson.loads(_sample(article_id))
    data.update(id=new_id, url=f"https://later.example/{new_id}", published_at=published_at)
    return orjson.dumps(data)


def _one_partition(pipeline: Pipeline) -> None:
    pipeline.env["PARLEY_PARTITIONS"] = "1"
    pipeline.settings = Settings.model_validate({**pipeline.settings.model_dump(), "partitions": 1})


def _changelog(pipeline: Pipeline, table: str) -> str:
    return f"{pipeline.settings.app_id}-{table}-changelog"


def test_rows_behind_the_watermark_are_deleted_and_late_reports_ignored(
    pipeline: Pipeline,
) -> None:
    """Articles of 3 September 2025, then articles two months newer: the September dedup
    rows become stubs (no reports) and their article-text rows get tombstones;
    re-delivering a September article publishes no revision (it is late for the stub);
    articles another two months newer delete the stubs (tombstones)."""
    _one_partition(pipeline)
    worker = pipeline.start_worker()
    worker.wait_ready()
    old = [(b"sample-001", _sample("sample-001")), (b"sample-002", _sample("sample-002"))]
    pipeline.produce(old)

    def invitation(records: list[Any]) -> bool:
        found = _matching(_latest(records), "AGREE", "RUS", "UKR")
        return bool(found) and len(found[0]["mentions"]) >= 2

    events = pipeline.read(pipeline.settings.topic_events, until=invitation, timeout=120.0)
    found = _matching(_latest(events), "AGREE", "RUS", "UKR")
    assert 1 == len(found), worker.log()[-3000:]
    [agree] = found
    blocks = pipeline.read(_changelog(pipeline, "dedup-blocks"), until=lambda rs: len(rs) >= 1)
    old_keys = {r.key for r in blocks if r.value is not None and not r.key.startswith(b"\x00")}
    assert old_keys, worker.log()[-3000:]

    later = [
        (b"later-1", _republished("sample-004", "later-1", "2025-11-02T09:00:00+00:00")),
        (b"later-2", _republished("sample-006", "later-2", "2025-11-03T09:00:00+00:00")),
    ]
    pipeline.produce(later)

    def tombstoned(keys: set[bytes]) -> Any:
        def check(records: list[Any]) -> bool:
            return keys <= {r.key for r in records if r.value is None}

        return check

    def stubbed(records: list[Any]) -> bool:
        rows = {r.key: r.value for r in records}  # the last value of each key
        return all(rows.get(k) is not None and orjson.loads(rows[k])["r"] == [] for k in old_keys)

    blocks = pipeline.read(_changelog(pipeline, "dedup-blocks"), until=stubbed, timeout=60.0)
    assert stubbed(blocks), worker.log()[-3000:]
    texts = pipeline.read(
        _changelog(pipeline, "article-texts"),
        until=tombstoned({b"sample-001", b"sample-002"}),
        timeout=30.0,
    )
    assert {b"sample-001", b"sample-002"} <= {r.key for r in texts if r.value is None}

    # A re-delivery of a September article, then a new article behind it on the one
    # partition: once the new one is handled, the re-delivery was too.
    pipeline.produce(
        [
            (b"sample-001", _sample("sample-001")),
            (b"later-3", _republished("sample-005", "later-3", "2025-11-03T12:00:00+00:00")),
        ]
    )
    pipeline.read(
        pipeline.settings.topic_outcomes,
        until=lambda rs: any(orjson.loads(r.value)["article_id"] == "later-3" for r in rs),
    )
    events = pipeline.read(
        pipeline.settings.topic_events,
        until=lambda rs: any(
            r.value is not None and orjson.loads(r.value)["mentions"][-1]["article_id"] == "later-3"
            for r in rs
        ),
    )
    revisions = [
        orjson.loads(r.value)["revision"]
        for r in events
        if r.key == agree["event_id"].encode() and r.value is not None
    ]
    assert [agree["revision"]] == [max(revisions)], worker.log()[-3000:]

    pipeline.produce(
        [(b"later-4", _republished("sample-006", "later-4", "2026-01-10T09:00:00+00:00"))]
    )
    blocks = pipeline.read(
        _changelog(pipeline, "dedup-blocks"), until=tombstoned(old_keys), timeout=60.0
    )
    assert old_keys <= {r.key for r in blocks if r.value is None}, worker.log()[-3000:]
