"""The JSON Schemas in schemas/ are the published contracts of every topic message."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from pipeline.schema import CONTRACTS, check_schemas, render_schema

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def test_checked_in_schemas_match_the_models() -> None:
    """Every model's schema equals its checked-in file: a drift fails here.

    Fix a drift by publishing a new version (a new model and file), never by
    regenerating a published v1 in place.
    """
    assert [] == check_schemas(SCHEMAS)


def test_every_schema_file_is_a_contract() -> None:
    """No stray schema file sits in schemas/ without a model behind it."""
    assert sorted(CONTRACTS) == sorted(p.name for p in SCHEMAS.glob("*.json"))


@pytest.mark.parametrize("name", sorted(CONTRACTS))
def test_contracts_forbid_unknown_fields_and_carry_a_version(name: str) -> None:
    """Each contract is strict (additionalProperties false) and versioned in its file name."""
    model: type[BaseModel] = CONTRACTS[name]
    schema = model.model_json_schema()
    assert False is schema.get("additionalProperties")
    assert ".v1." in name
    assert "schema_version" in schema["properties"]


def test_a_changed_model_is_detected(tmp_path: Path) -> None:
    """check_schemas reports a contract whose file differs from the model."""
    name, model = next(iter(CONTRACTS.items()))
    (tmp_path / name).write_bytes(render_schema(model).replace(b'"title"', b'"titel"', 1))
    assert name in check_schemas(tmp_path)
