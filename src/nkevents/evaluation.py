"""Scoring extracted events against gold events, to the rules of spec/events.md section 5.

    result = score([DocPair("r1", gold, prediction), ...])
    result.figures["events_compatible"]      # (precision, recall, f1)
    result.headline()                        # "event_f1=0.812 places_f1=... failed=0"
    result.errors                            # the misses, false alarms and wrong attributes

A gold document is the spec's gold object (`places`, `places_optional`, `boilerplate`, `keep`,
`published`, `outlet`, `title`, `events`, each event possibly `"optional": true`); a prediction is
the extractor's output object (`document`, `places`, `events`). The rules, in short:

- places: P/R/F1 of the set of `kp.` place ids; optional gold places count neither way.
- events are paired one to one within a type, by a maximum-weight assignment whose weights
  favour compatible pairs (same or nested places, overlapping dates), then strict ones (same place
  id and dates), then agreeing penalty kind, subject count and charges; optional gold events weigh
  half. A prediction paired with an optional gold event counts neither way.
- type-only F1 counts events per type; compatible F1 counts compatible pairs; strict F1 the pairs
  that also have the same place id and the same start and end.
- attributes (penalty kind and months, subject count, modality, charges, authority/issuer actors)
  are judged for every required gold event: only a compatible prediction can get one right, so a
  missed event counts as wrong in every attribute it has.

The figures are those of the project's reference scorer (`../shared/tools/score.py`); the tests
check both give the same numbers on the corpus. Standard library only (the assignment is the
Hungarian method, written out below: the matrices are a few events wide).

Beyond the figures, `errors` lists what lies behind them, one item per missed gold event, false
alarm, compatible-but-not-strict pair, wrong attribute, missing or extra place, so a reviewer can
see what the extractor gets wrong.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# Weights of the pairing. A compatible pair outweighs any number of agreeing attributes, a strict
# one outweighs a compatible one with agreeing attributes; optional gold events weigh half, so a
# prediction goes to a required event when it could go to either.
PAIR_BASE = 1.0
PAIR_COMPATIBLE = 10.0
PAIR_STRICT = 5.0
PAIR_ATTRIBUTE = 1.0
OPTIONAL_FACTOR = 0.5

ATTRIBUTES = ("penalty_kind", "penalty_months", "count", "modality", "charges", "actors")
# Figures a reviewer can look behind (the keys of Error.figure).
FIGURES = ("events", "strict", "places") + ATTRIBUTES
AUTHORITY_ROLES = ("authority", "issuer")


# ---------------------------------------------------------------- small rules

def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall, F1. With nothing predicted precision is 1 when nothing was missed
    either; with nothing to find recall is 1 when nothing was wrongly predicted."""
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def place_contains(outer: str, inner: str) -> bool:
    """Ids are dotted paths: kp.north-hamgyong contains kp.north-hamgyong.chongjin."""
    return outer == inner or inner.startswith(outer + ".")


def event_place(event: dict) -> str | None:
    place = event.get("place")
    return place.get("id") if isinstance(place, dict) else None


def event_dates(event: dict) -> tuple[str, str, str | None] | None:
    """(start, end, precision), or None when the event has no date."""
    date = event.get("date")
    if not isinstance(date, dict) or not date.get("start"):
        return None
    start = date["start"]
    return start, date.get("end") or start, date.get("precision")


def places_compatible(gold: str | None, pred: str | None) -> bool:
    """A gold event without a place accepts any; otherwise one must contain the other."""
    if gold is None:
        return True
    if pred is None:
        return False
    return place_contains(gold, pred) or place_contains(pred, gold)


def _no_year(dates: tuple) -> bool:
    return dates[2] == "month-day" or dates[0].startswith("--")


def dates_compatible(gold: tuple | None, pred: tuple | None) -> bool:
    """A gold event without a date accepts any; otherwise the ranges must overlap. When either
    side has no year, month and day are compared (`--MM-DD` and the last five characters of an
    ISO date); a span that wraps the new year runs from its start to the end of December."""
    if gold is None:
        return True
    if pred is None:
        return False
    if _no_year(gold) or _no_year(pred):
        g_start, p_start = gold[0][-5:], pred[0][-5:]
        g_end, p_end = max(g_start, gold[1][-5:]), max(p_start, pred[1][-5:])
        return g_start <= p_end and p_start <= g_end
    return gold[0] <= pred[1] and pred[0] <= gold[1]


