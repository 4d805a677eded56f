"""Incidents in the web app: the event page and API show the incident an event belongs to, and
the list, map, charts and exports count by incident with by=incident (docs/web.md)."""
import csv
import io

import pytest

from nkevents.store import EventFilter
from nkevents.store import incidents as inc
from nkevents.store.testing import make_doc, make_event

HOERYONG = ("kp.north-hamgyong.hoeryong", "Hoeryong", "city", 42.44, 129.75)

# Two outlets tell the same public execution in their own words (written for these tests).
DAILY_NK_TEXT = (
    "Two men were publicly executed by firing squad at an airfield outside Hoeryong on June 8 "
    "after being convicted of smuggling methamphetamine into China, a source in North Hamgyong "
    "Province told Daily NK. Hundreds of residents, including middle school students, were made "
    "to watch, and a security official warned them that drug crimes would not be forgiven.")
RFA_TEXT = (
    "North Korean authorities shot two drug smugglers in front of a crowd in the border city of "
    "Hoeryong last Thursday, a resident told RFA. The pair had been caught carrying crystal meth "
    "across the Tumen River, the resident said, and officials told the onlookers that the same "
    "fate awaited anyone who dealt in drugs.")


def execution(text, evidence, charges):
    return make_event(text, evidence, "execution", place=HOERYONG,
                      date=("2023-06-08", "2023-06-08", "day"), count=2, charges=charges,
                      penalty=("death", None, None))


@pytest.fixture
def told_twice(store):
    """The two reports stored like an ingest from another process (not linked yet); returns
    {"dnk": (report_id, event_id), "rfa": (...)}."""
    dnk = make_doc(DAILY_NK_TEXT, [execution(DAILY_NK_TEXT, "Two men were publicly executed",
                                             ["drugs", "smuggling"])],
                   url="https://example.org/dnk-hoeryong", outlet="Daily NK",
                   title="Two executed in Hoeryong", published="2023-06-12")
    rfa = make_doc(RFA_TEXT, [execution(RFA_TEXT, "North Korean authorities shot two drug smugglers",
                                        ["drugs"])],
                   url="https://example.org/rfa-hoeryong", outlet="Radio Free Asia",
                   title="Drug smugglers shot in Hoeryong", published="2023-06-15")
    out = {}
    for name, doc in (("dnk", dnk), ("rfa", rfa)):
        rid = store.ingest_document(doc).report_id
        out[name] = (rid, store.query_events(EventFilter(report_id=rid))[0][0]["event_id"])
    return out


def test_event_api_carries_its_incident_with_both_reports(client, store, told_twice):
    assert inc.pending_reports(store)  # nothing linked the new reports yet
    (dnk, dnk_event), (rfa, rfa_event) = told_twice["dnk"], told_twice["rfa"]
    body = client.get(f"/api/events/{dnk_event}").json()
    incident = body["incident"]
    assert incident["type"] == "execution" and incident["place"] == HOERYONG[0]
    assert set(incident["events"]) == {dnk_event, rfa_event}
    assert {r["id"]: r["outlet"] for r in incident["reports"]} == {dnk: "Daily NK", rfa: "Radio Free Asia"}
    assert incident["n_reports"] == 2 and incident["n_outlets"] == 2 and incident["n_independent"] == 2
    assert all(r["independent"] for r in incident["reports"])
    assert client.get(f"/api/events/{rfa_event}").json()["incident"]["id"] == incident["id"]
    assert inc.pending_reports(store) == []  # the app linked what was waiting


def test_an_event_told_once_is_its_own_incident(client, told_twice):
    crackdown = client.get("/api/events", params={"type": "crackdown"}).json()["events"][0]["event_id"]
    incident = client.get(f"/api/events/{crackdown}").json()["incident"]
    assert incident["n_reports"] == 1 and incident["events"] == [crackdown]
    assert incident["id"] != client.get(f"/api/events/{told_twice['dnk'][1]}").json()["incident"]["id"]
    assert "No other report tells this occurrence yet." in client.get(f"/events/{crackdown}").text


