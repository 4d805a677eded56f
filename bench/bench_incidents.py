"""Incident linking benchmark (prints figures; not a test).

1. The linking core at N synthetic events (default 100,000): occurrences drawn at random (type,
   day, place from the gazetteer, number of people, penalty), each told by one to three reports
   that blur it the way reports do (a month instead of the day, no date, the province instead of
   the city, no count) and whose texts are either reposts of the first report (a new headline,
   same body) or rewrites that share only a few phrases and the story's names and numbers (texts
   are common English words with each story's own names and numbers; see story_words). Reports
   are linked one at a time as they would be ingested. Prints reports/s, candidates compared per event, and report-pair precision,
   recall and F1 against the known occurrences.
2. The store: the same linking through store/incidents.py (index in tables) for --store-reports
   reports (default 2,000) in a new SQLite file, then the time to link one more report.

    .venv/bin/python bench/bench_incidents.py                      # 100k events in memory
    .venv/bin/python bench/bench_incidents.py --events 20000 --store-reports 500   # quick
"""
from __future__ import annotations

import argparse
import itertools
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from nkevents import incidents as core

TYPES = ["trial", "sentence", "execution", "arrest", "crackdown", "directive", "policy",
         "prohibited_activity", "market", "hardship", "mobilization", "other"]
CHARGES = ["smuggling", "illegal_phone", "foreign_media", "defection", "drugs", "corruption"]
PENALTIES = ["death", "life_imprisonment", "prison", "labor_training", "fine"]
OUTLETS = ["Daily NK", "Radio Free Asia", "NK News", "Asia Press", None]
FIRST_DAY = date(2015, 1, 1)
DAYS = 3650
# Texts are drawn the way reports are written: mostly common English words (the 3,000 most
# frequent, drawn with Zipf-like weights), and a few names and numbers of the story itself. Story
# names come from a pool of 20,000 invented names, so unrelated stories share some of them (as
# reports share the names of towns and officials). Only the texts' overlap matters here.
def _vocabulary():
    try:
        from wordfreq import top_n_list
        words = top_n_list("en", 3000)
    except ImportError:
        words = [f"word{i}" for i in range(3000)]
    weights = [1.0 / (rank + 10) for rank in range(len(words))]
    return words, weights


WORDS, WORD_WEIGHTS = _vocabulary()
COMMON = set(WORDS)
NAMES = [f"q{a}{b}{c}" for a in "bcdfghjklmnprstvz" for b in "aeiouy" for c in range(200)]


def story_words(rng: random.Random, n: int) -> list[str]:
    """n words: common English, with the story's own names and numbers sprinkled in."""
    names = rng.sample(NAMES, 5) + [str(rng.randrange(32, 5000)) for _ in range(2)]
    words = rng.choices(WORDS, WORD_WEIGHTS, k=n)
    for i in range(0, n, 12):
        words[min(n - 1, i + rng.randrange(12))] = rng.choice(names)
    return words


def place_ids() -> list[str]:
    try:
        from nkevents.gazetteer import Gazetteer
        ids = [p.id for p in Gazetteer.load().places() if p.id.startswith("kp.")]
        if ids:
            return ids
    except Exception:
        pass
    return [f"kp.p{a}.c{b}.d{c}"[: 4 + 3 * depth] for a in range(10) for b in range(12)
            for c in range(3) for depth in (1, 2, 3)]


def blur(ev: dict, rng: random.Random, published: date) -> dict:
    """How one report tells the occurrence: some details lost."""
    out = dict(ev)
    day = date.fromisoformat(ev["date"]["start"])
    r = rng.random()
    if r < 0.25:
        first = day.replace(day=1)
        last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
        out["date"] = {"start": first.isoformat(), "end": last.isoformat(), "precision": "month"}
    elif r < 0.40:
        out["date"] = None
    if rng.random() < 0.3 and ev["place"]["id"].count(".") > 1:
        out["place"] = {"id": ev["place"]["id"].rsplit(".", 1)[0]}
    if rng.random() < 0.3:
        out["subjects"] = None
    if rng.random() < 0.3:
        out["charges"] = []
    return out


