"""The event decisions of annotation.md ("Events: what counts as one") and events.md (sections 3
and 5), one test per rule, on mini-reports written for these tests in the styles of several outlets
(wire copy, Daily NK, RFA, Yonhap, NGO reports), with look-alikes that must not produce the event."""
import pytest

from nkevents.pipeline import extract

PUBLISHED = "2024-03-15"


def events_of(text: str) -> list:
    return extract(text, published=PUBLISHED).events


def of_type(text: str, typ: str) -> list:
    return [e for e in events_of(text) if e.type == typ]


# --- `other`: meetings of leading bodies, anniversaries, diplomatic acts, forced repatriations by China

@pytest.mark.parametrize("text, count", [
    ("China sent back some 60 North Korean escapees across the Tumen River on April 26, according to activists in Seoul.", 60),
    ("Beijing deported about 500 North Koreans on Oct. 9, Human Rights Watch said.", 500),
    ("A North Korean worker deported by Chinese police was handed over to the State Security Department in Sinuiju.", 1),
    ("Chinese authorities forcibly repatriated about 200 North Korean defectors in early October.", 200),
    ("She was forcibly returned to North Korea in 2021 and sent to a labor camp.", None),
])
def test_a_forced_repatriation_is_other(text, count):
    found = of_type(text, "other")
    assert len(found) == 1 and found[0].subjects_count == count


@pytest.mark.parametrize("text", [
    "After working in China for three years, the man returned to North Korea in 2019.",
    "When his illness worsened, he secretly returned to North Korea to see his mother.",
    "Kim Jong Un returned to Pyongyang on Tuesday after the summit.",
])
def test_going_home_of_ones_own_accord_is_no_repatriation(text):
    assert not of_type(text, "other")


@pytest.mark.parametrize("text", [
    "North Korea and Russia signed a treaty on comprehensive strategic partnership in Pyongyang on June 19.",
    "The Politburo of the WPK Central Committee held a meeting on March 2 to review the state of the economy.",
    "North Korea marked the 76th anniversary of the founding of the Korean People's Army on Feb. 8 with a parade.",
    "North Korea celebrated the 112th birthday of Kim Il Sung on April 15 with fireworks.",
    "The Supreme People's Assembly convened in Pyongyang on Jan. 15 to adopt a new law.",
    "The Politburo met on Monday to discuss flood recovery.",
    "Kim Jong Un received a delegation from Russia in Pyongyang on Tuesday.",
])
def test_meetings_anniversaries_and_diplomatic_acts_are_other(text):
    assert len(of_type(text, "other")) == 1


@pytest.mark.parametrize("text", [
    "Ahead of the party congress, security agencies have tightened control over markets in Pyongyang.",
    "In the run-up to the 80th anniversary of the party's founding, the authorities ordered residents to repaint buildings.",
    "Residents were made to sign a loyalty pledge at the inminban gathering.",
    "The two traders signed a contract with a Chinese company to export coal.",
    "The cabinet met its grain procurement targets this year.",
    "The factory received a delegation of inspectors from the provincial party committee.",
])
def test_a_meeting_still_to_come_or_a_private_signature_is_no_other(text):
    assert not of_type(text, "other")


# --- conduct: required when reported on its own, optional when it is only the charge

@pytest.mark.parametrize("text", [
    "Smuggling across the Yalu River has surged in Sinuiju since the start of March, and police have arrested dozens of traders.",
    "Drug use is spreading rapidly among young people in Hamhung, and the police have launched a crackdown.",
    "Residents of Musan have been using Chinese mobile phones to call relatives in South Korea, and security agents have started tracking their signals.",
    "More and more residents in North Hamgyong are secretly watching South Korean dramas despite the crackdown, a source said.",
    "Two soldiers from a border guard unit in Hyesan deserted their posts on Feb. 18 and fled to China, according to RFA.",
])
def test_conduct_reported_on_its_own_is_an_event(text):
    assert len(of_type(text, "prohibited_activity")) == 1


@pytest.mark.parametrize("text", [
    "Police in Chongjin arrested a woman for smuggling copper wire to China on March 1.",
    "A group of smugglers was arrested in Hyesan on March 3.",
    "Security agents arrested three residents on charges of watching South Korean dramas, and the police searched their homes.",
    "The woman, who had been smuggling medicine from China, was arrested by the police on Feb. 2.",
    "Residents who were caught using Chinese phones were sent to labor camps, and their families were banished.",
    "A man caught watching South Korean dramas was sent to a labor camp for two years.",
])
def test_conduct_that_is_only_the_charge_is_no_event_of_its_own(text):
    assert not of_type(text, "prohibited_activity")


