"""Store benchmark (prints figures; not a test).

1. Ingest throughput into a new SQLite file: generated reports (nkevents.store.testing templates)
   read from a JSON Lines file, extracted by the pipeline and stored, one transaction each, as
   `nkevents ingest` does. Also the store alone (pre-extracted documents). Target >= 100 reports/s.
2. Filtered queries at N synthetic events (default 1,000,000) inserted in bulk into a new SQLite
   file: type + place subtree + date range, through Store.query_events (page of 50 + total
   count). Target p95 < 50 ms.

    .venv/bin/python bench/bench_store.py                 # full run
    .venv/bin/python bench/bench_store.py --events 100000 --reports 200   # quick
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

from nkevents.store import EventFilter, Store
from nkevents.store.batch import ingest_files
from nkevents.store.schema import event_charges, events, reports
from nkevents.store.testing import synthetic_report

TYPES = ["trial", "sentence", "execution", "arrest", "crackdown", "directive", "policy",
         "prohibited_activity", "market", "hardship", "mobilization", "other"]
CHARGES = ["smuggling", "illegal_phone", "foreign_media", "defection", "drugs", "corruption"]
PENALTIES = ["death", "life_imprisonment", "prison", "labor_training", "fine"]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650


def place_ids() -> list[tuple[str, str, str, float, float]]:
    try:
        from nkevents.gazetteer import Gazetteer
        return [(p.id, p.name, p.level, p.lat, p.lon) for p in Gazetteer.load().places()
                if p.id.startswith("kp.")]
    except Exception:  # gazetteer not installed: a made-up hierarchy of the same shape
        out = []
        for a in range(10):
            out.append((f"kp.p{a}", f"P{a}", "province", 40.0, 127.0))
            for b in range(12):
                out.append((f"kp.p{a}.c{b}", f"C{b}", "county", 40.0, 127.0))
                for c in range(3):
                    out.append((f"kp.p{a}.c{b}.d{c}", f"D{c}", "district", 40.0, 127.0))
        return out


def bench_ingest(n: int, workdir: Path) -> None:
    batch = workdir / "reports.jsonl"
    with batch.open("w") as f:
        for i in range(n):
            f.write(json.dumps(synthetic_report(i)) + "\n")
    db = workdir / "ingest.db"
    with Store.open(str(db)) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = ingest_files(store, [batch])
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    # CPU time too: on a shared machine the wall-clock rate depends on the other processes
    print(f"ingest (read + extract + store): {n} reports in {elapsed:.2f} s = "
          f"{n / elapsed:.0f} reports/s wall, {n / cpu:.0f} reports/s of CPU time "
          f"({summary.new} new, {summary.events_added} events, {summary.failed} failed)")

    from nkevents.pipeline import extract
    docs = [extract(**synthetic_report(n + i)) for i in range(n)]
    with Store.open(str(workdir / "store-only.db")) as store:
        t0, c0 = time.perf_counter(), time.process_time()
        for doc in docs:
            store.ingest_document(doc)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"ingest (store only, pre-extracted): {n} reports in {elapsed:.2f} s = "
          f"{n / elapsed:.0f} reports/s wall, {n / cpu:.0f} reports/s of CPU time")


def synthetic_rows(n_events: int, per_report: int, places, seed: int = 1):
    rng = random.Random(seed)
    now = time.time()
    from datetime import datetime, timezone
    stamp = datetime.fromtimestamp(now, timezone.utc)
    for r in range(n_events // per_report):
        report_id = f"{r:016x}"
        report = {"report_id": report_id, "content_hash": f"{r:064x}", "text_hash": f"{r:064x}",
                  "url": f"https://example.org/{r}", "revision": 1, "is_current": True,
                  "outlet": rng.choice(["Daily NK", "Radio Free Asia", "Asia Press"]),
                  "title": f"Report {r}", "published": None, "source": "bench",
                  "raw": f"Synthetic report {r}.", "text": f"Synthetic report {r}.",
                  "removed": [], "places": [], "sentences": [], "extractor_version": "bench",
                  "ingested_at": stamp}
        evs, charges = [], []
        for k in range(per_report):
            type_ = rng.choice(TYPES)
            pid, name, level, lat, lon = rng.choice(places)
            start = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            end = start + timedelta(days=rng.choice([0, 0, 0, 29]))
            penalty = rng.choice(PENALTIES) if type_ == "sentence" else None
            data = {"id": f"ev{k}", "type": type_,
                    "date": {"start": start.isoformat(), "end": end.isoformat(), "precision": "day", "text": ""},
                    "place": {"id": pid, "name": name, "level": level, "lat": lat, "lon": lon},
                    "actors": [], "subjects": {"text": None, "count": None}, "charges": [],
                    "penalty": {"kind": penalty, "min_months": None, "max_months": None} if penalty else None,
                    "modality": "asserted", "attribution": None,
                    "evidence": [{"start": 0, "end": 10}], "confidence": 0.8}
            event_id = f"{report_id}-{k:010x}"
            evs.append({"event_id": event_id, "report_id": report_id, "local_id": f"ev{k}", "seq": k,
                        "origin": "machine", "review_status": "machine", "extractor_version": "bench",
                        "is_current": True, "type": type_, "date_start": data["date"]["start"],
                        "date_end": data["date"]["end"], "date_precision": "day",
                        "date_from": data["date"]["start"], "date_to": data["date"]["end"],
                        "place_id": pid, "place_key": pid + ".", "place_name": name,
                        "place_level": level, "lat": lat, "lon": lon, "coord_precision": "own",
                        "modality": "asserted", "penalty_kind": penalty, "penalty_min": None,
                        "penalty_max": None, "subjects_count": None, "confidence": 0.8,
                        "evidence_start": 0, "evidence_end": 10, "data": data,
                        "machine_data": None, "created_at": stamp, "updated_at": stamp})
            if type_ == "sentence":
                charges.append({"event_id": event_id, "charge": rng.choice(CHARGES)})
        yield report, evs, charges


def bench_queries(n_events: int, n_queries: int, workdir: Path) -> None:
    places = place_ids()
    db = workdir / "query.db"
    reuse = db.exists()
    store = Store.open(str(db))
    if reuse:  # a database left by an earlier run with --dir: rebuild its indexes, query again
        with store.engine.begin() as conn:
            for index in events.indexes:
                conn.execute(text(f"DROP INDEX IF EXISTS {index.name}"))
                index.create(conn)
            conn.execute(text("ANALYZE"))
    else:
        insert_synthetic(store, n_events, places)
    with store.engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM events")).scalar_one()
    print(f"{total} synthetic events in {db} ({db.stat().st_size / 1e6:.0f} MB)")
    query_figures(store, places, n_queries, total)
    store.close()


def insert_synthetic(store: Store, n_events: int, places) -> None:
    t0 = time.perf_counter()
    per_report = 20
    chunk_reports, chunk_events, chunk_charges = [], [], []

    def flush(conn):
        if chunk_reports:
            conn.execute(insert(reports), chunk_reports)
            conn.execute(insert(events), chunk_events)
            if chunk_charges:
                conn.execute(insert(event_charges), chunk_charges)
        chunk_reports.clear(), chunk_events.clear(), chunk_charges.clear()

    # bulk load without the event indexes, then build them once (much faster than keeping
    # six indexes up to date row by row)
    with store.engine.begin() as conn:
        for index in events.indexes:
            index.drop(conn)
    with store.engine.begin() as conn:
        for report, evs, charges in synthetic_rows(n_events, per_report, places):
            chunk_reports.append(report)
            chunk_events += evs
            chunk_charges += charges
            if len(chunk_events) >= 20_000:
                flush(conn)
        flush(conn)
    with store.engine.begin() as conn:
        for index in events.indexes:
            index.create(conn)
        conn.execute(text("ANALYZE"))
    print(f"inserted {n_events} synthetic events in {time.perf_counter() - t0:.1f} s")


def query_figures(store: Store, places, n_queries: int, total: int) -> None:
    # subtree roots: provinces and cities/counties (ids two or three parts deep)
    roots = [p[0] for p in places if p[0].count(".") in (1, 2)]
    rng = random.Random(7)
    timings, cpu, sizes = [], [], []
    for _ in range(n_queries):
        since = FIRST_DAY + timedelta(days=rng.randrange(DAYS - 365))
        f = EventFilter(type=rng.choice(TYPES), place=rng.choice(roots), since=since.isoformat(),
                        until=(since + timedelta(days=365)).isoformat())
        t, c = time.perf_counter(), time.process_time()
        rows, n = store.query_events(f, limit=50)
        timings.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        sizes.append(n)
    timings.sort()
    cpu.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"query type + place subtree + 1-year range, page of 50 + total count, {n_queries} "
          f"queries at {total} events: p50 {statistics.median(timings):.1f} ms, "
          f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms "
          f"(matching events per query: median {statistics.median(sizes):.0f}, max {max(sizes)}); "
          f"CPU time of this process per query: p50 {statistics.median(cpu):.1f} ms, "
          f"p95 {cpu[int(0.95 * (len(cpu) - 1))]:.1f} ms")
    with store.engine.connect() as conn:
        plan = conn.execute(text(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM events WHERE is_current = 1 AND type = 'arrest' "
            "AND place_key >= 'kp.ryanggang.' AND place_key < 'kp.ryanggang/' "
            "AND date_to >= '2019-01-01' AND date_from <= '2019-12-31' "
            "AND review_status != 'rejected'")).fetchall()
    print("plan:", "; ".join(r[-1] for r in plan))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reports", type=int, default=500, help="reports for the ingest benchmark")
    ap.add_argument("--events", type=int, default=1_000_000, help="synthetic events for the query benchmark")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--dir", type=Path, default=None,
                    help="work directory, kept (default: a temporary one); a query.db already "
                         "there is reused, so a second run only queries")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="nkevents-bench-") as tmp:
        workdir = args.dir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.reports:
            bench_ingest(args.reports, workdir)
        if args.events:
            bench_queries(args.events, args.queries, workdir)


if __name__ == "__main__":
    main()
