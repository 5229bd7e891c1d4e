"""A throwaway CUPS server for tests: its own configuration, spool and socket under a temporary
folder, and a raw queue whose backend appends each job to a file, so a test reads back exactly
what a printer behind the queue would have received.

Needs Debian's cups-daemon and cups-client (``.ci/run`` installs them) and root, as cupsd
runs its backends as root or lp. Where either is missing the tests skip, unless
CI_REQUIRE_CUPS is set (CI sets it): then they fail.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

#: the queue's backend: appends each job to the file its device URI names
CAPTURE = """#!/bin/sh
if [ $# -eq 0 ]; then echo 'direct capture "Unknown" "Capture to a file"'; exit 0; fi
target="${DEVICE_URI#capture:}"
if [ -n "$6" ]; then cat "$6" >> "$target"; else cat >> "$target"; fi
"""


@dataclass
class CupsServer:
    root: Path
    process: subprocess.Popen[bytes]
    queue: str
    output: Path

    @property
    def socket(self) -> str:
        return str(self.root / "cups.sock")

    def received(self) -> bytes:
        return self.output.read_bytes() if self.output.exists() else b""

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def unavailable(reason: str) -> None:
    if os.environ.get("CI_REQUIRE_CUPS"):
        pytest.fail(f"CUPS is required here: {reason}")
    pytest.skip(reason)


def start_cups(root: Path, queue: str = "labels") -> CupsServer:
    cupsd, lpadmin = shutil.which("cupsd") or "/usr/sbin/cupsd", shutil.which("lpadmin")
    if not Path(cupsd).exists() or lpadmin is None:
        unavailable("cupsd and lpadmin are not installed (cups-daemon, cups-client)")
    if os.geteuid() != 0:
        unavailable("cupsd runs its backends as root or lp: the test needs root")
    for sub in ("etc", "spool", "tmp", "cache", "state", "log", "out", "bin/backend"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "tmp").chmod(0o777)
    for part in ("filter", "daemon", "cgi-bin", "notifier", "monitor"):
        if (Path("/usr/lib/cups") / part).exists():
            (root / "bin" / part).symlink_to(Path("/usr/lib/cups") / part)
    backend = root / "bin/backend/capture"
    backend.write_text(CAPTURE)
    backend.chmod(0o700)  # a backend only its owner may run runs as root
    (root / "etc/cups-files.conf").write_text(
        "\n".join(
            [
                f"RequestRoot {root}/spool",
                f"TempDir {root}/tmp",
                f"CacheDir {root}/cache",
                f"StateDir {root}/state",
                f"ErrorLog {root}/log/error_log",
                f"AccessLog {root}/log/access_log",
                f"PageLog {root}/log/page_log",
                f"ServerBin {root}/bin",
                "DataDir /usr/share/cups",
                "",
            ]
        )
    )
    (root / "etc/cupsd.conf").write_text(
        f"Listen {root}/cups.sock\nLogLevel info\nWebInterface No\nBrowsing No\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    process = subprocess.Popen(
        [
            cupsd,
            "-f",
            "-c",
            str(root / "etc/cupsd.conf"),
            "-s",
            str(root / "etc/cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = CupsServer(root, process, queue, root / "out" / f"{queue}.prn")
    deadline = time.monotonic() + 10
    while not (root / "cups.sock").exists():
        if process.poll() is not None or time.monotonic() > deadline:
            log = (root / "log/error_log").read_text() if (root / "log/error_log").exists() else ""
            process.kill()
            unavailable(f"cupsd did not start: {log[-500:]}")
        time.sleep(0.05)
    subprocess.run(
        [lpadmin, "-h", server.socket, "-p", queue, "-E", "-v", f"capture:{server.output}"],
        check=True,
        capture_output=True,
    )
    return server
