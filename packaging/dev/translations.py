"""Update the translation sources from the code and compile them for the package.

Usage: .venv/bin/python packaging/dev/translations.py [--check]

1. ``pyside6-lupdate`` collects every ``tr()`` / ``QT_TRANSLATE_NOOP`` string of the UI, and
   every ``Say("…")`` template of the Qt-free core (context ``core``; lupdate cannot see
   those, so they are handed to it as ``QT_TRANSLATE_NOOP`` lines of a scratch file), into
   ``resources/translations/returndesk_<lang>.ts`` (translations already made are kept;
   strings no longer in the code are dropped). Translate new strings with
   ``pyside6-linguist resources/translations/returndesk_sv.ts`` (or any XML editor).
2. ``pyside6-lrelease`` compiles each ``.ts`` into ``src/returndesk/translations/*.qm``,
   which ship in the package.

``--check`` only compiles into a scratch folder and fails when a committed ``.qm`` differs
(the test suite runs the same comparison).
"""

from __future__ import annotations

import ast
import filecmp
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "resources" / "translations"
COMPILED = ROOT / "src" / "returndesk" / "translations"
LANGUAGES = ("sv", "de")
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    found = BIN / name
    return str(found) if found.exists() else name


def ts_file(language: str) -> Path:
    return SOURCES / f"returndesk_{language}.ts"


def core_sentences() -> list[str]:
    """Every ``Say("…")`` template outside the UI, which must be a literal to be translated."""
    package = ROOT / "src" / "returndesk"
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        if path.relative_to(package).parts[0] == "ui" or path.name == "operator_text.py":
            continue  # the UI translates with tr(); operator_text.py defines Say itself
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Say"
            ):
                continue
            first = node.args[0] if node.args else None
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                raise ValueError(f"{path}:{node.lineno}: Say() needs a literal template")
            found.add(first.value)
    return sorted(found)


def default_words() -> list[str]:
    """The default grading words (grade meanings, dispositions, questions): settings data,
    shown in the station's language while they are the defaults (see i18n.default_word)."""
    sys.path.insert(0, str(ROOT / "src"))
    from returndesk.core.disposition import DEFAULT_RULES

    words = {g["meaning"] for g in DEFAULT_RULES["grades"]}
    words |= {d["label"] for d in DEFAULT_RULES["dispositions"]}
    for guide in DEFAULT_RULES["guides"]:
        words |= {guide["name"], *(q["ask"] for q in guide["questions"])}
    return sorted(words)


def update() -> None:
    package = ROOT / "src" / "returndesk"
    # the UI, and the composition root's few words for the operator (scanner banners)
    code = [*sorted(str(p) for p in (package / "ui").rglob("*.py")), str(package / "app.py")]
    with tempfile.TemporaryDirectory() as scratch:
        core = Path(scratch) / "core_sentences.py"
        core.write_text(
            "".join(
                f'QT_TRANSLATE_NOOP("core", {json.dumps(t, ensure_ascii=False)})\n'
                for t in core_sentences()
            )
            + "".join(
                f'QT_TRANSLATE_NOOP("defaults", {json.dumps(t, ensure_ascii=False)})\n'
                for t in default_words()
            ),
            encoding="utf-8",
        )
        for language in LANGUAGES:
            subprocess.run(  # noqa: S603 (the venv's own Qt tools)
                [
                    tool("pyside6-lupdate"),
                    *code,
                    str(core),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    "-ts",
                    str(ts_file(language)),
                ],
                check=True,
            )


def compile_to(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        target = folder / f"returndesk_{language}.qm"
        subprocess.run(  # noqa: S603 (the venv's own Qt tools)
            [tool("pyside6-lrelease"), "-silent", str(ts_file(language)), "-qm", str(target)],
            check=True,
        )
        written.append(target)
    return written


def main() -> int:
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as scratch:
            stale = [
                p.name
                for p in compile_to(Path(scratch))
                if not filecmp.cmp(p, COMPILED / p.name, shallow=False)
            ]
        if stale:
            print("out of date, run packaging/dev/translations.py:", ", ".join(stale))
            return 1
        print("translations up to date")
        return 0
    SOURCES.mkdir(parents=True, exist_ok=True)
    update()
    for path in compile_to(COMPILED):
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
