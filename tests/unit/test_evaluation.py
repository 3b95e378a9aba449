"""Tests of the gold-corpus scorer (``pipeline.evaluation``)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from pipeline.evaluation import load_gold, score
from pipeline.models import Actor, Cameo, Event, Mention

WHEN = datetime(2025, 9, 3, 12, 0, tzinfo=UTC)


def gold(
    gid: str,
    source: str,
    plover: str,
    target: str | None,
    articles: list[str],
    *,
    cameo: str = "042",
    status: str = "occurred",
    day: str = "2025-09-03",
) -> dict[str, Any]:
    """A hand-built gold event."""
    return {
        "id": gid,
        "source": source,
        "target": target,
        "plover": plover,
        "cameo": cameo,
        "status": status,
        "date": day,
        "articles": articles,
        "location": None,
    }


def output(
    eid: str,
    source: str,
    plover: str,
    target: str | None,
    articles: list[str],
    *,
    cameo: str = "042",
    status: str = "occurred",
    day: str = "2025-09-03",
    revision: int = 1,
) -> Event:
    """A hand-built output event with one mention per article."""
    mentions = [
        Mention(
            article_id=a,
            outlet="o-" + a,
            url="https://x/" + a,
            published_at=WHEN,
            sentence="s",
            confidence=0.5,
        )
        for a in articles
    ]
    return Event(
        event_id=eid,
        revision=revision,
        type=plover,
        cameo=Cameo(code=cameo, label="l", root=cameo[:2], quad_class=1, goldstein=1.0),
        source=Actor(code=source),
        target=Actor(code=target) if target else None,
        status=status,  # type: ignore[arg-type]
        date=date.fromisoformat(day),
        mentions=mentions,
        num_articles=len(articles),
        num_outlets=len(articles),
        confidence=0.5,
        first_seen=WHEN,
        last_seen=WHEN,
        summary="s",
    )


def test_perfect_output_scores_one() -> None:
    """Output identical to gold gets precision, recall and accuracies of 1 and no fragments."""
    golds = [
        gold("E1", "RUS", "CONSULT", "USA", ["a1", "a2"]),
        gold("E2", "IRN", "ACCUSE", "USA", ["a1"]),
    ]
    outs = [
        output("x", "RUS", "CONSULT", "USA", ["a1", "a2"]),
        output("y", "IRN", "ACCUSE", "USA", ["a1"]),
    ]
    report = score(golds, outs)
    assert (1.0, 1.0, 1.0, 1.0) == (
        report.event_precision,
        report.event_recall,
        report.tuple_f1,
        report.pair_recall,
    )
    assert (1.0, 1.0, 0, 0) == (
        report.status_accuracy,
        report.date_accuracy,
        report.fragments,
        report.date_merges,
    )


def test_reverse_direction_allowed_only_for_undirected_types() -> None:
    """A reversed CONSULT matches; a reversed ACCUSE does not."""
    golds = [
        gold("E1", "RUS", "CONSULT", "USA", ["a1"]),
        gold("E2", "IRN", "ACCUSE", "USA", ["a1"]),
    ]
    outs = [
        output("x", "USA", "CONSULT", "RUS", ["a1"]),
        output("y", "USA", "ACCUSE", "IRN", ["a1"]),
    ]
    report = score(golds, outs)
    assert 1 == report.matched_events
    assert ["E2"] == report.unmatched_gold
    assert 0.5 == report.tuple_recall


def test_signing_057_either_direction_and_consult_for_agree_036() -> None:
    """CAMEO 057 matches reversed; CONSULT output is accepted for AGREE/036 gold."""
    golds = [
        gold("E1", "USA", "SUPPORT", "UKR", ["a1"], cameo="057"),
        gold("E2", "RUS", "AGREE", "UKR", ["a1"], cameo="036", status="proposed"),
    ]
    outs = [
        output("x", "UKR", "SUPPORT", "USA", ["a1"], cameo="057"),
        output("y", "RUS", "CONSULT", "UKR", ["a1"], status="proposed"),
    ]
    report = score(golds, outs)
    assert 2 == report.matched_events
    assert 1.0 == report.tuple_recall


def test_fragment_counts_against_precision_and_pair_recall() -> None:
    """Two output events for one gold event: one match, one fragment, a missed pair."""
    golds = [gold("E1", "RUS", "CONSULT", "USA", ["a1", "a2", "a3"])]
    outs = [
        output("x", "RUS", "CONSULT", "USA", ["a1", "a2"]),
        output("y", "RUS", "CONSULT", "USA", ["a3"]),
    ]
    report = score(golds, outs)
    assert (1, 1, 2) == (report.matched_events, report.fragments, report.max_events_per_gold)
    assert 0.5 == report.event_precision
    assert 1.0 == report.pair_precision
    assert pytest.approx(1 / 3) == report.pair_recall


def test_merge_of_two_dates_is_counted_and_hurts_pair_precision() -> None:
    """One output event holding two same-pair calls on different dates is a date merge."""
    golds = [
        gold("E1", "USA", "CONSULT", "CHN", ["a1", "a2"], day="2025-06-05"),
        gold("E2", "USA", "CONSULT", "CHN", ["a3", "a4"], day="2025-01-17"),
    ]
    outs = [output("x", "USA", "CONSULT", "CHN", ["a1", "a2", "a3", "a4"], day="2025-06-05")]
    report = score(golds, outs)
    assert 1 == report.date_merges
    assert pytest.approx(1 / 6) == report.pair_precision
    assert 1 == report.matched_events


def test_status_and_date_accuracy_over_matched_events() -> None:
    """Wrong status or date on a matched event lowers the accuracy, not the match."""
    golds = [
        gold("E1", "RUS", "AGREE", "UKR", ["a1"], cameo="036", status="proposed"),
        gold("E2", "UKR", "REJECT", "RUS", ["a1"], cameo="125"),
    ]
    outs = [
        output("x", "RUS", "AGREE", "UKR", ["a1"], cameo="036", status="occurred"),
        output("y", "UKR", "REJECT", "RUS", ["a1"], cameo="125", day="2025-09-04"),
    ]
    report = score(golds, outs)
    assert (2, 0.5, 0.5) == (report.matched_events, report.status_accuracy, report.date_accuracy)


def test_only_latest_revision_is_scored() -> None:
    """Earlier revisions of one event id are ignored."""
    golds = [gold("E1", "RUS", "CONSULT", "USA", ["a1", "a2"])]
    outs = [
        output("x", "RUS", "CONSULT", "USA", ["a1"], revision=1),
        output("x", "RUS", "CONSULT", "USA", ["a1", "a2"], revision=2),
    ]
    report = score(golds, outs)
    assert (1, 1.0, 0) == (report.output_events, report.pair_recall, report.fragments)


def test_report_renders_and_serialises() -> None:
    """to_dict holds the figures and format() names each type."""
    report = score([gold("E1", "RUS", "CONSULT", "USA", ["a1"])], [])
    assert 0.0 == report.to_dict()["event_recall"]
    assert "CONSULT" in report.format()


def test_load_gold_reads_dev_corpus(gold_dir: Path) -> None:
    """The dev corpus loads: every gold article id exists among the articles."""
    articles, events = load_gold(gold_dir)
    ids = {a["id"] for a in articles}
    assert set() == {a for e in events for a in e["articles"]} - ids


def test_calibration_counts_right_events_per_confidence_band() -> None:
    """Each output event falls in one confidence band; "right" is the share matching gold."""
    golds = [gold("G1", "RUS", "CONSULT", "UKR", ["a1"])]
    right = output("e1", "RUS", "CONSULT", "UKR", ["a1"]).model_copy(update={"confidence": 0.8})
    wrong = output("e2", "FRA", "ACCUSE", "DZA", ["a2"]).model_copy(update={"confidence": 0.55})
    report = score(golds, [right, wrong])
    assert (1, 1.0) == report.calibration["0.7-1.0"]
    assert (1, 0.0) == report.calibration["0.5-0.6"]
    assert (0, 0.0) == report.calibration["0.0-0.5"]
