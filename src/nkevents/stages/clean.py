"""Clean stage: raw body -> `doc.text`, the body without page residue, plus title and outlet.

Every piece taken out is recorded in `doc.removed` as Removed(kind, text). The rules are data
(data/cleaning.toml and the outlet rules in data/outlets.toml); this module applies them to
whole lines and adds the few decisions that need context:

- a short line just before a photo credit is that photo's caption ("Onsong County, ...");
- the first line is the headline when it reads like one (short, starts in upper case, no final
  period, not a hard-wrapped sentence); it becomes the title when none is given and is removed
  from the body either way (kind `title`, or `headline` when a title was given); a standalone
  deck under it goes too; any line repeating the title (e.g. at the end of the page) is removed
  as `duplicate_title`;
- a bare name just above the page's date line is a byline;
- three or more headline lines in a row (bulleted or not, blank lines between them allowed) are a
  list of other stories (`related_headlines`) or, when they reappear as section heads further
  down, a `table_of_contents`;
- a line of nothing but interface labels ("Text size +", "Menu", "Link copied", "Advertisement")
  is `chrome` (the labels are data: `[chrome]` in cleaning.toml);
- a credit line alone ("Kyodo News via AP") takes the one-sentence caption after it along;
- a pull quote (a sentence of the body repeated alone in large type) is `duplicate`;
- short lines with no sentence in them, wedged between two pieces of residue (or between residue
  and the end of the text), are residue of the same block (links of a footer, items of a menu);
- a short label in another script than the report's (a Korean menu word in an English page) is
  `chrome`;
- inline rules (`[[inline]]`) take residue out of the middle of a line: link labels in brackets,
  share-button words, image file names, agency credits glued to a paragraph.
- lines hard-wrapped inside a sentence are joined again, so that a line break in `doc.text` is a
  real boundary (paragraph, headline, list item).

A line rule never deletes part of a line: a line is body or residue as a whole; only the inline
rules cut pieces out of a line, and only pieces that are residue wherever they stand.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from nkevents import datafiles, regex_store
from nkevents.model import Document, Removed, url_host

REQUIRES = ("raw",)
ASSIGNS = ("text", "removed", "title", "outlet", "published")

MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
# header dates (and not dates further down) give the page's publication date
HEAD_LINES = 4
BODY_LINE_MIN_WORDS = 12  # a line this long ending a sentence starts the body
CLOSERS = "'\"’”)]"
OPEN_ENDS = tuple(",;:([/&–—-")
INVISIBLE = regex_store.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# (verbs of telling that a photo caption does not use: a sentence with one belongs to the report)
REPORTING = regex_store.compile(r"\b(?:said|says|saying|told|according to|reported|reports|added|warned|noted|stated|explained|claimed|urged|announced|insisted|quoted)\b", re.I)
POSTED_LABEL = regex_store.compile(r"\W*(?:(?:first |originally )?(?:posted|published)(?: (?:on|at|date))?|publication date|date (?:posted|published)|write|written|입력|등록|게재|기사입력)\b", re.I)
# a caption shows what the picture shows, in the present; a wire paragraph closed by its agency
# ('... since late January. (Yonhap)') tells what happened, in the past or the perfect
TOLD_TENSE = regex_store.compile(r"\b(?:was|were|had|has|have|been)\b", re.I)
QUOTES = regex_store.compile(r"[\"“”]")
LOWER_START = regex_store.compile(r"^[\"'“‘(\[]*[a-z]")
UPPER_START = regex_store.compile(r"^[\"'“‘(\[]*[A-Z0-9]")
WORD_HYPHEN = regex_store.compile(r"[A-Za-z]-$")  # "state-" + "run": a word broken at its hyphen
BARE_NAME = regex_store.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){1,3}")
SENTENCE_INSIDE = regex_store.compile(r"[.!?][\"”’]?\s+[A-Z]")
CREDIT_TAIL = regex_store.compile(r"\s*[(\[][^()\[\]]*[)\]]\.?$")
DOUBLE_SPACE = regex_store.compile(r"(?<=\S) {2,}(?=\S)")
ELLIPSIS = regex_store.compile(r"\.\.\.+|…")  # "... Entire Family Expelled": a headline's pause, not a sentence end


@dataclass(frozen=True)
class LineRule:
    kind: str
    pattern: str
    flags: int
    max_words: int | None
    caption_like: bool
    head_only: bool
    tail_only: bool
    section: bool
    published: bool
    # the rule is tried only on lines holding one of these (lower-case) strings: a cheap test
    # that spares the regex engine most lines (None: every line)
    gate: tuple[str, ...] | None = None
    # the rule does not apply to a line this matches from its start (a reporting verb before any
    # quotation: a sentence of the report); tried only once the pattern has matched
    unless_pattern: str | None = None
    # the rule is tried only on lines whose opening characters recur later in the line (a text
    # printed twice): a cheap test before a pattern with a back-reference, which is not cheap
    repeated_opening: int = 0

    # (compiled on first use: the gates and word counts spare a report most rules, and compiling
    # them all is a good part of a one-report process's start-up)
    @cached_property
    def regex(self) -> re.Pattern:
        return regex_store.compile(self.pattern, self.flags)

    @cached_property
    def unless(self) -> re.Pattern | None:
        return regex_store.compile(self.unless_pattern, self.flags) if self.unless_pattern else None

    def fits(self, line: str) -> bool:
        """The whole line is of this rule's kind (its gate is the caller's to test first)."""
        n = self.repeated_opening
        if n and line[:n] not in line[n:]:
            return False
        return (self.regex.fullmatch(line) is not None
                and (self.unless is None or self.unless.match(line) is None)
                and (not self.caption_like or _reads_like_caption(line)))


@dataclass(frozen=True)
class InlineRule:
    kind: str
    pattern: str
    flags: int
    gate: tuple[str, ...] | None = None

    @cached_property
    def regex(self) -> re.Pattern:  # (compiled on first use, as a LineRule's)
        return regex_store.compile(self.pattern, self.flags)


def _gate(spec: dict) -> tuple[str, ...] | None:
    contains = spec.get("contains")
    return tuple(c.lower() for c in contains) if contains else None


def _may_match(gate: tuple[str, ...] | None, lowered: str) -> bool:
    # map over the bound method keeps the loop in C (a generator here cost more than the regexes)
    return gate is None or any(map(lowered.__contains__, gate))


def _by_length(lines: tuple["LineRule", ...]) -> tuple[tuple["LineRule", ...], ...]:
    """For each word count up to the largest max_words (and one more for longer lines), the
    line rules that may match a line that long, in their order."""
    longest = max((rule.max_words for rule in lines if rule.max_words is not None), default=0)
    return tuple(tuple(rule for rule in lines if rule.max_words is None or n <= rule.max_words)
                 for n in range(longest + 2))


def _by_position(lines: tuple["LineRule", ...]) -> tuple:
    """The rules of `_by_length` split once more by where the line stands: [n][head][tail] holds
    the rules for a line of n words, head-only rules only when `head`, tail-only when `tail`."""
    def eligible(rules_n, head, tail):
        return tuple(rule for rule in rules_n
                     if (head or not rule.head_only) and (tail or not rule.tail_only))
    return tuple(tuple(tuple(eligible(rules_n, head, tail) for tail in (False, True))
                       for head in (False, True))
                 for rules_n in _by_length(lines))


@dataclass(frozen=True)
class Outlet:
    name: str
    hosts: tuple[str, ...]
    aliases: tuple[str, ...]
    markers: tuple[tuple[re.Pattern, int], ...]


@dataclass(frozen=True)
class Rules:
    prefixes: tuple[tuple[str, re.Pattern, bool], ...]
    lines: tuple[LineRule, ...]
    limits: dict
    outlets: tuple[Outlet, ...]
    continuation: frozenset[str]
    inline: tuple[InlineRule, ...] = ()
    headline_endings: frozenset[str] = frozenset()
    credit_names: frozenset[str] = frozenset()
    lines_by_position: tuple = ()
    chrome: re.Pattern | None = None
    chrome_max_words: int = 0


def _data(name: str) -> dict:
    return datafiles.toml(name)


def _line_rule(spec: dict) -> LineRule:
    flags = 0 if spec.get("case") else re.IGNORECASE
    return LineRule(kind=spec["kind"], pattern=spec["pattern"], flags=flags, unless_pattern=spec.get("unless"),
                    max_words=spec.get("max_words"), caption_like=spec.get("caption_like", False),
                    head_only=spec.get("position") == "head", tail_only=spec.get("position") == "tail",
                    section=spec.get("section", False),
                    published=spec.get("published", False),
                    repeated_opening=spec.get("repeated_opening", 0), gate=_gate(spec))


@lru_cache(maxsize=1)
def rules() -> Rules:
    cleaning, outlets_data = _data("cleaning.toml"), _data("outlets.toml")
    prefixes = tuple((p["kind"], regex_store.compile(p["pattern"], 0 if p.get("case") else re.I),
                      p.get("published", False)) for p in cleaning.get("prefix", []))
    lines = [_line_rule(r) for r in cleaning.get("line", [])]
    outlets = []
    for o in outlets_data.get("outlet", []):
        lines.extend(_line_rule(r) for r in o.get("rule", []))
        outlets.append(Outlet(
            name=o["name"], hosts=tuple(h.lower() for h in o.get("hosts", [])),
            aliases=tuple(a.casefold() for a in o.get("aliases", [])),
            markers=tuple((regex_store.compile(m["pattern"], re.M), int(m.get("weight", 1)))
                          for m in o.get("markers", []))))
    words = _data("sentences.toml")["continuation"]["words"]
    headline_endings = frozenset(_data("sentences.toml")["continuation"].get("headline_endings", []))
    inline = tuple(InlineRule(x["kind"], x["pattern"], 0 if x.get("case") else re.I, _gate(x))
                   for x in cleaning.get("inline", []))
    chrome_spec = cleaning.get("chrome", {})
    chrome = None
    if chrome_spec.get("labels"):
        label = "|".join(f"(?:{x})" for x in chrome_spec["labels"])
        sep = chrome_spec["separators"]
        chrome = regex_store.compile(f"(?:{sep})*(?:(?:{label})(?:{sep})*)+", re.I)
    names = {n.casefold() for o in outlets for n in (o.name, *o.aliases)}
    names |= {n.casefold() for n in cleaning.get("credit_names", {}).get("names", [])}
    names = {n[4:] if n.startswith("the ") else n for n in names}
    return Rules(prefixes=prefixes, lines=tuple(lines), limits=cleaning["limits"],
                 outlets=tuple(outlets), continuation=frozenset(words), inline=inline,
                 headline_endings=headline_endings,
                 credit_names=frozenset(names),
                 lines_by_position=_by_position(tuple(lines)),
                 chrome=chrome, chrome_max_words=chrome_spec.get("max_words", 0))


# ---------------------------------------------------------------- the stage

def run(doc: Document) -> Document:
    r = rules()
    raw = doc.raw.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " ")
    raw = INVISIBLE.sub("", raw)
    removed_head: list[Removed] = []
    published_seen: list[str] = []
    raw = _strip_prefixes(raw, r, removed_head, published_seen)

    lines = [line.strip() for line in raw.split("\n")]
    kinds: list[str | None] = [None] * len(lines)
    _apply_line_rules(lines, kinds, r, published_seen)
    cut = _apply_inline_rules(lines, kinds, r)
    _mark_foreign_script_labels(lines, kinds, r.limits)
    _mark_outlet_names(lines, kinds, r)
    _mark_caption_pairs(lines, kinds, r.limits, r.continuation)
    _mark_byline_names(lines, kinds)
    _mark_menu_items(lines, kinds, r.limits)
    title = _mark_title(lines, kinds, doc.title, r)
    _mark_name_under_title(lines, kinds)
    _mark_menus(lines, kinds, r.limits)
    _mark_other_stories(lines, kinds, r)
    _mark_headline_runs(lines, kinds, r)
    _mark_caps_headlines(lines, kinds, r.limits)
    _mark_wedged_lines(lines, kinds, r.limits)
    _mark_cut_off_labels(lines, kinds, r.limits, r.continuation)
    _mark_pull_quotes(lines, kinds, r.limits)

    doc.removed = list(removed_head)
    for i, (line, k) in enumerate(zip(lines, kinds)):
        doc.removed.extend(cut.get(i, ()))
        if k:
            doc.removed.append(Removed(k, line))
    doc.text = _rebuild(lines, kinds, r.continuation)
    doc.title = doc.title or title
    if not doc.published and published_seen:
        doc.published = published_seen[0]
    doc.outlet = _outlet(doc, raw, r)
    return doc


def _strip_prefixes(raw: str, r: Rules, removed: list[Removed], published: list[str]) -> str:
    """Take page artefacts off the start of the body; several may stack, but each rule applies
    once (the same artefact again on the next line is part of that line, not the page's head)."""
    used: set[int] = set()
    changed = True
    while changed:
        changed = False
        for n, (kind, regex, gives_date) in enumerate(r.prefixes):
            if n in used:
                continue
            m = regex.match(raw)
            if m and m.end() > 0:
                removed.append(Removed(kind, m.group(0).strip()))
                if gives_date and (found := _date_in(m.group(0))):
                    published.append(found)
                raw = raw[m.end():]
                used.add(n)
                changed = True
    return raw


def _apply_line_rules(lines, kinds, r: Rules, published: list[str]) -> None:
    nonblank_seen = 0
    # a date line dates the page while it is in the page's head: among the first lines, or before
    # the first sentence of the body (a header of menus and widgets can push it down)
    body_started = False
    nonblank_total = sum(1 for line in lines if line)
    section_open = False
    section_max = r.limits["section_line_max_words"]
    tail_lines = r.limits["tail_lines"]
    last_length = len(r.lines_by_position) - 1
    labelled = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        nonblank_seen += 1
        n_words = len(line.split())
        lowered = line.lower()
        if section_open:
            if n_words <= section_max and not _ends_final(line):
                kinds[i] = "related_headlines"
                continue
            section_open = False
        head = nonblank_seen == 1 and not _continues(lines, i)
        tail = nonblank_total - nonblank_seen < tail_lines
        has = lowered.__contains__
        for rule in r.lines_by_position[min(n_words, last_length)][head][tail]:
            gate = rule.gate
            if gate is not None and not any(map(has, gate)):
                continue
            if not rule.fits(line):
                continue
            kinds[i] = rule.kind
            # only the page's own header dates the page (not the dates of a list of stories); a
            # date labelled as the posting's goes before bare ones (a site header's 'today')
            if rule.published and (nonblank_seen <= HEAD_LINES or not body_started) and (found := _date_in(line)):
                if POSTED_LABEL.match(line):
                    published.insert(labelled, found)
                    labelled += 1
                else:
                    published.append(found)
            # a widget's header as the page's first line ('Top Recommended Stories') lost its
            # list; what follows it is the page's own title
            section_open = rule.section and nonblank_seen > 1
            break
        else:
            if _is_chrome(line, n_words, r):
                kinds[i] = "chrome"
            elif n_words >= BODY_LINE_MIN_WORDS and _ends_final(line):
                body_started = True


def _is_chrome(line: str, n_words: int, r: Rules) -> bool:
    return r.chrome is not None and n_words <= r.chrome_max_words and bool(r.chrome.fullmatch(line))


def _line_rule_kind(line: str, r: Rules) -> str | None:
    """The kind of the first line rule (other than head-only and tail-only ones) the whole line matches."""
    n_words = len(line.split())
    lowered = line.lower()
    for rule in r.lines_by_position[min(n_words, len(r.lines_by_position) - 1)][False][False]:
        if _may_match(rule.gate, lowered) and rule.fits(line):
            return rule.kind
    return "chrome" if _is_chrome(line, n_words, r) else None


def _apply_inline_rules(lines, kinds, r: Rules) -> dict[int, list[Removed]]:
    """Cut inline residue out of body lines; a line left empty, or left matching a line rule
    (a caption once its image file name is gone), goes as a whole. Returns what was cut, by line."""
    cut: dict[int, list[Removed]] = {}
    for i, line in enumerate(lines):
        if not line or kinds[i] is not None:
            continue
        pieces: list[Removed] = []
        has = line.lower().__contains__
        for rule in r.inline:
            gate = rule.gate
            if (gate is not None and not any(map(has, gate))) or not rule.regex.search(line):
                continue
            found = [m.group(0).strip() for m in rule.regex.finditer(line) if m.group(0).strip()]
            if found:
                pieces.extend(Removed(rule.kind, text) for text in found)
                line = rule.regex.sub("", line).strip()
        if not pieces:
            continue
        # the space before a piece went with it; one left between words stays single
        line = DOUBLE_SPACE.sub(" ", line)
        lines[i] = line  # left empty: a blank line, which separates paragraphs
        cut[i] = pieces
        if line:
            kinds[i] = _line_rule_kind(line, r)
    return cut


LATIN = regex_store.compile(r"[A-Za-z\u00c0-\u024f]")
OTHER_SCRIPT = regex_store.compile(r"[\u0400-\u04ff\u0590-\u06ff\u3040-\u30ff\u3130-\u318f\u4e00-\u9fff\uac00-\ud7af]")


def _outlet_key(text: str) -> str:
    key = " ".join(text.casefold().strip(" .,:;|-–—()[]").split())
    return key[4:] if key.startswith("the ") else key


def _mark_outlet_names(lines, kinds, r: Rules) -> None:
    """A line that is nothing but a news outlet's or agency's name ('The Associated Press',
    'Yonhap News Agency', 'Good Friends') is a credit, a logo's text or a source label; a bare
    name with an outlet or a handle after it ('Jane Doe, AFP', 'Jane Doe @janedoe') is a byline."""
    for i, line in enumerate(lines):
        if line and kinds[i] is None and len(line) <= 60:
            # "...told\nDaily NK." is a hard-wrapped sentence, not a credit
            wrapped = i > 0 and lines[i - 1] and kinds[i - 1] is None \
                and _clear_wrap(lines[i - 1], line, r.continuation)
            if wrapped:
                continue
            if _outlet_key(line) in r.credit_names:
                kinds[i] = "credit"
            elif (m := NAME_THEN_OUTLET.fullmatch(line)) and (
                    m["handle"] or _outlet_key(m["outlet"]) in r.credit_names):
                kinds[i] = "byline"


NAME_THEN_OUTLET = regex_store.compile(r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){1,3}\s*"
                              r"(?:[,|/–—-]\s*(?P<outlet>[^,|/–—]{2,40})|\(?(?P<handle>@\w{1,30})\)?)")