# --- market: one event per place and date of reported prices

def places_of(text: str, typ: str) -> set:
    return {(e.place.id if e.place else None, e.date.date_start if e.date else None) for e in of_type(text, typ)}


@pytest.mark.parametrize("text, expected", [
    ("As of March 10, a kilogram of rice was selling for 6,500 won at the Hyesan market, while corn cost 3,200 won. "
     "In Pyongyang, rice was 7,000 won per kilogram on the same day.",
     {("kp.ryanggang.hyesan", "2024-03-10"), ("kp.pyongyang", "2024-03-10")}),
    ("Rice sold for 6,000 won per kilogram in Hyesan on March 2, and the price in Sinuiju was 6,500 won.",
     {("kp.ryanggang.hyesan", "2024-03-02"), ("kp.north-pyongan.sinuiju", "2024-03-02")}),
    ("The exchange rate of the dollar hit 9,000 won in Pyongyang on Feb. 27 and 9,200 won in Chongjin on the same day.",
     {("kp.pyongyang", "2024-02-27"), ("kp.north-hamgyong.chongjin", "2024-02-27")}),
    # places of another clause (where potatoes are harvested) are not where the prices were quoted
    ("Early potatoes are about to be harvested in Samjiyon, Paegam and Pochon counties, and as such potato prices "
     "in local markets are falling little by little, a source said.", {("kp.ryanggang", None)}),
    # a phrase set off by commas between the prices and their movement
    ("Food prices in North Korea, especially for rice and corn, jumped by 30% and 50% respectively in January, "
     "a South Korean think tank said.", {("kp", "2024-01-01")}),
    ("Sugar is in short supply at markets in Hoeryong, with prices doubling over the past two weeks.",
     {("kp.north-hamgyong.hoeryong", None)}),
])
def test_one_market_event_per_place_and_date(text, expected):
    assert places_of(text, "market") == expected


@pytest.mark.parametrize("text", [
    "Crime rates, according to the defector, have been rising in border towns.",
    "The price of defection, the broker said, has doubled.",
    "Interest rates at state banks have been raised.",
])
def test_rates_that_are_no_prices(text):
    assert not of_type(text, "market")


# --- policies: one per distinct measure; measures being discussed or prepared are planned

@pytest.mark.parametrize("text, expected", [
    ("North Korea closed all markets in Pyongyang on May 13 and banned travel between provinces, state media said.",
     [("closure", "asserted"), ("restriction", "asserted")]),
    ("Authorities in Hyesan imposed a lockdown on Jan. 5. A week later, they also banned residents from visiting the riverbank.",
     [("lockdown", "asserted"), ("restriction", "asserted")]),
    ("North Korean authorities are discussing a plan to reopen the border with China for trade, a source in Sinuiju said.",
     [("lift", "planned")]),
    ("The government is considering introducing a new travel permit system, the source said.", [(None, "planned")]),
    ("Officials are reportedly drafting regulations that would require all mobile phones to be registered.",
     [("restriction", "planned")]),
    ("A new travel permit system was introduced in Hyesan on March 1, requiring residents to obtain a pass to visit the riverbank.",
     [("restriction", "asserted")]),
])
def test_one_policy_per_measure_and_planned_when_prepared(text, expected):
    assert [(e.measure, e.modality) for e in of_type(text, "policy")] == expected


@pytest.mark.parametrize("text", [
    "The school is introducing a new English textbook this year.",
    "The ministry accused the companies of setting up trade schemes of their own.",
])
def test_words_of_introducing_that_put_no_measure_in_force(text):
    assert not of_type(text, "policy")


def test_discussing_a_punishment_does_not_make_it_planned():
    found = of_type("Residents in Hyesan were discussing the public execution of two women for days afterwards.", "execution")
    assert [e.modality for e in found] == ["asserted"]


# --- directives: one per distinct order (issuer and content); a lower body's own instructions are their own

def issuers(text: str) -> list[set]:
    return [{a.id for a in e.actors if a.role == "issuer"} for e in of_type(text, "directive")]


