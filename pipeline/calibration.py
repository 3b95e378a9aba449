"""``parley calibrate``: fit the confidence model on labelled gold corpora.

Every candidate the coder reads from a corpus's articles is labelled *right* when its
(article, source, PLOVER type, target) tuple is a gold tuple of that article (with the
scorer's rules: either direction for undirected acts, CONSULT for AGREE/036), else
*wrong*. A logistic model (:func:`pipeline.coding.confidence.fit`) is fitted to the
features the coder scored each candidate from, and written as reviewable JSON with
what it was fitted on and how well it separates right from wrong (AUC, Brier score,
the share right per confidence band), measured on the fitting data and, with
``--check``, on corpora it was not fitted on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from pipeline.coding.confidence import ConfidenceModel, fit
from pipeline.errors import ParleyError
from pipeline.evaluation import codes_fit, load_gold
from pipeline.offline import read_lines
from pipeline.settings import Settings

__all__ = [
    "Labelled",
    "calibrate",
    "cross_validate",
    "label_corpus",
    "match_tuples",
    "measure",
]

Labelled = tuple[Mapping[str, float], bool]
_BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


GoldTuple = tuple[str, str, str | None, str]  # plover, source, target, cameo
OutTuple = tuple[str, str, str, str | None]  # plover, cameo, source, target


def label_corpus(corpus: Path, *, settings: Settings) -> list[Labelled]:
    """Every candidate of the corpus's articles: its features and whether it is right."""
    from pipeline.coding.coder import Coder
    from pipeline.decoding import decode_article
    from pipeline.text.clean import clean_article

    _, gold = load_gold(corpus)
    by_article: dict[str, set[GoldTuple]] = {}
    for event in gold:
        for article_id in event["articles"]:
            by_article.setdefault(article_id, set()).add(
                (event["plover"], event["source"], event.get("target"), event["cameo"])
            )
    coder = Coder()
    rows: list[Labelled] = []
    for raw in read_lines(corpus / "articles.jsonl"):
        try:
            article = decode_article(raw, max_bytes=settings.max_message_bytes)
            clean = clean_article(article, max_html_bytes=settings.max_html_bytes)
        except ParleyError:
            continue
        explained = coder.explain(clean)
        outs = {
            (c.type, c.cameo.code, c.source.code, c.target.code if c.target else None)
            for c, _ in explained
        }
        right = match_tuples(sorted(by_article.get(clean.article_id, set()), key=repr), outs)
        for candidate, features in explained:
            target = candidate.target.code if candidate.target else None
            key = (candidate.type, candidate.source.code, target)
            rows.append((features, key in right))
    return rows


def match_tuples(
    golds: Sequence[GoldTuple], outs: Iterable[OutTuple]
) -> set[tuple[str, str, str | None]]:
    """The (plover, source, target) output tuples the scorer counts right in one article:
    one-to-one with gold tuples, exact ones first, then those the scorer's rules allow
    (either direction for undirected acts, CONSULT for AGREE/036)."""
    free = sorted(outs, key=repr)
    right: set[tuple[str, str, str | None]] = set()
    pending: list[GoldTuple] = []
    for plover, source, target, cameo in golds:
        hit = next((o for o in free if (o[0], o[2], o[3]) == (plover, source, target)), None)
        if hit is None:
            pending.append((plover, source, target, cameo))
            continue
        free = [o for o in free if (o[0], o[2], o[3]) != (hit[0], hit[2], hit[3])]
        right.add((hit[0], hit[2], hit[3]))
    for plover, source, target, cameo in pending:
        hit = next((o for o in free if codes_fit(plover, cameo, source, target, *o)[0]), None)
        if hit is not None:
            free = [o for o in free if (o[0], o[2], o[3]) != (hit[0], hit[2], hit[3])]
            right.add((hit[0], hit[2], hit[3]))
    return right


def cross_validate(rows: Sequence[Labelled], *, l2: float, folds: int = 5) -> float | None:
    """AUC of scores each row got from a model fitted without it (``folds``-fold, rows
    assigned to folds in turn, so the figure is reproducible)."""
    scored: list[tuple[float, bool]] = []
    for fold in range(folds):
        train = [row for i, row in enumerate(rows) if i % folds != fold]
        test = [row for i, row in enumerate(rows) if i % folds == fold]
        if not train or not test:
            continue
        model = fit(train, l2=l2)
        scored.extend((model.score(features), right) for features, right in test)
    return _auc(scored)


def _auc(scored: Sequence[tuple[float, bool]]) -> float | None:
    right = [s for s, ok in scored if ok]
    wrong = [s for s, ok in scored if not ok]
    pairs = len(right) * len(wrong)
    if not pairs:
        return None
    wins = sum((r > w) + 0.5 * (r == w) for r in right for w in wrong)
    return round(wins / pairs, 3)


def measure(model: ConfidenceModel, rows: Sequence[Labelled]) -> dict[str, Any]:
    """How well the model's scores separate right from wrong candidates."""
    scored = [(model.score(features), right) for features, right in rows]
    bands = {}
    for low, high in _BANDS:
        members = [ok for s, ok in scored if low <= s < high]
        share = round(sum(members) / len(members), 3) if members else None
        bands[f"{low:.2f}-{min(high, 1.0):.2f}"] = {"candidates": len(members), "right": share}
    return {
        "candidates": len(scored),
        "right": sum(ok for _, ok in scored),
        "auc": _auc(scored),
        "brier": round(sum((s - ok) ** 2 for s, ok in scored) / len(scored), 4) if scored else None,
        "bands": bands,
    }


def calibrate(
    corpora: Iterable[Path],
    *,
    out: Path,
    check: Iterable[Path] = (),
    l2: float = 1.0,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """Fit on ``corpora``, measure on them and on ``check``, write the model to ``out``."""
    settings = settings or Settings()
    fitted_on = list(corpora)
    rows = [row for corpus in fitted_on for row in label_corpus(corpus, settings=settings)]
    model = fit(rows, l2=l2)
    report: dict[str, Any] = {
        "fitted_on": [c.name for c in fitted_on],
        "l2": l2,
        "fit": measure(model, rows),
        "cross_validated_auc": cross_validate(rows, l2=l2),
        "checked": {c.name: measure(model, label_corpus(c, settings=settings)) for c in check},
    }
    final = ConfidenceModel(bias=model.bias, weights=model.weights, about=report)
    out.write_bytes(final.to_json() + b"\n")
    return report


def format_report(report: Mapping[str, Any]) -> str:
    """A readable summary of :func:`calibrate`'s report."""
    lines = [
        f"fitted on {', '.join(report['fitted_on'])} (L2 {report['l2']}); "
        f"5-fold cross-validated AUC {report['cross_validated_auc']}"
    ]
    for name, found in [("fit", report["fit"]), *report["checked"].items()]:
        lines.append(
            f"{name}: {found['candidates']} candidates, {found['right']} right, "
            f"AUC {found['auc']}, Brier {found['brier']}"
        )
        for band, figures in found["bands"].items():
            lines.append(
                f"  {band}: {figures['candidates']:4d} candidates, right {figures['right']}"
            )
    return "\n".join(lines)


def dumps_report(report: Mapping[str, Any]) -> bytes:
    """The report as JSON."""
    return orjson.dumps(report, option=orjson.OPT_INDENT_2)