def compatible(gold: dict, pred: dict) -> bool:
    return (places_compatible(event_place(gold), event_place(pred))
            and dates_compatible(event_dates(gold), event_dates(pred)))


def strict(gold: dict, pred: dict) -> bool:
    """Same place id (or both none) and the same start and end (or both undated)."""
    g, p = event_dates(gold), event_dates(pred)
    same_dates = (g is None and p is None) or (g is not None and p is not None and g[:2] == p[:2])
    return event_place(gold) == event_place(pred) and same_dates


def _penalty(event: dict) -> dict:
    return event.get("penalty") or {}


def _count(event: dict):
    return (event.get("subjects") or {}).get("count")


def authority_ids(event: dict) -> set[str]:
    return {a.get("id") for a in event.get("actors") or []
            if a.get("role") in AUTHORITY_ROLES and a.get("id")}


def pair_weight(gold: dict, pred: dict) -> float:
    """How much pairing these two is worth (0 across types)."""
    if gold.get("type") != pred.get("type"):
        return 0.0
    weight = PAIR_BASE
    if compatible(gold, pred):
        weight += PAIR_COMPATIBLE + (PAIR_STRICT if strict(gold, pred) else 0.0)
    if _penalty(gold) and _penalty(gold).get("kind") == _penalty(pred).get("kind"):
        weight += PAIR_ATTRIBUTE
    if _count(gold) is not None and _count(gold) == _count(pred):
        weight += PAIR_ATTRIBUTE
    if set(gold.get("charges") or []) & set(pred.get("charges") or []):
        weight += PAIR_ATTRIBUTE
    return weight * OPTIONAL_FACTOR if gold.get("optional") else weight


# ---------------------------------------------------------------- assignment

