"""Reviewer decisions: confirm, reject, correct fields, add an event the machine missed.

Every decision is a row in `reviews` (who, when, what, the event before). The event row carries
the result: `data` becomes the corrected object and `review_status` the decision, which
re-extraction never overwrites (see ingest.replace_machine_events).

A whole report can be marked fully reviewed (mark_report / unmark_report, each decision a row in
`report_reviews`): its events after review are then the gold that `evaluate` scores an extractor
against, and the evaluation runs are kept in `eval_runs` (docs/review.md).
"""
from __future__ import annotations

import copy
import hashlib
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from nkevents.store.ingest import event_columns, insert_event, now, write_event_links
from nkevents.store.queries import store_settings
from nkevents.store.schema import (eval_runs, events, report_reviews, reports, reviewed_reports,
                                    reviews)

ACTIONS = ("confirm", "reject", "correct")
INT_FIELDS = {"penalty.min_months", "penalty.max_months", "subjects.count"}
FLOAT_FIELDS = {"confidence"}
EDITABLE = ("type", "date", "date.start", "date.end", "date.precision", "date.text", "place",
            "place.id", "actors", "subjects.text", "subjects.count", "charges", "penalty",
            "penalty.kind", "penalty.min_months", "penalty.max_months", "modality", "attribution",
            "evidence", "confidence")


class ReviewError(ValueError):
    """A decision that cannot be applied; str() is a one-line reason."""


def codes() -> dict:
    return store_settings()["codes"]


def _coerce(field: str, value):
    """Values from the command line arrive as strings: "null"/"" -> None, numbers, lists."""
    if isinstance(value, str):
        v = value.strip()
        if v.lower() in ("", "null", "none"):
            return None
        if field in INT_FIELDS:
            try:
                return int(v)
            except ValueError:
                raise ReviewError(f"{field}: {value!r} is not a whole number")
        if field in FLOAT_FIELDS:
            return float(v)
        if field == "charges":
            return [c.strip() for c in v.split(",") if c.strip()]
        if field == "actors":
            return [{"id": a.strip(), "text": a.strip(), "role": "authority"}
                    for a in v.split(",") if a.strip()]
        if field in ("evidence", "date", "penalty") and v.startswith(("[", "{")):
            return json.loads(v)
        return v
    return value


def place_object(place_id: str) -> dict:
    """A place object for an id: from the gazetteer when it is installed, else the bare id."""
    try:
        from nkevents.gazetteer import Gazetteer  # optional while being written
        place = Gazetteer.load().get(place_id)
    except Exception:
        place = None
    if place is None:
        return {"id": place_id, "name": place_id.rsplit(".", 1)[-1], "level": None, "lat": None,
                "lon": None, "coord_precision": None}
    return {"id": place.id, "name": place.name, "level": place.level, "lat": place.lat,
            "lon": place.lon, "coord_precision": getattr(place, "coord_precision", "own")}


def apply_changes(obj: dict, changes: dict) -> dict:
    """The event object with the changes applied (dotted keys reach into date/place/penalty/...)."""
    out = copy.deepcopy(obj)
    for field, raw in changes.items():
        if field not in EDITABLE:
            raise ReviewError(f"{field}: not an editable field (one of: {', '.join(EDITABLE)})")
        value = _coerce(field, raw)
        if field == "place" or field == "place.id":
            out["place"] = (value if isinstance(value, dict) or value is None
                            else place_object(value))
        elif "." in field:
            head, key = field.split(".", 1)
            part = out.get(head) or {}
            part[key] = value
            if head == "date" and key == "start" and not part.get("end"):
                part["end"] = value
            out[head] = part
        else:
            out[field] = value
    validate_event(out)
    return out


