"""Event filters: which event revisions a feed, a route or ``parley tail`` wants.

An :class:`EventFilter` is a frozen value built from command-line options
(:meth:`EventFilter.from_options`), from a routes-file table
(:meth:`EventFilter.from_table`) or from HTTP query parameters
(:meth:`EventFilter.from_query`). Every criterion left empty matches everything;
the criteria that are set must all hold. Pure: no clock, no environment.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.errors import ConfigError
from pipeline.models import Event, Status

__all__ = ["PLOVER_TYPES", "STATUSES", "EventFilter", "parse_since"]

#: The PLOVER event types (Parley publishes events of these types only).
PLOVER_TYPES: frozenset[str] = frozenset(
    {
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
        "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
        "MOBILIZE", "COERCE", "ASSAULT",
    }
)  # fmt: skip
#: The statuses an event can carry.
STATUSES: frozenset[str] = frozenset(get_args(Status))


def parse_since(value: str | datetime) -> datetime:
    """Parse an ISO 8601 date or datetime; a naive value is taken as UTC."""
    if isinstance(value, datetime):
        parsed = value
    else:
        text = value.strip()
        if text.endswith(("Z", "z")):
            text = text[:-1] + "+00:00"
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ConfigError(
                f"since: {value!r} is not an ISO 8601 date or datetime (e.g. 2025-03-01T12:00Z)"
            ) from exc
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)


def _split(values: Iterable[str] | str | None) -> tuple[str, ...]:
    """Flatten ``["A,B", "C"]`` or ``"A, B"`` into ``("A", "B", "C")``."""
    if values is None:
        return ()
    items = [values] if isinstance(values, str) else list(values)
    out: list[str] = []
    for item in items:
        out.extend(part.strip() for part in str(item).split(",") if part.strip())
    return tuple(out)


class EventFilter(BaseModel):
    """Criteria on an event revision; an empty filter matches every event.

    - ``types``: PLOVER types (any of them);
    - ``actors``: actor codes (ISO alpha-3 or organisation); an event matches
      when its source or target code is one of them, or, with ``both``, when
      its source and target are both among them (a dyad such as RUS–UKR);
    - ``status``: any of the statuses;
    - ``min_outlets``: at least this many distinct outlets reported it;
    - ``since``: the revision was last seen at or after this time.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    types: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    both: bool = False
    status: tuple[str, ...] = ()
    min_outlets: int | None = Field(default=None, ge=1)
    since: datetime | None = None

    @field_validator("types", mode="before")
    @classmethod
    def _check_types(cls, value: Any) -> tuple[str, ...]:
        types = tuple(item.upper() for item in _split(value))
        unknown = sorted(set(types) - PLOVER_TYPES)
        if unknown:
            raise ValueError(
                f"unknown PLOVER type(s) {', '.join(unknown)}; "
                f"expected some of {', '.join(sorted(PLOVER_TYPES))}"
            )
        return types

    @field_validator("actors", mode="before")
    @classmethod
    def _check_actors(cls, value: Any) -> tuple[str, ...]:
        actors = tuple(item.upper() for item in _split(value))
        bad = [code for code in actors if not (2 <= len(code) <= 12 and code.isalnum())]
        if bad:
            raise ValueError(f"invalid actor code(s) {', '.join(bad)}: use e.g. RUS, UKR, EU, NATO")
        return actors

    @field_validator("status", mode="before")
    @classmethod
    def _check_status(cls, value: Any) -> tuple[str, ...]:
        statuses = tuple(item.lower() for item in _split(value))
        unknown = sorted(set(statuses) - STATUSES)
        if unknown:
            raise ValueError(
                f"unknown status(es) {', '.join(unknown)}; "
                f"expected some of {', '.join(sorted(STATUSES))}"
            )
        return statuses

    @field_validator("since", mode="before")
    @classmethod
    def _check_since(cls, value: Any) -> datetime | None:
        if value is None or value == "":
            return None
        if isinstance(value, str | datetime):
            try:
                return parse_since(value)
            except ConfigError as exc:
                raise ValueError(str(exc)) from exc
        raise ValueError(f"since: expected an ISO 8601 datetime, got {type(value).__name__}")

    @classmethod
    def from_options(
        cls,
        *,
        types: Iterable[str] | str | None = None,
        actors: Iterable[str] | str | None = None,
        both: bool = False,
        status: Iterable[str] | str | None = None,
        min_outlets: int | None = None,
        since: str | datetime | None = None,
    ) -> EventFilter:
        """Build a filter from command-line options; raise :class:`ConfigError` when invalid.

        Repeated and comma-separated values are both accepted
        (``--actor RUS --actor UKR`` or ``--actor RUS,UKR``).
        """
        return cls.from_table(
            {
                "types": types,
                "actors": actors,
                "both": both,
                "status": status,
                "min_outlets": min_outlets,
                "since": since,
            },
            where="filter",
        )

    @classmethod
    def from_table(cls, table: Mapping[str, Any], *, where: str = "filter") -> EventFilter:
        """Build a filter from a mapping (a routes-file table); ``None`` values are dropped.

        ``where`` prefixes error messages (e.g. ``routes.toml: route 2``).
        """
        given = {key: value for key, value in table.items() if value is not None}
        try:
            return cls.model_validate(given)
        except ValidationError as exc:
            raise ConfigError(f"{where}: {_explain(exc)}") from exc

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> EventFilter:
        """Build a filter from HTTP query parameters (``type``, ``actor``, ``status``, ...)."""
        aliases = {"type": "types", "actor": "actors", "country": "actors"}
        table: dict[str, Any] = {}
        for key in ("type", "types", "actor", "actors", "country", "status", "both",
                    "min_outlets", "since"):  # fmt: skip
            if key in query and query[key] != "":
                name = aliases.get(key, key)
                value: Any = query[key]
                if name == "both":
                    value = value.lower() in {"1", "true", "yes", "on"}
                if name == "actors" and "actors" in table:
                    value = f"{table['actors']},{value}"
                table[name] = value
        return cls.from_table(table, where="query")

    def is_empty(self) -> bool:
        """Whether this filter matches every event."""
        return self == EventFilter()

    def matches(self, event: Event) -> bool:
        """Whether ``event`` (one revision) satisfies every criterion that is set."""
        if self.types and event.type.upper() not in self.types:
            return False
        if self.status and event.status not in self.status:
            return False
        if self.min_outlets is not None and event.num_outlets < self.min_outlets:
            return False
        if self.since is not None and event.last_seen < self.since:
            return False
        return not self.actors or self._matches_actors(event)

    def _matches_actors(self, event: Event) -> bool:
        codes = [event.source.code.upper()]
        if event.target is not None:
            codes.append(event.target.code.upper())
        wanted = set(self.actors)
        if self.both:
            return len(codes) == 2 and all(code in wanted for code in codes)
        return any(code in wanted for code in codes)

    def describe(self) -> str:
        """A short readable form, e.g. ``type=SANCTION actor=RUS&UKR min_outlets=2``."""
        parts: list[str] = []
        if self.types:
            parts.append("type=" + ",".join(self.types))
        if self.actors:
            parts.append("actor=" + ("&" if self.both else ",").join(self.actors))
        if self.status:
            parts.append("status=" + ",".join(self.status))
        if self.min_outlets is not None:
            parts.append(f"min_outlets={self.min_outlets}")
        if self.since is not None:
            parts.append(f"since={self.since.isoformat()}")
        return " ".join(parts) or "all events"


def _explain(exc: ValidationError) -> str:
    """One line per pydantic error: ``field: message``."""
    lines = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "filter"
        message = str(error["msg"]).removeprefix("Value error, ").removeprefix(f"{field}: ")
        if error["type"] == "extra_forbidden":
            message = "unknown field (expected types, actors, both, status, min_outlets, since)"
        lines.append(f"{field}: {message}")
    return "; ".join(lines)
