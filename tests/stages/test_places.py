"""The places stage on sentences written for these tests in the style of the reports."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkevents.model import Document
from nkevents.stages import places, sentences


def run(text):
    return places.run(sentences.run(Document(text=text)))


def ids(text):
    return [m.place.id for m in run(text).place_mentions]


def foreign(text):
    return [m.place.id for m in run(text).foreign_mentions]


@pytest.mark.parametrize("spelling", ["Sinuiju", "Shinuiju", "Sinŭiju", "Sineuiju"])
def test_ui_family(spelling):
    assert ids(f"Prices rose in {spelling} last week.") == ["kp.north-pyongan.sinuiju"]


@pytest.mark.parametrize("spelling", ["Hoeryong", "Hoiryong", "Hoeryung", "Heoryung"])
def test_oe_family(spelling):
    assert ids(f"Guards in {spelling} were replaced.") == ["kp.north-hamgyong.hoeryong"]


@pytest.mark.parametrize("spelling", ["Ryanggang", "Yanggang", "Ryangkang", "Yangkang", "Ryanggang-do"])
def test_initial_r_and_g_k(spelling):
    assert ids(f"The inspection reached {spelling} Province in May.") == ["kp.ryanggang"]


@pytest.mark.parametrize("spelling", ["Chongjin", "Ch'ŏngjin", "Cheongjin", "Chungjin", "Chongjin-si",
                                      "Chongjin City", "the city of Chongjin"])
def test_chongjin_family_and_city_words(spelling):
    assert ids(f"Markets in {spelling} were closed.") == ["kp.north-hamgyong.chongjin"]


@pytest.mark.parametrize("spelling", ["Hamgyongbuk-do", "Hamgyong-bukto", "North Hamgyong Province",
                                      "North Hamkyung", "North Hamgyeong"])
def test_province_forms(spelling):
    assert ids(f"A lecture was held across {spelling} on Monday.") == ["kp.north-hamgyong"]


@pytest.mark.parametrize("text,expected", [
    ("Two men were arrested in Musan County.", "kp.north-hamgyong.musan"),
    ("Two men were arrested in Musan-gun.", "kp.north-hamgyong.musan"),
    ("Flooding hit Kanggye City.", "kp.jagang.kanggye"),
    ("Flooding hit Kangkye.", "kp.jagang.kanggye"),
])
def test_level_words(text, expected):
    assert ids(text) == [expected]


def test_level_word_is_part_of_the_span():
    doc = run("Two men were arrested in Musan County yesterday.")
    (m,) = doc.place_mentions
    assert doc.text[m.start:m.end] == m.text == "Musan County"


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessives(apostrophe):
    got = ids(f"A trial was held in Chongjin{apostrophe}s Sunam District.")
    assert got == ["kp.north-hamgyong.chongjin", "kp.north-hamgyong.chongjin.sunam"]


def test_trailing_province_and_in_province():
    assert ids("Hwasong County, North Hamgyong Province, is remote.") == [
        "kp.north-hamgyong.myonggan", "kp.north-hamgyong"]
    assert ids("A camp in Yodok in South Hamgyong Province was expanded.") == [
        "kp.south-hamgyong.yodok", "kp.south-hamgyong"]


def test_ambiguity_prefers_the_bigger_place_without_context():
    assert ids("People in Hyesan waited.") == ["kp.ryanggang.hyesan"]


def test_ambiguity_resolved_by_level_word():
    assert ids("People in Hyesan-dong waited.") == ["kp.ryanggang.hyesan.hyesan"]


def test_ambiguity_resolved_by_parent_nearby():
    # Kangso is a district of Nampo and a neighbourhood of Kanggye
    assert ids("A factory in Kangso, Nampo, stopped work.")[0] == "kp.nampo.kangso"
    assert ids("In Kanggye, the Kangso-dong market was raided.")[1] == "kp.jagang.kanggye.kangso"


def test_same_name_twice_is_not_its_own_parent():
    assert set(ids("Hyesan residents were angry. Police in Hyesan arrested them.")) == {"kp.ryanggang.hyesan"}


def test_container_phrase_rules_out_a_namesake():
    # Kangan-dong of the gazetteer is in Pyongyang; one in Hoeryong is a different place
    assert ids("A woman from Kangan-dong in Hoeryong was arrested.") == ["kp.north-hamgyong.hoeryong"]


@pytest.mark.parametrize("text", [
    "The regime tested a Hwasong-15 missile.",
    "Officials met at the Central Committee.",
    "Kim Song-won was promoted.",
    "The Kim Chaek University of Technology opened a lab.",
    "On Jun. 1 the man left.",
    "Chung said nothing.",
])
def test_common_words_and_names_are_not_places(text):
    assert ids(text) == []


def test_common_word_counts_with_level_word_or_parent():
    assert ids("Hwasong County was flooded.") == ["kp.north-hamgyong.myonggan"]


def test_foreign_places_are_kept_apart():
    doc = run("Smugglers crossed from Hyesan to Changbai and sold the goods in Dandong, China.")
    assert [m.place.id for m in doc.place_mentions] == ["kp.ryanggang.hyesan"]
    assert [m.place.id for m in doc.foreign_mentions] == ["cn.jilin.baishan.changbai", "cn.liaoning.dandong", "cn"]


def test_rivers_and_mountains_are_not_places():
    assert ids("He swam across the Tumen River near Mount Paektu.") == []
    assert foreign("He went to the Chinese city of Tumen.") == ["cn.jilin.yanbian.tumen"]


def test_capital_standing_for_the_state():
    assert ids("Pyongyang closed the nation's borders in 2020.") == ["kp"]
    assert ids("Rice cost 6,000 won in Pyongyang.") == ["kp.pyongyang"]


@pytest.mark.parametrize("text, expected", [
    ("Pyongyang will still require returning workers to quarantine for a week.", ["kp"]),
    ("Pyongyang has instructed its trading companies to cut imports.", ["kp"]),
    ("Pyongyang TV reported that the harvest was a success.", ["kp"]),
    # look-alikes: the city itself
    ("Residents of Pyongyang were required to attend the rally.", ["kp.pyongyang"]),
    ("Pyongyang residents told reporters the shops were empty.", ["kp.pyongyang"]),
])
def test_capital_standing_for_the_state_or_its_broadcaster(text, expected):
    assert ids(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A source in North Hamgyong Province told Daily NK that prices rose.", "kp.north-hamgyong"),
    ("“Prices rose,” a North Hamgyong Province-based source said.", "kp.north-hamgyong"),
    ("A Daily NK source in Yangkang Province reported on the trial.", "kp.ryanggang"),
    ("Sources in Ryanggang and South Hamgyong Provinces said so.", "kp.ryanggang"),
    ("A resident of North Pyongan province told RFA about it.", "kp.north-pyongan"),
    ("Chongjin was quiet. Later, a trader in South Hamgyong Province told us.", "kp.south-hamgyong"),
])
def test_source_place(text, expected):
    assert run(text).source_place.id == expected


def test_source_in_the_province_refers_back():
    doc = run("Inspections began in North Hamgyong Province. A source in the province said more.")
    assert doc.source_place.id == "kp.north-hamgyong"


def test_residents_are_not_a_source():
    assert run("Residents of Chongjin had to attend a lecture.").source_place is None


def test_offsets_point_at_the_mention():
    doc = run("In Ch’ŏngjin’s Sunam District and in Hyesan, people in Shinuiju waited.")
    for m in doc.place_mentions:
        assert doc.text[m.start:m.end] == m.text
    assert [m.text for m in doc.place_mentions] == ["Ch’ŏngjin", "Sunam District", "Hyesan", "Shinuiju"]


WORDS = ["Chongjin", "Hyesan", "Province", "County", "North", "Hamgyong", "'s", "-dong", "-gun", " ",
         ", ", ". ", "in", "the", "city", "of", "Dandong", "Tumen", "River", "Hwasong", "Kim", "’s",
         "Ryanggang", "Sinŭiju", "\n\n", "source", "a"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=5)), max_size=40))
def test_every_span_is_inside_the_text(parts):
    text = " ".join(parts)
    doc = run(text)
    for m in doc.place_mentions + doc.foreign_mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.text


def test_a_comma_list_is_not_a_container():
    assert ids("Officials from Kim Chaek City, Nampho and Phyongsong came.") == [
        "kp.north-hamgyong.kimchaek", "kp.nampo", "kp.south-pyongan.pyongsong"]


def test_capital_as_a_place_stays_the_city():
    assert ids("Pyongyang is facing blackouts this winter.") == ["kp.pyongyang"]
    assert ids("Pyongyang's decision angered traders.") == ["kp"]


def test_hangul_names_with_level_suffix():
    assert ids("평양시 and 무산군 were named.") == ["kp.pyongyang", "kp.north-hamgyong.musan"]


@pytest.mark.parametrize("text,expected", [
    ("Smugglers in Hoeryong town were caught.", "kp.north-hamgyong.hoeryong"),
    ("Smugglers in Onsŏng-up were caught.", "kp.north-hamgyong.onsong"),
    ("Smugglers in Rajin-Sonbong were caught.", "kp.rason"),
    ("Smugglers in Kim Jong Suk County were caught.", "kp.ryanggang.kimjongsuk"),
    ("Smugglers in Kanggye-si were caught.", "kp.jagang.kanggye"),
    ("Smugglers in Hamheung were caught.", "kp.south-hamgyong.hamhung"),
])
def test_more_forms(text, expected):
    assert ids(text) == [expected]


def test_possessive_province_then_city():
    assert ids("North Hamgyong Province’s Hoeryong was sealed.") == [
        "kp.north-hamgyong", "kp.north-hamgyong.hoeryong"]


def test_korean_suffixes_need_a_hyphen():
    doc = run("Goods went from China to Hyesan and from Sinuiju to Dandong.")
    assert [m.text for m in doc.foreign_mentions] == ["China", "Dandong"]
    assert [m.text for m in doc.place_mentions] == ["Hyesan", "Sinuiju"]


def test_a_river_is_not_the_district_named_after_it():
    assert ids("Bodies floated down the Taedong River.") == []
    assert ids("Taedong River District was sealed.") == ["kp.pyongyang.taedonggang"]


def test_source_in_the_city_refers_back():
    doc = run("Prices rose in Hyesan, Ryanggang Province. A source in the city said so.")
    assert doc.source_place.id == "kp.ryanggang.hyesan"


def test_names_after_quotes_and_brackets():
    assert ids("“Hyesan residents”, «Chongjin», (Musan) and —Sinuiju.") == [
        "kp.ryanggang.hyesan", "kp.north-hamgyong.chongjin", "kp.north-hamgyong.musan",
        "kp.north-pyongan.sinuiju"]


def test_syllables_written_apart_are_a_personal_name():
    assert ids("Jo Yong Won and Hyon Song Wol met.") == []
    assert ids("They met in Kim Jong Suk County.") == ["kp.ryanggang.kimjongsuk"]


UNSEEN_IN_TEXT = [
    ("Shinuiju", "kp.north-pyongan.sinuiju"), ("Ryangkang", "kp.ryanggang"),
    ("Hoiryong", "kp.north-hamgyong.hoeryong"), ("Kangkye", "kp.jagang.kanggye"),
    ("Hamheung", "kp.south-hamgyong.hamhung"), ("Cheongjin", "kp.north-hamgyong.chongjin"),
    ("Hyeisan", "kp.ryanggang.hyesan"), ("Musan-gun", "kp.north-hamgyong.musan"),
    ("Onsŏng", "kp.north-hamgyong.onsong"), ("Nampho", "kp.nampo"),
    ("Phyongsong", "kp.south-pyongan.pyongsong"), ("Kimchaek", "kp.north-hamgyong.kimchaek"),
    ("Kim Chaek City", "kp.north-hamgyong.kimchaek"), ("Chongjin-si", "kp.north-hamgyong.chongjin"),
    ("Sinŭiju", "kp.north-pyongan.sinuiju"), ("Ryongchon", "kp.north-pyongan.ryongchon"),
    ("Yongbyon", "kp.north-pyongan.nyongbyon"), ("Nyongbyon", "kp.north-pyongan.nyongbyon"),
    ("Pyungsung", "kp.south-pyongan.pyongsong"), ("Onsung", "kp.north-hamgyong.onsong"),
    ("Hoeryung", "kp.north-hamgyong.hoeryong"), ("Heoryung", "kp.north-hamgyong.hoeryong"),
    ("Hamgyeongbuk-do", "kp.north-hamgyong"), ("Yanggang-do", "kp.ryanggang"),
    ("Jagang-do", "kp.jagang"), ("Najin", "kp.rason.rajin"), ("Sineuiju", "kp.north-pyongan.sinuiju"),
    ("Pyeongseong", "kp.south-pyongan.pyongsong"), ("Songnim", "kp.north-hwanghae.songrim"),
]


@pytest.mark.parametrize("spelling,expected", UNSEEN_IN_TEXT)
def test_unseen_spellings_in_a_sentence(spelling, expected):
    assert ids(f"Last month, the authorities in {spelling} arrested three people.") == [expected]


def test_a_landmark_places_its_events_without_being_listed_as_a_place_named():
    from nkevents.pipeline import extract
    doc = extract("A landslide at the Masikryong ski resort damaged the fields. "
                  "His parents were sent to Camp 15 the same year.", published="2021-05-02")
    assert doc.places() == []
    assert [(e.type, e.place.id) for e in doc.events] == [
        ("hardship", "kp.kangwon"), ("sentence", "kp.south-hamgyong.yodok")]
