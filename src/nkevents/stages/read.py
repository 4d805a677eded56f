"""Read stage: report files or fields -> Document (body in `doc.raw`, metadata normalised).

Formats: plain text (.txt and anything unknown that does not look like HTML or JSON), HTML
(.html/.htm, main text extracted with trafilatura), the corpus JSON object (.json:
`{"text"|"html": ..., "url", "outlet", "title", "published"}`), JSON Lines (.jsonl, .jsonl.gz,
one such object per line, streamed) and RSS/Atom feeds (.xml/.rss/.atom, one report per entry).

Everything a user can get wrong (empty, binary, non-UTF-8, too large, invalid JSON...) becomes a
`ReadError` whose str() is a one-line reason without the file name (callers prefix it).
`iter_documents` never raises for bad content: it yields a `Loaded` with the error instead, so a
batch goes on past one bad report.
"""
from __future__ import annotations

import codecs
import gzip
import io
import json
import re
import zlib
from dataclasses import dataclass
from datetime import date, datetime
from itertools import islice
from pathlib import Path
from typing import Iterator

from nkevents import regex_store
from nkevents.model import Document

REQUIRES = ()
ASSIGNS = ("raw", "url", "outlet", "title", "published", "source")

# One report (a file, or one line of a JSON Lines file) may not be larger than this. The limit
# keeps one runaway file (a database dump, a video renamed .txt) from eating the memory of a
# batch; real news reports are a few kB.
MAX_REPORT_BYTES = 10 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
BODY_KEYS = ("text", "html")
META_KEYS = ("url", "outlet", "title", "published")

# How many bytes of a file are looked at to decide whether it is text at all.
SNIFF_BYTES = 8192

# C0 control characters other than tab, line feed, form feed and carriage return
CONTROL_CHARS = regex_store.compile("[\x00-\x08\x0b\x0e-\x1f]")

# Signatures of common binary formats, so the message can say what the file is.
MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\x1f\x8b", "gzip-compressed data (name it .gz, e.g. reports.jsonl.gz)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


# How to name the encodings charset_normalizer reports, for people and for iconv. Its language
# guess is left out: on a short text it is often wrong (Latin-1 English reported as "Italian").
ENCODING_NAMES = {
    "cp949": ("cp949/EUC-KR (Korean)", "CP949"), "euc_kr": ("EUC-KR (Korean)", "EUC-KR"),
    "johab": ("Johab (Korean)", "JOHAB"), "iso2022_kr": ("ISO-2022-KR (Korean)", "ISO-2022-KR"),
    "gb18030": ("GB18030 (Chinese)", "GB18030"), "gbk": ("GBK (Chinese)", "GBK"),
    "big5": ("Big5 (Chinese)", "BIG5"), "shift_jis": ("Shift JIS (Japanese)", "SHIFT_JIS"),
    "cp932": ("cp932 (Japanese)", "CP932"), "euc_jp": ("EUC-JP (Japanese)", "EUC-JP"),
    "cp1251": ("Windows-1251 (Cyrillic)", "CP1251"), "koi8_r": ("KOI8-R (Russian)", "KOI8-R"),
}
# On a short text the single-byte European code pages are hard to tell apart (a Latin-1 file is
# as likely to be reported as cp1250 or mac_roman): the message says so.
SINGLE_BYTE_EUROPEAN = {"latin_1", "iso8859_1", "iso8859_2", "iso8859_15", "cp1250", "cp1252",
                        "mac_roman", "mac_latin2", "cp850", "cp437"}


class ReadError(Exception):
    """A report that cannot be read; str() is a one-line reason (no file name inside). Line
    breaks in the reason (from the input, or a library's message) are joined into one line."""

    def __init__(self, reason: str):
        super().__init__(" ".join(str(reason).split()))


# An unexpected exception's own message is cut to this many characters in a one-line error.
UNEXPECTED_DETAIL_CHARS = 200


def unexpected_error(e: BaseException, doing: str = "could not be read") -> str:
    """A one-line reason for an exception nobody planned for (a reader or extractor bug, a
    missing library), so that a batch can name the report and go on: "could not be read
    (ImportError: ...)". Exception messages may span lines (ImportError's do): they are joined."""
    detail = " ".join(str(e).split())
    if len(detail) > UNEXPECTED_DETAIL_CHARS:
        detail = detail[:UNEXPECTED_DETAIL_CHARS - 1] + "…"
    return f"{doing} ({type(e).__name__}: {detail})" if detail else f"{doing} ({type(e).__name__})"


