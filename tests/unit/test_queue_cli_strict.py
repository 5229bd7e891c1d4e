"""The headless commands with bad input, broken settings and refusing vendors: one clear
message and a documented exit code each, never a traceback, never a coerced value."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal

import pytest

from returndesk.cli import main
from returndesk.core import json_codec
from returndesk.outbox.model import Kind, Lane, NewItem, State
from returndesk.outbox.startup import DB_NAME, InstanceLock
from returndesk.outbox.store import OutboxStore
from returndesk.queue_cli import (
    EXIT_BLOCKED,
    EXIT_NOTHING_QUEUED,
    EXIT_OK,
    EXIT_USAGE,
)
from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox
from returndesk.sandbox.demo_data import build_demo_data
from returndesk.sandbox.server import SandboxServer
from returndesk.sandbox.urls import SandboxUrls

from ..e2e.test_outbox_faults import wms_payload


@pytest.fixture
def live(tmp_path, monkeypatch):
    """A station configured for a sandbox served over HTTP (not the demo)."""
    server = SandboxServer(Sandbox()).start()
    urls = SandboxUrls.at(server.origin)
    config = tmp_path / "settings.toml"
    config.write_text(
        f'[station]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
        f'[returnmate]\nbase_url = "{urls.returnmate}"\n'
        f'[nshift]\nbase_url = "{urls.nshift}"\n'
        f'username = "{DEMO_CREDENTIALS["nshift_username"]}"\n'
    )
    monkeypatch.setenv("RETURNDESK_RETURNMATE__API_KEY", DEMO_CREDENTIALS["returnmate_api_key"])
    monkeypatch.setenv("RETURNDESK_NSHIFT__PASSWORD", DEMO_CREDENTIALS["nshift_password"])
    yield config, server
    server.stop()


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def payload(tmp_path, mutate=None, rma="RMA-2026-000002"):
    body = wms_payload(build_demo_data().by_rma_number(rma))
    if mutate:
        mutate(body["returns"][0])
    path = tmp_path / "payload.json"
    path.write_text(json_codec.dumps(body))
    return path


def first_item(ret):
    return ret["items"][0]


COERCIONS = {
    "isAccepted yes": lambda r: first_item(r).update(isAccepted="yes"),
    "isAccepted off": lambda r: first_item(r).update(isAccepted="off"),
    "isPresent 1": lambda r: first_item(r).update(isPresent=1),
    "itemCount string": lambda r: r.update(itemCount=str(r["itemCount"])),
    "itemCount 2.0": lambda r: r.update(itemCount=Decimal(f"{r['itemCount']}.0")),
    "amount string": lambda r: first_item(r).update(netAmount="0", grossAmount="0"),
    "amount boolean": lambda r: first_item(r).update(taxAmount=False),
}


@pytest.mark.parametrize("name", list(COERCIONS))
def test_submit_never_coerces_a_type(capsys, tmp_path, name):
    code, out, err = cli(capsys, "submit", "--file", str(payload(tmp_path, COERCIONS[name])))
    assert code == EXIT_USAGE
    assert "is not a valid wms-update" in err
    assert out == ""  # nothing queued


def test_submit_refuses_deep_nesting_without_exhausting_the_parser(capsys, tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    code, _, err = cli(capsys, "submit", "--file", str(path))
    assert code == EXIT_USAGE
    assert "nested more than 16 levels deep" in err


@pytest.mark.parametrize("char", ["\n", "\u202e", "\u200b", "\x00"], ids=repr)
def test_submit_refuses_control_and_invisible_characters_in_ids(capsys, tmp_path, char):
    forged = f"NSR00000002{char}queued return FORGED"

    def mutate(ret):
        ret["returnId"] = forged

    code, out, err = cli(capsys, "submit", "--file", str(payload(tmp_path, mutate)))
    assert code == EXIT_USAGE
    assert "invisible or control character" in err
    assert "queued" not in out
    # nothing echoed raw: no forged line, no invisible character
    assert not any(line.startswith("queued return") for line in (out + err).splitlines())
    assert char == "\n" or char not in err


def test_a_duplicate_submit_queues_nothing_and_says_so_by_its_exit_code(capsys, tmp_path):
    path = payload(tmp_path)
    assert cli(capsys, "submit", "--file", str(path))[0] == EXIT_OK
    code, _out, err = cli(capsys, "submit", "--file", str(path))
    assert code == EXIT_NOTHING_QUEUED
    assert "already submitted" in err
    assert "nothing was queued" in err


def test_configuration_errors_are_one_message_and_exit_2(capsys, live, monkeypatch):
    config, _ = live
    monkeypatch.delenv("RETURNDESK_NSHIFT__PASSWORD")
    code, _, err = cli(capsys, "--config", str(config), "queue", "drain")
    assert code == EXIT_USAGE
    assert "nShift password" in err
    monkeypatch.setenv("RETURNDESK_NSHIFT__PASSWORD", "pw")
    for key, expected in (("wmtech_live_abc", "real refunds"), ("sk_abc", "starts with")):
        text = config.read_text() + '[wmtech]\nbase_url = "https://wm.example/v1"\n'
        config.with_name("wm.toml").write_text(text)
        monkeypatch.setenv("RETURNDESK_WMTECH__API_KEY", key)
        code, _, err = cli(capsys, "--config", str(config.with_name("wm.toml")), "queue", "drain")
        assert code == EXIT_USAGE
        assert expected in err
    bad = config.with_name("photo.toml")
    bad.write_text(
        config.read_text()
        + '[photos]\nstore = "folder"\nfolder = "/srv"\npublic_base_url = "http://p.example/"\n'
    )
    code, _, err = cli(capsys, "--config", str(bad), "queue", "list")
    assert code == EXIT_USAGE
    assert "https://" in err


def test_drain_after_401_names_the_refusal_and_the_pause_and_fails(
    capsys, tmp_path, live, monkeypatch
):
    config, _server = live
    assert cli(capsys, "--config", str(config), "submit", "--file", str(payload(tmp_path)))[0] == 0
    monkeypatch.setenv("RETURNDESK_NSHIFT__PASSWORD", "wrong-password")
    code, out, err = cli(capsys, "--config", str(config), "queue", "drain")
    assert code == EXIT_BLOCKED
    assert "0 sent, 1 waiting" in out
    assert "refused the station's credentials" in err
    assert "nshift:" in err
    assert "wrong-password" not in err + out
    code, _, err = cli(
        capsys, "--config", str(config), "queue", "drain", "--until-empty", "--max-wait", "30"
    )
    assert code == EXIT_BLOCKED  # at once, not after 30 s: waiting cannot fix credentials
    assert "refused the station's credentials" in err


def test_until_empty_gives_up_after_max_wait_with_a_message(capsys, tmp_path, live):
    import socket

    config, server = live
    assert cli(capsys, "--config", str(config), "submit", "--file", str(payload(tmp_path)))[0] == 0
    with socket.socket() as probe:  # a port nobody listens on: nShift never answers
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    text = config.read_text().replace(server.origin, closed)
    config.write_text(text)
    code, _out, err = cli(
        capsys, "--config", str(config), "queue", "drain", "--until-empty", "--max-wait", "1"
    )
    assert code == EXIT_BLOCKED
    assert "gave up after 1 s with 1 item(s) still waiting" in err


def test_queue_list_while_a_drain_sends_changes_no_row(capsys, tmp_path, live):
    config, _ = live
    data = tmp_path / "data"
    store = OutboxStore(data / DB_NAME)
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": "x", "status": "received"})])
    store.claim_next(Lane.RETURNMATE)  # another process is sending it right now
    lock = InstanceLock(data)
    lock.acquire()  # ...and holds the station's lock
    try:
        before = store.connection.execute("SELECT * FROM outbox").fetchall()
        for args in (
            ("queue", "list"),
            ("queue", "list", "--json"),
            ("queue", "export", str(tmp_path / "x")),
        ):
            assert cli(capsys, "--config", str(config), *args)[0] == EXIT_OK
        assert cli(capsys, "--config", str(config), "queue", "retry", "--all")[0] == EXIT_OK
        after = store.connection.execute("SELECT * FROM outbox").fetchall()
    finally:
        lock.release()
    assert after == before
    assert store.items()[0].state is State.SENDING
    store.close()


def test_list_shows_no_stale_next_time_for_sent_rows_and_escapes_ids(capsys, tmp_path, live):
    config, _ = live
    store = OutboxStore(tmp_path / "data" / DB_NAME)
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": "x", "status": "received"})])
    store.record_sent(store.claim_next(Lane.RETURNMATE).id, {})
    item = store.claim_next(Lane.RETURNMATE)
    store.close()
    code, out, _ = cli(capsys, "--config", str(config), "queue", "list")
    assert code == EXIT_OK
    sent_line = next(line for line in out.splitlines() if " sent " in line)
    assert "next=" not in sent_line
    del item


def test_resolve_and_analyze_from_the_command_line(capsys, tmp_path, live):
    config, _ = live
    store = OutboxStore(tmp_path / "data" / DB_NAME)
    (note,) = store.enqueue([NewItem(Kind.RMA_NOTE, {"rma_id": "x", "content": "y"})])
    from returndesk.outbox.policy import Outcome
    from returndesk.outbox.store import utcnow

    store.record_outcome(
        store.claim_next(Lane.RETURNMATE),
        Outcome(State.NEEDS_ATTENTION, utcnow(), "no answer", was_unknown=True),
    )
    code, _, err = cli(capsys, "--config", str(config), "queue", "retry", note[:8])
    assert code == EXIT_USAGE
    assert "may duplicate" in err
    code, _, err = cli(
        capsys, "--config", str(config), "queue", "resolve", note[:8], "--reason", " "
    )
    assert code == EXIT_USAGE
    assert "say why" in err
    code, _out, _ = cli(
        capsys, "--config", str(config), "queue", "resolve", note[:8], "--reason", "on the RMA"
    )
    assert code == EXIT_OK
    assert store.get(note).state is State.RESOLVED
    code, _, err = cli(capsys, "--config", str(config), "queue", "analyze", "nope.jpg")
    assert code == EXIT_NOTHING_QUEUED
    assert "no photo named 'nope.jpg'" in err
    store.close()


def test_a_closed_pipe_ends_quietly(tmp_path):
    # no vendor configured: the demo station, whose data live in the folder's demo/
    store = OutboxStore(tmp_path / "data" / "demo" / DB_NAME)
    store.enqueue(
        [NewItem(Kind.RMA_STATUS, {"rma_id": f"x{n}", "status": "received"}) for n in range(3000)]
    )
    store.close()
    config = tmp_path / "settings.toml"
    config.write_text(f'[station]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n')
    listing = subprocess.Popen(
        [sys.executable, "-m", "returndesk", "--config", str(config), "queue", "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ},
    )
    listing.stdout.readline()  # like `head -1`
    listing.stdout.close()
    _, err = listing.communicate(timeout=60)
    assert b"Traceback" not in err
    assert b"BrokenPipe" not in err
    assert listing.returncode == 141
