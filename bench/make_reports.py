"""Synthetic reports for benchmarks and scale tests, from templates written for this project.

    python bench/make_reports.py OUT_DIR --count 20000 --format jsonl.gz [--seed 7] [--bad 0.01]
    python bench/make_reports.py OUT_DIR --count 300 --format txt

Formats: txt (one file per report), json (one corpus JSON object per file), jsonl and jsonl.gz
(one object per line, in one file `reports.jsonl[.gz]`, or --per-file N per file). Every report
is about 2 kB: a headline, four to eight paragraphs in the style of reports about North Korea
(arrests, trials, sentences, crackdowns, prices, directives) with places taken from the project's
gazetteer, dates, numbers and penalties drawn from a seeded random generator, so the same
arguments always give the same bytes. The sentences are invented; no real report is copied.

`--bad F` makes a fraction F of the reports unreadable (a JSON line that is not JSON, an empty
text file) so batch runs can be checked for per-report failures.

Importable too: `generate(n, seed)` yields report dicts; `write_reports(out, n, fmt, ...)`;
`corpus_reports(folder)` reads a corpus folder's real reports for the other benchmarks.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from typing import Iterator

OUTLETS = ("Daily NK", "Radio Free Asia", "NK News", "Asia Press")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a dozen")
SUBJECTS = ("residents", "smugglers", "factory workers", "students", "cadres", "merchants",
            "women", "soldiers", "farmers", "university students")
CHARGES = ("smuggling copper across the river", "using Chinese mobile phones",
           "watching South Korean dramas", "helping people cross the border",
           "selling methamphetamine", "embezzling state grain", "running a private bus service",
           "holding prayer meetings in a private home", "spreading foreign songs on USB sticks",
           "breaking quarantine rules during the border closure")
PENALTIES = ("{years} years of reform-through-labor", "{months} months in a labor-training camp",
             "life imprisonment", "{years} years in prison", "banishment to a remote farm")
GOODS = ("rice", "corn", "pork", "diesel", "gasoline", "soybean oil", "flour")
AUTHORITIES = ("the Ministry of State Security", "the Ministry of Social Security",
               "the provincial party committee", "a non-socialist inspection group",
               "the border guard command", "the central prosecutor's office")

HEADLINES = (
    "{Province} authorities hold public trial for {subjects}",
    "Crackdown on {charge_short} intensifies in {place}",
    "{Number} {subjects} arrested in {place}",
    "{Good} prices climb again in {place} markets",
    "New directive orders {subjects} to report neighbors in {province}",
    "{place} residents mobilized for {project}",
)
PROJECTS = ("flood recovery work", "road construction", "the spring farming battle",
            "housing construction", "railway repairs")
CHARGE_SHORT = ("phone use", "smuggling", "foreign media", "border crossings", "drug dealing")

# Paragraph templates. {place} is a city or county, {province} its province.
OPENINGS = (
    "Authorities in {place}, {province}, held a public trial on {day_text} for {number} {subjects} "
    "accused of {charge}, a source in {province} told {outlet}.",
    "{Number} {subjects} were arrested in {place} in {month} after {authority} discovered they "
    "had been {charge}, according to a source in the area.",
    "{Authority} has launched a crackdown in {place} on people {charge}, sources in {province} "
    "reported on {day_text}.",
    "The price of {good} at markets in {place} rose to {price} won per kilogram in early {month}, "
    "a source in {province} said.",
    "A directive sent down to {place} in {month} orders {subjects} to report anyone caught "
    "{charge} to {authority}, a source in {province} told {outlet}.",
    "Residents of {place} in {province} have been mobilized for {project} since {month}, "
    "leaving many households without time to tend their private plots.",
)
MIDDLES = (
    "The court sentenced the main organizer to {penalty}, while the others received "
    "{penalty2}, the source said.",
    "\"People gathered at the stadium were told that anyone {charge} would face the same fate,\" "
    "the source said, adding that the trial lasted about an hour.",
    "Local security officials searched houses in the neighborhood for several days and "
    "confiscated phones, memory cards and cash from at least {count} families.",
    "{Authority} reportedly handed the suspects over to the prosecutor's office for further "
    "investigation in {month}.",
    "Market traders say the price of {good2} has also gone up by about {percent} percent since "
    "the border trade slowed down.",
    "The source said that some families can no longer afford three meals a day and now eat "
    "corn porridge instead of rice.",
    "According to the source, the authorities announced that a further {count} people are "
    "under investigation and may be tried at a later date.",
    "The directive was read out at a lecture for party members and at neighborhood watch unit "
    "meetings across {province}.",
    "Officials from {authority} were dispatched to {place2} as well, where a similar inspection "
    "is said to be under way.",
    "Some of those detained were released after their families paid bribes of several thousand "
    "Chinese yuan, the source claimed.",
    "In {month}, {number} {subjects} from {place2} were caught {charge} and sent to a holding "
    "center run by {authority}, the source said.",
    "A resident of {place} said that inspectors now stop people at the entrance of the market "
    "and check their phones for foreign files.",
    "The exchange rate in {place} stood at {rate} won to the US dollar in {month}, slightly "
    "higher than a month earlier.",
    "Several {subjects} were reportedly sent to a labor-training camp for {months2} months "
    "because they failed to attend the lectures.",
    "The provincial authorities also ordered every enterprise in {province} to send workers to "
    "{project} for at least two weeks.",
    "Since {month}, {authority} has been running checkpoints on the roads leading out of "
    "{place}, and travel permits have become harder to obtain.",
    "Those who took part in the trial were made to sign a pledge promising never to engage in "
    "{charge}, the source added.",
    "Another source in {province} said that the families of the accused were moved to a remote "
    "mountain village shortly after the verdict.",
)
CLOSINGS = (
    "The source added that residents are increasingly anxious about what comes next.",
    "It is not the first such case in {province} this year.",
    "{Outlet} could not independently confirm the details of the report.",
    "Residents reportedly fear that the campaign will continue until the end of the year.",
)


def _places() -> list[tuple[str, str]]:
    """(place name, province name) pairs for cities and counties of the project's gazetteer."""
    rows = list(csv.DictReader(resources.files("nkevents.data").joinpath("gazetteer.csv")
                               .open(encoding="utf-8")))
    by_id = {r["id"]: r for r in rows}
    pairs = []
    for r in rows:
        if r["level"] in ("city", "county") and r["id"].startswith("kp."):
            province = by_id.get(r["id"].split(".")[0] + "." + r["id"].split(".")[1])
            if province and province["level"] == "province":
                pairs.append((r["name"], province["name"] + " Province"))
    return pairs or [("Hyesan", "Ryanggang Province")]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _slots(rng: random.Random, places: list[tuple[str, str]], published: date) -> dict:
    place, province = rng.choice(places)
    day = published - timedelta(days=rng.randint(1, 25))
    years, months = rng.randint(2, 15), rng.randint(3, 12)
    penalty = rng.choice(PENALTIES).format(years=years, months=months)
    penalty2 = rng.choice(PENALTIES).format(years=rng.randint(1, 5), months=rng.randint(3, 10))
    values = {
        "place": place, "province": province, "place2": rng.choice(places)[0],
        "day_text": f"{MONTHS[day.month - 1][:3]}. {day.day}" if rng.random() < 0.5
        else f"{MONTHS[day.month - 1]} {day.day}",
        "month": MONTHS[day.month - 1], "number": rng.choice(NUMBER_WORDS),
        "subjects": rng.choice(SUBJECTS), "charge": rng.choice(CHARGES),
        "charge_short": rng.choice(CHARGE_SHORT), "authority": rng.choice(AUTHORITIES),
        "good": rng.choice(GOODS), "good2": rng.choice(GOODS), "price": rng.randint(20, 400) * 100,
        "percent": rng.randint(5, 60), "rate": rng.randint(30, 90) * 100,
        "months2": rng.randint(3, 12), "count": rng.randint(3, 40), "project": rng.choice(PROJECTS),
        "penalty": penalty, "penalty2": penalty2, "outlet": rng.choice(OUTLETS),
    }
    for key in ("number", "authority", "province", "good", "outlet"):
        values[_cap(key)] = _cap(values[key])
    return values


