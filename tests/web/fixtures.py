"""Reports written for these tests (not from the corpus) and their events, built with the model
directly so the tests do not depend on what the extractor finds."""
from __future__ import annotations

from nkevents.model import Actor, DateMention, Document, Event, Penalty, Place, PlaceMention, Removed

HYESAN = Place("kp.ryanggang.hyesan", "Hyesan", "city", 41.40, 128.18, "own", "kp.ryanggang")
RYANGGANG = Place("kp.ryanggang", "Ryanggang", "province", 41.40, 128.18, "own", "kp")
CHONGJIN = Place("kp.north-hamgyong.chongjin", "Chongjin", "city", 41.79, 129.78, "own")
SUNAM = Place("kp.north-hamgyong.chongjin.sunam", "Sunam District", "district", 41.79, 129.78, "parent")
NORTH_HAMGYONG = Place("kp.north-hamgyong", "North Hamgyong", "province", 41.90, 129.41, "own")

PASSWORD = "correct horse battery"


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def date(text: str, phrase: str, start: str, end: str, precision: str) -> DateMention:
    a, b = span(text, phrase)
    return DateMention(a, b, phrase, start, end, precision)


def hyesan_trial() -> Document:
    s1 = ("Authorities in Hyesan held a public trial on Nov. 10 for three women accused of "
          "smuggling copper and using Chinese mobile phones.")
    s2 = "The court sentenced two of them to five years in a reform-through-labor camp."
    s3 = ("A source in Ryanggang Province said the Ministry of State Security had arrested the "
          "women in October.")
    text = f"{s1} {s2}\n\n{s3}"
    doc = Document(raw=text, text=text, url="https://example.org/hyesan-trial", outlet="Daily NK",
                   title="Three women tried in Hyesan", published="2022-11-17",
                   removed=[Removed("caption", "Photo: a market street in Hyesan (file photo)")])
    doc.sentences = [span(text, s1), span(text, s2), span(text, s3)]
    doc.place_mentions = [PlaceMention(*span(text, "Hyesan"), HYESAN, "Hyesan"),
                          PlaceMention(*span(text, "Ryanggang Province"), RYANGGANG, "Ryanggang Province")]
    nov10 = date(text, "Nov. 10", "2022-11-10", "2022-11-10", "day")
    doc.events = [
        Event("trial", [span(text, s1)], date=nov10, place=HYESAN, charges=["smuggling", "illegal_phone"],
              subjects_text="three women", subjects_count=3, confidence=0.9, id="e1"),
        Event("sentence", [span(text, s2)], date=nov10, place=HYESAN,
              actors=[Actor("court", "The court")], subjects_text="two of them", subjects_count=2,
              charges=["smuggling", "illegal_phone"],
              penalty=Penalty("prison", 60, 60, "five years in a reform-through-labor camp"),
              confidence=0.9, id="e2"),
        Event("arrest", [span(text, s3)], date=date(text, "in October", "2022-10-01", "2022-10-31", "month"),
              place=RYANGGANG, actors=[Actor("mss", "the Ministry of State Security")],
              subjects_text="the women", confidence=0.7, id="e3", attribution="A source in Ryanggang Province"),
    ]
    return doc


def chongjin_execution() -> Document:
    s1 = ("A man in Chongjin was executed by firing squad in February for selling South Korean "
          "dramas on USB sticks, a source said.")
    s2 = "Inspection teams then began house searches in Sunam District, another source added."
    text = f"{s1} {s2}"
    doc = Document(raw=text, text=text, outlet="NK News", title="Execution in Chongjin",
                   published="2021-03-05")
    doc.sentences = [span(text, s1), span(text, s2)]
    doc.place_mentions = [PlaceMention(*span(text, "Chongjin"), CHONGJIN, "Chongjin"),
                          PlaceMention(*span(text, "Sunam District"), SUNAM, "Sunam District")]
    doc.events = [
        Event("execution", [span(text, s1)], date=date(text, "in February", "2021-02-01", "2021-02-28", "month"),
              place=CHONGJIN, charges=["foreign_media"], subjects_text="A man", subjects_count=1,
              penalty=Penalty("death", None, None, "executed by firing squad"), confidence=0.9, id="e1"),
        Event("crackdown", [span(text, s2)], place=SUNAM, actors=[Actor("inspection_group", "Inspection teams")],
              modality="asserted", confidence=0.6, id="e2"),
    ]
    return doc


MALICIOUS_TITLE = '<img src=x onerror="window.__pwned=1">Prices'
MALICIOUS_SCRIPT = "<script>window.__pwned = 2;</script>"


def malicious_report() -> Document:
    """A report whose text, title, outlet and residue carry markup: it must render as text."""
    s1 = (f"Rice cost 5,000 won per kilogram in Sinuiju markets {MALICIOUS_SCRIPT} last week, "
          "a trader said.")
    s2 = 'Another line had <img src=x onerror="window.__pwned=3"> in it and a <b>bold</b> tag.'
    text = f"{s1} {s2}"
    doc = Document(raw=text, text=text, outlet="<i>Evil Outlet</i>", title=MALICIOUS_TITLE,
                   published="2023-01-09",
                   removed=[Removed("boilerplate", '<script>window.__pwned = 4;</script>')])
    doc.sentences = [span(text, s1), span(text, s2)]
    doc.events = [Event("market", [span(text, s1)], subjects_text="<svg onload=alert(1)>",
                        confidence=0.5, id="e1",
                        attribution='"><script>window.__pwned=5</script>')]
    return doc


def fill(store) -> dict[str, str]:
    """Stores the three reports; returns {name: report_id}."""
    ids = {}
    for name, build in (("hyesan", hyesan_trial), ("chongjin", chongjin_execution),
                        ("malicious", malicious_report)):
        ids[name] = store.ingest_document(build(), source=f"tests/{name}").report_id
    return ids


def add_users(store) -> None:
    from nkevents.web.auth import hash_password
    hashed = hash_password(PASSWORD)
    for name, role in (("vera", "viewer"), ("eddie", "editor"), ("ada", "admin")):
        store.add_user(name, hashed, role)


def event_id(store, report_id: str, type_: str) -> str:
    from nkevents.store import EventFilter
    rows, _ = store.query_events(EventFilter(report_id=report_id, type=type_))
    return rows[0]["event_id"]
