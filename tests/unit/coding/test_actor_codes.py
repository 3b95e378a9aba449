"""Actor codes: an organisation's seat stands for it ("Brussels" = the EU); sectors."""

from __future__ import annotations

from pipeline.coding import Coder
from pipeline.coding.gazetteer import load_gazetteer
from tests.unit.coding.conftest import make_article, tuples


def test_brussels_as_actor_is_the_eu() -> None:
    """The seat lookup gives the EU's code, as a place kind (so it can also be a venue)."""
    entry = load_gazetteer().lookup(["Brussels"])
    assert entry is not None
    assert ("EU", "capital") == (entry.code, entry.kind)


def test_brussels_sanctions_are_coded_as_the_eus(coder: Coder) -> None:
    """'Brussels imposed sanctions on Minsk' is an EU act against Belarus, not Belgium's."""
    body = "Brussels imposed new sanctions on Minsk on Tuesday over the crackdown."
    expected = {("EU", "SANCTION", "BLR")}
    assert expected == tuples(coder.extract(make_article(body)))


def test_actors_carry_their_sector(coder: Coder) -> None:
    """States act as governments (GOV), organisations as IGO."""
    body = "The European Union imposed sanctions on Russia on Monday."
    candidates = coder.extract(make_article(body))
    expected = [("EU", "IGO", "RUS", "GOV")]
    actual = [
        (
            c.source.code,
            c.source.sector,
            c.target.code if c.target else None,
            c.target.sector if c.target else None,
        )
        for c in candidates
    ]
    assert expected == actual
