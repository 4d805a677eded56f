"""Web app benchmark (prints figures; not a test).

Builds a SQLite database with N synthetic events (default 100,000; rows inserted in bulk, the same
generator as bench_store.py), then times requests through the app in-process (FastAPI TestClient:
routing, store queries, template rendering; no network): the events page with several filters and
a deep page, the JSON listing, the map endpoint over all events, the stats behind the charts page.
Target: events page < 300 ms of server time at 100k events.
With --browser, also serves the app on 127.0.0.1 and times headless Chromium from opening /map
until every marker group is on the map.

    .venv/bin/python bench/bench_web.py [--events 100000] [--runs 10] [--browser]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import place_ids, synthetic_rows  # noqa: E402

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import insert, text  # noqa: E402

from nkevents.store import Store  # noqa: E402
from nkevents.store.schema import event_charges, events, reports  # noqa: E402
from nkevents.web import create_app  # noqa: E402


def build(db: Path, n_events: int) -> Store:
    store = Store.open(str(db))
    t0 = time.perf_counter()
    with store.engine.begin() as conn:
        for index in events.indexes:
            index.drop(conn)
    with store.engine.begin() as conn:
        batch_r, batch_e, batch_c = [], [], []
        for report, evs, charges in synthetic_rows(n_events, 20, place_ids()):
            batch_r.append(report), batch_e.extend(evs), batch_c.extend(charges)
            if len(batch_e) >= 20_000:
                conn.execute(insert(reports), batch_r), conn.execute(insert(events), batch_e)
                batch_c and conn.execute(insert(event_charges), batch_c)
                batch_r, batch_e, batch_c = [], [], []
        if batch_e:
            conn.execute(insert(reports), batch_r), conn.execute(insert(events), batch_e)
            batch_c and conn.execute(insert(event_charges), batch_c)
    with store.engine.begin() as conn:
        for index in events.indexes:
            index.create(conn)
        conn.execute(text("ANALYZE"))
    print(f"built {n_events:,} events in {time.perf_counter() - t0:.1f} s")
    return store


def timed(client: TestClient, url: str, runs: int) -> tuple[float, float, float, float, int]:
    """(first request ms, median ms, max ms, median CPU ms, bytes). The first request is cold:
    the app's 30-second cache of map groups and chart figures is empty then and full afterwards.
    CPU time (this process, all threads) is given because on a shared machine the wall-clock
    time depends on the other processes."""
    client.app.state.cache.clear()
    t = time.perf_counter()
    client.get(url)
    first = (time.perf_counter() - t) * 1000
    times, cpu, size = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        r = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        assert r.status_code == 200, (url, r.status_code, r.text[:200])
        size = len(r.content)
    return first, statistics.median(times), max(times), statistics.median(cpu), size


def browser_map(store: Store) -> None:
    import socket
    import threading

    import uvicorn
    from playwright.sync_api import sync_playwright

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, secret_key="bench"), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium",
                              args=["--headless", "--no-sandbox", "--disable-gpu"])
        page = b.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        page.goto(f"http://127.0.0.1:{port}/map")
        page.wait_for_selector("#map[data-loaded]", state="attached", timeout=60_000)
        loaded = (time.perf_counter() - t) * 1000
        # a responsive page answers a script call promptly after loading
        t = time.perf_counter()
        page.evaluate("1 + 1")
        answer = (time.perf_counter() - t) * 1000
        groups = page.get_attribute("#map", "data-loaded")
        print(f"browser /map: {groups} marker groups drawn {loaded:.0f} ms after navigation; "
              f"page answers a script call {answer:.0f} ms later")
        b.close()
    server.should_exit = True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--browser", action="store_true", help="also time the map page in Chromium")
    args = ap.parse_args()
    import os
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory(prefix="nkevents-bench-web-") as tmp:
        store = build(Path(tmp) / "web.db", args.events)
        province = next(p[0] for p in place_ids() if p[0].count(".") == 1)
        client = TestClient(create_app(store, secret_key="bench"))
        urls = [
            ("events page, no filter (newest first)", "/events"),
            ("events page, type + province + year", f"/events?type=sentence&place={province}&since=2019&until=2019"),
            ("events page, page 1000 of 2000", "/events?page=1000"),
            ("events page, full-text q matching all", "/events?q=synthetic"),
            ("events page, 500 per page", "/events?per_page=500"),
            ("JSON /api/events, page of 50", "/api/events"),
            ("map endpoint, all events", "/api/map"),
            ("map endpoint, type filter", "/api/map?type=arrest"),
            ("stats for charts, all events", "/api/stats"),
            ("charts page, all events", "/charts"),
        ]
        print(f"{'request':42} {'first ms':>9} {'median ms':>10} {'max ms':>8} {'CPU ms':>7} {'bytes':>10}")
        for name, url in urls:
            first, median, worst, cpu, size = timed(client, url, args.runs)
            print(f"{name:42} {first:9.1f} {median:10.1f} {worst:8.1f} {cpu:7.1f} {size:10,}")
        groups = client.get("/api/map").json()
        print(f"map: {groups['events']:,} events in {len(groups['groups']):,} marker groups "
              f"(place x type), {groups['unplaced']:,} without coordinates")
        if args.browser:
            browser_map(store)
        store.close()


if __name__ == "__main__":
    main()
