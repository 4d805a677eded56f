"""Loads the domain lexicons (data/lexicon/*.toml) once and compiles their patterns.

The lexicons are data a domain expert edits; this module only turns them into compiled regular
expressions. Patterns are matched case-insensitively and at word boundaries.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

LEXICON_FILES = ("triggers", "charges", "penalties", "actors", "subjects", "modality")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed TOML of data/lexicon/NAME.toml, its word lists filled in (see expand_vocab)."""
    if name not in LEXICON_FILES:
        raise KeyError(f"unknown lexicon {name!r}")
    text = resources.files("nkevents.data.lexicon").joinpath(f"{name}.toml").read_text("utf-8")
    data = tomllib.loads(text)
    vocab = data.pop("vocab", None)
    return expand_vocab(data, vocab) if vocab else data


# A lexicon may name word lists once in a [vocab] table ("facilities = ['markets?', 'schools?']")
# and use them in any pattern as {facilities}: the same objects of a measure then read alike in
# every pattern that needs them. (Regex counts such as {0,3} are not names and stay as they are.)
VOCAB_REF = re.compile(r"\{([a-z_]+)\}")


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


def alternation(patterns: list[str]) -> re.Pattern | None:
    """One compiled regex matching any of the patterns as a whole word sequence."""
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    # where every pattern says which words it starts with, a trie of them is tried first: at most
    # places it fails on the first letter, before the alternatives are tried one by one
    words = leading_words_of(patterns, min_len=2)
    gate = rf"(?=(?i:{trie_regex(words)}))" if words else ""
    # ends at a word's end, unless the pattern itself ends in a space or punctuation ("allowing X to ")
    return re.compile(rf"(?<![\w-]){gate}(?:{body})(?!(?<=\w)\w)", re.IGNORECASE)


@lru_cache(maxsize=None)
def compiled(name: str) -> dict[str, dict[str, re.Pattern | None]]:
    """For a lexicon whose tables carry `patterns` (and maybe `exclude`): {key: {"patterns": re, "exclude": re}}."""
    out = {}
    for key, table in load(name).items():
        if isinstance(table, dict) and "patterns" in table:
            out[key] = {"patterns": alternation(table["patterns"]),
                        "exclude": alternation(table.get("exclude", []))}
    return out


@lru_cache(maxsize=None)
def table_patterns(name: str, key: str) -> dict[str, re.Pattern | None]:
    """compiled(name)[key] alone, compiled on first use: a process extracting one report compiles
    only the tables the report calls for (compiling all of them is most of its start-up time)."""
    table = load(name)[key]
    return {"patterns": alternation(table["patterns"]), "exclude": alternation(table.get("exclude", []))}


@lru_cache(maxsize=None)
def table_keys(name: str) -> tuple[str, ...]:
    """The keys of a lexicon's tables that carry patterns, in file order."""
    return tuple(k for k, t in load(name).items() if isinstance(t, dict) and "patterns" in t)


# ---------- cheap pre-checks ----------
# Trying every pattern at every character is the slow part of extraction. Most patterns must begin
# with one of a few words ("execut", "firing squad"); a sentence that contains none of them cannot
# match, and a substring test is far cheaper than a regex scan.

_LITERAL = set("abcdefghijklmnopqrstuvwxyz0123456789 -'’")


# what may follow a group: "?", "*", "+" or "{2}", "{0,3}", "{1,}" (and "?" after it, lazily)
QUANTIFIER = re.compile(r"(?:[?*+]|\{(?P<low>\d*)(?:(?P<comma>,)(?P<high>\d*))?\})\??")


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
    """{key: leading words of all its patterns, or None when some pattern must always be tried}."""
    out = {}
    for key, table in load(name).items():
        if isinstance(table, dict) and "keywords" in table:  # given by hand where patterns start with a number
            out[key] = _shortest(set(table["keywords"]))
        elif isinstance(table, dict) and "patterns" in table:
            words = leading_words_of(table["patterns"])
            out[key] = _shortest(words) if words is not None else None
    return out


def leading_words_of(patterns: list[str], min_len: int = 3) -> set[str] | None:
    """The words one of which every match of any of the patterns starts with, or None when a
    pattern's cannot be read off."""
    words: set[str] = set()
    for pattern in patterns:
        lead = leading_words(pattern, min_len)
        if lead is None:
            return None
        words |= lead
    return words


