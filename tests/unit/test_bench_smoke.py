"""Smoke tests of the benchmark harness: generator and in-process quick run (no timings)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import orjson
import pytest

from bench.__main__ import main, run_benchmark
from bench.report import format_table
from bench.synth import SynthConfig, generate, write_corpus

ARTICLE_FIELDS = {"id", "outlet", "url", "published_at", "language", "title", "body"}
EVENT_FIELDS = {
    "id",
    "source",
    "source_name",
    "target",
    "target_name",
    "plover",
    "mode",
    "cameo",
    "status",
    "location",
    "date",
    "articles",
}


@pytest.fixture(scope="module")
def corpus() -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    """A small synthetic corpus (a few days of news)."""
    return generate(SynthConfig(articles=300, seed=11, articles_per_day=60))


def test_generator_is_deterministic() -> None:
    """The same seed gives the same articles; another seed gives others."""
    first, _ = generate(SynthConfig(articles=40, seed=3))
    again, _ = generate(SynthConfig(articles=40, seed=3))
    other, _ = generate(SynthConfig(articles=40, seed=4))
    assert first == again
    assert first != other


def test_articles_follow_the_gold_format(
    corpus: tuple[list[dict[str, object]], list[dict[str, object]]],
) -> None:
    """Every article has exactly the FORMAT.md fields, a unique id and URL, arrival order."""
    articles, _ = corpus
    assert 300 == len(articles)
    assert [ARTICLE_FIELDS] * len(articles) == [set(a) for a in articles]
    assert len(articles) == len({a["id"] for a in articles})
    assert len(articles) == len({a["url"] for a in articles})
    times = [datetime.fromisoformat(str(a["published_at"])) for a in articles]
    assert sorted(times) == times


def test_articles_are_400_to_900_words(
    corpus: tuple[list[dict[str, object]], list[dict[str, object]]],
) -> None:
    """Title plus body of every article is between 400 and 900 words."""
    articles, _ = corpus
    sizes = [len(f"{a['title']} {a['body']}".split()) for a in articles]
    assert [] == [n for n in sizes if not 400 <= n <= 900]


def test_expected_events_form_clusters(
    corpus: tuple[list[dict[str, object]], list[dict[str, object]]],
) -> None:
    """Expected events use the gold fields, cite only emitted articles, and many have several outlets."""
    articles, events = corpus
    ids = {a["id"] for a in articles}
    outlet_of = {a["id"]: a["outlet"] for a in articles}
    assert [EVENT_FIELDS] * len(events) == [set(e) for e in events]
    cited = {i for e in events for i in e["articles"]}  # type: ignore[attr-defined]
    assert set() == cited - ids
    multi = [e for e in events if len({outlet_of[i] for i in e["articles"]}) > 1]  # type: ignore[attr-defined]
    assert len(multi) > len(events) // 3
    distractors = ids - cited
    assert 0 < len(distractors) < len(ids) // 2


def test_write_corpus_writes_jsonl(tmp_path: Path) -> None:
    """write_corpus writes articles.jsonl and events.jsonl, one JSON object a line."""
    articles_path, events_path = write_corpus(SynthConfig(articles=25), tmp_path)
    lines = articles_path.read_bytes().splitlines()
    assert 25 == len(lines)
    assert all(isinstance(orjson.loads(line), dict) for line in lines)
    assert all(
        isinstance(orjson.loads(line), dict) for line in events_path.read_bytes().splitlines()
    )


def test_quick_offline_report_has_every_section() -> None:
    """The in-process part of the quick run reports each scenario, ratios, targets, a table."""
    report = run_benchmark(articles=8, scenarios=("c", "stages", "d"))
    results = report["results"]
    assert {"c_offline", "c_stages", "d_nlp_ceiling"} == set(results)
    assert [] == [name for name, value in results.items() if "error" in value]
    assert {"articles", "seconds", "articles_per_s", "candidates", "events"} <= set(
        results["c_offline"]
    )
    assert {"ms_per_article", "dedup_state_bytes", "dedup_state_bytes_per_article"} <= set(
        results["c_stages"]
    )
    assert 8 == results["d_nlp_ceiling"]["articles"]
    assert {"b/a", "b/d", "c/d", "g two/one"} == set(report["summary"]["ratios"])
    assert {"cores", "memory_gb", "cpu_model", "python", "versions"} <= set(report["machine"])
    assert "(c) offline core" in format_table(report)


def test_main_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``python -m bench --only c`` prints the table and writes the JSON report."""
    out = tmp_path / "result.json"
    assert 0 == main(["--quick", "--articles", "5", "--only", "c", "--out", str(out)])
    report = orjson.loads(out.read_bytes())
    assert ["c"] == report["options"]["scenarios"]
    assert "Parley benchmark" in capsys.readouterr().out


def test_per_core_rate_counts_the_cores_the_machine_spent() -> None:
    """Articles per busy core-second: the rate over the machine's busy cores (workers,
    broker, harness), the better of one and two workers."""
    from bench.report import summarize

    results = {
        "b_end_to_end": {"articles_per_s": 40.0, "machine_cpu_busy": 0.5},
        "g_two_workers": {"articles_per_s": 60.0, "machine_cpu_busy": 1.0},
    }
    summary = summarize(results, cores=2)
    assert 40.0 == summary["articles_per_busy_core_s"]
    assert True is summary["targets"]["e2e >= 25 articles/s per core"]
