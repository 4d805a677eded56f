"""The JSON API and the exports: every endpoint and every filter, against a real SQLite store."""
import csv
import io
import json

import pytest

from tests.web import fixtures


def types_of(resp) -> list[str]:
    assert resp.status_code == 200, resp.text
    return sorted(e["type"] for e in resp.json()["events"])


def test_events_lists_all_but_rejected_with_total(client):
    body = client.get("/api/events").json()
    assert body["total"] == 6 and len(body["events"]) == 6
    first = body["events"][0]
    for key in ("event_id", "report_id", "type", "evidence", "review_status", "outlet", "published"):
        assert key in first


@pytest.mark.parametrize("query, expected", [
    ("type=sentence", ["sentence"]),
    ("type=trial,arrest", ["arrest", "trial"]),
    ("type=trial&type=execution", ["execution", "trial"]),
    ("place=kp.ryanggang", ["arrest", "sentence", "trial"]),           # the province and its city
    ("place=kp.ryanggang.hyesan", ["sentence", "trial"]),
    ("place=kp.north-hamgyong", ["crackdown", "execution"]),
    ("since=2022-11-01", ["sentence", "trial"]),
    ("until=2021-12-31", ["execution"]),
    ("since=2022-10&until=2022-10", ["arrest"]),
    ("since=2021&until=2021", ["execution"]),
    ("charge=foreign_media", ["execution"]),
    ("charge=smuggling", ["sentence", "trial"]),
    ("penalty=prison", ["sentence"]),
    ("penalty=death", ["execution"]),
    ("actor=mss", ["arrest"]),
    ("actor=court", ["sentence"]),
    ("outlet=NK News", ["crackdown", "execution"]),
    ("modality=asserted&type=market", ["market"]),
    ("review_status=machine&type=trial", ["trial"]),
    ("review_status=confirmed", []),
    ("q=firing squad", ["crackdown", "execution"]),                  # full text, per report
    ("q=copper", ["arrest", "sentence", "trial"]),
    ("type=sentence&place=kp.north-hamgyong", []),
])
def test_event_filters(client, query, expected):
    assert types_of(client.get(f"/api/events?{query}")) == expected


def test_html_events_page_applies_the_same_filters(client):
    html = client.get("/events?type=execution").text
    assert "firing squad" in html and "reform-through-labor" not in html
    assert 'href="/api/export.csv?type=execution"' in html


@pytest.mark.parametrize("query, message", [
    ("since=last+week", "since"),
    ("until=2022-13", "until"),
    ("type=party", "type"),
    ("penalty=flogging", "penalty"),
    ("review_status=maybe", "review_status"),
    ("order=random", "order"),
    ("page=two", "page"),
])
def test_bad_filter_values_are_a_400_naming_the_parameter(client, query, message):
    r = client.get(f"/api/events?{query}")
    assert r.status_code in (400, 422) and message in str(r.json()["detail"])
    page = client.get(f"/events?{query}")
    assert page.status_code == 400 and message in page.text


def test_pagination_and_order(client):
    first = client.get("/api/events?per_page=2&page=1&order=date").json()
    second = client.get("/api/events?per_page=2&page=2&order=date").json()
    assert first["total"] == 6 and len(first["events"]) == 2 and len(second["events"]) == 2
    assert {e["event_id"] for e in first["events"]}.isdisjoint(e["event_id"] for e in second["events"])
    assert first["events"][0]["type"] == "execution"  # the oldest dated event
    newest = client.get("/api/events?per_page=1&order=-date").json()["events"][0]
    assert newest["date"]["start"] == "2022-11-10"
    html = client.get("/events?per_page=2&page=2").text
    assert "Page 2 of 3" in html and 'rel="prev"' in html and 'rel="next"' in html


def test_per_page_is_capped(client):
    assert client.get("/api/events?per_page=100000").json()["per_page"] == 500


def test_one_event_with_report_history_and_404(client, store, reports):
    eid = fixtures.event_id(store, reports["hyesan"], "sentence")
    ev = client.get(f"/api/events/{eid}").json()
    assert ev["penalty"]["kind"] == "prison" and ev["report"]["outlet"] == "Daily NK"
    assert "sentenced two of them" in ev["report"]["text"] and ev["history"] == []
    assert client.get("/api/events/nope").status_code == 404
    assert client.get("/events/nope").status_code == 404


