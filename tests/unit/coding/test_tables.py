"""CAMEO table, PLOVER map, date spans, sentence splitting and the trigger lexicon."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.coding.cameo import CAMEO, UnknownCameoCode, build_cameo, plover_type
from pipeline.coding.dates import find_dates
from pipeline.coding.sentences import split_sentences
from pipeline.coding.triggers import load_lexicon, word_forms


def test_cameo_model_fields() -> None:
    """A CAMEO code carries its root, QuadClass and Goldstein value."""
    cameo = build_cameo("036")
    assert ("03", 1, 4.0) == (cameo.root, cameo.quad_class, cameo.goldstein)
    assert (4, -8.0) == (build_cameo("163").quad_class, build_cameo("163").goldstein)


def test_every_code_builds_and_unknown_raises() -> None:
    """Every table code builds a valid model; an unknown one raises a ParleyError."""
    assert len(CAMEO) == len([build_cameo(code) for code in CAMEO])
    with pytest.raises(UnknownCameoCode):
        build_cameo("999")


@pytest.mark.parametrize(
    ("code", "plover"),
    [
        ("036", "AGREE"),
        ("057", "SUPPORT"),
        ("125", "REJECT"),
        ("0871", "RETREAT"),
        ("161", "SANCTION"),
        ("010", None),
    ],
)
def test_plover_map(code: str, plover: str | None) -> None:
    """CAMEO codes map to their PLOVER types; public statements map to none."""
    assert plover == plover_type(code)


def test_lexicon_codes_exist() -> None:
    """Every trigger of the lexicon names a CAMEO code of the table."""
    lexicon = load_lexicon()
    codes = {t.cameo for triggers in lexicon.by_form.values() for t in triggers}
    assert set() == codes - set(CAMEO)


def test_word_forms() -> None:
    """Regular inflections are generated for verbs and nouns."""
    assert {"accuse", "accuses", "accused", "accusing"} == word_forms("accuse", "VERB")
    assert {"sanction", "sanctions"} == word_forms("sanction", "NOUN")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("talks on Wednesday", date(2025, 3, 12)),
        ("a visit last month", date(2025, 2, 12)),
        ("a call on Feb. 3", date(2025, 2, 3)),
        ("a day earlier", date(2025, 3, 11)),
        ("in July last year", date(2024, 7, 1)),
        ("since 4 March 2023", date(2023, 3, 4)),
    ],
)
def test_date_spans(text: str, expected: date) -> None:
    """Date expressions resolve against the base date (Wednesday 12 March 2025)."""
    assert [expected] == [span.day for span in find_dates(text, date(2025, 3, 12))]


def test_no_date_from_modal_may() -> None:
    """'may' as a modal verb is not a month."""
    assert [] == find_dates("Officials said they may meet again.", date(2025, 3, 12))


def test_sentences_keep_offsets_and_drop_trailers() -> None:
    """Sentences index the text; a dateline is skipped; trailers and link lines are dropped."""
    text = (
        "Headline here\n\nLIMA (Wire) — Peru spoke. Chile, too.\n\n"
        "Related: another story about Peru.\n\nMore related stories:\n\nBolivia accused Peru."
    )
    sentences = split_sentences(text)
    assert ["Headline here", "Peru spoke.", "Chile, too."] == [s.text for s in sentences]
    assert all(text[s.start : s.end] == s.text for s in sentences)
