"""Attribute wordings met on reports outside the dev corpus (every sentence here is written for
these tests): a punishment word in quotes after its term, a caveat told in the passive, a source
named in a passive report verb; each with look-alikes that must not be read so."""
import pytest

from nkevents.stages import arguments
from tests.stages.test_modality_scope import _modality


@pytest.mark.parametrize("sentence, kind, months", [
    # the punishment word quoted after its term (wire copy quoting state media)
    ('State media said the two were handed 12 years of "reform through labor".', "prison", (144, 144)),
    ("The footage shows a court sentencing three students to seven years of “hard labor”.", "prison", (84, 84)),
    ("He got eight months of 'forced labour' for selling phones.", "labor_training", (8, 8)),
    # "sentencing ... to" is a verb of sentencing like "sentenced ... to"
    ("Officials are sentencing the smugglers to five years in prison.", "prison", (60, 60)),
])
def test_quoted_punishment_words(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence", [
    # a quoted word after a term that is no punishment is no term
    'The "court" met for 12 years "in secret", the defector recalled.',
    'He worked three years "abroad" and returned.',
])
def test_quoted_words_that_are_no_punishment(sentence):
    assert arguments.choose_penalty(sentence, bare_terms=False) is None


@pytest.mark.parametrize("last, modality", [
    # the account itself left unconfirmed, told in the passive
    ("A government spokesman said the allegations could not be immediately confirmed.", "alleged"),
    ("The report can not be immediately verified.", "alleged"),
    # an official's routine answer, and a detail left unconfirmed, are no doubt of the account
    ("A ministry official said he could not immediately confirm the report.", "asserted"),
    ("The exact number of those executed could not be immediately confirmed.", "asserted"),
])
def test_passive_caveat(last, modality):
    text = "Two officials were executed in Pyongyang in March, a newspaper said.\n" + last
    assert _modality(text, "executed", "execution") == modality


@pytest.mark.parametrize("text, source", [
    ("The public trial on May 2 was described to Daily NK by a resident of Musan.", "a resident of Musan"),
    ("The arrests were reported to RFA's Korean Service by two sources in Hyesan.", "two sources in Hyesan"),
])
def test_source_named_in_a_passive_report_verb(text, source):
    spans = [text[a:b] for a, b in arguments.attribution_spans(text)]
    assert len(spans) == 1 and spans[0].endswith(source)
    at = text.index("trial") if "trial" in text else text.index("arrests")
    assert arguments.choose_subjects(text, (0, len(text)), at, arguments.attribution_spans(text))[1] is None


@pytest.mark.parametrize("text, count", [
    # people handed over or caught by residents are the event's, not a source's
    ("Two smugglers were handed over to the police by a resident of Musan.", 2),
    ("A woman was reported to the security agency by three residents.", 1),
])
def test_agents_after_by_are_no_source(text, count):
    assert arguments.attribution_spans(text) == []
    at = text.index("handed") if "handed" in text else text.index("reported")
    assert arguments.choose_subjects(text, (0, len(text)), at, [])[1] == count


@pytest.mark.parametrize("sentence, charges", [
    # a church group or body someone travelled with or was funded by is no charge of theirs
    ("He was sentenced to 15 years for stealing a banner from a hotel he stayed at with a church group.", ["theft"]),
    ("The teacher at a university funded by Evangelical Christians was detained for hostile acts.", ["political"]),
    # ... but religious practice itself is
    ("She was arrested for attending an underground church group meeting in Hyesan.", ["religion"]),
    ("He was arrested for running a prayer group funded by South Korean churches.", ["religion"]),
    ("He was detained for spreading Bibles he got from a church group in China.", ["religion"]),
])
def test_church_companions_are_no_charge(sentence, charges):
    assert arguments.choose_charges(sentence) == charges


def _count(sentence, trigger):
    return arguments.choose_subjects(sentence, (0, len(sentence)), sentence.index(trigger), [])[1]


@pytest.mark.parametrize("sentence, trigger, count", [
    # military ranks are people
    ("A sergeant and a corporal were detained for taking bribes.", "detained", 2),
    # the body after "of the" is what the people belong to, not more people
    ("A sergeant and an officer of the border guard were sentenced to death.", "sentenced", 2),
    ("Two members of the border guard were arrested in Musan.", "arrested", 2),
    # a bare "with" before others counted joins them to the group
    ("The envoy was executed at an airfield with four other officials in March.", "executed", 5),
    ("A smuggler was arrested in Hyesan with two others.", "arrested", 3),
    # ... not a "with" of things, nor of people met in another clause
    ("A man was arrested with two kilograms of meth.", "arrested", 1),
    ("The broker was caught with 30 other phones in his bag.", "caught", 1),
    ("A woman was arrested after meeting with two other traders.", "arrested", 1),
    # "the X of the Y" whose head is one person
    ("The mother of the teenager was also arrested.", "arrested", 1),
])
def test_counts_of_ranks_bodies_and_companions(sentence, trigger, count):
    assert _count(sentence, trigger) == count


@pytest.mark.parametrize("text, expected", [
    # a date after the source a reporting verb names dates the telling, not the arrest
    ("“A woman was arrested by security agents as she was preparing to cross,” said a Ryanggang "
     "Province-based source on July 27.", None),
    ("“Two smugglers were caught,” added a well-placed source in North Hamgyong Province on July 27.", None),
    # ... a date of the event after a source noun inside the account stays
    ("A source said three residents were arrested on July 27 in Hyesan.", "2023-07-27"),
])
def test_a_date_after_the_named_source_is_the_telling(text, expected):
    from nkevents.pipeline import extract
    doc = extract(text, published="2023-08-01")
    dates = [e.date.date_start if e.date else None for e in doc.events if e.type == "arrest"]
    assert dates and dates[0] == expected


