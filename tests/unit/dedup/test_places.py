"""Tests of place agreement: one venue named at different grains, distinct venues apart."""

from __future__ import annotations

from pipeline.dedup.places import normalize_place, places_agree


def test_city_agrees_with_its_country() -> None:
    """A capital and the country it is the capital of may name one venue."""
    assert (True, True) == (places_agree("Vietnam", "Hanoi"), places_agree("Hanoi", "Vietnam"))


def test_city_disagrees_with_another_country() -> None:
    """A capital and a different country are two places."""
    assert False is places_agree("France", "Algiers")


def test_seat_of_government_agrees_with_its_capital() -> None:
    """'The White House' is in Washington; the Kremlin is in Moscow."""
    assert (True, True) == (
        places_agree("Washington", "the White House"),
        places_agree("Kremlin", "Russia"),
    )


def test_two_cities_stay_apart() -> None:
    """Two different capitals are two venues."""
    assert False is places_agree("Geneva", "Riyadh")


def test_two_countries_stay_apart_even_when_one_name_contains_the_other() -> None:
    """'South Sudan' is not 'Sudan' (word containment is for unknown places only)."""
    assert False is places_agree("South Sudan", "Sudan")


def test_unknown_place_agrees_with_a_longer_name_of_it() -> None:
    """'Vostochny' and 'the Vostochny Cosmodrome' are one venue; 'Vostochny' and Paris are not."""
    assert (True, False) == (
        places_agree("Vostochny", "the Vostochny Cosmodrome"),
        places_agree("Vostochny", "Paris"),
    )


def test_unknown_location_agrees_with_anything() -> None:
    """A report without a place never blocks a match on place."""
    assert True is places_agree(None, "Moscow")


def test_normalize_drops_case_article_and_commas() -> None:
    """Places compare by their case-folded words without a leading 'the'."""
    assert "white house" == normalize_place("The  White House,")
