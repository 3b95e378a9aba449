"""``parley produce`` sends every record as written (the worker decides), but first tells
the user which records the worker's decoder will reject, and why."""

from __future__ import annotations

from pathlib import Path

import orjson

from pipeline.feeds.produce import ProduceSummary, find_invalid
from pipeline.inputs import file_records
from pipeline.settings import Settings

_GOOD = {
    "id": "p-1",
    "outlet": "Test Wire",
    "url": "https://wire.example/p-1",
    "published_at": "2025-03-04T10:00:00+00:00",
    "language": "en",
    "title": "Ministers meet",
    "body": "The foreign ministers of Chile and Peru met in Lima on Tuesday.",
}


def test_invalid_records_are_named_with_their_number_and_error(tmp_path: Path) -> None:
    """A JSONL file with a good line, a line that is not JSON and an article missing fields
    yields the second and third records, each with the error code the dead letter will carry."""
    path = tmp_path / "mixed.jsonl"
    missing = {key: value for key, value in _GOOD.items() if key != "title"}
    path.write_bytes(b"\n".join([orjson.dumps(_GOOD), b"{not json", orjson.dumps(missing)]))
    problems = find_invalid(file_records(path), Settings())
    assert [2, 3] == [number for number, _ in problems]
    assert problems[0][1].startswith("E100 ")
    assert problems[1][1].startswith("E200 ") and "title" in problems[1][1]


def test_a_valid_file_has_no_problem(tmp_path: Path) -> None:
    """Valid articles are not reported."""
    path = tmp_path / "good.jsonl"
    path.write_bytes(orjson.dumps(_GOOD) + b"\n")
    assert [] == find_invalid(file_records(path), Settings())


def test_the_summary_says_how_many_will_be_dead_lettered() -> None:
    """The closing line counts the invalid records and points at ``parley dead-letters``."""
    summary = ProduceSummary(
        files=1, sent=3, failed=0, bytes_sent=300, seconds=1.0, topic="articles", invalid=2
    )
    assert "2 of them not valid articles" in str(summary)
    assert "parley dead-letters" in str(summary)
    clean = ProduceSummary(files=1, sent=3, failed=0, bytes_sent=300, seconds=1.0, topic="a")
    assert "not valid" not in str(clean)
