"""Event arguments: place, date, subjects, charges, penalty, actors, modality and attribution.

Reads the candidate events (type, evidence sentence, trigger) and what the places and dates stages
found, and fills each event from its sentence, falling back to the document's context where a
careful reader would (an event with no place in its sentence happened where the story is).
"""
from __future__ import annotations

import copy
import re
from functools import lru_cache

from nkevents import lexicon, regex_store
from nkevents.gazetteer import Gazetteer, place_words
from nkevents.model import Actor, DateMention, Document, Event, Penalty, Place

REQUIRES = ("text", "sentences", "events", "place_mentions", "landmark_mentions", "foreign_mentions", "date_mentions", "title_dates",
            "source_place")
ASSIGNS = ("events",)

CHARGE_TYPES = {"arrest", "sentence", "execution", "crackdown", "prohibited_activity", "trial"}
ISSUING_TYPES = {"directive", "policy"}
# Types whose actors are recorded (market prices and hardship have none; conduct has no authority).
ACTOR_ROLE = {"arrest": "authority", "sentence": "authority", "execution": "authority", "trial": "authority",
              "crackdown": "authority", "directive": "recipient", "policy": "recipient",
              "mobilization": "participant", "other": "participant"}
# An `other` event that is a forced return, and the states that make them.
_REPATRIATION = regex_store.compile(r"repatriat|sent back|handed (?:[\w-]+ ){0,3}?(?:back|over)\b|(?:forcibly|was|were|been) returned|deport", re.I)
_FOREIGN_STATE = regex_store.compile(r"\b(?:china|chinese|beijing|russia|russian|laos|lao|vietnam|vietnamese|thailand|thai|mongolia|mongolian)\b", re.I)
# Reporting verbs: a date right after one is when the outlet heard of it, not when it happened.
REPORTING_DATE = regex_store.compile(
    r"\b(?:told|tells|said|says|reported|reports|added|conveyed|learned|learnt|confirmed|claimed|"
    r"explained|noted|alleged|conversation with|interview with|speaking (?:to|with)|spoke (?:to|with)|"
    r"published|announced|(?:report|study|survey|statement|document|white paper|data) (?:\w+ )?(?:released|issued|published))\b"
    # (not past "that": "said that in October, a man ... had been executed" dates the execution)
    r"(?:(?!\bthat\b)[^.;:\"“”]){0,32}$"
    # ... or after the source the verb names, however long: "said a Ryanggang Province-based source on July 27"
    r"|\b(?:told|said|says|reported|added|explained|noted)\s+(?:an?|the|one|another)\s+[^.;:\"“”]{0,60}?"
    r"\b(?:sources?|residents?|officials?|informants?|defectors?|insiders?)"
    r"(?:\s+(?:in|from)\s+(?-i:[A-Z][\w-]*)(?:\s+(?-i:[A-Z][\w-]*)){0,3})?\s+(?:on|in)\s+$", re.I)


def _reported_before(text: str, lower: int, at: int) -> bool:
    """A reporting verb stands before the date at `at` (looked for in a window long enough for a
    source named with its province: "added a source in North Hamgyong Province on July 27")."""
    return bool(REPORTING_DATE.search(text[max(lower, at - 80):at]))


# The date and then who told it ("On Dec. 20, RFA reported on the execution", "North Korea, which on
# Wednesday claimed ...", "On Jan. 23, a source in North Hamgyong Province reported that ..."): the
# day of the telling, when the event is told after the verb.
TOLD_AFTER = regex_store.compile(
    r",?\s+(?:(?:the|an?|another)\s+)?(?:[A-Z][\w’'.-]*\s+|\([A-Z]+\)\s+|(?:state|official|news|media|agency|outlet|source|sources|paper|newspaper)\s+"
    r"|(?<=source )(?:in|from)\s+(?=[A-Z])){0,8}"
    r"(?:reported|said|told|claimed|confirmed|revealed|disclosed)\b", 0)


def _told_on(text: str, d: DateMention, trigger: int) -> bool:
    m = TOLD_AFTER.match(text, d.end)
    return m is not None and m.end() <= trigger


# A news dateline ("SEOUL, Oct. 4 (Yonhap) --") dates the report, not the event.
# Also in brackets ("[SEOUL, 26 July 2006] -") or after an agency ("(Yonhap) SEOUL, Oct. 4").
DATELINE = regex_store.compile(r"(?:^|\n)\s*(?:\(\w+\)\s*)?[\[(]?[A-Z]{3,}[A-Z .]*(?:, [A-Z][\w. ]*)?,\s*$")

# Bodies whose orders hold for the whole country when the sentence names no place.
NATIONAL_ISSUERS = {"kim_jong_un", "central_committee", "cabinet", "quarantine_hq"}


# ---------- lexicon-derived patterns, built once ----------

@lru_cache(maxsize=None)
def _attribution_re() -> re.Pattern:
    pats = lexicon.load("modality")["attribution"]["patterns"]
    return regex_store.compile("|".join(f"(?:{p})" for p in pats))


@lru_cache(maxsize=None)
def _subject_res() -> re.Pattern:
    """The people nouns ("residents", "a man in his 50s", "16-year-olds"); the quantity before a
    noun is read by _quantity_before."""
    lex = lexicon.load("subjects")
    nouns = _words_re(set(lex["people"]) | set(lex["collective"]))
    # a people word followed by one of these is a modifier ("a youth league", "the women's union")
    not_after = r"(?!\s+(?:league|union|team|group|squad|organi[sz]ation|committee|brigade|corps|unit|office|center|department|hall|village|camp|market|association)\b)(?![’']s\s+(?:league|union|association))"
    return regex_store.compile(rf"(?<![\w-])(?P<noun>{nouns}|\d{{1,2}}-year-olds?)(?![\w-]){not_after}"
                      rf"(?P<age>\s+in\s+(?:his|her|their)\s+(?:early\s+|late\s+|mid-?\s*)?(?:\d0['’]?s|{_DECADES}))?", re.I)


# ages told in words: "a soldier in his early twenties"
_DECADES = r"teens|twenties|thirties|forties|fifties|sixties|seventies|eighties"


def _words_re(words) -> str:
    """An alternation of literal words (case-insensitive patterns), built as a trie ("man|men|
    manager" -> "m(?:an(?:ager)?|en)"): a backtracking engine then tries it in time proportional to
    the word, not to the number of words. Longer words are tried first, as in a longest-first list."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


# Words that end a subject phrase when read backwards from its noun.
PHRASE_STOP = {"said", "says", "told", "of", "in", "for", "to", "and", "or", "were", "was", "is", "are", "by",
               "with", "that", "who", "which", "from", "on", "at", "as", "had", "have", "has", "been", "be",
               "after", "before", "while", "when", "where", "than", "into", "against", "sentenced", "executed",
               "arrested", "tried", "caught", "given", "received", "sentences", "the", "a", "an"}


@lru_cache(maxsize=None)
def _term_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a single term, a range of terms "10 to 15 years", a bound word ending right before a term)."""
    terms = lexicon.load("penalties")["terms"]
    # ("half a year", "a half-year term": six months)
    num = r"(?:half[- ]an?|half|" + _quantity(terms["number_words"], digits=r"\d+(?:\.5|\s+1/2|\s*½)?") + ")"
    units = "|".join(sorted(terms["unit_months"], key=len, reverse=True))

    def term(k: str) -> str:
        # "15 years", "a six-month", "a year and a half", "two and a half years", "a decade"
        return (rf"(?<![\w.,])(?P<n{k}>{num})(?P<ha{k}>\s+and\s+a\s+half)?[- ](?P<u{k}>{units})(?!\w)[’']?"
                rf"(?P<hb{k}>\s+and\s+a\s+half\b)?")
    ctx = (r"(?:prison|jail|forced|hard|penal|corrective|correctional|disciplinary|unpaid|reform|re-?education|labou?r|"
           r"kyohwaso|gyohwaso|kwalliso|rodong|nodong|danryondae|dallyeondae|imprisonment|sentences?|terms?|detention|"
           r"confinement|training|camps?|behind)")
    bound = _words_re(terms["lower_bound"] + terms["upper_bound"])
    # "serving three years of a 10-year sentence": the time served is not the term; "for two years
    # after his release" is a time, "for six months after they were caught" a term
    served = r"(?!\s+of\s+(?:a|an|his|her|their|the)\s+(?:\S+\s+)?(?:sentence|term))"
    single = regex_store.compile(
        rf"(?:(?:sentenc(?:ed|ing) (?:[\w’'-]+ ){{0,3}}?(?:[\w’'-]+,[^,;.]{{1,60}},\s+)?to|given|giving|received|receiving|handed|handing down|got|serve|serving|spent|spend|faces?|facing|"
        rf"(?:sentences?|terms?) of|gave (?:\w+ ){{0,3}}?)\s*(?:(?:{bound})\s+)?(?:a\s+(?:total|combined)\s+of\s+)?(?:a\s+)?{term('0')}{served})"
        rf"|(?:{term('')}(?:[- ]long)?\s+(?:(?:in|of|at)\s+(?:a\s+|the\s+)?)?[\"“‘']?{ctx})"
        rf"|(?:\bfor\s+(?:a\s+(?:period|term)\s+of\s+)?(?:(?:{bound})\s+)?{term('1')}\b"
        rf"(?!\s+(?:ago|earlier|before|later|after(?!\s+(?:being|they|he|she|getting|having)\b))))", re.I)
    # "10 to 15 years", "six months to one year", "one year and six months"; not "aged 16 and 17 years"
    span = regex_store.compile(rf"(?<!aged )(?<!ages )(?<!ages of )(?<![\w.,])(?P<a>{num})(?:\s+(?P<ua>{units}))?(?:\s+(?P<join>to|-|–|or|and)\s+|(?P<dash>[-–]))"
                      rf"(?P<b>{num})[- ](?P<u>{units})(?!\w|[- ]old\b)", re.I)
    bounds = regex_store.compile(rf"(?:(?P<lower>{_words_re(terms['lower_bound'])})|(?P<upper>{_words_re(terms['upper_bound'])}))\s+(?:a\s+)?$", re.I)
    return single, span, bounds


def _months(amount: str, unit: str, half: bool = False) -> int | None:
    """A term in months: ("two", "years") 24, ("1.5", "years") 18, ("2 1/2", "years") 30, ("a", "year", half) 18,
    ("a", "decade") 120."""
    half_digits = re.fullmatch(r"(\d+)(?:\s+1/2|\s*½)", amount)  # "2 1/2 years"
    value = (0.5 if re.fullmatch(r"half(?:[- ]an?)?", amount, re.I) else
             float(amount) if re.fullmatch(r"\d+\.5", amount) else
             int(half_digits.group(1)) + 0.5 if half_digits else _number(amount))
    if not value:
        return None
    per = lexicon.load("penalties")["terms"]["unit_months"]
    months = per.get(unit.lower().rstrip("’'"))
    return round((value + (0.5 if half else 0)) * months) if months else None


def _quantity(words, digits: str = r"\d+") -> str:
    """A regex alternative matching a number in digits or one of the number words, longest first."""
    return rf"(?:{digits}|" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}


def _number(word: str) -> int | None:
    """The value of a quantity: "12", "3,000", "1.5 million", "twenty-five", "three thousand"; of a
    range ("20 to 30") its lower end."""
    word = re.sub(r"-(?:plus|odd|some)\b|\+", "", word.lower().replace(",", "")).strip()  # "100-plus", "20-odd"
    first = re.split(r"\s*(?:\bto\b|\bor\b|\band\b|–)\s*|(?<=\d)-(?=\d)", word)[0].strip()
    if first.isdigit():
        return int(first)
    subjects = lexicon.load("subjects")["number_words"]
    terms = lexicon.load("penalties")["terms"]["number_words"]
    total, current = 0, 0
    for token in re.split(r"[\s-]+", first):
        value = SCALES.get(token)
        if value is None:
            try:
                value = float(token) if token.replace(".", "", 1).isdigit() else None
            except ValueError:
                value = None
        if value is None:
            value = subjects.get(token) or terms.get(token)
        if value is None:
            return None
        if token in SCALES:
            current = max(current, 1) * value
            if value >= 1000:
                total, current = total + current, 0
        else:
            current += value
    result = int(total + current)
    return result or None


# ---------- one argument each ----------

# Every attribution names its source with one of these nouns; other sentences are not scanned.
SOURCE_NOUNS = ("source", "resident", "official", "informant", "defector", "escapee", "insider", "witness")


def attribution_spans(text: str, sentences: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Spans of the phrases that say who told the outlet ("a source in Ryanggang Province")."""
    spans = []
    for start, end in sentences or [(0, len(text))]:
        lowered = text[start:end].lower()
        if any(noun in lowered for noun in SOURCE_NOUNS):
            spans += [m.span() for m in _attribution_re().finditer(text, start, end)]
    return spans


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


ABROAD_AFTER = regex_store.compile(r"\s+(?:[\w-]+\s+){0,3}?(?:in|at|inside)\s+(?:the\s+)?", re.I)
ABROAD_BEFORE = regex_store.compile(r"(?:in|at|inside)\s+(?:the\s+)?", re.I)
# Crackdowns and measures of the state: where the report names no place for one (only where its
# source lives), it holds for the country ("a source in North Pyongan said a crackdown on phones
# has begun"). Orders, arrests and punishments keep the source's place.
CAMPAIGN_TYPES = {"crackdown", "policy"}
# A place named as where people come from ("students from Pyongyang", "a native of Hyesan",
# "Musan-born"), beside another named for the event itself.
ORIGIN_BEFORE = regex_store.compile(r"\b(?:(?:originally|who\s+(?:came|come|comes|are|is|was|were))\s+)?(?:from|natives?\s+of|hailing\s+from|born\s+in)\s+(?:the\s+(?:city|county|province|town)\s+of\s+)?$", re.I)
# "in the city", "the county": a place named earlier, at that level
LEVEL_REFERENCE = regex_store.compile(r"\b(?:the|this|that) (city|county|province|district|town)\b", re.I)
LEVELS_OF = {"city": {"city", "special_city"}, "county": {"county"}, "province": {"province", "special_city"},
             "district": {"district"}, "town": {"town", "county"}}


def choose_place(doc: Document, ev: Event, sent: tuple[int, int], excluded: list[tuple[int, int]]):
    """(place, basis). In order: a place the sentence names for the event; a place the sentence names
    only as where its source is; "the city"/"the county" resolved to the place of that level named
    last; the place named last before the sentence; the place of the latest source before it; the
    source's province; the country (the reports are about North Korea)."""
    gaz = Gazetteer.load()
    t0, t1 = ev.trigger
    # "North Korea" names only the country: any more specific place, even from context, is better
    mentions = sorted((m for m in doc.place_mentions + doc.landmark_mentions
                       if m.place.level != "country" and not _is_dateline(doc.text, m)), key=lambda m: m.start)
    in_sentence = [m for m in mentions if sent[0] <= m.start < sent[1]]
    named = [m for m in in_sentence if not _inside((m.start, m.end), excluded)]
    if _national_scope(doc.text, sent, excluded, named, per_place=ev.type in PER_PLACE_TYPES):
        return gaz.get("kp"), "nationwide"
    if named:
        # "a man from Sinuiju was arrested in Chongjin": where people come from is not where it happened
        where = [m for m in named if not ORIGIN_BEFORE.search(doc.text, max(sent[0], m.start - 40), m.start)]
        named = where or named
        return _most_specific(gaz, named) or _nearest(named, t0), "sentence"
    # abroad only where the sentence puts the event itself there: "arrested in China", "In China, ..."
    abroad = [m for m in doc.foreign_mentions if sent[0] <= m.start < sent[1] and (
        ABROAD_AFTER.fullmatch(doc.text[t1:m.start]) or ABROAD_BEFORE.fullmatch(doc.text[sent[0]:m.start]))]
    if abroad:
        return abroad[0].place, "sentence"
    if ev.type in CAMPAIGN_TYPES and not in_sentence and _state_agent().search(doc.text[sent[0]:t0]):
        return gaz.get("kp"), "nationwide"  # "North Korea sealed its borders": the state's, not a town's
    story = story_start(doc.text, sent[0])  # "Meanwhile, ...": the places of the story before are not its
    before = [m for m in mentions if story <= m.start < sent[0]]
    reference = LEVEL_REFERENCE.search(doc.text, sent[0], sent[1])
    if reference and before:
        wanted = LEVELS_OF[reference.group(1).lower()]
        for m in reversed(before):
            chain = [m.place] + list(reversed(gaz.ancestors(m.place.id)))
            hit = next((p for p in chain if p.level in wanted), None)
            if hit is not None:
                return hit, "context"
    named_before = [m for m in before if not _inside((m.start, m.end), excluded)]
    if in_sentence:
        source = _most_specific(gaz, in_sentence) or _nearest(in_sentence, t0)
        # "two smugglers were caught in Hyesan ... a source in Ryanggang said the two were arrested":
        # the place told before, inside the source's, is the more specific
        inside = [m.place for m in named_before if m.place.id.startswith(source.id + ".")]
        if inside:
            return inside[-1], "context"
        if ev.type in CAMPAIGN_TYPES and gaz.get("kp"):
            return gaz.get("kp"), "country"  # a campaign told by a source: see CAMPAIGN_TYPES
        return source, "sentence"
    if named_before:
        # the most specific place of the latest sentence that names one ("Kimchaek, North Hamgyong")
        latest = [m for m in named_before if _same_sentence(doc, m.start, named_before[-1].start)]
        place = _most_specific(gaz, latest)
        if place is not None:
            return place, "context"
    country = gaz.get("kp")
    if ev.type in CAMPAIGN_TYPES:
        # only the source's home is named: a campaign it tells of is the state's, not its town's
        return (country, "country") if country else (None, None)
    sources_before = [m for m in before if _inside((m.start, m.end), excluded)]
    if sources_before:
        return sources_before[-1].place, "source"
    if doc.source_place is not None:
        return doc.source_place, "source"
    return (country, "country") if country else (None, None)


# Prices and hardship are recorded per place: a place named beside "across the country" is one of them.
PER_PLACE_TYPES = {"market", "hardship"}


@lru_cache(maxsize=None)
def _state_agent() -> re.Pattern:
    """The clause before a trigger names the state itself as the one acting (place_words.toml)."""
    return regex_store.compile(place_words()["state_agent"]["pattern"], re.I)


@lru_cache(maxsize=None)
def _national_res() -> tuple[re.Pattern, re.Pattern]:
    words = place_words()["national_scope"]
    return regex_store.compile(words["pattern"], re.I), regex_store.compile(words["example_before"])


def _national_scope(text: str, sent: tuple[int, int], excluded, named, per_place: bool) -> bool:
    """The sentence puts the event all over the country ("held sessions nationwide", "in many
    areas, including Pyongyang") and names no place of its own for it: places named only as
    examples after the national words, or as where the source is, do not count."""
    national, example = _national_res()
    hit = next((m for m in national.finditer(text, sent[0], sent[1])
                if not _inside((m.start(), m.end()), excluded)), None)
    if hit is None:
        return False
    if per_place:
        return not named
    return all(m.start >= hit.end() and example.search(text, hit.end(), m.start) for m in named)


# A dateline's place ("PYONGYANG:", "HYESAN, March 3 (RFA) --") is where the report was filed.
DATELINE_AFTER = regex_store.compile(r"\s*(?::|,\s*\w|\s*\(\w|\s+[-–—])")
LINE_START = regex_store.compile(r"(?:^|\n)[\s(\[]*$")
# In mixed case a dateline is known by its whole shape: "Pyongyang, Oct. 20 (KCNA) --", "Seoul, March 5 --"
MIXED_CASE_DATELINE_AFTER = regex_store.compile(r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?\s*(?:\([^)\n]{2,25}\)\s*)?(?:--|[-–—:])"
                                       r"|\s*\([^)\n]{2,25}\)\s*(?:--|[–—])")


def _is_dateline(text: str, m) -> bool:
    name = text[m.start:m.end]
    if LINE_START.search(text, max(0, m.start - 5), m.start) is None:
        return False
    if name.isupper() and len(name) > 2:
        return DATELINE_AFTER.match(text, m.end) is not None
    return MIXED_CASE_DATELINE_AFTER.match(text, m.end) is not None


def _same_sentence(doc: Document, a: int, b: int) -> bool:
    return any(s <= a < e and s <= b < e for s, e in doc.sentences)


def _nearest(mentions, offset: int) -> Place:
    return min(mentions, key=lambda m: abs(m.start - offset)).place


