"""Score incident linking on the dev reports: report-pair precision, recall and F1.

    .venv/bin/python scripts/score_incidents.py [--corpus ../shared/corpus/dev] [--json]

Ingests every dev report (not the gold files) into a temporary SQLite store with `nkevents
ingest`, reads `nkevents incidents --format json`, counts two reports as linked when they share an
incident, and compares the linked pairs with corpus/dev/clusters.json (reports of one incident;
every dev report not in a cluster is its own incident). Exits 0 with a message when the shared
corpus is absent.
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


def nkevents(*args: str) -> str:
    exe = Path(sys.executable).with_name("nkevents")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "nkevents.cli"]
    done = subprocess.run(cmd + list(args), capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"nkevents {' '.join(args[:1])} failed: {done.stderr.strip()[-500:]}")
    return done.stdout


def pairs_of(groups) -> set[frozenset]:
    return {frozenset(p) for g in groups for p in itertools.combinations(sorted(set(g)), 2)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    clusters_file = args.corpus / "clusters.json"
    if not clusters_file.exists():
        print(f"score_incidents: skipped ({clusters_file} not found; the shared corpus is absent)")
        return 0
    files = sorted(p for p in args.corpus.glob("*.json")
                   if p.name != "clusters.json" and not p.name.endswith(".gold.json"))
    names = {p.stem for p in files}
    gold = pairs_of([c for c in json.loads(clusters_file.read_text()) if len(c) > 1])

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

    predicted = pairs_of([[report_of[r["id"]] for r in i["reports"]] for i in found])
    predicted = {p for p in predicted if p <= names}
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    from nkevents import EXTRACTOR_VERSION
    figures = {"reports": len(files), "gold_pairs": len(gold), "predicted_pairs": len(predicted),
               "true_pairs": tp, "precision": round(precision, 3), "recall": round(recall, 3),
               "f1": round(f1, 3), "extractor_version": EXTRACTOR_VERSION,
               "wrong": sorted("+".join(sorted(p)) for p in predicted - gold),
               "missed": sorted("+".join(sorted(p)) for p in gold - predicted)}
    if args.json:
        print(json.dumps(figures))
    else:
        print(f"incidents (dev, {len(files)} reports, extractor {EXTRACTOR_VERSION}): "
              f"report-pair precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
              f"({tp} of {len(gold)} gold pairs, {len(predicted)} predicted)")
        if figures["wrong"]:
            print("  wrongly linked: " + ", ".join(figures["wrong"]))
        if figures["missed"]:
            print("  missed: " + ", ".join(figures["missed"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
