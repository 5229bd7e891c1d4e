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


@pytest.fixture
def station_logging(monkeypatch):
    """The station sets up its log file and crash hook; the rest of the suite gets its own."""
    import logging

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    level = root.level
    yield
    for handler in [h for h in root.handlers if h.get_name() == "returndesk-file"]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_a_restart_the_admin_asked_for_starts_the_same_station_again(
    monkeypatch, tmp_path, station_logging
):
    import subprocess

    import returndesk.app
    from returndesk import cli
    from returndesk.supervisor import RESTART_EXIT_CODE

    started = []
    monkeypatch.setattr(returndesk.app, "run_gui", lambda station, **kw: RESTART_EXIT_CODE)
    monkeypatch.setattr(subprocess, "Popen", lambda command: started.append(command))
    monkeypatch.setattr("sys.argv", ["returndesk", "--config", str(tmp_path / "s.toml")])
    assert cli.main(["--config", str(tmp_path / "s.toml")]) == 0
    (command,) = started
    assert command[-2:] == ["--config", str(tmp_path / "s.toml")]
    # under the supervisor, the supervisor restarts it: the code is passed up instead
    monkeypatch.setenv("RETURNDESK_SUPERVISED", "1")
    assert cli.main(["--config", str(tmp_path / "s.toml")]) == RESTART_EXIT_CODE
    assert len(started) == 1


def test_set_pin_from_stdin_writes_only_a_hash(monkeypatch, tmp_path, capsys):
    import io

    from returndesk import cli
    from returndesk.settings.loader import load_settings

    config = tmp_path / "s.toml"
    monkeypatch.setattr("sys.stdin", io.StringIO("1234\n"))
    assert cli.main(["--config", str(config), "admin", "set-pin", "--stdin"]) == 2
    assert "a run like 1234" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("7351\n"))
    assert cli.main(["--config", str(config), "admin", "set-pin", "--stdin"]) == 0
    assert "7351" not in config.read_text()
    assert load_settings(config, {}).admin.pin_hash.startswith("scrypt$")


@pytest.mark.parametrize(
    ("sign_on", "screen"), [("false", "ReadyScreen"), ("true", "SignOnScreen")]
)
def test_exit_after_first_frame_names_the_first_screen_and_leaves(tmp_path, sign_on, screen):
    import os

    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "RETURNDESK_STATION__SIGN_ON": sign_on,
    }
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = str(tmp_path / var)
    result = run("--demo", "--exit-after-first-frame", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"first frame: {screen}"]
    # it started for real (its own outbox), and stopped cleanly: every database closed, so
    # no write-ahead log is left behind
    data = tmp_path / "XDG_DATA_HOME"
    assert list(data.rglob("returndesk.db"))
    assert list(data.rglob("expected-returns.db"))
    assert list(data.rglob("*.db-wal")) == []
