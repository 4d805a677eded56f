"""The regex store (nkevents.regex_store) gives exactly what re.compile gives, holds what the
extractor compiles now, and falls back to re.compile for anything else."""
import re

import pytest

from nkevents import regex_store


@pytest.fixture
def fresh_store(monkeypatch):
    """The store read anew, and read again after the test (a test may change what is read)."""
    for name, value in (("_index", None), ("_made", {}), ("_blob", b"")):
        monkeypatch.setattr(regex_store, name, value)
    yield regex_store


def test_store_holds_what_the_extractor_compiles_now():
    stored = set(regex_store.stored())
    collected = regex_store.collect_in_fresh_process()
    assert stored, "data/regex_store.bin missing: run scripts/build_derived.py"
    assert stored == collected, (f"data/regex_store.bin is stale ({len(collected - stored)} patterns missing, "
                                 f"{len(stored - collected)} unused): run scripts/build_derived.py")


def test_stored_patterns_are_what_re_compiles_on_this_interpreter(fresh_store):
    if regex_store.stored_interpreter() != regex_store.INTERPRETER:
        pytest.skip("the store is built for another interpreter (it is not used here)")
    entries = regex_store.stored()
    for (pattern, flags), kept in entries.items():
        assert kept == regex_store.entry(pattern, flags), pattern[:80]
    # and what compile makes of them is re.compile's pattern: same code, flags, groups, names
    for pattern, flags in list(entries)[::50]:
        made, expected = regex_store.compile(pattern, flags), re.compile(pattern, flags)
        assert made is not expected  # (from the store, not from re's cache)
        assert made == expected  # (compares pattern, flags and code)
        assert (made.groups, made.groupindex) == (expected.groups, expected.groupindex)


def test_a_stored_pattern_matches_as_re_compiles_it(fresh_store):
    if regex_store.stored_interpreter() != regex_store.INTERPRETER:
        pytest.skip("the store is built for another interpreter")
    from nkevents.stages import dates
    pattern = dates.grammar().scan  # (compiled through the store)
    key = (pattern.pattern, pattern.flags & ~re.UNICODE)
    assert key in regex_store.stored()
    text = "On March 3, 2021, and again last week, two men were arrested in the early 1990s."
    again = re.compile(*key)
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in again.finditer(text)]
    assert [m.groupdict() for m in pattern.finditer(text)] == [m.groupdict() for m in again.finditer(text)]


def test_a_pattern_not_in_the_store_is_compiled_by_re(fresh_store):
    pattern = r"(?P<never>stored)\s+(?:in|by) a store\b"
    assert (pattern, re.I) not in regex_store.stored()
    made = regex_store.compile(pattern, re.I)
    assert made == re.compile(pattern, re.I)
    assert made.search("Never STORED   by a store.").group("never") == "STORED"


def test_a_store_of_another_interpreter_is_not_used(fresh_store, monkeypatch):
    monkeypatch.setattr(regex_store, "INTERPRETER", "cpython-0 another interpreter")
    some_key = next(iter(regex_store.stored()))
    assert regex_store._read() == {}
    assert regex_store.compile(*some_key) == re.compile(*some_key)


def test_an_unreadable_store_is_not_used(fresh_store, monkeypatch, tmp_path):
    broken = tmp_path / "regex_store.bin"
    broken.write_bytes(b"\x05\x00\x00\x00\x00\x00\x00\x00not marshal")
    monkeypatch.setattr(regex_store, "STORE", broken)
    assert regex_store._read() == {}
    assert regex_store.compile(r"\bstore\b") == re.compile(r"\bstore\b")


def test_a_compiled_or_bad_pattern_is_left_to_re_compile(fresh_store):
    compiled = re.compile(r"\bstore\b")
    assert regex_store.compile(compiled) is compiled
    with pytest.raises(re.error):
        regex_store.compile(r"(unclosed")
    with pytest.raises(TypeError):
        regex_store.compile(42)


def test_the_stages_compile_through_the_store():
    # a stage's regex compiled with re.compile is never in the store: a fresh process compiles it
    import re
    from pathlib import Path
    stages = Path(__file__).resolve().parents[1] / "src" / "nkevents" / "stages"
    plain = [f"{p.name}:{i}" for p in sorted(stages.glob("*.py"))
             for i, line in enumerate(p.read_text("utf-8").splitlines(), 1) if re.search(r"\bre\.compile\(", line)]
    assert plain == []
