"""nkevents.evaluation: the scoring rules of spec/events.md section 5 on hand-made cases, and the
same figures as the reference scorer (../shared/tools/score.py) when the shared material is there."""
import importlib.util
import itertools
import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkevents.evaluation import (DocPair, dates_compatible, max_weight_pairs, places_compatible,
                                 score)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORER = SHARED / "tools" / "score.py"


def ev(type="sentence", place=None, date=None, **extra):
    """An event object; date = (start, end, precision)."""
    out = {"type": type, "place": {"id": place} if place else None,
           "date": {"start": date[0], "end": date[1], "precision": date[2]} if date else None}
    out.update(extra)
    return out


def gold(*events, places=(), **extra):
    return {"places": list(places), "events": list(events), **extra}


def pred(*events, places=(), text="", **doc):
    return {"document": {"text": text, **doc}, "places": [{"id": p} for p in places],
            "events": list(events)}


DAY = ("2022-11-10", "2022-11-10", "day")
NOVEMBER = ("2022-11-01", "2022-11-30", "month")
CHONGJIN = "kp.north-hamgyong.chongjin"
SUNAM = "kp.north-hamgyong.chongjin.sunam"


def figures(*pairs):
    return score([DocPair(f"d{i}", g, p) for i, (g, p) in enumerate(pairs)])


def test_identical_events_score_one_everywhere_and_headline_is_the_scorers():
    e = ev(place=CHONGJIN, date=DAY, penalty={"kind": "prison", "min_months": 60, "max_months": 60},
           subjects={"count": 2}, charges=["smuggling"], actors=[{"id": "court", "role": "authority"}])
    result = figures((gold(e, places=[CHONGJIN]), pred(e, places=[CHONGJIN])))
    f = result.figures
    assert f["events_compatible"] == (1.0, 1.0, 1.0)
    assert f["events_strict"] == (1.0, 1.0, 1.0)
    assert f["penalty_kind_acc"] == f["penalty_months_acc"] == f["count_acc"] == 1.0
    assert f["charges"][2] == f["actors"][2] == 1.0
    assert result.headline() == "event_f1=1.000 places_f1=1.000 penalty_kind_acc=1.000 failed=0"
    assert result.errors == []


def test_nested_place_and_overlapping_date_is_compatible_but_not_strict():
    result = figures((gold(ev(place=CHONGJIN, date=NOVEMBER)), pred(ev(place=SUNAM, date=DAY))))
    assert result.figures["events_compatible"][2] == 1.0
    assert result.figures["events_strict"][2] == 0.0
    loose = [e for e in result.errors if e.figure == "strict"]
    assert len(loose) == 1 and "place" in loose[0].detail and "date" in loose[0].detail


def test_other_place_is_a_miss_and_a_false_alarm_but_right_by_type():
    result = figures((gold(ev(place=CHONGJIN, date=DAY)), pred(ev(place="kp.ryanggang.hyesan", date=DAY))))
    f = result.figures
    assert f["events_type_only"][2] == 1.0
    assert f["events_compatible"] == (0.0, 0.0, 0.0)
    kinds = sorted(e.kind for e in result.errors if e.figure == "events")
    assert kinds == ["false_alarm", "miss"]


def test_gold_without_place_or_date_accepts_any_but_a_prediction_without_one_does_not_match():
    assert places_compatible(None, CHONGJIN) and dates_compatible(None, DAY)
    assert not places_compatible(CHONGJIN, None)
    assert not dates_compatible(("2022-11-10", "2022-11-10", "day"), None)


def test_month_day_dates_compare_month_and_day_only():
    no_year = ("--11-10", "--11-10", "month-day")
    assert dates_compatible(no_year, DAY)
    assert dates_compatible(NOVEMBER, no_year)
    assert not dates_compatible(no_year, ("2022-12-10", "2022-12-10", "day"))


def test_the_pairing_takes_the_assignment_that_makes_both_pairs_compatible():
    # a greedy pairing in order would give the first gold event the first prediction (charges
    # agree) and leave the second gold event with an incompatible one
    g1 = ev(place=CHONGJIN, date=DAY, charges=["smuggling"])
    g2 = ev(place="kp.ryanggang.hyesan", date=DAY)
    p1 = ev(place="kp.ryanggang.hyesan", date=DAY, charges=["smuggling"])
    p2 = ev(place=CHONGJIN, date=DAY)
    result = figures((gold(g1, g2), pred(p1, p2)))
    assert result.figures["events_compatible"][2] == 1.0


def test_optional_gold_events_count_neither_way():
    required = ev(place=CHONGJIN, date=DAY)
    background = ev(type="policy", optional=True)
    # the prediction of the optional event is no false alarm; not predicting it is no miss
    both = figures((gold(required, background), pred(required, ev(type="policy"))))
    only = figures((gold(required, background), pred(required)))
    assert both.figures["events_compatible"] == only.figures["events_compatible"] == (1.0, 1.0, 1.0)
    assert both.figures["per_type"]["sentence"][3] == 1
    assert "policy" not in only.figures["per_type"]


