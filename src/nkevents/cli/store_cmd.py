"""Commands on the record: ingest, events, search, show, report, export, review, failures, reextract.

Every command takes --db (a file path, sqlite:///FILE or postgresql://...; default $NKEVENTS_DB or
./nkevents.db). Errors a user can cause end in a one-line message and exit status 1 or 2.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape
from rich.table import Table

from nkevents.cli import app
from nkevents.cli.common import DbOpt, err, fail, open_store, out








def _filter(store, *, type=None, place=None, since=None, until=None, charge=None, penalty=None,
            actor=None, outlet=None, modality=None, status=None, q=None, report=None):
    from nkevents.store import EventFilter
    from nkevents.store.queries import store_settings
    codes = store_settings()["codes"]
    for name, values, allowed in (("--type", type, codes["types"]), ("--charge", charge, codes["charges"]),
                                  ("--penalty", penalty, codes["penalties"]),
                                  ("--modality", modality, codes["modalities"])):
        for v in values or []:
            if v not in allowed:
                fail(f"{name} {v}: unknown value (one of: {', '.join(allowed)})", 2)
    for name, value in (("--since", since), ("--until", until)):
        if value and not _is_date(value):
            fail(f"{name} {value}: not a date (YYYY-MM-DD, YYYY-MM or YYYY)", 2)
    places = []
    for p in place or []:
        places += store.resolve_place(p)
    return EventFilter(type=type or None, place=places or None, since=_date_floor(since),
                       until=_date_ceiling(until), charge=charge or None, penalty=penalty or None,
                       actor=actor or None, outlet=outlet or None, modality=modality or None,
                       review_status=status or None, q=q, report_id=report or None)


def _is_date(value: str) -> bool:
    import re
    return bool(re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value))


def _date_floor(value):
    if not value:
        return None
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def _date_ceiling(value):
    if not value:
        return None
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        return value + "-31"  # string comparison: no stored date is greater than YYYY-MM-31
    return value


# Shared filter options (Typer wants them spelled out on each command).
TypeOpt = typer.Option(None, "--type", help="Event type (repeatable).")
PlaceOpt = typer.Option(None, "--place", help="Place id or name; includes everything inside it.")
SinceOpt = typer.Option(None, "--since", help="Events whose dates reach this date or later.")
UntilOpt = typer.Option(None, "--until", help="Events whose dates start on or before this date.")
ChargeOpt = typer.Option(None, "--charge", help="Charge code (repeatable).")
PenaltyOpt = typer.Option(None, "--penalty", help="Penalty kind (repeatable).")
ActorOpt = typer.Option(None, "--actor", help="Actor id (repeatable).")
OutletOpt = typer.Option(None, "--outlet", help="Outlet name (repeatable).")
ModalityOpt = typer.Option(None, "--modality", help="asserted|planned|ordered|alleged|negated.")
StatusOpt = typer.Option(None, "--status", help="Review status: machine|confirmed|corrected|rejected|added.")
QOpt = typer.Option(None, "--q", help="Only events of reports matching this full-text query.")
ReportOpt = typer.Option(None, "--report", help="Only events of this report id.")


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Report files, directories, globs, .jsonl(.gz), RSS/Atom feeds."),
    db: Optional[str] = DbOpt,
    published: Optional[str] = typer.Option(None, help="Publication date for reports without one given here."),
    outlet: Optional[str] = typer.Option(None, help="Outlet name (wins over the report's)."),
    engine: Optional[str] = typer.Option(None, help="Run on a distributed engine: dask (docs/scale.md)."),
    scheduler: Optional[str] = typer.Option(None, help="With --engine dask: address of an existing scheduler."),
):
    """Read, extract and store reports, with a progress bar and a summary."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from nkevents.inputs import InputError, iter_input_files
    from nkevents.store.batch import ingest_files

    try:
        files = list(iter_input_files(paths))
    except InputError as e:
        fail(str(e), 2)
    if engine:  # extraction on Dask, writes by bounded writers here (nkevents.scale)
        from nkevents.scale import ScaleError, run_ingest_distributed
        from nkevents.store import StoreError
        try:
            summary = run_ingest_distributed(files, db, engine=engine, scheduler=scheduler,
                                             published=published, outlet=outlet, console=err)
        except (ScaleError, StoreError) as e:
            fail(str(e), 2)
        err.print(f"{summary.new} new, {summary.unchanged} unchanged, {summary.updated} updated, "
                  f"{summary.failed} failed, {summary.events_added} events added")
        raise typer.Exit(1 if summary.failed else 0)
    store = open_store(db)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[reports]} reports"), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not err.is_terminal) as bar:
        task = bar.add_task("ingest", total=len(files), reports=0)
        counted = {"n": 0}

        def on_report(source, status, error):
            counted["n"] += 1
            bar.update(task, reports=counted["n"])
            if error:
                bar.console.print(f"failed: {escape(source)}: {escape(error)}")

        summary = ingest_files(store, files, overrides={"published": published, "outlet": outlet},
                               on_report=on_report, on_file=lambda _p: bar.advance(task))
    err.print(f"{summary.new} new, {summary.unchanged} unchanged, {summary.updated} updated, "
              f"{summary.failed} failed, {summary.events_added} events added")
    from nkevents.store.incidents import link_pending  # new events join incidents (docs/incidents.md)
    linked = link_pending(store)
    if linked:
        err.print(f"{linked} events linked into incidents")
    store.close()
    raise typer.Exit(1 if summary.failed else 0)