def _shortest(words: set[str]) -> tuple[str, ...]:
    """Drop every word that contains another: finding "allow" already finds "allowed"."""
    kept = sorted(words, key=len)
    return tuple(sorted(w for i, w in enumerate(kept) if not any(k in w for k in kept[:i])))


def may_match(gate: tuple[str, ...] | None, lowered_text: str) -> bool:
    return gate is None or _gate_regex(gate).search(lowered_text) is not None


@lru_cache(maxsize=None)
def _gate_regex(gate: tuple[str, ...]) -> re.Pattern:
    """Any of the gate's words anywhere in a text, in one scan (a trie of them)."""
    return re.compile(trie_regex(set(gate)))


# ---------- where a match can start ----------
# Trying a table's whole alternation at every character of every sentence is the slow part of
# extraction. A match can only start where one of its leading words starts: one scan with a trie of
# those words finds these places, and the alternation is then tried only there.

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


@lru_cache(maxsize=None)
def starts(name: str) -> dict[str, re.Pattern | None]:
    """{key: a zero-width regex that finds every place a match of the key's patterns can start},
    None where a pattern's leading words cannot be read off (then every place is tried)."""
    out = {}
    for key, table in load(name).items():
        if not (isinstance(table, dict) and "patterns" in table) or "keywords" in table:
            out[key] = None
            continue
        words = leading_words_of(table["patterns"])
        out[key] = re.compile(rf"(?<![\w-])(?=(?i:{trie_regex(words)}))") if words else None
    return out


class StartScanner:
    """Where the matches of each table of a lexicon can start, found in one scan of a text: one
    regex finds every place any table's leading word starts, and the first three letters there tell
    which tables have a word starting with them (a superset of the tables whose words start there:
    trying a table's patterns at a few places too many finds nothing they would not find)."""

    def __init__(self, words_of: dict[str, set[str]]):
        self.keys = list(words_of)
        self.by_prefix: dict[str, list[str]] = {}
        for key, words in words_of.items():
            for prefix in {w[:3] for w in words}:
                self.by_prefix.setdefault(prefix, []).append(key)
        every = set().union(*words_of.values()) if words_of else set()
        self.regex = re.compile(rf"(?<![\w-])(?=(?i:{trie_regex(every)}))") if every else None

    def places(self, text: str) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {k: [] for k in self.keys}
        if self.regex is None:
            return out
        by_prefix = self.by_prefix
        for m in self.regex.finditer(text):
            at = m.start()
            for key in by_prefix.get(text[at:at + 3].lower(), ()):
                out[key].append(at)
        return out


@lru_cache(maxsize=None)
def start_scanner(name: str) -> StartScanner:
    """The StartScanner of the tables of a lexicon whose patterns all say where they start."""
    words_of = {}
    for key, table in load(name).items():
        if not (isinstance(table, dict) and "patterns" in table) or "keywords" in table:
            continue
        words = leading_words_of(table["patterns"])
        if words:
            words_of[key] = words
    return StartScanner(words_of)


class PrefixAlternation:
    """A table's alternation for `match(text, pos)` at the places a StartScanner found, split by
    the first three letters of the patterns' leading words: at a place only the patterns one of
    whose leading words begins with the letters there can match, so only they are tried (in their
    order in the table, as the whole alternation would try them). Each part is compiled on first
    use, so a process that extracts one report compiles few of them."""

    def __init__(self, patterns: list[str]):
        self._parts: dict[str, list[str]] = {}
        for p in patterns:
            for prefix in sorted({w[:3] for w in leading_words(p)}):
                self._parts.setdefault(prefix, []).append(p)
        self._compiled: dict[str, re.Pattern] = {}

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        prefix = text[pos:pos + 3].lower()
        rx = self._compiled.get(prefix)
        if rx is None:
            if prefix not in self._parts:
                return None
            rx = self._compiled[prefix] = alternation(self._parts[prefix])
        return rx.match(text, pos) if endpos is None else rx.match(text, pos, endpos)


@lru_cache(maxsize=None)
def prefix_patterns(name: str, key: str) -> PrefixAlternation | None:
    """The table's patterns as a PrefixAlternation, None when a pattern's leading words cannot be
    read off (then the whole alternation is scanned)."""
    patterns = load(name)[key]["patterns"]
    if not patterns or any(leading_words(p) is None for p in patterns):
        return None
    return PrefixAlternation(patterns)
