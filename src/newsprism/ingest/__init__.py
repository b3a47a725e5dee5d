"""Ingestion: files, directories, stdin and URLs in; cleaned :class:`Article` values out.

``read_inputs`` yields an Article per article found, or an :class:`InputError`
per bad input, and always goes on with the other inputs.

Formats: by extension (.txt .text, .html .htm, .json, .jsonl .ndjson, .xml .rss
.atom, .parquet); a file named explicitly with another extension, stdin ("-") and URLs
are sniffed (JSON, JSON Lines, RSS/Atom, HTML, else plain text). A Parquet file is
read in row batches (:func:`newsprism.tables.read_parquet_articles`), so ``max_bytes``
does not bound it (a corpus of a million articles is one file); each article's text is
bounded by :data:`MAX_ARTICLE_CHARS`, as every input's is.
Directories are read recursively in sorted order, skipping hidden entries and
files with other extensions; a symlink back to a directory being walked is
reported once as a loop and not followed. FIFOs, devices and sockets are
refused ("not a regular file") without waiting on them. File names that are
not UTF-8 appear in ids and messages with their odd bytes written ``\\xNN``.

Ids: the input's own id when it has one (JSON ``id``, feed entry id or link),
else the file name without its folder; ``NAME:LINE`` for JSON Lines and
``NAME:ITEM`` for JSON lists without ids; ``stdin`` for stdin; the URL for a
fetched page. Ids are unique in one run: when an id comes again with the same
text the repeat is skipped silently (re-reading changes nothing); with
different text the first is kept and the second yields an InputError that says
so — give such articles distinct ids.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..model import Article, content_hash
from .clean import Cleaned, clean_text
from .decode import decode_bytes, normalise_text
from .feeds import looks_like_feed, parse_feed
from .fetch import check_url, fetch_url
from .html import looks_like_html, parse_html
from .records import looks_like_jsonl, parse_json, parse_jsonl
from .txt import parse_date, parse_txt

__all__ = [
    "KNOWN_EXTENSIONS",
    "MAX_ARTICLE_CHARS",
    "Cleaned",
    "IngestOptions",
    "check_url",
    "clean_text",
    "count_inputs",
    "parse_bytes",
    "parse_date",
    "printable",
    "read_inputs",
]

log = logging.getLogger(__name__)

_FORMATS = {
    ".txt": "txt", ".text": "txt", ".html": "html", ".htm": "html", ".json": "json",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".xml": "feed", ".rss": "feed", ".atom": "feed",
    ".parquet": "parquet",
}  # fmt: skip
KNOWN_EXTENSIONS: tuple[str, ...] = tuple(_FORMATS)


@dataclass(frozen=True)
class IngestOptions:
    """How inputs are read. ``clean`` turns boilerplate removal and word repair on or off.

    ``timeout`` bounds each network wait of a URL fetch, ``fetch_deadline`` the whole fetch.
    """

    max_bytes: int = 20_000_000
    allow_private: bool = False
    timeout: float = 20.0
    fetch_deadline: float = 120.0
    follow_symlinks: bool = True
    clean: bool = True


def _is_url(path: str) -> bool:
    head = path.split("://", 1)[0]
    return "://" in path and head.isalpha() and len(head) <= 10


def _too_big(limit: int) -> str:
    return f"larger than the {limit:,}-byte limit (raise it with --max-bytes)"


# One article's text, after cleaning, is parsed whole: spaCy refuses a text longer than its
# ``nlp.max_length`` (1,000,000 characters by default) and needs memory in proportion to it. No news
# article comes near (the longest of the 1,683 FNC-1 training bodies is 27,579 characters), so a
# longer one is a book, a dump or a log, and is turned away here, by name, rather than stored to
# fail at the parse.
MAX_ARTICLE_CHARS = 1_000_000


# --------------------------------------------------------------------------- format dispatch


def _sniff(text: str) -> str:
    head = text.lstrip()[:1]
    if head in ("{", "["):
        return "jsonl" if head == "{" and looks_like_jsonl(text) else "json"
    if head == "<":
        if looks_like_feed(text):
            return "feed"
        if looks_like_html(text):
            return "html"
        if text.lstrip().startswith("<?xml"):
            return "feed"
    return "txt"


def parse_bytes(
    data: bytes,
    source: str,
    name: str,
    fmt: str | None = None,
    options: IngestOptions | None = None,
    url: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles (or errors) from one input's bytes; ``fmt`` is txt/html/json/jsonl/feed or None to sniff."""
    options = options or IngestOptions()
    if len(data) > options.max_bytes:
        yield InputError(source, _too_big(options.max_bytes))
        return
    try:
        text = decode_bytes(data, source, unicode_newlines=False)
    except InputError as err:
        yield err
        return
    fmt = fmt or _sniff(text)
    # JSON keeps U+2028/NEL inside its strings; their text is normalised later
    if fmt not in ("json", "jsonl"):
        text = normalise_text(text)
    for item in _parse_text(text, data, source, name, fmt, options, url):
        # Markup debris ("<<<>>>") is not an article.
        if isinstance(item, Article) and not any(ch.isalnum() for ch in item.text):
            yield InputError(item.origin or source, "no article text (no letters or digits)")
        else:
            yield _bounded(item, source)


