#!/usr/bin/env python3
"""Cleaning diagnostic for the TRAIN part of ../shared/corpus/dev (never the check part): for every
train report, the gold `boilerplate` strings that survive cleaning (with the line they sit on) and
the gold `keep` strings that cleaning lost. For error analysis of residue shapes by class.

  .venv/bin/python scripts/train_residue.py [--removed] [STEM ...] > /tmp/train_residue.txt

--removed also lists what cleaning took out of each report (to spot body lines removed wrongly).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def train_stems() -> list[str]:
    check = set(json.loads((DEV / "split.json").read_text())["check"])
    stems = sorted(p.name[: -len(".gold.json")] for p in DEV.glob("*.gold.json"))
    return [s for s in stems if s not in check]


def line_of(text: str, s: str) -> str:
    at = text.find(s)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text[start:end if end >= 0 else len(text)]


def main(argv: list[str]) -> int:
    from nkevents.stages import clean
    from nkevents.stages.read import iter_documents

    show_removed = "--removed" in argv
    wanted = [a for a in argv if not a.startswith("--")]
    train = train_stems()
    stems = [s for s in wanted if s in train] if wanted else train
    n_boiler = n_left = n_keep = n_lost = 0
    for stem in stems:
        gold = json.loads((DEV / f"{stem}.gold.json").read_text())
        doc = clean.run(next(iter(iter_documents(DEV / f"{stem}.json"))).doc)
        left = [s for s in gold.get("boilerplate") or [] if s in doc.text]
        lost = [s for s in gold.get("keep") or [] if s not in doc.text]
        n_boiler += len(gold.get("boilerplate") or [])
        n_left += len(left)
        n_keep += len(gold.get("keep") or [])
        n_lost += len(lost)
        if not (left or lost or show_removed):
            continue
        print(f"== {stem}  outlet={doc.outlet!r}")
        for s in left:
            print(f"  LEFT {s!r}\n       line: {line_of(doc.text, s)[:300]!r}")
        for s in lost:
            print(f"  LOST {s!r}")
        if show_removed:
            for r in doc.removed:
                print(f"  removed[{r.kind}] {r.text[:160]!r}")
    print(f"boilerplate strings left {n_left}/{n_boiler}, keep strings lost {n_lost}/{n_keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
