"""Fully reviewed reports become gold: the mark and its undo, the gold they give, evaluation runs
and the re-extraction preview; on SQLite and (with NKEVENTS_TEST_PG) PostgreSQL."""
import pytest

from nkevents.store import ReviewError
from nkevents.store.reviews import CONFIRMED_WITH_REPORT
from nkevents.store.testing import make_doc, make_event

TEXT = ("The provincial court in Chongjin sentenced two smugglers to five years in prison on "
        "Nov. 10. Security agents in Hyesan arrested a woman for a phone call to Seoul. "
        "Residents were mobilized for road building.")
CHONGJIN = ("kp.north-hamgyong.chongjin", "Chongjin", "city", 41.79, 129.78)
HYESAN = ("kp.ryanggang.hyesan", "Hyesan", "city", 41.40, 128.18)


def sentence(place=CHONGJIN, kind="prison"):
    return make_event(TEXT, "The provincial court in Chongjin sentenced", "sentence", place=place,
                      date=("2022-11-10", "2022-11-10", "day"), penalty=(kind, 60, 60),
                      charges=["smuggling"], count=2, actors=["court"])


def arrest():
    return make_event(TEXT, "Security agents in Hyesan arrested", "arrest", place=HYESAN,
                      charges=["illegal_phone"], count=1, actors=["mss"])


def mobilization():
    return make_event(TEXT, "Residents were mobilized", "mobilization")


def report_doc(*events):
    from nkevents.model import Place, PlaceMention
    doc = make_doc(TEXT, events, url="https://example.org/chongjin-trial", title="Trial in Chongjin")
    doc.place_mentions = [PlaceMention(TEXT.index("Chongjin"), TEXT.index("Chongjin") + 8,
                                       Place(*CHONGJIN), "Chongjin"),
                          PlaceMention(TEXT.index("Hyesan"), TEXT.index("Hyesan") + 6,
                                       Place(*HYESAN), "Hyesan")]
    return doc


@pytest.fixture
def stored(store):
    """A report with three machine events: sentence, arrest, mobilization (in that order)."""
    rid = store.ingest_document(report_doc(sentence(), arrest(), mobilization())).report_id
    ids = {e["type"]: e["event_id"] for e in store.get_report(rid)["events"]}
    return rid, ids


def extractor(*events):
    """An `extract(fields)` for tests: the same report with the given events."""
    return lambda fields: report_doc(*events)


def test_marking_confirms_the_unreviewed_events_and_records_every_decision(store, stored):
    rid, ids = stored
    store.review(ids["arrest"], user="ann", action="reject")
    result = store.mark_reviewed(rid, user="bo", note="checked against the source")
    assert result["confirmed"] == 2
    statuses = {e["type"]: e["review_status"] for e in store.get_report(rid)["events"]}
    assert statuses == {"sentence": "confirmed", "arrest": "rejected", "mobilization": "confirmed"}
    history = store.review_history(ids["sentence"])
    assert [(h["user"], h["action"], h["note"]) for h in history] == [("bo", "confirm", CONFIRMED_WITH_REPORT)]
    state = store.report_review_state(rid)
    assert state["reviewed"] and state["reviewed_by"] == "bo"
    assert [(h["action"], h["note"]) for h in state["history"]] == [("done", "checked against the source")]
    assert [r["report_id"] for r in store.reviewed_reports()] == [rid]


def test_marking_twice_or_an_unknown_report_is_a_one_line_error(store, stored):
    rid, _ = stored
    store.mark_reviewed(rid, user="bo")
    with pytest.raises(ReviewError, match="already marked fully reviewed"):
        store.mark_reviewed(rid, user="bo")
    with pytest.raises(ReviewError, match="no such report"):
        store.mark_reviewed("0000000000000000", user="bo")
    with pytest.raises(ReviewError, match="not marked fully reviewed"):
        store.unmark_reviewed(store.ingest_document(make_doc("A market in Sinuiju closed early.")).report_id,
                              user="bo")


