"""Scoring of pipeline output against a gold corpus (``../shared/eval/FORMAT.md``).

An output event *matches* a gold event when it has the same PLOVER type, the same
source and target codes (either direction for CONSULT, AGREE, COOPERATE and CAMEO
057; CONSULT output is also accepted for AGREE/036 gold), and at least one shared
article. Matching is one-to-one, best article overlap first; an output event that
would match an already-matched gold event is a *fragment* of it.

Deduplication is scored on article pairs labelled by gold event: every output event
is judged against its *reference* gold event (the one it matched, or the one it is a
fragment of); output events with no reference are extraction errors and left out.

* pair precision: of the article pairs put on one output event, the share that
  report its reference gold event;
* pair recall: of the gold pairs whose two articles were both put on output events
  referencing that gold event, the share put on the same output event;
* date merges: pairs of gold events of one type and pair on different dates whose
  exclusive articles were put on one output event.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import orjson

from pipeline.models import Event

__all__ = ["EvalReport", "TypeScore", "codes_fit", "load_gold", "score"]

UNDIRECTED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
UNDIRECTED_CAMEO = frozenset({"057"})


@dataclass(frozen=True)
class TypeScore:
    """Event-level counts for one PLOVER type: ``matched`` gold events of the type (recall)
    and ``matched_output`` output events of the type that matched (precision)."""

    gold: int
    output: int
    matched: int
    matched_output: int = 0


@dataclass(frozen=True)
class EvalReport:
    """All figures of one scoring run; ``format()`` renders them as a table."""

    gold_events: int
    output_events: int
    matched_events: int
    event_precision: float
    event_recall: float
    event_f1: float
    tuple_precision: float
    tuple_recall: float
    tuple_f1: float
    status_accuracy: float
    date_accuracy: float
    pair_precision: float
    pair_recall: float
    fragments: int
    max_events_per_gold: int
    date_merges: int
    unmatched_gold: list[str] = field(default_factory=list)
    per_type: dict[str, TypeScore] = field(default_factory=dict)
    #: confidence band -> (output events in it, share of them that match a gold event)
    calibration: dict[str, tuple[int, float]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data."""
        return asdict(self)

    def format(self) -> str:
        """A readable multi-line table of the figures."""
        rows = [
            (
                "events (gold / output / matched)",
                f"{self.gold_events} / {self.output_events} / {self.matched_events}",
            ),
            (
                "event precision / recall / F1",
                f"{self.event_precision:.3f} / {self.event_recall:.3f} / {self.event_f1:.3f}",
            ),
            (
                "tuple precision / recall / F1",
                f"{self.tuple_precision:.3f} / {self.tuple_recall:.3f} / {self.tuple_f1:.3f}",
            ),
            ("status accuracy (matched)", f"{self.status_accuracy:.3f}"),
            ("date accuracy (matched)", f"{self.date_accuracy:.3f}"),
            (
                "dedup pair precision / recall",
                f"{self.pair_precision:.3f} / {self.pair_recall:.3f}",
            ),
            ("fragments (extra output events)", str(self.fragments)),
            ("max output events per gold event", str(self.max_events_per_gold)),
            ("merges across dates (same type+pair)", str(self.date_merges)),
        ]
        width = max(len(label) for label, _ in rows)
        lines = [f"{label.ljust(width)}  {value}" for label, value in rows]
        lines.append("")
        lines.append(
            f"{'type'.ljust(10)} {'gold':>5} {'output':>6} {'matched':>7} {'P':>6} {'R':>6}"
        )
        for name, ts in sorted(self.per_type.items()):
            lines.append(
                f"{name.ljust(10)} {ts.gold:>5} {ts.output:>6} {ts.matched:>7} "
                f"{_ratio(ts.matched_output, ts.output):>6.3f} {_ratio(ts.matched, ts.gold):>6.3f}"
            )
        if self.calibration:
            lines.append("")
            lines.append(f"{'confidence'.ljust(10)} {'events':>6} {'right':>6}")
            for band, (count, right) in self.calibration.items():
                lines.append(f"{band.ljust(10)} {count:>6} {right:>6.3f}")
        if self.unmatched_gold:
            lines.append("")
            lines.append("unmatched gold: " + ", ".join(self.unmatched_gold))
        return "\n".join(lines)


