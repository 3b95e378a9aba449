"""Hand-built candidates for the dedup tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pipeline.models import Actor, Cameo, Candidate, DatePrecision, Status
from pipeline.text.fingerprint import content_hash, minhash

__all__ = ["DAY0", "candidate"]

DAY0 = datetime(2025, 9, 3, 9, 0, tzinfo=UTC)
_LABELS = {"036": "Express intent to meet", "041": "Discuss by telephone", "042": "Make a visit"}


def candidate(
    article: str,
    *,
    source: str = "RUS",
    target: str | None = "UKR",
    type: str = "AGREE",
    cameo: str = "036",
    status: Status = "proposed",
    location: str | None = "Moscow",
    day: date | None = None,
    published_days: float = 0.0,
    outlet: str | None = None,
    text: str | None = None,
    confidence: float = 0.7,
    start: int = 0,
    source_name: str | None = None,
    precision: DatePrecision | None = None,
) -> Candidate:
    """A candidate from article ``article`` (outlet defaults to one per article)."""
    published = DAY0 + timedelta(days=published_days)
    body = text if text is not None else f"unique report {article} " * 3
    return Candidate(
        article_id=article,
        outlet=outlet or f"Outlet {article}",
        url=f"https://news.example/{article}",
        published_at=published,
        type=type,
        cameo=Cameo(
            code=cameo,
            label=_LABELS.get(cameo, "label"),
            root=cameo[:2],
            quad_class=1,
            goldstein=4.0,
        ),
        source=Actor(code=source, name=source_name),
        target=Actor(code=target) if target else None,
        status=status,
        location=location,
        date=day or DAY0.date(),
        date_precision=precision,
        sentence=f"sentence of {article}",
        start=start,
        end=start + 20,
        confidence=confidence,
        content_hash=content_hash(body),
        fingerprint=minhash(body),
    )
