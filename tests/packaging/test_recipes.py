"""The packaging recipes cannot rot silently: they parse, name files that exist, agree on the
version, and an existing frozen build still passes its self-test. (The full build is
packaging/linux/build_linux.sh; it takes two minutes and is not part of this suite.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from returndesk import __version__
from returndesk.cli import _parser

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def test_the_spec_is_python_and_names_files_that_exist():
    spec = (PACKAGING / "pyinstaller" / "returndesk.spec").read_text()
    compile(spec, "returndesk.spec", "exec")
    for needed in ("launcher.py", "returndesk.ico", "licenses", "biip", "translations/*.qm"):
        assert needed in spec
    assert "upx=False" in spec
    assert "strip=False" in spec
    assert "optimize=0" in spec
    assert (PACKAGING / "pyinstaller" / "launcher.py").exists()
    assert (PACKAGING / "assets" / "returndesk.ico").read_bytes()[:4] == b"\0\0\1\0"
    assert (ROOT / "src" / "returndesk" / "icons" / "returndesk.png").exists()


def test_the_changelog_leads_with_the_package_version():
    first = re.search(r"^## (\S+)", (ROOT / "CHANGELOG.md").read_text(), re.M)
    assert first is not None
    assert first.group(1) == __version__


def test_every_recipe_reads_the_one_version():
    control = (PACKAGING / "linux" / "control.in").read_text()
    assert "Version: @VERSION@" in control
    build = (PACKAGING / "linux" / "build_linux.sh").read_text()
    assert "returndesk.__version__" in build
    nsi = (PACKAGING / "windows" / "returndesk.nsi").read_text()
    assert "!error" in nsi  # no default version: the build must pass the package's
    workflow = (ROOT / ".github" / "workflows" / "windows-installer.yml").read_text()
    assert "returndesk.__version__" in workflow
    assert "/DVERSION=${{ steps.version.outputs.version }}" in workflow


def test_the_commands_the_recipes_start_exist():
    parser = _parser()
    for args in (
        ["--kiosk"],
        ["--demo"],
        ["--self-test", "--self-test-log", "x"],
        ["--restart-on-crash"],
        ["admin", "set-pin", "--stdin"],
    ):
        parser.parse_args(args)
    for recipe in (
        "kiosk/linux/returndesk-kiosk.service",
        "kiosk/linux/returndesk-kiosk.desktop",
        "kiosk/windows/install-kiosk-autostart.ps1",
        "windows/returndesk.nsi",
    ):
        assert "--kiosk" in (PACKAGING / recipe).read_text(), recipe


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
@pytest.mark.parametrize(
    "entry", ["linux/returndesk.desktop", "kiosk/linux/returndesk-kiosk.desktop"]
)
def test_menu_entries_validate(entry):
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / entry)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (apt-get install nsis)")
def test_the_windows_installer_script_compiles(tmp_path):
    payload = tmp_path / "returndesk"
    payload.mkdir()
    (payload / "returndesk.exe").write_bytes(b"MZ")
    out = tmp_path / "setup.exe"
    result = subprocess.run(
        [
            "makensis",
            "-V2",
            "-DNOCOMPRESS",
            f"-DVERSION={__version__}",
            f"-DSRCDIR={payload}",
            f"-DOUTFILE={out}",
            str(PACKAGING / "windows" / "returndesk.nsi"),
        ],
        capture_output=True,
        text=True,
        cwd=PACKAGING / "windows",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert out.read_bytes()[:2] == b"MZ"


FROZEN = ROOT / "dist" / "returndesk" / "returndesk"


@pytest.mark.skipif(not FROZEN.exists(), reason="no frozen build (packaging/linux/build_linux.sh)")
def test_an_existing_frozen_build_passes_its_self_test(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(tmp_path / var)
    result = subprocess.run(
        [str(FROZEN), "--self-test"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^OK .*frozen=True", result.stdout, re.M)


#: what the bundle takes from the host on purpose (PyInstaller leaves these out; the .deb's
#: Depends and Recommends name their packages): glibc, the GL/EGL dispatch, libdrm, libxcb
#: and what libxcb links, and Wayland's client libraries
HOST_LIBRARIES = {
    "ld-linux-x86-64.so.2",
    "ld-linux-aarch64.so.1",
    "libc.so.6",
    "libm.so.6",
    "libdl.so.2",
    "libpthread.so.0",
    "librt.so.1",
    "libresolv.so.2",
    "libutil.so.1",
    "libGL.so.1",
    "libEGL.so.1",
    "libGLX.so.0",
    "libOpenGL.so.0",
    "libGLdispatch.so.0",
    "libdrm.so.2",
    "libxcb.so.1",
    "libwayland-client.so.0",
    "libwayland-cursor.so.0",
    "libwayland-egl.so.1",
}


def _is_elf(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(4) == b"\x7fELF"


@pytest.mark.skipif(not FROZEN.exists(), reason="no frozen build (packaging/linux/build_linux.sh)")
@pytest.mark.skipif(shutil.which("readelf") is None, reason="binutils (readelf) not installed")
def test_every_library_the_frozen_build_links_is_bundled_or_left_to_the_host():
    """Trimming the bundle (packaging/pyinstaller/prune.py) must never take a library that a
    kept one still links: it would load the host's copy, or nothing."""
    from prune import readelf_needed  # packaging/pyinstaller, put on the path by conftest

    bundle = FROZEN.parent / "_internal"
    elves = [path for path in bundle.rglob("*.so*") if not path.is_symlink() and _is_elf(path)]
    present = {path.name for path in bundle.rglob("*.so*")}
    linked = {name for path in elves for name in readelf_needed(str(path))}
    assert len(elves) > 100
    assert linked - present - HOST_LIBRARIES == set()


def test_the_readme_screenshots_still_render(tmp_path):
    """packaging/dev/screenshots.py drives the real flow; it broke twice when what it wires
    changed shape, and nothing else runs it."""
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "dev" / "screenshots.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shots = sorted(path.name for path in tmp_path.glob("*.png"))
    assert shots == [
        "items.png",
        "queue.png",
        "ready-sv.png",
        "ready.png",
        "settings.png",
        "unknown.png",
    ]
    for shot in tmp_path.glob("*.png"):
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert shot.stat().st_size > 20_000, shot.name  # a drawn screen, not an empty one
