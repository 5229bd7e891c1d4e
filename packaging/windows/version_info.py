"""Write build/version_info.txt, the Windows version resource PyInstaller puts into
returndesk.exe (Explorer's Details tab), from the package version.

Usage: python packaging/windows/version_info.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

TEMPLATE = """VSVersionInfo(
  ffi=FixedFileInfo(filevers=({t}), prodvers=({t}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', 'ReturnDesk team'),
      StringStruct('FileDescription', 'ReturnDesk return-receiving station'),
      StringStruct('FileVersion', '{v}'),
      StringStruct('InternalName', 'returndesk'),
      StringStruct('OriginalFilename', 'returndesk.exe'),
      StringStruct('ProductName', 'ReturnDesk'),
      StringStruct('ProductVersion', '{v}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from returndesk import __version__

    parts = [int(p) for p in __version__.split(".")[:3]] + [0]
    target = ROOT / "build" / "version_info.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(TEMPLATE.format(t=", ".join(map(str, parts[:4])), v=__version__))
    print(f"wrote {target} for {__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
