"""The shipped gazetteer: hierarchy, coordinates, spellings and romanization keys."""
import csv
import io
from importlib import resources

import pytest

from nkevents.gazetteer import Gazetteer, level_rank, spelling_key

# North Korea's bounding box, with a margin for points on the border rivers and islands
LAT = (37.5, 43.1)
LON = (124.0, 131.0)


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load()


def test_data_file_has_the_columns_and_rows():
    text = resources.files("nkevents.data").joinpath("gazetteer.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) > 300
    for col in ("id", "level", "name", "hangul", "parent_id", "lat", "lon", "coord_precision", "spellings"):
        assert col in rows[0]
    assert all(r["coord_precision"] in ("own", "parent", "approximate") for r in rows)
    assert all(r["spellings"].split("|")[0] == r["name"] for r in rows)


def test_load_is_cached(gaz):
    assert Gazetteer.load() is gaz


def test_every_parent_exists_and_ids_are_dotted_prefixes(gaz):
    for place in gaz.places():
        if place.id == "kp":
            assert place.parent_id is None
            continue
        assert place.parent_id in gaz, place.id
        assert place.id.startswith(place.parent_id + "."), place.id
        alt = gaz.alt_parent_id(place.id)
        assert alt is None or alt in gaz, place.id


def test_coordinates_are_in_north_korea(gaz):
    for place in gaz.places():
        assert place.lat is not None and place.lon is not None, place.id
        assert LAT[0] <= place.lat <= LAT[1] and LON[0] <= place.lon <= LON[1], place.id


def test_coarse_points_are_marked(gaz):
    # the source copied the capital's point for counties without their own (derived:*)
    derived = [p for p in gaz.places() if (gaz.coord_source(p.id) or "").startswith("derived:")]
    assert derived and all(p.coord_precision == "parent" for p in derived)
    assert gaz.get("kp.north-hamgyong.chongjin").coord_precision == "own"


def test_hierarchy_helpers(gaz):
    assert [p.id for p in gaz.ancestors("kp.north-hamgyong.chongjin.sunam")] == [
        "kp.north-hamgyong.chongjin", "kp.north-hamgyong", "kp"]
    assert "kp.north-hamgyong.chongjin.sunam" in {p.id for p in gaz.children("kp.north-hamgyong.chongjin")}
    assert gaz.contains("kp.north-hamgyong", "kp.north-hamgyong.chongjin.sunam")
    assert not gaz.contains("kp.north-hamgyong.chongjin", "kp.north-hamgyong.chongjin-x")
    assert not gaz.contains("kp.north-hamgyong", "kp.rason")
    assert gaz.contains("kp.north-hamgyong", "kp.rason", alt=True)  # part of it 2004-2010
    sub = gaz.subtree_ids("kp.north-hamgyong.chongjin")
    assert "kp.north-hamgyong.chongjin.sunam" in sub and "kp.north-hamgyong" not in sub
    assert gaz.admin_names("kp.north-hamgyong.chongjin.sunam") == {
        "admin1": "North Hamgyong", "admin2": "Chongjin", "admin3": "Sunam"}
    assert gaz.admin_names("kp.ryanggang")["admin2"] is None


# Spellings none of which needs to be listed in the data: the keys fold them.
UNSEEN = {
    "Shinuiju": "kp.north-pyongan.sinuiju", "Sinŭiju": "kp.north-pyongan.sinuiju",
    "Sineuiju": "kp.north-pyongan.sinuiju", "Ryangkang": "kp.ryanggang", "Yangkang": "kp.ryanggang",
    "Hoiryong": "kp.north-hamgyong.hoeryong", "Hoeryung": "kp.north-hamgyong.hoeryong",
    "Heoryung": "kp.north-hamgyong.hoeryong", "Kangkye": "kp.jagang.kanggye",
    "Hamheung": "kp.south-hamgyong.hamhung", "Cheongjin": "kp.north-hamgyong.chongjin",
    "Chungjin": "kp.north-hamgyong.chongjin", "Chongjin-si": "kp.north-hamgyong.chongjin",
    "Hyeisan": "kp.ryanggang.hyesan", "Musan-gun": "kp.north-hamgyong.musan",
    "Onsŏng": "kp.north-hamgyong.onsong", "Onsung": "kp.north-hamgyong.onsong",
    "Onseong": "kp.north-hamgyong.onsong", "Nampho": "kp.nampo",
    "Phyongsong": "kp.south-pyongan.pyongsong", "Pyungsung": "kp.south-pyongan.pyongsong",
    "Pyeongseong": "kp.south-pyongan.pyongsong", "Kimchaek": "kp.north-hamgyong.kimchaek",
    "Ryongchon": "kp.north-pyongan.ryongchon", "Yongbyon": "kp.north-pyongan.nyongbyon",
    "Nyongbyon": "kp.north-pyongan.nyongbyon", "Hamgyong-bukto": "kp.north-hamgyong",
    "Hamgyongbuk-do": "kp.north-hamgyong", "Hamgyeongbuk-do": "kp.north-hamgyong",
    "Jagang": "kp.jagang", "Najin": "kp.rason.rajin", "Songnim": "kp.north-hwanghae.songrim",
}


@pytest.mark.parametrize("spelling,place_id", sorted(UNSEEN.items()))
def test_unseen_spellings_are_found(gaz, spelling, place_id):
    assert place_id in [p.id for p in gaz.find(spelling)]


def test_find_puts_the_bigger_place_first(gaz):
    found = gaz.find("Hyesan")
    assert found[0].id == "kp.ryanggang.hyesan" and len(found) > 1
    assert [level_rank(p.level) for p in found] == sorted(level_rank(p.level) for p in found)


def test_keys_fold_romanizations_but_keep_names_apart():
    assert spelling_key("Ch'ŏngjin") == spelling_key("Chongjin") == spelling_key("Cheongjin")
    assert spelling_key("Hamgyong-bukto") == spelling_key("Hamgyongbuk-do")
    assert spelling_key("Hyesan") != spelling_key("Haeju")
    assert spelling_key("Sinuiju") != spelling_key("Uiju")


# Spellings that several places share; each needs a rule in the places stage: a level word,
# an ancestor named nearby, or the bigger place by default.
# Two GeoNames towns named Songwon in Chagang whose county the sources do not give: nothing in a
# report can tell them apart; the stage takes the first id.
UNRESOLVABLE = {"kp.jagang.songwon-2040480", "kp.jagang.songwon-up"}


def test_shared_spellings_are_few_and_resolvable(gaz):
    shared = {k: ids for k, ids in gaz.keys().items() if len(ids) > 1}
    assert len(shared) < 60
    for key, ids in shared.items():
        places = [gaz.get(i) for i in ids]
        # resolvable by a level word / the bigger-place default, or by naming the parent
        by_level = len({p.level for p in places}) == len(places)
        by_parent = len({p.parent_id for p in places}) == len(places)
        leftover = {p.id for p in places} - UNRESOLVABLE
        assert by_level or by_parent or len(leftover) <= 1 or (
            len({p.level for p in places if p.id in leftover}) == len(leftover)), key


def test_place_words_and_foreign_places_validate():
    import re
    import tomllib

    from nkevents.gazetteer import place_words
    words = place_words()
    for section, key in (("not_place", "after"), ("not_place", "before"), ("metonymy", "after"),
                         ("source", "before"), ("source", "after"), ("source", "same_place")):
        re.compile(words[section][key])
    rank = set(words["levels"]["rank"])
    for group in words["levels"]["after"]:
        assert set(group["levels"]) <= rank | {"village"}
    text = resources.files("nkevents.data").joinpath("foreign_places.toml").read_text("utf-8")
    foreign = tomllib.loads(text)
    ids = [p["id"] for p in foreign["place"]]
    assert len(ids) == len(set(ids))
    for pid in ids:
        assert re.fullmatch(r"[a-z]{2}(\.[a-z0-9-]+)*", pid) and not pid.startswith("kp"), pid
        parent = pid.rsplit(".", 1)[0]
        assert "." not in pid or parent in ids, pid


def test_build_is_deterministic_and_the_shipped_file_is_current(tmp_path):
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    source = Path("/work/shared/data/gazetteer/kp_places.csv")
    if not source.is_file():
        pytest.skip("the source table kp_places.csv is not on this machine")
    spec = importlib.util.spec_from_file_location("build_gazetteer", root / "tools" / "build_gazetteer.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    assert builder.main(["--source", str(source), "--out", str(one)]) == 0
    assert builder.main(["--source", str(source), "--out", str(two)]) == 0
    shipped = resources.files("nkevents.data").joinpath("gazetteer.csv").read_bytes()
    assert one.read_bytes() == two.read_bytes() == shipped


def test_builder_names_a_missing_source(tmp_path, capsys):
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("build_gazetteer", root / "tools" / "build_gazetteer.py")
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    assert builder.main(["--source", str(tmp_path / "nope.csv"), "--out", str(tmp_path / "x.csv")]) == 2
    assert "nope.csv: no such file" in capsys.readouterr().err


def test_the_built_spelling_keys_are_those_computed_now():
    """data/spelling_keys.json is what scripts/build_derived.py writes: run it after editing
    place_words.toml, foreign_places.toml or the gazetteer."""
    import json
    from importlib import resources
    from nkevents import gazetteer
    built = json.loads(resources.files("nkevents.data").joinpath("spelling_keys.json").read_text("utf-8"))
    assert built == gazetteer.build_spelling_keys(), "spelling_keys.json is stale: run scripts/build_derived.py"
    assert gazetteer.built_spelling_keys()  # built from place_words.toml as it is: in use
    assert gazetteer.spelling_key("Hamgyong-bukto") == gazetteer.compute_spelling_key("Hamgyong Bukto")
    assert gazetteer.spelling_key("a spelling no list holds") == gazetteer.compute_spelling_key("a spelling no list holds")
