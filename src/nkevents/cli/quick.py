"""`nkevents extract [--format json] REPORT` without typer and rich: a scorer runs one process per
report, and importing the command-line libraries was a fifth of such a process. Only that command
line is handled here, and only a report that extracts cleanly; anything else (other options, many
reports, a table, any error) goes to the full command, which prints what it always printed."""
from __future__ import annotations

import json
import sys
from pathlib import Path


def one_report_json(doc) -> str:
    """What `nkevents extract --format json` prints for one report (the full command prints this too)."""
    return json.dumps(doc.to_json(), ensure_ascii=False, indent=1) + "\n"


def report_path(args: list[str]) -> str | None:
    """The report of `extract REPORT`, `extract --format json REPORT` (or -f json, --format=json,
    the option after the report), when the output is JSON; else None."""
    if args[:1] != ["extract"]:
        return None
    rest, fmt = [], None
    i = 1
    while i < len(args):
        a = args[i]
        if a in ("--format", "-f") and i + 1 < len(args) and fmt is None:
            fmt, i = args[i + 1], i + 2
            continue
        if a.startswith("--format=") and fmt is None:
            fmt = a[len("--format="):]
        elif a.startswith("-") or rest:
            return None  # another option, "-" or a second report: the full command's
        else:
            rest.append(a)
        i += 1
    if not rest or (fmt or ("table" if sys.stdout.isatty() else "json")) != "json":
        return None
    return rest[0]


def extract_one(args: list[str]) -> bool:
    """Print one report's JSON as `nkevents extract` would, if the command line and the report
    allow it here; False when the full command is to run instead (and nothing was printed)."""
    path = report_path(args)
    if path is None:
        return False
    from nkevents.inputs import InputError, iter_input_files
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents
    try:
        files = list(iter_input_files([Path(path)]))
        loaded = list(iter_documents(files[0], published=None, url=None, outlet=None)) if len(files) == 1 else []
    except (InputError, OSError):  # (the full command says what went wrong, in its words)
        return False
    if len(loaded) != 1 or loaded[0].error:
        return False
    try:
        doc = run_stages(loaded[0].doc)
    except Exception:  # the full command says which report failed and why, in its words
        return False
    sys.stdout.write(one_report_json(doc))
    return True
