"""Compiled regular expressions kept from the build, as .pyc files keep compiled code.

Compiling its ~400 regexes (re's parser and compiler are pure Python) was most of what a process
extracting one report spends. scripts/build_derived.py records, for every pattern the extractor
compiles (see collect), what re's compiler makes of it (its code list, groups, group names) in
data/regex_store.bin; `compile` hands that to `_sre.compile`, the C constructor `re.compile` ends
in, and skips the parse and compile. This uses private parts of `re` (`_sre.compile`,
`re._parser`, `re._compiler._code`), which change between Python versions: the store is keyed by
the exact interpreter, and a store of another interpreter, a pattern not in the store or any
failure compiles with `re.compile`, so the store can only make compiling faster, never different
(tests/test_regex_store.py checks every entry against `re.compile` and that the store is not stale).
"""
from __future__ import annotations

import hashlib
import marshal
import re
import sys
import zlib
from array import array
from pathlib import Path

STORE = Path(__file__).resolve().parent / "data" / "regex_store.bin"

try:
    import _sre
    from re import _compiler, _parser
    INTERPRETER = f"{sys.implementation.cache_tag} {sys.version} {_sre.MAGIC} {_sre.CODESIZE}"
    CODE_TYPE = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)
except Exception:  # another implementation of re: nothing is stored or read
    INTERPRETER = CODE_TYPE = None

# The store file: HEADER_SIZE bytes giving the length of a marshalled header {"interpreter": ...,
# "index": {key(pattern, flags): (offset, length)}}, then the entries one after another, each
# (pattern, flags, final flags, code as bytes, groups, groupindex, indexgroup) marshalled and
# compressed, each read only when its pattern is compiled: a process needs few of them, and reading
# them all (or an index of the patterns themselves) took longer than the compiles saved.
HEADER_SIZE = 8
_index: dict | None = None
_blob: bytes = b""
# (pattern, flags) of every compile call while collecting (see collect), else None
recorded: set | None = None
# what compile returned, as re's own cache keeps it (some callers compile in a loop)
_made: dict = {}
MADE_MAX = 2048


def compile(pattern, flags=0) -> re.Pattern:
    """re.compile(pattern, flags), from the store when it holds the pattern."""
    if not isinstance(pattern, (str, bytes)):  # (a compiled pattern, or what re rejects)
        return re.compile(pattern, flags)
    flags = int(flags)
    key = (pattern, flags)
    made = _made.get(key)
    if made is not None:
        return made
    if recorded is not None:
        recorded.add(key)
    index = _index if _index is not None else _read()
    made = None
    if index:
        try:
            at = index[index_key(pattern, flags)]
            kept = marshal.loads(zlib.decompress(_blob[at[0]:at[0] + at[1]]))
            if kept[:2] == key:  # (the index's key is a digest: the pattern itself decides)
                final_flags, code, groups, groupindex, indexgroup = kept[2:]
                made = _sre.compile(pattern, final_flags, array(CODE_TYPE, code).tolist(), groups,
                                    groupindex, indexgroup)
        except Exception:  # (not in the store, or anything unforeseen: re.compile decides)
            made = None
    if made is None:
        made = re.compile(pattern, flags)
    if len(_made) >= MADE_MAX:
        _made.clear()
    _made[key] = made
    return made


def index_key(pattern, flags: int) -> bytes:
    """The index's key of a pattern: a digest (an index of the patterns themselves is slow to read)."""
    text = pattern if isinstance(pattern, str) else pattern.decode("latin-1")
    return hashlib.blake2b(f"{type(pattern).__name__} {flags} {text}".encode("utf-8", "surrogatepass"),
                           digest_size=16).digest()


def _header(data: bytes) -> dict:
    size = int.from_bytes(data[:HEADER_SIZE], "little")
    return marshal.loads(data[HEADER_SIZE:HEADER_SIZE + size])


def _read() -> dict:
    global _index, _blob
    _index = {}
    if INTERPRETER is not None:
        try:
            data = STORE.read_bytes()
            header = _header(data)
            if header["interpreter"] == INTERPRETER:
                _blob = memoryview(data)[HEADER_SIZE + int.from_bytes(data[:HEADER_SIZE], "little"):]
                _index = header["index"]
        except Exception:  # missing, unreadable, of another format: compile as usual
            pass
    return _index


def entry(pattern, flags: int) -> tuple:
    """What re's compiler makes of a pattern, as the store keeps it (the steps of re._compiler.compile)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (flags | parsed.state.flags, array(CODE_TYPE, code).tobytes(), parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


def build(keys) -> bytes:
    """The store's bytes for these (pattern, flags), sorted so the same patterns give the same bytes."""
    index, parts, offset = {}, [], 0
    for key in sorted(keys, key=repr):
        if key[1] & re.DEBUG:
            continue
        part = zlib.compress(marshal.dumps(key + entry(*key)), 9)
        index[index_key(*key)] = (offset, len(part))
        parts.append(part)
        offset += len(part)
    header = marshal.dumps({"interpreter": INTERPRETER, "index": index})
    return len(header).to_bytes(HEADER_SIZE, "little") + header + b"".join(parts)


def stored() -> dict:
    """{(pattern, flags): entry} of the store file, whatever interpreter it was built with."""
    try:
        data = STORE.read_bytes()
        index = _header(data)["index"]
    except Exception:
        return {}
    blob = data[HEADER_SIZE + int.from_bytes(data[:HEADER_SIZE], "little"):]
    kept = [marshal.loads(zlib.decompress(blob[at:at + size])) for at, size in index.values()]
    return {tuple(k[:2]): tuple(k[2:]) for k in kept}


def stored_interpreter() -> str | None:
    try:
        return _header(STORE.read_bytes())["interpreter"]
    except Exception:
        return None


def collect_in_fresh_process() -> set:
    """collect() run in a new interpreter (this one has imported the stages already)."""
    import subprocess
    script = ("import marshal, sys; from nkevents import regex_store; "
              "sys.stdout.buffer.write(marshal.dumps(regex_store.collect()))")
    import os
    src = str(Path(__file__).resolve().parents[1])  # (this checkout's nkevents, not another installed one)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, env=env)
    return marshal.loads(done.stdout)


def collect() -> set:
    """The (pattern, flags) to store: every regex compiled while importing the stages, running
    them over the project's own test articles, and compiling every pattern of every lexicon list
    and every cleaning rule one by one (as a one-report process may need any of them), and the
    fast forms of every list (as a batch compiles them once a list is hot). Run in a
    fresh process (scripts/build_derived.py does), so that the imports' regexes are seen."""
    global recorded
    recorded = set()
    _made.clear()
    import gc

    from nkevents import lexicon
    from nkevents.pipeline import extract
    from nkevents.stages import clean
    articles = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "articles"
    for path in sorted(articles.glob("*.txt")):
        extract(path.read_text("utf-8"))
    for obj in gc.get_objects():
        if isinstance(obj, lexicon.Patterns):
            for pattern in obj.patterns:
                obj.regex(pattern)
            if obj.one_regex:
                obj.whole()
            if obj.readable:  # (the fast forms of a hot list, for a batch)
                obj.gated()
                obj.bucket_regexes()
        elif isinstance(obj, lexicon.Scanner) and obj._every:
            obj.hot_regex()
            obj.hot_lowered_regex()
        elif isinstance(obj, (clean.LineRule, clean.InlineRule)):
            obj.regex
            if isinstance(obj, clean.LineRule):
                obj.unless
    out, recorded = recorded, None
    return out
