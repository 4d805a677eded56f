"""Incidents: one occurrence, many reports. The linking core (plain dicts in, decisions out).

An *event* here is the spec's event JSON (spec/events.md) with two more keys, `event_id` (unique
across reports) and `report_id`. A *report* is a dict with `report_id`, `url`, `outlet`,
`published` and `text`. Nothing here touches a database; store/incidents.py keeps the tables.

How a new report is linked (docs/incidents.md):
1. Candidates come from an index, never from all pairs: every event is filed under keys made of its
   type, the months its date window covers, and its place ("at" its own place, "in" each place
   that contains it); a new event looks up the keys that can hold a compatible event. Report texts
   are filed under MinHash LSH band keys and their rarest words, so a copy or a rewrite of a
   report is found whatever its events.
2. What two reports' texts share (TextSimilarity: copies, rewrites, rare words and numbers,
   headlines, citations) is evidence that does not depend on extraction; reports telling one
   story align their events across compatible types (executed ~ sentenced to death).
3. Each candidate pair is scored with the weights in data/incidents.toml; incompatible pairs
   (other type, places in different subtrees, dates that do not overlap) are never linked, except
   that one story told twice aligns its best pair anyway (_align_stories).
4. The new report's events join the best-scoring incidents one to one (at most one event of a
   report per incident), and only when no member of the incident clearly disagrees; an event
   linking two incidents joins them (_bridge).
5. Independence: a report that copies another report of the incident (near-duplicate text), or
   cites an outlet ("told RFA", "according to Daily NK"), is not independent of it.
"""
from __future__ import annotations

import hashlib
import re
import tomllib
import zlib
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Iterable

from datasketch import MinHash

from nkevents.model import url_host

# ---------------------------------------------------------------------------- rules


@lru_cache(maxsize=1)
def rules() -> dict:
    """data/incidents.toml, parsed."""
    text = resources.files("nkevents.data").joinpath("incidents.toml").read_text("utf-8")
    return tomllib.loads(text)


@lru_cache(maxsize=1)
def _outlet_names() -> dict[str, str]:
    """Every spelling of an outlet name (lowercased) -> the outlet's name."""
    names: dict[str, str] = {}
    text = resources.files("nkevents.data").joinpath("outlets.toml").read_text("utf-8")
    outlets = tomllib.loads(text).get("outlet", [])
    for o in list(outlets) + list(rules()["independence"]["extra_outlets"]):
        for spelling in [o["name"], *o.get("aliases", [])]:
            names.setdefault(spelling.lower(), o["name"])
    return names


def canonical_outlet(name: str | None) -> str | None:
    if not name:
        return None
    return _outlet_names().get(name.strip().lower(), name.strip())


@lru_cache(maxsize=1)
def _cite_regexes() -> tuple[re.Pattern, re.Pattern]:
    """(any citing phrase, an outlet name): one pass finds the phrases, the second the name."""
    spellings = sorted(_outlet_names(), key=len, reverse=True)
    names = "(?:" + "|".join(re.escape(s) for s in spellings) + ")"
    phrases = "|".join(f"(?:{p.replace('{name}', names)})"
                       for p in rules()["independence"]["cite_patterns"])
    return (re.compile(rf"(?<![\w-])(?:{phrases})(?![\w])", re.IGNORECASE),
            re.compile(rf"(?<![\w-]){names}(?![\w])", re.IGNORECASE))


def cited_outlets(text: str, own_outlet: str | None = None) -> list[str]:
    """Outlets a report cites ("told RFA", "according to Daily NK"), canonical names, in the order
    first cited; the report's own outlet is never counted."""
    own = canonical_outlet(own_outlet)
    phrase, name = _cite_regexes()
    out: list[str] = []
    text = text or ""
    # Outlet names are rare in a text: look for the citing phrases only around them (fast).
    for n in name.finditer(text):
        window_start = max(0, n.start() - 40)
        for m in phrase.finditer(text, window_start, min(len(text), n.end() + 40)):
            if m.start() <= n.start() and m.end() >= n.end():
                outlet = canonical_outlet(n.group(0))
                if outlet != own and outlet not in out:
                    out.append(outlet)
                break
    return out


# ---------------------------------------------------------------------------- report texts
#
# Report-level evidence that does not depend on extraction: a copy shares long runs of words
# (word 5-gram shingles, MinHash), a rewrite or a translation shares pairs of content words
# ("public execution", "south hwanghae") and the rare words and numbers of the story ("hoeryong",
# "22-year-old", "649"), two reports of one story often carry the same headline, and a report
# citing the other's outlet ("told Daily NK") retells it.

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")


def tokens(text: str) -> list[str]:
    """Lowercased words; "5,000" is one number, "22-year-old" one word, possessives dropped;
    typographic apostrophes read as plain ones ("didn’t" is the common "didn't", not a rare word)."""
    text = _THOUSANDS.sub("", (text or "").lower().replace("\u2019", "'"))
    return [t[:-2] if t.endswith("'s") else t for t in _TOKEN.findall(text)]


def parts(word: str) -> list[str]:
    """A compound and its parts ("hyon-ok" -> hyon-ok, hyon; "33-year-old" -> 33-year-old, 33,
    year, old): one report writes "Ri Hyon Ok", another "Ri Hyon-ok"."""
    if "-" not in word:
        return [word]
    return [word] + [p for p in word.split("-") if len(p) >= 3 or p.isdigit()]


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light stem, so that inflected forms meet ("bibles" ~ "bible", "handcuffed" ~
    "handcuffs" ~ "handcuffing", "16-year-olds" ~ "16-year-old"), and a verb its noun in -ation
    ("mobilized" ~ "mobilization", "isolate" ~ "isolation"): plural s, -ation, -ate(d), -ating,
    -ed, -ing, final e; at least four letters stay."""
    if word[:1].isdigit() and word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 5:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    for suffix in ("ation", "ating", "ated", "ate", "ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[:-len(suffix)]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    """English word frequencies (wordfreq): how common a word is outside these reports."""
    from wordfreq import get_frequency_dict
    return get_frequency_dict("en", wordlist="large")


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """The word's Zipf frequency (log10 per billion words; "the" ~7.7, "firing" ~4.3, unknown 0)."""
    import math
    f = _frequencies().get(word)
    return math.log10(f) + 9 if f else 0.0


@lru_cache(maxsize=1)
def _common_words() -> frozenset:
    """Words too common to carry content (Zipf frequency at or above [text].content_zipf: "the",
    "said", "which"): left out of content-word pairs, headlines and rare words."""
    floor = 10 ** (rules()["text"]["content_zipf"] - 9)
    return frozenset(w for w, f in _frequencies().items() if f >= floor)


@lru_cache(maxsize=1)
def _domain_common() -> frozenset:
    return frozenset(rules()["rare"]["domain_common"])


@lru_cache(maxsize=1)
def _spellings() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in rules()["rare"]["spellings"])


@lru_cache(maxsize=200_000)
def spelling(word: str) -> str:
    """One spelling for words outlets spell two ways ("mobilised" ~ "mobilized", "neighbourhood"
    ~ "neighborhood", "105-storey" ~ "105-story"): a rare word whose ending, rewritten by
    [rare].spellings, gives a more frequent English word is read as that word."""
    if "-" in word:
        return "-".join(spelling(p) for p in word.split("-"))
    z = zipf(word)
    if z >= rules()["rare"]["rare_zipf"]:
        return word
    for ending, other in _spellings():
        # the whole word ("storey"), or an ending after at least three letters ("dour" stays)
        if word == ending or word.endswith(ending) and len(word) - len(ending) >= 3:
            alt = word[:-len(ending)] + other
            if zipf(alt) > z:
                return alt
    return word


@lru_cache(maxsize=1)
def _place_names() -> dict[str, str]:
    """The romanization key of each of the gazetteer's one-word place names (gazetteer.word_key:
    "Chagang" and "Jagang" are "jakank") -> one of its spellings, lowercased (the first in
    shortest, then first in alphabetical order: one spelling for every report, "onsong" rather
    than "onseong")."""
    from nkevents import gazetteer
    names: dict[str, str] = {}
    spellings = {x.lower() for x in gazetteer.built_spelling_keys() if x.isascii() and x.isalpha()}
    for s in sorted(spellings, key=lambda x: (len(x), x)):
        names.setdefault(gazetteer.word_key(s), s)
    return names


@lru_cache(maxsize=200_000)
def place_word(word: str) -> str | None:
    """A place name however it is romanized ("Chagang" ~ "Jagang", "Onsong" ~ "Onsung",
    "Hoiryong" ~ "Hoeryong"), as one spelling of it; None for other words. A translation or a
    rewrite by another outlet spells the story's places its own way."""
    if not word.isalpha():
        return None
    from nkevents import gazetteer
    return _place_names().get(gazetteer.word_key(word))


@lru_cache(maxsize=1)
def _domain_common_places() -> frozenset:
    """The place names every report uses ([rare].domain_common: "hyesan", "hoeryong"), in all
    their romanizations: no weight however spelled."""
    return frozenset(k for k in map(place_word, _domain_common()) if k)


