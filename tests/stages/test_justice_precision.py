"""Punishments that did not happen in the report's frame (a practice, a survey figure, a ban of the
practice, a fear, a quoted statute, an audience gathered), and repeated mentions of one punishment,
in wordings met in reports beyond the dev corpus (sentences written for these tests). Each class
has look-alikes that must still be read as occurrences."""
import pytest

from nkevents.pipeline import extract
from nkevents.stages.events import find_triggers


def _types(sentence: str) -> set[str]:
    return set(find_triggers(sentence))


@pytest.mark.parametrize("sentence, typ", [
    # survey figures of what people have seen
    ("Three in four escapees said they had witnessed a public execution.", "execution"),
    ("Over half of the defectors interviewed had seen at least one public trial.", "trial"),
    ("Most of the refugees surveyed have witnessed public executions, the group said.", "execution"),
    # tallies over years
    ("The group says the regime has publicly executed people at least 27 times since 2012.", "execution"),
    # a long-standing practice, and the places it uses
    ("The country has a long tradition of holding public executions in stadiums.", "execution"),
    ("Public executions have continuously been taking place across the border region.", "execution"),
    ("The researchers located 300 sites used for public executions.", "execution"),
    ("Statements about the crimes of the executed are used to send a warning to the crowd.", "execution"),
    # the practice discussed, banned or curbed
    ("International criticism of the regime's use of public executions has grown.", "execution"),
    ("The government prohibited public executions after the footage was broadcast.", "execution"),
    ("The regime has refrained from conducting public executions for years.", "execution"),
    ("Pyongyang curbed public executions under outside pressure.", "execution"),
    # what befalls people of a kind in the present
    ("The family of the condemned is forced to watch as well.", "execution"),
    ("Public executions only take place for grave crimes, the state claims.", "execution"),
    ("Theft is the crime most commonly punished by execution there.", "execution"),
    ("Tens of thousands of believers are currently imprisoned in camps.", "sentence"),
    ("Inmates are subjected to forced labor from dawn to dusk.", "sentence"),
    ("There were also reports of North Koreans being sentenced to death for owning a Bible.", "sentence"),
    # a fear of someone else's punishment
    ("She filed for divorce out of fear of her whole family being taken to a prison camp.", "sentence"),
    ("He fled, afraid that his children would be sent to a labor camp.", "sentence"),
    # a statute quoted
    ('Article 251 of the criminal law states, "The accused may appeal the ruling of the first trial."', "trial"),
    # an audience rounded up
    ("Officials rounded up 5,000 residents and forced them to watch the shooting.", "arrest"),
    ("The army is rounding up everyone in the district for the rally.", "arrest"),
    ("Police rounded up the townspeople to attend the trial.", "arrest"),
])
def test_no_occurrence_of_a_punishment(sentence, typ):
    assert typ not in _types(sentence), sentence


@pytest.mark.parametrize("sentence, typ", [
    # the same words telling one occurrence
    ("A typically terse statement said the two were sentenced to 12 years of hard labor.", "sentence"),
    ("The usually quiet town saw three smugglers executed on Monday.", "execution"),
    ("Three men were publicly executed in Hyesan on March 4.", "execution"),
    ("Police rounded up 30 smugglers in Musan last week.", "arrest"),
    ("Officers rounded up several vendors selling Chinese phones.", "arrest"),
    ("Police caught Kim Min-su selling South Korean DVDs in May.", "arrest"),
    ("Authorities caught two students watching dramas at a friend's house.", "arrest"),
    ("The residents were forced to watch as two men were shot at the airfield.", "execution"),
    ("The wife was taken to a political prison camp in March.", "sentence"),
    ("The court in Chongjin sentenced a trader to five years for selling phones.", "sentence"),
    ("The guard was given a suspended sentence of two years.", "sentence"),
])
def test_an_occurrence_is_still_read(sentence, typ):
    assert typ in _types(sentence), sentence


def _kinds(text: str) -> list[str]:
    return sorted(e.type for e in extract(text, published="2024-05-10").events)


def test_a_possessive_names_the_known_execution():
    text = ("A man was executed by firing squad in Hyesan on April 25, a source said.\n\n"
            "The man's execution is an extreme punishment for selling a few medicines, the source added.")
    assert _kinds(text).count("execution") == 1


def test_those_publicly_executed_are_the_known_group():
    text = ("Four smugglers were shot in Musan on April 3, a source said.\n\n"
            "The families of those publicly executed were later banished.")
    assert _kinds(text).count("execution") == 1


def test_the_first_trial_since_a_time_is_the_known_trial():
    text = ("A public trial of ten drug dealers was held in Hoeryong on April 29, a source said.\n\n"
            "It was the first trial held in the city since May last year.")
    assert _kinds(text).count("trial") == 1


def test_a_first_trial_told_apart_stays_a_new_one():
    text = ("A public trial of ten drug dealers was held in Hoeryong on April 29, a source said.\n\n"
            "The first trial, in March, had ended with two executions.")
    assert _kinds(text).count("trial") == 2


