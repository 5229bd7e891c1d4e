"""Collect the licences of everything the frozen station bundles into build/licenses/.

One folder per distribution installed in the build environment (its licence files from the
package metadata), and NOTICE.txt: which libraries are LGPL, that they are linked dynamically
and can be replaced (the one-folder build keeps them as separate files).
Usage: <build venv>/bin/python packaging/licenses.py
"""

from __future__ import annotations

import shutil
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "build" / "licenses"
#: build tools, not bundled
SKIP = {
    "pyinstaller",
    "pyinstaller-hooks-contrib",
    "pip",
    "setuptools",
    "wheel",
    "altgraph",
    "packaging",
    "macholib",
    "pefile",
}

NOTICE = """ReturnDesk {version} — third-party software in this installation

Qt 6 (through PySide6/Shiboken6) is used under the GNU Lesser General Public License v3, and
FFmpeg (Qt's media backend) under the GNU LGPL v2.1 or later. Both are linked dynamically: their
libraries are separate files in this installation and may be replaced by compatible builds.
The source of Qt is at https://download.qt.io, of PySide6 at https://code.qt.io/pyside,
of FFmpeg at https://ffmpeg.org.

Every other bundled Python distribution has its licence in the folder of its name.
"""


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from returndesk import __version__

    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    count = 0
    for dist in sorted(metadata.distributions(), key=lambda d: d.metadata["Name"].lower()):
        name = dist.metadata["Name"]
        if name.lower() in SKIP:
            continue
        folder = TARGET / f"{name}-{dist.version}"
        folder.mkdir(exist_ok=True)
        found = [
            f
            for f in (dist.files or [])
            if any(part in f.name.upper() for part in ("LICENSE", "LICENCE", "COPYING", "NOTICE"))
        ]
        for file in found:
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                shutil.copyfile(source, folder / file.name)
        if not found:
            (folder / "LICENSE-METADATA.txt").write_text(
                f"{name} {dist.version}: {dist.metadata.get('License') or 'see the project'}\n"
            )
        count += 1
    (TARGET / "NOTICE.txt").write_text(NOTICE.format(version=__version__))
    print(f"licences of {count} distributions in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
