"""Speed of the places stage on 2 KB reports (invented text in the style of the reports).

    .venv/bin/python bench/bench_places.py
Prints the matcher's build time and reports per second of places.run (sentences done before).
"""
import time

from nkevents.gazetteer import Gazetteer
from nkevents.model import Document
from nkevents.stages import places, sentences

PARAGRAPH = (
    "A source in North Hamgyong Province told Daily NK on Thursday that the provincial court held "
    "an open trial in Chongjin's Sunam District, where two cadres were sentenced for smuggling. "
    "Residents of Hoeryong and Musan County said inspection teams searched houses near the Tumen "
    "River, while traders in Dandong reported that rice cost 6,000 won per kilogram in Hyesan. "
    "Pyongyang closed the border in 2020 and the authorities have since tightened control. ")


def main():
    t = time.perf_counter()
    Gazetteer.load()
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    places.matcher()
    t_matcher = time.perf_counter() - t
    text = (PARAGRAPH * 6)[:2048]
    docs = [sentences.run(Document(text=text + f" ({i})")) for i in range(500)]
    t = time.perf_counter()
    for d in docs:
        places.run(d)
    elapsed = time.perf_counter() - t
    print(f"gazetteer load {t_load * 1000:.0f} ms, matcher build {t_matcher * 1000:.0f} ms")
    print(f"places stage: {len(docs) / elapsed:.0f} reports/s on {len(text)}-character reports "
          f"({len(docs[0].place_mentions)} mentions each)")


if __name__ == "__main__":
    main()