def max_weight_pairs(weights: list[list[float]]) -> list[tuple[int, int]]:
    """The (row, column) pairs of a one-to-one assignment of maximum total weight, leaving out
    pairs of weight 0. Hungarian method with row and column potentials on the matrix padded to
    a square: each row (gold event) in turn is joined by a shortest augmenting path (Dijkstra on
    reduced costs), which keeps the assignment optimal for the rows placed so far; O(n³).
    Among assignments of equal weight the one found is the reference scorer's too (rows placed
    in order, the lowest column first on a tie), which the attribute figures depend on."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if n_rows else 0
    if not n_rows or not n_cols:
        return []
    # square: a gold event left without a prediction takes a column of weight 0
    size = max(n_rows, n_cols)
    w = [[weights[r][c] if r < n_rows and c < n_cols else 0.0 for c in range(size)]
         for r in range(size)]
    rows, cols = size, size
    top = max(max(r) for r in w)
    cost = [[top - x for x in r] for r in w]  # maximum weight = minimum cost, costs >= 0
    INF = float("inf")
    row_pot = [0.0] * rows
    col_pot = [0.0] * cols
    row_of_col = [-1] * cols  # the row assigned to each column
    for row in range(rows):
        dist = [INF] * cols  # reduced cost of the cheapest alternating path ending at a column
        came_from = [-1] * cols  # the previous column on that path (-1: straight from `row`)
        done = [False] * cols
        for c in range(cols):
            dist[c] = cost[row][c] - row_pot[row] - col_pot[c]
        while True:
            # the unfinished column nearest to the start
            col, best = -1, INF
            for c in range(cols):
                if not done[c] and dist[c] < best:
                    col, best = c, dist[c]
            done[col] = True
            if row_of_col[col] == -1:
                break  # a free column: augment along the path to it
            owner = row_of_col[col]
            for c in range(cols):
                if not done[c]:
                    through = best + cost[owner][c] - row_pot[owner] - col_pot[c]
                    if through < dist[c]:
                        dist[c], came_from[c] = through, col
        # new potentials keep every reduced cost >= 0 and the path's edges at 0
        for c in range(cols):
            if done[c]:
                if row_of_col[c] != -1:
                    row_pot[row_of_col[c]] += best - dist[c]
                col_pot[c] -= best - dist[c]
        row_pot[row] += best
        # flip the path: every column on it takes the row of the column before it
        while came_from[col] != -1:
            prev = came_from[col]
            row_of_col[col] = row_of_col[prev]
            col = prev
        row_of_col[col] = row
    pairs = []
    for c, r in enumerate(row_of_col):
        if r == -1 or w[r][c] <= 0:
            continue
        pairs.append((r, c))
    return sorted(pairs)


# ---------------------------------------------------------------- results

@dataclass
class DocPair:
    """One document to score: its gold, the extractor's prediction (None when extraction
    failed; `error` says why) and an id to report it under."""
    doc_id: str
    gold: dict
    prediction: dict | None
    error: str | None = None


@dataclass
class Error:
    """One thing behind a figure: figure is one of FIGURES, kind "miss" (a gold event or place
    not found), "false_alarm" (predicted, not in the gold), "wrong" (found, attribute wrong) or
    "loose" (compatible, not strict)."""
    doc_id: str
    figure: str
    kind: str
    type: str | None = None
    gold: dict | None = None  # the gold event (as given, with its event_id when it has one)
    pred: dict | None = None  # the predicted event, with `evidence_text` added
    detail: str = ""

    def to_json(self) -> dict:
        return {"doc_id": self.doc_id, "figure": self.figure, "kind": self.kind,
                "type": self.type, "gold": self.gold, "pred": self.pred, "detail": self.detail}


@dataclass
class Tally:
    counts: dict = field(default_factory=lambda: defaultdict(float))

    def add(self, key: str, n: float = 1) -> None:
        self.counts[key] += n

    def __getitem__(self, key: str) -> float:
        return self.counts.get(key, 0.0)

    def accuracy(self, key: str) -> float | None:
        return self[key + "_ok"] / self[key + "_n"] if self[key + "_n"] else None


@dataclass
class Evaluation:
    figures: dict
    errors: list[Error]
    failures: list[tuple[str, str]]

    def headline(self) -> str:
        """The reference scorer's last line."""
        f = self.figures
        return (f"event_f1={f['events_compatible'][2]:.3f} places_f1={f['places'][2]:.3f} "
                f"penalty_kind_acc={_fmt(f['penalty_kind_acc'])} failed={len(self.failures)}")

    def to_json(self, with_errors: bool = True) -> dict:
        out = {**self.figures, "per_type": {t: list(v) for t, v in self.figures["per_type"].items()},
               "failures": [list(x) for x in self.failures], "headline": self.headline()}
        for key in ("places", "events_type_only", "events_compatible", "events_strict", "charges",
                    "actors"):
            out[key] = list(out[key])
        if with_errors:
            out["errors"] = [e.to_json() for e in self.errors]
        return out

    def text(self) -> str:
        """The figures as the reference scorer prints them, headline last."""
        f = self.figures
        lines = [f"FAILED {doc}: {why}" for doc, why in self.failures]
        lines.append(f"documents: {f['documents']} ({f['failed_documents']} failed)")
        for key in ("places", "events_type_only", "events_compatible", "events_strict", "charges",
                    "actors"):
            p, r, f1 = f[key]
            lines.append(f"{key:20s} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}")
        for key in ("penalty_kind_acc", "penalty_months_acc", "count_acc", "modality_acc",
                    "published_acc", "outlet_acc", "title_acc", "boilerplate_removed", "body_kept"):
            lines.append(f"{key:20s} {_fmt(f[key])}")
        lines.append("per type (P R F1 gold):")
        for typ, (p, r, f1, n) in f["per_type"].items():
            lines.append(f"  {typ:20s} {p:.3f} {r:.3f} {f1:.3f} {n}")
        lines.append(self.headline())
        return "\n".join(lines)


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


# ---------------------------------------------------------------- scoring

