"""Event triggers: which sentences report which kinds of event.

Reads the sentence spans and writes one candidate `Event` per (sentence, type) whose trigger words
(data/lexicon/triggers.toml) occur in it, with the sentence as evidence. Arguments are filled by the
`arguments` stage and repeated mentions of one occurrence are joined by the `merge` stage.
"""
from __future__ import annotations

import re
from functools import lru_cache

from nkevents import lexicon, regex_store
from nkevents.model import Document, Event

REQUIRES = ("text", "sentences")
ASSIGNS = ("events",)

# Types that report a punishment or its process: a threat or condition is not one of them.
PUNISHMENT_TYPES = {"execution", "sentence", "arrest", "trial"}
# Conduct that is only the charge of one of these is not an event of its own (annotation.md).
ENFORCEMENT_TYPES = PUNISHMENT_TYPES | {"crackdown"}
# What a general statement may still report (prices, orders, measures), and what a threat is not.
GENERIC_KEEPS = {"market", "directive", "policy"}
THREATENED = PUNISHMENT_TYPES | {"prohibited_activity"}


# "the trial", "this order", "the public execution": a noun phrase pointing back to a known occurrence
# ("the act of smuggling", "this case of defection")
# ("the man's execution": a possessive names the known person)
ANAPHORA = regex_store.compile(r"\b(?:the|this|that|these|such|his|her|their|its)\s+(?:(?:acts?|cases?|incidents?)\s+of\s+)?(?:[\w-]+(?:['’]s)?\s+)?$", re.I)
# A participle used for the people an occurrence concerned ("the executed", "those arrested", "one of
# the people detained", "the two arrested agents"): it names a group already told of, not a new occurrence.
PEOPLE_OF_BEFORE = regex_store.compile(r"(?:^|[,;:]\s+|\b(?:among|of|for|include|included|including|and)\s+)[\"“‘']?(?:all\s+)?"
                                       r"(?:the|those|these)\s+(?:(?:people|persons?|individuals?|men|women|man|woman|ones|officials|residents)"
                                       r"\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+)?)?$", re.I)


