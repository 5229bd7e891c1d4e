"""Which shared libraries in a Linux bundle nothing kept in it needs any more.

PyInstaller collects a library's dependencies before the spec drops the library (the GTK
theme plugin, for one, brings cairo, pango, harfbuzz and gdk-pixbuf), so dropping a plugin
leaves its dependencies behind. Only two kinds of file are candidates here, because only
these are loaded purely as someone's dependency: the host libraries PyInstaller copied to the
top of the bundle, and the libraries a wheel vendors in its ``<name>.libs`` folder. Every
other binary (Python extension modules, Qt's libraries and plugins, libpython, which the
bootloader opens by name) is a root, kept whatever links it, as are the libraries a kept
binary opens at run time with dlopen instead of linking (``ALWAYS_NEEDED``).
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

#: opened with dlopen, never linked: Qt D-Bus loads libdbus-1 itself
ALWAYS_NEEDED = frozenset({"libdbus-1.so.3"})


def _prunable(dest: str) -> bool:
    path = PurePosixPath(dest.replace("\\", "/"))
    top_level_host_library = (
        len(path.parts) == 1
        and path.name.startswith("lib")
        and not path.name.startswith("libpython")
    )
    vendored_by_a_wheel = len(path.parts) == 2 and path.parts[0].endswith(".libs")
    return top_level_host_library or vendored_by_a_wheel


def unneeded(
    binaries: Iterable[tuple[str, str, str]],
    needed_by: Callable[[str], list[str]],
    always_needed: Iterable[str] = ALWAYS_NEEDED,
) -> set[str]:
    """The destination names of prunable binaries that no root reaches through DT_NEEDED.

    ``binaries`` are PyInstaller TOC entries (dest, source, typecode); ``needed_by(source)``
    lists the sonames a binary links."""
    entries = [(dest, source) for dest, source, _ in binaries]
    by_name: dict[str, list[tuple[str, str]]] = {}
    for dest, source in entries:
        by_name.setdefault(PurePosixPath(dest.replace("\\", "/")).name, []).append((dest, source))
    pending = [entry for entry in entries if not _prunable(entry[0])]
    for name in always_needed:
        pending += by_name.get(name, [])
    reached: set[str] = set()
    while pending:
        dest, source = pending.pop()
        if dest in reached:
            continue
        reached.add(dest)
        for name in needed_by(source):
            pending += by_name.get(name, [])
    return {dest for dest, _ in entries if _prunable(dest) and dest not in reached}


def readelf_needed(path: str) -> list[str]:
    """The DT_NEEDED entries of an ELF file (binutils, which PyInstaller needs on Linux)."""
    # binutils' readelf, from the PATH, on the build's own files
    command = ["readelf", "--dynamic", "--wide", path]
    result = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    return [
        line.split("[", 1)[1].split("]", 1)[0]
        for line in result.stdout.splitlines()
        if "(NEEDED)" in line
    ]
