"""Large batches on Dask: extract, ingest and re-extract archives in parallel (docs/scale.md).

    nkevents extract ARCHIVE... --out DIR --engine dask [--scheduler tcp://HOST:8786]
    nkevents ingest ARCHIVE... --engine dask
    nkevents reextract --since-version X --engine dask

How a run goes:
- the client cuts the inputs into partitions (`partitions.plan_partitions`: groups of files, line
  ranges of JSON Lines files) and submits them to Dask a few at a time (a window of about two per
  worker), so neither the client nor the scheduler ever holds the whole archive;
- workers read and extract their partition (`tasks`) and return a small result; Dask retries a
  task whose worker died or failed (`RETRIES`);
- the client hands results on in input order: progress (reports done / total, reports per
  second), per-report failures printed as the serial run prints them, and for the store a
  bounded number of writer threads (one for SQLite, `PG_WRITERS` for PostgreSQL) that write
  each report in its own transaction with the store's idempotent ingest. Reports with the same
  URL always go to the same writer, in input order, so revisions come out as in a serial run.

Nothing is written to the store by workers, so a killed worker loses nothing (its task runs
again) and a killed run loses at most the reports in flight; the same command run again stores
nothing twice (reports already stored are recognised by content hash and not extracted again).
"""
from __future__ import annotations

import json
import queue
import sys
import threading
import time
import uuid
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from nkevents.scale.cluster import ScaleError, dask_client, worker_count
from nkevents.scale.partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions, with_lines
from nkevents.scale.tasks import (PartitionResult, extract_partition, output_name, part_name,
                                  prepare_for_store, reextract_rows)

ENGINES = ("dask",)
# Times Dask runs a task again after an exception on its worker (a worker that dies is handled
# by the scheduler's own allowed-failures count).
RETRIES = 2
# Partitions in flight (submitted, or finished and waiting for an earlier one) per worker.
WINDOW_PER_WORKER = 3
PG_WRITERS = 4
# Reports waiting in one writer's queue before the client stops taking results from Dask.
WRITER_QUEUE = 500

__all__ = ["run_extract_distributed", "run_ingest_distributed", "run_reextract_distributed",
           "ScaleError", "RunStats", "plan_partitions", "Partition"]


@dataclass
class RunStats:
    """Figures of a finished distributed run (printed on a line of their own; bench uses them)."""
    workers: int = 0
    reports: int = 0
    seconds: float = 0.0
    peak_mb: dict[str, float] = field(default_factory=dict)  # worker -> peak resident MB
    cpu_s: dict[str, float] = field(default_factory=dict)  # worker -> CPU seconds used

    @property
    def rate(self) -> float:
        return self.reports / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        peak = max(self.peak_mb.values(), default=0.0)
        return (f"dask: {self.workers} workers, {self.reports} reports in {self.seconds:.1f} s "
                f"({self.rate:.1f} reports/s), peak worker memory {peak:.0f} MB")


# ---------------------------------------------------------------- progress

def _progress(console, label: str):
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn,
                               TextColumn, TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task):
            return Text(f"{task.speed:.0f} reports/s" if task.speed else "… reports/s")

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("reports"),
                    RateColumn(), TimeElapsedColumn(), TimeRemainingColumn(), console=console,
                    disable=not console.is_terminal)


def _say(console, message: str) -> None:
    """One message line, never wrapped (logs are read by people and by grep)."""
    console.print(message, highlight=False, soft_wrap=True, markup=False)


def _console(console):
    if console is not None:
        return console
    from rich.console import Console
    return Console(stderr=True, highlight=False)


# ---------------------------------------------------------------- submitting in order

def run_in_order(client, jobs: Iterable[tuple[Callable, tuple]],
                 on_result: Callable[[int, PartitionResult | None, BaseException | None], None],
                 window: int, retries: int = RETRIES) -> None:
    """Submit jobs (fn, args) to Dask, at most `window` ahead of the first one not handed on,
    and call on_result(index, result, error) in job order. A job that still fails after its
    retries gives (index, None, error); the run goes on."""
    from dask.distributed import as_completed

    token = uuid.uuid4().hex[:8]
    jobs = iter(jobs)
    done: dict[int, tuple] = {}
    submitted, released = 0, 0
    tracker = as_completed()
    index_of = {}

    def submit_more():
        nonlocal submitted
        while submitted - released < window:
            job = next(jobs, None)
            if job is None:
                return
            fn, args = job
            future = client.submit(fn, *args, retries=retries, pure=False,
                                   key=f"nkevents-{fn.__name__}-{token}-{submitted}")
            index_of[future.key] = submitted
            tracker.add(future)
            submitted += 1

    submit_more()
    for future in tracker:
        index = index_of.pop(future.key)
        try:
            done[index] = (future.result(), None)
        except Exception as e:  # failed after its retries (or its workers kept dying)
            done[index] = (None, e)
        future.release()
        while released in done:
            result, error = done.pop(released)
            on_result(released, result, error)
            released += 1
        submit_more()