# ... or a counted group with the participle as its adjective ("the two arrested agents were brought
# back"; not "two of the 11 received the death penalty", where the verb follows the number)
COUNTED_OF_BEFORE = regex_store.compile(r"(?:^|[,;:]\s+|\b(?:among|of|for|and)\s+)[\"“‘']?(?:the|those|these)\s+"
                                        r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+$", re.I)
NOUN_THEN_VERB_AFTER = regex_store.compile(r"(?:\s+[\w’'-]+){1,4}?\s+(?:were|was|are|is|had|have|has)\b", re.I)


def _first_trigger(pattern: lexicon.Patterns, exclude: lexicon.Patterns | None, sentence: str,
                   places: list[int] | None = None) -> re.Match | None:
    excluded = None
    for m in pattern.finditer(sentence, places=places):
        if excluded is None:
            excluded = [x.span() for x in exclude.finditer(sentence)] if exclude else []
        if not any(a < m.end() and m.start() < b for a, b in excluded):
            return m
    return None


def _all_triggers(pattern: lexicon.Patterns, exclude: lexicon.Patterns | None, sentence: str,
                  places: list[int] | None = None) -> list[re.Match]:
    excluded = [x.span() for x in exclude.finditer(sentence)] if exclude else []
    return [m for m in pattern.finditer(sentence, places=places)
            if not any(a < m.end() and m.start() < b for a, b in excluded)]


@lru_cache(maxsize=None)
def _measure_patterns() -> list[tuple[str, lexicon.Patterns]]:
    return [(kind, lexicon.lexicon_patterns("triggers", "policy", "measures", kind))
            for kind in lexicon.load("triggers")["policy"]["measures"]]


# how far past a policy trigger its measure may be named ("shut down ... the markets")
MEASURE_REACH = 40


# A permission denied ("has not allowed the markets to reopen", "nobody is allowed to go out") is a ban.
PERMISSION = regex_store.compile(r"(?:(?:no longer|not|never|n[’']t)\s+(?:(?:been|be|yet|being)\s+)*|\b(?:nobody|no one|no-one)\b.*)(?:allow|permit)\w*", re.I)
NOT_RIGHT_BEFORE = regex_store.compile(r"\b(?:not|never|no longer)\s+(?:(?:been|be|yet|being)\s+)*$|n[’']t\s+(?:(?:been|be)\s+)*$"
                                       r"|\b(?:nobody|no one|no-one)\b[^.;,]{0,40}\b(?:is|was|has been|had been|will be)\s+$", re.I)


def measure_of(sentence: str, trigger: re.Match) -> str | None:
    """The kind of measure a policy trigger names: the first kind (in the table's order) found in
    the trigger, else the kind named nearest in the words right after it."""
    if PERMISSION.search(trigger.group(0)) or (re.match(r"(?:allow|permit)", trigger.group(0), re.I)
                                               and NOT_RIGHT_BEFORE.search(sentence, max(0, trigger.start() - 60), trigger.start())):
        return "restriction"
    for kind, pattern in _measure_patterns():
        if pattern.search(trigger.group(0)):
            return kind
    window = sentence[trigger.start():trigger.end() + MEASURE_REACH]
    found = [(m.start(), order, kind) for order, (kind, pattern) in enumerate(_measure_patterns())
             if (m := pattern.search(window))]
    return min(found)[2] if found else None


def policy_triggers(sentence: str, places: list[int] | None = None) -> list[tuple[re.Match, str | None]]:
    """Every distinct measure a sentence names, with its first trigger: "closed the markets and
    banned travel between provinces" is two policies (one per measure, annotation.md)."""
    pats = lexicon.table_patterns("triggers", "policy")
    out, kinds = [], set()
    for m in _all_triggers(pats["patterns"], pats["exclude"], sentence, places):
        if standing_ban(sentence, m) or tells_no_occurrence(sentence, "policy", m):
            continue
        kind = measure_of(sentence, m)
        # another measure is named in a clause of its own ("closed X, and banned Y"), not in the
        # words that go on describing the first ("a policy to allow those released to work")
        if kind not in kinds and (not out or CLAUSE_BETWEEN.search(sentence, out[-1][0].end(), m.start())):
            kinds.add(kind)
            out.append((m, kind))
    return out


# "bans", "prohibits": the present tense puts a measure in force only in a headline ("N. Korea Bans
# ..."); in the body it tells a standing condition ("the government ... bans independent media").
PRESENT_BANS = {"bans", "prohibits", "outlaws", "forbids"}


def standing_ban(sentence: str, trigger: re.Match) -> bool:
    return trigger.group(0).lower() in PRESENT_BANS and not is_headline(sentence)


CLAUSE_BETWEEN = regex_store.compile(r"[,;:]|\b(?:and|while|but|whereas|also)\b", re.I)


def _cue(name: str) -> lexicon.Patterns | None:
    return lexicon.table_patterns("modality", name)["patterns"]


def start_places(text: str) -> dict[str, list[int] | None]:
    """{type: the offsets in `text` where one of its triggers can start}, None for the types whose
    triggers can start anywhere (their keywords gate them instead)."""
    found = lexicon.scanner("triggers").places(text)
    return {typ: found.get(typ) for typ in lexicon.table_keys("triggers")}


def find_triggers(sentence: str, types: set[str] | None = None,
                  places: dict[str, list[int] | None] | None = None) -> dict[str, re.Match]:
    """{event type: first trigger match} for one sentence, after the co-occurrence rules below.
    `types`: the only types worth trying (those whose keywords the whole report contains);
    `places`: start_places of the sentence, when the caller has them."""
    found = {}
    lowered = sentence.lower()
    gates = lexicon.gates("triggers")
    places = start_places(sentence) if places is None else places
    for typ in lexicon.table_keys("triggers"):
        if types is not None and typ not in types:
            continue
        at = places.get(typ)
        if (at is None and not lexicon.may_match(gates[typ], lowered)) or at == []:
            continue
        pats = lexicon.table_patterns("triggers", typ)
        m = _first_trigger(pats["patterns"], pats["exclude"], sentence, at)
        if m and tells_no_occurrence(sentence, typ, m):
            # ("no arrests were reported in May, but in June police arrested ...")
            m = next((x for x in _all_triggers(pats["patterns"], pats["exclude"], sentence, at)
                      if not tells_no_occurrence(sentence, typ, x)), None)
        if m:
            found[typ] = m
    if "policy" in found and standing_ban(sentence, found["policy"]):
        others = policy_triggers(sentence, places.get("policy"))
        if others:
            found["policy"] = others[0][0]
        else:
            del found["policy"]
    if not found or _sentence_cue("unknown").search(sentence) or QUESTION.search(sentence):
        return {}  # (a question asks what a report does not tell: "Will the smugglers be executed?")
    # (each cue is searched only when it could remove something)
    if found.keys() - GENERIC_KEEPS and (cues := list(_cue("generic").finditer(sentence))):
        # a general condition ("executions are not rare") is background, not an occurrence; a
        # condition told in a clause of its own does not make the other clause's occurrence one
        for typ in found.keys() - GENERIC_KEEPS:
            m = found.pop(typ)
            if any(_cue_reaches(sentence, c, m) for c in cues):
                pats = lexicon.table_patterns("triggers", typ)
                m = next((x for x in _all_triggers(pats["patterns"], pats["exclude"], sentence, places.get(typ))
                          if not any(_cue_reaches(sentence, c, x) for c in cues)), None)
            if m:
                found[typ] = m
    if (found.keys() - GENERIC_KEEPS and not is_headline(sentence)
            and _sentence_cue("generic_present").search(sentence)):
        # "North Korea routinely executes people for ...": the state's practice, not an occurrence
        found = {t: m for t, m in found.items() if t in GENERIC_KEEPS}
    if (found.keys() & THREATENED and _cue("hypothetical").search(sentence)
            and not _cue("scheduled_punishment").search(sentence)):
        # "those who ... will be executed": a threat, which is the content of a directive or policy;
        # "33 North Koreans will be executed" is a punishment planned for a group
        found = {t: m for t, m in found.items()
                 if t not in THREATENED or COUNTED_GROUP_BEFORE.search(sentence, max(0, m.start() - 60), m.start())}
    for typ in ("policy", "directive"):
        if typ in found and _foreign_subject(sentence, found[typ], _foreign_before()):
            del found[typ]  # "South Korea banned leaflet launches", "Seoul called on Pyongyang to..."
    if ("crackdown" in found and _foreign_subject(sentence, found["crackdown"], _foreign_before())
            and not NK_PEOPLE_AFTER.search(sentence, found["crackdown"].end(), found["crackdown"].end() + 80)):
        # "the US Treasury cracked down on sanctions evaders", "China tightened inspections of cargo";
        # a foreign hunt for North Korean escapees stays (annotation.md: China's part is recorded)
        del found["crackdown"]
    for typ in ("execution", "sentence", "trial"):
        if typ in found and _foreign_subject(sentence, found[typ], _foreign_right_before()):
            del found[typ]  # "China executed two traffickers", "a South Korean court sentenced the spy"
    if "arrest" in found and _describes_the_punished(sentence, found["arrest"], found):
        del found["arrest"]  # "the people caught with phones were sentenced to 11 years"
    if "mobilization" in found and found.keys() & {"execution", "trial"}:
        del found["mobilization"]  # "3,000 residents mobilized for the occasion": the audience
    if "execution" in found and "sentence" in found:
        # "sentenced them to death and shot them" is one execution
        if not re.search(r"\b(?:years?|months?|life|labou?r|camp|prison)\b", sentence, re.I):
            del found["sentence"]
    if "prohibited_activity" in found:
        conduct = found["prohibited_activity"]
        # conduct an order names ("warned against smuggling") is what the order is about
        ordering = [found[t] for t in ("directive", "policy") if t in found and found[t].start() < conduct.start()]
        if CAUSE_BEFORE.search(sentence, max(0, conduct.start() - 60), conduct.start()):
            ordering = []  # "sealed off Kaesong after a runaway crossed the border": the measure's cause, told on its own
        punishing = [found[t] for t in ENFORCEMENT_TYPES & found.keys()]
        if (punishing or ordering) and not conduct_of_its_own(sentence, conduct, punishing + ordering):
            del found["prohibited_activity"]
        elif MAYBE.search(sentence, max(0, conduct.start() - 30), conduct.start()):
            del found["prohibited_activity"]  # "crimes may include trying to cross the border"
    return found


# Conduct told as what a measure or order answers ("... after a runaway crossed the demarcation line").
CAUSE_BEFORE = regex_store.compile(r"(?<!\bthe )(?<!\ba )\b(?:after|following|in the wake of|when|because|since)\b[^.;]{0,60}$", re.I)
NK_PEOPLE_AFTER = regex_store.compile(r"\b(?:defectors|refugees|escapees|border[- ]crossers|north korean (?:women|men|workers|migrants|nationals|people|residents|defectors|refugees))\b", re.I)


# Clauses joined as equals ("smuggling is rampant, but on May 3 police arrested three"): what one
# says of a practice says nothing of the other's occurrence. (A bare comma is not one: "In the
# 1990s, thousands starved".)
CLAUSE_OF_ITS_OWN = regex_store.compile(r";|,\s*(?:and|but|yet|while|whereas)\b|\b(?:but|whereas)\b", re.I)
# A relative clause describing the subject ("a broker who usually handled transfers was arrested"):
# the habit is the person's, the main clause's past verb tells one occurrence.
RELATIVE_WORD = regex_store.compile(r"\b(?:who|whom|whose|which)\b", re.I)
MAIN_PAST_VERB = regex_store.compile(r"\b(?:was|were)\b", re.I)
# ... unless the verb sits in a clause of its own opened after the cue ("which interviewed defectors
# to map places where people were killed"): then it is no main verb.
CLAUSE_OPENER = regex_store.compile(r"\b(?:where|when|who|whom|which|that|whose)\b", re.I)


def _cue_reaches(sentence: str, cue: re.Match, trigger: re.Match) -> bool:
    """A generic cue speaks of the trigger's clause."""
    lo, hi = min(cue.start(), trigger.start()), max(cue.end(), trigger.end())
    if CLAUSE_OF_ITS_OWN.search(sentence, lo, hi):
        return False
    # a relative word before the cue and a main past verb between it and the trigger
    if cue.end() > trigger.start() or not RELATIVE_WORD.search(sentence, 0, cue.start()):
        return True
    verb = MAIN_PAST_VERB.search(sentence, cue.end(), trigger.start())
    return not verb or bool(CLAUSE_OPENER.search(sentence, cue.end(), verb.start()))


QUESTION = regex_store.compile(r"\?[\"'”’)\s]*$")

# Cues right before a trigger that tell no occurrence of it (data/lexicon/modality.toml), with the
# types each holds for: an absence ("no executions"), a possibility ("families may be sent to
# camps"), an aim ("aimed at arresting"), a call to end a practice ("stop public executions"), a kind ("similar trials").
NOT_OCCURRING = (("absent", ENFORCEMENT_TYPES), ("possible", THREATENED | {"crackdown", "mobilization", "hardship"}),
                 ("threatened", ENFORCEMENT_TYPES), ("faces_campaign", {"crackdown"}), ("aimed", PUNISHMENT_TYPES), ("compared", PUNISHMENT_TYPES),
                 ("ended", PUNISHMENT_TYPES | {"other"}),  # ("urged China to stop forcibly repatriating ...")
                 ("kind_of", ENFORCEMENT_TYPES | {"prohibited_activity", "mobilization", "hardship"}))
CUE_REACH = 60
# "has not arrested anyone": a negated clause whose object is nobody in particular
ANYONE_AFTER = regex_store.compile(r"\s+(?:anyone|anybody)\b", re.I)
NEGATION = regex_store.compile(r"\b(?:not|never|neither|nor)\b|n[’']t\b", re.I)
# What a condition cannot tell (an order states its conditions; a price is a price whatever one buys).
CONDITION_KEEPS = {"directive", "market"}


def tells_no_occurrence(sentence: str, typ: str, trigger: re.Match) -> bool:
    before = max(0, trigger.start() - CUE_REACH)
    for name, types in NOT_OCCURRING:
        if typ in types and _cue(name).search(sentence, before, trigger.start()):
            return True
    if (typ in ENFORCEMENT_TYPES and ANYONE_AFTER.match(sentence, trigger.end())
            and NEGATION.search(sentence, 0, trigger.start())):
        return True
    return typ not in CONDITION_KEEPS and in_condition(sentence, trigger)


CONDITION = regex_store.compile(r"(?<!\bas )(?<!\beven )\b(?:if|unless)\b(?! (?:anything|not|so|any|only|at all|true|accurate|correct)\b)", re.I)
CLAUSE_END = regex_store.compile(r"[,;:]|\bthen\b", re.I)
PRESENT_PASSIVE = regex_store.compile(r"\b(?:is|are|gets?)\s+(?:\w+ly\s+)?(?:\w+ed|sent|taken|held|shot|seized|caught|beaten|given)\b", re.I)
MODAL = regex_store.compile(r"\b(?:will|would|could|might|may|can|shall)\b|[’']ll\b", re.I)


def in_condition(sentence: str, trigger: re.Match) -> bool:
    """The trigger is in a clause of condition ("unless the border reopens", "if they keep cracking
    down"), or in the main clause of a condition that opens the sentence, told with a modal
    ("If the rains fail, people will starve"): what would happen, not what did."""
    last = None
    for last in CONDITION.finditer(sentence, 0, trigger.start()):
        pass
    if last is None:
        return False
    ends = [m.end() for m in CLAUSE_END.finditer(sentence, last.end(), trigger.start())]
    if not ends:
        return True
    opens = not sentence[:last.start()].strip(" \"'“‘")
    # "If caught, they are sent to camps": what is done whenever, in the present, told no occurrence either
    return opens and bool(MODAL.search(sentence, ends[0], trigger.start())
                          or PRESENT_PASSIVE.search(sentence, ends[0], trigger.end()))


# A counted group right before "will be": the subject of a planned punishment, not anyone at all.
COUNTED_GROUP_BEFORE = regex_store.compile(r"(?<![\w,.-])(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                                  r"fifteen|twenty|thirty|forty|fifty|hundreds of|dozens of)\s+(?:[\w-]+\s+){0,3}?"
                                  r"(?:will|are to|are going to|would soon)\s+(?:soon\s+)?be\s+(?:publicly\s+)?$", re.I)


