"""Merging one candidate into a block: the pure step a dedup agent runs per message.

``merge_candidate(state, candidate)`` adds the candidate's record, regroups the
block, rebuilds its events and returns the new state with the events whose content
changed (each as its next revision), the new article-event links and the event ids
that stopped existing. The same report delivered twice changes nothing and returns
no events, no links and no retired ids. A block holds one record per report identity
(article, span, act, actors): a second reading of it with other content (the coder
gave one act two dates) replaces the first only when preferred
(:meth:`pipeline.dedup.state.Record.preferred_to`), so the result never depends on
which came first.

Ids are sticky. An event id is the hash of one of its reports (its *owner*,
:func:`pipeline.dedup.events.event_id`): a group minted from scratch is named after
its anchor, its first report in canonical order. When a report arriving out of order
regroups the block, each group keeps the live id owned by its earliest report that
owns one, so an id once published stays the id of the group that absorbs it; a
group that owns none mints its anchor's. A live id no group keeps any more (its
group was absorbed into another) is *retired*: the caller publishes a tombstone for
it, with the id of the group that absorbed it (``merged_into``).

Expiry needs no clock: groups whose last report and event date are both older
than ``retention_days`` before the newest publication time seen in the block are
dropped, with their revision bookkeeping; their last revision stays as published.
A report that old is *late* and is ignored, so re-delivering an article whose
event already expired creates nothing either.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import orjson

from pipeline.dedup.events import best_reports, build_event, mention_of
from pipeline.dedup.events import event_id as event_id_of
from pipeline.dedup.match import group_records, place
from pipeline.dedup.state import BlockState, Published, Record
from pipeline.dedup.syndication import compact_signature
from pipeline.models import Cameo, Candidate, Event, MentionLink

__all__ = ["MergeResult", "merge_candidate"]


@dataclass(frozen=True)
class MergeResult:
    """The new block state, the event revisions to publish, the new mention links, and
    the event ids that no longer exist (``retired``; ``merged_into`` gives, for each, the
    id of the event that absorbed it, and ``unlinked`` the retired article-event links).
    ``late`` says the report was ignored as older than the block's retention horizon."""

    state: BlockState
    events: list[Event]
    links: list[MentionLink]
    retired: list[str] = field(default_factory=list)
    merged_into: dict[str, str] = field(default_factory=dict)
    unlinked: list[tuple[str, str]] = field(default_factory=list)
    late: bool = False


def _digest(event: Event) -> str:
    data = event.model_dump(mode="json", exclude={"revision"})
    return hashlib.sha256(orjson.dumps(data, option=orjson.OPT_SORT_KEYS)).hexdigest()[:24]


def _link(event_id: str, report: Record) -> MentionLink:
    return MentionLink(event_id=event_id, **dict(mention_of(report)))


def _last_day(records: list[Record]) -> date:
    return max(max(r.published_at.date(), r.date) for r in records)


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
    unchanged = MergeResult(state=current, events=[], links=[])
    stored = next((r for r in current.records if r.identity == record.identity), None)
    if stored is not None and (stored == record or not record.preferred_to(stored)):
        return unchanged  # a re-delivery, or a worse reading of a report already held
    # Late: older than the retention before the block's newest report. Its event may
    # have expired already (a re-delivery must not re-create it).
    horizon = current.newest.date() - timedelta(days=retention_days) if current.newest else None
    if horizon is not None and _last_day([record]) < horizon:
        return replace(unchanged, late=True)

    cameos = dict(current.cameos)
    cameos.setdefault(candidate.cameo.code, candidate.cameo)
    newest = candidate.published_at
    if current.newest is not None and current.newest > newest:
        newest = current.newest
    grouped, changed = _regroup(current, record, stored, window_days=window_days)
    live = {k for k, p in current.published.items() if p.live}
    ids = [_owner_id(group, live) for group in grouped]
    published = dict(current.published)
    events: list[Event] = []
    links: list[MentionLink] = []
    cutoff = newest.date() - timedelta(days=retention_days)
    kept: list[list[Record]] = []
    for index, (group, event_id) in enumerate(zip(grouped, ids, strict=True)):
        last_day = _last_day(group)
        if last_day < cutoff:
            published.pop(event_id, None)
            continue
        kept.append(group)
        if index in changed:
            _update(group, event_id, cameos, current, published, last_day, events, links)
    retired, merged_into, unlinked = _retire(grouped, ids, live, published, cutoff)
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
    return MergeResult(
        state=new_state,
        events=events,
        links=links,
        retired=retired,
        merged_into=merged_into,
        unlinked=unlinked,
    )


