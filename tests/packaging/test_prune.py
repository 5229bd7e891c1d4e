"""The bundle's orphan libraries: only what no kept binary links goes, and only host
libraries or a wheel's vendored ones can go."""

from __future__ import annotations

import shutil

import pytest
from prune import readelf_needed, unneeded  # packaging/pyinstaller, put on the path by conftest

LINKS = {
    "/site/PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so": ["libQt6Gui.so.6"],
    "/site/PySide6/Qt/lib/libQt6Gui.so.6": ["libfontconfig.so.1", "libglib-2.0.so.0"],
    "/usr/lib/libfontconfig.so.1": ["libfreetype.so.6", "libexpat.so.1"],
    "/usr/lib/libfreetype.so.6": ["libpng16.so.16"],
    "/usr/lib/libpng16.so.16": [],
    "/usr/lib/libexpat.so.1": [],
    "/usr/lib/libglib-2.0.so.0": ["libpcre2-8.so.0"],
    "/usr/lib/libpcre2-8.so.0": [],
    # only the dropped GTK theme linked these
    "/usr/lib/libcairo.so.2": ["libpixman-1.so.0", "libfreetype.so.6"],
    "/usr/lib/libpixman-1.so.0": [],
    # Pillow: the kept core module and the dropped FreeType module's vendored libraries
    "/site/PIL/_imaging.so": ["libjpeg-1a2b.so.62"],
    "/site/pillow.libs/libjpeg-1a2b.so.62": [],
    "/site/pillow.libs/libharfbuzz-3c4d.so.0": ["libfreetype-5e6f.so.6"],
    "/site/pillow.libs/libfreetype-5e6f.so.6": [],
    "/usr/lib/libdbus-1.so.3": [],
    "/py/libpython3.11.so.1.0": [],
    "/site/_cffi_backend.so": ["libffi.so.8"],
    "/usr/lib/libffi.so.8": [],
}


def _toc() -> list[tuple[str, str, str]]:
    toc = []
    for source in LINKS:
        name = source.rsplit("/", 1)[1]
        # a wheel's files keep their folders; host libraries go to the top of the bundle
        dest = source.removeprefix("/site/") if source.startswith("/site/") else name
        toc.append((dest, source, "BINARY"))
    return toc


def test_what_only_dropped_binaries_linked_is_unneeded():
    orphans = unneeded(_toc(), lambda source: LINKS[source])
    assert orphans == {
        "libcairo.so.2",
        "libpixman-1.so.0",
        "pillow.libs/libharfbuzz-3c4d.so.0",
        "pillow.libs/libfreetype-5e6f.so.6",
    }


def test_roots_stay_even_when_nothing_links_them():
    orphans = unneeded(_toc(), lambda source: LINKS[source])
    # libpython (the bootloader opens it), extension modules and Qt's plugins link nothing
    # of each other, yet stay; so does what they link (libffi for cffi's backend)
    for kept in (
        "libpython3.11.so.1.0",
        "_cffi_backend.so",
        "libffi.so.8",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "libfreetype.so.6",
        "libpng16.so.16",
        "libpcre2-8.so.0",
    ):
        assert kept not in orphans


def test_a_library_opened_with_dlopen_stays():
    assert "libdbus-1.so.3" not in unneeded(_toc(), lambda source: LINKS[source])
    assert "libdbus-1.so.3" in unneeded(_toc(), lambda source: LINKS[source], always_needed=())


@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils (readelf) not installed")
def test_readelf_lists_what_a_real_extension_module_links():
    import _ssl

    assert {"libssl.so.3", "libc.so.6"} <= set(readelf_needed(_ssl.__file__))
    assert readelf_needed(__file__) == []  # not an ELF file: links nothing