def validate_event(obj: dict, text_length: int | None = None) -> None:
    c = codes()
    if obj.get("type") not in c["types"]:
        raise ReviewError(f"type: {obj.get('type')!r} is not an event type ({', '.join(c['types'])})")
    for charge in obj.get("charges") or []:
        if charge not in c["charges"]:
            raise ReviewError(f"charges: {charge!r} is not a charge code")
    penalty = obj.get("penalty")
    if penalty and penalty.get("kind") not in c["penalties"]:
        raise ReviewError(f"penalty.kind: {penalty.get('kind')!r} is not a penalty kind "
                          f"({', '.join(c['penalties'])})")
    if obj.get("modality") not in c["modalities"]:
        raise ReviewError(f"modality: {obj.get('modality')!r} is not one of {', '.join(c['modalities'])}")
    for actor in obj.get("actors") or []:
        if actor.get("id") not in c["actors"]:
            raise ReviewError(f"actors: {actor.get('id')!r} is not an actor code")
        if actor.get("role", "authority") not in c["actor_roles"]:
            raise ReviewError(f"actors: role {actor.get('role')!r} is not one of "
                              f"{', '.join(c['actor_roles'])}")
    date = obj.get("date")
    if date:
        if date.get("precision") not in c["date_precisions"]:
            raise ReviewError(f"date.precision: {date.get('precision')!r} is not one of "
                              f"{', '.join(c['date_precisions'])}")
        for key in ("start", "end"):
            v = date.get(key) or ""
            if not (len(v) == 10 and v[4] == "-" and v[7] == "-") and not (len(v) == 7 and v.startswith("--")):
                raise ReviewError(f"date.{key}: {v!r} is not YYYY-MM-DD or --MM-DD")
    evidence = obj.get("evidence") or []
    if not evidence:
        raise ReviewError("evidence: an event needs at least one evidence span")
    for span in evidence:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError):
            raise ReviewError(f"evidence: {span!r} is not a {{start, end}} span")
        if not 0 <= start < end or (text_length is not None and end > text_length):
            raise ReviewError(f"evidence: span {start}-{end} is not inside the report text")


def _record(conn: Connection, event_id: str, user: str, action: str, changes, note, before) -> None:
    conn.execute(insert(reviews).values(event_id=event_id, user=user, action=action,
                                        changes=changes, note=note, before=before, at=now()))


NEXT_STATUS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected"}


def review(conn: Connection, event_id: str, *, user: str, action: str,
           changes: dict | None = None, note: str | None = None) -> None:
    if action not in ACTIONS:
        raise ReviewError(f"unknown action {action!r} (confirm, reject or correct)")
    if not user:
        raise ReviewError("a review needs a user")
    row = conn.execute(select(events.c.data, events.c.review_status)
                       .where(events.c.event_id == event_id)).first()
    if row is None:
        raise ReviewError(f"{event_id}: no such event")
    before = row.data
    status = NEXT_STATUS[action]
    if action == "confirm" and row.review_status in ("corrected", "added"):
        status = row.review_status  # confirming keeps what the data is: corrected or added
    values = {"review_status": status, "updated_at": now()}
    if action == "correct":
        if not changes:
            raise ReviewError("correct needs at least one field=value change")
        new = apply_changes(before, changes)
        values.update(data=new, **event_columns(new))
        write_event_links(conn, event_id, new)
        if row.review_status == "added":
            values["review_status"] = "added"
    conn.execute(update(events).where(events.c.event_id == event_id).values(**values))
    _record(conn, event_id, user, action, changes, note, before)


def add_event(conn: Connection, report_id: str, event: dict, *, user: str) -> str:
    rep = conn.execute(select(reports.c.text, reports.c.is_current)
                       .where(reports.c.report_id == report_id)).first()
    if rep is None:
        raise ReviewError(f"{report_id}: no such report")
    obj = {"id": "", "date": None, "place": None, "actors": [], "subjects": {"text": None, "count": None},
           "charges": [], "penalty": None, "modality": "asserted", "attribution": None,
           "confidence": 1.0, **event}
    if isinstance(obj.get("place"), str):
        obj["place"] = place_object(obj["place"])
    validate_event(obj, len(rep.text))
    event_id = f"{report_id}-a{uuid.uuid4().hex[:10]}"
    obj["id"] = obj.get("id") or event_id
    seq = conn.execute(select(events.c.seq).where(events.c.report_id == report_id)
                       .order_by(events.c.seq.desc()).limit(1)).scalar() or 0
    insert_event(conn, event_id=event_id, report_id=report_id, obj=obj, seq=seq + 1,
                 origin="reviewer", status="added", version=None, is_current=bool(rep.is_current))
    _record(conn, event_id, user, "add", event, None, None)
    return event_id