def _mark_foreign_script_labels(lines, kinds, limits) -> None:
    """In a report written in Latin script, a short line with no Latin letter but letters of
    another script (a Korean menu label, a user name) is page chrome, not the report."""
    body = "\n".join(line for line, k in zip(lines, kinds) if line and k is None)
    if not OTHER_SCRIPT.search(body):
        return
    latin, other = len(LATIN.findall(body)), len(OTHER_SCRIPT.findall(body))
    if latin == 0 or other > latin * limits["foreign_script_max_share"]:
        return
    for i, line in enumerate(lines):
        if (line and kinds[i] is None and len(line.split()) <= limits["foreign_label_max_words"]
                and OTHER_SCRIPT.search(line) and not LATIN.search(line)):
            kinds[i] = "chrome"


def _continues(lines, i) -> bool:
    """The next line carries on line i's sentence (it starts in lower case)."""
    return i + 1 < len(lines) and bool(LOWER_START.match(lines[i + 1]))


def _reads_like_caption(line: str) -> bool:
    """The text before a credit in parentheses reads like a photo caption: one sentence, no
    quotation and no reporting verb (a body sentence citing an agency has them)."""
    before = ELLIPSIS.sub(" ", CREDIT_TAIL.sub("", line)).rstrip(" .")
    if QUOTES.search(before) or REPORTING.search(before) or TOLD_TENSE.search(before):
        return False
    # the period of a title or a month ('Lt. Gen. Kim', 'Feb. 27') ends no sentence
    return not re.search(r"[.!?]\s+[A-Z]", _abbreviation_periods().sub(r"\1", before))