def score(pairs: list[DocPair]) -> Evaluation:
    """Score every document and add the figures up over all of them (micro averages)."""
    tally = Tally()
    errors: list[Error] = []
    failures = []
    for pair in pairs:
        prediction = pair.prediction
        if prediction is None or pair.error:
            failures.append((pair.doc_id, pair.error or "no prediction"))
            prediction = {}
        score_document(pair.doc_id, pair.gold, prediction, tally, errors)
    figures = {
        "documents": len(pairs),
        "failed_documents": len(failures),
        "places": prf(tally["places_tp"], tally["places_fp"], tally["places_fn"]),
        "events_type_only": prf(tally["type_tp"], tally["type_fp"], tally["type_fn"]),
        "events_compatible": prf(tally["ev_tp"], tally["ev_fp"], tally["ev_fn"]),
        "events_strict": prf(tally["st_tp"], tally["st_fp"], tally["st_fn"]),
        "charges": prf(tally["charges_tp"], tally["charges_fp"], tally["charges_fn"]),
        "actors": prf(tally["actors_tp"], tally["actors_fp"], tally["actors_fn"]),
        "penalty_kind_acc": tally.accuracy("penalty_kind"),
        "penalty_months_acc": tally.accuracy("penalty_months"),
        "count_acc": tally.accuracy("count"),
        "modality_acc": tally.accuracy("modality"),
        "published_acc": tally.accuracy("doc_published"),
        "outlet_acc": tally.accuracy("doc_outlet"),
        "title_acc": tally.accuracy("doc_title"),
        "boilerplate_removed": tally.accuracy("boilerplate"),
        "body_kept": tally.accuracy("keep"),
        "per_type": {},
    }
    types = sorted({k[len("type:"):-len("_tp")] for k in tally.counts
                    if k.startswith("type:") and k.endswith("_tp")})
    for typ in types:
        tp, fp, fn = tally[f"type:{typ}_tp"], tally[f"type:{typ}_fp"], tally[f"type:{typ}_fn"]
        if tp + fp + fn:
            figures["per_type"][typ] = prf(tp, fp, fn) + (int(tp + fn),)
    return Evaluation(figures, errors, failures)


