"""Loads the domain lexicons (data/lexicon/*.toml) once and compiles their patterns.

The lexicons are data a domain expert edits; this module only turns them into compiled regular
expressions. Patterns are matched case-insensitively and at word boundaries.
"""
from __future__ import annotations

import hashlib
import json
import re
import warnings
from functools import cached_property, lru_cache
from pathlib import Path

from nkevents import regex_store

# (a path, not importlib.resources: the package's data are plain files, and importing that module
# was a thirtieth of a one-report process)
LEXICON_DIR = Path(__file__).resolve().parent / "data" / "lexicon"
LEXICON_FILES = ("triggers", "charges", "penalties", "actors", "subjects", "modality")
# Leading words are kept to their first WORD_LENGTH letters ("were arrested" and "were detained"
# still differ; "the politburo ordered" and "the politburo decided" need not).
WORD_LENGTH = 12


def source_text(name: str) -> str:
    if name not in LEXICON_FILES:
        raise KeyError(f"unknown lexicon {name!r}")
    return (LEXICON_DIR / f"{name}.toml").read_text("utf-8")


@lru_cache(maxsize=None)
def derived(name: str) -> dict:
    """The lexicon as data/lexicon/NAME.derived.json holds it (its TOML parsed, word lists filled
    in, and the leading words of every pattern read off: see derive), when that file was built
    from the TOML as it is now; else derived from the TOML here (slow: seconds), with a warning."""
    text = source_text(name)
    path = LEXICON_DIR / f"{name}.derived.json"
    if path.is_file():
        built = json.loads(path.read_text("utf-8"))
        if built.get("source_sha256") == _digest(text) and built.get("word_length") == WORD_LENGTH:
            return built
    warnings.warn(f"data/lexicon/{name}.derived.json is not built from {name}.toml as it is now: "
                  f"run scripts/build_derived.py (deriving it on every start is slow)", stacklevel=2)
    return derive(name, text)


def load(name: str) -> dict:
    """The parsed TOML of data/lexicon/NAME.toml, its word lists filled in (see expand_vocab)."""
    return derived(name)["data"]


def derive(name: str, text: str | None = None) -> dict:
    """What data/lexicon/NAME.derived.json holds: the digest of the TOML it is built from, the
    parsed lexicon, and for every list of strings in it the leading words of each string read as a
    pattern (`leading_words`, cut to WORD_LENGTH letters; null where they cannot be read off)."""
    import tomllib  # (only here: a start-up reads the derived file)
    text = source_text(name) if text is None else text
    data = tomllib.loads(text)
    vocab = data.pop("vocab", None)
    data = expand_vocab(data, vocab) if vocab else data
    return {"source_sha256": _digest(text), "word_length": WORD_LENGTH, "data": data,
            "leading_words": _leading_words_tree(data)}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _leading_words_tree(value):
    """The leading words of every list of strings in a lexicon, in the lexicon's shape."""
    if isinstance(value, dict):
        out = {k: _leading_words_tree(v) for k, v in value.items()}
        return {k: v for k, v in out.items() if v is not None} or None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [scan_words(p) for p in value]
    return None


def scan_words(pattern: str) -> list[str] | None:
    """The pattern's leading words cut to WORD_LENGTH letters (a match starts with one of them
    too, and cut words are far fewer), sorted; None where they cannot be read off or one does not
    start with a letter or digit (matches are looked for only where a word starts)."""
    if _has_top_level_bar(pattern):
        return None  # ("a|b": leading_words reads the first branch only)
    words = leading_words(pattern, min_len=2)
    if not words or not all(w[:1].isalnum() and w[:1].isascii() for w in words):
        return None
    return sorted({w[:WORD_LENGTH] for w in words})


def _has_top_level_bar(pattern: str) -> bool:
    """The pattern is an alternation outside any group ("x|y")."""
    depth, escaped, in_class = 0, False, False
    for c in pattern:
        if escaped:
            escaped = False
        elif c == "\\":
            escaped = True
        elif in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            return True
    return False


def words_of(name: str, *path: str) -> list[list[str] | None] | None:
    """The scan words of the list at `path` in a lexicon (e.g. "triggers", "policy", "patterns")."""
    node = derived(name)["leading_words"]
    for key in path:
        node = (node or {}).get(key)
    return node


