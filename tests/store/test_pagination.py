"""Deep pages are found on the events table alone: every page holds exactly the rows of one
big listing at its offset, in every order, on both backends."""
import pytest

from nkevents.pipeline import run_stages
from nkevents.stages.read import from_fields
from nkevents.store import EventFilter
from nkevents.store.testing import synthetic_report


@pytest.mark.parametrize("order", ["date", "-date", "confidence", "report", "published"])
def test_pages_are_slices_of_the_whole_listing(store, order):
    for i in range(12):
        store.ingest_document(run_stages(from_fields(**synthetic_report(i))))
    everything, total = store.query_events(EventFilter(), limit=1000, order=order)
    assert total == len(everything) > 10
    pages = []
    for offset in range(0, total, 4):
        rows, page_total = store.query_events(EventFilter(), limit=4, offset=offset, order=order)
        assert page_total == total
        pages += rows
    assert [r["event_id"] for r in pages] == [r["event_id"] for r in everything]
