"""Bad input on a real broker: dead-lettered with original bytes and headers; the worker goes on."""

from __future__ import annotations

import asyncio
import base64
import io
from pathlib import Path
from typing import Any

import orjson
import pytest

from pipeline.feeds.deadletters import read_dead_letters
from pipeline.models import CleanArticle, DeadLetterHeaders
from pipeline.settings import Settings
from tests.integration.conftest import Pipeline

pytestmark = pytest.mark.integration

SAMPLES = Path(__file__).resolve().parents[2] / "pipeline" / "samples" / "articles.jsonl"
# The default limit (2 MB): the oversized record is above it but below the 8 MB
# producer request limit, so it reaches the worker and must be dead-lettered whole.
MAX_MESSAGE_BYTES = Settings().max_message_bytes

_GOOD = next(line for line in SAMPLES.read_bytes().splitlines() if b'"sample-001"' in line)
_ARTICLE = orjson.loads(_GOOD)

BAD_INPUTS: dict[str, tuple[bytes, str]] = {
    "invalid_json": (b'{"id": "x", "title": ', "decode"),
    "non_utf8": (b'{"title": "\xff\xfe caf\xe9"}', "decode"),
    "empty": (b"", "decode"),
    "wrong_schema": (
        orjson.dumps({"id": "bad-1", "outlet": 7, "title": ["no"], "extra": True}),
        "validate",
    ),
    "unknown_field": (orjson.dumps({**_ARTICLE, "id": "bad-2", "extra": 1}), "validate"),
    "empty_title_and_body": (
        orjson.dumps({**_ARTICLE, "id": "bad-3", "title": "", "body": " "}),
        "validate",
    ),
    "json_list": (b"[1, 2, 3]", "decode"),
    "far_future_date": (
        orjson.dumps({**_ARTICLE, "id": "bad-4", "published_at": "2999-01-01T00:00:00+00:00"}),
        "validate",
    ),
    "far_past_date": (
        orjson.dumps({**_ARTICLE, "id": "bad-5", "published_at": "1789-07-14T00:00:00+00:00"}),
        "validate",
    ),
    "oversized": (
        orjson.dumps({**_ARTICLE, "id": "big-1", "body": "word " * (MAX_MESSAGE_BYTES // 4)}),
        "decode",
    ),
}


def _headers(record: Any) -> dict[str, str]:
    return {name: value.decode("utf-8") for name, value in record.headers}


def test_bad_inputs_are_dead_lettered_and_the_worker_goes_on(pipeline: Pipeline) -> None:
    """Each malformed record lands on the dead-letter topic with its original bytes and
    every DeadLetterHeaders field, in order; the good article sent after them is processed."""
    worker = pipeline.start_worker()
    worker.wait_ready()
    names = list(BAD_INPUTS)
    pipeline.produce(
        [(b"same-key", BAD_INPUTS[name][0]) for name in names] + [(b"same-key", _GOOD)]
    )

    dead = pipeline.read(pipeline.settings.topic_dlq, until=lambda rs: len(rs) >= len(names))
    outcomes = pipeline.read(pipeline.settings.topic_outcomes, until=lambda rs: len(rs) >= 1)

    assert [BAD_INPUTS[name][0] for name in names] == [r.value or b"" for r in dead], worker.log()[
        -3000:
    ]
    offsets = []
    for name, record in zip(names, dead, strict=True):
        headers = _headers(record)
        parsed = DeadLetterHeaders.model_validate(
            {**headers, "schema_version": int(headers["schema_version"])}, strict=False
        )
        assert BAD_INPUTS[name][1] == parsed.stage, name
        assert pipeline.settings.topic_articles == parsed.original_topic
        assert parsed.error_code.startswith("E"), name
        assert parsed.error_message != "", name
        offsets.append(parsed.original_offset)
    assert sorted(offsets) == offsets
    assert [orjson.loads(r.value)["article_id"] for r in outcomes] == ["sample-001"]
    assert worker.process.poll() is None

    # `parley dead-letters --json --from-beginning` shows each one with its bytes and error.
    out = io.StringIO()
    count = asyncio.run(
        read_dead_letters(
            pipeline.settings, as_json=True, from_beginning=True, idle_exit=2.0, out=out
        )
    )
    letters = [orjson.loads(line) for line in out.getvalue().splitlines()]
    assert len(names) == count == len(letters)
    shown = sorted(
        (
            letter["value"].encode("utf-8")
            if "value" in letter
            else base64.b64decode(letter["value_base64"]),
            letter["headers"]["stage"],
        )
        for letter in letters
    )
    assert sorted((BAD_INPUTS[name][0], BAD_INPUTS[name][1]) for name in names) == shown


def test_redelivery_reused_ids_and_uncoded_languages(pipeline: Pipeline) -> None:
    """The same article twice is a harmless re-delivery; the same id with a different text
    is dead-lettered (stage validate, code E210); an article in a language Parley does not
    code is accepted and accounted for as no_events, not an error."""
    worker = pipeline.start_worker()
    worker.wait_ready()
    reused = orjson.dumps({**_ARTICLE, "body": "A different story about the weather in Oslo."})
    french = orjson.dumps(
        {
            **_ARTICLE,
            "id": "fr-1",
            "url": "https://example.org/fr-1",
            "language": "fr",
            "title": "Poutine invite Zelensky",
            "body": "Le président russe a invité son homologue.",
        }
    )
    pipeline.produce([(b"a", _GOOD), (b"a", _GOOD), (b"b", reused), (b"c", french)])

    dead = pipeline.read(pipeline.settings.topic_dlq, until=lambda rs: len(rs) >= 1)
    outcomes = pipeline.read(pipeline.settings.topic_outcomes, until=lambda rs: len(rs) >= 3)
    # Detected after ingest, so the dead letter is the clean record that failed.
    assert 1 == len(dead), worker.log()[-3000:]
    clean = CleanArticle.model_validate_json(dead[0].value or b"")
    assert "A different story about the weather in Oslo." in clean.text
    headers = _headers(dead[0])
    assert ("validate", "E210") == (headers["stage"], headers["error_code"])
    assert pipeline.settings.topic_clean == headers["original_topic"]
    expected = [("sample-001", "candidates"), ("sample-001", "candidates"), ("fr-1", "no_events")]
    actual = [
        (orjson.loads(r.value)["article_id"], orjson.loads(r.value)["outcome"]) for r in outcomes
    ]
    assert sorted(expected) == sorted(actual)