def _event_table(rows, title=None, by_incident: bool = False) -> Table:
    t = Table(title=title, show_lines=False)
    extra = ("incident_id", "reports", "independent") if by_incident else ()
    for col in ("event_id", "type", "date", "place", "charges", "penalty", "status", "outlet",
                *extra, "evidence"):
        t.add_column(col, overflow="fold")
    for e in rows:
        pen = e.get("penalty") or {}
        months = ""
        if pen.get("min_months") is not None or pen.get("max_months") is not None:
            months = f" {pen.get('min_months')}-{pen.get('max_months')}m"
        date = e.get("date") or {}
        extra = ((e["incident_id"], str(e["n_reports"]), str(e["independent_sources"]))
                 if by_incident else ())
        t.add_row(e["event_id"], e["type"], date.get("start") or "",
                  (e.get("place") or {}).get("name") or "", ", ".join(e.get("charges") or []),
                  (pen.get("kind") or "") + months, e["review_status"], e.get("outlet") or "",
                  *extra, escape((e.get("evidence_text") or "")[:160]))
    return t


@app.command()
def events(
    type: Optional[List[str]] = TypeOpt, place: Optional[List[str]] = PlaceOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt,
    charge: Optional[List[str]] = ChargeOpt, penalty: Optional[List[str]] = PenaltyOpt,
    actor: Optional[List[str]] = ActorOpt, outlet: Optional[List[str]] = OutletOpt,
    modality: Optional[List[str]] = ModalityOpt, status: Optional[List[str]] = StatusOpt,
    q: Optional[str] = QOpt, report: Optional[List[str]] = ReportOpt,
    limit: int = typer.Option(50, help="How many events to show."),
    offset: int = typer.Option(0, help="Skip this many first."),
    order: str = typer.Option("date", help="date | -date | published | -published | confidence"),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    by: str = typer.Option("event", "--by", help="event | incident (one row per incident, its first event by date: docs/incidents.md)."),
    db: Optional[str] = DbOpt,
):
    """List stored events matching filters (or one row per incident with --by incident)."""
    from nkevents.store import incidents as inc
    if by not in inc.BY_CHOICES:
        fail(f"--by {by}: unknown choice (one of: {', '.join(inc.BY_CHOICES)})", 2)
    store = open_store(db)
    f = _filter(store, type=type, place=place, since=since, until=until, charge=charge,
                penalty=penalty, actor=actor, outlet=outlet, modality=modality, status=status,
                q=q, report=report)
    f.by = by
    if by == "incident":
        inc.link_pending(store)  # events stored since the last ingest join their incidents
    try:
        rows, total = store.query_events(f, limit=limit, offset=offset, order=order)
    except ValueError as e:
        fail(str(e), 2)
    if by == "incident":  # the export's incident_id, sources and independent_sources, and counts
        counts = inc.incident_sources_of_events(store, [e["event_id"] for e in rows])
        rows = [dict(e, n_reports=counts.get(e["event_id"], {}).get("n_reports", 1))
                for e in inc.annotate_events(store, rows, by="incident")]
    if format == "json":
        sys.stdout.write(json.dumps({"total": total, "by": by, "events": rows}, ensure_ascii=False, default=str) + "\n")
    else:
        shown = f" (showing {len(rows)})" if total > len(rows) else ""
        out.print(_event_table(rows, title=f"{total} {by}s{shown}", by_incident=by == "incident"))


