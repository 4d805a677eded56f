"""The record's rules: idempotent ingest, revisions, filters, search, reviews, failures, users."""
import pytest

from nkevents.store import EventFilter, ReviewError, Store, StoreError
from nkevents.store.testing import make_doc, make_event

CHONGJIN = ("kp.north-hamgyong.chongjin", "Chongjin", "city", 41.79, 129.78)
SUNAM = ("kp.north-hamgyong.chongjin.sunam", "Sunam District", "district", 41.76, 129.81)
HYESAN = ("kp.ryanggang.hyesan", "Hyesan", "city", 41.40, 128.18)
# A place whose id starts like Chongjin's but is not inside it: the subtree filter must not take it.
CHONGJIN_LOOKALIKE = ("kp.north-hamgyong.chongjin-port", "Chongjin Port", "town", 41.7, 129.7)

TEXT_A = ("The provincial court in Sunam District sentenced two cadres to life imprisonment for "
          "smuggling copper on Nov. 10. Security agents arrested a trader in Hyesan in June for "
          "making calls to China.")
TEXT_B = ("Police in Chongjin Port detained five people who watched South Korean dramas. The rice "
          "price in Chongjin rose to 6,000 won per kilogram in October.")


def doc_a(**kw):
    return make_doc(TEXT_A, [
        make_event(TEXT_A, "The provincial court in Sunam District sentenced two cadres to life "
                   "imprisonment for smuggling copper on Nov. 10.", "sentence", place=SUNAM,
                   date=("2022-11-10", "2022-11-10", "day"), charges=["smuggling"],
                   penalty=("life_imprisonment", None, None), actors=["court"], count=2),
        make_event(TEXT_A, "Security agents arrested a trader in Hyesan in June for making calls "
                   "to China.", "arrest", place=HYESAN, date=("2022-06-01", "2022-06-30", "month"),
                   charges=["illegal_phone"], actors=["mss"], count=1),
    ], url="https://example.org/a", title="Cadres sentenced", **kw)


def doc_b(**kw):
    return make_doc(TEXT_B, [
        make_event(TEXT_B, "Police in Chongjin Port detained five people who watched South Korean "
                   "dramas.", "arrest", place=CHONGJIN_LOOKALIKE,
                   date=("2021-03-01", "2021-03-31", "month"), charges=["foreign_media"],
                   actors=["mps"], modality="alleged", count=5),
        make_event(TEXT_B, "The rice price in Chongjin rose to 6,000 won per kilogram in October.",
                   "market", place=CHONGJIN, date=("2021-10-01", "2021-10-31", "month")),
    ], url="https://example.org/b", outlet="Radio Free Asia", title="Rice price", **kw)


def ids(rows):
    return sorted(r["type"] + "@" + ((r.get("place") or {}).get("id") or "-") for r in rows)


# ------------------------------------------------------------------ ingest


def test_same_report_twice_is_stored_once(store):
    first = store.ingest_document(doc_a())
    second = store.ingest_document(doc_a())
    assert (first.status, first.events_added) == ("new", 2)
    assert (second.status, second.events_added) == ("unchanged", 0)
    assert second.report_id == first.report_id
    assert store.counts()["reports"] == 1 and store.counts()["events"] == 2


def test_hash_ignores_quote_style_and_white_space(store):
    store.ingest_document(make_doc("He said \u201cno\u201d   to the order."))
    again = store.ingest_document(make_doc('He said "no" to the order.'))
    assert again.status == "unchanged"


def test_changed_text_under_same_url_is_a_new_revision_and_old_one_kept(store):
    old = store.ingest_document(doc_a())
    changed = doc_a()
    changed.raw = changed.text = TEXT_A + " The trader was later released."
    new = store.ingest_document(changed)
    assert new.status == "updated" and new.revision == 2 and new.report_id != old.report_id
    rep = store.get_report(new.report_id)
    assert [r["report_id"] for r in rep["revisions"]] == [old.report_id, new.report_id]
    assert store.get_report(old.report_id)["is_current"] is False
    # listings show the current revision's events only, unless asked for older ones
    rows, total = store.query_events(EventFilter())
    assert total == 2 and {r["report_id"] for r in rows} == {new.report_id}
    _, with_old = store.query_events(EventFilter(include_superseded=True))
    assert with_old == 4


