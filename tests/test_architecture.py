"""The layering rule: only ``tracker`` imports ``geodata`` and ``maps``; scripts hold no logic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize(
    ("package", "forbidden"),
    [("geodata", {"tracker", "maps"}), ("maps", {"tracker", "geodata"})],
)
def test_lower_layers_do_not_import_upper_ones(package: str, forbidden: set[str]) -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(_imported_modules(path) & forbidden)
        for path in (ROOT / package).rglob("*.py")
        if _imported_modules(path) & forbidden
    }
    assert offenders == {}


def test_scripts_are_thin() -> None:
    """A scheduled job only calls the package: no loops, no branches beyond the main guard."""
    scripts = sorted((ROOT / "scripts").glob("*.py"))
    assert scripts, "scripts/ should hold the scheduled jobs"
    for path in scripts:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loops = [n for n in ast.walk(tree) if isinstance(n, ast.For | ast.While | ast.Try)]
        branches = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.If) and "__main__" not in ast.unparse(n.test)
        ]
        assert not loops and not branches, f"{path.name} has logic; move it into the package"
        assert _imported_modules(path) <= {"tracker", "sys", "__future__"}, path.name
