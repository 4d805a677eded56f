"""Build src/nkevents/data/gazetteer.csv from the compiled source table kp_places.csv.

    .venv/bin/python tools/build_gazetteer.py [--source PATH] [--out PATH]

Deterministic: the same source gives the same bytes. For each place it keeps id, level, name,
hangul, parent_id, alt_parent_id, iso code, coordinates with their precision, and the full list
of spellings: name, MR (with and without diacritics and apostrophes), RR, Hangul, the aliases,
and each suffixed alias also without its level word ("Musan-gun" -> "Musan"), so the places stage
can read the level word on its own. Further romanizations are matched by spelling keys (see
nkevents.gazetteer.spelling_key and data/place_words.toml), not listed here.

coord_precision: "own" for a point of the place itself (GeoNames, Wikipedia), "parent" where the
source copied the parent's or the capital's point (coord_source derived:*), "approximate" for the
country's centre.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from nkevents.gazetteer import APOSTROPHES, fold, place_words  # noqa: E402

DEFAULT_SOURCE = Path("/work/shared/data/gazetteer/kp_places.csv")
DEFAULT_OUT = ROOT / "src" / "nkevents" / "data" / "gazetteer.csv"
COLUMNS = ["id", "level", "name", "hangul", "parent_id", "alt_parent_id", "iso_3166_2", "lat", "lon",
           "coord_precision", "coord_source", "spellings"]


def coord_precision(coord_source: str) -> str:
    if coord_source.startswith("derived:"):
        return "parent"
    if coord_source == "approximate":
        return "approximate"
    return "own"


def level_word_patterns() -> list[tuple[re.Pattern, set[str]]]:
    """A regex per level word of place_words.toml matching it at the end of a spelling."""
    out = []
    for group in place_words()["levels"]["after"]:
        for word in group["words"]:
            out.append((re.compile(rf"[\s\-]+{re.escape(fold(word))}$"), set(group["levels"])))
    return out


def bare_name(spelling: str, level: str, patterns) -> str | None:
    """The spelling without a trailing level word of its own level ("Musan-gun" -> "Musan"),
    or None. A "-dong"/"-ri"/"-up" on a county is a different unit and is kept as it is."""
    folded = fold(spelling)
    for pattern, levels in patterns:
        allowed = levels | ({"city", "special_city"} if level in ("city", "special_city") else set())
        if level in allowed or (level == "special_city" and "city" in levels):
            m = pattern.search(folded)
            if m and m.start() > 1:
                return spelling[:m.start()].rstrip(" -") or None
    hangul = [(s["suffix"], set(s["levels"])) for s in place_words()["levels"]["hangul_suffixes"]]
    for suffix, levels in hangul:
        if spelling.endswith(suffix) and len(spelling) > len(suffix) + 1 and level in levels:
            return spelling[:-len(suffix)]
    return None


def spellings(row: dict, patterns) -> list[str]:
    found: list[str] = []

    def add(s: str):
        s = s.strip()
        if s and s not in found:
            found.append(s)

    sources = [row["name"], row["name_mr"], row["name_rr"], row["hangul"]]
    sources += [a for a in row["aliases"].split("|") if a]
    for s in sources:
        add(s)
        if not is_hangul(s):
            add(plain(s))  # Ch'ŏngjin -> Chongjin: the MR form news write
        bare = bare_name(s, row["level"], patterns)
        if bare:
            add(bare)
    return found


def is_hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" or "\u1100" <= c <= "\u11ff" for c in text)


def plain(text: str) -> str:
    """Diacritics and apostrophes removed, case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES)
    return unicodedata.normalize("NFC", out)


def build(source: Path) -> list[dict]:
    patterns = level_word_patterns()
    with source.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = []
    for row in rows:
        out.append({
            "id": row["id"], "level": row["level"], "name": row["name"], "hangul": row["hangul"],
            "parent_id": row["parent_id"], "alt_parent_id": row["alt_parent_id"],
            "iso_3166_2": row["iso_3166_2"], "lat": row["lat"], "lon": row["lon"],
            "coord_precision": coord_precision(row["coord_source"]),
            "coord_source": row["coord_source"],
            "spellings": "|".join(spellings(row, patterns)),
        })
    out.sort(key=lambda r: r["id"])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    if not args.source.is_file():
        print(f"build_gazetteer: {args.source}: no such file", file=sys.stderr)
        return 2
    rows = build(args.source)
    with args.out.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} places to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
