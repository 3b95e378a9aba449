"""The coder's event locations: a place's own name, not the clause that describes it."""

from __future__ import annotations

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


def _locations(coder: Coder, body: str) -> list[str | None]:
    return [c.location for c in coder.extract(make_article(body)) if c.type == "CONSULT"]


def test_location_stops_at_a_relative_clause(coder: Coder) -> None:
    """'to Hanoi, where he will meet Vietnam's leaders' places the visit in Hanoi."""
    body = (
        "The Kremlin said Putin would fly to Hanoi, where he is due to hold talks "
        "with Vietnam's leaders."
    )
    assert ["Hanoi"] == _locations(coder, body)


def test_location_keeps_a_multiword_name(coder: Coder) -> None:
    """A place of several words keeps all of them."""
    body = "Putin met Kim Jong Un at the Vostochny Cosmodrome on Monday."
    assert ["Vostochny Cosmodrome"] == _locations(coder, body)
