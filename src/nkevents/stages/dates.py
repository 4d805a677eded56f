"""Dates stage: every time expression in `doc.text`, resolved against the publication date.

A hand-written news-date grammar (dateparser mis-reads "on Nov. 10" and misses "mid-May", and is
slow: notes/dependencies.md). The grammar is a list of regex alternatives (`_alternatives`), tried
in order so that longer forms win over their parts ("June 10 to 25" before "June 10",
"Dec. 17, 2011" before "Dec. 17"). Each alternative has a small resolver (`r_<name>`) that turns
its groups into (date_start, date_end, precision), or rejects the match when the context says it
is no date (a bare "May" with no preposition before it, "2000" with no year context). The
preposition just before an expression ("since", "until", "in") gives its relation and serves as
that context. The words (months, weekdays, parts of months, relation and context words) live in
data/dates.toml.

Speed: one regex scan finds the anchors (every expression contains a number, a month or weekday
name, or a word like "yesterday", "ago", "month") and the words an expression can open with
("the", "last", "early" ...); the alternatives are tried only there, and only those that can
start with that kind of word. About 0.1-0.3 ms per 2 KB report (bench/bench_dates.py).

Resolution rules (spec/events.md, spec/annotation.md):

- a date without a year (month-day, bare month, weekday, "on the 27th") is the most recent such
  date on or before the publication date;
- relative expressions ("last month", "two weeks ago", "yesterday") count from the publication
  date; with no publication date they are not emitted, and a month and day without a year
  become `--MM-DD` (precision `month-day`): a year is never invented;
- parts of a month ("mid-May", "the end of November") keep the whole month, precision `month`:
  the spec names month precision, and the gold records the whole month, so a narrower span would
  lose strict equality for little gain; halves ("the first half of 2020") do narrow, to a range;
- quarters of a year ("the first quarter of 2023") are a range of their three months;
- "since X" is X itself with relation "since" (the gold dates "since January, when the border
  shut" as January); the events stage may stretch it to the publication date for a state;
- ranges ("from June 10 to 25", "April and May", "1994-1998", "the 1990s") are precision `range`.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from nkevents import datafiles, regex_store
from nkevents.lexicon import trie_regex
from nkevents.model import DateMention, Document

REQUIRES = ("text", "published", "title")
ASSIGNS = ("date_mentions", "title_dates")

# (date_start, date_end, precision) as strings, or None when the match is no date after all
Resolved = tuple[str, str, str]


@dataclass(frozen=True)
class Words:
    month_numbers: dict[str, int]  # "november", "nov" -> 11
    month_full: tuple[str, ...]
    month_abbr: tuple[str, ...]
    weekdays: dict[str, int]  # "monday" -> 0
    numbers: dict[str, int]
    ordinals: dict[str, int]
    day_ordinals: dict[str, int]  # "first" .. "thirty-first"
    parts_whole: tuple[str, ...]
    halves: dict[str, int]
    quarters: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    relation_of: dict[str, str]  # preposition -> since | until | before | after | at
    month_context: frozenset[str]
    year_context: frozenset[str]
    after_ordinal_day: frozenset[str]
    not_after_year: frozenset[str]
    not_before_month: frozenset[str]
    future_markers: tuple[str, ...]
    start_words: frozenset[str]
    end_words: frozenset[str]
    month_set: frozenset[str]  # month names and abbreviations as written
    weekday_set: frozenset[str]


@lru_cache(maxsize=1)
def words() -> Words:
    data = datafiles.toml("dates.toml")
    months = data["months"]
    numbers = {m.lower(): i + 1 for i, m in enumerate(months["full"])}
    numbers.update({a.lower(): n for a, n in months["abbreviations"].items()})
    relation_of = {}
    for relation, prepositions in data["relations"].items():
        for p in prepositions:
            relation_of[p] = relation
    ctx = data["context"]
    return Words(
        month_numbers=numbers,
        month_full=tuple(months["full"]),
        month_abbr=tuple(months["abbreviations"]),
        weekdays={d.lower(): i for i, d in enumerate(data["weekdays"]["names"])},
        numbers=data["numbers"]["words"],
        ordinals=data["numbers"]["ordinals"],
        day_ordinals=data["numbers"]["day_ordinals"],
        parts_whole=tuple(data["parts"]["whole"]),
        halves=data["parts"]["halves"],
        quarters=data["parts"]["quarters"],
        seasons={k: tuple(v) for k, v in data["seasons"].items()},
        relation_of=relation_of,
        month_context=frozenset(ctx["month"]),
        year_context=frozenset(ctx["year"]),
        after_ordinal_day=frozenset(ctx["after_ordinal_day"]),
        not_after_year=frozenset(ctx["not_after_year"]),
        not_before_month=frozenset(ctx["not_before_month"]),
        future_markers=tuple(ctx["future_markers"]),
        start_words=frozenset(ctx["start_words"]),
        end_words=frozenset(ctx["end_words"]),
        month_set=frozenset([*months["full"], *months["abbreviations"]]),
        weekday_set=frozenset(data["weekdays"]["names"]),
    )


# ---------------------------------------------------------------------------- the grammar

def _alternation(items, *, escape=True) -> str:
    """Longest first, so "September" is tried before "Sep" and "the end of" before "end of"; alike
    long in alphabetical order, so that the pattern is the same in every process (regex_store)."""
    items = sorted(set(items), key=lambda i: (-len(i), i))
    return "|".join((re.escape(i) if escape else i).replace(r"\ ", r"\s+").replace(" ", r"\s+")
                    for i in items)


def _alternatives(w: Words) -> list[tuple[str, str]]:
    """(name, pattern) of every alternative, in the order they are tried."""
    mon_full = rf"(?:{_alternation(w.month_full)})(?![A-Za-z])"
    mon = rf"(?:{_alternation(w.month_full)}|(?:{_alternation(w.month_abbr)})\.?)(?![A-Za-z])"
    day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?![\w:]|[.,]\d)"
    ord_day = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?!\w)"
    # a day written as a word: only right after a month name or as "the first of August"
    day_word = rf"(?i:{_alternation(w.day_ordinals)})(?![\w-])"
    # ... and ending the phrase ("from August first.", "on March third, police"), not an ordinal
    # of a noun after it ("in March second thoughts")
    day_word_end = (r"(?=\s*[,.;:!?)\"”’—–]|\s*$|,?\s+(?:19|20)\d\d|\s+(?:and|to|at|in|on|when|last|this"
                    r"|next|until|through|of|the)\b)")
    year_digits = r"(?:19\d\d|20\d\d|2100)"
    year = rf"{year_digits}(?!\d|[.,]\d)"
    weekday = rf"(?:{'|'.join(d.capitalize() for d in w.weekdays)})(?![A-Za-z])"
    number = rf"(?i:{_alternation(w.numbers)}|\d{{1,2}})"
    ordinal = rf"(?i:{_alternation(w.ordinals)})"
    whole = _alternation(w.parts_whole)
    halves = _alternation(w.halves)
    quarters = _alternation(w.quarters)
    season = rf"(?i:{_alternation(w.seasons)})"
    rel_unit = r"(?i:last|this|next|the\s+previous|the\s+past|the\s+same)"
    dash = r"(?:\s*[-–—]\s*|\s+(?:to|through|until|till|and)\s+)"
    year_tail = rf"(?:,?\s+(?:of\s+)?(?P<y{{n}}>{year}))"
    # "on October 5 last year", "March 3 of this year": the year named relative to the report's
    rel_year_tail = r"(?:,?\s+(?:of\s+)?(?P<yrel>(?i:last|this|next|the\s+previous))\s+(?i:year)(?![\w'’]))"
    return [
        ("iso", rf"(?P<y>{year_digits})(?P<sep>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=sep)"
                r"(?P<d>3[01]|[12][0-9]|0?[1-9])(?!\d)"),
        ("year_range", rf"(?P<y1>{year})(?:\s*[-–—/]\s*(?P<y2>19\d\d|20\d\d|\d\d)(?![\d\w])"
                       rf"|\s+(?i:to|through|until|till|and)\s+(?P<y3>{year}))"),
        ("decade", r"(?P<the>the\s+)?(?:(?P<part>(?i:early|mid|late))[-\s]+)?"
                   r"(?P<y>(?:19|20)\d0)(?P<apos>['’])?s(?!\w)"),
        ("month_day_range", rf"(?:(?P<wd>{weekday}),?\s+)?(?P<m1>{mon})\s+(?P<d1>{day})"
                            rf"{year_tail.format(n=1)}?{dash}(?:(?P<m2>{mon})\s+)?(?P<d2>{day})"
                            rf"{year_tail.format(n=2)}?"),
        ("day_month_range", rf"(?:the\s+)?(?P<d1>{day})(?:\s+(?:of\s+)?(?P<m1>{mon}))?{dash}"
                            rf"(?:the\s+)?(?P<d2>{day})\s+(?:of\s+)?(?P<m2>{mon}){year_tail.format(n=2)}?"),
        ("month_range", rf"(?P<m1>{mon_full}){year_tail.format(n=1)}?{dash}(?P<m2>{mon_full})"
                        rf"{year_tail.format(n=2)}?(?!\s+{day})"),
        ("month_day", rf"(?:(?P<wd>{weekday}),?\s+)?(?P<m>{mon})\s+(?P<d>{day}|{day_word}{day_word_end})(?:{year_tail.format(n='')}|{rel_year_tail})?"),
        ("day_month", rf"(?:(?P<wd>{weekday}),?\s+)?(?:the\s+)?(?P<d>{day}|(?<=the\s){day_word}(?=\s+of\s))\s+(?:of\s+)?(?P<m>{mon})"
                      rf"(?:{year_tail.format(n='')}|{rel_year_tail})?"),
        ("month_year", rf"(?P<m>{mon}),?\s+(?:of\s+)?(?P<y>{year})"),
        ("month_rel_year", rf"(?P<m>{mon_full}),?\s+(?:of\s+)?(?P<rel>(?i:last|this|next|the\s+previous))\s+(?i:year)(?!\w)"),
        ("ordinal_month", rf"(?:the\s+)?(?P<ord>{ordinal})\s+month\s+of\s+"
                          rf"(?:(?P<rel>{rel_unit})\s+year|(?P<y>{year})|the\s+year)"),
        ("part", rf"(?:(?P<half>(?i:{halves}))\s+|(?P<quarter>(?i:{quarters}))\s+(?=\d|last|this|next|the\s+year)|(?P<whole>(?i:{whole}))(?:\s*-\s*|\s+))"
                 rf"(?:(?P<m>{mon_full})(?:{year_tail.format(n='')}|,?\s+(?:of\s+)?(?P<mrel>(?i:last|this|next))\s+(?i:year)(?!\w))?"
                 rf"|(?P<rel>{rel_unit})\s+(?P<unit>(?i:month|year))"
                 rf"|(?P<y2>{year})|(?P<theyear>(?i:the\s+year))|(?P<themonth>(?i:the\s+month)))"),
        ("relative_month", rf"(?P<rel>(?i:last|this\s+past|this|next))\s+(?P<m>{mon_full})"
                           rf"{year_tail.format(n='')}?"),
        ("season", rf"(?:(?P<rel>(?i:last|this\s+past|this|next))\s+(?P<s1>{season})"
                   rf"|(?:the\s+)?(?P<s2>{season})\s+(?:of\s+)?(?P<y>{year}))(?!\w)"),
        ("ordinal_day", rf"the\s+(?P<d>{ord_day})(?:\s+of\s+(?P<rel>{rel_unit}|the\s+month)\s+month)?"),
        ("relative_unit", r"(?P<rel>(?i:earlier\s+this|later\s+this|this\s+past|the\s+past|the\s+previous"
                          r"|the\s+last|last|this|next|the\s+coming))"
                          r"\s+(?P<unit>(?i:week|month|year))(?!\w)"),
        ("weekend", r"(?P<rel>(?i:last|this\s+past|this|next|the))\s+(?i:weekend)(?!\w)"),
        ("ago", rf"(?P<n>{number})\s+(?P<unit>(?i:day|week|month|year))s?\s+(?i:ago)(?!\w)"),
        ("day_word", r"(?P<w>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|this\s+morning"
                     r"|this\s+afternoon|this\s+evening|last\s+night))(?!\w)"),
        ("weekday", rf"(?:(?P<rel>(?i:last|this\s+past|this\s+coming|this|next))\s+)?(?P<wd>{weekday})"
                    r"(?:\s+(?:morning|afternoon|evening|night))?"),
        ("month", rf"(?P<m>{mon_full})"),
        ("year", rf"(?P<y>{year})(?P<poss>['’]s(?!\w))?"),
    ]


def _prefix_groups(name: str, pattern: str) -> str:
    """Group names must be unique across the whole regex: prefix them with the alternative's."""
    pattern = re.sub(r"\(\?P<(\w+)>", rf"(?P<{name}__\1>", pattern)
    return re.sub(r"\(\?P=(\w+)\)", rf"(?P={name}__\1)", pattern)


