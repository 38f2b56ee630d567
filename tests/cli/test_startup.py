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


def test_a_gazetteer_load_into_a_new_file_runs_without_alembic(tmp_path) -> None:
    # A new SQLite file gets its schema from the recorded DDL (tracker/store/fast_schema.py);
    # the console entry point then exits as usual.
    from pathlib import Path

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "geonames"
    db = tmp_path / "new.db"
    args = ["--db", f"sqlite:///{db}", "gazetteer", "load", str(fixtures / "UA_sample.txt")]
    loaded = _loaded_after(
        "import sys\nfrom tracker.cli import main\n"
        f"sys.argv = ['tracker', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit as done:\n    assert done.code in (0, None), done.code"
    )
    assert "geodata.store" in loaded and db.with_name("new.db.index").exists()
    assert sorted(loaded & {"alembic", "geoalchemy2", "shapely"}) == []
