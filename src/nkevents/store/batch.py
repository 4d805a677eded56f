"""Ingesting many files: read each report, extract it, store it; never stop for one bad input.

Each report is its own transaction, so a batch killed half way keeps what it stored, and the same
command run again skips those reports (their content hash is known) without extracting them again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from nkevents.store import Store
from nkevents.store.ingest import BY_HASH, report_hash


@dataclass
class BatchSummary:
    new: int = 0
    unchanged: int = 0
    updated: int = 0
    failed: int = 0
    events_added: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    def add(self, status: str, events_added: int = 0) -> None:
        setattr(self, status, getattr(self, status) + 1)
        self.events_added += events_added


def known_report(store: Store, doc) -> str | None:
    """The report_id under which this body is already stored, if it is."""
    with store.engine.connect() as conn:
        return conn.execute(BY_HASH, {"digest": report_hash(doc)}).scalar()


def ingest_files(store: Store, files: Iterable[Path], *, overrides: dict | None = None,
                 on_report: Callable[[str, str, str | None], None] | None = None,
                 on_file: Callable[[Path], None] | None = None) -> BatchSummary:
    """Read, extract and store every report in the files. `on_report(source, status, error)` is
    called after each report (status new|unchanged|updated|failed), `on_file(path)` after each file."""
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import iter_documents, unexpected_error

    summary = BatchSummary()
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    for path in files:
        try:
            loaded_reports = iter_documents(Path(path), **overrides)
            for loaded in loaded_reports:
                status, error = _one(store, loaded, run_stages, summary)
                if on_report:
                    on_report(loaded.source, status, error)
        except Exception as e:  # an unexpected reader bug: report the file, go on with the batch
            reason = unexpected_error(e)
            _fail(store, summary, str(path), reason)
            if on_report:
                on_report(str(path), "failed", reason)
        if on_file:
            on_file(Path(path))
    return summary


def _one(store: Store, loaded, run_stages, summary: BatchSummary) -> tuple[str, str | None]:
    if loaded.error:
        _fail(store, summary, loaded.source, loaded.error)
        return "failed", loaded.error
    doc = loaded.doc
    if known_report(store, doc):
        result = store.ingest_document(doc, source=loaded.source)  # clears an old failure
        summary.add(result.status)
        return result.status, None
    try:
        doc = run_stages(doc)
    except Exception as e:  # one report the extractor cannot handle must not stop the batch
        from nkevents.stages.read import unexpected_error
        reason = unexpected_error(e, "extraction failed")
        _fail(store, summary, loaded.source, reason)
        return "failed", reason
    result = store.ingest_document(doc, source=loaded.source)
    summary.add(result.status, result.events_added)
    return result.status, None


def _fail(store: Store, summary: BatchSummary, source: str, reason: str) -> None:
    summary.failed += 1
    summary.failures.append((source, reason))
    store.record_failure(source, reason)