def test_undo_returns_only_what_the_mark_confirmed_and_nobody_touched_since(store, stored):
    rid, ids = stored
    store.review(ids["arrest"], user="ann", action="reject")
    store.mark_reviewed(rid, user="bo")
    store.review(ids["sentence"], user="ann", action="correct", changes={"penalty.kind": "labor_training"})
    result = store.unmark_reviewed(rid, user="bo", note="not finished")
    assert result["unconfirmed"] == 1
    statuses = {e["type"]: e["review_status"] for e in store.get_report(rid)["events"]}
    assert statuses == {"sentence": "corrected", "arrest": "rejected", "mobilization": "machine"}
    assert [h["action"] for h in store.review_history(ids["mobilization"])] == ["confirm", "unconfirm"]
    state = store.report_review_state(rid)
    assert not state["reviewed"]
    assert [h["action"] for h in state["history"]] == ["done", "undone"]
    assert store.reviewed_reports() == []


def test_gold_is_the_events_after_review_and_the_places_when_marked(store, stored):
    rid, ids = stored
    store.review(ids["arrest"], user="ann", action="reject")
    store.review(ids["sentence"], user="ann", action="correct", changes={"penalty.kind": "labor_training"})
    added = store.add_event(rid, {"type": "trial", "evidence": [{"start": 0, "end": 40}]}, user="ann")
    store.mark_reviewed(rid, user="ann")
    result = store.evaluate(extract=extractor())
    [doc] = result.documents
    gold = doc["gold"]
    assert sorted(e["event_id"] for e in gold["events"]) == sorted([ids["sentence"], ids["mobilization"], added])
    assert [e["penalty"]["kind"] for e in gold["events"] if e["type"] == "sentence"] == ["labor_training"]
    assert gold["places"] == ["kp.north-hamgyong.chongjin", "kp.ryanggang.hyesan"]
    assert doc["fields"]["text"] == TEXT and doc["fields"]["title"] == "Trial in Chongjin"


def test_a_reviewed_report_stays_gold_after_re_extraction_by_another_version(store, stored):
    rid, ids = stored
    store.mark_reviewed(rid, user="ann")
    before = store.evaluate(extract=extractor()).documents[0]["gold"]
    # the new version finds the sentence with another penalty, misses the mobilization, and
    # finds an event nobody reviewed
    other = make_event(TEXT, "The provincial court in Chongjin sentenced", "trial")
    store.reextract(rid, extract=extractor(sentence(kind="death"), arrest(), other),
                    extractor_version="9.9.9")
    after = store.evaluate(extract=extractor()).documents[0]["gold"]
    assert after["events"] == before["events"]
    assert after["places"] == before["places"]
    statuses = {e["type"]: e["review_status"] for e in store.get_report(rid)["events"]}
    assert statuses["trial"] == "machine"  # new machine output is not gold until reviewed
    trial = [e["event_id"] for e in store.get_report(rid)["events"] if e["type"] == "trial"]
    assert store.evaluate(extract=extractor()).documents[0]["unreviewed"] == trial
    assert store.report_review_state(rid)["reviewed"]


def test_evaluate_scores_the_given_extractor_and_runs_are_recorded_once(store, stored):
    rid, _ = stored
    store.mark_reviewed(rid, user="ann")
    perfect = store.evaluate(extract=extractor(sentence(), arrest(), mobilization()))
    assert perfect.evaluation.figures["events_compatible"][2] == 1.0
    assert perfect.evaluation.headline() == "event_f1=1.000 places_f1=1.000 penalty_kind_acc=1.000 failed=0"
    half = store.evaluate(extract=extractor(sentence(place=HYESAN, kind="death"), arrest()))
    f = half.evaluation.figures
    assert f["events_compatible"] == (0.5, pytest.approx(1 / 3), 0.4)
    assert f["penalty_kind_acc"] == 0.0
    kinds = sorted((e.figure, e.kind, e.type) for e in half.evaluation.errors if e.figure == "events")
    assert kinds == [("events", "false_alarm", "sentence"), ("events", "miss", "mobilization"),
                     ("events", "miss", "sentence")]
    run_id, new = store.record_evaluation(half, source="eval")
    again_id, again_new = store.record_evaluation(half, source="web")
    assert new and not again_new and again_id == run_id
    store.record_evaluation(perfect, source="eval")
    runs = store.eval_runs(with_errors=True)
    assert [round(r["event_f1"], 3) for r in runs] == [1.0, 0.4]
    assert runs[1]["n_reports"] == 1 and runs[1]["n_gold_events"] == 3
    assert {e["kind"] for e in runs[1]["errors"]} >= {"miss", "false_alarm"}


