"""What the HTML pages show: highlighted spans, escaped report text, security headers."""
from nkevents.web import highlight
from tests.web import fixtures


def test_render_marks_overlapping_spans_with_every_kind():
    text = "The court sentenced two men in Hyesan."
    spans = [highlight.Span(0, len(text), "evidence"), highlight.Span(31, 37, "place"),
             highlight.Span(0, 9, "actor")]
    html = str(highlight.render(text, spans))
    assert '<mark class="hl-evidence hl-actor"' in html and ">The court</mark>" in html
    assert '<mark class="hl-evidence hl-place"' in html and ">Hyesan</mark>" in html


def test_render_escapes_text_and_titles():
    text = 'a <script>alert(1)</script> b'
    html = str(highlight.render(text, [highlight.Span(2, 10, "place", 'x" onmouseover="y')]))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'onmouseover="y' not in html


def test_render_ignores_spans_outside_the_text():
    assert str(highlight.render("short", [highlight.Span(2, 99, "date")])) == "short"


def test_event_spans_find_date_actor_penalty_and_charge_words_in_the_evidence():
    doc = fixtures.hyesan_trial()
    ev = doc.to_json()["events"][1]  # the sentence
    kinds = {(s.kind, doc.text[s.start:s.end]) for s in highlight.event_spans(doc.text, ev)}
    assert ("actor", "The court") in kinds
    assert ("penalty", "five years in a reform-through-labor camp") in kinds
    trial = doc.to_json()["events"][0]
    trial_kinds = {(s.kind, doc.text[s.start:s.end]) for s in highlight.event_spans(doc.text, trial)}
    assert ("date", "Nov. 10") in trial_kinds
    assert ("charge", "smuggling") in trial_kinds and ("charge", "Chinese mobile phones") in trial_kinds


def test_event_page_highlights_evidence_inside_the_full_report(client, store, reports):
    eid = fixtures.event_id(store, reports["hyesan"], "sentence")
    html = client.get(f"/events/{eid}").text
    assert '<mark class="hl-evidence' in html
    assert "held a public trial" in html  # the rest of the report is there too
    assert "Other events of this report" in html and "Not reviewed yet." in html


def test_report_page_marks_spans_by_kind_and_folds_removed_residue(client, reports):
    html = client.get(f"/reports/{reports['hyesan']}").text
    for kind in ("place", "date", "actor", "penalty", "charge"):
        assert f"hl-{kind}" in html, kind
    assert '<details class="removed"' in html and "file photo" in html
    assert 'class="removed" id="removed" open' not in html


def test_malicious_report_is_escaped_everywhere(client, store, reports):
    rid = reports["malicious"]
    eid = fixtures.event_id(store, rid, "market")
    for path in (f"/reports/{rid}", f"/events/{eid}", "/events", "/events?q=rice"):
        html = client.get(path).text
        assert "<script>window.__pwned" not in html, path
        assert "<img src=x" not in html and "<svg onload" not in html, path
        assert "<i>Evil" not in html, path
    assert "&lt;script&gt;window.__pwned = 2;&lt;/script&gt;" in client.get(f"/reports/{rid}").text


def test_pages_send_a_strict_content_security_policy(client):
    r = client.get("/events")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_tile_url_is_passed_to_the_map_and_allowed_by_the_policy(store):
    from fastapi.testclient import TestClient
    from nkevents.web import create_app
    app = create_app(store, secret_key="k", tile_url="https://tiles.example.org/{z}/{x}/{y}.png")
    with TestClient(app) as c:
        r = c.get("/map")
    assert 'data-tile-url="https://tiles.example.org/{z}/{x}/{y}.png"' in r.text
    assert "img-src 'self' data: https://tiles.example.org" in r.headers["content-security-policy"]


def test_map_page_has_no_tiles_by_default(client):
    assert 'data-tile-url=""' in client.get("/map").text


def test_charts_page_embeds_the_figures(client):
    html = client.get("/charts?type=sentence").text
    assert 'id="chart-data"' in html and "sentences_by_charge_and_penalty" in html
    assert 'href="/map?type=sentence"' in html  # the nav keeps the filters


def test_dates_are_shown_by_precision():
    from nkevents.web.app import fmt_date
    assert fmt_date({"start": "2022-06-01", "end": "2022-06-30", "precision": "month"}) == "2022-06"
    assert fmt_date({"start": "2022-11-10", "end": "2022-11-10", "precision": "day"}) == "2022-11-10"
    assert fmt_date({"start": "--05-10", "end": "--05-10", "precision": "month-day"}) == "May 10, year unknown"
    assert fmt_date({"start": "2021-03-01", "end": "2021-05-31", "precision": "range"}) == "2021-03-01 – 2021-05-31"
    assert fmt_date(None) == ""
