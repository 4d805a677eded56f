"""An unexpected exception inside one report's extraction (an extractor bug, a library missing from
the install) is a one-line error naming the file (and line of a JSON Lines file); the batch goes
on; no traceback. For `extract` (one report, a batch) and `ingest`."""
import json

import pytest
from typer.testing import CliRunner

import nkevents.cli.extract_cmd as extract_cmd
import nkevents.pipeline as pipeline

runner = CliRunner()
GOOD = "Police arrested two brokers in Hyesan on March 3, a source in Ryanggang Province said."
BAD = "A report the extractor trips over: the broker was arrested in Hyesan."


def tripping(real):
    def run_stages(doc):
        if "trips over" in doc.raw:
            raise RuntimeError("extractor bug\nsecond line of the message")
        return real(doc)
    return run_stages


@pytest.fixture
def inputs(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a-good.txt").write_text(GOOD)
    (d / "b-bad.txt").write_text(BAD)
    other = GOOD.replace("two brokers", "three smugglers")
    (d / "c-many.jsonl").write_text(json.dumps({"text": BAD}) + "\n" + json.dumps({"text": other}) + "\n")
    return d


def test_extract_one_report_prints_one_line_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(extract_cmd, "run_stages", tripping(extract_cmd.run_stages))
    f = tmp_path / "bad.txt"
    f.write_text(BAD)
    result = runner.invoke(app_cli(), ["extract", "--format", "json", str(f)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {f}: extraction failed (RuntimeError: extractor bug second line of the message)"]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_extract_batch_names_file_and_line_and_goes_on(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(extract_cmd, "run_stages", tripping(extract_cmd.run_stages))
    out = tmp_path / "out"
    result = runner.invoke(app_cli(), ["extract", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {inputs / 'b-bad.txt'}: extraction failed (RuntimeError: extractor bug second line of the message)",
                      f"error: {inputs / 'c-many.jsonl'}:1: extraction failed (RuntimeError: extractor bug second line of the message)"]
    assert sorted(p.name for p in out.iterdir()) == ["a-good.json", "c-many.jsonl"]
    assert "2 reports extracted" in result.stderr and "2 failed" in result.stderr


def test_ingest_names_file_and_line_and_goes_on(inputs, tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "run_stages", tripping(pipeline.run_stages))
    result = runner.invoke(app_cli(), ["ingest", str(inputs), "--db", str(tmp_path / "t.db")],
                           env={"COLUMNS": "400"})  # rich wraps at the terminal's width
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "2 new, 0 unchanged, 0 updated, 2 failed" in result.stderr
    for source in ("b-bad.txt", "c-many.jsonl:1"):
        line = next(x for x in result.stderr.splitlines() if source in x)
        assert "extraction failed (RuntimeError: extractor bug second line of the message)" in line


def app_cli():
    from nkevents.cli import app
    return app


def test_dask_partitions_fail_one_line_and_go_on(tmp_path, monkeypatch):
    """The Dask path reads JSON Lines ranges itself: a reader bug on one line fails that line."""
    from nkevents.scale.partitions import iter_partition, plan_partitions, with_lines
    from nkevents.scale.tasks import extract_partition
    from nkevents.stages import read

    def broken(html):
        raise ImportError("lxml.html.clean module is now a separate project\nInstall it")
    monkeypatch.setattr(read, "html_to_text", broken)
    f = tmp_path / "many.jsonl"
    f.write_text("\n".join(json.dumps(o) for o in ({"html": "<p>one</p>"}, {"text": GOOD}, {"text": BAD})) + "\n")
    for partitions in (plan_partitions([f], size=2), list(with_lines(plan_partitions([f], size=2)))):
        got = [(x.source, x.error) for p in partitions for x in iter_partition(p)]
        assert got == [(f"{f}:1", "could not be read (ImportError: lxml.html.clean module is now a "
                                  "separate project Install it)"), (f"{f}:2", None), (f"{f}:3", None)]
    result = extract_partition(plan_partitions([f], size=10)[0], {}, None,
                               extract=tripping(pipeline.run_stages))
    assert result.extracted == 1 and [s for s, _ in result.failures] == [f"{f}:1", f"{f}:3"]
    assert result.failures[1][1] == "extraction failed (RuntimeError: extractor bug second line of the message)"