@lru_cache(maxsize=200_000)
def rare_weight(word: str) -> float:
    """How much sharing this word says (0: it says nothing). Rare English words and the names of
    the story weigh most; numbers weigh by what they can be (a day of a month says little)."""
    r = rules()["rare"]
    if word in _domain_common() or len(word) < 3 and not word[:1].isdigit():
        return 0.0
    if word.isdigit():
        n = int(word)
        if n <= r["small_number"] or r["year_from"] <= n <= r["year_to"]:
            return 0.0
        return r["number_weight"]
    if any(ch.isdigit() for ch in word):  # "22-year-old", "40-day", "covid-19"
        return r["number_weight"]
    z = zipf(word)
    if z >= r["rare_zipf"]:
        return 0.0
    return round(1.0 + (r["rare_zipf"] - z) / r["rare_zipf"] * (r["max_weight"] - 1.0), 3)


@dataclass
class TextFeatures:
    shingles: frozenset  # hashed word shingles (an int64 array once compact())
    compared: bool  # False when the text is too short to compare by shingles
    bands: tuple[str, ...]  # LSH band keys of the MinHash
    content: frozenset = frozenset()  # hashed pairs of consecutive content words (idem)
    rare: dict = field(default_factory=dict)  # rare word -> weight
    title: frozenset = frozenset()  # content words of the headline
    rare_keys: tuple[str, ...] = ()  # index keys: the rarest words ("r:hoeryong")
    outlet: str | None = None  # the report's own outlet, canonical
    cites: tuple[str, ...] = ()  # outlets the report cites
    days: frozenset = frozenset()  # calendar days the text names, (month, day) ("on August 1")


_MONTH_NAMES = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_ORDINALS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth "
             "twentieth").split()
_ORDINAL_DAY = {w: i for i, w in enumerate(_ORDINALS, start=1)}
_ORDINAL_DAY.update({f"twenty-{w}": 20 + i for i, w in enumerate(_ORDINALS[:9], start=1)})
_ORDINAL_DAY.update({"thirtieth": 30, "thirty-first": 31})
_DAY_WORD = (r"(?:(\d{1,2})(?:st|nd|rd|th)?|("
             + "|".join(sorted(_ORDINAL_DAY, key=len, reverse=True)) + "))")
# A month's name, capitalized ("may" and "march" are also words); its day is read after it
# ("August 1", "Aug. 1st", "September ninth") or before it ("28 December", "the 1st of August").
_MONTH_WORD = re.compile(r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)([a-z]*)\.?")
_MONTH_SPELLINGS = frozenset("Jan January Feb February Mar March Apr April May Jun June Jul July "
                             "Aug August Sep Sept September Oct October Nov November Dec "
                             "December".split())
_DAY_AFTER = re.compile(r"\s+" + _DAY_WORD + r"(?![\w-])", re.IGNORECASE)
_DAY_BEFORE = re.compile(r"(?<![\w-])" + _DAY_WORD + r"\s+(?:of\s+)?$", re.IGNORECASE)


def calendar_days(text: str) -> frozenset:
    """The calendar days a text names, as (month, day): "August 1", "Aug. 1st", "September
    ninth", "28 December". Two write-ups of one story keep its days (when a measure was issued,
    when it takes effect) whatever their other words; the days alone are matched, the year being
    often unsaid."""
    out = set()
    for m in _MONTH_WORD.finditer(text):  # a plain prefix first: months are rare in a text
        if m.group(1) + m.group(2) not in _MONTH_SPELLINGS or \
                (m.start() and text[m.start() - 1].isalnum()):
            continue
        month = _MONTH_NAMES.index(m.group(1).lower()) + 1
        d = _DAY_AFTER.match(text, m.end()) or _DAY_BEFORE.search(text, max(0, m.start() - 24),
                                                                  m.start())
        if d:
            day = int(d.group(1)) if d.group(1) else _ORDINAL_DAY[d.group(2).lower()]
            if 1 <= day <= 31:
                out.add((month, day))
    return frozenset(out)


def text_features(text: str, title: str | None = None, outlet: str | None = None, *,
                  for_index: bool = True) -> TextFeatures:
    """What a report's text offers for comparison. for_index=False leaves out what only filing
    the report needs (MinHash band keys, rare-word keys): a stored report compared again."""
    t = rules()["text"]
    r = rules()["rare"]
    k = t["shingle_words"]
    words = _WORD.findall((text or "").lower())
    grams = {" ".join(words[i:i + k]) for i in range(max(0, len(words) - k + 1))}
    toks = tokens(text)
    common = _common_words()
    content_words = [w for w in toks if w not in common]
    pairs = frozenset(hash((a, b)) for a, b in zip(content_words, content_words[1:]))
    rare: dict[str, float] = {}
    for tok in set(toks) - common:
        for w in parts(spelling(tok)):
            weight = rare_weight(w)
            if weight > 0:
                key = place_word(w) or stem(w)
                if key in _domain_common_places():
                    continue
                rare[key] = max(rare.get(key, 0.0), weight)
    rare_keys: tuple[str, ...] = ()
    if for_index:
        named = sorted((w for w in rare if not w[:1].isdigit()), key=lambda w: (-rare[w], w))
        # and the story's largest numbers ("100,000 homes", "4,100 houses"): a rewrite in other
        # words keeps them when it keeps no rare word of the first
        numbers = sorted((w for w in rare if w.isdigit() and int(w) >= r["number_key_min"]),
                         key=lambda w: (-len(w), w))
        rare_keys = tuple("r:" + w[:28] for w in named[:r["keys_per_report"]]
                          + numbers[:r["number_keys_per_report"]])
    title_words = frozenset(stem(w) for w in tokens(title or "") if w not in common
                            and w not in _domain_common())
    extra = dict(content=pairs, rare=rare, title=title_words, rare_keys=rare_keys,
                 outlet=canonical_outlet(outlet), cites=tuple(cited_outlets(text or "", outlet)),
                 days=calendar_days(text or ""))
    if len(grams) < t["min_shingles"]:
        return TextFeatures(frozenset(), False, (), **extra)
    if not for_index:
        return TextFeatures(frozenset(hash(g) for g in grams), True, (), **extra)
    perms, scheme = _permutations()
    # crc32: a stable 32-bit hash (the band keys are stored), several times faster than sha1
    mh = MinHash(num_perm=t["num_perm"], seed=1, hashfunc=zlib.crc32, permutations=perms,
                 scheme=scheme)
    mh.update_batch([g.encode() for g in grams])
    # The signature is kept only as its band keys: the shingle sets give the exact Jaccard.
    return TextFeatures(frozenset(hash(g) for g in grams), True, band_keys(mh), **extra)


def _months_around(day: date, months: int) -> list[str]:
    out = []
    y, m = day.year, day.month - months
    while m < 1:
        y, m = y - 1, m + 12
    for _ in range(2 * months + 1):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def rare_index_keys(feats: TextFeatures, report: dict) -> list[str]:
    """The keys a report is filed under by its rarest words: "r:onsong" (for reports with no
    time, which look up any year) and, by its month, "r:onsong@2023-03" (rewrites are published
    within weeks of each other, so dated reports look only near their own month); a report with
    no time is filed under "r:onsong@?"."""
    when = report_time(report)
    suffix = f"@{when.year:04d}-{when.month:02d}" if when else "@?"
    return [k for key in feats.rare_keys for k in (key, key + suffix)]


def rare_lookup_keys(feats: TextFeatures, report: dict) -> list[str]:
    """The keys under which reports that may retell this one are filed (rare_index_keys)."""
    when = report_time(report)
    if when is None:
        return list(feats.rare_keys)
    months = _months_around(when, rules()["rare"]["key_months"])
    return [f"{key}@{m}" for key in feats.rare_keys for m in months + ["?"]]


def rare_key_cap(key: str) -> int:
    """A rare-word key filed under more reports than this is too common to look up: a word of
    one month ("r:onsong@2023-03") may hold more than a word of any time ("r:onsong")."""
    r = rules()["rare"]
    return r["max_reports_per_key"] if "@" in key else r["max_reports_per_word"]


def report_features(report: dict, *, for_index: bool = True) -> TextFeatures:
    return text_features(report.get("text") or "", report.get("title"), report.get("outlet"),
                         for_index=for_index)


@lru_cache(maxsize=1)
def _permutations():
    """datasketch draws a MinHash's permutations from its seed each time; draw them once."""
    mh = MinHash(num_perm=rules()["text"]["num_perm"], seed=1)
    return mh.permutations, mh.scheme


def band_keys(mh: MinHash) -> tuple[str, ...]:
    """LSH: the signature cut into bands of rows; two texts sharing a band key are candidates."""
    t = rules()["text"]
    rows = t["lsh_rows"]
    keys = []
    for b in range(t["lsh_bands"]):
        chunk = mh.hashvalues[b * rows:(b + 1) * rows].tobytes()
        keys.append(f"{b}:{hashlib.blake2b(chunk, digest_size=8).hexdigest()}")
    return tuple(keys)


