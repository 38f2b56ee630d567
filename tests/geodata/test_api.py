"""The curated public API of geodata and its independence from tracker."""

from __future__ import annotations

import subprocess
import sys

import geodata
import geodata.geocoders


def test_everything_in_all_is_importable():
    for module in (geodata, geodata.geocoders):
        for name in module.__all__:
            assert getattr(module, name) is not None, name


def test_geodata_never_imports_tracker():
    code = (
        "import sys, geodata, geodata.store, geodata.geocoders, geodata.download, "
        "geodata.evaluate; print(any(m == 'tracker' or m.startswith('tracker.') "
        "for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