# A modal right before conduct: it is a possibility, not a reported act.
MAYBE = regex_store.compile(r"\b(?:may|might|could|would|should|can|will)\b(?:\s+\w+){0,2}\s*$", re.I)


# Words just before conduct that make it the charge of a punishment ("arrested for smuggling").
# ("of" only after a word of charging: "Residents of Musan have been using ..." tells conduct)
CHARGE_CUE = regex_store.compile(r"\b(?:for|(?:charges?|cases?|acts?|crimes?|counts?|offen[cs]es?|suspicion|allegations?) of|with|over|while|after|caught|accused|charged|suspected|guilty|convicted|"
                        r"involved in|in connection with|on charges? of|who|that)\b[^.;]{0,40}$", re.I)
# Words between an enforcement trigger and conduct that set them apart ("despite the crackdown,
# smuggling goes on").
CONTRAST = regex_store.compile(r"\b(?:despite|in spite of|even as|although|though|but|yet|however|whereas|nevertheless)\b|[;:]", re.I)
# A clause of its own told before the enforcement ("smuggling has surged, and police have arrested
# dozens", "drug use is spreading, prompting a crackdown"): the conduct is reported, then what was done.
OWN_CLAUSE_THEN = regex_store.compile(r",\s+(?:and|so|prompting|leading|forcing|causing|which (?:has |have |had )?(?:prompted|led))\b|[;:]", re.I)


