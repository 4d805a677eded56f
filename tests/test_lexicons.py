"""The lexicons are data: they must load, compile and use exactly the codes of spec/events.md."""
import pytest

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


def test_the_cheap_precheck_never_hides_a_trigger():
    """Triggers found with the keyword pre-check are those found by trying every pattern."""
    import re
    from pathlib import Path
    from nkevents.stages import events
    from tests.test_pipeline import SENTENCES
    sentences = list(SENTENCES) + [
        "A kilogram of corn sold for 3,100 won.", "Students were called up for a 70-day campaign.",
        "He was dismissed and his wife was locked up.", "The order stressed loyalty.",
        "Residents were mobilised to repair roads.", "The exchange rate reached 8,000 won to the dollar."]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    if corpus.is_dir():
        import json
        for f in sorted(corpus.glob("dev-0*.json")):
            if not f.name.endswith(".gold.json"):
                body = json.loads(f.read_text()).get("text") or ""
                sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    compiled = lexicon.compiled("triggers")
    gates = lexicon.gates("triggers")
    for sentence in sentences:
        for typ, pats in compiled.items():
            if pats["patterns"].whole().search(sentence):
                assert lexicon.may_match(gates[typ], sentence.lower()), (typ, sentence)


def test_leading_words_are_read_off_patterns():
    assert lexicon.leading_words("(?:public|open) trials?") == {"public trial", "open trial"}
    assert lexicon.leading_words("(?:publicly )?hanged") == {"publicly hanged", "hanged"}
    assert lexicon.leading_words("(?<=the )order") == {"order"}
    assert lexicon.leading_words(r"\d+ won") is None
    # words go on into a group after them: not every "the" is a place where the pattern may start
    assert lexicon.leading_words("the (?:politburo|cabinet) (?:ordered|decided)") == {
        "the politburo ordered", "the politburo decided", "the cabinet ordered", "the cabinet decided"}
    assert lexicon.leading_words("(?:was|were) (?:also )?detained") == {
        "was also detained", "was detained", "were also detained", "were detained"}
    # ... but not past a word that may be any word
    assert lexicon.leading_words("sentenced (?:\\w+ ){0,3}to death") == {"sentenced"}
    # a group that may be left out, or repeated ("very very harsh"), is followed by other words
    assert lexicon.leading_words("the (?:very ){0,2}harsh") == {"the very", "the harsh"}
    assert lexicon.leading_words("spared (?:(?:the|public) )*(?:execution|death)") == {
        "spared the", "spared public", "spared execution", "spared death"}
    assert lexicon.leading_words("(?:very )+harsh") == {"very"}
    assert lexicon.leading_words("(?:very ){1}harsh") == {"very harsh"}


