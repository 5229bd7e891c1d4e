import subprocess
import sys

import pytest

from returndesk import __version__
from returndesk.cli import main


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "returndesk", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_self_test_prints_ok_and_exits_zero():
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("OK ")
    assert "environment=SANDBOX" in line
    assert "frame=" in line


def test_self_test_reports_bad_settings(tmp_path):
    config = tmp_path / "bad.toml"
    config.write_text('[nshift]\nbase_url = "http://example.com"\n')
    result = run("--self-test", "--config", str(config))
    assert result.returncode == 1
    assert result.stdout.startswith("FAILED")
    assert "https://" in result.stdout


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_station_refuses_to_start_half_configured(tmp_path, capsys):
    config = tmp_path / "s.toml"
    config.write_text('[nshift]\nbase_url = "https://staging.returnado.com/public-api/v3"\n')
    assert main(["--config", str(config)]) == 2
    assert "not fully configured" in capsys.readouterr().err


@pytest.mark.parametrize("count", ["0", "100001"])
def test_sandbox_serve_refuses_an_impossible_rma_count(count, capsys):
    assert main(["sandbox", "serve", "--port", "0", "--rmas", count]) == 2
    assert "--rmas must be between 1 and 100000" in capsys.readouterr().err
