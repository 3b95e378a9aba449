"""``python -m bench``: Parley's benchmark, with its ceilings, in one run on one machine.

    python -m bench --quick                      # a seconds-long smoke (30 articles)
    python -m bench --articles 2000 --out bench/results/2026-11-27.json
    python -m bench --only c,d,stages,profile    # in-process scenarios only (no broker)

Scenarios: a passthrough, b end to end (1 worker), c offline core (+ stages, dedup
state), d spaCy ceiling, e latency at fixed rates, f RSS over ``--rss-articles``,
g two workers, profile (pyinstrument over the offline core).
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from bench.machine import describe_machine
from bench.report import format_table, summarize
from bench.synth import SynthConfig, generate
from pipeline.settings import Settings

__all__ = ["main", "run_benchmark"]

ALL = ("a", "b", "c", "stages", "d", "e", "f", "g", "profile")
QUICK = ("a", "b", "c", "stages", "d")


def _options(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny smoke run (seconds)")
    parser.add_argument("--articles", type=int, default=None, help="articles per scenario")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--only", default=None, help=f"comma-separated scenarios of {','.join(ALL)}"
    )
    parser.add_argument(
        "--rss-articles", type=int, default=100_000, help="articles of the RSS run (f)"
    )
    parser.add_argument("--latency-seconds", type=float, default=20.0, help="seconds per rate (e)")
    parser.add_argument("--rates", default="5,10,25", help="fixed rates for (e), articles/s")
    parser.add_argument("--timeout", type=float, default=1800.0, help="give up a stream run after")
    parser.add_argument("--out", type=Path, default=None, help="write the JSON report here")
    parser.add_argument("--commit", default=None, help="the code measured (default: git HEAD)")
    parser.add_argument("--profile-out", type=Path, default=None, help="pyinstrument text output")
    return parser.parse_args(argv)


def _keyed(
    lines: Sequence[bytes], articles: Sequence[dict[str, Any]]
) -> list[tuple[bytes | None, bytes]]:
    return [(a["id"].encode(), line) for a, line in zip(articles, lines, strict=True)]


def _commit() -> str:
    """The git commit of the code measured, with ``+dirty`` when the tree has edits."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("+dirty" if dirty else "")


def run_benchmark(
    *,
    articles: int,
    scenarios: Sequence[str],
    seed: int = 7,
    rss_articles: int = 100_000,
    latency_seconds: float = 20.0,
    rates: Sequence[float] = (5.0, 10.0, 25.0),
    timeout: float = 1800.0,
    profile_out: Path | None = None,
    profile_articles: int = 400,
    echo: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Run the chosen scenarios over ``articles`` synthetic articles; the JSON-ready report."""
    from bench import core, profiling, stream

    machine = describe_machine()
    needed = articles
    if "e" in scenarios:
        needed = max(needed, 10 + int(sum(rates) * latency_seconds))
    if "f" in scenarios:
        needed = max(needed, rss_articles)
    corpus, expected = generate(SynthConfig(articles=needed, seed=seed))
    latest = max(datetime.fromisoformat(a["published_at"]) for a in corpus)
    if latest > datetime.now(UTC) + timedelta(days=1):
        raise SystemExit(
            f"the synthetic articles run to {latest:%Y-%m-%d}, after today: the "
            "workers would dead-letter them as dated in the future; ask for fewer"
        )
    lines = [orjson.dumps(a) for a in corpus]
    keyed = _keyed(lines, corpus)
    main, main_keyed = lines[:articles], keyed[:articles]
    partitions = Settings().partitions
    plan: dict[str, tuple[str, Callable[[], Any]]] = {
        "c": ("c_offline", lambda: core.measure_offline(main)),
        "stages": ("c_stages", lambda: core.measure_stages(main)),
        "d": ("d_nlp_ceiling", lambda: core.measure_nlp(main)),
        "profile": (
            "profile",
            lambda: profiling.profile_offline(main[:profile_articles], profile_out),
        ),
        "a": (
            "a_passthrough",
            lambda: stream.measure_passthrough(main_keyed, partitions=partitions),
        ),
        "b": (
            "b_end_to_end",
            lambda: stream.run_end_to_end(
                main_keyed, workers=1, timeout=timeout, profile="profile" in scenarios
            ),
        ),
        "g": (
            "g_two_workers",
            lambda: stream.run_end_to_end(main_keyed, workers=2, timeout=timeout),
        ),
        "e": (
            "e_latency",
            lambda: stream.measure_latency(keyed, rates=rates, seconds=latency_seconds),
        ),
        "f": (
            "f_rss",
            lambda: stream.run_end_to_end(
                keyed[:rss_articles],
                workers=1,
                timeout=timeout,
                rss_every=5.0,
                on_sample=lambda done, mb: echo(f"  f: {done} articles done, RSS {mb} MB"),
            ),
        ),
    }
    results: dict[str, Any] = {}
    for scenario in ALL:
        if scenario not in scenarios:
            continue
        name, measure = plan[scenario]
        echo(f"running {name} ...")
        started = datetime.now(UTC)
        try:
            results[name] = measure()
        except Exception as exc:  # a failed scenario is reported, the others still run
            results[name] = {
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(limit=5),
            }
        echo(f"  {name} done in {(datetime.now(UTC) - started).total_seconds():.1f}s")
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine,
        "options": {
            "articles": articles,
            "seed": seed,
            "scenarios": list(scenarios),
            "rss_articles": rss_articles if "f" in scenarios else None,
            "latency_seconds": latency_seconds if "e" in scenarios else None,
            "rates": list(rates) if "e" in scenarios else None,
        },
        "corpus": {
            "articles": needed,
            "expected_events": len(expected),
            "diplomatic_articles": len({i for e in expected for i in e["articles"]}),
        },
        "results": results,
        "summary": summarize(results, cores=int(machine["cores"])),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Parse options, run, print the table, write the JSON."""
    options = _options(argv)
    # SIGTERM unwinds like Ctrl-C, so workers and brokers are stopped on the way out.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(143))
    if options.quick:
        articles = options.articles or 30
        scenarios: Sequence[str] = QUICK
    else:
        articles = options.articles or 1000
        scenarios = ALL
    if options.only:
        scenarios = [s.strip() for s in options.only.split(",") if s.strip()]
        unknown = set(scenarios) - set(ALL)
        if unknown:
            print(f"unknown scenarios: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
    report = run_benchmark(
        articles=articles,
        scenarios=scenarios,
        seed=options.seed,
        rss_articles=options.rss_articles if not options.quick else min(options.rss_articles, 60),
        latency_seconds=options.latency_seconds,
        rates=[float(r) for r in options.rates.split(",")],
        timeout=options.timeout,
        profile_out=options.profile_out,
        echo=lambda text: print(text, file=sys.stderr, flush=True),
    )
    report["options"]["commit"] = options.commit or _commit()
    print(format_table(report))
    if options.out is not None:
        options.out.parent.mkdir(parents=True, exist_ok=True)
        options.out.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2) + b"\n")
        print(f"wrote {options.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
