#!/usr/bin/env python3
"""Eval gate: score the extractor on ../shared/corpus/{seeds,dev} and fail if a dev figure is under
its floor in eval/floor.json. A floor may only go down with a `history` entry giving the reason."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CLI = ROOT / ".venv" / "bin" / "nkevents"


def score(corpus: str) -> dict:
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(SHARED / "corpus" / corpus),
           "--cmd", f"{CLI} extract --format json {{}}", "--json", "--timeout", "60"]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return json.loads(out[out.index("{"):out.rindex("}") + 1])


def check_history(spec: dict) -> list[str]:
    """Each recorded change of the floors either raises them or says why it lowers them."""
    problems, previous = [], {}
    for entry in spec["history"]:
        for key, value in entry["floors"].items():
            if value < previous.get(key, 0.0) and not entry.get("reason", "").lower().startswith("lowered"):
                problems.append(f"{key} lowered from {previous[key]} to {value} on {entry['date']} without a 'lowered: ...' reason")
            previous[key] = value
    if previous != spec["floors"]:
        problems.append(f"floors {spec['floors']} differ from the last history entry {previous}: record the change")
    return problems


def main() -> int:
    spec = json.loads((ROOT / "eval" / "floor.json").read_text())
    problems = check_history(spec)
    for corpus in ("seeds", "dev"):
        res = score(corpus)
        figures = {"event_f1": res["events_compatible"][2], "places_f1": res["places"][2],
                   "penalty_kind_acc": res["penalty_kind_acc"] or 0.0}
        print(f"{corpus}: " + " ".join(f"{k}={v:.3f}" for k, v in figures.items())
              + f" strict_f1={res['events_strict'][2]:.3f} charges_f1={res['charges'][2]:.3f}"
              f" actors_f1={res['actors'][2]:.3f} penalty_months_acc={res['penalty_months_acc'] or 0:.3f}"
              f" count_acc={res['count_acc'] or 0:.3f} modality_acc={res['modality_acc'] or 0:.3f}"
              f" boilerplate_removed={res['boilerplate_removed'] or 0:.3f} body_kept={res['body_kept'] or 0:.3f}"
              f" failed={res['failed_documents']}")
        if corpus == "dev":
            for key, value in figures.items():
                floor = spec["floors"].get(f"dev_{key}", 0.0)
                if value + 1e-9 < floor:
                    problems.append(f"dev {key} {value:.3f} is under its floor {floor:.3f}")
    for p in problems:
        print("EVAL GATE:", p)
    print("eval gate:", "FAILED" if problems else "passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