def _most_specific(gaz, mentions) -> Place | None:
    """The most specific place among the sentence's mentions; where they name separate places
    ("in Sinuiju and Uiju"), the smallest place that contains them all; None when only the
    country does ("in Pyongyang and Hyesan")."""
    ids = {m.place.id for m in mentions}
    leaves = [i for i in ids if not any(o != i and o.startswith(i + ".") for o in ids)]
    if len(leaves) == 1:
        return next(m.place for m in mentions if m.place.id == leaves[0])
    common = leaves[0].split(".")
    for other in leaves[1:]:
        parts = other.split(".")
        n = 0
        while n < min(len(common), len(parts)) and common[n] == parts[n]:
            n += 1
        common = common[:n]
    common_id = ".".join(common)
    if common_id and common_id != "kp" and gaz.get(common_id):
        return gaz.get(common_id)
    return None


# Measures and orders a report tells as in force "as of" an announcement; a present perfect
# ("has quarantined") right before the trigger says so.
ANNOUNCED_TYPES = {"policy", "directive"}
PERFECT = regex_store.compile(r"\b(?:has|have)\s+(?:\w+\s+)?(?:been\s+)?\w+", re.I)

# how far into a sentence a date still opens it ("In late 2014, ...", "On March 1, ...")
OPENING = 20


# A relative clause in the perfect ("who had been arrested", "that have been detained") and the main
# verb that ends it.
RELATIVE_BEFORE = regex_store.compile(r"\b(?:who|that|which)\s+(?:had|have|has)\s+(?:\w+\s+)?(?:been\s+)?(?:\w+ly\s+)?$", re.I)
MAIN_VERB = regex_store.compile(r"\s(?:were|was|are|is|have been|has been|had been|got|get)\s", re.I)

# "after" (or "following") and a noun phrase naming another kind of event, before the date ("after
# extensive flooding in late July", "following a party plenum on June 3"); "after a trial on ...",
# "after being caught on ..." tell the same day and keep it.
AFTER_CLAUSE = regex_store.compile(r"\b(?:after|following|in the wake of)\s+(?!(?:being|they|he|she|it)\b)(?:[\w’'-]+\s+){0,4}?"
                          r"(?:floods?|flooding|rains?|downpours?|typhoons?|storms?|disasters?|fires?|famine|outbreaks?|meetings?|plenums?|plenary|congress|visits?|summit|speech"
                          # "closed markets following the first official announcement of an outbreak on May 12"
                          r"|announcements?|declarations?|admission|confirmation)\b"
                          # "... right before the emergency measures took effect around 20 November"
                          r"|\b(?:before|after|until|when|once)\b[^.;]{0,60}?\b(?:took|take|takes|came|come|comes|went|go|goes|entered) (?:into )?(?:effect|force)\b", re.I)

# Between a date and a later trigger: a comma or a main verb sets the date apart from the trigger.
SET_APART = regex_store.compile(r",|\b(?:was|were|is|are|has been|have been|had been)\b", re.I)

# Occurrences reported as done (any asserted event, too, cannot be dated after the report's day).
DONE_TYPES = {"arrest", "trial", "sentence", "execution", "crackdown", "prohibited_activity"}


# "shot for selling cows from 2017 to February", "jailed for smuggling copper since 2019": a span
# of time inside the charge clause after the trigger is how long the offence went on
SPAN_END_AFTER = regex_store.compile(r"\s+(?:to|until|till|through)\s", re.I)  # "from 2017 to February"
CHARGE_CLAUSE = regex_store.compile(r"\bfor\s+(?:(?:allegedly|illegally|repeatedly|secretly)\s+)?\w+ing\b[^,;.]*$", re.I)

# "a week after the trial", "two days before his execution": a date counted from the trigger's own
# event is another event's time, never that one's
COUNTED_FROM = regex_store.compile(r"(?:after|before|following|prior to)\s*$", re.I)
NOUN_PHRASE_OPENING = regex_store.compile(r"\s+(?:(?:the|a|an|his|her|their|its|this|that)\s+)?(?:(?!(?:he|she|they|it|we|was|were)\s)[\w-]+\s+)?", re.I)

POSSESSIVE_AFTER = regex_store.compile(r"['’]s?(?!\w)")
OWN_NOUN_BETWEEN = regex_store.compile(r"['’]s?(?:\s+[\w-]+){0,2}\s+")
# "this year's third execution in the city ... on December 19": a year's tally ranks the event; the
# year is its date only when the sentence gives no other
TALLY_BETWEEN = regex_store.compile(r"['’]s?\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|latest|last)\s+", re.I)


def choose_date(doc: Document, ev: Event, sent: tuple[int, int]) -> DateMention | None:
    """The time expression of the sentence nearest the trigger, leaving out reporting dates."""
    candidates, announced = [], []
    for d in doc.date_mentions:
        if not (sent[0] <= d.start < sent[1]):
            continue
        before = doc.text[max(sent[0], d.start - 45):d.start]
        if DATELINE.search(before):
            continue
        if COMPARED_BEFORE.search(before) and not (d.end <= ev.trigger[0] and WHEN_AFTER.match(doc.text, d.end)):
            continue  # "the harshest crackdown since 2016", "as they did in 2019": another time compared
        if COMPARISON_BEFORE.search(before) or CHANGE_FROM_BEFORE.search(before):
            continue
        told = _reported_before(doc.text, sent[0], d.start) or _told_on(doc.text, d, ev.trigger[0])
        (announced if told else candidates).append(d)
    if not candidates and ev.type in ANNOUNCED_TYPES and PERFECT.search(doc.text, ev.trigger[0] - 12, ev.trigger[1]):
        # "KCNA said on Monday that the regime has quarantined 380 foreigners": a measure in force
        # as of the day it was announced
        candidates = announced
    if ev.type in ("policy", "directive"):
        # "requiring residents to stay home until Sunday": the far end of a measure is not when it
        # was put in force
        candidates = [d for d in candidates if d.relation not in ("until", "before")]
    if doc.published and ev.modality == "asserted" and ev.type == "policy" and any(
            d.date_start > doc.published and not d.date_start.startswith("--")
            and START_BEFORE.search(doc.text, max(sent[0], d.start - 30), d.start) for d in candidates):
        # a measure whose start is still to come is planned: "a ban on travel as of May 1" a week before
        ev.modality = "planned"
    if doc.published and ev.modality == "asserted":
        # what has happened happened by the report's day: "arrested last week ... will face a trial
        # next month" dates the arrest by last week, not by the trial to come; "has closed its
        # universities ahead of the celebrations next year", a measure told as taken, not next year
        candidates = [d for d in candidates if d.date_start.startswith("--") or d.date_start <= doc.published]
    relative = RELATIVE_BEFORE.search(doc.text, max(sent[0], ev.trigger[0] - 30), ev.trigger[0])
    if relative:
        # "two women who had been arrested for trafficking were executed on Jan. 15": the clause
        # ends at the main verb, and a date after it is the main verb's
        main = MAIN_VERB.search(doc.text, ev.trigger[1], sent[1])
        if main:
            candidates = [d for d in candidates if d.start < main.start()]
    if ev.type in DONE_TYPES or ev.type in ISSUING_TYPES:
        # "executed officials after extensive flooding in late July killed thousands": a date in a
        # clause that opens with "after" after the trigger is that clause's event's
        candidates = [d for d in candidates
                      if d.start < ev.trigger[1] or not AFTER_CLAUSE.search(doc.text, ev.trigger[1], d.start)]
    if any(d.start >= ev.trigger[1] and not _CLAUSE_END.search(doc.text, ev.trigger[1], d.start) for d in candidates):
        # "The woman, who was sentenced to death in 2022, was executed on Jan. 20", "Two officials
        # sentenced last year were shot on March 3": with a date in the trigger's own clause after it,
        # one set apart before it (by a comma or the main verb) is the subject's story, not the event's
        candidates = [d for d in candidates if d.start >= ev.trigger[0] or d.start - sent[0] <= OPENING
                      or not SET_APART.search(doc.text, d.end, ev.trigger[0])]
    if ev.type in DONE_TYPES:
        candidates = [d for d in candidates if not (
            d.start >= ev.trigger[1] and (d.precision == "range" or SPAN_END_AFTER.match(doc.text, d.end))
            and CHARGE_CLAUSE.search(doc.text[ev.trigger[1]:d.start]))]
    candidates = [d for d in candidates if not (d.end <= ev.trigger[0] and COUNTED_FROM.search(d.text)
                                                and NOUN_PHRASE_OPENING.fullmatch(doc.text, d.end, ev.trigger[0]))]
    # "to meet this year's economic targets": a date in the possessive dates the noun it goes with,
    # the event only when that noun is its trigger ("last month's public trial")
    candidates = [d for d in candidates if not POSSESSIVE_AFTER.match(doc.text, d.end)
                  or OWN_NOUN_BETWEEN.fullmatch(doc.text, d.end, ev.trigger[0])]
    ranked = [d for d in candidates if TALLY_BETWEEN.fullmatch(doc.text, d.end, ev.trigger[0])]
    candidates = [d for d in candidates if d not in ranked] or ranked
    if not candidates:
        return None
    t = ev.trigger[0]

    def distance(d: DateMention) -> int:
        # a date follows its verb ("chaired a meeting on Tuesday") or opens the sentence ("On Feb.
        # 26, ..."); one before the trigger in mid-sentence mostly belongs to another clause
        if d.start >= t:
            return d.start - t
        if d.start - sent[0] <= OPENING:
            return t - d.end + 5
        return 2 * (t - d.end) + 5
    return min(candidates, key=distance)


def _announced(doc: Document, d: DateMention, sent: tuple[int, int]) -> bool:
    """The date is the day a measure was announced ("has quarantined 380 foreigners, KCNA said on
    Monday"): the measure was in force by then, since some earlier day."""
    return _reported_before(doc.text, sent[0], d.start)


# A time the event is compared with, not its own ("the harshest crackdown since 2016", "executed two
# smugglers, as they did in 2019", "more than in 2020", "like last year"); the clause told of that
# time keeps it ("since 2016, when hundreds were detained").
COMPARED_BEFORE = regex_store.compile(
    r"(?:\bas (?:they|it|he|she|authorities|officials|police|the authorities|the regime) (?:did|had|have|has)|\bas was the case|"
    r"\bjust as|\blike|\bthan|\bcompared (?:with|to)|\bsimilar to (?:those|that|the one)|"
    r"\b(?:\w+est|first|most \w+|largest|worst)(?: [\w-]+){0,4} since)\s+(?:(?:back )?(?:in|on|during|at) )?(?:the )?$", re.I)
WHEN_AFTER = regex_store.compile(r",?\s+when\b", re.I)
# The same class in other wordings (the two were written apart; only COMPARED_BEFORE keeps the
# "since 2016, when ..." clause its date): a date in a comparison with an earlier time ("as in 2017",
# "similar to the 2020 lockdown", "just as they did in January 2020", "like the crackdown of 2016")
# is history, not the event's date.
COMPARISON_BEFORE = regex_store.compile(
    r"(?<!\bsuch )(?<!\bsoon )(?<!\brecently )(?<!\bearly )(?<!\blate )(?<!\bfar )(?<!\blong )(?<!\bwell )"
    r"\b(?:(?:just |much |exactly )?as(?: (?:it|they|he|she|authorities|officials|the authorities|the regime|the state)"
    r"(?: (?:had|has|have))? (?:did|done|was|were|had)| (?:was|had been) the case| happened)?\s+(?:in|during|back in|at)|"
    r"(?:just |much )?like|unlike|similar to|compared (?:to|with)|than|(?:the )?same as|reminiscent of|echoing|recalling)"
    r"\s+(?:(?:in|of|during|back in|at|on|with|the|a|an|its|their)\s+)*(?:[\w’'-]+\s+){0,3}?(?:(?:in|of|during)\s+)?(?:the\s+)?$", re.I)

# The earlier day a figure is measured against ("a 17% increase from Nov. 24", "up 300 won from
# June 3", "down sharply compared with March"): the time of the figure is another.
CHANGE_FROM_BEFORE = regex_store.compile(
    r"\b(?:increase|increases|rise|rises|jump|surge|gain|drop|decrease|decline|fall|up|down|higher|lower|climbed|rose|fell|dropped)"
    r"(?:\s+(?:sharply|slightly|steeply))?(?:\s+[\d,.]+\s*(?:won|yuan|dollars?|%|percent))?\s+(?:from|compared (?:to|with))\s+(?:the\s+)?$", re.I)

# The words that name a date as when a measure starts ("as of May 1", "starting April 1").
START_BEFORE = regex_store.compile(r"\b(?:as of|from|starting|beginning|effective|commencing"
                                   r"|(?:goes|go|takes|take|comes|come|enters|enter) (?:into )?(?:effect|force))(?: from| on)?\s+(?:the\s+)?$", re.I)


def _usable(doc: Document, d: DateMention, lower: int) -> bool:
    """A date that can stand for when things happened: not the date something was reported, not a
    dateline, not a time compared with ("since 2016"), not the far end of a "before"/"until" clause."""
    before = doc.text[max(lower, d.start - 45):d.start]
    return not (_reported_before(doc.text, lower, d.start) or DATELINE.search(before) or COMPARED_BEFORE.search(before)
                or CHANGE_FROM_BEFORE.search(before) or d.relation in ("before", "until"))


def context_date(doc: Document, sent: tuple[int, int]) -> DateMention | None:
    """The time the story is set in at a sentence that names none: the latest usable date named
    before it in the same paragraph, else in the report ("In late 2014, police raided ... Lim was
    detained" is 2014)."""
    story = story_start(doc.text, sent[0])
    earlier = [d for d in doc.date_mentions if story <= d.start and d.end <= sent[0] and _usable(doc, d, 0)]
    if not earlier:
        # "... were shot. The day of the incident was February 4", "the video, filmed in 2002, shows":
        # the day named for the story's event later on
        named = next((d for d in doc.date_mentions if d.start >= sent[1] and not story_turns(doc.text, sent[1], d.start)
                      and INCIDENT_DAY_BEFORE.search(doc.text, max(0, d.start - 60), d.start)), None)
        if named:
            return named
        # a title that dates the story ("The Famine of 2008 Has Begun")
        return doc.title_dates[0] if doc.title_dates and not story else None
    # a date in a clause of backstory ("Kim said he took the measure after the runaway returned on
    # July 19") dates that clause's event, not the time the story is set in; it stands for the
    # story only when no other date does
    earlier = [d for d in earlier if not BACKSTORY_BEFORE.search(doc.text, max(story, d.start - 80), d.start)] or earlier
    paragraph = next(((a, b) for a, b in doc.paragraphs if a <= sent[0] < b), None)
    same = [d for d in earlier if paragraph and paragraph[0] <= d.start]
    return (same or earlier)[-1]


INCIDENT_DAY_BEFORE = regex_store.compile(
    r"\b(?:the\s+)?(?:day|date)\s+of\s+the\s+(?:incident|execution|executions|arrest|arrests|trial|shooting|killing|raid|crackdown)"
    r"\s+(?:was|is|fell on)\s+(?:on\s+)?$"
    # leaked footage of the event: "the video, which appears to have been filmed in 2002, shows ..."
    r"|\b(?:video|footage|film|recording|photos?)\b[^.;]{0,40}?\b(?:filmed|shot|recorded|taken)\s+(?:in|on|around)\s+$", re.I)

# "after the runaway returned to the border city on": the date ends a subordinate clause of its own
BACKSTORY_BEFORE = regex_store.compile(r"\b(?:after|before|since|when|as soon as|once)\s+(?:the |a |an |his |her |their |its |he |she |they |it )?[^,;:.()\n]{0,60}?\b(?:returned|arrived|crossed|fled|escaped|defected|was \w+ed|were \w+ed|had \w+ed|\w+ed)\s+[^,;:.()\n]{0,30}?\b(?:on|in|at)\s+$", re.I)


def find_subjects(text: str, sent: tuple[int, int], excluded) -> list[tuple[int, int, int | None, bool]]:
    """(start, end, count, one) of each phrase naming people in the sentence; `one` marks a phrase
    that names one person even without a number ("staff member" in "a photographer and staff
    member"), so that a list of such phrases can be counted. Phrases whose people word lies in an
    excluded span (the source: "a resident told") are left out."""
    found = []
    span_text = text[sent[0]:sent[1]]
    names = None
    for start, end, count, one, a, b in _span_subjects(span_text):
        if _inside((sent[0] + a, sent[0] + b), excluded):
            continue
        if count is not None:
            names = names if names is not None else [(x, y) for _, _, x, y in _span_actors(span_text, False)]
            if any(x < start < y for x, y in names):
                continue  # the number of a body's name: "Group 109 agents" are no 109 people
        found.append((sent[0] + start, sent[0] + end, count, one))
    return found


@lru_cache(maxsize=512)
def _span_subjects(text: str) -> tuple[tuple[int, int, int | None, bool, int, int], ...]:
    """find_subjects over one piece of text: (start, end, count, one, and the span that must not be
    excluded), cached because several events and clauses share a sentence."""
    noun_re = _subject_res()
    lex = lexicon.load("subjects")
    collective, singular, fixed = set(lex["collective"]), set(lex["singular"]), lex["fixed_count"]
    adjective_like, followers = set(lex["adjective_like"]), set(lex["adjective_like_followers"])
    found = []
    for m in noun_re.finditer(text):
        noun = m.group("noun").lower()
        after = _NEXT_WORD.match(text, m.end())
        if noun in adjective_like and after and after.group(1)[0].isalpha() and after.group(1).lower() not in followers:
            continue  # "a major crackdown", "the local branch": not a person
        if noun in lex["vague_before_of"] and after and after.group(1).lower() == "of":
            continue  # "a couple of days"
        one = noun in singular or bool(re.fullmatch(r"\d+-year-old", noun))
        b = _quantity_before(text, max(0, m.start() - 80), m.start())
        mods = b["mods"] if b else []
        kept = []  # the modifiers next to the noun, up to a stop word
        for w in reversed(mods):
            if w.lower() in PHRASE_STOP:
                break
            kept.insert(0, w)
        start, count = m.start() - sum(len(w) + 1 for w in kept), None
        if b and len(kept) == len(mods) and (b["qty"] or b["det"] or b["group"]):
            start = b["start"]
            det, qty = b["det"].lower(), b["qty"].lower()
            if b["vague"] or noun in collective:
                pass
            elif noun in fixed and qty in ("", "a", "an"):
                count = fixed[noun]  # "a pair of smugglers", "her parents"
            elif qty:
                count = _number(qty)
            elif det == "the" and one:
                count = 1  # "the man", "the young soldier" ("her relative" is mostly someone else)
            elif det in ("his", "her", "their") and one and _SUBJECT_VERB_AFTER.match(text, m.end()):
                count = 1  # ... unless the clause is told of him or her: "his wife got three years"
        if count is None and m.group("age") and one:
            count = 1  # "a man in his 50s"
        if count is None and one and text[m.end():m.end() + 1] == " ":
            name = _name_after_re().match(text, m.end())
            if name and not any(text.startswith(n, name.start(1)) for n in _not_names()):
                count = 1  # "American student Otto Warmbier", "missionary Kim Jung Wook": the noun is his title
        if count is None and one and _NAME_SET_OFF.match(text, m.end()) and _NAME_SET_OFF.match(text, m.end()).group(1).split()[0] not in _not_names():
            count = 1  # "US citizen, Kim Dong-chul, was sentenced": the name set off by commas is who the noun is
        if _AGENT_AFTER.match(text, m.end()):
            continue  # "the judge sentenced two others", "agents arrested a man": who acts, not who is punished
        found.append((start, m.end(), count, one, m.start(), m.end()))
    # "an officer of the border guard", "two members of the security unit": the body after "of the" is
    # what the people before belong to, not more people
    found = [p for i, p in enumerate(found) if not (
        i and p[2] in (None, 1) and _OF_THE_BODY.fullmatch(text, found[i - 1][1], p[0] + 4) and text[p[0]:p[0] + 4].lower() == "the ")]
    # "the nine were tried", "two of the 11": a number standing for people named before
    for m in _bare_number_re().finditer(text):
        if m.group("ofthe"):  # "three of the smugglers": the smugglers are the whole, not the group
            whole = [p for p in found if p[0] == m.end()]
            if not whole:
                continue  # "one of the reasons"
            found = [p for p in found if p not in whole]
            found.append((m.start(), whole[0][1], _number(m.group("ofthe")), False, m.start(), whole[0][1]))
            continue
        if m.group("family"):  # "a family of four": four people, unless a noun counts them ("of four people")
            if any(m.start() < p[1] and p[0] < m.end() and p[2] is not None for p in found):
                continue
            found = [p for p in found if not m.start() <= p[0] < m.end()]  # ("a family" counts no one)
            found.append((m.start(), m.end(), _number(m.group("family")), False, m.start(), m.end()))
            continue
        if m.group("of"):  # "three of the 12 detainees": the 12 are the whole, not the group
            found = [p for p in found if not m.start() <= p[0] < m.end()]
        found.append((m.start(), m.end(), _number(m.group("qty") or m.group("rest") or m.group("of")), False,
                      m.start(), m.end()))
    lowered = text.lower()
    for m in _punished_number_re().finditer(text):
        if _punished_count(text, m) and not any(p[0] <= m.start() < p[1] for p in found):
            found.append((m.start(), m.end("n"), _number(m.group("n")), False, m.start(), m.end("n")))
    # "seven people, including three women": the three are part of the seven, not the group
    # "shot in front of 500 residents", "as 1,000 people watched": who looks on is not who is punished
    if any(word in lowered for word in ("includ", "among", "such as", "front of", "watch", "witness", "presence of", "looked on",
                                         "attended by", "crowd of", "audience of")):
        found = [(p[0], p[1], None, p[3], p[4], p[5])
                 if _PART_BEFORE.search(text, max(0, p[0] - 14), p[0]) or _WITNESS_BEFORE.search(text, max(0, p[0] - 24), p[0])
                 or _WITNESS_AFTER.match(text, p[1]) else p for p in found]
    # "he and his wife", "Choe and his two sons": the one named first is a member of the list
    if " and his " in lowered or " and her " in lowered:
        for m in _one_person_res()[4].finditer(text):
            if (m.group("pron") or not any(text.startswith(n, m.start()) for n in _not_names())) and not any(
                    p[0] <= m.start() < p[1] for p in found):
                found.append((m.start(), m.end(), 1, True, m.start(), m.end()))
    # "Kim Kuk Gi and Choe Chun Gil were tried": people named together are counted (a name alone
    # counts only where the trigger is about it, see _one_person_at)
    names = [m for m in _one_person_res()[3].finditer(text)
             if not any(text.startswith(n, m.start()) for n in _not_names() if " " in n)
             and not any(p[0] <= m.start() < p[1] for p in found)]
    for i, m in enumerate(names):
        joined = ((i and _LIST_JOINER.fullmatch(text, names[i - 1].end(), m.start()))
                  or (i + 1 < len(names) and _LIST_JOINER.fullmatch(text, m.end(), names[i + 1].start())))
        if joined:
            found.append((m.start(), m.end(), 1, True, m.start(), m.end()))
    # "Kim Seung-mo, 61,": a person named with an age
    if _AGE_AFTER_COMMA.search(text):
        for m in _one_person_res()[2].finditer(text):
            if m.group("name").split()[0] not in _not_names():
                found.append((m.start(), m.end(), 1, True, m.start(), m.end()))
    return tuple(found)