@app.command()
def search(query: str = typer.Argument(..., help="Words to find in reports (stemmed; all must occur)."),
           limit: int = typer.Option(20), db: Optional[str] = DbOpt,
           format: str = typer.Option("text", "--format", "-f", help="text | json")):
    """Full-text search over reports: each hit with its matching sentences and its events."""
    store = open_store(db)
    hits = store.search(query, limit=limit)
    if format == "json":
        sys.stdout.write(json.dumps(hits, ensure_ascii=False, default=str) + "\n")
        return
    if not hits:
        err.print(f"no report matches {query!r}")
        raise typer.Exit(1)
    for hit in hits:
        out.print(f"[bold]{escape(hit.get('title') or '(untitled)')}[/bold]  {hit['report_id']}  "
                  f"{hit.get('outlet') or ''} {hit.get('published') or ''}")
        for s in hit["sentences"]:
            out.print(f"  … {escape(' '.join(s['text'].split()))}")
        for e in hit["events"]:
            date = (e.get("date") or {}).get("start") or ""
            out.print(f"    {e['event_id']}  {e['type']}  {date}  {(e.get('place') or {}).get('name') or ''}")
        out.print()


@app.command()
def show(event_id: str = typer.Argument(...), db: Optional[str] = DbOpt,
         format: str = typer.Option("text", "--format", "-f", help="text | json")):
    """An event with its evidence sentence in context, and its review history."""
    store = open_store(db)
    ev = store.get_event(event_id)
    if ev is None:
        fail(f"{event_id}: no such event")
    from nkevents.store.incidents import incident_of_event, link_pending  # docs/incidents.md
    link_pending(store)
    ev["incident"] = incident_of_event(store, event_id)
    if format == "json":
        sys.stdout.write(json.dumps(ev, ensure_ascii=False, default=str) + "\n")
        return
    text = ev["report"]["text"]
    out.print(f"[bold]{ev['event_id']}[/bold]  {ev['type']}  ({ev['review_status']}, "
              f"extractor {ev.get('extractor_version') or '-'})")
    date = ev.get("date") or {}
    place = ev.get("place") or {}
    pen = ev.get("penalty") or {}
    for label, value in (("date", f"{date.get('start', '')}..{date.get('end', '')} {date.get('precision', '')}" if date else ""),
                         ("place", f"{place.get('name', '')} ({place.get('id', '')})" if place else ""),
                         ("subjects", (ev.get("subjects") or {}).get("text") or ""),
                         ("charges", ", ".join(ev.get("charges") or [])),
                         ("penalty", f"{pen.get('kind', '')} {pen.get('min_months')}-{pen.get('max_months')} months" if pen else ""),
                         ("actors", ", ".join(f"{a['id']} ({a.get('role')})" for a in ev.get("actors") or [])),
                         ("modality", ev.get("modality") or ""),
                         ("report", f"{ev['report']['id']}  {ev['report'].get('title') or ''}  {ev['report'].get('outlet') or ''} {ev['report'].get('published') or ''}")):
        if value:
            out.print(f"  {label:9} {escape(str(value))}")
    for span in ev.get("evidence") or []:
        s, e = span["start"], span["end"]
        before = " ".join(text[max(0, s - 200):s].split())
        after = " ".join(text[e:e + 200].split())
        out.print(f"\n  …{escape(before)} [bold yellow]{escape(' '.join(text[s:e].split()))}[/bold yellow] {escape(after)}…")
    for h in ev["history"]:
        out.print(f"  {h['at']}  {h['user']}  {h['action']}  {escape(json.dumps(h['changes']) if h['changes'] else '')} {escape(h['note'] or '')}")
    from nkevents.cli.incidents_cmd import print_incident_of_event
    print_incident_of_event(ev["incident"], event_id, out)


