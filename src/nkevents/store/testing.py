"""Fresh, throw-away stores for tests, on SQLite always and on PostgreSQL when NKEVENTS_TEST_PG
(a postgresql:// URL) is set. Used by tests/store, tests/test_export.py and anyone whose tests
need a Store:

    @pytest.fixture(params=BACKENDS)
    def store(request, tmp_path):
        with temporary_store(request.param, tmp_path) as s:
            yield s

On PostgreSQL each store lives in its own schema (dropped afterwards), so tests running at the
same time on one server do not see each other's rows.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

BACKENDS = ("sqlite", "postgresql")
PG_ENV = "NKEVENTS_TEST_PG"
PG_SKIP_REASON = f"PostgreSQL tests need {PG_ENV}=postgresql://... (CI: eval \"$(bash .ci/postgres.sh)\")"


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


@contextmanager
def temporary_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A database URL nothing else uses; raises LookupError for postgresql without a server."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / f'test-{uuid.uuid4().hex[:8]}.db'}"
        return
    base = pg_url()
    if not base:
        raise LookupError(PG_SKIP_REASON)
    from sqlalchemy import text
    from nkevents.store.db import make_engine

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@contextmanager
def temporary_store(backend: str, tmp_path: Path):
    from nkevents.store import Store

    with temporary_url(backend, tmp_path) as url:
        store = Store.open(url)
        try:
            yield store
        finally:
            store.close()


def make_event(text: str, evidence: str, type: str, *, place: tuple | None = None,
               date: tuple | None = None, charges=(), penalty: tuple | None = None,
               actors=(), modality: str = "asserted", count: int | None = None):
    """A model.Event whose evidence is the first occurrence of `evidence` in `text`.
    place = (id, name, level, lat, lon[, coord_precision]); date = (start, end, precision);
    penalty = (kind, min_months, max_months); actors = ids (role authority)."""
    from nkevents.model import Actor, DateMention, Event, Penalty, Place

    start = text.index(evidence)
    ev = Event(type=type, evidence=[(start, start + len(evidence))], modality=modality,
               charges=list(charges), trigger=(start, start + 1), confidence=0.8,
               subjects_count=count)
    if place:
        pid, name, level, lat, lon, *rest = place
        ev.place = Place(pid, name, level, lat, lon, rest[0] if rest else "own")
        ev.place_basis = "sentence"
    if date:
        ev.date = DateMention(start, start + 1, date[0], date[0], date[1], date[2])
    if penalty:
        ev.penalty = Penalty(*penalty)
    ev.actors = [Actor(a, a) for a in actors]
    return ev


def make_doc(text: str, events=(), *, url=None, outlet="Daily NK", title=None,
             published="2022-11-17"):
    """A Document as the pipeline would leave it, with the given events and rough sentences."""
    import re
    from nkevents.model import Document

    doc = Document(raw=text, text=text, url=url, outlet=outlet, title=title, published=published)
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    doc.events = list(events)
    return doc


# Report templates for throughput tests and benchmarks (written for this project, in the style of
# such reports; no corpus text).
_PLACES = [("North Hamgyong Province", "Chongjin"), ("Ryanggang Province", "Hyesan"),
           ("North Pyongan Province", "Sinuiju"), ("South Hamgyong Province", "Hamhung"),
           ("Jagang Province", "Kanggye"), ("South Pyongan Province", "Pyongsong")]
_TEMPLATES = [
    "A source in {prov} told reporters on {day} that the city court in {city} sentenced {n} "
    "people to {years} years of reform-through-labor for smuggling copper into China. The trial "
    "was held in front of residents at a local stadium. Report number {i}.",
    "Security agents in {city} arrested {n} residents in early {month} for making phone calls "
    "to relatives in South Korea, a source in {prov} said. The arrested were handed over to "
    "the provincial security department. Report number {i}.",
    "The price of rice in the markets of {city} rose to {price} won per kilogram last week as "
    "the border stayed closed, according to a source in {prov}. Traders said supplies were "
    "short. Report number {i}.",
    "Authorities in {prov} ordered every enterprise to send workers to farms in {month}, a "
    "source said. An inspection team from the party center began house searches in {city} "
    "looking for foreign videos. Report number {i}.",
]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def synthetic_report(i: int) -> dict:
    """The i-th generated report as a corpus-style JSON object (distinct text for each i)."""
    prov, city = _PLACES[i % len(_PLACES)]
    month = _MONTHS[(i // 7) % 12]
    text = _TEMPLATES[i % len(_TEMPLATES)].format(
        prov=prov, city=city, n=2 + i % 9, years=3 + i % 12, month=month, day="Thursday",
        price=4000 + (i * 37) % 3000, i=i)
    return {"text": text, "url": f"https://example.org/report/{i}", "outlet": "Example News",
            "title": f"Report {i} from {city}", "published": f"{2019 + i % 5}-{1 + i % 12:02d}-15"}
