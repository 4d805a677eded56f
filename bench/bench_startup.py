#!/usr/bin/env python3
"""Start-up: wall-clock seconds of a fresh `nkevents extract --format json REPORT` process (what a
scorer that runs one process per report pays for each), median of --runs processes.

    python bench/bench_startup.py [--runs 5] [--report ../shared/corpus/dev/dev-101.json]

Each process runs this checkout's code (src/ first on PYTHONPATH) with this interpreter. Also the
median of a process that only imports the command (`import nkevents.cli`). Not a test: it prints figures.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# as the `nkevents` console script runs it (the command line is read when nkevents.cli is imported)
EXTRACT = ("import sys; sys.argv = ['nkevents', 'extract', '--format', 'json', sys.argv[1]]; "
           "from nkevents.cli import main; main()")


def timed(args: list[str], env: dict) -> tuple[float, float]:
    """(wall-clock, CPU) seconds of one process: on a busy machine the CPU time is the steadier figure."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, check=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--report", type=Path, default=ROOT.parent / "shared" / "corpus" / "dev" / "dev-101.json")
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    timed([sys.executable, "-c", "import nkevents.cli"], env)  # warm the file cache and .pyc files
    imports = [timed([sys.executable, "-c", "import nkevents.cli"], env) for _ in range(args.runs)]
    extracts = [timed([sys.executable, "-c", EXTRACT, str(args.report)], env) for _ in range(args.runs)]
    for what, runs in (("import nkevents.cli", imports), ("extract one report", extracts)):
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"start-up: {what:20s} {statistics.median(walls):.3f} s wall, {statistics.median(cpus):.3f} s CPU "
              f"(medians of {args.runs} fresh processes; wall min {min(walls):.3f} s, max {max(walls):.3f} s)")


if __name__ == "__main__":
    main()
