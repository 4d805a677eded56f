"""The North Korean gazetteer shipped with the package (data/gazetteer.csv) and spelling keys.

`Gazetteer.load()` reads the CSV once per process. Ids are dotted paths down the hierarchy
(`kp.north-hamgyong.chongjin.sunam`); one place contains another when its id is a prefix of the
other's at a dot. `alt_parent_id` records a second parent where sources disagree or a unit moved
(Rason was part of North Hamgyong 2004-2010; Nampo, Kaesong, Chunghwa...). `contains()` honours
it when asked (`alt=True`): useful when matching a report that still uses the old hierarchy
("Rason, North Hamgyong"); by default containment is the id prefix only, as the scorer does.

Spellings: every place carries its list of spellings (MR with and without diacritics, RR, DPRK
official, Hangul, aliases seen in news, and the bare name without its level word). Other
romanizations are recognized through `spelling_key()`, which folds a spelling to what all
romanizations of a name share (rules in data/place_words.toml): `find("Shinuiju")`,
`find("Ryangkang")` and `find("Hoiryong")` all work without listing those forms.

This module imports nothing from the pipeline, the store or the web code.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from nkevents import datafiles, regex_store
from nkevents.model import Place

DATA = Path(__file__).resolve().parent / "data"
APOSTROPHES = "'’ʼ‘`´"
_ASCII_APOSTROPHES = {ord(c): None for c in APOSTROPHES if c.isascii()}


@lru_cache(maxsize=1)
def place_words() -> dict:
    """The parsed data/place_words.toml."""
    return datafiles.toml("place_words.toml")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no diacritics, no apostrophes: "Ch'ŏngjin" -> "chongjin"."""
    if text.isascii():  # (no diacritics, and both normal forms of ASCII text are itself)
        return text.translate(_ASCII_APOSTROPHES).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in APOSTROPHES)
    return unicodedata.normalize("NFC", out).lower()


class _KeyRules:
    """The romanization rules of place_words.toml compiled into regular expressions."""

    def __init__(self, rules: dict):
        initial = rules["initial"]
        self.initial = [(a, b) for a, b in initial]
        self.passes = []
        for pairs in rules["passes"]:
            table = dict(pairs)
            pattern = regex_store.compile("|".join(re.escape(a) for a, _ in pairs))
            self.passes.append((pattern, table))
        self.consonants = set(rules["medial_r_after"])
        self.medial_r = regex_store.compile(f"(?<=[{re.escape(rules['medial_r_after'])}])r")
        self.doubles = regex_store.compile(r"(.)\1+")

    def word(self, word: str) -> str:
        """The key of one folded word (no spaces)."""
        if not word or not word.isascii():
            return word  # Hangul and other scripts are their own key
        for a, b in self.initial:
            if word.startswith(a) and len(word) > len(a):
                word = b + word[len(a):]
                break
        for pattern, table in self.passes:
            word = pattern.sub(lambda m: table[m.group(0)], word)
        return self.doubles.sub(r"\1", self.medial_r.sub("n", word))

    def extend(self, key: str, word: str) -> str:
        """A key followed by one more word's key: the rules of the joint only (the words'
        insides are done), so the matcher can grow a name one word at a time."""
        if not key or not word:
            return key or word
        if word[0] == "r" and key[-1] in self.consonants:
            word = "n" + word[1:]
        if key[-1] == word[0]:
            word = word[1:]
        return key + word

    def join(self, word_keys) -> str:
        """The key of a name from the keys of its words."""
        key = ""
        for word in word_keys:
            key = self.extend(key, word)
        return key


@lru_cache(maxsize=1)
def key_rules() -> _KeyRules:
    return _KeyRules(place_words()["romanization"])


WORD = regex_store.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """The key of one word as it appears in text (any case, diacritics, apostrophes)."""
    return key_rules().word(fold(word))


def spelling_key(spelling: str) -> str:
    """The key of a spelling: words are split at spaces, hyphens and punctuation and joined, so
    "Hamgyong-bukto", "Hamgyongbuk-do" and "Hamgyong Bukto" have one key."""
    key = built_spelling_keys().get(spelling)
    return key if key is not None else compute_spelling_key(spelling)


def compute_spelling_key(spelling: str) -> str:
    words = WORD.findall(fold(spelling))
    return key_rules().join(key_rules().word(w) for w in words)


# The keys of the spellings the place matcher indexes are computed at build time into
# data/spelling_keys.json (scripts/build_derived.py): computing them is most of the time a
# one-report process spends setting the matcher up. The file is used only when it was built from
# place_words.toml as it is now (tests/test_gazetteer.py fails while it is stale); a spelling not
# in it has its key computed.

def _place_words_text() -> str:
    return (DATA / "place_words.toml").read_text("utf-8")


@lru_cache(maxsize=1)
def built_spelling_keys() -> dict[str, str]:
    path = DATA / "spelling_keys.json"
    if path.is_file():
        built = json.loads(path.read_text("utf-8"))
        if built.get("source_sha256") == hashlib.sha256(_place_words_text().encode("utf-8")).hexdigest():
            return built["keys"]
    return {}


def indexed_spellings() -> set[str]:
    """The spellings of the gazetteer, of data/foreign_places.toml and of the word lists of
    place_words.toml that the place matcher indexes."""
    gaz = Gazetteer.load()
    out = {s for place in gaz.places() for s in gaz.spellings(place.id)}
    foreign = datafiles.toml("foreign_places.toml")
    out |= {name for table in foreign.values() if isinstance(table, list) for item in table for name in item.get("names", [])}
    levels, words = place_words()["levels"], place_words()
    out |= {w for group in levels["after"] for w in group["words"]} | set(levels["hyphen_only"])
    out |= {w for ws in words["ambiguous"].values() for w in ws} | set(words["metonymy"]["names"])
    return out


