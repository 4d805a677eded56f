"""Modality, penalty kinds and terms, and charges in wordings beyond the dev reports (sentences
written for these tests in the styles of wire copy, Daily NK, RFA, NK News and NGO reports), with
look-alikes that must not be read so."""
import pytest

from nkevents.pipeline import extract
from nkevents.stages import arguments


def _modality_after(doubt: str) -> str:
    text = "Two vice-ministers were executed in Pyongyang in May, a newspaper said. " + doubt
    at = text.index("executed")
    return arguments.choose_modality(text, (0, text.index(".") + 1), (at, at + 8), "execution")


@pytest.mark.parametrize("doubt", [
    "Such reports are difficult to verify.",
    "Reports from inside the country are notoriously hard to confirm.",
    "It was not possible to independently verify the claims.",
    "South Korean officials have yet to confirm the report.",
    "The report has yet to be verified.",
    "There was no independent confirmation of the account.",
    "The executions have not been officially confirmed.",
    "If confirmed, it would be the first execution of a minister since 2016.",
    "If true, it would be the largest purge in years.",
    "Earlier reports of such executions have turned out to be false.",
])
def test_a_caveat_on_the_whole_account_makes_its_punishments_alleged(doubt):
    assert _modality_after(doubt) == "alleged"


@pytest.mark.parametrize("doubt", [
    # the routine of an official asked about a report, and details left unknown, are no doubt of it
    "The Unification Ministry said it could not immediately confirm the report.",
    "Daily NK could not confirm the exact number of people arrested.",
    "It is hard to confirm when the trial took place.",
    "The court confirmed the sentence on appeal.",
    "True to form, the state media made no mention of the case.",
])
def test_routine_and_detail_caveats_leave_the_account_asserted(doubt):
    assert _modality_after(doubt) == "asserted"


