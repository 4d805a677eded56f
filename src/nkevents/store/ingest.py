"""Writing reports and their events: idempotent ingest, revisions, and re-extraction.

Identity
- A report is known by the normalized content hash of its body as read (`model.content_hash` of
  `doc.raw`, or of `doc.text` when there is no raw body). `report_id` = the first 16 hex digits.
  Hashing the body as read (not the cleaned text) keeps the id when a newer cleaner changes the
  cleaned text.
- An event's global id is `<report_id>-<10 hex>`, the hex being sha1 of
  "type:evidence_start:evidence_end:trigger_start" of the event in the report's cleaned text. The
  same text extracted again by rules that find the same event (same type and evidence sentence)
  gives the same id, which is how re-extraction finds reviewers' decisions. Two events with the
  same key in one report (rare) get "-2", "-3" in the order they come. Reviewer-added events get
  `<report_id>-a<10 hex>` from a random uuid.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from nkevents.model import Document, content_hash
from nkevents.store.schema import event_actors, event_charges, events, failures, reports

REVIEWED = ("confirmed", "corrected", "rejected", "added")

# Statements run for every ingested report, built once (building them costs more than running
# them on SQLite).
BY_HASH = select(reports.c.report_id, reports.c.revision).where(
    reports.c.content_hash == bindparam("digest"))
LATEST_BY_URL = (select(reports.c.report_id, reports.c.revision)
                 .where(reports.c.url == bindparam("url"))
                 .order_by(reports.c.revision.desc()).limit(1))
CLEAR_FAILURE = delete(failures).where(failures.c.source == bindparam("source"))
INSERT_REPORT, INSERT_EVENTS = insert(reports), insert(events)
INSERT_CHARGES, INSERT_ACTORS = insert(event_charges), insert(event_actors)


@dataclass
class IngestResult:
    status: str  # new | unchanged | updated
    report_id: str
    events_added: int = 0
    revision: int = 1


def now() -> datetime:
    return datetime.now(timezone.utc)


def report_hash(doc: Document) -> str:
    return content_hash(doc.raw if doc.raw and doc.raw.strip() else doc.text)


def event_key(event: dict) -> str:
    ev = event.get("evidence") or [{"start": 0, "end": 0}]
    trigger = event.get("trigger") or {}
    return f"{event['type']}:{ev[0]['start']}:{ev[0]['end']}:{trigger.get('start', '')}"


def machine_event_ids(report_id: str, event_objs: list[dict]) -> list[str]:
    """Global ids for the events of one report, in order (see the module docstring)."""
    ids, seen = [], {}
    for obj in event_objs:
        base = f"{report_id}-{hashlib.sha1(event_key(obj).encode()).hexdigest()[:10]}"
        seen[base] = seen.get(base, 0) + 1
        ids.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return ids


def _iso(value: str | None) -> str | None:
    """The value when it is a full ISO date, else None (month-day dates have no year)."""
    if value and len(value) == 10 and value[4] == "-" and value[:4].isdigit():
        return value
    return None


def event_columns(obj: dict) -> dict:
    """The filter columns of the events table, copied from an event object."""
    date = obj.get("date") or {}
    place = obj.get("place") or {}
    penalty = obj.get("penalty") or {}
    subjects = obj.get("subjects") or {}
    evidence = obj.get("evidence") or [{}]
    place_id = place.get("id")
    date_from = _iso(date.get("start"))
    return {
        "type": obj["type"],
        "date_start": date.get("start"), "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "date_from": date_from, "date_to": _iso(date.get("end")) or date_from,
        "place_id": place_id, "place_key": f"{place_id}." if place_id else None,
        "place_name": place.get("name"), "place_level": place.get("level"),
        "lat": place.get("lat"), "lon": place.get("lon"),
        "coord_precision": place.get("coord_precision"),
        "modality": obj.get("modality"),
        "penalty_kind": penalty.get("kind"), "penalty_min": penalty.get("min_months"),
        "penalty_max": penalty.get("max_months"),
        "subjects_count": subjects.get("count"),
        "confidence": obj.get("confidence"),
        "evidence_start": evidence[0].get("start"), "evidence_end": evidence[0].get("end"),
    }


def write_event_links(conn: Connection, event_id: str, obj: dict) -> None:
    """(Re)write the charge and actor rows of one event."""
    conn.execute(delete(event_charges).where(event_charges.c.event_id == event_id))
    conn.execute(delete(event_actors).where(event_actors.c.event_id == event_id))
    charges, actors = link_rows(event_id, obj)
    if charges:
        conn.execute(insert(event_charges), charges)
    if actors:
        conn.execute(insert(event_actors), actors)


def event_row(*, event_id: str, report_id: str, obj: dict, seq: int, origin: str, status: str,
              version: str | None, is_current: bool = True, at: datetime | None = None) -> dict:
    at = at or now()
    return dict(event_id=event_id, report_id=report_id, local_id=obj.get("id") or None, seq=seq,
                origin=origin, review_status=status, extractor_version=version,
                is_current=is_current, data=obj,
                machine_data=obj if origin == "machine" else None, created_at=at, updated_at=at,
                **event_columns(obj))


def link_rows(event_id: str, obj: dict) -> tuple[list[dict], list[dict]]:
    """The event_charges and event_actors rows of one event."""
    charges = [{"event_id": event_id, "charge": c} for c in sorted(set(obj.get("charges") or []))]
    actors = {(a["id"], a.get("role") or "authority") for a in obj.get("actors") or [] if a.get("id")}
    return charges, [{"event_id": event_id, "actor_id": a, "role": r} for a, r in sorted(actors)]


def insert_events(conn: Connection, rows: list[dict]) -> None:
    """Insert event rows and their charge and actor rows, each table in one statement."""
    if not rows:
        return
    conn.execute(INSERT_EVENTS, rows)
    charges, actors = [], []
    for row in rows:
        c, a = link_rows(row["event_id"], row["data"])
        charges += c
        actors += a
    if charges:
        conn.execute(INSERT_CHARGES, charges)
    if actors:
        conn.execute(INSERT_ACTORS, actors)


def insert_event(conn: Connection, **kwargs) -> None:
    insert_events(conn, [event_row(**kwargs)])


def ingest_document(conn: Connection, doc: Document, *, source: str | None,
                    version: str) -> IngestResult:
    """Store one extracted report inside the caller's transaction."""
    digest = report_hash(doc)
    report_id = digest[:16]
    source = source or doc.source
    found = conn.execute(BY_HASH, {"digest": digest}).first()
    if found:
        _clear_failure(conn, source)
        return IngestResult("unchanged", found.report_id, 0, found.revision)

    status, revision, supersedes = "new", 1, None
    if doc.url:
        latest = conn.execute(LATEST_BY_URL, {"url": doc.url}).first()
        if latest:
            status, revision, supersedes = "updated", latest.revision + 1, latest.report_id
            old_ids = select(reports.c.report_id).where(reports.c.url == doc.url)
            conn.execute(update(reports).where(reports.c.url == doc.url).values(is_current=False))
            conn.execute(update(events).where(events.c.report_id.in_(old_ids))
                         .values(is_current=False))

    obj = doc.to_json()
    at = now()
    conn.execute(INSERT_REPORT, dict(
        report_id=report_id, content_hash=digest, text_hash=obj["document"]["id"], url=doc.url,
        revision=revision, is_current=True, supersedes=supersedes, outlet=doc.outlet,
        title=doc.title, published=doc.published, source=source, raw=doc.raw or doc.text,
        text=doc.text, removed=obj["document"]["removed"], places=obj["places"],
        sentences=[list(s) for s in doc.sentences], extractor_version=version, ingested_at=at))
    event_objs = obj["events"]
    insert_events(conn, [
        event_row(event_id=event_id, report_id=report_id, obj=ev, seq=seq, origin="machine",
                  status="machine", version=version, at=at)
        for seq, (event_id, ev) in enumerate(zip(machine_event_ids(report_id, event_objs), event_objs))])
    _clear_failure(conn, source)
    return IngestResult(status, report_id, len(event_objs), revision)