# what every name given with an age contains (", 61", ", aged 45"): searched for first, it rules
# out most sentences in a fast scan for the comma
_AGE_AFTER_COMMA = regex_store.compile(r",\s+(?:aged\s+)?\d")
_OF_THE_BODY = regex_store.compile(r"\s+of\s+the\s", re.I)
# A personal name set off by commas right after a people noun: "a student, Otto Warmbier,"
_NAME_SET_OFF = regex_store.compile(r",\s(?![^,]*\b(?:Province|County|City|District|Village|Town|Prefecture)\b)"
                                    r"([A-Z][a-z]+(?:[\s-][A-Za-z][a-z]+){1,3}),")
_NEXT_WORD = regex_store.compile(r"[\s,]*([\w’'-]+)")
_WHOLE_BEFORE = regex_store.compile(r"(?:^|[,;]\s*)[Oo]f\s+$")
_SUBJECT_VERB_AFTER = regex_store.compile(r"\s+(?:was|got|received|faced|has been|had been)\b", re.I)
_PART_BEFORE = regex_store.compile(r"\b(?:including|among them|among whom|such as)\s+$", re.I)
_WITNESS_BEFORE = regex_store.compile(r"\b(?:in front of|watched by|witnessed by|in the presence of|attended by|"
                             r"(?:in front of|before) (?:a|an|the) (?:crowd|audience) of)\s+$", re.I)
# (not "a teenager who watched South Korean dramas": watching is also the charge)
_WITNESS_AFTER = regex_store.compile(r"\s+(?:looked on|watched\s*(?:[.,;]|$)|(?:watched|were (?:forced|made) to watch|gathered to watch)"
                            r"\s+(?:the\s+|a\s+|their\s+)?(?:public\s+)?(?:executions?|trials?|shootings?|hangings?))", re.I)
# A people phrase followed by an active verb of punishment and its object is the agent of the event.
_AGENT_AFTER = regex_store.compile(
    r"\s+(?:[a-z]+ly\s+|also\s+|then\s+|later\s+|have\s+|has\s+|had\s+)*(?:sentenced|arrested|detained|executed|gave|give|handed|fined|tried|"
    r"convicted|shot|caught|raided|searched|sent|took|dragged|beat|apprehended|jailed|imprisoned|punished|rounded\s+up|"
    r"interrogated|questioned|seized|confiscated|banished|expelled|dismissed)\s+(?:down\s+)?(?:the|a|an|two|three|four|"
    r"five|six|seven|eight|nine|ten|\d+|them|him|her|his|their|those|these|all|several|dozens|hundreds|more|over|about|"
    r"at\s+least|some|people|residents|locals)\b", re.I)
_TOKEN = regex_store.compile(r"(?:[A-Za-z]\.){2,}|[\w’'-]+(?:[.,]\d+)*")
_MOD_WORD = regex_store.compile(r"(?:[A-Za-z]\.){2,}|(?:[A-Za-z]|\d{1,2}-)[\w’'-]*")
_NUMBER_TOKEN = regex_store.compile(r"\d[\d,]*(?:\.\d+)?(?:-plus|-odd|-some|\+)?")
_DETERMINERS = {"the", "these", "those", "his", "her", "their", "its"}
_RANGE_WORDS = {"to", "or", "and", "-", "–"}


def _quantity_before(text: str, lo: int, hi: int) -> dict | None:
    """The quantity phrase that ends right before a people noun at `hi`, read right to left over
    the words of text[lo:hi]: up to `modifiers_max` modifiers ("young female"), then a number or
    range ("two", "3,000", "twenty-five", "20 to 30", "a"), a determiner ("the", "Hyon's"), a group
    phrase ("a group of"), a vague amount ("dozens of": no count) and a floor ("over", "about").
    {"start", "floor", "vague", "group", "det", "qty", "mods"} or None when nothing precedes."""
    lex = lexicon.load("subjects")
    if hi <= lo or not text[hi - 1].isspace():
        return None
    tokens = [(t.start(), t.group()) for t in _TOKEN.finditer(text, lo, hi)]
    if tokens and tokens[0][0] == lo and lo > 0 and (text[lo - 1].isalnum() or text[lo - 1] in "-’'"):
        tokens = tokens[1:]  # the window cut a word: not a whole word
    # only whitespace may stand between the words of the phrase: "in 2011, five men" is five
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k][0] < lo or k < len(tokens) - 1 and text[tokens[k][0] + len(tokens[k][1]):tokens[k + 1][0]].strip():
            tokens = tokens[k + 1:]
            break
    words = [w for _, w in tokens]
    lowered = [w.lower() for w in words]
    numbers, phrases = _count_words()
    i = len(tokens)
    out = {"start": hi, "floor": "", "vague": "", "group": "", "det": "", "qty": "", "mods": []}

    def phrase_ending(at: int, table: str) -> int:
        """How many words of a `table` phrase end at word `at - 1` (0 when none)."""
        if not at or lowered[at - 1] not in phrases["last"]:
            return 0
        for n in range(min(5, at), 0, -1):
            if " ".join(lowered[at - n:at]) in phrases[table]:
                return n
        return 0

    def is_number(k: int) -> bool:
        if lowered[k] == "dozen":  # "two dozen" is 24, "a dozen" 12 ("dozens of" is a vague amount)
            return k > 0 and (is_number(k - 1) or lowered[k - 1] in ("a", "an"))
        return bool(lowered[k] in numbers or _NUMBER_TOKEN.fullmatch(words[k])
                    or ("-" in lowered[k] and all(p in numbers for p in lowered[k].split("-"))))

    def number_ending(at: int) -> int:
        """How many words of a number (or range of numbers) end at word `at - 1`."""
        n = 0
        while at - n > 0 and is_number(at - n - 1):
            k = at - n - 1
            if n and (_NUMBER_TOKEN.fullmatch(words[k + 1]) or (
                    _NUMBER_TOKEN.fullmatch(words[k]) and lowered[k + 1] not in SCALES)):
                break  # "In 2019 two men": a year, then the count ("3 thousand" stays one number)
            n += 1
        if n and lowered[at - n] == "dozen" and lowered[at - n - 1] in ("a", "an"):
            n += 1  # "a dozen"
        if n and at - n >= 2 and lowered[at - n - 1] in _RANGE_WORDS:
            k = number_ending(at - n - 1)
            if k:
                n += 1 + k
        return n

    while i > 0 and len(out["mods"]) < lex["modifiers_max"]:
        w = lowered[i - 1]
        if w == "so" and i >= 3 and lowered[i - 2] == "or" and is_number(i - 3):
            i -= 2  # "ten or so students": about ten
            break
        if (not _MOD_WORD.fullmatch(words[i - 1]) or is_number(i - 1) or w in ("a", "an") or w in _DETERMINERS
                or w[-2:] in ("'s", "’s") or any(phrase_ending(i, t) for t in ("vague", "floor", "group"))):
            break
        out["mods"].insert(0, words[i - 1])
        i -= 1
    n = number_ending(i)
    if n:
        out["qty"] = " ".join(words[i - n:i])
        i -= n
    elif i and lowered[i - 1] in ("a", "an"):
        out["qty"] = words[i - 1]
        i -= 1
    if i and (lowered[i - 1] in _DETERMINERS or lowered[i - 1][-2:] in ("'s", "’s")) and out["qty"].lower() not in ("a", "an"):
        out["det"] = words[i - 1]
        i -= 1
    for table in ("group", "vague", "floor"):
        n = phrase_ending(i, table)
        if table == "vague" and n and out["qty"] and " ".join(lowered[i - n:i]) in phrases["floor"]:
            continue  # "some 380": a floor before a number; "a few thousand" stays vague
        if n:
            out[table] = " ".join(words[i - n:i])
            i -= n
    if i == len(tokens):
        return None
    out["start"] = tokens[i][0] if i < len(tokens) else hi
    return out


@lru_cache(maxsize=None)
def _count_words() -> tuple[frozenset, dict[str, frozenset]]:
    """(number words, {"floor" | "vague" | "group": its phrases, lower-case})."""
    lex = lexicon.load("subjects")
    numbers = frozenset(w for w in lex["number_words"] if w not in ("a", "an"))
    phrases = {"floor": frozenset(w.lower() for w in lex["floor_words"]),
               "vague": frozenset(w.lower() for w in lex["vague_words"]),
               "group": frozenset(w.lower() for w in lex["group_of"])}
    phrases["last"] = frozenset(p.split()[-1] for table in list(phrases.values()) for p in table)
    return numbers, phrases



@lru_cache(maxsize=None)
def _name_after_re() -> re.Pattern:
    """A personal name right after a people noun: a surname and its given name, or two or three
    capitalised words ("student Otto Warmbier", "pastor Kim Kuk Gi")."""
    surnames = _words_re(lexicon.load("subjects")["surnames"])
    return regex_store.compile(rf"\s((?:{surnames})(?:[\s-][A-Z][a-z]+){{1,2}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{1,2}})(?![\w-])")


@lru_cache(maxsize=None)
def _not_names() -> frozenset:
    return frozenset(lexicon.load("subjects")["not_names"])


@lru_cache(maxsize=None)
def _bare_number_re() -> re.Pattern:
    lex = lexicon.load("subjects")
    # the number words as a trie: this pattern is tried at every character of every event sentence
    numbers = [w for w in lex['number_words'] if w not in ('a', 'an', 'both')]
    qty = rf"(?:\d+(?:,\d{{3}})*|{_words_re(numbers)})"
    verbs = r"were|was|had|have|are|received|got|faced|stood|remain\w*|who|whom|of them"
    # "the nine were", "a family of five were": a number with no noun after it ("over 30 were" is left
    # alone: without its noun the number may count houses or hectares)
    openers = ["the", "these", "those", "all", "the remaining", "the other", "another", "the last", "the first"]
    opener = "|".join(openers) + "|" + _words_re(lex["group_of"])
    # every match begins with a digit, a number or an opener's first word: tried first as a trie,
    # they fail at most places on the first letter, before the alternatives are tried
    first_words = {w.split()[0].lower() for w in [*numbers, *openers, *lex["group_of"], "his", "her", "their"]}
    gate = rf"(?=\d|{lexicon.trie_regex(first_words)})"
    return regex_store.compile(
        rf"(?<![\w-]){gate}(?:(?:{opener})\s+(?P<qty>{qty})(?=\s+(?:{verbs})\b|,\s[^,.;:]{{1,40}},\s+(?:{verbs})\b)(?!\s+of the)"
        # "gave the other six ten years", "the remaining seven": the rest of a group told before
        rf"|(?:the other|the remaining)\s+(?P<rest>{qty})\b(?!\s+of\b)(?![\s-]+(?:years?|months?|days?|weeks?|percent|won)\b)"
        rf"|(?P<of>{qty})\s+of\s+(?:them|those|these|whom|which|the\s+(?:{qty})\b)"
        # "three of the smugglers", "two of his students": counted only where people follow (read in _span_subjects)
        rf"|(?P<ofthe>{qty})\s+of\s+(?=(?:the|his|her|their)\s+[a-z])"
        # "a family of four", with no noun after the number (read in _span_subjects)
        rf"|(?:a|the|his|her|their)\s+family\s+of\s+(?P<family>{qty})(?![\w-]))", re.I)


@lru_cache(maxsize=None)
def _punished_number_re() -> re.Pattern:
    """A number with no noun where what is punished can only be people: "Three were executed", "two
    more were shot", "two got life sentences", "over 30 were arrested" (group `passive`), "sentenced two to death" (group
    `object`); where the clause begins and which verb comes before are checked by _punished_count."""
    lex = lexicon.load("subjects")
    qty = rf"(?:\d+(?:,\d{{3}})*|{_words_re(w for w in lex['number_words'] if w not in ('a', 'an'))})"  # "Both were"
    punished = _words_re(lex["punished_verbs"])
    return regex_store.compile(
        rf"(?<![\w.,-])(?P<n>{qty})(?![\w-])(?:\s+more\b)?(?:(?P<passive>\s+(?:(?:were|was|had been|have been|have|had)\s+"
        rf"(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?(?:{punished})|got|received|receiving|faced|face)\b)"
        # ("arrested three in Hyesan", "executed two on Monday", "detained 30, including ...")
        rf"|(?P<object>\s+(?:to|for|in|at|on|near|during|after|last|this)\s|\s*[,;.](?!\d)))", re.I)


# Where a clause begins: "Three were shot", "..., 30 were arrested", "a source said two were fined".
_CLAUSE_OPENING = regex_store.compile(r"(?:^|[,;:—–(]|\b(?:and|while|but|whereas|said|says|that))\s*$", re.I)
_LAST_WORD = regex_store.compile(r"([\w-]+)\s+$")


def _punished_count(text: str, m: re.Match) -> bool:
    """The number of _punished_number_re counts people: a passive one opens its clause (after a
    floor word at most: "over 30 were"; not "in 2019 were"); an object one follows its verb."""
    lex = lexicon.load("subjects")
    before = text[max(0, m.start() - 40):m.start()]
    if m.group("object"):
        last = _LAST_WORD.search(before)
        return bool(last) and last.group(1).lower() in lex["punishing_verbs"]
    lowered = before.lower()
    for floor in lex["floor_words"]:
        if lowered.endswith(floor + " ") and (len(lowered) == len(floor) + 1 or not lowered[-len(floor) - 2].isalnum()):
            before = before[:-len(floor) - 1]
            break
    return bool(_CLAUSE_OPENING.search(before))


@lru_cache(maxsize=None)
def _person_res() -> tuple[str, str]:
    """(a personal name: "Mr. Ri", "Choe Chun Gil"; a pronoun or such a name as a subject, groups
    `pron` and `name`), as regex text for the patterns below."""
    lex = lexicon.load("subjects")
    titles, surnames = _words_re(lex["titles"]), _words_re(lex["surnames"])
    name = (rf"(?:(?:{titles})\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}}"
            rf"|(?<![\w-])(?:{surnames})(?:[\s-][A-Z][a-z]+){{0,2}}(?![\w-]))")
    # ("I was arrested": a witness telling of himself is one person)
    return name, rf"(?:(?<![\w-])(?P<pron>[Hh]e|[Ss]he|I(?![\w’'-]))|(?P<name>{name}))"


@lru_cache(maxsize=None)
def _one_person_res() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """(a pronoun or personal name that is the subject right before the trigger: "he was arrested",
    "Lim Ok Kyung was detained", "Mr. Hyon, the defence minister, was executed"; one that is the
    object right after it: "arrested him", "executed Jang Song Thaek"; a name given with an age:
    "Kim Seung-mo, 61,"; a personal name anywhere: "Choe Chun Gil", "Mr. Ri"; one joined to his or
    her kin: "he and his wife", "Choe and his two sons")."""
    lex = lexicon.load("subjects")
    titles, surnames = _words_re(lex["titles"]), _words_re(lex["surnames"])
    name, subject = _person_res()
    aux = (r"(?:(?:was|has|had|have|been|being|got|is|also|later|then|reportedly|allegedly|publicly|secretly|"
           r"recently|immediately|eventually|now|subsequently|first|finally|promptly|summarily|quickly|soon|"
           r"already|just|himself|herself)\s+){1,5}")
    before = regex_store.compile(rf"{subject}(?:\s*,[^,.;:]{{1,80}},)?\s+{aux}$")
    after = regex_store.compile(rf"[\w-]+(?:\s+(?:to\s+death|against|on|of))?\s+(?:(?P<pron>him|me)\b|(?P<name>{name}))")
    aged = regex_store.compile(r"(?<![\w-])(?P<name>[A-Z][a-z]+(?:[ -][A-Za-z][a-z]+){0,2}),\s+(?:aged\s+)?\d{1,2}"
                      r"(?:\s*years?(?:\s+old)?)?,")
    named = regex_store.compile(rf"(?>(?:{titles})\s+[A-Z][\w'’-]+|(?<![\w-])(?:{surnames})(?:[\s-][A-Z][a-z]+){{1,2}})(?![\w-])(?![’']s\b)")
    with_kin = regex_store.compile(rf"{subject}(?=\s+and\s+(?:his|her)\s)")
    return before, after, aged, named, with_kin


# A trigger that opens with one of these is told of the one who is punished ("she received two
# years", "he got life"), not of who punishes ("he sentenced them").
_RECEIVING_VERB = regex_store.compile(r"(?:received|receives|got|gets|faced|faces|served|serves)\b", re.I)


@lru_cache(maxsize=None)
def _receiver_re() -> re.Pattern:
    """A pronoun or personal name right before a receiving verb: "She received", "Kim, 45, got"."""
    return regex_store.compile(rf"{_person_res()[1]}(?:\s*,[^,.;:]{{1,80}},)?"
                      rf"\s+(?:(?:also|later|then|reportedly|eventually|each)\s+)?$")


def _one_person_at(text: str, sent: tuple[int, int], trigger_at: int) -> tuple[int, int] | None:
    """The span of a pronoun or name that the trigger is about ("he was arrested", "arrested Kim")."""
    before, after = _one_person_res()[:2]
    aux = _LEADING_AUX.match(text, trigger_at, sent[1])  # a trigger that opens with "was" ("was caught")
    end = aux.end() if aux else trigger_at
    m = before.search(text, max(sent[0], trigger_at - 160), end)
    if m is None and _RECEIVING_VERB.match(text, trigger_at, sent[1]):
        m = _receiver_re().search(text, max(sent[0], trigger_at - 160), trigger_at)  # "she received ..."
    if m and (m.group("pron") or m.group("name").split()[0] not in _not_names()):
        return m.start(), m.start() + len(m.group("pron") or m.group("name"))
    m = after.match(text, trigger_at, sent[1])
    if m and m.group("name") and _POSSESSIVE_AFTER.match(text, m.end("name")):
        m = None  # "executed on Kim's order": the name belongs to who gave it
    if m and (m.group("pron") or m.group("name").split()[0] not in _not_names()):
        key = "pron" if m.group("pron") else "name"
        return m.start(key), m.end(key)
    # a foreigner's full name as the object: "sentenced Matthew Miller to six years"
    m = _FULL_NAME_OBJECT.match(text, trigger_at, sent[1])
    if (m and not any(w in _not_names() for w in m.group(1).split())
            and m.group(1).split()[-1].lower() not in lexicon.load("subjects")["people"]):  # not "Chinese Traders"
        return m.start(1), m.end(1)
    return None


_FULL_NAME_OBJECT = regex_store.compile(r"[\w-]+\s+([A-Z][a-z]+(?:\s[A-Z]\.?)?(?:\s[A-Z][a-z]+){1,2})(?=\s+(?:to|for|on|in|at|after|over|and)\b|\s*[,.;])")


