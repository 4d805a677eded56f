"""Reading the record: event filters, event and report views, full-text search, chart figures."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from typing import Iterator, Sequence

from sqlalchemy import (Connection, and_, func, literal_column, or_, select, text)

from nkevents.store.schema import event_actors, event_charges, events, reports, reviews

Many = str | Sequence[str] | None


@dataclass
class EventFilter:
    """Which events to list. Every field is optional; a list means "any of these".

    place: a gazetteer id; matches that place and everything inside it.
    since/until: ISO dates; an event matches when its date range overlaps [since, until]
    (events without a full date do not match a date filter).
    review_status: by default rejected events are left out; name it to see them.
    q: full-text query over report title and text.
    include_superseded: also events of older revisions of a report (default: current only).
    by: "event" (default) or "incident": only the first event (by date, then id) of each incident
    among the matching ones, so lists, counts, maps and exports count incidents
    (docs/incidents.md; an event not linked yet counts as an incident of its own).
    """
    type: Many = None
    place: Many = None
    since: str | None = None
    until: str | None = None
    charge: Many = None
    penalty: Many = None
    actor: Many = None
    outlet: Many = None
    modality: Many = None
    review_status: Many = None
    q: str | None = None
    report_id: Many = None
    include_superseded: bool = False
    by: str = "event"

    @classmethod
    def from_dict(cls, d: dict) -> "EventFilter":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names and v not in (None, "", [])})


def _many(value: Many) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return [v for v in value if v]


def subtree_condition(place_ids: list[str]):
    """A place and everything inside it: place_key (= place_id + ".") in ["X.", "X/"), one index
    range per place ("/" is the character after "."). Same rows as place_id = X OR LIKE 'X.%'."""
    return or_(*[and_(events.c.place_key >= f"{p}.", events.c.place_key < f"{p}/")
                 for p in place_ids])


def where_clauses(f: EventFilter | None, dialect: str) -> list:
    f = f or EventFilter()
    conds = []
    if not f.include_superseded:
        conds.append(events.c.is_current.is_(True))
    if types := _many(f.type):
        conds.append(events.c.type.in_(types))
    if places := _many(f.place):
        conds.append(subtree_condition(places))
    if f.since:
        conds.append(events.c.date_to >= f.since)
    if f.until:
        conds.append(events.c.date_from <= f.until)
    if charges := _many(f.charge):
        conds.append(events.c.event_id.in_(
            select(event_charges.c.event_id).where(event_charges.c.charge.in_(charges))))
    if penalties := _many(f.penalty):
        conds.append(events.c.penalty_kind.in_(penalties))
    if actors := _many(f.actor):
        conds.append(events.c.event_id.in_(
            select(event_actors.c.event_id).where(event_actors.c.actor_id.in_(actors))))
    if outlets := _many(f.outlet):
        conds.append(events.c.report_id.in_(
            select(reports.c.report_id).where(reports.c.outlet.in_(outlets))))
    if modalities := _many(f.modality):
        conds.append(events.c.modality.in_(modalities))
    statuses = _many(f.review_status)
    if statuses:
        conds.append(events.c.review_status.in_(statuses))
    else:
        conds.append(events.c.review_status != "rejected")
    if report_ids := _many(f.report_id):
        conds.append(events.c.report_id.in_(report_ids))
    if f.q:
        conds.append(events.c.report_id.in_(
            select(reports.c.report_id).where(reports.c.pk.in_(fts_pks(f.q, dialect)))))
    if f.by == "incident":
        from nkevents.store.incidents import first_event_of_each_incident  # it imports this module
        conds = [events.c.event_id.in_(first_event_of_each_incident(conds))]
    return conds


ORDERS = {
    "date": lambda: [events.c.date_from.asc().nulls_last(), events.c.event_id],
    "-date": lambda: [events.c.date_from.desc().nulls_last(), events.c.event_id],
    "published": lambda: [reports.c.published.asc().nulls_last(), events.c.seq],
    "-published": lambda: [reports.c.published.desc().nulls_last(), events.c.seq],
    "report": lambda: [events.c.report_id, events.c.seq],
    "confidence": lambda: [events.c.confidence.desc(), events.c.event_id],
}

LIST_COLUMNS = (events.c.event_id, events.c.report_id, events.c.review_status, events.c.origin,
                events.c.extractor_version, events.c.data, events.c.is_current,
                reports.c.outlet, reports.c.url, reports.c.published, reports.c.title,
                func.substr(reports.c.text, events.c.evidence_start + 1,
                            events.c.evidence_end - events.c.evidence_start).label("evidence_text"))


def event_row_dict(row) -> dict:
    """The spec event object plus the record's fields."""
    out = dict(row.data)
    out.update(event_id=row.event_id, report_id=row.report_id, review_status=row.review_status,
               origin=row.origin, extractor_version=row.extractor_version, outlet=row.outlet,
               url=row.url, published=row.published, title=row.title,
               evidence_text=row.evidence_text, is_current=bool(row.is_current))
    return out


