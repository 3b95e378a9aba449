"""The command line: a failure a user can act on is one line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.errors import ConfigError
from pipeline.failures import describe_failure


def test_a_bad_setting_names_its_variable() -> None:
    """An invalid PARLEY_* value is reported by variable name, without a traceback."""
    runner = CliRunner()
    result = runner.invoke(main, ["extract", "missing.jsonl"], env={"PARLEY_STORE": "bogus"})
    # click checks the path first: the file does not exist
    assert 2 == result.exit_code
    with runner.isolated_filesystem():
        Path("in.jsonl").write_text("", encoding="utf-8")
        result = runner.invoke(main, ["extract", "in.jsonl"], env={"PARLEY_STORE": "bogus"})
    assert 2 == result.exit_code
    assert "PARLEY_STORE" in result.output
    assert "Traceback" not in result.output


def test_a_corpus_without_gold_events_is_one_line(tmp_path: Path) -> None:
    """`parley eval` on a folder without events.jsonl says which file is missing."""
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert 2 == result.exit_code
    assert "articles.jsonl" in result.output or "events.jsonl" in result.output
    assert "Traceback" not in result.output


def test_no_broker_for_a_client_command_is_one_line() -> None:
    """`parley tail` with no broker configured explains how to give one."""
    result = CliRunner().invoke(main, ["tail"], env={"PARLEY_BROKER": ""})
    assert 2 == result.exit_code
    assert "PARLEY_BROKER" in result.output


def test_only_expected_failures_are_shortened() -> None:
    """Parley's own errors and OS errors get one line; anything else (a bug) keeps its
    traceback."""
    assert "no broker" == describe_failure(ConfigError("no broker"))
    assert "FileNotFoundError: gone" == describe_failure(FileNotFoundError("gone"))
    assert describe_failure(KeyError("x")) is None
