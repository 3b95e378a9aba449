"""Decoding input bytes: every bad message is a ParleyError with a short message, never a crash."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pipeline.decoding import MAX_DEPTH, decode_article, measure_depth
from pipeline.errors import DecodeError, ParleyError, ValidationFailed
from pipeline.models import Article
from pipeline.text.clean import clean_article

LIMIT = 2 * 1024 * 1024
VALID: dict[str, Any] = {
    "id": "a-1",
    "outlet": "Example Times",
    "url": "https://example.test/a-1",
    "published_at": "2025-09-03T14:20:00+00:00",
    "language": "en",
    "title": "Ministers meet in Geneva",
    "body": "The two foreign ministers met in Geneva on Tuesday.\n\nThey agreed to meet again.",
}


def _encode(document: object) -> bytes:
    return orjson.dumps(document)


def _with(**changes: object) -> bytes:
    document = dict(VALID)
    for key, value in changes.items():
        if value is ...:
            document.pop(key, None)
        else:
            document[key] = value
    return _encode(document)


def test_valid_message_decodes() -> None:
    """A well-formed article decodes, with its published_at parsed from ISO 8601."""
    article = decode_article(_encode(VALID), max_bytes=LIMIT)
    expected = ("a-1", datetime(2025, 9, 3, 14, 20, tzinfo=UTC))
    assert expected == (article.id, article.published_at)


@pytest.mark.parametrize(
    "raw",
    [
        None,
        b"",
        b"   \n",
        b"\xff\xfe{}",
        b'{"title": "caf\xe9"}',
        b"{",
        b"nope",
        b"[]",
        b'"text"',
        b"42",
    ],
    ids=[
        "none",
        "empty",
        "blank",
        "bom16",
        "latin1",
        "truncated",
        "garbage",
        "array",
        "string",
        "number",
    ],
)
def test_undecodable_messages_raise_decode_error(raw: bytes | None) -> None:
    """Missing, empty, non-UTF-8, invalid or non-object JSON raises DecodeError."""
    with pytest.raises(DecodeError):
        decode_article(raw, max_bytes=LIMIT)


def test_oversized_message_raises_decode_error() -> None:
    """A message over ``max_bytes`` raises DecodeError before it is parsed."""
    raw = _with(body="x" * 5000)
    with pytest.raises(DecodeError, match="over the limit"):
        decode_article(raw, max_bytes=1024)


def test_deep_nesting_raises_decode_error() -> None:
    """An object nested deeper than MAX_DEPTH raises DecodeError, however deep (orjson's own limit too)."""
    for depth in (MAX_DEPTH + 1, 5000):
        raw = b'{"title": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}"
        with pytest.raises(DecodeError):
            decode_article(raw, max_bytes=LIMIT)


def test_depth_is_measured_iteratively() -> None:
    """measure_depth counts containers (a scalar is 0) without recursion."""
    expected = 3
    assert expected == measure_depth({"a": [1, {"b": 2}]})


@pytest.mark.parametrize(
    ("raw", "field"),
    [
        (_with(outlet=...), "outlet"),
        (_with(title=5), "title"),
        (_with(published_at="yesterday"), "published_at"),
        (_with(published_at="2025-09-03T14:20:00"), "UTC offset"),
        (_with(surprise=True), "surprise"),
        (_with(schema_version=2), "schema_version"),
        (_with(title=" ", body=None), "no title and no body"),
    ],
    ids=["missing", "wrong-type", "bad-date", "naive-date", "unknown-field", "version", "no-text"],
)
def test_schema_errors_raise_validation_failed(raw: bytes, field: str) -> None:
    """Schema violations raise ValidationFailed naming the field or the rule."""
    with pytest.raises(ValidationFailed) as caught:
        decode_article(raw, max_bytes=LIMIT)
    assert field in str(caught.value)


def test_validation_message_does_not_echo_the_input() -> None:
    """A huge invalid value is not copied into the error message."""
    with pytest.raises(ValidationFailed) as caught:
        decode_article(_with(title="spam " * 100_000, **{"spam" * 1000: 1}), max_bytes=LIMIT)
    assert len(str(caught.value)) < 1000
    assert "spam spam" not in str(caught.value)


def test_dates_far_in_the_future_or_past_are_rejected() -> None:
    """published_at more than two days after ``now``, or before 1900, raises ValidationFailed."""
    now = datetime(2025, 9, 3, tzinfo=UTC)
    with pytest.raises(ValidationFailed, match="after"):
        decode_article(_with(published_at="2025-09-06T00:00:01+00:00"), max_bytes=LIMIT, now=now)
    with pytest.raises(ValidationFailed, match="1900"):
        decode_article(_with(published_at="1899-12-31T00:00:00+00:00"), max_bytes=LIMIT)
    accepted = decode_article(
        _with(published_at="2025-09-04T12:00:00+02:00"), max_bytes=LIMIT, now=now
    )
    expected = datetime(2025, 9, 4, 10, tzinfo=UTC)
    assert expected == accepted.published_at


def test_dev_corpus_decodes_and_cleans(gold_dir: Path) -> None:
    """Every article of the dev corpus decodes and cleans to a non-empty text."""
    lines = (gold_dir / "articles.jsonl").read_bytes().splitlines()
    cleaned = [
        clean_article(decode_article(line, max_bytes=LIMIT)) for line in lines if line.strip()
    ]
    expected = len([line for line in lines if line.strip()])
    assert expected == len([clean for clean in cleaned if len(clean.text) > 100])


# --- property: no input makes decode → clean raise anything but a ParleyError -------------

_json_scalars = (
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=50)
)
_json_values = st.recursive(
    _json_scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)
