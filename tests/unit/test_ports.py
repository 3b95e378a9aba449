"""Listening ports for the embedded broker and the web server are drawn below the kernel's
ephemeral range, so the worker's own outgoing connections cannot take one between the
check and the bind (CI once saw ``address already in use`` on the web port)."""

from __future__ import annotations

import socket

import pytest

from pipeline import broker
from pipeline.broker import find_free_port


def test_port_is_below_the_ephemeral_range_and_bindable() -> None:
    low, _ = broker._ephemeral_range()
    ports = {find_free_port() for _ in range(20)}
    assert all(broker._FIRST_LISTEN_PORT <= port < low for port in ports)
    assert len(ports) > 1  # drawn at random, not the same port for every worker
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", ports.pop()))


def test_a_port_in_use_is_not_offered() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        taken = held.getsockname()[1]
        assert not broker._bindable("127.0.0.1", taken)


def test_falls_back_to_any_free_port_without_room_below_the_range(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(broker, "_ephemeral_range", lambda: (broker._FIRST_LISTEN_PORT + 10, 65535))
    port = find_free_port()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", port))
