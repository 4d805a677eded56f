"""`nkevents extract`: one report to stdout, a batch with failures reported by file and the rest kept."""
import json

from typer.testing import CliRunner

from nkevents.cli import app
from nkevents.inputs import output_file

runner = CliRunner()
REPORT = "Police arrested two brokers in Hyesan on March 3, a source in Ryanggang Province said."


def test_one_report_prints_the_spec_object(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    result = runner.invoke(app, ["extract", "--format", "json", "--published", "2024-03-10", str(f)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["document"]["published"] == "2024-03-10"
    [arrest] = [e for e in out["events"] if e["type"] == "arrest"]
    assert arrest["date"]["start"] == "2024-03-03" and arrest["subjects"]["count"] == 2


def test_a_batch_keeps_going_past_bad_input_and_says_which(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(REPORT)
    (d / "empty.txt").write_text("")
    (d / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00")
    (d / "many.jsonl").write_text(json.dumps({"text": REPORT}) + "\n{broken\n" + json.dumps({"text": REPORT}) + "\n")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(d), str(tmp_path / "missing.txt"), "--out", str(out)])
    assert result.exit_code == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == ["good.json", "many.jsonl"]
    lines = [json.loads(line) for line in (out / "many.jsonl").read_text().splitlines()]
    assert [line["source"].rsplit(":", 1)[1] for line in lines] == ["1", "3"]
    for name in ("empty.txt", "bin.txt", "many.jsonl:2", "missing.txt"):
        assert name in result.stderr
    assert "3 reports extracted" in result.stderr and "4 failed" in result.stderr
    assert "Traceback" not in result.output


def test_output_names():
    assert output_file("/a/b/report.json", many=False) == "report.json"
    assert output_file("/a/feed.jsonl.gz", many=True) == "feed.jsonl"
    assert output_file("/a/news.xml", many=True) == "news.jsonl"


def test_an_extract_process_imports_no_other_command():
    """`nkevents extract` (one process per report, for a scorer) leaves the store and web commands
    out; any other command line registers them all."""
    import subprocess
    import sys
    probe = ("import sys; sys.argv = ['nkevents'] + sys.argv[1:]; import nkevents.cli; app = nkevents.cli.app; "
             "print('nkevents.cli.store_cmd' in sys.modules, sorted(c.name or c.callback.__name__ for c in app.registered_commands)[:3])")
    extract = subprocess.run([sys.executable, "-c", probe, "extract", "x.json"], capture_output=True, text=True, check=True)
    other = subprocess.run([sys.executable, "-c", probe, "--help"], capture_output=True, text=True, check=True)
    assert extract.stdout.startswith("False ['extract']"), extract.stdout
    assert other.stdout.startswith("True "), other.stdout


def test_one_report_runs_without_typer_and_prints_what_the_full_command_prints(tmp_path):
    """`nkevents extract [--format json] REPORT` runs without the command-line libraries (quick to
    start) and prints byte for byte what the full command prints; anything else is the full command's."""
    import subprocess
    import sys
    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    probe = ("import sys; sys.argv = ['nkevents'] + sys.argv[1:]\n"
             "try:\n    from nkevents.cli import main; main()\n"
             "finally:\n    sys.stderr.write(str('typer' in sys.modules or 'rich' in sys.modules))")
    for args in (["extract", "--format", "json", str(f)], ["extract", str(f), "-f", "json"], ["extract", str(f)]):
        quick = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
        assert (quick.returncode, quick.stderr) == (0, "False"), quick.stderr
        assert quick.stdout == runner.invoke(app, args).stdout
    # an option the quick path does not read: the full command, with the option applied
    full = subprocess.run([sys.executable, "-c", probe, "extract", "--published", "2024-03-10", str(f)],
                          capture_output=True, text=True)
    assert full.stderr.endswith("True") and json.loads(full.stdout)["document"]["published"] == "2024-03-10"
    # a missing report: the full command's one-line error and exit code
    missing = subprocess.run([sys.executable, "-c", probe, "extract", str(tmp_path / "none.txt")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "no such file or directory" in missing.stderr


def test_which_command_lines_the_quick_path_takes(monkeypatch):
    from nkevents.cli.quick import report_path
    monkeypatch.setattr("sys.stdout.isatty", lambda: False)
    assert report_path(["extract", "a.json"]) == "a.json"
    assert report_path(["extract", "--format=json", "a.json"]) == "a.json"
    assert report_path(["extract", "-f", "json", "a.json"]) == "a.json"
    for other in (["extract", "--format", "table", "a.json"], ["extract", "a.json", "b.json"],
                  ["extract", "--out", "d", "a.json"], ["extract", "-"], ["extract"], ["store", "a.json"],
                  ["extract", "--format", "json"], ["extract", "--help"]):
        assert report_path(other) is None, other
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)  # a terminal gets a table by default
    assert report_path(["extract", "a.json"]) is None
    assert report_path(["extract", "--format", "json", "a.json"]) == "a.json"


def test_python_dash_m_runs_the_same_command(tmp_path):
    import subprocess
    import sys

    f = tmp_path / "r.txt"
    f.write_text(REPORT)
    done = subprocess.run([sys.executable, "-m", "nkevents", "extract", "--format", "json",
                           "--published", "2024-03-10", str(f)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    [arrest] = [e for e in json.loads(done.stdout)["events"] if e["type"] == "arrest"]
    assert arrest["subjects"]["count"] == 2