# The rest of a name in the possessive: "Kim's", "Kim Jong Un's".
_POSSESSIVE_AFTER = regex_store.compile(r"(?:[ -][A-Z][\w-]*)*[’']s\b")
# Words that join the members of a list of people: "a mother and her daughter", "three men, two women".
_LEADING_AUX = regex_store.compile(r"(?:(?:was|were|has|had|have|got|been|being|is)\s+)+", re.I)
_CLAUSE_WORD = regex_store.compile(r"\b(?:after|before|when|while|because|since|who|whom|which|whose|where|although|though|"
                          r"but|whereas|including|said|says|told)\b|[;:()]")
_LIST_JOINER = regex_store.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_COMMA_AND = regex_store.compile(r",[\"”’]?\s+and\s")  # (a closing quote may follow the comma: "\"espionage,\" and")
_COMMA_ONLY = regex_store.compile(r"\s*,\s*")
_ALONG_WITH = regex_store.compile(r"\s*,?\s+(?:along|together)\s+with\s+", re.I)
_WITH_KIN = regex_store.compile(r"\s+with\s+", re.I)  # ... before "his", "her", "their": "a mother with her two children"
_KIN_PRONOUN = regex_store.compile(r"(?:his|her|their)\s", re.I)
# The trigger and a few words of its clause, then "along with": "arrested in Hyesan on Monday along with".
# ... or a bare "with" before others counted: "executed at the airfield with four other officials"
_WITH_AFTER_TRIGGER = regex_store.compile(r"[\w’'-]+(?:\s+(?!and\b|but\b|while\b|after\b)[\w’'-]+){0,6}?\s*,?\s+(?:(?:along|together)\s+with\s+"
                                          r"|(?P<bare>with)\s+)", re.I)
_OTHERS_COUNTED = regex_store.compile(r"[\w-]+\s+(?:other|more)\s|[\w-]+\s+others\b", re.I)
# A closing comma and a verb in the singular: "..., a teacher, was detained" ("..., and a child were" is a list).
_SINGULAR_VERB_AFTER = regex_store.compile(r"\s*,\s+(?:(?:also|later|then|reportedly|allegedly|herself|himself)\s+)?(?:was|is|has|had|got|gets)\b", re.I)


def choose_subjects(text: str, sent: tuple[int, int], trigger_at: int, excluded,
                    phrases: list | None = None, person_ok: bool = True) -> tuple[str | None, int | None]:
    """The people phrase nearest the trigger, preferring one that gives a number; a list of such
    phrases ("three men and four women", "a photographer and staff member") counts its members.
    `person_ok`: a person named at the trigger is the one the event concerns (not for an order or a
    measure, where the person named is who gives it: "Kim Jong Un has ordered ...")."""
    if phrases is None:
        phrases = find_subjects(text, sent, excluded)
    phrases = sorted((p if len(p) == 4 else (*p, False) for p in phrases), key=lambda p: p[:2])
    person = _one_person_at(text, sent, trigger_at) if person_ok else None
    if person is not None:  # it replaces a phrase of the same words ("Ri Chol Man" read as "man")
        # ... and the one person set off after it ("Mr. Hyon, the defence minister, was executed")
        phrases = sorted([p for p in phrases if p[:2] != person and not (
            p[3] and _COMMA_ONLY.fullmatch(text, person[1], p[0]) and _APPOSITION_END.match(text, p[1]))]
            + [(person[0], person[1], 1, True)], key=lambda p: p[:2])
    if not phrases:
        return None, None

    def distance(p):
        return 0 if p[0] <= trigger_at <= p[1] else min(abs(p[0] - trigger_at), abs(p[1] - trigger_at))

    head = _relative_head(text, sent, phrases, trigger_at)

    def other_clause(p):  # "arrested X after a guard who ...": the guard is in another clause
        if head is not None:  # "A man who sold two women ... was arrested": the man, not the women
            return p != head and head[1] <= p[0] < trigger_at
        a, b = (p[1], trigger_at) if p[1] <= trigger_at else (trigger_at, p[0])
        # (", and" opens another clause after the trigger: "... were sent to camps, and two more were shot")
        return a < b and bool(_CLAUSE_WORD.search(text, a, b) or p[0] > trigger_at and _COMMA_AND.search(text, a, b))

    def whole(p):  # "Of the eight defendants, one was sentenced": the eight are not the group sentenced
        return (p[1] < trigger_at and "," in text[p[1]:trigger_at]
                and bool(_WHOLE_BEFORE.search(text, max(0, p[0] - 6), p[0])))

    best = min(phrases, key=lambda p: (p[2] is None, whole(p), other_clause(p), distance(p)))
    if best[2] is not None and other_clause(best):
        # "A family was banished after a family member defected", "arrested dozens of families, and
        # about 10 brokers were executed": the trigger's own group is told without a number
        own = min((p for p in phrases if not other_clause(p)), key=distance, default=None)
        if own is not None and _uncounted_group(text, own):
            return text[own[0]:own[1]], None
    i = phrases.index(best)
    first = last = i  # the list the phrase belongs to
    while first > 0 and _joined(text, phrases[first - 1], phrases[first], trigger_at):
        first -= 1
    while last + 1 < len(phrases) and _joined(text, phrases[last], phrases[last + 1], trigger_at):
        last += 1
    members = phrases[first:last + 1]
    if len(members) == 1 and best[2] is not None and best[1] <= trigger_at:
        # "A woman was arrested in Hyesan along with her two sons": the people after "along with" too
        k = next((k for k, q in enumerate(phrases) if q[0] > trigger_at and _with_others(text, trigger_at, q)), None)
        if k is not None:
            j = k
            while j + 1 < len(phrases) and _joined(text, phrases[j], phrases[j + 1], trigger_at):
                j += 1
            more = [p[2] if p[2] is not None else (1 if p[3] else None) for p in phrases[k:j + 1]]
            if all(c is not None for c in more):
                return text[best[0]:phrases[j][1]], best[2] + sum(more)
    if len(members) > 1 and best[2] is not None:
        counts = [p[2] if p[2] is not None else (1 if p[3] else None) for p in members]
        if (counts[0] is not None and not members[0][3] and all(c is not None for c in counts[1:])
                and text[members[0][1]:members[1][0]].strip() == "," and counts[0] == sum(counts[1:])
                and (all(p[3] for p in members[1:]) or _APPOSITION_END.match(text, members[-1][1]))):
            # "two defectors, a mother and her daughter", "nine people, six men and three women, were":
            # the group, then its members (not the list "three men, two women and a teenager were")
            return text[members[0][0]:members[-1][1]], counts[0]
        if all(c is not None for c in counts):
            return text[members[0][0]:members[-1][1]], sum(counts)
        if (len(members) == 2 and counts[0] is not None and counts[1] is None and not members[0][3]
                and text[members[0][1]:members[1][0]].strip() == "," and _APPOSITION_END.match(text, members[1][1])):
            return text[members[0][0]:members[-1][1]], counts[0]  # "the five, all farmers, were": what the five are
        if (counts[0] is None and not members[0][3] and all(c is not None for c in counts[1:])
                and text[members[0][1]:members[1][0]].strip() == ","):
            return text[members[0][0]:members[-1][1]], sum(counts[1:])  # "the family, a couple with their three children"
        if (len(members) == 2 and counts[0] is not None and counts[1] is None and not members[0][3]
                and _BARE_PLURAL_AFTER_AND.fullmatch(text, members[0][1], members[1][1])):
            return text[members[0][0]:members[-1][1]], counts[0]  # "five men and women": the number counts both
        return text[members[0][0]:members[-1][1]], None
    return text[best[0]:best[1]], best[2]


def _with_others(text: str, trigger_at: int, q: tuple) -> bool:
    """q joins the people of the trigger: "along with her two sons", or a bare "with" before others
    counted ("with four other officials", not "with two kilograms")."""
    m = _WITH_AFTER_TRIGGER.fullmatch(text, trigger_at, q[0])
    return bool(m) and (not m.group("bare") or bool(_OTHERS_COUNTED.match(text, q[0], q[1] + 1)))


@lru_cache(maxsize=None)
def _uncounted_group_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(a collective noun ending a phrase; a vague amount or group word before it; ... opening it)."""
    lex = lexicon.load("subjects")
    vague = _words_re(lex["vague_words"] + lex["group_of"])
    return (regex_store.compile(rf"\b(?:{_words_re(lex['collective'])})$", re.I),
            regex_store.compile(rf"\b(?:{vague})\s+(?:[\w-]+\s+)?$", re.I),
            regex_store.compile(rf"(?:{vague})\s(?![\w\s-]*\d)", re.I))


def _uncounted_group(text: str, p: tuple) -> bool:
    """The phrase names a household or group, or a vague amount ("a family", "dozens of families",
    "a group of smugglers")."""
    collective, vague_before, vague_opening = _uncounted_group_res()
    return bool(collective.search(text, p[0], p[1]) or vague_before.search(text, max(0, p[0] - 30), p[0])
                or vague_opening.match(text, p[0], p[1]))


# A relative clause right after a people phrase, and the verb of the main clause before the trigger:
# "A man in his 40s who sold two women to traffickers was arrested".
_RELATIVE_OPEN = regex_store.compile(r"\s*,?\s+(?:who|that)\s+(?!(?:said|says|told|tells)\b)", re.I)
_MAIN_VERB_BEFORE = regex_store.compile(r"[^,;:()]\s+(?:was|were|has been|have been|had been)\s+(?:[a-z]+ly\s+|also\s+|later\s+|then\s+)?$")


def _relative_head(text: str, sent: tuple[int, int], phrases: list, trigger_at: int) -> tuple | None:
    """The people phrase that a relative clause before the trigger describes, when the trigger's
    verb closes that clause: the head is who the event concerns, the people inside the clause
    are not. None where no such clause stands between."""
    if not _MAIN_VERB_BEFORE.search(text, max(sent[0], trigger_at - 40), trigger_at):
        return None
    for p in phrases:
        if p[1] < trigger_at and _RELATIVE_OPEN.match(text, p[1]) and not _CLAUSE_WORD.search(
                text, _RELATIVE_OPEN.match(text, p[1]).end(), trigger_at):
            return p
    return None


# What closes a phrase set off after a counted group: "nine people, six men and three women, were".
_APPOSITION_END = regex_store.compile(r"\s*(?:[,)]|\s[–—-]\s)")


def _joined(text: str, a: tuple, b: tuple, trigger_at: int) -> bool:
    """b follows a in one list of people ("three men, two women"); "three of whom" is part of the
    group before it, not more people."""
    if (a[1] <= b[0] < trigger_at and _DESCRIBED_AND.fullmatch(text, a[1], b[0])
            and _PLURAL_VERB_AFTER.match(text, b[1])):
        return True  # "Two men trying to flee, and a guard who helped them, were arrested": one subject
    if a[3] and b[3] and _COMMA_ONLY.fullmatch(text, a[1], b[0]) and _SINGULAR_VERB_AFTER.match(text, b[1]):
        return False  # "His wife, a teacher, was also detained": one person set off by commas, not a list
    if a[1] <= b[0] and (_ALONG_WITH.fullmatch(text, a[1], b[0])
                         or _WITH_KIN.fullmatch(text, a[1], b[0]) and _KIN_PRONOUN.match(text, b[0])):
        return True  # "the man along with his wife and son", "a woman, together with two others,", "a mother with her two children"
    return (a[1] <= b[0] and b[0] - a[1] <= 6 and bool(_LIST_JOINER.fullmatch(text, a[1], b[0]))
            and not _PART_OF.match(text, b[0], b[1])
            # "Of the eight defendants, one was sentenced": the whole, then a part of it
            and not _WHOLE_BEFORE.search(text, max(0, a[0] - 6), a[0]))


# A people phrase described by a participle or a relative clause, then "and" another: the two are one
# subject where a plural verb follows the second ("..., and a guard who helped them, were arrested").
_DESCRIBED_AND = regex_store.compile(r"\s+(?:who|that|[a-z-]+ing)\b[^,;.:()]{0,60},?\s+and\s+")
_PLURAL_VERB_AFTER = regex_store.compile(r"(?:,?\s+(?:who|that|[a-z-]+ing|from|in|of)\b[^,.;:()]{0,60},)?\s+(?:were|have been|had been|are)\b")


_BARE_PLURAL_AFTER_AND = regex_store.compile(r"\s+and\s+[a-z]+s\b|\s+and\s+(?:men|women|children)\b")
_PART_OF = regex_store.compile(r"\S+\s+of\s+(?:them|those|these|whom|which|the)\b", re.I)


def choose_charges(sentence: str, doc_text: str | None = None) -> list[str]:
    """The charges the sentence names: a charge's pattern outside its `exclude` words ("a defector
    said", "the spy agency", "agents demanding bribes" name no offence of the people concerned).
    With the report's text: a crossing or smuggling in a report told during the border closure
    also broke the epidemic rules."""
    found = list(_sentence_charges(sentence))
    closure = lexicon.load("charges")["closure_context"]
    if (doc_text is not None and closure["adds"] not in found and set(found) & set(closure["to"])
            and _closure_report(doc_text)):
        found.append(closure["adds"])
    return found


# Where a clause of its own begins: "X were shot for drug dealing, while Y fled to China".
# ("because", "after", "for" usually bring the charge itself and do not end the clause.)
_CHARGE_CLAUSE_END = regex_store.compile(r";|\s[–—]\s|,?\s+(?:while|whereas|but|although|though|meanwhile)\b(?!\s+\w+ing\b)"
                                r"|,\s+and\s+(?=(?:[\w’'-]+\s+){0,4}?(?:was|were|had|has|have|is|are)\b)", re.I)


def clause_charges(text: str, sent: tuple[int, int], trigger: tuple[int, int] | None,
                   excluded: list[tuple[int, int]] = ()) -> list[str]:
    """The charges of the clause that carries the event; the whole sentence's when that clause
    names none. With the report's text for the border-closure rule (choose_charges). The words
    that name the source (`excluded`: "a defector who fled in 2015 said") are no charge."""
    sentence = _without_sources(text, sent, trigger, excluded)
    if trigger is None:
        return choose_charges(sentence, text)
    start = sent[0]
    for m in _CHARGE_CLAUSE_END.finditer(text, sent[0], trigger[0]):
        start = m.end()
    m = _CHARGE_CLAUSE_END.search(text, trigger[1], sent[1])
    end = m.start() if m else sent[1]
    return choose_charges(sentence[start - sent[0]:end - sent[0]], text) or choose_charges(sentence, text)


def _without_sources(text: str, sent: tuple[int, int], trigger: tuple[int, int] | None,
                     excluded: list[tuple[int, int]]) -> str:
    """The sentence with the source phrases in it blanked out (offsets kept), but for one that holds
    the trigger (an attribution phrase read too widely)."""
    sentence = text[sent[0]:sent[1]]
    for a, b in excluded:
        if sent[0] <= a and b <= sent[1] and not (trigger and a <= trigger[0] < b):
            sentence = sentence[:a - sent[0]] + " " * (b - a) + sentence[b - sent[0]:]
    return sentence


def next_sentence_charges(text: str, sentences: list[tuple[int, int]], sent: tuple[int, int], etype: str) -> list[str]:
    """The charges of the sentence after `sent` when it opens with the same people and says what
    they did or were accused of ("... arrested a woman. She had been selling crystal meth."); for a
    crackdown, when it says what the crackdown goes after ("The inspectors are targeting ...")."""
    following = [s for s in sentences if s[0] >= sent[1]]
    if not following:
        return []
    s, e = following[0]
    opens, links, targets = _next_sentence_res()
    if etype == "crackdown":
        if not targets.search(text, s, e):
            return []
    elif not opens.match(text[s:e].lstrip(" \"'“‘")) or not links.search(text, s, e):
        return []
    return choose_charges(text[s:e], text)


@lru_cache(maxsize=None)
def _next_sentence_res() -> tuple[lexicon.Patterns, lexicon.Patterns, lexicon.Patterns]:
    table = lexicon.load("charges")["next_sentence"]
    people = _words_re(lexicon.load("subjects")["people"])
    opens = [p.replace("{people}", people) for p in table["opens"]]  # the people nouns of subjects.toml
    return (lexicon.alternation(opens), lexicon.lexicon_patterns("charges", "next_sentence", "links"),
            lexicon.lexicon_patterns("charges", "next_sentence", "targets"))


# Scare quotes around an offence's words ("watching 'impure' videos", "“anti-socialist” acts"); an
# apostrophe inside a word ("Kim's") stays.
SCARE_QUOTES = regex_store.compile(r"[“”\"‘]|(?<!\w)[’']|[’'](?!\w)")


@lru_cache(maxsize=512)
def _sentence_charges(sentence: str) -> tuple[str, ...]:
    """The charges one sentence names (several events often share a sentence)."""
    sentence = SCARE_QUOTES.sub("", sentence)
    lowered, gates = sentence.lower(), lexicon.gates("charges")
    places = lexicon.scanner("charges").places(sentence)
    hits_of = {}  # code -> its matches outside its exclude words
    for code, pats in lexicon.compiled("charges").items():
        at = places.get(code)
        if (at is None and not lexicon.may_match(gates[code], lowered)) or at == []:
            continue
        hits = list(pats["patterns"].finditer(sentence, places=at))
        if hits and pats["exclude"] is not None:
            excluded = [m.span() for m in pats["exclude"].finditer(sentence)]
            hits = [m for m in hits if not _inside(m.span(), excluded)]
        if hits:
            hits_of[code] = hits
    found = list(hits_of)
    if "corruption" in found and len(found) > 1:
        # an official paid to let others' offence go is charged with the corruption only
        let_go = [m.span() for m in _complicity_re().finditer(sentence)]
        if let_go:
            found = [code for code in found if code == "corruption" or any(
                not _inside(m.span(), let_go) for m in hits_of[code])]
    if len(found) > 1 and "anti_socialist" in found:
        found.remove("anti_socialist")
    return tuple(found)


@lru_cache(maxsize=None)
def _complicity_re() -> lexicon.Patterns:
    return lexicon.lexicon_patterns("charges", "complicity", "cues")


@lru_cache(maxsize=8)
def _closure_report(text: str) -> bool:
    """The report is told during the border closure (checked once per report)."""
    return bool(_closure_re().search(text))


@lru_cache(maxsize=None)
def _closure_re() -> lexicon.Patterns:
    return lexicon.lexicon_patterns("charges", "closure_context", "cues")


# The kinds a term in months belongs to (a death sentence, a life term or a fine has none).
TERM_KINDS = ("prison", "labor_training", "other")


def choose_penalty(sentence: str, bare_terms: bool = True) -> Penalty | None:
    """The most severe penalty kind the sentence names, and its term in months: "at least six
    months" is 6 to null, "up to five years" null to 60, "from six months ... to five years" 6 to 60.
    `bare_terms`: a term with no kind named ("sentenced to 10 years") is a penalty of its own."""
    found = _sentence_penalty(sentence, bare_terms)
    return copy.copy(found) if found is not None else None


@lru_cache(maxsize=None)
def _others_punished_re() -> re.Pattern:
    """People named by a punishment someone else received: "the families of those given prison
    sentences were banished" is a banishment, the prison sentences are the others'."""
    return regex_store.compile("|".join(f"(?:{p})" for p in lexicon.load("penalties")["terms"]["others_punished"]), re.I)


@lru_cache(maxsize=None)
def _to_life_re() -> re.Pattern:
    """A term that is the least of a life term: "15 years to life", "ten years to life in prison"."""
    terms = lexicon.load("penalties")["terms"]
    units = "|".join(sorted(terms["unit_months"], key=len, reverse=True))
    return regex_store.compile(rf"(?<![\w.,])(?P<n>{_quantity(terms['number_words'])})[- ](?P<u>{units})\s+to\s+life\b", re.I)


@lru_cache(maxsize=512)
def _sentence_penalty(sentence: str, bare_terms: bool) -> Penalty | None:
    lex = lexicon.load("penalties")
    sentence = _others_punished_re().sub(lambda m: " " * len(m.group(0)), sentence)
    kinds = []
    lowered, gates = sentence.lower(), lexicon.gates("penalties")
    places = lexicon.scanner("penalties").places(sentence)
    for kind, pats in lexicon.compiled("penalties").items():
        at = places.get(kind)
        m = ((at is not None or lexicon.may_match(gates[kind], lowered)) and at != []
             and next(pats["patterns"].finditer(sentence, places=at), None))
        if m:
            kinds.append((lex[kind]["rank"], kind, m.group(0)))
    if not kinds:
        # "sentenced to 10 years", "a 15-year sentence": a term with no kind named is a prison
        # term, or labour training below the threshold ("sentenced to six months")
        if not bare_terms or not _term_readings(sentence)[0]:
            return None
        low, high = _term_bounds(sentence)
        longest = max(m for m in (low, high) if m is not None)
        kind = "prison" if longest >= lex["terms"]["labor_prison_threshold_months"] else "labor_training"
        return Penalty(kind=kind, min_months=low, max_months=high, text="")
    low, high = _term_bounds(sentence)
    kinds.sort()
    rank, kind, words = kinds[0]
    if kind == "other" and len(kinds) > 1:
        rank, kind, words = kinds[1]
    elif kind == "other" and bare_terms and _term_readings(sentence)[0]:
        # "punished with three months of labor": the term tells the kind, as for a bare term
        kind = "prison" if max(m for m in (low, high) if m is not None) >= lex["terms"]["labor_prison_threshold_months"] else "labor_training"
    longest = max(m for m in (low, high) if m is not None) if (low or high) else None
    named = kind == "labor_training" and re.search("|".join(lex["terms"]["labor_training_named"]), words, re.I)
    if (kind in ("labor_training", "other") and not named and longest
            and longest >= lex["terms"]["labor_prison_threshold_months"]):
        # "years of forced labor" is a reform-through-labor (prison) term
        kind = "prison"
    if kind not in TERM_KINDS:
        low = high = None
        to_life = _to_life_re().search(sentence) if kind == "life_imprisonment" else None
        if to_life:
            low = _months(to_life.group("n"), to_life.group("u"))  # "ten years to life": 120 to null
    return Penalty(kind=kind, min_months=low, max_months=high, text=words)