def load_gold(corpus_dir: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Read ``articles.jsonl`` and ``events.jsonl`` of a gold corpus folder."""
    return _read_jsonl(corpus_dir / "articles.jsonl"), _read_jsonl(corpus_dir / "events.jsonl")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    with path.open("rb") as handle:
        for line in handle:
            if line.strip():
                rows.append(orjson.loads(line))
    return rows


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _undirected(plover: str, cameo: str) -> bool:
    return plover in UNDIRECTED_TYPES or cameo in UNDIRECTED_CAMEO


def codes_fit(
    g_plover: str,
    g_cameo: str,
    g_src: str,
    g_tgt: str | None,
    o_plover: str,
    o_cameo: str,
    o_src: str,
    o_tgt: str | None,
) -> tuple[bool, bool]:
    """Whether output codes fit gold codes, and whether the fit is exact (same direction/type)."""
    type_exact = g_plover == o_plover
    type_ok = type_exact or (
        g_plover == "AGREE" and g_cameo.startswith("036") and o_plover == "CONSULT"
    )
    if not type_ok:
        return False, False
    same_dir = (g_src, g_tgt) == (o_src, o_tgt)
    undirected = _undirected(g_plover, g_cameo) or o_cameo in UNDIRECTED_CAMEO
    reverse = undirected and (g_src, g_tgt) == (o_tgt, o_src)
    if not (same_dir or reverse):
        return False, False
    return True, type_exact and same_dir


def _latest(events: Iterable[Event]) -> list[Event]:
    """Keep the highest revision of each event id."""
    best: dict[str, Event] = {}
    for event in events:
        kept = best.get(event.event_id)
        if kept is None or event.revision > kept.revision:
            best[event.event_id] = event
    return [best[k] for k in sorted(best)]


def _articles(event: Event) -> frozenset[str]:
    return frozenset(m.article_id for m in event.mentions)


def _gold_codes(gold: dict[str, Any]) -> tuple[str, str, str, str | None]:
    return str(gold["plover"]), str(gold["cameo"]), str(gold["source"]), gold.get("target")


def _out_codes(event: Event) -> tuple[str, str, str, str | None]:
    return (
        event.type,
        event.cameo.code,
        event.source.code,
        event.target.code if event.target else None,
    )


def _match_events(
    gold_events: list[dict[str, Any]], outputs: list[Event]
) -> tuple[dict[int, int], dict[int, int]]:
    """One-to-one match (gold index -> output index) and fragments (output index -> gold index)."""
    scored: list[tuple[float, int, int, int, int]] = []
    for gi, gold in enumerate(gold_events):
        g_articles = frozenset(gold["articles"])
        for oi, out in enumerate(outputs):
            ok, exact = codes_fit(*_gold_codes(gold), *_out_codes(out))
            if not ok:
                continue
            o_articles = _articles(out)
            shared = len(g_articles & o_articles)
            if shared == 0:
                continue
            jaccard = shared / len(g_articles | o_articles)
            scored.append((-jaccard, -shared, 0 if exact else 1, gi, oi))
    scored.sort()
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, _, _, gi, oi in scored:
        if gi not in matched and oi not in used:
            matched[gi] = oi
            used.add(oi)
    fragments: dict[int, int] = {}
    for _, _, _, gi, oi in scored:
        if oi not in used and oi not in fragments and gi in matched:
            fragments[oi] = gi
    return matched, fragments


def _tuples_scores(gold_events: list[dict[str, Any]], outputs: list[Event]) -> tuple[int, int, int]:
    """(matched, gold count, output count) of (article, source, plover, target) tuples."""
    gold_cameo: dict[tuple[str, str, str, str | None], str] = {}
    for g in gold_events:
        for a in g["articles"]:
            key = (a, str(g["source"]), str(g["plover"]), g.get("target"))
            gold_cameo[key] = min(gold_cameo.get(key, g["cameo"]), g["cameo"])
    out_cameo: dict[tuple[str, str, str, str | None], str] = {}
    for o in outputs:
        p, c, s, t = _out_codes(o)
        for m in o.mentions:
            key = (m.article_id, s, p, t)
            out_cameo[key] = min(out_cameo.get(key, c), c)
    by_article: dict[str, list[tuple[str, str, str | None, str]]] = defaultdict(list)
    for (a, s, p, t), c in sorted(gold_cameo.items(), key=repr):
        by_article[a].append((p, s, t, c))
    out_by_article: dict[str, list[tuple[str, str, str, str | None]]] = defaultdict(list)
    for (a, s, p, t), c in sorted(out_cameo.items(), key=repr):
        out_by_article[a].append((p, c, s, t))
    matched = 0
    for article, golds in by_article.items():
        free = list(out_by_article.get(article, []))
        pending = []
        for gp, gs, gt, gc in golds:  # exact tuples first
            hit = next((o for o in free if (o[0], o[2], o[3]) == (gp, gs, gt)), None)
            if hit is None:
                pending.append((gp, gs, gt, gc))
            else:
                free.remove(hit)
                matched += 1
        for gp, gs, gt, gc in pending:
            hit = next((o for o in free if codes_fit(gp, gc, gs, gt, *o)[0]), None)
            if hit is not None:
                free.remove(hit)
                matched += 1
    return matched, len(gold_cameo), len(out_cameo)


def _pairs(articles: Iterable[str]) -> set[tuple[str, str]]:
    return {(a, b) for a, b in combinations(sorted(set(articles)), 2)}


CONFIDENCE_BANDS = ((0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 1.01))


def _calibration(outputs: list[Event], correct: set[int]) -> dict[str, tuple[int, float]]:
    """Per confidence band: how many output events, and the share that match gold.

    A confidence that means something is right more often when it is higher.
    """
    bands: dict[str, tuple[int, float]] = {}
    for low, high in CONFIDENCE_BANDS:
        members = [oi for oi, out in enumerate(outputs) if low <= out.confidence < high]
        label = f"{low:.1f}-{min(high, 1.0):.1f}"
        bands[label] = (len(members), _ratio(sum(oi in correct for oi in members), len(members)))
    return bands


def score(gold_events: list[dict[str, Any]], events: Sequence[Event]) -> EvalReport:
    """Score output events (any revisions; the latest of each id is used) against gold events."""
    outputs = _latest(events)
    matched, fragments = _match_events(gold_events, outputs)
    n_matched = len(matched)
    ev_p, ev_r = _ratio(n_matched, len(outputs)), _ratio(n_matched, len(gold_events))

    t_hit, t_gold, t_out = _tuples_scores(gold_events, outputs)
    t_p, t_r = _ratio(t_hit, t_out), _ratio(t_hit, t_gold)

    status_ok = sum(
        1 for gi, oi in matched.items() if outputs[oi].status == gold_events[gi]["status"]
    )
    date_ok = sum(
        1 for gi, oi in matched.items() if outputs[oi].date.isoformat() == gold_events[gi]["date"]
    )

    reference: dict[int, int] = {oi: gi for gi, oi in matched.items()} | fragments
    pair_good = pair_all = 0
    for oi, out in enumerate(outputs):
        if oi not in reference:
            continue
        gold_articles = set(gold_events[reference[oi]]["articles"])
        for a, b in _pairs(_articles(out)):
            pair_all += 1
            pair_good += a in gold_articles and b in gold_articles
    recall_hit = recall_all = 0
    for gi, gold in enumerate(gold_events):
        refs = [outputs[oi] for oi, ref in reference.items() if ref == gi]
        covered = set().union(*(_articles(o) for o in refs)) if refs else set()
        together = set().union(*(_pairs(_articles(o)) for o in refs)) if refs else set()
        for pair in _pairs(a for a in gold["articles"] if a in covered):
            recall_all += 1
            recall_hit += pair in together

    per_gold: dict[int, int] = defaultdict(int)
    for gi in reference.values():
        per_gold[gi] += 1

    per_type: dict[str, TypeScore] = {}
    for name in sorted({g["plover"] for g in gold_events} | {o.type for o in outputs}):
        per_type[name] = TypeScore(
            gold=sum(1 for g in gold_events if g["plover"] == name),
            output=sum(1 for o in outputs if o.type == name),
            matched=sum(1 for gi in matched if gold_events[gi]["plover"] == name),
            matched_output=sum(1 for oi in matched.values() if outputs[oi].type == name),
        )

    return EvalReport(
        gold_events=len(gold_events),
        output_events=len(outputs),
        matched_events=n_matched,
        event_precision=ev_p,
        event_recall=ev_r,
        event_f1=_f1(ev_p, ev_r),
        tuple_precision=t_p,
        tuple_recall=t_r,
        tuple_f1=_f1(t_p, t_r),
        status_accuracy=_ratio(status_ok, n_matched),
        date_accuracy=_ratio(date_ok, n_matched),
        pair_precision=_ratio(pair_good, pair_all) if pair_all else 1.0,
        pair_recall=_ratio(recall_hit, recall_all) if recall_all else 1.0,
        fragments=len(fragments),
        max_events_per_gold=max(per_gold.values(), default=0),
        date_merges=_count_date_merges(gold_events, outputs),
        unmatched_gold=[str(g["id"]) for gi, g in enumerate(gold_events) if gi not in matched],
        per_type=per_type,
        calibration=_calibration(outputs, set(reference)),
    )


def _count_date_merges(gold_events: list[dict[str, Any]], outputs: list[Event]) -> int:
    """Gold pairs (same type and actor pair, different dates) whose exclusive articles share an output event."""
    merges = 0
    for g1, g2 in combinations(gold_events, 2):
        if g1["plover"] != g2["plover"] or g1["date"] == g2["date"]:
            continue
        ok, _ = codes_fit(*_gold_codes(g1), *_gold_codes(g2))
        if not ok:
            continue
        only1 = set(g1["articles"]) - set(g2["articles"])
        only2 = set(g2["articles"]) - set(g1["articles"])
        for out in outputs:
            if not codes_fit(*_gold_codes(g1), *_out_codes(out))[0]:
                continue
            arts = _articles(out)
            if arts & only1 and arts & only2:
                merges += 1
                break
    return merges
