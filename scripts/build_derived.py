#!/usr/bin/env python3
"""Builds the data files derived from other data files, which a process extracting one report
reads instead of deriving them (that takes seconds):

- src/nkevents/data/lexicon/NAME.derived.json from NAME.toml for every lexicon: the lexicon parsed
  (word lists filled in) and the leading words of its patterns (nkevents.lexicon.derive);
- src/nkevents/data/spelling_keys.json: the spelling keys of the place names the places stage
  indexes (nkevents.gazetteer.build_spelling_keys);
- src/nkevents/data/NAME.derived.json for the TOML files the extractor reads (cleaning, outlets,
  sentences, dates, foreign_places, place_words): the TOML parsed (nkevents.datafiles);
- src/nkevents/data/regex_store.bin: what re's compiler makes of every regex the extractor
  compiles, for this interpreter (nkevents.regex_store; collected in a fresh process).

    python scripts/build_derived.py          # write the files
    python scripts/build_derived.py --check  # exit 1 when one is not built from its sources as they are now

Run after editing a lexicon, any TOML file of data/, gazetteer.csv or any data file
or regex the extractor compiles: the tests (test_lexicons.py, test_gazetteer.py,
test_datafiles.py, test_regex_store.py) fail while a file is stale. A stale file is not used when
its source changed (a lexicon is then derived on every start, with a warning); a stale regex
store only lacks patterns, which are then compiled as usual (slower, never different).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nkevents import datafiles, gazetteer, lexicon, regex_store

DATA = Path(lexicon.__file__).resolve().parent / "data"


def text_of(value) -> str:
    """A file's text: one line per entry, so that a change to a source changes few lines."""
    return json.dumps(value, ensure_ascii=False, indent=0) + "\n"


def derived_files() -> dict[Path, str]:
    out = {DATA / "lexicon" / f"{name}.derived.json": text_of(lexicon.derive(name)) for name in lexicon.LEXICON_FILES}
    out[DATA / "spelling_keys.json"] = text_of(gazetteer.build_spelling_keys())
    for name in datafiles.EXTRACTOR_FILES:
        out[datafiles.derived_path(name)] = text_of(datafiles.derive(name))
    return out


def regex_store_bytes() -> bytes:
    """data/regex_store.bin as it should be for this interpreter."""
    return regex_store.build(regex_store.collect_in_fresh_process())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = []
    for path, text in derived_files().items():
        if args.check:
            if not path.is_file() or path.read_text("utf-8") != text:
                stale.append(path.name)
        elif not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            print(f"wrote {path}")
    store = regex_store_bytes()
    if not regex_store.STORE.is_file() or regex_store.STORE.read_bytes() != store:
        if args.check:
            stale.append(regex_store.STORE.name)
        else:
            regex_store.STORE.write_bytes(store)
            print(f"wrote {regex_store.STORE}")
    if stale:
        print(f"stale: {', '.join(stale)} (run scripts/build_derived.py)")
        sys.exit(1)


if __name__ == "__main__":
    main()
