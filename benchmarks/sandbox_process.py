"""The sandbox served by another process (``returndesk sandbox serve``), as real vendors are
other machines: the benchmarked code does not share its interpreter with the server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import httpx


@contextmanager
def sandbox_process(rmas: int, *options: str) -> Iterator[str]:
    """Yields the sandbox's origin; ``options`` go to ``sandbox serve`` as they are."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "returndesk", "sandbox", "serve", "--port", str(port)]
    command += ["--rmas", str(rmas), *options]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once it listens
        if "sandbox on" not in line:
            raise RuntimeError(f"the sandbox did not start: {line!r}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


def reset(origin: str) -> None:
    httpx.post(f"{origin}/_sandbox/reset").raise_for_status()


def log(origin: str) -> list[dict]:
    response = httpx.get(f"{origin}/_sandbox/log", timeout=30)
    response.raise_for_status()
    return list(response.json())
