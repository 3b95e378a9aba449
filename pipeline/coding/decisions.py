"""Decisions that perform an act: "announced that it had decided to recognise X".

Recognising a state, restoring ties or easing sanctions is done by deciding it; a done
decision ("had decided", "voted", "resolved") governing such an act makes it occurred,
not planned, unless a will/would of its own puts it ahead.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.coding.modality import FUTURE_AUXES, clause_chain

__all__ = ["decided"]

_DECIDING = frozenset({"decided", "voted", "resolved"})


def decided(trigger: Token) -> bool:
    """Whether a done decision governs the act ("announced that it had decided to
    recognise X", "voted to restore ties"), with no will/would of its own."""
    chain = clause_chain(trigger)
    if not any(node.lower_ in _DECIDING for node in chain[1:3]):
        return False
    auxes = {c.lower_ for node in chain for c in node.children if c.dep_ in ("aux", "auxpass")}
    return not auxes & FUTURE_AUXES
