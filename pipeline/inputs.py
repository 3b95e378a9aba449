"""Article files as Parley reads them: JSONL lines, or one article per text file.

A JSONL file gives its non-blank lines exactly as written, keyed by the article id
(or the id derived from the URL) when the line is a JSON object; a line that is not
valid stays as it is, so the worker can dead-letter it with its original bytes.
A ``.txt`` file is one article: first line = title, the rest = body. An ``.html``
file is one article too: the whole page as ``body_html`` (ingest keeps its main
text) and the page's ``<title>`` (else its first ``<h1>``) as title. Either gets
url = the file URI, outlet ``local`` and published_at = the file's modification time
(UTC) unless :class:`TextOptions` say otherwise. An empty text file gives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from pipeline.models import derive_article_id

__all__ = ["TEXT_SUFFIXES", "Record", "TextOptions", "file_records"]

#: A record for the input topic: key (article id) and value (the article's bytes).
Record = tuple[bytes | None, bytes]

#: Suffixes read as one article per file; anything else is read as JSONL.
TEXT_SUFFIXES = (".txt", ".html", ".htm")


def _key_of(line: bytes) -> bytes | None:
    """The article id (or URL-derived id) as the record key, when the line is JSON."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    if not isinstance(data, dict):
        return None
    if isinstance(data.get("id"), str) and data["id"]:
        return str(data["id"]).encode("utf-8")
    if isinstance(data.get("url"), str) and data["url"]:
        return derive_article_id(data["url"]).encode("utf-8")
    return None


@dataclass(frozen=True)
class TextOptions:
    """How ``.txt``/``.html`` files become articles (JSONL lines carry their own)."""

    outlet: str = "local"
    published_at: datetime | None = None  # None: the file's modification time


def _html_title(page: str) -> str:
    """The page's <title>, else its first <h1>; empty when it has neither."""
    import lxml.html

    try:
        root = lxml.html.fromstring(page)
    except (ValueError, lxml.etree.ParserError):
        return ""
    for path in ("//title", "//h1"):
        for node in root.xpath(path):
            text = " ".join(node.text_content().split())
            if text:
                return text
    return ""


def _text_article(path: Path, options: TextOptions) -> Record | None:
    text = path.read_text(encoding="utf-8", errors="replace").strip()
    if not text:
        return None
    url = path.resolve().as_uri()
    published = options.published_at or datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
    article: dict[str, Any] = {
        "outlet": options.outlet,
        "url": url,
        "published_at": published.isoformat(),
    }
    if path.suffix.lower() in (".html", ".htm"):
        article["title"] = _html_title(text)
        article["body_html"] = text
    else:
        title, _, body = text.partition("\n")
        article["title"] = title.strip()
        article["body"] = body.strip()
    return derive_article_id(url).encode("utf-8"), orjson.dumps(article)


def file_records(path: Path, options: TextOptions | None = None) -> list[Record]:
    """The records one file gives: a JSONL line each, or one article for .txt/.html
    (none for an empty one)."""
    if path.suffix.lower() in TEXT_SUFFIXES:
        record = _text_article(path, options or TextOptions())
        return [] if record is None else [record]
    records: list[Record] = []
    with path.open("rb") as handle:
        for raw_line in handle:
            line = raw_line.rstrip(b"\r\n")
            if line.strip():
                records.append((_key_of(line), line))
    return records
