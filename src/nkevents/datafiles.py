"""The TOML data files the extractor reads (data/NAME.toml), from data/NAME.derived.json: the TOML
parsed by scripts/build_derived.py (json.loads reads it some 50 times faster than tomllib parses
it, which was a tenth of a one-report process) when that file was built from the TOML as it is
now; else parsed here, with a warning. Each call returns new objects, as tomllib.loads does."""
from __future__ import annotations

import hashlib
import json
import warnings
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
# (data/incidents.toml and data/store.toml are read by other commands, rarely: parsed as they are)
EXTRACTOR_FILES = ("cleaning.toml", "outlets.toml", "sentences.toml", "dates.toml", "foreign_places.toml",
                   "place_words.toml")


def derived_path(name: str) -> Path:
    return DATA / (name.removesuffix(".toml") + ".derived.json")


def toml(name: str) -> dict:
    """The parsed data/NAME (e.g. "cleaning.toml")."""
    text = (DATA / name).read_text("utf-8")
    path = derived_path(name)
    if name in EXTRACTOR_FILES and path.is_file():
        built = json.loads(path.read_text("utf-8"))
        if built.get("source_sha256") == _digest(text):
            return built["data"]
        warnings.warn(f"data/{path.name} is not built from {name} as it is now: run scripts/build_derived.py",
                      stacklevel=2)
    import tomllib  # (only here: a start-up reads the derived file)
    return tomllib.loads(text)


def derive(name: str) -> dict:
    """What data/NAME.derived.json holds: the digest of the TOML it is built from and the TOML parsed."""
    import tomllib
    text = (DATA / name).read_text("utf-8")
    return {"source_sha256": _digest(text), "data": tomllib.loads(text)}


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
