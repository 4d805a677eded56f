#!/usr/bin/env python3
"""Score the extractor on the train and check parts of ../shared/corpus/dev (split.json) with the
project's scorer, fast: every report is extracted in this one process (the same code and JSON as
`nkevents extract --format json`), written to a temporary directory, and scored with
`score.py --pred`. Prints the scorer's summary of each part; `--per-doc` prints per-document lines
for the train part only (the check part's per-document errors are not for reading while developing).

  .venv/bin/python scripts/score_split.py [--part train|check|both] [--per-doc] [--json]
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev"


def parts() -> dict[str, list[str]]:
    check = set(json.loads((DEV / "split.json").read_text())["check"])
    stems = sorted(p.name[: -len(".gold.json")] for p in DEV.glob("*.gold.json"))
    return {"train": [s for s in stems if s not in check], "check": [s for s in stems if s in check]}


def predict(stems: list[str], gold_dir: Path, pred_dir: Path, source: Path = DEV) -> None:
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents
    for stem in stems:
        for suffix in (".json", ".gold.json"):
            (gold_dir / f"{stem}{suffix}").symlink_to(source / f"{stem}{suffix}")
        try:
            item = next(iter(iter_documents(source / f"{stem}.json")))
            doc = run_stages(item.doc)
            (pred_dir / f"{stem}.json").write_text(json.dumps(doc.to_json(), ensure_ascii=False))
        except Exception as exc:  # noqa: BLE001 - a failed report is scored as failed, not fatal
            print(f"{stem}: {type(exc).__name__}: {exc}", file=sys.stderr)


def score(gold_dir: Path, pred_dir: Path, extra: list[str]) -> str:
    cmd = [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(gold_dir), "--pred", str(pred_dir), *extra]
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--part", default="both", choices=("train", "check", "both"))
    ap.add_argument("--per-doc", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not (DEV / "split.json").exists():
        print("../shared/corpus/dev/split.json is absent", file=sys.stderr)
        return 2
    for part, stems in parts().items():
        if args.part not in ("both", part):
            continue
        with tempfile.TemporaryDirectory() as tmp:
            gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
            gold_dir.mkdir()
            pred_dir.mkdir()
            predict(stems, gold_dir, pred_dir)
            extra = ["--json"] if args.json else (["--per-doc"] if args.per_doc and part == "train" else [])
            out = score(gold_dir, pred_dir, extra)
            if args.json:
                print(json.dumps({part: json.loads(out[out.index("{"):out.rindex("}") + 1])}))
            else:
                print(f"== {part} ({len(stems)} reports)")
                if part == "check":  # the figures only: not even per type
                    out = out.split("per type")[0] + out.strip().splitlines()[-1] + "\n"
                print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