@pytest.mark.parametrize("text, expected", [
    ("The Central Committee issued a directive in early February ordering all provinces to crack down on the use of "
     "Chinese phones. In response, the North Hamgyong provincial party committee instructed security agencies to "
     "search every household in border areas.", [{"central_committee"}, {"party_committee"}]),
    ("The order, issued by the Ministry of Social Security on Jan. 15, requires residents to register all mobile phones. "
     "According to the order, unregistered phones will be confiscated.", [{"mps"}]),
    ("A decree of the Supreme People's Assembly Standing Committee, adopted on Feb. 2, prohibits the use of South Korean "
     "expressions.", [{"other"}]),
])
def test_one_directive_per_order_and_issuer(text, expected):
    assert issuers(text) == expected


@pytest.mark.parametrize("text", [
    "The letter, which a source obtained last week, told of a mother's grief.",
    "The notice, posted at the station on Monday, warned passengers of delays.",
])
def test_a_document_that_orders_nothing_is_no_directive(text):
    assert not of_type(text, "directive")


# --- arrests: one per group arrested on one occasion

def arrests(text: str) -> list:
    return [(e.place.id if e.place else None, e.subjects_count) for e in of_type(text, "arrest")]


@pytest.mark.parametrize("text, expected", [
    ("Over 30 users of Chinese mobile phones were apprehended in Hyesan in April and May, a source said.",
     [("kp.ryanggang.hyesan", 30)]),
    ("Police in Hoeryong arrested three smugglers on March 2. Two days later, security agents detained another five "
     "people in the same city for crossing the border.",
     [("kp.north-hamgyong.hoeryong", 3), ("kp.north-hamgyong.hoeryong", 5)]),
    ("Two women were arrested by the Ministry of State Security in Musan on Feb. 3. The women were caught with South "
     "Korean USB drives.", [("kp.north-hamgyong.musan", 2)]),
    # caught by one agency and handed over to another: one arrest
    ("A family of four was caught by border guards while trying to cross the Tumen River near Onsong in late February. "
     "The family was handed over to the state security department.", [("kp.north-hamgyong.onsong", 4)]),
    ("Border guards caught two women crossing the river near Hyesan on March 3 and turned them over to the MSS the next day.",
     [("kp.ryanggang.hyesan", 2)]),
    # another agency on another occasion: two
    ("Police arrested three smugglers in Hoeryong on March 2. A week later, state security agents arrested 12 traders "
     "in the same city.", [("kp.north-hamgyong.hoeryong", 3), ("kp.north-hamgyong.hoeryong", 12)]),
    ("Police detained a man in Hyesan on Jan. 4. Ten traders were handed over to prosecutors in Chongjin on Feb. 20.",
     [("kp.ryanggang.hyesan", 1), ("kp.north-hamgyong.chongjin", 10)]),
])
def test_one_arrest_per_group_and_occasion(text, expected):
    assert arrests(text) == expected


@pytest.mark.parametrize("text, expected", [
    # two bodies, each giving its own order in a clause of its own: two directives
    ("North Korea's Cabinet has instructed factories to cut electricity use by 20 percent, and the Ministry of State "
     "Security separately ordered its agents to monitor residents' phone calls, sources said.", [{"cabinet"}, {"mss"}]),
    ("The provincial people's committee told farms to hand over 70 percent of their harvest to the state, and the "
     "county party committee instructed farmers to work on Sundays.", [{"peoples_committee"}, {"party_committee"}]),
    ("Kim Jong Un visited the flooded areas. He ordered officials to rebuild homes by October, and the Cabinet "
     "instructed ministries to send supplies.", [{"kim_jong_un"}, {"cabinet"}]),
    # one body's order told on, or people told in a clause with no body of its own: one
    ("Kim Jong Un ordered officials to complete the Pyongyang housing project by October, and urged them to mobilize "
     "all resources.", [{"kim_jong_un"}]),
    ("The Central Committee ordered provinces to tighten border control, and officials were told to report any defectors.",
     [{"central_committee"}]),
])
def test_orders_of_one_sentence_by_different_bodies(text, expected):
    assert issuers(text) == expected


@pytest.mark.parametrize("text, count", [
    # an earlier order told in a leading clause, then the new one: two directives
    ("After recently ordering coal mines to raise output, the authorities have now issued an order for miners to work "
     "night shifts through March.", 2),
    ("Having instructed schools to collect scrap metal last month, the regime this week ordered students to hand in "
     "rabbit pelts.", 2),
    # look-alikes: the leading clause tells no other order, or the sentence tells no new one
    ("After ordering residents to hand in their phones, the authorities searched homes in Hyesan.", 1),
    ("After the order was issued in January, residents were told to register their phones with the police.", 1),
    ("Following a meeting in Pyongyang, the Cabinet ordered factories to cut electricity use.", 1),
])
def test_an_earlier_order_in_a_leading_clause_is_another_directive(text, count):
    assert len(of_type(text, "directive")) == count


