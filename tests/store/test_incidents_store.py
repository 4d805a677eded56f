"""Incidents in the record: linking on ingest, listing, reviewers' merge/split surviving re-linking."""
import pytest

from nkevents.store import incidents as inc
from nkevents.store.testing import make_doc, make_event

HOERYONG = ("kp.north-hamgyong.hoeryong", "Hoeryong", "city", 42.44, 129.75)
HYESAN = ("kp.ryanggang.hyesan", "Hyesan", "city", 41.40, 128.18)

# Invented reports (no corpus text).
TEXT_A = ("A man in his forties was publicly executed by firing squad in Hoeryong on March 14 "
          "after he was convicted of selling methamphetamine, a source in North Hamgyong Province "
          "told Daily NK. Residents were ordered to attend and were warned that drug dealers would "
          "face the same fate. The man had been arrested in January by state security agents.")
TEXT_B = ("North Korean authorities shot a drug dealer in front of a crowd in the border city of "
          "Hoeryong last week, a resident told RFA. The man, who was about 45 years old, had been "
          "caught with a large amount of crystal meth, and officials lectured the crowd.")
TEXT_COPY = "Drug dealer shot in public in North Korea. " + TEXT_A + " Share this story."
TEXT_OTHER = ("Three women were executed in Hyesan on March 14 for trafficking, a source in "
              "Ryanggang Province said. The women had helped others cross the river to China and "
              "were tried at an open trial the same morning in front of local residents.")


def execution_doc(text, evidence, *, place=HOERYONG, day="2023-03-14", count=1, outlet=None,
                  url=None, published="2023-03-20"):
    return make_doc(text, [make_event(text, evidence, "execution", place=place,
                                      date=(day, day, "day"), count=count, charges=["drugs"])],
                    url=url, outlet=outlet, published=published)


def doc_a():
    return execution_doc(TEXT_A, "A man in his forties was publicly executed", outlet="Daily NK",
                         url="https://example.org/a", published="2023-03-16")


def doc_b():
    return execution_doc(TEXT_B, "North Korean authorities shot a drug dealer", day="2023-03-13",
                         outlet="Radio Free Asia", url="https://example.org/b")


def doc_copy():
    return execution_doc(TEXT_COPY, "A man in his forties was publicly executed", outlet=None,
                         url="https://aggregator.example/c", published="2023-03-18")


def doc_other():
    return execution_doc(TEXT_OTHER, "Three women were executed in Hyesan", place=HYESAN, count=3,
                         url="https://example.org/d")


def ingest(store, *docs):
    rids = [store.ingest_document(d).report_id for d in docs]
    inc.link_pending(store)
    return rids


def test_reports_of_one_execution_share_an_incident_with_sources(store):
    a, b, c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    found = inc.list_incidents(store)
    assert len(found) == 2
    big = found[0]
    assert {r["id"] for r in big["reports"]} == {a, b, c}
    by_id = {r["id"]: r for r in big["reports"]}
    assert by_id[a]["independent"] is True
    assert by_id[b]["independent"] is True and by_id[b]["cites"] == []  # "told RFA" in RFA's own
    assert by_id[c]["independent"] is False and by_id[c]["copies"] == a
    # Daily NK (and its copy) + RFA's own report: two independent sources, two outlets known
    assert big["n_independent"] == 2 and big["n_reports"] == 3
    assert big["type"] == "execution" and big["place"] == HOERYONG[0]
    assert all(link["reasons"] for link in big["links"] if link["linked_to"])
    assert found[1]["reports"][0]["id"] == d and len(found[1]["events"]) == 1


def test_incident_of_event_and_filters(store):
    a, b, _c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    event_a = store.query_events()[0]
    ev_b = [e for e in store.query_events()[0] if e["report_id"] == b][0]
    found = inc.incident_of_event(store, ev_b["event_id"])
    assert ev_b["event_id"] in found["events"] and len(found["events"]) == 3
    assert inc.incident_of_event(store, "no-such-event") is None
    assert [i["place"] for i in inc.list_incidents(store, place="kp.ryanggang")] == [HYESAN[0]]
    assert len(inc.list_incidents(store, min_reports=2)) == 1
    assert inc.list_incidents(store, since="2024-01-01") == []
    assert len(inc.list_incidents(store, type="execution", since="2023-03", until="2023-03-31")) == 2
    assert event_a  # query_events returned rows


