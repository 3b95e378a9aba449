"""Confidence: how likely a candidate is right, from what its reading rests on.

Each candidate is described by a few *features* of its reading — the hand-set prior
of the parse path that found it (a subject and object from the parse, or a party
implied by the story), the kinds of actor mention (a named person, a role phrase, a capital
standing for its state, a demonym), whether it was read in a headline, inside quotes or a long
sentence, its status and event family, whether the text dated it, and how many
readings of the article told the same act (*support*). A logistic model turns the
features into a probability. Its weights are data (``data/confidence.json``), fitted
by ``parley calibrate`` on labelled corpora (each candidate right or wrong against the
gold tuples); the file says which corpora and how well the fit ranks candidates.

:func:`fit` is plain numpy (Newton's method with an L2 penalty), so a fit is
reproducible and needs no other library.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import numpy as np
import orjson

from pipeline.errors import ConfigError

__all__ = ["FEATURES", "ConfidenceModel", "describe", "describe_support", "fit", "load_model"]

_KINDS = ("person", "role", "state", "capital", "demonym", "org", "institution", "other")
_STATUSES = ("occurred", "proposed", "planned", "denied")
_FAMILIES = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

#: Every feature name, in a fixed order (the model's columns).
FEATURES: tuple[str, ...] = (
    "prior",
    "title",
    "quoted",
    "long_sentence",
    "many_actors",
    "dated",
    "named_source",
    "support",
    *(f"source_{k}" for k in _KINDS),
    *(f"target_{k}" for k in _KINDS),
    *(f"status_{s}" for s in _STATUSES),
    *(f"family_{f}" for f in _FAMILIES),
)


def _kind(kind: str) -> str:
    """A mention's kind (a person, a role phrase "the Russian president", a state...)."""
    return kind if kind in _KINDS else "other"


def _family(cameo: str) -> str:
    """CAMEO's four quad classes by root (01-05, 06-08, 09-13, 14-20)."""
    root = int(cameo[:2]) if cameo[:2].isdigit() else 1
    if root <= 5:
        return "verbal_cooperation"
    if root <= 8:
        return "material_cooperation"
    return "verbal_conflict" if root <= 13 else "material_conflict"


def describe(
    *,
    prior: float,
    cameo: str,
    status: str,
    source_kind: str,
    target_kind: str,
    named_source: bool,
    title: bool,
    quoted: bool,
    words: int,
    actors: int,
    dated: bool,
) -> dict[str, float]:
    """The features of one candidate's reading (binary but ``prior``); the article's
    support for the act is added by :func:`describe_support` once all are read."""
    found = {
        "prior": prior,
        "title": float(title),
        "quoted": float(quoted),
        "long_sentence": float(words > 45),
        "many_actors": float(actors > 2),
        "dated": float(dated),
        "named_source": float(named_source),
        f"source_{_kind(source_kind)}": 1.0,
        f"target_{_kind(target_kind)}": 1.0,
        f"family_{_family(cameo)}": 1.0,
    }
    if status in _STATUSES:
        found[f"status_{status}"] = 1.0
    return found


def describe_support(readings: int) -> dict[str, float]:
    """How many readings of the article told the act (0 for one, 1 for three...)."""
    return {"support": math.log2(1 + max(readings, 1)) - 1.0}


@dataclass(frozen=True)
class ConfidenceModel:
    """A logistic model over :data:`FEATURES`; ``about`` says how it was fitted."""

    bias: float
    weights: Mapping[str, float]
    about: Mapping[str, Any] = field(default_factory=dict)

    def score(self, features: Mapping[str, float]) -> float:
        """The probability that the described candidate is right, rounded, in [0.01, 0.99]."""
        total = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        value = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
        return round(min(0.99, max(0.01, value)), 2)

    def to_json(self) -> bytes:
        """The model as reviewable JSON (weights rounded, sorted by name)."""
        data = {
            "about": dict(self.about),
            "bias": round(self.bias, 4),
            "weights": {k: round(self.weights.get(k, 0.0), 4) for k in FEATURES},
        }
        return orjson.dumps(data, option=orjson.OPT_INDENT_2)


def fit(
    rows: Sequence[tuple[Mapping[str, float], bool]], *, l2: float = 1.0, steps: int = 50
) -> ConfidenceModel:
    """Fit a logistic model to ``(features, right)`` rows (Newton's method, L2 on weights)."""
    if not rows:
        raise ConfigError("no labelled candidates to fit confidence on")
    x = np.array([[1.0] + [f.get(k, 0.0) for k in FEATURES] for f, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, right in rows])
    theta = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ theta, -30, 30)))
        gradient = x.T @ (p - y) + penalty @ theta
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    weights = {k: float(w) for k, w in zip(FEATURES, theta[1:], strict=True)}
    return ConfidenceModel(bias=float(theta[0]), weights=weights)


@cache
def load_model() -> ConfidenceModel:
    """The packaged model (``pipeline/coding/data/confidence.json``)."""
    raw = resources.files("pipeline.coding").joinpath("data/confidence.json").read_bytes()
    data = orjson.loads(raw)
    unknown = set(data["weights"]) - set(FEATURES)
    if unknown:
        raise ConfigError(f"confidence.json names unknown features: {sorted(unknown)}")
    return ConfidenceModel(
        bias=float(data["bias"]),
        weights={k: float(v) for k, v in data["weights"].items()},
        about=data.get("about", {}),
    )