@pytest.mark.parametrize("text, count", [
    # one order told in the lead and again with the informant's province: one directive
    ("North Korean authorities have ordered all residents to register their bicycles with the police by the end of "
     "the year, a U.S. broadcaster said Monday.\n\n\"In early November the central government handed down the "
     "instruction to register every bicycle,\" Radio Free Asia said, citing a source in the North's North Pyongan "
     "Province.\n\nMany residents are trying to avoid the registration, the broadcaster said, citing another source "
     "in Jagang Province.", 1),
    # look-alike: two provinces each giving their own order, each named as where it was given: two
    ("The Hyesan city people's committee ordered traders to close their stalls by 6 p.m. on March 2. In Chongjin, "
     "the police instructed residents to report strangers on March 9.", 2),
])
def test_an_order_told_again_where_the_informant_lives_is_one_directive(text, count):
    assert len(of_type(text, "directive")) == count


# --- a trial and its outcomes: one trial, one sentence per group with a distinct penalty or charge;
# an execution is an execution (with a trial when one is reported); a death sentence not carried out is a sentence

def outcomes(text: str) -> list:
    out = []
    for e in events_of(text):
        if e.type in ("trial", "sentence", "execution"):
            penalty = (e.penalty.kind, e.penalty.min_months) if e.penalty else None
            out.append((e.type, e.subjects_count, penalty, e.date.date_start if e.date else None))
    return sorted(out, key=str)


@pytest.mark.parametrize("text, expected", [
    ("A public trial was held at the Hyesan city stadium on March 3, where two women were sentenced to 10 years in a "
     "reform-through-labor camp for smuggling and a man was sentenced to five years for using a Chinese phone.",
     [("sentence", 1, ("prison", 60), "2024-03-03"), ("sentence", 2, ("prison", 120), "2024-03-03"),
      ("trial", 2, None, "2024-03-03")]),
    ("Five residents of Hoeryong stood trial last week. Three of them got 15 years of hard labor for drug dealing, and "
     "the other two were sent to a labor training camp for six months.",
     [("sentence", 2, ("labor_training", 6), "2024-03-04"), ("sentence", 3, ("prison", 180), "2024-03-04"),
      ("trial", 5, None, "2024-03-04")]),
    # a death sentence whose execution is not reported
    ("A man in his 30s was sentenced to death at a public trial in Hyesan on March 5 for distributing South Korean "
     "films, a source told Daily NK. It is not known when the sentence will be carried out.",
     [("sentence", 1, ("death", None), "2024-03-05"), ("trial", 1, None, "2024-03-05")]),
    ("A North Korean court handed down death sentences to five officials in February, according to the Unification "
     "Ministry. The sentences have not yet been carried out.", [("sentence", 5, ("death", None), "2024-02-01")]),
    # an execution, with the trial that was reported, and the death sentence before it folded in
    ("North Korea publicly executed two men in Sinuiju on Feb. 12 after a public trial, a source said.",
     [("execution", 2, None, "2024-02-12"), ("trial", 2, None, "2024-02-12")]),
    ("Three people were sentenced to death for drug trafficking in Chongjin last month and executed by firing squad "
     "immediately afterwards, RFA reported.", [("execution", 3, None, "2024-02-01")]),
    ("North Korea sentenced two teenagers to death for watching South Korean movies. They were executed publicly in "
     "front of students in Hyesan.", [("execution", 2, None, None)]),
    ("Two officials sentenced to death last year were shot by a firing squad in Pyongyang on March 3.",
     [("execution", 2, None, "2024-03-03")]),
    ("The woman, who was sentenced to death in 2022, was executed at the Hoeryong airfield on Jan. 20, the source said.",
     [("execution", 1, None, "2024-01-20")]),
])
def test_trial_outcomes_and_executions(text, expected):
    assert outcomes(text) == expected


# --- arrest vs crackdown: people taken are an arrest; the operation they are taken in is a crackdown