def conduct_of_its_own(sentence: str, conduct: re.Match, enforcement: list[re.Match]) -> bool:
    """Conduct in a sentence that also tells an arrest, a sentence or a crackdown is reported on
    its own (annotation.md: required) when the sentence sets it apart from them; otherwise it is
    only their charge (optional)."""
    if CHARGE_CUE.search(sentence, max(0, conduct.start() - 60), conduct.start()):
        return False
    for m in enforcement:
        between = (min(m.end(), conduct.end()), max(m.start(), conduct.start()))
        if not (CONTRAST.search(sentence, *between)
                or conduct.end() <= m.start() and OWN_CLAUSE_THEN.search(sentence, *between)):
            return False
    return True


@lru_cache(maxsize=None)
def _sentence_cue(name: str) -> lexicon.Patterns:
    return lexicon.lexicon_patterns("triggers", name)


# A participle right after a noun ("the people caught with phones", "smugglers arrested last
# year") describes the people a later punishment of the sentence concerns.
REDUCED_RELATIVE = regex_store.compile(r"\b(?!(?:was|were|been|being|got|get|gets|had|have|has|is|are|and|then|later|also|"
                              r"reportedly|allegedly|recently|who|that|they|he|she|it|not)\b)[a-z]+\s+$", re.I)
