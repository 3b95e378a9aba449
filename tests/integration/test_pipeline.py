"""End to end on a real broker: sample articles in, deduplicated events out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest

from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"


def _sample_lines() -> list[bytes]:
    return [line for line in SAMPLES.read_bytes().splitlines() if line.strip()]


def _sample(article_id: str) -> bytes:
    for line in _sample_lines():
        if orjson.loads(line)["id"] == article_id:
            return line
    raise KeyError(article_id)


def _latest(records: list[Any]) -> dict[str, dict[str, Any]]:
    """The latest revision of each event id."""
    latest: dict[str, dict[str, Any]] = {}
    for record in records:
        event = orjson.loads(record.value)
        current = latest.get(event["event_id"])
        if current is None or event["revision"] > current["revision"]:
            latest[event["event_id"]] = event
    return latest


def _pair(event: dict[str, Any]) -> tuple[str, str, str | None]:
    target = event.get("target") or {}
    return event["type"], event["source"]["code"], target.get("code")


def _matching(
    events: dict[str, dict[str, Any]], plover: str, source: str, target: str
) -> list[dict[str, Any]]:
    """Events of type ``plover`` from ``source`` to ``target`` (this direction only:
    Kyiv's own counter-proposal, UKR -> RUS, is a different event)."""
    return [e for e in events.values() if _pair(e) == (plover, source, target)]


def test_sample_articles_become_deduplicated_events(pipeline: Pipeline) -> None:
    """The bundled samples yield one Putin→Zelensky invitation (AGREE/036, proposed, Moscow)
    with three mentions from three outlets, one EU→Iran sanction with two mentions, no event
    from the distractors, and an outcome record for every article."""
    worker = pipeline.start_worker()
    worker.wait_ready()
    lines = _sample_lines()
    pipeline.produce([(orjson.loads(line)["id"].encode(), line) for line in lines])

    def all_reported(records: list[Any]) -> bool:
        latest = _latest(records)
        invitations = _matching(latest, "AGREE", "RUS", "UKR")
        sanctions = _matching(latest, "SANCTION", "EU", "IRN")
        return any(len(e["mentions"]) >= 3 for e in invitations) and any(
            len(e["mentions"]) >= 2 for e in sanctions
        )

    events = _latest(pipeline.read(pipeline.settings.topic_events, until=all_reported))
    outcomes = pipeline.read(
        pipeline.settings.topic_outcomes, until=lambda records: len(records) >= len(lines)
    )

    invitations = _matching(events, "AGREE", "RUS", "UKR")
    assert len(invitations) == 1, worker.log()[-3000:]
    invitation = invitations[0]
    assert _pair(invitation) == ("AGREE", "RUS", "UKR")
    assert invitation["cameo"]["code"] == "036"
    assert invitation["status"] == "proposed"
    assert invitation["location"] == "Moscow"
    assert {"sample-001", "sample-002", "sample-003"} == {
        m["article_id"] for m in invitation["mentions"]
    }
    assert invitation["num_outlets"] == 3

    sanctions = _matching(events, "SANCTION", "EU", "IRN")
    assert len(sanctions) == 1
    assert _pair(sanctions[0]) == ("SANCTION", "EU", "IRN")
    assert {"sample-004", "sample-005"} == {m["article_id"] for m in sanctions[0]["mentions"]}

    mentioned = {m["article_id"] for e in events.values() for m in e["mentions"]}
    assert set() == mentioned & {"sample-007", "sample-008"}
    expected_ids = {orjson.loads(line)["id"] for line in lines}
    assert expected_ids == {orjson.loads(r.value)["article_id"] for r in outcomes}


def test_same_article_twice_adds_no_duplicate(pipeline: Pipeline) -> None:
    """Re-delivering an article (same id, same text) publishes no new revision and no
    second mention link; the event still grows when a new outlet reports it."""
    worker = pipeline.start_worker()
    worker.wait_ready()
    first, second, third = _sample("sample-001"), _sample("sample-002"), _sample("sample-003")
    pipeline.produce([(b"sample-001", first), (b"sample-002", second), (b"sample-001", first)])
    pipeline.read(pipeline.settings.topic_outcomes, until=lambda records: len(records) >= 3)
    # The duplicate's candidate is already on its partition; a later report of the same
    # event lands behind it on the same partition, so once it shows, the duplicate was handled.
    pipeline.produce([(b"sample-003", third)])

    def has_three_mentions(records: list[Any]) -> bool:
        return any(
            len(e["mentions"]) >= 3 for e in _matching(_latest(records), "AGREE", "RUS", "UKR")
        )

    records = pipeline.read(pipeline.settings.topic_events, until=has_three_mentions)
    revisions = [
        orjson.loads(r.value)
        for r in records
        if _pair(orjson.loads(r.value)) == ("AGREE", "RUS", "UKR")
    ]
    assert len({e["event_id"] for e in revisions}) == 1, worker.log()[-3000:]
    assert sorted(e["revision"] for e in revisions) == [1, 2, 3]
    final = max(revisions, key=lambda e: e["revision"])
    assert sorted(m["article_id"] for m in final["mentions"]) == [
        "sample-001",
        "sample-002",
        "sample-003",
    ]

    event_id = final["event_id"]
    links = pipeline.read(
        pipeline.settings.topic_mentions,
        until=lambda rs: sum(orjson.loads(r.value)["event_id"] == event_id for r in rs) >= 3,
        timeout=15.0,
    )
    linked = sorted(
        orjson.loads(r.value)["article_id"]
        for r in links
        if orjson.loads(r.value)["event_id"] == event_id
    )
    assert linked == ["sample-001", "sample-002", "sample-003"]