# A lexicon may name word lists once in a [vocab] table ("facilities = ['markets?', 'schools?']")
# and use them in any pattern as {facilities}: the same objects of a measure then read alike in
# every pattern that needs them. (Regex counts such as {0,3} are not names and stay as they are.)
VOCAB_REF = regex_store.compile(r"\{([a-z_]+)\}")


def expand_vocab(value, vocab: dict[str, list[str]]):
    if isinstance(value, str):
        def fill(m: re.Match) -> str:
            if m.group(1) not in vocab:
                raise KeyError(f"lexicon pattern uses unknown word list {{{m.group(1)}}}")
            return "(?:" + "|".join(sorted(vocab[m.group(1)], key=len, reverse=True)) + ")"
        return VOCAB_REF.sub(fill, value)
    if isinstance(value, list):
        return [expand_vocab(v, vocab) for v in value]
    if isinstance(value, dict):
        return {k: expand_vocab(v, vocab) for k, v in value.items()}
    return value


def alternation(patterns: list[str], words: list[list[str] | None] | None = None,
                one_regex_max: int | None = None) -> Patterns | None:
    """The patterns matched as one alternation (see Patterns); `words`: their scan words (read off
    here when not given: for a few patterns made up at run time)."""
    if not patterns:
        return None
    return Patterns(patterns, words or [scan_words(p) for p in patterns], one_regex_max)


def lexicon_patterns(name: str, *path: str, one_regex_max: int | None = None) -> Patterns | None:
    """The list at `path` in a lexicon as Patterns, e.g. lexicon_patterns("triggers", "unknown")."""
    node = load(name)
    for key in path:
        node = node[key]
    return alternation(node, words_of(name, *path), one_regex_max)


@lru_cache(maxsize=None)
def compiled(name: str) -> dict[str, dict[str, Patterns | None]]:
    """For a lexicon whose tables carry `patterns` (and maybe `exclude`): {key: {"patterns": .., "exclude": ..}}."""
    return {key: table_patterns(name, key) for key in table_keys(name)}


# The lexicons whose tables are tried at the places a Scanner finds (few per sentence): tried there
# pattern by pattern, a table is compiled only in part.
SCANNED = ("triggers", "charges", "penalties")


@lru_cache(maxsize=None)
def table_patterns(name: str, key: str) -> dict[str, Patterns | None]:
    """One table's patterns and exclude list."""
    table = load(name)[key]
    return {"patterns": lexicon_patterns(name, key, "patterns", one_regex_max=0 if name in SCANNED else None),
            "exclude": lexicon_patterns(name, key, "exclude") if table.get("exclude") else None}


@lru_cache(maxsize=None)
def table_keys(name: str) -> tuple[str, ...]:
    """The keys of a lexicon's tables that carry patterns, in file order."""
    return tuple(k for k, t in load(name).items() if isinstance(t, dict) and "patterns" in t)


# ---------- leading words ----------
# Most patterns must begin with one of a few words ("execut", "firing squad"): a match can start
# only where one of them starts. They are read off the patterns when the derived files are built.

_LITERAL = set("abcdefghijklmnopqrstuvwxyz0123456789 -'’")


# what may follow a group: "?", "*", "+" or "{2}", "{0,3}", "{1,}" (and "?" after it, lazily)
QUANTIFIER = regex_store.compile(r"(?:[?*+]|\{(?P<low>\d*)(?:(?P<comma>,)(?P<high>\d*))?\})\??")


