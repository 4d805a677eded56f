"""The store commands end to end (in process): ingest with failures, listing, search, show,
report, review, failures, reextract; user errors give one line, not a traceback."""
import json

import pytest
from typer.testing import CliRunner

from nkevents.cli import app
from nkevents.store import Store
from nkevents.store.testing import synthetic_report

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def batch(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(4):
        (d / f"r{i}.json").write_text(json.dumps(synthetic_report(i)))
    (d / "feed.jsonl").write_text(json.dumps(synthetic_report(10)) + "\n{broken\n")
    (d / "empty.txt").write_text("   ")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02")
    return d


def test_ingest_summary_failures_and_rerun(batch, db_url):
    first = run("ingest", batch, "--db", db_url)
    assert first.exit_code == 1  # some inputs failed
    assert "5 new, 0 unchanged, 0 updated, 3 failed" in first.stderr
    assert "feed.jsonl:2" in first.stderr and "binary.txt" in first.stderr
    assert "Traceback" not in first.output
    again = run("ingest", batch, "--db", db_url)
    assert "0 new, 5 unchanged, 0 updated, 3 failed, 0 events added" in again.stderr
    listed = run("failures", "--db", db_url, "--format", "json")
    fails = {f["source"].rsplit("/", 1)[-1]: f for f in json.loads(listed.stdout)}
    assert set(fails) == {"feed.jsonl:2", "empty.txt", "binary.txt"}
    assert fails["binary.txt"]["attempts"] == 2
    assert "binary" in fails["binary.txt"]["reason"]


def test_ingest_of_missing_path_is_one_line(db_url):
    r = run("ingest", "/no/such/dir", "--db", db_url)
    assert r.exit_code == 2 and "no such file" in r.stderr and "Traceback" not in r.output


@pytest.fixture
def filled(batch, db_url):
    run("ingest", batch, "--db", db_url)
    return db_url


def test_events_filters_and_json(filled):
    r = run("events", "--db", filled, "--format", "json", "--limit", "500")
    listing = json.loads(r.stdout)
    assert listing["total"] == len(listing["events"]) > 0
    some = listing["events"][0]
    r2 = run("events", "--db", filled, "--format", "json", "--type", some["type"])
    assert {e["type"] for e in json.loads(r2.stdout)["events"]} == {some["type"]}
    if some.get("place"):
        top = ".".join(some["place"]["id"].split(".")[:2])
        r3 = run("events", "--db", filled, "--format", "json", "--place", top.split(".")[-1])
        ids = [e["place"]["id"] for e in json.loads(r3.stdout)["events"]]
        assert ids and all(i == top or i.startswith(top + ".") for i in ids)
    bad = run("events", "--db", filled, "--penalty", "flogging")
    assert bad.exit_code == 2 and "--penalty flogging" in bad.stderr
    bad_date = run("events", "--db", filled, "--since", "last year")
    assert bad_date.exit_code == 2 and "not a date" in bad_date.stderr


def test_search_show_report_review(filled):
    hits = json.loads(run("search", "copper", "--db", filled, "--format", "json").stdout)
    assert hits and all("copper" in h["snippet"] for h in hits)
    text = run("search", "copper", "--db", filled)
    assert "copper" in text.stdout
    assert run("search", "zzzqqq", "--db", filled).exit_code == 1

    with Store.open(filled) as s:
        rows, _ = s.query_events(None, limit=1)
    eid, rid = rows[0]["event_id"], rows[0]["report_id"]
    shown = run("show", eid, "--db", filled)
    assert shown.exit_code == 0 and eid in shown.stdout
    assert run("show", "nope", "--db", filled).exit_code == 1
    rep = json.loads(run("report", rid, "--db", filled, "--format", "json").stdout)
    assert eid in [e["event_id"] for e in rep["events"]]

    done = run("review", eid, "--set", "modality=alleged", "--user", "ana", "--db", filled)
    assert done.exit_code == 0 and "corrected by ana" in done.stderr
    both = run("review", eid, "--confirm", "--reject", "--db", filled)
    assert both.exit_code == 2
    bad = run("review", eid, "--set", "modality=maybe", "--user", "ana", "--db", filled)
    assert bad.exit_code == 1 and "modality" in bad.stderr and "Traceback" not in bad.output
    history = json.loads(run("show", eid, "--db", filled, "--format", "json").stdout)["history"]
    assert [(h["user"], h["action"]) for h in history] == [("ana", "correct")]

    re = run("reextract", "--all", "--db", filled)
    assert re.exit_code == 0 and "under review kept" in re.stderr
    after = json.loads(run("show", eid, "--db", filled, "--format", "json").stdout)
    assert after["modality"] == "alleged" and after["review_status"] == "corrected"
