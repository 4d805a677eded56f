#!/usr/bin/env python3
"""CPU milliseconds per report spent in each stage (time.process_time, median of --runs runs).

    python bench/bench_stages.py [--corpus ../shared/corpus/dev] [--count 500] [--runs 3] [--profile N]

With --profile N it prints instead the N costliest functions of one run under cProfile.
Not a test: it prints figures.
"""
from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_reports import corpus_reports, generate  # noqa: E402

from nkevents.pipeline import STAGES  # noqa: E402
from nkevents.stages.read import from_fields  # noqa: E402

def load(corpus: Path | None, count: int) -> list[dict]:
    if corpus is None:
        return list(generate(count, seed=7))
    pool = [fields for _, fields in corpus_reports(corpus)]
    return list(itertools.islice(itertools.cycle(pool), count))


def one_run(reports: list[dict]) -> dict[str, float]:
    spent = {"read": 0.0, **{s.__name__.rsplit(".", 1)[1]: 0.0 for s in STAGES}}
    for r in reports:
        t = time.process_time()
        doc = from_fields(**r)
        spent["read"] += time.process_time() - t
        for stage in STAGES:
            t = time.process_time()
            doc = stage.run(doc)
            spent[stage.__name__.rsplit(".", 1)[1]] += time.process_time() - t
    return {k: v * 1000 / len(reports) for k, v in spent.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--count", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0)
    args = ap.parse_args()
    reports = load(args.corpus, args.count)
    one_run(reports[:150])  # warm-up: lexicons, gazetteer and patterns compiled on first use
    if args.profile:
        import cProfile
        import pstats
        prof = cProfile.Profile()
        prof.runcall(one_run, reports)
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
        return
    runs = [one_run(reports) for _ in range(args.runs)]
    for name in runs[0]:
        print(f"{name:10s} {statistics.median(r[name] for r in runs):6.2f} ms")
    total = statistics.median(sum(r.values()) for r in runs)
    print(f"{'total':10s} {total:6.2f} ms  ({1000 / total:.0f} reports per CPU-second)")


if __name__ == "__main__":
    main()