@dataclass
class TextSimilarity:
    jaccard: float  # of the word shingles
    containment: float  # exact, of the shorter text's shingles
    content: float = 0.0  # containment of content-word pairs (rewrites, translations)
    rare_shared: tuple = ()  # rare words both use, rarest first
    rare_share: float = 0.0  # their weight / the rare weight of the text with less
    rare_sum: float = 0.0  # their weight
    title: float = 0.0  # Jaccard of the headlines' content words (0 when one has none)
    cites: tuple = ()  # how one report cites the other's outlet, or an outlet both cite
    shared: int = 0  # word shingles in both
    days: tuple = ()  # calendar days both texts name, (month, day)

    @property
    def content_evidence(self) -> float:
        """The weight of what the texts share in wording and rare words (not headlines or
        citations, which fit many reports): what supports a pair with no time at all."""
        return sum(x for x, why in self.weights()
                   if not why.startswith(("similar headlines", "cites", "both cite")))

    @property
    def is_copy(self) -> bool:
        t = rules()["text"]
        return self.jaccard >= t["copy_jaccard"] or self.containment >= t["copy_containment"]

    def weights(self) -> list[tuple[float, str]]:
        """The report-level evidence, each piece with its weight (data/incidents.toml)."""
        t, w, r = rules()["text"], rules()["weights"], rules()["rare"]
        out: list[tuple[float, str]] = []
        if self.is_copy:
            out.append((w["text_copy"], f"near-duplicate texts (Jaccard {self.jaccard:.2f}, "
                                        f"containment {self.containment:.2f})"))
        elif self.containment >= t["shared_containment"] and self.shared >= t["shared_min_shared"]:
            out.append((w["text_shared"], f"shared wording (containment {self.containment:.2f})"))
        elif self.content >= t["rewrite_content"]:
            out.append((w["text_rewrite"], f"a rewrite: content-word pairs shared "
                                           f"({self.content:.2f})"))
        elif (self.containment >= t["some_containment"] and self.shared >= t["some_min_shared"]) \
                or self.content >= t["some_content"]:
            out.append((w["text_some"], f"some shared wording (containment {self.containment:.2f},"
                                        f" content pairs {self.content:.2f})"))
        if not self.is_copy:
            for tier in r["tiers"]:
                if self.rare_share >= tier["share"] and self.rare_sum >= tier["sum"]:
                    shown = ", ".join(self.rare_shared[:6])
                    out.append((tier["weight"], f"shared rare words {shown} (weight "
                                                f"{self.rare_sum:.1f}, share {self.rare_share:.2f})"))
                    break
            if len(self.days) >= t["same_days_min"] and set(self.days) - _common_days():
                shown = ", ".join(f"{_MONTH_NAMES[m - 1].title()} {d}" for m, d in self.days)
                out.append((w["text_same_days"], f"both texts name the days {shown}"))
        if self.title >= t["title_jaccard"]:
            out.append((w["title_same"], f"similar headlines ({self.title:.2f})"))
        # Two reports quoting one outlet's story in long runs of the same words are two
        # rewrites of that one report; a shared citation alone says little (most cite someone).
        verbatim = self.is_copy or (self.containment >= t["shared_containment"]
                                    and self.shared >= t["shared_min_shared"])
        for c in self.cites:
            if c.startswith("cites"):
                out.append((w["cites_other"], c))
            elif verbatim:
                out.append((w["cites_same_wording"], c + ", in the same words"))
            else:
                out.append((w["cites_same"], c))
        return out

    @property
    def evidence(self) -> float:
        return sum(x for x, _ in self.weights())


def _overlap(x, y) -> int:
    """How many hashes two collections share: sets, or the compact arrays of kept features."""
    if isinstance(x, frozenset) and isinstance(y, frozenset):
        return len(x & y)
    if not isinstance(x, frozenset) and not isinstance(y, frozenset):
        return len(set(x.tolist()) & set(y.tolist()))
    arr, st = (x, y) if not isinstance(x, frozenset) else (y, x)
    return sum(1 for h in arr.tolist() if h in st)


def compact(f: TextFeatures) -> TextFeatures:
    """The features of a stored report kept in memory for later comparisons: hashes as int64
    arrays (a quarter of the memory of sets of Python ints), no index keys."""
    import numpy as np
    return replace(f, shingles=np.fromiter(f.shingles, np.int64, len(f.shingles)),
                   content=np.fromiter(f.content, np.int64, len(f.content)), bands=(),
                   rare_keys=())


def text_similarity(a: TextFeatures, b: TextFeatures) -> TextSimilarity:
    t = rules()["text"]
    jaccard = containment = 0.0
    shared = 0
    if a.compared and b.compared:
        shared = _overlap(a.shingles, b.shingles)
        jaccard = shared / (len(a.shingles) + len(b.shingles) - shared)
        containment = shared / min(len(a.shingles), len(b.shingles))
    content = 0.0
    if min(len(a.content), len(b.content)) >= t["min_content_pairs"]:
        content = _overlap(a.content, b.content) / min(len(a.content), len(b.content))
    shared_rare = sorted(set(a.rare) & set(b.rare), key=lambda x: (-a.rare[x], x))
    less = min(sum(a.rare.values()), sum(b.rare.values()))
    rare_sum = sum(min(a.rare[x], b.rare[x]) for x in shared_rare)
    share = rare_sum / less if less else 0.0
    title = 0.0
    if len(a.title) >= t["min_title_words"] and len(b.title) >= t["min_title_words"]:
        title = len(a.title & b.title) / len(a.title | b.title)
    cites = []
    for x, y in ((a, b), (b, a)):  # one cites the other's outlet ("told Daily NK" in RFA's)
        if y.outlet and y.outlet != x.outlet and y.outlet in x.cites and not cites:
            cites.append(f"cites the other's outlet {y.outlet}")
    both = sorted(set(a.cites) & set(b.cites) - {a.outlet, b.outlet} - {None})
    if both and not cites:  # both retell a third outlet's story ("the BBC reported")
        cites.append(f"both cite {both[0]}")
    return TextSimilarity(jaccard, containment, content, tuple(shared_rare), share, rare_sum,
                          title, tuple(cites), shared, tuple(sorted(a.days & b.days)))


@lru_cache(maxsize=1)
def _common_days() -> frozenset:
    """Days that many reports name whatever their story (national holidays, anniversaries):
    [text].common_days as (month, day)."""
    return frozenset((int(d[:2]), int(d[3:])) for d in rules()["text"]["common_days"])


# ---------------------------------------------------------------------------- dates and places

PRECISION_RANK = {"day": 0, "month-day": 0, "month": 1, "range": 2, "year": 3}


@dataclass(frozen=True)
class Window:
    """An event's time for comparison: [start, end] as dates, or month-day bounds when the year is
    unknown (md=True: start/end hold year 2000 so that only month and day count)."""
    start: date
    end: date
    precision: str
    md: bool = False
    dated: bool = True  # False: derived from the report's publication date (no weight)
    day: tuple[date, date] | None = None  # a day or month-day date before the slack was added
    recent: tuple[date, date] | None = None  # a recent time ("earlier this week") as read


def _parse(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _parse_md(value: str | None) -> date | None:
    m = re.fullmatch(r"--(\d\d)-(\d\d)", value or "")
    if not m:
        return None
    try:
        return date(2000, int(m.group(1)), int(m.group(2)))  # 2000: a leap year, so 02-29 parses
    except ValueError:
        return None


_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
# Dates written into web addresses, the most explicit first; each gives (year, month, day or None).
_URL_DATES = [
    # "/2021/02/", "/2021/02/14/"
    (re.compile(r"/((?:19|20)\d\d)/(0[1-9]|1[0-2])(?:/(0[1-9]|[12]\d|3[01]))?(?=/|$|[?#])"),
     lambda m: (m.group(1), m.group(2), m.group(3))),
    # "/2009/dec/31/"
    (re.compile(r"/((?:19|20)\d\d)/" + _MON + r"/(0?[1-9]|[12]\d|3[01])(?=/|$|[?#])", re.I),
     lambda m: (m.group(1), _MONTHS[m.group(2).lower()[:3]], m.group(3))),
    # a stamp of month, day, year, hour, minute, second ("students-07012011172747.html")
    (re.compile(r"(?<!\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])((?:19|20)\d\d)\d{6}(?!\d)"),
     lambda m: (m.group(3), m.group(1), m.group(2))),
    # year, month, day at the start of a run of digits ("-20220509", "/2024012510055997502")
    (re.compile(r"(?<![\d.])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])"),
     lambda m: (m.group(1), m.group(2), m.group(3))),
    # an issue's month in a slug ("north-korea-today-no-320-jan-2010")
    (re.compile(r"[-_/]" + _MON + r"[-_]((?:19|20)\d\d)(?=[-_/.?#]|$)", re.I),
     lambda m: (m.group(2), _MONTHS[m.group(1).lower()[:3]], None)),
]


@lru_cache(maxsize=100_000)
def url_date(url: str | None) -> tuple[date, bool] | None:
    """The date written into a web address and whether it names the day (else the last day of
    its month): reposts and digests often carry no date but their address does."""
    for pattern, fields in _URL_DATES:
        m = pattern.search(url or "")
        if not m:
            continue
        year, month, day = fields(m)
        year, month = int(year), int(month)
        try:
            if day:
                return date(year, month, int(day)), True
            return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1), False
        except ValueError:
            continue
    return None


