"""Server-Sent Events framing."""

from __future__ import annotations

import pytest

from pipeline.feeds.sse import format_comment, format_sse


def test_frame_with_id_and_event() -> None:
    """id, event and data lines, then a blank line."""
    expected = b'id: ev-1:2\nevent: revision\ndata: {"a":1}\n\n'
    assert expected == format_sse('{"a":1}', event="revision", event_id="ev-1:2")


def test_multiline_data_becomes_several_data_lines() -> None:
    """Each payload line is its own ``data:`` line (CR and CRLF normalised)."""
    assert b"data: one\ndata: two\ndata: three\n\n" == format_sse("one\r\ntwo\rthree")


def test_retry_and_comment() -> None:
    """retry is an integer field; a comment starts with a colon."""
    assert b"retry: 2000\ndata: x\n\n" == format_sse("x", retry_ms=2000)
    assert b": keep-alive\n\n" == format_comment()


def test_newline_in_event_name_is_refused() -> None:
    """A newline in a header field would break the stream: it is refused."""
    with pytest.raises(ValueError, match="single line"):
        format_sse("x", event="a\nb")