@lru_cache(maxsize=1)
def _abbreviation_periods() -> re.Pattern:
    words = _data("sentences.toml")["abbreviations"]
    names = sorted({*words["titles"], *words["before_number"]}, key=len, reverse=True)
    return regex_store.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\.")


def _block_start(lines, kinds, j) -> bool:
    return j == 0 or not lines[j - 1] or kinds[j - 1] is not None


def _mark_caption_pairs(lines, kinds, limits, continuation) -> None:
    """A short line just before a photo credit line (a blank line may sit between) is the
    caption of the same photo: 'Onsong County, North Hamgyong Province' above
    'Onsong County, North Hamgyong Province. / Image: Daily NK'. A credit standing alone with
    no caption above it ('Kyodo News via AP') may have its caption below it instead: one
    descriptive sentence ('Mourners cry during the funeral procession ... on Dec. 28, 2011.')."""
    for i, kind in enumerate(kinds):
        if kind != "caption" or lines[i].startswith("!["):
            continue
        j = i - 1
        if j >= 0 and not lines[j]:
            j -= 1
        if j < 0 or kinds[j] is not None or not lines[j] or not _block_start(lines, kinds, j):
            if _credit_alone(lines[i], limits) and (j < 0 or kinds[j] != "caption"):
                _mark_caption_below(lines, kinds, i, limits)
            continue
        # a sentence right above a credit alone (no blank line between), or between the page's
        # header residue and the credit, is that picture's caption
        touching = j == i - 1
        if _caption_candidate(lines[j], limits, continuation) or _same_caption(lines[j], lines[i]) \
                or (_credit_alone(lines[i], limits) and (touching or _after_residue(lines, kinds, j))
                    and _caption_sentence(lines[j], limits)):
            kinds[j] = "caption"
        elif _credit_alone(lines[i], limits):
            _mark_caption_below(lines, kinds, i, limits)