def generate(n_events: int, seed: int = 7):
    """(report, events, occurrence ids of those events), in publication order."""
    rng = random.Random(seed)
    places = place_ids()
    out = []
    made = 0
    occ = 0
    while made < n_events:
        occ += 1
        t = rng.choice(TYPES)
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
        ev = {"type": t, "date": {"start": day.isoformat(), "end": day.isoformat(), "precision": "day"},
              "place": {"id": rng.choice(places)}, "modality": "asserted",
              "subjects": {"count": rng.choice([1, 1, 2, 3, 5, 7, 12])} if rng.random() < 0.7 else None,
              "charges": rng.sample(CHARGES, 1) if t in ("arrest", "trial", "sentence", "execution") else [],
              "penalty": {"kind": rng.choice(PENALTIES)} if t == "sentence" else None}
        k = rng.choices([1, 2, 3], weights=[70, 20, 10])[0]
        story = story_words(rng, 150)
        first_text = None
        for j in range(k):
            published = day + timedelta(days=rng.randrange(1, 20))
            if j == 0:
                text = story
            elif rng.random() < 0.5:  # a repost: new headline, same body
                text = rng.choices(WORDS, WORD_WEIGHTS, k=8) + first_text
            else:  # a rewrite: new wording, the story's names and numbers, a few phrases kept
                kept = [w for w in story if w not in COMMON][:6]
                text = rng.choices(WORDS, WORD_WEIGHTS, k=130) + kept + story[40:52]
            first_text = first_text or text
            rid = f"r{occ}-{j}"
            report = {"report_id": rid, "outlet": rng.choice(OUTLETS),
                      "published": published.isoformat() if rng.random() < 0.8 else None,
                      "url": f"https://example.org/{rid}", "text": " ".join(text)}
            e = dict(blur(ev, rng, published), event_id=f"{rid}:0")
            out.append((report, [e], [occ]))
            made += 1
    out.sort(key=lambda x: x[0]["published"] or "9999")
    return out, occ


def pair_scores(truth_groups, predicted_groups):
    gold = {frozenset(p) for g in truth_groups for p in itertools.combinations(sorted(g), 2)}
    pred = {frozenset(p) for g in predicted_groups for p in itertools.combinations(sorted(g), 2)}
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if tp else 0.0)


def bench_core(n_events: int) -> None:
    t0 = time.perf_counter()
    data, n_occ = generate(n_events)
    gen_s = time.perf_counter() - t0
    linker = core.Linker()
    per_report = []
    t0 = time.perf_counter()
    for report, events, _ in data:
        t = time.perf_counter()
        linker.add_report(report, events)
        per_report.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    truth: dict[int, set[str]] = {}
    for report, _, occs in data:
        truth.setdefault(occs[0], set()).add(report["report_id"])
    p, r, f = pair_scores(truth.values(), linker.report_clusters())
    per_report.sort()
    print(f"core: {n_events} events in {len(data)} reports ({n_occ} occurrences), generated in "
          f"{gen_s:.1f}s")
    print(f"  linked in {total:.1f}s = {len(data) / total:.0f} reports/s; per report median "
          f"{statistics.median(per_report) * 1000:.2f} ms, p95 {per_report[int(0.95 * len(per_report))] * 1000:.2f} ms")
    print(f"  candidates compared per event: {linker.compared / n_events:.1f}")
    print(f"  synthetic report pairs: precision {p:.3f} recall {r:.3f} F1 {f:.3f}")


def bench_store(n_reports: int, workdir: Path) -> None:
    from nkevents.store import Store
    from nkevents.store import incidents as inc
    from nkevents.store.testing import make_doc, make_event
    from nkevents.model import Place

    data, _ = generate(n_reports + 1, seed=11)
    store = Store.open(str(workdir / "incidents.db"))

    def doc_of(report, ev):
        text = report["text"] + "."
        e = make_event(text, text[:40], ev["type"],
                       date=(ev["date"]["start"], ev["date"]["end"], ev["date"]["precision"]) if ev.get("date") else None,
                       count=(ev.get("subjects") or {}).get("count"), charges=ev.get("charges") or [])
        e.place = Place(ev["place"]["id"], ev["place"]["id"], "city")
        return make_doc(text, [e], url=report["url"], outlet=report["outlet"],
                        published=report["published"])

    for report, events, _ in data[:n_reports]:
        store.ingest_document(doc_of(report, events[0]))
    t0 = time.perf_counter()
    n = inc.link_pending(store)
    total = time.perf_counter() - t0
    report, events, _ = data[n_reports]
    rid = store.ingest_document(doc_of(report, events[0])).report_id
    t1 = time.perf_counter()
    inc.link_report(store, rid)
    one = time.perf_counter() - t1
    t2 = time.perf_counter()
    listed = inc.list_incidents(store, min_reports=2, limit=50)
    list_s = time.perf_counter() - t2
    print(f"store (SQLite): linked {n} events of {n_reports} reports in {total:.1f}s = "
          f"{n_reports / total:.0f} reports/s; one more report linked in {one * 1000:.1f} ms; "
          f"first 50 incidents with 2+ reports listed in {list_s * 1000:.0f} ms ({len(listed)})")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--store-reports", type=int, default=2_000)
    args = ap.parse_args()
    bench_core(args.events)
    if args.store_reports:
        with tempfile.TemporaryDirectory() as tmp:
            bench_store(args.store_reports, Path(tmp))


if __name__ == "__main__":
    main()
