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
from datetime import date, timedelta

import orjson

from pipeline.dedup.events import best_reports, build_event
from pipeline.dedup.events import event_id as event_id_of
from pipeline.dedup.match import group_records, place
from pipeline.dedup.state import BlockState, Published, Record
from pipeline.dedup.syndication import compact_signature
from pipeline.models import Cameo, Candidate, Event, MentionLink

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
    grouped, changed, fresh = _regroup(current, record, window_days=window_days)
    published = dict(current.published)
    if fresh:
        published = {k: replace(p, live=False) for k, p in published.items()}
    events: list[Event] = []
    links: list[MentionLink] = []
    cutoff = newest.date() - timedelta(days=retention_days)
    kept: list[list[Record]] = []
    for index, group in enumerate(grouped):
        last_day = max(max(r.published_at.date(), r.date) for r in group)
        if index in changed:
            event_id = _update(group, cameos, current, published, last_day, events, links)
        else:
            event_id = event_id_of(group[0])
        if last_day >= cutoff:
            kept.append(group)
        else:
            published.pop(event_id, None)
    published = {k: p for k, p in published.items() if p.last_seen >= cutoff}
    ordered = sorted(
        ((r, ordinal) for ordinal, group in enumerate(kept) for r in group),
        key=lambda pair: pair[0].order,
    )
    used = {r.cameo for r, _ in ordered}
    new_state = BlockState(
        records=[r for r, _ in ordered],
        groups=[ordinal for _, ordinal in ordered],
        published=published,
        cameos={k: v for k, v in cameos.items() if k in used},
        newest=newest,
    )
    events.sort(key=lambda e: e.event_id)
    return MergeResult(state=new_state, events=events, links=links)


def _regroup(
    current: BlockState, record: Record, *, window_days: int
) -> tuple[list[list[Record]], set[int], bool]:
    """The groups with the new record, which of them changed, and whether all were regrouped.

    When the record sorts after every stored one (the usual case: reports arrive in
    publication order), greedy grouping of the stored records is unchanged, so only
    the new record is placed. Otherwise the whole block is regrouped: both give the
    same groups as grouping the full set from scratch.
    """
    records = current.records
    consistent = len(current.groups) == len(records)
    if consistent and (not records or records[-1].order < record.order):
        groups: list[list[Record]] = [[] for _ in range(max(current.groups, default=-1) + 1)]
        for stored, ordinal in zip(records, current.groups, strict=True):
            groups[ordinal].append(stored)
        groups = [g for g in groups if g]
        index = place(record, groups, window_days=window_days)
        if index is None:
            groups.append([record])
            index = len(groups) - 1
        else:
            groups[index].append(record)
        return groups, {index}, False
    regrouped = group_records([*records, record], window_days=window_days)
    return regrouped, set(range(len(regrouped))), True


def _update(
    group: list[Record],
    cameos: dict[str, Cameo],
    current: BlockState,
    published: dict[str, Published],
    last_day: date,
    events: list[Event],
    links: list[MentionLink],
) -> str:
    """Rebuild one group's event; record a new revision and new links when it changed."""
    event = build_event(group, cameos, revision=1)
    previous = current.published.get(event.event_id)
    digest = _digest(event)
    revision = previous.revision if previous is not None else 0
    if previous is None or not previous.live or previous.digest != digest:
        revision += 1
        events.append(event.model_copy(update={"revision": revision}))
    linked = set(previous.linked) if previous is not None else set()
    reports = best_reports(group)
    for report in reports:
        if report.article_id not in linked:
            links.append(_link(event.event_id, report))
    published[event.event_id] = Published(
        revision=revision,
        digest=digest,
        linked=tuple(sorted(linked | {r.article_id for r in reports})),
        live=True,
        last_seen=last_day,
    )
    return event.event_id
