#!/usr/bin/env python3
"""Error listing for the TRAIN part of ../shared/corpus/dev (never the check part): for every train
report, the gold events the extractor missed, its false alarms, type-matched pairs whose place or
date disagree, and attribute disagreements on compatible pairs. For error analysis by class.

  .venv/bin/python scripts/train_errors.py [--seeds] [STEM ...] > /tmp/train_errors.txt
"""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"
spec = importlib.util.spec_from_file_location("score", ROOT.parent / "shared" / "tools" / "score.py")
score = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score)


def short(ev: dict, text: str | None = None) -> str:
    d = ev.get("date") or {}
    pl = ev.get("place") or {}
    pen = ev.get("penalty") or {}
    subj = ev.get("subjects") or {}
    acts = ",".join(f"{a.get('id')}/{a.get('role')[:4]}" for a in ev.get("actors") or [])
    bits = [ev["type"] + ("(opt)" if ev.get("optional") else ""), f"date={d.get('start')}..{d.get('end')}/{d.get('precision')}" if d else "date=None",
            f"place={pl.get('id')}", f"n={subj.get('count')}", f"chg={ev.get('charges')}",
            f"pen={pen.get('kind')}:{pen.get('min_months')}-{pen.get('max_months')}" if pen else "", f"mod={ev.get('modality')}",
            f"act={acts}"]
    return " ".join(b for b in bits if b)


def evidence(ev: dict, text: str) -> str:
    if "evidence_text" in ev:
        return ev["evidence_text"]
    return " | ".join(text[s["start"]:s["end"]] for s in ev.get("evidence") or [])[:400]


def main() -> int:
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents
    global DEV
    args = sys.argv[1:]
    if args[:1] == ["--seeds"]:  # the two seed reports (no check part there)
        DEV, args = DEV.parent / "seeds", args[1:]
    split = DEV / "split.json"
    check = set(json.loads(split.read_text())["check"]) if split.exists() else set()
    stems = args or sorted(p.name[:-10] for p in DEV.glob("*.gold.json") if p.name[:-10] not in check)
    for stem in stems:
        if stem in check:
            print(f"{stem} is in the check part: not listed")
            continue
        gold = json.loads((DEV / f"{stem}.gold.json").read_text())
        doc = run_stages(next(iter(iter_documents(DEV / f"{stem}.json"))).doc)
        pred = doc.to_json()
        text = pred["document"]["text"]
        gevs, pevs = gold.get("events") or [], pred["events"]
        by_type = defaultdict(lambda: ([], []))
        for i, g in enumerate(gevs):
            by_type[g["type"]][0].append(i)
        for j, p in enumerate(pevs):
            by_type[p["type"]][1].append(j)
        lines = []
        for typ, (gi, pj) in by_type.items():
            w = [[score.pair_weight(gevs[i], pevs[j]) for j in pj] for i in gi]
            pairs = [(gi[a], pj[b]) for a, b in score.hungarian(w)] if gi and pj else []
            pg, pp = {i for i, _ in pairs}, {j for _, j in pairs}
            for i in gi:
                if i not in pg and not gevs[i].get("optional"):
                    lines.append(f"  MISS  {short(gevs[i])}\n        << {evidence(gevs[i], text)}")
            for j in pj:
                if j not in pp:
                    lines.append(f"  FALSE {short(pevs[j])}\n        >> {evidence(pevs[j], text)}")
            for i, j in pairs:
                g, p = gevs[i], pevs[j]
                if g.get("optional"):
                    continue
                ok = score.places_compatible(score.place_id(g), score.place_id(p)) and score.dates_compatible(score.date_range(g), score.date_range(p))
                if not ok:
                    lines.append(f"  INCOMPAT gold {short(g)}\n           pred {short(p)}\n        << {evidence(g, text)}\n        >> {evidence(p, text)}")
                    continue
                diffs = []
                gp, pp_ = g.get("penalty") or None, p.get("penalty") or {}
                if gp and (gp.get("kind"), gp.get("min_months"), gp.get("max_months")) != (pp_.get("kind"), pp_.get("min_months"), pp_.get("max_months")):
                    diffs.append("penalty")
                gc = (g.get("subjects") or {}).get("count")
                if gc is not None and gc != (p.get("subjects") or {}).get("count"):
                    diffs.append("count")
                if (g.get("modality") or "asserted") != (p.get("modality") or "asserted"):
                    diffs.append("modality")
                if "charges" in g:
                    gs, ps = set(g.get("charges") or []), set(p.get("charges") or []) - (set(g.get("charges_optional") or []) - set(g.get("charges") or []))
                    if gs != ps:
                        diffs.append("charges")
                if any(a.get("role") in ("authority", "issuer") for a in g.get("actors") or []) and score.authority_ids(g) != score.authority_ids(p):
                    diffs.append("actors")
                if diffs:
                    lines.append(f"  ATTR[{','.join(diffs)}] gold {short(g)}\n           pred {short(p)}\n        << {evidence(g, text)}\n        >> {evidence(p, text)}")
        if lines:
            print(f"== {stem} published={gold.get('published')}")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
