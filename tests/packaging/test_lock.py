"""The locks: every dependency pyproject.toml names is pinned, hashed, and admitted by its
bounds; every recipe installs from a lock, never by resolving afresh."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
LOCKS = {
    "runtime": ROOT / "requirements" / "runtime.txt",
    "test": ROOT / "requirements" / "test.txt",
}


def pins(path: Path) -> dict[str, str]:
    """name -> version of each ``name==version`` line, and that each carries a hash."""
    text = path.read_text()
    found = {}
    for block in re.split(r"\n(?=\S)", text):
        match = re.match(r"([A-Za-z0-9_.\-]+)==([^\s;\\]+)", block)
        if match is None:
            continue
        assert "--hash=sha256:" in block, f"{path.name}: {match.group(1)} has no hash"
        found[canonicalize_name(match.group(1))] = match.group(2)
    return found


def declared(extra: str | None) -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    names = list(project["dependencies"])
    if extra:
        names += project["optional-dependencies"][extra]
    return [Requirement(r) for r in names]


@pytest.mark.parametrize(("lock", "extra"), [("runtime", None), ("test", "test")])
def test_every_declared_dependency_is_pinned_within_its_bounds(lock, extra):
    pinned = pins(LOCKS[lock])
    for requirement in declared(extra):
        name = canonicalize_name(requirement.name)
        assert name in pinned, f"{lock} lock misses {name}: run bash packaging/dev/lock.sh"
        assert requirement.specifier.contains(pinned[name], prereleases=True), (
            f"{name}=={pinned[name]} in the {lock} lock is outside {requirement.specifier}: "
            "run bash packaging/dev/lock.sh"
        )


def test_the_runtime_lock_is_what_the_test_lock_holds():
    runtime, test = pins(LOCKS["runtime"]), pins(LOCKS["test"])
    assert {name: test.get(name) for name in runtime} == runtime


@pytest.mark.parametrize(
    "recipe",
    [
        "packaging/dev/check.sh",
        "packaging/dev/station.sh",
        "packaging/dev/check.ps1",
        "packaging/dev/station.ps1",
        "packaging/linux/build_linux.sh",
        ".github/workflows/windows-installer.yml",
    ],
)
def test_every_recipe_installs_from_a_lock(recipe):
    text = (ROOT / recipe).read_text()
    uses_lock = "requirements" in text and ("--require-hashes" in text or "make_venv" in text)
    assert uses_lock, f"{recipe} resolves dependencies afresh"
    assert "--no-deps" in text or "make_venv" in text