def _bounded(item: Article | InputError, source: str) -> Article | InputError:
    """``item``, or the error saying its text is over :data:`MAX_ARTICLE_CHARS`."""
    if isinstance(item, Article) and len(item.text) > MAX_ARTICLE_CHARS:
        return InputError(item.origin or source,
                          f"article text is {len(item.text):,} characters, over the {MAX_ARTICLE_CHARS:,}"
                          "-character limit of one article (split it into articles)")
    return item


def _parse_text(
    text: str, data: bytes, source: str, name: str, fmt: str, options: IngestOptions, url: str | None
) -> Iterator[Article | InputError]:
    clean = options.clean
    try:
        if fmt == "txt":
            article = parse_txt(text, source, name, clean=clean)
            yield article if url is None else _with_url(article, url)
        elif fmt == "html":
            yield parse_html(text, source, name, url=url, clean=clean)
        elif fmt == "json":
            yield from parse_json(text, source, name, clean=clean)
        elif fmt == "jsonl":
            yield from parse_jsonl(text, source, name, clean=clean)
        elif fmt == "feed":
            yield from parse_feed(data, source, name, clean=clean)
        else:
            yield InputError(source, f"unknown format {fmt!r}")
    except InputError as err:
        yield err


def _with_url(article: Article, url: str) -> Article:
    from dataclasses import replace

    return replace(article, url=article.url or url)


# --------------------------------------------------------------------------- files and directories


def _read_file(path: str, options: IngestOptions) -> bytes:
    """The bytes of one regular file, refusing what is too big or not a file."""
    try:
        # O_NONBLOCK: opening a FIFO (or a device) must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fh.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise InputError(path, "is a directory, not a file")
            if not stat.S_ISREG(st.st_mode):
                raise InputError(path, "not a regular file")
            if st.st_size > options.max_bytes:
                raise InputError(path, _too_big(options.max_bytes))
            data = fh.read(options.max_bytes + 1)
    except InputError:
        raise
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except IsADirectoryError:
        raise InputError(path, "is a directory, not a file") from None
    except FileNotFoundError:
        reason = "broken symlink (its target does not exist)" if os.path.islink(path) else "no such file"
        raise InputError(path, reason) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(path, "symlink loop (following the link leads back to it)") from None
        raise InputError(path, f"cannot read ({exc.strerror or exc})") from None
    if len(data) > options.max_bytes:
        raise InputError(path, _too_big(options.max_bytes))
    return data


