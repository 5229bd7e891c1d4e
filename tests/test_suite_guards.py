"""The suite's own guards: a hanging test ends by timeout instead of holding CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_test_hanging_forever_fails_by_timeout(tmp_path):
    hanging = tmp_path / "test_hangs.py"
    hanging.write_text("import threading\n\ndef test_hangs():\n    threading.Event().wait()\n")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "-o",
            "timeout=2",
            str(hanging),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "Timeout" in result.stdout + result.stderr
