"""Routes: a TOML file mapping event filters to downstream topics.

A routes file holds ``[[route]]`` tables; each names a ``topic`` and the filter
fields of :class:`pipeline.feeds.filters.EventFilter`::

    [[route]]
    topic = "events.sanctions"
    types = ["SANCTION"]

    [[route]]
    topic = "events.russia-ukraine"
    actors = ["RUS", "UKR"]
    both = true
    min_outlets = 2

Every revision goes to every route whose filter it matches. A file that cannot
work (bad TOML, unknown field, bad topic name, unknown type...) raises
:class:`pipeline.errors.ConfigError` naming the file, the route and the field, so
a worker fails at start-up rather than routing nothing. Pure (reads the file only).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ConfigError
from pipeline.feeds.filters import EventFilter
from pipeline.models import Event

__all__ = ["Route", "Routes", "load_routes", "parse_routes"]

_TOPIC_NAME = re.compile(r"^[A-Za-z0-9._-]{1,249}$")
_ROUTE_KEYS = {"topic", "name"}


@dataclass(frozen=True)
class Route:
    """One route: events matching ``filter`` go to ``topic``."""

    topic: str
    filter: EventFilter
    name: str = ""


@dataclass(frozen=True)
class Routes:
    """The routes of one file, in file order."""

    routes: tuple[Route, ...] = ()
    source: str = ""

    @property
    def topics(self) -> list[str]:
        """The distinct routed topic names, in first-seen order."""
        return list(dict.fromkeys(route.topic for route in self.routes))

    def routes_for(self, event: Event) -> list[str]:
        """The topics ``event`` goes to (each at most once, in file order)."""
        return list(
            dict.fromkeys(route.topic for route in self.routes if route.filter.matches(event))
        )

    def __len__(self) -> int:
        return len(self.routes)


def _parse_route(index: int, table: Any, where: str, reserved: set[str]) -> Route:
    at = f"{where}: route {index}"
    if not isinstance(table, Mapping):
        raise ConfigError(f"{at}: expected a table ([[route]]), got {type(table).__name__}")
    topic = table.get("topic")
    if not isinstance(topic, str) or not topic:
        raise ConfigError(
            f"{at}: field 'topic' is required (a topic name such as events.sanctions)"
        )
    if not _TOPIC_NAME.match(topic) or topic in {".", ".."}:
        raise ConfigError(
            f"{at}: field 'topic': {topic!r} is not a valid Kafka topic name "
            "(letters, digits, '.', '_', '-'; at most 249 characters)"
        )
    if topic in reserved:
        raise ConfigError(
            f"{at}: field 'topic': {topic!r} is one of Parley's own topics; route to a new topic"
        )
    name = table.get("name", "")
    if not isinstance(name, str):
        raise ConfigError(f"{at}: field 'name' must be a string")
    criteria = {key: value for key, value in table.items() if key not in _ROUTE_KEYS}
    if not criteria:
        raise ConfigError(
            f"{at} ({topic}): no criteria; set at least one of "
            "types, actors, status, min_outlets, since (a route sending everything is the events topic)"
        )
    return Route(
        topic=topic, filter=EventFilter.from_table(criteria, where=f"{at} ({topic})"), name=name
    )


def parse_routes(
    text: str, *, source: str = "<routes>", reserved_topics: Sequence[str] = ()
) -> Routes:
    """Parse routes from TOML text; ``source`` names the file in error messages.

    ``reserved_topics`` (Parley's own topic names) may not be routed to.
    """
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{source}: not valid TOML: {exc}") from exc
    unknown = sorted(set(document) - {"route"})
    if unknown:
        raise ConfigError(
            f"{source}: unknown top-level key(s) {', '.join(unknown)}; routes are [[route]] tables"
        )
    tables = document.get("route", [])
    if not isinstance(tables, list):
        raise ConfigError(
            f"{source}: 'route' must be an array of tables: write [[route]], not [route]"
        )
    reserved = set(reserved_topics)
    routes = tuple(
        _parse_route(index, table, source, reserved) for index, table in enumerate(tables, start=1)
    )
    return Routes(routes=routes, source=source)


def load_routes(path: Path, *, reserved_topics: Sequence[str] = ()) -> Routes:
    """Load and validate a routes file; raise :class:`ConfigError` when it cannot work."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the routes file: {exc.strerror or exc}") from exc
    return parse_routes(text, source=str(path), reserved_topics=reserved_topics)
