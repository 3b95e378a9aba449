"""Article cleaning: the text layout, trailer removal, ids, language and fingerprints."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipeline.errors import ValidationFailed
from pipeline.models import Article, derive_article_id
from pipeline.text.clean import clean_article, normalize_body, strip_trailers
from pipeline.text.fingerprint import content_hash, minhash

STORY = (
    "The president invited his counterpart to the capital for talks, officials said.\n\n"
    "The offer was made at a press conference after the summit."
)


def _article(**fields: object) -> Article:
    values: dict[str, object] = {
        "id": "a-1",
        "outlet": "Example Times",
        "url": "https://example.test/a-1",
        "published_at": datetime(2025, 9, 3, 14, 20, tzinfo=UTC),
        "title": "President invites counterpart",
        "body": STORY,
    }
    values.update(fields)
    return Article.model_validate(values)


def test_text_is_title_blank_line_body() -> None:
    """``text`` is the title, a blank line, then the body paragraphs."""
    clean = clean_article(_article())
    expected = "President invites counterpart\n\n" + STORY
    assert expected == clean.text


def test_fingerprints_come_from_the_body() -> None:
    """content_hash and fingerprint are computed from the cleaned body, not the title."""
    clean = clean_article(_article())
    expected = (content_hash(STORY), minhash(STORY))
    assert expected == (clean.content_hash, clean.fingerprint)


def test_id_is_derived_from_url_when_missing() -> None:
    """An article without id gets the id derived from its URL."""
    clean = clean_article(_article(id=None))
    expected = derive_article_id("https://example.test/a-1")
    assert expected == clean.article_id


@pytest.mark.parametrize(
    ("given", "expected"), [(None, "en"), ("", "en"), ("EN-gb", "en"), ("fr", "fr")]
)
def test_language_defaults_to_english_and_drops_region(given: str | None, expected: str) -> None:
    """A missing language is ``en``; a region subtag is dropped."""
    assert expected == clean_article(_article(language=given)).language


def test_whitespace_is_normalized_and_bullets_split() -> None:
    """Runs of spaces collapse, wrapped lines join, and each bullet is its own paragraph."""
    body = "  • First  point.\n  • Second\tpoint.\n\nA wrapped\nparagraph.\r\n\r\n\r\nLast."
    expected = ["First point.", "Second point.", "A wrapped paragraph.", "Last."]
    assert expected == normalize_body(body)


def test_related_asides_and_trailers_are_dropped() -> None:
    """Inline "(Related: ...)" asides, video lines and everything after a trailer heading go."""
    paragraphs = [
        "The minister arrived in the capital on Monday. (Related: Another country expels envoys.)",
        "Talks are expected to last two days.",
        "Watch the video below about the visit.",
        "This video is from the NewsClips channel.",
        "More related stories:",
        "Another country sanctions a third one.",
        "Sources include:",
        "example.com",
        "Read full article here",
    ]
    expected = [
        "The minister arrived in the capital on Monday.",
        "Talks are expected to last two days.",
    ]
    assert expected == strip_trailers(paragraphs)


@pytest.mark.parametrize(
    "line",
    [
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience.",
        "Advertisement",
        "Read more: Leaders meet in Geneva",
        "Related: Ministers trade accusations",
        "Copyright 2025 Example Media. All rights reserved.",
        "Share | Tweet | Email",
    ],
)
def test_page_furniture_lines_are_dropped(line: str) -> None:
    """Subscription, cookie, ad, share and cross-link lines are dropped wherever they are."""
    expected = ["The talks ended without agreement."]
    assert expected == strip_trailers([line, "The talks ended without agreement."])


def test_sentences_mentioning_sources_or_more_are_kept() -> None:
    """Ordinary sentences that merely start with trailer-like words stay."""
    paragraphs = [
        "Sources close to the talks said the envoy would return (more than once) next week.",
        "Related issues will be discussed at the summit.",
    ]
    expected = paragraphs
    assert expected == strip_trailers(paragraphs)


def test_html_body_is_cleaned_and_its_headline_not_repeated() -> None:
    """An HTML-only article yields its story; the page's own h1 is not repeated in the body."""
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><article><h1>President invites counterpart</h1>"
        "<p>The president invited his counterpart to the capital for talks, officials said on "
        "Wednesday after a long meeting with advisers and diplomats from both countries.</p>"
        "<p>The offer was made at a press conference after the summit in the capital city, "
        "where leaders from a dozen nations gathered for two days of talks.</p>"
        "</article></body></html>"
    )
    clean = clean_article(_article(body=None, body_html=html))
    assert clean.text.startswith("President invites counterpart\n\nThe president invited")
    expected = 1
    assert expected == clean.text.count("President invites counterpart")
    assert "Home" not in clean.text


def test_html_over_the_limit_is_rejected() -> None:
    """An HTML body over ``max_html_bytes`` raises ValidationFailed."""
    with pytest.raises(ValidationFailed):
        clean_article(
            _article(body=None, body_html="<p>" + "x" * 5000 + "</p>"), max_html_bytes=1024
        )


def test_article_left_without_text_is_rejected() -> None:
    """An article whose title is blank and whose body cleans to nothing raises ValidationFailed."""
    with pytest.raises(ValidationFailed):
        clean_article(_article(title=" ", body="Advertisement\n\nRead full article here"))


def test_dev_seed_trailers_are_dropped(seed_text: str) -> None:
    """The seed article keeps its story and loses its related-stories and sources trailers."""
    title, _, body = seed_text.partition("\n")
    clean = clean_article(_article(title=title, body=body))
    for trailer in ("More related stories", "Sources include", "(Related:", "Read full article"):
        assert trailer not in clean.text
    assert "invited Ukrainian President Volodymyr Zelensky to Moscow" in clean.text