def _after_residue(lines, kinds, j) -> bool:
    """Line j opens the text or follows residue (a blank line may sit between)."""
    k = j - 1
    while k >= 0 and not lines[k]:
        k -= 1
    return k < 0 or kinds[k] is not None


def _caption_sentence(line: str, limits) -> bool:
    """One sentence that reads like a caption (no quotation, no reporting verb), short."""
    return (len(line.split()) <= limits["caption_sentence_max_words"] and bool(UPPER_START.match(line))
            and _reads_like_caption(line))


def _same_caption(line: str, caption: str) -> bool:
    """The line is the caption below it without its credit (a picture's alt text, then its
    caption with the credit: 'Notices posted by the river.' / 'Notices posted by the river.
    File Photo by J. Doe/UPI')."""
    return len(line) >= 20 and caption.startswith(line.rstrip(" ."))


def _credit_alone(line: str, limits) -> bool:
    """A credit line with no caption text of its own: short, no sentence."""
    return len(line.split()) <= limits["credit_alone_max_words"] and not _ends_final(line)


PAST_OR_REPORTED = regex_store.compile(r"\b(?:was|were|had|has|have|been|did|said|says|told|according|reportedly)\b", re.I)


def _mark_caption_below(lines, kinds, i, limits) -> None:
    k = i + 1
    if k < len(lines) and not lines[k]:
        k += 1
    if k >= len(lines) or kinds[k] is not None or not lines[k]:
        return
    line = lines[k]
    # a caption describes the picture in the present tense, in one sentence; the first
    # paragraph of a report tells what happened (past tense, perfect, a source)
    if (_caption_sentence(line, limits) and _ends_final(line) and not PAST_OR_REPORTED.search(line)
            and not _has_sentence_inside(line.rstrip("."))):
        kinds[k] = "caption"


