"""`nkevents eval`: the running extractor scored against the record's fully reviewed reports
(docs/review.md). Also the writers `export --format gold` and `reextract --dry-run` use."""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.markup import escape

from nkevents.cli import app
from nkevents.cli.common import DbOpt, fail, open_store, out

NO_GOLD = ("no fully reviewed report in {db}{scope}: mark reports reviewed first "
           "(nkevents review --report REPORT_ID --done)")


def check_report_filters(types, since, until) -> None:
    """One-line errors for bad filter values (exit status 2)."""
    from nkevents.store.reviews import codes
    for t in types or []:
        if t not in codes()["types"]:
            fail(f"--type {t}: unknown value (one of: {', '.join(codes()['types'])})", 2)
    for name, value in (("--since", since), ("--until", until)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            fail(f"{name} {value}: not a date (YYYY-MM-DD, YYYY-MM or YYYY)", 2)


def published_bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """Publication dates are YYYY-MM-DD strings: a YYYY or YYYY-MM bound covers all of it."""
    return (since or None), (until + "-99"[: 10 - len(until)] if until and len(until) < 10 else until)


@app.command("eval")
def eval_command(
    type: Optional[List[str]] = typer.Option(None, "--type", help="Score only events of this type (repeatable)."),
    report: Optional[List[str]] = typer.Option(None, "--report", help="Only this reviewed report (repeatable)."),
    outlet: Optional[List[str]] = typer.Option(None, "--outlet", help="Only reports of this outlet (repeatable)."),
    since: Optional[str] = typer.Option(None, "--since", help="Reports published on or after (YYYY[-MM[-DD]])."),
    until: Optional[str] = typer.Option(None, "--until", help="Reports published on or before (YYYY[-MM[-DD]])."),
    format: str = typer.Option("text", "--format", "-f", help="text | json"),
    errors: bool = typer.Option(False, "--errors", help="Also list the misses, false alarms and wrong attributes."),
    record: bool = typer.Option(True, "--record/--no-record", help="Keep the figures as an eval run of this extractor version (the Quality page charts them)."),
    db: Optional[str] = DbOpt,
):
    """Score the running extractor against the fully reviewed reports of the record (their events
    after review), with the figures of spec/events.md section 5. The last line is the scorer's
    headline: event_f1=... places_f1=... penalty_kind_acc=... failed=..."""
    if format not in ("text", "json"):
        fail(f"--format {format}: unknown format (text or json)", 2)
    check_report_filters(type, since, until)
    from nkevents.store.db import display_url
    store = open_store(db)
    lo, hi = published_bounds(since, until)
    result = store.evaluate(types=type or None, report_ids=report or None, outlets=outlet or None,
                            since=lo, until=hi)
    if not result.documents:
        scope = " matching the filters" if (report or outlet or since or until) else ""
        fail(NO_GOLD.format(db=display_url(db), scope=scope))
    run_id = store.record_evaluation(result, source="eval")[0] if record else None
    ev = result.evaluation
    unreviewed = [e for d in result.documents for e in d["unreviewed"]]
    if format == "json":
        body = {"extractor_version": result.version, "reports": len(result.documents),
                "gold_events": result.n_gold_events, "filters": result.filters, "run_id": run_id,
                "unreviewed_events": unreviewed, **ev.to_json(with_errors=errors)}
        if errors:
            body["errors"] = result.errors_json()
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
        return
    out.print(f"extractor {result.version} on {len(result.documents)} fully reviewed reports "
              f"({result.n_gold_events} gold events)")
    if unreviewed:
        out.print(f"{len(unreviewed)} events found in these reports after their review are not gold "
                  f"until reviewed: {', '.join(unreviewed[:5])}{' …' if len(unreviewed) > 5 else ''}",
                  soft_wrap=True)
    if errors:
        for line in error_lines(result.errors_json()):
            out.print(escape(line), soft_wrap=True)
    out.print(escape(ev.text()))


def error_lines(errors: list[dict]) -> list[str]:
    """One line per error: report, figure, what went wrong, the event's evidence."""
    lines = []
    for e in errors:
        event = e.get("gold") or e.get("pred") or {}
        what = {"miss": "missed", "false_alarm": "false alarm", "wrong": "wrong",
                "loose": "not strict"}[e["kind"]]
        evidence = " ".join((event.get("evidence_text") or "").split())[:120]
        detail = f" ({e['detail']})" if e.get("detail") else ""
        lines.append(f"{e['doc_id']}  {e['figure']}: {what} {e.get('type') or ''}{detail}"
                     + (f"  «{evidence}»" if evidence else ""))
    return lines


def write_gold_dir(store, out_dir: Path, *, report_ids=None, outlets=None, since=None,
                   until=None) -> int:
    """`export --format gold`: per fully reviewed report X, X.json (the body as stored, the one
    re-extraction and `nkevents eval` read, with url, outlet, title, published) and X.gold.json
    (the spec's gold object). Returns how many reports were written."""
    from nkevents.store.reviews import gold_documents
    lo, hi = published_bounds(since, until)
    docs = store._read(gold_documents, report_ids=report_ids, outlets=outlets, since=lo, until=hi)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        for doc in docs:
            stem = doc["report_id"]
            (out_dir / f"{stem}.json").write_text(
                json.dumps(doc["fields"], ensure_ascii=False, indent=1), encoding="utf-8")
            (out_dir / f"{stem}.gold.json").write_text(
                json.dumps(doc["gold"], ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as e:
        fail(f"{out_dir}: cannot write ({e.strerror})")
    return len(docs)


def print_preview(preview: dict, selected: int, fmt: str = "text") -> None:
    """`reextract --dry-run`: what the running extractor would change on the reviewed reports."""
    before, after = preview["before"], preview["after"]
    if fmt == "json":
        body = {k: preview[k] for k in ("reports", "gained", "lost", "changed", "unchanged", "changes")}
        body.update(selected=selected, before=before.to_json(with_errors=False),
                    after=after.to_json(with_errors=False))
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
        return
    out.print(f"dry run, nothing stored: {preview['reports']} fully reviewed reports among the "
              f"{selected} selected")
    out.print(f"machine events: {preview['gained']} gained, {preview['lost']} lost, "
              f"{preview['changed']} changed, {preview['unchanged']} unchanged")
    for c in preview["changes"]:
        ev = c.get("event") or {}
        fields = f" ({', '.join(c['fields'])})" if c.get("fields") else ""
        evidence = " ".join((ev.get("evidence_text") or "").split())[:100]
        out.print(escape(f"  {c['change']:8} {c['event_id']}  {ev.get('type', '')}{fields}  «{evidence}»"),
                  soft_wrap=True)
    if not preview["reports"]:
        return
    bf, af = before.figures, after.figures
    out.print(f"{'figure':20} {'before':>7} {'after':>7} {'change':>7}")
    for label, get in FIGURE_ROWS:
        b, a = get(bf), get(af)
        delta = "" if a is None or b is None else f"{a - b:+.3f}"
        out.print(f"{label:20} {_fmt(b):>7} {_fmt(a):>7} {delta:>7}")
    out.print(f"before: {before.headline()}")
    out.print(f"after:  {after.headline()}")


FIGURE_ROWS = (
    ("event F1", lambda f: f["events_compatible"][2]),
    ("event precision", lambda f: f["events_compatible"][0]),
    ("event recall", lambda f: f["events_compatible"][1]),
    ("type-only F1", lambda f: f["events_type_only"][2]),
    ("strict F1", lambda f: f["events_strict"][2]),
    ("places F1", lambda f: f["places"][2]),
    ("penalty kind", lambda f: f["penalty_kind_acc"]),
    ("penalty months", lambda f: f["penalty_months_acc"]),
    ("count", lambda f: f["count_acc"]),
    ("charges F1", lambda f: f["charges"][2]),
    ("modality", lambda f: f["modality_acc"]),
    ("actors F1", lambda f: f["actors"][2]),
)


def _fmt(v) -> str:
    return "n/a" if v is None else f"{v:.3f}"