def leading_words(pattern: str, min_len: int = 3) -> set[str] | None:
    """Lower-case strings one of which every match of `pattern` starts with, or None when that
    cannot be read off the pattern (then the pattern is always tried)."""
    p = pattern.lower()
    if p.startswith(("(?<=", "(?<!")):  # a look-behind takes no characters: read what follows it
        depth = 0
        for i, c in enumerate(p):
            depth += c == "("
            depth -= c == ")"
            if depth == 0:
                return leading_words(pattern[i + 1:], min_len)
    if p.startswith("(?:"):
        depth, i = 0, 0
        for i, c in enumerate(p):
            if c == "\\":
                continue
            depth += c == "("
            depth -= c == ")"
            if depth == 0:
                break
        body, rest = p[3:i], p[i + 1:]
        quantifier = QUANTIFIER.match(rest)
        optional = repeated = False
        if quantifier:
            rest = rest[quantifier.end():]
            sign = quantifier.group(0)[0]
            low = int(quantifier.group("low") or 0) if sign == "{" else int(sign == "+")
            high = int(quantifier.group("high") or 2) if quantifier.group("comma") else low  # (2: many)
            optional = sign in "?*" or low == 0
            repeated = sign in "*+" or high > 1
        alternatives, depth, start = [], 0, 0
        for j, c in enumerate(body):
            depth += c == "("
            depth -= c == ")"
            if c == "|" and depth == 0:
                alternatives.append(body[start:j])
                start = j + 1
        alternatives.append(body[start:])
        out: set[str] = set()
        for alt in alternatives:
            # a repeated group ("(?:the )*") may be followed by itself: only its own words are sure
            words = leading_words(alt if repeated else alt + rest, min_len) if alt else leading_words(rest, min_len)
            if words is None:
                return None
            out |= words
        if optional:
            words = leading_words(rest, min_len)
            if words is None:
                return None
            out |= words
        return out
    run = ""
    for k, c in enumerate(p):
        if c not in _LITERAL:
            if run and p.startswith("(?:", k):
                # words go on in a group ("the (?:politburo|cabinet)"): read them, so that not every
                # "the" is a place where the pattern may start
                following = leading_words(pattern[k:], 1)
                if following is not None and all(len((run + w).strip()) >= min_len for w in following):
                    return {run + w for w in following}
            break
        if k + 1 < len(p) and p[k + 1] in "?*{":
            break
        run += c
    run = run.rstrip()
    return {run} if len(run.strip()) >= min_len else None


@lru_cache(maxsize=None)
def gates(name: str) -> dict[str, tuple[str, ...] | None]:
    """{key: words one of which a text must contain to hold a match of the table, or None}: given
    by hand (`keywords`) for the tables whose patterns start with a number; the other tables are
    tried only where their words start (Patterns), which needs no gate."""
    return {key: (_shortest(set(table["keywords"])) if "keywords" in table else None)
            for key, table in load(name).items() if isinstance(table, dict) and "patterns" in table}


def _shortest(words: set[str]) -> tuple[str, ...]:
    """Drop every word that contains another: finding "allow" already finds "allowed"."""
    kept = sorted(words, key=len)
    return tuple(sorted(w for i, w in enumerate(kept) if not any(k in w for k in kept[:i])))


def may_match(gate: tuple[str, ...] | None, lowered_text: str) -> bool:
    return gate is None or _gate_regex(gate).search(lowered_text) is not None


@lru_cache(maxsize=None)
def _gate_regex(gate: tuple[str, ...]) -> re.Pattern:
    """Any of the gate's words anywhere in a text, in one scan (a trie of them)."""
    return regex_store.compile(trie_regex(set(gate)))