def test_linking_is_incremental(store):
    ingest(store, doc_a())
    before = inc.list_incidents(store)[0]["id"]
    rid = store.ingest_document(doc_b()).report_id
    assert inc.pending_reports(store)[0][0] == rid
    links = inc.link_report(store, rid)
    assert links[0].incident_id == before and links[0].linked_to is not None
    assert inc.pending_reports(store) == []
    assert inc.link_pending(store) == 0


def test_merge_and_split_survive_relinking(store):
    a, b, c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    big, small = inc.list_incidents(store)
    merged = inc.merge_incidents(store, big["id"], small["id"], user="ann")
    assert len(merged["events"]) == 4
    ev_b = next(e for e in merged["events"] if e.startswith(b))
    split = inc.split_incident(store, merged["id"], [ev_b], user="ann", note="RFA tells another story")
    assert split["events"] == [ev_b]
    inc.relink(store)
    after = {i["id"]: set(i["events"]) for i in inc.list_incidents(store)}
    assert after[split["id"]] == {ev_b}
    assert len(after[merged["id"]]) == 3 and ev_b not in after[merged["id"]]
    assert [d["action"] for d in inc.decisions(store)] == ["merge", "split"]


def test_reviewer_errors_are_one_line(store):
    ingest(store, doc_a(), doc_other())
    one, two = inc.list_incidents(store)
    with pytest.raises(inc.IncidentError, match="no such incident"):
        inc.merge_incidents(store, one["id"], "inc-nothing", user="ann")
    with pytest.raises(inc.IncidentError, match="at least one event"):
        inc.split_incident(store, one["id"], one["events"], user="ann")
    with pytest.raises(inc.IncidentError, match="not an event of"):
        inc.split_incident(store, one["id"], two["events"], user="ann")


def test_a_rejected_event_leaves_its_incident(store):
    a, b = ingest(store, doc_a(), doc_b())
    ev_b = next(e for e in inc.list_incidents(store)[0]["events"] if e.startswith(b))
    store.review(ev_b, user="ann", action="reject")
    inc.link_pending(store)
    found = inc.list_incidents(store)
    assert len(found) == 1 and ev_b not in found[0]["events"]


def test_exports_carry_incident_columns_and_count_by_incident(store):
    import csv
    import io

    from nkevents.export import write_csv
    a, b, c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    by_event = list(inc.annotate_events(store, store.iter_events()))
    by_incident = list(inc.annotate_events(store, store.iter_events(), by="incident"))
    assert len(by_event) == 4 and len(by_incident) == 2
    buf = io.StringIO()
    write_csv(by_event, buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    hoeryong = [r for r in rows if r["place_id"] == HOERYONG[0]]
    assert len({r["incident_id"] for r in hoeryong}) == 1 and hoeryong[0]["incident_id"]
    assert set(hoeryong[0]["sources"].split(";")) == {"Daily NK", "Radio Free Asia", "aggregator.example"}
    assert hoeryong[0]["independent_sources"] == "2"
    # every row names who told the incident first: Daily NK on 16 March (RFA 20th, the copy 18th)
    assert {(r["earliest_report"], r["earliest_published"], r["earliest_source"])
            for r in hoeryong} == {(a, "2023-03-16", "Daily NK")}
    hyesan = [r for r in rows if r["place_id"] == HYESAN[0]]
    assert hyesan[0]["earliest_report"] == d  # alone: its own report
    with pytest.raises(inc.IncidentError, match="unknown choice"):
        list(inc.annotate_events(store, [], by="outlet"))


def test_incidents_command_lists_json_and_reviews(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    from nkevents.store import Store
    db = str(tmp_path / "cli.db")
    with Store.open(db) as s:
        for d in (doc_a(), doc_b(), doc_other()):
            s.ingest_document(d)
    exe = str(Path(sys.executable).parent / "nkevents")

    def run(*args):
        return subprocess.run([exe, "incidents", *args, "--db", db], capture_output=True, text=True)

    done = run("--format", "json")
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    assert [len(i["reports"]) for i in found] == [2, 1]
    assert set(found[0]) >= {"id", "type", "date", "place", "events", "reports"}
    assert set(found[0]["reports"][0]) >= {"id", "url", "outlet", "independent"}
    merged = run("merge", found[0]["id"], found[1]["id"], "--user", "ann")
    assert merged.returncode == 0 and "3 events" in merged.stderr
    bad = run("split", found[0]["id"], "no-such-event")
    assert bad.returncode == 1 and "not an event of" in bad.stderr and "Traceback" not in bad.stderr
    assert run("--format", "xml").returncode == 2


def test_migration_0002_matches_the_incident_tables(store):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from nkevents.store.schema import metadata
    ours = {t.name for t in (inc.incidents, inc.incident_members, inc.incident_keys, inc.incident_bands,
                             inc.incident_sources, inc.incident_copies, inc.incident_decisions)}

    def only_incidents(obj, name, type_, reflected, compare_to):
        table = name if type_ == "table" else getattr(getattr(obj, "table", None), "name", None)
        return table in ours

    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": only_incidents,
                                                     "compare_type": False})
        assert compare_metadata(ctx, metadata) == []


