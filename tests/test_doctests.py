"""Every docstring example in tracker/, geodata/ and maps/ runs, and must give what it shows.

One test per module (collected without importing anything), so a wrong example
names its module. Options match pytest's doctest defaults (ELLIPSIS). Alembic's
``migrations/`` are left out: their ``env.py`` runs only inside Alembic.
"""

from __future__ import annotations

import doctest
import importlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tracker", "geodata", "maps")


def _module_names() -> Iterator[str]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            if "migrations" in parts:
                continue
            yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = list(_module_names())


def test_every_package_is_covered() -> None:
    assert {name.split(".")[0] for name in MODULES} == set(PACKAGES)
    assert "tracker.store.engine" in MODULES and "maps.pack" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    report = io.StringIO()
    for example in doctest.DocTestFinder(exclude_empty=True).find(module, name):
        runner.run(example, out=report.write)
    assert runner.failures == 0, report.getvalue()