@pytest.mark.parametrize("text, trigger, etype, modality", [
    ("North Korea appears to have executed a senior official in April.", "executed", "execution", "alleged"),
    ("The general seems to have been purged and sent to a kwanliso.", "sent", "sentence", "alleged"),
    # the look-alike: an appearance in public is no hedge of the punishment told after it
    ("The official appeared at a meeting before he was arrested in May.", "arrested", "arrest", "asserted"),
])
def test_a_punishment_told_as_an_appearance_is_alleged(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


def _events(text: str) -> list:
    return extract(text, published="2024-03-15").events


@pytest.mark.parametrize("text, etype", [
    ("The five smugglers will be tried in public next week.", "trial"),
    ("The brokers are to be tried at the city stadium on Friday.", "trial"),
    ("State security is preparing a crackdown on phone users ahead of the congress.", "crackdown"),
    ("The party has decided to mobilize students for rice planting next month.", "mobilization"),
    ("The regime is planning to ban the use of Chinese mobile phones.", "policy"),
    ("Authorities have decided to reopen the border crossing at Sinuiju.", "policy"),
])
def test_an_event_still_to_come_is_planned(text, etype):
    found = [e for e in _events(text) if e.type == etype]
    assert found and all(e.modality == "planned" for e in found), [(e.type, e.modality) for e in _events(text)]


@pytest.mark.parametrize("text", [
    # a call for accountability is no trial, planned or held
    "Rights groups demand that the leader be tried for crimes against humanity.",
    "Activists have called for those responsible to be put on trial.",
    # what someone tried to do is no trial
    "He tried to cross the river at night.",
])
def test_a_call_for_a_trial_or_an_attempt_is_no_trial(text):
    assert not [e for e in _events(text) if e.type == "trial"]


@pytest.mark.parametrize("text, etype", [
    # decided and prepared in the past, then done: the sentence tells what happened
    ("Police arrested two brokers in Hyesan on Monday after preparing for weeks.", "arrest"),
    ("The court sentenced him to five years in prison.", "sentence"),
])
def test_a_done_punishment_stays_asserted(text, etype):
    found = [e for e in _events(text) if e.type == etype]
    assert found and all(e.modality == "asserted" for e in found)


@pytest.mark.parametrize("sentence, kind, months", [
    # halves in digits and ranges written with a dash
    ("He was sentenced to 2 1/2 years in prison.", "prison", (30, 30)),
    ("She got 1 ½ years of reform through labor.", "prison", (18, 18)),
    ("The pair were sentenced to 4-5 years in prison.", "prison", (48, 60)),
    ("The brokers received 3–6 months of labor training.", "labor_training", (3, 6)),
    # a punishment word with a term: the term tells the kind
    ("He was punished with three months of labor.", "labor_training", (3, 3)),
    ("The cadres were severely punished with five years of labor.", "prison", (60, 60)),
    ("The officials were sent to a labor brigade for two months.", "labor_training", (2, 2)),
    # an indefinite term, and a relocation to work
    ("They were sentenced to labor for an indefinite period.", "life_imprisonment", (None, None)),
    ("He was dismissed from his post and sent to work in a coal mine.", "banishment", (None, None)),
    ("The family was sent to live on a remote farm.", "banishment", (None, None)),
])
def test_penalty_wordings_beyond_the_dev_reports(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, kind, months", [
    # ages and dates with a dash are no range of terms
    ("The 16-17 year-old boys were sentenced to five years in prison.", "prison", (60, 60)),
    # a punishment with no term stays `other`
    ("The smugglers were severely punished.", "other", (None, None)),
    # held without end is no life term
    ("The detainees were held indefinitely before being sentenced to three years in prison.", "prison", (36, 36)),
])
def test_penalty_look_alikes(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("text", [
    "Sentences in such camps can range from a few months to ten years.",
    "Terms in labor training camps typically run from six months to a year.",
])
def test_how_long_sentences_can_be_is_no_sentence(text):
    assert not [e for e in _events(text) if e.type == "sentence"]


@pytest.mark.parametrize("sentence, charges", [
    ("The students were arrested for singing South Korean pop songs.", {"foreign_media"}),
    ("She was caught watching a South Korean love drama.", {"foreign_media"}),
    ("The dealer was arrested for trading dollars at the market.", {"economic"}),
    ("She was detained for selling medicine illegally.", {"economic"}),
    ("Traders were fined for selling goods in the market without permission.", {"economic"}),
    ("Grain merchants were arrested for selling rice at inflated prices.", {"economic"}),
    ("He was arrested for illegally entering China.", {"defection"}),
    ("He was executed for cannibalism during the famine.", {"violent_crime"}),
    ("He was arrested for making anti-government remarks.", {"political"}),
    ("He was executed for distributing pornography.", {"other"}),
    ("A farmer was arrested for illegally slaughtering cattle.", {"other"}),
    ("The man was executed for slaughtering a cow.", {"other"}),
    ("The manager was dismissed for negligence after the fire.", {"other"}),
])
def test_charge_wordings_beyond_the_dev_reports(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("sentence, charges", [
    # selling one's own things and then crossing is the crossing only
    ("He sold his house and illegally crossed the border.", {"defection"}),
    # a pig killed for the holiday is no offence named
    ("The farmers slaughtered a pig for the holiday.", set()),
    # a legal sale
    ("Traders sold rice at the market with state permission.", set()),
])
def test_charge_look_alikes(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # the order is given, whatever it says will happen
    ("A decree of the presidium says the North will apply an amnesty from Feb. 1.", "decree", "directive", "asserted"),
    ("The order stipulates that the new rules will take effect next month.", "order", "directive", "asserted"),
    # ... planned only when the order itself is still to be given
    ("The party plans to issue a decree on the amnesty next month.", "decree", "directive", "planned"),
    # a measure with a start still to come is planned
    ("The decree says the amnesty will take effect from August 1.", "amnesty", "policy", "planned"),
])
def test_a_directive_is_the_order_given_and_its_content_may_be_planned(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("sentence, charges", [
    # an official paid to let others' offence go is charged with the corruption only
    ("An officer was also arrested for turning a blind eye to the phone calls placed to the South.", {"corruption"}),
    ("A police officer permitting this activity in exchange for bribes was also detained.", {"corruption"}),
    ("Border guards who allowed smuggling in exchange for bribes were arrested.", {"corruption"}),
    # look-alikes: the people who did it named too, or the one who paid for the blind eye
    ("Police arrested three smugglers and a guard who turned a blind eye to their smuggling.", {"smuggling", "corruption"}),
    ("He was arrested for smuggling copper and bribing border guards.", {"smuggling", "corruption"}),
    ("He bribed officials to turn a blind eye to his drug dealing.", {"drugs", "corruption"}),
])
def test_an_official_who_let_an_offence_go_is_charged_with_corruption(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # a plan of the people punished, told in a modifier, does not make their punishment planned
    ("A man who had planned to flee to China was arrested in Musan.", "arrested", "arrest", "asserted"),
    ("Traders preparing to cross the river were arrested by border guards.", "arrested", "arrest", "asserted"),
    ("The women, who were set to leave for China, were detained.", "detained", "arrest", "asserted"),
    # ... while a plan of the punishment does
    ("The smugglers were set to be executed in Hyesan.", "executed", "execution", "planned"),
    ("Police plan to arrest the brokers next week.", "arrest", "arrest", "planned"),
    # what happened despite rumours, and a detail left unconfirmed, are no doubt of the event
    ("Despite rumors, the execution took place as scheduled on Friday.", "execution", "execution", "asserted"),
    ("The court sentenced the man, whose identity could not be confirmed, to 10 years.", "sentenced", "sentence", "asserted"),
    ("Rumors say the two officials were executed.", "executed", "execution", "alleged"),
])
def test_modality_look_alikes(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("sentence, kind, months", [
    # an aside between the verb and the term
    ("The court sentenced the man, whose identity was not given, to 10 years.", "prison", (120, 120)),
    ("The court sentenced the broker, a woman in her 40s, to 15 years of reform through labor.", "prison", (180, 180)),
])
def test_a_term_after_an_aside_is_read(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, kind, months", [
    ("Four students were sent to a labor training camp for six months after they were caught watching films.", "labor_training", (6, 6)),
    ("She was sent to a kyohwaso for three years after being repatriated from China.", "prison", (36, 36)),
    # a time after something else is no term
    ("He smuggled for two years after his release and was sent to a labor camp.", "labor_training", (None, None)),
])
def test_a_term_told_with_for_before_after(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


def _charges_of(text: str, etype: str) -> list:
    return [sorted(e.charges) for e in _events(text) if e.type == etype]


@pytest.mark.parametrize("text, etype, charges", [
    ("A man was arrested in Musan on Monday. According to the source, he had been helping people defect to China.",
     "arrest", ["defection"]),
    ("A woman was publicly executed in Hyesan on March 3. The source said she had sold drugs to Chinese traders.",
     "execution", ["drugs"]),
    ("A woman was publicly executed in Hyesan on March 3. Her crime was selling methamphetamine.", "execution", ["drugs"]),
    # look-alikes: the source talks of something else, or of other people
    ("A man was arrested in Musan on Monday. The source said smuggling has dropped since the spring.", "arrest", []),
    ("A man was arrested in Musan on Monday. According to the source, police also searched the market for smugglers.",
     "arrest", []),
])
def test_the_offence_told_in_the_next_sentence_after_a_source_lead_in(text, etype, charges):
    assert _charges_of(text, etype) == [charges]


@pytest.mark.parametrize("text, etype", [
    ("The cadres were sent for revolutionary re-education.", "sentence"),
    ("The official was sent to a farm for revolutionary re-education.", "sentence"),
    # labour brigades are mostly mobilization: no punishment read into them
    ("Students were sent to labor brigades to help with rice planting.", "mobilization"),
])
def test_re_education_of_cadres_is_a_punishment(text, etype):
    assert [e.type for e in _events(text)] == [etype]


@pytest.mark.parametrize("text, kind, months", [
    ("She was handed a 10-year sentence for smuggling.", "prison", (120, 120)),
    ("He was sent to Yodok for criticizing the leadership.", "political_prison_camp", (None, None)),
    ("His family was hauled off to a political prison camp.", "political_prison_camp", (None, None)),
    ("He ended up in a political prison camp.", "political_prison_camp", (None, None)),
    ("The couple disappeared into the kwalliso system.", "political_prison_camp", (None, None)),
    ("He is now serving a 12-year term at Chongori.", "prison", (144, 144)),
    ("The students were forced to do three months of unpaid labor as punishment.", "labor_training", (3, 3)),
])
def test_a_punishment_in_other_words_is_a_sentence_with_its_penalty(text, kind, months):
    found = [e for e in _events(text) if e.type == "sentence"]
    assert len(found) == 1 and found[0].modality == "asserted"
    p = found[0].penalty
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("text", [
    # what an offence is punished with, in general, is no sentence
    "The sentence for smuggling copper is up to 10 years.",
    "The penalty for watching South Korean films is death.",
])
def test_the_penalty_for_an_offence_is_no_sentence(text):
    assert not [e for e in _events(text) if e.type == "sentence"]


def test_a_court_order_to_serve_a_term_is_the_sentence_given():
    text = "He was ordered to serve six months in a labor training camp."
    at = text.index("serve")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 5), "sentence") == "asserted"
    text = "Police were ordered to arrest anyone selling Chinese phones."
    at = text.index("arrest")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 6), "arrest") == "ordered"


