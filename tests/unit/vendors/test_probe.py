"""Test connection against the sandbox served over real HTTP on 127.0.0.1."""

import pytest

from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.urls import SandboxUrls
from returndesk.support.connections import probe_section

pytestmark = pytest.mark.e2e


@pytest.fixture
def urls(sandbox_server):
    return SandboxUrls.at(sandbox_server.origin)


def test_each_vendor_answers_with_the_right_credentials(urls, sandbox):
    nshift = probe_section(
        "nshift",
        {"base_url": urls.nshift, "username": DEMO_CREDENTIALS["nshift_username"]},
        DEMO_CREDENTIALS["nshift_password"],
    )
    assert nshift.ok, nshift.message
    assert "HTTP 400: credentials accepted" in nshift.message
    returnmate = probe_section(
        "returnmate", {"base_url": urls.returnmate}, DEMO_CREDENTIALS["returnmate_api_key"]
    )
    assert returnmate.ok, returnmate.message
    wmtech = probe_section("wmtech", {"base_url": urls.wmtech}, DEMO_CREDENTIALS["wmtech_api_key"])
    assert wmtech.ok, wmtech.message
    assert "sandbox key accepted" in wmtech.message
    # the checks changed nothing at the vendors
    assert sandbox.nshift.applied == []
    assert sandbox.nshift.processings == {}


def test_wrong_credentials_are_reported_without_the_secret(urls):
    wrong = "Pw-canary-probe-c41d"
    for vendor, section in (
        ("nshift", {"base_url": urls.nshift, "username": "bench"}),
        ("returnmate", {"base_url": urls.returnmate}),
    ):
        result = probe_section(vendor, section, wrong)
        assert not result.ok
        assert result.message.startswith("Credentials refused")
        assert "401" in result.message
        assert wrong not in result.message


def test_unreachable_and_incomplete_settings_say_what_to_fix(unused_port):
    down = probe_section("returnmate", {"base_url": f"http://127.0.0.1:{unused_port}/v1"}, "rm_key")
    assert not down.ok
    assert "check the base URL, the network and the firewall" in down.message
    assert probe_section("nshift", {"base_url": ""}, "x").message == "Enter the base URL first."
    missing = probe_section("wmtech", {"base_url": "https://api.example.com/v1"}, None)
    assert "No credential" in missing.message
    bad = probe_section("nshift", {"base_url": "http://example.com"}, "x")
    assert not bad.ok
    assert bad.message.startswith("base_url: must start with https://")


@pytest.fixture
def unused_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
