"""Which files a list of command-line paths means: files, directories (recursively) and globs."""
from __future__ import annotations

import glob
from pathlib import Path
from typing import Iterable, Iterator

REPORT_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl", ".gz", ".xml", ".rss", ".atom")


class InputError(Exception):
    pass


def iter_input_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Yield report files in a stable order. A directory yields its report files recursively
    (gold annotations `*.gold.json` and `clusters.json` are not reports); a missing path is an error."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and f.suffix.lower() in REPORT_SUFFIXES and not _is_annotation(f):
                    yield f
        elif p.exists():
            yield p
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                raise InputError(f"{raw}: no such file or directory")
            yield from (Path(m) for m in matches if Path(m).is_file())


def _is_annotation(p: Path) -> bool:
    return p.name.endswith(".gold.json") or p.name == "clusters.json"


def output_file(path: Path | str, many: bool) -> str:
    """Name of the extraction output of one input file: `a.html` -> `a.json`; a file holding many
    reports (JSON Lines, feeds) -> `a.jsonl`, one object per line (`reports.jsonl.gz` -> `reports.jsonl`)."""
    name = Path(path).name
    if name.lower().endswith(".gz"):
        name = name[:-3]
    return Path(name).stem + (".jsonl" if many else ".json")
