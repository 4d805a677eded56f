#!/usr/bin/env python3
"""Builds src/nkevents/data/lexicon/NAME.derived.json from NAME.toml for every lexicon.

    python scripts/build_lexicon_derived.py          # write the files
    python scripts/build_lexicon_derived.py --check  # exit 1 when one is not built from its TOML as it is now

Each file holds the lexicon parsed (word lists filled in) and the leading words of its patterns
(nkevents.lexicon.derive). Reading them off takes seconds; a process extracting one report reads
this file instead. Run after editing a lexicon: tests/test_lexicons.py fails while a file is stale,
and a stale file is not used (the lexicon is then derived on every start, with a warning).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nkevents import lexicon

FOLDER = Path(lexicon.__file__).resolve().parent / "data" / "lexicon"


def text_of(name: str) -> str:
    """The file's text: one line per entry, so that a change to a lexicon changes few lines."""
    return json.dumps(lexicon.derive(name), ensure_ascii=False, indent=0) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    stale = []
    for name in lexicon.LEXICON_FILES:
        path = FOLDER / f"{name}.derived.json"
        text = text_of(name)
        if args.check:
            if not path.is_file() or path.read_text("utf-8") != text:
                stale.append(path.name)
        elif not path.is_file() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            print(f"wrote {path}")
    if stale:
        print(f"stale: {', '.join(stale)} (run scripts/build_lexicon_derived.py)")
        sys.exit(1)


if __name__ == "__main__":
    main()