def _report_date(report: dict | None) -> tuple[date, bool] | None:
    """The report's date and whether it names the day: its publication date, else the date in
    its web address (url_date)."""
    published = _parse((report or {}).get("published"))
    if published is not None:
        return published, True
    return url_date((report or {}).get("url"))


def report_time(report: dict | None) -> date | None:
    """When a report was published: its date, else the date in its web address (url_date; the
    last day of that month when the day is not given), else None."""
    found = _report_date(report)
    return found[0] if found else None


def report_day(report: dict | None) -> date | None:
    """The day a report was published when it is known to the day (not a month from its address)."""
    found = _report_date(report)
    return found[0] if found and found[1] else None


def event_window(event: dict, report: dict | None = None) -> Window | None:
    d = event.get("date") or {}
    precision = d.get("precision") or "day"
    slack = timedelta(days=rules()["time"]["day_slack_days"])
    published = report_time(report)
    if precision == "month-day" or (d.get("start") or "").startswith("--"):
        start = _parse_md(d.get("start"))
        if start is None:
            return None
        end = _parse_md(d.get("end")) or start
        if published is not None:
            # The report's own time gives the year: the latest such day on or before it.
            year = published.year - (1 if (start.month, start.day) > (published.month, published.day) else 0)
            try:
                start, end = start.replace(year=year), end.replace(year=year)
            except ValueError:  # 29 February in a common year
                start, end = start.replace(year=year, day=28), end.replace(year=year, day=28)
            if end < start:
                end = end.replace(year=year + 1) if end.month < start.month else start
            return Window(start - slack, end + slack, "day", day=(start, end))
        return Window(start - slack, end + slack, "month-day", md=True, day=(start, end))
    lookback = timedelta(days=rules()["time"]["undated_lookback_days"])
    start = _parse(d.get("start"))
    if start is not None:
        end = _parse(d.get("end")) or start
        if precision == "day":
            return Window(start - slack, end + slack, precision, day=(start, end))
        if (d.get("text") or "").strip().lower() in _recent_times():
            # "Earlier this week", "this year": counted back from the publication, they say when
            # the news came as much as when it happened (the video "broadcast earlier this week"
            # of executions a fortnight before): no weight, and an earlier date in the other
            # report does not rule the pair out.
            return Window(start - lookback, end, "undated", dated=False, recent=(start, end))
        if published is not None and start > published + slack \
                and rules()["time"]["planned_coarse_dates"]:
            # A month or a year after the report was published ("from next month", "by next
            # year") is when a measure is to take effect, not when it was told: it says nothing
            # of which occurrence, so it is compared as undated, reaching out to that time.
            return Window(published - lookback, end, "undated", dated=False)
        return Window(start, end, precision)
    if published is not None:
        ahead = slack
        if event.get("type") in rules()["time"]["announced_types"]:
            # A measure is told when announced and again when taken ("to quarantine foreigners"
            # one week, "ordered the quarantine on Tuesday" the next): the undated measure of the
            # first report reaches the days after it.
            ahead = timedelta(days=rules()["time"]["announced_ahead_days"])
        return Window(published - lookback, published + ahead, "undated", dated=False)
    return None


@lru_cache(maxsize=1)
def _recent_times() -> frozenset:
    return frozenset(t.lower() for t in rules()["time"]["recent_times"])


def _md_overlap(a: Window, b: Window) -> bool:
    """Month-day window against any window: compare month and day only (any year)."""
    md, other = (a, b) if a.md else (b, a)
    if not other.md and (other.end - other.start).days >= 366:
        return True
    for year in range(other.start.year, other.end.year + 1):
        try:
            s, e = md.start.replace(year=year), md.end.replace(year=year)
        except ValueError:  # 02-29 in a common year
            s, e = md.start.replace(year=year, day=28), md.end.replace(year=year, day=28)
        if s <= other.end and e >= other.start:
            return True
    return False


def _needs_recent_widening(a: Window, b: Window) -> bool:
    """Whether the two windows overlap only because a recent time was widened back."""
    if not (a.recent or b.recent):
        return False
    a0 = replace(a, start=a.recent[0], end=a.recent[1], recent=None) if a.recent else a
    b0 = replace(b, start=b.recent[0], end=b.recent[1], recent=None) if b.recent else b
    return not windows_overlap(a0, b0)


def windows_overlap(a: Window, b: Window) -> bool:
    if a.md or b.md:
        return _md_overlap(a, b)
    return a.start <= b.end and b.start <= a.end


def place_of(event: dict) -> str | None:
    return (event.get("place") or {}).get("id") or None


def places_compatible(a: str | None, b: str | None) -> bool:
    """Unknown places are compatible with anything; known ones when one contains the other."""
    if not a or not b:
        return True
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def ancestors(place_id: str) -> list[str]:
    """kp.a.b -> [kp, kp.a, kp.a.b] (itself last)."""
    parts = place_id.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts) + 1)]


# ---------------------------------------------------------------------------- index keys


def _months(w: Window) -> list[str]:
    limit = rules()["time"]["max_indexed_months"]
    if w.md:
        return [f"--{w.start.month:02d}", f"--{w.end.month:02d}"][:1 if w.start.month == w.end.month else 2]
    out, y, m = [], w.start.year, w.start.month
    while (y, m) <= (w.end.year, w.end.month) and len(out) < limit:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _time_keys(w: Window, lookup: bool) -> list[str]:
    """Full-date windows are filed by month; a month-day window by --MM, and full dates are also
    filed by --MM so that a report without a year can find them."""
    keys = _months(w)
    if not w.md and not lookup and w.precision in ("day", "month"):
        keys += sorted({f"--{m[5:]}" for m in keys})
    return keys


def _specific(place: str) -> list[str]:
    """The ancestors-or-self of a place that are a city, county or finer (depth 3 or more)."""
    return [a for a in ancestors(place) if a.count(".") >= 2]


def index_keys(event: dict, report: dict | None = None) -> list[str]:
    """The keys an event is filed under (store/incidents.py keeps them in a table): by month and
    place; and, when its place is a city or finer, by place alone ("any" time) so that an event
    whose report gives no time at all can still find it."""
    t_ = event["type"]
    place = place_of(event) or "kp"
    keys = []
    w = event_window(event, report)
    for t in (_time_keys(w, lookup=False) if w else []):
        keys.append(f"{t_}|{t}|at|{place}")
        keys += [f"{t_}|{t}|in|{a}" for a in ancestors(place)[:-1]]
    if _specific(place):
        keys.append(f"{t_}|any|at|{place}")
        keys += [f"{t_}|any|in|{a}" for a in _specific(place)[:-1]]
    detail = detail_signature(event)
    if detail:
        # By its details alone, whatever its time and place; an event with no time also under
        # the key its dated look-alikes look up (detail_signature).
        keys.append(f"{t_}|detail|{detail}")
        if w is None:
            keys.append(f"{t_}|detail?|{detail}")
    return keys


def detail_signature(event: dict) -> str | None:
    """What makes an event's details specific enough to find it by them alone: a number of
    several people given exactly, with the penalty (and its term) or the charges ("two
    teenagers, prison 144 months, foreign_media"). A rewrite with no date and only "North Korea"
    for a place ("two 16-year-olds given 12 years for K-dramas", a digest with no year) is found
    this way; the score still asks those details to agree without any disagreement
    ([decision].detail_support). None when the details say too little ([index].detail_min_count)."""
    subjects = event.get("subjects") or {}
    count = subjects.get("count")
    if not count or count < rules()["index"]["detail_min_count"] or count_bound(event) != "exact":
        return None
    penalty = event.get("penalty") or {}
    charges = ",".join(sorted(event.get("charges") or []))
    if not penalty.get("kind") and not charges:
        return None
    term = f"{penalty.get('min_months') or ''}-{penalty.get('max_months') or ''}"
    return f"{count}|{penalty.get('kind') or ''}:{term if term != '-' else ''}|{charges}"


def lookup_keys(event: dict, report: dict | None = None) -> list[str]:
    """The keys under which every compatible event is filed: its ancestors-or-self "at", and the
    events inside its place ("in" itself). An unknown place looks up the whole country. An event
    with no time at all (no date, report not dated) looks up only by a city or finer place."""
    place = place_of(event) or "kp"
    w = event_window(event, report)
    detail = detail_signature(event)
    if w is None:
        t_ = event["type"]
        keys = [f"{t_}|detail|{detail}"] if detail else []
        if not _specific(place):
            return keys
        return keys + [f"{t_}|any|at|{a}" for a in _specific(place)] + [f"{t_}|any|in|{place}"]
    keys = [f"{event['type']}|detail?|{detail}"] if detail else []
    for t_ in (event["type"],) + (alone_types(event["type"]) if w.dated else ()):
        for t in _time_keys(w, lookup=True):
            keys += [f"{t_}|{t}|at|{a}" for a in ancestors(place)]
            keys.append(f"{t_}|{t}|in|{place}")
    return keys


# ---------------------------------------------------------------------------- scoring


@dataclass
class PairScore:
    compatible: bool
    score: float
    reasons: list[str] = field(default_factory=list)
    disagreement: float = 0.0  # the sum of the negative weights alone
    specific: bool = False  # agrees on a day, or on a city or finer place
    timeless: bool = False  # one of the two has no time at all (no date, report not dated)
    supported: bool = False  # by the reports' texts or by other events of the same reports
    wording: float = 0.0  # what the texts share in wording and rare words (content_evidence)

    def add(self, weight: float, reason: str) -> None:
        if weight:
            self.score += weight
            self.disagreement += min(weight, 0.0)
            self.reasons.append(f"{reason} ({weight:+g})")