@dataclass(frozen=True)
class Grammar:
    by_first: dict[str, re.Pattern]  # the alternatives that can start with a kind of word
    # finds anchors (every time expression contains one: a number, a month or weekday name,
    # "yesterday", "ago", "month" ...) and openers (other words an expression may start with:
    # "the", "last", "early" ...)
    scan: re.Pattern
    prepositions: frozenset[str]  # "in", "since", "as of" ...: lower case, single spaces
    groups: dict[str, list[tuple[str, str]]]  # alternative -> [(group in regex, short name)]


# What kind of word each alternative can start with: a number, "the", a month name, a weekday
# name, or another word ("last", "early", "two" ...). Trying only the alternatives that can start
# with the word at hand makes a failed attempt about three times cheaper.
FIRST_WORD = {
    "iso": {"digit"}, "year_range": {"digit"}, "decade": {"digit", "the", "word"},
    "month_day_range": {"month", "weekday"}, "day_month_range": {"digit", "the"},
    "month_range": {"month"}, "month_day": {"month", "weekday"}, "month_rel_year": {"month"},
    "day_month": {"digit", "the", "weekday"}, "month_year": {"month"},
    "ordinal_month": {"the", "word"}, "part": {"the", "word"}, "relative_month": {"word"},
    "season": {"the", "word"}, "ordinal_day": {"the"}, "relative_unit": {"the", "word"},
    "weekend": {"the", "word"}, "ago": {"digit", "word"}, "day_word": {"the", "word"},
    "weekday": {"word", "weekday"},
    "month": {"month"}, "year": {"digit"},
}


