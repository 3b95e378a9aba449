"""Main text of an HTML article page: the story's paragraphs without the page around it.

``extract_main_text`` runs trafilatura (offline, no network, no signal-based timeout)
and falls back to a plain lxml walk over the paragraph elements when trafilatura finds
nothing or cannot cope with the page. Pages that are too deeply nested or hold too many
tags for trafilatura's recursive tree code skip straight to the fallback, so no input
raises ``RecursionError`` and the time spent stays proportional to the (bounded) size.
"""

from __future__ import annotations

import html as html_lib
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from pipeline.errors import ValidationFailed

__all__ = ["MAX_DEPTH", "MAX_TAGS", "extract_main_text", "measure_markup"]

MAX_DEPTH = 160
"""Deepest tag nesting handed to trafilatura; deeper pages use the fallback."""
MAX_TAGS = 60_000
"""Most tags handed to trafilatura; larger pages use the fallback."""

# ``[^<>]`` (not ``[^>]``) keeps every scan linear on unclosed ``<`` runs.
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
# Void elements never close; p, li and option often do not: neither counts towards depth.
_FLAT = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "p", "li", "option"}
)
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "template",
    "figure",
)
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")
_NOISE = re.compile(
    r"(^|[\s_-])(ad|ads|advert\w*|banner|share\w*|social|nav\w*|menu|cookie\w*|consent|"
    r"subscri\w*|newsletter|promo\w*|related|recommend\w*|ticker|sidebar|comments?|"
    r"breadcrumbs?|footer|header|popup|modal|outbrain|taboola|paywall)($|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(r"(?i)</?(?:p|div|br|h[1-6]|li|blockquote)\b[^<>]*>")
_CODE_OPEN = re.compile(r"<(script|style)\b", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^<>]*>")
_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def _config() -> Any:
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no SIGALRM inside a worker
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "120")
    return config


_CONFIG = _config()


def measure_markup(html: str) -> tuple[int, int]:
    """The approximate deepest nesting and the number of tags in ``html`` (no parse)."""
    depth = deepest = tags = 0
    for match in _TAG.finditer(html):
        tags += 1
        closing, name, self_closing = match.groups()
        if self_closing or name.lower() in _FLAT:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest, tags


def _paragraphs(lines: list[str]) -> str:
    kept = [_SPACE.sub(" ", line).strip() for line in lines]
    return "\n\n".join(line for line in kept if line)


def _with_trafilatura(html: str) -> str:
    try:
        text = trafilatura.extract(
            html,
            config=_CONFIG,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            deduplicate=False,
            with_metadata=False,
        )
    except (RecursionError, MemoryError, ValueError, TypeError, etree.LxmlError):
        return ""
    return _paragraphs(text.splitlines()) if text else ""


def _is_noise(element: Any) -> bool:
    marker = f"{element.get('class', '')} {element.get('id', '')}"
    return bool(marker.strip()) and _NOISE.search(marker) is not None


def _with_lxml(html: str) -> str:
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = lxml.html.document_fromstring(html, parser=parser)
    except (etree.LxmlError, ValueError, RecursionError):
        return _with_regex(html)
    # strip_elements and clear are linear; drop_tree one by one is quadratic on wide pages.
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    for element in [el for el in root.iter() if isinstance(el.tag, str) and _is_noise(el)]:
        element.clear(keep_tail=True)
    blocks = [
        element.text_content()
        for element in root.iter(*_BLOCKS)
        if not any(ancestor.tag in _BLOCKS for ancestor in _ancestors(element))
    ]
    if any(block.strip() for block in blocks):
        return _paragraphs(blocks)
    return _paragraphs(root.text_content().splitlines())


def _ancestors(element: Any, *, limit: int = 64) -> list[Any]:
    found: list[Any] = []
    parent = element.getparent()
    while parent is not None and len(found) < limit:
        found.append(parent)
        parent = parent.getparent()
    return found


def _without_code(html: str) -> str:
    """``html`` without ``<script>`` and ``<style>`` elements (one linear pass)."""
    pieces: list[str] = []
    position = 0
    while (opening := _CODE_OPEN.search(html, position)) is not None:
        pieces.append(html[position : opening.start()])
        closing = re.compile(rf"</{opening.group(1)}[^<>]*>", re.IGNORECASE).search(
            html, opening.end()
        )
        if closing is None:
            return " ".join(pieces)
        position = closing.end()
    pieces.append(html[position:])
    return " ".join(pieces)


def _with_regex(html: str) -> str:
    text = _BLOCK_TAG.sub("\n", _without_code(html))
    text = html_lib.unescape(_ANY_TAG.sub(" ", text))
    return _paragraphs(text.splitlines())


def extract_main_text(html: str, *, max_bytes: int) -> str:
    """The article's main text from an HTML page, paragraphs separated by blank lines.

    Raises ``ValidationFailed`` when the page is over ``max_bytes`` (UTF-8). Returns an
    empty string for a page without text.
    """
    size = len(html.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise ValidationFailed(f"body_html is {size} bytes, over the limit of {max_bytes}")
    if not html.strip():
        return ""
    depth, tags = measure_markup(html)
    text = ""
    if depth <= MAX_DEPTH and tags <= MAX_TAGS:
        text = _with_trafilatura(html)
    if not text:
        text = _with_lxml(html)
    if not text:
        text = _with_regex(html)
    return text
