"""Places stage: North Korean places named in the text, foreign places, and the source's place.

Writes
- `doc.place_mentions`: one PlaceMention per North Korean place named in the body (offsets into
  doc.text; the span includes a level word that belongs to the name: "Musan County");
- `doc.foreign_mentions`: places outside North Korea (data/foreign_places.toml), so "Dandong" or
  "Tumen" is never read as a North Korean place;
- `doc.source_place`: where a source speaks from ("a source in North Hamgyong Province told...").

How:
1. One pass over the words of the text with an index of spelling keys (gazetteer spellings,
   foreign names, rivers and mountains): at each capitalized word the longest run of up to six
   words whose joined key is a known spelling is a candidate name. Keys fold romanizations
   (nkevents.gazetteer.spelling_key), so "Shinuiju", "Hoiryong" or "Ryangkang" need no listing.
2. Words around the name: a level word after it ("County", "-gun", "City", "-dong", "-ri"...) or
   before it ("the city of"), a possessive ("Chongjin's"), a surname before it (a personal name),
   a missile number after it ("Hwasong-15"), "Mount" before it.
3. A name several places share (Hyesan city / Hyesan-dong, Kangso, Unsan...) is resolved by the
   level word, then by an ancestor named nearby (same sentence, paragraph, document), then by the
   bigger place. Names that are also ordinary words or other things' names count only with a
   level word or an ancestor named in the same sentence (lists in data/place_words.toml).
4. "Pyongyang closed the border": a capital standing for its state names the country (`kp`).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from nkevents import datafiles, regex_store
from nkevents.gazetteer import Gazetteer, fold, key_rules, level_rank, place_words, spelling_key, word_key
from nkevents.model import Document, Place, PlaceMention

REQUIRES = ("text", "sentences", "paragraphs")
ASSIGNS = ("place_mentions", "foreign_mentions", "landmark_mentions", "source_place")

# a word: letters and digits, with apostrophes inside (Ch'ŏngjin, P'yŏngyang's)
TOKEN = regex_store.compile(r"[^\W_]+(?:['’ʼ‘][^\W_]+)*")
# a word that may start a name: a letter that is not an ASCII lower-case one (C, Ŏ, Hangul)
START = regex_store.compile(r"(?<![^\W_])[^\W\d_a-z][^\W_]*(?:['’ʼ‘][^\W_]+)*")
MAX_WORDS = 7
# one romanized Korean syllable (Yong, Won, Chaek): consonants, one vowel group, a final
SYLLABLE = regex_store.compile(r"^[bcdfghjklmnpqrstvxz]{0,3}[aeiouwy]{1,3}(?:ng|[bcdfghjklmnpqrstvxz]{0,2})$")
# what may stand between two words of one name
JOINERS = {" ", "-", "‐", "‑", "–"}


@dataclass
class Entry:
    """One thing a spelling key may mean."""
    kind: str  # "kp" | "foreign" | "feature"
    place: Place | None
    # the folded spellings with this key, for preferring exact spellings among candidates
    spellings: set[str] = field(default_factory=set)


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    possessive: bool
    capital: bool


@dataclass
class Candidate:
    """A name found in the text before resolution."""
    start: int
    end: int
    entries: list[Entry]
    levels: set[str] | None = None  # levels allowed by a level word, if any
    level_in_name: bool = False  # the level word was part of the matched spelling
    possessive: bool = False
    tokens: list[Token] = field(default_factory=list)
    context: dict = field(default_factory=dict)


class Matcher:
    """Everything the stage needs, built once per process."""

    def __init__(self):
        words = place_words()
        self.gaz = Gazetteer.load()
        self.index: dict[str, list[Entry]] = {}
        for place in self.gaz.places():
            for spelling in self.gaz.spellings(place.id):
                self._add(spelling, Entry("kp", place, {fold(spelling)}))
        foreign = datafiles.toml("foreign_places.toml")
        for item in foreign.get("place", []):
            place = Place(id=item["id"], name=item["names"][0], level=item.get("level", "unknown"),
                          lat=item.get("lat"), lon=item.get("lon"))
            for name in item["names"]:
                self._add(name, Entry("foreign", place, {fold(name)}))
        for item in foreign.get("feature", []):
            for name in item["names"]:
                self._add(name, Entry("feature", None, {fold(name)}))
        for item in foreign.get("landmark", []):
            place = self.gaz.get(item["in"])
            for name in item["names"]:
                self._add(name, Entry("landmark", place, {fold(name)}))
        self.prefixes = {key[:i] for key in self.index for i in range(1, len(key) + 1)}

        levels = words["levels"]
        self.level_after: dict[str, set[str]] = {}
        for group in levels["after"]:
            for w in group["words"]:
                self.level_after.setdefault(spelling_key(w), set()).update(group["levels"])
        self.hyphen_only = {spelling_key(w) for w in levels["hyphen_only"]}
        self.level_before = [(regex_store.compile(b["pattern"], re.I), set(b["levels"])) for b in levels["before"]]
        self.hangul_suffixes = [(s["suffix"], set(s["levels"])) for s in levels["hangul_suffixes"]]
        amb = words["ambiguous"]
        self.needs_level_or_parent = {spelling_key(s) for s in amb["needs_level_or_parent"]}
        self.needs_parent = {spelling_key(s) for s in amb["needs_parent"]}
        self.surnames = {fold(s) for s in words["person_names"]["surnames"]}
        self.not_after = regex_store.compile(words["not_place"]["after"])
        self.not_before = regex_store.compile(words["not_place"]["before"], re.I)
        self.metonym_keys = {spelling_key(n) for n in words["metonymy"]["names"]}
        self.metonym_after = regex_store.compile(words["metonymy"]["after"])
        src = words["source"]
        self.source_before = regex_store.compile(src["before"], re.I)
        self.source_after = regex_store.compile(src["after"], re.I)
        self.source_same_place = regex_store.compile(src["same_place"], re.I)
        self.source_same_place_levels = {k: set(v) for k, v in src["same_place_levels"].items()}
        self.source_levels = set(src["levels"])
        self.country = self.gaz.get("kp")

    def _add(self, spelling: str, entry: Entry):
        key = spelling_key(spelling)
        if not key:
            return
        entries = self.index.setdefault(key, [])
        for e in entries:
            if e.kind == entry.kind and (e.place.id if e.place else None) == (
                    entry.place.id if entry.place else None):
                e.spellings |= entry.spellings
                return
        entries.append(entry)

    # -- step 1: words -------------------------------------------------------------------------
    # Only capitalized words can start a name, so the text is scanned for them and the words
    # after one are read only while they may continue a name (most words are never looked at).
    def token(self, m: re.Match) -> Token:
        surface, start, end = m.group(0), m.start(), m.end()
        possessive = False
        if len(surface) > 2 and surface[-2] in "'’ʼ" and surface[-1] in "sS":
            surface, end, possessive = surface[:-2], end - 2, True
        first = surface[0]
        capital = first.isupper() or (not first.isascii() and first.isalpha() and not first.islower())
        return Token(start, end, surface, word_key(surface), possessive, capital)

    def next_token(self, text: str, tok: Token) -> Token | None:
        """The word right after `tok` when only a space or a hyphen stands between them."""
        if tok.possessive or text[tok.end:tok.end + 1] not in JOINERS:
            return None
        m = TOKEN.match(text, tok.end + 1)
        return self.token(m) if m else None

    def spaced_level_word(self, key: str) -> bool:
        """A level word that may follow a name after a space ("County", "city", not "to")."""
        return key in self.level_after and key not in self.hyphen_only

    def hangul_split(self, tok: Token) -> tuple[str, set[str]] | None:
        """A Hangul word with a level suffix (무산군 -> 무산, county)."""
        for suffix, levels in self.hangul_suffixes:
            if tok.key.endswith(suffix) and len(tok.key) > len(suffix):
                return tok.key[:-len(suffix)], levels
        return None

    def candidates(self, text: str) -> list[Candidate]:
        rules = key_rules()
        out: list[Candidate] = []
        resume = 0
        for mt in START.finditer(text):
            first = mt.group(0)[0]
            if mt.start() < resume or first.islower() or not first.isalpha():
                continue
            word = mt.group(0)
            if first.isascii() and word_key(word) not in self.prefixes and word_key(
                    word[:-2]) not in self.prefixes:
                continue  # quick test before building the token: most capitals are no name
            tok = self.token(mt)
            if not tok.capital:
                continue
            toks = [tok]
            key = tok.key
            best = None
            while key in self.prefixes:
                if key in self.index:
                    best = (len(toks), key)
                if len(toks) >= MAX_WORDS:
                    break
                nxt = self.next_token(text, toks[-1])
                if nxt is None or (text[toks[-1].end] == " " and not nxt.capital and not nxt.text[:1].isdigit()
                                   and not self.spaced_level_word(nxt.key)):
                    break
                toks.append(nxt)
                key = rules.extend(key, nxt.key)
            levels = None
            if best is None and not tok.text.isascii():
                split = self.hangul_split(tok)
                if split and split[0] in self.index:
                    best, levels = (1, split[0]), split[1]
            if best is None:
                continue
            count, key = best
            toks = toks[:count]
            cand = Candidate(toks[0].start, toks[-1].end, list(self.index[key]), levels=levels,
                             level_in_name=levels is not None, possessive=toks[-1].possessive,
                             tokens=toks)
            self._level_words(text, cand)
            out.append(cand)
            resume = cand.end
        return out

    def _level_words(self, text: str, cand: Candidate):
        """Read a level word inside the matched name or right after it, and one before it."""
        toks = cand.tokens
        for width in (2, 1):  # the matched spelling ends in a level word ("Musan-gun")
            if len(toks) > width:
                lv = self.level_after.get(key_rules().join(t.key for t in toks[-width:]))
                if lv:
                    cand.levels, cand.level_in_name = set(lv), True
                    break
        if cand.levels is None and not cand.possessive:
            after: list[Token] = []
            last = toks[-1]
            while len(after) < 3:  # a level word after the name ("Musan County", "Hyesan-dong")
                nxt = self.next_token(text, last)
                if nxt is None:
                    break
                after.append(nxt)
                last = nxt
            for width in (3, 2, 1):
                if len(after) < width or any(t.possessive for t in after[:width - 1]):
                    continue
                key = key_rules().join(t.key for t in after[:width])
                lv = self.level_after.get(key)
                if lv and key in self.hyphen_only and text[toks[-1].end] != "-":
                    continue
                if lv:
                    cand.levels = set(lv)
                    cand.tokens = toks + after[:width]
                    cand.end = after[width - 1].end
                    cand.possessive = after[width - 1].possessive
                    break
        if cand.levels is None:
            before = text[max(0, cand.start - 30):cand.start]
            for pattern, lv in self.level_before:
                if pattern.search(before):
                    cand.levels = set(lv)
                    break


@lru_cache(maxsize=1)
def matcher() -> Matcher:
    return Matcher()


def _spans_index(spans: list[tuple[int, int]]) -> list[int]:
    return [s for s, _ in spans] if spans else [0]


def _which(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def _paragraphs(doc: Document) -> list[tuple[int, int]]:
    if doc.paragraphs:
        return doc.paragraphs
    spans, start = [], 0
    for m in re.finditer(r"\n\s*\n", doc.text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(doc.text)))
    return spans


def _is_ancestor(a: str, b: str) -> bool:
    return a != "kp" and b.startswith(a + ".")


def resolve(doc: Document, cands: list[Candidate], m: Matcher) -> tuple[list[PlaceMention], list[PlaceMention], list[PlaceMention]]:
    text = doc.text
    sent_starts = _spans_index(doc.sentences)
    paras = _paragraphs(doc)
    para_starts = _spans_index(paras)
    kept: list[Candidate] = []
    foreign: list[PlaceMention] = []
    landmarks: list[PlaceMention] = []
    for c in cands:
        after = text[c.end:c.end + 24]
        before = text[max(0, c.start - 40):c.start]
        # rivers, mountains: consume the name, emit nothing
        if all(e.kind == "feature" for e in c.entries):
            continue
        # a camp, a resort, a test site: where it lies, for the events there (not a place named)
        if all(e.kind == "landmark" for e in c.entries):
            landmarks.append(PlaceMention(c.start, c.end, c.entries[0].place, text[c.start:c.end]))
            continue
        folded = fold(text[c.start:c.end])
        exact = [e for e in c.entries if folded in e.spellings]
        if any(e.kind == "feature" for e in exact):
            continue  # "Taedong River" is the river, not the district named after it
        # the exact spelling chooses between kinds (Tumen the Chinese city), never between North
        # Korean places: a small place's spelling must not shadow a bigger place's variant
        exact_kinds = {e.kind for e in exact}
        entries = [e for e in c.entries if e.kind in exact_kinds] if exact else c.entries
        entries = [e for e in entries if e.kind != "feature"] or entries
        kinds = {e.kind for e in entries}
        if kinds == {"foreign"} or ("foreign" in kinds and re.search(r"\bChin(?:a|ese)\b", before)):
            e = next(e for e in entries if e.kind == "foreign")
            foreign.append(PlaceMention(c.start, c.end, e.place, text[c.start:c.end]))
            continue
        entries = [e for e in entries if e.kind == "kp"]
        if not entries:
            continue
        if m.not_after.search(after) or m.not_before.search(before):
            continue
        c.entries = entries
        if c.levels is not None:
            fit = [e for e in entries if e.place.level in c.levels]
            if fit:
                c.entries = fit
            elif c.levels == {"village"} and not c.level_in_name:
                continue  # "Songpyong-ri" is a village, not the district of that name
        c.context["ntok"] = len(c.tokens)
        kept.append(c)

    # where each candidate id is named: id -> [(start, sentence, paragraph, ids of that name)]
    where: dict[str, list[tuple[int, int, int, frozenset]]] = {}
    for c in kept:
        ids = frozenset(e.place.id for e in c.entries)
        c.context["ids"] = ids
        c.context["sent"] = _which(sent_starts, c.start) if doc.sentences else -1
        c.context["para"] = _which(para_starts, c.start)
        for pid in ids:
            where.setdefault(pid, []).append((c.start, c.context["sent"], c.context["para"], ids))

    def ancestor_score(c: Candidate, pid: str) -> int:
        """3: an ancestor named in the same sentence; 2: same paragraph; 1: in the document."""
        best = 0
        own = c.context["ids"]
        parts = pid.split(".")
        for k in range(2, len(parts)):
            for start, sent, para, ids in where.get(".".join(parts[:k]), ()):
                # another mention of the same name is no clue (Hyesan is not Hyesan-dong's
                # parent just because "Hyesan" is written twice)
                if start == c.start or ids & own:
                    continue
                if doc.sentences and sent == c.context["sent"] and abs(start - c.start) < 400:
                    return 3
                best = max(best, 2 if para == c.context["para"] else 1)
        return best

    mentions: list[PlaceMention] = []
    for n, c in enumerate(kept):
        container = _container(text, kept, n)
        if container is not None:
            # "KangAn-dong in Hoeryong": the named container decides; a same-named unit elsewhere
            # in the country is not meant
            inside = [e for e in c.entries
                      if any(_is_ancestor(o.place.id, e.place.id) for o in container.entries)]
            # "X, Y" may be a list ("Kim Chaek City, Nampo and ..."): it can only confirm
            comma = text[c.end:container.start].strip() == ","
            if not inside and not comma and level_rank(c.entries[0].place.level) > min(
                    level_rank(o.place.level) for o in container.entries):
                continue
            c.entries = inside or c.entries
        scored = sorted(((ancestor_score(c, e.place.id), -level_rank(e.place.level), e.place.id, e)
                         for e in c.entries), key=lambda t: (-t[0], -t[1], t[2]))
        score, _, _, entry = scored[0]
        if container is not None and any(_is_ancestor(o.place.id, entry.place.id) for o in container.entries):
            score = 3
        place = entry.place
        tokens_text = text[c.start:c.end]
        gated_key = _bare_key(c, m)
        if gated_key in m.needs_parent and (score < 2 or c.levels is None):
            continue
        if gated_key in m.needs_level_or_parent and c.levels is None and score < 3:
            continue
        # neighbourhoods are written with their level word ("Chun-dong"); a bare short name is
        # more likely a word ("Jun. 1") unless its city is named nearby
        if place.level == "neighborhood" and c.levels is None and score < 2:
            continue
        # a name right after a surname is part of a personal name (Kim Song-won) ...
        prev = text[max(0, c.start - 12):c.start]
        pm = re.search(r"([^\W\d_]+) $", prev)
        if c.levels is None and pm and fold(pm.group(1)) in m.surnames and pm.group(1)[0].isupper() \
                and not pm.group(1).isupper():
            continue
        # ... and so is a name of several words starting with one (Kim Chaek, Kim Jong Suk)
        first_word = TOKEN.match(tokens_text)
        if c.levels is None and c.context["ntok"] > 1 and first_word and \
                fold(first_word.group(0)) in m.surnames and " " in tokens_text:
            continue
        # ... and so are syllables written apart ("Jo Yong Won"): place names are written as one
        # word, so spaced syllables count only as a listed spelling or with a level word
        if c.levels is None and c.context["ntok"] > 1 and " " in tokens_text and all(
                SYLLABLE.match(fold(t.text)) for t in c.tokens) and not any(
                fold(tokens_text) in e.spellings for e in c.entries):
            continue
        if gated_key in m.metonym_keys and m.metonym_after.search(text[c.end:c.end + 80]) \
                and place.level in ("special_city", "city") and m.country is not None:
            place = m.country
        mentions.append(PlaceMention(c.start, c.end, place, tokens_text))
    return mentions, foreign, landmarks


CONTAINER_AFTER = regex_store.compile(r"^(?:,\s*|\s+(?:in|of)\s+(?:the\s+)?)$", re.I)


def _container(text: str, kept: list[Candidate], n: int) -> Candidate | None:
    """The place a name is said to be in: "X in Y", "X of Y", "X, Y", "Y's X"."""
    c = kept[n]
    found = None
    if n + 1 < len(kept) and CONTAINER_AFTER.match(text[c.end:kept[n + 1].start]):
        found = kept[n + 1]
    elif n > 0 and kept[n - 1].possessive and text[kept[n - 1].end:c.start].strip(" '’s") == "":
        found = kept[n - 1]
    # "North Korea's Sinuiju" says nothing about which Sinuiju
    if found is not None and all(e.place.level == "country" for e in found.entries):
        return None
    return found


def _bare_key(c: Candidate, m: Matcher) -> str:
    """The key of a mention without a trailing level word ("Hwasong County" -> hwasonk)."""
    keys = [t.key for t in c.tokens]
    for width in (3, 2, 1):
        if len(keys) > width and key_rules().join(keys[-width:]) in m.level_after:
            keys = keys[:-width]
            break
    return key_rules().join(keys)


def find_source_place(doc: Document, mentions: list[PlaceMention], m: Matcher) -> Place | None:
    """The place the report's source speaks from: the first place a source is said to be in."""
    text = doc.text
    found: list[tuple[int, Place]] = []
    for pm in mentions:
        if pm.place.level not in m.source_levels:
            continue
        before = text[max(0, pm.start - 90):pm.start]
        # "Sources in Ryanggang and South Hamgyong Provinces": the first of a list counts
        if m.source_before.search(before) or m.source_after.match(text[pm.end:pm.end + 40]):
            found.append((pm.start, pm.place))
            break
    for sm in m.source_same_place.finditer(text):
        levels = m.source_same_place_levels.get(sm.group("word").lower(), set())
        named = [pm for pm in mentions if pm.end <= sm.start() and pm.place.level in levels]
        if named:
            found.append((sm.start(), named[-1].place))
            break
    return min(found, key=lambda t: t[0])[1] if found else None


def run(doc: Document) -> Document:
    m = matcher()
    cands = m.candidates(doc.text)
    doc.place_mentions, doc.foreign_mentions, doc.landmark_mentions = resolve(doc, cands, m)
    doc.source_place = find_source_place(doc, doc.place_mentions, m)
    return doc