@dataclass
class Loaded:
    """One report from `iter_documents`: a Document, or the reason it could not be read.

    `source` is "path", "path:LINE" (JSON Lines) or "path#ENTRY" (feeds, 1-based)."""
    source: str
    doc: Document | None
    error: str | None


# ---------------------------------------------------------------- fields -> Document

def from_fields(text=None, html=None, published=None, url=None, outlet=None, title=None,
                source=None) -> Document:
    """A Document from a body (plain text or HTML) and metadata. Given metadata wins; for HTML,
    the page's own title, date and site name fill what is not given. Raises ReadError when there
    is no body or a given date is not a date."""
    published = normalize_date(published) if published else None
    if text is not None and not isinstance(text, str):
        raise ReadError(f'"text" must be a string, not {_json_type(text)}')
    if html is not None and not isinstance(html, str):
        raise ReadError(f'"html" must be a string, not {_json_type(html)}')
    if text and text.strip():
        raw = text
    elif html and html.strip():
        raw, meta = html_to_text(html)
        title = title or meta.get("title")
        outlet = outlet or meta.get("sitename")
        if not published and meta.get("date"):
            published = _date_or_none(meta["date"])
    else:
        raise ReadError("empty report: the body has no text")
    return Document(raw=raw, published=published, url=url or None, outlet=outlet or None,
                    title=title or None, source=source)


def html_to_text(html: str) -> tuple[str, dict]:
    """The main text of an HTML page (paragraphs separated by blank lines, a <br> inside a
    paragraph kept as a single line break) and its metadata {title, date, sitename}.

    trafilatura drops navigation, captions, related links and footers. When it finds no main
    text (broken or tiny pages), all visible text of the page is used instead."""
    import trafilatura

    if not re.search(r"<html|<body|<!doctype", html[:2048], re.I):
        # a fragment (feed entries, "html" fields): trafilatura refuses to parse those
        html = f"<html><body>{html}</body></html>"
    meta: dict = {}
    try:
        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                                include_tables=True, include_images=False)
    except Exception:  # trafilatura/lxml on hostile input: fall back below
        extracted = None
    if extracted is not None:
        meta = {"title": extracted.title, "date": extracted.date, "sitename": extracted.sitename}
        body = _body_text(extracted.body) if extracted.body is not None else ""
        if body.strip():
            return body, meta
    try:
        fallback = trafilatura.html2txt(html, clean=True) or ""
    except Exception:
        fallback = ""
    if not fallback.strip():
        raise ReadError("no text found in the HTML (no paragraphs, only markup or scripts)")
    return fallback, meta


def _body_text(body) -> str:
    """trafilatura's XML body -> plain text: one paragraph per block element."""
    paragraphs = []
    for block in body:
        for lb in block.iter("lb"):
            lb.tail = "\n" + (lb.tail or "")
        if block.tag == "list":
            # items marked as such: a list in the body is body, not a list of other headlines
            for item in block.iter("item"):
                item.text = "- " + (item.text or "")
                item.tail = "\n" + (item.tail or "")
        elif block.tag == "table":
            for row in block.iter("row"):
                row.tail = "\n" + (row.tail or "")
                for cell in row.iter("cell"):
                    cell.tail = " | " + (cell.tail or "")
        text = "".join(block.itertext())
        text = "\n".join(" ".join(line.split()) for line in text.split("\n"))
        text = re.sub(r"\s*\|\s*$", "", text, flags=re.M).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


# ---------------------------------------------------------------- dates

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d", "%B %d, %Y", "%b %d, %Y",
                 "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%a, %d %b %Y")


def normalize_date(value) -> str:
    """A publication date as YYYY-MM-DD. Accepts ISO dates and datetimes, YYYY/MM/DD, "March 28,
    2018", "28 March 2018", RFC 2822 (feeds). Raises ReadError for anything else: a date is
    never guessed from a partial value (a bare year or month would invent a day)."""
    if isinstance(value, (date, datetime)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        raise ReadError(f"published must be a date string (YYYY-MM-DD), not {_json_type(value)}")
    found = _date_or_none(value)
    if found is None:
        raise ReadError(f"published {value!r} is not a date (expected YYYY-MM-DD)")
    return found


def _date_or_none(value: str) -> str | None:
    s = " ".join(str(value).split())
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).strftime("%Y-%m-%d")
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(s, fmt).strftime("%Y-%m-%d")
        except ValueError:
            continue
    try:
        from email.utils import parsedate_to_datetime
        return parsedate_to_datetime(s).strftime("%Y-%m-%d")
    except (TypeError, ValueError, IndexError):
        return None