def _walk(directory: str, options: IngestOptions) -> Iterator[str | InputError]:
    """File paths with known extensions under ``directory``, sorted, plus errors met on the way.

    Depth first with an explicit stack, so a tree of any depth is read without recursion.
    """
    seen: set[tuple[int, int]] = set()  # every folder read, however it was reached
    active: set[tuple[int, int]] = set()  # the folders on the current path: a link to one is a loop
    stack: list[tuple[Iterator[os.DirEntry[str]], tuple[int, int]]] = []

    def enter(path: str) -> InputError | None:
        try:
            st = os.stat(path)
        except OSError as exc:
            return InputError(path, f"cannot read directory ({exc.strerror or exc})")
        key = (st.st_dev, st.st_ino)
        if key in active:
            return InputError(path, "symlink loop (links back to a folder being read); not followed")
        if key in seen:  # the same folder reached through another link: already read
            return None
        seen.add(key)
        try:
            with os.scandir(path) as it:
                entries = sorted(it, key=lambda e: e.name)
        except PermissionError:
            return InputError(path, "cannot read directory (permission denied)")
        except OSError as exc:
            return InputError(path, f"cannot read directory ({exc.strerror or exc})")
        active.add(key)
        stack.append((iter(entries), key))
        return None

    err = enter(directory)
    if err is not None:
        yield err
    while stack:
        entries, key = stack[-1]
        entry = next(entries, None)
        if entry is None:
            stack.pop()
            active.discard(key)
            continue
        if entry.name.startswith("."):
            continue
        link = entry.is_symlink()
        if link and not options.follow_symlinks:
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=True)
            is_file = entry.is_file(follow_symlinks=True)
        except OSError:
            is_dir = is_file = False
        known = os.path.splitext(entry.name)[1].lower() in _FORMATS
        if is_dir:
            err = enter(entry.path)
            if err is not None:
                yield err
        elif known and (is_file or link):
            yield entry.path  # broken links and loops are reported when read
        elif known:
            yield InputError(entry.path, "not a regular file")


def _expand(path: str, options: IngestOptions) -> Iterator[str | InputError]:
    """Files named by one command-line path (a file, or a directory walked recursively)."""
    if os.path.isdir(path):
        if os.path.islink(path) and not options.follow_symlinks:
            yield InputError(path, "is a symlink to a directory and symlinks are not followed")
            return
        found = False
        for item in _walk(path, options):
            found = True
            yield item
        if not found:
            yield InputError(path, f"no input files found (looked for {', '.join(KNOWN_EXTENSIONS)})")
    else:
        yield path


def count_inputs(paths: Sequence[str | os.PathLike[str]]) -> int | None:
    """How many files ``read_inputs`` will read (for a progress bar); None for stdin or URLs."""
    total = 0
    for raw in paths:
        path = os.fspath(raw)
        if path == "-" or _is_url(path):
            return None
        total += sum(1 for item in _expand(path, IngestOptions()) if isinstance(item, str))
    return total


# --------------------------------------------------------------------------- main entry


def _one_input(path: str, options: IngestOptions) -> Iterator[Article | InputError]:
    if path == "-":
        data = sys.stdin.buffer.read(options.max_bytes + 1)
        yield from parse_bytes(data, "stdin", "stdin", None, options)
        return
    if _is_url(path):
        try:
            fetched = fetch_url(path, options)
        except InputError as err:
            yield err
            return
        yield from parse_bytes(
            fetched.data, path, path, _format_for_type(fetched.content_type), options, url=path
        )
        return
    fmt = _format_of(path)
    if fmt == "parquet":
        yield from _parquet(path, options)
        return
    try:
        data = _read_file(path, options)
    except InputError as err:
        yield err
        return
    yield from parse_bytes(data, path, os.path.basename(path), fmt, options)


def _format_of(path: str) -> str | None:
    """The format a file's extension names (:data:`_FORMATS`), None for another extension."""
    return _FORMATS.get(os.path.splitext(path)[1].lower())