def _listing(f: EventFilter | None, dialect: str, order: str):
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r} (one of: {', '.join(ORDERS)})")
    return (select(*LIST_COLUMNS).select_from(events.join(reports, events.c.report_id == reports.c.report_id))
            .where(*where_clauses(f, dialect)).order_by(*ORDERS[order]()))


# Orders that need only the events table: their pages are found on it alone, then joined.
EVENT_ONLY_ORDERS = {"date", "-date", "report", "confidence"}


def query_events(conn: Connection, f: EventFilter | None, *, limit: int = 50, offset: int = 0,
                 order: str = "date") -> tuple[list[dict], int]:
    dialect = conn.dialect.name
    stmt = _listing(f, dialect, order).limit(limit).offset(offset)
    if order in EVENT_ONLY_ORDERS and offset:
        # a deep page: skip rows on the narrow events table (no join, no evidence text), then join
        # only the page's rows (page 1000 of 2000 at 100k events: ~500 ms -> ~200 ms)
        page = (select(events.c.event_id).where(*where_clauses(f, dialect))
                .order_by(*ORDERS[order]()).limit(limit).offset(offset).subquery())
        stmt = (select(*LIST_COLUMNS).select_from(events.join(reports, events.c.report_id == reports.c.report_id))
                .where(events.c.event_id.in_(select(page.c.event_id))).order_by(*ORDERS[order]()))
    rows = [event_row_dict(r) for r in conn.execute(stmt)]
    total = conn.execute(select(func.count()).select_from(events)
                         .where(*where_clauses(f, dialect))).scalar_one()
    return rows, total


def iter_events(conn: Connection, f: EventFilter | None, order: str = "date",
                batch: int = 1000) -> Iterator[dict]:
    """Every matching event, streamed (for exports)."""
    result = conn.execution_options(yield_per=batch).execute(_listing(f, conn.dialect.name, order))
    for row in result:
        yield event_row_dict(row)


REPORT_FIELDS = ("report_id", "url", "outlet", "title", "published", "revision", "is_current",
                 "supersedes", "source", "extractor_version", "ingested_at")


def _report_summary(row) -> dict:
    out = {k: getattr(row, k) for k in REPORT_FIELDS if hasattr(row, k)}
    if out.get("ingested_at") is not None:
        out["ingested_at"] = out["ingested_at"].isoformat()
    return out


def review_history(conn: Connection, event_id: str) -> list[dict]:
    rows = conn.execute(select(reviews).where(reviews.c.event_id == event_id)
                        .order_by(reviews.c.id))
    return [{"id": r.id, "event_id": r.event_id, "user": r.user, "action": r.action,
             "changes": r.changes, "note": r.note, "before": r.before, "at": r.at.isoformat()}
            for r in rows]


def get_event(conn: Connection, event_id: str) -> dict | None:
    row = conn.execute(select(*LIST_COLUMNS, events.c.machine_data)
                       .select_from(events.join(reports, events.c.report_id == reports.c.report_id))
                       .where(events.c.event_id == event_id)).first()
    if row is None:
        return None
    out = event_row_dict(row)
    out["machine_data"] = row.machine_data
    rep = conn.execute(select(reports.c.report_id, reports.c.title, reports.c.url,
                              reports.c.outlet, reports.c.published, reports.c.text,
                              reports.c.sentences)
                       .where(reports.c.report_id == row.report_id)).one()
    out["report"] = {"id": rep.report_id, "report_id": rep.report_id, "title": rep.title,
                     "url": rep.url, "outlet": rep.outlet, "published": rep.published,
                     "text": rep.text}
    out["evidence_sentences"] = [rep.text[e["start"]:e["end"]] for e in out.get("evidence") or []]
    out["history"] = review_history(conn, event_id)
    return out


