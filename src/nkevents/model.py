"""The document model that every stage reads and writes, and its JSON form (spec/events.md).

One `Document` travels through the pipeline. Every span is a pair of character offsets into
`Document.text` (the cleaned body), so evidence can always be sliced back out of the text.
Stages add to the document; none of them removes what an earlier stage wrote.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit


@dataclass
class Removed:
    """A piece of page residue taken out of the body by the cleaner."""
    kind: str  # caption | boilerplate | duplicate_title | headline_list | ...
    text: str

    def to_json(self) -> dict:
        return {"kind": self.kind, "text": self.text}


@dataclass
class Place:
    """A gazetteer entry (see data/gazetteer.csv)."""
    id: str
    name: str
    level: str
    lat: float | None = None
    lon: float | None = None
    # "own" when the coordinate is the place's own point; "parent" when it is a coarse
    # fallback copied from the parent or capital (the gazetteer's derived:* rows).
    coord_precision: str = "own"
    parent_id: str | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "name": self.name, "level": self.level, "lat": self.lat,
                "lon": self.lon, "coord_precision": self.coord_precision}


@dataclass
class PlaceMention:
    """A place named in the text: `place` is resolved; `start`/`end` point into Document.text."""
    start: int
    end: int
    place: Place
    text: str = ""


@dataclass
class DateMention:
    """A time expression resolved against the publication date.

    `start`/`end` are ISO dates (or `--MM-DD` when the year is unknown); precision is one of
    day | month | year | month-day | range. `relation` says how the expression relates to the
    event it sits beside: "at" (on Nov. 10), "since" (since 2020), "until", "before", "after".
    """
    start: int
    end: int
    text: str
    date_start: str
    date_end: str
    precision: str
    relation: str = "at"

    def to_json(self) -> dict:
        return {"start": self.date_start, "end": self.date_end, "precision": self.precision,
                "text": self.text}


@dataclass
class Actor:
    id: str
    text: str
    role: str = "authority"  # authority | issuer | recipient | participant
    start: int | None = None
    end: int | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "text": self.text, "role": self.role}


@dataclass
class Penalty:
    kind: str
    min_months: int | None = None
    max_months: int | None = None
    text: str = ""

    def to_json(self) -> dict:
        return {"kind": self.kind, "min_months": self.min_months, "max_months": self.max_months,
                "text": self.text}


@dataclass
class Event:
    type: str
    evidence: list[tuple[int, int]]
    date: DateMention | None = None
    place: Place | None = None
    # how the place was found: "sentence" (named in the evidence), "context" (an earlier
    # sentence), "source" (the source's province), "country" (only known to be in North Korea),
    # "nationwide" (the evidence puts it all over the country: "held sessions nationwide")
    place_basis: str | None = None
    # how the date was found: "sentence" (in the evidence), "event" (from the occurrence it is
    # part of: the trial, an earlier mention), "context" (the time the story is set in)
    date_basis: str | None = None
    # the time the story is set in at the evidence sentence, for an event no sentence dates
    # (filled by the arguments stage, used by merge; not part of the output)
    context_date: DateMention | None = None
    actors: list[Actor] = field(default_factory=list)
    subjects_text: str | None = None
    subjects_count: int | None = None
    charges: list[str] = field(default_factory=list)
    penalty: Penalty | None = None
    modality: str = "asserted"
    attribution: str | None = None
    confidence: float = 0.5
    trigger: tuple[int, int] | None = None
    id: str = ""
    # the trigger refers back to an occurrence already named ("the trial", "the order")
    anaphoric: bool = False
    # the sentence details a measure or order told before ("According to the decree, prisoners will
    # be released from Oct. 1"): its time is that of the detail, not of the order
    detail: bool = False
    # the trigger says it is another occurrence than one told before ("another trial", "one more
    # person was executed"): it is never joined to an earlier one
    new_occurrence: bool = False
    # for a policy: the kind of measure (lockdown, ban, lift...; data/lexicon/triggers.toml)
    measure: str | None = None

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "type": self.type,
            "date": {**self.date.to_json(), "basis": self.date_basis} if self.date else None,
            "place": ({**self.place.to_json(), "basis": self.place_basis} if self.place else None),
            "actors": [a.to_json() for a in self.actors],
            "subjects": {"text": self.subjects_text, "count": self.subjects_count},
            "charges": list(self.charges),
            "penalty": self.penalty.to_json() if self.penalty else None,
            "modality": self.modality,
            "attribution": self.attribution,
            "evidence": [{"start": s, "end": e} for s, e in self.evidence],
            "trigger": {"start": self.trigger[0], "end": self.trigger[1]} if self.trigger else None,
            "confidence": round(self.confidence, 3),
            **({"measure": self.measure} if self.measure else {}),
        }


@dataclass
class Document:
    """One report. `raw` is the body as read; `text` the cleaned body every offset points into."""
    raw: str = ""
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None  # file name or other origin, for messages
    removed: list[Removed] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    place_mentions: list[PlaceMention] = field(default_factory=list)
    date_mentions: list[DateMention] = field(default_factory=list)
    # time expressions of the title (offsets into `title`): the time a whole story is set in
    title_dates: list[DateMention] = field(default_factory=list)
    # places outside North Korea (China, Dandong, Seoul...), kept apart so they are never
    # mistaken for North Korean ones; same shape as place_mentions
    foreign_mentions: list[PlaceMention] = field(default_factory=list)
    # sites that are no gazetteer places (a prison camp, a ski resort, a test site), each with the
    # gazetteer place it lies in: they place the events there but are not listed as places named
    landmark_mentions: list[PlaceMention] = field(default_factory=list)
    # the province a source speaks from ("a source in Ryanggang Province"), if stated
    source_place: Place | None = None
    events: list[Event] = field(default_factory=list)

    @property
    def id(self) -> str:
        return content_hash(self.text)

    def places(self) -> list[dict]:
        """The distinct North Korean places named in the text, each with all its mentions."""
        by_id: dict[str, dict] = {}
        for m in self.place_mentions:
            entry = by_id.setdefault(m.place.id, {**m.place.to_json(), "mentions": []})
            entry["mentions"].append([m.start, m.end])
        return list(by_id.values())

    def to_json(self) -> dict:
        return {
            "document": {
                "id": self.id,
                "url": self.url,
                "outlet": self.outlet,
                "title": self.title,
                "published": self.published,
                "text": self.text,
                "removed": [r.to_json() for r in self.removed],
            },
            "places": self.places(),
            "events": [e.to_json() for e in self.events],
        }


def url_host(url: str | None) -> str | None:
    """The lower-cased web host of a URL ("//" optional, "www." dropped); None when there is none or
    the URL does not parse (a feed may give any string as a link)."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:  # "http://[" and other broken netlocs
        return None
    if not host or any(c.isspace() for c in host):  # "not a url" read as a host
        return None
    return host.lower().removeprefix("www.") or None


def normalize_for_hash(text: str) -> str:
    """NFC, straight quotes and folded white space: the same report copied twice hashes the same."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()


def sentence_of(doc: Document, offset: int) -> tuple[int, int] | None:
    """The sentence span that contains a character offset."""
    for s, e in doc.sentences:
        if s <= offset < e:
            return (s, e)
    return None

