"""Sentences stage: `doc.paragraphs` and `doc.sentences` as (start, end) spans into `doc.text`.

A small rule-based splitter (a hot path: it runs on every report; pysbd was too slow):

- Paragraphs are runs of lines. A blank line always ends one; a single line break ends one too
  unless it is a hard wrap inside a sentence (the next line starts in lower case, or the line
  ends in a comma, a dash or a word like "the", "of", "told"). So a headline line without final
  punctuation is a paragraph, and a sentence, of its own.
- Inside a paragraph a sentence ends after . ! ? or an ellipsis (and any closing quotes or
  brackets) followed by white space and an upper-case letter, a digit or an opening quote, except
  after abbreviations (data/sentences.toml): titles ("Mr.", "Gen."), words before a number
  ("Nov. 10", "No. 22"), mid-sentence ones ("approx.", "e.g."), initials ("Kim J. U."); dotted
  acronyms and the like ("U.S.", "a.m.") end a sentence only before a typical sentence opener.

Spans never include surrounding white space.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nkevents import datafiles, regex_store
from nkevents.model import Document

REQUIRES = ("text",)
ASSIGNS = ("sentences", "paragraphs")

# a terminator run, then closing quotes/brackets; a boundary only if white space follows
TERMINATOR = regex_store.compile(r"(?:[.!?]+|…)[\"'’”)\]]*(?=\s)")
TOKEN_BEFORE = regex_store.compile(r"([A-Za-z](?:[A-Za-z]|\.(?=[A-Za-z]))*)$")
DOTTED_ACRONYM = regex_store.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
NEXT_WORD = regex_store.compile(r"[\"'“‘(\[]*([A-Za-z]+)")
CLOSERS = "\"'’”)]"
OPEN_ENDS = tuple(",;:([/&–—-")
OPENING = "\"'“‘([«"
LINE = regex_store.compile(r"[^\n]*")


@dataclass(frozen=True)
class Words:
    titles: frozenset[str]
    before_number: frozenset[str]
    inner: frozenset[str]
    may_end: frozenset[str]
    openers: frozenset[str]
    continuation: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = datafiles.toml("sentences.toml")
    abbr = data["abbreviations"]
    return Words(titles=frozenset(abbr["titles"]), before_number=frozenset(abbr["before_number"]),
                 inner=frozenset(abbr["inner"]), may_end=frozenset(abbr["may_end"]),
                 openers=frozenset(data["openers"]["words"]),
                 continuation=frozenset(data["continuation"]["words"]))


def run(doc: Document) -> Document:
    doc.paragraphs, doc.sentences = split(doc.text)
    return doc


def split(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(paragraphs, sentences) of a text, as (start, end) offset pairs."""
    w = words()
    paragraphs = _paragraphs(text, w)
    sentences: list[tuple[int, int]] = []
    for start, end in paragraphs:
        sentences.extend(_sentences(text, start, end, w))
    return paragraphs, sentences


# ---------------------------------------------------------------- paragraphs

def _lines(text: str):
    """(start, end) of every non-blank line, stripped, and whether a blank line precedes it."""
    blank_before = False
    for m in LINE.finditer(text):
        s, e = m.span()
        if s == e and s > 0 and text[s - 1] != "\n":
            continue  # the empty match at the end of a line
        line = text[s:e]
        stripped = line.strip()
        if not stripped:
            blank_before = True
            continue
        lead = len(line) - len(line.lstrip())
        yield s + lead, s + lead + len(stripped), blank_before
        blank_before = False


def _paragraphs(text: str, w: Words) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    prev = None  # (start, end) of the previous line
    for start, end, blank_before in _lines(text):
        if prev is not None and not blank_before and _is_wrap(text[prev[0]:prev[1]], text[start:end], w):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        prev = (start, end)
    return out


def _is_wrap(a: str, b: str, w: Words) -> bool:
    """The line break between lines a and b is inside a sentence."""
    first = b.lstrip(OPENING)[:1]
    if first.islower():
        return True
    if a.rstrip(CLOSERS).endswith((".", "!", "?", "…")):
        return False
    if a.endswith(OPEN_ENDS):
        return True
    last = a.rsplit(None, 1)[-1].strip("\"'“”‘’()[]").lower()
    return last in w.continuation


# ---------------------------------------------------------------- sentences

def _sentences(text: str, start: int, end: int, w: Words) -> list[tuple[int, int]]:
    out = []
    current = start
    for m in TERMINATOR.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt >= end:
            break
        if _ends_sentence(text, m, nxt, w):
            out.append((current, m.end()))
            current = nxt
    out.append((current, end))
    return out


def _ends_sentence(text: str, m: re.Match, nxt: int, w: Words) -> bool:
    following = text[nxt]
    if following.islower():
        return False  # "approx. five", "“Really?” he asked"
    if not (following.isupper() or following.isdigit() or following in OPENING):
        return False
    punct = text[m.start()]
    if punct in "!?":
        return True
    if punct == "…" or text.startswith("..", m.start()):
        # an ellipsis with a space before it marks an omission inside a sentence
        return m.start() > 0 and not text[m.start() - 1].isspace()
    token_match = TOKEN_BEFORE.search(text, max(0, m.start() - 20), m.start())
    if not token_match:
        return True  # after a number, a closing bracket or quote
    token = token_match.group(1)
    if token in w.titles or token in w.inner:
        return False
    if token in w.before_number:
        return not following.isdigit()
    if len(token) == 1 and token.isupper():
        return False  # an initial: "Kim J. U."
    if token in w.may_end or DOTTED_ACRONYM.match(token):
        if following in OPENING:
            return True
        word = NEXT_WORD.match(text, nxt)
        return bool(word) and word.group(1) in w.openers
    return True