# ---------------------------------------------------------------- fully reviewed reports
#
# A reviewer marks a report fully reviewed once every event of it has been checked and the missed
# ones added. Its events after review become gold for `nkevents eval` (docs/review.md):
# - the events still in status "machine" when the report is marked are confirmed with it (one
#   recorded "confirm" decision each, pointing at the report decision), because the reviewer
#   checked the whole report; being confirmed, re-extraction never rewrites them, so the report
#   stays gold under any later extractor version;
# - gold = the report's confirmed, corrected and added events; rejected ones are not events;
#   machine events that appear later (a newer extractor's new findings) are not gold until a
#   reviewer decides on them;
# - the report's kp place ids are kept with the mark (re-extraction rewrites reports.places).
# Undoing the mark returns the events it confirmed, and nobody decided on since, to "machine".


GOLD_STATUSES = ("confirmed", "corrected", "added")
CONFIRMED_WITH_REPORT = "confirmed with the whole report (marked fully reviewed)"


def kp_place_ids(places) -> list[str]:
    """The North Korean place ids of a report's place list (the spec scores kp ids only)."""
    return sorted({p.get("id") for p in places or [] if str(p.get("id") or "").startswith("kp.")})


def mark_report(conn: Connection, report_id: str, *, user: str, note: str | None = None) -> dict:
    """Mark a report fully reviewed (see above). ReviewError when there is no such report or it is
    marked already."""
    if not user:
        raise ReviewError("a review needs a user")
    rep = conn.execute(select(reports.c.places, reports.c.extractor_version)
                       .where(reports.c.report_id == report_id)).first()
    if rep is None:
        raise ReviewError(f"{report_id}: no such report")
    if conn.execute(select(reviewed_reports.c.report_id)
                    .where(reviewed_reports.c.report_id == report_id)).first():
        raise ReviewError(f"{report_id}: already marked fully reviewed")
    at = now()
    decision = conn.execute(insert(report_reviews).values(
        report_id=report_id, user=user, action="done", note=note,
        extractor_version=rep.extractor_version, at=at)).inserted_primary_key[0]
    conn.execute(insert(reviewed_reports).values(
        report_id=report_id, reviewed_by=user, reviewed_at=at,
        extractor_version=rep.extractor_version, places=kp_place_ids(rep.places), note=note))
    unreviewed = conn.execute(select(events.c.event_id, events.c.data).where(
        (events.c.report_id == report_id) & (events.c.review_status == "machine"))).all()
    for ev in unreviewed:
        conn.execute(update(events).where(events.c.event_id == ev.event_id)
                     .values(review_status="confirmed", updated_at=at))
        _record(conn, ev.event_id, user, "confirm", {"report_review": decision},
                CONFIRMED_WITH_REPORT, ev.data)
    return {"report_id": report_id, "action": "done", "decision": decision,
            "confirmed": len(unreviewed)}


