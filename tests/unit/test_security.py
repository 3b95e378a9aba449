"""Kafka security settings reach the clients; secrets stay out of logs and reprs."""

from __future__ import annotations

import pytest
from structlog.testing import capture_logs

from pipeline.app import broker_credentials, client_options
from pipeline.errors import ConfigError
from pipeline.settings import Settings

SECRET = "s3cret-value-never-logged"


def _sasl(**extra: object) -> Settings:
    return Settings(
        broker="kafka.example:9093",
        security_protocol="SASL_PLAINTEXT",
        sasl_mechanism="SCRAM-SHA-512",
        sasl_username="parley",
        sasl_password=SECRET,  # type: ignore[arg-type]
        **extra,  # type: ignore[arg-type]
    )


def test_plaintext_needs_no_credentials() -> None:
    """PLAINTEXT: faust gets no credentials object."""
    assert None is broker_credentials(Settings(broker="k:9092"))


def test_sasl_settings_reach_faust_and_aiokafka() -> None:
    """SASL mechanism, user and password are passed to both kinds of client."""
    settings = _sasl()
    credentials = broker_credentials(settings)
    options = client_options(settings)
    assert ("parley", SECRET) == (credentials.username, credentials.password)
    assert "SCRAM-SHA-512" == str(getattr(credentials.mechanism, "value", credentials.mechanism))
    expected = ("SASL_PLAINTEXT", "SCRAM-SHA-512", "parley", SECRET)
    actual = (
        options["security_protocol"],
        options["sasl_mechanism"],
        options["sasl_plain_username"],
        options["sasl_plain_password"],
    )
    assert expected == actual


def test_sasl_without_a_mechanism_is_a_config_error() -> None:
    """A SASL protocol with no mechanism fails at start-up with a clear ConfigError."""
    with pytest.raises(ConfigError, match="PARLEY_SASL_MECHANISM"):
        broker_credentials(Settings(broker="k:9092", security_protocol="SASL_SSL"))


def test_the_password_is_not_in_logged_settings() -> None:
    """Logging the settings object never shows the SASL password."""
    with capture_logs() as logs:
        import structlog

        structlog.get_logger().info("settings_loaded", settings=repr(_sasl()))
    assert SECRET not in str(logs)
