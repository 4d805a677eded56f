"""Cutting a batch of input files into partitions, and reading one partition on a worker.

A partition is a small descriptor, cheap to send to a worker: either a group of single-report
files (.txt, .html, .json), or one multi-report file (a feed, or a line range of a JSON Lines
file, plain or gzip-compressed). The client streams each JSON Lines file once to find where
every range starts, and never holds the whole file. For a plain .jsonl a worker seeks to the
range's byte offset and reads its lines. A .jsonl.gz cannot be seeked (every task would
decompress the file from its start: for P ranges, P/2 decompressions of the whole file), so the
client streams it a second time as it submits the ranges and puts each range's lines into its
descriptor (`with_lines`); with the submission window that is a few hundred lines in memory.

Reading a partition yields exactly the `Loaded` entries that `stages.read.iter_documents` yields
for the same lines (same `source` "path:LINE", same error reasons), so a distributed run reports
failures like a serial one. tests/test_scale.py checks this on files with bad lines.
"""
from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator

from nkevents.stages import read
from nkevents.stages.read import Loaded, ReadError

# Reports per partition: large enough that Dask's per-task cost (a few ms) is noise next to
# extraction (tens of ms per report), small enough that the progress bar moves and a retried
# task repeats little work.
DEFAULT_PARTITION_SIZE = 100
# How much of a JSON Lines file the planner reads at a time.
SCAN_CHUNK = 1 << 20


@dataclass(frozen=True)
class Partition:
    """`files`: single-report files read whole. `stream`: one multi-report file (JSON Lines or
    feed); for JSON Lines the lines first_line..stop_line-1 (1-based; stop None = to the end),
    starting at byte `offset` of the (decompressed) file."""
    index: int
    kind: str  # files | stream
    paths: tuple[str, ...]
    first_line: int = 1
    stop_line: int | None = None
    offset: int = 0
    expected: int = 0  # reports expected (lines for JSON Lines; corrected when the partition is read)
    # .jsonl.gz ranges: the raw lines, read by the client (see with_lines), and the reason the
    # stream broke after them, if it did
    lines: tuple[bytes, ...] | None = None
    read_error: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "files":
            return self.paths[0] if len(self.paths) == 1 else f"{self.paths[0]} (+{len(self.paths) - 1})"
        return f"{self.paths[0]}:{self.first_line}" + ("" if self.stop_line is None else f"-{self.stop_line - 1}")


def is_multi_report(path: Path) -> bool:
    """JSON Lines and feeds hold many reports; other files one."""
    return read.holds_many_reports(Path(path))


def plan_partitions(files: Iterable[Path | str], size: int = DEFAULT_PARTITION_SIZE) -> list[Partition]:
    """Descriptors for every input file, in input order (the order results are written in)."""
    if size < 1:
        raise ValueError("partition size must be at least 1")
    partitions: list[Partition] = []
    group: list[str] = []

    def flush_group():
        if group:
            partitions.append(Partition(len(partitions), "files", tuple(group), expected=len(group)))
            group.clear()

    for f in files:
        path = Path(f)
        kind = read._kind(path)
        if kind == "jsonl":
            flush_group()
            for first, stop, offset in line_ranges(path, size):
                expected = (stop - first) if stop is not None else 1
                partitions.append(Partition(len(partitions), "stream", (str(path),), first, stop,
                                            offset, expected))
        elif kind == "feed":
            flush_group()
            partitions.append(Partition(len(partitions), "stream", (str(path),), expected=1))
        else:
            group.append(str(path))
            if len(group) == size:
                flush_group()
    flush_group()
    return partitions


def line_ranges(path: Path, size: int) -> Iterator[tuple[int, int | None, int]]:
    """(first_line, stop_line, byte offset) for every `size` lines of a JSON Lines file, read
    once in chunks (gzip decompressed while streaming). The last range is open (stop None), so
    a file that cannot be scanned to the end (missing, broken gzip) still gets a range that
    reads, and reports, the problem exactly where the serial reader would."""
    first, offset = 1, 0
    try:
        opener = gzip.open if read._is_gz(path) else open
        with opener(path, "rb") as stream:
            line, position = 1, 0  # number of the line that starts at `position`
            while True:
                chunk = stream.read(SCAN_CHUNK)
                if not chunk:
                    break
                at = chunk.find(b"\n")
                while at >= 0:
                    line += 1
                    if line - first == size:
                        yield first, line, offset
                        first, offset = line, position + at + 1
                    at = chunk.find(b"\n", at + 1)
                position += len(chunk)
            if position <= offset:
                return  # the file ends exactly at a range boundary (or is empty)
    except (OSError, EOFError, zlib.error):
        pass  # the worker meets the same problem and reports it per line, as the serial reader does
    yield first, None, offset