def test_a_source_inside_the_account_does_not_make_the_date_a_telling():
    from nkevents.pipeline import extract
    doc = extract("The source said a resident in Hyesan was arrested on July 27.", published="2023-08-01")
    assert [e.date.date_start for e in doc.events if e.type == "arrest" and e.date] == ["2023-07-27"]


@pytest.mark.parametrize("sentence, charges", [
    # recordings dealt in unlawfully are foreign media, even unnamed
    ("A man was shot in front of a crowd for illegally selling music and films.", ["foreign_media"]),
    ("She was arrested for secretly distributing dramas on memory sticks.", ["foreign_media"]),
    ("He was arrested for illegally selling rice and corn.", []),
    ("He was arrested for selling films he had made at the state studio.", []),
    # a rule broken may be named with a possessive in between
    ("An officer was demoted for breaching the country's strict coronavirus lockdown rules.", ["quarantine_violation"]),
    # bribes from people told by what they tried to do: the officials' charge is corruption only
    ("The officials were accused of taking bribes from residents, who were attempting to defect.", ["corruption"]),
    ("The guards were accused of accepting bribes from local women trying to cross the border.", ["corruption"]),
    ("Three residents who were trying to cross the border were arrested.", ["defection"]),
])
def test_unnamed_media_possessive_rules_and_bribers(sentence, charges):
    assert arguments.choose_charges(sentence) == charges


@pytest.mark.parametrize("sentence, kind, months", [
    # the gulag as a description of the penal system does not outrank the term given
    ("Two reporters sentenced to 12 years of hard labor face a grim future in the notorious gulag system.",
     "prison", (144, 144)),
    # the gulag or concentration camp people are sent to is a political prison camp
    ("Those caught meeting missionaries are sent to concentration camps once discovered.", "political_prison_camp", (None, None)),
    ("His whole family was dragged off to a gulag in the mountains.", "political_prison_camp", (None, None)),
])
def test_the_gulag_as_description_or_destination(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None and (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, trigger, count", [
    # a people noun with no article, then a name set off by commas: one person
    ("The court on Friday sentenced US citizen, Pak Dong-il, to eight years in prison.", "sentenced", 1),
    ("Last month a Seoul university student, John Miller, was sentenced to ten years.", "sentenced", 1),
])
def test_a_name_set_off_after_a_people_noun(sentence, trigger, count):
    assert _count(sentence, trigger) == count


def test_a_place_set_off_by_commas_is_no_name():
    assert arguments._NAME_SET_OFF.match(", Musan County, ") is None
    assert arguments._NAME_SET_OFF.match(", Kim Dong-chul, ") is not None


@pytest.mark.parametrize("text, trigger, modality", [
    # a punishment or trial called off before it was held did not happen
    ("The security bureau temporarily suspended the public execution plan announced this week.", "execution", "negated"),
    ("Authorities cancelled the public trial of the five smugglers.", "trial", "negated"),
    ("The public trial of the smugglers was shelved.", "trial", "negated"),
    # ... a measure suspended beside a punishment carried out is no cue for it
    ("Police suspended the market and executed two traders.", "executed", "asserted"),
])
def test_punishments_called_off(text, trigger, modality):
    assert _modality(text, trigger, "trial" if trigger == "trial" else "execution") == modality


@pytest.mark.parametrize("sentence, trigger, count", [
    # the trigger's own group told without a number: no count from another clause's people
    ("A family in Pyongyang was banished after a family member had defected to South Korea.", "banished", None),
    ("Agents arrested dozens of families in May, and about 10 brokers were executed in June.", "arrested", None),
    ("A group of smugglers was caught in May, and three of them were executed.", "caught", None),
    # ... a number of its own, or one person of its own, still counts
    ("A group of 12 smugglers was caught in May, and three of them were executed.", "caught", 12),
    ("Police arrested the man after three smugglers confessed.", "arrested", 1),
])
def test_an_uncounted_group_takes_no_number_from_another_clause(sentence, trigger, count):
    assert _count(sentence, trigger) == count


@pytest.mark.parametrize("sentence, trigger, count", [
    # a foreigner's full name as the object of the punishment: one person
    ("The Supreme Court on Sunday sentenced Matthew Miller to six years of hard labor.", "sentenced", 1),
    ("The court sentenced John Smith, a tour guide, to ten years.", "sentenced", 1),
    # capitalised words that are no personal name
    ("Police arrested South Koreans in Rason.", "arrested", None),
    ("Agents arrested Chinese Traders at the border.", "arrested", None),
])
def test_a_full_name_as_the_object(sentence, trigger, count):
    assert _count(sentence, trigger) == count


def test_a_closing_quote_after_the_comma_still_opens_another_clause():
    sentence = ('Agents arrested dozens of families on charges of "espionage," and in April about 10 brokers '
                'were executed.')
    assert _count(sentence, "arrested") is None


@pytest.mark.parametrize("sentence, charges", [
    # fleeing the scene of an arrest is no defection
    ("One of the two was caught at the scene, while the other fled but later turned himself in.", []),
    ("The smugglers fled from the border guards and were caught the next day.", ["smuggling"]),
    # fleeing the country is
    ("The family fled to China and was caught in Yanji.", ["defection"]),
    ("Three women who fled the country were arrested.", ["defection"]),
    ("She fled but was caught near the river.", ["defection"]),
])
def test_fleeing_the_scene_is_no_defection(sentence, charges):
    assert arguments.choose_charges(sentence) == charges
