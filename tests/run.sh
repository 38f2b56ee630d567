#!/usr/bin/env bash
# The whole test suite from nothing: system packages, a virtual environment,
# the npm assets the map tests serve locally, a PostgreSQL+PostGIS server, then
# lint and pytest. Run as root (or with sudo) on Debian 12 with Python 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

echo "== system packages"
as_root apt-get update -qq
pkgs=(python3-venv postgresql postgresql-15-postgis-3 chromium fonts-dejavu-core)
command -v npm >/dev/null || pkgs+=(nodejs npm)
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null

echo "== PostgreSQL with PostGIS"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_ver=$(basename "$(dirname "$pg_bin")")
as_root pg_lsclusters -h | grep -q "^$pg_ver main" || as_root pg_createcluster "$pg_ver" main >/dev/null
as_root pg_ctlcluster "$pg_ver" main start 2>/dev/null || true
for _ in $(seq 1 30); do "$pg_bin/pg_isready" -q -h 127.0.0.1 && break; sleep 1; done
as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname='tracker'\"" | grep -q 1 \
  || as_root su postgres -c "psql -qc \"CREATE ROLE tracker LOGIN SUPERUSER PASSWORD 'tracker'\""
as_root su postgres -c "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname='tracker_test'\"" | grep -q 1 \
  || as_root su postgres -c "createdb -O tracker tracker_test"
export TRACKER_TEST_PG_URL="postgresql+psycopg://tracker:tracker@127.0.0.1:5432/tracker_test"

echo "== Python environment"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
.venv/bin/python -c "import tracker, geodata, maps, playwright, pytest_postgresql"

echo "== npm assets for the browser tests"
npm ci --no-audit --no-fund --loglevel=error

echo "== lint"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

echo "== tests"
# pytest exits 5 when it collects nothing; set -e turns that into a failure too.
.venv/bin/python -m pytest "$@"
