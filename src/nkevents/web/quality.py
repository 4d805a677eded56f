"""The Quality page's figures (/quality, /api/quality): the running extractor scored on the fully
reviewed reports, the runs of earlier versions, and the errors behind each figure (docs/review.md)."""
from __future__ import annotations

import re
from collections import Counter

# The figures of the page: key in nkevents.evaluation's figures, label, and the errors behind it
# (a key of SHOWS).
FIGURE_ROWS = (
    ("events_compatible", "Events (compatible)", "events"),
    ("events_type_only", "Events (type only)", "events"),
    ("events_strict", "Events (strict: same place id and dates)", "strict"),
    ("places", "Places named", "places"),
    ("penalty_kind_acc", "Penalty kind", "penalty_kind"),
    ("penalty_months_acc", "Penalty months", "penalty_months"),
    ("count_acc", "Number of people", "count"),
    ("charges", "Charges", "charges"),
    ("modality_acc", "Modality", "modality"),
    ("actors", "Actors (authority, issuer)", "actors"),
)


def _has_months(g: dict) -> bool:
    p = g.get("penalty") or {}
    return p.get("min_months") is not None or p.get("max_months") is not None


def _has_authority(g: dict) -> bool:
    return any(a.get("role") in ("authority", "issuer") for a in g.get("actors") or [])


# Which errors lie behind a figure. Attribute figures count every required gold event, so a
# missed event that has the attribute is behind them as well as a found one with it wrong.
_MISS_HAS = {
    "penalty_kind": lambda g: bool(g.get("penalty")),
    "penalty_months": _has_months,
    "count": lambda g: (g.get("subjects") or {}).get("count") is not None,
    "modality": lambda g: True,
    "charges": lambda g: bool(g.get("charges")),
    "actors": _has_authority,
}
SHOWS = {
    "events": "missed events and false alarms",
    "strict": "events found at a nearby place or date, and missed events and false alarms",
    "places": "places missed and places wrongly found",
    "penalty_kind": "wrong or missed penalty kinds",
    "penalty_months": "wrong or missed penalty terms",
    "count": "wrong or missed numbers of people",
    "charges": "wrong or missed charges",
    "modality": "wrong or missed modality",
    "actors": "wrong or missed actors",
}


def behind(show: str, error: dict) -> bool:
    if show == "strict":
        return error["figure"] in ("strict", "events")
    if error["figure"] == show:
        return True
    missed_has = _MISS_HAS.get(show)
    return (missed_has is not None and error["figure"] == "events" and error["kind"] == "miss"
            and missed_has(error.get("gold") or {}))


def version_key(version: str) -> tuple:
    """1.10.0 after 1.9.2: numeric parts compare as numbers."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"[.\-+]", version or ""))


def quality_data(store, result, *, show: str | None = None, type: str | None = None,
                 limit: int = 300) -> dict:
    """Everything the page and /api/quality show. `result` is the store's evaluation of the
    running extractor (GoldEvaluation); `show` (a key of SHOWS) and `type` pick the errors."""
    reviewed = store.reviewed_reports()
    by_version = Counter(r["extractor_version"] or "unknown" for r in reviewed)
    latest: dict = {}
    for run in store.eval_runs(limit=2000):  # newest first: the first of a version is its latest
        # runs on part of the gold (eval --type, --outlet ...) are not comparable with the rest
        if run["extractor_version"] != "stored" and not run["filters"]:
            latest.setdefault(run["extractor_version"], run)
    history = [{k: latest[v][k] for k in ("extractor_version", "at", "source", "n_reports",
                                           "n_gold_events", "event_f1", "strict_f1", "places_f1",
                                           "penalty_kind_acc", "failed")}
               for v in sorted(latest, key=version_key)]
    figures = result.evaluation.to_json(with_errors=False) if result.documents else None
    errors = result.errors_json() if result.documents else []
    titles = {r["report_id"]: r["title"] for r in reviewed}
    counts = {key: sum(1 for e in errors if behind(key, e)) for key in SHOWS}
    type_counts = Counter(e["type"] for e in errors if behind("events", e))
    chosen = []
    if show in SHOWS:
        chosen = [dict(e, title=titles.get(e["doc_id"])) for e in errors
                  if behind(show, e) and (not type or e.get("type") == type)]
    return {
        "extractor_version": result.version,
        "reviewed_reports": len(reviewed),
        "reviewed_by_version": dict(sorted(by_version.items(), key=lambda kv: version_key(kv[0]))),
        "scored_reports": len(result.documents),
        "gold_events": result.n_gold_events,
        "figures": figures,
        "headline": result.evaluation.headline() if result.documents else None,
        "error_counts": counts,
        "type_error_counts": dict(type_counts),
        "runs_by_version": history,
        "show": show if show in SHOWS else None,
        "type": type,
        # events a newer extractor found in reviewed reports after the mark: not gold until a
        # reviewer decides on them
        "unreviewed_events": [{"report_id": d["report_id"], "event_id": e}
                              for d in result.documents for e in d["unreviewed"]],
        "errors": chosen[:limit],
        "errors_total": len(chosen),
    }
