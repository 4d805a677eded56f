#!/usr/bin/env python3
"""Digests of the extraction output, to check that a change meant for speed changes no output.

    python bench/check_same_output.py --write /tmp/before.json     # record
    python bench/check_same_output.py --compare /tmp/before.json   # after a change: exit 1 on any difference

Extracts every report of the dev corpus and the seeds plus --generated reports from
bench/make_reports.py, and keeps one SHA-256 per report of `doc.to_json()` and one of the
intermediate fields the stages assign (sentences, mentions), so a difference shows even when it does not
reach the output. Only digests are written or compared, never output: the check reports are among them.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_reports import corpus_reports, generate  # noqa: E402

from nkevents.pipeline import run_stages  # noqa: E402
from nkevents.stages.read import from_fields  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPORA = (ROOT.parent / "shared" / "corpus" / "dev", ROOT.parent / "shared" / "corpus" / "seeds")


def reports(generated: int) -> dict[str, dict]:
    out = {f"{folder.name}/{stem}": fields for folder in CORPORA for stem, fields in corpus_reports(folder)}
    for i, r in enumerate(generate(generated, seed=11)):
        out[f"generated/{i}"] = r
    return out


def digest(value) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=repr).encode()).hexdigest()


def digests(generated: int) -> dict[str, list[str]]:
    out = {}
    for name, fields in reports(generated).items():
        doc = run_stages(from_fields(**fields))
        inner = [doc.sentences, doc.paragraphs, doc.place_mentions, doc.date_mentions, doc.title_dates,
                 doc.foreign_mentions, doc.landmark_mentions, doc.source_place]
        out[name] = [digest(doc.to_json()), digest(repr(inner))]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--generated", type=int, default=300)
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args()
    now = digests(args.generated)
    if args.write:
        args.write.write_text(json.dumps(now, indent=0, sort_keys=True))
        print(f"{len(now)} reports digested")
        return
    before = json.loads(args.compare.read_text())
    output = [k for k in before if before[k][0] != now.get(k, [None])[0]]
    inner = [k for k in before if before[k][1] != now.get(k, [None, None])[1]]
    missing = set(before) ^ set(now)
    print(f"{len(now)} reports: {len(output)} with other output, {len(inner)} with other intermediate fields, "
          f"{len(missing)} missing on one side")
    sys.exit(1 if output or inner or missing else 0)


if __name__ == "__main__":
    main()
