"""Merging one candidate into a block: the pure step a dedup agent runs per message.

``merge_candidate(state, candidate)`` adds the candidate's record, regroups the
block, rebuilds its events and returns the new state with the events whose content
changed (each as its next revision) and the new article-event links. The same
report delivered twice changes nothing and returns no events and no links.

Expiry needs no clock: groups whose last report and event date are both older
than ``retention_days`` before the newest publication time seen in the block are
dropped, with their revision bookkeeping.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import timedelta

import orjson

from pipeline.dedup.events import best_reports, build_event
from pipeline.dedup.match import group_records
from pipeline.dedup.state import BlockState, Published, Record
from pipeline.dedup.syndication import compact_signature
from pipeline.models import Candidate, Event, MentionLink

__all__ = ["MergeResult", "merge_candidate"]


@dataclass(frozen=True)
class MergeResult:
    """The new block state, the event revisions to publish and the new mention links."""

    state: BlockState
    events: list[Event]
    links: list[MentionLink]


def _digest(event: Event) -> str:
    data = event.model_dump(mode="json", exclude={"revision"})
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()[:24]


def _link(event_id: str, report: Record) -> MentionLink:
    return MentionLink(
        event_id=event_id,
        article_id=report.article_id,
        outlet=report.outlet,
        url=report.url,
        published_at=report.published_at,
        sentence=report.sentence,
        start=report.start,
        end=report.end,
        confidence=report.confidence,
    )


def merge_candidate(
    state: BlockState | None,
    candidate: Candidate,
    *,
    window_days: int = 4,
    retention_days: int = 30,
) -> MergeResult:
    """Merge one candidate into its block's state (``None`` for a new block)."""
    current = state if state is not None else BlockState()
    record = Record.from_candidate(candidate, signature=compact_signature(candidate.fingerprint))
    if any(r.identity == record.identity for r in current.records):
        return MergeResult(state=current, events=[], links=[])

    cameos = dict(current.cameos)
    cameos.setdefault(candidate.cameo.code, candidate.cameo)
    newest = candidate.published_at
    if current.newest is not None and current.newest > newest:
        newest = current.newest
    records = [*current.records, record]
    groups = group_records(records, window_days=window_days)

    published = {k: replace(p, live=False) for k, p in current.published.items()}
    events: list[Event] = []
    links: list[MentionLink] = []
    cutoff = newest.date() - timedelta(days=retention_days)
    kept: list[Record] = []
    for group in groups:
        event = build_event(group, cameos, revision=1)
        previous = current.published.get(event.event_id)
        digest = _digest(event)
        revision = previous.revision if previous is not None else 0
        if previous is None or not previous.live or previous.digest != digest:
            revision += 1
            event = event.model_copy(update={"revision": revision})
            events.append(event)
        linked = set(previous.linked) if previous is not None else set()
        articles = best_reports(group)
        for report in articles:
            if report.article_id not in linked:
                links.append(_link(event.event_id, report))
        last_day = max(event.last_seen.date(), event.date)
        published[event.event_id] = Published(
            revision=revision,
            digest=digest,
            linked=tuple(sorted(linked | {r.article_id for r in articles})),
            live=True,
            last_seen=last_day,
        )
        if last_day >= cutoff:
            kept.extend(group)
        else:
            del published[event.event_id]
    published = {k: p for k, p in published.items() if p.last_seen >= cutoff}
    used = {r.cameo for r in kept}
    new_state = BlockState(
        records=sorted(kept, key=lambda r: r.order),
        published=published,
        cameos={k: v for k, v in cameos.items() if k in used},
        newest=newest,
    )
    events.sort(key=lambda e: e.event_id)
    return MergeResult(state=new_state, events=events, links=links)