def _date_weight(a: Window, b: Window) -> tuple[float, str]:
    w = rules()["weights"]
    long = rules()["time"]["long_range_days"]
    coarse = max(PRECISION_RANK.get(a.precision, 3), PRECISION_RANK.get(b.precision, 3))
    wide = any(not x.md and (x.end - x.start).days > long for x in (a, b))
    if coarse == 0 and (a.md or b.md):
        # The year of one of them is unknown: the same day of the year says less, and days only
        # within the slack of each other say little.
        if _md_overlap(Window(*a.day, a.precision, a.md), Window(*b.day, b.precision, b.md)):
            return w["date_md_exact"], "same day of the year (year unknown)"
        return w["date_md_near"], "near days of the year (year unknown)"
    if coarse == 0:
        return w["date_day"], "same day"
    if coarse == 1 and not wide:
        return w["date_month"], "same month"
    return w["date_wide"], "overlapping dates"


_NUMBER = (r"(?:\d[\d,.]*|a dozen|dozens|one|two|three|four|five|six|seven|eight|nine|ten|"
           r"eleven|twelve|\w+teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
           r"a hundred|hundreds|a thousand|thousands)")


@lru_cache(maxsize=1)
def _count_qualifiers() -> tuple[re.Pattern, re.Pattern]:
    q = rules()["subjects"]
    return tuple(re.compile(r"(?<![\w])(?:" + "|".join(p.replace("{n}", _NUMBER) for p in q[k])
                            + r")(?![\w])", re.IGNORECASE) for k in ("at_least", "at_most"))


_SMALL_NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
_N = r"(\d[\d,]*|" + "|".join(_SMALL_NUMBERS) + r")"
_RANGE = re.compile(r"(?<![\w.,])(?:between\s+" + _N + r"\s+and|" + _N + r"\s*(?:to|or|-|–))\s*"
                    + _N + r"(?![\w])", re.IGNORECASE)


def count_range(event: dict) -> tuple[int, int] | None:
    """A number of people given as a range ("20 to 30 officials", "between 20 and 30", "two or
    three men", "20-30"): (low, high), or None. The range must hold the event's count, read
    from the same words ("two teenagers aged 16 or 17" is two people, not a range)."""
    subjects = event.get("subjects") or {}
    return _range_in(subjects.get("text") or "", subjects.get("count"))


@lru_cache(maxsize=100_000)
def _range_in(text: str, count: int | None) -> tuple[int, int] | None:
    m = _RANGE.search(text) if count and text else None
    if not m:
        return None
    lo, hi = (_SMALL_NUMBERS[x.lower()] if x.lower() in _SMALL_NUMBERS
              else int(x.replace(",", "")) for x in m.groups() if x)
    return (lo, hi) if 0 < lo <= count <= hi and lo < hi else None


def count_span(event: dict) -> tuple[float, float]:
    """The numbers of people an event's count allows: (n, n) for "three men", (3, inf) for "at
    least three", (1, 70) for "as many as 70", (20, 30) for "20 to 30"."""
    n = (event.get("subjects") or {}).get("count")
    bound = count_bound(event)
    if bound == "range":
        return count_range(event)
    return (n, float("inf")) if bound == "at_least" else (1, n) if bound == "at_most" else (n, n)


def count_bound(event: dict) -> str:
    """How the report gives the number of people: "exact" ("three men"), "at_least" ("at least
    three", "more than 30", "dozens of"), "at_most" ("as many as 70", "up to 20") or "range"
    ("20 to 30 officials"), read from the words of the subjects ([subjects] in
    data/incidents.toml; "nearly 250" is a count)."""
    text = (event.get("subjects") or {}).get("text") or ""
    if count_range(event):
        return "range"
    at_least, at_most = _count_qualifiers()
    if at_least.search(text):
        return "at_least"
    if at_most.search(text):
        return "at_most"
    return "exact"


@lru_cache(maxsize=1)
def _people_nouns() -> tuple[dict[tuple[str, ...], str], frozenset]:
    """The people nouns of data/lexicon/subjects.toml as word tuples -> their kind (a light
    stem: "students" and "student" are one kind), and the kinds that say nothing of who
    ([subjects].generic_kinds: "people", "residents", "locals")."""
    from nkevents import lexicon
    nouns = {tuple(tokens(n)): " ".join(stem(w) for w in tokens(n))
             for n in lexicon.load("subjects")["people"]}
    generic = frozenset(" ".join(stem(w) for w in tokens(k))
                        for k in rules()["subjects"]["generic_kinds"])
    return nouns, generic


def subject_kinds(event: dict) -> frozenset:
    """Who the event concerns, by the people nouns of its subjects' words ("two college
    students" -> {"student"}), without the kinds every report names ("residents", "people")."""
    return _kinds_in(((event.get("subjects") or {}).get("text") or "").lower())


@lru_cache(maxsize=100_000)
def _kinds_in(text: str) -> frozenset:
    if not text:
        return frozenset()
    nouns, generic = _people_nouns()
    words = tokens(text)
    kinds = set()
    for n in (1, 2):
        for i in range(len(words) - n + 1):
            kind = nouns.get(tuple(words[i:i + n]))
            if kind and kind not in generic:
                kinds.add(kind)
    return frozenset(kinds)


def counts_fit(a: int, bound_a: str, b: int, bound_b: str) -> bool:
    """Whether two reports' numbers of people can be one number: their ranges overlap ("at
    least three" is 3 or more, "as many as 70" 1 to 70, "five" 5)."""
    def span(n, bound):
        return (n, float("inf")) if bound == "at_least" else (1, n) if bound == "at_most" else (n, n)
    (lo_a, hi_a), (lo_b, hi_b) = span(a, bound_a), span(b, bound_b)
    return lo_a <= hi_b and lo_b <= hi_a


@lru_cache(maxsize=1)
def _type_pairs() -> dict[tuple[str, str], dict]:
    """(type a, type b) -> the rule under which two events of those types can be one occurrence
    told differently (data/incidents.toml [[types.compatible]]), both orders."""
    out = {}
    for rule in rules()["types"]["compatible"]:
        out[(rule["a"], rule["b"])] = rule
        out[(rule["b"], rule["a"])] = {**rule, "a": rule["b"], "b": rule["a"],
                                       "a_penalty": rule.get("b_penalty"),
                                       "b_penalty": rule.get("a_penalty")}
    return out


@lru_cache(maxsize=1)
def _charge_groups() -> list[set[str]]:
    return [set(g) for g in rules()["charges"]["related"]]


def types_compatible(a: dict, b: dict) -> bool:
    """Same type, or types that tell one occurrence differently ("executed" and "sentenced to
    death"; "arrested" and "a crackdown"), with the penalty the rule asks for when one is given."""
    if a["type"] == b["type"]:
        return True
    rule = _type_pairs().get((a["type"], b["type"]))
    if rule is None:
        return False
    for ev, kinds in ((a, rule.get("a_penalty")), (b, rule.get("b_penalty"))):
        kind = (ev.get("penalty") or {}).get("kind")
        if kinds and kind and kind not in kinds:
            return False
    return True


def types_align_alone(a: dict, b: dict) -> bool:
    """Whether two events of different types can be one occurrence without their reports telling
    one story by their texts ([[types.compatible]] with alone = true): "executed" in one report,
    "sentenced to death" in another, the penalty stated, not only allowed."""
    rule = _type_pairs().get((a["type"], b["type"]))
    if not rule or not rule.get("alone") or not types_compatible(a, b):
        return False
    return all((ev.get("penalty") or {}).get("kind") in kinds
               for ev, kinds in ((a, rule.get("a_penalty")), (b, rule.get("b_penalty"))) if kinds)


@lru_cache(maxsize=64)
def alone_types(type_: str) -> tuple[str, ...]:
    """The other types an event of this type may be aligned with without one story (types_align_alone)."""
    return tuple(sorted({b for (a, b), rule in _type_pairs().items()
                         if a == type_ and rule.get("alone")}))


def compatible_types(type_: str) -> list[str]:
    """The types an event of this type can be aligned with when two reports tell one story."""
    return [type_] + sorted({b for (a, b) in _type_pairs() if a == type_})