def _task_error(e: BaseException) -> str:
    text = (str(e) or type(e).__name__).splitlines()[0]
    return f"partition failed on the cluster ({type(e).__name__}: {text})"


def _check_engine(engine: str) -> None:
    if engine not in ENGINES:
        raise ScaleError(f"--engine {engine}: unknown engine (one of: {', '.join(ENGINES)})")


def _wait_for_workers(client, scheduler: str | None) -> int:
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError:
        raise ScaleError(f"{scheduler or 'local cluster'}: no Dask worker joined within 60 s")
    return worker_count(client)


def _note_result(stats: RunStats, result: PartitionResult | None) -> None:
    if result is not None:
        stats.reports += result.reports
        stats.peak_mb[result.worker] = max(stats.peak_mb.get(result.worker, 0.0), result.peak_mb)
        stats.cpu_s[result.worker] = max(stats.cpu_s.get(result.worker, 0.0), result.cpu_s)


# ---------------------------------------------------------------- extract

def run_extract_distributed(paths, out, *, engine: str = "dask", scheduler: str | None = None,
                            published=None, url=None, outlet=None, partition_size: int | None = None,
                            n_workers: int | None = None, extract=None, console=None,
                            stats: RunStats | None = None) -> int:
    """`nkevents extract PATHS [--out DIR] --engine dask`: the serial batch's output, messages
    and summary line, computed on Dask. Returns the exit code (0 ok, 1 some reports failed,
    2 bad usage). Without `out`, the JSON objects go to stdout, one per line, in input order.
    `extract` (Document -> Document, default the pipeline) is for tests."""
    from nkevents.inputs import InputError, iter_input_files

    console = _console(console)
    try:
        _check_engine(engine)
        files = list(iter_input_files(paths))
        partitions = plan_partitions(files, partition_size or DEFAULT_PARTITION_SIZE)
    except (ScaleError, InputError) as e:
        _say(console, f"error: {e}")
        return 2
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
    overrides = {"published": published, "url": url, "outlet": outlet}
    stats = stats if stats is not None else RunStats()
    totals = {"ok": 0, "events": 0, "failed": 0}
    started = time.perf_counter()
    try:
        with dask_client(scheduler, n_workers=n_workers) as client, _progress(console, "extracting") as bar:
            stats.workers = _wait_for_workers(client, scheduler)
            task = bar.add_task("extract", total=sum(p.expected for p in partitions))

            def on_result(index, result, error):
                partition = partitions[index]
                _note_result(stats, result)
                if error is not None:
                    totals["failed"] += 1
                    _say(bar.console, f"error: {partition.label}: {_task_error(error)}")
                    bar.update(task, total=bar.tasks[0].total - partition.expected)
                    return
                for source, reason in result.failures:
                    _say(bar.console, f"error: {source}: {reason}")
                for obj in result.objs or ():
                    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
                totals["ok"] += result.extracted
                totals["events"] += result.events
                totals["failed"] += len(result.failures)
                bar.update(task, total=bar.tasks[0].total + result.reports - partition.expected,
                           advance=result.reports)

            jobs = ((extract_partition, (p, overrides, None if out is None else str(out), extract))
                    for p in with_lines(partitions))
            run_in_order(client, jobs, on_result, window=WINDOW_PER_WORKER * stats.workers)
    except ScaleError as e:
        _say(console, f"error: {e}")
        return 2
    if out is not None:
        join_parts(out, partitions)
    stats.seconds = time.perf_counter() - started
    _say(console, stats.line())
    _say(console, f"{totals['ok']} reports extracted ({totals['events']} events), "
                  f"{totals['failed']} failed")
    return 1 if totals["failed"] else 0


def join_parts(out: Path, partitions: list[Partition]) -> None:
    """Join the part files of each multi-report input into OUT/<name>.jsonl, in input order."""
    parts_of: dict[str, list[Path]] = {}
    for p in partitions:
        if p.kind == "stream":
            parts_of.setdefault(p.paths[0], []).append(out / part_name(p))
    for source, parts in parts_of.items():
        target = out / output_name(source)
        tmp = target.with_name(target.name + ".joining")
        with tmp.open("wb") as joined:
            for part in parts:
                if part.exists():  # missing when its partition failed on the cluster
                    with part.open("rb") as f:
                        while chunk := f.read(1 << 20):
                            joined.write(chunk)
        tmp.replace(target)
        for part in parts:
            part.unlink(missing_ok=True)


# ---------------------------------------------------------------- writers

_STOP = object()


