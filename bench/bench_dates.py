"""Speed of the dates stage (find_dates) on 2 KB reports.

    .venv/bin/python bench/bench_dates.py
Prints the grammar's build time and the time per 2 KB report of find_dates on an invented
report, and on the shared corpus reports (cut or repeated to 2 KB) when /work/shared/corpus
exists. Times are CPU time of this process, the best of several rounds; still, run it when the
machine is otherwise idle.
"""
import glob
import json
import time

from nkevents.stages import dates

PARAGRAPH = (
    "A source in North Hamgyong Province told Daily NK on Thursday that the provincial court held "
    "an open trial on Nov. 10 in Chongjin, where two cadres were sentenced for smuggling. Since the "
    "end of October, inspectors have searched 2,000 homes; a kilogram of rice cost 7,000 won last "
    "month, up from 5,500 won in early June. In 2020 the border was closed, and a man in his 50s "
    "was executed two weeks ago at 10 AM. "
)


def to_2kb(text: str) -> str:
    while len(text) < 2000:
        text += "\n\n" + text
    return text[:2000]


def per_report(reports: list[tuple[str, str | None]], rounds: int = 7) -> float:
    """Best CPU seconds per report over several rounds."""
    best = float("inf")
    for _ in range(rounds):
        t0 = time.process_time()
        for text, published in reports:
            dates.find_dates(text, published)
        best = min(best, time.process_time() - t0)
    return best / len(reports)


def main() -> None:
    t0 = time.process_time()
    dates.grammar()
    print(f"grammar build: {(time.process_time() - t0) * 1000:.1f} ms")
    invented = [(to_2kb(PARAGRAPH), "2022-11-17")] * 50
    print(f"invented 2 KB report: {per_report(invented) * 1000:.3f} ms per report")
    corpus = []
    for path in sorted(glob.glob("/work/shared/corpus/*/*.json")):
        if path.endswith(".gold.json") or path.endswith("clusters.json"):
            continue
        doc = json.load(open(path, encoding="utf-8"))
        if doc.get("text"):
            corpus.append((to_2kb(doc["text"]), doc.get("published")))
    if corpus:
        print(f"corpus ({len(corpus)} reports at 2 KB): {per_report(corpus) * 1000:.3f} ms per report")


if __name__ == "__main__":
    main()