# ---------------------------------------------------------------- bytes -> str

def decode_text(data: bytes, *, html: bool = False) -> str:
    """Bytes of a text report -> str, or a ReadError saying why they are not UTF-8 text.

    Non-UTF-8 input is refused, not decoded by a guess: charset detection on a 2 kB report is a
    guess that is wrong often enough (cp949 vs. other CJK code pages, Latin-1 vs. cp1252), and a
    wrong guess silently corrupts names and the text every evidence offset points into. The
    message names the likely encoding and the one-line fix. Exceptions that are not guesses:
    a byte-order mark, and an HTML page that declares its charset."""
    if not data.strip():
        raise ReadError("empty file")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(encoding))
            except UnicodeDecodeError:
                raise ReadError(f"broken {encoding.upper()} text (byte-order mark but invalid bytes)")
    head = data[:SNIFF_BYTES]
    for magic, what in MAGIC:
        if head.startswith(magic):
            raise ReadError(f"binary file ({what}), not a text report")
    if b"\x00" in head:
        raise ReadError("binary file (contains NUL bytes), not a text report")
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError as e:
        bad_at = e.start
    if html:
        declared = _declared_charset(head)
        if declared:
            try:
                return _check_text(data.decode(declared))
            except (LookupError, UnicodeDecodeError):
                pass
    raise ReadError(_not_utf8_message(data, bad_at))


def _check_text(text: str) -> str:
    sample = text[:SNIFF_BYTES]
    if sample and len(CONTROL_CHARS.findall(sample)) / len(sample) > 0.05:
        raise ReadError("binary file (mostly control characters), not a text report")
    if not text.strip():
        raise ReadError("empty file")
    return text


