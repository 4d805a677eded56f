#!/usr/bin/env bash
# The main job on the embedded default (SQLite): set up, ingest the example reports, serve the web app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NKEVENTS_DB=${NKEVENTS_DB:-nkevents.db}
.venv/bin/nkevents ingest examples/reports
.venv/bin/nkevents events --limit 20 || true
exec .venv/bin/nkevents serve --host 127.0.0.1 --port "${PORT:-8000}"