def test_attributes_count_every_required_gold_event_missed_or_found():
    found = ev(place=CHONGJIN, date=DAY, penalty={"kind": "death"}, subjects={"count": 1})
    missed = ev(place=SUNAM, date=DAY, penalty={"kind": "prison"}, subjects={"count": 3})
    result = figures((gold(found, missed), pred(found)))
    f = result.figures
    assert f["penalty_kind_acc"] == 0.5
    assert f["count_acc"] == 0.5
    assert f["modality_acc"] == 0.5
    # a missed event is listed once, as a miss, not again for each of its attributes
    assert [e.figure for e in result.errors] == ["events"]


def test_wrong_attributes_of_a_found_event_are_listed_with_what_was_given():
    g = ev(date=DAY, penalty={"kind": "prison", "min_months": 60, "max_months": 60},
           charges=["smuggling"], modality="asserted")
    p = ev(date=DAY, penalty={"kind": "labor_training", "min_months": 6, "max_months": 6},
           charges=["smuggling", "drugs"], modality="planned")
    result = figures((gold(g), pred(p)))
    f = result.figures
    assert f["penalty_kind_acc"] == 0.0 and f["penalty_months_acc"] == 0.0 and f["modality_acc"] == 0.0
    assert f["charges"] == (0.5, 1.0, pytest.approx(2 / 3))
    wrong = {e.figure: e.detail for e in result.errors}
    assert wrong["penalty_kind"] == "labor_training for prison"
    assert wrong["penalty_months"] == "6-6 for 60-60"
    assert wrong["charges"] == "extra drugs"
    assert wrong["modality"] == "planned for asserted"


def test_actors_count_authority_and_issuer_roles_only():
    g = ev(date=DAY, actors=[{"id": "court", "role": "authority"}, {"id": "mss", "role": "participant"}])
    p = ev(date=DAY, actors=[{"id": "court", "role": "authority"}, {"id": "kpa", "role": "issuer"}])
    assert figures((gold(g), pred(p))).figures["actors"] == (0.5, 1.0, pytest.approx(2 / 3))


def test_places_are_scored_on_kp_ids_with_optional_ones_left_out():
    g = gold(places=[CHONGJIN, "kp.ryanggang"], places_optional=["kp.north-hamgyong"])
    p = pred(places=[CHONGJIN, "kp.north-hamgyong", "cn.liaoning.dandong", "kp.jagang"])
    result = figures((g, p))
    assert result.figures["places"] == (0.5, 0.5, 0.5)
    assert sorted((e.kind, e.detail) for e in result.errors) == [
        ("false_alarm", "kp.jagang"), ("miss", "kp.ryanggang")]


def test_a_failed_document_misses_all_its_gold_and_is_counted():
    result = score([DocPair("ok", gold(ev(date=DAY)), pred(ev(date=DAY))),
                    DocPair("bad", gold(ev(date=DAY)), None, "extraction failed: boom")])
    assert result.figures["events_compatible"] == (1.0, 0.5, pytest.approx(2 / 3))
    assert result.failures == [("bad", "extraction failed: boom")]
    assert result.headline().endswith("failed=1")


def test_micro_average_over_documents_and_per_type_figures():
    result = figures((gold(ev(date=DAY), ev(type="arrest")), pred(ev(date=DAY))),
                     (gold(ev(type="arrest")), pred(ev(type="arrest"), ev(type="arrest"))))
    f = result.figures
    # 2 of 3 gold found, 2 of 3 predictions right
    assert f["events_compatible"] == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert f["per_type"]["sentence"] == (1.0, 1.0, 1.0, 1)
    assert f["per_type"]["arrest"] == (0.5, 0.5, 0.5, 2)


def test_document_fields_compare_words_and_dates():
    g = gold(published="2022-11-17", title="Two  Cadres Sentenced", outlet="Daily NK",
             boilerplate=["Share this"], keep=["cadres were"])
    p = pred(text="Two cadres were sentenced.", published="2022-11-17",
             title="two cadres sentenced", outlet="RFA")
    f = figures((g, p)).figures
    assert (f["published_acc"], f["title_acc"], f["outlet_acc"]) == (1.0, 1.0, 0.0)
    assert f["boilerplate_removed"] == 1.0 and f["body_kept"] == 1.0


def test_text_output_ends_with_the_headline():
    result = figures((gold(ev(date=DAY)), pred()))
    lines = result.text().splitlines()
    assert lines[-1] == "event_f1=0.000 places_f1=1.000 penalty_kind_acc=n/a failed=0"
    assert any(line.startswith("events_compatible") and "R 0.000" in line for line in lines)


def _brute_force_best(weights):
    n, m = len(weights), len(weights[0])
    if n <= m:
        return max(sum(weights[i][c] for i, c in enumerate(cols))
                   for cols in itertools.permutations(range(m), n))
    return max(sum(weights[r][j] for j, r in enumerate(rows))
               for rows in itertools.permutations(range(n), m))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from([0.5, 1.0, 2.0, 5.5, 11.0, 12.0, 16.0, 17.0]),
                         min_size=1, max_size=5).map(tuple), min_size=1, max_size=5)
       .filter(lambda rows: len({len(r) for r in rows}) == 1))
