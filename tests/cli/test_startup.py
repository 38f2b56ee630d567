"""Start-up cost: the CLI imports the heavy libraries only in the commands that use them.

Not timed (speed lives in bench/ and docs/benchmarks.md): these tests check in a
fresh interpreter which modules a start-up has loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

# Each costs from 0.1 to 0.6 s to import; none is needed to parse a command line.
HEAVY = ("geopandas", "pyogrio", "folium", "pandas", "pyarrow", "shapely", "alembic", "geopy")


def _loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(json.loads(out.stdout.splitlines()[-1]))


def test_importing_the_cli_loads_no_heavy_library() -> None:
    loaded = _loaded_after("import tracker.cli")
    assert sorted(loaded & set(HEAVY)) == []


def test_help_loads_no_heavy_library() -> None:
    loaded = _loaded_after(
        "import contextlib, io, tracker.cli\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):\n"
        "    tracker.cli.cli(['--help'], prog_name='tracker')"
    )
    assert "tracker.cli.events" in loaded  # the probe really ran the command line
    assert sorted(loaded & set(HEAVY)) == []


@pytest.mark.parametrize("heavy", ["geopandas", "folium", "pyogrio"])
def test_the_heavy_libraries_are_still_reached_where_needed(heavy: str) -> None:
    # The commands that need them import them on use: the map and the GIS exports.
    loaded = _loaded_after(
        "import tracker.mapping, tracker.export.ogr\ntracker.mapping.events_to_frame([])"
    )
    assert heavy in loaded
