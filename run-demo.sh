#!/usr/bin/env bash
# Install the tracker into ./.venv and run its main job on the bundled example
# articles: its own SQLite file in out/ (never your default database),
# built-in gazetteer, no network. Prints where the database, the map and the
# GeoJSON file are.
set -euo pipefail
cd "$(dirname "$0")"
if ! python3 -c "import ensurepip" 2>/dev/null; then
  # Debian ships venv support separately.
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq python3-venv >/dev/null; fi
fi
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
# The demo migrates a database an older checkout left in out/ by itself.
exec .venv/bin/tracker demo --out out "$@"