def _parquet(path: str, options: IngestOptions) -> Iterator[Article | InputError]:
    """A Parquet file's articles, streamed in row batches (pyarrow loads only here)."""
    from ..tables import read_parquet_articles

    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield InputError(path, "no such file")
        return
    except OSError as exc:
        yield InputError(path, f"cannot read ({exc.strerror or exc})")
        return
    if not stat.S_ISREG(st.st_mode):  # a FIFO named .parquet must not block the reader
        yield InputError(path, "not a regular file")
        return
    for item in read_parquet_articles(path, clean=options.clean):
        yield _bounded(item, path)


def _format_for_type(content_type: str) -> str | None:
    ctype = content_type.split(";", 1)[0].strip().lower()
    if ctype in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return "feed"
    if ctype in ("text/html", "application/xhtml+xml"):
        return "html"
    if ctype in ("application/x-ndjson", "application/jsonl", "application/x-jsonlines"):
        return "jsonl"
    return None  # xml, json and text/plain are sniffed


def printable(text: str) -> str:
    """``text`` as a string that can be printed and stored as UTF-8.

    A file name with bytes that are not UTF-8 reaches Python with lone
    surrogates ("caf\\udce9.txt"), which no UTF-8 output accepts; those bytes
    are written as ``\\xNN`` instead ("caf\\xe9.txt"), so the name stays unique
    and recognisable.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name decoding makes
        return text.encode("utf-8", "replace").decode("utf-8")


def _printable_error(err: InputError) -> InputError:
    source, reason = printable(err.source), printable(err.reason)
    if source == err.source and reason == err.reason:
        return err
    return InputError(source, reason, err.line)


def _printable_article(article: Article) -> Article:
    from dataclasses import replace

    origin, url = article.origin, article.url
    fixed_id = printable(article.id)
    fixed_origin = printable(origin) if origin else origin
    fixed_url = printable(url) if url else url
    if (fixed_id, fixed_origin, fixed_url) == (article.id, origin, url):
        return article
    return replace(article, id=fixed_id, origin=fixed_origin, url=fixed_url)


def _guarded(items: Iterator[str | InputError], path: str) -> Iterator[str | InputError]:
    """``items``, with a failure no check foresaw turned into one InputError for ``path``."""
    try:
        yield from items
    except Exception as exc:
        log.debug("unexpected failure listing %s", path, exc_info=True)
        yield InputError(path, f"could not list its files ({type(exc).__name__}: {exc})")


def _read_one(item: str, options: IngestOptions) -> Iterator[Article | InputError]:
    """One input's articles and errors, a failure no check foresaw turned into one InputError.

    A file is read whole before its first article is given (a failure halfway gives no partial
    file); a Parquet file streams, as its reader already keeps the rows read before a failure."""
    try:
        if _format_of(item) == "parquet" and not _is_url(item):
            yield from _one_input(item, options)
            return
        results = list(_one_input(item, options))
    except Exception as exc:
        log.debug("unexpected failure reading %s", item, exc_info=True)
        results = [InputError(item, f"could not read ({type(exc).__name__}: {exc})")]
    yield from results


def read_inputs(
    paths: Sequence[str | os.PathLike[str]], options: IngestOptions = IngestOptions()
) -> Iterator[Article | InputError]:
    """Yield an Article per article found in ``paths`` or an InputError per bad input, and go on."""
    ids: dict[str, tuple[str, str]] = {}  # id -> (content hash, where it was first read)
    for raw in paths:
        path = os.fspath(raw)
        items = [path] if path == "-" or _is_url(path) else _guarded(_expand(path, options), path)
        for item in items:
            if isinstance(item, InputError):
                yield _printable_error(item)
                continue
            for result in _read_one(item, options):
                if isinstance(result, InputError):
                    yield _printable_error(result)
                    continue
                result = _printable_article(result)
                digest = content_hash(result.text)
                first = ids.get(result.id)
                if first is None:
                    ids[result.id] = (digest, result.origin or item)
                    yield result
                elif first[0] != digest:
                    yield InputError(
                        result.origin or item,
                        f"duplicate id {result.id!r} with different text (first read from {first[1]}); "
                        "kept the first — give each article its own id",
                    )
