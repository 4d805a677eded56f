"""Figures the map and the filter form need that the store's event listing does not give cheaply.

The map endpoint groups matching events by point and type in the database: coordinates come
from the gazetteer, so 100k events fall on at most a few thousand (place, type) points, and the
browser receives one marker per group with its count instead of one per event.
"""
from __future__ import annotations

import time

from sqlalchemy import func, select

from nkevents.store import EventFilter
from nkevents.store.queries import where_clauses
from nkevents.store.schema import events

MAX_GROUPS = 20_000  # a safety cap; gazetteer points x types stay far below it


def map_groups(store, f: EventFilter) -> dict:
    conds = where_clauses(f, store.dialect) + [events.c.lat.is_not(None), events.c.lon.is_not(None)]
    stmt = (select(events.c.place_id, func.min(events.c.place_name), events.c.lat, events.c.lon,
                   events.c.coord_precision, events.c.type, func.count(),
                   func.min(events.c.event_id), func.min(events.c.date_from),
                   func.max(events.c.date_to))
            .where(*conds)
            .group_by(events.c.place_id, events.c.lat, events.c.lon, events.c.coord_precision,
                      events.c.type)
            .order_by(func.count().desc())
            .limit(MAX_GROUPS))
    groups = []
    total = 0
    with store.engine.connect() as conn:
        for pid, name, lat, lon, precision, etype, n, first_id, since, until in conn.execute(stmt):
            total += n
            groups.append({"place_id": pid, "place_name": name, "lat": lat, "lon": lon,
                           "coord_precision": precision or "own", "type": etype, "count": n,
                           "event_id": first_id if n == 1 else None,
                           "since": since, "until": until})
        unplaced = conn.execute(select(func.count()).select_from(events).where(
            *where_clauses(f, store.dialect),
            events.c.lat.is_(None) | events.c.lon.is_(None))).scalar_one()
    return {"groups": groups, "events": total, "unplaced": unplaced}


class PlaceOptions:
    """Distinct stored place ids and names for the filter form's suggestions, cached briefly."""

    def __init__(self, ttl: float = 600.0):
        self.ttl = ttl
        self._value: list[tuple[str, str]] = []
        self._at = -1e9

    def get(self, store) -> list[tuple[str, str]]:
        if time.monotonic() - self._at > self.ttl:
            stmt = (select(events.c.place_id, func.min(events.c.place_name))
                    .where(events.c.place_id.is_not(None)).group_by(events.c.place_id)
                    .order_by(events.c.place_id))
            with store.engine.connect() as conn:
                rows = [(pid, name or pid) for pid, name in conn.execute(stmt)]
            # provinces and other ancestors of stored places are valid filters too
            ids = {pid for pid, _ in rows}
            names = dict(rows)
            for pid in list(ids):
                parts = pid.split(".")
                for i in range(1, len(parts)):
                    ids.add(".".join(parts[:i]))
            self._value = [(pid, names.get(pid, pid.rsplit(".", 1)[-1])) for pid in sorted(ids)]
            self._at = time.monotonic()
        return self._value


class ResultCache:
    """Answers of expensive whole-table reads (map groups, chart figures) kept for `ttl` seconds
    per filter. Writes made through the app clear it at once; writes from elsewhere (the CLI, an
    ingest) show up within `ttl` seconds."""

    def __init__(self, ttl: float = 30.0, max_entries: int = 256):
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: dict[str, tuple[float, object]] = {}

    def get(self, key: str, compute):
        now = time.monotonic()
        hit = self._entries.get(key)
        if hit and now - hit[0] < self.ttl:
            return hit[1]
        value = compute()
        if len(self._entries) >= self.max_entries:
            self._entries.clear()
        self._entries[key] = (now, value)
        return value

    def clear(self) -> None:
        self._entries.clear()