def unmark_report(conn: Connection, report_id: str, *, user: str, note: str | None = None) -> dict:
    """Undo the mark. The events it confirmed return to "machine" unless a reviewer has decided
    on them since; each return is recorded ("unconfirm")."""
    if not user:
        raise ReviewError("a review needs a user")
    if conn.execute(select(reports.c.report_id).where(reports.c.report_id == report_id)).first() is None:
        raise ReviewError(f"{report_id}: no such report")
    if conn.execute(select(reviewed_reports.c.report_id)
                    .where(reviewed_reports.c.report_id == report_id)).first() is None:
        raise ReviewError(f"{report_id}: not marked fully reviewed")
    done_id = conn.execute(select(report_reviews.c.id).where(
        (report_reviews.c.report_id == report_id) & (report_reviews.c.action == "done"))
        .order_by(report_reviews.c.id.desc()).limit(1)).scalar()
    rows = conn.execute(select(events.c.event_id, events.c.data, events.c.machine_data,
                               events.c.review_status)
                        .where(events.c.report_id == report_id)).all()
    last_decision = {}
    for r in conn.execute(select(reviews.c.event_id, reviews.c.action, reviews.c.changes)
                          .where(reviews.c.event_id.in_([r.event_id for r in rows]))
                          .order_by(reviews.c.id)):
        last_decision[r.event_id] = r
    returned = 0
    at = now()
    for ev in rows:
        last = last_decision.get(ev.event_id)
        confirmed_by_mark = (ev.review_status == "confirmed" and last is not None
                             and last.action == "confirm"
                             and (last.changes or {}).get("report_review") == done_id)
        if not confirmed_by_mark:
            continue
        # back to the machine's output, as re-extraction would have left a machine event
        data = ev.machine_data or ev.data
        conn.execute(update(events).where(events.c.event_id == ev.event_id).values(
            review_status="machine", data=data, updated_at=at, **event_columns(data)))
        write_event_links(conn, ev.event_id, data)
        _record(conn, ev.event_id, user, "unconfirm", {"report_review": done_id},
                "the report's review mark was undone", ev.data)
        returned += 1
    conn.execute(reviewed_reports.delete().where(reviewed_reports.c.report_id == report_id))
    decision = conn.execute(insert(report_reviews).values(
        report_id=report_id, user=user, action="undone", note=note, at=at,
        extractor_version=None)).inserted_primary_key[0]
    return {"report_id": report_id, "action": "undone", "decision": decision,
            "unconfirmed": returned}


def report_review_state(conn: Connection, report_id: str) -> dict:
    """Whether the report is marked fully reviewed (by whom, when) and its report-level history."""
    mark = conn.execute(select(reviewed_reports).where(
        reviewed_reports.c.report_id == report_id)).first()
    history = [{"id": r.id, "user": r.user, "action": r.action, "note": r.note,
                "extractor_version": r.extractor_version, "at": r.at.isoformat()}
               for r in conn.execute(select(report_reviews).where(
                   report_reviews.c.report_id == report_id).order_by(report_reviews.c.id))]
    return {"report_id": report_id, "reviewed": mark is not None,
            "reviewed_by": mark.reviewed_by if mark else None,
            "reviewed_at": mark.reviewed_at.isoformat() if mark else None,
            "extractor_version": mark.extractor_version if mark else None,
            "history": history}


def reviewed_report_list(conn: Connection) -> list[dict]:
    """Every fully reviewed report: id, title, outlet, published, who marked it, when, and the
    extractor version whose output was reviewed."""
    stmt = (select(reviewed_reports, reports.c.title, reports.c.outlet, reports.c.published,
                   reports.c.is_current)
            .select_from(reviewed_reports.join(reports, reviewed_reports.c.report_id == reports.c.report_id))
            .order_by(reviewed_reports.c.reviewed_at, reviewed_reports.c.report_id))
    return [{"report_id": r.report_id, "title": r.title, "outlet": r.outlet,
             "published": r.published, "is_current": r.is_current, "reviewed_by": r.reviewed_by,
             "reviewed_at": r.reviewed_at.isoformat(), "extractor_version": r.extractor_version,
             "places": r.places} for r in conn.execute(stmt)]


