"""What a Dask worker runs: read a partition, extract its reports, return a small result.

These functions are pure with respect to the store: they never write to it (the client's
writers do, see nkevents.scale), so a worker killed half way leaves nothing behind and the
scheduler can run its task again anywhere. The only files they write are extraction outputs
(`extract --out DIR`), each written whole (a retried task writes the same bytes again).
"""
from __future__ import annotations

import json
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

from nkevents.inputs import output_file
from nkevents.scale.partitions import Partition, iter_partition


@dataclass
class PartitionResult:
    index: int
    reports: int = 0  # reports read, extracted or failed
    extracted: int = 0
    events: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)  # (source, reason) in input order
    objs: list[dict] | None = None  # extract without --out: the JSON objects, in input order
    # ingest: (source, Document | None, reason | None, extracted) in input order
    items: list[tuple] | None = None
    worker: str = ""
    peak_mb: float = 0.0  # the worker process's peak resident memory so far
    cpu_s: float = 0.0  # the worker process's CPU time so far (user + system)
    seconds: float = 0.0


def _extractor(extract):
    if extract is not None:
        return extract
    from nkevents.pipeline import run_stages
    return run_stages


def _run(extract, doc):
    """(doc, None) or (None, reason): one report the extractor cannot handle must not stop the
    batch (the same reason text as the serial ingest, store/batch.py)."""
    from nkevents.stages.read import unexpected_error
    try:
        return extract(doc), None
    except Exception as e:
        return None, unexpected_error(e, "extraction failed")


def _finish(result: PartitionResult, started: float) -> PartitionResult:
    result.seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    result.peak_mb = usage.ru_maxrss / 1024  # Linux: kB
    result.cpu_s = usage.ru_utime + usage.ru_stime
    try:
        from distributed import get_worker
        result.worker = get_worker().address
    except (ImportError, ValueError):
        result.worker = f"pid {os.getpid()}"
    return result


def output_name(path: Path | str) -> str:
    """The output file of a multi-report input: reports.jsonl.gz -> reports.jsonl, feed.xml ->
    feed.jsonl (the same names the serial `extract --out` writes)."""
    return output_file(path, many=True)


def part_name(partition: Partition) -> str:
    return f"{output_name(partition.paths[0])}.part-{partition.first_line:010d}"


def extract_partition(partition: Partition, overrides: dict, out: str | None,
                      extract=None) -> PartitionResult:
    """Extract every report of a partition. With `out`, a single-report file's output goes to
    OUT/<stem>.json (as the serial `extract --out` writes it) and a multi-report file's to a
    part file the client joins into OUT/<name>.jsonl; without, the objects come back."""
    started = time.perf_counter()
    extract = _extractor(extract)
    result = PartitionResult(partition.index, objs=[] if out is None else None)
    lines: list[str] = []
    for loaded in iter_partition(partition, overrides):
        result.reports += 1
        if loaded.error:
            result.failures.append((loaded.source, loaded.error))
            continue
        doc, reason = _run(extract, loaded.doc)
        if doc is None:
            result.failures.append((loaded.source, reason))
            continue
        result.extracted += 1
        result.events += len(doc.events)
        obj = doc.to_json()
        if out is None:
            result.objs.append(obj)
        elif partition.kind == "stream":
            lines.append(json.dumps({**obj, "source": loaded.source}, ensure_ascii=False) + "\n")
        else:
            target = Path(out) / output_file(loaded.source, many=False)
            target.write_text(json.dumps(obj, ensure_ascii=False, indent=1))
    if out is not None and partition.kind == "stream":
        target = Path(out) / part_name(partition)
        tmp = target.with_name(target.name + f".tmp{os.getpid()}")
        tmp.write_text("".join(lines), encoding="utf-8")
        os.replace(tmp, target)  # a killed worker leaves no half-written part
    return _finish(result, started)


# Engines of the stores workers look up known reports in, one per URL per worker process.
_ENGINES: dict = {}


def known_hashes(store_url: str, hashes: list[str]) -> set[str]:
    """Which of these report content hashes the store already holds (read only). Any problem
    (store not reachable from this worker) means "none known": the writer's idempotent ingest
    still stores nothing twice, the reports are just extracted again."""
    if not hashes:
        return set()
    try:
        from sqlalchemy import select
        from nkevents.store.db import make_engine
        from nkevents.store.schema import reports

        engine = _ENGINES.get(store_url)
        if engine is None:
            engine = _ENGINES[store_url] = make_engine(store_url)
        with engine.connect() as conn:
            return set(conn.execute(select(reports.c.content_hash)
                                    .where(reports.c.content_hash.in_(hashes))).scalars())
    except Exception:
        return set()


def prepare_for_store(partition: Partition, overrides: dict, store_url: str,
                      extract=None) -> PartitionResult:
    """Read a partition and extract the reports the store does not hold yet; the client writes."""
    from nkevents.store.ingest import report_hash

    started = time.perf_counter()
    extract = _extractor(extract)
    result = PartitionResult(partition.index, items=[])
    loaded_all = list(iter_partition(partition, overrides))
    known = known_hashes(store_url, [report_hash(x.doc) for x in loaded_all if x.doc is not None])
    for loaded in loaded_all:
        result.reports += 1
        if loaded.error:
            result.items.append((loaded.source, None, loaded.error, False))
            continue
        if report_hash(loaded.doc) in known:
            result.items.append((loaded.source, loaded.doc, None, False))
            continue
        doc, reason = _run(extract, loaded.doc)
        if doc is None:
            result.items.append((loaded.source, None, reason, False))
            continue
        result.extracted += 1
        result.events += len(doc.events)
        result.items.append((loaded.source, doc, None, True))
    return _finish(result, started)


def reextract_rows(index: int, rows: list[dict], extract=None) -> PartitionResult:
    """Extract stored reports again from their stored fields (text, url, outlet, title,
    published); items are (report_id, Document | None, reason | None, True)."""
    from nkevents.stages.read import ReadError, from_fields

    started = time.perf_counter()
    extract = _extractor(extract)
    result = PartitionResult(index, items=[])
    for row in rows:
        result.reports += 1
        try:
            doc = from_fields(text=row["text"], url=row["url"], outlet=row["outlet"],
                              title=row["title"], published=row["published"])
        except ReadError as e:
            result.items.append((row["report_id"], None, str(e), False))
            continue
        doc, reason = _run(extract, doc)
        if doc is None:
            result.items.append((row["report_id"], None, reason, False))
            continue
        result.extracted += 1
        result.events += len(doc.events)
        result.items.append((row["report_id"], doc, None, True))
    return _finish(result, started)
