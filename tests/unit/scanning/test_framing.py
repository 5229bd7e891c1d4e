"""Serial framing without a port: terminators, chunks, STX/ETX, silence, noise."""

from __future__ import annotations

import pytest

from returndesk.scanning.framing import MAX_FRAME_BYTES, FrameTooLong, LineAssembler


@pytest.mark.parametrize(
    ("terminator", "stream"),
    [
        ("CR", b"A1001\rB1002\r"),
        ("LF", b"A1001\nB1002\n"),
        ("CRLF", b"A1001\r\nB1002\r\n"),
        ("ETX", b"\x02A1001\x03\x02B1002\x03"),
        ("auto", b"A1001\r\nB1002\x03"),
    ],
)
def test_each_terminator_byte_by_byte(terminator, stream):
    frames = LineAssembler(terminator)
    out = []
    for byte in stream:
        out += frames.feed(bytes([byte]))
    assert out == ["A1001", "B1002"]


def test_mixed_terminators_in_auto_mode():
    frames = LineAssembler("auto")
    assert frames.feed(b"A1\rB2\nC3\r\nD4\x03\x02E5\x03") == ["A1", "B2", "C3", "D4", "E5"]


def test_silence_ends_a_frame_without_terminator():
    frames = LineAssembler("auto")
    assert frames.feed(b"4006381333931") == []
    assert frames.pending
    assert frames.flush() == "4006381333931"
    assert frames.flush() is None


def test_utf8_split_across_reads():
    frames = LineAssembler("CR")
    data = "Größe\r".encode()
    assert frames.feed(data[:3]) == []
    assert frames.feed(data[3:]) == ["Größe"]


def test_noise_without_terminator_is_dropped():
    frames = LineAssembler("CR")
    with pytest.raises(FrameTooLong):
        frames.feed(b"\xff" * (MAX_FRAME_BYTES + 1))
    assert frames.feed(b"#1001\r") == ["#1001"]


def test_bytes_that_are_not_utf8_become_replacement_characters():
    assert LineAssembler("CR").feed(b"RM\xc3\xff\r") == ["RM\ufffd\ufffd"]