def with_lines(partitions: Iterable[Partition]) -> Iterator[Partition]:
    """The partitions in order, .jsonl.gz ranges with their lines read in (one sequential
    decompression per file, done as the ranges are asked for)."""
    stream, stream_path, broken = None, None, False
    try:
        for p in partitions:
            if p.kind != "stream" or not _is_gz_jsonl(p):
                yield p
                continue
            if stream_path != p.paths[0] or p.first_line == 1:
                if stream is not None:
                    stream.close()
                stream_path, broken = p.paths[0], False
                try:
                    stream = gzip.open(p.paths[0], "rb")
                except OSError:
                    stream = None
                    yield p  # the worker opens it and reports why it cannot
                    continue
            if stream is None or broken:
                yield replace(p, lines=())
                continue
            lines, error = _read_lines(stream, p)
            broken = error is not None
            yield replace(p, lines=lines, read_error=error)
    finally:
        if stream is not None:
            stream.close()


def _is_gz_jsonl(p: Partition) -> bool:
    return read._is_gz(Path(p.paths[0])) and read._kind(Path(p.paths[0])) == "jsonl"


def _read_lines(stream, p: Partition) -> tuple[tuple[bytes, ...], str | None]:
    """The lines of range p from a stream positioned at its start (a line over the size limit
    is kept truncated: the worker reports it as too long, as the serial reader does)."""
    lines = []
    lineno = p.first_line - 1
    while p.stop_line is None or lineno + 1 < p.stop_line:
        try:
            line = stream.readline(read.MAX_REPORT_BYTES + 1)
            if len(line) > read.MAX_REPORT_BYTES and not line.endswith(b"\n"):
                read._skip_rest_of_line(stream)
        except (OSError, EOFError, zlib.error) as e:
            return tuple(lines), f"broken gzip file ({e})"
        if not line:
            break
        lineno += 1
        lines.append(line)
    return tuple(lines), None


def iter_partition(partition: Partition, overrides: dict | None = None) -> Iterator[Loaded]:
    """Every report of a partition, as `iter_documents` gives them; never raises for bad input."""
    overrides = {k: v for k, v in (overrides or {}).items() if v is not None}
    if partition.kind == "files" or read._kind(Path(partition.paths[0])) != "jsonl":
        for name in partition.paths:
            yield from _iter_file(Path(name), overrides)
        return
    yield from _iter_line_range(partition, overrides)


def _iter_file(path: Path, overrides: dict) -> Iterator[Loaded]:
    try:
        yield from read.iter_documents(path, **overrides)
    except Exception as e:  # a reader bug on one file must not lose the rest of the partition
        yield Loaded(str(path), None, read.unexpected_error(e))


def _iter_line_range(p: Partition, overrides: dict) -> Iterator[Loaded]:
    """The lines of one range of a JSON Lines file; mirrors read._iter_jsonl line by line."""
    path = Path(p.paths[0])
    if p.lines is not None:  # read by the client (.jsonl.gz)
        for number, line in enumerate(p.lines, start=p.first_line):
            loaded = _loaded_from_line(line, f"{path}:{number}", None, overrides)
            if loaded is not None:
                yield loaded
        if p.read_error:
            yield Loaded(f"{path}:{p.first_line + len(p.lines)}", None, p.read_error)
        return
    try:
        stream = gzip.open(path, "rb") if read._is_gz(path) else path.open("rb")
    except FileNotFoundError:
        yield Loaded(str(path), None, "no such file")
        return
    except OSError as e:
        yield Loaded(str(path), None, f"cannot read: {e.strerror or e}")
        return
    with stream:
        lineno = p.first_line - 1
        try:
            stream.seek(p.offset)
        except (OSError, EOFError, zlib.error) as e:
            yield Loaded(f"{path}:{lineno + 1}", None, f"broken gzip file ({e})")
            return
        while p.stop_line is None or lineno + 1 < p.stop_line:
            try:
                line = stream.readline(read.MAX_REPORT_BYTES + 1)
            except (OSError, EOFError, zlib.error) as e:
                yield Loaded(f"{path}:{lineno + 1}", None, f"broken gzip file ({e})")
                return
            if not line:
                return
            lineno += 1
            loaded = _loaded_from_line(line, f"{path}:{lineno}", stream, overrides)
            if loaded is not None:  # blank lines are skipped, as the serial reader does
                yield loaded


def _loaded_from_line(line: bytes, source: str, stream, overrides: dict) -> Loaded | None:
    if len(line) > read.MAX_REPORT_BYTES and not line.endswith(b"\n"):
        if stream is not None:
            read._skip_rest_of_line(stream)
        return Loaded(source, None, f"line too long (over {read.MAX_REPORT_BYTES // 1048576} MB)")
    if not line.strip():
        return None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return Loaded(source, None, "not UTF-8 text; convert the file to UTF-8 first")
    try:
        return Loaded(source, read._doc_from_object(read._parse_json(text), overrides, source), None)
    except ReadError as e:
        return Loaded(source, None, str(e))
    except Exception as e:  # one line the reader cannot handle: the rest of the range goes on
        return Loaded(source, None, read.unexpected_error(e))