def score_pair(a: dict, ra: dict, b: dict, rb: dict,
               text: TextSimilarity | None = None, *, loose: bool = False) -> PairScore:
    """How strongly events a (of report ra) and b (of rb) look like one occurrence. Events of
    different types are compared only when the reports tell one story (their texts' evidence
    reaches [decision].report_link) and the types are compatible.

    loose: the reports are one story told twice (a copy or a close rewrite) and one side's
    extraction got the time or place wrong: places and dates that disagree cost weights instead
    of ruling the pair out (link_events uses it only when nothing else aligned the two)."""
    w = rules()["weights"]
    d = rules()["decision"]
    evidence = text.weights() if text is not None else []
    told_alike = sum(x for x, _ in evidence) >= d["report_link"]
    alone = a["type"] != b["type"] and not told_alike
    if a["type"] != b["type"] and not (told_alike and types_compatible(a, b)) and \
            not types_align_alone(a, b):
        return PairScore(False, float("-inf"), ["different types"])
    s = PairScore(True, 0.0, [f"same type {a['type']}" if a["type"] == b["type"] else
                              f"types {a['type']} ~ {b['type']} in reports telling one story"])
    pa, pb = place_of(a), place_of(b)
    if not places_compatible(pa, pb):
        if not loose:
            return PairScore(False, float("-inf"), [f"places {pa} and {pb} do not contain each other"])
        s.add(w["loose_disagreement"], f"places {pa} and {pb} disagree")
        pa = pb = None
    wa, wb = event_window(a, ra), event_window(b, rb)
    if wa and wb and not windows_overlap(wa, wb):
        if loose:
            s.add(w["loose_disagreement"], "dates disagree")
            wa = wb = None
        elif wa.dated and wb.dated:
            return PairScore(False, float("-inf"), ["dates do not overlap"])
        elif not wa.md and not wb.md:
            return PairScore(False, float("-inf"), ["date outside the other report's time"])
    if wa and wb and _needs_recent_widening(wa, wb) and not loose and \
            not (pa and pb and min(pa.count("."), pb.count(".")) >= 2):
        # A recent time reaching back to an earlier date lets a date pass: the events must then
        # share a city or a finer place (the texts alone do not say which week's occurrence).
        return PairScore(False, float("-inf"), ["a recent time and an earlier date, no city shared"])
    if a["type"] != b["type"]:
        s.add(w["types_differ"], "different types")
    s.timeless = (wa is None or wb is None) and not loose
    if wa and wb and wa.dated and wb.dated:
        weight, why = _date_weight(wa, wb)
        s.add(weight, why)
        s.specific = why.startswith("same day")
    if pa and pb:
        depth = min(pa.count("."), pb.count(".")) + 1
        s.specific = s.specific or depth >= 3
        s.add(w["place_depth"].get(str(min(depth, 4)), 0.0),
              f"place {pa if len(pa) <= len(pb) else pb} contains both")
    if alone and not (s.specific and wa and wb and wa.dated and wb.dated):
        # "executed" against "sentenced to death" in reports that share no story: only when both
        # are dated and agree on a day or on a city (a death sentence in one province and an
        # execution in another, or of an unknown time, are other occurrences as often as not)
        return PairScore(False, float("-inf"), ["different types, no story, no day or city shared"])
    details = s.score  # what the people, penalty and charges add (support for timeless pairs)
    ca, cb = (a.get("subjects") or {}).get("count"), (b.get("subjects") or {}).get("count")
    if ca and cb:
        ba, bb = count_bound(a), count_bound(b)
        (lo_a, hi_a), (lo_b, hi_b) = count_span(a), count_span(b)
        if ca == cb and ba == bb == "exact":
            s.add(w["subjects_same_one"] if ca == 1 else w["subjects_same_many"], f"both {ca} people")
        elif ba == bb == "range" and (lo_a, hi_a) == (lo_b, hi_b):
            s.add(w["subjects_same_many"], f"both {lo_a} to {hi_a} people")
        elif abs(ca - cb) <= w["subjects_tolerance"] * max(ca, cb):
            s.add(w["subjects_close"], f"{ca} and {cb} people, close")
        elif lo_a <= hi_b and lo_b <= hi_a:
            # "at least three" against five, "up to 70" against 40: a bound, not another count
            s.add(w["subjects_close"], f"{ca} ({ba}) and {cb} ({bb}) people fit")
        else:
            s.add(w["subjects_differ"], f"{ca} against {cb} people")
    ka, kb = a.get("penalty") or {}, b.get("penalty") or {}
    if ka.get("kind") and kb.get("kind"):
        if ka["kind"] == kb["kind"]:
            s.add(w["penalty_same"], f"same penalty {ka['kind']}")
            terms = (ka.get("min_months"), ka.get("max_months"))
            if any(terms) and terms == (kb.get("min_months"), kb.get("max_months")):
                s.add(w["penalty_term_same"], "same term")
        else:
            s.add(w["penalty_differ"], f"penalty {ka['kind']} against {kb['kind']}")
    ga, gb = set(a.get("charges") or []), set(b.get("charges") or [])
    if ga and gb:
        if ga & gb:
            s.add(w["charges_shared"], "shared charges " + ",".join(sorted(ga & gb)))
        elif any(ga & group and gb & group for group in _charge_groups()):
            s.add(w["charges_related"], "related charges " + ",".join(sorted(ga | gb)))
        else:
            s.add(w["charges_disjoint"], "no shared charge")
    kinds = subject_kinds(a) & subject_kinds(b)
    if kinds and not ga & gb:
        # "college students" and "university students": who the event concerns. Not on top of a
        # shared charge: "smugglers" and "defectors" restate the charges smuggling and defection.
        s.add(w["subjects_same_kind"], "both about " + ", ".join(sorted(kinds)))
    if s.score - details >= d["detail_support"] and s.disagreement == 0:
        s.supported = True  # "two teenagers", "12 years", "foreign media" in both
    modalities = {a.get("modality"), b.get("modality")}
    if "negated" in modalities and modalities & {"asserted", None}:
        s.add(w["modality_conflict"], "one report says it did not happen")
    for weight, why in evidence:
        s.add(weight, why)
    s.wording = text.content_evidence if text is not None else 0.0
    if text is not None and text.content_evidence >= d["text_support"]:
        s.supported = True
    da, db = _parse(ra.get("published")), _parse(rb.get("published"))
    if da and db and abs((da - db).days) > rules()["reports"]["published_apart_days"]:
        s.add(w["published_apart"], f"reports published {abs((da - db).days)} days apart")
    if wa and wb and not (wa.dated and wb.dated) and text is not None and text.content_evidence > 0:
        # An undated event is news of its report's days: reports published days apart whose texts
        # share some wording or rare words are a little evidence of time, as a shared month is
        # for dated events (without the texts, one week's news holds too many arrests in a city).
        ta, tb = report_day(ra), report_day(rb)
        if ta and tb and abs((ta - tb).days) <= rules()["reports"]["published_close_days"]:
            s.add(w["published_close"],
                  f"undated events, reports published {abs((ta - tb).days)} days apart")
    return s


# ---------------------------------------------------------------------------- linking


@dataclass
class Link:
    """Why an event is in its incident: the member it was linked to, the score and the reasons.
    linked_to None: the event founded the incident."""
    event_id: str
    incident_id: str
    linked_to: str | None = None
    score: float | None = None
    reasons: list[str] = field(default_factory=list)
    absorbs: list[str] = field(default_factory=list)  # incidents this event joins into its own


def incident_id_for(event_id: str) -> str:
    """A new incident is named after the event that founded it (stable when re-linked in order)."""
    return "inc-" + hashlib.sha1(event_id.encode()).hexdigest()[:12]


def link_events(new_events: list[dict], report: dict, candidates: list[tuple[dict, dict]],
                incident_of: dict[str, str], members: dict[str, list[tuple[dict, dict]]],
                text_sim=None, text_found: set[str] | None = None) -> list[Link]:
    """Decide where each of one report's new events goes.

    candidates: (event, report) pairs found through the index; incident_of: event_id -> incident
    of every candidate; members: incident -> its (event, report) pairs (for the disagreement
    check); text_sim(report_id) -> TextSimilarity of the new report with that stored report;
    text_found: the candidate reports found by their texts (band or rare-word keys; None: all).
    Texts are compared only with those, and with reports having an event of the same type whose
    place and date fit: comparing texts is the costly part.
    Returns one Link per new event (new incidents for those that link to nothing)."""
    floor = rules()["decision"]["member_floor"]
    threshold = rules()["decision"]["link_score"]
    sims: dict[str, TextSimilarity | None] = {}

    def sim(rid):
        if rid not in sims:
            sims[rid] = text_sim(rid) if text_sim else None
        return sims[rid]

    pairs = []
    allowed = {ev["type"]: set(compatible_types(ev["type"])) for ev in new_events}
    for ev in new_events:
        for cand, crep in candidates:
            if cand["report_id"] == report["report_id"] or cand["type"] not in allowed[ev["type"]]:
                continue
            by_text = text_found is None or crep["report_id"] in text_found
            if not by_text and ((cand["type"] != ev["type"] and cand["type"]
                                 not in alone_types(ev["type"])) or not _fits(ev, report, cand, crep)):
                continue
            s = score_pair(ev, report, cand, crep, sim(crep["report_id"]))
            if s.compatible:
                pairs.append((ev["event_id"], cand, s))
    _corroborate(pairs)
    _agree_with_incidents(pairs, incident_of)
    gate = rules()["decision"]["timeless_needs_support"]
    scored = [(s.score, eid, cand["event_id"], s) for eid, cand, s in pairs
              if s.score >= threshold and not (gate and s.timeless and not s.supported)]
    scored.sort(key=lambda x: (-x[0], x[1], x[2]))
    by_id = {e["event_id"]: e for e in new_events}
    placed: dict[str, Link] = {}
    taken: set[str] = set()  # incidents that already hold an event of this report
    for score, eid, cid, s in scored:
        inc = incident_of.get(cid)
        if eid in placed or inc is None or inc in taken:
            continue
        ev = by_id[eid]
        if any(m["report_id"] == report["report_id"] for m, _ in members.get(inc, [])):
            continue
        blocked = False
        for m, mrep in members.get(inc, []):
            # disagreement needs no texts; a member of another type needs them to be compatible
            ms = score_pair(ev, report, m, mrep,
                            sim(mrep["report_id"]) if m["type"] != ev["type"] else None)
            if not ms.compatible or ms.disagreement <= floor:
                blocked = True
                break
        if blocked:
            continue
        placed[eid] = Link(eid, inc, cid, round(score, 3), s.reasons)
        taken.add(inc)
    told = [(c, r) for c, r in candidates if r["report_id"] in sims]  # compared texts only
    _align_stories(new_events, report, told, incident_of, members, sim, placed, taken)
    _bridge(scored, by_id, report, incident_of, members, placed, taken)
    return [placed.get(e["event_id"]) or Link(e["event_id"], incident_id_for(e["event_id"]))
            for e in new_events]