def test_evaluate_by_type_and_failed_extraction(store, stored):
    rid, _ = stored
    store.mark_reviewed(rid, user="ann")
    only_arrests = store.evaluate(extract=extractor(arrest()), types=["arrest"])
    assert only_arrests.evaluation.figures["events_compatible"][2] == 1.0
    assert only_arrests.n_gold_events == 1

    def broken(fields):
        raise RuntimeError("boom")
    failed = store.evaluate(extract=broken)
    assert failed.evaluation.failures == [(rid, "extraction failed: RuntimeError: boom")]
    assert failed.evaluation.headline().endswith("failed=1")


def test_no_reviewed_report_gives_no_documents(store, stored):
    assert store.evaluate(extract=extractor()).documents == []


def test_preview_reports_gains_losses_changes_and_figures_without_storing(store, stored):
    from nkevents.store.reviews import preview_reextract
    rid, ids = stored
    store.mark_reviewed(rid, user="ann")
    events_before = store.get_report(rid)["events"]
    other = make_event(TEXT, "The provincial court in Chongjin sentenced", "trial")
    preview = preview_reextract(store, [rid], extract=extractor(sentence(kind="death"), arrest(), other))
    assert (preview["reports"], preview["gained"], preview["lost"], preview["changed"]) == (1, 1, 1, 1)
    changed = [c for c in preview["changes"] if c["change"] == "changed"]
    assert changed[0]["event_id"] == ids["sentence"] and changed[0]["fields"] == ["penalty"]
    assert [c["event_id"] for c in preview["changes"] if c["change"] == "lost"] == [ids["mobilization"]]
    assert preview["before"].figures["events_compatible"][2] == 1.0
    assert preview["after"].figures["penalty_kind_acc"] == 0.0
    assert store.get_report(rid)["events"] == events_before
    assert store.eval_runs() == []


# ---------------------------------------------------------------- the commands

import json  # noqa: E402
import re  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from typer.testing import CliRunner  # noqa: E402

from nkevents.cli import app  # noqa: E402
from nkevents.store import Store  # noqa: E402
from nkevents.store.testing import synthetic_report  # noqa: E402

runner = CliRunner()
SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score.py"
HEADLINE = re.compile(r"^event_f1=\d\.\d{3} places_f1=\d\.\d{3} penalty_kind_acc=(\d\.\d{3}|n/a) failed=\d+$")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture
def ingested(tmp_path, db_url):
    """Three generated reports (a trial and sentence, an arrest, a price) ingested by the real
    extractor; returns their report ids in order."""
    d = tmp_path / "in"
    d.mkdir()
    for i in range(3):
        (d / f"r{i}.json").write_text(json.dumps(synthetic_report(i)))
    assert run("ingest", d, "--db", db_url).exit_code == 0
    with Store.open(db_url) as s:
        return s.report_ids()


def test_eval_without_reviewed_reports_says_so_in_one_line(ingested, db_url):
    r = run("eval", "--db", db_url)
    assert r.exit_code == 1
    assert r.stderr.startswith("error: no fully reviewed report in ") and r.stderr.count("\n") == 1
    assert "Traceback" not in r.output


def test_review_report_done_eval_and_undo(ingested, db_url):
    rid = ingested[0]
    done = run("review", "--report", rid, "--done", "--user", "ann", "--db", db_url)
    assert done.exit_code == 0 and f"{rid}: fully reviewed by ann" in done.stderr
    again = run("review", "--report", rid, "--done", "--db", db_url)
    assert again.exit_code == 1 and "already marked fully reviewed" in again.stderr
    # a perfect record of the current extractor's output: everything 1
    r = run("eval", "--db", db_url)
    assert r.exit_code == 0, r.output
    last = r.stdout.strip().splitlines()[-1]
    assert HEADLINE.match(last) and last.startswith("event_f1=1.000")
    # the reviewer rejects one event: the extractor now has a false alarm
    with Store.open(db_url) as s:
        victim = s.get_report(rid)["events"][0]["event_id"]
        n_events = len(s.get_report(rid)["events"])
    assert run("review", victim, "--reject", "--db", db_url).exit_code == 0
    r = run("eval", "--db", db_url, "--format", "json", "--errors")
    body = json.loads(r.stdout)
    assert body["reports"] == 1 and body["gold_events"] == n_events - 1
    assert body["events_compatible"][0] == pytest.approx((n_events - 1) / n_events)
    assert [e["kind"] for e in body["errors"] if e["figure"] == "events"] == ["false_alarm"]
    undo = run("review", "--report", rid, "--undo", "--db", db_url)
    assert undo.exit_code == 0 and "review mark undone" in undo.stderr
    assert run("eval", "--db", db_url).exit_code == 1
    with Store.open(db_url) as s:
        runs = s.eval_runs()
    assert [round(x["event_f1"], 3) for x in runs][::-1][0] == 1.0 and len(runs) == 2