class Writers:
    """A bounded number of threads writing to the store. An item goes to the writer its key
    picks, so items with the same key (a report's URL) are written in the order they came."""

    def __init__(self, n: int, write: Callable[[object], None]):
        self.write = write
        self.error: BaseException | None = None
        self.queues = [queue.Queue(maxsize=WRITER_QUEUE) for _ in range(max(1, n))]
        self.threads = [threading.Thread(target=self._loop, args=(q,), daemon=True,
                                         name=f"nkevents-writer-{i}")
                        for i, q in enumerate(self.queues)]
        for t in self.threads:
            t.start()

    def put(self, key: str, item) -> None:
        if self.error is not None:
            raise self.error
        self.queues[zlib.crc32(key.encode("utf-8")) % len(self.queues)].put(item)

    def _loop(self, q: queue.Queue) -> None:
        while (item := q.get()) is not _STOP:
            if self.error is not None:
                continue  # drain: the run is stopping
            try:
                self.write(item)
            except BaseException as e:  # noqa: BLE001 - handed to the client thread in close()
                self.error = e

    def close(self) -> None:
        for q in self.queues:
            q.put(_STOP)
        for t in self.threads:
            t.join()
        if self.error is not None:
            raise self.error


def default_writers(store) -> int:
    return 1 if store.dialect == "sqlite" else PG_WRITERS


# ---------------------------------------------------------------- ingest

def run_ingest_distributed(paths, store_url: str | None, *, engine: str = "dask",
                           scheduler: str | None = None,
                           published=None, outlet=None, url=None, writers: int | None = None,
                           partition_size: int | None = None, n_workers: int | None = None,
                           extract=None, console=None, stats: RunStats | None = None):
    """`nkevents ingest PATHS --engine dask`: read and extract on Dask, write with `writers`
    threads (default 1 for SQLite, PG_WRITERS for PostgreSQL). Prints progress and one
    "failed: SOURCE: REASON" line per failure, like the serial ingest; returns the
    store.batch.BatchSummary (the caller prints the summary line). `paths` may be the
    command-line paths or the files already expanded. Raises ScaleError (bad engine option,
    unreachable scheduler), InputError (missing input) and StoreError (database) with one-line
    messages."""
    from nkevents.inputs import iter_input_files
    from nkevents.store import Store
    from nkevents.store.batch import BatchSummary

    console = _console(console)
    _check_engine(engine)
    partitions = plan_partitions(list(iter_input_files(paths)),
                                 partition_size or DEFAULT_PARTITION_SIZE)
    overrides = {"published": published, "outlet": outlet, "url": url}
    summary, lock = BatchSummary(), threading.Lock()
    stats = stats if stats is not None else RunStats()
    started = time.perf_counter()
    store = Store.open(store_url)  # creates/upgrades the schema before any worker looks at it
    try:
        with dask_client(scheduler, n_workers=n_workers) as client, _progress(console, "ingesting") as bar:
            stats.workers = _wait_for_workers(client, scheduler)
            task = bar.add_task("ingest", total=sum(p.expected for p in partitions))

            def write(item):
                source, doc, reason, _extracted = item
                if doc is None:
                    store.record_failure(source, reason)
                    with lock:
                        summary.failed += 1
                        summary.failures.append((source, reason))
                    _say(bar.console, f"failed: {source}: {reason}")
                else:
                    result = store.ingest_document(doc, source=source)
                    with lock:
                        summary.add(result.status, result.events_added)
                bar.advance(task)

            pool = Writers(writers or default_writers(store), write)

            def on_result(index, result, error):
                partition = partitions[index]
                _note_result(stats, result)
                if error is not None:
                    pool.put(partition.label, (partition.label, None, _task_error(error), False))
                    bar.update(task, total=bar.tasks[0].total + 1 - partition.expected)
                    return
                bar.update(task, total=bar.tasks[0].total + result.reports - partition.expected)
                for item in result.items:
                    source, doc = item[0], item[1]
                    pool.put((doc.url if doc is not None and doc.url else None) or source, item)

            jobs = ((prepare_for_store, (p, overrides, store.engine.url.render_as_string(False), extract))
                    for p in with_lines(partitions))
            try:
                run_in_order(client, jobs, on_result, window=WINDOW_PER_WORKER * stats.workers)
            finally:
                pool.close()
    finally:
        store.close()
    stats.seconds = time.perf_counter() - started
    _say(console, stats.line())
    return summary


# ---------------------------------------------------------------- re-extract

@dataclass
class ReextractSummary:
    reports: int = 0
    failed: int = 0
    added: int = 0
    replaced: int = 0
    removed: int = 0
    kept_reviewed: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def line(self) -> str:
        """The serial `nkevents reextract` summary line."""
        return (f"{self.reports - self.failed} reports re-extracted: {self.added} events added, "
                f"{self.replaced} replaced, {self.removed} removed, "
                f"{self.kept_reviewed} under review kept" + (f", {self.failed} failed" if self.failed else ""))