PARTICIPLE = regex_store.compile(r"(?:caught|arrested|detained|apprehended|nabbed)\b", re.I)


# ... and the main verb of the sentence follows: "... were sentenced", with no clause between
MAIN_VERB_AFTER = regex_store.compile(r"(?:(?!\bwho\b|\bwhich\b|\bthat\b|,)[^.;])*\b(?:were|was|are|is|have been|has been|had been)\s+(?:\w+\s+)?$", re.I)


def _describes_the_punished(sentence: str, arrest: re.Match, found: dict[str, re.Match]) -> bool:
    """"the people caught with phones were sentenced", "sentences to ten people caught watching
    dramas": the arrest participle only says who the punished are."""
    if not (PARTICIPLE.match(arrest.group(0))
            and REDUCED_RELATIVE.search(sentence, max(0, arrest.start() - 30), arrest.start())):
        return False
    punished = [m for t, m in found.items() if t in ("sentence", "execution", "trial")]
    later = [m for m in punished if m.start() > arrest.end()]
    if later and MAIN_VERB_AFTER.match(sentence, arrest.end(), min(m.start() for m in later)):
        return True
    # after the punishment, in the phrase naming its people: no clause break between them
    return any(m.end() <= arrest.start() and NO_CLAUSE_BETWEEN.fullmatch(sentence, m.end(), arrest.start())
               for m in punished)