def test_eval_filters_and_bad_values(ingested, db_url):
    run("review", "--report", ingested[1], "--done", "--db", db_url)
    assert run("eval", "--db", db_url, "--report", ingested[0]).exit_code == 1
    r = run("eval", "--db", db_url, "--type", "arrest", "-f", "json", "--no-record")
    body = json.loads(r.stdout)
    assert body["filters"] == {"type": ["arrest"]} and body["run_id"] is None
    assert set(body["per_type"]) <= {"arrest"}
    bad = run("eval", "--db", db_url, "--type", "arrests")
    assert bad.exit_code == 2 and "--type arrests: unknown value" in bad.stderr
    assert run("eval", "--db", db_url, "--since", "last year").exit_code == 2
    assert run("review", "--report", ingested[1], "--db", db_url).exit_code == 2
    assert run("review", "--report", ingested[1], "--done", "--undo", "--db", db_url).exit_code == 2


def test_export_gold_agrees_with_eval_through_the_reference_scorer(ingested, db_url, tmp_path):
    for rid in ingested[:2]:
        run("review", "--report", rid, "--done", "--db", db_url)
    with Store.open(db_url) as s:  # disagreements, so the figures are not all 1
        events = s.get_report(ingested[0])["events"]
        s.review(events[0]["event_id"], user="ann", action="correct",
                 changes={"place": "kp.jagang", "penalty.kind": "death"})
        s.add_event(ingested[1], {"type": "crackdown", "evidence": [{"start": 0, "end": 30}]}, user="ann")
    out = tmp_path / "gold"
    r = run("export", "--format", "gold", "--out", out, "--db", db_url)
    assert r.exit_code == 0 and "2 fully reviewed reports written" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [f"{rid}.json" for rid in ingested[:2]] + [f"{rid}.gold.json" for rid in ingested[:2]])
    gold = json.loads((out / f"{ingested[1]}.gold.json").read_text())
    assert "crackdown" in [e["type"] for e in gold["events"]]
    assert set(gold) >= {"places", "events", "published", "title"}
    report = json.loads((out / f"{ingested[1]}.json").read_text())
    assert report["text"] == synthetic_report(1)["text"] and report["published"] == synthetic_report(1)["published"]
    headline = run("eval", "--db", db_url, "--no-record").stdout.strip().splitlines()[-1]
    assert not headline.startswith("event_f1=1.000")
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent: the agreement with the reference scorer is not checked")
    nkevents = Path(sys.executable).with_name("nkevents")
    scored = subprocess.run([sys.executable, str(SCORER), "--gold", str(out), "--cmd",
                             f"{nkevents} extract --format json {{}}"],
                            capture_output=True, text=True, timeout=300)
    assert scored.returncode == 0, scored.stderr
    assert scored.stdout.strip().splitlines()[-1] == headline
    as_json = subprocess.run([sys.executable, str(SCORER), "--gold", str(out), "--cmd",
                              f"{nkevents} extract --format json {{}}", "--json"],
                             capture_output=True, text=True, timeout=300)
    theirs = json.loads(as_json.stdout[:as_json.stdout.rindex("}") + 1])
    mine = json.loads(run("eval", "--db", db_url, "-f", "json", "--no-record").stdout)
    for key in ("places", "events_type_only", "events_compatible", "events_strict", "charges", "actors"):
        assert [round(x, 3) for x in mine[key]] == [round(x, 3) for x in theirs[key]], key
    for key in ("penalty_kind_acc", "penalty_months_acc", "count_acc", "modality_acc"):
        assert (mine[key] is None and theirs[key] is None) or round(mine[key], 3) == round(theirs[key], 3), key


