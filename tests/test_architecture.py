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


def _extract_imports(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """(module, names) of every import of ``tracker.extract`` or below in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[tuple[str, tuple[str, ...]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, ()) for a in node.names if a.name.startswith("tracker.extract")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = tuple(a.name for a in node.names)
            if node.module.startswith("tracker.extract"):
                found.append((node.module, names))
            elif node.module == "tracker" and "extract" in names:
                found.append(("tracker.extract", ("*",)))
    return found


def test_ingest_uses_only_the_extraction_seam() -> None:
    """The pipeline is handed its extractor: it names the protocol, never the rules."""
    seam = {"Extractor", "extractor_for"}
    offenders = {
        str(path.relative_to(ROOT)): imports
        for path in (ROOT / "tracker" / "ingest").rglob("*.py")
        if (imports := _extract_imports(path))
        and any(module != "tracker.extract" or set(names) - seam for module, names in imports)
    }
    assert offenders == {}
    sink = ROOT / "tracker" / "ingest" / "sink.py"
    assert _extract_imports(sink), "the sink should take the Extractor type from tracker.extract"
