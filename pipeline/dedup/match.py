"""Matching: whether two reports can be one real event, and the grouping of a block.

Two records of one block (same type family, same unordered actor pair) are
*compatible* when

* actors agree: same source and target, or either order for undirected acts
  (CONSULT, COOPERATE, signing under CAMEO 057);
* status agrees in kind: a done act (``occurred``/``denied``) is never the same event
  as an offer or plan (``proposed``/``planned``) — an invitation and the meeting
  that follows are two events, a proposal reported on three days is one. One
  exception: a measure that is not a meeting (a sale, aid, sanctions) announced as
  ``planned`` and reported as ``occurred`` *on the same day* is one act — outlets
  differ on whether "unveiled a plan for X" or "X agreed" is the news;
* places agree when both are known (:func:`pipeline.dedup.places.places_agree`: a city
  and its country, a capital and its seats of government, a place and a longer name
  of it);
* the CAMEO codes do not tell a phone call from a meeting in person;
* event dates agree (:func:`pipeline.dedup.dating.dates_agree`): explicit days equal or
  one apart; a week, month or year agrees with the days it spans; a date the text did
  not give (the story's day) is an upper bound — background told without a date
  joins the earlier event it tells of.

Grouping is greedy over the records in canonical order (publication time, then ids):
each joins the most similar group it is compatible with *every* member of
(complete linkage: no chaining across a week of daily calls), or opens a new one.
A report with an imprecise date (no explicit day) is judged, on the date,
by the group's precisely dated reports alone, when it has any (see :func:`fits`).
The result depends only on the set of records.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.dedup.dating import dates_agree
from pipeline.dedup.keys import UNDIRECTED_CAMEO, UNDIRECTED_TYPES
from pipeline.dedup.places import normalize_place, places_agree
from pipeline.dedup.state import Record

__all__ = ["compatible", "fits", "group_records", "is_undirected", "place"]

_DONE = frozenset({"occurred", "denied"})
# Acts that are meetings (or intents to meet): a plan and the meeting are two occasions.
_MEETING_TYPES = frozenset({"CONSULT"})
_MEETING_CAMEO = ("036", "04")
# CAMEO codes that name a way of meeting; two different ones are two occasions.
_CALL = frozenset({"041"})
_IN_PERSON = frozenset({"042", "043", "044"})


def is_undirected(left: Record, right: Record) -> bool:
    """True when the two reports' actors may be given in either order."""
    if left.type in UNDIRECTED_TYPES and right.type in UNDIRECTED_TYPES:
        return True
    return left.cameo.startswith(UNDIRECTED_CAMEO) and right.cameo.startswith(UNDIRECTED_CAMEO)


def _actors_agree(left: Record, right: Record) -> bool:
    lt = left.target[0] if left.target else None
    rt = right.target[0] if right.target else None
    if (left.source[0], lt) == (right.source[0], rt):
        return True
    return is_undirected(left, right) and (left.source[0], lt) == (rt, right.source[0])


def _is_meeting(record: Record) -> bool:
    return record.type in _MEETING_TYPES or record.cameo.startswith(_MEETING_CAMEO)


def _status_agree(left: Record, right: Record) -> bool:
    """Done vs not done never agree, except a non-meeting measure planned and done on one day."""
    if (left.status in _DONE) == (right.status in _DONE):
        return True
    if _is_meeting(left) or _is_meeting(right) or left.date != right.date:
        return False
    return {left.status, right.status} == {"planned", "occurred"}


def _cameo_agree(left: str, right: str) -> bool:
    a, b = left[:3], right[:3]
    return not ((a in _CALL and b in _IN_PERSON) or (a in _IN_PERSON and b in _CALL))


def compatible(left: Record, right: Record, *, window_days: int, dates: bool = True) -> bool:
    """Whether two records of one block can report the same real event (``dates=False``:
    everything but the date)."""
    if left.type != right.type or not _actors_agree(left, right):
        return False
    if not _status_agree(left, right):
        return False
    if not places_agree(left.location, right.location):
        return False
    if not _cameo_agree(left.cameo, right.cameo):
        return False
    return not dates or dates_agree(left, right, window_days)


def fits(record: Record, group: Sequence[Record], *, window_days: int) -> bool:
    """Whether a record can join a group: compatible with every member, except that the date
    of a report dated by its publication day is checked against the group's explicitly
    dated members only, when it has any (they fix the event's date)."""
    if not all(compatible(record, m, window_days=window_days, dates=False) for m in group):
        return False
    explicit = [m for m in group if m.precise]
    judges = explicit if not record.precise and explicit else group
    return all(dates_agree(record, m, window_days) for m in judges)


def _affinity(record: Record, group: Sequence[Record]) -> float:
    """How alike a record and a group are beyond compatibility (mean over members)."""
    total = 0.0
    for member in group:
        total += 2.0 * (member.date == record.date)
        total += member.status == record.status
        total += member.cameo == record.cameo
        here = normalize_place(record.location)
        total += here is not None and normalize_place(member.location) == here
        total += member.source[0] == record.source[0]
    return total / len(group)


def place(record: Record, groups: Sequence[Sequence[Record]], *, window_days: int) -> int | None:
    """The index of the group a record joins (the most alike it fits), or None for a new one."""
    best: int | None = None
    best_score = -1.0
    for index, group in enumerate(groups):
        if fits(record, group, window_days=window_days):
            affinity = _affinity(record, group)
            if affinity > best_score:
                best, best_score = index, affinity
    return best


def group_records(records: Sequence[Record], *, window_days: int) -> list[list[Record]]:
    """Partition records (any order) into events; groups come in canonical order."""
    groups: list[list[Record]] = []
    for record in sorted(records, key=lambda r: r.order):
        index = place(record, groups, window_days=window_days)
        if index is None:
            groups.append([record])
        else:
            groups[index].append(record)
    return groups
