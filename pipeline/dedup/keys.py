"""Blocking keys: which candidates are ever compared with each other.

Every report of one real event must land in one block, whatever the outlet wrote:
the key is the event type family and the *unordered* pair of actor codes. Direction,
date, status and place are decided inside the block (``pipeline.dedup.match``), so
a visit reported as "A visited B" and as "B hosted A" still meet.
"""

from __future__ import annotations

from pipeline.models import Candidate

__all__ = ["NO_TARGET", "UNDIRECTED_CAMEO", "UNDIRECTED_TYPES", "blocking_key", "type_family"]

NO_TARGET = "-"
# Types whose two actors play the same role: "A and B met" is "B and A met".
UNDIRECTED_TYPES = frozenset({"CONSULT", "COOPERATE"})
# CAMEO codes (by prefix) of reciprocal acts: signing a formal agreement.
UNDIRECTED_CAMEO = ("057",)

# PLOVER types that outlets and coders confuse for one act; each maps to its family.
_FAMILIES: dict[str, str] = {}


def type_family(event_type: str) -> str:
    """The family a PLOVER type is matched within (the type itself unless listed)."""
    upper = event_type.upper()
    return _FAMILIES.get(upper, upper)


def blocking_key(candidate: Candidate) -> str:
    """The key all candidates of one real event share: ``FAMILY|ACTOR|ACTOR`` (actors sorted)."""
    target = candidate.target.code if candidate.target is not None else NO_TARGET
    first, second = sorted((candidate.source.code, target))
    return f"{type_family(candidate.type)}|{first}|{second}"