def _mark_byline_names(lines, kinds) -> None:
    """A bare name just above or below the page's date or timestamp is the byline: 'Kim
    Tong-hyung' over 'November 10, 2023', or under it before the first paragraph (blank lines
    between them allowed); so is one just above or below a byline or a newsroom role ('Jane Doe'
    over 'Staff Reporter')."""
    for i, kind in enumerate(kinds):
        if kind in ("dateline", "timestamp", "byline", "signature"):
            for j in (_line_before(lines, i), _line_after(lines, i)):
                if j is not None and kinds[j] is None and BARE_NAME.fullmatch(lines[j]):
                    kinds[j] = "byline"
        if kind in ("byline", "signature") or (kind == "chrome" and ROLE.fullmatch(lines[i])):
            for j in (i - 1, i + 1):
                if 0 <= j < len(lines) and kinds[j] is None and BARE_NAME.fullmatch(lines[j]):
                    kinds[j] = "byline"


def _mark_name_under_title(lines, kinds) -> None:
    """A bare name between the headline and the first paragraph is the byline: 'Jane Doe' under
    'Court in Hyesan tries smugglers', above 'The provincial court held ...'."""
    for i, kind in enumerate(kinds):
        if kind not in ("title", "headline", "duplicate_title"):
            continue
        j = _line_after(lines, i)
        if j is None or kinds[j] is not None or not BARE_NAME.fullmatch(lines[j]):
            continue
        k = _line_after(lines, j)
        if k is not None and kinds[k] is None and _ends_final(lines[k]) \
                and len(lines[k].split()) >= BODY_LINE_MIN_WORDS:
            kinds[j] = "byline"


ROLE = regex_store.compile(r"(?:staff |senior |chief )?(?:reporter|correspondent|writer|editor|contributor|columnist|author)", re.I)


MENU_ITEM = regex_store.compile(r"[A-Z0-9&][\w&'’.+-]*|[|·•/>»›:–—-]+")


def _mark_menus(lines, kinds, limits) -> None:
    """A line of capitalized words only ('Home News Politics Economy North Korea World Sports
    Opinion'), many of them and no sentence mark, is a site's menu (the title is taken by now)."""
    for i, line in enumerate(lines):
        if not line or kinds[i] is not None or _ends_final(line):
            continue
        words = line.split()
        if len(words) >= limits["menu_min_words"] and all(MENU_ITEM.fullmatch(w) for w in words):
            kinds[i] = "navigation"


def _mark_other_stories(lines, kinds, r: Rules) -> None:
    """A wire dateline ('SEOUL, March 5 (Yonhap) --') that is not the report's own opens another
    story (a teaser of the next article): that line goes, with the headline just above it. It is
    not the report's own when the report had its own dateline already, or several paragraphs."""
    body_before, own_seen = 0, False
    for i, line in enumerate(lines):
        if not line or kinds[i] is not None:
            continue
        if WIRE_DATELINE.match(line):
            if own_seen or body_before >= r.limits["other_story_after_paragraphs"]:
                kinds[i] = "related_headlines"
                j = i - 1
                if j >= 0 and not lines[j]:
                    j -= 1
                if j >= 0 and kinds[j] is None and _headline_like(lines[j], r.limits):
                    kinds[j] = "related_headlines"
                continue
            own_seen = True
        body_before += 1


WIRE_DATELINE = regex_store.compile(
    r"[A-Z][A-Za-z.' -]{1,30},(?: [A-Z][A-Za-z.' ]{1,25},)? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}"
    r"(?:, \d{4})? \((?:Yonhap|AP|AFP|Reuters|UPI|KCNA|Kyodo|Xinhua|IANS|PTI|Korea Herald|Korea Times|NK News|RFA)\)\s*(?:--|—|–|-)")


def _caption_candidate(line: str, limits, continuation) -> bool:
    words = line.split()
    if not UPPER_START.match(line) or len(words) > limits["caption_max_words"]:
        return False
    if line.endswith(OPEN_ENDS) or QUOTES.search(line):
        return False
    if not _ends_final(line):
        return _last_word(line) not in continuation  # not a sentence cut off mid-way
    # with a final period only a bare name passes: "Hamhung, North Korea."
    return (line.endswith(".") and len(words) <= limits["caption_name_max_words"]
            and all(w[0].isupper() or w[0].isdigit() or w in ("of", "the", "and", "in")
                    for w in words))


QUOTED = regex_store.compile(r'[“"][^”"]{0,200}[”"]')


def _headline_like(line: str, limits) -> bool:
    words = line.split()
    if not (limits["headline_min_words"] <= len(words) <= limits["headline_max_words"]):
        return False
    if not UPPER_START.match(line) or "|" in line:
        return False
    if _ends_final(line) and not line.endswith(("?", "!", "?”", "!”", '?"', '!"')):
        return False
    if line.endswith(OPEN_ENDS):
        return False
    # a quotation inside a headline may hold sentences of its own: '"We starve. We die"... Regime Orders'
    return not _has_sentence_inside(QUOTED.sub('"q"', line))


def _has_sentence_inside(line: str) -> bool:
    """A sentence boundary inside the line; a period after a lone capital ("N. Korea") is not one,
    nor is an ellipsis ('"It Was Trump's Fault"... Regime Pushes Blame')."""
    line = ELLIPSIS.sub(" ", line)
    for m in SENTENCE_INSIDE.finditer(line):
        start = m.start()
        if not (start >= 1 and line[start - 1].isupper() and (start == 1 or not line[start - 2].isalpha())):
            return True
    return False