_huge_text = st.integers(min_value=0, max_value=3 * LIMIT).map(lambda n: "x" * n)
_dates = st.sampled_from(
    [
        "2025-09-03T14:20:00+00:00",
        "2025-09-03T14:20:00",
        "0001-01-01T00:00:00+00:00",
        "9999-12-31T23:59:59+14:00",
        "2025-02-30T00:00:00Z",
        "",
        "now",
        "1900-01-01T00:00:00-12:00",
    ]
) | st.datetimes(timezones=st.just(UTC)).map(lambda moment: moment.isoformat())
_html = st.sampled_from(
    [
        "<p>Talks in Geneva.</p>",
        "<div>" * 3000 + "x",
        "<script>" * 100,
        "<" * 10_000,
        "<p>&#0;&#xD800;</p>",
        "<html>",
    ]
) | st.text(alphabet="<>/ap &;\"'=\n", max_size=200)
_field_values = {
    "id": st.none() | st.text(max_size=250) | _json_values,
    "outlet": st.text(max_size=310) | _json_values,
    "url": st.text(max_size=40) | _json_values,
    "published_at": _dates | _json_values,
    "language": st.none() | st.text(max_size=20) | _json_values,
    "title": st.text(max_size=100) | _huge_text | _json_values,
    "body": st.none() | st.text(max_size=500) | _huge_text | _json_values,
    "body_html": st.none() | _html | _json_values,
    "schema_version": st.sampled_from([1, 2, "1", None, 1.0]),
}


@st.composite
def _documents(draw: st.DrawFn) -> bytes:
    document: dict[str, Any] = dict(VALID)
    for key, values in _field_values.items():
        choice = draw(st.sampled_from(["keep", "drop", "change"]))
        if choice == "drop":
            document.pop(key, None)
        elif choice == "change":
            document[key] = draw(values)
    if draw(st.booleans()):
        document[draw(st.text(min_size=1, max_size=20))] = draw(_json_values)
    return json.dumps(document).encode("utf-8", errors="surrogatepass")


@st.composite
def _broken(draw: st.DrawFn) -> bytes:
    raw = draw(_documents())
    cut = draw(st.integers(min_value=0, max_value=len(raw)))
    noise = draw(st.binary(max_size=8))
    return raw[:cut] + noise + raw[cut:][: draw(st.integers(min_value=0, max_value=len(raw)))]


_nested = st.integers(min_value=1, max_value=20_000).map(
    lambda depth: b'{"title": ' + b"[" * depth + b"]" * depth + b"}"
)
_messages = st.one_of(st.none(), st.binary(max_size=300), _documents(), _broken(), _nested)


@settings(
    max_examples=1200,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)
@given(raw=_messages)
def test_malformed_input_only_raises_parley_errors(raw: bytes | None) -> None:
    """Any input through decode_article then clean_article either yields a clean article or raises
    a ParleyError (the dead-letter path); no other exception escapes."""
    try:
        article = decode_article(raw, max_bytes=LIMIT, now=datetime(2025, 9, 3, tzinfo=UTC))
        clean = clean_article(article, max_html_bytes=LIMIT)
    except ParleyError as exc:
        event(f"rejected {type(exc).__name__} {exc.code}")
        return
    event("accepted")
    assert isinstance(article, Article)
    assert clean.text.startswith(clean.title)


_hostile_text = st.text(max_size=400) | st.sampled_from(
    [
        "(Related: x)",
        "More related stories:",
        "Sources include:",
        "\u2028\u2029\x85",
        "•\n•\n-",
        "\x00" * 50,
    ]
)


@st.composite
def _schema_valid(draw: st.DrawFn) -> bytes:
    document: dict[str, Any] = dict(VALID)
    document["title"] = draw(st.text(max_size=200)) or "t"
    if draw(st.booleans()):
        document["body"] = draw(_hostile_text)
    else:
        document["body"] = None
        document["body_html"] = draw(_html | _hostile_text)
    return json.dumps(document).encode("utf-8", errors="surrogatepass")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=_schema_valid())
def test_schema_valid_hostile_text_cleans_or_raises_parley_error(raw: bytes) -> None:
    """Schema-valid articles with hostile titles, bodies and HTML clean to a text that starts
    with the title and has no control characters, or raise a ParleyError."""
    try:
        clean = clean_article(decode_article(raw, max_bytes=LIMIT), max_html_bytes=LIMIT)
    except ParleyError as exc:
        event(f"rejected {type(exc).__name__} {exc.code}")
        return
    event("accepted")
    assert clean.text.startswith(clean.title)
    assert "\x00" not in clean.text


@pytest.mark.parametrize("article_id", ["\x00watermark/2", "a\nb", "tab\there", "del\x7f"])
def test_ids_with_control_characters_are_rejected(article_id: str) -> None:
    """An id with control characters (ids key tables and topics) fails validation."""
    with pytest.raises(ValidationFailed, match="control characters"):
        decode_article(_with(id=article_id), max_bytes=LIMIT)
