"""Atomic writes: the new bytes or the old, and no staging file left behind."""

from __future__ import annotations

from returndesk.core.files import write_atomically


def test_replaces_the_file_and_leaves_no_staging_file(tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    target = folder / "photo.jpg"
    target.write_bytes(b"old")
    write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in folder.iterdir()] == ["photo.jpg"]


def test_a_chosen_staging_name(tmp_path):
    target = tmp_path / "a.jpg"
    write_atomically(target, b"x", temporary=tmp_path / ".a.jpg.part")
    assert target.read_bytes() == b"x"
    assert not (tmp_path / ".a.jpg.part").exists()
