"""The benchmark's summary: ratios, targets, and a readable table."""

from __future__ import annotations

from typing import Any

__all__ = ["format_table", "rss_growth", "summarize"]


def _rate(results: dict[str, Any], name: str, field: str = "articles_per_s") -> float | None:
    found = results.get(name)
    if not isinstance(found, dict):
        return None
    value = found.get(field)
    return float(value) if isinstance(value, int | float) else None


def _ratio(top: float | None, bottom: float | None) -> float | None:
    if top is None or not bottom:
        return None
    return round(top / bottom, 3)


def summarize(results: dict[str, Any], *, cores: int) -> dict[str, Any]:
    """Ratios b/a, b/d, c/d, scaling g, and each issue-7 target as met / not met / unknown."""
    a = _rate(results, "a_passthrough", "batched_articles_per_s")
    b = _rate(results, "b_end_to_end")
    c = _rate(results, "c_offline")
    d = _rate(results, "d_nlp_ceiling")
    two = _rate(results, "g_two_workers")
    ratios = {
        "b/a": _ratio(b, a),
        "b/d": _ratio(b, d),
        "c/d": _ratio(c, d),
        "g two/one": _ratio(two, b),
    }
    latency = (
        results.get("e_latency", {}).get("10", {})
        if isinstance(results.get("e_latency"), dict)
        else {}
    )
    p99 = latency.get("event_p99_ms")
    rss = results.get("f_rss", {}).get("rss_mb") if isinstance(results.get("f_rss"), dict) else None
    growth = rss_growth(rss)
    per_core = _per_busy_core(results, cores)
    targets = {
        "e2e >= 25 articles/s per core": None if per_core is None else per_core >= 25,
        "e2e >= 3x NLP ceiling": None if ratios["b/d"] is None else ratios["b/d"] >= 3,
        "p99 <= 1 s at 10 articles/s": None if p99 is None else p99 <= 1000,
        "two workers >= 1.7x one": None
        if ratios["g two/one"] is None
        else ratios["g two/one"] >= 1.7,
        "RSS flat after warm-up (< 1 MB per 1,000 articles)": None
        if growth is None
        else growth < 1.0,
    }
    return {
        "ratios": ratios,
        "targets": targets,
        "rss_growth_mb_per_1k_articles": growth,
        "articles_per_busy_core_s": per_core,
    }


def _per_busy_core(results: dict[str, Any], cores: int) -> float | None:
    """End-to-end articles per core-second the whole machine spent (workers, broker and
    harness: ``machine_cpu_busy`` x cores), the better of one and two workers. A faust
    worker is one event loop, so one worker cannot use both cores; dividing its rate by
    every core of the machine would count a core it cannot use."""
    best: float | None = None
    for name in ("b_end_to_end", "g_two_workers"):
        found = results.get(name)
        if not isinstance(found, dict):
            continue
        rate, busy = found.get("articles_per_s"), found.get("machine_cpu_busy")
        if isinstance(rate, int | float) and isinstance(busy, int | float) and busy > 0:
            value = round(rate / (busy * max(cores, 1)), 1)
            best = value if best is None else max(best, value)
    return best


