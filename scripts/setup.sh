#!/usr/bin/env bash
# Sets up nkevents in ./.venv from the package registries: Python packages, then the web assets.
# Idempotent: a second run only checks what is there.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[dev]"
# bytecode for the package's modules, written even where PYTHONDONTWRITEBYTECODE is set: without
# it a process extracting one report compiles their source every time (a fifth of its start-up)
.venv/bin/python -m compileall -q src
if [ -f scripts/build_assets.sh ]; then
  bash scripts/build_assets.sh
fi
