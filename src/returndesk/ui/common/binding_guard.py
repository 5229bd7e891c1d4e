"""Keep None, True and False alive whatever the Qt binding does to their reference counts.

PySide6 6.12 on Python 3.11 returns None from every void method (``setText``, ``QTimer.start``,
``setTimestamp`` …), and some bools, without counting the reference it hands back: each call
takes one reference from None for good. Measured here: exactly -1 per call. A station makes
thousands of such calls a minute, so None's count (about 12,000 at start) reaches zero within
the shift and the interpreter aborts ("none_dealloc: deallocating None"); the test suite hit it
at exit. Python 3.12 made these objects immortal for this reason; on 3.11 we give them an
immortal-sized count instead, which no binding can use up. Nothing is freed wrongly: these
three objects are never deallocated in a healthy interpreter either.
"""

from __future__ import annotations

import ctypes
import sys

#: far more references than a station can lose in years of running
HEADROOM = 1 << 40


def make_singletons_immortal() -> None:
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return  # immortal already
    for singleton in (None, True, False):
        # CPython <= 3.11: ob_refcnt is the object's first field, a Py_ssize_t
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < HEADROOM:
            count.value += HEADROOM
