"""Real processes against one database: killed mid-batch then rerun, and two ingests at once."""
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from nkevents.pipeline import extract
from nkevents.store import Store
from nkevents.store.schema import events, reports
from nkevents.store.testing import synthetic_report

NKEVENTS = [str(Path(sys.executable).parent / "nkevents")]


def write_jsonl(path: Path, numbers) -> Path:
    with path.open("w") as f:
        for i in numbers:
            f.write(json.dumps(synthetic_report(i)) + "\n")
    return path


def expected_events(numbers) -> int:
    return sum(len(extract(**synthetic_report(i)).events) for i in numbers)


def counts(url):
    with Store.open(url) as s, s.engine.connect() as c:
        return (c.execute(select(func.count()).select_from(reports)).scalar_one(),
                c.execute(select(func.count(func.distinct(reports.c.content_hash)))).scalar_one(),
                c.execute(select(func.count()).select_from(events)).scalar_one())


def summary_of(stderr: str) -> dict:
    m = re.search(r"(\d+) new, (\d+) unchanged, (\d+) updated, (\d+) failed, (\d+) events added", stderr)
    assert m, stderr
    return dict(zip(("new", "unchanged", "updated", "failed", "events"), map(int, m.groups())))


def test_killed_mid_batch_then_rerun_loses_and_duplicates_nothing(db_url, tmp_path):
    numbers = range(800)
    batch = write_jsonl(tmp_path / "batch.jsonl", numbers)
    Store.open(db_url).close()  # schema first, so the poll below can count
    proc = subprocess.Popen(NKEVENTS + ["ingest", str(batch), "--db", db_url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        stored = counts(db_url)[0]
        if stored >= 30:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    at_kill = counts(db_url)[0]
    assert 0 < at_kill < len(numbers), "the batch was not killed half way"

    rerun = subprocess.run(NKEVENTS + ["ingest", str(batch), "--db", db_url],
                           capture_output=True, text=True)
    s = summary_of(rerun.stderr)
    assert s["new"] + s["unchanged"] == len(numbers) and s["failed"] == 0
    assert s["unchanged"] >= at_kill
    n_reports, n_distinct, n_events = counts(db_url)
    assert n_reports == n_distinct == len(numbers)
    assert n_events == expected_events(numbers)


def test_two_ingest_processes_at_once_lose_nothing(db_url, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", range(0, 300))
    second = write_jsonl(tmp_path / "second.jsonl", range(150, 450))  # 150 reports in both
    Store.open(db_url).close()
    procs = [subprocess.Popen(NKEVENTS + ["ingest", str(p), "--db", db_url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
             for p in (first, second)]
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), "\n".join(e[-2000:] for e in errors)
    summaries = [summary_of(e) for e in errors]
    assert sum(s["new"] for s in summaries) == 450
    assert sum(s["unchanged"] for s in summaries) == 150
    n_reports, n_distinct, n_events = counts(db_url)
    assert n_reports == n_distinct == 450
    assert n_events == expected_events(range(450))
    assert sum(s["events"] for s in summaries) == n_events