def rss_growth(samples: Any) -> float | None:
    """RSS growth in MB per 1,000 articles over the second half of the run (least squares)."""
    if not isinstance(samples, list):
        return None
    half = [(float(n), float(mb)) for n, mb in samples[len(samples) // 2 :]]
    if len(half) < 4 or half[-1][0] - half[0][0] < 100:
        return None
    mean_n = sum(n for n, _ in half) / len(half)
    mean_mb = sum(mb for _, mb in half) / len(half)
    var = sum((n - mean_n) ** 2 for n, _ in half)
    cov = sum((n - mean_n) * (mb - mean_mb) for n, mb in half)
    return round(cov / var * 1000, 2) if var else None


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}"
    return str(value)


def format_table(report: dict[str, Any]) -> str:
    """A plain-text table of one benchmark report."""
    machine = report["machine"]
    results = report["results"]
    lines = [
        f"Parley benchmark {report['date']}  ({report['options']['articles']} synthetic articles, "
        f"code {report['options'].get('commit', 'unknown')})",
        f"machine: {machine['cores']} cores, {machine['memory_gb']} GB, {machine['cpu_model']}, "
        f"Python {machine['python']}, load {machine['load_avg_1m_at_start']} at start",
        "versions: " + ", ".join(f"{k} {v}" for k, v in machine["versions"].items()),
        "",
        f"{'scenario':<34}{'articles':>10}{'seconds':>10}{'articles/s':>12}",
    ]
    rows = [
        (
            "(a) passthrough, batched acks",
            "a_passthrough",
            "batched_seconds",
            "batched_articles_per_s",
        ),
        (
            "(a') passthrough, ack per record",
            "a_passthrough",
            "acked_seconds",
            "acked_articles_per_s",
        ),
        ("(b) Parley end to end, 1 worker", "b_end_to_end", "seconds", "articles_per_s"),
        ("(g) Parley end to end, 2 workers", "g_two_workers", "seconds", "articles_per_s"),
        ("(c) offline core", "c_offline", "seconds", "articles_per_s"),
        ("(d) spaCy nlp.pipe ceiling", "d_nlp_ceiling", "seconds", "articles_per_s"),
        ("(f) RSS run, 1 worker", "f_rss", "seconds", "articles_per_s"),
    ]
    for label, key, secs, rate in rows:
        found = results.get(key)
        if isinstance(found, dict) and "error" not in found:
            lines.append(
                f"{label:<34}{_fmt(found.get('articles')):>10}"
                f"{_fmt(found.get(secs)):>10}{_fmt(found.get(rate)):>12}"
            )
            if found.get("dead_letters"):  # not coded: the figure is not Parley's coding rate
                lines.append(f"{'':<4}of which dead-lettered: {found['dead_letters']}")
    latency = results.get("e_latency")
    if isinstance(latency, dict) and latency and "error" not in latency:
        lines += [
            "",
            f"{'(e) latency at rate':<22}{'event p50':>11}{'event p99':>11}"
            f"{'outcome p50':>13}{'ingest':>9}{'extract':>9}{'dedup':>9}  (ms; hops p50)",
        ]
        for rate, stats in latency.items():
            lines.append(
                f"{rate + ' articles/s':<22}{_fmt(stats.get('event_p50_ms')):>11}"
                f"{_fmt(stats.get('event_p99_ms')):>11}{_fmt(stats.get('outcome_p50_ms')):>13}"
                f"{_fmt(stats.get('hop_ingest_p50_ms')):>9}{_fmt(stats.get('hop_extract_p50_ms')):>9}"
                f"{_fmt(stats.get('hop_dedup_p50_ms')):>9}"
            )
    stages = results.get("c_stages")
    if isinstance(stages, dict) and "error" not in stages:
        lines += [
            "",
            "offline stages, ms/article: "
            + ", ".join(f"{k} {v}" for k, v in stages["ms_per_article"].items()),
        ]
        lines.append(
            f"dedup state: {stages['dedup_state_bytes']} bytes, "
            f"{stages['dedup_state_bytes_per_article']} bytes/article, "
            f"{stages['dedup_state_bytes_per_candidate']} bytes/candidate"
        )
    for key in ("f_rss", "b_end_to_end"):
        found = results.get(key)
        if isinstance(found, dict) and found.get("rss_mb"):
            samples = found["rss_mb"]
            picks = [*samples[:: max(1, len(samples) // 6)], samples[-1]]
            lines.append(
                f"RSS ({key}) [articles done, MB]: " + " ".join(f"{n}:{mb:.0f}" for n, mb in picks)
            )
            break
    for key in ("b_end_to_end", "g_two_workers"):
        found = results.get(key)
        if isinstance(found, dict) and found.get("worker_cpu_share"):
            lines.append(
                f"{key}: worker CPU busy share (CPU s / wall s, includes idle tail) "
                f"{found['worker_cpu_share']}, broker {found.get('broker_cpu_share')}, "
                f"bench {found.get('bench_cpu_share')}, all cores busy {found.get('machine_cpu_busy')}, "
                f"startup {found.get('startup_seconds')} s"
            )
    end_to_end = results.get("b_end_to_end")
    worker = end_to_end.get("worker_profile") if isinstance(end_to_end, dict) else None
    for label, profile in (("offline core", results.get("profile")), ("worker 0 in (b)", worker)):
        if not isinstance(profile, dict) or "error" in profile:
            continue
        for kind in ("inclusive", "own"):
            if profile.get(kind):
                lines.append(
                    f"profile of the {label} (py-spy, {kind}): "
                    + "; ".join(
                        f"{row['function']} {row['share']:.0%}" for row in profile[kind][:12]
                    )
                )
    summary = report["summary"]
    lines += [
        "",
        "ratios: "
        + ", ".join(
            f"{k} = {'-' if v is None else format(v, '.3g')}" for k, v in summary["ratios"].items()
        )
        + f"; RSS growth {_fmt(summary.get('rss_growth_mb_per_1k_articles'))} MB/1k articles"
        + f"; end to end {_fmt(summary.get('articles_per_busy_core_s'))} articles per busy"
        " core-second (whole machine)",
    ]
    lines += [
        "targets: "
        + "; ".join(
            f"{k}: {'met' if v else ('NOT met' if v is False else 'not measured')}"
            for k, v in summary["targets"].items()
        )
    ]
    for name, value in results.items():
        if isinstance(value, dict) and "error" in value:
            lines.append(f"! {name} failed: {value['error']}")
        if isinstance(value, dict) and value.get("stalled_stacks"):
            lines.append(f"! {name} stalled; worker stacks:")
            lines.extend(value["stalled_stacks"])
    return "\n".join(lines)
