"""`nkevents incidents`: list incidents (one occurrence, many reports); merge, split, relink.

    nkevents incidents [--type T] [--place P] [--since D] [--until D] [--min-reports N] [--format table|json]
    nkevents incidents show INCIDENT [--format text|json]
    nkevents incidents merge A B [--user U] [--note WHY]
    nkevents incidents split INCIDENT EVENT... [--user U] [--note WHY]
    nkevents incidents relink

Listing first links any stored event not yet in an incident, so it is always up to date.
"""
from __future__ import annotations

import json
import os
import sys
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from nkevents.cli import app
from nkevents.cli.common import DbOpt, err, fail, open_store, out
from nkevents.model import url_host


incidents_app = typer.Typer(help="Incidents: the reports and events of one occurrence.",
                            no_args_is_help=False, add_completion=False)
app.add_typer(incidents_app, name="incidents")

UserOpt = typer.Option(None, "--user", help="Reviewer name (default $NKEVENTS_USER or $USER).")
NoteOpt = typer.Option(None, "--note", help="Why.")






def _user(user: Optional[str]) -> str:
    return user or os.environ.get("NKEVENTS_USER") or os.environ.get("USER") or "unknown"


def _date_text(d: dict | None) -> str:
    if not d:
        return ""
    if d.get("end") and d["end"] != d["start"]:
        return f"{d['start']}..{d['end']}"
    return d["start"]


def _print_table(found: list[dict]) -> None:
    table = Table(title=f"{len(found)} incidents", show_lines=True)
    table.add_column("incident", no_wrap=True)
    for col in ("type", "date", "place"):
        table.add_column(col, overflow="fold")
    for col in ("ev", "rep", "out", "ind"):
        table.add_column(col, justify="right")
    table.add_column("sources (outlet, published, independence)", overflow="fold", min_width=24)
    for i in found:
        sources = "\n".join(
            f"{r['outlet'] or url_host(r['url']) or r['id']} {r['published'] or ''}".strip()
            + ("" if r["independent"] else
               f" (copies {r['copies']})" if r["copies"] else f" (cites {', '.join(r['cites'])})")
            for r in i["reports"])
        table.add_row(i["id"], i["type"], _date_text(i["date"]), i["place"] or "",
                      str(len(i["events"])), str(i["n_reports"]), str(i["n_outlets"]),
                      str(i["n_independent"]), escape(sources))
    out.print(table)


def print_incident_of_event(incident: dict | None, event_id: str, console: Console) -> None:
    """The incident part of `nkevents show EVENT`: the other reports and why the event is there."""
    if not incident:
        return
    others = [r for r in incident["reports"] if not event_id.startswith(r["id"])]
    console.print(f"\n  incident  {incident['id']}: {incident['n_reports']} reports, "
                  f"{incident['n_outlets']} outlets, {incident['n_independent']} independent")
    for r in others:
        how = ("independent" if r["independent"] else
               f"copies {r['copies']}" if r["copies"] else f"cites {', '.join(r['cites'])}")
        console.print(f"    {r['id']}  {escape(r['outlet'] or r['url'] or '')}  "
                      f"{r['published'] or ''}  ({how})")
    link = next((l for l in incident["links"] if l["event"] == event_id), None)
    if link and link["reasons"]:
        console.print(f"    linked to {link['linked_to'] or '-'}: {escape('; '.join(link['reasons']))}")


