"""A report's URL is shown as a link only when it is http(s); a `javascript:` (or other) URL is
stored as given and shown as text on the report and event pages, never as a live link."""
import pytest

from tests.web import fixtures


def report_with_url(store, url: str) -> str:
    doc = fixtures.hyesan_trial()
    doc.url = url
    doc.raw = doc.raw + "\n\nA second copy of the report."  # another body, so another report
    return store.ingest_document(doc, source="tests/url").report_id


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", " JavaScript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"])
def test_a_non_web_url_is_text_not_a_link(client, store, url):
    rid = report_with_url(store, url)
    eid = fixtures.event_id(store, rid, "sentence")
    for path in (f"/reports/{rid}", f"/events/{eid}"):
        html = client.get(path).text
        assert 'href="javascript' not in html.lower() and 'href=" javascript' not in html.lower(), path
        assert 'href="data:' not in html and 'href="vbscript' not in html, path
        assert '<span class="url-text' in html, path
        assert "<script>alert" not in html, path
    assert client.get(f"/api/reports/{rid}").json()["url"] == url  # stored as given


def test_a_web_url_is_a_link(client, store):
    rid = report_with_url(store, "https://example.org/hyesan?a=1&b=2")
    eid = fixtures.event_id(store, rid, "sentence")
    for path in (f"/reports/{rid}", f"/events/{eid}"):
        html = client.get(path).text
        assert '<a href="https://example.org/hyesan?a=1&amp;b=2" rel="noopener noreferrer nofollow"' in html, path
