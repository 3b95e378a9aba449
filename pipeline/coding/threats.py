"""Threats: measures held out as possibilities rather than taken, and their CAMEO codes.

"said Ankara could suspend relations" or "would recall its envoy if ..." tell of a
threat (CAMEO 13), not of the measure itself; a measure governed by "warn", "risk" or
"face" is a threat of sanctions (1312).
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.habits import shared_auxes
from pipeline.coding.modality import (
    FUTURE_AUXES,
    SPECULATIVE_AUXES,
    clause_chain,
    has_condition,
)
from pipeline.coding.triggers import inflections

__all__ = ["threat_code", "threatened", "under_threat"]

_THREATS = {"160": "1313", "161": "1313", "162": "1311", "163": "1312", "164": "134", "166": "1313"}

_THREAT_HEADS = inflections(
    "face",
    "risk",
    "threaten",
    "warn",
    "threat",
)


def threatened(trigger: Token, governor: Token | None = None) -> bool:
    """Whether a measure is held out as a possibility in reported speech ("said Ankara could
    suspend relations", "would recall its envoy if ..."): a threat, not an act."""
    chain = clause_chain(trigger)
    if governor is not None and governor not in chain:
        chain += clause_chain(governor)
    if any(c.dep_ == "neg" for node in chain for c in node.children):
        return False
    auxes = {c.lower_ for node in chain for c in node.children if c.dep_ == "aux"}
    auxes |= shared_auxes(trigger)
    conditional = any(has_condition(node) for node in chain)
    if not (auxes & SPECULATIVE_AUXES or (conditional and auxes & FUTURE_AUXES)):
        return False
    node = chain[-1]
    while node.dep_ in ("conj", "xcomp") and node.head != node:
        node = node.head
    return node.dep_ == "ccomp"


def threat_code(cameo: str) -> str:
    """The CAMEO threat of a measure held out ("could suspend relations": 1313)."""
    return _THREATS.get(cameo[:3], "130")


def under_threat(token: Token) -> bool:
    """Whether a measure is governed by a word of threat ("warned of sanctions")."""
    return any(a.lower_ in _THREAT_HEADS for a in list(token.ancestors)[:3])
