"""Penalty kinds and terms, and the number of people an event concerns, in the wordings of reports
about North Korea (sentences written for these tests), with look-alikes that must not be read so."""
import pytest

from nkevents.stages import arguments


@pytest.mark.parametrize("sentence, kind, months", [
    # terms in words: decades, halves, months and years together, ranges across units
    ("He was sentenced to a decade in prison.", "prison", (120, 120)),
    ("She received a year and a half of labor training.", "labor_training", (18, 18)),
    ("He got two and a half years in a kyohwaso.", "prison", (30, 30)),
    ("The broker was given 1.5 years of reform through labor.", "prison", (18, 18)),
    ("He was sentenced to one year and six months of reform through labour.", "prison", (18, 18)),
    ("Four people were sentenced to labor training of six months to one year.", "labor_training", (6, 12)),
    ("Sentences ranged from eight months to two years in labour camps.", "prison", (8, 24)),
    # a term with no kind word: prison, or labour training under a year
    ("The court sentenced him to 10 years for smuggling copper.", "prison", (120, 120)),
    ("A 15-year sentence was handed down to the broker.", "prison", (180, 180)),
    ("The traders were given sentences of no more than two years.", "prison", (None, 24)),
    ("She was sentenced to six months for selling Chinese phones.", "labor_training", (6, 6)),
    # kinds in other words
    ("He was sentenced to indefinite reform through labor.", "life_imprisonment", (None, None)),
    ("The brokers were sentenced to 10 years of labor reform.", "prison", (120, 120)),
    ("He was dismissed and sent to a coal mine with his family.", "banishment", (None, None)),
    ("The two officials were purged and sent to a remote farm.", "banishment", (None, None)),
    ("He was sentenced to five years in prison and fined 10,000 yuan.", "prison", (60, 60)),
])
def test_penalty_terms_in_other_words(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, kind, months", [
    # the time served is not the term
    ("He was released after serving three years of a 10-year sentence.", "prison", (120, 120)),
    # how long the conduct went on is not the term
    ("He had smuggled copper for ten years before he was sentenced to five years in prison.", "prison", (60, 60)),
    # ages are not terms
    ("The boys, aged 16 and 17 years, were sentenced to five years in prison.", "prison", (60, 60)),
    ("The 45-year-old man was sentenced to death.", "death", (None, None)),
    # a sum of money is not a term
    ("He was fined 5,000 yuan for using a Chinese phone.", "fine", (None, None)),
])
def test_other_numbers_are_not_terms(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence", [
    "He was sentenced for smuggling 300 kilograms of copper.",
    "She was sentenced in 2015 after a trial in Hyesan.",
    "He had worked in China for two years.",  # a bare "for two years" is no penalty by itself
])
def test_no_term_and_no_kind_is_no_penalty(sentence):
    assert arguments.choose_penalty(sentence) is None


def _count(text: str) -> int | None:
    from nkevents.stages import events
    found = events.find_triggers(text)
    at = min(m.start() for m in found.values()) if found else len(text) // 2
    return arguments.choose_subjects(text, (0, len(text)), at, [])[1]


@pytest.mark.parametrize("text, count", [
    # a number with no noun, where what is punished can only be people
    ("Three were executed by firing squad in Hyesan.", 3),
    ("Two got life sentences.", 2),
    ("In 2019, 30 were arrested for smuggling.", 30),
    ("Over 40 were detained during the inspection.", 40),
    ("The court sentenced two to death for trafficking.", 2),
    # part of a group told before it
    ("Three of the smugglers were sentenced to a year of labor training.", 3),
    ("Seven people, including three women, were arrested in Musan.", 7),
    # a person and his or her kin
    ("He and his wife were sent to a political prison camp.", 2),
    ("Choe and his two sons were arrested by security agents.", 3),
    # the one who receives the punishment
    ("She received six months of labor training.", 1),
    ("Kim, 45, got ten years in a kyohwaso.", 1),
])
def test_counts_of_people_in_other_shapes(text, count):
    assert _count(text) == count


@pytest.mark.parametrize("text, count", [
    ("Those arrested in 2019 were sentenced to five years.", None),  # a year, not people
    ("More than 10 were damaged in the floods.", None),  # no people
    ("Several people, including two women, were arrested.", None),  # the two are part of a vague group
    ("One of the reasons for the arrests was smuggling.", None),
    ("The smuggler, 32, was arrested in Hyesan.", 1),  # an age is not a count
    ("A woman was arrested for helping 7 people defect.", 1),  # the people she helped are not hers
    ("A trader who paid 5,000 yuan in bribes was arrested.", 1),  # a sum of money is not a count
    ("Police arrested 3 smugglers carrying 20 kilograms of copper.", 3),
    ("The judge sentenced them to prison.", None),  # who sentences is not counted
])
def test_other_numbers_are_not_counts(text, count):
    assert _count(text) == count


def test_a_kind_without_terms_lends_none_to_the_next_group():
    from nkevents.model import Event
    text = "Two got life sentences, and seven were given terms of 10 years."
    event = Event(type="sentence", evidence=[(0, len(text))], trigger=(0, 3))
    parts = arguments.split_penalties(text, event, [])
    assert [(p.penalty.kind, p.penalty.min_months, p.subjects_count) for p in parts] == [
        ("life_imprisonment", None, 2), ("prison", 120, 7)]