def _term_mentions(sentence: str) -> list[tuple[int, str]]:
    """(months, "exact" | "lower" | "upper") for each term the sentence names. A bare "for two
    years" counts only where no term is told with a verb or a punishment word ("smuggled for ten
    years before he was sentenced to five years in prison" is five years)."""
    told, loose = _term_readings(sentence)
    return told or loose


GROUP_BEFORE_NUMBER = regex_store.compile(r"\b(?:other|remaining|the|his|her|their|those|these)\s+$", re.I)


def _term_readings(sentence: str) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(the terms told with a verb of sentencing or a punishment word: "sentenced to 10 years", "a
    15-year sentence", "five years in prison"; those told only as "for two years")."""
    lowered = sentence.lower()
    if not any(unit in lowered for unit in lexicon.load("penalties")["terms"]["unit_months"]):
        return [], []  # no unit, no term (most sentences: skip the scan)
    single, span, bounds = _term_res()
    found, loose, taken = [], [], []
    for m in span.finditer(sentence):
        if GROUP_BEFORE_NUMBER.search(sentence, max(0, m.start("a") - 12), m.start("a")):
            continue  # "and the other two to 15 years": two people, then their term
        b = _months(m.group("b"), m.group("u"))
        a = _months(m.group("a"), m.group("ua") or m.group("u"))
        if a and b and m.group("ua") and (m.group("join") or "").lower() == "and" and a > b:
            found.append((a + b, "exact"))  # "one year and six months"
            taken.append(m.span())
        elif a and b and a < b:
            found += [(a, "exact"), (b, "exact")]
            taken.append(m.span())
    for m in single.finditer(sentence):
        k = next(k for k in ("0", "", "1") if m.group(f"n{k}"))
        if any(a <= m.start(f"n{k}") < b for a, b in taken):
            continue
        months = _months(m.group(f"n{k}"), m.group(f"u{k}"), bool(m.group(f"ha{k}") or m.group(f"hb{k}")))
        if months:
            before = bounds.search(sentence, max(0, m.start(f"n{k}") - 25), m.start(f"n{k}"))
            how = "exact" if before is None else ("lower" if before.group("lower") else "upper")
            (loose if k == "1" else found).append((months, how))
    return found, loose


def _term_bounds(sentence: str) -> tuple[int | None, int | None]:
    """(min_months, max_months) of the terms a sentence names."""
    found = _term_mentions(sentence)
    exact = [v for v, how in found if how == "exact"]
    lower = [v for v, how in found if how == "lower"] + exact
    upper = [v for v, how in found if how == "upper"] + exact
    return (min(lower) if lower else None), (max(upper) if upper else None)


@lru_cache(maxsize=None)
def _actor_patterns(with_weak: bool) -> list[tuple[str, lexicon.Patterns]]:
    """Actor id and pattern; `weak` patterns ("soldiers") name a body only as participant or recipient."""
    out = []
    for actor_id, table in lexicon.load("actors").items():
        pats = table["patterns"] + (table.get("weak", []) if with_weak else [])
        words = lexicon.words_of("actors", actor_id, "patterns") + (
            lexicon.words_of("actors", actor_id, "weak") if with_weak and table.get("weak") else [])
        out.append((actor_id, lexicon.alternation(pats, words, one_regex_max=0)))  # (tried where _actor_scanner says)
    return out



# The bodies that arrest people and run crackdowns; a report naming only one of them ("security
# agents" early on, "arrested" later) means that one where a clause names none.
ENFORCERS = ("mss", "mps", "prosecutor", "border_guard", "inspection_group")
# ... and the bodies whose names can hold an enforcer's words ("Chinese police", "military police").
_ENFORCER_SCAN = frozenset(ENFORCERS + ("other", "kpa"))
# Where an authority's clause ends: another clause's agent is not this event's ("sentenced him
# after he was caught by the MSS", "arrested them after a border guard who abetted them confessed").
_CLAUSE_END = regex_store.compile(r"[;:()]|,\s|\s[–—-]\s|\b(?:after|before|while|when|whereas|but|because|although|though|"
                         r"who|whom|which|whose|since|until|once|where|as well as)\b", re.I)
# An order verb right after a body makes it the issuer: "Kim Jong Un asked authorities to ...".
_ISSUING_VERB = regex_store.compile(
    r"[\s,’'s]*(?:(?:[\w’'-]+\s+){0,3}?)(?:has |have |had |also |recently |reportedly |then |now |will )*(?:ordered|orders|ordering|instructed|instructs|"
    r"issued|issues|handed down|hands down|passed down|sent (?:down |out )?(?:an? )?(?:order|instruction|directive)|announced|announces|"
    r"decreed|promulgated|adopted|imposed|banned|bans|prohibited|called for|calls for|called on|urged|urges|demanded|asked|"
    r"directed|told|stressed|declared|decided|ratified|enacted|approved|released|put out|held|convened|lifted|closed|allowed|"
    r"permitted|mandated|requested|notified|warned)\b", re.I)
# The words that name a body as the source of an order: "issued by", "an order from", "a decree of",
# "imposed on Hyesan on March 1 by" (not "imposed on Hyesan was enforced by").
_ISSUER_SOURCE = regex_store.compile(
    r"\b(?:(?:issued|ordered|signed|promulgated|adopted|approved|announced|decided|passed|handed|sent|released|"
    r"imposed|declared|decreed|instructed|directed|organi[sz]ed|convened|held)\s+(?:down\s+|out\s+)?(?:(?!(?:was|were|is|are|been|and|but|then|later)\b)\w+\s+){0,6}?by"
    r"|(?:orders?|decrees?|directives?|instructions?|ordinances?|decisions?|edicts?|notices?|announcements?|behest|command|direction|"
    r"resolutions?|guidelines?|measures?)\s+(?:\w+\s+){0,2}?(?:from|of|by|issued by)"
    r"|\b(?:in the name of|under the (?:direction|guidance|instructions?|orders?) of))\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,2}?(?:bureau|department|office|branch|section|division)\s+of\s+(?:the\s+)?(?:[\w’'-]+[’']s?\s+)?)?$", re.I)
_RECEIVING = regex_store.compile(r"\b(?:received?|receiving|got|get|obeyed?|following)\b"
                        r"|\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?(?!\w+ing$)\w+$", re.I)  # "X were (also) ordered to"
# A body an order is sent or given to receives it: "sent a directive to all party committees ordering them".
_SENT_TO = regex_store.compile(r"\b(?:to|for)\s+(?:(?:all|every|each|the|its|their|local|lower|relevant)\s+)*$", re.I)
# "an order from X", "a decree of X", "X's order", "ordered by X"
_JOINED = regex_store.compile(r"\s+and\s+(?:the\s+)?(?:(?:regular|local|provincial|city|county|municipal)\s+)?", re.I)  # "the MSS and (the local) police"
_APPOSITIVE = regex_store.compile(r",\s[^,;.()“”\"]{1,100}?,\s")
# ("by saying" introduces no agent, "enforced by police" the body that carries the order out)
# ("of" right after the order's words only: in "instructions to complete the investigation of the MSS" the
# ministry is the one investigated)
_ISSUER_AFTER = regex_store.compile(r"[^.;]{0,40}\b(?:from|(?<!enforced )(?<!carried out )(?<!implemented )(?<!conducted )(?<!policed )"
                           r"by(?!\s+\w+ing\b))\b[^.;]{0,25}$|(?:(?!to\b)[\w’'-]+\s+){1,4}of\b[^.;]{0,25}$", re.I)


# A short gloss in brackets ends no clause: "the Ministry of State Security (MSS) to arrest ...".
_GLOSS = regex_store.compile(r"\([^()\[\];:,.]{1,40}\)")


def _clause_around(text: str, sent: tuple[int, int], trigger: tuple[int, int]) -> tuple[int, int]:
    """The clause of the sentence that holds the trigger."""
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(text, sent[0], sent[1])]

    def ends(m: re.Match) -> bool:
        return not (m.group(0) in "()" and any(a <= m.start() < b for a, b in glosses))

    start = sent[0]
    for m in _CLAUSE_END.finditer(text, sent[0], trigger[0]):
        if ends(m):
            start = m.end()
    end = next((m.start() for m in _CLAUSE_END.finditer(text, trigger[1], sent[1]) if ends(m)), sent[1])
    return start, end


# A clause with no subject of its own: only adverbs or an active auxiliary before its verb (", arrested",
# "before dragging", ", then detained"); "was"/"were"/"being" are not among them, as a passive's subject
# is the person acted on.
_SUBJECTLESS = regex_store.compile(r"[\s,]*(?:(?:and|then|also|later|subsequently|reportedly|recently|immediately|quickly|"
                          r"jointly|allegedly|soon|eventually|finally|have|has|had)\s+)*", re.I)
# A noun trigger after a verb of doing that has no subject of its own: ", launched a crackdown",
# ", carried out raids", ", held a public trial".
_LIGHT_VERB = regex_store.compile(r"[\s,]*(?:(?:and|then|also|later|recently|reportedly|jointly|have|has|had)\s+)*"
                         r"(?:launched|launching|began|beginning|started|conducted|conducting|carried out|carrying out|"
                         r"staged|staging|held|holding|mounted|stepped up|intensified|waged|initiated|organi[sz]ed)\s+"
                         r"(?:(?:an?|the|its|their|new|fresh|special|intensive|massive|sweeping|large-scale|major|public|"
                         r"joint|series of)\s+)*", re.I)
# A verb joined to a first verb of the same subject: ", raided a house in Hyesan on May 2 and arrested".
# ... also in the progressive: "The ministry, the police, is beefing up its remit and intensifying control".
_JOINED_VERB = regex_store.compile(r"[\s,]*(?:(?:is|are|was|were|has been|have been|had been)\s+(?:\w+ly\s+)?\w+ing|(?:\w+ly\s+)?\w+(?:ed|ing))\b[^.;:,]{0,80}?\band\s+(?:(?:then|also|later|subsequently|"
                          r"immediately|quickly|eventually|finally)\s+)*", re.I)
# "..., is cracking down": an active verb in the progressive.
_PROGRESSIVE = regex_store.compile(r"[\s,]*(?:(?:also|now|still|reportedly|recently|has been|have been|had been|is|are|was|were)\s+)+", re.I)
# A phrase set off after the body, maybe after its abbreviation: "The Ministry of State Security (MSS), ...",
# or the abbreviation alone: "The Ministry of State Security (MSS) arrested ...", maybe after a people
# noun the name does not hold ("Bowibu agents, acting on a tip, ..."). A short phrase of
# place may come first: "State security agents in Hyesan, working with police, detained ...", "Anjeon
# officers from the city station, acting on a tip, arrested ...".
_INSERTED = regex_store.compile(r"(?:\s+(?:agents?|officers?|officials?|personnel|members|cadres|inspectors|guards))?(?:\s+(?:[\w’'-]+\s+)?(?:in|of|from|at)\s+[\w’'. -]{1,40}?)?(?:\s*\([^()]{1,40}\))?,\s|\s*\([^()]{1,40}\)\s*$")
# What may precede the subject in its clause: a few words ("Agents from the provincial branch of"),
# none of them making the body the agent or object of another verb ("by", "to", "with", "against").
_BEFORE_SUBJECT = regex_store.compile(r"\W*(?:(?!(?:by|to|into|with|against|than|said|told)\b|\w+(?:ing|ed)\b)[\w’'.-]+\s+){0,8}", re.I)
# The opening phrases a sentence's subject may follow: "In Hyesan, ", "Last week, ", "According to the source, ".
_OPENING = regex_store.compile(r"\W*(?:in|on|at|last|earlier|this|according|since|during|early|late|recently|meanwhile|however|"
                      r"also|then|now|yesterday|today|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|\d+)\b", re.I)


def _is_subject(text: str, sent: tuple[int, int], a: Actor) -> bool:
    """The body is the subject the sentence opens with: before it only opening phrases ("In Hyesan, ",
    "Last week, ") and a few words of its own clause ("Agents from the provincial branch of")."""
    starts = [sent[0]] + [m.end() for m in _CLAUSE_END.finditer(text, sent[0], a.start)]
    return bool(_BEFORE_SUBJECT.fullmatch(text, starts[-1], a.start)) and all(_OPENING.match(text, s) for s in starts[:-1])


def _subject_actors(text: str, sent: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                    with_weak: bool, excluded) -> list[Actor]:
    """The body the sentence opens with, when the event's clause has no subject of its own and
    shares that body's: set off by an inserted phrase ("The MSS, the secret police, arrested ...",
    "Agents, acting on a tip, arrested ...") or continuing its verb ("Police raided the market,
    arresting four vendors", "Agents shackled him before dragging him off")."""
    continuing = text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing")
    if not (_SUBJECTLESS.fullmatch(text, clause[0], trigger[0])
            or _LIGHT_VERB.fullmatch(text, clause[0], trigger[0]) or _JOINED_VERB.fullmatch(text, clause[0], trigger[0])
            or continuing and _PROGRESSIVE.fullmatch(text, clause[0], trigger[0])):
        return []
    for a in _actor_mentions(text, (sent[0], clause[0]), with_weak, excluded):
        if not _is_subject(text, sent, a):
            continue
        inserted = _INSERTED.match(text, a.end, clause[0]) is not None and clause[0] - a.end <= 100
        return [a] if inserted or continuing else []
    return []


# A relative pronoun right after a body: ", which", ", who".
_RELATIVE_AFTER_BODY = regex_store.compile(r"\s*,\s+(?:which|who)\s*$", re.I)
_RELATIVE_PRONOUN_BEFORE = regex_store.compile(r",\s+(?:which|who)\s*$", re.I)


def _relative_antecedent(text: str, sent: tuple[int, int], clause: tuple[int, int], trigger: tuple[int, int],
                         excluded) -> list[Actor]:
    """The body a relative clause is told of, when the clause's own subject is its pronoun and its
    verb active ("... through its youth league, which is now deploying patrols", "handed him to the
    MSS, which arrested his wife")."""
    if not _RELATIVE_PRONOUN_BEFORE.search(text, max(sent[0], clause[0] - 12), clause[0]):
        return []  # (checked first: the body is looked for only before a relative pronoun)
    continuing = text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing")
    if not (_SUBJECTLESS.fullmatch(text, clause[0], trigger[0])
            or continuing and _PROGRESSIVE.fullmatch(text, clause[0], trigger[0])):
        return []
    before = _actor_mentions(text, (max(sent[0], clause[0] - 120), clause[0]), False, excluded)
    if before and _RELATIVE_AFTER_BODY.fullmatch(text, before[-1].end, clause[0]):
        return [before[-1]]
    return []


def _actor_mentions(text: str, span: tuple[int, int], with_weak: bool, excluded, ids: frozenset | None = None) -> list[Actor]:
    """Every actor the span names (of `ids` and those whose names can overlap theirs, when given)."""
    found = []
    for actor_id, words, a, b in _span_actors(text[span[0]:span[1]], with_weak, ids):
        start, end = span[0] + a, span[0] + b
        if not _inside((start, end), excluded):
            found.append(Actor(id=actor_id, text=words, start=start, end=end))
    return found


@lru_cache(maxsize=512)
def _span_actors(span_text: str, with_weak: bool, ids: frozenset | None = None) -> tuple[tuple[str, str, int, int], ...]:
    """(id, words, start, end) of the actors a piece of text names, by position. Where two matches
    overlap the longer names the body ("social security agents" is the police, not "security
    agents"), and between equally long ones the earlier lexicon id."""
    candidates: list[tuple[str, str, int, int]] = []
    places = _actor_scanner(with_weak).places(span_text)
    for actor_id, pats in _actor_patterns(with_weak):
        at = places.get(actor_id)
        if ids is not None and actor_id not in ids or at == []:
            continue
        for m in pats.finditer(span_text, places=at):
            candidates.append((actor_id, m.group(0), m.start(), m.end()))
    found: list[tuple[str, str, int, int]] = []
    for cand in sorted(candidates, key=lambda f: f[2] - f[3]):  # stable: lexicon order among equals
        if not any(a < cand[3] and cand[2] < b for _, _, a, b in found):
            found.append(cand)
    return tuple(sorted(found, key=lambda f: f[2]))


@lru_cache(maxsize=None)
def _actor_scanner(with_weak: bool) -> lexicon.Scanner:
    """Where each actor's matches can begin, found in one pass over a text."""
    return lexicon.Scanner(dict(_actor_patterns(with_weak)))


# A body placed abroad right after its name: "police in Dandong", "security officers of Yanji".
_PLACED_AT = regex_store.compile(r"(?:\s+(?:bureau|office|station|branch|department|officers?|agents?|officials?))?"
                        r"\s+(?:in|of|from|at)\s+(?:the\s+)?(?:(?:city|province|county) of\s+)?", re.I)


def _abroad(text: str, a: Actor, foreign_starts: frozenset) -> bool:
    """The body is one of a foreign place ("Police in Dandong arrested ..."): not the North's."""
    m = _PLACED_AT.match(text, a.end)
    return m is not None and m.end() in foreign_starts


# A unit named as part of a body: "task force personnel under the People's Safety Ministry".
_UNIT_OF = regex_store.compile(r"[’']?\s+(?:(?:personnel|members|officers|agents|officials)\s+)?(?:under|of|from|belonging to|attached to|run by)\s+"
                      r"(?:the\s+)?(?:(?:provincial|city|county|local)\s+)?", re.I)


_POSSESSIVE_UNIT = regex_store.compile(r"[’']s?\s+(?:(?:own|local|provincial|city|county|special|joint|\d+)\s+)*", re.I)


def _unit_of_enforcer(text: str, a: Actor, mentions: list[Actor]) -> bool:
    """An inspection group or task force named as a unit of an enforcing body: the body acts, not a
    group of its own."""
    if a.id != "inspection_group":
        return False
    bodies = [b for b in mentions if b.id in ENFORCERS + ("kpa",) and b.id != a.id]
    m = _UNIT_OF.match(text, a.end)
    if m is not None and any(b.start == m.end() for b in bodies):
        return True
    # ... or after the body's possessive: "the MPS' 109 task force", "the MSS's inspection team"
    return any(b.end <= a.start and _POSSESSIVE_UNIT.fullmatch(text, b.end, a.start) for b in bodies)


