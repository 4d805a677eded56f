"""One event per occurrence: joins the mentions of one occurrence and gives events stable ids.

A report names its main occurrence several times (headline, lead, detail). Two candidate events of
the same type are one occurrence when nothing they say disagrees: compatible places (one contains
the other) and dates, the same penalty group, the same issuer, the same number of people. Punishments
handed down at a reported trial take the trial's date, place and court when they state none.
"""
from __future__ import annotations

import hashlib
import re
from datetime import date

from nkevents import regex_store
from nkevents.model import Document, Event
from nkevents.stages.arguments import story_turns

REQUIRES = ("text", "events")
ASSIGNS = ("events",)

# Measures and orders are told both as news ("announced an amnesty") and as what will be ("will
# take effect on Aug. 1"): those mentions are one occurrence.
MEASURE_TYPES = {"policy", "directive"}
# ... and so are campaigns: "is set to deploy 100,000 people" and "the factories are now selecting
# the workers to be mobilized" are one mobilization.
ANNOUNCED_AND_DONE = MEASURE_TYPES | {"mobilization"}
PRECISION_ORDER = {"day": 0, "month-day": 1, "range": 2, "month": 3, "year": 4}
# Types whose separate mentions at different places are separate occurrences (one per place).
ONE_PER_PLACE = {"market", "hardship"}
TRIAL_OUTCOMES = {"sentence", "execution"}
VERDICT = regex_store.compile(r"\b(?:verdicts?|judg(?:e)?ments?|rulings?)\b", re.I)
# Types where a different number of people means a different group.
COUNTED_GROUPS = {"arrest", "sentence", "execution"}
# punishments told both as ordered and as done: the order is of the punishment told
ORDERED_AND_DONE = {"arrest", "sentence", "execution"}


def _place_compatible(a: Event, b: Event, exact: bool) -> bool:
    if a.place is None or b.place is None:
        return True
    x, y = a.place.id, b.place.id
    if a.type in MEASURE_TYPES and not exact and "source" in (a.place_basis, b.place_basis):
        return True  # where the informant lives, not where the order holds: no bar to the order told again
    if exact and a.type == "market":
        return x == y  # one price report per place
    if exact:
        return x == y or a.place_basis != "sentence" or b.place_basis != "sentence"
    return x == y or x.startswith(y + ".") or y.startswith(x + ".")