def test_report_with_places_removed_and_events(client, reports):
    rep = client.get(f"/api/reports/{reports['hyesan']}").json()
    assert {p["id"] for p in rep["places"]} == {"kp.ryanggang.hyesan", "kp.ryanggang"}
    assert rep["removed"][0]["kind"] == "caption"
    assert len(rep["events"]) == 3
    assert client.get("/api/reports/nope").status_code == 404
    assert client.get("/reports/nope").status_code == 404


def test_search_returns_matching_reports(client, reports):
    body = client.get("/api/search?q=firing+squad").json()
    assert [r["report_id"] for r in body["results"]] == [reports["chongjin"]]
    assert "firing squad" in body["results"][0]["snippet"]
    assert client.get("/api/search?q=zeppelin").json()["results"] == []


def test_stats_figures_follow_filters(client):
    stats = client.get("/api/stats").json()
    assert stats["total"] == 6 and stats["by_type"]["sentence"] == 1
    assert {"month": "2021-02", "type": "execution", "count": 1} in stats["per_month_by_type"]
    assert {"charge": "smuggling", "penalty": "prison", "count": 1} in stats["sentences_by_charge_and_penalty"]
    assert {"bucket": "5-10 years", "count": 1} in stats["sentence_lengths"]
    assert stats["top_places"][0]["place_id"] == "kp.ryanggang.hyesan"
    assert client.get("/api/stats?type=arrest").json()["total"] == 1


def test_map_groups_points_by_place_and_type(client):
    body = client.get("/api/map").json()
    assert body["events"] == 5 and body["unplaced"] == 1       # the market report names no place
    by_key = {(g["place_id"], g["type"]): g for g in body["groups"]}
    sunam = by_key[("kp.north-hamgyong.chongjin.sunam", "crackdown")]
    assert sunam["coord_precision"] == "parent" and sunam["count"] == 1 and sunam["event_id"]
    assert by_key[("kp.ryanggang.hyesan", "trial")]["coord_precision"] == "own"
    filtered = client.get("/api/map?place=kp.ryanggang").json()
    assert filtered["events"] == 3 and {g["type"] for g in filtered["groups"]} == {"trial", "sentence", "arrest"}


def test_codes(client):
    body = client.get("/api/codes").json()
    assert "execution" in body["types"] and "prison" in body["penalties"]
    assert body["review_statuses"][0] == "machine" and body["type_colours"]["sentence"].startswith("#")


def test_export_csv_with_filters(client):
    r = client.get("/api/export.csv?type=sentence")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 1


def test_export_geojson_and_jsonl(client):
    gj = client.get("/api/export.geojson?place=kp.north-hamgyong").json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 2
    lines = client.get("/api/export.jsonl?charge=smuggling").text.strip().splitlines()
    assert sorted(json.loads(line)["type"] for line in lines) == ["sentence", "trial"]
    assert client.get("/api/export.xml").status_code == 404


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/events", "/api/events/{event_id}", "/api/reports/{report_id}", "/api/map",
                 "/api/stats", "/api/search", "/api/export.{fmt}", "/api/events/{event_id}/review",
                 "/api/reports/{report_id}/events", "/api/login", "/api/users"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("path", ["/events", "/map", "/charts", "/login"])
def test_pages_render_without_login(client, path):
    r = client.get(path)
    assert r.status_code == 200 and "<html" in r.text
    assert "reading as guest" in r.text


def test_no_cdn_links_in_pages(client, reports):
    for path in ("/events", "/map", "/charts", f"/reports/{reports['hyesan']}", "/docs"):
        html = client.get(path).text
        assert "://" not in "".join(line for line in html.splitlines()
                                    if "<script" in line or "stylesheet" in line or "<link" in line), path


def test_root_redirects_to_events(client):
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/events"


def test_place_suggestions_include_ancestors(client):
    places = {p["id"]: p["name"] for p in client.get("/api/places").json()}
    assert places["kp.ryanggang.hyesan"] == "Hyesan"
    assert "kp.north-hamgyong" in places and "kp" in places  # ancestors are valid filters too
    fragment = client.get("/fragments/place-options").text
    assert '<option value="kp.north-hamgyong.chongjin.sunam">Sunam District</option>' in fragment


def test_a_place_can_be_named_instead_of_its_id(client):
    assert types_of(client.get("/api/events?place=Chongjin")) == ["crackdown", "execution"]  # + Sunam
    assert types_of(client.get("/api/events?place=north-hamgyong")) == ["crackdown", "execution"]