def norm_title(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def _mark_title(lines, kinds, given: str | None, r: Rules) -> str | None:
    """Remove the headline line at the top and every repetition of the title; return the
    headline when it is to become the title (none given)."""
    limits = r.limits
    found = None
    # the top lines of the page: the title (repeated), and headlines (title variants, decks)
    for _ in range(3):
        first = next((i for i, line in enumerate(lines) if line and kinds[i] is None), None)
        if first is None or not any(lines[k] and kinds[k] is None for k in range(first + 1, len(lines))):
            break  # never take the last line of the body: a one-line report stays a report
        line = lines[first]
        # a hard-wrapped first sentence is not a headline: its next line starts in lower case,
        # or it stops on a word like "the", "on", "told"
        followed_by_break = first + 1 >= len(lines) or not lines[first + 1] or kinds[first + 1]
        last = _last_word(line)
        wrapped = (first + 1 < len(lines) and LOWER_START.match(lines[first + 1])) \
            or (last in r.continuation and not (followed_by_break and last in r.headline_endings))
        if not followed_by_break and _starts_headline_run(lines, kinds, first, r):
            break  # the page starts with a list of headlines (a table of contents), not a title
        title = given or found
        # "Headline | Section | Site": the page's title tag, the headline before the first bar
        bare = SITE_SUFFIX.sub("", line)
        if title and norm_title(title) in (norm_title(line), norm_title(bare)):
            kinds[first] = "duplicate_title"
        elif (_headline_like(bare, limits) or _title_cased_headline(bare, limits)) and not wrapped \
                and (followed_by_break or not title):
            # under a known title only a headline standing alone (a variant, a deck) goes:
            # a line followed by more short lines may be the start of a list of headlines
            kinds[first] = "headline" if title else "title"
            found = found or (None if given else bare)
        else:
            break
    title = given or found
    if title:
        key = norm_title(title)
        body = [i for i, line in enumerate(lines) if line and kinds[i] is None]
        # a copy may carry the site's name: "Title - Example Times", "Title | World | News"; a copy
        # holds the title's longest word in its casefolded text (a cheap test before the regexes)
        probe = max(key.split(), key=len, default="")
        copies = [i for i in body if probe in lines[i].casefold()
                  and key in (norm_title(lines[i]), norm_title(COPY_SUFFIX.sub("", lines[i])))]
        if len(copies) == len(body):
            copies = copies[1:]  # the report is nothing but its title: keep one copy
        for i in copies:
            kinds[i] = "duplicate_title"
    return found


SITE_SUFFIX = regex_store.compile(r"(?:\s+\|\s+[^|]{1,30}){1,3}$")
COPY_SUFFIX = regex_store.compile(r"(?:\s+(?:\||-|–|—|::|·)\s+[^|–—:·]{1,40}){1,3}$")


def _starts_headline_run(lines, kinds, first, r: Rules) -> bool:
    """Line `first` opens a run of headlines (a table of contents at the top of the page)."""
    return len(_headline_run(lines, kinds, first, r)) >= r.limits["headline_run_min"]


def _title_cased_headline(line: str, limits) -> bool:
    """A headline in Title Case with no final period may hold a sentence break ('5-Day Lockdown
    Imposed In This City. Details Here'): most of its longer words are capitalized."""
    words = [w for w in line.split() if len(w) > 3]
    if _ends_final(line) or len(line.split()) > limits["headline_max_words"] or len(words) < 3:
        return False
    capitalized = sum(1 for w in words if w.lstrip("\"'“‘(").istitle() or w.isupper())
    return capitalized >= limits["title_case_share"] * len(words)


def _headline_run(lines, kinds, i, r: Rules) -> list[int]:
    """The headline lines of the run starting at line i (empty when line i is no headline). A
    list item's bullet does not count, and blank lines or residue (a date, a credit) between
    the headlines do not end the run (a newsletter's table of contents groups them)."""
    n = len(lines)

    def eligible(k):
        return lines[k] and kinds[k] is None and _run_line(_unbulleted(lines[k]), r.limits, r.continuation)

    if not eligible(i):
        return []
    run, j = [i], i + 1
    while j < n:
        if eligible(j):
            run.append(j)
            j += 1
        elif (not lines[j] or kinds[j] in BRIDGED) and j + 1 < n \
                and (eligible(j + 1) or not lines[j + 1] or kinds[j + 1] in BRIDGED):
            j += 1
        else:
            break
    # a line opening a block and followed at once by a paragraph is that paragraph's heading
    if len(run) > 1 and not lines[run[-1] - 1] and run[-1] + 1 < n and lines[run[-1] + 1] \
            and kinds[run[-1] + 1] is None:
        run.pop()
    return run


def _mark_headline_runs(lines, kinds, r: Rules) -> None:
    """Three or more headline lines in a row are not body text."""
    limits = r.limits
    i, n = 0, len(lines)
    while i < n:
        run = _headline_run(lines, kinds, i, r)
        if not run:
            i += 1
            continue
        last = run[-1]
        nxt = last + 1
        followed_by_wrap = nxt < n and lines[nxt] and LOWER_START.match(lines[nxt])
        # "Residents were told to:" introduces a list that is part of the body
        before = next((lines[k] for k in range(i - 1, -1, -1) if lines[k]), "")
        introduced = before.endswith(":")
        # a list whose every line has a number is data (prices, figures), not headlines
        all_numbers = all(any(ch.isdigit() for ch in _unbulleted(lines[k])) for k in run)
        # at the end of the page (no body after it) two headlines are enough: a "more stories" box
        # (headline-short lines only: the cut-off last sentence of a truncated page is no headline)
        at_tail = not any(lines[k] and kinds[k] is None for k in range(last + 1, n)) \
            and all(len(lines[k].split()) <= limits["tail_headline_max_words"] for k in run)
        needed = limits["tail_headline_run_min"] if at_tail else limits["headline_run_min"]
        if len(run) >= needed and not (followed_by_wrap or introduced or all_numbers):
            keys = {norm_title(lines[k]) for k in run}
            later = any(kinds[k] is None and norm_title(lines[k]) in keys for k in range(last + 1, n))
            for k in run:
                kinds[k] = "table_of_contents" if later else "related_headlines"
        i = last + 1


# a list item's mark: a bullet, '1.', '2)', or a bare rank before a capital ('1 Smugglers face ...')
BULLET = regex_store.compile(r"^(?:[-*•·▪►▶◆◇■□○●]|\d{1,2}[.)]|\d{1,2}(?=\s+[A-Z“\"‘]))\s+")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (rf"(?:\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
         r"|\d+\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+ago)")
# the date of another story beside its headline in a list: "Mar 5, 2021 | Headline", "Headline (2 hours ago)"
LIST_DATE_HEAD = regex_store.compile(rf"\(?{_DATE}\)?\s*[|:–—-]\s*")
LIST_DATE_TAIL = regex_store.compile(rf"\s*[|–—-]?\s*\(?{_DATE}\)?$")
# a date closing a line spans at most four words ('| (March 5, 2021)', '5 minutes ago'): its
# pattern is searched for in the last words only (from the start, its leading \s* tries every
# position of a long line)
LIST_DATE_TAIL_WORDS = 8
BRIDGED = {"dateline", "timestamp", "byline", "caption", "chrome", "share", "navigation", "link"}
RUBRIC = regex_store.compile(r"^[<\[【《〈][^>\]】》〉]{1,40}[>\]】》〉]\s*")  # "<Inside N. Korea> ", "[Analysis] "


@lru_cache(maxsize=4096)
def _unbulleted(line: str) -> str:
    return _strip_list_dates(RUBRIC.sub("", BULLET.sub("", line)))


def _strip_list_dates(line: str) -> str:
    """The line without a story's date at its start (with the separator after it) and at its end."""
    head = LIST_DATE_HEAD.match(line)
    start = head.end() if head else 0
    words = line.rsplit(None, LIST_DATE_TAIL_WORDS)
    tail = None
    if words and _may_end_a_date(words[-1]):
        if len(words) > LIST_DATE_TAIL_WORDS:  # skip the words before the last ones
            start = max(start, len(words[0]))
        tail = LIST_DATE_TAIL.search(line, start)
    return line[head.end() if head else 0:tail.start() if tail else len(line)]


MONTH_WORD = regex_store.compile(_MONTH)


def _may_end_a_date(word: str) -> bool:
    """The last word of a line closed by a date: a number, 'ago' or a month (a bracket may follow)."""
    word = word[:-1] if word.endswith(")") else word
    return word[-1:].isdigit() or word == "ago" or bool(MONTH_WORD.fullmatch(word))


def _all_caps(line: str) -> bool:
    return line == line.upper() and line != line.lower()


def _mark_caps_headlines(lines, kinds, limits) -> None:
    """A line in capitals inside a report written in mixed case, with no final period, is the
    headline of another story linked from the page ('OFFICIALS CONDEMN MISSILE LAUNCH, SEEK
    TALKS'); the page's own title at the top has been taken by then."""
    body = [i for i, line in enumerate(lines) if line and kinds[i] is None]
    caps = [i for i in body if _all_caps(lines[i])]
    if not caps or len(caps) * 3 > len(body):  # a report written in capitals throughout
        return
    for i in caps:
        words = lines[i].split()
        if len(words) >= limits["caps_headline_min_words"] and not _ends_final(lines[i]):
            kinds[i] = "related_headlines"


INTERFACE_KINDS = frozenset({"chrome", "navigation", "share", "link", "separator", "boilerplate"})


def _mark_menu_items(lines, kinds, limits) -> None:
    """Before the title is looked for: in a stretch of short lines with interface labels among
    them ('Home', short items, 'Donate', more items, 'Contact us'), the unlabelled lines between
    the first label and the last are the rest of the site's menu, when there are two or more of
    them. One short line between two labels may be the headline ('Home', title, 'Share')."""
    max_words = limits["menu_item_max_words"]
    stretch: list[int] = []
    for i in [*range(len(lines)), None]:
        if i is not None and not lines[i]:
            continue
        if i is not None and (kinds[i] in INTERFACE_KINDS or (
                kinds[i] is None and len(lines[i].split()) <= max_words and not _ends_final(lines[i]))):
            stretch.append(i)
            continue
        labels = [k for k in stretch if kinds[k] in INTERFACE_KINDS]
        if len(labels) >= 2:
            items = [k for k in stretch if labels[0] < k < labels[-1] and kinds[k] is None]
            if len(items) >= 2:
                for k in items:
                    kinds[k] = "navigation"
        stretch = []


def _mark_wedged_lines(lines, kinds, limits) -> None:
    """Short lines with no sentence in them between two pieces of residue, or between residue and
    the end of the text, belong to that residue: one more link of a footer ('Editor's notes'
    between a list of headlines and 'ALL REPORTS >>'), or the items of a menu. A run of up to
    wedged_max_run such lines takes the kind of its neighbour; one sentence breaks a run. Repeated
    until nothing changes."""
    residue = {k for k in set(kinds) if k} - {"title", "headline", "duplicate_title"}
    max_words, max_run = limits["wedged_max_words"], limits["wedged_max_run"]
    item_max_words = limits["wedged_item_max_words"]

    def wedgeable(k):
        line = lines[k]
        longest = item_max_words if BULLET.match(line) else max_words
        return (kinds[k] is None and len(line.split()) <= longest
                and not _ends_final(line) and not line.endswith(OPEN_ENDS))

    changed = True
    while changed:
        changed = False
        for i, line in enumerate(lines):
            if not line or not wedgeable(i):
                continue
            before = _line_before(lines, i)
            if before is None or kinds[before] not in residue:
                continue
            run, after = [i], _line_after(lines, i)
            while after is not None and len(run) < max_run and wedgeable(after):
                run.append(after)
                after = _line_after(lines, after)
            if after is None or kinds[after] in residue:
                kind = kinds[after] if after is not None else kinds[before]
                for k in run:
                    kinds[k] = kind
                residue.add(kind)
                changed = True


def _line_before(lines, i) -> int | None:
    """The nearest non-blank line above line i."""
    return next((j for j in range(i - 1, -1, -1) if lines[j]), None)


def _line_after(lines, i) -> int | None:
    """The nearest non-blank line below line i."""
    return next((j for j in range(i + 1, len(lines)) if lines[j]), None)


def _mark_cut_off_labels(lines, kinds, limits, continuation) -> None:
    """A paragraph of a few words that stops on a word like 'to' or 'the' is a label cut off by
    the page's layout ('Close to'), not a heading and not a sentence."""
    for i, line in enumerate(lines):
        if not line or kinds[i] is not None or len(line.split()) > limits["cut_off_label_max_words"]:
            continue
        alone = (i == 0 or not lines[i - 1]) and (i + 1 >= len(lines) or not lines[i + 1])
        if alone and not _ends_final(line) and _last_word(line) in continuation:
            kinds[i] = "chrome"


def _mark_pull_quotes(lines, kinds, limits) -> None:
    """A paragraph of the body repeated inside a longer one, or word for word later on, is a pull
    quote: the page set a sentence of the report apart in large type. The copy standing alone
    (or the later of two equal paragraphs) goes; quotation marks and punctuation do not count."""
    body = [i for i, line in enumerate(lines) if line and kinds[i] is None]
    keys = {i: f" {' '.join(WORD.findall(lines[i].casefold()))} " for i in body}
    for i in body:
        key = keys[i]
        if key.count(" ") - 1 < limits["pull_quote_min_words"]:
            continue
        if any(j != i and kinds[j] is None and key in keys[j] and (len(keys[j]) > len(key) or j < i)
               for j in body):
            kinds[i] = "duplicate"


WORD = regex_store.compile(r"\w+")


def _run_line(line: str, limits, continuation) -> bool:
    if not _headline_like(line, limits) or len(line.split()) < 4:
        return False
    if len(re.findall(r"\d+(?:[.,]\d+)*", line)) >= 2:  # price lists and tables are data
        return False
    return _last_word(line) not in continuation


def _ends_final(line: str) -> bool:
    """The line ends with sentence-final punctuation (closing quotes or brackets may follow)."""
    return line.rstrip(CLOSERS).endswith((".", "!", "?", "…"))


def _last_word(line: str) -> str:
    words = line.split()
    return words[-1].strip("\"'“”‘’()[]").lower() if words else ""


# ---------------------------------------------------------------- rebuilding the text

def _rebuild(lines, kinds, continuation) -> str:
    """The kept lines; removed lines and blank lines separate paragraphs (one blank line),
    hard wraps inside a sentence are joined with a space."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line, kind in zip(lines, kinds):
        if line and kind is None:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return "\n\n".join(_unwrap(block, continuation) for block in blocks)


def _unwrap(block: list[str], continuation) -> str:
    if len(block) == 1:
        return block[0]
    breaks = list(zip(block, block[1:]))
    clear = [_clear_wrap(a, b, continuation) for a, b in breaks]
    hard_wrapped = sum(clear) >= max(1, 0.4 * len(breaks))
    out = block[0]
    for (a, b), is_clear in zip(breaks, clear):
        if is_clear or (hard_wrapped and not _ends_final(a)):
            out += b if WORD_HYPHEN.search(a) else " " + b
        else:
            out += "\n" + b
    return out


def _clear_wrap(a: str, b: str, continuation) -> bool:
    """The line break between a and b is plainly inside a sentence."""
    if LOWER_START.match(b):
        return True
    if _ends_final(a):
        return False
    if a.endswith("-") and not WORD_HYPHEN.search(a) and not a.endswith(" -"):
        return False  # "-0-" and other markers, not a broken word or a dash
    return bool(a.endswith(OPEN_ENDS)) or _last_word(a) in continuation


# ---------------------------------------------------------------- dates and outlets

def _date_in(text: str) -> str | None:
    """A full date written in a page header ("2020-12-04", "2020-12-04T10:05", "Friday, July 30,
    2010", "March 5th, 2021", "2021년 3월 5일")."""
    m = NUMERIC_DATE.search(text) or KOREAN_DATE.search(text)
    if m:
        y, mo, d = map(int, m.groups())
    else:
        m = MONTH_DAY_YEAR.search(text) or DAY_MONTH_YEAR.search(text)
        if not m:
            return None
        a, b, y = m.groups()
        month, day = (a, b) if not a.isdigit() else (b, a)
        mo, d, y = MONTHS.get(month.lower(), 0), int(day), int(y)
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


NUMERIC_DATE = regex_store.compile(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
KOREAN_DATE = regex_store.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
# a date may be glued to another ('June 26, 2025Jun 26, 2025'): no word boundary is required around it
MONTH_DAY_YEAR = regex_store.compile(r"(?<![A-Za-z])([A-Z][a-z]{2})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
DAY_MONTH_YEAR = regex_store.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2})[a-z]*\.?,?\s+(\d{4})\b")


def outlet_for_host(url: str | None, r: Rules | None = None) -> str | None:
    host = url_host(url)
    if not host:
        return None
    for outlet in (r or rules()).outlets:
        if any(host == h or host.endswith("." + h) for h in outlet.hosts):
            return outlet.name
    return None


def _outlet(doc: Document, raw: str, r: Rules) -> str | None:
    """Given outlet (its alias mapped to the usual name) > URL host > unmistakable phrases of
    the text, the latter only when the report has no URL (an aggregator page quoting an
    outlet is not that outlet's page)."""
    if doc.outlet:
        key = doc.outlet.casefold()
        return next((o.name for o in r.outlets if key in o.aliases), doc.outlet)
    if doc.url:
        return outlet_for_host(doc.url, r)
    # (one alternation of all markers was measured 10x slower than these separate searches)
    scores = {}
    for outlet in r.outlets:
        score = sum(w for regex, w in outlet.markers if regex.search(raw))
        if score:
            scores[outlet.name] = score
    if not scores:
        return None
    best = max(scores.values())
    winners = [name for name, s in scores.items() if s == best]
    return winners[0] if len(winners) == 1 else None