def _first_word_kind(word: str) -> str:
    w = words()
    if word[0] <= "9":
        return "digit"
    if word in w.month_set:
        return "month"
    if word in w.weekday_set:
        return "weekday"
    return "the" if word.lower() == "the" else "word"


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    w = words()
    parts, groups = {}, {}
    for name, pattern in _alternatives(w):
        short = re.findall(r"\(\?P<(\w+)>", pattern)
        groups[name] = [(f"{name}__{s}", s) for s in short]
        parts[name] = f"(?P<{name}>{_prefix_groups(name, pattern)})"
    by_first = {}
    for kind in ("digit", "the", "month", "weekday", "word"):
        alternatives = "|".join(p for n, p in parts.items() if kind in FIRST_WORD[n])
        by_first[kind] = regex_store.compile(rf"(?<![\w.])(?:{alternatives})")
    keywords = ["yesterday", "today", "tonight", "ago", "week", "weeks", "weekend", "month", "months", "year",
                "years", "morning", "afternoon", "evening", "night", *w.seasons]
    anchor_words = [*w.month_full, *w.month_abbr, *(d.capitalize() for d in w.weekdays),
                    *keywords, *(k.capitalize() for k in keywords)]
    # words a time expression may start with besides its anchor (prepositions are looked up
    # afterwards, before the expression: see _preposition)
    phrases = [*w.parts_whole, *w.halves, *w.quarters, *w.numbers, *w.ordinals, "the", "last", "this", "next",
               "earlier", "later"]
    opener_words = sorted({p.split()[0] for p in phrases})
    opener_words += [o.capitalize() for o in opener_words]
    # One scan finds both. The look-ahead on the first letters lets the regex engine skip most
    # positions quickly; the digits after "2," in "2,000" are no anchor of their own.
    first_letters = re.escape("".join(sorted({a[0] for a in anchor_words + opener_words})))
    scan = regex_store.compile(rf"(?<![A-Za-z])(?=[0-9{first_letters}])"
                      rf"(?:(?P<anchor>(?<![0-9][,.])[0-9]+|(?:{_alternation(anchor_words)})(?![A-Za-z]))"
                      rf"|(?P<opener>{_alternation(opener_words)})(?![A-Za-z]))")
    prepositions = frozenset(w.relation_of.keys() | w.month_context | w.year_context)
    return Grammar(by_first, scan, prepositions, groups)


# ---------------------------------------------------------------------------- calendar helpers

def _iso(d: date) -> str:
    return d.isoformat()


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_span(y: int, m: int) -> Resolved:
    return (f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}", "month")