def test_export_gold_with_nothing_reviewed_or_event_filters(ingested, db_url, tmp_path):
    r = run("export", "--format", "gold", "--out", tmp_path / "g", "--db", db_url)
    assert r.exit_code == 1 and "0 fully reviewed reports written" in r.stderr
    r = run("export", "--format", "gold", "--out", tmp_path / "g", "--type", "trial", "--db", db_url)
    assert r.exit_code == 2 and "--format gold takes only" in r.stderr


def test_reextract_dry_run_stores_nothing_and_shows_before_and_after(ingested, db_url):
    rid = ingested[0]
    with Store.open(db_url) as s:
        first = s.get_report(rid)["events"][0]["event_id"]
    # the reviewer rejects the first event and the mark confirms the rest; then the stored
    # machine output is made to differ from what the extractor gives now
    run("review", first, "--reject", "--db", db_url)
    run("review", "--report", rid, "--done", "--db", db_url)
    with Store.open(db_url) as s:
        from sqlalchemy import update
        from nkevents.store.schema import events
        with s.engine.begin() as conn:
            row = s.get_event(first)
            changed = {**row["machine_data"], "modality": "planned"}
            conn.execute(update(events).where(events.c.event_id == first).values(machine_data=changed))
        before = s.get_report(rid)["events"]
    r = run("reextract", "--all", "--dry-run", "--db", db_url)
    assert r.exit_code == 0, r.output
    assert "dry run, nothing stored: 1 fully reviewed reports among the 3 selected" in r.stdout
    assert "0 gained, 0 lost, 1 changed" in r.stdout and "(modality)  «" in r.stdout
    assert re.search(r"\(modality\)  «\w", r.stdout)
    assert re.search(r"^before: event_f1=", r.stdout, re.M) and re.search(r"^after:  event_f1=", r.stdout, re.M)
    newer = run("reextract", "--since-version", "9.9.9", "--dry-run", "--db", db_url)
    assert "1 fully reviewed reports among the 3 selected" in newer.stdout
    older = run("reextract", "--since-version", "0.0.1", "--dry-run", "--db", db_url)
    assert "0 fully reviewed reports among the 0 selected" in older.stdout
    body = json.loads(run("reextract", "--all", "--dry-run", "-f", "json", "--db", db_url).stdout)
    assert body["changed"] == 1 and body["changes"][0]["event_id"] == first
    assert body["before"]["events_compatible"] == body["after"]["events_compatible"]
    assert body["before"]["modality_acc"] is not None
    with Store.open(db_url) as s:
        assert s.get_report(rid)["events"] == before
        assert s.eval_runs() == []


def test_reextract_of_a_reviewed_report_keeps_its_gold_and_records_a_run(ingested, db_url):
    rid = ingested[0]
    run("review", "--report", rid, "--done", "--db", db_url)
    before = json.loads(run("eval", "--db", db_url, "-f", "json", "--no-record").stdout)
    r = run("reextract", rid, "--db", db_url)
    assert r.exit_code == 0 and "on the fully reviewed reports: event_f1=" in r.stderr
    after = json.loads(run("eval", "--db", db_url, "-f", "json", "--no-record").stdout)
    assert after["gold_events"] == before["gold_events"] and after["headline"] == before["headline"]
    assert after["unreviewed_events"] == []
    with Store.open(db_url) as s:
        assert [x["source"] for x in s.eval_runs()] == ["reextract"]
        assert s.report_review_state(rid)["reviewed"]


def test_eval_bounds_reports_by_publication_date(ingested, db_url):
    for rid in ingested:
        run("review", "--report", rid, "--done", "--db", db_url)
    years = sorted(synthetic_report(i)["published"][:4] for i in range(3))
    r = run("eval", "--db", db_url, "--since", years[1], "--until", years[1], "-f", "json", "--no-record")
    assert json.loads(r.stdout)["reports"] == years.count(years[1])
    r = run("eval", "--db", db_url, "--until", str(int(years[0]) - 1))
    assert r.exit_code == 1 and "matching the filters" in r.stderr
