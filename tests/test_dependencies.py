"""The dependency floors pyproject.toml declares are the versions tests/min-versions.sh tests."""

from __future__ import annotations

import sys
from pathlib import Path

from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent


def _floors(requirements: list[str]) -> dict[str, str]:
    out = {}
    for line in requirements:
        req = Requirement(line)
        floors = [s.version for s in req.specifier if s.operator == ">="]
        assert len(floors) == 1, f"{line!r}: give it exactly one '>=' floor, tested by min-versions.sh"
        out[req.name.lower()] = floors[0]
    return out


def _pins(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            req = Requirement(line)
            (spec,) = req.specifier
            assert spec.operator == "==", f"{line!r}: constraints pin exact versions"
            out[req.name.lower()] = spec.version
    return out


def test_every_floor_is_the_version_the_lowest_versions_run_installs():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = _floors(project["dependencies"])
    extras = project["optional-dependencies"]
    declared["mkdocs-material"] = _floors([r for r in extras["test"] if r.startswith("mkdocs-material")])[
        "mkdocs-material"
    ]
    assert _floors(extras["material"]) == {"mkdocs-material": declared["mkdocs-material"]}
    pinned = _pins((ROOT / "tests" / "constraints-min.txt").read_text(encoding="utf-8"))
    assert pinned == declared


def test_the_lowest_versions_run_is_part_of_ci():
    assert "tests/min-versions.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
