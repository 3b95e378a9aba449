"""Article cleaning: a raw ``Article`` becomes a ``CleanArticle`` with plain main text.

The text is ``title + "\\n\\n" + body``: whitespace normalised, one paragraph per
block separated by a blank line, and without the trailers that carry *other*
stories ("Related:" asides and lines, "More related stories:", "Sources include:",
"Read full article here", video embeds, newsletter, cookie and share boilerplate).
The rules are general patterns of news pages, not cases of any one corpus.
"""

from __future__ import annotations

import re

from pipeline.errors import ValidationFailed
from pipeline.models import Article, CleanArticle
from pipeline.text.fingerprint import content_hash, minhash
from pipeline.text.html import extract_main_text

__all__ = ["clean_article", "normalize_body", "strip_trailers"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff\u200b-\u200d\u2060]")
_SPACE = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"^[ \t]*[•·▪●◦‣∙*–—-][ \t]+")

# An aside pointing at another story, inside a paragraph: "(Related: ...)" or "[Read more: ...]".
_ASIDE = re.compile(
    r"\s*[(\[]\s*(?:related(?: stories| story| articles| article| news)?|also read|read more"
    r"|read also|see also|more|watch|listen|video)\s*:[^()\[\]]{0,400}[)\]]",
    re.IGNORECASE,
)
# A heading after which everything is other stories, sources or page furniture.
_TRAILER_HEADING = re.compile(
    r"^(?:more\s+)?(?:related|recommended|trending|popular|latest|top|similar|other|further)"
    r"(?:\s+(?:stories|articles|news|reading|coverage|content|links|posts|videos|topics))?"
    r"\s*(?:for you|on this topic|from \w+(?: \w+)?)?\s*:?$"
    r"|^(?:sources?|references?)(?:\s+(?:include|used|cited))?\s*:?$"
    r"|^sources? include\b"
    r"|^(?:read|see)\s+(?:more|also)\s*:?$"
    r"|^(?:you|we think you)\s+(?:may|might)\s+(?:also\s+)?(?:like|be interested in|enjoy)\b"
    r"|^(?:more|also)\s+(?:from|on)\s+[\w .'-]{1,40}:?$"
    r"|^(?:tags?|topics|filed under|share this(?: article| story)?)\s*:?$",
    re.IGNORECASE,
)
# A single line of page furniture, dropped wherever it stands.
_BOILERPLATE = re.compile(
    r"^(?:related|also read|read more|read also|see also|more|sources?)\s*:"
    r"|^read (?:the )?(?:full|original|complete|whole) (?:article|story|report)\b"
    r"|^(?:click|tap) here\b"
    r"|^watch (?:the |this )?(?:video|clip|full video)\b"
    r"|^(?:this|the) video (?:is|was) (?:from|courtesy|provided)\b"
    r"|^(?:advertisement|sponsored|story continues below|continue reading|skip advert)\b"
    r"|^(?:sign up|subscribe)\b"
    r"|^(?:get|receive) (?:our|the) [\w -]{0,40}(?:newsletter|alerts|briefing)\b"
    r"|\bnewsletter\b.{0,80}\b(?:sign up|subscribe|inbox)\b"
    r"|\b(?:we|this (?:site|website)) uses? cookies\b"
    r"|^(?:accept|manage|reject) (?:all )?cookies\b"
    r"|^(?:share|tweet|email|print)(?: (?:this|on \w+))?(?:\s*[|·•/]\s*\w+)*\s*$"
    r"|^follow us\b"
    r"|^(?:copyright|©|\(c\))\s"
    r"|\ball rights reserved\b"
    r"|^already a subscriber\b"
    r"|^(?:log|sign) in\b.{0,40}$"
    r"|^this article (?:was|has been) (?:originally )?(?:published|updated|amended)\b.{0,120}$",
    re.IGNORECASE,
)
_MAX_FURNITURE_CHARS = 300


def _normalize_line(line: str) -> str:
    return _SPACE.sub(" ", line).strip()


def normalize_body(text: str) -> list[str]:
    """The body's paragraphs: control characters removed, whitespace collapsed.

    Blocks separated by blank lines are paragraphs (their inner line breaks become
    spaces); a body without any blank line has one paragraph per line.
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x85", "\n")
    if _BLANK.search(text):
        blocks = [joined for block in _BLANK.split(text) for joined in _join_lines(block)]
    else:
        blocks = text.split("\n")
    paragraphs = (_normalize_line(_BULLET.sub("", block)) for block in blocks)
    return [paragraph for paragraph in paragraphs if paragraph]


def _join_lines(block: str) -> list[str]:
    """A block's lines joined with spaces, except that each bullet starts a paragraph."""
    joined: list[list[str]] = []
    for line in block.split("\n"):
        if not joined or _BULLET.match(line):
            joined.append([line])
        else:
            joined[-1].append(line)
    return [" ".join(lines) for lines in joined]


def _is_furniture(paragraph: str) -> bool:
    return len(paragraph) <= _MAX_FURNITURE_CHARS and _BOILERPLATE.search(paragraph) is not None


def strip_trailers(paragraphs: list[str]) -> list[str]:
    """Drop asides, furniture lines and everything after a trailer heading."""
    kept: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) <= 80 and _TRAILER_HEADING.search(paragraph):
            if kept:
                break
            continue  # a heading before any story text is page furniture, not a trailer
        if _is_furniture(paragraph):
            continue
        without_asides = _normalize_line(_ASIDE.sub("", paragraph))
        if without_asides:
            kept.append(without_asides)
    return kept


def _same_words(left: str, right: str) -> bool:
    def words(text: str) -> list[str]:
        return re.findall(r"\w+", text.lower())

    return bool(left) and words(left) == words(right)


def _language(raw: str | None) -> str:
    if raw is None or not raw.strip():
        return "en"
    return re.split(r"[-_]", raw.strip().lower(), maxsplit=1)[0] or "en"


def clean_article(article: Article, *, max_html_bytes: int = 2 * 1024 * 1024) -> CleanArticle:
    """Clean an article: main text, trailers dropped, id resolved, fingerprints computed.

    Raises ``ValidationFailed`` when ``body_html`` is over ``max_html_bytes`` or when
    nothing of the article is left after cleaning.
    """
    title = _normalize_line(_CONTROL.sub("", article.title).replace("\n", " "))
    if article.body and article.body.strip():
        raw_body = article.body
    elif article.body_html and article.body_html.strip():
        raw_body = extract_main_text(article.body_html, max_bytes=max_html_bytes)
    else:
        raw_body = ""
    paragraphs = strip_trailers(normalize_body(raw_body))
    if paragraphs and _same_words(title, paragraphs[0]):
        paragraphs = paragraphs[1:]  # the page's own headline, repeated above the story
    body = "\n\n".join(paragraphs)
    if not title and not body:
        raise ValidationFailed("article has no text after cleaning")
    return CleanArticle(
        article_id=article.article_id,
        outlet=article.outlet,
        url=article.url,
        published_at=article.published_at,
        language=_language(article.language),
        title=title,
        text=f"{title}\n\n{body}",
        content_hash=content_hash(body),
        fingerprint=minhash(body),
    )