def _date_compatible(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    for x, y in ((a, b), (b, a)):
        # in force as of the day it was announced: begun on or before it
        if x.date_basis == "announced" and y.date_basis != "announced" and "--" not in (x.date.date_end[:2], y.date.date_start[:2]):
            return y.date.date_start <= x.date.date_end
    if "--" in (a.date.date_start[:2], b.date.date_start[:2]):
        return a.date.date_start[-5:] <= b.date.date_end[-5:] and b.date.date_start[-5:] <= a.date.date_end[-5:]
    return a.date.date_start <= b.date.date_end and b.date.date_start <= a.date.date_end


def _issuers(e: Event) -> set[str]:
    """The bodies the event's own words name as issuer (not one filled in from the report)."""
    return {a.id for a in e.actors if a.role == "issuer" and a.text}


def _authorities(e: Event) -> set[str]:
    return {a.id for a in e.actors if a.role == "authority"}


# An arrest told as a hand-over ("the family was handed over to state security"): the arrest goes on
# at another agency, the same occasion for the same group (annotation.md: one arrest per group and occasion).
HANDED_OVER = regex_store.compile(r"(?:handed|turned)\b", re.I)


def same_occurrence(a: Event, b: Event, lead: frozenset = frozenset(), handovers: frozenset = frozenset()) -> bool:
    """`lead`: the evidence spans of the report's opening (headline and first sentence); `handovers`:
    the triggers of arrests told as a hand-over to another agency."""
    if a.type != b.type:
        return False
    if a.modality != b.modality and not (a.type in ANNOUNCED_AND_DONE and {a.modality, b.modality} == {"asserted", "planned"}
                                         or a.type in ORDERED_AND_DONE and {a.modality, b.modality} == {"asserted", "ordered"}):
        # an amnesty announced and the amnesty that "will take effect" are one measure; people
        # "ordered to be executed" by the leader and their execution are one execution
        return False
    if not _place_compatible(a, b, exact=a.type in ONE_PER_PLACE) or not _date_compatible(a, b):
        return False
    if (a.type in COUNTED_GROUPS and a.subjects_count is not None and b.subjects_count is not None
            and a.subjects_count != b.subjects_count and not _member_of(a, b) and not _member_of(b, a)
            and not _part_handed_over(a, b, handovers)):
        return False
    if not _penalties_agree(a, b):
        return False
    if a.type == "policy" and a.measure and b.measure and a.measure != b.measure:
        return False  # one policy per distinct measure
    if a.type == "directive" and b.evidence[0] in a.evidence:
        return False  # the orders of one sentence told in clauses of their own (arguments.split_orders)
    if a.type in ("directive", "policy"):
        ia, ib = _issuers(a), _issuers(b)
        # a named issuer starts its own order rather than joining an earlier unattributed one,
        # except the lead's summary ("North Korea has ordered ..."), which the details then name
        if (ia or ib) and ia != ib and not (ia and not ib) and not (not ia and a.evidence[0] in lead):
            return False
    if a.type == "prohibited_activity" and a.charges and b.charges and not set(a.charges) & set(b.charges):
        return False  # different conduct (smuggling, defection) is a different occurrence
    if a.type in ("crackdown", "arrest"):
        aa, ab = _authorities(a), _authorities(b)
        if aa and ab and not aa & ab and not {a.trigger, b.trigger} & handovers:
            return False  # different agencies, different operations (not one handing people to the other)
    return True


def _part_handed_over(a: Event, b: Event, handovers: frozenset) -> bool:
    """Some of the people arrested handed on to another agency ("the MSS arrested 12 ...; two were
    handed off to the local police"): part of the known arrest, not another one."""
    (small, large) = (a, b) if a.subjects_count < b.subjects_count else (b, a)
    return small.trigger in handovers and large.trigger not in handovers


_WORD = regex_store.compile(r"[\w’'-]+")


def _member_of(part: Event, whole: Event) -> bool:
    """The smaller group is named inside the larger one: "Kim" in "Kim and his wife", "a man" in
    "a man and two women" (the same people told again, not another group)."""
    if not part.subjects_text or not whole.subjects_text or part.subjects_count >= whole.subjects_count:
        return False
    words = [w.lower() for w in _WORD.findall(part.subjects_text)]
    return bool(words) and re.search(r"(?<![\w-])" + r"\W+".join(map(re.escape, words)) + r"(?![\w-])",
                                     whole.subjects_text, re.I) is not None


PRONOUNS = {"he", "she", "him", "they", "them"}


def _same_people(a: Event, b: Event) -> bool:
    """The two mentions name the same people: the same words, or a pronoun for the ones told before
    ("A senior official ..." then "He ..."; not "one official" and "another official")."""
    ta, tb = (" ".join((e.subjects_text or "").lower().split()) for e in (a, b))
    return bool(ta) and bool(tb) and (ta == tb or ta in PRONOUNS or tb in PRONOUNS)


def _penalties_agree(a: Event, b: Event) -> bool:
    """Same kind and term, or one says less than the other ("a month of disciplinary labor" and
    "disciplinary labor"). An unspecified punishment ("punished") of an uncounted group joins any."""
    pa, pb = a.penalty, b.penalty
    if not pa or not pb:
        return True
    if pa.kind != pb.kind:
        if "discipline" in (pa.kind, pb.kind) and a.subjects_count is not None and a.subjects_count == b.subjects_count \
                and _same_people(a, b):
            return True  # "was dismissed" ... "he was dismissed and sent to a mine": one group, the graver kind
        vague = [e for e, p in ((a, pa), (b, pb)) if p.kind == "other"]
        return len(vague) == 1 and vague[0].subjects_count is None
    if None in (pa.min_months, pb.min_months):
        return True
    return (pa.min_months, pa.max_months) == (pb.min_months, pb.max_months)


def _absorb(keep: Event, other: Event) -> None:
    """Join `other` into `keep`: the union of evidence and the most specific of each argument."""
    keep.evidence = sorted(set(keep.evidence) | set(other.evidence))
    # a measure named without its kind ("a state of emergency") is the kind its detail names, and
    # stops there: the other kinds told after it are measures of their own
    keep.measure = keep.measure or other.measure
    if {keep.modality, other.modality} == {"asserted", "ordered"}:
        keep.modality = "asserted"  # the ordered punishment was carried out
    elif keep.modality != other.modality and other.date is not None and keep.date is None:
        keep.modality = other.modality  # the mention that dates the measure says whether it is in force yet
    _fill_gaps(keep, other)
    if keep.subjects_count is None and other.subjects_count is not None or (
            other.subjects_count is not None and keep.subjects_count is not None and _member_of(keep, other)):
        keep.subjects_text, keep.subjects_count = other.subjects_text, other.subjects_count  # the whole group
    elif keep.subjects_text is None:
        keep.subjects_text = other.subjects_text
    keep.charges = keep.charges + [c for c in other.charges if c not in keep.charges]
    if len(keep.charges) > 1 and "anti_socialist" in keep.charges:
        keep.charges.remove("anti_socialist")  # only where no more specific charge is given (events.md)
    if other.penalty and (keep.penalty is None or keep.penalty.kind == "other"
                          or (keep.penalty.kind == "discipline" and other.penalty.kind not in ("other", "discipline"))
                          or (keep.penalty.kind == other.penalty.kind and keep.penalty.min_months is None)):
        keep.penalty = other.penalty
    keep.confidence = min(0.97, max(keep.confidence, other.confidence) + 0.03)


def _span_days(d) -> int:
    if d.date_start.startswith("--"):
        return 0 if d.date_start == d.date_end else 15  # a month-day, or a run of them
    try:
        return (date.fromisoformat(d.date_end) - date.fromisoformat(d.date_start)).days
    except ValueError:
        return 9999


def _more_precise(new, old) -> bool:
    """A date that pins the occurrence down more narrowly ("Jan. 2 through 9" over "last year")."""
    if new is None:
        return False
    if old is None:
        return True
    return (_span_days(new), PRECISION_ORDER.get(new.precision, 9)) < (_span_days(old), PRECISION_ORDER.get(old.precision, 9))


# a mention told as nationwide beats context; one that names a place of its own is more specific
BASIS_ORDER = {"nationwide": 0, "sentence": 0, "context": 1, "source": 2, "country": 3, None: 4}


def _take_place(keep: Event, other: Event) -> None:
    """A place named for the event beats one taken from context; among equals the more specific wins."""
    if other.place is None:
        return
    ko, oo = BASIS_ORDER.get(keep.place_basis, 4), BASIS_ORDER.get(other.place_basis, 4)
    if keep.place is None or oo < ko or (oo == ko and other.place.id.startswith(keep.place.id + ".")):
        keep.place, keep.place_basis = other.place, other.place_basis


def _fill_gaps(keep: Event, other: Event) -> None:
    """Take the time, place and bodies of a later reference where the kept event lacks them (a
    detail of an order gives no time: "According to the decree, ... from Oct. 1")."""
    if not other.detail and (_more_precise(other.date, keep.date) or (
            keep.date_basis == "announced" and other.date is not None and other.date_basis != "announced")):
        # a day the mention itself gives beats the day the measure was announced
        keep.date, keep.date_basis = other.date, other.date_basis
    _take_place(keep, other)
    known = {a.id for a in keep.actors}
    keep.actors += [a for a in other.actors if a.id not in known]


def merge_events(events: list[Event], lead: frozenset = frozenset(), handovers: frozenset = frozenset()) -> list[Event]:
    merged: list[Event] = []
    for ev in events:
        # a reference back names the known occurrence, whatever its clause says ("ahead of the trial")
        earlier = [k for k in merged if k.type == ev.type and (k.measure == ev.measure or None in (k.measure, ev.measure))]
        if ev.type in ONE_PER_PLACE and ev.place_basis == "sentence":
            # "the floods destroyed farmland in Sinuiju and Uiju": the same flood, another area
            earlier = [k for k in earlier if _place_compatible(k, ev, exact=True)]
        if ev.type in ORDERED_AND_DONE:
            # "the executions were carried out on the 7th" names the punishments done, not the ones
            # still expected ("executions are also expected in Musan")
            earlier = [k for k in earlier if k.modality == ev.modality]
        if ev.anaphoric and earlier:
            # "the execution took place in October": what it adds holds for every group of it
            for kept in earlier:
                if _place_compatible(kept, ev, exact=False) and _date_compatible(kept, ev):
                    if kept.date is None and ev.date is not None and ev.modality != kept.modality:
                        kept.modality = ev.modality  # "The amnesty will take effect from August 1": not in force yet
                    _fill_gaps(kept, ev)
            earlier[-1].evidence = sorted(set(earlier[-1].evidence) | set(ev.evidence))
            continue
        for kept in merged:
            if not ev.new_occurrence and same_occurrence(kept, ev, lead, handovers):
                _absorb(kept, ev)
                break
        else:
            merged.append(ev)
    return merged


def _trial_of(ev: Event, trials: list[Event]) -> Event | None:
    """The trial a punishment was handed down at: the one its sentence names, else the latest one
    told before it, else the report's only trial."""
    at = ev.evidence[0]
    same = [t for t in trials if at in t.evidence]
    if same:
        return same[0]
    before = [t for t in trials if t.evidence[0] <= at]
    if before:
        return max(before, key=lambda t: max(span for span in t.evidence if span <= at))
    return trials[0] if len(trials) == 1 else None


def trial_date_from_outcomes(events: list[Event]) -> None:
    """The report's one trial that no sentence dates happened when its outcomes were handed down,
    when they all say when ("sentenced ... on Wednesday" ... "found him guilty after a one-hour trial")."""
    trials = [e for e in events if e.type == "trial"]
    if len(trials) != 1 or trials[0].date is not None:
        return
    dated = {(e.date.date_start, e.date.date_end): e for e in events
             if e.type in TRIAL_OUTCOMES and e.date is not None and e.date_basis == "sentence"}
    if len(dated) == 1:
        outcome = next(iter(dated.values()))
        trials[0].date, trials[0].date_basis = outcome.date, "event"


def inherit_from_trial(events: list[Event]) -> None:
    """Sentences and executions passed at a reported trial share its date, place and court."""
    trials = [e for e in events if e.type == "trial"]
    if not trials:
        return
    for ev in events:
        if ev.type not in TRIAL_OUTCOMES:
            continue
        trial = _trial_of(ev, trials)
        if trial is None:
            continue
        if ev.date is None and trial.date is not None:
            ev.date, ev.date_basis = trial.date, "event"
        if trial.place is not None and (ev.place is None or ev.place_basis != "sentence"
                                        or trial.place.id.startswith(ev.place.id + ".")):
            ev.place, ev.place_basis = trial.place, trial.place_basis
        if not any(a.role == "authority" for a in ev.actors):  # (not one done on the leader's orders)
            ev.actors += [a for a in trial.actors if a.id == "court"]


def date_from_context(events: list[Event]) -> None:
    """An occurrence no sentence dates happened when the story is set: the latest usable date
    named before its first mention (found by the arguments stage), recorded with basis "context"."""
    for ev in events:
        if ev.date is None and ev.context_date is not None:
            ev.date, ev.date_basis = ev.context_date, "context"


CHARGED_TYPES = ("arrest", "trial", "crackdown", "sentence", "execution", "prohibited_activity")


def carry_charges(events: list[Event], text: str = "") -> None:
    """A punishment or crackdown whose sentence names no offence is for the offence the report was
    last describing ("arrested for selling drugs ... was sentenced to 15 years"), not across a turn
    to another story ("Meanwhile, there are also reports that ...")."""
    last: list[str] = []
    said_at = 0  # where the offence carried was told
    for ev in events:
        if ev.type not in CHARGED_TYPES:
            continue
        if last and story_turns(text, said_at, ev.evidence[0][1]):
            last = []
        if ev.charges:
            last, said_at = ev.charges, ev.evidence[-1][1]
        elif last and ev.type != "prohibited_activity":
            ev.charges = list(last)


def event_id(ev: Event) -> str:
    """Stable for the same text and extractor rules: type, first evidence span, trigger and place
    (one sentence can give several events of a type: one per group or per place)."""
    start, end = ev.evidence[0]
    key = f"{ev.type}:{start}:{end}:{ev.trigger[0] if ev.trigger else ''}:{ev.place.id if ev.place else ''}"
    return "ev-" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _sentenced_before(sentence: Event, execution: Event) -> bool:
    """The sentence that tells the execution also tells the death sentence before it ("Two officials
    sentenced to death last year were shot on March 3"): the same people, sentenced earlier."""
    if sentence.evidence[0] not in execution.evidence or sentence.date is None or execution.date is None:
        return False
    if "--" in (sentence.date.date_start[:2], execution.date.date_start[:2]):
        return False
    return sentence.date.date_start <= execution.date.date_end


# people told as part of a group named before: "two of the defendants", "three of them", "the others"
PART_OF_GROUP = regex_store.compile(r"\b(?:of (?:the|them|those|these)|others?|the rest|remaining)\b", re.I)


def fold_vague_summaries(events: list[Event]) -> list[Event]:
    """"harsh sentences to at least ten people ... two were given 10 years, the others three to five
    years": a punishment of no stated kind for a counted group, told beside groups with a kind of
    their own that fit inside it, is those groups told in sum, not another group (one sentence
    event per group with a distinct penalty, events.md)."""
    kept = []
    for ev in events:
        if ev.type == "sentence" and ev.penalty is not None and ev.penalty.kind == "other" and ev.subjects_count:
            parts = [p for p in events if p is not ev and p.type == "sentence" and p.penalty is not None
                     and p.penalty.kind != "other" and p.modality == ev.modality
                     and (p.subjects_count is None or p.subjects_count < ev.subjects_count)
                     and _place_compatible(ev, p, exact=False) and _date_compatible(ev, p)]
            if any(PART_OF_GROUP.search(p.subjects_text or "") for p in parts):
                parts[0].evidence = sorted(set(parts[0].evidence) | set(ev.evidence))
                continue
        kept.append(ev)
    return kept


# A total told after its parts ("In total, the MSS arrested 12 ..." after "the ringleader was taken
# into custody"): the groups told before are counted in it (one arrest per group and occasion).
TOTAL_LEAD = regex_store.compile(r"\s*(?:in total|in all|altogether|all told|a total of)\b", re.I)


def fold_into_totals(events: list[Event], text: str) -> list[Event]:
    folded: set[int] = set()
    for i, total in enumerate(events):
        if (total.type not in COUNTED_GROUPS or not total.subjects_count or not total.evidence
                or not TOTAL_LEAD.match(text, total.evidence[0][0])):
            continue
        for part in events[:i]:
            if (part.type == total.type and part.modality == total.modality and id(part) not in folded
                    and (part.subjects_count is None or part.subjects_count < total.subjects_count)
                    and _place_compatible(part, total, exact=False) and _date_compatible(part, total)):
                total.evidence = sorted(set(total.evidence) | set(part.evidence))  # (the total keeps its own time and place)
                folded.add(id(part))
    return [e for e in events if id(e) not in folded]


# An execution told as following its sentence ("were executed on the day of their death sentence",
# "shot right after the verdict"): whatever date its sentence picked up, it is the sentence's execution.
EXECUTED_ON_SENTENCING = regex_store.compile(
    r"\b(?:on the (?:same )?day of (?:their|his|her|the) (?:death )?(?:sentenc\w*|verdicts?|trials?)"
    r"|(?:immediately|right|shortly|soon|just) after (?:the|their|his|her) (?:death )?(?:sentenc\w*|verdicts?|trials?))", re.I)


def _executed_on_sentencing(execution: Event, text: str) -> bool:
    return any(EXECUTED_ON_SENTENCING.search(text, a, b) for a, b in execution.evidence)


def fold_death_sentences(events: list[Event], text: str = "") -> list[Event]:
    """A death sentence whose execution the report tells is that execution (annotation.md: an
    execution is an `execution`, not a `sentence`): its mention joins the execution. So does a
    verdict that names no punishment ("the judge read out the verdict")."""
    executions = [e for e in events if e.type == "execution"]
    kept = []
    for ev in events:
        bare_verdict = (ev.type == "sentence" and ev.penalty is None and ev.trigger is not None
                        and VERDICT.search(text, ev.trigger[0], ev.trigger[1]) is not None)
        if ev.type == "sentence" and (bare_verdict or (ev.penalty is not None and ev.penalty.kind == "death")):
            match = next((x for x in executions if _place_compatible(x, ev, exact=False)
                          and (_date_compatible(x, ev) or _sentenced_before(ev, x) or _executed_on_sentencing(x, text))
                          and (bare_verdict or x.subjects_count is None or ev.subjects_count is None
                               or x.subjects_count == ev.subjects_count)), None)
            if match is not None:
                match.evidence = sorted(set(match.evidence) | set(ev.evidence))
                executed_on, sentenced_apart = (match.date, match.date_basis), not _date_compatible(match, ev)
                _fill_gaps(match, ev)
                if _executed_on_sentencing(match, text) and ev.date is not None:
                    match.date, match.date_basis = ev.date, ev.date_basis  # "executed on the day of their sentence"
                elif sentenced_apart:
                    match.date, match.date_basis = executed_on  # the day of the sentence is not that of the execution
                if match.subjects_count is None and ev.subjects_count is not None and not bare_verdict:
                    match.subjects_text, match.subjects_count = ev.subjects_text, ev.subjects_count
                continue
        kept.append(ev)
    return kept


# A punishment or crackdown told as not having happened ("the officials were not detained", "had
# never been arrested") is no occurrence to record: the gold records none (a negated measure or
# hardship it may, as optional).
# Conduct told as not done ("the oaths pledge never to use foreign phones") is none either.
UNRECORDED_WHEN_NEGATED = {"arrest", "trial", "sentence", "execution", "crackdown", "prohibited_activity"}


# A number told per place or unit ("in each of the seven cities, at least 10 were executed", "five
# in every county", "20 per camp"): not the size of the group punished, which the total tells.
_UNITS = r"(?:cit(?:y|ies)|count(?:y|ies)|provinces?|towns?|districts?|sites?|places?|areas?|regions?|villages?|units?|prisons?|camps?)"
PER_UNIT = regex_store.compile(rf"\b(?:(?:in|at|for) (?:each|every)(?: of the)?(?: [\w-]+){{0,2}}? {_UNITS}|per {_UNITS})\b", re.I)


def drop_per_unit_counts(events: list[Event], text: str) -> None:
    for ev in events:
        if ev.type in COUNTED_GROUPS and ev.subjects_count is not None and ev.evidence:
            if PER_UNIT.search(text, *ev.evidence[0]):
                ev.subjects_text, ev.subjects_count = None, None


def run(doc: Document) -> Document:
    told = [e for e in doc.events if not (e.modality == "negated" and e.type in UNRECORDED_WHEN_NEGATED)]
    drop_per_unit_counts(told, doc.text)
    handovers = frozenset(e.trigger for e in told
                          if e.type == "arrest" and e.trigger and HANDED_OVER.match(doc.text, e.trigger[0]))
    events = fold_death_sentences(merge_events(told, frozenset(doc.sentences[:2]), handovers), doc.text)
    events = fold_vague_summaries(events)
    events = fold_into_totals(events, doc.text)
    trial_date_from_outcomes(events)
    date_from_context([e for e in events if e.type == "trial"])  # a trial's time, for its outcomes
    inherit_from_trial(events)
    date_from_context(events)
    events.sort(key=lambda e: e.evidence[0])
    carry_charges(events, doc.text)
    for ev in events:
        ev.id = event_id(ev)
    doc.events = events
    return doc