def build_spelling_keys() -> dict:
    """What data/spelling_keys.json holds."""
    return {"source_sha256": hashlib.sha256(_place_words_text().encode("utf-8")).hexdigest(),
            "keys": {s: compute_spelling_key(s) for s in sorted(indexed_spellings())}}


LEVEL_RANK = {}


def level_rank(level: str) -> int:
    """0 for the country, bigger for smaller units (data/place_words.toml [levels].rank)."""
    if not LEVEL_RANK:
        LEVEL_RANK.update({lv: i for i, lv in enumerate(place_words()["levels"]["rank"])})
    return LEVEL_RANK.get(level, len(LEVEL_RANK))


class Gazetteer:
    """The places of data/gazetteer.csv: lookup by id, hierarchy and spelling."""

    def __init__(self, rows: list[dict]):
        self._places: dict[str, Place] = {}
        self._rows: dict[str, dict] = {}
        self._children: dict[str, list[str]] = {}
        for row in rows:
            place = Place(
                id=row["id"], name=row["name"], level=row["level"],
                lat=float(row["lat"]) if row["lat"] else None,
                lon=float(row["lon"]) if row["lon"] else None,
                coord_precision=row["coord_precision"] or "own",
                parent_id=row["parent_id"] or None)
            self._places[place.id] = place
            self._rows[place.id] = row
            if place.parent_id:
                self._children.setdefault(place.parent_id, []).append(place.id)
        self._by_key: dict[str, list[str]] | None = None

    @classmethod
    @lru_cache(maxsize=1)
    def load(cls) -> "Gazetteer":
        """The shipped gazetteer, read once per process."""
        text = (DATA / "gazetteer.csv").read_text("utf-8")
        return cls(list(csv.DictReader(io.StringIO(text))))

    # -- lookup by id ------------------------------------------------------------------------
    def get(self, place_id: str) -> Place | None:
        return self._places.get(place_id)

    def places(self) -> list[Place]:
        return list(self._places.values())

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, place_id: str) -> bool:
        return place_id in self._places

    def hangul(self, place_id: str) -> str | None:
        row = self._rows.get(place_id)
        return row["hangul"] or None if row else None

    def spellings(self, place_id: str) -> list[str]:
        """All spellings recorded for a place (name first)."""
        row = self._rows.get(place_id)
        return row["spellings"].split("|") if row and row["spellings"] else []

    def alt_parent_id(self, place_id: str) -> str | None:
        row = self._rows.get(place_id)
        return (row["alt_parent_id"] or None) if row else None

    def coord_source(self, place_id: str) -> str | None:
        row = self._rows.get(place_id)
        return (row["coord_source"] or None) if row else None

    # -- hierarchy ---------------------------------------------------------------------------
    def ancestors(self, place_id: str) -> list[Place]:
        """The places containing this one, nearest first (parent, grandparent, ..., country)."""
        out = []
        place = self.get(place_id)
        while place is not None and place.parent_id:
            place = self.get(place.parent_id)
            if place is not None:
                out.append(place)
        return out

    def children(self, place_id: str) -> list[Place]:
        return [self._places[c] for c in self._children.get(place_id, [])]

    def subtree_ids(self, place_id: str) -> list[str]:
        """The place and every place inside it."""
        out, todo = [], [place_id]
        while todo:
            pid = todo.pop()
            if pid in self._places:
                out.append(pid)
                todo.extend(self._children.get(pid, []))
        return sorted(out)

    def contains(self, outer: str, inner: str, *, alt: bool = False) -> bool:
        """True when `outer` is `inner` or an ancestor of it (id prefix at a dot). With `alt`,
        a place also counts as inside its alt_parent_id (and what contains that)."""
        if inner == outer or inner.startswith(outer + "."):
            return True
        if alt:
            pid = inner
            while pid:
                other = self.alt_parent_id(pid)
                if other and self.contains(outer, other):
                    return True
                pid = pid.rsplit(".", 1)[0] if "." in pid else ""
        return False

    def admin_names(self, place_id: str) -> dict[str, str | None]:
        """admin1/admin2/admin3 names of a place, as in ACLED-style exports: admin1 the province
        or special city, admin2 the city or county, admin3 the district, town or neighbourhood."""
        chain = [p for p in reversed(self.ancestors(place_id)) if p.level != "country"]
        place = self.get(place_id)
        if place is not None and place.level != "country":
            chain.append(place)
        names = [p.name for p in chain]
        return {"admin1": names[0] if len(names) > 0 else None,
                "admin2": names[1] if len(names) > 1 else None,
                "admin3": names[2] if len(names) > 2 else None}

    # -- lookup by spelling ------------------------------------------------------------------
    def keys(self) -> dict[str, list[str]]:
        """spelling key -> ids of the places that spelling may mean (built on first use)."""
        if self._by_key is None:
            by_key: dict[str, list[str]] = {}
            for pid in self._places:
                for spelling in self.spellings(pid):
                    key = spelling_key(spelling)
                    if key and pid not in by_key.setdefault(key, []):
                        by_key[key].append(pid)
            self._by_key = by_key
        return self._by_key

    def find(self, name: str) -> list[Place]:
        """Every place a spelling may mean, biggest first ("Hyesan" -> the city, then
        Hyesan-dong). Any romanization works: "Shinuiju", "Ryangkang", "Hoiryong"."""
        ids = self.keys().get(spelling_key(name), [])
        places = [self._places[i] for i in ids]
        return sorted(places, key=lambda p: (level_rank(p.level), p.id))
