"""The read stage: formats, metadata, and a clear one-line error for every kind of bad input."""
import gzip
import json
from pathlib import Path

import pytest

from nkevents.stages import read
from nkevents.stages.read import Loaded, ReadError, from_fields, from_path, iter_documents

FIXTURES = Path(__file__).parent.parent / "fixtures" / "read"

BODY = ("A source in Ryanggang Province told reporters on Tuesday that three smugglers were "
        "arrested in Hyesan last week.\n\nThey were handed over to the provincial prosecutor.")


def write(path: Path, content) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_error(path: Path, **overrides) -> str:
    with pytest.raises(ReadError) as info:
        from_path(path, **overrides)
    message = str(info.value)
    assert "\n" not in message
    assert path.name not in message  # the caller prefixes the file name
    return message


# ---------------------------------------------------------------- fields

def test_from_fields_plain_text_keeps_body_and_metadata():
    doc = from_fields(text=BODY, published="2024-05-14", url="https://www.dailynk.com/x/",
                      outlet="Daily NK", title="Smugglers arrested", source="s")
    assert doc.raw == BODY
    assert (doc.published, doc.url, doc.outlet, doc.title, doc.source) == (
        "2024-05-14", "https://www.dailynk.com/x/", "Daily NK", "Smugglers arrested", "s")


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_from_fields_empty_body_is_an_error(text):
    with pytest.raises(ReadError, match="empty"):
        from_fields(text=text)


def test_from_fields_without_any_body_is_an_error():
    with pytest.raises(ReadError, match="empty"):
        from_fields(url="https://example.org/")


@pytest.mark.parametrize("given, expected", [
    ("2022-11-17", "2022-11-17"),
    ("2022-11-17T09:00:00+09:00", "2022-11-17"),
    ("2022/11/17", "2022-11-17"),
    ("March 28, 2018", "2018-03-28"),
    ("28 March 2018", "2018-03-28"),
    ("Tue, 14 May 2024 09:30:00 +0900", "2024-05-14"),
])
def test_published_is_normalised(given, expected):
    assert from_fields(text=BODY, published=given).published == expected


@pytest.mark.parametrize("bad", ["yesterday", "2018", "March 2018", "2022-13-45"])
def test_published_that_is_not_a_full_date_is_an_error(bad):
    with pytest.raises(ReadError, match="not a date"):
        from_fields(text=BODY, published=bad)


def test_html_main_text_without_navigation_captions_or_footer():
    html = (FIXTURES / "page.html").read_text()
    doc = from_fields(html=html)
    assert "open trial for two trading company cadres" in doc.raw
    assert "five and eleven years in prison" in doc.raw
    for residue in ("Home", "Image: Example News", "Share | Tweet", "Copyright", "Rice prices climb"):
        assert residue not in doc.raw
    # paragraphs are separated by a blank line; a <br> stays a single line break
    assert "\n\nThe court gave" in doc.raw
    assert "from China\nin violation" in doc.raw


def test_html_metadata_fills_what_is_not_given():
    html = (FIXTURES / "page.html").read_text()
    doc = from_fields(html=html)
    assert doc.title == "Two cadres tried in Chongjin"
    assert doc.published == "2022-11-17"
    assert doc.outlet == "Example News"
    given = from_fields(html=html, title="Given title", published="2022-11-20", outlet="Daily NK")
    assert (given.title, given.published, given.outlet) == ("Given title", "2022-11-20", "Daily NK")


def test_broken_html_still_gives_its_text():
    doc = from_fields(html="<p>Five residents were <b>detained in Hoeryong <div>for using phones"
                           " <p>according to a source")
    assert "detained in Hoeryong" in doc.raw
    assert "for using phones" in doc.raw


def test_html_fragment_is_read():
    doc = from_fields(html="<p>Rice cost 5,000 won in Hyesan on Monday, a source said.</p>")
    assert doc.raw == "Rice cost 5,000 won in Hyesan on Monday, a source said."


def test_html_without_any_text_says_why():
    with pytest.raises(ReadError, match="no text found in the HTML"):
        from_fields(html="<html><body><script>var x = 1;</script><img src=a.png></body></html>")


# ---------------------------------------------------------------- files

def test_text_file(tmp_path):
    doc = from_path(write(tmp_path / "r.txt", BODY))
    assert doc.raw == BODY
    assert doc.source == str(tmp_path / "r.txt")


def test_html_file(tmp_path):
    doc = from_path(FIXTURES / "page.html")
    assert "open trial" in doc.raw and doc.title == "Two cadres tried in Chongjin"


