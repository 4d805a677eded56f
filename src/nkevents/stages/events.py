"""Event triggers: which sentences report which kinds of event.

Reads the sentence spans and writes one candidate `Event` per (sentence, type) whose trigger words
(data/lexicon/triggers.toml) occur in it, with the sentence as evidence. Arguments are filled by the
`arguments` stage and repeated mentions of one occurrence are joined by the `merge` stage.
"""
from __future__ import annotations

import re

from nkevents import lexicon
from nkevents.model import Document, Event

REQUIRES = ("text", "sentences")
ASSIGNS = ("events",)

# Types that report a punishment or its process: a threat or condition is not one of them.
PUNISHMENT_TYPES = {"execution", "sentence", "arrest", "trial"}
# Conduct that is only the charge of one of these is not an event of its own (annotation.md).
ENFORCEMENT_TYPES = PUNISHMENT_TYPES | {"crackdown"}


# "the trial", "this order", "the public execution": a noun phrase pointing back to a known occurrence
ANAPHORA = re.compile(r"\b(?:the|this|that|these|such|his|her|their|its)\s+(?:[\w-]+\s+)?$", re.I)


def _first_trigger(pattern: re.Pattern, exclude: re.Pattern | None, sentence: str) -> re.Match | None:
    excluded = None
    for m in pattern.finditer(sentence):
        if excluded is None:
            excluded = [x.span() for x in exclude.finditer(sentence)] if exclude else []
        if not any(a < m.end() and m.start() < b for a, b in excluded):
            return m
    return None


def _cue(name: str) -> re.Pattern | None:
    return lexicon.compiled("modality")[name]["patterns"]


def find_triggers(sentence: str, types: set[str] | None = None) -> dict[str, re.Match]:
    """{event type: first trigger match} for one sentence, after the co-occurrence rules below.
    `types`: the only types worth trying (those whose keywords the whole report contains)."""
    found = {}
    lowered = sentence.lower()
    gates = lexicon.gates("triggers")
    for typ, pats in lexicon.compiled("triggers").items():
        if (types is not None and typ not in types) or not lexicon.may_match(gates[typ], lowered):
            continue
        m = _first_trigger(pats["patterns"], pats["exclude"], sentence)
        if m:
            found[typ] = m
    if not found:
        return found
    generic, hypothetical = _cue("generic"), _cue("hypothetical")
    if generic.search(sentence):
        # a general condition ("executions are not rare") is background, not an occurrence
        found = {t: m for t, m in found.items() if t in ("market", "directive", "policy")}
    if hypothetical.search(sentence):
        # "those who ... will be executed": a threat, which is the content of a directive or policy
        found = {t: m for t, m in found.items() if t not in PUNISHMENT_TYPES}
    if "execution" in found and "sentence" in found:
        # "sentenced them to death and shot them" is one execution
        if not re.search(r"\b(?:years?|months?|life|labou?r|camp|prison)\b", sentence, re.I):
            del found["sentence"]
    if "prohibited_activity" in found and ENFORCEMENT_TYPES & found.keys():
        del found["prohibited_activity"]
    return found


def is_anaphoric(sentence: str, trigger: re.Match) -> bool:
    """A definite noun trigger ("the execution", "his arrest") refers back to a known occurrence."""
    first_word = trigger.group(0).split()[0].lower()
    return (first_word in lexicon.load("triggers")["anaphoric_nouns"]
            and bool(ANAPHORA.search(sentence, 0, trigger.start())))


def run(doc: Document) -> Document:
    strengths = {t: v.get("strength", 0.5) for t, v in lexicon.load("triggers").items() if isinstance(v, dict)}
    events = []
    lowered = doc.text.lower()
    possible = {t for t, gate in lexicon.gates("triggers").items() if lexicon.may_match(gate, lowered)}
    for start, end in doc.sentences:
        sentence = doc.text[start:end]
        for typ, m in find_triggers(sentence, possible).items():
            events.append(Event(type=typ, evidence=[(start, end)],
                                trigger=(start + m.start(), start + m.end()),
                                confidence=strengths.get(typ, 0.5),
                                anaphoric=is_anaphoric(sentence, m)))
    events.sort(key=lambda e: e.trigger)
    doc.events = events
    return doc