@app.command()
def report(report_id: str = typer.Argument(...), db: Optional[str] = DbOpt,
           format: str = typer.Option("text", "--format", "-f", help="text | json")):
    """A stored report: its fields, revisions and events."""
    store = open_store(db)
    rep = store.get_report(report_id)
    if rep is None:
        fail(f"{report_id}: no such report")
    if format == "json":
        sys.stdout.write(json.dumps(rep, ensure_ascii=False, default=str) + "\n")
        return
    out.print(f"[bold]{escape(rep.get('title') or '(untitled)')}[/bold]")
    out.print(f"  {rep['report_id']}  {rep.get('outlet') or ''}  {rep.get('published') or ''}  {rep.get('url') or ''}  "
              f"revision {rep['revision']}{'' if rep['is_current'] else ' (superseded)'}")
    if len(rep["revisions"]) > 1:
        out.print("  revisions: " + ", ".join(f"{r['revision']}={r['report_id']}" for r in rep["revisions"]))
    out.print()
    out.print(escape(rep["text"][:1500] + ("…" if len(rep["text"]) > 1500 else "")))
    out.print(_event_table(rep["events"], title=f"{len(rep['events'])} events"))


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help="csv | jsonl | geojson | gold (fully reviewed reports as a scorer's gold directory)"),
    output: Path = typer.Option(..., "-o", "--output", "--out", help="File to write ('-' for stdout); a directory for gold."),
    type: Optional[List[str]] = TypeOpt, place: Optional[List[str]] = PlaceOpt,
    since: Optional[str] = SinceOpt, until: Optional[str] = UntilOpt,
    charge: Optional[List[str]] = ChargeOpt, penalty: Optional[List[str]] = PenaltyOpt,
    actor: Optional[List[str]] = ActorOpt, outlet: Optional[List[str]] = OutletOpt,
    modality: Optional[List[str]] = ModalityOpt, status: Optional[List[str]] = StatusOpt,
    q: Optional[str] = QOpt, report: Optional[List[str]] = ReportOpt,
    by: str = typer.Option("event", "--by", help="event | incident (one row per incident: docs/incidents.md)."),
    db: Optional[str] = DbOpt,
):
    """Export matching events: CSV (ACLED-style columns), GeoJSON, or JSON Lines; or, with
    --format gold, the fully reviewed reports as X.json + X.gold.json files (docs/review.md)."""
    if format == "gold":
        from nkevents.cli.eval_cmd import check_report_filters, write_gold_dir
        if type or place or charge or penalty or actor or modality or status or q or by != "event":
            fail("--format gold takes only --report, --outlet, --since and --until", 2)
        check_report_filters(None, since, until)
        n = write_gold_dir(open_store(db), output, report_ids=report or None,
                           outlets=outlet or None, since=since, until=until)
        err.print(f"{n} fully reviewed reports written to {output}")
        raise typer.Exit(0 if n else 1)
    from nkevents.export import FORMATS, export as write
    if format not in FORMATS:
        fail(f"--format {format}: unknown format (one of: {', '.join(FORMATS)})", 2)
    store = open_store(db)
    f = _filter(store, type=type, place=place, since=since, until=until, charge=charge,
                penalty=penalty, actor=actor, outlet=outlet, modality=modality, status=status,
                q=q, report=report)
    from nkevents.store import incidents as inc  # incident_id and sources columns, --by incident
    if by not in inc.BY_CHOICES:
        fail(f"--by {by}: unknown choice (one of: {', '.join(inc.BY_CHOICES)})", 2)
    inc.link_pending(store)
    rows = lambda: inc.annotate_events(store, store.iter_events(f), by=by)  # noqa: E731
    if str(output) == "-":
        counts = write(rows(), format, sys.stdout)
    else:
        try:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                counts = write(rows(), format, fh)
        except OSError as e:
            fail(f"{output}: cannot write ({e.strerror})")
    skipped = f", {counts['skipped']} without coordinates left out" if counts["skipped"] else ""
    err.print(f"{counts['written']} events written to {output}{skipped}")