def test_events_removed_by_reextraction_leave_their_incidents(store):
    a, b = ingest(store, doc_a(), doc_b())
    assert inc.list_incidents(store)[0]["n_reports"] == 2
    store.reextract(b, extract=lambda fields: make_doc(TEXT_B, [], outlet="Radio Free Asia"))
    inc.link_pending(store)
    found = inc.list_incidents(store)
    assert [i["n_reports"] for i in found] == [1] and found[0]["reports"][0]["id"] == a


def test_events_command_by_incident_matches_export_by_incident(db_url, monkeypatch):
    import json

    from typer.testing import CliRunner

    from nkevents.cli import app
    from nkevents.store import Store
    with Store.open(db_url) as s:  # stored, not linked yet: the command links first
        for d in (doc_a(), doc_b(), doc_copy(), doc_other()):
            s.ingest_document(d)
    runner = CliRunner()

    def run(*args):
        result = runner.invoke(app, [*args, "--db", db_url])
        assert result.exit_code == 0, result.output
        return result.stdout

    by_event = json.loads(run("events", "--format", "json"))
    listed = json.loads(run("events", "--by", "incident", "--format", "json"))
    assert by_event["total"] == 4 and listed["total"] == 2 and len(listed["events"]) == 2
    exported = [json.loads(line) for line in
                run("export", "--by", "incident", "-f", "jsonl", "-o", "-").splitlines() if line.strip()]
    assert [e["event_id"] for e in listed["events"]] == [e["event_id"] for e in exported]
    hoeryong = next(e for e in listed["events"] if e["place"]["id"] == HOERYONG[0])
    assert hoeryong["n_reports"] == 3 and hoeryong["independent_sources"] == 2
    assert hoeryong["incident_id"] == next(e for e in exported if e["event_id"] == hoeryong["event_id"])["incident_id"]
    from nkevents.cli import store_cmd
    monkeypatch.setattr(store_cmd.out, "width", 400)  # no folded cells
    table = run("events", "--by", "incident")
    assert "2 incidents" in table and "incident_id" in table and hoeryong["incident_id"] in table
    bad = runner.invoke(app, ["events", "--by", "outlet", "--db", db_url])
    assert bad.exit_code == 2 and "--by outlet: unknown choice" in bad.output


def test_incidents_of_report_and_incident_events(store):
    a, b, c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    of_b = inc.incidents_of_report(store, b)
    assert len(of_b) == 1 and {r["id"] for r in of_b[0]["reports"]} == {a, b, c}
    assert of_b[0]["earliest_report"] == a
    events = inc.incident_events(store, of_b[0]["id"])
    assert [e["report_id"] for e in events] == [a, c, b]  # in linking order: published first
    assert all(e["type"] == "execution" for e in events)
    assert [i["n_reports"] for i in inc.incidents_of_report(store, d)] == [1]


