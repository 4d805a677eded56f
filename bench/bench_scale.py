"""Serial vs Dask extraction over generated reports (issue 7). Not a test: prints figures.

    .venv/bin/python bench/bench_scale.py                    # 20,000 reports, 2 workers
    .venv/bin/python bench/bench_scale.py --count 2000 --workers 2 --store-sample 500

Reports come from bench/make_reports.py (one .jsonl.gz file, ~1.5 kB per report). The serial
run reads, extracts and writes JSON Lines in this process, as one core does; the Dask run does
the same through `nkevents.scale.run_extract_distributed` on a local cluster of --workers
processes, cluster start-up and partition planning included. Printed: reports/s of each, the
ratio, the peak resident memory of the serial process and of each Dask worker, and (with
--store-sample N) how fast one writer stores already-extracted reports in SQLite, the figure
the 1-million-report estimate in docs/scale.md needs.

The machine's cores are shared: run it when nothing else is busy, and read `load` (printed).
"""
from __future__ import annotations

import argparse
import importlib.util
import io
import json
import os
import resource
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _generator():
    spec = importlib.util.spec_from_file_location("make_reports", HERE / "make_reports.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_serial(path: Path, out: Path) -> tuple[int, float]:
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents

    started, cpu_started = time.perf_counter(), time.process_time()
    n = 0
    with out.open("w", encoding="utf-8") as f:
        for loaded in iter_documents(path):
            n += 1
            if loaded.doc is not None:
                obj = run_stages(loaded.doc).to_json()
                f.write(json.dumps({**obj, "source": loaded.source}, ensure_ascii=False) + "\n")
    return n, time.perf_counter() - started, time.process_time() - cpu_started


def run_dask(path: Path, out: Path, workers: int, partition_size: int):
    from rich.console import Console
    from nkevents.scale import RunStats, run_extract_distributed

    stats = RunStats()
    log = io.StringIO()
    cpu_started = time.process_time()
    children_started = _children_cpu()
    code = run_extract_distributed([path], out, n_workers=workers, partition_size=partition_size,
                                   stats=stats, console=Console(file=log, width=200))
    if code != 0:
        print(log.getvalue(), file=sys.stderr)
        raise SystemExit("the Dask run reported failures")
    # the cluster is closed: its processes (nannies, workers) were reaped and are counted here
    return stats, time.process_time() - cpu_started, _children_cpu() - children_started


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def store_write_rate(path: Path, sample: int, tmp: Path) -> tuple[int, float]:
    """Reports/s one writer stores in SQLite (extraction done beforehand, not timed)."""
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents
    from nkevents.store import Store

    docs = []
    for loaded in iter_documents(path):
        if len(docs) == sample:
            break
        if loaded.doc is not None:
            docs.append((loaded.source, run_stages(loaded.doc)))
    with Store.open(f"sqlite:///{tmp / 'bench.db'}") as store:
        started = time.perf_counter()
        for source, doc in docs:
            store.ingest_document(doc, source=source)
        seconds = time.perf_counter() - started
    return len(docs), seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=20_000, help="reports to generate")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--partition-size", type=int, default=100)
    ap.add_argument("--only", choices=("serial", "dask"), help="run one side only")
    ap.add_argument("--store-sample", type=int, default=0, help="also time SQLite writes of N reports")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="nkevents-bench-") as tmp_name:
        tmp = Path(tmp_name)
        path = _generator().write_reports(tmp / "in", args.count, "jsonl.gz", seed=2026)[0]
        print(f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {args.count} reports "
              f"({path.stat().st_size / 1e6:.1f} MB gzip), load {os.getloadavg()[0]:.1f}, "
              f"{os.cpu_count()} cores")
        serial_rate = dask_rate = None
        if args.only != "dask":
            n, seconds, cpu = run_serial(path, tmp / "serial.jsonl")
            serial_rate = n / seconds
            print(f"serial: {n} reports in {seconds:.1f} s = {serial_rate:.1f} reports/s, "
                  f"peak memory {peak_mb():.0f} MB; CPU {cpu:.1f} s = {1000 * cpu / n:.1f} ms "
                  f"per report ({n / cpu:.1f} reports per CPU-second)")
        if args.only != "serial":
            (tmp / "dask").mkdir()
            stats, client_cpu, cluster_cpu = run_dask(path, tmp / "dask", args.workers, args.partition_size)
            dask_rate = stats.rate
            per_worker = ", ".join(f"{mb:.0f}" for mb in sorted(stats.peak_mb.values()))
            worker_cpu = sum(stats.cpu_s.values())
            print(f"dask:   {stats.reports} reports in {stats.seconds:.1f} s = {dask_rate:.1f} "
                  f"reports/s on {stats.workers} workers (start-up included), peak memory per "
                  f"worker {per_worker} MB; CPU: workers {worker_cpu:.1f} s = "
                  f"{1000 * worker_cpu / stats.reports:.1f} ms per report (imports included), "
                  f"client and scheduler {client_cpu:.1f} s, nannies {max(0.0, cluster_cpu - worker_cpu):.1f} s")
            if serial_rate is None:
                pass
            else:
                # On a busy shared machine wall-clock figures say little; CPU time does. If the
                # cores were idle, the Dask run would take at least all its CPU time (workers,
                # nannies, client and scheduler) spread over the cores.
                total = client_cpu + max(cluster_cpu, worker_cpu)
                ideal = cpu / (total / stats.workers)
                print(f"CPU-time ratio: {ideal:.2f}x (serial CPU / (all Dask CPU / {stats.workers} "
                      f"cores): the wall-clock ratio on otherwise idle cores, at best)")
        if serial_rate and dask_rate:
            print(f"ratio:  {dask_rate / serial_rate:.2f}x (target >= 1.7x on 2 cores)")
            same = _same_output(tmp / "serial.jsonl", tmp / "dask" / "reports.jsonl")
            print(f"same output as serial: {same}")
        if args.store_sample:
            n, seconds = store_write_rate(path, args.store_sample, tmp)
            print(f"store:  one SQLite writer stores {n / seconds:.1f} extracted reports/s "
                  f"({n} reports, {seconds:.1f} s)")
        print(f"load at the end {os.getloadavg()[0]:.1f}")


def _same_output(a: Path, b: Path) -> bool:
    with a.open() as fa, b.open() as fb:
        return all(x == y for x, y in zip(fa, fb, strict=True))


if __name__ == "__main__":
    main()
