"""Exports of stored events: CSV in ACLED-style columns, a GeoJSON FeatureCollection, JSON Lines.

The writers take any iterable of event dicts as `Store.query_events` / `Store.iter_events` give
them, so they stream: an export of a million events never holds them all in memory.

CSV columns (one row per event): see CSV_COLUMNS. admin1/admin2/admin3 are the names of the
province, the city or county, and the district or town that contain the event's place, read from
the gazetteer (its ids are dotted paths down that hierarchy); `geo_precision` follows ACLED
(1 = the town itself, 2 = part of a region, 3 = a province or larger) from the place's level and
whether its coordinate is its own (data/store.toml [geo_precision]).
"""
from __future__ import annotations

import csv
import json
from functools import lru_cache
from typing import IO, Iterable

CSV_COLUMNS = (
    "event_id", "event_date", "event_date_end", "time_precision", "event_type", "charges",
    "penalty", "penalty_min_months", "penalty_max_months", "actor1", "actors", "subjects_count",
    "modality", "admin1", "admin2", "admin3", "location", "place_id", "latitude", "longitude",
    "geo_precision", "source", "source_url", "published", "report_id", "review_status", "notes",
    # filled when the events come through store.incidents.annotate_events (docs/incidents.md)
    "incident_id", "sources", "independent_sources",
    # the incident's earliest report: who told it first (id, publication date, outlet or host)
    "earliest_report", "earliest_published", "earliest_source",
)
FORMATS = ("csv", "jsonl", "geojson")
LIST_SEP = ";"


@lru_cache(maxsize=1)
def _gazetteer():
    try:
        from nkevents.gazetteer import Gazetteer
        return Gazetteer.load()
    except Exception:  # not installed yet, or no data: names fall back to the ids
        return None


def place_name(place_id: str, known: dict[str, str] | None = None) -> str:
    """A place's name from the gazetteer, else from `known` (names the event itself carries),
    else its id's last part made readable ("north-hamgyong" -> "North Hamgyong")."""
    gaz = _gazetteer()
    if gaz is not None:
        try:
            place = gaz.get(place_id)
        except Exception:
            place = None
        if place is not None:
            return place.name
    if known and place_id in known:
        return known[place_id]
    return place_id.rsplit(".", 1)[-1].replace("-", " ").title()


def admin_levels(place: dict | None) -> tuple[str, str, str]:
    """(admin1, admin2, admin3) names for a place: the ancestors two, three and four parts deep
    in the dotted id ("kp.north-hamgyong.chongjin.sunam" -> North Hamgyong, Chongjin, Sunam)."""
    if not place or not place.get("id"):
        return "", "", ""
    gaz = _gazetteer()
    if gaz is not None and hasattr(gaz, "admin_names") and gaz.get(place["id"]) is not None:
        names = gaz.admin_names(place["id"])
        return names["admin1"] or "", names["admin2"] or "", names["admin3"] or ""
    parts = place["id"].split(".")
    known = {place["id"]: place.get("name") or ""}
    names = []
    for depth in (2, 3, 4):
        names.append(place_name(".".join(parts[:depth]), known) if len(parts) >= depth else "")
    return names[0], names[1], names[2]


@lru_cache(maxsize=1)
def _precision_by_level() -> dict:
    from nkevents.store.queries import store_settings
    return store_settings()["geo_precision"]


def geo_precision(place: dict | None) -> int | None:
    if not place or not place.get("id"):
        return None
    level = place.get("level")
    value = _precision_by_level().get(level, 3 if level is None else 2)
    if place.get("coord_precision") in ("parent", "approximate"):
        value += 1
    return min(value, 3)


def _authority_ids(event: dict) -> list[str]:
    return [a["id"] for a in event.get("actors") or [] if a.get("role") in ("authority", "issuer")]


def csv_row(event: dict) -> dict:
    date = event.get("date") or {}
    place = event.get("place") or {}
    penalty = event.get("penalty") or {}
    admin1, admin2, admin3 = admin_levels(place)
    return {
        "event_id": event["event_id"],
        "event_date": date.get("start") or "",
        "event_date_end": date.get("end") or "",
        "time_precision": date.get("precision") or "",
        "event_type": event["type"],
        "charges": LIST_SEP.join(event.get("charges") or []),
        "penalty": penalty.get("kind") or "",
        "penalty_min_months": _blank(penalty.get("min_months")),
        "penalty_max_months": _blank(penalty.get("max_months")),
        "actor1": LIST_SEP.join(_authority_ids(event)),
        "actors": LIST_SEP.join(f"{a['id']}:{a.get('role', '')}" for a in event.get("actors") or []),
        "subjects_count": _blank((event.get("subjects") or {}).get("count")),
        "modality": event.get("modality") or "",
        "admin1": admin1, "admin2": admin2, "admin3": admin3,
        "location": place.get("name") or "",
        "place_id": place.get("id") or "",
        "latitude": _blank(place.get("lat")),
        "longitude": _blank(place.get("lon")),
        "geo_precision": _blank(geo_precision(place)),
        "source": event.get("outlet") or "",
        "source_url": event.get("url") or "",
        "published": event.get("published") or "",
        "report_id": event.get("report_id") or "",
        "review_status": event.get("review_status") or "",
        "notes": " ".join((event.get("evidence_text") or "").split()),
        "incident_id": event.get("incident_id") or "",
        "sources": event.get("sources") or "",
        "independent_sources": _blank(event.get("independent_sources")),
        "earliest_report": event.get("earliest_report") or "",
        "earliest_published": event.get("earliest_published") or "",
        "earliest_source": event.get("earliest_source") or "",
    }


def _blank(value):
    return "" if value is None else value


def write_csv(events: Iterable[dict], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(csv_row(event))
        n += 1
    return n


def write_jsonl(events: Iterable[dict], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def write_geojson(events: Iterable[dict], out: IO[str]) -> tuple[int, int]:
    """A FeatureCollection of the events that have coordinates, written as it goes.
    Returns (features written, events skipped for want of coordinates)."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    written = skipped = 0
    for event in events:
        place = event.get("place") or {}
        if place.get("lat") is None or place.get("lon") is None:
            skipped += 1
            continue
        props = csv_row(event)
        del props["latitude"], props["longitude"]
        props["charges"] = list(event.get("charges") or [])
        feature = {"type": "Feature", "id": event["event_id"],
                   "geometry": {"type": "Point", "coordinates": [place["lon"], place["lat"]]},
                   "properties": props}
        out.write((",\n" if written else "") + json.dumps(feature, ensure_ascii=False))
        written += 1
    out.write("\n]}\n")
    return written, skipped


def export(events: Iterable[dict], fmt: str, out: IO[str]) -> dict:
    """Write events in a format; returns {"written": n, "skipped": n}."""
    if fmt == "csv":
        return {"written": write_csv(events, out), "skipped": 0}
    if fmt == "jsonl":
        return {"written": write_jsonl(events, out), "skipped": 0}
    if fmt == "geojson":
        written, skipped = write_geojson(events, out)
        return {"written": written, "skipped": skipped}
    raise ValueError(f"unknown export format {fmt!r} (one of: {', '.join(FORMATS)})")
