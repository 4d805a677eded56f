"""Reviewer decisions: confirm, reject, correct fields, add an event the machine missed.

Every decision is a row in `reviews` (who, when, what, the event before). The event row carries
the result: `data` becomes the corrected object and `review_status` the decision, which
re-extraction never overwrites (see ingest.replace_machine_events).
"""
from __future__ import annotations

import copy
import json
import uuid

from sqlalchemy import Connection, insert, select, update

from nkevents.store.ingest import event_columns, insert_event, now, write_event_links
from nkevents.store.queries import store_settings
from nkevents.store.schema import events, reports, reviews

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
