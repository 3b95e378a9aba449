"""Confidence: features of a reading, a logistic model fitted to labelled candidates."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from pipeline.calibration import label_corpus, measure
from pipeline.coding import Coder
from pipeline.coding.confidence import FEATURES, describe, describe_support, fit, load_model
from pipeline.errors import ConfigError
from pipeline.settings import Settings
from tests.unit.coding.conftest import make_article

_READING = {
    "prior": 0.8,
    "cameo": "112",
    "status": "occurred",
    "source_kind": "person",
    "target_kind": "state",
    "named_source": True,
    "title": False,
    "quoted": False,
    "words": 20,
    "actors": 2,
    "dated": True,
}


def test_features_name_only_known_columns() -> None:
    """A reading is described by known feature names only, one kind per actor and one
    family per code; support is 0 for one sentence and grows with more."""
    features = describe(**_READING)  # type: ignore[arg-type]
    assert set(features) <= set(FEATURES)
    assert 1.0 == features["source_person"]
    assert 1.0 == sum(v for k, v in features.items() if k.startswith("target_"))
    assert 1.0 == features["family_verbal_conflict"]
    assert 0.0 == describe_support(1)["support"]
    assert describe_support(3)["support"] > describe_support(2)["support"] > 0.0


def test_fit_learns_which_readings_are_wrong() -> None:
    """Fitted on readings where quoted ones are mostly wrong, the model scores a quoted
    reading lower than the same reading unquoted."""
    plain = describe(**_READING)  # type: ignore[arg-type]
    quoted = describe(**{**_READING, "quoted": True})  # type: ignore[arg-type]
    rows = (
        [(plain, True)] * 40 + [(plain, False)] * 5 + [(quoted, False)] * 15 + [(quoted, True)] * 5
    )
    model = fit(rows, l2=1.0)
    assert model.score(quoted) < model.score(plain)
    assert model.weights["quoted"] < 0
    assert measure(model, rows)["auc"] > 0.7


def test_fit_needs_rows() -> None:
    """Fitting on nothing is a configuration error, not a crash."""
    with pytest.raises(ConfigError):
        fit([])


def test_packaged_model_scores_in_range_and_says_what_it_was_fitted_on() -> None:
    """The packaged model names only known features, scores in [0.01, 0.99] and records
    the corpora it was fitted on."""
    model = load_model()
    assert set(model.weights) <= set(FEATURES)
    assert model.about.get("fitted_on")
    score = model.score(describe(**_READING))  # type: ignore[arg-type]
    assert 0.01 <= score <= 0.99


def test_candidate_confidence_is_the_model_score_of_its_features(coder: Coder) -> None:
    """Each candidate's confidence is the packaged model's score of the features it gives."""
    article = make_article(
        "Brazil's foreign minister accused Argentina on Monday of violating the border "
        "agreement. Argentina rejected the accusation."
    )
    explained = coder.explain(article)
    assert explained
    model = load_model()
    for candidate, features in explained:
        assert model.score(features) == candidate.confidence


def test_label_corpus_marks_right_and_wrong_candidates(tmp_path: Path) -> None:
    """A candidate whose tuple is gold is right; one whose tuple is not is wrong."""
    article = {
        "id": "t-1", "outlet": "Test", "url": "https://t.example/1",
        "published_at": "2025-03-12T10:00:00+00:00", "language": "en",
        "title": "Border dispute",
        "body": "Brazil accused Argentina on Monday of violating the border agreement.\n\n"
        "Chile praised Peru for its mediation on Tuesday.",
    }  # fmt: skip
    gold = {
        "id": "G1", "source": "BRA", "source_name": None, "target": "ARG", "target_name": None,
        "plover": "ACCUSE", "mode": None, "cameo": "112", "status": "occurred",
        "location": None, "date": "2025-03-10", "articles": ["t-1"],
    }  # fmt: skip
    (tmp_path / "articles.jsonl").write_bytes(orjson.dumps(article) + b"\n")
    (tmp_path / "events.jsonl").write_bytes(orjson.dumps(gold) + b"\n")
    rows = label_corpus(tmp_path, settings=Settings())
    assert sorted(right for _, right in rows) == [False, True]


def test_calibrate_command_writes_a_loadable_model(tmp_path: Path) -> None:
    """``parley calibrate`` fits on a corpus, prints how well it separates right from
    wrong, and writes a model that names the corpus it was fitted on."""
    from click.testing import CliRunner

    from pipeline.cli import main

    corpus = Path(__file__).resolve().parents[2] / "data" / "calib"
    out = tmp_path / "model.json"
    result = CliRunner().invoke(main, ["calibrate", str(corpus), "--out", str(out)])
    assert 0 == result.exit_code, result.output
    assert "AUC" in result.output
    written = orjson.loads(out.read_bytes())
    assert ["calib"] == written["about"]["fitted_on"]
    assert set(written["weights"]) == set(FEATURES)


def test_labels_match_gold_one_to_one_as_the_scorer_does() -> None:
    """Two output tuples that both fit one undirected gold tuple (A meets B, B meets A):
    only one is right, the exact one first; a tuple fitting no gold is wrong."""
    from pipeline.calibration import match_tuples

    golds = [("CONSULT", "CHN", "AUS", "040")]
    outs = [
        ("CONSULT", "040", "AUS", "CHN"),
        ("CONSULT", "040", "CHN", "AUS"),
        ("ACCUSE", "112", "CHN", "AUS"),
    ]
    assert {("CONSULT", "CHN", "AUS")} == match_tuples(golds, outs)
    assert {("CONSULT", "AUS", "CHN")} == match_tuples(golds, outs[:1])


def test_cross_validation_is_reproducible() -> None:
    """The cross-validated AUC is the same on every run (folds assigned in turn)."""
    from pipeline.calibration import cross_validate

    plain = describe(**_READING)  # type: ignore[arg-type]
    quoted = describe(**{**_READING, "quoted": True})  # type: ignore[arg-type]
    rows = [(plain, True), (quoted, False), (plain, True), (quoted, True), (plain, False)] * 6
    assert cross_validate(rows, l2=1.0) == cross_validate(rows, l2=1.0)