def trie_regex(words: set[str]) -> str:
    """A regex matching any of `words` as a prefix, built as a trie ("ban|banned|bar" -> "ba(?:n|r)"),
    which a backtracking engine tries in time proportional to the word, not to the number of words."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node:  # a word ends here: as a prefix test, nothing more is needed
            return ""
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


# ---------- words a match must contain ----------
# Most lists of patterns match in few sentences, and most of their matches must contain one of a
# few words ("mobili", "plans"): a text holding none of them is not scanned at all. The words are
# read off the patterns by re's own parser (for a pattern it cannot read, every text is scanned).

try:
    from re import _constants as _sre_constants, _parser as _sre_parser
except ImportError:  # (another version or implementation of re: every text is scanned)
    _sre_parser = _sre_constants = None

_REQUIRED_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789 -'")


def required_words(pattern: str) -> set[str] | None:
    """Lower-case strings one of which every match of `pattern` contains, or None when that cannot
    be read off the pattern."""
    if _sre_parser is None:
        return None
    try:
        return _required(_sre_parser.parse(pattern, re.IGNORECASE))
    except Exception:  # (whatever the parser makes of it: no words, the text is scanned)
        return None


def _required(items) -> set[str] | None:
    """required_words of a parsed sequence: each run of plain letters in it, and each group,
    repeat or alternation it must match, gives a set; the one with the longest shortest word is kept."""
    c = _sre_constants
    candidates, run = [], ""
    for op, av in list(items) + [(None, None)]:
        if op is c.LITERAL and av < 128 and chr(av).lower() in _REQUIRED_CHARS:
            run += chr(av).lower()
            continue
        if run.strip():
            candidates.append({run})
        run, sub = "", None
        if op is c.SUBPATTERN:
            sub = _required(av[3])
        elif op is c.ATOMIC_GROUP:
            sub = _required(av)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            sub = _required(av[2])
        elif op is c.BRANCH:
            branches = [_required(b) for b in av[1]]
            sub = set().union(*branches) if all(branches) else None
        # (look-arounds, anchors, classes and back-references require nothing of the match)
        if sub:
            candidates.append(sub)
    if not candidates:
        return None
    return max(candidates, key=lambda words: (min(len(w.strip()) for w in words), -len(words)))


# A character other than A-Z that matches one of them case-insensitively ("ſ" matches "s", "K" (the
# Kelvin sign) "k"): in a text that holds one, a missing word does not rule out a match.
_A_TO_Z = regex_store.compile("[a-z]", re.IGNORECASE)


@lru_cache(maxsize=256)
def lowered_for_needles(text: str) -> str | None:
    """`text` lower-cased, to look for the words a match must contain; None where a match need not
    hold them as written (a character that case-folds to A-Z, or lower-cases to two)."""
    if not text.isascii() and any(_A_TO_Z.match(c) for c in set(text) if not c.isascii()):
        return None
    return text.lower()


# ---------- matching only where a match can start ----------
# Trying a long alternation at every character of every sentence is the slow part of extraction,
# and compiling it is the slow part of start-up. A match of a pattern can only start where one of
# its leading words starts (data/lexicon/*.derived.json lists them): the patterns are tried only at
# such word starts, each compiled on first use.

WORD_START = regex_store.compile(r"(?<![\w-])\w")


@lru_cache(maxsize=256)
def word_starts(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, the next WORD_LENGTH letters lower-cased) of every place in `text` a match may start."""
    return tuple(_with_heads(text, map(_start, WORD_START.finditer(text))))


def _with_heads(text: str, offsets) -> list[tuple[int, str]]:
    """(offset, the next WORD_LENGTH letters lower-cased) of each offset."""
    lowered = text.lower()
    if len(lowered) == len(text):  # (each letter lower-cased to one: the same offsets in both)
        return [(at, lowered[at:at + WORD_LENGTH]) for at in offsets]
    return [(at, text[at:at + WORD_LENGTH].lower()) for at in offsets]


_start = re.Match.start


@lru_cache(maxsize=256)
def word_index(text: str) -> dict[str, list[tuple[int, str]]]:
    """word_starts(text) by their first two letters."""
    out: dict[str, list[tuple[int, str]]] = {}
    for at, head in word_starts(text):
        out.setdefault(head[:2], []).append((at, head))
    return out


# A list of patterns this long or shorter is compiled as one regex (cheap to compile, and the
# regex engine tries it faster than Python picks patterns); a longer one pattern by pattern.
ONE_REGEX_MAX = 1500
# A list of patterns (or a Scanner) used this many times in a process gets its fast form compiled,
# a regex that first tests, in one step, that one of its scan words starts at a place: costly to
# compile, so a process extracting one report never builds it, and a batch soon does.
HOT = 300
# A list of patterns scanned for in this many texts gets the words its matches must contain read
# off (required_words: slow to read, so a process extracting one report never does).
NEEDLES_AFTER = 30
# At most this many patterns whose words a text holds are searched for one by one (more: as one regex).
HELD_MAX = 4


def _buckets(words_of: dict) -> dict[str, tuple[tuple[str, ...], list]]:
    """{a word's first three letters (two for a two-letter word): (the words of `words_of` with
    them, [(each key of `words_of` holding such a word, in order, and its words with them)])}."""
    buckets: dict[str, tuple[set[str], list]] = {}
    for key, words in words_of.items():
        by_prefix: dict[str, list[str]] = {}
        for w in words:
            by_prefix.setdefault(w[:3], []).append(w)
        for prefix, own in by_prefix.items():
            bucket = buckets.setdefault(prefix, (set(), []))
            bucket[0].update(own)
            bucket[1].append((key, tuple(own)))
    return {prefix: (tuple(sorted(words)), keys) for prefix, (words, keys) in buckets.items()}


