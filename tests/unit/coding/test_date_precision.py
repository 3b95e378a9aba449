"""The coder says how exactly it knows each act's date (``Candidate.date_precision``)."""

from __future__ import annotations

import pytest

from pipeline.coding import Coder
from tests.unit.coding.conftest import make_article


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Norway's foreign minister visited Kenya on Monday.", "day"),
        ("Norway's foreign minister visited Kenya on March 3.", "day"),
        ("Norway's foreign minister visited Kenya two weeks ago.", "week"),
        ("Norway's foreign minister visited Kenya in February.", "month"),
        ("Norway's foreign minister visited Kenya in 2019.", "year"),
        ("Norway's foreign minister visited Kenya.", "default"),
    ],
)
def test_date_precision_follows_the_date_expression(coder: Coder, body: str, expected: str) -> None:
    """A day, a week, a month, a year, or no date in the text (the story's day)."""
    found = [c.date_precision for c in coder.extract(make_article(body)) if c.type == "CONSULT"]
    assert [expected] == found
