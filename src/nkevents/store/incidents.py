"""Incidents in the record: tables, linking on ingest, listing, reviewers' merge and split.

The decisions are made by nkevents.incidents (pure); this module keeps its index in tables so that
linking one new report reads only the candidates its keys point at:

- incident_keys: (key, event_id) - the blocking keys of every linked event (type|month|at|place).
- incident_bands: (band, report_id) - MinHash LSH band keys of every linked report's text, and
  its rarest words ("r:onsong", "r:onsong@2023-03"), so that copies and rewrites are found
  whatever their events.
- incident_members: one row per linked event: its incident, the member it was linked to, the
  score and the reasons (why the link was made).
- incident_copies: report pairs whose texts are near-duplicates (found while linking).
- incident_sources: per linked report, the outlets it cites.
- incidents: one summary row per incident (type, date, place, counts) for listing and filters.
- incident_decisions: reviewers' merges and splits, replayed in order after a full re-link.

Functions the CLI, the web app and the exports use (docs/incidents.md):
    link_pending(store) -> int            link every stored event not yet in an incident
    relink(store) -> int                  rebuild all incidents from scratch, then replay decisions
    list_incidents(store, **filters)      incident dicts (the `--format json` shape)
    get_incident(store, incident_id)      one incident dict or None
    incident_events(store, incident_id)   its events (event JSON), in linking order
    incidents_of_report(store, report_id) the incidents of a report's events (report page)
    incident_of_event(store, event_id)    the incident dict of an event, or None
    incident_ids_of_events(store, ids)    {event_id: incident_id} (exports)
    merge_incidents(store, a, b, user=)   reviewer: b's events join a
    split_incident(store, inc, events, user=)  reviewer: events leave inc for a new incident
"""
from __future__ import annotations

from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import (JSON, Column, DateTime, Float, ForeignKey, Index, Integer, String,
                        Table, Text, and_, delete, func, insert, select, update)

from nkevents import incidents as core
from nkevents.store import db
from nkevents.store.schema import events, metadata, reports

# ---------------------------------------------------------------------------- tables
# Defined on the store's MetaData so that metadata-level checks see them once this module is
# imported; created by migration 0002_incidents.