# Events whose authority is the body on whose orders they were done, when their clause names none
# ("was executed by firing squad, on the orders of Kim Jong Un"); a trial or a sentence stays the court's,
# and an arrest or inspection "following orders from" a body is still made by agents the report names elsewhere.
ON_ORDERS_TYPES = frozenset({"execution"})
_ON_ORDERS_BEFORE = regex_store.compile(
    r"\b(?:at|on|upon|under|following|per|by)\s+(?:the\s+|an?\s+)?(?:(?:personal|direct|explicit|special|express|specific)\s+)?"
    r"(?:orders?|instructions?|command|directives?|behest)\s+(?:of|from|by)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)
_ON_POSSESSIVE_BEFORE = regex_store.compile(r"\b(?:at|on|upon|under|following|per)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)
_POSSESSIVE_ORDERS = regex_store.compile(r"[’']s?\s+(?:(?:personal|direct|explicit|special|express|specific|own)\s+)?"
                                         r"(?:orders?|instructions?|command|directives?|behest)\b", re.I)


def _ordering(text: str, sent: tuple[int, int], a: Actor) -> bool:
    """The body is named as the one on whose orders something is done: "on the personal order of
    Kim Jong Un", "following an order by the party", "on Kim's orders" (not "defied Kim's orders")."""
    before = text[max(sent[0], a.start - 70):a.start]
    return bool(_ON_ORDERS_BEFORE.search(before) or (_ON_POSSESSIVE_BEFORE.search(before) and _POSSESSIVE_ORDERS.match(text, a.end)))


# Orders carried out or obeyed: "to ensure compliance with Kim's instructions", "implementing the
# party's orders" name the body whose orders they are, not the one acting.
_OBEYING_BEFORE = regex_store.compile(r"\b(?:compliance with|compl(?:y|ying|ied) with|implement(?:s|ed|ing|ation of)?|carr(?:y|ies|ying|ied) out|"
                                      r"execut(?:e|es|ed|ing|ion of)|obey(?:s|ed|ing)?|uphold(?:s|ing)?|in line with|in keeping with|"
                                      r"loyalty to|respond(?:ing)? to)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)


def _orders_obeyed(text: str, clause: tuple[int, int], a: Actor) -> bool:
    """The body is named as the one whose orders are obeyed or carried out ("compliance with Kim's instructions")."""
    return bool(_OBEYING_BEFORE.search(text, max(clause[0], a.start - 50), a.start)) and bool(_POSSESSIVE_ORDERS.match(text, a.end))


# What may stand between an order verb and the body it orders: "ordered \"Unified Command 82\" to", "told the local police to".
_TO_ORDERED_BODY = regex_store.compile(r"[\s\"“”']*(?:(?:the|all|every|its|their|local|provincial|city|county)\s+)*", re.I)


def _orders_another(text: str, a: Actor, mentions: list[Actor], trigger: tuple[int, int]) -> bool:
    """The body orders another body named right after its order verb, before the trigger."""
    verb_end = _issuing_verb_after(text, a.end) if a.end <= trigger[0] else 0
    return bool(verb_end) and any(b is not a and b.end <= trigger[0] and _TO_ORDERED_BODY.fullmatch(text, verb_end, b.start)
                                  for b in mentions)


def _on_orders_of(text: str, sent: tuple[int, int], excluded) -> list[Actor]:
    """The body on whose orders the sentence's event was done."""
    return [a for a in _actor_mentions(text, sent, False, excluded) if _ordering(text, sent, a)][:1]


# A body referred back to by its head noun: "The committee ordered ...", "the ministry warned ..." (not "the
# committee for ...", "the ministry of ...": a body named in full).
_ANAPHOR = regex_store.compile(r"\bthe (ministry|committee|agency|bureau|commission|headquarters)\b(?!\s+(?:of|for|on|in charge)\b)", re.I)
ANAPHOR_REACH = 2000  # characters back to the body referred to


def _anaphoric_bodies(text: str, span: tuple[int, int], excluded) -> list[Actor]:
    """The bodies the span refers back to by a head noun ("the committee"): the body whose name holds the
    last earlier use of that noun, when that use is part of a body's name (a U.N. committee is no body of ours)."""
    found = []
    for m in _ANAPHOR.finditer(text, span[0], span[1]):
        head = m.group(1).lower()
        lower = max(0, m.start() - ANAPHOR_REACH)
        last = text.lower().rfind(head, lower, m.start())
        if last < 0:
            continue
        named = [a for a in _actor_mentions(text, (lower, m.start()), False, excluded) if a.start <= last < a.end]
        if named:
            found.append(Actor(id=named[-1].id, text=m.group(0), start=m.start(), end=m.end()))
    return found


# What follows an arrest verb whose subject is its agent: its object ("detained a man", "arrested two women"),
# not a gerund or a phrase of circumstance ("Soldiers caught stealing corn", "soldiers caught in the act").
_OBJECT_AFTER = regex_store.compile(r"\s+(?!\w+ing\b)(?!(?:for|while|in|at|on|with|by|after|when|red-handed|and|or|but)\b)\w", re.I)


def _soldiers_acting(text: str, clause: tuple[int, int], trigger: tuple[int, int], excluded) -> list[Actor]:
    """The army, when soldiers or troops open the clause of an active arrest or raid ("Soldiers from a nearby unit
    arrested two women", "Troops stationed in the area detained a man"); "soldiers" otherwise names only the
    people mobilized or acted on."""
    if _passive(text, clause, trigger) or not _OBJECT_AFTER.match(text, trigger[1]):
        return []
    for a in _actor_mentions(text, (clause[0], trigger[0]), True, excluded):
        if a.id == "kpa" and _weak_name(a) and _BEFORE_SUBJECT.fullmatch(text, clause[0], a.start) and not _acted_on(text, clause, trigger, a):
            return [Actor(id="kpa", text=a.text, role="authority", start=a.start, end=a.end)]
    return []


# Punishments handed out by no court: dismissal and party punishment (the party), a political
# prison camp (the state security ministry, without trial).
OUT_OF_COURT = frozenset({"discipline", "political_prison_camp"})


def choose_actors(text: str, sent: tuple[int, int], ev: Event, excluded,
                  previous: tuple[int, int] | None = None, foreign_starts: frozenset = frozenset()) -> list[Actor]:
    """The bodies of the event: for an arrest, trial, sentence... the authority named in the
    clause that carries the event (a trial or a sentence with none is the court's); for an order or
    a measure, the bodies of the sentence, the one that gives the order marked as its issuer
    (`previous`, the sentence before, says who "He ordered ..." is)."""
    if ev.type not in ACTOR_ROLE:
        return []
    role = ACTOR_ROLE[ev.type]
    repatriation = ev.type == "other" and _REPATRIATION.search(text, max(sent[0], ev.trigger[0] - 10), min(sent[1], ev.trigger[1] + 30)) is not None
    if repatriation:
        role = "authority"  # the state handing people back acts on them (spec: forced repatriations by China)
    span = _clause_around(text, sent, ev.trigger) if role == "authority" else sent
    mentions = _actor_mentions(text, span, role in ("participant", "recipient"), excluded)
    if not mentions:
        mentions = _anaphoric_bodies(text, span, excluded)
    if role == "authority":
        mentions = [a for a in mentions if not _acted_on(text, span, ev.trigger, a) and not _orders_obeyed(text, span, a)]
    if role == "authority" and not mentions:
        mentions = _subject_actors(text, sent, span, ev.trigger, False, excluded) or _relative_antecedent(
            text, sent, span, ev.trigger, excluded)
    if role == "authority" and not mentions and ev.type in ON_ORDERS_TYPES:
        mentions = _on_orders_of(text, sent, excluded)
    elif role == "authority" and len(mentions) > 1:
        # the body that acts, not the one whose order it follows ("The MSS is tightening control following an
        # order by the central government")
        mentions = [a for a in mentions if not _ordering(text, sent, a)] or mentions
        # ... nor the one that orders another body to do it ("The government ordered the 82 command to step up its
        # crackdown": the command cracks down)
        mentions = [a for a in mentions if not _orders_another(text, a, mentions, ev.trigger)] or mentions
    mentions = [a for a in mentions if not _unit_of_enforcer(text, a, mentions)]
    for a in mentions:
        a.role = role
        if foreign_starts and _abroad(text, a, foreign_starts):
            a.id = "other"  # foreign authorities are `other` (spec: forced repatriations by China)
    if ev.type in ISSUING_TYPES and mentions:
        _mark_issuer(text, ev, mentions)
    actors, seen = [], set()
    # one per body, the mention that issues the order where one does ("the Politburo ..., the party decided")
    for a in sorted(mentions, key=lambda a: a.role != "issuer"):
        if a.id not in seen:
            seen.add(a.id)
            actors.append(a)
    actors.sort(key=lambda a: a.start)
    if role == "authority" and not actors and ev.type in ("arrest", "crackdown"):
        actors += _soldiers_acting(text, span, ev.trigger, excluded)
    if role == "authority" and not actors and (ev.type == "trial" or ev.type == "sentence" and not (
            ev.penalty and ev.penalty.kind in OUT_OF_COURT)):
        actors.append(Actor(id="court", text="", role="authority"))  # a trial is held by a court
    if repatriation and not actors and _FOREIGN_STATE.search(text, sent[0], sent[1]):
        actors.append(Actor(id="other", text="", role="authority"))  # handed back by China, Russia...
    if role == "authority" and not actors and previous and ev.type in ("arrest", "crackdown"):
        actors += [a for a in _agents_before(text, span, ev.trigger, previous, excluded)
                   if not (foreign_starts and _abroad(text, a, foreign_starts))]
    if ev.type in ISSUING_TYPES and previous and not any(a.role == "issuer" for a in actors):
        leader = _leader_before(text, sent, previous, excluded)
        if leader:
            actors.append(leader)
    return actors


# The trigger in the passive: "was arrested", "were reportedly sentenced", "got caught".
# ("were mobilized to arrest": the subject of an infinitive is its agent)
_PASSIVE_BEFORE = regex_store.compile(r"\b(?:was|were|been|being|is|are|be|got|get|gets)\s+(?:(?!to\b)\w+\s+){0,2}$", re.I)
_DISGUISE = regex_store.compile(r"\b(?:dressed|disguised|posing|masquerading) as (?:an? |the )?(?:[\w-]+ )?$|\b(?:pretending to be|impersonating|fake|bogus) (?:an? |the )?(?:[\w-]+ )?$", re.I)
_LINKED_AFTER = regex_store.compile(r"^\W*$|\b(?:by|to|at|in|into|under|from|with|and|before|over|on)\b", re.I)
_PASSIVE_TRIGGER = regex_store.compile(r"(?:was|were|been|being|got)\b", re.I)


# People of a body named before it ("the head of", "officials at", "cadres from the provincial ... of"):
# unless they open the clause ("Inspection team members from the police detained") or follow "by",
# they are the people the event befalls.
_PEOPLE_OF = regex_store.compile(r"\b(?:the\s+)?(?:former\s+)?(?:head|heads|chief|chiefs|director|directors|secretary|secretaries|"
                        r"officials|officers|cadres|members|employees|staff|personnel|leaders?|ministers?|deputies)\s+"
                        r"(?:at|of|in|from|with)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?$", re.I)
_SUBJECT_START = regex_store.compile(r"[\W]*(?:(?:in|on|at|last|earlier|recently|meanwhile)\b[^,]{0,40},\s*)?", re.I)
_BY_BEFORE = regex_store.compile(r"\b(?:by|from|according to)\s+$", re.I)


# A body named as what is talked of or aimed at: "rumours surrounding Kim Jong Un", "criticism of the party".
_TOPIC_BEFORE = regex_store.compile(r"\b(?:rumou?rs?|stories|talk|complaints?|criticism|slander|insults?|jokes?|remarks?|comments?|"
                                    r"information|leaflets?|news)\s+(?:(?:about|surrounding|regarding|concerning|on|of|against|"
                                    r"critical of|insulting|mocking)\s+)(?:the\s+)?(?:[\w’'-]+\s+){0,2}?$", re.I)


def _acted_on(text: str, clause: tuple[int, int], trigger: tuple[int, int], a: Actor) -> bool:
    """A body named among the people the event befalls or in its charge, not as its authority:
    "a police officer was arrested", "a cadre of the party committee was executed" (before a
    passive trigger), "arrested for bribing police officers" (after "for", with no "by" after it)."""
    if _DISGUISE.search(text, max(clause[0], a.start - 40), a.start):
        return True  # "men dressed as police officers" are not the police
    if _TOPIC_BEFORE.search(text, max(clause[0], a.start - 40), a.start):
        return True  # "rumours surrounding Kim Jong Un", "complaints about the police": what is talked of
    if _NOT_AT_WORK_BEFORE.search(text, max(clause[0], a.start - 40), a.start):
        return True  # "a former police officer", "smugglers who bribed border guards"
    owned = _PEOPLE_OF.search(text, max(clause[0], a.start - 60), a.start)
    if owned and not (_SUBJECT_START.fullmatch(text, clause[0], owned.start()) or _BEFORE_SUBJECT.fullmatch(
            text, clause[0], owned.start())) and not _BY_BEFORE.search(
            text, max(clause[0], owned.start() - 12), owned.start()):
        return True  # its people are acted on: "sacking the head of the party committee", "investigate officials at the MSS"
    if a.end <= trigger[0]:
        if text[trigger[0]:trigger[1]].split()[0].lower().endswith("ing"):
            return False  # "are cracking down" is active
        return bool(_PASSIVE_BEFORE.search(text, clause[0], trigger[0]) or _PASSIVE_TRIGGER.match(text, trigger[0]))
    between = text[trigger[1]:a.start]
    at = between.rfind(" for ")
    if at >= 0:
        return " by " not in between[at:]
    # the object of the verb: "Police arrested a border guard"; not "arrested by", "taken to", "tried at"
    return not _LINKED_AFTER.search(between)


# "He ordered ...", "He also called for ...": an order given by the man the sentence before is about.
# ("On January 14, he ordered", "Later that month, he called for": a phrase of time may come first)
_HE_ORDERS = regex_store.compile(r"\W*(?:(?:on|in|last|earlier|later|then|soon|afterwards?|the next day|the following day|at|during|after|shortly after)\b"
                        r"[^,.;]{0,40},\s*)?he\b", re.I)


# The clause's subject is a pronoun or a bare word for officers: "They arrested ...", "The agents then searched ...".
_THEY_ACT = regex_store.compile(r"\W*(?:they|the (?:agents|officers|officials|investigators)|agents|officers)\s+(?:(?:also|then|later|soon|quickly|immediately|have|had)\s+)*$", re.I)


def _agents_before(text: str, clause: tuple[int, int], trigger: tuple[int, int], previous: tuple[int, int], excluded) -> list[Actor]:
    """The enforcing body the sentence before has as its subject, for an arrest or crackdown whose
    clause's subject is "they" or "the agents" ("State security agents raided the house. They
    arrested the couple ..."), or that is told in the passive with no agent ("Agents of the MSS and
    the police searched homes. Five people were arrested."): that body and the ones joined to it."""
    they = _THEY_ACT.fullmatch(text, clause[0], trigger[0])
    if not they and not (_passive(text, clause, trigger) and not _BY.search(text, trigger[1], clause[1])):
        return []
    mentions = [a for a in _actor_mentions(text, previous, False, excluded)
                if not _NOT_AT_WORK_BEFORE.search(text, max(previous[0], a.start - 40), a.start)]
    for i, a in enumerate(mentions):
        if _is_subject(text, previous, a):
            if a.id not in ENFORCERS or _ACTED_ON_AFTER.match(text, a.end, previous[1]):
                return []  # (not "A police officer was arrested last year. Five were detained.")
            found, end = [Actor(id=a.id, text="", role="authority", start=a.start, end=a.end)], a.end
            for b in mentions[i + 1:]:  # "Officers of the MSS and the police searched ..."
                if b.id not in ENFORCERS or not _JOINED.fullmatch(text, end, b.start):
                    break
                found.append(Actor(id=b.id, text="", role="authority", start=b.start, end=b.end))
                end = b.end
            return [f for i, f in enumerate(found) if f.id not in {g.id for g in found[:i]}]
    return []


# The subject's verb in the passive: the body was acted on ("A police officer was arrested").
_ACTED_ON_AFTER = regex_store.compile(r"(?:\s+[\w’'-]+){0,2}?\s+(?:(?:also|himself|herself|themselves|reportedly|recently|later)\s+)?"
                             r"(?:was|were|had been|has been|have been|got)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", re.I)


_BY = regex_store.compile(r"\bby\b", re.I)


def _passive(text: str, clause: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """The trigger is in the passive: "were arrested", "was taken into custody"."""
    return bool(_PASSIVE_BEFORE.search(text, clause[0], trigger[0]) or _PASSIVE_TRIGGER.match(text, trigger[0]))


def _leader_before(text: str, sent: tuple[int, int], previous: tuple[int, int], excluded) -> Actor | None:
    """Kim Jong Un as the issuer of an order whose sentence opens with "He" + an order verb, when the
    sentence before has him as its subject ("Kim Jong Un visited the flooded areas. He ordered ...";
    not "Kim Jong Un's uncle ... He ordered")."""
    m = _HE_ORDERS.match(text, sent[0])
    if not m or not _issuing_verb_after(text, m.end()):
        return None
    for a in _actor_mentions(text, previous, False, excluded):
        if a.id == "kim_jong_un" and not re.match(r"[’']s\b", text[a.end:a.end + 3]) and _is_subject(text, previous, a):
            return Actor(id="kim_jong_un", text="", role="issuer")
    return None


# A body right after an active verb is its object, not the one that orders: "authorities reinforced frontier
# guard units with special forces ordered to shoot" (not after verbs of telling: "the source reported the MSS ordered").
_VERB_OBJECT_BEFORE = regex_store.compile(r"\b(?!(?:reported|noted|added|explained|claimed|learned|confirmed|revealed|stated|"
                                          r"warned|stressed|emphasi[sz]ed|indicated|suggested|believed|"
                                          r"respected|beloved|esteemed|revered|honou?red|named|so-called|united|combined|armed)\b)[a-z]+ed\s+"
                                          r"(?:(?:the|its|their|local|all|some)\s+)?$")


def _mark_issuer(text: str, ev: Event, actors: list[Actor]) -> None:
    """The issuer of an order: the body named as its agent or source ("issued by X", "an order
    from X", "a decree of X"), else the body followed by an order verb ("Kim Jong Un asked
    authorities to ..."; not "X received orders", nor when another body stands between them),
    else the body the trigger says it comes from ("orders ... from X"), else the first body named
    before the trigger."""
    t0, t1 = ev.trigger
    actors = [a for a in actors if not _weak_name(a)  # "soldiers", "inminban members" give no orders
              and not _TOPIC_BEFORE.search(text, max(0, a.start - 40), a.start)]  # nor what rumours are about
    if not actors:
        return
    source = [a for a in actors if _ISSUER_SOURCE.search(text, max(0, a.start - 60), a.start)]
    # a title set off after a body belongs to it: "Kim Jong Un, general secretary of the WPK, ordered ..."
    titled = {}
    for a in actors:
        m = _APPOSITIVE.match(text, a.end)
        if m and _issuing_verb_after(text, m.end() - 1):
            titled[id(a)] = m.end()
    titles = {id(b) for a in actors if id(a) in titled for b in actors if a.end < b.start < titled[id(a)]}
    by_verb = [a for a in actors if id(a) not in titles and (id(a) in titled or (
               _issuing_verb_after(text, a.end) and not _SENT_TO.search(text, max(0, a.start - 40), a.start)
               and not any(a.end < b.start < _issuing_verb_after(text, a.end) for b in actors)))]
    # (a trigger may run on to the body's name: "an order late last year from the Ministry of State Security")
    if len(by_verb) > 1:  # not the body on whose orders the other acts: "Following Kim's orders, the Central Committee sent down ..."
        by_verb = [a for a in by_verb if not _ordering(text, ev.evidence[0], a)] or by_verb
    after = [a for a in actors if a.start > t0 and _ISSUER_AFTER.fullmatch(text, t0, a.start)]
    # not a body told or given the order: "X were ordered to", "X received orders to"
    before = [a for a in actors if a.end <= t0 and not _RECEIVING.search(text, a.end, t0 + len(text[t0:t1].split()[0]))
              and not _VERB_OBJECT_BEFORE.search(text, max(0, a.start - 30), a.start)]
    # a body whose name opens the trigger's own words: "the 5.26 Party directives", "a Cabinet decree"
    opening = [a for a in actors if a.start == t0]
    issuer = (source[0] if source else by_verb[0] if by_verb else after[0] if after else
              min(before, key=lambda a: a.start) if before else opening[0] if opening else None)
    if issuer is not None:
        issuer.role = "issuer"
        for b in actors:  # and the body joined to it: "a joint directive from the MSS and the MPS"
            if b.start > issuer.end and _JOINED.fullmatch(text, issuer.end, b.start):
                b.role = "issuer"


def _weak_name(a: Actor) -> bool:
    """The mention is a body's `weak` name only ("soldiers", "the inminban")."""
    return bool(a.text) and any(re.fullmatch(p, a.text, re.I) for p in lexicon.load("actors").get(a.id, {}).get("weak", []))


def _issuing_verb_after(text: str, at: int) -> int:
    """Where an order verb following within a few words ends ("X has ordered", "X, the ministry,
    issued"), 0 when none does or it is one the body receives ("X received orders")."""
    m = _ISSUING_VERB.match(text, at)
    return m.end() if m and not _RECEIVING.search(m.group(0)) else 0


def _names_enforcer(text: str, ev: Event, excluded) -> bool:
    """The event's clause or its people name an enforcing body: then no other mention of it in the
    report is its authority ("Two men, and a border guard who helped them, were arrested")."""
    clause = _clause_around(text, ev.evidence[0], ev.trigger)
    if any(a.id in ENFORCERS for a in _actor_mentions(text, clause, False, excluded)):
        return True
    return bool(ev.subjects_text) and any(found[0] in ENFORCERS for found in _span_actors(ev.subjects_text, False))


# An abbreviation right after a body's name: "the Ministry of Social Security (MSS)".
_ABBREVIATION = regex_store.compile(r"\s*\(([A-Z]{2,5})\)")


def defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations the report defines, lower-cased, to the id of the body they follow: in a report
    that writes "the Ministry of Social Security (MSS)", "MSS" is the police, not state security."""
    out: dict[str, str] = {}
    for m in _ABBREVIATION.finditer(text):
        before = _actor_mentions(text, (max(0, m.start() - 80), m.start()), False, [])
        if before and before[-1].end == m.start():
            out[m.group(1).lower()] = before[-1].id
    return out


def spell_out(actors: list[Actor], abbreviations: dict[str, str]) -> list[Actor]:
    """The actors with each defined abbreviation read as the body it stands for, once per body."""
    out: list[Actor] = []
    for a in actors:
        a.id = abbreviations.get(a.text.lower(), a.id)
        same = next((b for b in out if b.id == a.id), None)
        if same is None:
            out.append(a)
        elif a.role == "issuer":
            same.role = "issuer"
    return out


# A body's building named as a landmark: "the mountain behind the city police station" names no
# enforcer at work.
_LANDMARK_BEFORE = regex_store.compile(r"\b(?:behind|near|next to|in front of|opposite|across from|beside|close to)\s+"
                              r"(?:the\s+)?(?:[\w’'-]+\s+){0,2}$", re.I)
# ... nor one named as someone's former job or as who is bribed ("a former police officer who
# defected", "smugglers paid off border guards and police")
_NOT_AT_WORK_BEFORE = regex_store.compile(r"\b(?:former|ex-|retired|onetime|one-time|(?:to\s+)?bribe[ds]?|bribing|paid\s+off|"
                                 r"pay(?:ing|s)?\s+off|bribes\s+(?:to|for))\s*(?:the\s+|local\s+|some\s+|a\s+)*"
                                 r"(?:[\w’'-]+\s+(?:and\s+)?){0,2}$", re.I)


# The sentence after an event that names its source by referring back to it: "The ban was announced
# by the Ministry of Social Security", "The order came from the Central Committee", "The arrests were
# carried out by state security agents" (the nouns by which each type of event is referred to).
REFERRING_NOUNS = {
    "policy": r"ban|decision|measures?|restrictions?|lockdown|closure|rules?|regulations?|policy|move|notice|order|decree",
    "directive": r"orders?|directives?|decree|instructions?|notice|decision|guidelines?|lectures?|announcement",
    "arrest": r"arrests?|detentions?|roundups?|round-ups?",
    "crackdown": r"crackdowns?|campaign|raids?|searches|inspections?|operation|investigation",
    "execution": r"executions?",
}
# (the noun, then the words that make what follows its source: "was announced by", "came from",
# ", issued on Monday by", "from"; not "has hit traders hard ... by the police station")
_SOURCE_AFTER = (r"\W*(?:the|this|these|that|those)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})"
                 r"(?:,?\s+(?:which\s+)?(?:(?:was|were|is|are|has been|have been|had been)\s+)?(?:\w+ly\s+)?"
                 r"(?:announced|issued|made|carried out|conducted|ordered|handed down|passed down|sent down|sent|decided|"
                 r"imposed|adopted|organi[sz]ed|led|enforced|put out|posted|released|signed|approved|initiated|launched|"
                 r"given|delivered)\s+(?:\w+\s+){{0,4}}?by"
                 r"|\s+(?:(?:came|comes|come|originated)\s+(?:down\s+)?|(?:was|were|is|are)\s+)?from)"
                 r"\s+(?:(?:the|its|their|local|provincial|city|county|north korea.s|the north.s)\s+){{0,2}}")


def _source_role(etype: str) -> str:
    return "issuer" if etype in ISSUING_TYPES else ACTOR_ROLE[etype]


@lru_cache(maxsize=None)
def _referring_opening_re(etype: str) -> re.Pattern:
    return regex_store.compile(rf"\W*(?:the|this|these|that|those)\s+(?:[\w-]+\s+){{0,2}}?(?:{REFERRING_NOUNS[etype]})\b", re.I)


@lru_cache(maxsize=None)
def _source_after_re(etype: str) -> re.Pattern:
    return regex_store.compile(_SOURCE_AFTER.format(nouns=REFERRING_NOUNS[etype]), re.I)


def _source_named_after(doc: Document, ev: Event, excluded) -> Actor | None:
    """The body the next sentence names as the source of the event it refers back to ("North Korea
    has banned ... . The ban was announced by the Ministry of Social Security.")."""
    sent = ev.evidence[0]
    i = doc.sentences.index(sent) if sent in doc.sentences else -1
    if i < 0 or i + 1 >= len(doc.sentences):
        return None
    after = doc.sentences[i + 1]
    pattern = _source_after_re(ev.type)
    if not _referring_opening_re(ev.type).match(doc.text, after[0], after[1]):
        return None  # (checked first: most sentences do not open by referring back, and are not scanned)
    for a in _actor_mentions(doc.text, after, False, excluded):
        if pattern.fullmatch(doc.text, after[0], a.start):
            return Actor(id=a.id, text=a.text, role=_source_role(ev.type), start=a.start, end=a.end)
    return None


def fill_context_actors(doc: Document, excluded, abbreviations: dict[str, str] | None = None) -> None:
    """Bodies the event's own clause does not name but the report does: the body the next sentence
    names as the source of the event it refers back to; else an arrest or crackdown in a report
    that names a single enforcing body is that body's; an order or measure in a report whose orders
    all come from one issuer is that issuer's."""
    for ev in doc.events:
        if ev.type in REFERRING_NOUNS and not any(a.role == _source_role(ev.type) for a in ev.actors):
            named = _source_named_after(doc, ev, excluded)
            if named is not None:
                ev.actors.append(spell_out([named], abbreviations)[0] if abbreviations else named)
    unattributed = [ev for ev in doc.events
                    if ev.type in ("arrest", "crackdown") and not any(a.role == "authority" for a in ev.actors)]
    enforcers: set[str] = set()
    if unattributed:  # the report is scanned only when some arrest or crackdown needs it
        named = spell_out(_actor_mentions(doc.text, (0, len(doc.text)), False, excluded, _ENFORCER_SCAN), abbreviations or {})
        foreign_starts = frozenset(m.start for m in doc.foreign_mentions)
        enforcers = {a.id for a in named if a.id in ENFORCERS and not _abroad(doc.text, a, foreign_starts)
                     and not _LANDMARK_BEFORE.search(doc.text, max(0, a.start - 40), a.start)
                     and not _NOT_AT_WORK_BEFORE.search(doc.text, max(0, a.start - 40), a.start)}
    issuers = {a.id for ev in doc.events for a in ev.actors if a.role == "issuer"}
    only_body: list = []  # the report's single body, found when first needed
    for ev in doc.events:
        # a clause that names the body only as the people acted on ("a police officer was arrested") is not its
        if len(enforcers) == 1 and any(ev is u for u in unattributed) and not _names_enforcer(doc.text, ev, excluded):
            ev.actors.append(Actor(id=next(iter(enforcers)), text="", role="authority"))
        elif ev.type in ("policy", "directive") and len(issuers) == 1 and not any(a.role == "issuer" for a in ev.actors):
            ev.actors.append(Actor(id=next(iter(issuers)), text="", role="issuer"))
        elif ev.type in ("directive", "policy") and not issuers and not any(a.role == "issuer" for a in ev.actors) and not _ANAPHOR.search(
                doc.text, ev.evidence[0][0], ev.evidence[0][1]):  # ("The committee ordered": some body the sentence refers to)
            if not only_body:
                only_body.append(_single_issuing_body(doc.text, excluded))
            # (not a body the order goes to: "ordered the State Security Department to put a stop to it")
            if only_body[0] and not any(a.id == only_body[0] for a in ev.actors):
                ev.actors.append(Actor(id=only_body[0], text="", role="issuer"))


def _single_issuing_body(text: str, excluded) -> str | None:
    """The one body a report names, when it is one that issues orders (LOCAL_ISSUERS; an enforcing body only when
    named at least twice)."""
    found = [a for a in _actor_mentions(text, (0, len(text)), False, excluded)
             if not _NOT_AT_WORK_BEFORE.search(text, max(0, a.start - 40), a.start)]
    ids = {a.id for a in found}
    if len(ids) != 1:
        return None
    body = ids.pop()
    return body if body in LOCAL_ISSUERS and (len(found) >= 2 or body not in ENFORCERS) else None


# An order or measure in a report that names one body only, and no issuer of any order, is that body's ("Lectures were held
# telling people to turn themselves in" in a report on a state security crackdown): a party or state organ
# wherever named, an enforcing body when named at least twice (a report about that body; police named once are
# mostly among the enforcers of an order, not its source); the leader, named in passing in most reports, never.
LOCAL_ISSUERS = frozenset({"central_committee", "party_committee", "peoples_committee", "cabinet", "mss", "mps", "inspection_group", "quarantine_hq"})


# Punishments a report can mark as unverified as a whole ("The report could not be independently verified").
DOUBTED_TYPES = {"arrest", "execution", "sentence", "trial"}
# Events that can be the content of an order ("ordered police to arrest", "called for a crackdown").
ORDERABLE_TYPES = {"arrest", "crackdown", "execution", "sentence", "mobilization"}
# Punishments of people: an order of one named by its noun is news of it when the people are named.
PUNISHMENT_TYPES = {"arrest", "execution", "sentence"}
# Events a cue right after the trigger can make planned ("a public trial is scheduled for Monday").
SCHEDULED_TYPES = {"arrest", "execution", "sentence", "trial", "crackdown", "mobilization"}
# Where a clause ends: a cue of planning, negation or denial before it says nothing of an event
# after it ("Ahead of the upcoming congress, police arrested 30 traders").
CLAUSE_BREAK = regex_store.compile(r"[,;:()\[\]–—]|\s(?:but|while|whereas|after|because|although|though)\s", re.I)
# A leading clause of circumstance ("As North Korea seeks to expand trade with Russia, ...").
LEADING_CLAUSE = regex_store.compile(r"\W*(?:as|while|since|because|although|though|ahead of|in preparation for|amid|with|"
                            r"after|before|as part of)\b[^,;]*,", re.I)


SERVED = regex_store.compile(r"(?:serve|pay|undergo)\b", re.I)


def choose_modality(text: str, sent: tuple[int, int], trigger: tuple[int, int], etype: str | None = None) -> str:
    """What the sentence says of the event: a cue shortly before the trigger in its clause (or in
    it: "plans to allow"; or right after it: "a trial is scheduled for") makes it negated, planned,
    ordered or alleged; `etype` (the event type) decides the cues that depend on it: an order or a
    measure told with "will" is planned only when its start is still to come; an absence told of a
    hardship is the hardship; a report that marks its account as unverified makes its punishments
    alleged."""
    cues, pats = lexicon.load("modality"), lexicon.compiled("modality")

    def before(name: str) -> str:
        return text[max(sent[0], trigger[0] - cues[name].get("window", 60)):trigger[1]]

    # a ban told through its negation ("nobody can enter the city", "residents are not allowed to
    # leave") is the measure in force: a negation inside a policy's own trigger negates nothing
    end = trigger[0] if etype == "policy" else trigger[1]

    def in_clause(name: str) -> str:
        start = max(sent[0], trigger[0] - cues[name].get("window", 60))
        for m in CLAUSE_BREAK.finditer(text, start, trigger[0]):
            start = m.end()
        return text[start:end]

    after = text[trigger[1]:min(sent[1], trigger[1] + 80)]
    # "have not been allowed to leave": a permission denied is a ban in force
    banned = etype == "policy" and PERMISSION.match(text, trigger[0]) and NOT_RIGHT_BEFORE.search(
        text, max(sent[0], trigger[0] - 25), trigger[0])
    if etype == "hardship":
        if _hardship_negation().search(before("alleged")):
            return "negated"
    elif not banned and (pats["negated"]["patterns"].search(in_clause("negated")) or pats["negated_far"]["patterns"].search(in_clause("negated_far"))
          or pats["negated_after"]["patterns"].match(after)
          or (etype in SCHEDULED_TYPES and pats["called_off_after"]["patterns"].match(after))):
        return "negated"
    if etype in SCHEDULED_TYPES and pats["put_off_after"]["patterns"].match(after):
        return "planned"
    # an order or a measure is planned wherever the sentence says so ("announced plans to release
    # prisoners beginning in February ... amnesty"), but for a leading clause of circumstance;
    # other events only by a cue near the trigger in its clause
    # (a directive is the order given, told as done whatever its content: "a decree said the North
    # will apply amnesty from Feb. 1" is an order issued; it is planned only by a cue that governs it)
    if etype == "policy":
        lead = LEADING_CLAUSE.match(text, sent[0], trigger[0])
        told = text[lead.end() if lead else sent[0]:sent[1]]
        if pats["planned"]["patterns"].search(told):
            return "planned"
        # ("announced that sales would be prohibited from next month": the future told in reported speech)
        if ((pats["will"]["patterns"].search(told) or pats["would"]["patterns"].search(told))
                and pats["future_start"]["patterns"].search(told)
                and not pats["started"]["patterns"].search(told)):
            return "planned"
    elif (_governs(pats["planned"]["patterns"], in_clause("planned"), trigger) or _governs(pats["will"]["patterns"], in_clause("will"), trigger)
          or (etype in SCHEDULED_TYPES and pats["planned_after"]["patterns"].match(after))):
        return "planned"
    # (a court's order to the punished is the punishment: "he was ordered to serve six months")
    if etype in ORDERABLE_TYPES and not SERVED.match(text, trigger[0]):
        lead_in = (max(sent[0], trigger[0] - 60), trigger[0])
        if pats["ordered"]["patterns"].search(text, *lead_in):
            return "ordered"
        if pats["ordered_noun"]["patterns"].search(text, *lead_in) and (
                etype not in PUNISHMENT_TYPES or _of_whoever().match(after)):
            return "ordered"
    if pats["alleged"]["patterns"].search(_after_other_clause(text, before("alleged"))):
        return "alleged"
    if etype in DOUBTED_TYPES and pats["hedged"]["patterns"].search(before("hedged")):
        return "alleged"
    near = text[max(sent[0], trigger[0] - cues["alleged_near"]["window"]):trigger[0]]
    if pats["alleged_near"]["patterns"].search(near):
        return "alleged"
    if etype in DOUBTED_TYPES and any(a <= trigger[0] < b for a, b in _doubted_parts(text)):
        return "alleged"
    if etype in ("execution", "sentence") and _contradicted(text, sent, trigger, etype):
        return "alleged"
    return "asserted"


# An execution told as another's claim ("Chosun Ilbo reported last week that the envoy had been
# executed", "a report that several officials were executed", "media claimed in 2013 that ...").
CLAIMED_THAT = regex_store.compile(r"\b(?:reported|claimed|alleged|reports?|claims?|rumou?rs?)\b(?:[\w ,-]{0,30}?)\s+that\b", re.I)


@lru_cache(maxsize=None)
def _reappeared() -> lexicon.Patterns:
    return lexicon.lexicon_patterns("modality", "contradicted", "reappeared_patterns")


def _contradicted(text: str, sent: tuple[int, int], trigger: tuple[int, int], etype: str) -> bool:
    """The report says in the event's sentence or after it that the person is alive (an execution) or
    has reappeared in public (an execution or a lesser punishment): the punishment was a rumour.
    Shortly after it, or anywhere later in its story when the event is told as a claim."""
    cue = lexicon.load("modality")["contradicted"]
    pats = lexicon.compiled("modality")["contradicted"]
    claimed = CLAIMED_THAT.search(text, sent[0], trigger[0]) is not None
    end = len(text) if claimed else min(len(text), max(sent[1], trigger[1] + cue["reach"]))
    reappeared = _reappeared()
    found = [p.search(text, sent[0], end) for p in
             ((pats["patterns"], reappeared) if etype == "execution" else (reappeared,))]
    m = min((x for x in found if x is not None), key=lambda x: x.start(), default=None)
    return m is not None and not story_turns(text, min(trigger[1], m.start()), max(trigger[1], m.start()))


# Where a clause of its own starts ("Rumors say the officer was executed, while his deputy was
# arrested"): a hedge before it is of the other clause.
OTHER_CLAUSE = regex_store.compile(r"[,;]\s+(?:while|but|whereas|although|though|and)\b|;", re.I)


def _after_other_clause(text: str, stretch: str) -> str:
    """The end of `stretch` from the last clause of its own that starts in it."""
    last = None
    for last in OTHER_CLAUSE.finditer(stretch):
        pass
    return stretch[last.end():] if last else stretch


# Between a cue of planning and the trigger: the trigger then names people or a thing of the planned
# act, not the act ("plan to hold a trial for the arrested smugglers", "will punish those who were caught").
# A finite "was"/"were" between them starts another predicate ("a man who had planned to flee was
# arrested": the arrest is told as done).
# So does a conjunction of time or cause ("were preparing for the holiday when police arrested ...").
NOT_GOVERNED = regex_store.compile(r"\b(?:who|whom|whose|which|that|for|of|against|with|was|were|when|whereupon|until|because|after|before|since)\b", re.I)


def _governs(cue: re.Pattern, clause: str, trigger: tuple[int, int]) -> bool:
    """The cue is in the clause and the last of its matches bears on the trigger at the clause's end."""
    last = None
    for last in cue.finditer(clause):
        pass
    gap_end = len(clause) - (trigger[1] - trigger[0])  # the words between the cue and the trigger
    return last is not None and not NOT_GOVERNED.search(clause, last.end(), max(last.end(), gap_end))


@lru_cache(maxsize=None)
def _of_whoever() -> lexicon.Patterns:
    return lexicon.lexicon_patterns("modality", "ordered_noun", "of_whoever")


PERMISSION = regex_store.compile(r"(?:allow|permit)\w*", re.I)
NOT_RIGHT_BEFORE = regex_store.compile(r"\b(?:not|never|no longer)\s+(?:(?:been|be|yet|being|officially|formally)\s+)*$|n[’']t\s+(?:(?:been|be)\s+)*$", re.I)

@lru_cache(maxsize=None)
def _hardship_negation() -> lexicon.Patterns:
    return lexicon.lexicon_patterns("modality", "negated", "hardship_patterns")


# Where a report turns to another story ("Meanwhile, there are also reports that ..."): a doubt
# told of one story ("nothing has been confirmed about the report") is not of the other.
STORY_BREAK = regex_store.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=\n))(?:Meanwhile|Separately|Elsewhere|In other news|In (?:a )?separate (?:case|incident|news|development)s?|"
                         r"In an unrelated (?:case|incident|development))\b")


def story_start(text: str, at: int) -> int:
    """Where the story told at `at` begins: the last turn to another story before it, else 0."""
    return max((m.start() for m in _story_breaks(text) if m.start() <= at), default=0)


@lru_cache(maxsize=8)
def _story_breaks(text: str) -> tuple[re.Match, ...]:
    return tuple(STORY_BREAK.finditer(text))


def story_turns(text: str, start: int, end: int) -> bool:
    """The report turns to another story between `start` and `end`."""
    return any(start <= m.start() and m.end() <= end for m in _story_breaks(text))


@lru_cache(maxsize=8)
def _doubted_parts(text: str) -> tuple[tuple[int, int], ...]:
    """The stretches of the report, cut where it turns to another story, that mark their account
    as unverified (checked once per report)."""
    doubt = lexicon.compiled("modality")["doubt"]["patterns"]
    cuts = [0] + [m.start() for m in _story_breaks(text)] + [len(text)]
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        for m in doubt.finditer(text, a, b):
            claim = _CLAIM_DOUBTED.search(text, max(a, m.start() - 300), m.start())
            if claim is None:
                parts.append((a, b))  # the account as a whole ("The report could not be verified.")
                break
            # a caveat joined to one claim ("..., but the claim could not be verified") doubts that sentence only
            parts.append((claim.start(), m.end()))  # (the claim's match opens at its sentence's start)
    return tuple(parts)


# A caveat joined to the claim before it in its sentence: "Kim reportedly ordered ..., but the claim
# could not be verified", "..., though this could not be confirmed", "..., which could not be verified".
_CLAIM_DOUBTED = regex_store.compile(r"[^.!?\n]{20,},\s+(?:but|though|although|which|a claim that|something that)\b[^.!?\n]{0,40}$", re.I)


@lru_cache(maxsize=None)
def _group_re() -> re.Pattern:
    words = lexicon.load("subjects")["number_words"]
    qty = _quantity(w for w in words if " " not in w)
    return regex_store.compile(rf"(?<![\w-])(?P<n>{qty})\s+(?:(?:of them|[a-z]+s)\s+)?for\s+(?P<what>[^,;–—()]+?)"
                      rf"(?=\s+and\s+{qty}\s+|\s*[,;–—.)]|$)", re.I)


def split_groups(text: str, ev: Event) -> list[Event]:
    """One punishment event per group a sentence enumerates ("two for watching South Korean films
    and one for murder"), each with its own count and charges."""
    if ev.type not in ("execution", "sentence", "arrest"):
        return [ev]  # (before the groups are looked for: the most frequent answer, and the cheapest)
    s, e = ev.evidence[0]
    groups = [g for g in _group_re().finditer(text, s, e) if _number(g.group("n"))]
    if len(groups) < 2:
        return [ev]
    out = []
    for g in groups:
        part = copy.copy(ev)
        part.subjects_text, part.subjects_count = g.group(0), _number(g.group("n"))
        part.charges = choose_charges(g.group("what"), text) or list(ev.charges)
        part.trigger = (g.start(), g.end())
        out.append(part)
    return out


# Where one sentence may hand out several punishments: "Two received the death penalty, two got
# life sentences, and the remaining seven were given 10 to 15 years", "X was sent to a camp, while
# others were fined".
SEGMENT_BREAK = regex_store.compile(r";\s+|,?\s+(?:while|whereas|but)\s+|,\s+(?:and\s+)?"
                           r"|\s+and\s+(?!(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"fifteen|twenty)[\s-](?:years?|months?)\b)", re.I)  # not "between three and seven years"
# A segment opens a clause of its own when it has its own verb of punishment or its own people.
CLAUSE_VERB = regex_store.compile(r"\b(?:gave|given|give|got|get|received|receiving|sentenced|handed|sent|condemned|"
                         r"fined|jailed|imprisoned|banished|exiled|expelled|dismissed|demoted|punished|faced|"
                         r"were|was)\b", re.I)


# a group a clause names by number or by "the other(s)" ("two got ...", "the other six", "five others",
# "three of his deputies")
GROUP_WORDS = regex_store.compile(r"\b(?:(?:the )?(?:other|remaining|rest of the)\s+(?:\d+|one|two|three|four|five|six|seven|eight|"
                         r"nine|ten|eleven|twelve)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                         r"twelve)\s+(?:others|of (?:them|the|his|her|their|its|those))|the (?:others|rest)|another (?:one|person|man|woman))\b"
                         r"|^\W*(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:got|received|were|was)\b", re.I)