def test_json_file_with_metadata_and_overrides(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({
        "text": BODY, "url": "https://www.rfa.org/a", "outlet": "Radio Free Asia",
        "title": "T", "published": "2023-04-07", "source_file": "extra keys are ignored"}))
    doc = from_path(path)
    assert (doc.raw, doc.url, doc.outlet, doc.title, doc.published) == (
        BODY, "https://www.rfa.org/a", "Radio Free Asia", "T", "2023-04-07")
    doc = from_path(path, published="2023-04-08", title=None, outlet="RFA")
    assert (doc.published, doc.title, doc.outlet) == ("2023-04-08", "T", "RFA")


def test_json_file_with_html_body(tmp_path):
    path = write(tmp_path / "r.json", json.dumps({"html": (FIXTURES / "page.html").read_text()}))
    doc = from_path(path)
    assert "open trial" in doc.raw and "Image:" not in doc.raw


def test_utf8_bom_and_crlf_are_fine(tmp_path):
    doc = from_path(write(tmp_path / "r.txt", b"\xef\xbb\xbf" + BODY.replace("\n", "\r\n").encode()))
    assert doc.raw.startswith("A source in Ryanggang")


# ---------------------------------------------------------------- bad input, one class each

def test_empty_file(tmp_path):
    assert read_error(write(tmp_path / "e.txt", b"")) == "empty file"
    assert read_error(write(tmp_path / "w.txt", b" \n\n \t")) == "empty file"


def test_file_with_nul_bytes(tmp_path):
    message = read_error(write(tmp_path / "n.txt", b"Residents were arrested\x00\x00 in Hyesan."))
    assert "binary" in message and "NUL" in message


def test_binary_file_without_nul_bytes(tmp_path):
    noise = bytes((i * 37 + 11) % 256 for i in range(4000)).replace(b"\x00", b"\x01")
    assert "binary" in read_error(write(tmp_path / "b.txt", noise))


def test_pdf_is_named(tmp_path):
    assert "PDF" in read_error(write(tmp_path / "r.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"))


def test_cp949_text_names_the_encoding_and_the_fix(tmp_path):
    korean = "함경북도 청진시에서 밀수 혐의로 간부 두 명이 체포되었다고 소식통이 전했다. " * 4
    message = read_error(write(tmp_path / "k.txt", korean.encode("cp949")))
    assert "not UTF-8" in message
    assert "Korean" in message
    assert "iconv -f CP949 -t UTF-8" in message


def test_latin1_text_names_the_encoding_and_the_fix(tmp_path):
    text = "The délégation from Zürich visited the café near the Taedong river, officials said.\n"
    message = read_error(write(tmp_path / "l.txt", text.encode("latin-1")))
    assert "not UTF-8" in message and "Latin-1" in message and "iconv" in message


def test_html_declaring_its_charset_is_decoded(tmp_path):
    # not a guess: the page says which encoding it uses
    html = ('<html><head><meta charset="euc-kr"></head><body><p>Police in Hyesan detained five '
            'people, a source said. 혜산 소식통</p></body></html>')
    doc = from_path(write(tmp_path / "k.html", html.encode("euc-kr")))
    assert "혜산 소식통" in doc.raw


def test_file_over_the_size_limit_is_refused_without_reading_it(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    with path.open("wb") as f:  # sparse: 50 MB on paper, nothing written
        f.truncate(50 * 1024 * 1024)
    opened = []
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or open(self, *a, **k))
    message = read_error(path)
    assert "too large" in message and "50.0 MB" in message and "10 MB" in message
    assert opened == []


def test_invalid_json_says_line_and_column(tmp_path):
    message = read_error(write(tmp_path / "r.json", '{"text": "Arrests in Hyesan.",\n "url": }'))
    assert message.startswith("invalid JSON at line 2, column 9")


def test_json_without_body_lists_the_allowed_keys(tmp_path):
    message = read_error(write(tmp_path / "r.json", json.dumps({"url": "u", "body": "text"})))
    assert '"text" or "html"' in message
    assert "allowed keys: text, html, url, outlet, title, published" in message
    assert "found: body, url" in message


@pytest.mark.parametrize("value, kind", [([1, 2], "a list"), ("just text", "a string"), (3, "a number")])
def test_json_value_that_is_not_an_object(tmp_path, value, kind):
    message = read_error(write(tmp_path / "r.json", json.dumps(value)))
    assert f"the JSON value is {kind}" in message


