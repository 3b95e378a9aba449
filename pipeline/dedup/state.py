"""What one dedup table row holds: the reports and published events of one block.

A block keeps one compact :class:`Record` per candidate (a report of an event in one
article) and, per published event id, its last revision and digest. Events are
*recomputed* from the records on every change, so the result depends only on the
set of records, never on the order they arrived in.

Memory per record, as serialized (orjson, positional lists): the ids, outlet, URL
and codes (~150-250 bytes), the evidence sentence capped at ``MAX_SENTENCE`` chars,
a 16-hex-char content hash prefix and a 64-byte b-bit MinHash (88 base64 chars):
about 0.5-0.8 KB per candidate, whatever the article's length.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import orjson

from pipeline.errors import ParleyError
from pipeline.models import Actor, Cameo, Candidate

__all__ = ["MAX_SENTENCE", "BlockState", "Published", "Record", "StateError"]

MAX_SENTENCE = 300
_LEVELS = ("day", "week", "month", "year", "default")


class StateError(ParleyError):
    """A dedup table row that cannot be decoded (corrupt or of another version)."""

    code = "E310"


ActorTuple = tuple[str, str | None, str | None]


@dataclass(frozen=True, slots=True)
class Record:
    """One candidate, reduced to what matching and event building need."""

    article_id: str
    outlet: str
    url: str
    published_at: datetime
    type: str
    mode: str | None
    cameo: str
    source: ActorTuple
    target: ActorTuple | None
    status: str
    location: str | None
    date: date
    sentence: str
    start: int
    end: int
    confidence: float
    content_hash: str
    signature: str
    precision: str | None = None  # the coder's date precision (None: infer from the date)

    @property
    def identity(self) -> tuple[str, int, int, str, str, str]:
        """What makes two records the same report: one act of these actors read in one span
        of one article (re-delivery adds nothing; a block holds one record per identity)."""
        target = self.target[0] if self.target else ""
        return (self.article_id, self.start, self.end, self.type, self.source[0], target)

    @property
    def order(self) -> tuple[str, str, int, int, str, str, str]:
        """The canonical order of records: publication time, then stable ids."""
        target = self.target[0] if self.target else ""
        return (
            self.published_at.isoformat(),
            self.article_id,
            self.start,
            self.end,
            self.type,
            self.source[0],
            target,
        )

    def preferred_to(self, other: Record) -> bool:
        """Whether this record should replace ``other``, a record of the same identity with
        other content (the coder read two dates, say, for one act in one sentence): the more
        exactly dated, then the more confident, then a fixed order of the content. A total
        order, so the record kept never depends on which arrived first."""
        return self._rank() < other._rank()

    def _rank(self) -> tuple[int, float, bytes]:
        return (_LEVELS.index(self.level), -self.confidence, orjson.dumps(self.to_row()))

    @property
    def level(self) -> str:
        """How exactly the date is known: the coder's precision, else a guess from the date —
        the publication day is a likely default ("default"), a 1 January a year, another 1st
        a month ("in February"), any other day a day. A denial is dated by the day it was
        made, so its date only bounds the alleged act: "default"."""
        if self.status == "denied":
            return "default"
        if self.precision is not None:
            return self.precision
        if self.date == self.published_at.date():
            return "default"
        if self.date.day == 1:
            return "year" if self.date.month == 1 else "month"
        return "day"

    @property
    def undated(self) -> bool:
        """True when the text gave no date: the story's day, an upper bound of the true date."""
        return self.level == "default"

    @property
    def precise(self) -> bool:
        """True when the date is an explicit day."""
        return self.level == "day"

    def source_actor(self) -> Actor:
        """The source as a model."""
        return Actor(code=self.source[0], name=self.source[1], sector=self.source[2])

    def target_actor(self) -> Actor | None:
        """The target as a model (None when the event has no target)."""
        if self.target is None:
            return None
        return Actor(code=self.target[0], name=self.target[1], sector=self.target[2])

    def to_row(self) -> list[Any]:
        """Positional form for serialization."""
        return [
            self.article_id, self.outlet, self.url, self.published_at.isoformat(), self.type,
            self.mode, self.cameo, list(self.source), list(self.target) if self.target else None,
            self.status, self.location, self.date.isoformat(), self.sentence, self.start,
            self.end, self.confidence, self.content_hash, self.signature, self.precision,
        ]  # fmt: skip

    @classmethod
    def from_row(cls, row: list[Any]) -> Record:
        """Inverse of :meth:`to_row`."""
        src, tgt = row[7], row[8]
        return cls(
            article_id=row[0], outlet=row[1], url=row[2],
            published_at=datetime.fromisoformat(row[3]), type=row[4], mode=row[5],
            cameo=row[6], source=(src[0], src[1], src[2]),
            target=(tgt[0], tgt[1], tgt[2]) if tgt else None, status=row[9],
            location=row[10], date=date.fromisoformat(row[11]), sentence=row[12],
            start=row[13], end=row[14], confidence=row[15], content_hash=row[16],
            signature=row[17], precision=row[18] if len(row) > 18 else None,
        )  # fmt: skip

    @classmethod
    def from_candidate(cls, candidate: Candidate, *, signature: str) -> Record:
        """Reduce a candidate to a record (sentence capped, hash shortened)."""
        target = candidate.target
        return cls(
            article_id=candidate.article_id,
            outlet=candidate.outlet,
            url=candidate.url,
            published_at=candidate.published_at,
            type=candidate.type.upper(),
            mode=candidate.mode,
            cameo=candidate.cameo.code,
            source=(candidate.source.code, candidate.source.name, candidate.source.sector),
            target=(target.code, target.name, target.sector) if target else None,
            status=candidate.status,
            location=candidate.location,
            date=candidate.date,
            sentence=candidate.sentence[:MAX_SENTENCE],
            start=candidate.start,
            end=candidate.end,
            confidence=round(candidate.confidence, 4),
            content_hash=candidate.content_hash[:16],
            signature=signature,
            precision=candidate.date_precision,
        )