def gold_documents(conn: Connection, *, report_ids=None, outlets=None, since: str | None = None,
                   until: str | None = None) -> list[dict]:
    """The fully reviewed reports as scoring material, oldest mark first. Each item:
    report_id; `fields`, what re-extraction reads (the body as read and the metadata); `gold`, the
    spec's gold object (published, outlet, title, places, events after review, each with its
    event_id and evidence_text); `machine`, the stored machine output (one object per event the
    machine found, rejected ones included, with event_id). since/until bound the publication date."""
    stmt = (select(reports.c.report_id, reports.c.raw, reports.c.text, reports.c.url,
                   reports.c.outlet, reports.c.title, reports.c.published, reports.c.places.label("report_places"),
                   reviewed_reports.c.places, reviewed_reports.c.reviewed_by,
                   reviewed_reports.c.reviewed_at, reviewed_reports.c.extractor_version)
            .select_from(reviewed_reports.join(reports, reviewed_reports.c.report_id == reports.c.report_id))
            .order_by(reviewed_reports.c.reviewed_at, reviewed_reports.c.report_id))
    if report_ids:
        stmt = stmt.where(reports.c.report_id.in_(list(report_ids)))
    if outlets:
        stmt = stmt.where(reports.c.outlet.in_(list(outlets)))
    if since:
        stmt = stmt.where(reports.c.published >= since)
    if until:
        stmt = stmt.where(reports.c.published <= until)
    docs = []
    for rep in conn.execute(stmt).all():
        rows = conn.execute(select(events.c.event_id, events.c.origin, events.c.review_status,
                                   events.c.data, events.c.machine_data)
                            .where(events.c.report_id == rep.report_id)
                            .order_by(events.c.seq, events.c.event_id)).all()
        gold_events, machine = [], []
        for r in rows:
            if r.review_status in GOLD_STATUSES:
                gold_events.append({**r.data, "event_id": r.event_id, "review_status": r.review_status,
                                    "evidence_text": _evidence(rep.text, r.data)})
            if r.origin == "machine":
                out = r.machine_data or r.data
                machine.append({**out, "event_id": r.event_id,
                                "evidence_text": _evidence(rep.text, out)})
        docs.append({
            "report_id": rep.report_id,
            "fields": {"text": rep.raw, "url": rep.url, "outlet": rep.outlet, "title": rep.title,
                       "published": rep.published},
            "text": rep.text,
            "report_places": rep.report_places or [],
            "gold": {"published": rep.published, "outlet": rep.outlet, "title": rep.title,
                     "places": list(rep.places or []), "places_optional": [], "boilerplate": [],
                     "keep": [], "events": gold_events},
            "machine": machine,
            # machine events found after the mark (a newer extractor): not gold until reviewed
            "unreviewed": [r.event_id for r in rows if r.review_status == "machine"],
            "reviewed_by": rep.reviewed_by, "reviewed_at": rep.reviewed_at.isoformat(),
            "extractor_version": rep.extractor_version,
        })
    return docs


def _evidence(text: str, event: dict) -> str:
    spans = event.get("evidence") or []
    return " … ".join(text[int(s["start"]):int(s["end"])] for s in spans
                      if isinstance(s, dict) and "start" in s and "end" in s)


def record_eval_run(conn: Connection, *, version: str, source: str, evaluation: dict,
                    errors: list[dict], n_reports: int, n_gold_events: int, gold_key: str,
                    filters: dict | None = None) -> tuple[int, bool]:
    """Store one evaluation of an extractor version: (run id, whether a new row was written). A
    run equal to the version's latest one (same gold, same figures, same filters) is not stored
    twice, so opening the Quality page again adds nothing."""
    latest = conn.execute(select(eval_runs.c.id, eval_runs.c.gold_key, eval_runs.c.figures,
                                 eval_runs.c.filters)
                          .where(eval_runs.c.extractor_version == version)
                          .order_by(eval_runs.c.id.desc()).limit(1)).first()
    if (latest is not None and latest.gold_key == gold_key and latest.figures == evaluation
            and (latest.filters or {}) == (filters or {})):
        return latest.id, False
    run_id = conn.execute(insert(eval_runs).values(
        extractor_version=version, at=now(), source=source, n_reports=n_reports,
        n_gold_events=n_gold_events, event_f1=evaluation["events_compatible"][2],
        strict_f1=evaluation["events_strict"][2], places_f1=evaluation["places"][2],
        penalty_kind_acc=evaluation["penalty_kind_acc"], failed=evaluation["failed_documents"],
        gold_key=gold_key, filters=filters or {}, figures=evaluation, errors=errors)).inserted_primary_key[0]
    return run_id, True