# the fields of a corpus report that `nkevents.stages.read.from_fields` takes
REPORT_FIELDS = ("text", "html", "url", "outlet", "title", "published")


def corpus_reports(folder: Path) -> list[tuple[str, dict]]:
    """(file stem, fields) of the reports in a corpus folder, by file name: its JSON files holding a
    text or html (not the gold files, clusters.json or split.json)."""
    out = []
    for f in sorted(Path(folder).glob("*.json")):
        if f.name.endswith(".gold.json"):
            continue
        data = json.loads(f.read_text())
        if isinstance(data, dict) and (data.get("text") or data.get("html")):
            out.append((f.stem, {k: v for k, v in data.items() if k in REPORT_FIELDS}))
    return out


def generate(n: int, seed: int = 7, bad: float = 0.0) -> Iterator[dict]:
    """n report objects {"text", "title", "outlet", "published", "url"}; with bad > 0 a fraction
    of them is {"bad": True} (the writer turns those into unreadable input)."""
    rng = random.Random(seed)
    places = _places()
    start = date(2015, 1, 1)
    for i in range(n):
        if bad and rng.random() < bad:
            yield {"bad": True, "number": i}
            continue
        published = start + timedelta(days=rng.randint(0, 3650))
        slots = _slots(rng, places, published)
        paragraphs = [rng.choice(OPENINGS).format(**slots)]
        for template in rng.sample(MIDDLES, rng.randint(7, 11)):
            paragraphs.append(template.format(**slots))
        paragraphs.append(rng.choice(CLOSINGS).format(**slots))
        yield {
            "title": rng.choice(HEADLINES).format(**{**slots, "Province": slots["province"],
                                                     "Good": _cap(slots["good"])}),
            "text": "\n\n".join(paragraphs),
            "outlet": slots["outlet"],
            "published": published.isoformat(),
            # one url per report: reports that share a url are revisions of each other in the store
            "url": f"https://example.org/reports/{seed}-{i}",
        }


