"""Settings come from PARLEY_* variables; secrets never show in their text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.settings import Settings, describe_settings, settings_table, unknown_variables


def test_broker_list_splits_comma_separated_addresses(monkeypatch: pytest.MonkeyPatch) -> None:
    """PARLEY_BROKER accepts several host:port, comma-separated, spaces ignored."""
    monkeypatch.setenv("PARLEY_BROKER", "k1:9092, k2:9092,")
    assert ["k1:9092", "k2:9092"] == Settings().broker_list


def test_unset_broker_means_the_embedded_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """No PARLEY_BROKER: an empty broker list (the worker starts the embedded broker)."""
    monkeypatch.delenv("PARLEY_BROKER", raising=False)
    assert [] == Settings().broker_list


def test_sasl_password_is_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SASL password is a SecretStr: absent from repr and str of the settings."""
    monkeypatch.setenv("PARLEY_SASL_PASSWORD", "hunter2-very-secret")
    settings = Settings()
    assert "hunter2-very-secret" not in repr(settings)
    assert "hunter2-very-secret" not in str(settings.model_dump())
    assert settings.sasl_password is not None
    assert "hunter2-very-secret" == settings.sasl_password.get_secret_value()


def test_limits_default_to_two_megabytes() -> None:
    """The message size limit defaults to 2 MB (the broker's own limit is separate)."""
    assert 2 * 1024 * 1024 == Settings().max_message_bytes


def test_the_settings_reference_is_current() -> None:
    """docs/settings.md holds the table `parley settings --markdown` prints: every setting
    a deployer may need is documented, and the page cannot drift from the code."""
    page = (Path(__file__).resolve().parents[2] / "docs" / "settings.md").read_text("utf-8")
    assert settings_table() in page


def test_every_setting_says_what_it_does() -> None:
    """No setting without a description."""
    assert [] == [variable for variable, _, _, text in describe_settings() if not text.strip()]


def test_a_misspelt_variable_is_reported() -> None:
    """PARLEY_* names that are no setting are found (PARLEY_VENV belongs to ./dev)."""
    environ = {
        "PARLEY_STOER": "rocksdb",
        "PARLEY_STORE": "memory",
        "PARLEY_VENV": "/v",
        "HOME": "/",
    }
    assert ["PARLEY_STOER"] == unknown_variables(environ)
