"""Readable event revisions: one line per revision, saying what changed.

``describe_change(previous, event)`` compares two revisions of one event and
names what moved (new outlets, status, location, date...); ``format_line``
renders a revision as the line ``parley tail`` prints. Pure.
"""

from __future__ import annotations

from pipeline.models import Actor, Event

__all__ = ["describe_change", "format_actor", "format_line"]


def format_actor(actor: Actor | None) -> str:
    """``RUS (Vladimir Putin)``, ``RUS``, or ``-`` when there is no actor."""
    if actor is None:
        return "-"
    return f"{actor.code} ({actor.name})" if actor.name else actor.code


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def describe_change(previous: Event | None, event: Event) -> str:
    """What changed from ``previous`` to ``event`` (two revisions of one event).

    ``previous`` is ``None`` for the first revision seen: the result is then
    ``new`` (revision 1) or ``first seen at revision N``.
    """
    if previous is None:
        return "new" if event.revision == 1 else f"first seen at revision {event.revision}"
    changes: list[str] = []
    known = {mention.article_id for mention in previous.mentions}
    added = [mention for mention in event.mentions if mention.article_id not in known]
    if added:
        outlets = sorted({mention.outlet for mention in added})
        changes.append(f"+{_plural(len(added), 'mention')} ({', '.join(outlets)})")
    if event.num_outlets != previous.num_outlets:
        changes.append(f"outlets {previous.num_outlets}→{event.num_outlets}")
    for name in ("type", "status", "location", "date", "mode"):
        before, after = getattr(previous, name), getattr(event, name)
        if before != after:
            changes.append(f"{name} {before or '-'}→{after or '-'}")
    if event.cameo.code != previous.cameo.code:
        changes.append(f"cameo {previous.cameo.code}→{event.cameo.code}")
    if event.source != previous.source:
        changes.append(f"source {format_actor(previous.source)}→{format_actor(event.source)}")
    if event.target != previous.target:
        changes.append(f"target {format_actor(previous.target)}→{format_actor(event.target)}")
    if round(event.confidence, 2) != round(previous.confidence, 2):
        changes.append(f"confidence {previous.confidence:.2f}→{event.confidence:.2f}")
    if not changes:
        return "unchanged" if event.revision == previous.revision else "no visible change"
    return ", ".join(changes)


def format_line(event: Event, change: str) -> str:
    """The readable line for one revision, e.g.

    ``2025-03-01 AGREE/036 proposed RUS (Putin) → UKR (Zelensky) @Moscow
    [3 outlets] ev-12ab r3: +1 mention (Reuters)``.
    """
    target = f" → {format_actor(event.target)}" if event.target is not None else ""
    where = f" @{event.location}" if event.location else ""
    return (
        f"{event.date.isoformat()} {event.type}/{event.cameo.code} {event.status} "
        f"{format_actor(event.source)}{target}{where} "
        f"[{_plural(event.num_outlets, 'outlet')}] {event.event_id} r{event.revision}: {change}"
    )
