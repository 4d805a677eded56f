"""Score incident linking on the dev reports: report-pair precision, recall and F1, for all of dev,
its train part and its check part (../shared/corpus/dev/split.json), with floors for CI.

    .venv/bin/python scripts/score_incidents.py [--corpus ../shared/corpus/dev] [--json] [--no-floor]

Ingests every dev report (not the gold files) into a temporary SQLite store with `nkevents
ingest`, reads `nkevents incidents --format json`, counts two reports as linked when they share an
incident, and compares the linked pairs with corpus/dev/clusters.json (reports of one incident;
every dev report not in a cluster is its own incident). A part's figures count the pairs whose two
reports are both in that part. Wrong and missed pairs are listed for the train part only: the
check part stands in for reports nobody has seen, so only its figures are printed.

Floors: eval/incidents_floor.json holds the lowest precision and recall each part may show; the
script exits 1 when a figure falls below its floor by more than the floor's tolerance (one pair's
worth on the small check part), so CI fails on a real regression, not on the noise of one pair
moved by a change of the extractor. Exits 0 with a message when the shared corpus is absent.
"""
from __future__ import annotations

import argparse
import itertools
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "dev"
FLOORS = ROOT / "eval" / "incidents_floor.json"
NOT_REPORTS = {"clusters.json", "split.json"}


def nkevents(*args: str) -> str:
    exe = Path(sys.executable).with_name("nkevents")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "nkevents.cli"]
    done = subprocess.run(cmd + list(args), capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"nkevents {' '.join(args[:1])} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def pairs_of(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def figures(gold: set, predicted: set, names: set[str]) -> dict:
    """Pair figures restricted to pairs whose two reports are in `names`."""
    gold = {p for p in gold if p <= names}
    predicted = {p for p in predicted if p <= names}
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"reports": len(names), "gold_pairs": len(gold), "predicted_pairs": len(predicted),
            "true_pairs": tp, "precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(f1, 3)}


def link_dev(files: list[Path]) -> set[frozenset]:
    """Ingest the reports into a new store and return the report pairs sharing an incident."""
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "dev.db")
        # Each stored report keeps the file it was read from (its `source`): that names it here.
        report_of: dict[str, str] = {}
        nkevents("ingest", *map(str, files), "--db", db)
        from nkevents.store import Store
        with Store.open(db) as store:
            for rid in store.report_ids():
                rep = store.get_report(rid)
                report_of[rid] = Path(rep.get("source") or "").stem
        found = json.loads(nkevents("incidents", "--db", db, "--format", "json") or "[]")
    return pairs_of([[report_of[r["id"]] for r in i["reports"]] for i in found])


def check_floors(results: dict[str, dict], floors_file: Path) -> list[str]:
    """Figures below their floor by more than the tolerance, as one-line messages."""
    if not floors_file.exists():
        return []
    spec = json.loads(floors_file.read_text())
    failures = []
    for part, floors in spec.get("floors", {}).items():
        got = results.get(part)
        if not got:
            continue
        for name, floor in floors.items():
            tolerance = spec.get("tolerance", {}).get(part, 0.0)
            if got[name] < floor - tolerance:
                failures.append(f"incidents {part} {name} {got[name]:.3f} is below its floor "
                                f"{floor:.3f} (tolerance {tolerance:.3f}; {floors_file.name})")
    return failures


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--no-floor", action="store_true", help="print the figures, never fail")
    args = ap.parse_args()
    clusters_file = args.corpus / "clusters.json"
    if not clusters_file.exists():
        print(f"score_incidents: skipped ({clusters_file} not found; the shared corpus is absent)")
        return 0
    files = sorted(p for p in args.corpus.glob("*.json")
                   if p.name not in NOT_REPORTS and not p.name.endswith(".gold.json"))
    names = {p.stem for p in files}
    gold = pairs_of([c for c in json.loads(clusters_file.read_text()) if len(c) > 1])
    split_file = args.corpus / "split.json"
    check = set(json.loads(split_file.read_text())["check"]) if split_file.exists() else set()

    predicted = {p for p in link_dev(files) if p <= names}
    parts = {"dev": names}
    if check:
        parts.update(train=names - check, check=names & check)
    results = {part: figures(gold, predicted, members) for part, members in parts.items()}
    train = parts.get("train", names)
    train_gold = {p for p in gold if p <= train}
    train_pred = {p for p in predicted if p <= train}
    wrong = sorted("+".join(sorted(p)) for p in train_pred - train_gold)
    missed = sorted("+".join(sorted(p)) for p in train_gold - train_pred)
    from nkevents import EXTRACTOR_VERSION
    failures = [] if args.no_floor else check_floors(results, FLOORS)
    if args.json:
        print(json.dumps({**results, "extractor_version": EXTRACTOR_VERSION,
                          "train_wrong": wrong, "train_missed": missed, "failures": failures}))
    else:
        for part, r in results.items():
            print(f"incidents ({part}, {r['reports']} reports, extractor {EXTRACTOR_VERSION}): "
                  f"report-pair precision {r['precision']:.3f} recall {r['recall']:.3f} "
                  f"F1 {r['f1']:.3f} ({r['true_pairs']} of {r['gold_pairs']} gold pairs, "
                  f"{r['predicted_pairs']} predicted)")
        if wrong:
            print("  train, wrongly linked: " + ", ".join(wrong))
        if missed:
            print("  train, missed: " + ", ".join(missed))
        for f in failures:
            print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