NO_CLAUSE_BETWEEN = regex_store.compile(r"(?:(?!\b(?:and|but|while|after|before|when|then|as)\b)[^,;.]){1,80}", re.I)


def _foreign_subject(sentence: str, trigger: re.Match, before: re.Pattern) -> bool:
    """A foreign state or body is the subject right before the trigger, as `before` reads it:
    _foreign_before for orders and measures (a few words may stand between), _foreign_right_before
    for punishments ("China executed", "a South Korean court has sentenced"; "Seoul said two
    officials were executed" reports North Korea's punishment)."""
    m = before.search(sentence, max(0, trigger.start() - 60), trigger.start())
    # "trains between Pyongyang and Beijing have resumed", "police in provinces bordering China have
    # started urging ...": a place the measure concerns or lies by, not its subject
    return bool(m) and not PLACE_PREPOSITION.search(sentence, max(0, m.start() - 12), m.start())


@lru_cache(maxsize=None)
def _foreign_right_before() -> re.Pattern:
    body = "|".join(lexicon.load("triggers")["foreign_subjects"])
    # ("a Chinese court in Liaoning executed")
    where = r"(?:\s+in\s+[A-Z][\w-]+(?:\s+[Pp]rovince)?)?"
    return regex_store.compile(rf"(?<![\w-])(?:{body}){where}(?:\s+(?:has|have|had|also|later|reportedly|recently|then|publicly))*\s+$", re.I)