@incidents_app.callback(invoke_without_command=True)
def incidents(
    ctx: typer.Context,
    type: Optional[List[str]] = typer.Option(None, "--type", help="Event type (repeatable)."),
    place: Optional[str] = typer.Option(None, "--place", help="Place id or name; includes everything inside it."),
    since: Optional[str] = typer.Option(None, "--since", help="Incidents whose dates reach this date (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Incidents whose dates start on or before this date."),
    min_reports: int = typer.Option(1, "--min-reports", help="Only incidents told by at least this many reports."),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most this many incidents."),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    db: Optional[str] = DbOpt,
):
    """List incidents: type, dates, place, events, reports, outlets and independent sources."""
    if ctx.invoked_subcommand is not None:
        return
    import re
    from nkevents.store import incidents as inc
    if format not in ("table", "json"):
        fail(f"--format {format}: unknown format (one of: table, json)", 2)
    for name, value in (("--since", since), ("--until", until)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{name} {value}: not a date (YYYY-MM-DD, YYYY-MM or YYYY)", 2)
    if since and len(since) < 10:
        since = since + "-01-01"[len(since) - 4:]
    if until and len(until) < 10:
        until = until + ("-12-31" if len(until) == 4 else "-31")
    from nkevents.store.queries import store_settings
    for t in type or []:
        if t not in store_settings()["codes"]["types"]:
            fail(f"--type {t}: unknown event type", 2)
    store = open_store(db)
    places = [None]
    if place:
        places = store.resolve_place(place)
        if not places:
            fail(f"--place {place}: unknown place")
    inc.link_pending(store)
    found, seen = [], set()
    for p in places:
        for i in inc.list_incidents(store, type=type, place=p, since=since, until=until,
                                    min_reports=min_reports, limit=limit):
            if i["id"] not in seen:
                seen.add(i["id"])
                found.append(i)
    store.close()
    if format == "json":
        sys.stdout.write(json.dumps(found, ensure_ascii=False) + "\n")
    else:
        _print_table(found)


def _event_line(ev: dict) -> str:
    """type, date, place, people, penalty, charges of one event, as one short line."""
    bits = [ev.get("type") or "?", _date_text(ev.get("date")) or "no date",
            (ev.get("place") or {}).get("id") or "no place"]
    count = (ev.get("subjects") or {}).get("count")
    if count:
        bits.append(f"{count} people")
    if (ev.get("penalty") or {}).get("kind"):
        bits.append(ev["penalty"]["kind"])
    if ev.get("charges"):
        bits.append(",".join(ev["charges"]))
    if ev.get("modality") and ev["modality"] != "asserted":
        bits.append(ev["modality"])
    return "  ".join(bits)


def print_incident(incident: dict, events: list[dict], console: Console) -> None:
    """`nkevents incidents show`: the incident, its reports, its events and why each is there."""
    console.print(f"{incident['id']}  {incident['type']}  {_date_text(incident['date']) or 'no date'}"
                  f"  {incident['place'] or 'no place'}")
    console.print(f"  {incident['n_reports']} reports, {incident['n_outlets']} outlets, "
                  f"{incident['n_independent']} independent sources")
    console.print("reports (earliest first)")
    for r in incident["reports"]:
        how = ("independent" if r["independent"] else
               f"copies {r['copies']}" if r["copies"] else f"cites {', '.join(r['cites'])}")
        first = "  earliest" if r["id"] == incident.get("earliest_report") else ""
        console.print(f"  {r['id']}  {escape(r['outlet'] or '-')}  {r['published'] or 'no date'}"
                      f"  ({how}){first}")
        if r.get("title"):
            console.print(f"      {escape(r['title'])}")
        if r.get("url"):
            console.print(f"      {escape(r['url'])}")
    console.print("events, and why each is in the incident")
    by_id = {e["event_id"]: e for e in events}
    for link in incident["links"]:
        ev = by_id.get(link["event"], {})
        console.print(f"  {link['event']}  {escape(_event_line(ev))}")
        if link["linked_to"]:
            console.print(f"      linked to {link['linked_to']} (score {link['score']:g}): "
                          f"{escape('; '.join(link['reasons']))}")
        else:
            why = "; ".join(link["reasons"]) or "founded the incident"
            console.print(f"      {escape(why)}")


@incidents_app.command()
def show(incident: str = typer.Argument(..., help="Incident id (inc-...)."),
         format: str = typer.Option("text", "--format", "-f", help="text | json"),
         db: Optional[str] = DbOpt):
    """An incident: its reports (earliest first, with their independence), its events, and the
    reasons each event was linked."""
    from nkevents.store import incidents as inc
    if format not in ("text", "json"):
        fail(f"--format {format}: unknown format (one of: text, json)", 2)
    store = open_store(db)
    inc.link_pending(store)
    found = inc.get_incident(store, incident)
    if found is None:
        store.close()
        fail(f"{incident}: no such incident")
    events = inc.incident_events(store, incident)
    store.close()
    if format == "json":
        sys.stdout.write(json.dumps(dict(found, event_data=events), ensure_ascii=False) + "\n")
    else:
        print_incident(found, events, Console(highlight=False, soft_wrap=True))


@incidents_app.command()
def merge(a: str = typer.Argument(..., help="Incident that stays."),
          b: str = typer.Argument(..., help="Incident whose events join A."),
          user: Optional[str] = UserOpt, note: Optional[str] = NoteOpt, db: Optional[str] = DbOpt):
    """Reviewer: the events of incident B join incident A (kept when incidents are re-linked)."""
    from nkevents.store import incidents as inc
    store = open_store(db)
    inc.link_pending(store)
    try:
        merged = inc.merge_incidents(store, a, b, user=_user(user), note=note)
    except inc.IncidentError as e:
        fail(str(e))
    err.print(f"{merged['id']}: {len(merged['events'])} events, {merged['n_reports']} reports")


@incidents_app.command()
def split(incident: str = typer.Argument(..., help="Incident to split."),
          events: List[str] = typer.Argument(..., help="Events that leave it for a new incident."),
          user: Optional[str] = UserOpt, note: Optional[str] = NoteOpt, db: Optional[str] = DbOpt):
    """Reviewer: these events leave the incident for a new one (kept when incidents are re-linked)."""
    from nkevents.store import incidents as inc
    store = open_store(db)
    inc.link_pending(store)
    try:
        new = inc.split_incident(store, incident, events, user=_user(user), note=note)
    except inc.IncidentError as e:
        fail(str(e))
    err.print(f"{new['id']}: new incident with {len(new['events'])} events split from {incident}")


@incidents_app.command()
def relink(db: Optional[str] = DbOpt):
    """Rebuild every incident from the stored events, then replay reviewers' merges and splits."""
    from nkevents.store import incidents as inc
    store = open_store(db)
    n = inc.relink(store)
    err.print(f"{n} events linked into {len(inc.list_incidents(store))} incidents")
