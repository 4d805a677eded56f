#!/usr/bin/env python3
"""Eval gate: score the extractor on ../shared/corpus (seeds, and the train and check parts of dev
named by dev/split.json) with the project's scorer, print every figure of each part and the gap
between train and check, and fail when a figure is under its floor in eval/floor.json.

A floor may only go down with a `history` entry whose reason starts with "lowered:". Reports are
extracted in this process by the same code `nkevents extract --format json` runs (one report is
also extracted through the command line and compared, so the two cannot drift apart), then scored
with `score.py --pred`.
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from score_split import DEV, SHARED, parts, predict, score  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".venv" / "bin" / "nkevents"

# figure name -> how to read it off the scorer's --json output
FIGURES = {
    "event_f1": lambda r: r["events_compatible"][2],
    "type_only_f1": lambda r: r["events_type_only"][2],
    "strict_f1": lambda r: r["events_strict"][2],
    "places_f1": lambda r: r["places"][2],
    "penalty_kind_acc": lambda r: r["penalty_kind_acc"],
    "penalty_months_acc": lambda r: r["penalty_months_acc"],
    "count_acc": lambda r: r["count_acc"],
    "modality_acc": lambda r: r["modality_acc"],
    "charges_f1": lambda r: r["charges"][2],
    "actors_f1": lambda r: r["actors"][2],
    "boilerplate_removed": lambda r: r["boilerplate_removed"],
    "body_kept": lambda r: r["body_kept"],
}


def figures_of(stems: list[str], source: Path) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
        gold_dir.mkdir()
        pred_dir.mkdir()
        predict(stems, gold_dir, pred_dir, source)
        out = score(gold_dir, pred_dir, ["--json"])
    res = json.loads(out[out.index("{"):out.rindex("}") + 1])
    figs = {name: (read(res) or 0.0) for name, read in FIGURES.items()}
    figs["failed"] = res["failed_documents"]
    figs["documents"] = res["documents"]
    return figs


def cli_agrees(source: Path, stem: str) -> bool:
    """`nkevents extract --format json` prints what this process extracts."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
        gold_dir.mkdir()
        pred_dir.mkdir()
        predict([stem], gold_dir, pred_dir, source)
        mine = json.loads((pred_dir / f"{stem}.json").read_text())
    out = subprocess.run([str(CLI), "extract", "--format", "json", str(source / f"{stem}.json")],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out) == mine


def check_history(spec: dict) -> list[str]:
    """Each recorded change of the floors either raises them or says why it lowers them."""
    problems, previous = [], {}
    for entry in spec["history"]:
        for key in entry.get("retire", []):  # a figure no longer measured (its reason says why)
            previous.pop(key, None)
        for key, value in entry["floors"].items():
            if value < previous.get(key, 0.0) and not entry.get("reason", "").lower().startswith("lowered"):
                problems.append(f"{key} lowered from {previous[key]} to {value} on {entry['date']} without a 'lowered: ...' reason")
            previous[key] = value
    if previous != spec["floors"]:
        problems.append(f"floors {spec['floors']} differ from the last history entry {previous}: record the change")
    return problems


def line(label: str, figs: dict) -> str:
    return f"{label:6s} ({figs['documents']} reports): " + " ".join(
        f"{k}={figs[k]:.3f}" for k in FIGURES) + f" failed={figs['failed']}"


def main() -> int:
    spec = json.loads((ROOT / "eval" / "floor.json").read_text())
    problems = check_history(spec)
    results = {}
    seeds = SHARED / "corpus" / "seeds"
    if seeds.is_dir():
        stems = sorted(p.name[:-len(".gold.json")] for p in seeds.glob("*.gold.json"))
        results["seeds"] = figures_of(stems, seeds)
    split = parts()
    for part in ("train", "check"):
        results[part] = figures_of(split[part], DEV)
    for label, figs in results.items():
        print(line(label, figs))
    gap = results["train"]["event_f1"] - results["check"]["event_f1"]
    print(f"gap train - check: event_f1 {gap:+.3f}")
    for key, floor in spec["floors"].items():
        part, name = key.split("_", 1)
        value = results.get(part, {}).get(name)
        if value is None:
            problems.append(f"floor {key}: no such figure")
        elif value + 1e-9 < floor:
            problems.append(f"{part} {name} {value:.3f} is under its floor {floor:.3f}")
    if CLI.exists() and not cli_agrees(DEV, split["train"][0]):
        problems.append("`nkevents extract --format json` and the in-process extraction disagree")
    for p in problems:
        print("EVAL GATE:", p)
    print("eval gate:", "FAILED" if problems else "passed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