def _clear_failure(conn: Connection, source: str | None) -> None:
    if source:
        conn.execute(CLEAR_FAILURE, {"source": source})


@dataclass
class ReextractResult:
    report_id: str
    added: int = 0  # machine events new to this report
    replaced: int = 0  # machine events rewritten with the new output
    removed: int = 0  # machine events the new output no longer has
    kept_reviewed: int = 0  # events under a reviewer's decision, left as the reviewer set them


def replace_machine_events(conn: Connection, report_id: str, doc: Document,
                           version: str) -> ReextractResult:
    """Put a new extraction of a stored report in place of its machine output. Events under a
    reviewer's decision keep their data and status (the new machine output is kept beside them
    in machine_data); machine events are replaced, added or removed."""
    obj = doc.to_json()
    conn.execute(update(reports).where(reports.c.report_id == report_id).values(
        text=doc.text, text_hash=obj["document"]["id"], removed=obj["document"]["removed"],
        places=obj["places"], sentences=[list(s) for s in doc.sentences],
        extractor_version=version))
    is_current = conn.execute(select(reports.c.is_current)
                              .where(reports.c.report_id == report_id)).scalar_one()
    existing = {r.event_id: r.review_status for r in conn.execute(
        select(events.c.event_id, events.c.review_status).where(events.c.report_id == report_id))}
    result = ReextractResult(report_id)
    new_objs = obj["events"]
    new_ids = machine_event_ids(report_id, new_objs)
    for seq, (event_id, ev) in enumerate(zip(new_ids, new_objs)):
        status = existing.get(event_id)
        if status is None:
            insert_event(conn, event_id=event_id, report_id=report_id, obj=ev, seq=seq,
                         origin="machine", status="machine", version=version,
                         is_current=is_current)
            result.added += 1
        elif status == "machine":
            conn.execute(update(events).where(events.c.event_id == event_id).values(
                data=ev, machine_data=ev, local_id=ev.get("id") or None, seq=seq,
                extractor_version=version, updated_at=now(), **event_columns(ev)))
            write_event_links(conn, event_id, ev)
            result.replaced += 1
        else:
            conn.execute(update(events).where(events.c.event_id == event_id)
                         .values(machine_data=ev, updated_at=now()))
            result.kept_reviewed += 1
    gone = [i for i, s in existing.items() if s == "machine" and i not in set(new_ids)]
    if gone:
        conn.execute(delete(event_charges).where(event_charges.c.event_id.in_(gone)))
        conn.execute(delete(event_actors).where(event_actors.c.event_id.in_(gone)))
        conn.execute(delete(events).where(events.c.event_id.in_(gone)))
        result.removed = len(gone)
    result.kept_reviewed += sum(1 for i, s in existing.items() if s in REVIEWED and i not in set(new_ids))
    return result