PLACE_PREPOSITION = regex_store.compile(r"\b(?:between|and|from|to|with|in|at|of|near|across|into|via|for|along|bordering|borders|bordered|adjoining|facing|opposite)\s+$", re.I)


@lru_cache(maxsize=None)
def _foreign_before() -> re.Pattern:
    body = "|".join(lexicon.load("triggers")["foreign_subjects"])
    # (a dateline's city before a dash is no subject: "SEOUL - North Korea is clamping down on ...")
    return regex_store.compile(rf"(?<![\w-])(?:{body})(?:['’]s)?\s+(?![-–—])(?:[\w-]+\s+){{0,4}}$", re.I)


# Types whose sentences may detail a measure or order named before ("Under the measure, ...").
DETAILED_TYPES = {"policy", "directive"}


def details_known(sentence: str, typ: str | None) -> bool:
    """The sentence opens by pointing back to a known measure or order ("Under the measure, ...")."""
    return typ in DETAILED_TYPES and bool(_sentence_cue("elaborating_openers").match(sentence.lstrip(" \"'“‘")))


# A known measure told as extended ("authorities extended the lockdown by 20 days"): the same
# measure, not another one (annotation.md: one policy per distinct measure).
EXTENDS_KNOWN = regex_store.compile(r"(?:extended|extends|extending|prolonged|prolongs|prolonging|renewed|renews)\s+"
                                    r"(?:the|this|that|these|its|their)\b", re.I)


def is_anaphoric(sentence: str, trigger: re.Match, typ: str | None = None) -> bool:
    """A definite noun trigger ("the execution", "his arrest") refers back to a known occurrence;
    so does a measure or order in a sentence that opens by pointing back to one."""
    if details_known(sentence, typ):
        return True
    if typ == "policy" and EXTENDS_KNOWN.match(trigger.group(0)):
        return True
    first_word = trigger.group(0).split()[0].lower()
    participle = first_word.endswith("ed") or (first_word.endswith("ly") and trigger.group(0).endswith("ed"))
    if participle and (PEOPLE_OF_BEFORE.search(sentence, 0, trigger.start())
                       or (COUNTED_OF_BEFORE.search(sentence, 0, trigger.start())
                           and NOUN_THEN_VERB_AFTER.match(sentence, trigger.end()))):
        return True  # "the executed included two officials", "among those (publicly) arrested": the known group
    if first_word not in lexicon.load("triggers")["anaphoric_nouns"]:
        return False
    before = ANAPHORA.search(sentence, 0, trigger.start())
    if OWN_GROUP.match(sentence, trigger.end()):
        return False  # "the reported execution of 15 officials" names a group of its own
    if first_word in CONDUCT_NOUNS and OF_AFTER.match(sentence, trigger.end()):
        return False  # "the smuggling of copper wire has surged" names what of its own
    return bool(before) and not is_new_occurrence(sentence, trigger)


# Nouns of conduct: "the smuggling" refers back, "the smuggling of copper" tells what.
CONDUCT_NOUNS = {"smuggling", "defection"}
OF_AFTER = regex_store.compile(r"\s+of\b", re.I)


# "another trial", "a second execution", "one more person was executed", "the other ... was sentenced"
NEW_BEFORE = regex_store.compile(r"\b(?:{words})\b(?:\s+[\w-]+){{0,3}}\s*$")


@lru_cache(maxsize=None)
def _new_before() -> re.Pattern:
    words = "|".join(lexicon.load("triggers")["new_occurrence_words"])
    return regex_store.compile(NEW_BEFORE.pattern.format(words=words), re.I)


def is_new_occurrence(sentence: str, trigger: re.Match) -> bool:
    """Words right before the trigger say it is another occurrence than one told before."""
    if SEPARATELY_AFTER.match(sentence, trigger.end()):
        return True  # "a customer of his was arrested separately the same day": an occasion of its own
    new = _new_before().search(sentence, max(0, trigger.start() - 40), trigger.start())
    if new and LATER.match(new.group(0)) and HAND_OVER.match(trigger.group(0)):
        return False  # "the five were later handed off to state security": the known arrest's next step
    # "the first trial held here since May", "the first in a year": the known one, ranked in time
    return bool(new) and not (new.group(0).lower().startswith("first")
                              and FIRST_SINCE_AFTER.match(sentence, trigger.end()))