def _same_words(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def score_document(doc_id: str, gold: dict, pred: dict, tally: Tally, errors: list[Error]) -> None:
    document = pred.get("document") or {}
    text = document.get("text") or ""
    for key in ("published", "outlet", "title"):
        if gold.get(key):
            tally.add(f"doc_{key}_n")
            g, p = str(gold[key]), str(document.get(key) or "")
            tally.add(f"doc_{key}_ok", g == p if key == "published" else _same_words(g, p))
    for s in gold.get("boilerplate") or []:
        tally.add("boilerplate_n")
        tally.add("boilerplate_ok", bool(text) and s not in text)
    for s in gold.get("keep") or []:
        tally.add("keep_n")
        tally.add("keep_ok", s in text)
    _score_places(doc_id, gold, pred, tally, errors)

    gold_events = gold.get("events") or []
    pred_events = [dict(p, evidence_text=_evidence_text(p, text)) for p in pred.get("events") or []]
    types: dict = defaultdict(lambda: ([], []))
    for i, g in enumerate(gold_events):
        types[g.get("type")][0].append(i)
    for j, p in enumerate(pred_events):
        types[p.get("type")][1].append(j)
    for typ, (gi, pj) in types.items():
        weights = [[pair_weight(gold_events[i], pred_events[j]) for j in pj] for i in gi]
        pairs = [(gi[a], pj[b]) for a, b in max_weight_pairs(weights)]
        partner = {i: j for i, j in pairs}
        optional = {i for i in gi if gold_events[i].get("optional")}
        n_required = len(gi) - len(optional)
        # a prediction paired with an optional gold event counts neither way
        n_pred = len(pj) - sum(1 for i, _ in pairs if i in optional)
        tally.add("type_tp", min(n_required, n_pred))
        tally.add("type_fp", max(0, n_pred - n_required))
        tally.add("type_fn", max(0, n_required - n_pred))
        n_compatible = n_strict = 0
        found_preds = set()
        for i in gi:
            if i in optional:
                continue
            g = gold_events[i]
            j = partner.get(i)
            p = pred_events[j] if j is not None else None
            if p is not None and compatible(g, p):
                n_compatible += 1
                found_preds.add(j)
                if strict(g, p):
                    n_strict += 1
                else:
                    errors.append(Error(doc_id, "strict", "loose", typ, g, p,
                                        _strict_detail(g, p)))
                _score_attributes(doc_id, g, p, tally, errors)
            else:
                errors.append(Error(doc_id, "events", "miss", typ, g, p,
                                    "paired with an incompatible prediction" if p else ""))
                _score_attributes(doc_id, g, None, tally, errors)
        for j in pj:
            paired_optional = any(pj_ == j and i in optional for i, pj_ in pairs)
            if j not in found_preds and not paired_optional:
                errors.append(Error(doc_id, "events", "false_alarm", typ, None, pred_events[j]))
        for prefix in ("ev", f"type:{typ}"):
            tally.add(f"{prefix}_tp", n_compatible)
            tally.add(f"{prefix}_fp", n_pred - n_compatible)
            tally.add(f"{prefix}_fn", n_required - n_compatible)
        tally.add("st_tp", n_strict)
        tally.add("st_fp", n_pred - n_strict)
        tally.add("st_fn", n_required - n_strict)


def _score_places(doc_id: str, gold: dict, pred: dict, tally: Tally, errors: list[Error]) -> None:
    gold_places = set(gold.get("places") or [])
    optional = set(gold.get("places_optional") or [])
    found = {p.get("id") for p in pred.get("places") or []
             if str(p.get("id", "")).startswith("kp.")} - optional
    tally.add("places_tp", len(gold_places & found))
    tally.add("places_fp", len(found - gold_places))
    tally.add("places_fn", len(gold_places - found))
    for pid in sorted(gold_places - found):
        errors.append(Error(doc_id, "places", "miss", detail=pid))
    for pid in sorted(found - gold_places):
        errors.append(Error(doc_id, "places", "false_alarm", detail=pid))


def _score_attributes(doc_id: str, g: dict, p: dict | None, tally: Tally,
                      errors: list[Error]) -> None:
    """Every required gold event counts in each attribute it has; only a compatible prediction
    (p) can get it right. A wrong attribute of a found event is listed as an error (a missed
    event is listed once, under events)."""
    found = p is not None
    p = p or {}
    typ = g.get("type")

    def judge(figure: str, ok: bool, detail: str) -> None:
        tally.add(f"{figure}_n")
        tally.add(f"{figure}_ok", ok)
        if found and not ok:
            errors.append(Error(doc_id, figure, "wrong", typ, g, p, detail))

    gp, pp = g.get("penalty") or None, _penalty(p)
    if gp:
        judge("penalty_kind", found and gp.get("kind") == pp.get("kind"),
              f"{pp.get('kind')} for {gp.get('kind')}")
        months = (gp.get("min_months"), gp.get("max_months"))
        if months != (None, None):
            got = (pp.get("min_months"), pp.get("max_months"))
            judge("penalty_months", found and months == got, f"{got[0]}-{got[1]} for {months[0]}-{months[1]}")
    gc = _count(g)
    if gc is not None:
        judge("count", found and gc == _count(p), f"{_count(p)} for {gc}")
    gm, pm = g.get("modality") or "asserted", p.get("modality") or "asserted"
    judge("modality", found and gm == pm, f"{pm} for {gm}")
    if "charges" in g:
        gs, ps = set(g.get("charges") or []), set(p.get("charges") or [])
        ps -= set(g.get("charges_optional") or []) - gs
        _set_figure(doc_id, "charges", gs, ps, found, g, p, tally, errors)
    if any(a.get("role") in AUTHORITY_ROLES for a in g.get("actors") or []):
        _set_figure(doc_id, "actors", authority_ids(g), authority_ids(p), found, g, p, tally, errors)


def _set_figure(doc_id, figure, gold_set, pred_set, found, g, p, tally, errors) -> None:
    tally.add(f"{figure}_tp", len(gold_set & pred_set))
    tally.add(f"{figure}_fp", len(pred_set - gold_set))
    tally.add(f"{figure}_fn", len(gold_set - pred_set))
    if found and gold_set != pred_set:
        parts = []
        if gold_set - pred_set:
            parts.append("missing " + ", ".join(sorted(gold_set - pred_set)))
        if pred_set - gold_set:
            parts.append("extra " + ", ".join(sorted(pred_set - gold_set)))
        errors.append(Error(doc_id, figure, "wrong", g.get("type"), g, p, "; ".join(parts)))


def _strict_detail(g: dict, p: dict) -> str:
    parts = []
    if event_place(g) != event_place(p):
        parts.append(f"place {event_place(p)} for {event_place(g)}")
    gd, pd = event_dates(g), event_dates(p)
    if (gd or (None, None))[:2] != (pd or (None, None))[:2]:
        parts.append(f"date {_dates_text(pd)} for {_dates_text(gd)}")
    return "; ".join(parts)


def _dates_text(d) -> str:
    if d is None:
        return "none"
    return d[0] if d[0] == d[1] else f"{d[0]}..{d[1]}"


def _evidence_text(event: dict, text: str) -> str:
    spans = event.get("evidence") or []
    return " … ".join(text[s.get("start", 0):s.get("end", 0)] for s in spans if isinstance(s, dict))
