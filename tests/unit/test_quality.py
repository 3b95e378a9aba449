"""Quality on gold corpora, as `parley eval` measures it: the issue targets hold.

The dev corpus (``../shared/eval/dev``, CI only) must meet the extraction and
deduplication targets; the project's own held-out corpus (``tests/data/heldout``,
written for the project; its error classes, not its sentences, drove general rules,
so it is no longer blind) guards against regressions with floors below its scores.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.evaluation import EvalReport, load_gold, score
from pipeline.models import Event
from pipeline.offline import read_lines, run_offline
from pipeline.settings import Settings

HELDOUT = Path(__file__).resolve().parents[1] / "data" / "heldout"
#: Measured on the held-out corpus, minus a margin: a drop below is a regression.
HELDOUT_FLOORS = {"event_f1": 0.80, "tuple_f1": 0.70, "pair_precision": 0.90}
#: The blind corpus (``tests/data/unseen``): written by someone who never saw the code and
#: never used for tuning; only measured. Floors below its measured scores.
UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"
UNSEEN_FLOORS = {"event_f1": 0.60, "tuple_f1": 0.45, "pair_precision": 0.90}
#: Corpora written blind, then used to find error classes (general rules only): floors
#: below their scores after those passes (calib 0.778 / 0.732, wide 0.839 / 0.794).
TUNED_FLOORS = {
    "calib": {"event_f1": 0.72, "tuple_f1": 0.68, "pair_precision": 0.90},
    "wide": {"event_f1": 0.79, "tuple_f1": 0.74, "pair_precision": 0.90},
}
#: A second blind corpus (``tests/data/unseen2``), measure only: event F1 0.588, tuple F1
#: 0.611 after the passes above (0.558 / 0.564 with the code from before them).
UNSEEN2_FLOORS = {"event_f1": 0.53, "tuple_f1": 0.54, "pair_precision": 0.90}


@cache
def _evaluate(corpus: Path) -> tuple[EvalReport, list[Event], list[dict[str, object]]]:
    _, gold = load_gold(corpus)
    events = run_offline(read_lines(corpus / "articles.jsonl"), settings=Settings())
    return score(gold, events), events, gold


def _distractor_events(corpus: Path) -> list[str]:
    """Output events that cite an article with no gold event at all."""
    _, events, gold = _evaluate(corpus)
    articles, _ = load_gold(corpus)
    with_events = {a for g in gold for a in g["articles"]}  # type: ignore[attr-defined]
    distractors = {str(a["id"]) for a in articles} - with_events
    return sorted(
        e.event_id for e in events if any(m.article_id in distractors for m in e.mentions)
    )


def test_dev_corpus_meets_the_extraction_targets(gold_dir: Path) -> None:
    """Issue 3: tuple F1 >= 0.80, event P and R >= 0.80, status and date accuracy >= 0.85."""
    report, _, _ = _evaluate(gold_dir)
    expected = {"tuple_f1": True, "event_p": True, "event_r": True, "status": True, "date": True}
    actual = {
        "tuple_f1": report.tuple_f1 >= 0.80,
        "event_p": report.event_precision >= 0.80,
        "event_r": report.event_recall >= 0.80,
        "status": report.status_accuracy >= 0.85,
        "date": report.date_accuracy >= 0.85,
    }
    assert expected == actual, report.format()


def test_dev_distractors_yield_no_event(gold_dir: Path) -> None:
    """Issue 3: no event from the articles that report none (sport, markets, crime...)."""
    assert [] == _distractor_events(gold_dir)


def test_dev_corpus_meets_the_dedup_targets(gold_dir: Path) -> None:
    """Issue 4: pair precision >= 0.95, pair recall >= 0.90, at most 2 fragments, and no
    merge of same-type-same-pair events on different dates."""
    report, _, _ = _evaluate(gold_dir)
    expected = (True, True, True, 0)
    actual = (
        report.pair_precision >= 0.95,
        report.pair_recall >= 0.90,
        report.fragments <= 2,
        report.date_merges,
    )
    assert expected == actual, report.format()


def test_heldout_corpus_does_not_regress() -> None:
    """The held-out corpus keeps at least the floors below (measured minus a margin)."""
    report, _, _ = _evaluate(HELDOUT)
    expected = {"event_f1": True, "tuple_f1": True, "pair_precision": True}
    actual = {
        "event_f1": report.event_f1 >= HELDOUT_FLOORS["event_f1"],
        "tuple_f1": report.tuple_f1 >= HELDOUT_FLOORS["tuple_f1"],
        "pair_precision": report.pair_precision >= HELDOUT_FLOORS["pair_precision"],
    }
    assert expected == actual, report.format()


def test_heldout_distractors_yield_no_event() -> None:
    """No event from the held-out distractors either."""
    assert [] == _distractor_events(HELDOUT)


@pytest.mark.parametrize("name", sorted(TUNED_FLOORS))
def test_tuned_corpora_do_not_regress(name: str) -> None:
    """calib and wide keep their floors, and their distractors yield no event."""
    corpus = HELDOUT.parent / name
    floors = TUNED_FLOORS[name]
    report, _, _ = _evaluate(corpus)
    expected = {"event_f1": True, "tuple_f1": True, "pair_precision": True, "distractors": []}
    actual = {
        "event_f1": report.event_f1 >= floors["event_f1"],
        "tuple_f1": report.tuple_f1 >= floors["tuple_f1"],
        "pair_precision": report.pair_precision >= floors["pair_precision"],
        "distractors": _distractor_events(corpus),
    }
    assert expected == actual, report.format()


@pytest.mark.parametrize(
    ("corpus", "floors"),
    [(UNSEEN, UNSEEN_FLOORS), (UNSEEN.parent / "unseen2", UNSEEN2_FLOORS)],
    ids=["unseen", "unseen2"],
)
def test_blind_corpora_do_not_regress(corpus: Path, floors: dict[str, float]) -> None:
    """Each blind corpus keeps at least its floors, and its distractors yield no event."""
    report, _, _ = _evaluate(corpus)
    expected = {"event_f1": True, "tuple_f1": True, "pair_precision": True, "distractors": []}
    actual = {
        "event_f1": report.event_f1 >= floors["event_f1"],
        "tuple_f1": report.tuple_f1 >= floors["tuple_f1"],
        "pair_precision": report.pair_precision >= floors["pair_precision"],
        "distractors": _distractor_events(corpus),
    }
    assert expected == actual, report.format()
