#!/usr/bin/env python3
"""Lexicon usage: for every pattern of data/lexicon/*.toml, on how many train and how many check
reports of ../shared/corpus/dev it fires (split.json names the check part). A pattern that fires on
a single train report and on nothing else is a suspect: a phrase lifted from one report rather than
a class of wording. Suspects are listed; the summary goes into docs/quality.md.

  .venv/bin/python scripts/lexicon_usage.py [--all] [--lexicon triggers] [--markdown]

Only whether a pattern fires is counted, on the cleaned text of each report; the check part's
per-document results are not printed.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from nkevents import lexicon
from nkevents.pipeline import run_stages
from nkevents.stages import clean, read

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def texts() -> dict[str, list[str]]:
    """Cleaned texts of the train and check reports."""
    check = set(json.loads((DEV / "split.json").read_text())["check"])
    out: dict[str, list[str]] = {"train": [], "check": []}
    for gold in sorted(DEV.glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        item = next(iter(read.iter_documents(DEV / f"{stem}.json")))
        if item.error:
            continue
        out["check" if stem in check else "train"].append(clean.run(item.doc).text)
    return out


def patterns(name: str):
    """(table, pattern) of every pattern of a lexicon, `exclude` lists left out."""
    for table, body in lexicon.load(name).items():
        if isinstance(body, dict) and "patterns" in body:
            for p in body["patterns"]:
                yield table, p


def usage(names: list[str]) -> list[dict]:
    parts = texts()
    rows = []
    for name in names:
        for table, p in patterns(name):
            rx = lexicon.alternation([p])
            counts = {part: sum(1 for t in docs if rx.search(t)) for part, docs in parts.items()}
            rows.append({"lexicon": name, "table": table, "pattern": p, **counts})
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lexicon", action="append", help="only these lexicons (default: all)")
    ap.add_argument("--all", action="store_true", help="print every pattern, not only the suspects")
    ap.add_argument("--markdown", action="store_true", help="print the summary as a markdown table")
    args = ap.parse_args()
    if not (DEV / "split.json").exists():
        print("../shared/corpus/dev/split.json is absent", file=sys.stderr)
        return 2
    names = args.lexicon or list(lexicon.LEXICON_FILES)
    rows = usage(names)
    summary: dict[str, Counter] = {}
    for r in rows:
        c = summary.setdefault(r["lexicon"], Counter())
        c["patterns"] += 1
        c["fire on train"] += r["train"] > 0
        c["fire on check"] += r["check"] > 0
        c["fire on neither"] += r["train"] == 0 and r["check"] == 0
        c["one train report only (suspects)"] += r["train"] == 1 and r["check"] == 0
    cols = ["patterns", "fire on train", "fire on check", "fire on neither", "one train report only (suspects)"]
    if args.markdown:
        print("| lexicon | " + " | ".join(cols) + " |")
        print("|---" * (len(cols) + 1) + "|")
        for name, c in summary.items():
            print(f"| {name} | " + " | ".join(str(c[k]) for k in cols) + " |")
        total = sum(summary.values(), Counter())
        print("| all | " + " | ".join(str(total[k]) for k in cols) + " |")
    else:
        for name, c in summary.items():
            print(f"{name:10s} " + "  ".join(f"{k}={c[k]}" for k in cols))
    shown = rows if args.all else [r for r in rows if r["train"] == 1 and r["check"] == 0]
    if shown:
        print("\n" + ("every pattern" if args.all else "suspects (one train report, no check report):"))
        for r in shown:
            print(f"  {r['lexicon']}.{r['table']}: train={r['train']} check={r['check']}  {r['pattern']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
