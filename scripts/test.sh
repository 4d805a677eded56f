#!/usr/bin/env bash
# Sets up and runs every check: the test suite, then the extraction figures on ../shared (with the
# eval gate) and the incident-linking figures. PostgreSQL and browser tests run when NKEVENTS_TEST_PG
# is set and /usr/bin/chromium exists (.ci/run arranges both); otherwise they skip with a reason.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
status=0
.venv/bin/python -m pytest -q -ra || status=$?
bash scripts/check_bare_install.sh || status=$?  # the wheel without extras reads every format
if [ -d ../shared/corpus ]; then
  .venv/bin/python scripts/eval_gate.py || status=$?
  if [ -f scripts/score_incidents.py ]; then
    .venv/bin/python scripts/score_incidents.py || status=$?
  fi
else
  echo "../shared is absent: extraction figures not computed"
fi
exit $status
