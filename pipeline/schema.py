"""JSON Schema contracts: one file per topic message and version, generated from the models.

``schemas/`` is checked in; ``parley schemas --check`` and a test fail when a model
drifts from its published file. A published version is never rewritten in place:
change the shape in a new model with a new ``schema_version`` and a new file.
"""

from __future__ import annotations

from pathlib import Path

import orjson
from pydantic import BaseModel

from pipeline.models import (
    Article,
    Candidate,
    CleanArticle,
    DeadLetterHeaders,
    Event,
    MentionLink,
    Outcome,
)

__all__ = ["CONTRACTS", "check_schemas", "render_schema", "write_schemas"]

#: file name -> model; the file name carries the message's schema version.
CONTRACTS: dict[str, type[BaseModel]] = {
    "article.v1.json": Article,
    "article_clean.v1.json": CleanArticle,
    "candidate.v1.json": Candidate,
    "event.v1.json": Event,
    "mention.v1.json": MentionLink,
    "outcome.v1.json": Outcome,
    "dead_letter_headers.v1.json": DeadLetterHeaders,
}


def render_schema(model: type[BaseModel]) -> bytes:
    """The model's JSON Schema (validation mode), as stable, indented JSON bytes."""
    schema = model.model_json_schema(mode="validation")
    return orjson.dumps(schema, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every contract into ``folder``; returns the paths written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in CONTRACTS.items():
        path = folder / name
        path.write_bytes(render_schema(model))
        written.append(path)
    return written


def check_schemas(folder: Path) -> list[str]:
    """Names of the contracts whose checked-in file is missing or differs from the model."""
    drift = []
    for name, model in CONTRACTS.items():
        path = folder / name
        if not path.exists() or path.read_bytes() != render_schema(model):
            drift.append(name)
    return drift
