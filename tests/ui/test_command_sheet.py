"""The printed command sheet: every command of the station's settings, each readable."""

from __future__ import annotations

import subprocess

import zxingcpp
from PIL import Image

from returndesk.core.disposition import default_rules
from returndesk.scanning.commands import sheet_commands
from returndesk.ui.common.command_sheet import write_command_sheet


def test_every_command_on_the_sheet_decodes_from_the_printed_page(qapp, tmp_path):
    rules = default_rules()
    pdf = write_command_sheet(tmp_path / "commands.pdf", rules, "Receiving 1")
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / "page")], check=True)
    decoded = set()
    for page in sorted(tmp_path.glob("page*.png")):
        decoded |= {b.text for b in zxingcpp.read_barcodes(Image.open(page))}
    assert decoded == {command.text for _, command in sheet_commands(rules)}
