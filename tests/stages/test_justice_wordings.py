"""Penalties, counts and charges in wordings met in reports beyond the dev corpus (sentences written
for these tests), each class with look-alikes that must not be read so."""
import pytest

from nkevents.pipeline import extract
from nkevents.stages import arguments


def _events(text: str):
    return extract(text, published="2024-05-10").events


def _count(text: str, word: str):
    return arguments.choose_subjects(text, (0, len(text)), text.index(word), [])[1]


@pytest.mark.parametrize("sentence, kind, months", [
    # a term "to life" is the least of a life term
    ("The others were given hard labor in prison for ten years to life.", "life_imprisonment", (120, None)),
    ("A court in Hamhung sentenced the broker to 15 years to life.", "life_imprisonment", (180, None)),
    # re-education as the sentence itself
    ("The couple were sentenced to reeducation for three years.", "prison", (36, 36)),
    ("He was sent for re-education after the inspection.", "prison", (None, None)),
    # the people punished named by what others received: their own punishment is the kind
    ("The families of those given prison sentences were banished to rural counties.", "banishment", (None, None)),
    ("Relatives of the executed men were sent to a political prison camp.", "political_prison_camp", (None, None)),
    ("The wives of those sentenced to death were exiled to a mountain village.", "banishment", (None, None)),
])
def test_penalty_wordings(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, kind, months", [
    # a life term with no lower term stays without one
    ("He was sentenced to life for murder.", "life_imprisonment", (None, None)),
    # a term before "to life" that is an age or a date is no term
    ("At 20, he was sentenced to life in prison.", "life_imprisonment", (None, None)),
    # re-education sessions are no sentence
    ("Cadres were sent to re-education sessions on the party line.", None, None),
    # the families' own punishment given, the prison sentences of the others are not theirs ...
    ("Those given prison sentences were sent to a kyohwaso.", "prison", (None, None)),
    # ... and a family sent along with the prisoner shares the prisoner's camp
    ("The man and his family were sent to a political prison camp.", "political_prison_camp", (None, None)),
])
def test_penalty_look_alikes(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    if kind is None:
        assert p is None or p.kind != "prison", sentence
    else:
        assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("text, word, count", [
    # ages in words next to each member of a list
    ("A soldier in his early twenties and a smuggler in his fifties were arrested on April 17.", "arrested", 2),
    ("A woman in her forties was detained in Hyesan.", "detained", 1),
    ("Two men in their thirties were executed.", "executed", 2),
    # a bare number with an aside before its verb
    ("The two, both in their 30s, were arrested for selling ice.", "arrested", 2),
    ("The five, all farmers, were sentenced to labor training.", "sentenced", 5),
    # the witness telling of himself
    ("I was arrested by the State Security Department in 2019.", "arrested", 1),
    ("The police arrested me at the market.", "arrested", 1),
])
def test_counts(text, word, count):
    assert _count(text, word) == count


@pytest.mark.parametrize("text, word, count", [
    # "we" counts nobody in particular
    ("We were arrested by the police at the border.", "arrested", None),
    # "I" of a source telling what he saw is not the one arrested
    ("I heard that he was arrested in Hyesan.", "arrested", 1),
    # a list of groups, the second uncounted, is no count ("two men, and women" is not two)
    ("Two men, and women from the village, were arrested.", "arrested", None),
])
def test_count_look_alikes(text, word, count):
    assert _count(text, word) == count


@pytest.mark.parametrize("sentence, charges", [
    # media and phones told as smuggled are the viewer's or the user's offence
    ("Many were executed for watching smuggled South Korean TV shows.", {"foreign_media"}),
    ("She was arrested for using a smuggled Chinese phone.", {"illegal_phone"}),
    ("He was caught with smuggled USB sticks full of dramas.", {"foreign_media"}),
    # killing livestock is the slaughter offence, not violence
    ("Nine people were shot for killing and selling more than 2,000 state cows.", {"other"}),
    ("He was executed for killing a cow belonging to the cooperative farm.", {"other"}),
    ("Five were executed for slaughtering and selling state-owned cattle.", {"other"}),
    # fraud
    ("Eight were sentenced to three years for fraud.", {"other"}),
    ("The man was sentenced to five years for swindling money from residents.", {"other"}),
])
def test_charge_wordings(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("sentence, charges", [
    # his own smuggling of the media is smuggling too
    ("He smuggled USB sticks with South Korean dramas across the river.", {"smuggling", "foreign_media"}),
    ("Two men were arrested for smuggling South Korean dramas across the border.", {"smuggling", "foreign_media"}),
    # goods told as smuggled stay smuggling
    ("She was arrested for selling smuggled Chinese goods.", {"smuggling"}),
    # killing people is violent crime, whatever else is named
    ("He was executed for killing a farmer who caught him stealing a cow.", {"violent_crime", "theft"}),
])
def test_charge_look_alikes(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_a_family_banished_for_others_prison_terms_is_a_banishment_event():
    text = ("Over 30 phone users were given prison sentences in Kanggye in August. The family members of those "
            "given prison sentences were banished to rural counties.")
    kinds = sorted(e.penalty.kind for e in _events(text) if e.type == "sentence")
    assert kinds == ["banishment", "prison"]


@pytest.mark.parametrize("text", [
    "Six households were expelled from Hyesan City last month.",
    "The families were expelled to a remote mountain village.",
    "Dozens of families were forcibly expelled to the countryside.",
    "The family was driven out of Pyongyang after his defection.",
    "The broker's wife was evicted from the city of Chongjin.",
])
def test_expulsion_from_a_city_or_to_the_countryside_is_banishment(text):
    assert [e.penalty.kind for e in _events(text) if e.type == "sentence"] == ["banishment"]


@pytest.mark.parametrize("text", [
    "He was expelled from school for watching dramas.",
    "The delegation was driven out of the city hall by protesters in Seoul.",
    "The official was expelled from the party.",
])
def test_expulsions_that_are_no_banishment(text):
    assert "banishment" not in [e.penalty.kind for e in _events(text) if e.type == "sentence" and e.penalty]


@pytest.mark.parametrize("text, word, count", [
    # the people inside a relative clause are not the people punished
    ("A man in his 40s who sold two women to traffickers in China was arrested.", "arrested", 1),
    ("A woman who helped three people cross the border was sentenced to five years.", "sentenced", 1),
    ("Two brokers who had guided 12 defectors were executed.", "executed", 2),
])
def test_the_head_of_a_relative_clause_is_counted(text, word, count):
    assert _count(text, word) == count


@pytest.mark.parametrize("text, word, count", [
    # the relative clause is the event's own clause: its people are the ones arrested
    ("He sold two women who were then arrested in Hyesan.", "arrested", 2),
    # a source who said is no relative clause about the people
    ("Three smugglers were arrested, a source who lives in Hyesan said.", "arrested", 3),
])
def test_relative_clause_look_alikes(text, word, count):
    assert _count(text, word) == count