def _version_key(v: str):
    from packaging.version import InvalidVersion, Version
    try:
        return (0, Version(v))
    except InvalidVersion:
        return (1, v)


def reports_to_reextract(store, since_version: str | None = None) -> list[str]:
    """Report ids whose events came from an extractor older than `since_version` (or from an
    unknown one); without it, from any version other than the running one (`--stale`)."""
    from sqlalchemy import select
    from nkevents import EXTRACTOR_VERSION
    from nkevents.store.schema import reports

    if since_version is None:
        return store.report_ids(stale_for=EXTRACTOR_VERSION)
    with store.engine.connect() as conn:
        versions = list(conn.execute(select(reports.c.extractor_version).distinct()).scalars())
        older = [v for v in versions if v is not None and _version_key(v) < _version_key(since_version)]
        stmt = select(reports.c.report_id).where(reports.c.extractor_version.in_(older)
                                                 | reports.c.extractor_version.is_(None))
        return list(conn.execute(stmt.order_by(reports.c.pk)).scalars())


def _stored_fields(store, ids: list[str]) -> list[dict]:
    """What re-extraction needs of stored reports: the body as read and the metadata."""
    from sqlalchemy import select
    from nkevents.store.schema import reports

    cols = (reports.c.report_id, reports.c.raw, reports.c.url, reports.c.outlet, reports.c.title,
            reports.c.published)
    with store.engine.connect() as conn:
        rows = {r.report_id: r for r in conn.execute(select(*cols).where(reports.c.report_id.in_(ids)))}
    return [{"report_id": i, "text": rows[i].raw, "url": rows[i].url, "outlet": rows[i].outlet,
             "title": rows[i].title, "published": rows[i].published} for i in ids if i in rows]


def run_reextract_distributed(store_url: str | None, since_version: str | None = None, *,
                              report_ids: list[str] | None = None, all_reports: bool = False,
                              engine: str = "dask", scheduler: str | None = None,
                              writers: int | None = None, chunk: int | None = None,
                              n_workers: int | None = None, extract=None, console=None,
                              stats: RunStats | None = None) -> ReextractSummary:
    """`nkevents reextract --since-version X --engine dask`: extract stored reports again on Dask
    (those named, else all with `all_reports`, else those from an extractor older than X, else
    those from another version than the running one) and put the output in place of the machine events with the store's
    `reextract`, which keeps every reviewer's decision. Returns the summary (`.line()` is the
    serial command's summary line)."""
    from nkevents.store import Store

    console = _console(console)
    _check_engine(engine)
    size = chunk or DEFAULT_PARTITION_SIZE
    summary, lock = ReextractSummary(), threading.Lock()
    stats = stats if stats is not None else RunStats()
    started = time.perf_counter()
    store = Store.open(store_url)
    try:
        if report_ids:
            ids = list(report_ids)
        elif all_reports:
            ids = store.report_ids()
        else:
            ids = reports_to_reextract(store, since_version)
        chunks = [ids[i:i + size] for i in range(0, len(ids), size)]
        with dask_client(scheduler, n_workers=n_workers) as client, _progress(console, "re-extracting") as bar:
            stats.workers = _wait_for_workers(client, scheduler)
            task = bar.add_task("reextract", total=len(ids))

            def write(item):
                report_id, doc, reason, _ = item
                result = None
                if doc is not None:
                    try:
                        result = store.reextract(report_id, extract=lambda _fields: doc)
                    except Exception as e:  # noqa: BLE001 - StoreError, or a database error
                        reason = str(e).splitlines()[0]
                with lock:
                    summary.reports += 1
                    if result is None:
                        summary.failed += 1
                        summary.failures.append((report_id, reason))
                    else:
                        for k in ("added", "replaced", "removed", "kept_reviewed"):
                            setattr(summary, k, getattr(summary, k) + getattr(result, k))
                if result is None:
                    _say(bar.console, f"failed: {report_id}: {reason}")
                bar.advance(task)

            pool = Writers(writers or default_writers(store), write)

            def on_result(index, result, error):
                _note_result(stats, result)
                if error is not None:
                    for rid in chunks[index]:
                        pool.put(rid, (rid, None, _task_error(error), False))
                    return
                for item in result.items:
                    pool.put(item[0], item)

            # rows are read from the store only when their chunk is submitted (bounded memory)
            jobs = ((reextract_rows, (i, _stored_fields(store, c), extract)) for i, c in enumerate(chunks))
            try:
                run_in_order(client, jobs, on_result, window=WINDOW_PER_WORKER * stats.workers)
            finally:
                pool.close()
    finally:
        store.close()
    stats.seconds = time.perf_counter() - started
    stats.reports = summary.reports
    _say(console, stats.line())
    return summary
