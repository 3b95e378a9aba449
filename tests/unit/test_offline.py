"""`parley extract` runs the worker's checks and reads the files `parley produce` reads."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import orjson

from pipeline.offline import OfflineReport, extract_file, run_offline
from pipeline.settings import Settings

_STORY = (
    "Kenya and Ethiopia sign border pact\n"
    "NAIROBI - Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed "
    "signed a border security agreement in Nairobi on Tuesday."
)


def _line(published_at: str) -> bytes:
    title, body = _STORY.split("\n", 1)
    return orjson.dumps(
        {
            "id": "k-1",
            "outlet": "Test Wire",
            "url": "https://wire.example/k-1",
            "published_at": published_at,
            "title": title,
            "body": body,
        }
    )


def test_an_article_dated_far_ahead_of_now_is_rejected_offline_too() -> None:
    """With a clock given (as the CLI does), an article more than two days in the future is
    rejected (E200) like the worker's dead letter; without one (gold corpora) it is read."""
    now = datetime(2025, 6, 1, tzinfo=UTC)
    checked = OfflineReport()
    assert [] == run_offline(
        [_line("2031-01-01T00:00:00Z")], settings=Settings(), report=checked, now=now
    )
    assert {"E200": 1} == dict(checked.rejected)
    unchecked = OfflineReport()
    run_offline([_line("2031-01-01T00:00:00Z")], settings=Settings(), report=unchecked)
    assert {} == dict(unchecked.rejected)


def test_a_text_file_is_extracted_as_produce_would_send_it(tmp_path: Path) -> None:
    """`parley extract story.txt` reads one article (title line, body), not JSONL lines."""
    story = tmp_path / "story.txt"
    story.write_text(_STORY, encoding="utf-8")
    out = tmp_path / "events.jsonl"
    report = extract_file(story, out, settings=Settings(), now=datetime.now(UTC))
    assert (1, {}) == (report.articles, dict(report.rejected))
    events = [orjson.loads(line) for line in out.read_bytes().splitlines()]
    assert report.events == len(events)
    assert {("KEN", "ETH")} <= {(e["source"]["code"], e["target"]["code"]) for e in events} | {
        (e["target"]["code"], e["source"]["code"]) for e in events
    }
