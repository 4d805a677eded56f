"""The TOML data files the extractor reads come from their derived JSON files, which must be built
from the TOML as it is now and give what tomllib gives."""
import json
import tomllib

import pytest

from nkevents import datafiles


@pytest.mark.parametrize("name", datafiles.EXTRACTOR_FILES)
def test_derived_file_is_built_from_the_toml_as_it_is_now(name):
    path = datafiles.derived_path(name)
    assert path.is_file(), f"{path.name} missing: run scripts/build_derived.py"
    assert json.loads(path.read_text("utf-8")) == datafiles.derive(name), (
        f"{path.name} is stale: run scripts/build_derived.py")


@pytest.mark.parametrize("name", datafiles.EXTRACTOR_FILES)
def test_toml_gives_what_tomllib_gives(name):
    assert datafiles.toml(name) == tomllib.loads((datafiles.DATA / name).read_text("utf-8"))


def test_each_call_gives_new_objects():
    first = datafiles.toml("dates.toml")
    first["months"]["full"].append("Smarch")
    assert "Smarch" not in datafiles.toml("dates.toml")["months"]["full"]


def test_a_stale_derived_file_is_not_used(tmp_path, monkeypatch):
    (tmp_path / "dates.toml").write_text('[months]\nfull = ["Smarch"]\n', "utf-8")
    (tmp_path / "dates.derived.json").write_text(
        (datafiles.DATA / "dates.derived.json").read_text("utf-8"), "utf-8")
    monkeypatch.setattr(datafiles, "DATA", tmp_path)
    with pytest.warns(UserWarning, match="build_derived"):
        assert datafiles.toml("dates.toml") == {"months": {"full": ["Smarch"]}}
