"""Report text with spans marked by kind, as escaped HTML.

Only some spans are stored with offsets (evidence, place mentions). The others are found inside
an event's evidence: the date's text, the actors' and penalty's text, and the words of the charge
lexicon (data/lexicon/charges.toml) for the charges the event carries. All text goes through
markupsafe.escape, so a report that contains markup renders as plain text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from nkevents import lexicon

# "ev" marks an event's evidence without colouring it (the report page colours it on hover)
KINDS = ("evidence", "ev", "place", "date", "actor", "penalty", "charge", "selected")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    title: str = ""
    group: str = ""  # which event the span belongs to (report page: hover an event to see it)


def _find_in(text: str, needle: str | None, lo: int, hi: int) -> tuple[int, int] | None:
    """First occurrence of `needle` in text[lo:hi], case-insensitive."""
    if not needle or not needle.strip():
        return None
    m = re.search(re.escape(needle.strip()), text[lo:hi], re.IGNORECASE)
    return (lo + m.start(), lo + m.end()) if m else None


def event_spans(text: str, event: dict, *, with_evidence: bool = True) -> list[Span]:
    """The spans one event points at: its evidence and, inside it, date/actor/penalty/charge words."""
    spans: list[Span] = []
    evidence = [(int(e["start"]), int(e["end"])) for e in event.get("evidence") or []
                if 0 <= int(e["start"]) < int(e["end"]) <= len(text)]
    for lo, hi in evidence:
        if with_evidence:
            spans.append(Span(lo, hi, "evidence", f"evidence of {event.get('type', 'event')}"))
        date = event.get("date") or {}
        if (hit := _find_in(text, date.get("text"), lo, hi)):
            spans.append(Span(*hit, "date", f"date {date.get('start') or ''}"))
        for actor in event.get("actors") or []:
            if (hit := _find_in(text, actor.get("text"), lo, hi)):
                spans.append(Span(*hit, "actor", f"actor {actor.get('id')}"))
        penalty = event.get("penalty") or {}
        if (hit := _find_in(text, penalty.get("text"), lo, hi)):
            spans.append(Span(*hit, "penalty", f"penalty {penalty.get('kind')}"))
        charge_patterns = lexicon.compiled("charges")
        for charge in event.get("charges") or []:
            pattern = (charge_patterns.get(charge) or {}).get("patterns")
            if pattern is None:
                continue
            for m in pattern.finditer(text, lo, hi):
                spans.append(Span(m.start(), m.end(), "charge", f"charge {charge}"))
    return spans


def evidence_spans(event: dict, group: str) -> list[Span]:
    """An event's evidence as uncoloured spans tagged with the event (for hover highlighting)."""
    return [Span(int(e["start"]), int(e["end"]), "ev", f"evidence of {event.get('type', 'event')}", group)
            for e in event.get("evidence") or []]


def place_spans(places: list[dict]) -> list[Span]:
    out = []
    for place in places or []:
        for start, end in place.get("mentions") or []:
            out.append(Span(int(start), int(end), "place", f"place {place.get('id')}"))
    return out


def render(text: str, spans: list[Span]) -> Markup:
    """The text as HTML: every stretch covered by spans is wrapped in <mark> with one class per
    kind covering it (so nested and overlapping spans both show). Paragraph breaks become <br>."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        chunk = str(escape(text[a:b])).replace("\n", "<br>\n")
        covering = [s for s in spans if s.start <= a and b <= s.end]
        if not covering:
            parts.append(chunk)
            continue
        kinds = sorted({s.kind for s in covering}, key=KINDS.index)
        titles = "; ".join(dict.fromkeys(s.title for s in covering if s.title))
        classes = " ".join(f"hl-{k}" for k in kinds)
        groups = " ".join(dict.fromkeys(s.group for s in covering if s.group))
        data_groups = f' data-events="{escape(groups)}"' if groups else ""
        parts.append(f'<mark class="{classes}" title="{escape(titles)}"{data_groups}>{chunk}</mark>')
    return Markup("".join(parts))
