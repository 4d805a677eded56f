"""The whole pipeline on reports written for these tests: the output contract of spec/events.md holds."""
import json

from hypothesis import given, settings, strategies as st

import nkevents
from tests.test_lexicons import CHARGES, EVENT_TYPES, PENALTY_KINDS

SENTENCES = [
    "A source in North Hamgyong Province told us on Thursday that a public trial was held in Hoeryong on Nov. 10.",
    "Two cadres were given life sentences for smuggling rice from China.",
    "Those caught with foreign mobile phones were sentenced to 11 years in prison.",
    "A man in his 50s was executed by firing squad in Hyesan in October.",
    "Police arrested over 30 users of Chinese phones in April and May.",
    "The provincial party committee issued instructions to tighten border patrols.",
    "Rice cost 6,000 won per kilogram in Sinuiju last week.",
    "Students were mobilized for a 40-day farming battle from May 20.",
    "Several families in Musan County starved to death during the winter.",
    "Authorities closed the border with China in January 2020.",
    "The weather was mild.",
    "“They said nothing,” she added.",
]

MODALITIES = {"asserted", "planned", "ordered", "alleged", "negated"}
PRECISIONS = {"day", "month", "year", "month-day", "range"}


def check_contract(out: dict) -> None:
    text = out["document"]["text"]
    json.dumps(out)  # serializable
    ids = [e["id"] for e in out["events"]]
    assert len(ids) == len(set(ids))
    for place in out["places"]:
        for start, end in place["mentions"]:
            assert 0 <= start < end <= len(text)
    for e in out["events"]:
        assert e["type"] in EVENT_TYPES
        assert e["modality"] in MODALITIES
        assert set(e["charges"]) <= CHARGES
        assert e["evidence"], "every event has evidence"
        for span in e["evidence"]:
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"]:span["end"]].strip() == text[span["start"]:span["end"]]
        if e["penalty"]:
            assert e["penalty"]["kind"] in PENALTY_KINDS
            lo, hi = e["penalty"]["min_months"], e["penalty"]["max_months"]
            assert (lo is None) == (hi is None) and (lo is None or lo <= hi)
        if e["date"]:
            assert e["date"]["precision"] in PRECISIONS
            assert e["date"]["start"] <= e["date"]["end"]
        if e["subjects"]["count"] is not None:
            assert e["subjects"]["count"] > 0


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=8),
       st.sampled_from([" ", "\n", "\n\n", "  \n"]),
       st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
def test_contract_holds_for_any_report(sentences, glue, published):
    out = nkevents.extract(glue.join(sentences), published=published).to_json()
    check_contract(out)


def test_a_report_gives_the_events_it_records():
    text = ("North Korean authorities held a public trial in Chongjin's Sunam District on Nov. 10, "
            "a source in North Hamgyong Province told us on Thursday. Two cadres were given life sentences "
            "for smuggling rice from China. Those caught with foreign phones were sentenced to 11 years in prison.")
    out = nkevents.extract(text, published="2022-11-17").to_json()
    check_contract(out)
    by_type = {}
    for e in out["events"]:
        by_type.setdefault(e["type"], []).append(e)
    assert len(by_type["trial"]) == 1 and len(by_type["sentence"]) == 2
    trial = by_type["trial"][0]
    assert trial["date"]["start"] == "2022-11-10"
    assert trial["place"]["id"] == "kp.north-hamgyong.chongjin.sunam"
    kinds = {(s["penalty"]["kind"], s["penalty"]["min_months"]) for s in by_type["sentence"]}
    assert kinds == {("life_imprisonment", None), ("prison", 132)}
    life = next(s for s in by_type["sentence"] if s["penalty"]["kind"] == "life_imprisonment")
    assert life["subjects"]["count"] == 2 and set(life["charges"]) == {"smuggling"}
    assert life["date"]["start"] == "2022-11-10"  # passed at the trial


def test_no_publication_date_keeps_month_and_day_without_a_year():
    out = nkevents.extract("A public trial was held in Hyesan on Aug. 27.").to_json()
    [trial] = [e for e in out["events"] if e["type"] == "trial"]
    assert trial["date"]["start"] == "--08-27" and trial["date"]["precision"] == "month-day"
