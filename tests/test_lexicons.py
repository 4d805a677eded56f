"""The lexicons are data: they must load, compile and use exactly the codes of spec/events.md."""
from nkevents import lexicon

EVENT_TYPES = {"trial", "sentence", "execution", "arrest", "crackdown", "directive", "policy",
               "prohibited_activity", "market", "hardship", "mobilization", "other"}
PENALTY_KINDS = {"death", "life_imprisonment", "political_prison_camp", "prison", "labor_training",
                 "banishment", "fine", "discipline", "other"}
CHARGES = {"smuggling", "illegal_phone", "foreign_media", "defection", "drugs", "corruption", "anti_socialist",
           "quarantine_violation", "religion", "trafficking", "violent_crime", "theft", "espionage", "economic",
           "political", "other"}
ACTORS = {"kim_jong_un", "central_committee", "party_committee", "cabinet", "mss", "mps", "prosecutor", "court",
          "kpa", "border_guard", "quarantine_hq", "inspection_group", "peoples_committee", "trading_company", "other"}


def test_every_lexicon_loads_and_compiles():
    for name in lexicon.LEXICON_FILES:
        assert lexicon.load(name)
        lexicon.compiled(name)


def test_codes_are_the_specs():
    assert set(lexicon.compiled("triggers")) == EVENT_TYPES
    assert set(lexicon.compiled("penalties")) == PENALTY_KINDS
    assert set(lexicon.compiled("charges")) <= CHARGES
    assert set(lexicon.compiled("actors")) <= ACTORS


def test_penalty_ranks_follow_the_specs_severity_order():
    order = ["death", "life_imprisonment", "political_prison_camp", "prison", "labor_training", "banishment",
             "fine", "discipline", "other"]
    ranks = [lexicon.load("penalties")[k]["rank"] for k in order]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)


def test_trigger_strengths_are_probabilities():
    tables = [t for t in lexicon.load("triggers").values() if isinstance(t, dict)]
    assert len(tables) == len(EVENT_TYPES)
    for table in tables:
        assert 0 < table["strength"] <= 1