LATER = regex_store.compile(r"\blater\b", re.I)
SEPARATELY_AFTER = regex_store.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:separately|in a separate (?:raid|case|operation|incident|sweep))\b", re.I)
HAND_OVER = regex_store.compile(r"(?:handed|turned|transferred)\b", re.I)


FIRST_SINCE_AFTER = regex_store.compile(r"(?:\s+[\w-]+){0,4}?\s+(?:since|in (?:a|\d+|two|three|four|five|ten|many|several) (?:years?|months?|decades?))\b", re.I)


# "of" and a number of people after a noun trigger
OWN_GROUP = regex_store.compile(r"\s+of\s+(?:about |around |nearly |some |over |more than |at least |up to )?"
                       r"(?:\d|a\s|an\s|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                       r"fifteen|twenty|thirty|forty|fifty|several|dozens|hundreds|scores)", re.I)


# The report's own headline and lead; a headline-shaped line after them is not this report's.
HEAD_SENTENCES = 2
WORD = regex_store.compile(r"[A-Za-z][\w'’-]*")
SMALL_WORDS = {"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from", "over", "after"}


def is_headline(sentence: str) -> bool:
    """A line without final punctuation whose words are mostly capitalized ("Regime Orders Recall of
    Fake Alcohol"): a headline, of this report or, further down, of another story."""
    if sentence.rstrip()[-1:] in '.!?"”’)':
        return False  # (tested first: it settles most sentences before their words are read)
    words = [w for w in WORD.findall(sentence) if w.lower() not in SMALL_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def unended(sentence: str) -> bool:
    return sentence.rstrip()[-1:] not in '.!?"”’):'


def cut_off(sentence: str) -> bool:
    """A sentence-long line that does not end as a sentence (a line of a few words is a subheading)."""
    return unended(sentence) and len(WORD.findall(sentence)) >= 6


def residue_start(doc: Document) -> int:
    """Where the lines after the report's last full sentence begin: a sentence the page cut mid-way
    ("... prices peaked because of the spring", which annotation.md ignores) or the headlines of
    other stories ("North Korea mobilizes soldiers to rebuild flood-hit towns")."""
    tail = len(doc.sentences)
    while tail > HEAD_SENTENCES and unended(doc.text[doc.sentences[tail - 1][0]:doc.sentences[tail - 1][1]]):
        tail -= 1
    return tail


def run(doc: Document) -> Document:
    strengths = {t: v.get("strength", 0.5) for t, v in lexicon.load("triggers").items() if isinstance(v, dict)}
    events = []
    residue = residue_start(doc)
    lowered = doc.text.lower()
    # the types gated by keywords (no start places) worth trying in this report
    scanned = set(lexicon.scanner("triggers").keys)
    possible = scanned | {t for t, gate in lexicon.gates("triggers").items()
                          if t not in scanned and lexicon.may_match(gate, lowered)}
    for i, (start, end) in enumerate(doc.sentences):
        sentence = doc.text[start:end]
        if i >= HEAD_SENTENCES and (is_headline(sentence) or (i >= residue and cut_off(sentence))):
            continue  # a headline further down is another story's (residue the cleaner left)
        places = start_places(sentence)
        for typ, m in find_triggers(sentence, possible, places).items():
            found = policy_triggers(sentence, places.get("policy")) if typ == "policy" else [(m, None)]
            for match, measure in found or [(m, None)]:
                events.append(Event(type=typ, evidence=[(start, end)],
                                    trigger=(start + match.start(), start + match.end()),
                                    confidence=strengths.get(typ, 0.5),
                                    anaphoric=is_anaphoric(sentence, match, typ), measure=measure,
                                    new_occurrence=is_new_occurrence(sentence, match),
                                    detail=details_known(sentence, typ)))
    events.sort(key=lambda e: e.trigger)
    doc.events = events
    return doc