def list_eval_runs(conn: Connection, *, version: str | None = None, with_errors: bool = False,
                   limit: int = 200) -> list[dict]:
    """Stored evaluation runs, newest first."""
    cols = [c for c in eval_runs.c if with_errors or c.name != "errors"]
    stmt = select(*cols).order_by(eval_runs.c.id.desc()).limit(limit)
    if version:
        stmt = stmt.where(eval_runs.c.extractor_version == version)
    out = []
    for r in conn.execute(stmt):
        row = dict(r._mapping)
        row["at"] = row["at"].isoformat()
        out.append(row)
    return out


# ---------------------------------------------------------------- evaluation on the gold

@dataclass
class GoldEvaluation:
    """An evaluation of extractor output against the fully reviewed reports."""
    evaluation: "object"  # nkevents.evaluation.Evaluation
    documents: list[dict]  # gold_documents() items
    predictions: dict  # report_id -> the prediction object scored (None when extraction failed)
    version: str
    filters: dict
    n_gold_events: int
    gold_key: str

    def errors_json(self) -> list[dict]:
        """The errors behind the figures, each event cut to what a reviewer needs to see."""
        return [{**e, "gold": compact_event(e["gold"]), "pred": compact_event(e["pred"])}
                for e in (err.to_json() for err in self.evaluation.errors)]


SUMMARY_FIELDS = ("event_id", "type", "date", "place", "penalty", "charges", "subjects",
                  "modality", "actors", "evidence_text", "review_status")


def compact_event(event: dict | None) -> dict | None:
    if event is None:
        return None
    out = {k: event.get(k) for k in SUMMARY_FIELDS if event.get(k) not in (None, [], {})}
    if isinstance(out.get("place"), dict):
        out["place"] = {"id": out["place"].get("id"), "name": out["place"].get("name")}
    return out


def restrict_types(obj: dict | None, types) -> dict | None:
    """The gold or prediction object with only events of these types (all when types is empty)."""
    if obj is None or not types:
        return obj
    return {**obj, "events": [e for e in obj.get("events") or [] if e.get("type") in types]}


def run_extractor(fields: dict):
    """What Store.reextract runs: the pipeline over the stored body as read, with its metadata."""
    from nkevents.pipeline import extract
    return extract(**fields)


def stored_prediction(doc: dict) -> dict:
    """The stored machine output of a gold document, shaped as an extractor output object."""
    g = doc["gold"]
    return {"document": {"text": doc["text"], "published": g["published"], "outlet": g["outlet"],
                         "title": g["title"]},
            "places": doc["report_places"], "events": doc["machine"]}


def evaluate(store, *, types=None, report_ids=None, outlets=None, since=None, until=None,
             extract=None, stored: bool = False) -> GoldEvaluation:
    """Score an extractor against the fully reviewed reports. By default the running extractor
    is run on each report's stored body (nothing is stored); `extract(fields) -> Document` can be
    given instead; `stored=True` scores the machine output already in the store."""
    from nkevents import EXTRACTOR_VERSION
    from nkevents.evaluation import DocPair, score

    docs = store._read(gold_documents, report_ids=report_ids, outlets=outlets, since=since,
                       until=until)
    extract = extract or run_extractor
    pairs, predictions = [], {}
    for doc in docs:
        error = None
        if stored:
            prediction = stored_prediction(doc)
        else:
            try:
                prediction = extract(doc["fields"]).to_json()
            except Exception as e:  # one failing report is counted, like the scorer's failures
                prediction, error = None, f"extraction failed: {type(e).__name__}: {e}"
        prediction = restrict_types(prediction, types)
        predictions[doc["report_id"]] = prediction
        pairs.append(DocPair(doc["report_id"], restrict_types(doc["gold"], types), prediction, error))
    filters = {k: v for k, v in (("type", sorted(types or [])), ("report", sorted(report_ids or [])),
                                 ("outlet", sorted(outlets or [])), ("since", since), ("until", until)) if v}
    gold_key = hashlib.sha256(json.dumps([[d["report_id"], restrict_types(d["gold"], types)] for d in docs],
                                         sort_keys=True, default=str).encode()).hexdigest()
    n_gold = sum(len(restrict_types(d["gold"], types)["events"]) for d in docs)
    version = "stored" if stored else EXTRACTOR_VERSION
    return GoldEvaluation(score(pairs), docs, predictions, version, filters, n_gold, gold_key)


