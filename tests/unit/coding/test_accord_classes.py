"""Signings, threats, mediation and sanctions: general constructions on hand-written sentences.

Each test says which construction must be coded and how; the sentences are the tests' own.
"""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article, tuples


def _code(coder: Coder, body: str) -> set[tuple[str, str, str | None]]:
    return tuples(coder.extract(make_article(body)))


def test_signing_accords_to_normalise_ties_with_two_states(coder: Coder) -> None:
    """'A signed accords to normalise relations with B and C at <venue>' is a signing with B
    and with C; the host of the ceremony signs nothing."""
    found = _code(
        coder,
        "Japan signed agreements to normalise relations with Peru and Chile at the Kremlin "
        "on Tuesday.",
    )
    expected = {("JPN", "SUPPORT", "PER"), ("JPN", "SUPPORT", "CHL")}
    assert expected == {t for t in found if t[1] == "SUPPORT"}
    assert set() == {t for t in found if "RUS" in t}