@pytest.mark.parametrize("sentence, typ", [
    # terms handed to people named by a pronoun and "each"; a decade in jail
    ("The court handed them each 10 years in a reeducation camp.", "sentence"),
    ("The two were each handed eight years.", "sentence"),
    ("He was jailed for a decade for running a smuggling ring.", "sentence"),
    # hearings named otherwise
    ("The case was heard by the provincial court on March 3.", "trial"),
    ("The cases of the five were tried at the county people's court.", "trial"),
    ("The defendants appeared in court in Hamhung on Monday.", "trial"),
    ("The court convened a hearing at the cultural hall.", "trial"),
    ("The accused were hauled before a mass rally where their crimes were read out.", "trial"),
])
def test_trial_and_sentence_wordings(sentence, typ):
    assert typ in _types(sentence), sentence


@pytest.mark.parametrize("sentence, typ", [
    # a recurrence, a court abroad, a hearing of a parliament, a rally of support
    ("The census is taken every five years.", "sentence"),
    ("A defector appeared in a Seoul court on fraud charges.", "trial"),
    ("The Senate committee convened a hearing on human rights.", "trial"),
    ("Workers were brought before a rally to pledge loyalty.", "trial"),
    ("The case was heard by many people in the village.", "trial"),
])
def test_trial_and_sentence_look_alikes(sentence, typ):
    assert typ not in _types(sentence), sentence


def test_the_other_executed_man_is_one_of_the_known_group():
    text = ("North Korea executed two officials with an anti-aircraft gun in July, sources said.\n\n"
            "One was a former minister. The other executed man was a senior education official.")
    assert _kinds(text).count("execution") == 1


@pytest.mark.parametrize("sentence, fires", [
    # a dismissal told actively or as a noun
    ("North Korea fired the state security minister in January.", True),
    ("The regime fired two officials over the failed harvest.", True),
    ("The minister's dismissal was linked to the false reports.", True),
    ("The ouster of the provincial secretary was announced in March.", True),
    # shots fired
    ("Guards fired at the fleeing men.", False),
    ("Soldiers fired two shots at the officers.", False),
    ("Troops fired rifles over the heads of the officials.", False),
    ("Guards fired on the officers who tried to stop them.", False),
])
def test_a_dismissal_told_actively_or_as_a_noun(sentence, fires):
    assert ("sentence" in _types(sentence)) is fires, sentence


def test_an_execution_on_the_day_of_the_death_sentence_is_that_sentence_carried_out():
    text = ("An open trial was held in Chongjin in August, and two women were sentenced to death for "
            "trafficking, a letter said.\n\n"
            "The two had been sent back by China in October 2023 and were executed on the day of their "
            "death sentence, RFA reported.")
    doc = extract(text, published="2025-01-07")
    kinds = sorted(e.type for e in doc.events)
    assert kinds.count("execution") == 1 and "sentence" not in kinds
    execution = next(e for e in doc.events if e.type == "execution")
    assert execution.date is not None and execution.date.date_start.startswith("2024-08")


def test_a_death_sentence_with_no_execution_told_stays_a_sentence():
    text = ("An open trial was held in Chongjin in August, and two women were sentenced to death for "
            "trafficking, a letter said.\n\n"
            "Their fate is unknown, the letter added.")
    assert "sentence" in _kinds(text)


@pytest.mark.parametrize("sentence, typ", [
    # research tallies and maps, and a practice called a tactic
    ("The study found evidence of 23 public executions under Kim's rule.", "execution"),
    ("The group interviewed defectors to map the sites of public executions.", "execution"),
    ("North Korea has publicly executed at least seven people in the past decade for watching videos.", "execution"),
    ("One tactic of the clampdown has been to publicly execute people found guilty of watching dramas.", "execution"),
])
def test_research_tallies_tell_no_occurrence(sentence, typ):
    assert typ not in _types(sentence), sentence


@pytest.mark.parametrize("sentence, fires", [
    ("The family was transported by security officials to a political prison camp.", True),
    ("The family was sent by the security department to a kwanliso.", True),
    ("The aid was transported by truck to the refugee camp.", False),
])
def test_people_transported_to_a_camp(sentence, fires):
    assert ("sentence" in _types(sentence)) is fires, sentence


def test_the_two_arrested_agents_are_the_known_arrest():
    text = ("Two police agents who crossed into China were arrested by Chinese border forces on April 27.\n\n"
            'A source said, "The two arrested agents were brought back through the customs house in Hyesan."')
    assert _kinds(text).count("arrest") == 1


def test_two_of_a_counted_group_receiving_a_punishment_is_told_on_its_own():
    text = ("The court handed down decisions on 11 defendants in Hoeryong on March 1.\n\n"
            "Two of the 11 received life sentences, and the remaining seven were given ten years each.")
    assert "sentence" in _kinds(text)


@pytest.mark.parametrize("sentence, fires", [
    # the law people were charged under is part of the occurrence
    ("The guard was indicted under military law and sentenced to three years at a labor camp.", True),
    ("The officer was tried under the criminal code and sentenced to ten years.", True),
    # the law's provision is no occurrence
    ("Under the new law, distributors can be sentenced to death.", False),
])
def test_the_law_of_a_charge_and_the_law_as_a_threat(sentence, fires):
    assert ("sentence" in _types(sentence)) is fires, sentence