def record_evaluation(store, result: GoldEvaluation, *, source: str) -> tuple[int, bool]:
    figures = result.evaluation.to_json(with_errors=False)
    return store._write(record_eval_run, version=result.version, source=source, evaluation=figures,
                        errors=result.errors_json(), n_reports=len(result.documents),
                        n_gold_events=result.n_gold_events, gold_key=result.gold_key,
                        filters=result.filters)


# What a re-extraction preview compares between the stored and the new output of one event.
COMPARED = {
    "type": lambda e: e.get("type"),
    "date": lambda e: tuple((e.get("date") or {}).get(k) for k in ("start", "end", "precision")),
    "place": lambda e: (e.get("place") or {}).get("id"),
    "penalty": lambda e: tuple((e.get("penalty") or {}).get(k) for k in ("kind", "min_months", "max_months")),
    "charges": lambda e: tuple(sorted(e.get("charges") or [])),
    "subjects.count": lambda e: (e.get("subjects") or {}).get("count"),
    "modality": lambda e: e.get("modality"),
    "actors": lambda e: tuple(sorted((a.get("id"), a.get("role")) for a in e.get("actors") or [])),
}


def changed_fields(old: dict, new: dict) -> list[str]:
    return [name for name, get in COMPARED.items() if get(old) != get(new)]


def preview_reextract(store, report_ids=None, *, extract=None) -> dict:
    """What re-extracting these reports (default: all) would change on the fully reviewed ones
    among them, without storing anything: machine events gained, lost and changed (by event id,
    as re-extraction matches them), and the eval figures of the stored machine output (before)
    and of the new output (after)."""
    from nkevents.evaluation import DocPair, score
    from nkevents.store.ingest import machine_event_ids

    wanted = None if report_ids is None else list(report_ids)
    if wanted == []:
        docs = []
    else:
        docs = store._read(gold_documents, report_ids=wanted)
    extract = extract or run_extractor
    before_pairs, after_pairs, changes = [], [], []
    totals = {"gained": 0, "lost": 0, "changed": 0, "unchanged": 0}
    for doc in docs:
        rid = doc["report_id"]
        before_pairs.append(DocPair(rid, doc["gold"], stored_prediction(doc)))
        try:
            new = extract(doc["fields"]).to_json()
        except Exception as e:
            after_pairs.append(DocPair(rid, doc["gold"], None, f"extraction failed: {type(e).__name__}: {e}"))
            continue
        after_pairs.append(DocPair(rid, doc["gold"], new))
        old_events = {e["event_id"]: e for e in doc["machine"]}
        new_events = dict(zip(machine_event_ids(rid, new["events"]), new["events"]))
        for eid, ev in new_events.items():
            if eid not in old_events:
                totals["gained"] += 1
                changes.append({"report_id": rid, "event_id": eid, "change": "gained",
                                "event": compact_event({**ev, "evidence_text": _evidence(new["document"]["text"], ev)})})
            else:
                fields = changed_fields(old_events[eid], ev)
                if fields:
                    totals["changed"] += 1
                    changes.append({"report_id": rid, "event_id": eid, "change": "changed",
                                    "fields": fields, "before": compact_event(old_events[eid]),
                                    "event": compact_event({**ev, "evidence_text": _evidence(
                                        new["document"]["text"], ev)})})
                else:
                    totals["unchanged"] += 1
        for eid, ev in old_events.items():
            if eid not in new_events:
                totals["lost"] += 1
                changes.append({"report_id": rid, "event_id": eid, "change": "lost",
                                "event": compact_event(ev)})
    return {"reports": len(docs), **totals, "changes": changes,
            "before": score(before_pairs), "after": score(after_pairs)}