@pytest.mark.parametrize("sentence, charges", [
    ("They were arrested for harboring defectors.", {"defection"}),
    ("He was executed for human smuggling.", {"defection"}),
    ("A broker was caught smuggling three women across the Tumen.", {"defection"}),
    ("A phone broker was arrested in Hyesan.", {"illegal_phone"}),
    ("He was arrested for using a VPN to access the internet.", {"foreign_media"}),
    ("He was executed for printing counterfeit money.", {"economic"}),
    ("She was arrested for wiring money to her daughter in Seoul.", {"economic"}),
    ("Miners were arrested for illegal gold mining.", {"economic"}),
    ("They were arrested for operating a private bus service.", {"economic"}),
    ("He was executed for selling state property.", {"corruption"}),
    ("The man was arrested for mocking Kim Jong Un.", {"political"}),
    ("He was executed for raping a woman.", {"violent_crime"}),
    ("He was arrested for his role in a brawl that left one man dead.", {"violent_crime"}),
    ("He was arrested for forging travel documents.", {"other"}),
    ("He was arrested for traveling without a permit.", {"other"}),
    ("The officials were executed for failing to carry out orders.", {"other"}),
])
def test_more_charge_wordings(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("sentence, charges", [
    ("Farmers were mobilized to harvest rapeseed.", set()),
    ("The smugglers hid the goods in a truck and crossed the border.", {"smuggling", "defection"}),
    ("He smuggled copper into China.", {"smuggling"}),
    ("Internet access is limited to a few thousand officials.", set()),
    ("Kim criticized officials for failing to meet the grain quota.", set()),
])
def test_more_charge_look_alikes(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def _sentences_of(text: str) -> list:
    return sorted((e.subjects_count, e.penalty.kind, e.penalty.min_months, e.penalty.max_months)
                  for e in _events(text) if e.type == "sentence")


def test_two_groups_with_terms_that_name_no_kind_are_two_sentences():
    text = "One woman received a sentence of 18 months, while her husband was sentenced to three years."
    assert _sentences_of(text) == [(1, "prison", 18, 18), (1, "prison", 36, 36)]


@pytest.mark.parametrize("text, expected", [
    # how long the conduct went on is no clause of its own
    ("He smuggled copper for two years, and was sentenced to 10 years in prison.", [(1, "prison", 120, 120)]),
    # the same term for two groups is one punishment
    ("The man was sentenced to five years, and his wife to five years.", [(None, "prison", 60, 60)]),
])
def test_one_punishment_stays_one_sentence(text, expected):
    found = _sentences_of(text)
    assert [x[1:] for x in found] == [x[1:] for x in expected]


@pytest.mark.parametrize("sentence, kind, months", [
    ("He was sentenced to a total of 20 years.", "prison", (240, 240)),
    ("They were given punishments ranging from six months of forced labor to five years in prison.", "prison", (6, 60)),
    # a term reduced later: the term the court gave
    ("He was sentenced to 15 years, later reduced to 10.", "prison", (180, 180)),
    # ages are no range of terms
    ("The three women, aged 20 to 25, were sentenced to six years in prison.", "prison", (72, 72)),
])
def test_totals_ranges_and_ages(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, charges", [
    ("A defector's family was banished to the countryside.", {"defection"}),
    ("The parents of a soldier who defected were arrested.", {"defection"}),
    ("The families of defectors were sent to remote mountain villages.", {"defection"}),
    # a defector who tells the story is no charge
    ("A defector said his family had been sent to a camp.", set()),
])
def test_the_family_of_a_defector_is_punished_for_the_defection(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, etype, modality", [
    # the future in the past: what was to happen is planned
    ("The two men were to be executed in Hyesan the next day.", "execution", "planned"),
    ("The trial was to be held in the city stadium.", "trial", "planned"),
    # ... a plan of the person punished, in a modifier, is not
    ("The man, who was to be married in May, was arrested for smuggling.", "arrest", "asserted"),
])
def test_the_future_in_the_past(text, etype, modality):
    found = [e for e in _events(text) if e.type == etype]
    assert found and all(e.modality == modality for e in found)


