"""Field paths into JSON answers: ``order_number``, ``metadata.nshift_id``, ``shipments.id``.

A path is field names joined by dots. A list on the way is walked entry by entry, so a path
through a list collects one value from each entry. Used for integrators' mappings of vendor
fields that the vendor's documentation does not name.
"""

from __future__ import annotations

from typing import Any

#: what a path found when it names nothing
MISSING: Any = object()


def resolve(data: Any, path: str) -> Any:
    """The value at a dotted ``path``; a list on the way is walked entry by entry."""
    value: Any = data
    for part in path.split("."):
        if isinstance(value, list):
            found = [resolve(entry, part) for entry in value]
            value = [
                x
                for entry in found
                if entry is not MISSING
                for x in (entry if isinstance(entry, list) else [entry])
            ]
            continue
        if not isinstance(value, dict) or part not in value:
            return MISSING
        value = value[part]
    return value


def check_path(path: str) -> str:
    """A mapping value as settings accept it: empty, or dot-separated field names."""
    path = path.strip()
    if not path:
        return path
    path = path.removeprefix("items[].")
    for part in path.split("."):
        if not part or not all(ch.isalnum() or ch in "_-$@" for ch in part):
            raise ValueError(
                f"{path!r} is not a field path: field names joined by dots, "
                "like order_number or metadata.nshift_id"
            )
    return path
