"""HTML main-text extraction: story paragraphs in, page furniture out, no crash on any page."""

from __future__ import annotations

import time

import pytest

from pipeline.errors import ValidationFailed
from pipeline.text.html import extract_main_text, measure_markup

LIMIT = 2 * 1024 * 1024

STORY = [
    "BRUSSELS — The foreign ministers of the two countries met on Tuesday and agreed to "
    "reopen their embassies, ending a three-year freeze in diplomatic relations.",
    "The agreement, signed after four hours of talks, also restores direct flights and lifts "
    "visa restrictions on journalists, officials said after the meeting.",
    "Both governments described the talks as constructive and said a joint commission would "
    "meet again in the spring to settle the remaining disputes over trade.",
]

PAGE = f"""<!doctype html>
<html><head><meta charset="utf-8"><title>Ministers agree to reopen embassies - Example Times</title>
<script>var ads = {{slot: "top", kw: ["diplomacy"]}}; document.write("TRACKING");</script>
<style>.nav {{ color: red }}</style></head>
<body>
<div id="top-bar"><a href="/">Example Times</a> | <a href="/login">Log in</a></div>
<nav class="main-nav"><a href="/world">World</a> <a href="/sport">Sport</a> <a href="/markets">Markets</a></nav>
<div class="ad-container" id="ad-top"><script>googletag.display("ad-top");</script>Advertisement</div>
<article><h1>Ministers agree to reopen embassies</h1>
<div class="share-buttons"><a href="#">Share</a> <a href="#">Tweet</a></div>
<p>{STORY[0]}</p>
<div class="ad-container inline-ad">Advertisement · Story continues below</div>
<p>{STORY[1]}</p>
<p>{STORY[2]}</p>
</article>
<aside class="related"><h3>Related</h3><ul><li><a href="/x">Markets slump as rates rise</a></li></ul></aside>
<footer>© 2025 Example Times. All rights reserved.</footer>
</body></html>"""


def test_story_paragraphs_are_kept_in_order() -> None:
    """Every story paragraph is in the main text, in order, separated by blank lines."""
    text = extract_main_text(PAGE, max_bytes=LIMIT)
    paragraphs = text.split("\n\n")
    expected = STORY
    assert expected == [p for p in paragraphs if p in STORY]


@pytest.mark.parametrize(
    "noise", ["TRACKING", "googletag", "Sport", "Markets slump", "Log in", "color: red"]
)
def test_scripts_navigation_and_ads_are_dropped(noise: str) -> None:
    """Script code, style, navigation links, ads and related links are not in the main text."""
    text = extract_main_text(PAGE, max_bytes=LIMIT)
    assert noise not in text


def test_page_over_the_limit_is_rejected() -> None:
    """A page larger than ``max_bytes`` raises ValidationFailed (a ParleyError)."""
    with pytest.raises(ValidationFailed):
        extract_main_text(PAGE, max_bytes=len(PAGE) // 2)


def test_empty_page_gives_empty_text() -> None:
    """A page with no text gives an empty string rather than an error."""
    expected = ""
    assert expected == extract_main_text("<html><body>  </body></html>", max_bytes=LIMIT)


def test_deeply_nested_page_does_not_crash() -> None:
    """100,000 nested elements give the text inside, quickly, without a RecursionError."""
    depth = 100_000
    page = "<div>" * depth + "<p>Deep inside the page.</p>" + "</div>" * depth
    started = time.perf_counter()
    text = extract_main_text(page, max_bytes=10 * LIMIT)
    elapsed = time.perf_counter() - started
    expected = "Deep inside the page."
    assert expected == text
    assert elapsed < 5.0


@pytest.mark.parametrize(
    "page",
    [
        "<" * 500_000,
        "<a " * 300_000,
        "<script>" * 200_000,
        "<script>x</script>y" * 100_000,
        "&" * 500_000,
        "<div><p>x</div></p>" * 50_000,
        "\x00\x01<p>\ud800 broken</p>",
    ],
    ids=["lt", "open-tags", "unclosed-scripts", "many-scripts", "entities", "misnested", "ctrl"],
)
def test_hostile_pages_finish_quickly(page: str) -> None:
    """Pathological markup returns a string within a few seconds (linear-time fallbacks)."""
    started = time.perf_counter()
    text = extract_main_text(page, max_bytes=10 * LIMIT)
    elapsed = time.perf_counter() - started
    assert isinstance(text, str)
    assert elapsed < 5.0


def test_markup_measure_counts_depth_and_tags() -> None:
    """Depth ignores void and optional-close elements; every tag is counted."""
    expected = (2, 8)
    assert expected == measure_markup("<div><span><br><p>x</p><img/></span></div>")