def test_trying_patterns_only_where_they_can_start_finds_every_trigger():
    """Matching the trigger alternations only at the places lexicon.scanner finds gives the same
    first trigger of every type as scanning every character (sentences written for this test,
    and the train reports of the dev corpus when it is on this machine)."""
    import json
    import re
    from pathlib import Path
    from nkevents.stages import events
    from tests.test_pipeline import SENTENCES
    sentences = list(SENTENCES) + [
        "North Korea bans tight jeans.", "The city was locked down; residents were told to stay indoors.",
        "Freight trains resumed on Monday after a two-year suspension.", "Smugglers were caught red-handed.",
        "Officials — not the police — were ordered to report.", "The 100-day battle began."]
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    if (corpus / "split.json").is_file():
        check = set(json.loads((corpus / "split.json").read_text())["check"])
        for f in sorted(corpus.glob("dev-*.json")):
            if not f.name.endswith(".gold.json") and f.name[:-len(".json")] not in check:
                body = json.loads(f.read_text()).get("text") or ""
                sentences += [s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    compiled = lexicon.compiled("triggers")
    assert sum(pats["patterns"].readable for pats in compiled.values()) >= 10
    for sentence in sentences:
        places = events.start_places(sentence)
        for typ, pats in compiled.items():
            for table in (pats["patterns"], pats["exclude"]):
                if table is not None:
                    fast = [m.span() for m in table.finditer(sentence, places=places[typ] if table is pats["patterns"] else None)]
                    assert fast == [m.span() for m in table.whole().finditer(sentence)], (typ, sentence)


def test_the_trie_of_leading_words_matches_each_word_as_a_prefix():
    import re
    pattern = re.compile(lexicon.trie_regex({"ban", "banned", "bar", "closed down"}))
    for text in ("ban", "bans", "banned", "barred", "closed down"):
        assert pattern.match(text), text
    for text in ("ba", "bad", "closed"):
        assert not pattern.match(text), text


def test_word_lists_fill_patterns_and_unknown_names_are_errors():
    import pytest
    vocab = {"things": ["markets?", "schools?"]}
    assert lexicon.expand_vocab({"patterns": ["closed (?:\\w+ ){0,3}{things}"]}, vocab) == {
        "patterns": ["closed (?:\\w+ ){0,3}(?:markets?|schools?)"]}
    with pytest.raises(KeyError):
        lexicon.expand_vocab(["{nothing}"], vocab)


def _corpus_sentences() -> list[str]:
    """Sentences of the shared corpus when it is there (the gate tests then also run on real text)."""
    import json
    import re
    from pathlib import Path
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev"
    out = []
    if corpus.is_dir():
        for f in sorted(corpus.glob("dev-*.json")):
            if not f.name.endswith(".gold.json"):
                body = json.loads(f.read_text()).get("text") or ""
                out += [s for s in re.split(r"(?<=[.!?])\s+|\n+", body) if s.strip()]
    return out


ATTRIBUTE_SENTENCES = [
    "Bowibu agents and police officers detained two brokers.", "The Supreme People's Assembly presidium issued a decree.",
    "Youth league patrols stopped students.", "He was sent to a gyohwaso for ten years.", "She got six months in a dallyeondae.",
    "The family was expelled from Pyongyang.", "They were executed for watching K-dramas on a notetel.",
    "He was arrested for illegal border crossing and smuggling copper.", "The rumors may have been falsely spread.",
    "Kim ordered the cabinet to act.", "Chinese police handed them back.", "Sahoe anjeon officers raided the market."]


def test_the_attribute_gates_never_hide_a_match():
    """Charges, penalties and actors found with the cheap pre-check are those found by trying every pattern."""
    from nkevents.stages import arguments
    sentences = ATTRIBUTE_SENTENCES + _corpus_sentences()
    for name in ("charges", "penalties"):
        compiled, gates = lexicon.compiled(name), lexicon.gates(name)
        for sentence in sentences:
            for key, pats in compiled.items():
                if pats["patterns"].whole().search(sentence):
                    assert lexicon.may_match(gates[key], sentence.lower()), (name, key, sentence)


def test_attribute_lexicons_use_the_specs_codes_and_compile_their_extra_lists():
    charges = lexicon.load("charges")
    assert charges["closure_context"]["adds"] in CHARGES and set(charges["closure_context"]["to"]) <= CHARGES
    modality = lexicon.load("modality")
    for table in ("planned", "will", "future_start", "started", "negated", "alleged", "doubt", "ordered"):
        assert lexicon.compiled("modality")[table]["patterns"] is not None, table
    assert lexicon.alternation(modality["negated"]["hardship_patterns"]) is not None
    subjects = lexicon.load("subjects")
    assert set(subjects["singular"]) <= set(subjects["people"]), set(subjects["singular"]) - set(subjects["people"])
    assert set(subjects["fixed_count"]) <= set(subjects["people"])
    assert all(w.lower() == w for w in subjects["people"])


def test_trying_attribute_patterns_only_where_they_can_start_finds_the_same_matches():
    from nkevents.stages import arguments
    sentences = ATTRIBUTE_SENTENCES + ["A member of the Democratic Women's Union was arrested.",
                                       "Leader Kim Jong Un asked the Socialist Patriotic Youth League to act."] + _corpus_sentences()
    for weak in (False, True):
        scanner = arguments._actor_scanner(weak)
        for sentence in sentences:
            places = scanner.places(sentence)
            for actor_id, pattern in arguments._actor_patterns(weak):
                expected = [m.span() for m in pattern.whole().finditer(sentence)]
                assert [m.span() for m in pattern.finditer(sentence, places=places.get(actor_id))] == expected, (actor_id, sentence)
    for name in ("charges", "penalties"):
        for sentence in sentences:
            places = lexicon.scanner(name).places(sentence)
            for key, pats in lexicon.compiled(name).items():
                expected = [m.span() for m in pats["patterns"].whole().finditer(sentence)]
                assert [m.span() for m in pats["patterns"].finditer(sentence, places=places.get(key))] == expected, (key, sentence)


def test_every_trigger_pattern_says_where_its_matches_start():
    """A pattern whose leading words cannot be read off makes its whole type scan every character
    of every sentence (several times slower); types gated by hand-written keywords are exempt."""
    for typ, table in lexicon.load("triggers").items():
        if isinstance(table, dict) and "patterns" in table and "keywords" not in table:
            unreadable = [p for p in table["patterns"] if lexicon.leading_words(p) is None]
            assert not unreadable, (typ, unreadable)


def test_a_table_compiled_alone_is_the_table_of_the_whole_lexicon():
    for name in ("triggers", "modality"):
        whole = lexicon.compiled(name)
        for key in lexicon.table_keys(name):
            alone = lexicon.table_patterns(name, key)
            table = lexicon.load(name)[key]
            assert alone["patterns"].patterns == whole[key]["patterns"].patterns == table["patterns"]
            assert (alone["exclude"] and alone["exclude"].patterns) == (table.get("exclude") or None)


# (HOT 0: the fast forms from the first use; one_regex_max 0: tried pattern by pattern, or by the
# alternation of a place's bucket once hot)
@pytest.mark.parametrize("hot,one_regex_max", [(300, None), (0, None), (300, 0), (0, 0)])
def test_the_leading_word_gate_of_an_alternation_changes_no_match(monkeypatch, hot, one_regex_max):
    import re
    from nkevents import lexicon
    monkeypatch.setattr(lexicon, "HOT", hot)
    patterns = ["(?:are|is) (?:not )?(?:rare|common)", "if (?:they|caught)", "often\\b", "routinely (?:executed|shot)",
                "is (?:often|not) (?:seen|rare)"]
    gated = lexicon.alternation(patterns, [lexicon.scan_words(p) for p in patterns], one_regex_max)
    body = "|".join(f"(?:{p})" for p in patterns)
    plain = re.compile(rf"(?<![\w-])(?:{body})(?!(?<=\w)\w)", re.I)
    assert gated.readable  # every pattern names its first words: each is tried only where they start
    for text in ["Executions are not rare here.", "If caught, they are shot.", "Officials were routinely shot.",
                 "This is commonplace.", "Oftentimes nothing happens.", "The rarest case.",
                 "It is rare; it is common; routinely executed, often."]:
        a, b = gated.search(text), plain.search(text)
        assert (a and a.span()) == (b and b.span())
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for pos in range(len(text)):
            a, b = gated.match(text, pos), plain.match(text, pos)
            assert (a and a.span()) == (b and b.span()), (text, pos)
            a, b = gated.search(text, pos, len(text) - 3), plain.search(text, pos, len(text) - 3)
            assert (a and a.span()) == (b and b.span()), (text, pos)


def test_every_derived_file_is_built_from_its_lexicon_as_it_is_now():
    """data/lexicon/NAME.derived.json is what scripts/build_derived.py writes from NAME.toml:
    run that script after editing a lexicon."""
    import json
    from importlib import resources
    for name in lexicon.LEXICON_FILES:
        path = resources.files("nkevents.data.lexicon").joinpath(f"{name}.derived.json")
        assert path.is_file(), f"{name}.derived.json missing: run scripts/build_derived.py"
        assert json.loads(path.read_text("utf-8")) == lexicon.derive(name), (
            f"{name}.derived.json is stale: run scripts/build_derived.py")


def test_a_derived_file_not_built_from_the_lexicon_as_it_is_is_not_used(monkeypatch):
    import pytest
    real = lexicon.source_text("penalties")
    edited = real.replace("[death]", "[death]\n# an edit not yet built into the derived file", 1)
    assert edited != real
    monkeypatch.setattr(lexicon, "source_text", lambda name: edited if name == "penalties" else real)
    lexicon.derived.cache_clear()
    try:
        with pytest.warns(UserWarning, match="build_derived"):
            fresh = lexicon.derived("penalties")
        assert fresh == lexicon.derive("penalties", edited)
        assert fresh["source_sha256"] != lexicon.derive("penalties", real)["source_sha256"]
    finally:
        lexicon.derived.cache_clear()


def test_scan_words_are_the_leading_words_cut_to_a_few_letters():
    assert lexicon.scan_words("the (?:politburo|cabinet) (?:ordered|decided)") == [
        "the cabinet ", "the politbur"]
    assert lexicon.scan_words("(?:was|were) (?:also )?detained") == [
        "was also det", "was detained", "were also de", "were detaine"]
    assert lexicon.scan_words(r"\d+ won") is None
    assert lexicon.scan_words("to (?:go|leave)") == ["to go", "to leave"]  # two letters may start a word
    # an alternation outside any group may start with its second branch's words: not read off
    assert lexicon.scan_words("(?:spies|hackers) indicted|indicted spies") is None
    assert lexicon.scan_words(r"spies\|hackers") == ["spies"]  # (an escaped bar is no alternation)


def test_the_fast_forms_of_hot_lists_find_the_same_matches(monkeypatch):
    """Once a list of patterns or a Scanner is hot (lexicon.HOT uses), it runs a compiled gate of
    its scan words instead of reading every word start: the matches are the same."""
    from nkevents.stages import events
    monkeypatch.setattr(lexicon, "HOT", 0)
    sentences = ATTRIBUTE_SENTENCES + ["North Korea bans tight jeans.", "Smugglers were caught red-handed.",
                                       "It is widely believed that the trial was held."] + _corpus_sentences()
    cues = [lexicon.lexicon_patterns("triggers", "unknown"), lexicon.lexicon_patterns("triggers", "generic_present"),
            lexicon.table_patterns("modality", "generic")["patterns"], lexicon.table_patterns("modality", "hypothetical")["patterns"]]
    assert any(not cue.one_regex for cue in cues)
    for sentence in sentences:
        places = events.start_places(sentence)
        for typ, pats in lexicon.compiled("triggers").items():
            found = [m.span() for m in pats["patterns"].finditer(sentence, places=places[typ])]
            assert found == [m.span() for m in pats["patterns"].whole().finditer(sentence)], (typ, sentence)
        for cue in cues:
            assert [m.span() for m in cue.finditer(sentence)] == [m.span() for m in cue.whole().finditer(sentence)], sentence


def test_word_starts_read_the_next_letters_of_each_place_even_where_lower_case_is_longer():
    """The next letters of a place are the text's own, lower-cased: also in a text where lower-casing
    a letter gives two ("İ"), so that a lower-cased text's offsets are not the text's."""
    for text in ("Police ARRESTED two brokers in Hyesan", "İstanbul police arrested two Hyesan brokers",
                 "Kim’s ‘inspection’ of Sinuiju — arrests followed"):
        expected = tuple((m.start(), text[m.start():m.start() + lexicon.WORD_LENGTH].lower())
                         for m in lexicon.WORD_START.finditer(text))
        assert lexicon.word_starts(text) == expected
        assert "arrest" in {head[:6] for _, head in lexicon.word_starts(text)}