WITH_BEFORE = regex_store.compile(r"\bwith\s+$", re.I)
# "sentenced one to death and the other two to 15 years": the verb is not said again
GAPPED_TERM = regex_store.compile(r"\s*(?:[\w-]+\s+){1,4}?to\s+(?:between\s+|up\s+to\s+|terms?\s+of\s+)?(?:\d+|a|an|one|two|three|"
                         r"four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)[\s-]", re.I)


def split_penalties(text: str, ev: Event, excluded) -> list[Event]:
    """One sentence event per clause that names its own penalty, each with that clause's people.
    The sentence is cut at commas, "and", "while"...; a cut piece with a penalty and a verb or
    people of its own starts a clause, any other piece belongs to the clause before it."""
    if ev.type != "sentence":
        return [ev]
    s, e = ev.evidence[0]
    bounds = [s] + [m.end() for m in SEGMENT_BREAK.finditer(text, s, e)] + [e]
    clauses: list[list] = []  # [start, end, penalty]
    pending = s  # where the words not yet in a clause begin
    for a, b in zip(bounds, bounds[1:]):
        # a term with no kind word is told below as of the kind named before it
        penalty = choose_penalty(text[a:b], bare_terms=False) if b > a else None
        if penalty is None and not clauses and b > a and CLAUSE_VERB.search(text, a, b):
            # "One woman received a sentence of 18 months, while her husband ...": a first clause
            # whose term names no kind is a penalty of its own
            penalty = choose_penalty(text[a:b])
        if penalty is None and clauses and b > a and (CLAUSE_VERB.search(text, a, b) or GAPPED_TERM.match(text, a, b)):
            # "... to 15 years of reform through labor and gave the other six between three and
            # seven years": a term with no kind word is of the kind named before it
            gapped = not CLAUSE_VERB.search(text, a, b)
            # a gapped clause reads as with its verb said again: "(sentenced) his three helpers to ten years"
            low, high = _term_bounds(("sentenced " if gapped else "") + text[a:b])
            if clauses[-1][2].kind not in TERM_KINDS:
                # "two got life sentences, and seven were given terms of 10 years": a kind without
                # terms lends none; the term is a kind of its own, a term of years in prison
                penalty = choose_penalty(text[a:b]) or (
                    Penalty(kind="prison", min_months=low, max_months=high, text=text[a:b].strip())
                    if low is not None and gapped else None)
            elif low is not None or high is not None:
                penalty = Penalty(kind=clauses[-1][2].kind, min_months=low, max_months=high, text=text[a:b].strip())
        # a clause is another group's when it names its own people ("two got life sentences", "his
        # wife received ten years", "gave the other six ..."); "were dismissed and sent with their
        # families to a mine" is one group's
        own = penalty is not None and (bool(GROUP_WORDS.search(text[a:b])) or any(
            not WITH_BEFORE.search(text, max(a, p[0] - 6), p[0]) for p in find_subjects(text, (a, b), excluded)))
        if penalty is not None and (not clauses or own):
            clauses.append([pending, b, penalty])
            pending = b
        elif clauses and pending == clauses[-1][1]:
            clauses[-1][1] = b  # "...in labor and re-education camps": the same clause goes on
            pending = b
    distinct = {(p.kind, p.min_months, p.max_months) for _, _, p in clauses}
    if len(clauses) < 2 or len(distinct) < 2:
        return [ev]
    out = []
    for a, b, penalty in clauses:
        part = copy.copy(ev)
        part.penalty = choose_penalty(text[a:b], bare_terms=False) or penalty
        part.trigger = (a, b)
        verb = CLAUSE_VERB.search(text, a, b)  # the clause's people are nearest its verb
        part.subjects_text, part.subjects_count = choose_subjects(text, (a, b), verb.start() if verb else a, excluded)
        part.charges = choose_charges(text[a:b], text) or list(ev.charges)
        out.append(part)
    return out