def test_event_ids_are_stable_and_global(store):
    r1 = store.ingest_document(doc_a())
    rows, _ = store.query_events(EventFilter(), order="report")
    assert all(r["event_id"].startswith(r1.report_id + "-") for r in rows)
    # the same text stored in another database gets the same ids
    from nkevents.store.ingest import machine_event_ids
    objs = doc_a().to_json()["events"]
    assert machine_event_ids(r1.report_id, objs) == [r["event_id"] for r in rows]


def test_extractor_version_recorded_per_event(store):
    store.ingest_document(doc_a(), extractor_version="9.9")
    rows, _ = store.query_events(EventFilter())
    assert {r["extractor_version"] for r in rows} == {"9.9"}


def test_event_dict_carries_spec_fields_and_record_fields(store):
    store.ingest_document(doc_a())
    rows, _ = store.query_events(EventFilter(type="sentence"))
    ev = rows[0]
    for key in ("type", "date", "place", "actors", "subjects", "charges", "penalty", "modality",
                "evidence", "confidence", "event_id", "report_id", "review_status", "outlet",
                "url", "published", "title"):
        assert key in ev, key
    assert ev["review_status"] == "machine" and ev["outlet"] == "Daily NK"
    assert ev["evidence_text"].startswith("The provincial court in Sunam District")


# ------------------------------------------------------------------ filters


@pytest.fixture
def filled(store):
    store.ingest_document(doc_a())
    store.ingest_document(doc_b())
    return store


@pytest.mark.parametrize("flt, expected", [
    (EventFilter(type="arrest"), ["arrest@kp.north-hamgyong.chongjin-port", "arrest@kp.ryanggang.hyesan"]),
    (EventFilter(type=["sentence", "market"]), ["market@kp.north-hamgyong.chongjin", "sentence@kp.north-hamgyong.chongjin.sunam"]),
    # a place includes everything inside it, and nothing that merely shares a prefix
    (EventFilter(place="kp.north-hamgyong.chongjin"), ["market@kp.north-hamgyong.chongjin", "sentence@kp.north-hamgyong.chongjin.sunam"]),
    (EventFilter(place="kp.north-hamgyong"), ["arrest@kp.north-hamgyong.chongjin-port", "market@kp.north-hamgyong.chongjin", "sentence@kp.north-hamgyong.chongjin.sunam"]),
    (EventFilter(place=["kp.ryanggang", "kp.north-hamgyong.chongjin.sunam"]), ["arrest@kp.ryanggang.hyesan", "sentence@kp.north-hamgyong.chongjin.sunam"]),
    # date ranges overlap: June 2022 (month) overlaps [2022-06-15, 2022-07-01]
    (EventFilter(since="2022-06-15", until="2022-07-01"), ["arrest@kp.ryanggang.hyesan"]),
    (EventFilter(since="2022-01-01"), ["arrest@kp.ryanggang.hyesan", "sentence@kp.north-hamgyong.chongjin.sunam"]),
    (EventFilter(until="2021-03-01"), ["arrest@kp.north-hamgyong.chongjin-port"]),
    (EventFilter(charge="smuggling"), ["sentence@kp.north-hamgyong.chongjin.sunam"]),
    (EventFilter(charge=["illegal_phone", "foreign_media"]), ["arrest@kp.north-hamgyong.chongjin-port", "arrest@kp.ryanggang.hyesan"]),
    (EventFilter(penalty="life_imprisonment"), ["sentence@kp.north-hamgyong.chongjin.sunam"]),
    (EventFilter(actor="mps"), ["arrest@kp.north-hamgyong.chongjin-port"]),
    (EventFilter(outlet="Radio Free Asia"), ["arrest@kp.north-hamgyong.chongjin-port", "market@kp.north-hamgyong.chongjin"]),
    (EventFilter(modality="alleged"), ["arrest@kp.north-hamgyong.chongjin-port"]),
    (EventFilter(q="dramas"), ["arrest@kp.north-hamgyong.chongjin-port", "market@kp.north-hamgyong.chongjin"]),
    (EventFilter(type="arrest", place="kp.ryanggang", since="2022-01-01", until="2022-12-31"), ["arrest@kp.ryanggang.hyesan"]),
    (EventFilter(type="execution"), []),
])
def test_filters(filled, flt, expected):
    rows, total = filled.query_events(flt, limit=100)
    assert ids(rows) == expected
    assert total == len(expected)