@dataclass(frozen=True, slots=True)
class Published:
    """The last revision published for one event id."""

    revision: int
    digest: str
    linked: tuple[str, ...]
    live: bool
    last_seen: date


@dataclass
class BlockState:
    """The open events of one blocking key: their records (in canonical order) with the group
    ordinal of each (``groups``, parallel), published revisions and CAMEO codes."""

    records: list[Record] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)
    published: dict[str, Published] = field(default_factory=dict)
    cameos: dict[str, Cameo] = field(default_factory=dict)
    newest: datetime | None = None

    def last_day(self) -> date | None:
        """The row's last day: its newest report's publication day or event date, or the
        last day of an event it still keeps bookkeeping for (None for an empty row)."""
        days = [max(r.published_at.date(), r.date) for r in self.records]
        days.extend(p.last_seen for p in self.published.values())
        return max(days, default=None)

    def to_bytes(self) -> bytes:
        """Serialize (orjson, positional rows)."""
        data = {
            "v": 1,
            "r": [r.to_row() for r in self.records],
            "g": self.groups,
            "p": {
                k: [p.revision, p.digest, list(p.linked), p.live, p.last_seen.isoformat()]
                for k, p in sorted(self.published.items())
            },
            "c": {
                k: [c.label, c.root, c.quad_class, c.goldstein]
                for k, c in sorted(self.cameos.items())
            },
            "n": self.newest.isoformat() if self.newest else None,
        }
        return orjson.dumps(data)

    @classmethod
    def from_bytes(cls, raw: bytes) -> BlockState:
        """Inverse of :meth:`to_bytes`; raises :class:`StateError` on a bad row."""
        try:
            data = orjson.loads(raw)
            if data.get("v") != 1:
                raise StateError(f"unknown block state version {data.get('v')!r}")
            return cls(
                records=[Record.from_row(row) for row in data["r"]],
                groups=[int(g) for g in data["g"]],
                published={
                    k: Published(p[0], p[1], tuple(p[2]), p[3], date.fromisoformat(p[4]))
                    for k, p in data["p"].items()
                },
                cameos={
                    k: Cameo(code=k, label=c[0], root=c[1], quad_class=c[2], goldstein=c[3])
                    for k, c in data["c"].items()
                },
                newest=datetime.fromisoformat(data["n"]) if data["n"] else None,
            )
        except StateError:
            raise
        except (orjson.JSONDecodeError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise StateError(f"corrupt block state: {exc}") from exc
