"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the checkout (CI has it; a user's clone does not: skip)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (it exists beside CI's checkout only)")
    return SHARED


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    """The development gold corpus, ``../shared/eval/dev``."""
    path = shared_dir / "eval" / "dev"
    if not (path / "events.jsonl").is_file():
        pytest.skip("the dev gold corpus is absent")
    return path


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    """The seed article the project was created from."""
    path = shared_dir / "seeds" / "putin-invites-zelensky.txt"
    if not path.is_file():
        pytest.skip("the seed article is absent")
    return path.read_text(encoding="utf-8")
