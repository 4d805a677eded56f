"""Exports parsed back: CSV (ACLED-style columns), GeoJSON, JSON Lines; and the export command."""
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from nkevents.export import CSV_COLUMNS, export, geo_precision
from nkevents.store import EventFilter
from nkevents.store.testing import (BACKENDS, PG_SKIP_REASON, make_doc, make_event, pg_url,
                                    temporary_store)

TEXT = ("The court in Sunam District sentenced two smugglers to five years in prison on "
        "Nov. 10. Officials said the border was closed.")
SUNAM = ("kp.north-hamgyong.chongjin.sunam", "Sunam District", "district", 41.76, 129.81, "parent")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    if request.param == "postgresql" and not pg_url():
        pytest.skip(PG_SKIP_REASON)
    with temporary_store(request.param, tmp_path) as s:
        s.ingest_document(make_doc(TEXT, [
            make_event(TEXT, "The court in Sunam District sentenced two smugglers to five years "
                       "in prison on Nov. 10.", "sentence", place=SUNAM,
                       date=("2022-11-10", "2022-11-10", "day"), charges=["smuggling", "economic"],
                       penalty=("prison", 60, 60), actors=["court"], count=2),
            make_event(TEXT, "Officials said the border was closed.", "policy"),  # no place
        ], url="https://example.org/sunam", title="Smugglers sentenced"))
        yield s


def run_export(store, fmt, flt=None):
    buf = io.StringIO()
    counts = export(store.iter_events(flt or EventFilter()), fmt, buf)
    return buf.getvalue(), counts


def test_csv_has_acled_columns_and_values(store):
    text, counts = run_export(store, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert counts["written"] == 2 and len(rows) == 2
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    row = next(r for r in rows if r["event_type"] == "sentence")
    assert row["event_date"] == "2022-11-10" and row["time_precision"] == "day"
    assert row["charges"] == "smuggling;economic"
    assert (row["penalty"], row["penalty_min_months"], row["penalty_max_months"]) == ("prison", "60", "60")
    assert row["actor1"] == "court"
    assert (row["admin1"], row["admin2"]) == ("North Hamgyong", "Chongjin")
    assert row["admin3"].startswith("Sunam")
    assert row["location"] == "Sunam District" and row["place_id"] == SUNAM[0]
    assert (float(row["latitude"]), float(row["longitude"])) == (41.76, 129.81)
    assert row["geo_precision"] == "2"  # a district, but its coordinate is its parent's
    assert row["source"] == "Daily NK" and row["source_url"] == "https://example.org/sunam"
    assert row["notes"].startswith("The court in Sunam District sentenced")
    unplaced = next(r for r in rows if r["event_type"] == "policy")
    assert unplaced["admin1"] == unplaced["latitude"] == unplaced["geo_precision"] == ""


def test_geojson_is_a_feature_collection_of_placed_events(store):
    text, counts = run_export(store, "geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    assert counts == {"written": 1, "skipped": 1}
    feature = data["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [129.81, 41.76]}
    assert feature["properties"]["event_type"] == "sentence"
    assert feature["properties"]["charges"] == ["smuggling", "economic"]
    assert feature["id"].startswith(feature["properties"]["report_id"])


def test_jsonl_holds_full_event_objects(store):
    text, counts = run_export(store, "jsonl")
    objs = [json.loads(line) for line in text.splitlines()]
    assert counts["written"] == len(objs) == 2
    sentence = next(o for o in objs if o["type"] == "sentence")
    assert sentence["penalty"]["kind"] == "prison" and sentence["subjects"]["count"] == 2
    assert sentence["evidence"][0]["start"] == 0 and sentence["review_status"] == "machine"
    stored, _ = store.query_events(EventFilter(type="sentence"))
    assert sentence["event_id"] == stored[0]["event_id"]


def test_exports_follow_filters(store):
    text, counts = run_export(store, "jsonl", EventFilter(type="policy"))
    assert counts["written"] == 1 and json.loads(text)["type"] == "policy"


def test_unknown_format_refused(store):
    with pytest.raises(ValueError, match="unknown export format"):
        run_export(store, "xlsx")


@pytest.mark.parametrize("place, expected", [
    (None, None),
    ({"id": "kp.ryanggang.hyesan", "level": "city", "coord_precision": "own"}, 1),
    ({"id": "kp.ryanggang.hyesan.x", "level": "district", "coord_precision": "parent"}, 2),
    ({"id": "kp.ryanggang", "level": "province", "coord_precision": "own"}, 3),
    ({"id": "kp", "level": "country", "coord_precision": "approximate"}, 3),
])
def test_geo_precision(place, expected):
    assert geo_precision(place) == expected


def test_export_command_writes_a_file(tmp_path):
    db = tmp_path / "x.db"
    from nkevents.store import Store
    with Store.open(str(db)) as s:
        s.ingest_document(make_doc(TEXT, [make_event(TEXT, "Officials said the border was closed.", "policy")]))
    exe = str(Path(sys.executable).parent / "nkevents")
    out = tmp_path / "ev.csv"
    done = subprocess.run([exe, "export", "--format", "csv", "-o", str(out), "--db", str(db)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 events written" in done.stderr
    assert [r["event_type"] for r in csv.DictReader(out.open())] == ["policy"]
    bad = subprocess.run([exe, "export", "--format", "xls", "-o", str(out), "--db", str(db)],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown format" in bad.stderr and "Traceback" not in bad.stderr