@app.command()
def review(
    event_id: Optional[str] = typer.Argument(None, help="The event to decide on (or --report)."),
    report_id: Optional[str] = typer.Option(None, "--report", help="A report, with --done or --undo (docs/review.md)."),
    done: bool = typer.Option(False, "--done", help="With --report: every event checked, missed ones added; the report becomes gold."),
    undo: bool = typer.Option(False, "--undo", "--not-done", help="With --report: take the fully-reviewed mark back."),
    confirm: bool = typer.Option(False, "--confirm", help="The event is right."),
    reject: bool = typer.Option(False, "--reject", help="The event is wrong."),
    set_: Optional[List[str]] = typer.Option(None, "--set", help="field=value, e.g. penalty.kind=prison (repeatable)."),
    user: Optional[str] = typer.Option(None, "--user", help="Reviewer name (default $NKEVENTS_USER or $USER)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why."),
    db: Optional[str] = DbOpt,
):
    """Record a reviewer's decision on an event: --confirm, --reject, or --set field=value; or
    mark a whole report fully reviewed: --report ID --done (--undo takes it back)."""
    from nkevents.store import ReviewError
    if report_id or done or undo:  # a decision on a whole report (docs/review.md)
        if event_id or confirm or reject or set_ or not report_id or done == undo:
            fail("give --report ID with exactly one of --done or --undo (and no event id)", 2)
        who = user or os.environ.get("NKEVENTS_USER") or os.environ.get("USER") or "unknown"
        store = open_store(db)
        try:
            r = (store.mark_reviewed if done else store.unmark_reviewed)(report_id, user=who, note=note)
        except ReviewError as e:
            fail(str(e))
        if done:
            err.print(f"{report_id}: fully reviewed by {who} ({r['confirmed']} unreviewed events confirmed with it)")
        else:
            err.print(f"{report_id}: review mark undone by {who} ({r['unconfirmed']} events back to machine)")
        return
    if not event_id:
        fail("name an event id (or --report ID --done)", 2)
    chosen = [name for name, on in (("confirm", confirm), ("reject", reject), ("correct", bool(set_))) if on]
    if len(chosen) != 1:
        fail("give exactly one of --confirm, --reject or --set field=value", 2)
    changes = None
    if set_:
        changes = {}
        for item in set_:
            if "=" not in item:
                fail(f"--set {item}: expected field=value", 2)
            key, value = item.split("=", 1)
            changes[key.strip()] = value
    who = user or os.environ.get("NKEVENTS_USER") or os.environ.get("USER") or "unknown"
    store = open_store(db)
    try:
        ev = store.review(event_id, user=who, action=chosen[0], changes=changes, note=note)
    except ReviewError as e:
        fail(str(e))
    err.print(f"{event_id}: {ev['review_status']} by {who}")


@app.command()
def failures(db: Optional[str] = DbOpt,
             clear: bool = typer.Option(False, "--clear", help="Forget all recorded failures."),
             format: str = typer.Option("table", "--format", "-f", help="table | json")):
    """Inputs that could not be ingested, with the reason."""
    store = open_store(db)
    if clear:
        err.print(f"{store.clear_failures()} failures cleared")
        return
    rows = store.failures()
    if format == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False) + "\n")
        return
    t = Table(title=f"{len(rows)} failures")
    for col in ("source", "reason", "attempts", "last_at"):
        t.add_column(col, overflow="fold")
    for r in rows:
        t.add_row(escape(r["source"]), escape(r["reason"]), str(r["attempts"]), r["last_at"][:19])
    out.print(t)


