"""Whole reports (written for these tests) whose sentences tell no occurrence beside the one they
report: a punishment told as not having happened, the report's last sentence cut off mid-way, an
absence, a condition, a question. The report's own event must still be read."""
from nkevents.pipeline import extract

PUBLISHED = "2024-03-15"


def types_told(text: str) -> list[str]:
    return sorted(e.type for e in extract(text, published=PUBLISHED).events)


def test_a_punishment_told_as_not_having_happened_is_not_recorded():
    text = ("Two customs officers in Sinuiju were dismissed last week over a missing shipment, a source said.\n\n"
            "The officers were not detained, but they were removed from their posts on March 8.\n\n"
            "The man who reported them had never been arrested before, the source added.")
    assert "arrest" not in types_told(text)
    assert "sentence" in types_told(text)


def test_a_last_sentence_cut_off_mid_way_is_ignored():
    told = ("Police in Hyesan arrested four people for selling smuggled medicine on March 3, a source said.\n\n"
            "The four were handed over to the prosecutor's office after two days of questioning.\n\n")
    assert "execution" not in types_told(told + "A week earlier, a man accused of killing a guard was publicly executed at the")
    assert "execution" in types_told(told + "A week earlier, a man accused of killing a guard was publicly executed at the airfield.")


def test_absences_conditions_and_questions_beside_the_report_add_nothing():
    text = ("North Korean authorities publicly executed a man in Hoeryong on March 2 for selling South Korean films, "
            "a source told RFA.\n\n"
            "No other executions have been reported in the province this year.\n\n"
            "If the authorities find more copies, the buyers could be sent to prison camps, the source said.\n\n"
            "Will the crackdown spread to the rest of the country?")
    assert types_told(text) == ["execution"]


def test_competing_casualty_figures_of_one_disaster_are_one_hardship():
    text = ("SEOUL, Aug. 20 (AFP) - At least 60 people were killed when floods swept through North Hamgyong "
            "Province last week, state media said.\n\n"
            "An aid agency said on Monday that as many as 140 people were dead or missing after the floods.\n\n"
            "Thousands of homes were destroyed, it said.")
    hardships = [e for e in extract(text, published="2024-08-20").events if e.type == "hardship"]
    assert len(hardships) == 1


def test_deaths_in_different_months_stay_apart():
    text = ("Two children starved to death in Hyesan in February, a source said.\n\n"
            "In April, a family of five died of hunger in Kimjongsuk County, the source added.")
    hardships = [e for e in extract(text, published="2024-05-10").events if e.type == "hardship"]
    assert len(hardships) == 2


def test_a_page_timestamp_is_the_publication_date_not_an_event_date():
    for stamp in ("Published: 2024.03.11 5:30pm", "Input 2024.03.11. 17:30", "Updated: 2024-03-13 10:02 AM KST"):
        doc = extract(stamp + "\n\nNorth Korea has banned weddings in dresses, according to a source in South Pyongan Province.")
        assert [r.kind for r in doc.removed] == ["timestamp"]
        assert [(e.type, e.date) for e in doc.events] == [("policy", None)]


def test_headlines_of_other_stories_after_the_last_sentence_are_ignored():
    text = ("Police in Hyesan detained three teenagers last week for carrying Chinese goods across the Yalu River, "
            "a source told Daily NK on Tuesday.\n\n"
            "The three are being held at the city police station, the source said.\n\n"
            "North Korea publicly executes two men for selling South Korean films in Chongjin\n\n"
            "Authorities order students to join the rice planting battle in South Hwanghae\n\n"
            "Most Read")
    assert types_told(text) == ["arrest"]


def test_threats_of_enforcement_and_what_is_done_whenever_tell_no_crackdown():
    for threat in ("Families who cannot pay are being threatened with having their fields confiscated.",
                   "Officials warned that anyone caught with foreign films will face a crackdown.",
                   "Residents were warned of house searches ahead of the holiday.",
                   "If traders are caught with Chinese goods, their stalls are searched and their goods seized."):
        assert types_told(threat) == [], threat


def test_enforcement_beside_a_threat_is_still_told():
    for told in ("Police launched a crackdown on phone users in Hyesan last week and warned that violators "
                 "would be severely punished.",
                 "The authorities have begun searching homes in Musan, threatening to confiscate any Chinese goods.",
                 "Security agents have been raiding homes in Hoeryong since May, warning residents of harsh punishment."):
        assert "crackdown" in types_told(told), told


def test_forecasts_and_practice_over_decades_tell_no_occurrence():
    for text in ("Pyongyang will likely continue its crackdown on foreign media, analysts say.",
                 "The regime is likely to launch new purges in the coming months.",
                 "For decades, North Korea has punished those who watch foreign films.",
                 "For years, the authorities have arrested people caught with Bibles."):
        assert types_told(text) == [], text


def test_what_happened_over_a_stated_time_is_still_told():
    for text, typ in (("For two weeks, police have arrested traders at the Sinuiju market, a source said.", "arrest"),
                      ("Police will likely be sent to the border after two soldiers were arrested on Monday.", "arrest"),
                      ("For years he smuggled copper, until police arrested him in Hyesan on May 2.", "arrest")):
        assert typ in types_told(text), text


def test_a_practice_told_in_a_clause_of_its_own_leaves_the_other_clause_an_occurrence():
    # the habit of a practice, and the habit of the person punished, against the one occurrence
    told = ["Public trials have long been routine in the border towns, and on March 3 two smugglers were "
            "executed by firing squad in Hyesan.",
            "Selling phones is rampant near the river, but last week police arrested three brokers in Musan.",
            "A courier who usually carried money for defector families was detained by security agents in "
            "Hoeryong on March 4.",
            "A woman who had often been seen trading at the station was arrested in Kilju last week."]
    for sentence, expected in zip(told, ["execution", "arrest", "arrest", "arrest"]):
        assert expected in types_told(sentence), sentence
    # the practice itself, in the trigger's own clause, is still no occurrence
    for sentence in ["Security agents often arrest brokers in Hyesan.",
                     "Such executions are usually held at the riverside in front of residents.",
                     "Public executions have long been used to instil fear, a researcher said."]:
        assert types_told(sentence) == [], sentence


def test_a_death_sentence_carried_out_later_in_the_sentence_is_an_execution():
    told = types_told("Two men were sentenced to death at an open trial in Kanggye on March 2 and promptly shot.")
    assert "execution" in told and "sentence" not in told
    # a death sentence alone stays a sentence
    assert "execution" not in types_told("Two men were sentenced to death at an open trial in Kanggye on March 2.")


def test_a_term_with_a_range_of_years_to_serve_is_a_sentence():
    assert "sentence" in types_told("The four were ordered to serve between three and five years at a labor camp.")
