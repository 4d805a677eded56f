"""Speed of the places stage on 2 KB reports.

    .venv/bin/python bench/bench_places.py
Prints the gazetteer's load time, the matcher's build time and reports per second of
places.run (sentences split before) on an invented report, and on the shared corpus reports
(cut or repeated to 2 KB) when /work/shared/corpus exists. The machine's load matters: run it
when the machine is otherwise idle (times are CPU time of this process).
"""
import glob
import json
import time
from pathlib import Path

from nkevents.gazetteer import Gazetteer
from nkevents.model import Document
from nkevents.stages import places, sentences

PARAGRAPH = (
    "A source in North Hamgyong Province told Daily NK on Thursday that the provincial court held "
    "an open trial in Chongjin's Sunam District, where two cadres were sentenced for smuggling. "
    "The source said the authorities had warned residents that anyone caught with a foreign phone "
    "would be punished severely, and that inspection teams were searching houses at night. "
    "Traders said rice cost 6,000 won per kilogram in Hyesan last week, up from the month before.\n\n")
CORPUS = Path("/work/shared/corpus")


def rate(texts, rounds=3):
    docs = [sentences.run(Document(text=t)) for t in texts]
    start = time.process_time()
    for _ in range(rounds):
        for d in docs:
            places.run(d)
    return len(docs) * rounds / (time.process_time() - start), docs


def two_kb(text):
    while len(text) < 2048:
        text = text + "\n\n" + text
    return text[:2048]


def main():
    t = time.process_time()
    Gazetteer.load()
    t_load = time.process_time() - t
    t = time.process_time()
    places.matcher()
    t_matcher = time.process_time() - t
    print(f"gazetteer load {t_load * 1000:.0f} ms, matcher build {t_matcher * 1000:.0f} ms")
    per_s, docs = rate([two_kb(PARAGRAPH) + f" ({i})" for i in range(300)])
    print(f"invented 2 KB report: {per_s:.0f} reports/s ({len(docs[0].place_mentions)} mentions each)")
    if CORPUS.is_dir():
        texts = []
        for f in sorted(glob.glob(str(CORPUS / "*" / "*[0-9].json"))):
            obj = json.loads(Path(f).read_text("utf-8"))
            if obj.get("text"):
                texts.append(two_kb(obj["text"]))
        per_s, docs = rate(texts * 5)
        mentions = sum(len(d.place_mentions) for d in docs) / len(docs)
        print(f"corpus reports at 2 KB: {per_s:.0f} reports/s ({mentions:.1f} mentions each)")


if __name__ == "__main__":
    main()