def test_report_page_lists_the_incidents_and_links_to_the_other_reports(store):
    from fastapi.testclient import TestClient

    from nkevents.web.app import create_app
    a, b, c, d = ingest(store, doc_a(), doc_b(), doc_copy(), doc_other())
    client = TestClient(create_app(store))
    page = client.get(f"/reports/{b}").text
    block = page[page.index('id="report-incidents"'):]
    block = block[:block.index("</section>")]
    assert "1 told by other reports too" in block
    assert f'href="/reports/{a}"' in block and f'href="/reports/{c}"' in block
    assert f'href="/reports/{b}"' not in block  # not a link to itself
    assert "earliest" in block and "copies a report" in block
    alone = client.get(f"/reports/{d}").text
    assert "No other report tells the occurrences" in alone


def test_incidents_show_prints_reports_events_and_reasons(tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    from nkevents.store import Store
    db = str(tmp_path / "show.db")
    with Store.open(db) as s:
        a, b = (s.ingest_document(d).report_id for d in (doc_a(), doc_b()))
    exe = str(Path(sys.executable).parent / "nkevents")

    def run(*args):
        return subprocess.run([exe, "incidents", *args, "--db", db], capture_output=True, text=True)

    found = json.loads(run("--format", "json").stdout)
    shown = run("show", found[0]["id"])
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    assert text.index(a) < text.index(b)  # earliest first
    assert "earliest" in text and "founded the incident" in text
    assert "same day (+2)" in text and "linked to" in text
    as_json = json.loads(run("show", found[0]["id"], "--format", "json").stdout)
    assert as_json["id"] == found[0]["id"] and len(as_json["event_data"]) == 2
    missing = run("show", "inc-000000000000")
    assert missing.returncode == 1 and missing.stderr.strip() == "error: inc-000000000000: no such incident"


def test_a_third_report_joins_two_incidents_in_the_store(store):
    # a: North Hamgyong, March; b (a day later): no date, no place beyond the country, c's text
    # without its headline; c: the day and the city. a and b cannot be linked (nothing but one
    # person and a charge in common); c links to both and joins them.
    from tests.test_incidents import COPY_HEADLINE, STORY_DNK
    north_hamgyong = ("kp.north-hamgyong", "North Hamgyong", "province", 41.8, 129.7)
    country = ("kp", "North Korea", "country", 40.0, 127.0)
    ev_a = make_event(TEXT_A, "A man in his forties was publicly executed", "execution",
                      place=north_hamgyong, date=("2023-03-01", "2023-03-31", "month"), count=1,
                      charges=["drugs"])
    ev_b = make_event(STORY_DNK, "was executed by firing squad", "execution", place=country,
                      count=1, charges=["drugs"])
    text_c = COPY_HEADLINE + STORY_DNK
    ev_c = make_event(text_c, "was executed by firing squad", "execution", place=HOERYONG,
                      date=("2023-03-14", "2023-03-14", "day"), count=1, charges=["drugs"])
    a, b, c = ingest(store, make_doc(TEXT_A, [ev_a], outlet="Daily NK", published="2023-03-16",
                                     url="https://example.org/a"),
                     make_doc(STORY_DNK, [ev_b], outlet=None, published="2023-03-17",
                              url="https://example.org/b"),
                     make_doc(text_c, [ev_c], outlet=None, published="2023-03-18",
                              url="https://example.org/c"))
    found = inc.list_incidents(store, min_reports=2)
    assert len(found) == 1 and {r["id"] for r in found[0]["reports"]} == {a, b, c}
    joined = [l for l in found[0]["links"] if any(r.startswith("joins incident") for r in l["reasons"])]
    assert [l["report"] for l in joined] == [c]
    assert len(inc.list_incidents(store)) == 1  # the absorbed incident's summary row is gone
