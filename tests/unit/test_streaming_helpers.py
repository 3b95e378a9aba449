"""Pure helpers of the streaming layer: dead-letter headers, file records, tail lines, logs."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import orjson
import pytest
from structlog.testing import capture_logs

from pipeline.agents.context import bind_article, message_context
from pipeline.agents.deadletter import dead_letter_headers, error_code_of
from pipeline.agents.ingest import stage_of
from pipeline.errors import DecodeError, ValidationFailed
from pipeline.feeds.tail import format_event
from pipeline.inputs import TextOptions, file_records
from pipeline.logging import get_logger, logging_config
from pipeline.models import DeadLetterHeaders, derive_article_id
from pipeline.settings import Settings
from pipeline.topics import topic_specs


class _Message:
    topic = "articles"
    partition = 3
    offset = 41


def test_dead_letter_headers_carry_every_field() -> None:
    """Headers name the original topic, partition, offset, stage, error class, code,
    message and time, and parse back into DeadLetterHeaders."""
    now = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
    headers = dict(
        dead_letter_headers(
            topic="articles",
            partition=3,
            offset=41,
            stage="decode",
            exc=DecodeError("bad"),
            now=now,
        )
    )
    decoded = {name: value.decode() for name, value in headers.items()}
    parsed = DeadLetterHeaders.model_validate(
        {**decoded, "schema_version": int(decoded["schema_version"])}, strict=False
    )
    expected = DeadLetterHeaders(
        original_topic="articles",
        original_partition=3,
        original_offset=41,
        stage="decode",
        error_class="DecodeError",
        error_code=DecodeError.code,
        error_message="bad",
        failed_at=now,
    )
    assert expected == parsed


def test_unexpected_errors_get_the_root_code_and_the_clean_stage() -> None:
    """A non-Parley exception (a bug) is coded E000; decode/validation errors keep their stage."""
    assert error_code_of(RuntimeError("boom")) == "E000"
    assert stage_of(DecodeError("x")) == "decode"
    assert stage_of(ValidationFailed("x")) == "validate"
    assert stage_of(RuntimeError("x")) == "clean"


def test_jsonl_lines_are_sent_as_written(tmp_path: Path) -> None:
    """Each non-blank JSONL line becomes one record with its bytes untouched, keyed by id
    when it has one; a line that is not JSON is still sent (the worker dead-letters it)."""
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a1", "title": "x"}\n\nnot json\n{"url": "https://u.example/1"}\n')
    expected = [
        (b"a1", b'{"id": "a1", "title": "x"}'),
        (None, b"not json"),
        (derive_article_id("https://u.example/1").encode(), b'{"url": "https://u.example/1"}'),
    ]
    assert expected == file_records(path)


def test_a_text_file_becomes_one_article(tmp_path: Path) -> None:
    """A .txt file is one article: first line title, the rest body, outlet 'local', the
    file URI as url and the file's mtime (UTC) as published_at."""
    path = tmp_path / "story.txt"
    path.write_text("A headline\nFirst paragraph.\n\nSecond.\n", encoding="utf-8")
    os.utime(path, (1_700_000_000, 1_700_000_000))
    [(key, value)] = file_records(path)
    article = orjson.loads(value)
    assert derive_article_id(path.resolve().as_uri()).encode() == key
    assert "A headline" == article["title"]
    assert "First paragraph.\n\nSecond." == article["body"]
    assert "local" == article["outlet"]
    assert "2023-11-14T22:13:20+00:00" == article["published_at"]


@pytest.mark.parametrize(
    ("page", "title"),
    [
        (
            "<html><head><title>Brazil rejects US demand</title></head>"
            "<body><h1>Other</h1><p>Text.</p></body></html>",
            "Brazil rejects US demand",
        ),
        (
            "<html><body><h1>  Kenya hosts\n talks </h1><p>Text.</p></body></html>",
            "Kenya hosts talks",
        ),
        ("<html><body><p>No heading at all.</p></body></html>", ""),
    ],
)
def test_an_html_page_is_sent_whole_with_its_own_title(
    tmp_path: Path, page: str, title: str
) -> None:
    """An .html page is sent whole as body_html (the worker keeps its main text); its
    title is the page's <title>, else its first <h1>, never a line of markup."""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [(_, value)] = file_records(path)
    article = orjson.loads(value)
    assert title == article["title"]
    assert page == article["body_html"]
    assert "body" not in article


def test_outlet_and_publication_time_can_be_given_for_text_files(tmp_path: Path) -> None:
    """--outlet and --published-at replace 'local' and the file's mtime."""
    path = tmp_path / "story.txt"
    path.write_text("Headline\nBody.\n", encoding="utf-8")
    when = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    [(_, value)] = file_records(path, TextOptions(outlet="Harbor Times", published_at=when))
    article = orjson.loads(value)
    assert "Harbor Times" == article["outlet"]
    assert "2025-03-04T12:00:00+00:00" == article["published_at"]


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_an_empty_text_file_is_skipped(tmp_path: Path, suffix: str) -> None:
    """A file with nothing but whitespace is no article: nothing is sent for it."""
    path = tmp_path / f"empty{suffix}"
    path.write_text(" \n\n", encoding="utf-8")
    assert [] == file_records(path)


def test_tail_line_names_type_actors_status_and_outlets() -> None:
    """A readable tail line shows date, type, CAMEO code, actors, place, status, revision
    and the outlets of the mentions."""
    event = {
        "event_id": "ev-1",
        "revision": 2,
        "type": "AGREE",
        "cameo": {"code": "036"},
        "source": {"code": "RUS", "name": "Vladimir Putin"},
        "target": {"code": "UKR", "name": None},
        "status": "proposed",
        "location": "Moscow",
        "date": "2025-09-03",
        "mentions": [{"outlet": "B"}, {"outlet": "A"}],
    }
    expected = (
        "2025-09-03  AGREE     036  RUS (Vladimir Putin) -> UKR in Moscow  [proposed]  "
        "rev 2, 2 article(s) from 2 outlet(s): A, B  id=ev-1"
    )
    assert expected == format_event(event)


def test_message_context_binds_and_clears_coordinates() -> None:
    """Log lines inside a message's context carry topic, partition, offset and article id;
    none of them leak to lines logged after it."""
    log = get_logger("test")
    with capture_logs(processors=[__import__("structlog").contextvars.merge_contextvars]) as logs:
        with message_context(_Message()):
            bind_article("a-1")
            log.info("article_cleaned")
        log.info("after")
    expected = [
        {
            "event": "article_cleaned",
            "log_level": "info",
            "topic": "articles",
            "partition": 3,
            "offset": 41,
            "article_id": "a-1",
        },
        {"event": "after", "log_level": "info"},
    ]
    assert expected == logs


def test_logging_config_is_a_dictconfig_for_faust() -> None:
    """The faust logging_config renders through structlog's ProcessorFormatter to stderr."""
    config = logging_config(Settings(log_level="debug"))
    assert config["version"] == 1
    assert config["root"]["level"] == "DEBUG"
    assert config["handlers"]["default"]["stream"] == "ext://sys.stderr"


def test_topic_table_names_come_from_settings() -> None:
    """Every topic's name and partition count comes from the settings."""
    settings = Settings(topic_events="feed.events", partitions=3)
    specs = {spec.role: spec for spec in topic_specs(settings)}
    assert specs["events"].name == "feed.events"
    assert {3} == {spec.partitions for spec in specs.values()}
    assert {"events", "mentions"} == {role for role, spec in specs.items() if spec.compacted}