def test_json_body_that_is_not_a_string(tmp_path):
    assert "no \"text\" or \"html\" body" in read_error(write(tmp_path / "r.json", '{"text": 42}'))


def test_missing_file(tmp_path):
    assert read_error(tmp_path / "nothing.txt") == "no such file"


def test_from_path_refuses_a_many_report_file(tmp_path):
    lines = [json.dumps({"text": BODY}), json.dumps({"text": BODY})]
    assert "holds several reports" in read_error(write(tmp_path / "r.jsonl", "\n".join(lines)))


# ---------------------------------------------------------------- iter_documents

def test_iter_documents_on_one_report_file(tmp_path):
    path = write(tmp_path / "r.txt", BODY)
    assert [(x.source, x.doc.raw, x.error) for x in iter_documents(path)] == [(str(path), BODY, None)]


def test_iter_documents_reports_an_error_instead_of_raising(tmp_path):
    path = write(tmp_path / "e.txt", b"")
    assert list(iter_documents(path)) == [Loaded(str(path), None, "empty file")]


def test_jsonl_bad_line_in_the_middle_does_not_stop_the_others(tmp_path):
    path = write(tmp_path / "r.jsonl", "\n".join([
        json.dumps({"text": "First report about Hyesan.", "published": "2024-01-02"}),
        '{"text": "broken',
        "",
        json.dumps({"url": "u"}),
        json.dumps({"text": "Fifth line report about Sinuiju."}),
    ]) + "\n")
    loaded = list(iter_documents(path, outlet="Daily NK"))
    assert [x.source for x in loaded] == [f"{path}:1", f"{path}:2", f"{path}:4", f"{path}:5"]
    assert loaded[0].doc.raw == "First report about Hyesan."
    assert loaded[0].doc.published == "2024-01-02" and loaded[0].doc.outlet == "Daily NK"
    assert loaded[0].doc.source == f"{path}:1"
    assert loaded[1].doc is None and loaded[1].error.startswith("invalid JSON at line 1")
    assert 'no "text" or "html" body' in loaded[2].error
    assert loaded[3].doc.raw == "Fifth line report about Sinuiju." and loaded[3].error is None


def test_jsonl_is_streamed(tmp_path):
    path = write(tmp_path / "r.jsonl", json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."}) + "\n")
    stream = iter_documents(path)
    assert next(stream).doc.raw == "One."
    # the rest of the file is read only now: what is appended meanwhile still comes out
    with path.open("a") as f:
        f.write(json.dumps({"text": "Three."}) + "\n")
    assert [x.doc.raw for x in stream] == ["Two.", "Three."]


def test_jsonl_line_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(read, "MAX_REPORT_BYTES", 100)
    path = write(tmp_path / "r.jsonl", json.dumps({"text": "x" * 300}) + "\n" + json.dumps({"text": "Ok."}) + "\n")
    loaded = list(iter_documents(path))
    assert "too long" in loaded[0].error
    assert loaded[1].doc.raw == "Ok." and loaded[1].source == f"{path}:2"


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "r.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for n in range(3):
            f.write(json.dumps({"text": f"Report number {n} about Chongjin.", "title": f"T{n}"}) + "\n")
    loaded = list(iter_documents(path))
    assert [x.doc.title for x in loaded] == ["T0", "T1", "T2"]
    assert loaded[2].source == f"{path}:3"


def test_broken_gzip_is_an_error_entry(tmp_path):
    path = write(tmp_path / "r.jsonl.gz", b"\x1f\x8b\x08\x00 this is not really gzip")
    loaded = list(iter_documents(path))
    assert len(loaded) == 1 and loaded[0].doc is None and "gzip" in loaded[0].error


def test_rss_feed_one_report_per_entry():
    path = FIXTURES / "feed.rss"
    loaded = list(iter_documents(path))
    assert [x.source for x in loaded] == [f"{path}#1", f"{path}#2", f"{path}#3"]
    first = loaded[0].doc
    assert first.title == "Market prices fall in Hyesan"
    assert first.url == "https://news.example.org/2024/05/hyesan-prices"
    assert first.published == "2024-05-14"
    assert first.raw.startswith("Rice prices in Hyesan fell") and "<p>" not in first.raw
    assert loaded[1].doc.raw.startswith("Residents of Sinuiju")
    assert loaded[2].doc is None and "no content" in loaded[2].error


def test_atom_feed_uses_content_and_published():
    (entry,) = list(iter_documents(FIXTURES / "feed.atom", published="2023-03-05"))
    assert entry.doc.raw.startswith("Two smugglers were arrested in Onsong County")
    assert entry.doc.url == "https://atom.example.org/onsong-arrests"
    assert entry.doc.published == "2023-03-05"  # the override wins


def test_a_file_that_is_not_a_feed(tmp_path):
    loaded = list(iter_documents(write(tmp_path / "x.xml", "<?xml version='1.0'?><note>hi</note>")))
    assert len(loaded) == 1 and "not an RSS/Atom feed" in loaded[0].error


def test_saved_page_named_txt_is_read_as_html(tmp_path):
    path = write(tmp_path / "page.txt", (FIXTURES / "page.html").read_text())
    doc = from_path(path)
    assert "open trial" in doc.raw and "<p>" not in doc.raw and "Image:" not in doc.raw


def test_file_without_suffix_is_sniffed(tmp_path):
    doc = from_path(write(tmp_path / "report", json.dumps({"text": BODY, "title": "T"})))
    assert doc.raw == BODY and doc.title == "T"


def test_jsonl_line_in_another_encoding_is_an_error_entry(tmp_path):
    good = json.dumps({"text": "Arrests in Hyesan."}).encode()
    bad = json.dumps({"text": "Café owners in Pyongyang were fined."}, ensure_ascii=False).encode("latin-1")
    path = write(tmp_path / "r.jsonl", good + b"\n" + bad + b"\n" + good + b"\n")
    loaded = list(iter_documents(path))
    assert [x.error is None for x in loaded] == [True, False, True]
    assert "not UTF-8" in loaded[1].error


def test_html_list_items_are_marked():
    html = ("<html><body><article><p>Residents were told to do three things, the source said:</p>"
            "<ul><li>Report anyone making calls to China</li><li>Hand in foreign currency</li></ul>"
            "</article></body></html>")
    raw = from_fields(html=html).raw
    assert "\n\n- Report anyone making calls to China\n- Hand in foreign currency" in raw


# ---------------------------------------------------------------- hostile input, reader bugs

def test_deeply_nested_json_is_a_one_line_read_error(tmp_path):
    f = tmp_path / "deep.json"
    f.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ReadError, match="nested too deeply"):
        from_path(f)