incidents = Table(
    "incidents", metadata,
    Column("incident_id", String(40), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_precision", String(16)),
    Column("date_from", String(10)),  # ISO, NULL when no member has a full date (filters)
    Column("date_to", String(10)),
    Column("place_id", String(200)),
    Column("place_key", String(201)),  # place_id + "." (subtree filters, as events.place_key)
    Column("n_events", Integer, nullable=False),
    Column("n_reports", Integer, nullable=False),
    Column("n_outlets", Integer, nullable=False),
    Column("n_independent", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
Index("ix_incidents_type_place_date", incidents.c.type, incidents.c.place_key, incidents.c.date_from)

incident_members = Table(
    "incident_members", metadata,
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
    Column("incident_id", String(40), nullable=False),
    Column("report_id", String(32), nullable=False),
    Column("linked_to", String(64)),  # the member it was linked to; NULL: founded the incident
    Column("score", Float),
    Column("reasons", JSON),  # ["same day (+2)", ...] or ["reviewer merge by ann"]
    Column("seq", Integer, nullable=False),  # order of linking (first report first)
    Column("linked_at", DateTime(timezone=True), nullable=False),
)
Index("ix_incident_members_incident", incident_members.c.incident_id)
Index("ix_incident_members_report", incident_members.c.report_id)

incident_keys = Table(
    "incident_keys", metadata,
    Column("key", String(300), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
)
Index("ix_incident_keys_event", incident_keys.c.event_id)

incident_bands = Table(
    "incident_bands", metadata,
    Column("band", String(40), primary_key=True),
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           primary_key=True),
)
Index("ix_incident_bands_report", incident_bands.c.report_id)

incident_sources = Table(
    "incident_sources", metadata,
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           primary_key=True),
    Column("cites", JSON),  # outlets the report cites, canonical names
    Column("linked_at", DateTime(timezone=True), nullable=False),
)

incident_copies = Table(
    "incident_copies", metadata,
    Column("report_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           primary_key=True),
    Column("other_id", String(32), ForeignKey("reports.report_id", ondelete="CASCADE"),
           primary_key=True),
    Column("jaccard", Float),
    Column("containment", Float),
)

incident_decisions = Table(
    "incident_decisions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(16), nullable=False),  # merge | split
    Column("incident_id", String(40), nullable=False),  # merge: kept; split: the one split
    Column("event_ids", JSON, nullable=False),  # merge: events of both; split: events moved out
    Column("new_incident_id", String(40)),  # split: the incident the events moved to
    Column("user", String(100), nullable=False),
    Column("note", Text),
    Column("at", DateTime(timezone=True), nullable=False),
)

# Reviewers' decisions mean these are not machine links.
REVIEWED_OUT = ("rejected",)


class IncidentError(Exception):
    """A merge or split a user asked for cannot be done; str() is a one-line reason."""


def _now() -> datetime:
    return datetime.now(timezone.utc)


# ---------------------------------------------------------------------------- reading rows


def _report_dicts(conn, report_ids: Iterable[str], *, text: bool = True) -> dict[str, dict]:
    """Report fields the linking core reads; text=False leaves the body out (listings)."""
    ids = list(set(report_ids))
    cols = [reports.c.report_id, reports.c.url, reports.c.outlet, reports.c.published,
            reports.c.pk, reports.c.title] + ([reports.c.text] if text else [])
    out = {}
    for chunk in _chunks(ids):
        for r in conn.execute(select(*cols).where(reports.c.report_id.in_(chunk))):
            out[r.report_id] = {"report_id": r.report_id, "url": r.url, "outlet": r.outlet,
                                "published": r.published, "text": r.text if text else None,
                                "seq": r.pk, "title": r.title}
    return out


def _event_dicts(conn, event_ids: Iterable[str]) -> dict[str, dict]:
    ids = list(set(event_ids))
    out = {}
    for chunk in _chunks(ids):
        for r in conn.execute(select(events.c.event_id, events.c.report_id, events.c.data)
                              .where(events.c.event_id.in_(chunk))):
            out[r.event_id] = dict(r.data or {}, event_id=r.event_id, report_id=r.report_id)
    return out


def _chunks(items: list, size: int = 500):
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _linkable():
    """Events that take part in incidents: of current reports, not rejected by a reviewer."""
    return and_(events.c.is_current.is_(True), events.c.review_status.notin_(REVIEWED_OUT))


# ---------------------------------------------------------------------------- linking


def _link_report(conn, report_id: str, event_ids: list[str]) -> list[core.Link]:
    """Link some events of one stored report against everything linked before (one transaction)."""
    report = _report_dicts(conn, [report_id])[report_id]
    new_events = [e for e in (_event_dicts(conn, event_ids).get(i) for i in event_ids) if e]
    feats = core.report_features(report)

    lookups = sorted({k for ev in new_events for k in core.lookup_keys(ev, report)})
    cand_ids: set[str] = set()
    for chunk in _chunks(lookups):
        cand_ids.update(conn.execute(select(incident_keys.c.event_id)
                                     .where(incident_keys.c.key.in_(chunk))).scalars())
    near: set[str] = set()
    if feats.bands or feats.rare_keys:
        # Texts sharing a MinHash band (copies), or one of the report's rarest words (rewrites):
        # a rare-word key filed under too many reports is too common to say anything.
        keys = list(feats.bands)
        rare = core.rare_lookup_keys(feats, report)
        if rare:
            counts = dict(conn.execute(
                select(incident_bands.c.band, func.count()).where(incident_bands.c.band.in_(rare))
                .group_by(incident_bands.c.band)).all())
            keys += [k for k in rare if 0 < counts.get(k, 0) <= core.rare_key_cap(k)]
        near = set(conn.execute(select(incident_bands.c.report_id).where(
            incident_bands.c.band.in_(keys))).scalars())
        near.discard(report_id)
        for chunk in _chunks(sorted(near)):
            cand_ids.update(conn.execute(select(incident_members.c.event_id)
                                         .where(incident_members.c.report_id.in_(chunk))).scalars())
    incident_of = {}
    for chunk in _chunks(sorted(cand_ids)):
        incident_of.update(conn.execute(select(incident_members.c.event_id,
                                               incident_members.c.incident_id)
                                        .where(incident_members.c.event_id.in_(chunk))).all())
    member_rows = []
    for chunk in _chunks(sorted(set(incident_of.values()))):
        member_rows += conn.execute(select(incident_members.c.event_id,
                                           incident_members.c.incident_id)
                                    .where(incident_members.c.incident_id.in_(chunk))).all()
    ev_data = _event_dicts(conn, [r.event_id for r in member_rows] + list(incident_of))
    rep_data = _report_dicts(conn, [e["report_id"] for e in ev_data.values()])
    candidates = [(ev_data[c], rep_data[ev_data[c]["report_id"]]) for c in incident_of if c in ev_data]
    members: dict[str, list] = {}
    for r in member_rows:
        if r.event_id in ev_data:
            e = ev_data[r.event_id]
            members.setdefault(r.incident_id, []).append((e, rep_data[e["report_id"]]))

    feat_cache: dict[str, core.TextFeatures] = {}
    sims: dict[str, core.TextSimilarity] = {}

    def text_sim(other_id: str) -> core.TextSimilarity:
        if other_id not in sims:
            if other_id not in feat_cache:
                feat_cache[other_id] = core.report_features(rep_data[other_id], for_index=False)
            sims[other_id] = core.text_similarity(feats, feat_cache[other_id])
        return sims[other_id]

    links = core.link_events(new_events, report, candidates, incident_of, members, text_sim,
                             text_found=near)

    # Near-duplicate texts among the reports compared: the copy relation (for independence).
    for other_id, s in sims.items():
        if s.is_copy:
            for a, b in ((report_id, other_id), (other_id, report_id)):
                if not conn.execute(select(incident_copies.c.report_id).where(
                        incident_copies.c.report_id == a, incident_copies.c.other_id == b)).first():
                    conn.execute(insert(incident_copies).values(
                        report_id=a, other_id=b, jaccard=round(s.jaccard, 3),
                        containment=round(s.containment, 3)))
    t = _now()
    seq = conn.execute(select(func.coalesce(func.max(incident_members.c.seq), 0))).scalar_one()
    for i, (ev, link) in enumerate(zip(new_events, links), start=1):
        conn.execute(insert(incident_members).values(
            event_id=ev["event_id"], incident_id=link.incident_id, report_id=report_id,
            linked_to=link.linked_to, score=link.score, reasons=link.reasons, seq=seq + i,
            linked_at=t))
        keys = sorted(set(core.index_keys(ev, report)))
        if keys:
            conn.execute(insert(incident_keys), [{"key": k, "event_id": ev["event_id"]} for k in keys])
    if not conn.execute(select(incident_sources.c.report_id)
                        .where(incident_sources.c.report_id == report_id)).first():
        conn.execute(insert(incident_sources).values(
            report_id=report_id, cites=core.cited_outlets(report["text"], report["outlet"]),
            linked_at=t))
        filed = sorted(set(feats.bands) | set(core.rare_index_keys(feats, report)))
        if filed:
            conn.execute(insert(incident_bands), [{"band": b, "report_id": report_id} for b in filed])
    absorbed = set()
    for link in links:  # an event linking two incidents joins them (core._bridge)
        for other in link.absorbs:
            conn.execute(update(incident_members).where(incident_members.c.incident_id == other)
                         .values(incident_id=link.incident_id))
            absorbed.add(other)
    _refresh(conn, {link.incident_id for link in links} | absorbed)
    return links


def _unlink_stale(conn) -> set[str]:
    """Members whose event is no longer current or was rejected leave their incidents."""
    stale = list(conn.execute(
        select(incident_members.c.event_id, incident_members.c.incident_id)
        .select_from(incident_members.join(events, events.c.event_id == incident_members.c.event_id))
        .where(~_linkable())).all())
    ids = [r.event_id for r in stale]
    for chunk in _chunks(ids):
        conn.execute(delete(incident_keys).where(incident_keys.c.event_id.in_(chunk)))
        conn.execute(delete(incident_members).where(incident_members.c.event_id.in_(chunk)))
    touched = {r.incident_id for r in stale}
    # Incidents that lost members when events were deleted (FK cascade, e.g. re-extraction) are
    # summarized again; those left without members go.
    counts = (select(incident_members.c.incident_id, func.count().label("n"))
              .group_by(incident_members.c.incident_id).subquery())
    changed = set(conn.execute(
        select(incidents.c.incident_id)
        .select_from(incidents.outerjoin(counts, counts.c.incident_id == incidents.c.incident_id))
        .where(func.coalesce(counts.c.n, 0) != incidents.c.n_events)).scalars())
    return touched | changed


def pending_reports(store) -> list[tuple[str, list[str]]]:
    """(report_id, event ids) of linkable events not yet in an incident, earliest report first."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(events.c.event_id, events.c.report_id, reports.c.published, reports.c.pk)
            .select_from(events.join(reports, events.c.report_id == reports.c.report_id))
            .where(_linkable(), events.c.event_id.notin_(select(incident_members.c.event_id)))
            .order_by(func.coalesce(reports.c.published, "9999"), reports.c.pk, events.c.seq)).all()
    out: dict[str, list[str]] = {}
    for r in rows:
        out.setdefault(r.report_id, []).append(r.event_id)
    return list(out.items())


def link_pending(store) -> int:
    """Bring the incidents up to date with the stored events: drop members that are no longer
    current, link every linkable event not yet in an incident. Returns the number of events
    linked. Each report is its own transaction; run after every ingest (cheap when nothing waits)."""
    with db.write_tx(store.engine) as conn:
        _refresh(conn, _unlink_stale(conn))
    n = 0
    for report_id, event_ids in pending_reports(store):
        n += _link_pending_report(store, report_id, event_ids)
    return n


def _link_pending_report(store, report_id: str, event_ids: list[str], attempts: int = 5) -> int:
    """Link one report's waiting events. Another ingest process may link some of them between
    pending_reports() and this transaction: they are re-checked inside it, and a unique-key
    collision (PostgreSQL, where writers do not queue) is retried."""
    from sqlalchemy.exc import IntegrityError

    for attempt in range(attempts):
        try:
            with db.write_tx(store.engine) as conn:
                linked = set(conn.execute(select(incident_members.c.event_id).where(
                    incident_members.c.event_id.in_(event_ids))).scalars())
                todo = [e for e in event_ids if e not in linked]
                return len(_link_report(conn, report_id, todo)) if todo else 0
        except IntegrityError:
            if attempt == attempts - 1:
                raise
    return 0


def link_report(store, report_id: str) -> list[core.Link]:
    """Link the not-yet-linked events of one stored report (the hook after ingest_document)."""
    with db.write_tx(store.engine) as conn:
        ids = list(conn.execute(select(events.c.event_id).where(
            events.c.report_id == report_id, _linkable(),
            events.c.event_id.notin_(select(incident_members.c.event_id)))
            .order_by(events.c.seq)).scalars())
        return _link_report(conn, report_id, ids) if ids else []


def relink(store) -> int:
    """Rebuild every incident from the stored events, then replay reviewers' decisions in order."""
    with db.write_tx(store.engine) as conn:
        for table in (incident_keys, incident_members, incident_bands, incident_copies,
                      incident_sources, incidents):
            conn.execute(delete(table))
    n = link_pending(store)
    with db.write_tx(store.engine) as conn:
        decisions = list(conn.execute(select(incident_decisions).order_by(incident_decisions.c.id)))
        for d in decisions:
            _apply_decision(conn, d.action, d.event_ids, d.new_incident_id, d.user)
    return n


# ---------------------------------------------------------------------------- summaries


def _refresh(conn, incident_ids: Iterable[str]) -> None:
    """Recompute the summary rows of these incidents (delete those without members)."""
    for inc in sorted(set(incident_ids)):
        conn.execute(delete(incidents).where(incidents.c.incident_id == inc))
        rows = conn.execute(select(incident_members.c.event_id, incident_members.c.report_id)
                            .where(incident_members.c.incident_id == inc)).all()
        if not rows:
            continue
        evs = list(_event_dicts(conn, [r.event_id for r in rows]).values())
        reps = _report_dicts(conn, [r.report_id for r in rows], text=False)
        summary = _summary(evs, _sources(conn, list(reps.values())))
        conn.execute(insert(incidents).values(incident_id=inc, updated_at=_now(), **summary))


def _summary(evs: list[dict], sources: list[dict]) -> dict:
    dated = [e for e in evs if (e.get("date") or {}).get("start")]
    best = min(dated, key=lambda e: (core.PRECISION_RANK.get(e["date"].get("precision"), 4),
                                     e["date"]["start"])) if dated else None
    date = (best or {}).get("date") or {}
    places = [core.place_of(e) for e in evs if core.place_of(e)]
    place = max(places, key=lambda p: (p.count("."), p)) if places else None
    iso = [e["date"] for e in dated if not e["date"]["start"].startswith("--")]
    return {
        "type": evs[0]["type"],
        "date_start": date.get("start"), "date_end": date.get("end"),
        "date_precision": date.get("precision"),
        "date_from": max(d["start"] for d in iso) if iso else None,
        "date_to": min((d.get("end") or d["start"]) for d in iso) if iso else None,
        "place_id": place, "place_key": f"{place}." if place else None,
        "n_events": len(evs), "n_reports": len(sources),
        "n_outlets": len({s["outlet_key"] for s in sources}),
        "n_independent": len({s["origin"] for s in sources}),
    }


def _sources(conn, reps: list[dict]) -> list[dict]:
    """The reports of one incident with their independence, earliest first."""
    reps = sorted(reps, key=core.report_order_key)
    ids = [r["report_id"] for r in reps]
    cites = {rid: c or [] for rid, c in conn.execute(
        select(incident_sources.c.report_id, incident_sources.c.cites)
        .where(incident_sources.c.report_id.in_(ids))).all()}
    pairs = set(conn.execute(select(incident_copies.c.report_id, incident_copies.c.other_id)
                             .where(incident_copies.c.report_id.in_(ids),
                                    incident_copies.c.other_id.in_(ids))).all())
    ind = core.independence(reps, copy_pairs={tuple(p) for p in pairs},
                            cites={rid: cites.get(rid, []) for rid in ids})
    out = []
    for r in reps:
        own = core.canonical_outlet(r["outlet"])
        out.append({"id": r["report_id"], "url": r["url"], "outlet": r["outlet"],
                    "title": r.get("title"), "published": r["published"],
                    **ind[r["report_id"]],
                    "outlet_key": own or core.url_host(r["url"]) or "report:" + r["report_id"]})
    return out


# ---------------------------------------------------------------------------- listing


def _incident_dicts(conn, rows) -> list[dict]:
    rows = list(rows)
    ids = [r.incident_id for r in rows]
    mem: dict[str, list] = {}
    for chunk in _chunks(ids):
        for m in conn.execute(select(incident_members).where(incident_members.c.incident_id.in_(chunk))
                              .order_by(incident_members.c.seq)):
            mem.setdefault(m.incident_id, []).append(m)
    reps = _report_dicts(conn, [m.report_id for ms in mem.values() for m in ms], text=False)
    out = []
    for r in rows:
        ms = mem.get(r.incident_id, [])
        sources = _sources(conn, [reps[m.report_id] for m in ms if m.report_id in reps])
        for s in sources:
            s.pop("outlet_key")
        out.append({
            "id": r.incident_id, "type": r.type,
            "date": ({"start": r.date_start, "end": r.date_end, "precision": r.date_precision}
                     if r.date_start else None),
            "place": r.place_id,
            "events": [m.event_id for m in ms],
            "reports": sources,
            "n_reports": r.n_reports, "n_outlets": r.n_outlets, "n_independent": r.n_independent,
            # reports are earliest first (published, then as stored): the first broke the news
            "earliest_report": sources[0]["id"] if sources else None,
            "links": [{"event": m.event_id, "report": m.report_id, "linked_to": m.linked_to,
                       "score": m.score, "reasons": m.reasons or []} for m in ms],
        })
    return out


def list_incidents(store, *, type: str | list[str] | None = None, place: str | None = None,
                   since: str | None = None, until: str | None = None,
                   min_reports: int = 1, limit: int | None = None, offset: int = 0) -> list[dict]:
    """Incidents, most reported first then by date. place includes everything inside it; since
    and until keep incidents whose full dates overlap [since, until]."""
    stmt = select(incidents)
    types = [type] if isinstance(type, str) else list(type or [])
    if types:
        stmt = stmt.where(incidents.c.type.in_(types))
    if place:
        stmt = stmt.where(and_(incidents.c.place_key >= f"{place}.", incidents.c.place_key < f"{place}/"))
    if since:
        stmt = stmt.where(incidents.c.date_to >= since)
    if until:
        stmt = stmt.where(incidents.c.date_from <= until)
    if min_reports > 1:
        stmt = stmt.where(incidents.c.n_reports >= min_reports)
    stmt = stmt.order_by(incidents.c.n_reports.desc(), incidents.c.date_from, incidents.c.incident_id)
    if limit:
        stmt = stmt.limit(limit).offset(offset)
    with store.engine.connect() as conn:
        return _incident_dicts(conn, conn.execute(stmt))


def get_incident(store, incident_id: str) -> dict | None:
    with store.engine.connect() as conn:
        found = _incident_dicts(conn, conn.execute(select(incidents).where(
            incidents.c.incident_id == incident_id)))
    return found[0] if found else None


def incident_events(store, incident_id: str) -> list[dict]:
    """The events of an incident as stored (the spec's event JSON with event_id and report_id),
    in the order they were linked."""
    with store.engine.connect() as conn:
        ids = _members_of(conn, incident_id)
        data = _event_dicts(conn, ids)
    return [data[i] for i in ids if i in data]


def incidents_of_report(store, report_id: str) -> list[dict]:
    """The incidents the events of one report belong to (the report page), each with its other
    reports; most reported first."""
    with store.engine.connect() as conn:
        ids = sorted(set(conn.execute(select(incident_members.c.incident_id)
                                      .where(incident_members.c.report_id == report_id)).scalars()))
        rows = list(conn.execute(select(incidents).where(incidents.c.incident_id.in_(ids))
                                 .order_by(incidents.c.n_reports.desc(), incidents.c.incident_id)))
        return _incident_dicts(conn, rows)


def incident_of_event(store, event_id: str) -> dict | None:
    """The incident an event belongs to (with its reports and why each event was linked)."""
    with store.engine.connect() as conn:
        inc = conn.execute(select(incident_members.c.incident_id)
                           .where(incident_members.c.event_id == event_id)).scalar()
    return get_incident(store, inc) if inc else None


def incident_ids_of_events(store, event_ids: Iterable[str]) -> dict[str, str]:
    """{event_id: incident_id} for the linked ones (exports add an incident_id column)."""
    out: dict[str, str] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(list(event_ids)):
            out.update(conn.execute(select(incident_members.c.event_id, incident_members.c.incident_id)
                                    .where(incident_members.c.event_id.in_(chunk))).all())
    return out


def incident_sources_of_events(store, event_ids: Iterable[str]) -> dict[str, dict]:
    """{event_id: {"incident_id", "n_reports", "n_outlets", "n_independent"}} (the exports'
    sources column, the web list by incident)."""
    ids = incident_ids_of_events(store, event_ids)
    with store.engine.connect() as conn:
        rows = {}
        for chunk in _chunks(sorted(set(ids.values()))):
            rows.update({r.incident_id: r for r in conn.execute(
                select(incidents.c.incident_id, incidents.c.n_reports, incidents.c.n_outlets,
                       incidents.c.n_independent)
                .where(incidents.c.incident_id.in_(chunk)))})
    return {e: {"incident_id": i, **{k: getattr(rows[i], k) if i in rows else 1
                                     for k in ("n_reports", "n_outlets", "n_independent")}}
            for e, i in ids.items()}


def first_event_of_each_incident(conds: list):
    """A select of the event ids that stand for their incidents among the events matching `conds`
    (store.queries.where_clauses): the first of each incident by date, then id - the order of
    `export --by incident` - so lists, maps and charts count incidents. An event not in an
    incident (not linked yet, or rejected) stands for itself."""
    incident = func.coalesce(incident_members.c.incident_id, events.c.event_id)
    ranked = (select(events.c.event_id, func.row_number().over(
                  partition_by=incident,
                  order_by=[events.c.date_from.asc().nulls_last(), events.c.event_id]).label("rank"))
              .select_from(events.outerjoin(incident_members,
                                            incident_members.c.event_id == events.c.event_id))
              .where(*conds).subquery())
    return select(ranked.c.event_id).where(ranked.c.rank == 1)


# ---------------------------------------------------------------------------- reviewers


def _members_of(conn, incident_id: str) -> list[str]:
    return list(conn.execute(select(incident_members.c.event_id)
                             .where(incident_members.c.incident_id == incident_id)
                             .order_by(incident_members.c.seq)).scalars())


def _apply_decision(conn, action: str, event_ids: list[str], new_incident_id: str | None,
                    user: str) -> set[str]:
    """Apply a merge or split to the current tables; returns the incidents touched."""
    present = dict(conn.execute(select(incident_members.c.event_id, incident_members.c.incident_id)
                                .where(incident_members.c.event_id.in_(event_ids))).all())
    if not present:
        return set()
    touched = set(present.values())
    if action == "merge":
        # Every incident holding one of the recorded events becomes one, named by the first.
        target = present.get(event_ids[0]) or next(iter(present.values()))
        for inc in touched - {target}:
            conn.execute(update(incident_members).where(incident_members.c.incident_id == inc)
                         .values(incident_id=target, reasons=[f"reviewer merge by {user}"]))
    else:
        conn.execute(update(incident_members).where(incident_members.c.event_id.in_(list(present)))
                     .values(incident_id=new_incident_id, linked_to=None, score=None,
                             reasons=[f"reviewer split by {user}"]))
        touched.add(new_incident_id)
    _refresh(conn, touched)
    return touched


def merge_incidents(store, a: str, b: str, *, user: str, note: str | None = None) -> dict:
    """Reviewer: the events of incident b join incident a. Recorded, and replayed after re-linking
    (by the events it named, so it holds whatever ids the incidents get)."""
    if a == b:
        raise IncidentError(f"{a}: cannot merge an incident with itself")
    with db.write_tx(store.engine) as conn:
        ea, eb = _members_of(conn, a), _members_of(conn, b)
        for inc, members in ((a, ea), (b, eb)):
            if not members:
                raise IncidentError(f"{inc}: no such incident")
        conn.execute(insert(incident_decisions).values(
            action="merge", incident_id=a, event_ids=ea + eb, user=user, note=note, at=_now()))
        _apply_decision(conn, "merge", ea + eb, None, user)
    return get_incident(store, a)


def split_incident(store, incident_id: str, event_ids: list[str], *, user: str,
                   note: str | None = None) -> dict:
    """Reviewer: these events leave the incident for a new one of their own; returns it."""
    with db.write_tx(store.engine) as conn:
        members = _members_of(conn, incident_id)
        if not members:
            raise IncidentError(f"{incident_id}: no such incident")
        for e in event_ids:
            if e not in members:
                raise IncidentError(f"{e}: not an event of incident {incident_id}")
        if len(set(event_ids)) >= len(members):
            raise IncidentError(f"{incident_id}: a split must leave at least one event behind")
        new_id = core.incident_id_for("split:" + ",".join(sorted(set(event_ids))))
        conn.execute(insert(incident_decisions).values(
            action="split", incident_id=incident_id, event_ids=sorted(set(event_ids)),
            new_incident_id=new_id, user=user, note=note, at=_now()))
        _apply_decision(conn, "split", sorted(set(event_ids)), new_id, user)
    return get_incident(store, new_id)


def decisions(store) -> list[dict]:
    with store.engine.connect() as conn:
        return [{"id": d.id, "action": d.action, "incident_id": d.incident_id,
                 "event_ids": d.event_ids, "new_incident_id": d.new_incident_id, "user": d.user,
                 "note": d.note, "at": d.at.isoformat()}
                for d in conn.execute(select(incident_decisions).order_by(incident_decisions.c.id))]


# ---------------------------------------------------------------------------- exports

BY_CHOICES = ("event", "incident")


def annotate_events(store, events_iter, *, by: str = "event", chunk: int = 500):
    """Stream events with `incident_id`, `sources` (the incident's outlets, or web hosts, joined
    by ";"), `independent_sources` and the incident's earliest report (`earliest_report`,
    `earliest_published`, `earliest_source`) added. by="incident": only the first event of each
    incident among those given (one row per incident, counts by incident). Events not linked yet
    count as incidents of their own."""
    if by not in BY_CHOICES:
        raise IncidentError(f"--by {by}: unknown choice (one of: {', '.join(BY_CHOICES)})")
    seen: set[str] = set()
    buffer: list[dict] = []

    def flush():
        ids = incident_ids_of_events(store, [e["event_id"] for e in buffer])
        info = _source_lists(store, set(ids.values()))
        for e in buffer:
            inc = ids.get(e["event_id"])
            if by == "incident" and inc:
                if inc in seen:
                    continue
                seen.add(inc)
            own = e.get("outlet") or core.url_host(e.get("url")) or ""
            alone = ([own], 1, (e.get("report_id"), e.get("published"), own))
            names, independent, earliest = info.get(inc, alone)
            yield dict(e, incident_id=inc or "", sources=";".join(n for n in names if n),
                       independent_sources=independent, earliest_report=earliest[0] or "",
                       earliest_published=earliest[1] or "", earliest_source=earliest[2] or "")

    for e in events_iter:
        buffer.append(e)
        if len(buffer) >= chunk:
            yield from flush()
            buffer = []
    if buffer:
        yield from flush()


def _source_lists(store, incident_ids: set[str]) -> dict[str, tuple[list[str], int, tuple]]:
    """{incident: ([outlet or host of each distinct source], number of independent sources,
    (report id, published, outlet or host) of its earliest report)}. Earliest: published first,
    reports without a date after dated ones, then as stored (core.report_order_key)."""
    out: dict[str, tuple[list[str], int, tuple]] = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(incident_ids)):
            rows = conn.execute(select(incident_members.c.incident_id, reports.c.report_id,
                                       reports.c.outlet, reports.c.url, reports.c.published,
                                       reports.c.pk)
                                .select_from(incident_members.join(
                                    reports, reports.c.report_id == incident_members.c.report_id))
                                .where(incident_members.c.incident_id.in_(chunk))
                                .order_by(incident_members.c.seq)).all()
            names: dict[str, list[str]] = {}
            first: dict[str, tuple] = {}
            for r in rows:
                name = core.canonical_outlet(r.outlet) or core.url_host(r.url) or ""
                if name not in names.setdefault(r.incident_id, []):
                    names[r.incident_id].append(name)
                key = core.report_order_key({"report_id": r.report_id, "published": r.published,
                                             "seq": r.pk})
                if r.incident_id not in first or key < first[r.incident_id][0]:
                    first[r.incident_id] = (key, (r.report_id, r.published, name))
            counts = dict(conn.execute(select(incidents.c.incident_id, incidents.c.n_independent)
                                       .where(incidents.c.incident_id.in_(chunk))).all())
            for inc, ns in names.items():
                out[inc] = (ns, counts.get(inc, 1), first[inc][1])
    return out