def _events(text: str):
    from nkevents.pipeline import extract
    return extract(text, published="2023-05-10").events


def test_a_person_told_again_within_his_group_is_the_same_arrest():
    arrests = [e for e in _events("Kim, 52, and his son were arrested in Sinuiju. Kim was arrested for "
                                  "smuggling drugs, a source said.") if e.type == "arrest"]
    assert [e.subjects_count for e in arrests] == [2]


def test_a_dismissal_told_again_with_banishment_is_one_punishment_of_the_graver_kind():
    sentences = [e for e in _events("A senior official in Hyesan was dismissed from his post last month. He was "
                                    "dismissed and sent to a farm in a remote village with his family.")
                 if e.type == "sentence"]
    assert [e.penalty.kind for e in sentences] == ["banishment"]


@pytest.mark.parametrize("text", [
    "Five smugglers were arrested in Hyesan in May. Two traders were arrested in Hyesan in May.",
    "A man was sentenced to death in Hyesan. Another man was sentenced to life in prison in Hyesan.",
])
def test_other_groups_stay_apart(text):
    events = [e for e in _events(text) if e.type in ("arrest", "sentence")]
    assert len(events) == 2


@pytest.mark.parametrize("text, count", [
    ("A source said three were shot in front of 500 residents.", 3),
    ("Two brokers were executed as 1,000 residents watched.", 2),
    ("The man was shot in the presence of some 2,000 people at the stadium.", 1),
    ("Police raided the market before 30 people were arrested.", 30),  # "before" here opens a clause
    ("A teenager who watched South Korean dramas was executed.", 1),  # watching is the charge here
])
def test_who_looks_on_is_not_counted(text, count):
    assert _count(text) == count


def test_a_crowd_made_to_watch_is_not_the_count():
    assert _count("Nearly 3,000 people were forced to watch the execution.") is None


@pytest.mark.parametrize("text, count", [
    ("Five men and women were tried in public.", 5),  # the number counts both nouns
    ("A man and his wife were caught at the river. Both were sent to a political prison camp.", 2),
])
def test_one_number_for_two_nouns_and_both(text, count):
    last = text.split(". ")[-1]
    assert _count(last) == count


@pytest.mark.parametrize("text, etype, count", [
    ("Two smugglers were arrested in Hyesan in May. They were sentenced to five years in prison.", "sentence", 2),
    ("Security agents detained a smuggler and two brokers. They were later executed.", "execution", 3),
    ("Five men and women were tried in Hyesan. The punishment given to them was expulsion from Pyongyang.",
     "sentence", 5),
    # no single group before: "they" stays uncounted
    ("Police arrested 40 people in Hyesan; 12 were released. They were sentenced to prison terms.", "sentence", None),
    ("They were sentenced to five years in prison.", "sentence", None),
    # the sentence counts its own people
    ("Five smugglers were arrested in May. The court sentenced three of them to death.", "sentence", 3),
])
def test_they_are_the_group_counted_in_the_sentence_before(text, etype, count):
    [event] = [e for e in _events(text) if e.type == etype]
    assert event.subjects_count == count


def test_of_the_whole_then_its_part():
    from nkevents.model import Event
    text = ("Of the eight defendants, one was sentenced to death, three received 15 years of reform through "
            "labor and the rest were sent to labor training camps.")
    event = Event(type="sentence", evidence=[(0, len(text))], trigger=(0, 3))
    parts = arguments.split_penalties(text, event, [])
    assert [(p.penalty.kind, p.subjects_count) for p in parts][:2] == [("death", 1), ("prison", 3)]
    text = "Of the 7 smugglers arrested, the 3 who had crossed the river were shot."
    sent = (0, len(text))
    assert arguments.choose_subjects(text, sent, text.index("arrested"), [])[1] == 7  # the whole is arrested
    assert arguments.choose_subjects(text, sent, text.index("shot"), [])[1] == 3


@pytest.mark.parametrize("text, count", [
    ("The court sentenced the ringleader to death.", 1),
    ("The family of five was exiled to a mountain village.", 5),
    ("The broker was given seven years, and his wife got three years.", 1),
    ("Police arrested smugglers working for his cousin.", None),  # his cousin is not the one arrested
])
def test_more_ways_to_name_the_people(text, count):
    at = text.rfind("got") if "got" in text else len(text) // 3
    assert arguments.choose_subjects(text, (0, len(text)), at, [])[1] == count


@pytest.mark.parametrize("text, count", [
    ("In 2019 two men were executed in Hyesan.", 2),  # a year right before the count
    ("About 3 thousand people were mobilized.", 3000),
    ("Two dozen residents were arrested.", 24),
    ("Some twenty five traders were fined.", 25),
])
def test_a_year_before_a_count_is_not_part_of_it(text, count):
    assert arguments.choose_subjects(text, (0, len(text)), len(text) // 2, [])[1] == count


def test_two_officials_punished_in_two_ways_stay_two_punishments():
    sentences = [e for e in _events("An official in Hyesan was dismissed from his post in May. A party secretary "
                                    "was banished to a remote coal mine in May.") if e.type == "sentence"]
    assert sorted(e.penalty.kind for e in sentences) == ["banishment", "discipline"]