def _bridge(scored, by_id, report, incident_of, members, placed, taken) -> None:
    """An event linked to its incident that also links (at link_score or more) to a member of
    another incident tells both are one occurrence: the other incident joins its own, when no two
    members of the two disagree (the member check, both ways) and no report is in both. The
    third report of a story told three times thus meets the first two even when each of its
    events could join only one incident."""
    if not rules()["decision"]["bridge_incidents"]:
        return
    floor = rules()["decision"]["member_floor"]
    for score, eid, cid, s in scored:
        link = placed.get(eid)
        other = incident_of.get(cid)
        if link is None or other is None or other == link.incident_id or other in taken:
            continue
        if other in link.absorbs:
            continue
        mine = members.get(link.incident_id, []) + [(by_id[eid], report)]
        theirs = members.get(other, [])
        if {m["report_id"] for m, _ in mine} & {m["report_id"] for m, _ in theirs}:
            continue
        if any(not (ps := score_pair(m1, r1, m2, r2)).compatible or ps.disagreement <= floor
               for m1, r1 in mine for m2, r2 in theirs):
            continue
        link.absorbs.append(other)
        link.reasons.append(f"joins incident {other}: also linked to {cid} (score {score:g})")
        members[link.incident_id] = members.get(link.incident_id, []) + theirs
        taken.add(other)


def _fits(a: dict, ra: dict, b: dict, rb: dict) -> bool:
    """Places compatible and dates overlapping (or not both dated): what score_pair checks before
    anything else, without the texts."""
    if not places_compatible(place_of(a), place_of(b)):
        return False
    wa, wb = event_window(a, ra), event_window(b, rb)
    if wa and wb and not windows_overlap(wa, wb):
        return not (wa.dated and wb.dated) and (wa.md or wb.md)
    return True


def _align_stories(new_events, report, candidates, incident_of, members, sim, placed, taken):
    """Two reports that are one story told twice (text evidence reaching story_link) share at
    least one incident: when none of the new report's events joined an incident holding an event
    of the other, the best pair of compatible types is aligned with loose scoring (a date or place
    that one side's extraction got wrong costs a weight instead of ruling the pair out)."""
    need = rules()["decision"]["story_link"]
    threshold = rules()["decision"]["link_score"]
    by_report: dict[str, list] = {}
    for cand, crep in candidates:
        if cand["report_id"] != report["report_id"]:
            by_report.setdefault(cand["report_id"], []).append((cand, crep))
    for rid, cands in sorted(by_report.items()):
        s_text = sim(rid)
        if s_text is None or s_text.evidence < need:
            continue
        _align_single_types(new_events, report, cands, s_text, incident_of, members, placed, taken)
        shared = {incident_of.get(c["event_id"]) for c, _ in cands}
        if any(link.incident_id in shared for link in placed.values()):
            continue
        best = None
        join = _best_story_join(new_events, report, cands, s_text, incident_of, members, placed,
                                taken)
        for ev in new_events:
            if ev["event_id"] in placed:
                continue
            for cand, crep in cands:
                if ev["type"] != cand["type"] and not types_compatible(ev, cand):
                    continue
                s = score_pair(ev, report, cand, crep, s_text, loose=True)
                inc = incident_of.get(cand["event_id"])
                if not s.compatible or s.score < threshold or inc is None or inc in taken:
                    continue
                if any(m["report_id"] == report["report_id"] for m, _ in members.get(inc, [])):
                    continue
                key = (s.score, ev["type"] == cand["type"])
                if best is None or key > best[0]:
                    best = (key, ev, cand, s, inc)
        if join and (best is None or join[0] >= best[0][0]):
            score, link, cand, inc, theirs = join
            link.absorbs.append(inc)
            link.reasons.append(f"joins incident {inc}: {cand['event_id']} of a report telling the "
                                f"same story (score {score:g})")
            members[link.incident_id] = members.get(link.incident_id, []) + theirs
            taken.add(inc)
        elif best:
            _, ev, cand, s, inc = best
            placed[ev["event_id"]] = Link(ev["event_id"], inc, cand["event_id"], round(s.score, 3),
                                          s.reasons + ["aligned: the reports are one story"])
            taken.add(inc)


def _beyond_loose(s: PairScore) -> float:
    """A loose pair's disagreement without what loose scoring lets go (a date, a place)."""
    let_go = sum(1 for r in s.reasons if " disagree (" in r)
    return s.disagreement - rules()["weights"]["loose_disagreement"] * let_go


def _best_story_join(new_events, report, cands, s_text, incident_of, members, placed, taken):
    """Of two reports telling one story, an event of the new one already in an incident (it
    joined a third report's first: reposts arrive in any order) and an event of the same type of
    the other, in another incident, are one occurrence when they disagree on nothing but what
    one side's extraction may have got wrong (a date read from "a Friday report", a place).
    Returns the best such pair as (score, link, cand, incident, its members), or None."""
    threshold = rules()["decision"]["link_score"]
    floor = rules()["decision"]["member_floor"]
    best = None
    for ev in new_events:
        link = placed.get(ev["event_id"])
        if link is None:
            continue
        mine = members.get(link.incident_id, []) + [(ev, report)]
        for cand, crep in cands:
            inc = incident_of.get(cand["event_id"])
            if cand["type"] != ev["type"] or inc is None or inc == link.incident_id \
                    or inc in taken or inc in link.absorbs:
                continue
            s = score_pair(ev, report, cand, crep, s_text, loose=True)
            if not s.compatible or s.score < threshold or _beyond_loose(s) < 0:
                continue
            theirs = members.get(inc, [])
            if {m["report_id"] for m, _ in mine} & {m["report_id"] for m, _ in theirs}:
                continue
            # no two members of one type disagree on people, penalty or charges
            if any(_beyond_loose(score_pair(m1, r1, m2, r2, loose=True)) <= floor
                   for m1, r1 in mine for m2, r2 in theirs if m1["type"] == m2["type"]):
                continue
            if best is None or s.score > best[0]:
                best = (s.score, link, cand, inc, theirs)
    return best


def _align_single_types(new_events, report, cands, s_text, incident_of, members, placed, taken):
    """In one story told twice, a type each report tells once (one execution in each) is one
    occurrence: the two events are aligned with loose scoring, whatever date or place one side's
    extraction read (a dateline taken for the place of the execution)."""
    threshold = rules()["decision"]["link_score"]
    mine: dict[str, list] = {}
    for ev in new_events:
        mine.setdefault(ev["type"], []).append(ev)
    theirs: dict[str, list] = {}
    for cand, crep in cands:
        theirs.setdefault(cand["type"], []).append((cand, crep))
    for type_, evs in sorted(mine.items()):
        if len(evs) != 1 or len(theirs.get(type_, [])) != 1 or evs[0]["event_id"] in placed:
            continue
        ev, (cand, crep) = evs[0], theirs[type_][0]
        inc = incident_of.get(cand["event_id"])
        if inc is None or inc in taken or \
                any(m["report_id"] == report["report_id"] for m, _ in members.get(inc, [])):
            continue
        s = score_pair(ev, report, cand, crep, s_text, loose=True)
        if s.compatible and s.score >= threshold:
            placed[ev["event_id"]] = Link(ev["event_id"], inc, cand["event_id"], round(s.score, 3),
                                          s.reasons + [f"aligned: the only {type_} of each report "
                                                       "telling one story"])
            taken.add(inc)


def _agree_with_incidents(pairs: list[tuple[str, dict, PairScore]], incident_of: dict) -> None:
    """An event that agrees, without any disagreement and with some shared wording or rare words,
    with the events of several reports of one incident meets an occurrence told several times:
    the third write-up of a story, each pair of them short of a link on its own. Every such pair
    gains [weights].incident_agrees, and the agreement counts as support for an event with no
    time (the reports' texts, several of them, say which occurrence)."""
    need = rules()["decision"]["incident_agreeing_reports"]
    floor = rules()["decision"]["incident_agree_score"]
    weight = rules()["weights"]["incident_agrees"]
    groups: dict[tuple[str, str], list] = {}
    for eid, cand, s in pairs:
        inc = incident_of.get(cand["event_id"])
        if inc and s.score >= floor and s.disagreement == 0 and s.wording > 0:
            groups.setdefault((eid, inc), []).append((cand["report_id"], s))
    for group in groups.values():
        reports = {rid for rid, _ in group}
        if len(reports) >= need:
            for _, s in group:
                s.add(weight, f"agrees with {len(reports)} reports of one incident")
                s.supported = True