# Where a sentence turns to a clause of its own: ";", "while", "but", or ", and" before a lower-case
# word (", and Pochon County" goes on a list of places; ", and as such prices are dropping" does not).
PLACE_CLAUSE_BREAK = regex_store.compile(r";|\s(?:while|whereas|but)\s|,\s+and\s+(?=[a-z])")


def _clause_names_place(doc: Document, ev: Event) -> bool:
    """The trigger's clause names a place of its own: "potatoes are harvested in Samjiyon, Paegam and
    Pochon, and as such potato prices are dropping" tells one price trend, not one per county. (For
    prices only: damage told verb after verb names its places anywhere in the sentence.)"""
    s, e = ev.evidence[0]
    start = max([s] + [m.end() for m in PLACE_CLAUSE_BREAK.finditer(doc.text, s, ev.trigger[0])])
    after = PLACE_CLAUSE_BREAK.search(doc.text, ev.trigger[1], e)
    end = after.start() if after else e
    return any(start <= m.start < end for m in doc.place_mentions)


def split_places(doc: Document, ev: Event, excluded) -> list[Event]:
    """Prices and hardship are recorded per place: "in Sinuiju and Uiju" gives one event each."""
    if ev.type not in ("market", "hardship") or ev.place_basis != "sentence":
        return [ev]
    s, e = ev.evidence[0]
    ids = {m.place.id: m.place for m in doc.place_mentions
           if s <= m.start < e and not _inside((m.start, m.end), excluded)}
    leaves = [p for i, p in ids.items() if not any(o != i and o.startswith(i + ".") for o in ids)]
    if len(leaves) < 2 or (ev.type == "market" and not _clause_names_place(doc, ev)):
        return [ev]
    out = []
    for place in leaves:
        part = copy.copy(ev)
        part.place = place
        at = next(m.start for m in doc.place_mentions if s <= m.start < e and m.place.id == place.id)
        clause = _clause_of(doc.text, (s, e), at)
        if not clause[0] <= ev.trigger[0] < clause[1]:
            # told in a clause of its own ("..., and more deaths were reported in Kimhyongjik in
            # March"): its time and people are that clause's
            part.date = choose_date(doc, part, clause) or ev.date
            part.subjects_text, part.subjects_count = choose_subjects(doc.text, clause, clause[0], excluded)
        out.append(part)
    return out


# Occurrences told as places each with its own date: "trials were held in Hyesan on June 3 and in
# Samjiyon on June 5" (between a place and its date, only a preposition).
OCCASION_TYPES = ("trial", "execution")
PLACE_THEN_DATE = regex_store.compile(r",?\s+(?:on|in|at|during)\s+(?:the\s+)?$", re.I)


def split_occasions(doc: Document, ev: Event, excluded) -> list[Event]:
    """One trial or execution per place the sentence pairs with a date of its own."""
    if ev.type not in OCCASION_TYPES:
        return [ev]
    s, e = ev.evidence[0]
    places = [m for m in doc.place_mentions
              if s <= m.start < e and m.place.level != "country" and not _inside((m.start, m.end), excluded)]
    pairs = []
    for m in places:
        d = next((d for d in doc.date_mentions if m.end < d.start < m.end + 16 and d.end <= e), None)
        if d is not None and PLACE_THEN_DATE.fullmatch(doc.text, m.end, d.start) is not None:
            pairs.append((m, d))
    if len({m.place.id for m, _ in pairs}) < 2 or len({(d.date_start, d.date_end) for _, d in pairs}) < 2:
        return [ev]
    out = []
    for m, d in pairs:
        part = copy.copy(ev)
        part.place, part.place_basis = m.place, "sentence"
        part.date, part.date_basis = d, "sentence"
        part.subjects_count = None  # the people told are those of all the occasions together
        out.append(part)
    return out


def _clause_of(text: str, sent: tuple[int, int], at: int) -> tuple[int, int]:
    """The clause of the sentence (cut at PLACE_CLAUSE_BREAK) that holds offset `at`."""
    start = max([sent[0]] + [m.end() for m in PLACE_CLAUSE_BREAK.finditer(text, sent[0], at)])
    after = PLACE_CLAUSE_BREAK.search(text, at, sent[1])
    return start, (after.start() if after else sent[1])


# Mobilizations are one per campaign and area (annotation.md).
def split_mobilizations(doc: Document, ev: Event, excluded) -> list[Event]:
    """A later mobilization told in a clause of its own that names its own place ("students in
    Hamhung were sent to farms, while students in Pyongyang were mobilized for construction") is
    another area's: an event of its own, with that clause's place, time and people."""
    if ev.type != "mobilization" or ev.place_basis != "sentence":
        return [ev]
    s, e = ev.evidence[0]
    pats = lexicon.table_patterns("triggers", "mobilization")
    parts, last = [ev], _clause_of(doc.text, (s, e), ev.trigger[0])
    for brk in PLACE_CLAUSE_BREAK.finditer(doc.text, last[1], e):
        clause = _clause_of(doc.text, (s, e), brk.end())
        # (a clause naming a place of its own is looked for first: the patterns are tried only in it)
        if clause[0] < last[1] or not any(clause[0] <= p.start < clause[1] for p in doc.place_mentions):
            continue
        m = pats["patterns"].search(doc.text, clause[0], clause[1])
        if m is None or _overlaps_exclude(pats, doc.text, m, (s, e)):
            continue
        part = copy.copy(ev)
        part.trigger = m.span()
        part.place, part.place_basis = choose_place(doc, part, clause, excluded)
        part.date = choose_date(doc, part, clause) or ev.date
        part.subjects_text, part.subjects_count = choose_subjects(doc.text, clause, m.start(), excluded)
        parts.append(part)
        last = clause
    if len(parts) > 1:  # the first keeps its own clause's place
        ev.place, ev.place_basis = choose_place(doc, ev, _clause_of(doc.text, (s, e), ev.trigger[0]), excluded)
    return parts


# Where a sentence turns to a clause of its own ("..., and the county party committee instructed ...").
ORDER_CLAUSE = regex_store.compile(r"(?:,\s+(?:and|while|but|whereas)|;|\s(?:while|whereas))\s+", re.I)
# how far into its clause an order's own issuer may be named
ISSUER_REACH = 60
# an earlier order told in a leading clause ("After recently ordering factories to X, the party has now
# issued an order to Y"): the comma closing it opens the clause of the new order
# (the leading clause marks the order told after it as another one, whoever the sentence names as its issuer)
EARLIER_ORDER_CLAUSE = regex_store.compile(
    r"(?:(?:After|Following)\s+(?:[a-z]+ly\s+)?(?:ordering|instructing|directing|telling|commanding|banning|issuing)"
    r"|Having\s+(?:[a-z]+ly\s+)?(?:ordered|instructed|directed|told|commanded|banned|issued))\b[^,;]{0,160}?,\s+")


def _overlaps_exclude(pats: dict, text: str, m: re.Match, sent: tuple[int, int]) -> bool:
    """The trigger match overlaps one of its table's exclude matches in the sentence."""
    return bool(pats["exclude"]) and any(x.start() < m.end() and m.start() < x.end()
                                         for x in pats["exclude"].finditer(text, sent[0], sent[1]))


def split_orders(doc: Document, ev: Event, excluded, previous: tuple[int, int] | None = None) -> list[Event]:
    """One directive per distinct order and issuer (annotation.md): a later order in a clause of its
    own whose own body gives it ("The Cabinet told factories to ..., and the MSS ordered its agents to
    ...") is a directive of its own, with that clause's bodies; the first keeps the words before it."""
    if ev.type != "directive":
        return [ev]
    s, e = ev.evidence[0]
    pats = lexicon.table_patterns("triggers", "directive")
    cuts = []  # (clause start, trigger) of each later order with its own issuer
    last_end = ev.trigger[1]
    leading = EARLIER_ORDER_CLAUSE.match(doc.text, s, e)
    breaks = ([leading.end()] if leading and leading.end() > ev.trigger[1] else []) \
        + [b.end() for b in ORDER_CLAUSE.finditer(doc.text, ev.trigger[1], e)]
    for start in breaks:
        reach = (start, min(e, start + ISSUER_REACH))
        # (the clause's own issuing body is looked for first: the order patterns are tried only after it)
        if start < last_end or not (leading and start == leading.end()) and not any(
                _issuing_verb_after(doc.text, a.end) for a in _actor_mentions(doc.text, reach, False, excluded)):
            continue
        m = pats["patterns"].search(doc.text, start, e)
        if m is None or m.start() > reach[1] or _overlaps_exclude(pats, doc.text, m, (s, e)):
            continue
        cuts.append((start, m.span()))
        last_end = m.end()
    if not cuts:
        return [ev]
    out, bounds = [], [s] + [c for c, _ in cuts] + [e]
    for i, trigger in enumerate([ev.trigger] + [t for _, t in cuts]):
        part = copy.copy(ev)
        part.trigger = trigger
        # (the first clause's "He" is the man the sentence before is about: "He ordered ..., and the Cabinet ...")
        part.actors = choose_actors(doc.text, (bounds[i], bounds[i + 1]), part, excluded, previous if i == 0 else None)
        out.append(part)
    return out


# Punishments a sentence may tell of a group the sentence before it counted ("They were executed").
REFERRING_TYPES = {"arrest", "trial", "sentence", "execution"}
# "they were later executed", "both of them were sent", "sent them to", "the punishment given to them"
# ... and a definite plural for the people told before: "The men had been arrested", "the three, all
# in their 30s, were caught", "These defectors were handed over"
_REFERENCE_BEFORE = regex_store.compile(r"(?<![\w-])(?:[Tt]hey|(?:[Bb]oth|[Aa]ll) of them"
                               r"|(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b[^.;]{0,60}?"
                               r"|(?:[a-z-]+\s+){0,2}?(?:[a-z]+s|men|women|people|children)))"
                               r"\s+(?:were|had been|have been|are|got|received|faced)\s+(?:[a-z]+\s+){0,2}$")
_REFERENCE_AFTER = regex_store.compile(r"[\w-]+(?:\s+[a-z]+)?\s+(?:to\s+)?them\b")


def _plural_reference(text: str, sent: tuple[int, int], trigger_at: int) -> bool:
    """The trigger is told of "they" or "them": people named before the sentence."""
    aux = _LEADING_AUX.match(text, trigger_at, sent[1])
    end = aux.end() if aux else trigger_at
    return bool(_REFERENCE_BEFORE.search(text, max(sent[0], trigger_at - 50), end)
                or _REFERENCE_AFTER.match(text, trigger_at, sent[1]))


def _group_before(doc: Document, sent: tuple[int, int], excluded, subjects_of: dict) -> tuple[str, int] | None:
    """The one counted group of the sentence before `sent` (None when it counts none, or several
    groups: "Police arrested 40 people; 12 were released" leaves "they" unresolved)."""
    i = doc.sentences.index(sent) if sent in doc.sentences else 0
    if i == 0:
        return None
    before = doc.sentences[i - 1]
    if before not in subjects_of:
        subjects_of[before] = find_subjects(doc.text, before, excluded)
    counted = [p for p in subjects_of[before] if p[2] is not None]
    if not counted:
        return None
    words, count = choose_subjects(doc.text, before, before[0], excluded, subjects_of[before], person_ok=False)
    at = doc.text.find(words, before[0], before[1]) if words else -1
    if count is None or at < 0 or any(not (at <= p[0] and p[1] <= at + len(words)) and p[2] != count for p in counted):
        return None
    return words, count


# ---------- the stage ----------

def run(doc: Document) -> Document:
    excluded = attribution_spans(doc.text, doc.sentences)
    subjects_of: dict[tuple[int, int], list] = {}  # several events often share one sentence
    sentence_index = {start: i for i, (start, _) in enumerate(doc.sentences)}
    abbreviations = defined_abbreviations(doc.text)
    attribution = doc.text[excluded[0][0]:excluded[0][1]].strip() if excluded else None
    foreign_starts = frozenset(m.start for m in doc.foreign_mentions)
    for ev in doc.events:
        sent = ev.evidence[0]
        sentence = doc.text[sent[0]:sent[1]]
        ev.place, ev.place_basis = choose_place(doc, ev, sent, excluded)
        if ev.type == "market" and ev.place_basis != "sentence" and not (
                ev.place_basis == "context" and LEVEL_REFERENCE.search(doc.text, sent[0], sent[1])):
            # a price is local to where it was quoted; a sentence naming no place gives a national figure
            # ("across the province" names the one told before)
            ev.place, ev.place_basis = Gazetteer.load().get("kp"), "country"
        ev.modality = choose_modality(doc.text, sent, ev.trigger, ev.type)
        ev.date = choose_date(doc, ev, sent)
        ev.date_basis = ("announced" if _announced(doc, ev.date, sent) else "sentence") if ev.date else None
        ev.context_date = None if ev.date else context_date(doc, sent)
        if sent not in subjects_of:
            subjects_of[sent] = find_subjects(doc.text, sent, excluded)
        ev.subjects_text, ev.subjects_count = choose_subjects(doc.text, sent, ev.trigger[0], excluded,
                                                              subjects_of[sent], person_ok=ev.type in CHARGE_TYPES)
        if ev.subjects_count is None and ev.type in REFERRING_TYPES and _plural_reference(doc.text, sent, ev.trigger[0]):
            # "Two smugglers were arrested in May. They were sentenced to five years": the two
            ev.subjects_text, ev.subjects_count = _group_before(doc, sent, excluded, subjects_of) or (
                ev.subjects_text, None)
        if ev.type in CHARGE_TYPES:
            ev.charges = clause_charges(doc.text, sent, ev.trigger, excluded)
            if not ev.charges and ev.type != "prohibited_activity":
                ev.charges = next_sentence_charges(doc.text, doc.sentences, sent, ev.type)
        if ev.type == "sentence":
            ev.penalty = choose_penalty(sentence)
        at = sentence_index.get(sent[0])
        ev.actors = choose_actors(doc.text, sent, ev, excluded, doc.sentences[at - 1] if at else None, foreign_starts)
        if abbreviations:
            ev.actors = spell_out(ev.actors, abbreviations)
        if (ev.type in ISSUING_TYPES and ev.place_basis != "sentence"
                and any(a.role == "issuer" and a.id in NATIONAL_ISSUERS for a in ev.actors)):
            ev.place, ev.place_basis = Gazetteer.load().get("kp"), "country"
        # the source quoted in the sentence, else the latest one before it, else the report's first
        earlier = [doc.text[a:b] for a, b in excluded if a < sent[1]]
        ev.attribution = earlier[-1].strip() if earlier else attribution
        ev.confidence = min(0.95, ev.confidence + 0.05 * sum(
            x is not None for x in (ev.date, ev.subjects_count, ev.penalty)) + (0.05 if ev.place_basis == "sentence" else 0))
    fill_context_actors(doc, excluded, abbreviations)
    expanded = []
    for ev in doc.events:
        at = sentence_index.get(ev.evidence[0][0])
        previous = doc.sentences[at - 1] if at else None
        for group in (split_orders(doc, ev, excluded, previous) if ev.type == "directive"
                      else split_mobilizations(doc, ev, excluded) if ev.type == "mobilization" else split_groups(doc.text, ev)):
            for part in split_penalties(doc.text, group, excluded):
                for occasion in split_occasions(doc, part, excluded):
                    expanded.extend(split_places(doc, occasion, excluded))
    doc.events = expanded
    return doc