@pytest.mark.parametrize("text, expected", [
    ("Police raided homes in Hyesan on March 3 and arrested 12 people for watching South Korean dramas.",
     {"crackdown", "arrest"}),
    ("A 109 group inspection team has been searching houses in Hoeryong since early February, a source told Daily NK.",
     {"crackdown"}),
    ("Authorities have detained dozens of people in an intensive campaign against \"anti-socialist\" behavior in South Pyongan.",
     {"crackdown", "arrest"}),
    ("Police in Chongjin caught a man selling Chinese phones at the market.", {"arrest"}),
    ("Border guards caught a woman trying to cross the Yalu River near Sinuiju on Feb. 2.", {"arrest"}),
    ("The photo caught a man's attention.", set()),
    ("She caught a trader's eye at the market.", set()),
])
def test_arrests_and_crackdowns(text, expected):
    assert {e.type for e in events_of(text)} == expected


# --- hardship and mobilization: one per occurrence or campaign and area

def by_area(text: str, typ: str) -> set:
    return {(e.place.id if e.place else None, e.date.date_start if e.date else None, e.subjects_count)
            for e in of_type(text, typ)}


@pytest.mark.parametrize("text, typ, expected", [
    ("Heavy rains in late July flooded farmland in Sinuiju and Uiju, and a landslide destroyed 30 homes in Sakju county, "
     "state media said.", "hardship",
     {("kp.north-pyongan.sinuiju", "2023-07-01", None), ("kp.north-pyongan.uiju", "2023-07-01", None),
      ("kp.north-pyongan.sakchu", "2023-07-01", None)}),
    # another area told in a clause of its own keeps that clause's time and people
    ("At least 20 people in Hyesan died of starvation in February, and more people starved to death in Kimhyongjik "
     "county in March.", "hardship",
     {("kp.ryanggang.hyesan", "2024-02-01", 20), ("kp.ryanggang.kimhyongjik", "2024-03-01", None)}),
    ("High school students in Hamhung have been sent to farms to help with the rice planting since May 10, while "
     "university students in Pyongyang were mobilized for construction work.", "mobilization",
     {("kp.south-hamgyong.hamhung", "2023-05-10", None), ("kp.pyongyang", "2023-05-10", None)}),
    ("Students and workers in Pyongsong have been mobilized for the rice-planting battle since May 1. In Sunchon, "
     "housewives were also sent to the fields.", "mobilization",
     {("kp.south-pyongan.pyongsong", "2023-05-01", None), ("kp.south-pyongan.sunchon", "2023-05-01", None)}),
    # one campaign told on in another clause: one
    ("Workers in Chongjin were mobilized for road construction, and the work was completed in May.", "mobilization",
     {("kp.north-hamgyong.chongjin", "2023-05-01", None)}),
])
def test_one_hardship_or_mobilization_per_occurrence_and_area(text, typ, expected):
    assert by_area(text, typ) == expected


@pytest.mark.parametrize("text, expected", [
    ("Authorities in Sinuiju placed about 3,000 residents under quarantine after a fever outbreak.", ["quarantine"]),
    ("The regime has quarantined some 380 foreigners so far across the country, KCNA said.", ["quarantine"]),
    ("The doctor quarantined himself at home after catching a cold.", []),
])
def test_people_put_under_quarantine_by_the_state(text, expected):
    assert [e.measure for e in of_type(text, "policy")] == expected


@pytest.mark.parametrize("text, expected", [
    ("Authorities announced that private grain sales would be prohibited from next month.", [("restriction", "planned")]),
    ("Markets in Hyesan now close at 6 p.m. under a new rule from the city people's committee.", [(None, "asserted")]),
    ("North Korea has lifted its ban on private minibuses, allowing them to operate between cities again.", [("lift", "asserted")]),
])
def test_measures_in_force_and_to_come(text, expected):
    assert [(e.measure, e.modality) for e in of_type(text, "policy")] == expected


# --- the people of an occurrence named by its participle ("the executed", "those arrested") are its group

@pytest.mark.parametrize("text, typ", [
    ("Five smugglers were publicly executed in Hyesan on May 2. The executed included a woman in her "
     "sixties, a source said.", "execution"),
    ("Police arrested 12 people in Sinuiju last week for selling phones. Among those arrested were two "
     "teachers.", "arrest"),
    ("A court sentenced seven residents to prison in Chongjin in April. Three of the people sentenced "
     "were party members.", "sentence"),
    ("Security agents detained about 20 traders in Hoeryong on March 3. All those detained were later "
     "released, the source said.", "arrest"),
])
def test_the_people_of_an_occurrence_are_no_new_one(text, typ):
    assert len(of_type(text, typ)) == 1


