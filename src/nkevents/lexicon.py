"""Loads the domain lexicons (data/lexicon/*.toml) once and compiles their patterns.

The lexicons are data a domain expert edits; this module only turns them into compiled regular
expressions. Patterns are matched case-insensitively and at word boundaries.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources

LEXICON_FILES = ("triggers", "charges", "penalties", "actors", "subjects", "modality")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """The parsed TOML of data/lexicon/NAME.toml."""
    if name not in LEXICON_FILES:
        raise KeyError(f"unknown lexicon {name!r}")
    text = resources.files("nkevents.data.lexicon").joinpath(f"{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def alternation(patterns: list[str]) -> re.Pattern | None:
    """One compiled regex matching any of the patterns as a whole word sequence."""
    if not patterns:
        return None
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=None)
def compiled(name: str) -> dict[str, dict[str, re.Pattern | None]]:
    """For a lexicon whose tables carry `patterns` (and maybe `exclude`): {key: {"patterns": re, "exclude": re}}."""
    out = {}
    for key, table in load(name).items():
        if isinstance(table, dict) and "patterns" in table:
            out[key] = {"patterns": alternation(table["patterns"]),
                        "exclude": alternation(table.get("exclude", []))}
    return out
