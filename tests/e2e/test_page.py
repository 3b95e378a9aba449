"""The live page in headless Chromium against a running worker: events appear without reload.

Needs Debian's ``chromium`` (``/usr/bin/chromium``) and Python Playwright
(``pip install playwright``; its own browser download is not used). The tests
skip when either is absent.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.integration.conftest import (  # noqa: F401  (fixtures used by name)
    Pipeline,
    broker_address,
    pipeline,
)
from tests.integration.test_feeds import _send, _start, make_event

pytestmark = [pytest.mark.e2e, pytest.mark.integration]

#: Debian's chromium; override with PARLEY_TEST_CHROMIUM=/path/to/chromium.
CHROMIUM = Path(
    os.environ.get("PARLEY_TEST_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
)
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def browser_page() -> Iterator[Any]:
    """A headless Chromium page (skips when chromium or Playwright is missing)."""
    if not CHROMIUM.is_file():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            yield page
        finally:
            browser.close()


def _publish(pipeline: Pipeline, event: Any) -> None:  # noqa: F811
    """Produce from another thread: Playwright's sync API owns this thread's event loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_send, pipeline, [event]).result(timeout=60)


def test_new_events_appear_live_with_evidence_and_graph(
    pipeline: Pipeline,  # noqa: F811
    browser_page: Any,
) -> None:
    """Opened before any event exists, the page shows a new event, then its next revision
    (more outlets), without a reload; clicking shows the evidence; the graph draws the actors
    and a QuadClass-coloured edge."""
    _, base = _start(pipeline)
    page = browser_page
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base + "/")
    page.wait_for_selector("#status[data-state=open]", timeout=20_000)
    assert "Parley — live diplomatic events" == page.title()

    event_id = f"{pipeline.prefix}-live"
    _publish(pipeline, make_event(event_id))
    item = f'li.event[data-event-id="{event_id}"]'
    page.wait_for_selector(item, timeout=30_000)
    assert "SANCTION" == page.text_content(f"{item} .type")
    assert "EU → IRN" == page.text_content(f"{item} .actors")

    _publish(pipeline, make_event(event_id, revision=2, outlets=3))
    page.wait_for_selector(f'{item}[data-revision="2"] .outlets[data-outlets="3"]', timeout=30_000)
    assert 1 == page.locator(item).count()

    page.click(f"{item} .type")
    evidence = page.locator(f"{item} .evidence").first
    evidence.wait_for(state="visible", timeout=5_000)
    assert "the EU imposed sanctions on IRN" in (evidence.text_content() or "")
    assert 3 == page.locator(f"{item} .mentions a").count()

    codes = page.eval_on_selector_all("#graph .node", "nodes => nodes.map(n => n.dataset.code)")
    assert ["EU", "IRN"] == sorted(codes)
    edge = f'#graph path.edge.q4[data-event-id="{event_id}"]'
    assert 1 == page.locator(edge).count()
    assert [] == errors


def test_page_filters_hide_other_events(
    pipeline: Pipeline,  # noqa: F811
    browser_page: Any,
) -> None:
    """Typing a type in the page's filter shows only events of that type, in feed and graph."""
    _, base = _start(pipeline)
    page = browser_page
    sanction = make_event(f"{pipeline.prefix}-s")
    agree = make_event(
        f"{pipeline.prefix}-a", plover="AGREE", code="036", quad_class=1, source="RUS", target="UKR"
    )
    _publish(pipeline, sanction)
    _publish(pipeline, agree)
    page.goto(base + "/")
    page.wait_for_selector(f'li.event[data-event-id="{agree.event_id}"]', timeout=30_000)
    page.wait_for_selector(f'li.event[data-event-id="{sanction.event_id}"]', timeout=30_000)
    page.fill("#filters input[name=type]", "agree")
    shown = page.eval_on_selector_all("li.event", "items => items.map(i => i.dataset.eventId)")
    codes = page.eval_on_selector_all("#graph .node", "nodes => nodes.map(n => n.dataset.code)")
    assert ([agree.event_id], ["RUS", "UKR"]) == (shown, sorted(codes))