def _corroborate(pairs: list[tuple[str, dict, PairScore]]) -> None:
    """Two reports that agree on several events (each at a city or a day) tell one story: every
    compatible pair between them gains the corroboration weight. Agreements are counted one to
    one, so one event matching many does not count twice."""
    need = rules()["decision"]["corroborating_events"]
    weight = rules()["weights"]["corroborated"]
    by_report: dict[str, list] = {}
    for eid, cand, s in pairs:
        by_report.setdefault(cand["report_id"], []).append((eid, cand["event_id"], s))
    for rid, group in by_report.items():
        used_new, used_old = set(), set()
        for eid, cid, s in sorted(group, key=lambda g: -g[2].score):
            if s.specific and not s.timeless and s.disagreement == 0 and eid not in used_new \
                    and cid not in used_old:
                used_new.add(eid)
                used_old.add(cid)
        if len(used_new) >= need:
            for _, _, s in group:
                s.add(weight, f"{len(used_new)} events of the two reports agree")
                s.supported = True


# ---------------------------------------------------------------------------- independence


def independence(reports: list[dict], *, copy_pairs: set[tuple[str, str]] | None = None,
                 cites: dict[str, list[str]] | None = None) -> dict[str, dict]:
    """For the reports of one incident: {report_id: {"independent": bool, "cites": [outlets],
    "copies": report_id | None, "origin": the source it counts as}}.

    copy_pairs: (a, b) pairs of near-duplicate texts (both orders), computed from the texts when
    not given; cites: outlets each report cites, read from its text when not given. Of two
    near-duplicates, the copy is the one citing the other's outlet, else the one published later
    (unknown dates last, then the order given). A report citing an outlet counts as that
    outlet's reporting; an original counts as its own outlet's (its web host when unnamed)."""
    reports = sorted(reports, key=report_order_key)
    if cites is None:
        cites = {r["report_id"]: cited_outlets(r.get("text") or "", r.get("outlet")) for r in reports}
    if copy_pairs is None:
        feats = {r["report_id"]: text_features(r.get("text") or "") for r in reports}
        copy_pairs = set()
        for i, a in enumerate(reports):
            for b in reports[i + 1:]:
                if text_similarity(feats[a["report_id"]], feats[b["report_id"]]).is_copy:
                    copy_pairs |= {(a["report_id"], b["report_id"]), (b["report_id"], a["report_id"])}
    rank = {r["report_id"]: i for i, r in enumerate(reports)}
    by_id = {r["report_id"]: r for r in reports}

    def copies_of(r: dict) -> str | None:
        rid = r["report_id"]
        mine = canonical_outlet(r.get("outlet"))
        for o in reports:
            oid = o["report_id"]
            if oid == rid or (rid, oid) not in copy_pairs:
                continue
            theirs = canonical_outlet(o.get("outlet"))
            if theirs and theirs in cites.get(rid, []):
                return oid
            if mine and mine in cites.get(oid, []):
                continue
            if rank[oid] < rank[rid]:
                return oid
        return None

    copied = {r["report_id"]: copies_of(r) for r in reports}

    def origin(rid: str, seen: frozenset = frozenset()) -> str:
        if copied[rid] and copied[rid] not in seen:
            return origin(copied[rid], seen | {rid})
        r = by_id[rid]
        if cites.get(rid):
            return "outlet:" + cites[rid][0]
        own = canonical_outlet(r.get("outlet")) or url_host(r.get("url"))
        return "outlet:" + own if own else "report:" + rid

    return {r["report_id"]: {"independent": not copied[r["report_id"]] and not cites.get(r["report_id"]),
                             "cites": list(cites.get(r["report_id"]) or []),
                             "copies": copied[r["report_id"]], "origin": origin(r["report_id"])}
            for r in reports}


def report_order_key(report: dict) -> tuple:
    """Earliest published first; unknown dates after known ones; then as stored."""
    return (report.get("published") or "9999", report.get("seq", 0), report["report_id"])


# ---------------------------------------------------------------------------- in memory


class Linker:
    """Incremental linking over reports held in memory (tests, benchmark, scoring without a
    database). store/incidents.py does the same with tables for the index."""

    def __init__(self):
        self.events: dict[str, dict] = {}
        self.reports: dict[str, dict] = {}
        # Text features of stored reports are recomputed from their texts when compared, with a
        # cache of the last 50,000 (without their index keys): keeping every report's shingles
        # would not fit in memory at scale, recomputing them all is the slow part.
        self._features: dict[str, TextFeatures] = {}
        self.keys: dict[str, list[str]] = {}  # index key -> event ids
        self.bands: dict[str, list[str]] = {}  # LSH band and rare-word keys -> report ids
        self._events_of_report: dict[str, list[str]] = {}
        self.incident_of: dict[str, str] = {}
        self.members: dict[str, list[str]] = {}
        self.links: dict[str, Link] = {}
        self.text_found: set[str] = set()  # of the report being linked (candidates())
        self.compared = 0  # candidate pairs looked at (for the benchmark)

    def candidates(self, report: dict, events: list[dict], feats: TextFeatures) -> list[str]:
        """Candidate event ids; self.text_found: the reports found by their texts."""
        found: dict[str, None] = {}
        self.text_found = set()
        for ev in events:
            for k in lookup_keys(ev, report):
                for cid in self.keys.get(k, ()):
                    found[cid] = None
        types = {t for e in events for t in compatible_types(e["type"])}
        for band in list(feats.bands) + rare_lookup_keys(feats, report):
            near = self.bands.get(band, ())
            if band.startswith("r:") and len(near) > rare_key_cap(band):
                continue
            self.text_found.update(near)
            for rid in near:
                for cid in self._events_of_report.get(rid, ()):
                    if self.events[cid]["type"] in types:
                        found[cid] = None
        return list(found)

    def features(self, report_id: str) -> TextFeatures:
        if report_id not in self._features:
            self._remember(report_id, compact(report_features(self.reports[report_id],
                                                              for_index=False)))
        return self._features[report_id]

    def _remember(self, report_id: str, feats: TextFeatures, keep: int = 50_000) -> None:
        if len(self._features) >= keep:
            self._features.pop(next(iter(self._features)))
        self._features[report_id] = feats

    def add_report(self, report: dict, events: list[dict]) -> list[Link]:
        rid = report["report_id"]
        events = [dict(e, report_id=rid) for e in events]
        feats = report_features(report)
        cand_ids = self.candidates(report, events, feats)
        self.compared += len(cand_ids) * max(1, len(events))
        candidates = [(self.events[c], self.reports[self.events[c]["report_id"]]) for c in cand_ids]
        incs = {self.incident_of[c] for c in cand_ids}
        members = {i: [(self.events[m], self.reports[self.events[m]["report_id"]])
                       for m in self.members[i]] for i in incs}

        def sim(other):
            return text_similarity(feats, self.features(other))
        links = link_events(events, report, candidates, self.incident_of, members, sim,
                            self.text_found)
        self.reports[rid] = report
        self._remember(rid, compact(feats))
        for band in list(feats.bands) + rare_index_keys(feats, report):
            self.bands.setdefault(band, []).append(rid)
        for ev, link in zip(events, links):
            eid = ev["event_id"]
            self.events[eid] = ev
            self._events_of_report.setdefault(rid, []).append(eid)
            for k in index_keys(ev, report):
                self.keys.setdefault(k, []).append(eid)
            self.incident_of[eid] = link.incident_id
            self.members.setdefault(link.incident_id, []).append(eid)
            self.links[eid] = link
        for link in links:
            for other in link.absorbs:
                self.merge(link.incident_id, other)
        return links

    def merge(self, a: str, b: str) -> None:
        """Reviewer: incident b's events join incident a."""
        for eid in self.members.pop(b, []):
            self.incident_of[eid] = a
            self.members.setdefault(a, []).append(eid)

    def split(self, incident: str, event_ids: Iterable[str]) -> str:
        """Reviewer: the given events leave `incident` for a new one; returns its id."""
        moving = [e for e in event_ids if self.incident_of.get(e) == incident]
        new = incident_id_for("split:" + ",".join(sorted(moving)))
        for eid in moving:
            self.members[incident].remove(eid)
            self.incident_of[eid] = new
            self.members.setdefault(new, []).append(eid)
        return new

    def report_clusters(self) -> list[set[str]]:
        """Sets of report ids that share an incident, merged transitively (for scoring)."""
        parent: dict[str, str] = {}

        def find(x):
            while parent.setdefault(x, x) != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for rid in self.reports:
            find(rid)
        for eids in self.members.values():
            rids = [self.events[e]["report_id"] for e in eids]
            for r in rids[1:]:
                parent[find(r)] = find(rids[0])
        groups: dict[str, set[str]] = {}
        for rid in self.reports:
            groups.setdefault(find(rid), set()).add(rid)
        return list(groups.values())