def test_event_page_shows_the_incident_and_its_other_reports(client, told_twice):
    (dnk, dnk_event), (rfa, rfa_event) = told_twice["dnk"], told_twice["rfa"]
    html = client.get(f"/events/{dnk_event}").text
    section = html[html.index('id="incident"'):html.index("Review history")]
    assert "2 reports, 2 outlets, 2 independent" in section
    assert "Hoeryong" in section and "2023-06-08" in section
    others = section[section.index('id="incident-reports"'):]
    assert f'href="/reports/{rfa}"' in others and "Radio Free Asia" in others
    assert f'href="/events/{rfa_event}"' in others and "https://example.org/rfa-hoeryong" in others
    assert "independent" in others
    assert f'href="/reports/{dnk}"' not in others  # the event's own report is not "another"


def test_events_list_by_incident_has_one_row_per_incident(client, told_twice):
    by_event = client.get("/api/events?type=execution").json()
    by_incident = client.get("/api/events?type=execution&by=incident").json()
    assert by_event["total"] == 3 and by_incident["total"] == 2 and by_incident["by"] == "incident"
    hoeryong = next(e for e in by_incident["events"] if e["place"]["id"] == HOERYONG[0])
    # the first event by date, then id, stands for the incident (as in `export --by incident`)
    assert hoeryong["event_id"] == min(told_twice["dnk"][1], told_twice["rfa"][1])
    assert hoeryong["incident"]["n_reports"] == 2 and hoeryong["incident"]["n_independent"] == 2
    assert client.get("/api/events").json()["total"] == 8
    assert client.get("/api/events?by=incident").json()["total"] == 7
    pages = [client.get(f"/api/events?by=incident&per_page=3&page={n}").json()["events"] for n in (1, 2, 3)]
    assert [len(rows) for rows in pages] == [3, 3, 1]
    assert len({e["event_id"] for rows in pages for e in rows}) == 7


def test_events_page_by_incident_keeps_by_in_links(client, told_twice):
    html = client.get("/events?type=execution&by=incident").text
    assert "2 incidents" in html and "2 reports" in html
    assert 'href="/api/export.csv?type=execution&amp;by=incident"' in html
    assert '<input type="hidden" name="by" value="incident">' in html  # the filter form keeps it
    assert 'href="/events?type=execution" class="" id="by-event"' in html  # the toggle back
    plain = client.get("/events?type=execution").text
    assert 'href="/events?type=execution&amp;by=incident"' in plain and "incidents" not in plain.split("<h1>")[1][:80]


def test_map_by_incident_draws_one_marker_per_incident(client, told_twice):
    by_event = client.get("/api/map").json()
    group = next(g for g in by_event["groups"] if g["place_id"] == HOERYONG[0])
    assert group["count"] == 2 and group["event_id"] is None
    by_incident = client.get("/api/map?by=incident").json()
    group = next(g for g in by_incident["groups"] if g["place_id"] == HOERYONG[0])
    assert group["count"] == 1 and group["event_id"] in {told_twice["dnk"][1], told_twice["rfa"][1]}
    assert by_incident["events"] == by_event["events"] - 1
    assert 'data-unit="incident"' in client.get("/map?by=incident").text


def test_stats_by_incident_count_incidents_per_month(client, told_twice):
    by_event = client.get("/api/stats").json()
    by_incident = client.get("/api/stats?by=incident").json()
    assert {"month": "2023-06", "type": "execution", "count": 2} in by_event["per_month_by_type"]
    assert {"month": "2023-06", "type": "execution", "count": 1} in by_incident["per_month_by_type"]
    assert by_event["total"] == 8 and by_incident["total"] == 7
    assert by_incident["by_type"]["execution"] == 2
    html = client.get("/charts?by=incident").text
    assert "7 incidents" in html and "Incidents per month, by type" in html


def test_export_by_incident_has_one_row_per_incident_with_sources(client, told_twice):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv?type=execution&by=incident").text)))
    assert len(rows) == 2
    hoeryong = next(r for r in rows if r["place_id"] == HOERYONG[0])
    assert hoeryong["incident_id"].startswith("inc-") and hoeryong["independent_sources"] == "2"
    assert set(hoeryong["sources"].split(";")) == {"Daily NK", "Radio Free Asia"}
    every = list(csv.DictReader(io.StringIO(client.get("/api/export.csv?type=execution").text)))
    assert len(every) == 3


def test_bad_by_is_a_400_naming_the_parameter(client):
    r = client.get("/api/events?by=report")
    assert r.status_code == 400 and r.json()["detail"].startswith("by:")
    assert client.get("/events?by=report").status_code == 400