def _owner_id(group: list[Record], live: set[str]) -> str:
    """The group's id: the live id owned by its earliest report owning one, else its
    anchor's (a live id is owned by exactly one stored report, so no two groups share one)."""
    for record in group:
        candidate_id = event_id_of(record)
        if candidate_id in live:
            return candidate_id
    return event_id_of(group[0])


def _retire(
    grouped: list[list[Record]],
    ids: list[str],
    live: set[str],
    published: dict[str, Published],
    cutoff: date,
) -> tuple[list[str], dict[str, str], list[tuple[str, str]]]:
    """Mark the live ids no kept group has any more as retired; where each went."""
    lost = live - set(ids)
    if not lost:
        return [], {}, []
    retired: list[str] = []
    merged_into: dict[str, str] = {}
    unlinked: list[tuple[str, str]] = []
    for group, group_id in zip(grouped, ids, strict=True):
        if _last_day(group) < cutoff:
            continue
        for record in group:
            owned = event_id_of(record)
            if owned in lost and owned not in merged_into:
                merged_into[owned] = group_id
    for event_id in sorted(merged_into):
        previous = published[event_id]
        retired.append(event_id)
        unlinked.extend((event_id, article) for article in previous.linked)
        published[event_id] = replace(previous, live=False, linked=())
    return retired, merged_into, unlinked


def _regroup(
    current: BlockState, record: Record, replaced: Record | None, *, window_days: int
) -> tuple[list[list[Record]], set[int]]:
    """The groups with the new record (in place of ``replaced``) and which of them changed.

    When the record sorts after every stored one (the usual case: reports arrive in
    publication order), greedy grouping of the stored records is unchanged, so only
    the new record is placed. Otherwise the whole block is regrouped: both give the
    same groups as grouping the full set from scratch.
    """
    records = current.records
    if replaced is not None:
        kept = [r for r in records if r is not replaced]
        regrouped = group_records([*kept, record], window_days=window_days)
        return regrouped, set(range(len(regrouped)))
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
        return groups, {index}
    regrouped = group_records([*records, record], window_days=window_days)
    return regrouped, set(range(len(regrouped)))


def _update(
    group: list[Record],
    event_id: str,
    cameos: dict[str, Cameo],
    current: BlockState,
    published: dict[str, Published],
    last_day: date,
    events: list[Event],
    links: list[MentionLink],
) -> None:
    """Rebuild one group's event; record a new revision and new links when it changed."""
    event = build_event(group, cameos, revision=1, kept_id=event_id)
    previous = current.published.get(event_id)
    digest = _digest(event)
    revision = previous.revision if previous is not None else 0
    if previous is None or not previous.live or previous.digest != digest:
        revision += 1
        events.append(event.model_copy(update={"revision": revision}))
    linked = set(previous.linked) if previous is not None and previous.live else set()
    reports = best_reports(group)
    for report in reports:
        if report.article_id not in linked:
            links.append(_link(event_id, report))
    published[event_id] = Published(
        revision=revision,
        digest=digest,
        linked=tuple(sorted(linked | {r.article_id for r in reports})),
        live=True,
        last_seen=last_day,
    )