def _bucket_at(buckets: dict, has_short: bool, head: str):
    """The bucket of the place whose next letters are `head` (a two-letter word's joined in), or None."""
    bucket = buckets.get(head[:3])
    if has_short:
        short = buckets.get(head[:2])
        if short is not None:
            if bucket is None:
                return short
            # (a Patterns' entries are tried in the patterns' order: sorted by their number)
            return bucket[0] + short[0], sorted(bucket[1] + short[1], key=lambda entry: entry[0])
    return bucket


class Patterns:
    """A list of patterns matched as one alternation: case-insensitively, at word boundaries, and
    the first pattern in list order that matches at a place wins. A long list whose patterns' scan
    words are all known is tried pattern by pattern, each only where one of its scan words starts
    and compiled the first time it is tried; any other list is compiled as one regex."""

    def __init__(self, patterns: list[str], words: list[list[str] | None] | None = None,
                 one_regex_max: int | None = None):
        self.patterns = list(patterns)
        self.words = [tuple(w) for w in words] if words and all(words) else None
        self._compiled: dict[int, re.Pattern] = {}
        self._whole: re.Pattern | None = None
        self._gated: re.Pattern | None = None
        # {a place's first three letters: its bucket's patterns as one regex}, for a hot list
        self._bucket_regex: dict[str, re.Pattern] = {}
        self.uses = 0
        self.scans = 0  # (texts scanned without places: see may_hold)
        limit = ONE_REGEX_MAX if one_regex_max is None else one_regex_max
        self.one_regex = self.words is None or sum(map(len, self.patterns)) <= limit

    @property
    def readable(self) -> bool:
        return self.words is not None

    # (the buckets are made on first use: a list matched as one regex never needs them, and making
    # them for every list was a fifth of a one-report process's extraction)
    @cached_property
    def by_prefix(self) -> dict[str, tuple[tuple[str, ...], list]]:
        """{first three letters: (every scan word starting with them, [(each pattern with such a
        word, in list order, and its words starting with them)])}"""
        return _buckets(dict(enumerate(self.words or ())))

    @cached_property
    def has_short(self) -> bool:
        return any(len(prefix) < 3 for prefix in self.by_prefix)

    @cached_property
    def by_two(self) -> dict[str, tuple[str, ...]]:
        """{first two letters: every scan word starting with them} (to find the places in a text)"""
        out: dict[str, tuple[str, ...]] = {}
        for prefix, (words_here, _) in self.by_prefix.items():
            out[prefix[:2]] = out.get(prefix[:2], ()) + words_here
        return out

    @staticmethod
    def regex(body: str) -> re.Pattern:
        # ends at a word's end, unless the pattern itself ends in a space or punctuation ("allowing X to ")
        return regex_store.compile(rf"(?<![\w-])(?:{body})(?!(?<=\w)\w)", re.IGNORECASE)

    def whole(self) -> re.Pattern:
        """The alternation as one regex."""
        if self._whole is None:
            self._whole = self.regex("|".join(f"(?:{p})" for p in self.patterns))
        return self._whole

    def gated(self) -> re.Pattern:
        """The alternation as one regex behind a test of its scan words (the fast form of a hot list)."""
        if self._gated is None:
            every = {w for words in self.words for w in words}
            body = "|".join(f"(?:{p})" for p in self.patterns)
            self._gated = self.regex(rf"(?=(?i:{trie_regex(every)}))(?:{body})")
        return self._gated

    def bucket_regex(self, bucket) -> re.Pattern:
        """A hot list's patterns of one bucket as one alternation, in list order (a pattern none of
        whose scan words starts at a place cannot match there, so trying it too changes no match)."""
        return self.regex("|".join(f"(?:{self.patterns[i]})" for i in dict.fromkeys(i for i, _ in bucket[1])))

    def bucket_regexes(self) -> list[re.Pattern]:
        """Every bucket_regex a hot list may compile (for the regex store)."""
        if self.one_regex:
            return []
        # (a two-letter word's bucket is joined to those of the longer words with its letters)
        heads = [prefix if len(prefix) == 3 else prefix + " " for prefix in self.by_prefix]
        return [self.bucket_regex(_bucket_at(self.by_prefix, True, head) if self.has_short else self.by_prefix[head])
                for head in heads]

    @cached_property
    def needles_of(self) -> list[tuple[str, ...]] | None:
        """For each pattern, the words one of which its every match contains (None when a
        pattern's words cannot be read off)."""
        words = [required_words(p) for p in self.patterns]
        return [_shortest(w) for w in words] if all(words) else None

    @cached_property
    def needles(self) -> re.Pattern | None:
        """Finds in a lower-cased text any of the words one of which every match contains."""
        return _gate_regex(_shortest({w for words in self.needles_of for w in words})) if self.needles_of else None

    def held(self, text: str) -> list[int] | None:
        """The patterns whose words `text` holds (only they may match in it), all of them in order
        while the list is new to the process or where that cannot be told (see NEEDLES_AFTER)."""
        self.scans += 1
        if self.scans <= NEEDLES_AFTER or self.needles is None:
            return None
        lowered = lowered_for_needles(text)
        if lowered is None:
            return None
        if self.needles.search(lowered) is None:
            return []
        has = lowered.__contains__
        return [i for i, words in enumerate(self.needles_of) if any(map(has, words))]

    def _pattern_by_pattern(self, held: list[int], text: str, pos: int, endpos: int):
        """The matches of the alternation, found by searching for each of the `held` patterns (a
        pattern the text cannot match changes no match): the leftmost, the first in list order
        among those matching there (a match is never empty: it holds one of its words)."""
        regexes = []
        for i in held:
            rx = self._compiled.get(i)
            if rx is None:
                rx = self._compiled[i] = self.regex(self.patterns[i])
            regexes.append(rx)
        while True:
            best = None
            for rx in regexes:
                m = rx.search(text, pos, endpos)
                if m and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                return
            yield best
            pos = best.end()

    def places(self, text: str) -> list[int]:
        """The word starts of `text` where a match may begin, in order."""
        index, by_two = word_index(text), self.by_two
        # (through whichever of the two is smaller: most lists of patterns have few first letters)
        prefixes = [p for p in by_two if p in index] if len(by_two) < len(index) else [p for p in index if p in by_two]
        out = []
        for prefix in prefixes:
            words = by_two[prefix]
            out.extend(at for at, head in index[prefix] if head.startswith(words))
        out.sort()
        return out

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        if self.one_regex:
            return self.whole().match(text, pos, endpos)
        head = text[pos:pos + WORD_LENGTH].lower()
        bucket = _bucket_at(self.by_prefix, True, head) if self.has_short else self.by_prefix.get(head[:3])
        if bucket is None or not head.startswith(bucket[0]):
            return None
        rx = self._bucket_regex.get(head[:3])
        if rx is not None:
            return rx.match(text, pos, endpos)
        if self.uses > HOT:  # (counted per scan of a text, not per place: a report tries many places)
            rx = self._bucket_regex[head[:3]] = self.bucket_regex(bucket)
            return rx.match(text, pos, endpos)
        for i, words in bucket[1]:
            if head.startswith(words):
                rx = self._compiled.get(i)
                if rx is None:
                    rx = self._compiled[i] = self.regex(self.patterns[i])
                m = rx.match(text, pos, endpos)
                if m:
                    return m
        return None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, places: list[int] | None = None):
        """The matches from left to right, none overlapping (as re's finditer); `places`: the word
        starts where one may begin, when the caller has them (Scanner)."""
        endpos = len(text) if endpos is None else endpos
        return self._matches(text, pos, endpos, places, self.held(text) if places is None else None)

    def _matches(self, text: str, pos: int, endpos: int, places: list[int] | None, held: list[int] | None):
        """finditer, `held` (see held) read off the text already."""
        if places is None:
            if held == []:
                return
            scan = self.scanning()
            if scan is not None:
                # (a few patterns, each searched for alone, take less time than the alternation)
                yield from (scan.finditer(text, pos, endpos) if held is None or len(held) > HELD_MAX
                            else self._pattern_by_pattern(held, text, pos, endpos))
                return
            places = self.places(text)
        else:
            self.uses += 1
        end, match = pos, self.match
        for at in places:
            if at < end:
                continue
            if at >= endpos:
                break
            m = match(text, at, endpos)
            if m:
                end = m.end()
                yield m

    def scanning(self) -> re.Pattern | None:
        """The regex to scan a text with when no places are given, None to try the text's places:
        the gated alternation once the list is hot (trying the whole alternation at every
        character is slow for a long list), else the whole one for a short list."""
        if self._gated is not None:
            return self._gated
        if self.words is None:
            return self.whole()
        self.uses += 1
        if self.uses > HOT:
            return self.gated()
        return self.whole() if self.one_regex else None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        held = self.held(text)
        if held == []:
            return None
        scan = self.scanning()  # (searched directly: no generator for the most frequent call)
        if scan is not None:
            endpos = len(text) if endpos is None else endpos
            if held is None or len(held) > HELD_MAX:
                return scan.search(text, pos, endpos)
            return next(self._pattern_by_pattern(held, text, pos, endpos), None)
        return next(self._matches(text, pos, len(text) if endpos is None else endpos, None, held), None)


