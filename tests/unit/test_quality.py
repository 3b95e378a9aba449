"""Quality on gold corpora, as `parley eval` measures it: the issue targets hold.

The dev corpus (``../shared/eval/dev``, CI only) must meet the extraction and
deduplication targets; the project's own corpora (``tests/data``) guard against
regressions with floors below their scores, and none yields an event from its
distractor articles.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline.evaluation import EvalReport, load_gold, score
from pipeline.models import Event
from pipeline.offline import read_lines, run_offline
from pipeline.settings import Settings

DATA = Path(__file__).resolve().parents[1] / "data"
#: Floors per project corpus: its measured scores minus a margin; a drop below is a
#: regression. ``heldout`` was written for the project, ``calib``, ``wide`` and
#: ``unseen2`` blind; the error classes of all four (never their sentences) then drove
#: general rules (scores now: heldout 0.904 / 0.818, calib 0.819 / 0.782, wide 0.859 /
#: 0.800, unseen2 0.867 / 0.843 event / tuple F1; unseen2 scored 0.588 / 0.611 blind).
#: ``unseen`` and ``unseen3`` were written by people who never saw the code and are only
#: measured (0.701 / 0.544 and 0.570 / 0.581; unseen3 scored 0.561 / 0.571 with the code
#: from before the unseen2 passes).
FLOORS = {
    "heldout": {"event_f1": 0.82, "tuple_f1": 0.72, "pair_precision": 0.90},
    "calib": {"event_f1": 0.76, "tuple_f1": 0.72, "pair_precision": 0.90},
    "wide": {"event_f1": 0.80, "tuple_f1": 0.75, "pair_precision": 0.90},
    "unseen2": {"event_f1": 0.80, "tuple_f1": 0.78, "pair_precision": 0.90},
    "unseen": {"event_f1": 0.62, "tuple_f1": 0.48, "pair_precision": 0.90},
    "unseen3": {"event_f1": 0.50, "tuple_f1": 0.50, "pair_precision": 0.88},
}


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


@pytest.mark.parametrize("name", list(FLOORS))
def test_project_corpora_do_not_regress(name: str) -> None:
    """Each project corpus keeps at least its floors, and its distractors yield no event."""
    corpus, floors = DATA / name, FLOORS[name]
    report, _, _ = _evaluate(corpus)
    expected = {"event_f1": True, "tuple_f1": True, "pair_precision": True, "distractors": []}
    actual = {
        "event_f1": report.event_f1 >= floors["event_f1"],
        "tuple_f1": report.tuple_f1 >= floors["tuple_f1"],
        "pair_precision": report.pair_precision >= floors["pair_precision"],
        "distractors": _distractor_events(corpus),
    }
    assert expected == actual, report.format()
