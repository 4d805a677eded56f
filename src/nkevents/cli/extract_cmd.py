"""`nkevents extract`: one report to stdout, or many to --out DIR with progress and a summary."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.table import Table

from nkevents.cli import app
from nkevents.inputs import InputError, iter_input_files

err = Console(stderr=True)


def _extract_one(path: Path, published, url, outlet):
    from nkevents.pipeline import extract_path
    return extract_path(path, published=published, url=url, outlet=outlet)


def _table(doc) -> Table:
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
    """Extract the events of reports."""
    from nkevents.stages.read import ReadError

    if engine:
        from nkevents.scale import run_extract_distributed
        raise typer.Exit(run_extract_distributed(paths, out, engine=engine, scheduler=scheduler,
                                                 published=published, url=url, outlet=outlet))
    fmt = format or ("table" if sys.stdout.isatty() else "json")
    if fmt not in ("json", "table"):
        err.print(f"error: unknown format {fmt!r} (json or table)")
        raise typer.Exit(2)
    try:
        files = list(iter_input_files(paths))
    except InputError as e:
        err.print(f"error: {e}")
        raise typer.Exit(2)
    if out is None and len(files) == 1:
        try:
            doc = _extract_one(files[0], published, url, outlet)
        except ReadError as e:
            err.print(f"error: {files[0]}: {e}", highlight=False)
            raise typer.Exit(1)
        if fmt == "json":
            sys.stdout.write(json.dumps(doc.to_json(), ensure_ascii=False, indent=1) + "\n")
        else:
            Console().print(_table(doc))
        return
    raise typer.Exit(_extract_batch(files, out, fmt, published, url, outlet))


def _extract_batch(files, out, fmt, published, url, outlet) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from nkevents.stages.read import ReadError

    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    failures, n_events, n_ok = [], 0, 0
    columns = (TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err, transient=False, disable=not err.is_terminal) as bar:
        task = bar.add_task("extract", total=len(files))
        for path in files:
            try:
                doc = _extract_one(path, published, url, outlet)
            except ReadError as e:
                failures.append((path, str(e)))
                err.print(f"error: {path}: {e}", highlight=False)
            else:
                n_ok += 1
                n_events += len(doc.events)
                obj = doc.to_json()
                if out is not None:
                    (out / (path.stem + ".json")).write_text(json.dumps(obj, ensure_ascii=False, indent=1))
                elif fmt == "json":
                    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                else:
                    Console().print(_table(doc))
            bar.advance(task)
    err.print(f"{n_ok} reports extracted ({n_events} events), {len(failures)} failed")
    return 1 if failures else 0
