"""Declaring topics at a worker's start: a stop during the declaration is not a crash."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import pytest
from faust.exceptions import NotReady

from pipeline.topics import declare_at_start


@dataclass
class _App:
    should_stop: bool = False


@dataclass
class _Topic:
    """A topic whose declaration stops ``app`` first when ``stops_app`` is set, as a
    SIGTERM arriving mid-declaration does (faust's producer then raises NotReady)."""

    name: str
    app: _App
    stops_app: bool = False
    declared: list[str] = field(default_factory=list)

    def get_topic_name(self) -> str:
        return self.name

    async def maybe_declare(self) -> None:
        if self.stops_app:
            self.app.should_stop = True
        if self.app.should_stop:
            raise NotReady("Producer service not yet started")
        self.declared.append(self.name)


def test_every_topic_is_declared_when_nothing_stops() -> None:
    app = _App()
    seen: list[str] = []
    topics = [_Topic(name, app, declared=seen) for name in ("articles", "events", "mentions")]
    asyncio.run(declare_at_start(app, topics))
    assert seen == ["articles", "events", "mentions"]


def test_a_stop_during_declaration_ends_it_quietly() -> None:
    app = _App()
    seen: list[str] = []
    topics = [
        _Topic("articles", app, declared=seen),
        _Topic("events", app, stops_app=True, declared=seen),
        _Topic("mentions", app, declared=seen),
    ]
    asyncio.run(declare_at_start(app, topics))
    assert seen == ["articles"]
    assert app.should_stop


def test_a_producer_not_ready_while_running_is_still_an_error() -> None:
    class _Broken(_Topic):
        async def maybe_declare(self) -> None:
            raise NotReady("Producer service not yet started")

    app = _App()
    with pytest.raises(NotReady):
        asyncio.run(declare_at_start(app, [_Broken("articles", app)]))