def _months_range(y1: int, m1: int, y2: int, m2: int) -> Resolved | None:
    if (y1, m1) > (y2, m2):
        return None
    if (y1, m1) == (y2, m2):
        return _month_span(y1, m1)
    return (_month_span(y1, m1)[0], _month_span(y2, m2)[1], "range")


def _year_span(y: int) -> Resolved:
    return (f"{y:04d}-01-01", f"{y:04d}-12-31", "year")


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _recent_year(m: int, d: int, pub: date, upcoming: bool = False) -> int:
    """The year of the most recent (month, day) on or before pub; of the next one on or after
    pub when the sentence speaks of the future."""
    if upcoming:
        return pub.year if (m, d) >= (pub.month, pub.day) else pub.year + 1
    return pub.year if (m, d) <= (pub.month, pub.day) else pub.year - 1


def _month_year(m: int, pub: date, upcoming: bool = False) -> int:
    """The year of the most recent month m up to pub's month (the next one when upcoming)."""
    if upcoming:
        return pub.year if m >= pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


def _recent_day(m: int, d: int, pub: date, upcoming: bool = False) -> date | None:
    y = _recent_year(m, d, pub, upcoming)
    step = 1 if upcoming else -1
    for n in range(8):  # Feb. 29 moves on to a leap year
        found = _valid(y + step * n, m, d)
        if found:
            return found
    return None


def _month_day(m: int, d: int) -> str | None:
    return f"--{m:02d}-{d:02d}" if _valid(2000, m, d) else None  # 2000: a leap year


def _day_number(text: str) -> int:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else words().day_ordinals[text.lower()]


def _month_number(text: str) -> int:
    return words().month_numbers[text.rstrip(".").lower()]