FORMATS = ("txt", "json", "jsonl", "jsonl.gz")


def write_reports(out: Path | str, n: int, fmt: str = "jsonl", *, seed: int = 7, bad: float = 0.0,
                  per_file: int | None = None) -> list[Path]:
    """Write n reports under `out` in one of FORMATS; returns the files written."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    reports = generate(n, seed, bad)
    written = []
    if fmt in ("txt", "json"):
        for i, obj in enumerate(reports):
            path = out / f"report-{i:06d}.{fmt}"
            if obj.get("bad"):
                path.write_bytes(b"" if fmt == "txt" else b"{not json")
            elif fmt == "txt":
                path.write_text(obj["title"] + "\n\n" + obj["text"] + "\n", encoding="utf-8")
            else:
                path.write_text(json.dumps(obj, ensure_ascii=False), encoding="utf-8")
            written.append(path)
        return written
    per_file = per_file or n
    handle, count = None, 0
    for obj in reports:
        if handle is None or count == per_file:
            if handle:
                handle.close()
            path = out / f"reports-{len(written):04d}.{fmt}" if per_file < n else out / f"reports.{fmt}"
            handle = gzip.open(path, "wt", encoding="utf-8") if fmt.endswith(".gz") else \
                path.open("w", encoding="utf-8")
            written.append(path)
            count = 0
        handle.write("{not json\n" if obj.get("bad") else json.dumps(obj, ensure_ascii=False) + "\n")
        count += 1
    if handle:
        handle.close()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--format", choices=FORMATS, default="jsonl")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bad", type=float, default=0.0, help="fraction of unreadable reports")
    ap.add_argument("--per-file", type=int, default=None, help="reports per JSON Lines file")
    args = ap.parse_args()
    files = write_reports(args.out, args.count, args.format, seed=args.seed, bad=args.bad,
                          per_file=args.per_file)
    print(f"{args.count} reports written to {len(files)} file(s) under {args.out}")


if __name__ == "__main__":
    main()
