#!/usr/bin/env python3
"""Extraction speed on one core: reports/s and peak memory over generated ~2 kB reports.

    python bench/bench_extract.py [--count 3000] [--seed 7] [--corpus ../shared/corpus/dev]

The reports come from bench/make_reports.py (templates written for this project), or with --corpus
from the real reports of a corpus folder, cycled to --count. Reading is included (each report goes
through `from_fields`), writing JSON is not. Not a test: it prints figures.
"""
from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_reports import corpus_reports, generate  # noqa: E402

from nkevents.pipeline import run_stages  # noqa: E402
from nkevents.stages.read import from_fields  # noqa: E402


WARM_UP = 150


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="a folder of corpus JSON reports to cycle through instead")
    args = ap.parse_args()
    if args.corpus:
        pool = [fields for _, fields in corpus_reports(args.corpus)]
        reports = list(itertools.islice(itertools.cycle(pool), args.count))
    else:
        reports = list(generate(args.count, seed=args.seed))
    size = sum(len(r.get("text") or "") for r in reports) / len(reports)
    cold = time.perf_counter()
    run_stages(from_fields(**reports[0]))
    cold = time.perf_counter() - cold  # loading lexicons, gazetteer and the first patterns
    # patterns are compiled as reports first call for them: warm up on distinct reports before timing
    for r in reports[1:WARM_UP]:
        run_stages(from_fields(**r))
    start, cpu_start = time.perf_counter(), time.process_time()
    events = 0
    for r in reports:
        events += len(run_stages(from_fields(**r)).events)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"extract: {len(reports)} reports of {size:.0f} chars on average, {events} events")
    print(f"extract: {len(reports) / elapsed:.0f} reports/s on one core ({elapsed * 1000 / len(reports):.2f} ms each); "
          f"{len(reports) / cpu:.0f} reports per CPU-second (what the rate is on an otherwise idle core)")
    print(f"extract: first report {cold * 1000:.0f} ms (loading and compiling, once per process), "
          f"then {min(WARM_UP, len(reports)) - 1} reports of warm-up before timing")
    print(f"extract: peak memory {peak_mb:.0f} MB (whole process, reports held in memory)")


if __name__ == "__main__":
    main()
