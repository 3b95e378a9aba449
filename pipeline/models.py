"""The messages Parley reads and writes: one pydantic model per topic message.

Every model is strict, frozen and forbids unknown fields; each carries a
``schema_version``. Their JSON Schemas are checked into ``schemas/`` (see
``pipeline.schema``) and a test fails when the two drift apart. A published
version never changes in place: a change of shape is a new model and a new file.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import Annotated, Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Actor",
    "Article",
    "Cameo",
    "Candidate",
    "CleanArticle",
    "DatePrecision",
    "DeadLetterHeaders",
    "Event",
    "Mention",
    "MentionLink",
    "Outcome",
    "Status",
    "derive_article_id",
    "dumps",
]

Status = Literal["occurred", "proposed", "planned", "denied"]
# How exactly a candidate's date is known: an explicit day, a day within about a week
# ("two weeks ago"), a month, a year, or no date in the text (the story's day: the act
# happened on or before it).
DatePrecision = Literal["day", "week", "month", "year", "default"]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
# Datetimes arrive as ISO 8601 strings on the wire: strict mode accepts them from JSON.
AwareDatetime = Annotated[datetime, Field(strict=False)]
IsoDate = Annotated[date, Field(strict=False)]


class _Message(BaseModel):
    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")


def dumps(message: BaseModel) -> bytes:
    """Serialize a message to JSON bytes (orjson), the wire form of every topic."""
    data: Any = message.model_dump(mode="json")
    return orjson.dumps(data)


def derive_article_id(url: str) -> str:
    """Derive a stable article id from its URL (used when a producer sends none)."""
    return "url-" + hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[:20]


class Article(_Message):
    """A raw news article as producers send it to the input topic."""

    schema_version: Literal[1] = 1
    id: str | None = Field(default=None, min_length=1, max_length=200)
    outlet: str = Field(min_length=1, max_length=300)
    url: str = Field(min_length=1, max_length=4000)
    published_at: AwareDatetime
    language: str | None = Field(default=None, max_length=16)
    title: str = Field(max_length=2000)
    body: str | None = None
    body_html: str | None = None

    @model_validator(mode="after")
    def _check_content(self) -> Article:
        if self.published_at.tzinfo is None:
            raise ValueError("published_at must carry a UTC offset")
        has_body = bool(self.body and self.body.strip())
        has_html = bool(self.body_html and self.body_html.strip())
        if not has_body and not has_html and not self.title.strip():
            raise ValueError("article has no title and no body")
        return self

    @property
    def article_id(self) -> str:
        """The article's id, derived from its URL when the producer gave none."""
        return self.id if self.id is not None else derive_article_id(self.url)


class CleanArticle(_Message):
    """An article after ingest: plain main text, id resolved (topic ``article.clean``).

    ``text`` is ``title + "\\n\\n" + body``; every character offset in Parley
    (mentions, evidence) indexes into it.
    """

    schema_version: Literal[1] = 1
    article_id: str
    outlet: str
    url: str
    published_at: AwareDatetime
    language: str
    title: str
    text: str
    content_hash: str = Field(description="sha256 of the normalized body text (hex)")
    fingerprint: list[int] = Field(
        default_factory=list,
        description="MinHash signature of the body's word 3-shingles (syndication detection)",
    )


class Actor(_Message):
    """A political actor: a state (ISO 3166 alpha-3) or an organisation (UN, EU, NATO...)."""

    code: str = Field(min_length=2, max_length=12)
    name: str | None = Field(default=None, description="the person, when one is named")
    sector: str | None = Field(default=None, description="GOV, MIL, IGO, ... when known")


class Cameo(_Message):
    """A CAMEO code with its label, root, QuadClass (1-4) and Goldstein value."""

    code: str = Field(pattern=r"^[0-9]{2,4}$")
    label: str
    root: str = Field(pattern=r"^[0-9]{2}$")
    quad_class: int = Field(ge=1, le=4)
    goldstein: float = Field(ge=-10.0, le=10.0)


class Candidate(_Message):
    """One event as read from one article (topic ``event.candidates``)."""

    schema_version: Literal[1] = 1
    article_id: str
    outlet: str
    url: str
    published_at: AwareDatetime
    type: str = Field(description="PLOVER event type, e.g. AGREE, CONSULT, SANCTION")
    mode: str | None = None
    cameo: Cameo
    source: Actor
    target: Actor | None = None
    status: Status
    location: str | None = None
    date: IsoDate
    date_precision: DatePrecision | None = Field(
        default=None, description="how exactly the date is known; None: not said"
    )
    sentence: str
    start: int = Field(ge=0, description="offset of the sentence in CleanArticle.text")
    end: int = Field(ge=0)
    confidence: Confidence
    content_hash: str = ""
    fingerprint: list[int] = Field(default_factory=list)


class Mention(_Message):
    """One article's report of an event, with its evidence."""

    article_id: str
    outlet: str
    url: str
    published_at: AwareDatetime
    sentence: str
    start: int = Field(default=0, ge=0)
    end: int = Field(default=0, ge=0)
    confidence: Confidence


class Event(_Message):
    """A canonical, deduplicated event; one record per revision (topic ``events``)."""

    schema_version: Literal[1] = 1
    event_id: str
    revision: int = Field(ge=1)
    type: str
    mode: str | None = None
    cameo: Cameo
    source: Actor
    target: Actor | None = None
    status: Status
    location: str | None = None
    date: IsoDate
    mentions: list[Mention]
    num_articles: int = Field(ge=1)
    num_outlets: int = Field(ge=1)
    confidence: Confidence
    first_seen: AwareDatetime
    last_seen: AwareDatetime
    summary: str


class MentionLink(_Message):
    """One article-event link (topic ``mentions``), published once per new link."""

    schema_version: Literal[1] = 1
    event_id: str
    article_id: str
    outlet: str
    url: str
    published_at: AwareDatetime
    sentence: str
    start: int = Field(default=0, ge=0)
    end: int = Field(default=0, ge=0)
    confidence: Confidence


class Outcome(_Message):
    """What became of one accepted article (topic ``articles.outcomes``): every article
    that passed ingest gets one, so producers can account for all they sent (rejected
    articles are in the dead-letter topic instead)."""

    schema_version: Literal[1] = 1
    article_id: str
    outlet: str
    language: str | None = None
    outcome: Literal["candidates", "no_events"]
    candidates: int = Field(ge=0)


class DeadLetterHeaders(_Message):
    """The headers of a dead-letter record; its value is the original bytes, untouched."""

    schema_version: Literal[1] = 1
    original_topic: str
    original_partition: int
    original_offset: int
    stage: Literal["decode", "validate", "clean", "extract", "dedup", "publish"]
    error_class: str
    error_code: str
    error_message: str = Field(max_length=2000)
    failed_at: AwareDatetime
