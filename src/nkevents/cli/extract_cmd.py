"""`nkevents extract`: one report to stdout, or many to --out DIR with progress and a summary."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console

from nkevents.cli import app
from nkevents.cli.common import err
from nkevents.cli.quick import one_report_json
from nkevents.inputs import InputError, iter_input_files, output_file
from nkevents.pipeline import run_stages
from nkevents.stages.read import holds_many_reports, iter_documents, unexpected_error



def _table(doc):
    from rich.table import Table  # (imported here: extracting to JSON needs no table)
    t = Table(title=doc.title or doc.source or "report", show_lines=True)
    for col in ("type", "date", "place", "subjects", "charges", "penalty", "evidence"):
        t.add_column(col, overflow="fold")
    for e in doc.events:
        pen = ""
        if e.penalty:
            months = "" if e.penalty.min_months is None else f" {e.penalty.min_months}-{e.penalty.max_months}m"
            pen = e.penalty.kind + months
        subj = (e.subjects_text or "") + (f" ({e.subjects_count})" if e.subjects_count is not None else "")
        ev = " … ".join(doc.text[s:t_] for s, t_ in e.evidence)
        t.add_row(e.type, e.date.text if e.date else "", e.place.name if e.place else "", subj,
                  ", ".join(e.charges), pen, ev[:300])
    return t


@app.command()
def extract(
    paths: List[Path] = typer.Argument(..., help="Report files (.txt, .html, .json, .jsonl) or directories."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="json | table (default: table on a terminal)"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write one JSON per report into this directory."),
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD (wins over the report's)."),
    url: Optional[str] = typer.Option(None, help="The report's URL."),
    outlet: Optional[str] = typer.Option(None, help="The outlet's name."),
    engine: Optional[str] = typer.Option(None, help="Run on a distributed engine: dask."),
    scheduler: Optional[str] = typer.Option(None, help="With --engine dask: address of an existing scheduler."),
):
    """Extract the events of reports: one report prints its JSON object (or a table); many go to
    --out DIR as one JSON file each (or to stdout as JSON Lines), with progress and a summary."""
    if engine:
        from nkevents.scale import run_extract_distributed
        raise typer.Exit(run_extract_distributed(paths, out, engine=engine, scheduler=scheduler,
                                                 published=published, url=url, outlet=outlet))
    fmt = format or ("table" if sys.stdout.isatty() else "json")
    if fmt not in ("json", "table"):
        err.print(f"error: unknown format {fmt!r} (json or table)")
        raise typer.Exit(2)
    files, missing = [], []
    for p in paths:
        try:
            files.extend(iter_input_files([p]))
        except InputError as e:
            missing.append(str(e))
    for message in missing:
        err.print(f"error: {message}", highlight=False)
    if not files:
        raise typer.Exit(2 if missing else 0)
    overrides = {"published": published, "url": url, "outlet": outlet}
    if out is None and len(files) == 1 and not missing:
        loaded = list(iter_documents(files[0], **overrides))
        if len(loaded) == 1:
            raise typer.Exit(_print_one(loaded[0], fmt))
    n_ok, n_events, failed = _extract_batch(files, out, fmt, overrides)
    err.print(f"{n_ok} reports extracted ({n_events} events), {failed + len(missing)} failed")
    raise typer.Exit(1 if failed or missing else 0)


def _extract(item):
    """(doc, None) or (None, one-line reason): an extractor bug on one report is that report's
    error, named with its file (and line), never a traceback."""
    try:
        return run_stages(item.doc), None
    except Exception as e:
        return None, unexpected_error(e, "extraction failed")


def _print_one(item, fmt: str) -> int:
    if item.error:
        err.print(f"error: {item.source}: {item.error}", highlight=False)
        return 1
    doc, reason = _extract(item)
    if doc is None:
        err.print(f"error: {item.source}: {reason}", highlight=False)
        return 1
    if fmt == "json":
        sys.stdout.write(one_report_json(doc))
    else:
        Console().print(_table(doc))
    return 0


def _extract_batch(files, out, fmt, overrides) -> tuple[int, int, int]:
    """Extract every report of every file: (reports extracted, events, reports that failed)."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    n_ok = n_events = 0
    failures = []
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
               TextColumn("{task.fields[reports]} reports"), TimeElapsedColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, disable=not err.is_terminal) as bar:
        task = bar.add_task("extract", total=len(files), reports=0)
        for path in files:
            # a file of many reports gives OUT/<name>.jsonl, one object per line with its "source",
            # as `--engine dask` writes it; any other file OUT/<name>.json
            many = out is not None and holds_many_reports(path)
            lines = [] if many else None
            for item in iter_documents(path, **overrides):
                doc, reason = (None, item.error) if item.error else _extract(item)
                if doc is None:
                    failures.append((item.source, reason))
                    err.print(f"error: {item.source}: {reason}", highlight=False)
                    continue
                n_ok += 1
                n_events += len(doc.events)
                obj = doc.to_json()
                if many:
                    lines.append(json.dumps({**obj, "source": item.source}, ensure_ascii=False) + "\n")
                elif out is not None:
                    (out / output_file(path, many=False)).write_text(json.dumps(obj, ensure_ascii=False, indent=1))
                elif fmt == "json":
                    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                else:
                    Console().print(_table(doc))
                bar.update(task, reports=n_ok + len(failures))
            if many:
                (out / output_file(path, many=True)).write_text("".join(lines), encoding="utf-8")
            bar.advance(task)
    return n_ok, n_events, len(failures)
