#!/usr/bin/env bash
# The bare install reads every format: build the wheel, install it WITHOUT extras into a fresh
# virtual environment (dependencies from the package registry, as `pip install nkevents` would),
# and extract the reports in tests/fixtures/bare/ (.txt, .html, .json, .jsonl) from outside the
# source tree. Fails when an install step fails, when an extra's package got in, when a report
# gives an error or a traceback, or when a report gives no event.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-python3}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
started=$(date +%s)

# install steps are quiet unless they fail (pip's warnings would drown the test output)
step() {
  if ! "$@" >"$WORK/step.log" 2>&1; then
    echo "bare install: failed: $*" >&2
    cat "$WORK/step.log" >&2
    exit 1
  fi
}
step "$PY" -m venv "$WORK/venv"
step "$WORK/venv/bin/python" -m pip install --quiet --upgrade pip
step "$WORK/venv/bin/python" -m pip wheel --quiet --no-deps --wheel-dir "$WORK/dist" "$ROOT"
step "$WORK/venv/bin/python" -m pip install --quiet "$WORK"/dist/nkevents-*.whl

cd "$WORK"  # away from src/: the installed package is what runs
for extra_module in fastapi dask psycopg pytest; do
  if "$WORK/venv/bin/python" -c "import $extra_module" 2>/dev/null; then
    echo "bare install: $extra_module is installed, but it belongs to an extra" >&2
    exit 1
  fi
done

mkdir "$WORK/out"
if ! "$WORK/venv/bin/nkevents" extract "$ROOT"/tests/fixtures/bare/* --out "$WORK/out" 2>"$WORK/stderr"; then
  echo "bare install: nkevents extract failed:" >&2
  cat "$WORK/stderr" >&2
  exit 1
fi
if grep -q "Traceback" "$WORK/stderr"; then
  cat "$WORK/stderr" >&2
  exit 1
fi

# every report (every line of the .jsonl) gives at least one event (the fixtures have distinct
# stems: each file's output is OUT/<stem>.json, or OUT/<stem>.jsonl for the .jsonl)
"$WORK/venv/bin/python" - "$WORK/out" "$ROOT/tests/fixtures/bare" <<'PY'
import json, sys
from pathlib import Path
out, inputs = Path(sys.argv[1]), Path(sys.argv[2])
problems, counts = [], []
for src in sorted(inputs.iterdir()):
    many = src.suffix == ".jsonl"
    target = out / (src.stem + (".jsonl" if many else ".json"))
    if not target.exists():
        problems.append(f"{src.name}: no output")
        continue
    text = target.read_text(encoding="utf-8")
    objs = [json.loads(line) for line in text.splitlines() if line.strip()] if many else [json.loads(text)]
    n_lines = sum(1 for line in src.read_text(encoding="utf-8").splitlines() if line.strip()) if many else 1
    if len(objs) != n_lines:
        problems.append(f"{src.name}: {len(objs)} reports extracted, {n_lines} expected")
    for n, obj in enumerate(objs, start=1):
        where = f"{src.name}:{n}" if many else src.name
        if not obj.get("events"):
            problems.append(f"{where}: no events")
        counts.append(f"{where} {len(obj.get('events') or [])}")
for p in problems:
    print(f"bare install: {p}", file=sys.stderr)
print("bare install: events per report: " + ", ".join(counts))
sys.exit(1 if problems else 0)
PY
echo "bare install: wheel built, installed without extras, 4 formats extracted in $(( $(date +%s) - started )) s"
