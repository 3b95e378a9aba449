"""Fixtures for the feed tests: a factory of valid event revisions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

from pipeline.models import Actor, Cameo, Event, Mention

MakeEvent = Callable[..., Event]


def _mention(article_id: str, outlet: str) -> Mention:
    return Mention(
        article_id=article_id,
        outlet=outlet,
        url=f"https://{outlet}.example/{article_id}",
        published_at=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        sentence=f"{outlet} reports that Russia invited Ukraine's president to talks.",
        start=0,
        end=10,
        confidence=0.9,
    )


def build_event(
    *,
    event_id: str = "ev-1",
    revision: int = 1,
    type: str = "AGREE",
    code: str = "036",
    quad_class: int = 1,
    source: str = "RUS",
    target: str | None = "UKR",
    status: str = "proposed",
    location: str | None = "Moscow",
    outlets: tuple[str, ...] = ("reuters",),
    last_seen: datetime | None = None,
    **extra: Any,
) -> Event:
    """A valid Event; one mention per outlet."""
    mentions = [_mention(f"a{index}", outlet) for index, outlet in enumerate(outlets, start=1)]
    seen = last_seen or datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    return Event(
        event_id=event_id,
        revision=revision,
        type=type,
        cameo=Cameo(code=code, label="label", root=code[:2], quad_class=quad_class, goldstein=4.0),
        source=Actor(code=source, name="Vladimir Putin" if source == "RUS" else None),
        target=Actor(code=target) if target else None,
        status=status,  # type: ignore[arg-type]
        location=location,
        date=date(2025, 3, 1),
        mentions=mentions,
        num_articles=len(mentions),
        num_outlets=len(set(outlets)),
        confidence=0.8,
        first_seen=datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
        last_seen=seen,
        summary=f"{source} {type} {target}",
        **extra,
    )


@pytest.fixture
def make_event() -> MakeEvent:
    """The factory :func:`build_event`."""
    return build_event