def get_report(conn: Connection, report_id: str) -> dict | None:
    row = conn.execute(select(reports).where(reports.c.report_id == report_id)).first()
    if row is None:
        return None
    out = _report_summary(row)
    out.update(id=row.report_id, text=row.text, removed=row.removed or [], places=row.places or [],
               content_hash=row.content_hash, text_hash=row.text_hash)
    evs, _ = query_events(conn, EventFilter(report_id=report_id, include_superseded=True,
                                            review_status=list(STATUSES)),
                          limit=100_000, order="report")
    out["events"] = evs
    revisions = []
    if row.url:
        revisions = [_report_summary(r) for r in conn.execute(
            select(reports).where(reports.c.url == row.url).order_by(reports.c.revision))]
    out["revisions"] = revisions
    return out


STATUSES = ("machine", "confirmed", "corrected", "rejected", "added")

# ---------------------------------------------------------------- full-text search

WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(q: str) -> list[str]:
    return [w.lower() for w in WORD.findall(q)]


def fts_pks(q: str, dialect: str):
    """A select of reports.pk matching the query (all terms, stemmed), best first."""
    terms = query_terms(q)
    if dialect == "sqlite":
        match = " ".join(f'"{t}"' for t in terms) or '""'
        return (select(literal_column("rowid")).select_from(text("reports_fts"))
                .where(text("reports_fts MATCH :match").bindparams(match=match)))
    tsq = func.plainto_tsquery("english", " ".join(terms))
    return select(reports.c.pk).where(literal_column("reports.search_vector").op("@@")(tsq))


def search(conn: Connection, q: str, *, limit: int = 20, offset: int = 0,
           include_superseded: bool = False) -> list[dict]:
    """Reports matching `q`, best first: report fields, the matching sentences and the events."""
    terms = query_terms(q)
    if not terms:
        return []
    dialect = conn.dialect.name
    if dialect == "sqlite":
        match = " ".join(f'"{t}"' for t in terms)
        sql = ("SELECT reports.pk FROM reports_fts JOIN reports ON reports.pk = reports_fts.rowid "
               "WHERE reports_fts MATCH :match" +
               ("" if include_superseded else " AND reports.is_current = 1") +
               " ORDER BY bm25(reports_fts, 3.0, 1.0), reports.pk LIMIT :limit OFFSET :offset")
        pks = [r[0] for r in conn.execute(text(sql), {"match": match, "limit": limit,
                                                      "offset": offset})]
    else:
        sql = ("SELECT pk FROM reports, plainto_tsquery('english', :q) query "
               "WHERE search_vector @@ query" +
               ("" if include_superseded else " AND is_current") +
               " ORDER BY ts_rank(search_vector, query) DESC, pk LIMIT :limit OFFSET :offset")
        pks = [r[0] for r in conn.execute(text(sql), {"q": " ".join(terms), "limit": limit,
                                                      "offset": offset})]
    if not pks:
        return []
    rows = {r.pk: r for r in conn.execute(select(reports).where(reports.c.pk.in_(pks)))}
    hits = []
    for pk in pks:
        row = rows[pk]
        hit = _report_summary(row)
        matches = matching_sentences(row.text, row.sentences or [], terms)
        hit["sentences"] = matches
        hit["snippet"] = " … ".join(m["text"] for m in matches[:2])
        evs, _ = query_events(conn, EventFilter(report_id=row.report_id,
                                                include_superseded=include_superseded),
                              limit=1000, order="report")
        hit["events"] = evs
        hits.append(hit)
    return hits


def _stem_prefix(term: str) -> str:
    """A crude stem so "smuggling" finds "smuggled" when showing the matching sentence (the
    database's own stemmer decided the hit; this only picks which sentence to show)."""
    for suffix in ("ings", "ing", "ed", "es", "s"):
        if term.endswith(suffix) and len(term) - len(suffix) >= 4:
            return term[: -len(suffix)]
    return term


def matching_sentences(text_: str, sentences: list, terms: list[str], top: int = 3) -> list[dict]:
    """The sentences holding most of the query terms, in text order."""
    spans = [tuple(s) for s in sentences] or _rough_sentences(text_)
    stems = [_stem_prefix(t) for t in terms]
    scored = []
    for start, end in spans:
        words = [w.lower() for w in WORD.findall(text_[start:end])]
        score = sum(1 for s in stems if any(w.startswith(s) for w in words))
        if score:
            scored.append((score, start, end))
    best = sorted(scored, key=lambda x: (-x[0], x[1]))[:top]
    return [{"start": s, "end": e, "text": text_[s:e]} for _, s, e in sorted(best, key=lambda x: x[1])]


