"""Helpers of the data model that every layer uses."""
import pytest

from nkevents.model import url_host


@pytest.mark.parametrize("url, host", [
    ("https://www.Example.org/news/1", "example.org"),
    ("example.org/news/1", "example.org"),
    ("//news.example.org", "news.example.org"),
    ("http://[", None),          # a broken netloc, as feeds may give
    ("[", None),
    ("", None),
    (None, None),
    ("not a url", None),
])
def test_url_host(url, host):
    assert url_host(url) == host