def test_deeply_nested_json_line_fails_alone_and_the_next_line_is_read(tmp_path):
    f = tmp_path / "many.jsonl"
    good = json.dumps({"text": "Police arrested a broker in Hyesan."})
    f.write_text('{"text": ' + "[" * 50_000 + "\n" + good + "\n")
    loaded = list(iter_documents(f))
    assert [x.source for x in loaded] == [f"{f}:1", f"{f}:2"]
    assert "nested too deeply" in loaded[0].error and "\n" not in loaded[0].error
    assert loaded[1].doc is not None


def test_unexpected_reader_exception_is_one_line_naming_the_report(tmp_path, monkeypatch):
    def broken(html):
        raise ImportError("lxml.html.clean module is now a separate project lxml_html_clean.\n"
                          "Install lxml[html-clean] or lxml_html_clean directly.")
    monkeypatch.setattr(read, "html_to_text", broken)
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Police arrested a broker in Hyesan.</p></body></html>")
    lines = tmp_path / "many.jsonl"
    lines.write_text(json.dumps({"html": "<p>one</p>"}) + "\n" + json.dumps({"text": "two"}) + "\n")
    [only] = list(iter_documents(page))
    assert only.doc is None and only.source == str(page)
    assert only.error.startswith("could not be read (ImportError: lxml.html.clean module")
    assert "\n" not in only.error
    first, second = list(iter_documents(lines))
    assert first.source == f"{lines}:1" and "ImportError" in first.error
    assert second.doc is not None and second.doc.raw == "two"


def test_unexpected_error_is_cut_to_one_short_line():
    message = read.unexpected_error(ValueError("x\n" * 500), "extraction failed")
    assert message.startswith("extraction failed (ValueError: x x") and "\n" not in message
    assert len(message) < read.UNEXPECTED_DETAIL_CHARS + 40
    assert read.unexpected_error(KeyError()) == "could not be read (KeyError)"


def test_odd_json_keys_are_quoted_and_the_reason_stays_on_one_line(tmp_path):
    f = tmp_path / "odd.json"
    f.write_text(json.dumps({"\n": None, "a\nb": 1, "title": "x"}))
    with pytest.raises(ReadError) as e:
        from_path(f)
    assert "\n" not in str(e.value) and "'a\\nb'" in str(e.value)