def test_filter_by_report_and_review_status(filled):
    rows, _ = filled.query_events(EventFilter(type="sentence"))
    rid = rows[0]["report_id"]
    assert len(filled.query_events(EventFilter(report_id=rid))[0]) == 2
    filled.review(rows[0]["event_id"], user="ana", action="confirm")
    confirmed, n = filled.query_events(EventFilter(review_status="confirmed"))
    assert n == 1 and confirmed[0]["event_id"] == rows[0]["event_id"]
    assert filled.query_events(EventFilter(review_status="machine"))[1] == 3


def test_limit_offset_and_order(filled):
    everything, total = filled.query_events(EventFilter(), order="date", limit=10)
    dates = [r["date"]["start"] for r in everything]
    assert total == 4 and dates == sorted(dates)
    page2, _ = filled.query_events(EventFilter(), order="date", limit=2, offset=2)
    assert [r["event_id"] for r in page2] == [r["event_id"] for r in everything[2:]]
    newest_first, _ = filled.query_events(EventFilter(), order="-date")
    assert [r["date"]["start"] for r in newest_first] == sorted(dates, reverse=True)
    with pytest.raises(ValueError):
        filled.query_events(EventFilter(), order="nonsense")


def test_month_day_dates_are_stored_but_not_matched_by_date_filters(store):
    text = "On Dec. 3 a public trial was held in Hyesan."
    store.ingest_document(make_doc(text, [make_event(text, text, "trial", place=HYESAN,
                                                     date=("--12-03", "--12-03", "month-day"))],
                                   published=None))
    rows, n = store.query_events(EventFilter())
    assert n == 1 and rows[0]["date"]["start"] == "--12-03"
    assert store.query_events(EventFilter(since="2000-01-01"))[1] == 0


# ------------------------------------------------------------------ views and search


def test_get_event_has_report_evidence_and_history(filled):
    rows, _ = filled.query_events(EventFilter(type="sentence"))
    ev = filled.get_event(rows[0]["event_id"])
    assert ev["report"]["title"] == "Cadres sentenced"
    assert ev["report"]["text"] == TEXT_A
    assert ev["evidence_sentences"][0].startswith("The provincial court")
    assert ev["history"] == []
    assert filled.get_event("nope") is None


def test_get_report_has_text_places_events(filled):
    rows, _ = filled.query_events(EventFilter(type="market"))
    rep = filled.get_report(rows[0]["report_id"])
    assert rep["text"] == TEXT_B and rep["outlet"] == "Radio Free Asia"
    assert [e["type"] for e in rep["events"]] == ["arrest", "market"]
    assert rep["revisions"][0]["revision"] == 1
    assert filled.get_report("0000") is None


def test_search_finds_stemmed_words_and_shows_the_sentence(filled):
    hits = filled.search("smuggled copper")
    assert len(hits) == 1
    assert hits[0]["title"] == "Cadres sentenced"
    assert "smuggling copper" in hits[0]["snippet"]
    assert {e["type"] for e in hits[0]["events"]} == {"sentence", "arrest"}
    assert [h["title"] for h in filled.search("rice price")] == ["Rice price"]
    assert filled.search("pyongyang marathon") == []
    assert filled.search('"; DROP TABLE reports; --') == []  # query syntax cannot break out


