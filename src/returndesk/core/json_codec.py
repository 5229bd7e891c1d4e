"""JSON that keeps money exact.

The vendors want amounts as JSON *numbers* with the currency's minor units (``39.00``), and the
standard encoder only knows ``float``. This encoder writes a ``Decimal`` as its own digits, and
the decoder reads every non-integer number back as ``Decimal``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any


def dumps(value: Any) -> str:
    parts: list[str] = []
    _encode(value, parts)
    return "".join(parts)


def loads(text: str | bytes) -> Any:
    return json.loads(text, parse_float=Decimal, parse_constant=_refuse_constant)


class TooDeep(ValueError):
    """Nested deeper than a document of ours ever is (and deep enough to exhaust a parser)."""


#: a string (skipped whole) or a bracket: what nesting depth is counted from
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def check_depth(text: str, limit: int) -> None:
    """Raise :class:`TooDeep` if ``text`` opens more than ``limit`` arrays/objects at once;
    counted without parsing, so a hostile file cannot exhaust the parser's recursion."""
    depth = 0
    for match in _TOKENS.finditer(text):
        bracket = match.group()
        if bracket in "[{":
            depth += 1
            if depth > limit:
                raise TooDeep(f"nested more than {limit} levels deep")
        elif bracket in "]}":
            depth -= 1


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not a number")


#: the C string encoder json.dumps uses (without ensure_ascii); calling json.dumps per value
#: built a new encoder each time, a third of the outbox's per-item cost
_string = json.encoder.encode_basestring


def _encode(value: Any, out: list[str]) -> None:
    if isinstance(value, str):
        out.append(_string(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError("cannot encode a non-finite amount")
        # 'f' keeps the exponent the amount was quantized to (39.00, not 39 or 3.9E+1)
        out.append(format(value, "f"))
    elif isinstance(value, datetime):
        out.append(_string(value.isoformat()))
    elif isinstance(value, Mapping):
        out.append("{")
        for i, (key, item) in enumerate(value.items()):
            if i:
                out.append(",")
            out.append(_string(str(key)))
            out.append(":")
            _encode(item, out)
        out.append("}")
    elif isinstance(value, Sequence):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            _encode(item, out)
        out.append("]")
    else:
        raise TypeError(f"cannot encode {type(value).__name__} as JSON")
