"""Property-based fuzzing of every reader: arbitrary bytes and arbitrary JSON, under every report
suffix (.txt, .html, .json, .jsonl, .jsonl.gz, .xml/.rss/.atom feeds). Whatever comes in, the
only failure that comes out is the project's own one-line ReadError (or, from the multi-report
readers, a Loaded carrying its one-line reason); never another exception, never the catch-all
"could not be read (SomeError: ...)" that marks a reader bug; and what reads is extracted
without an exception."""
import gzip
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkevents.pipeline import run_stages
from nkevents.stages.read import ReadError, from_path, iter_documents

SINGLE = (".txt", ".html", ".json", "")  # "" = no suffix: the kind is sniffed
MANY = (".jsonl", ".xml", ".rss", ".atom")
UNEXPECTED = "could not be read ("  # unexpected_error()'s prefix: an exception nobody planned for

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=60),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "html", "url", "outlet", "title", "published"]) | st.text(max_size=8),
        inner, max_size=5),
    max_leaves=12)
report_objects = st.fixed_dictionaries(
    {}, optional={"text": st.text(max_size=300) | json_values, "html": st.text(max_size=300) | json_values,
                  "url": st.text(max_size=40) | json_values, "outlet": st.text(max_size=20) | json_values,
                  "title": st.text(max_size=40) | json_values,
                  "published": st.sampled_from(["2023-05-01", "May 1, 2023", "2023", ""]) | json_values})


# One directory for the whole module, removed when the run ends: a directory per example left
# thousands behind in /tmp. Examples run one at a time, so each overwrites the last one's file.
FUZZ_DIR = tempfile.TemporaryDirectory(prefix="fuzz-")


def write(data: bytes, suffix: str) -> Path:
    path = Path(FUZZ_DIR.name) / f"report{suffix}"
    path.write_bytes(data)
    return path


def assert_one_line(reason: str) -> None:
    assert reason and "\n" not in reason and "Traceback" not in reason, reason
    assert not reason.startswith(UNEXPECTED), reason


def check_single(path: Path) -> None:
    try:
        doc = from_path(path)
    except ReadError as e:
        assert_one_line(str(e))
        return
    run_stages(doc)


def check_many(path: Path) -> None:
    for loaded in iter_documents(path):
        if loaded.error is not None:
            assert loaded.doc is None
            assert_one_line(loaded.error)
        else:
            run_stages(loaded.doc)


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(SINGLE))
def test_arbitrary_bytes_single_report_readers(data, suffix):
    check_single(write(data, suffix))


@FUZZ
@given(text=st.text(max_size=2000), suffix=st.sampled_from(SINGLE))
def test_arbitrary_text_single_report_readers(text, suffix):
    check_single(write(text.encode("utf-8", "surrogatepass"), suffix))


@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from(MANY + (".jsonl.gz",)))
def test_arbitrary_bytes_multi_report_readers(data, suffix):
    check_many(write(data, suffix))


@FUZZ
@given(lines=st.lists(st.binary(max_size=400), max_size=5))
def test_arbitrary_gzipped_lines(lines):
    check_many(write(gzip.compress(b"\n".join(lines)), ".jsonl.gz"))


@FUZZ
@given(value=json_values | report_objects)
def test_arbitrary_json_value(value):
    check_single(write(json.dumps(value).encode(), ".json"))


@FUZZ
@given(values=st.lists(json_values | report_objects, max_size=5), gz=st.booleans())
def test_arbitrary_json_lines(values, gz):
    data = "\n".join(json.dumps(v) for v in values).encode()
    check_many(write(gzip.compress(data) if gz else data, ".jsonl.gz" if gz else ".jsonl"))


@FUZZ
@given(depth=st.integers(min_value=1, max_value=200_000), opener=st.sampled_from(["[", '{"a":']))
def test_nesting_of_any_depth(depth, opener):
    closer = "]" if opener == "[" else "}"
    check_single(write((opener * depth + "1" + closer * depth).encode(), ".json"))
    check_many(write((opener * depth).encode() + b"\n", ".jsonl"))


@FUZZ
@given(title=st.text(max_size=80), body=st.text(max_size=400), link=st.text(max_size=60),
       date=st.text(max_size=40), kind=st.sampled_from(["rss", "atom"]))
def test_arbitrary_feed_entries(title, body, link, date, kind):
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;")
    if kind == "rss":
        xml = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>t</title><item><title>{esc(title)}"
               f"</title><link>{esc(link)}</link><pubDate>{esc(date)}</pubDate><description>{esc(body)}"
               "</description></item></channel></rss>")
    else:
        xml = (f"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><title>t</title><entry>"
               f"<title>{esc(title)}</title><link href='{esc(link)}'/><updated>{esc(date)}</updated>"
               f"<content type='html'>{esc(body)}</content></entry></feed>")
    check_many(write(xml.encode("utf-8", "surrogatepass"), "." + ("rss" if kind == "rss" else "atom")))


@FUZZ
@given(markup=st.lists(st.sampled_from(["<p>", "</p>", "<div>", "<br>", "<table><tr><td>", "</td></tr></table>",
                                         "<ul><li>", "</li></ul>", "<script>", "</script>", "<!--", "-->",
                                         "<html>", "<body>", "Police arrested a man in Hyesan.", "&amp;",
                                         "&#0;", "&#xD800;", "<meta charset='x-unknown'>", "\x00", "\ufeff"]),
                        max_size=40))
def test_arbitrary_html_markup(markup):
    check_single(write("".join(markup).encode("utf-8", "surrogatepass"), ".html"))