def test_stats_for_charts(filled):
    s = filled.stats(EventFilter())
    assert s["total"] == 4 and s["by_type"]["arrest"] == 2
    assert {"month": "2022-11", "type": "sentence", "count": 1} in s["per_month_by_type"]
    assert s["sentences_by_charge_and_penalty"] == [{"charge": "smuggling", "penalty": "life_imprisonment", "count": 1}]
    assert {"bucket": "life", "count": 1} in s["sentence_lengths"]
    assert {p["place_id"] for p in s["top_places"]} == {SUNAM[0], HYESAN[0], CHONGJIN[0], CHONGJIN_LOOKALIKE[0]}
    assert filled.stats(EventFilter(place="kp.ryanggang"))["total"] == 1


# ------------------------------------------------------------------ reviews


def test_review_confirm_reject_correct_with_history(filled):
    rows, _ = filled.query_events(EventFilter(type="sentence"))
    eid = rows[0]["event_id"]
    ev = filled.review(eid, user="ana", action="correct",
                       changes={"penalty.kind": "prison", "penalty.min_months": "60",
                                "penalty.max_months": "60", "charges": "smuggling,corruption"},
                       note="the report says five years")
    assert ev["review_status"] == "corrected"
    assert ev["penalty"]["kind"] == "prison" and ev["penalty"]["max_months"] == 60
    # the filter columns follow the correction
    assert filled.query_events(EventFilter(penalty="prison"))[1] == 1
    assert filled.query_events(EventFilter(charge="corruption"))[1] == 1
    assert filled.query_events(EventFilter(penalty="life_imprisonment"))[1] == 0
    filled.review(eid, user="bo", action="reject")
    history = filled.review_history(eid)
    assert [(h["user"], h["action"]) for h in history] == [("ana", "correct"), ("bo", "reject")]
    assert history[0]["before"]["penalty"]["kind"] == "life_imprisonment"
    assert history[0]["note"] == "the report says five years"
    # rejected events leave default listings
    assert eid not in [r["event_id"] for r in filled.query_events(EventFilter())[0]]


@pytest.mark.parametrize("changes, message", [
    ({"penalty.kind": "flogging"}, "penalty kind"),
    ({"type": "party"}, "event type"),
    ({"colour": "red"}, "not an editable field"),
    ({"date.start": "10 Nov"}, "YYYY-MM-DD"),
    ({"penalty.min_months": "five"}, "whole number"),
])
def test_bad_corrections_are_refused_with_a_reason(filled, changes, message):
    rows, _ = filled.query_events(EventFilter(type="sentence"))
    with pytest.raises(ReviewError, match=message):
        filled.review(rows[0]["event_id"], user="ana", action="correct", changes=changes)
    assert filled.get_event(rows[0]["event_id"])["review_status"] == "machine"


def test_review_of_unknown_event_or_action(filled):
    with pytest.raises(ReviewError, match="no such event"):
        filled.review("missing", user="ana", action="confirm")
    rows, _ = filled.query_events(EventFilter())
    with pytest.raises(ReviewError, match="unknown action"):
        filled.review(rows[0]["event_id"], user="ana", action="delete")


def test_add_event(filled):
    rows, _ = filled.query_events(EventFilter(type="market"))
    rid = rows[0]["report_id"]
    eid = filled.add_event(rid, {"type": "crackdown", "evidence": [{"start": 0, "end": 40}],
                                 "place": "kp.north-hamgyong.chongjin"}, user="ana")
    ev = filled.get_event(eid)
    assert ev["review_status"] == "added" and ev["origin"] == "reviewer"
    assert ev["place"]["id"] == "kp.north-hamgyong.chongjin"
    assert [h["action"] for h in ev["history"]] == ["add"]
    with pytest.raises(ReviewError, match="inside the report text"):
        filled.add_event(rid, {"type": "crackdown", "evidence": [{"start": 0, "end": 10_000}]}, user="ana")


# ------------------------------------------------------------------ re-extraction


