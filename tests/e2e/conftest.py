"""Helpers to run the ``parley`` command line as a user does (subprocesses)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def parley() -> list[str]:
    """The command that runs the CLI: the installed ``parley`` script, else ``python -m``."""
    script = Path(sys.executable).parent / "parley"
    if script.exists():
        return [str(script)]
    found = shutil.which("parley")
    return [found] if found else [sys.executable, "-m", "pipeline.cli"]


@pytest.fixture
def clean_env() -> dict[str, str]:
    """The environment without any PARLEY_* variable of the caller."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARLEY_")}
    env["PYTHONUNBUFFERED"] = "1"
    return env
