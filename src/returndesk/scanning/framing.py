"""Cutting a serial scanner's byte stream into scans.

Serial (and USB-CDC) scanners end each code with CR, LF, CR LF or ETX, or send nothing and go
quiet. Reads arrive in arbitrary chunks, so bytes are kept until a terminator (or the caller's
idle timeout) completes a frame. In "auto" mode any of the terminators ends a frame and empty
frames between them (the LF of CR LF, split across reads) are dropped.
"""

from __future__ import annotations

from typing import Literal

Terminator = Literal["auto", "CR", "LF", "CRLF", "ETX"]
STX, ETX = b"\x02", b"\x03"
#: more than this without a terminator is noise (a wrong baud rate), not a code
MAX_FRAME_BYTES = 16 * 1024

_ENDS: dict[str, tuple[bytes, ...]] = {
    # an STX also closes what came before it: a frame whose scanner sends no terminator
    "auto": (b"\r\n", b"\r", b"\n", ETX, STX),
    "CR": (b"\r",),
    "LF": (b"\n",),
    "CRLF": (b"\r\n",),
    "ETX": (ETX,),
}


class FrameTooLong(ValueError):
    """The port sent a long run of bytes without a terminator; they were dropped."""


class LineAssembler:
    def __init__(self, terminator: Terminator = "auto") -> None:
        self._ends = _ENDS[terminator]
        self._buffer = bytearray()

    @property
    def pending(self) -> bool:
        return bool(self._buffer.strip(b"\r\n"))

    def feed(self, data: bytes) -> list[str]:
        """The scans that ``data`` completes, in order; raises FrameTooLong for noise."""
        self._buffer += data
        frames: list[str] = []
        while True:
            cut = self._first_end()
            if cut is None:
                break
            start, end = cut
            frame = bytes(self._buffer[:start])
            del self._buffer[:end]
            text = _text(frame)
            if text:
                frames.append(text)
        if len(self._buffer) > MAX_FRAME_BYTES:
            self._buffer.clear()
            raise FrameTooLong(f"more than {MAX_FRAME_BYTES} bytes without a terminator")
        return frames

    def flush(self) -> str | None:
        """The port went quiet: what is held is a whole scan (a scanner without a suffix)."""
        frame, self._buffer = bytes(self._buffer), bytearray()
        return _text(frame) or None

    def _first_end(self) -> tuple[int, int] | None:
        best: tuple[int, int] | None = None
        for end in self._ends:
            index = self._buffer.find(end)
            if index >= 0 and (best is None or index < best[0]):
                best = (index, index + len(end))
        return best


def _text(frame: bytes) -> str:
    frame = frame.strip(b"\r\n")
    if frame.startswith(STX):
        frame = frame[1:]
    # undecodable bytes become U+FFFD, which the normaliser refuses (wrong baud rate)
    return frame.decode("utf-8", errors="replace")