@pytest.mark.parametrize("sentence, fires", [
    # an arrest or punishment told as the aim of a campaign
    ("The aims of the inspection include the arrest of people who use Chinese phones.", False),
    ("The crackdown is aimed at arresting those who watch South Korean dramas.", False),
    ("The team's goal is to arrest brokers who help people cross the river.", False),
    ("Agents set up checkpoints in order to catch smugglers on the road to Hyesan.", False),
    # look-alikes: people targeted and arrested, an aimed campaign that led to arrests
    ("Targets of the crackdown were arrested in Hyesan last week.", True),
    ("The inspection, aimed at rooting out smuggling, led to the arrest of 12 people in Hyesan.", True),
])
def test_an_arrest_told_as_an_aim(sentence, fires):
    assert ("arrest" in _types(sentence)) is fires, sentence


def test_people_ordered_to_be_executed_and_their_execution_are_one_execution():
    text = ("Four officials were shot by firing squad in Pyongyang in March.\n\n"
            "They had been ordered to be executed by Kim Jong Un himself, a source said.")
    assert _kinds(text).count("execution") == 1


def test_a_group_sentenced_to_life_or_death_told_twice_is_one_sentence():
    text = ("Twenty defendants were sentenced to death or life imprisonment in Chongjin in June.\n\n"
            "The 20 were sentenced to life in prison or death, the source added.")
    assert _kinds(text).count("sentence") == 1


@pytest.mark.parametrize("sentence, kind", [
    ("Five were sentenced to life imprisonment or death.", "death"),
    ("The others got long prison terms or death, the court said.", "death"),
    ("He said it was a matter of life and death; the family was sentenced to prison.", "prison"),
    ("He was sentenced to life imprisonment, or a death in the camps.", "life_imprisonment"),
])
def test_death_named_last_among_penalties_is_the_most_severe(sentence, kind):
    from nkevents.stages.arguments import choose_penalty
    assert choose_penalty(sentence).kind == kind


def test_a_count_told_per_city_is_not_another_group():
    text = ("About 60 people were executed in six cities on October 2, sources said.\n\n"
            "In each of the six cities, at least ten people were shot in front of crowds.")
    events = [e for e in extract(text, published="2024-05-10").events if e.type == "execution"]
    assert len(events) == 1 and events[0].subjects_count == 60


def test_a_count_of_each_person_stays_the_group():
    text = "Police arrested 12 people in Hyesan on May 3, each of them for using a Chinese phone."
    events = [e for e in extract(text, published="2024-05-10").events if e.type == "arrest"]
    assert [e.subjects_count for e in events] == [12]


def test_executions_expected_elsewhere_stay_planned_and_apart():
    text = ("Two smugglers were executed in Hyesan on March 4.\n\n"
            "More executions are expected in Musan next month, the source added.")
    mods = sorted(e.modality for e in extract(text, published="2024-05-10").events if e.type == "execution")
    assert mods == ["asserted", "planned"]


@pytest.mark.parametrize("second, arrests", [
    # the arrested group handed on to another agency: the same arrest
    ("The five were later handed off to the local state security department.", 1),
    # another group handed over, or a person arrested separately: arrests of their own
    ("Another three were later handed over to state security.", 2),
    ("A customer of theirs was arrested separately the same day.", 2),
])
def test_hand_overs_and_separate_arrests(second, arrests):
    text = "Police arrested five traders in Sinuiju on May 2.\n\n" + second
    assert _kinds(text).count("arrest") == arrests


def test_some_of_the_arrested_handed_to_the_police_are_part_of_the_arrest():
    text = ("State security agents arrested 15 people in Hyesan on June 4.\n\n"
            "Three of them were handed off to the local police, while the others stayed in custody.")
    assert _kinds(text).count("arrest") == 1


@pytest.mark.parametrize("last, arrests", [
    # a total told after its parts counts them
    ("In total, 14 people were arrested in Hoeryong in March.", 1),
    ("Altogether, agents detained 14 people in Hoeryong that month.", 1),
    # look-alikes: a total of another place or time, a larger group told without 'in total'
    ("In total, 14 people were arrested in Musan in October.", 3),
    ("Police arrested 14 people in Hoeryong in March.", 3),
])
def test_a_total_told_after_its_parts(last, arrests):
    text = ("Agents arrested a broker in Hoeryong on March 3.\n\n"
            "His two helpers were detained the next day.\n\n" + last)
    assert _kinds(text).count("arrest") == arrests


def test_a_reference_back_to_executions_done_leaves_the_expected_ones_planned():
    text = ("Five women were executed in Hoeryong on October 7.\n\n"
            "Executions are also expected to take place in Musan and Onsong.\n\n"
            "The executions were carried out in front of a crowd on October 7, the source said.")
    mods = sorted(e.modality for e in extract(text, published="2024-10-20").events if e.type == "execution")
    assert mods == ["asserted", "planned"]