def test_fired_from_a_job_is_discipline_but_fired_from_a_post_is_a_shot():
    found = [e for e in _events("He was fired from his job at the trading company.") if e.type == "sentence"]
    assert len(found) == 1 and found[0].penalty.kind == "discipline"
    assert not [e for e in _events("Guards fired from their posts at people crossing the river.") if e.type == "sentence"]
    assert not [e for e in _events("The soldiers fired from their positions on the hill.") if e.type == "sentence"]


@pytest.mark.parametrize("sentence, charges", [
    # the state's killing is no crime of the people killed
    ("Border guards shot and killed a man trying to cross the Yalu.", {"defection"}),
    ("Security forces killed three people who tried to cross the border.", {"defection"}),
    # a killing by the punished is
    ("A guard killed his commander and fled across the border.", {"defection", "violent_crime"}),
    ("He was executed for killing a police officer.", {"violent_crime"}),
])
def test_a_killing_by_the_state_is_no_violent_crime_of_the_killed(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # a conjunction of time starts another clause: the arrest is told as done
    ("Residents were preparing for the holiday when police arrested 10 traders.", "arrested", "arrest", "asserted"),
    ("The family was preparing a meal when agents detained the father.", "detained", "arrest", "asserted"),
    # ... the plan of the punishment itself is planned
    ("Police are preparing to arrest the brokers before the holiday.", "arrest", "arrest", "planned"),
])
def test_a_clause_of_time_after_a_plan_is_not_planned(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("sentence, charges", [
    # how the source spoke to the outlet is no offence of the people arrested
    ("A source told Daily NK by mobile phone that two smugglers were arrested in Hyesan.", {"smuggling"}),
    # ... the offender's own phone is
    ("A worker was executed for sneaking news out of the country via his illicit mobile phone.", {"illegal_phone"}),
    ("She was caught talking on a Chinese mobile phone near the river.", {"illegal_phone"}),
])
def test_the_phone_the_source_spoke_on_is_no_charge(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("sentence, charges", [
    ("He was arrested for smuggling Chinese materials across the border.", {"smuggling"}),
    ("She was arrested for selling Chinese TV sets smuggled across the river.", {"smuggling"}),
    ("He was arrested for watching Chinese movies.", {"foreign_media"}),
    ("He was arrested for watching South Korean TV.", {"foreign_media"}),
])
def test_chinese_goods_are_no_foreign_media(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_where_people_are_likely_to_end_up_is_no_sentence():
    text = "Those who appear to be headed for South Korea are more likely to end up in political prison camps."
    assert not [e for e in _events(text) if e.type == "sentence"]


@pytest.mark.parametrize("text, etype, modality", [
    ("A public execution is reportedly being prepared in Hyesan.", "execution", "planned"),
    ("Hyesan authorities are gearing up for a crackdown on smugglers.", "crackdown", "planned"),
    # look-alikes: what is being done, and being ready after the fact
    ("Police are gearing up the hunt after arresting two brokers in Musan on Monday.", "arrest", "asserted"),
    ("A crackdown on smugglers is being carried out in Hyesan.", "crackdown", "asserted"),
])
def test_being_prepared_and_gearing_up_are_planned(text, etype, modality):
    found = [e for e in _events(text) if e.type == etype]
    assert found and all(e.modality == modality for e in found), [(e.type, e.modality) for e in _events(text)]


@pytest.mark.parametrize("sentence, kind, months", [
    ("He was sentenced to half a year of labor training.", "labor_training", (6, 6)),
    ("She got a half-year term in a labor training camp.", "labor_training", (6, 6)),
    # the halves already read stay as they were
    ("He was sentenced to a year and a half in prison.", "prison", (18, 18)),
    ("He was sentenced to two and a half years of hard labor.", "prison", (30, 30)),
    ("He served half of his 10-year sentence.", "prison", (120, 120)),
])
def test_half_a_year(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)
