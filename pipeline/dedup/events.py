"""Building a canonical event from the reports grouped into it.

Every field is chosen by weight of evidence: each article votes once per value with
its highest confidence for that value, the heaviest value wins, and ties go to the
smallest value. The date is voted by the reports that know it most exactly (explicit
days before weeks, months, years and dates the text did not give).
So the event depends only on the set of reports, not on their order.

An event id is a hash of one report (its *owner*): a new group's is its *anchor*'s — its
first report in canonical order (publication time, article id, offsets, codes) — so
reprocessing the same articles in the same order, even after the state was lost,
re-creates the same id. When reports arrive out of order, a group keeps the id it
already had (``pipeline.dedup.merge``).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import TypeVar

from pipeline.dedup.match import is_undirected
from pipeline.dedup.state import Record
from pipeline.dedup.syndication import group_sources
from pipeline.models import Actor, Cameo, Event, Mention, Status

__all__ = ["MAX_MENTIONS", "best_reports", "build_event", "event_id", "mention_of", "summarize"]

MAX_MENTIONS = 50
T = TypeVar("T")

_VERBS: dict[str, str] = {
    "036": "invited {t} to meet",
    "041": "held a phone call with {t}",
    "042": "visited {t}",
    "043": "hosted {t}",
    "044": "met {t}",
    "046": "negotiated with {t}",
    "057": "signed an agreement with {t}",
}
_TYPE_VERBS: dict[str, str] = {
    "AGREE": "agreed with",
    "CONSULT": "consulted",
    "SUPPORT": "supported",
    "CONCEDE": "conceded to",
    "COOPERATE": "cooperated with",
    "AID": "gave aid to",
    "RETREAT": "retreated before",
    "REQUEST": "asked",
    "ACCUSE": "accused",
    "REJECT": "rejected",
    "THREATEN": "threatened",
    "PROTEST": "protested against",
    "SANCTION": "sanctioned",
    "MOBILIZE": "mobilized against",
    "COERCE": "coerced",
    "ASSAULT": "attacked",
}


def mention_of(report: Record) -> Mention:
    """The evidence one report gives its event."""
    return Mention(
        article_id=report.article_id,
        outlet=report.outlet,
        url=report.url,
        published_at=report.published_at,
        sentence=report.sentence,
        start=report.start,
        end=report.end,
        confidence=report.confidence,
    )


def event_id(anchor: Record) -> str:
    """The deterministic id of the event whose first report is ``anchor``."""
    raw = "|".join(str(part) for part in anchor.identity)
    return "ev-" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _vote(
    group: Sequence[Record],
    value: Callable[[Record], T | None],
    *,
    weight: Callable[[Record], float] = lambda r: r.confidence,
    order: Callable[[T], str] = str,
) -> T | None:
    """The value with the most evidence (each article counts once per value)."""
    best: dict[tuple[str, str], tuple[float, T]] = {}
    for record in group:
        choice = value(record)
        if choice is None:
            continue
        slot = (record.article_id, order(choice))
        w = max(weight(record), 1e-6)
        if slot not in best or best[slot][0] < w:
            best[slot] = (w, choice)
    totals: dict[str, float] = defaultdict(float)
    values: dict[str, T] = {}
    for (_, key), (w, choice) in sorted(best.items()):
        totals[key] += w
        values[key] = choice
    if not totals:
        return None
    winner = min(totals, key=lambda k: (-round(totals[k], 9), k))
    return values[winner]


def _orientation(group: Sequence[Record]) -> tuple[str, str | None]:
    anchor = group[0]
    undirected = all(is_undirected(anchor, r) for r in group)

    def pair(r: Record) -> tuple[str, str | None]:
        return (r.source[0], r.target[0] if r.target else None)

    if not undirected:
        return pair(anchor)
    chosen = _vote(group, pair, order=lambda p: f"{p[0]}>{p[1]}")
    return chosen if chosen is not None else pair(anchor)


_LEVELS = ("day", "week", "month", "year", "default")


def _best_dated(group: Sequence[Record]) -> list[Record]:
    """The records whose dates are known most exactly: an explicit day outweighs any
    number of reports that only give a month or no date at all."""
    for level in _LEVELS:
        chosen = [r for r in group if r.level == level]
        if chosen:
            return chosen
    return list(group)


def _actor_detail(group: Sequence[Record], code: str | None, index: int) -> str | None:
    """The most reported name (index 1) or sector (index 2) of the actor with ``code``."""
    if code is None:
        return None

    def detail(r: Record) -> str | None:
        for actor in (r.source, r.target):
            if actor is not None and actor[0] == code and actor[index]:
                return actor[index]
        return None

    return _vote(group, detail)


def best_reports(group: Sequence[Record]) -> list[Record]:
    """One record per article (its most confident), in canonical order."""
    best: dict[str, Record] = {}
    for record in group:
        kept = best.get(record.article_id)
        if kept is None or (-record.confidence, record.order) < (-kept.confidence, kept.order):
            best[record.article_id] = record
    return sorted(best.values(), key=lambda r: r.order)


def _confidence(reports: Sequence[Record]) -> tuple[float, int]:
    """Noisy-or over independent sources (syndicated copies count once), and their number."""
    groups = group_sources([(r.outlet, r.content_hash, r.signature) for r in reports])
    strongest: dict[int, float] = {}
    for record, source in zip(reports, groups, strict=True):
        strongest[source] = max(strongest.get(source, 0.0), record.confidence)
    miss = 1.0
    for source in sorted(strongest):
        miss *= 1.0 - strongest[source]
    return round(min(1.0, max(0.0, 1.0 - miss)), 4), len(strongest)


def summarize(event: Event) -> str:
    """One readable line, e.g. "RUS (Vladimir Putin) visited PRK — occurred, Pyongyang, ..."."""

    def who(code: str, name: str | None) -> str:
        return f"{code} ({name})" if name else code

    template = _VERBS.get(event.cameo.code[:3])
    if template is None:
        template = _TYPE_VERBS.get(event.type, event.type.lower()) + " {t}"
    target = who(event.target.code, event.target.name) if event.target is not None else ""
    head = who(event.source.code, event.source.name) + " " + template.format(t=target)
    head = " ".join(head.split())
    facts = ", ".join(p for p in (event.status, event.location, event.date.isoformat()) if p)
    articles = f"{event.num_articles} article{'s' if event.num_articles != 1 else ''}"
    outlets = f"{event.num_outlets} outlet{'s' if event.num_outlets != 1 else ''}"
    return f"{head} — {facts} — {articles}, {outlets}"


def build_event(
    group: Sequence[Record],
    cameos: dict[str, Cameo],
    *,
    revision: int,
    kept_id: str | None = None,
) -> Event:
    """The canonical event of one group of records (first record = anchor); its id is
    ``kept_id`` when given (the id the group kept), else the anchor's."""
    reports = best_reports(group)
    source_code, target_code = _orientation(group)
    cameo_code = _vote(group, lambda r: r.cameo) or group[0].cameo
    status: Status = _vote(group, lambda r: r.status) or group[0].status  # type: ignore[assignment]
    day = _vote(
        _best_dated(group),
        lambda r: r.date,
        weight=lambda r: r.confidence,
        order=lambda d: d.isoformat(),
    )
    confidence, outlets = _confidence(reports)
    draft = Event(
        event_id=kept_id if kept_id is not None else event_id(group[0]),
        revision=revision,
        type=group[0].type,
        mode=_vote(group, lambda r: r.mode),
        cameo=cameos[cameo_code],
        source=Actor(
            code=source_code,
            name=_actor_detail(group, source_code, 1),
            sector=_actor_detail(group, source_code, 2),
        ),
        target=None
        if target_code is None
        else Actor(
            code=target_code,
            name=_actor_detail(group, target_code, 1),
            sector=_actor_detail(group, target_code, 2),
        ),
        status=status,
        location=_vote(group, lambda r: r.location),
        date=day or group[0].date,
        mentions=[mention_of(r) for r in reports[:MAX_MENTIONS]],
        num_articles=len(reports),
        num_outlets=outlets,
        confidence=confidence,
        first_seen=min(r.published_at for r in reports),
        last_seen=max(r.published_at for r in reports),
        summary="",
    )
    return draft.model_copy(update={"summary": summarize(draft)})