def test_assignment_is_one_to_one_and_of_maximum_weight(rows):
    weights = [list(r) for r in rows]
    pairs = max_weight_pairs(weights)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert len(pairs) == min(len(weights), len(weights[0]))
    assert sum(weights[i][j] for i, j in pairs) == pytest.approx(_brute_force_best(weights))


# ---------------------------------------------------------------- the reference scorer

@pytest.fixture(scope="module")
def reference():
    if not SCORER.exists():
        pytest.skip(f"{SCORER} is absent (the shared material is not on this machine)")
    spec = importlib.util.spec_from_file_location("reference_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _reference_figures(reference, docs):
    t = reference.Tally()
    for g, p in docs:
        reference.score_doc(g, p, t)
    keys = {"events_compatible": ("ev_tp", "ev_fp", "ev_fn"), "events_strict": ("st_tp", "st_fp", "st_fn"),
            "events_type_only": ("type_tp", "type_fp", "type_fn"),
            "places": ("places_tp", "places_fp", "places_fn"), "charges": ("chg_tp", "chg_fp", "chg_fn"),
            "actors": ("act_tp", "act_fp", "act_fn")}
    out = {k: reference.f1(*(t[x] for x in v)) for k, v in keys.items()}
    for mine, theirs in (("penalty_kind_acc", "pen_kind"), ("penalty_months_acc", "pen_months"),
                         ("count_acc", "count"), ("modality_acc", "modality")):
        out[mine] = t[theirs + "_ok"] / t[theirs + "_n"] if t[theirs + "_n"] else None
    return out


def _random_event(rng, is_gold):
    date = rng.choice([None, DAY, NOVEMBER, ("2022-12-03", "2022-12-03", "day"), ("--11-10", "--11-10", "month-day")])
    e = ev(type=rng.choice(["trial", "sentence", "arrest"]),
           place=rng.choice([None, "kp.a", "kp.a.b", "kp.a.c", "kp.d"]), date=date,
           modality=rng.choice(["asserted", "planned", None]), subjects={"count": rng.choice([None, 1, 2])},
           penalty=rng.choice([None, {"kind": "prison", "min_months": 12, "max_months": 12}, {"kind": "death"}]),
           charges=rng.sample(["smuggling", "drugs", "economic"], rng.randint(0, 2)),
           actors=[{"id": a, "role": rng.choice(["authority", "issuer", "participant"])}
                   for a in rng.sample(["court", "mss", "mps"], rng.randint(0, 2))])
    if is_gold and rng.random() < 0.15:
        e["optional"] = True
    if is_gold and rng.random() < 0.2:
        del e["charges"]
    return e


def test_same_figures_as_the_reference_on_random_documents_with_many_ties(reference):
    """Events drawn from few values, so equal-weight pairings are common: the figures that
    depend on which of them is taken (attributes) must still be the reference's."""
    rng = random.Random(12)
    for _ in range(400):
        docs = []
        for _ in range(rng.randint(1, 3)):
            g = gold(*[_random_event(rng, True) for _ in range(rng.randint(0, 6))],
                     places=rng.sample(["kp.a", "kp.a.b", "kp.d"], rng.randint(0, 2)))
            p = pred(*[_random_event(rng, False) for _ in range(rng.randint(0, 6))],
                     places=rng.sample(["kp.a", "kp.a.b", "kp.a.c", "cn.x"], rng.randint(0, 3)))
            docs.append((g, p))
        theirs = _reference_figures(reference, docs)
        mine = score([DocPair(str(i), g, p) for i, (g, p) in enumerate(docs)]).figures
        assert {k: mine[k] for k in theirs} == theirs


def test_same_figures_as_the_reference_on_corpus_reports(reference):
    """The extractor's output on the corpus's dev reports against their gold: every figure equal
    to the reference scorer's to three decimals."""
    from nkevents.pipeline import extract
    dev = SHARED / "corpus" / "dev"
    golds = sorted(dev.glob("*.gold.json"))[:10]
    if not golds:
        pytest.skip(f"no gold files under {dev}")
    docs = []
    for path in golds:
        report = json.loads(path.with_name(path.name[:-len(".gold.json")] + ".json").read_text())
        doc = extract(report.get("text"), html=report.get("html"), url=report.get("url"),
                      outlet=report.get("outlet"), title=report.get("title"),
                      published=report.get("published"))
        docs.append((json.loads(path.read_text()), doc.to_json()))
    theirs = _reference_figures(reference, docs)
    mine = score([DocPair(str(i), g, p) for i, (g, p) in enumerate(docs)]).figures
    for key, value in theirs.items():
        if isinstance(value, tuple):
            assert [round(x, 3) for x in mine[key]] == [round(x, 3) for x in value], key
        else:
            assert (None if mine[key] is None else round(mine[key], 3)) == (
                None if value is None else round(value, 3)), key
    assert theirs["events_compatible"][1] > 0  # the comparison saw events
