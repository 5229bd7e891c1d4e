"""What the headless commands print and how they end: exit codes, and one-line output.

The exit codes are an interface other tooling relies on (the README lists them).
"""

from __future__ import annotations

import sys

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_USAGE = 2
EXIT_STORAGE = 3
EXIT_LOCKED = 4
EXIT_NOTHING_QUEUED = 5
EXIT_BLOCKED = 6


def shown(value: object) -> str:
    """``value`` safe to print on one terminal line: control and invisible characters (a
    newline that would forge a line, a bidi override) appear as escapes."""
    text = str(value)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)


def err(message: str) -> None:
    print(shown(message), file=sys.stderr)
