"""The words a match must contain (lexicon.required_words) rule out a text only when it cannot
hold a match: for every lexicon pattern, texts made to match it hold one of its words."""
import re

import pytest

from nkevents import lexicon

from re import _constants as C, _parser  # (what lexicon.required_words reads patterns with)

# a character each class offers (the first one that fits)
CANDIDATES = "a0 -.,'’Ab_z9\n"


def texts_matching(pattern: str) -> list[str]:
    """Texts made from the pattern, one choosing the first alternative of every alternation and
    the least repeats, one the last alternative and one more repeat."""
    def make(items, last: bool, groups: dict) -> str:
        out = ""
        for op, av in items:
            if op is C.LITERAL:
                out += chr(av)
            elif op in (C.IN, C.ANY, C.NOT_LITERAL):
                pattern_of = _parser.SubPattern(_parser.State(), [(op, av)])
                out += next((ch for ch in CANDIDATES if re.fullmatch(_piece(pattern_of), ch, re.I)), "a")
            elif op is C.SUBPATTERN:
                text = make(av[3], last, groups)
                if av[0]:
                    groups[av[0]] = text
                out += text
            elif op is C.ATOMIC_GROUP:
                out += make(av, last, groups)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                times = av[0] + (1 if last and (av[1] is C.MAXREPEAT or av[1] > av[0]) else 0)
                out += "".join(make(av[2], last, groups) for _ in range(times))
            elif op is C.BRANCH:
                out += make(av[1][-1 if last else 0], last, groups)
            elif op is C.GROUPREF:
                out += groups.get(av, "")
        return out

    parsed = _parser.parse(pattern, re.I)
    return [make(parsed, last, {}) for last in (False, True)]


def _piece(sub) -> str:
    """A one-item parsed pattern as a regex again (a class or any-character)."""
    op, av = sub.data[0]
    if op is C.ANY:
        return "."
    if op is C.NOT_LITERAL:
        return "[^" + re.escape(chr(av)) + "]"
    parts = []
    for kind, value in av:
        if kind is C.LITERAL:
            parts.append(re.escape(chr(value)))
        elif kind is C.RANGE:
            parts.append(re.escape(chr(value[0])) + "-" + re.escape(chr(value[1])))
        elif kind is C.CATEGORY:
            parts.append({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                          C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}[value])
        elif kind is C.NEGATE:
            parts.append("^")
    return "[" + "".join(parts) + "]"


def every_lexicon_pattern() -> list[str]:
    return [pattern for patterns in lexicon_lists() for pattern in patterns]


def test_required_words_are_read_off_patterns():
    assert lexicon.required_words("(?:publicly )?hanged") == {"hanged"}
    assert lexicon.required_words(r"(?:closed|shut) down (?:the )?markets?") == {"market"}
    assert lexicon.required_words(r"(?:public|open) trials?") == {" trial"}
    assert lexicon.required_words(r"\d+ won") == {" won"}
    assert lexicon.required_words(r"(?:executed|\w+ly shot)") == {"executed", "ly shot"}
    assert lexicon.required_words(r"[a-z]+") is None
    assert lexicon.required_words("(?:shot|[0-9]+)") is None  # (one branch requires nothing)


def test_every_lexicon_pattern_keeps_the_texts_it_matches():
    checked = 0
    for pattern in every_lexicon_pattern():
        words = lexicon.required_words(pattern)
        if words is None:
            continue  # (such a pattern's list scans every text)
        for text in texts_matching(pattern):
            if not re.search(pattern, text, re.I):
                continue  # (a look-around the made text does not satisfy)
            checked += 1
            assert any(w in text.lower() for w in words), (pattern, text, words)
    assert checked > 2000


def test_a_text_with_a_character_folding_to_a_z_is_always_scanned():
    assert lexicon.lowered_for_needles("North Korea’s markets") == "north korea’s markets"
    assert lexicon.lowered_for_needles("executed by the Ministry of State Security") is not None
    for odd in ("\u017f", "\u212a", "\u0130", "\u0131"):  # (long s, Kelvin sign, dotted and dotless i)
        assert re.search("[a-z]", odd, re.I)
        assert lexicon.lowered_for_needles(f"they were arre{odd}ted") is None


@pytest.mark.parametrize("text", ["Police arrested two smugglers.", "A \u017fmuggler was arre\u017fted.",
                                  "Nothing happened here.", "The ARRESTS went on; arrests grew.",
                                  "smugglers arrested, arrests of smugglers"])
def test_patterns_find_the_same_with_and_without_needles(text):
    patterns = [r"arrest(?:ed|s)?", r"smugglers?", r"arrests of smugglers"]
    tested = lexicon.alternation(patterns)
    tested.scans = lexicon.NEEDLES_AFTER  # (past the threshold: its needles are used)
    assert tested.needles is not None
    whole = lexicon.alternation(patterns).whole()
    assert [m.span() for m in tested.finditer(text)] == [m.span() for m in whole.finditer(text)]
    found, expected = tested.search(text), whole.search(text)
    assert (found and found.span()) == (expected and expected.span())


def lexicon_lists():
    out = []

    def walk(value):
        if isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out.append(value)

    for name in lexicon.LEXICON_FILES:
        walk(lexicon.load(name))
    return out


def test_every_lexicon_list_finds_the_same_with_its_needles():
    """Texts made to match a few patterns of a list: the matches found pattern by pattern (or none
    where no word is held) are those of the alternation as one regex."""
    compared = 0
    for patterns in lexicon_lists():
        made = [t for p in patterns for t in texts_matching(p)]
        tested = lexicon.alternation(patterns, one_regex_max=10 ** 9)
        tested.scans = lexicon.NEEDLES_AFTER
        whole = tested.whole()
        for k in range(0, len(made), 3):
            text = " and ".join(made[k:k + 3]) + "."
            assert [m.span() for m in tested.finditer(text)] == [m.span() for m in whole.finditer(text)], (patterns[:2], text)
            compared += 1
    assert compared > 1000


@pytest.mark.parametrize("name", ["triggers", "charges", "penalties"])
def test_a_hot_scanner_finds_the_same_places_in_the_lowered_text(name):
    scanner = lexicon.scanner(name)
    text = ("Police in Hyesan arrested two smugglers; the court sentenced them to 10 years in a labour camp "
            "and a public execution-style trial followed. Anti-smuggling drive: 3 were shot, 15-year-old held.")
    for variant in (text, text.upper(), text.replace("a", "\u017f")):
        found = [m.start() for m in scanner.hot_regex().finditer(variant)]
        assert found
        if lexicon.lowered_for_needles(variant) is not None:
            assert [m.start() for m in scanner.hot_lowered_regex().finditer(variant.lower())] == found