@pytest.mark.parametrize("text, typ, n", [
    # a participle that tells a new act on named people, or an occurrence of its own
    ("Five smugglers were publicly executed in Hyesan on May 2. Two officials were executed in "
     "Pyongyang in June.", "execution", 2),
    ("Police arrested 12 people in Sinuiju last week. The authorities arrested three more in Uiju on "
     "Monday.", "arrest", 2),
])
def test_a_new_occurrence_is_still_told(text, typ, n):
    assert len(of_type(text, typ)) == n


def test_a_clause_of_his_deputies_is_a_group_of_its_own():
    # "N of his deputies received ..." after the head's punishment: two groups, two penalties
    doc = extract("A source said the head of the city's trade bureau was given 15 years in a reform-through-"
                  "labor camp, while three of his deputies received terms of between 7 and 10 years.",
                  published="2024-05-01")
    terms = sorted((e.penalty.min_months, e.penalty.max_months) for e in doc.events if e.type == "sentence")
    assert terms == [(84, 120), (180, 180)]


@pytest.mark.parametrize("text, expected", [
    # the verb said once for two groups: "sentenced one to death and the other two to 15 years"
    ("The court in Hyesan sentenced one smuggler to death and the other two to 15 years in prison on May 3.",
     [("death", None), ("prison", 180)]),
    ("The judge sentenced the ringleader to life and his three helpers to ten years each.",
     [("life_imprisonment", None), ("prison", 120)]),
])
def test_a_verb_said_once_for_two_groups_gives_two_sentences(text, expected):
    got = sorted((e.penalty.kind, e.penalty.min_months) for e in of_type(text, "sentence"))
    assert got == sorted(expected, key=lambda p: (p[0], p[1] or 0))


def test_one_penalty_with_a_term_is_one_sentence():
    text = "The court sentenced the two smugglers to 15 years in prison and confiscated their goods."
    assert len(of_type(text, "sentence")) == 1


@pytest.mark.parametrize("text, expected", [
    # hearings or executions at places each with a date of its own: one event each
    ("Public trials were held in Hyesan on June 3 and in Samjiyon on June 5, a source said.",
     {("kp.ryanggang.hyesan", "2024-06-03"), ("kp.ryanggang.samjiyon", "2024-06-05")}),
    ("Smugglers were publicly executed in Sinuiju on Jan. 9 and in Uiju on Jan. 12.",
     {("kp.north-pyongan.sinuiju", "2024-01-09"), ("kp.north-pyongan.uiju", "2024-01-12")}),
])
def test_occasions_at_places_with_their_own_dates_are_one_event_each(text, expected):
    events = extract(text, published="2024-07-01").events
    typ = "trial" if "trial" in text else "execution"
    assert {(e.place.id, e.date.date_start) for e in events if e.type == typ} == expected


@pytest.mark.parametrize("text, typ", [
    # one occasion: a place and a date, or two places of one hearing
    ("A public trial was held in Hyesan on June 3 for smugglers from Samjiyon.", "trial"),
    ("Two men from Hyesan and Samjiyon were executed on June 3.", "execution"),
])
def test_one_occasion_stays_one(text, typ):
    assert len(of_type(text, typ)) == 1


@pytest.mark.parametrize("text", [
    # the arrest participle after the punishment only says who the punished are
    "North Korea has handed down prison sentences to at least ten people caught watching South Korean dramas.",
    "A court in Hyesan sentenced three smugglers arrested at the river to ten years in prison.",
])
def test_the_punished_named_by_their_arrest_add_no_arrest(text):
    assert not of_type(text, "arrest") and of_type(text, "sentence")


def test_an_arrest_told_after_the_punishment_in_a_clause_of_its_own_stays():
    text = "A court sentenced two smugglers to ten years in prison on May 2, and police arrested three more on May 9."
    assert of_type(text, "arrest")


def test_an_arrest_joined_by_and_after_the_punishment_stays():
    assert of_type("The court sentenced the man to death and police arrested his wife the next day.", "arrest")


def test_punishments_told_in_sum_then_per_group_are_the_groups():
    text = ("Authorities handed down heavy sentences to at least ten people in Wonsan in December. "
            "Two of the defendants were sentenced to 10 years in a labor camp, while the others received "
            "terms of three to five years.")
    got = sorted((e.penalty.kind, e.penalty.min_months, e.penalty.max_months) for e in of_type(text, "sentence"))
    assert got == [("prison", 36, 60), ("prison", 120, 120)]


def test_a_vague_punishment_of_another_group_stays():
    text = ("Hyon was sentenced to 15 years in prison in May. His five associates received heavy sentences "
            "at the same trial.")
    assert len(of_type(text, "sentence")) == 2