# How many places' next letters a Scanner remembers the keys of (a bound on its memory in a long batch).
KNOWN_HEADS_MAX = 50_000


class Scanner:
    """Where the matches of each of several Patterns can start, found in one pass over a text's
    word starts (a superset of the places: trying a pattern at a place too many finds nothing)."""

    def __init__(self, tables: dict[str, Patterns]):
        self.keys = [k for k, p in tables.items() if p is not None and p.readable]
        words_of = {key: {w for words in tables[key].words for w in words} for key in self.keys}
        # {first three letters: (every scan word of any table starting with them, [(key, its words with them)])}
        self.by_prefix = _buckets(words_of)
        self.has_short = any(len(prefix) < 3 for prefix in self.by_prefix)
        self._every = set().union(*words_of.values())
        self._regex: re.Pattern | None = None
        self._lowered_regex: re.Pattern | None = None
        self._keys_at: dict[str, tuple[str, ...]] = {}
        self.uses = 0

    def starts(self, text: str):
        """(offset, next letters) of the word starts of `text` where a scan word may start: all of
        them at first, only those where one starts once the Scanner is hot (HOT)."""
        self.uses += 1
        if self.uses <= HOT or not self._every:
            return word_starts(text)
        lowered = lowered_for_needles(text)
        if lowered is None or len(lowered) != len(text):
            return _with_heads(text, map(_start, self.hot_regex().finditer(text)))
        return [(at, lowered[at:at + WORD_LENGTH]) for at in map(_start, self.hot_lowered_regex().finditer(lowered))]

    def hot_regex(self) -> re.Pattern:
        """The places where one of the scan words starts, found by one regex (once hot)."""
        if self._regex is None:
            self._regex = regex_store.compile(rf"(?<![\w-])(?=(?i:{trie_regex(self._every)}))")
        return self._regex

    def hot_lowered_regex(self) -> re.Pattern:
        """hot_regex for a lower-cased text, in a form the regex engine finds fast: a match takes a
        scan word's first letter (the engine skips to the letters that begin one), then tests that
        no letter or hyphen stands before it and that the rest of the word follows."""
        if self._lowered_regex is None:
            rests: dict[str, set[str]] = {}
            for word in self._every:
                rests.setdefault(word[0], set()).add(word[1:])
            self._lowered_regex = regex_store.compile("|".join(
                re.escape(first) + r"(?<![\w-].)" + ("" if "" in after else f"(?={trie_regex(after)})")
                for first, after in sorted(rests.items())))
        return self._lowered_regex

    def keys_at(self, head: str) -> tuple[str, ...]:
        """The keys one of whose scan words starts a place whose next letters are `head`."""
        bucket = self.by_prefix.get(head[:3])
        if self.has_short and head[:2] in self.by_prefix:
            bucket = _bucket_at(self.by_prefix, self.has_short, head)
        if bucket is None or not head.startswith(bucket[0]):
            return ()
        return tuple(dict.fromkeys(key for key, words in bucket[1] if head.startswith(words)))

    def places(self, text: str) -> dict[str, list[int]]:
        """{key: the word starts of `text` where a match of the key's patterns may begin}."""
        out: dict[str, list[int]] = {k: [] for k in self.keys}
        # (the keys of a place depend on its next letters only, and the same words come back)
        known = self._keys_at
        for at, head in self.starts(text):
            keys = known.get(head)
            if keys is None:
                keys = self.keys_at(head)
                if len(known) < KNOWN_HEADS_MAX:
                    known[head] = keys
            for key in keys:
                out[key].append(at)
        return out


@lru_cache(maxsize=None)
def scanner(name: str) -> Scanner:
    """The Scanner of the tables of a lexicon whose patterns all say where they start."""
    return Scanner({key: table_patterns(name, key)["patterns"] for key in table_keys(name)})