@app.command()
def reextract(
    report_ids: Optional[List[str]] = typer.Argument(None, help="Reports to re-extract (default: see --all/--stale)."),
    all_: bool = typer.Option(False, "--all", help="Every stored report."),
    stale: bool = typer.Option(False, "--stale", help="Reports extracted by another extractor version."),
    since_version: Optional[str] = typer.Option(None, "--since-version", help="Reports extracted by a version older than this."),
    engine: Optional[str] = typer.Option(None, help="Run on a distributed engine: dask (docs/scale.md)."),
    scheduler: Optional[str] = typer.Option(None, help="With --engine dask: address of an existing scheduler."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Store nothing: show what would change on the fully reviewed reports and their eval figures before and after."),
    format: str = typer.Option("text", "--format", "-f", help="With --dry-run: text | json"),
    db: Optional[str] = DbOpt,
):
    """Extract stored reports again with this extractor; reviewers' decisions are kept."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
    from nkevents import EXTRACTOR_VERSION
    from nkevents.store import StoreError
    if not (report_ids or all_ or stale or since_version):
        fail("name report ids, or give --all, --stale or --since-version", 2)
    if dry_run:  # docs/review.md
        from nkevents.cli.eval_cmd import print_preview
        from nkevents.store.reviews import preview_reextract
        store = open_store(db)
        ids = _reextract_ids(store, report_ids, since_version, stale)
        print_preview(preview_reextract(store, ids), len(ids), format)
        return
    if engine:  # extraction on Dask, writes by bounded writers here (nkevents.scale)
        from nkevents.scale import ScaleError, run_reextract_distributed
        try:
            summary = run_reextract_distributed(db, since_version, report_ids=report_ids,
                                                all_reports=all_, engine=engine,
                                                scheduler=scheduler, console=err)
        except (ScaleError, StoreError) as e:
            fail(str(e), 2)
        err.print(summary.line())
        raise typer.Exit(1 if summary.failed else 0)
    store = open_store(db)
    ids = _reextract_ids(store, report_ids, since_version, stale)
    totals = {"added": 0, "replaced": 0, "removed": 0, "kept_reviewed": 0}
    failed = 0
    with Progress(TextColumn("re-extracting"), BarColumn(), MofNCompleteColumn(), console=err,
                  disable=not err.is_terminal) as bar:
        task = bar.add_task("reextract", total=len(ids))
        for rid in ids:
            try:
                r = store.reextract(rid)
            except StoreError as e:
                failed += 1
                bar.console.print(f"failed: {escape(str(e))}")
            else:
                for k in totals:
                    totals[k] += getattr(r, k)
            bar.advance(task)
    err.print(f"{len(ids) - failed} reports re-extracted: {totals['added']} events added, "
              f"{totals['replaced']} replaced, {totals['removed']} removed, "
              f"{totals['kept_reviewed']} under review kept" + (f", {failed} failed" if failed else ""))
    if set(ids) & {r["report_id"] for r in store.reviewed_reports()}:  # an eval run of this version
        result = store.evaluate()
        store.record_evaluation(result, source="reextract")
        err.print(f"on the fully reviewed reports: {result.evaluation.headline()}")
    raise typer.Exit(1 if failed else 0)


def _reextract_ids(store, report_ids, since_version, stale) -> list:
    """The reports `reextract` works on: those named, those of an older extractor, or all/stale."""
    if report_ids:
        return list(report_ids)
    if since_version:
        from nkevents.scale import reports_to_reextract
        return reports_to_reextract(store, since_version)
    return store.report_ids(stale_for=EXTRACTOR_VERSION if stale else None)
