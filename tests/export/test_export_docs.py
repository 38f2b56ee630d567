"""docs/export.md matches the code: Shapefile field names, default columns; doctests run."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

from tracker.export import ACLED, DEFAULT, FORMATS

DOCS = Path(__file__).resolve().parents[2] / "docs"
DOC = (DOCS / "export.md").read_text(encoding="utf-8")
SCHEMA = (DOCS / "schema.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    start = DOC.index(f"## {title}")
    end = DOC.find("\n## ", start + 1)
    return DOC[start : end if end != -1 else None]


def _table_pairs(text: str) -> list[tuple[str, str]]:
    return re.findall(r"^\| `([a-z_0-9]+)` \| `?([a-z_0-9]+)`? \|", text, flags=re.MULTILINE)


def test_shapefile_field_map_is_documented_exactly() -> None:
    documented = dict(_table_pairs(_section("Shapefile field names")))
    mapped = {c.name: c.shapefile_name for layout in (DEFAULT, ACLED) for c in layout.columns}
    assert documented == {name: short for name, short in mapped.items() if short}


def test_default_columns_are_documented_in_order() -> None:
    # The default layout is the event record, listed once, in docs/schema.md.
    start = SCHEMA.index("## The event record")
    table = SCHEMA[start : SCHEMA.index("\n## ", start + 1)]
    documented = _table_pairs(table)
    assert [name for name, _ in documented] == list(DEFAULT.names)
    assert [kind for _, kind in documented] == [c.kind.value for c in DEFAULT.columns]


def test_every_format_is_documented() -> None:
    formats = _section("Formats")
    assert all(f"| `{name}`" in formats for name in FORMATS)


@pytest.mark.parametrize(
    "module",
    [
        "tracker.export",
        "tracker.export.api",
        "tracker.export.columns",
        "tracker.export.features",
        "tracker.export.formats",
        "tracker.export.metadata",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted > 0 and result.failed == 0