def _declared_charset(head: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([\w.:-]+)""", head, re.I) or \
        re.search(rb"""<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", head, re.I)
    return m.group(1).decode("ascii").lower() if m else None


def _not_utf8_message(data: bytes, bad_at: int) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None:
        return "binary file (not text in any known encoding), not a text report"
    encoding = best.encoding
    if encoding in SINGLE_BYTE_EUROPEAN:
        return (f"not UTF-8 text (invalid byte at offset {bad_at}; it looks like a single-byte "
                f"European encoding such as Latin-1 or Windows-1252, best guess {encoding}); "
                "convert it first, e.g. iconv -f CP1252 -t UTF-8 FILE > FILE.utf8")
    guess, iconv_name = ENCODING_NAMES.get(encoding, (encoding, encoding.upper().replace("_", "-")))
    return (f"not UTF-8 text (invalid byte at offset {bad_at}; it looks like {guess}); "
            f"convert it first, e.g. iconv -f {iconv_name} -t UTF-8 FILE > FILE.utf8")


def _json_type(value) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false",
            int: "a number", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- files

def _read_limited(path: Path) -> bytes:
    """The bytes of a report file, refusing files over MAX_REPORT_BYTES without reading them."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError("no such file")
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}")
    if path.is_dir():
        raise ReadError("is a directory, not a report file")
    if size > MAX_REPORT_BYTES:
        raise ReadError(f"file too large ({size / 1048576:.1f} MB; one report may have at most "
                        f"{MAX_REPORT_BYTES // 1048576} MB)")
    try:
        with path.open("rb") as f:
            return f.read(MAX_REPORT_BYTES + 1)
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}")


def _kind(path: Path, head: bytes = b"") -> str:
    """text | html | json | jsonl | feed, from the suffix (inner suffix for .gz), else sniffed."""
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1] if suffixes else ""
    start = head.lstrip()[:512].lower()
    looks_like_html = start.startswith((b"<!doctype html", b"<html"))
    if suffix in TEXT_SUFFIXES:
        return "html" if looks_like_html else "text"  # a saved page named .txt
    for kind, known in (("html", HTML_SUFFIXES), ("json", JSON_SUFFIXES),
                        ("jsonl", JSONL_SUFFIXES), ("feed", FEED_SUFFIXES)):
        if suffix in known:
            return kind
    if looks_like_html:
        return "html"
    if start.startswith(b"<?xml") or start.startswith((b"<rss", b"<feed")):
        return "feed"
    if start.startswith(b"{"):
        return "json"
    return "text"


def _is_gz(path: Path) -> bool:
    return path.suffix.lower() == ".gz"


def _apply(doc_fields: dict, overrides: dict) -> dict:
    """Overrides (published/url/outlet/title) win over the file's values; None is ignored."""
    merged = dict(doc_fields)
    for key in META_KEYS:
        if overrides.get(key) is not None:
            merged[key] = overrides[key]
    return merged


def _doc_from_object(obj, overrides: dict, source: str) -> Document:
    """A Document from one parsed corpus JSON object."""
    if not isinstance(obj, dict):
        raise ReadError(f"the JSON value is {_json_type(obj)}, expected an object with a "
                        f'"text" or "html" key')
    if not any(isinstance(obj.get(k), str) and obj[k].strip() for k in BODY_KEYS):
        # keys are the input's: a key with line breaks or odd characters is shown quoted
        keys = sorted(obj)
        present = ", ".join(k if k.isprintable() and k.strip() == k and k else repr(k)
                            for k in keys[:20]) + (", ..." if len(keys) > 20 else "") or "none"
        raise ReadError('JSON object has no "text" or "html" body (allowed keys: text, html, '
                        f"url, outlet, title, published; found: {present})")
    fields = {k: obj.get(k) for k in BODY_KEYS + META_KEYS}
    for key in ("url", "outlet", "title"):
        if fields[key] is not None and not isinstance(fields[key], str):
            raise ReadError(f'"{key}" must be a string, not {_json_type(fields[key])}')
    return from_fields(source=source, **_apply(fields, overrides))


def _parse_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise ReadError(f"invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}")
    except RecursionError:
        # a report is a flat object; thousands of nested brackets are not one
        raise ReadError("JSON nested too deeply (expected an object with a \"text\" or \"html\" key)")


def _decompress(path: Path) -> bytes:
    """A .gz report file decompressed, refusing more than MAX_REPORT_BYTES of content."""
    try:
        with gzip.open(path, "rb") as f:
            data = f.read(MAX_REPORT_BYTES + 1)
    except (OSError, EOFError, zlib.error) as e:
        raise ReadError(f"broken gzip file ({e})")
    if len(data) > MAX_REPORT_BYTES:
        raise ReadError(f"decompressed report too large (over {MAX_REPORT_BYTES // 1048576} MB)")
    return data


def from_path(path: Path, **overrides) -> Document:
    """One report file (.txt, .html/.htm, .json; a .jsonl or feed holding exactly one report).
    Overrides (published/url/outlet/title) win over the file's values. Raises ReadError."""
    path = Path(path)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    data = _decompress(path) if _is_gz(path) else _read_limited(path)
    kind = _kind(path, data[:SNIFF_BYTES])
    if kind in ("jsonl", "feed"):
        loaded = list(islice(_iter_many(path, kind, overrides), 2))
        if len(loaded) != 1:
            raise ReadError("holds no report" if not loaded else
                            "holds several reports (one per line or feed entry), not one")
        if loaded[0].error:
            raise ReadError(loaded[0].error)
        return loaded[0].doc
    return _doc_from_bytes(data, kind, overrides, str(path))


def _doc_from_bytes(data: bytes, kind: str, overrides: dict, source: str) -> Document:
    text = decode_text(data, html=(kind == "html"))
    if kind == "json":
        return _doc_from_object(_parse_json(text), overrides, source)
    fields = _apply({}, overrides)
    if kind == "html":
        return from_fields(html=text, source=source, **fields)
    return from_fields(text=text, source=source, **fields)


def holds_many_reports(path: Path) -> bool:
    """JSON Lines files and feeds hold many reports; other files one."""
    path = Path(path)
    return _kind(path, _peek(path)) in ("jsonl", "feed")


def iter_documents(path: Path, **overrides) -> Iterator[Loaded]:
    """Every report in a file, one Loaded each, never raising for bad content.

    JSON Lines (.jsonl, .jsonl.gz) are streamed line by line (blank lines skipped), feeds give
    one report per entry, other files one report."""
    path = Path(path)
    overrides = {k: v for k, v in overrides.items() if v is not None}
    kind = _kind(path, _peek(path))
    if kind in ("jsonl", "feed"):
        yield from _iter_many(path, kind, overrides)
        return
    try:
        yield Loaded(str(path), from_path(path, **overrides), None)
    except ReadError as e:
        yield Loaded(str(path), None, str(e))
    except Exception as e:  # a reader bug or a missing library: name the file, the batch goes on
        yield Loaded(str(path), None, unexpected_error(e))


def _peek(path: Path) -> bytes:
    try:
        opener = gzip.open if _is_gz(path) else open
        with opener(path, "rb") as f:
            return f.read(SNIFF_BYTES)
    except (OSError, EOFError, zlib.error):
        return b""  # the real read reports the problem


def _iter_many(path: Path, kind: str, overrides: dict) -> Iterator[Loaded]:
    try:
        if kind == "jsonl":
            yield from _iter_jsonl(path, overrides)
        else:
            yield from _iter_feed(path, overrides)
    except ReadError as e:
        yield Loaded(str(path), None, str(e))
    except Exception as e:  # e.g. the feed parser failing on hostile input
        yield Loaded(str(path), None, unexpected_error(e))


def _iter_jsonl(path: Path, overrides: dict) -> Iterator[Loaded]:
    if not path.exists():
        raise ReadError("no such file")
    try:
        stream = gzip.open(path, "rb") if _is_gz(path) else path.open("rb")
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror or e}")
    with stream:
        lineno = 0
        while True:
            try:
                line = stream.readline(MAX_REPORT_BYTES + 1)
            except (OSError, EOFError, zlib.error) as e:
                yield Loaded(f"{path}:{lineno + 1}", None, f"broken gzip file ({e})")
                return
            if not line:
                return
            lineno += 1
            source = f"{path}:{lineno}"
            if len(line) > MAX_REPORT_BYTES and not line.endswith(b"\n"):
                _skip_rest_of_line(stream)
                yield Loaded(source, None, f"line too long (over {MAX_REPORT_BYTES // 1048576} MB)")
                continue
            if not line.strip():
                continue
            try:
                obj = _parse_json(decode_text(line))
                yield Loaded(source, _doc_from_object(obj, overrides, source), None)
            except ReadError as e:
                yield Loaded(source, None, str(e))
            except Exception as e:  # one line the reader cannot handle: the next lines go on
                yield Loaded(source, None, unexpected_error(e))