def _norm(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


# ---------------------------------------------------------------------------- resolvers
# Each takes the alternative's groups (short names), the publication date (or None) and the
# match context, and returns Resolved or None.

@dataclass
class Context:
    text: str
    start: int  # of the alternative
    end: int
    prep: str  # the preposition before it, lower case, "" when none

    @property
    def upcoming(self) -> bool:
        """The sentence speaks of the future before the expression ("will run through June")."""
        lo = max(0, self.start - 160)
        before = self.text[lo:self.start]
        cut = max(before.rfind(". "), before.rfind("\n"), before.rfind("? "), before.rfind("! "))
        return bool(future_markers().search(before[cut + 1:]))


def _single_day(m: int, d: int, y: str | None, pub: date | None, upcoming: bool = False) -> Resolved | None:
    if y:
        found = _valid(int(y), m, d)
        return (_iso(found), _iso(found), "day") if found else None
    if pub:
        found = _recent_day(m, d, pub, upcoming)
        return (_iso(found), _iso(found), "day") if found else None
    md = _month_day(m, d)
    return (md, md, "month-day") if md else None


def r_iso(g, pub, ctx):
    found = _valid(int(g["y"]), int(g["m"]), int(g["d"]))
    return (_iso(found), _iso(found), "day") if found else None


def r_year_range(g, pub, ctx):
    y1 = int(g["y1"])
    if g["y3"]:
        y2 = int(g["y3"])
    elif len(g["y2"]) == 2:
        y2 = y1 // 100 * 100 + int(g["y2"])  # "1994-98"
    else:
        y2 = int(g["y2"])
    if y2 <= y1 or y2 - y1 > 100:
        return None  # "2024-08" (a year and a month) or no range at all
    return (f"{y1:04d}-01-01", f"{y2:04d}-12-31", "range")


def r_decade(g, pub, ctx):
    y = int(g["y"])
    if g["apos"] and not g["the"] and y % 10 == 0 and not g["part"]:
        # "2020's border closure": a possessive year, not the decade
        return _year_span(y)
    first, last = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(_norm(g["part"]), (0, 9))
    return (f"{y + first:04d}-01-01", f"{y + last:04d}-12-31", "range")


def _day_range(m1, d1, y1, m2, d2, y2, pub, upcoming=False) -> Resolved | None:
    if (m1, d1) == (m2, d2) and y1 == y2:
        return _single_day(m1, d1, y1, pub, upcoming)
    if y1 or y2:
        y2 = int(y2) if y2 else (int(y1) if (m2, d2) >= (m1, d1) else int(y1) + 1)
        y1 = int(y1) if y1 else (y2 if (m1, d1) <= (m2, d2) else y2 - 1)
    elif pub:
        if upcoming:
            y1 = _recent_year(m1, d1, pub, upcoming)
            y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
        else:
            y2 = _recent_year(m2, d2, pub)
            y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    else:
        a, b = _month_day(m1, d1), _month_day(m2, d2)
        return (a, b, "month-day") if a and b else None
    a, b = _valid(y1, m1, d1), _valid(y2, m2, d2)
    if not a or not b or a >= b:
        return None
    return (_iso(a), _iso(b), "range")


def r_month_day_range(g, pub, ctx):
    m1 = _month_number(g["m1"])
    m2 = _month_number(g["m2"]) if g["m2"] else m1
    if not g["m2"] and _day_number(g["d2"]) <= _day_number(g["d1"]):
        return None  # "June 25 and 2 others"
    upcoming = bool(pub and not (g["y1"] or g["y2"]) and ctx.upcoming)
    return _day_range(m1, _day_number(g["d1"]), g["y1"], m2, _day_number(g["d2"]), g["y2"], pub, upcoming)


def r_day_month_range(g, pub, ctx):
    m2 = _month_number(g["m2"])
    m1 = _month_number(g["m1"]) if g["m1"] else m2
    if not g["m1"] and _day_number(g["d1"]) >= _day_number(g["d2"]):
        return None
    upcoming = bool(pub and not g["y2"] and ctx.upcoming)
    return _day_range(m1, _day_number(g["d1"]), None, m2, _day_number(g["d2"]), g["y2"], pub, upcoming)


def r_month_range(g, pub, ctx):
    m1, m2 = _month_number(g["m1"]), _month_number(g["m2"])
    y1, y2 = g["y1"], g["y2"]
    if y1 or y2:
        y2 = int(y2) if y2 else (int(y1) if m2 >= m1 else int(y1) + 1)
        y1 = int(y1) if y1 else (y2 if m1 <= m2 else y2 - 1)
    elif pub and ctx.upcoming:
        y1 = _month_year(m1, pub, True)
        y2 = y1 if m2 >= m1 else y1 + 1
    elif pub:
        y2 = _month_year(m2, pub)
        y1 = y2 if m1 <= m2 else y2 - 1
    else:
        return None  # bare months without a year stay null
    return _months_range(y1, m1, y2, m2)


@lru_cache(maxsize=1)
def start_phrases() -> re.Pattern:
    """A present-tense start ("goes into effect on") right before a day: see dates.toml."""
    phrases = datafiles.toml("dates.toml")["context"]["start_phrases"]
    return regex_store.compile(rf"(?<![A-Za-z])(?i:{_alternation(phrases)})\s+(?:(?i:on|from|as of)\s+)?(?:the\s+)?$")


def r_month_day(g, pub, ctx):
    if g["yrel"]:
        # "October 5 last year": the year from the report's; without one, the month and day only
        y = _unit_year(_norm(g["yrel"]), pub)
        return _single_day(_month_number(g["m"]), _day_number(g["d"]), str(y) if y else None, None)
    upcoming = bool(pub and not g["y"] and ctx.upcoming)
    if pub and not g["y"] and not upcoming and (ctx.prep in words().start_words | words().end_words
                                                 or start_phrases().search(ctx.text, max(0, ctx.start - 40), ctx.start)):
        # a start or an end just past or just to come: the nearer of the two ("as of May 1" a week before it)
        m, d = _month_number(g["m"]), _day_number(g["d"])
        last, coming = _recent_day(m, d, pub), _recent_day(m, d, pub, upcoming=True)
        upcoming = bool(last and coming and (coming - pub) < (pub - last))
    return _single_day(_month_number(g["m"]), _day_number(g["d"]), g["y"], pub, upcoming)


r_day_month = r_month_day


def r_month_year(g, pub, ctx):
    return _month_span(int(g["y"]), _month_number(g["m"]))


def _unit_year(rel: str, pub: date | None) -> int | None:
    """The year named by "last year", "this year", "the same year" ... (None without pub)."""
    if not pub:
        return None
    return pub.year + {"last": -1, "the previous": -1, "next": 1}.get(rel, 0)


def r_month_rel_year(g, pub, ctx):
    """ "October of last year", "in March this year" (None without a publication date)."""
    y = _unit_year(_norm(g["rel"]), pub)
    return _month_span(y, _month_number(g["m"])) if y else None


def r_ordinal_month(g, pub, ctx):
    m = words().ordinals[_norm(g["ord"])]
    y = int(g["y"]) if g["y"] else _unit_year(_norm(g["rel"]), pub)
    return _month_span(y, m) if y else None


def _whole_or_half(first: str, last: str, precision: str, half: int | None) -> Resolved:
    """A month or year span, or one of its halves as a range."""
    if not half:
        return (first, last, precision)
    a, b = date.fromisoformat(first), date.fromisoformat(last)
    if precision == "year":
        return (first, f"{a.year}-06-30", "range") if half == 1 else (f"{a.year}-07-01", last, "range")
    if half == 1:
        return (first, _iso(a.replace(day=15)), "range")
    return (_iso(a.replace(day=16)), _iso(b), "range")


def r_part(g, pub, ctx):
    half = words().halves.get(_norm(g["half"])) if g["half"] else None
    quarter = words().quarters.get(_norm(g["quarter"])) if g["quarter"] else None
    if g["m"]:
        m = _month_number(g["m"])
        if g["y"]:
            span = _month_span(int(g["y"]), m)
        elif g["mrel"] and pub:
            span = _month_span(_unit_year(_norm(g["mrel"]), pub), m)  # "late October of last year"
        elif pub:
            span = _month_span(_month_year(m, pub, ctx.upcoming), m)
        else:
            return None
    elif g["y2"]:
        span = _year_span(int(g["y2"]))
    elif not pub:
        return None
    elif g["theyear"]:
        span = _year_span(pub.year)
    elif g["themonth"]:
        span = _month_span(pub.year, pub.month)
    else:
        rel, unit = _norm(g["rel"]), _norm(g["unit"])
        if unit == "year":
            span = _year_span(_unit_year(rel, pub))
        else:
            step = {"last": -1, "the previous": -1, "the past": -1, "next": 1}.get(rel, 0)
            span = _month_span(*_shift_month(pub.year, pub.month, step))
    if quarter:
        if span[2] != "year":
            return None
        y = int(span[0][:4])
        return _months_range(y, 3 * quarter - 2, y, 3 * quarter)
    return _whole_or_half(*span, half)


def r_relative_month(g, pub, ctx):
    m = _month_number(g["m"])
    if g["y"]:
        return _month_span(int(g["y"]), m)
    if not pub:
        return None
    rel = _norm(g["rel"])
    if rel in ("last", "this past"):
        y = pub.year if m < pub.month else pub.year - 1
    elif rel == "next":
        y = pub.year if m > pub.month else pub.year + 1
    else:
        y = pub.year
    return _month_span(y, m)


def r_season(g, pub, ctx):
    seasons = words().seasons
    if g["s2"]:
        first, last = seasons[_norm(g["s2"])]
        y = int(g["y"])
        return _months_range(y, first, y + (last < first), last)
    if not pub:
        return None
    first, last = seasons[_norm(g["s1"])]
    # occurrences of the season around the publication date, by the year they start in
    spans = [((y, first), (y + (last < first), last)) for y in range(pub.year - 2, pub.year + 2)]
    now = (pub.year, pub.month)
    rel = _norm(g["rel"])
    if rel in ("last", "this past"):
        chosen = [s for s in spans if s[1] < now][-1]
    elif rel == "next":
        chosen = [s for s in spans if s[0] > now][0]
    else:  # "this": the one under way, else the one of this calendar year
        current = [s for s in spans if s[0] <= now <= s[1]]
        chosen = current[0] if current else [s for s in spans if s[0][0] == pub.year][0]
    (y1, m1), (y2, m2) = chosen
    return _months_range(y1, m1, y2, m2)


def r_ordinal_day(g, pub, ctx):
    if not pub:
        return None
    rel = _norm(g["rel"])
    if not rel:
        # "on the 27th": a day only after a preposition and before no noun ("the 27th anniversary")
        if ctx.prep not in ("on", "since", "from", "until", "by", "before", "after", "as of", "around"):
            return None
        nxt = re.match(r"\s+([A-Za-z]+)", ctx.text[ctx.end:ctx.end + 30])
        if nxt and nxt.group(1).lower() not in words().after_ordinal_day:
            return None
    d = _day_number(g["d"])
    if rel in ("last", "the previous"):
        y, m = _shift_month(pub.year, pub.month, -1)
    elif rel == "next":
        y, m = _shift_month(pub.year, pub.month, 1)
    elif rel:
        y, m = pub.year, pub.month
    else:  # this month, or last month when the day is still to come
        y, m = (pub.year, pub.month) if d <= pub.day else _shift_month(pub.year, pub.month, -1)
    found = _valid(y, m, d)
    return (_iso(found), _iso(found), "day") if found else None


def r_relative_unit(g, pub, ctx):
    if not pub:
        return None
    rel, unit = _norm(g["rel"]), _norm(g["unit"])
    past = rel in ("the past", "the last")
    step = -1 if rel in ("last", "the previous", "this past") else 1 if rel in ("next", "the coming") else 0
    if unit == "week":
        if past:
            return (_iso(pub - timedelta(days=7)), _iso(pub), "range")
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        sunday = monday + timedelta(days=6)
        if step == 0:  # this week: up to the publication date
            sunday = pub
        return (_iso(monday), _iso(sunday), "range")
    if unit == "month":
        if past:
            return (_iso(pub - timedelta(days=30)), _iso(pub), "range")
        return _month_span(*_shift_month(pub.year, pub.month, step))
    if past:
        return (_iso(pub - timedelta(days=365)), _iso(pub), "range")
    return _year_span(pub.year + step)


def r_weekend(g, pub, ctx):
    """The Saturday and Sunday of the most recent weekend (or the next one for "next weekend")."""
    if not pub:
        return None
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    rel = _norm(g["rel"])
    if rel == "last" and pub.weekday() >= 5:
        saturday -= timedelta(days=7)  # on a weekend, "last weekend" is the one before
    elif rel == "next":
        saturday += timedelta(days=7)
    sunday = saturday + timedelta(days=1) if rel == "next" else min(pub, saturday + timedelta(days=1))
    return (_iso(saturday), _iso(sunday), "range" if sunday > saturday else "day")


def r_ago(g, pub, ctx):
    if not pub:
        return None
    n_text = _norm(g["n"])
    n = int(n_text) if n_text.isdigit() else words().numbers[n_text]
    unit = _norm(g["unit"])
    if unit == "day":
        d = pub - timedelta(days=n)
        return (_iso(d), _iso(d), "day")
    if unit == "week":  # about n weeks ago: the week around that day
        d = pub - timedelta(weeks=n)
        return (_iso(d - timedelta(days=3)), _iso(min(pub, d + timedelta(days=3))), "range")
    if unit == "month":
        return _month_span(*_shift_month(pub.year, pub.month, -n))
    return _year_span(pub.year - n)


def r_day_word(g, pub, ctx):
    if not pub:
        return None
    if g["w"][0].isupper() and re.search(r"\w[\"'”’]?\s*$", ctx.text[max(0, ctx.start - 3):ctx.start]):
        return None  # "North Korea Today", a title, not a day
    w = _norm(g["w"])
    back = 2 if w.endswith("before yesterday") else 1 if w in ("yesterday", "last night") else 0
    d = pub - timedelta(days=back)
    return (_iso(d), _iso(d), "day")


def r_weekday(g, pub, ctx):
    if not pub:
        return None
    wd = words().weekdays[g["wd"].lower()]
    rel = _norm(g["rel"])
    if rel in ("next", "this coming"):
        d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
    else:
        back = (pub.weekday() - wd) % 7
        if rel in ("last", "this past") and back == 0:
            back = 7
        d = pub - timedelta(days=back)
    return (_iso(d), _iso(d), "day")


def r_month(g, pub, ctx):
    if not pub or ctx.prep not in words().month_context:
        return None  # "May" the verb, "the Arduous March"; a bare month without pub stays null
    m = _month_number(g["m"])
    return _month_span(_month_year(m, pub, ctx.upcoming), m)


def r_year(g, pub, ctx):
    w = words()
    nxt = re.match(r"[\s-]*([A-Za-z]+)", ctx.text[ctx.end:ctx.end + 20])
    if nxt and nxt.group(1).lower() in w.not_after_year:
        return None  # "2000 people", "2025 M St."
    before = _norm(ctx.text[max(0, ctx.start - 12):ctx.start])
    if ctx.prep in w.year_context or g["poss"] or before.endswith(("the year", "fiscal", "year of")):
        return _year_span(int(g["y"]))
    if re.search(r"(?:^|\s)the$", before) and nxt and nxt.group(1).islower():
        return _year_span(int(g["y"]))  # "the 2009 currency reform", not "the 2000" alone
    return None


RESOLVERS = {name[2:]: f for name, f in globals().items() if name.startswith("r_")}
RANGES = {"year_range", "decade", "month_day_range", "day_month_range", "month_range"}


@lru_cache(maxsize=1)
def future_markers() -> re.Pattern:
    return regex_store.compile(rf"(?<![A-Za-z])(?i:{_alternation(words().future_markers)})(?![A-Za-z])")


# ---------------------------------------------------------------------------- the stage

def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _relation(prep: str, alternative: str) -> str:
    relation = words().relation_of.get(prep, "at")
    if alternative in RANGES and relation not in ("until", "before", "after") and prep != "since":
        return "at"  # "from June 10 to 25", "between March and May"
    return relation


# How far before an anchor word an expression may start ("since the second half of last year"
# is anchored at "year").
BEFORE_ANCHOR = 48


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """Every time expression in `text`, resolved against `published` (YYYY-MM-DD or None).

    Trying the whole grammar at every position costs ~3 ms per 2 KB. Every expression contains
    an anchor and starts at it or at an opener word shortly before it, so the grammar is tried
    only at the openers before each anchor and at the anchor itself, leftmost first.
    """
    pub = _published(published)
    gr = grammar()
    found: list[DateMention] = []
    pos = 0  # everything before pos has been read
    openers: list[re.Match] = []  # openers since the last anchor
    for token in gr.scan.finditer(text):
        at = token.start()
        if at < pos:
            continue
        if token.lastgroup == "opener":
            openers.append(token)
            continue
        candidates = [o for o in openers if o.start() >= pos and o.start() >= at - BEFORE_ANCHOR]
        candidates.append(token)
        openers = []
        for candidate in candidates:
            start = candidate.start()
            if start < pos:
                continue
            m = gr.by_first[_first_word_kind(candidate.group())].match(text, start)
            if m is None:
                continue
            mention = _mention(m, text, pub)
            if mention is not None:
                found.append(mention)
                pos = mention.end
                if pos > at:
                    break
    return found


def _mention(m: re.Match, text: str, pub: date | None) -> DateMention | None:
    """The mention a grammar match stands for, or None when its resolver rejects it."""
    gr = grammar()
    name = m.lastgroup
    start, end = m.span(name)
    if text[start].isupper() and _previous_word(text, start) in words().not_before_month:
        return None  # "the Arduous March of 1996"
    g = {short: m.group(full) for full, short in gr.groups[name]}
    prep = _preposition(text, start)
    resolved = RESOLVERS[name](g, pub, Context(text, start, end, prep))
    if resolved is None and name in RANGES:
        # a "range" whose second half is no date ("June 25 and 2 others", "January of 2014
        # and January 2011"): read the first date alone
        resolved, end = _first_of_range(text, start, pub, prep)
    if resolved is None:
        return None
    return DateMention(start=start, end=end, text=text[start:end], date_start=resolved[0],
                       date_end=resolved[1], precision=resolved[2], relation=_relation(prep, name))


PREVIOUS_WORD = regex_store.compile(r"([A-Za-z]+)\s+$")


def _previous_word(text: str, start: int) -> str:
    m = PREVIOUS_WORD.search(text, max(0, start - 16), start)
    return m.group(1) if m else ""


# up to three words that run up to the expression (the search ends where it starts)
PREVIOUS_WORDS = regex_store.compile(r"(?<![A-Za-z])(?:[A-Za-z]+\s+){1,3}\Z")


def _preposition(text: str, start: int) -> str:
    """The preposition right before an expression ("since", "as of"), lower case, or ""."""
    m = PREVIOUS_WORDS.search(text, max(0, start - 24), start)
    if not m:
        return ""
    words_before = m.group().lower().split()
    known = grammar().prepositions
    for n in (3, 2, 1):
        phrase = " ".join(words_before[-n:])
        if len(words_before) >= n and phrase in known:
            return phrase
    return ""


def _first_of_range(text: str, start: int, pub: date | None, prep: str) -> tuple[Resolved | None, int]:
    single, groups = _single_date_regex()
    m = single.match(text, start)
    if not m:
        return None, start
    name = m.lastgroup
    g = {short: m.group(full) for full, short in groups[name]}
    return RESOLVERS[name](g, pub, Context(text, m.start(), m.end(), prep)), m.end()


@lru_cache(maxsize=1)
def _single_date_regex() -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    """The grammar without its range alternatives and without the preposition."""
    gr = grammar()
    names = [name for name, _ in _alternatives(words()) if name not in RANGES]
    parts = [f"(?P<{name}>{_prefix_groups(name, pattern)})"
             for name, pattern in _alternatives(words()) if name in names]
    return regex_store.compile("|".join(parts)), {n: gr.groups[n] for n in names}


# ---------------------------------------------------------------------------- dates told relative to others

@lru_cache(maxsize=1)
def _relative_words() -> tuple[re.Pattern, dict[str, int], dict[str, int]]:
    data = datafiles.toml("dates.toml")
    table = dict(data["relative_to_previous"])
    units = table.pop("units")
    w = words()
    counted = (rf"(?P<n>{_alternation([k for k in w.numbers if k not in ('a', 'an')])}|\d{{1,2}})\s+"
               rf"(?P<unit>{_alternation(units)})\s+(?P<way>later|after(?:wards)?|earlier|before(?:hand)?)")
    fixed = rf"(?P<fixed>{_alternation(table)})"
    # every match begins with a digit, a number's first word or a fixed phrase's first word: tried
    # first as a trie, they fail at most places on the first letter, before the alternatives are tried
    first_words = {k.split()[0].lower() for k in w.numbers if k not in ("a", "an")} | {k.split()[0].lower() for k in table}
    gate = rf"(?=\d|{trie_regex(first_words)})"
    return regex_store.compile(rf"(?<![\w-]){gate}(?:{counted}|{fixed})(?![\w-])", re.I), table, units


def _shift(d: DateMention, days: int) -> tuple[str, str] | None:
    """The day `days` after a day-precision date (a month-day is shifted within a leap year)."""
    if d.precision == "day":
        moved = date.fromisoformat(d.date_start) + timedelta(days=days)
        return _iso(moved), "day"
    if d.precision == "month-day":
        moved = date.fromisoformat("2000" + d.date_start[1:]) + timedelta(days=days)
        return "--" + _iso(moved)[5:], "month-day"
    return None


# what may stand between a date and an "N days after ..." set beside it
APPOSED = regex_store.compile(r"\s*[,–—-]\s*")
RESTATED = regex_store.compile(r"\s*[,–—(-]\s*(?:on\s+|that is\s+)?")

# how far after "the day after" a date may follow and be the one it counts from
AFTER_REACH = 40


def relative_to_previous(text: str, found: list[DateMention]) -> list[DateMention]:
    """Mentions for "the following day", "three days later"...: counted from the latest day named
    before them (or, for "the day after X", from X)."""
    pattern, table, units = _relative_words()
    out = []
    # a relative date is itself the anchor of the next ("a week after the arrests ..., and the next day")
    anchors = sorted((d for d in found if d.precision in ("day", "month-day")), key=lambda d: d.end)
    for m in pattern.finditer(text):
        if any(d.start <= m.start() < d.end for d in found):
            continue
        if m.group("fixed"):
            days = table[" ".join(m.group("fixed").lower().split())]
        else:
            n = m.group("n").lower()
            days = (words().numbers.get(n) or int(n)) * units[m.group("unit").lower()]
            if m.group("way").lower().startswith(("earlier", "before")):
                days = -days  # "two weeks earlier", "three days before
        # (a day set beside it, "three days after, on March 6", restates the day itself)
        following = [d for d in found if m.end() <= d.start <= m.end() + AFTER_REACH
                     and d.precision in ("day", "month-day") and not RESTATED.fullmatch(text, m.end(), d.start)]
        if m.group(0).lower().rstrip().endswith(("after", "before")) and following:
            # "the day after the trial on May 3", "three days after his trial on Feb. 2"
            anchor = following[0]
        else:
            earlier = [d for d in anchors if d.end <= m.start()]
            if not earlier:
                continue
            anchor = max(earlier, key=lambda d: d.end)
            if m.group(0).lower().rstrip().endswith(("after", "before")) \
                    and APPOSED.fullmatch(text, anchor.end, m.start()):
                # "the trial took place on Feb. 3, two weeks after the men were arrested": the
                # clause after "after" is two weeks before the date it is set beside ("on May 3,
                # three days before the execution": three days after it)
                days = -days
        shifted = _shift(anchor, days)
        if shifted:
            out.append(DateMention(start=m.start(), end=m.end(), text=m.group(0), date_start=shifted[0],
                                   date_end=shifted[0], precision=shifted[1]))
            anchors.append(out[-1])
    return out


# ---------------------------------------------------------------------------- holidays on a fixed day

@lru_cache(maxsize=1)
def _holiday_res() -> list[tuple[re.Pattern, int, int, int]]:
    """(pattern, month, day, offset) per holiday name and the words before it."""
    table = datafiles.toml("dates.toml")["holidays"]
    out = []
    for name, month_day in table["days"].items():
        m, d = (int(x) for x in month_day.split("-"))
        for before, offset in table["before"].items():
            out.append((regex_store.compile(rf"(?<![\w-]){before}\s+(?:the\s+)?(?:{name})(?![\w-])", re.I), m, d, offset))
    return out


@lru_cache(maxsize=1)
def _holiday_words() -> tuple[str, ...]:
    return tuple(datafiles.toml("dates.toml")["holidays"]["contains"])


def holidays(text: str, published: str | None, found: list[DateMention]) -> list[DateMention]:
    """Mentions for "on the Day of the Sun", "on the eve of Kim Jong Il's birthday": the holiday's
    day (the day before for "the eve of") in the year the report speaks of, as for a month and day."""
    out: list[DateMention] = []
    lowered = text.lower()
    # (a cheap test first: the names' regexes scan slowly, and few reports name a holiday)
    if not any(map(lowered.__contains__, _holiday_words())):
        return out
    pub = _published(published)
    for pattern, month, day, offset in _holiday_res():
        for m in pattern.finditer(text):
            if any(d.start < m.end() and m.start() < d.end for d in found + out):
                continue
            resolved = _single_day(month, day, None, pub, Context(text, m.start(), m.end(), "").upcoming)
            mention = resolved and DateMention(start=m.start(), end=m.end(), text=m.group(0), date_start=resolved[0],
                                               date_end=resolved[1], precision=resolved[2])
            if mention and offset:
                shifted = _shift(mention, offset)
                mention.date_start = mention.date_end = shifted[0]
            if mention:
                out.append(mention)
    return out


def year_from_same_month(found: list[DateMention]) -> None:
    """With no publication date, a month and day take the year of a date named before it in the
    same month ("in the second week of March 2005 ... On March 1"): the report says which year."""
    for i, d in enumerate(found):
        if d.precision != "month-day" or d.date_start != d.date_end:
            continue
        month = d.date_start[2:4]
        for e in reversed(found[:i]):
            if not e.date_start.startswith("--") and e.date_start[5:7] == month and e.date_end[5:7] == month:
                d.date_start = d.date_end = e.date_start[:4] + d.date_start[1:]
                d.precision = "day"
                break


def run(doc: Document) -> Document:
    found = find_dates(doc.text, doc.published)
    found += holidays(doc.text, doc.published, found)
    if not doc.published:
        year_from_same_month(found)
    found += relative_to_previous(doc.text, found)
    doc.date_mentions = sorted(found, key=lambda d: d.start)
    doc.title_dates = find_dates(doc.title, doc.published) if doc.title else []
    return doc