def test_reextraction_replaces_machine_output_but_keeps_reviews(store):
    r = store.ingest_document(doc_a(), extractor_version="1")
    rows, _ = store.query_events(EventFilter(), order="report")
    sentence_id, arrest_id = rows[0]["event_id"], rows[1]["event_id"]
    store.review(sentence_id, user="ana", action="correct", changes={"penalty.kind": "death"})
    added_id = store.add_event(r.report_id, {"type": "trial", "evidence": [{"start": 0, "end": 20}]}, user="ana")

    # version 2 finds the arrest again with another charge, drops the sentence, finds a new event
    def extract_v2(fields):
        doc = doc_a()
        doc.events[1].charges = ["espionage"]
        doc.events = doc.events[1:] + [make_event(TEXT_A, "for making calls to China.", "prohibited_activity")]
        return doc
    result = store.reextract(r.report_id, extract=extract_v2, extractor_version="2")
    assert (result.added, result.replaced, result.removed) == (1, 1, 0)
    kept = store.get_event(sentence_id)
    assert kept["review_status"] == "corrected" and kept["penalty"]["kind"] == "death"
    arrest = store.get_event(arrest_id)
    assert arrest["charges"] == ["espionage"] and arrest["extractor_version"] == "2"
    assert store.get_event(added_id)["review_status"] == "added"

    # a rejected event stays rejected when the machine finds it again
    store.review(arrest_id, user="bo", action="reject")
    store.reextract(r.report_id, extract=extract_v2, extractor_version="3")
    assert store.get_event(arrest_id)["review_status"] == "rejected"
    assert store.get_event(arrest_id)["machine_data"]["charges"] == ["espionage"]

    # machine events no longer found are removed; reviewed ones stay
    def extract_v4(fields):
        doc = doc_a()
        doc.events = []
        return doc
    result = store.reextract(r.report_id, extract=extract_v4, extractor_version="4")
    assert result.removed == 1  # the prohibited_activity event
    statuses = sorted(e["review_status"] for e in store.get_report(r.report_id)["events"])
    assert statuses == ["added", "corrected", "rejected"]


def test_reextract_with_the_real_pipeline_keeps_report_identity(store):
    text = ("A source in Ryanggang Province said the court in Hyesan sentenced two smugglers to "
            "five years in prison last week.")
    r = store.ingest_document(make_doc(text), extractor_version="0")
    result = store.reextract(r.report_id)
    rep = store.get_report(r.report_id)
    assert rep["extractor_version"] != "0"
    assert len(rep["events"]) == result.added
    with pytest.raises(StoreError):
        store.reextract("missing")


# ------------------------------------------------------------------ failures and users


def test_failures_recorded_once_per_source_and_cleared_on_success(store):
    store.record_failure("bad.txt", "binary file")
    store.record_failure("bad.txt", "binary file")
    store.record_failure("a.json", "invalid JSON")
    fails = {f["source"]: f for f in store.failures()}
    assert fails["bad.txt"]["attempts"] == 2 and fails["a.json"]["reason"] == "invalid JSON"
    store.ingest_document(doc_a(), source="a.json")
    assert [f["source"] for f in store.failures()] == ["bad.txt"]


def test_users(store):
    assert store.get_user("ana") is None
    store.add_user("ana", "$argon2$x", "editor")
    assert store.get_user("ana")["role"] == "editor"
    store.add_user("ana", "$argon2$y", "admin")
    assert store.get_user("ana")["password_hash"] == "$argon2$y"
    with pytest.raises(StoreError, match="role"):
        store.add_user("bo", "h", "root")


# ------------------------------------------------------------------ opening


def test_open_plain_path_and_env(tmp_path, monkeypatch):
    path = tmp_path / "x.db"
    with Store.open(str(path)) as s:
        s.ingest_document(doc_a())
    monkeypatch.setenv("NKEVENTS_DB", str(path))
    with Store.open() as s:
        assert s.counts()["reports"] == 1
    with Store.open(f"sqlite:///{path}") as s:
        assert s.counts()["events"] == 2


def test_open_refuses_unknown_url():
    with pytest.raises(StoreError, match="unsupported database URL"):
        Store.open("mysql://localhost/x")


def test_unreachable_server_is_one_line_without_the_password():
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://ana:secret@127.0.0.1:1/nkevents")
    message = str(info.value)
    assert "cannot open the database" in message and "secret" not in message
    assert "\n" not in message