def _skip_rest_of_line(stream: io.BufferedIOBase) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _iter_feed(path: Path, overrides: dict) -> Iterator[Loaded]:
    import feedparser

    data = _decompress(path) if _is_gz(path) else _read_limited(path)
    if not data.strip():
        raise ReadError("empty file")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = parsed.get("bozo_exception")
        raise ReadError("not an RSS/Atom feed with entries" + (f" ({why})" if why else ""))
    for number, entry in enumerate(parsed.entries, start=1):
        source = f"{path}#{number}"
        try:
            yield Loaded(source, _doc_from_entry(entry, overrides, source), None)
        except ReadError as e:
            yield Loaded(source, None, str(e))
        except Exception as e:  # one entry the reader cannot handle: the next entries go on
            yield Loaded(source, None, unexpected_error(e))


def _doc_from_entry(entry, overrides: dict, source: str) -> Document:
    """One feed entry: its content (or summary) as HTML, title, link and publication date."""
    body = ""
    for content in entry.get("content") or []:
        if content.get("value", "").strip():
            body = content["value"]
            break
    body = body or entry.get("summary", "")
    # the date as written (local to the outlet: 08:00 KST stays that day), else feedparser's UTC
    published = _date_or_none(entry.get("published") or entry.get("updated") or "")
    parsed_time = entry.get("published_parsed") or entry.get("updated_parsed")
    if published is None and parsed_time:
        published = "%04d-%02d-%02d" % tuple(parsed_time[:3])
    fields = {"url": entry.get("link"), "title": entry.get("title"), "published": published,
              "outlet": None}
    if not body.strip():
        raise ReadError("feed entry has no content or summary")
    return from_fields(html=body, source=source, **_apply(fields, overrides))