def _rough_sentences(text_: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text_) if m.group().strip()]


# ---------------------------------------------------------------- figures for charts

@lru_cache(maxsize=1)
def store_settings() -> dict:
    return tomllib.loads(resources.files("nkevents.data").joinpath("store.toml").read_text("utf-8"))


def stats(conn: Connection, f: EventFilter | None) -> dict:
    conds = where_clauses(f, conn.dialect.name)
    month = func.substr(events.c.date_from, 1, 7)
    per_month = [{"month": m, "type": t, "count": n} for m, t, n in conn.execute(
        select(month, events.c.type, func.count()).where(*conds, events.c.date_from.is_not(None))
        .group_by(month, events.c.type).order_by(month, events.c.type))]
    sentence_conds = conds + [events.c.type == "sentence"]
    by_charge = [{"charge": c, "penalty": p, "count": n} for c, p, n in conn.execute(
        select(event_charges.c.charge, events.c.penalty_kind, func.count())
        .select_from(events.join(event_charges, event_charges.c.event_id == events.c.event_id))
        .where(*sentence_conds).group_by(event_charges.c.charge, events.c.penalty_kind)
        .order_by(func.count().desc(), event_charges.c.charge))]
    by_penalty = [{"penalty": p, "count": n} for p, n in conn.execute(
        select(events.c.penalty_kind, func.count()).where(*sentence_conds)
        .group_by(events.c.penalty_kind).order_by(func.count().desc()))]
    buckets = store_settings()["sentence_length_buckets"]
    lengths = {b["label"]: 0 for b in buckets}
    lengths.update({"life": 0, "death": 0})
    for kind, lo, hi in conn.execute(select(events.c.penalty_kind, events.c.penalty_min,
                                            events.c.penalty_max).where(*sentence_conds)):
        if kind in ("life_imprisonment", "death"):
            lengths["life" if kind == "life_imprisonment" else "death"] += 1
            continue
        months = hi if hi is not None else lo
        if months is None:
            continue
        for b in buckets:
            if b["min"] <= months < b["max"]:
                lengths[b["label"]] += 1
                break
    top_places = [{"place_id": p, "place_name": name, "count": n} for p, name, n in conn.execute(
        select(events.c.place_id, func.min(events.c.place_name), func.count())
        .where(*conds, events.c.place_id.is_not(None)).group_by(events.c.place_id)
        .order_by(func.count().desc(), events.c.place_id).limit(15))]
    by_type = {t: n for t, n in conn.execute(select(events.c.type, func.count()).where(*conds)
                                              .group_by(events.c.type))}
    return {
        "total": sum(by_type.values()),
        "by_type": by_type,
        "per_month_by_type": per_month,
        "sentences_by_charge_and_penalty": by_charge,
        "sentences_by_penalty": by_penalty,
        "sentence_lengths": [{"bucket": k, "count": v} for k, v in lengths.items()],
        "top_places": top_places,
    }


def resolve_place(conn: Connection, value: str) -> list[str]:
    """Place ids a user's place argument means: an id as is ("kp.north-hamgyong"), else ids whose
    last part or name matches ("north-hamgyong", "Chongjin"), from the gazetteer when it is
    installed and from the stored events otherwise."""
    if "." in value or value == "kp":
        return [value]
    slug = value.strip().lower().replace(" ", "-")
    try:
        from nkevents.gazetteer import Gazetteer  # noqa: PLC0415 (optional while being written)
        gaz = Gazetteer.load()
        ids = [p.id for p in gaz.places() if p.id.rsplit(".", 1)[-1] == slug]
        ids = ids or [p.id for p in gaz.find(value)]
        if ids:
            return sorted(set(ids))
    except Exception:  # the gazetteer module is optional here: fall back to stored ids
        pass
    rows = conn.execute(select(events.c.place_id, events.c.place_name).distinct()
                        .where(events.c.place_id.is_not(None)))
    ids = set()
    for pid, name in rows:
        parts = pid.split(".")
        for i in range(1, len(parts) + 1):
            if parts[i - 1] == slug:
                ids.add(".".join(parts[:i]))
        if name and name.lower() == value.strip().lower():
            ids.add(pid)
    return sorted(ids) or [value]
