"""Front matter -> Post: reading and normalising one post, with no MkDocs I/O.

Writers bring years of Hugo content with imperfect front matter, so parsing never raises: every
oddity becomes a :class:`Problem` (line number where known, and what to do) and the post still
builds with the best value we can infer. The plugin turns problems into warnings that carry the
file name, so ``mkdocs build --strict`` fails on them while a normal build keeps going.
"""

from __future__ import annotations

import datetime as dt
import decimal
import functools
import json
import math
import mimetypes
import re
import reprlib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

try:  # Python 3.11+
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

import yaml
from frontmatter.default_handlers import YAMLHandler
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from . import flattoml, reading
from .flatyaml import FlatReader
from .shortcodes.hugo import safe_url

#: One handler for the whole process (python-frontmatter's), given our loader below.
_YAML = YAMLHandler()
_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))
_BOOL, _INT, _FLOAT = (f"tag:yaml.org,2002:{t}" for t in ("bool", "int", "float"))


class HugoYamlLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (on LibYAML where installed: ~20x faster on a thousand posts), reading
    plain words and numbers as Hugo's YAML does. PyYAML's YAML 1.1 rules make ``yes``, ``no``,
    ``on`` and ``off`` booleans, ``1:30`` the number 90 and ``=`` a tag it cannot build, so a
    tag ``no`` or ``on`` was lost, ``title: On`` was not text, a tag ``1:30`` moved to
    ``tags/90/`` and ``op: =`` lost the whole front matter. Hugo 0.168 reads those as text and
    only ``true``/``false`` as booleans, but reads numbers as PyYAML does (``017`` is 15,
    ``1_000`` is 1000, ``1e3`` is text): only the sexagesimal forms are dropped from PyYAML's."""


_UNLIKE_HUGO = (_BOOL, _INT, _FLOAT, "tag:yaml.org,2002:value")
#: The loader of front matter and data files.
SAFE_LOADER = HugoYamlLoader
SAFE_LOADER.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in _UNLIKE_HUGO]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()
}
SAFE_LOADER.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
SAFE_LOADER.add_implicit_resolver(
    _INT,
    re.compile(r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)$"),
    list("-+0123456789"),
)
SAFE_LOADER.add_implicit_resolver(
    _FLOAT,
    re.compile(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


#: The reader of flat front matter, with this loader's rules for words and numbers.
_FLAT = FlatReader(SAFE_LOADER)


def load_yaml(text: str) -> Any:
    """The front matter's values as PyYAML's safe loader (with Hugo's rules) gives them.

    Front matter of the usual flat shape (``key: value`` lines of quoted strings, dates,
    numbers and flow lists) is read without a parser (:mod:`.flatyaml`), in a third of the time
    LibYAML and PyYAML take; the rest goes to them (``parse_yaml``).
    """
    flat = _FLAT.read(text)
    return flat if flat is not None else parse_yaml(text)


def load_toml(text: str) -> dict[str, Any]:
    """The front matter's values as ``tomllib`` gives them: the usual flat shape through
    :mod:`.flattoml` (a third of the time), the rest through ``tomllib``."""
    flat = flattoml.read(text)
    return flat if flat is not None else tomllib.loads(text)


def parse_yaml(text: str) -> Any:
    """PyYAML's safe load, with the nodes made into Python values by a plain recursive walk.

    LibYAML parses, but PyYAML's constructor is Python, and builds every list and mapping
    through generators and per-node bookkeeping (for aliases and recursive structures): nearly
    half the time of reading a post's front matter. Front matter is strings, dates, numbers and
    flat lists, so the walk handles plain mappings, sequences and scalars (each scalar through
    PyYAML's own constructor for its tag); an alias, a merge key, a custom tag or a key that
    cannot be one sends the document to PyYAML's constructor, as does any error, so results and
    messages are PyYAML's.
    """
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _construct(loader, node, set())
        except Exception:  # PyYAML's constructor decides, and words the error
            pass
    finally:
        loader.dispose()
    return _YAML.load(text, Loader=SAFE_LOADER)


def _construct(loader: Any, node: Any, seen: set[int]) -> Any:
    kind = type(node)
    if kind is ScalarNode:
        if node.tag == _STR:
            return node.value
        return loader.yaml_constructors[node.tag](loader, node)  # KeyError: not a core tag
    if id(node) in seen:
        raise ValueError("an alias")
    seen.add(id(node))
    if kind is SequenceNode and node.tag == _SEQ:
        return [_construct(loader, item, seen) for item in node.value]
    if kind is MappingNode and node.tag == _MAP:
        out = {}
        for key, value in node.value:
            if key.tag == "tag:yaml.org,2002:merge":
                raise ValueError("a merge key")
            out[_construct(loader, key, seen)] = _construct(loader, value, seen)
        return out
    raise ValueError(f"a {node.tag} node")


#: Front-matter keys whose value is a list of terms. Custom taxonomies add their own keys.
LIST_KEYS = ("tags", "categories", "related_people", "related_companies", "series")

#: Keys we read and normalise; their spelling in the file may be any case (Hugo is case-insensitive).
STRING_KEYS = ("title", "description", "image", "source_url", "source_name", "slug", "url", "summary")
_POST_STRING_FIELDS = {"description", "image", "source_url", "source_name", "slug", "url"}
DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")
#: Hugo's publish date: the first of these, else the post's date. A post is not published
#: before it (``build_future``) ...
PUBLISH_KEYS = ("publishdate", "pubdate", "published")
#: ... nor from its expiry date on (``build_expired``).
EXPIRY_KEYS = ("expirydate", "unpublishdate")

#: Hugo's true and false (Go's ``strconv.ParseBool``, which ``draft: "true"`` goes through).
_TRUE = {"true", "t", "1"}
_FALSE = {"false", "f", "0", ""}
#: Words that mean false to a writer and to Hugo alike; and those Hugo reads as false too,
#: though the writer meant true (a post Hugo published: see ``parse_post``).
_NO = {"no", "n", "off"}
_YES = {"yes", "y", "on"}


@dataclass(frozen=True)
class Problem:
    """Something off in a post: shown to the writer as a warning, never fatal."""

    message: str
    line: int | None = None
    #: The front-matter key it is about, when found after the post was read (a clashing alias,
    #: a duplicate series_order): its line is looked up only if the warning is shown.
    key: str = ""
    #: Set on "has no title"/"has no date": a post needs both, a section's ``_index.md`` does
    #: not (Hugo names and orders a section without them), so that page drops these.
    missing: str = ""


@dataclass
class Post:
    """One post, normalised. ``src_uri`` is relative to docs_dir, with forward slashes."""

    src_uri: str
    title: str
    body: str
    #: Lines before ``body`` in the file, so positions found in the body map back to the file.
    body_line_offset: int = 0
    date: dt.datetime | None = None
    description: str = ""
    image: str = ""
    source_url: str = ""
    source_name: str = ""
    draft: bool = False
    terms: dict[str, list[str]] = field(default_factory=dict)
    series_order: int | None = None
    aliases: list[str] = field(default_factory=list)
    #: The episode's audio file for podcast feeds: ``{"url", "length" (bytes, 0 if unknown), "type"}``.
    audio: dict[str, Any] | None = None
    slug: str = ""
    url: str = ""
    #: Everything for ``page.meta``: normalised known keys plus unknown keys untouched.
    meta: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Whether the body has its own level-1 heading; if not, the plugin shows the title as one
    #: (Hugo themes print the title; MkDocs' default and readthedocs themes would not).
    has_heading: bool = False
    #: Whether the title is the front matter's own (not a heading, the text or the file name).
    title_given: bool = False
    #: Facts taken from the body when it was read, so the body itself need not stay in memory
    #: (a thousand posts of 8 KB, twice: here and in MkDocs' page.markdown).
    minutes: int = 0
    excerpt: str = ""
    #: What a listing shows under the title, where the writer gave one: the ``description``,
    #: else Hugo's ``summary``, else the text before a ``<!--more-->`` (not the first paragraph).
    listed: str = ""
    players: list = field(default_factory=list)
    #: Per taxonomy key, list entries written otherwise than their term (`` OpenAI ``) -> the
    #: term: Hugo gave each spelling its own page (``/tags/-openai-/``), redirected here.
    term_variants: dict[str, dict[str, str]] = field(default_factory=dict)
    #: Hugo's publish and expiry dates (``publishDate``, else the date; ``expiryDate``).
    publish_date: dt.datetime | None = None
    expiry_date: dt.datetime | None = None
    #: Hugo's ``weight`` (0: none) and ``linkTitle``, which order lists before the date and the title.
    weight: int = 0
    link_title: str = ""
    #: Hugo's ``build: {list: never}``: the post has its page, but no list, feed or term shows it.
    unlisted: bool = False
    #: Hugo's ``build: {list: local}``: its section's list and feed and its terms show it, the
    #: site-wide ones do not (the home page, the site's feed, related posts: ``site.RegularPages``).
    local: bool = False
    #: Why Hugo renders no page for this post at all: "headless: true" or "build: render: never".
    unrendered: str = ""
    #: Set for this build only: why a post is held back from ``mkdocs build`` although it is no
    #: draft ("future": not yet published; "expired"). ``mkdocs serve`` shows it as a draft.
    held: str = ""

    def hold(self, now: dt.datetime) -> str:
        """Why Hugo would not publish this post at ``now`` (aware): "future", "expired" or ""."""
        if self.publish_date is not None and to_timestamp_sortable(self.publish_date) > now:
            return "future"
        if self.expiry_date is not None and to_timestamp_sortable(self.expiry_date) < now:
            return "expired"
        return ""

    @property
    def timestamp(self) -> float | None:
        """Seconds since 1970, a date without a zone taken as UTC, as Hugo does and as the feeds
        print it: ``datetime.timestamp()`` would read it in the build machine's zone (and fail
        for the year 1, Hugo's zero date, east of Greenwich)."""
        if self.date is None:
            return None
        return (to_timestamp_sortable(self.date) - _EPOCH).total_seconds()

    @property
    def sort_key(self) -> tuple:
        """Hugo's order of a list: posts with a ``weight`` first, lightest first (a pinned post);
        then newest first, posts without a date last; ties by ``linkTitle`` (else the title), so
        the order is stable, and Hugo's ``page/N/`` hold the posts they held there."""
        return order_key(self.weight, self.date, self.link_title or self.title, self.src_uri)

    @property
    def date_text(self) -> str:
        return day_text(self.date)


def order_key(weight: int, when: dt.datetime | None, name: str, src_uri: str) -> tuple:
    """Where a page goes in Hugo's default order (``Post.sort_key``): by ``weight`` (none last),
    newest first (none last), by name, by path."""
    weights = (0, weight) if weight else (1, 0)
    if when is None:
        return (*weights, 1, 0.0, name.casefold(), src_uri)
    return (*weights, 0, -(to_timestamp_sortable(when) - _EPOCH).total_seconds(), name.casefold(), src_uri)


def day_text(when: dt.datetime | None) -> str:
    """A date as pages and messages print it (the day, in the writer's own zone): 2026-01-20."""
    return when.date().isoformat() if when is not None else ""


# --------------------------------------------------------------------------------------------
# Splitting the file


def decode(raw: bytes) -> tuple[str, list[Problem]]:
    """Bytes -> text that is always usable: BOM dropped, CRLF folded, NULs and bad bytes replaced."""
    problems: list[Problem] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(
            Problem(
                f"is not valid UTF-8 (byte {err.start}); undecodable bytes are shown as '\ufffd'. "
                "Re-save the file as UTF-8.",
                line,
            )
        )
        text = raw.decode("utf-8-sig", errors="replace")
    # Looked for in the bytes (a C scan of bytes, not of the decoded text): in UTF-8 these
    # bytes are these characters and nothing else.
    if b"\x00" in raw:
        line = text[: text.index("\x00")].count("\n") + 1
        problems.append(Problem("contains NUL bytes; they were removed. Re-save the file as text.", line))
        text = text.replace("\x00", "")
    if b"\r" in raw:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems


_FENCE = {"---": "yaml", "+++": "toml"}


#: A line that closes the front matter ("..." ends a YAML document too); trailing blanks allowed.
#: Anchored on the newline before it, so re jumps from line to line.
_CLOSERS = {
    "yaml": re.compile(r"\n(?:---|\.\.\.)[^\S\n]*(?=\n|\Z)"),
    "toml": re.compile(r"\n\+\+\+[^\S\n]*(?=\n|\Z)"),
}
_BLANK_LINES = re.compile(r"(?:[^\S\n]*\n)*")


def split_front_matter(text: str) -> tuple[str | None, str, str, int, int]:
    """Return (kind, front matter, body, lines before body, 1-based line of the first key).

    Accepts blank lines before the opening fence (Hugo does). An opening fence with no closing
    one is not front matter: the whole file is body, so nothing is swallowed. Works on offsets,
    not on a list of every line: it runs on every post twice per build.
    """
    start = _BLANK_LINES.match(text).end()
    if start == len(text):
        return None, "", text, 0, 0
    if text.startswith("{", start) and not text.startswith("{{", start):
        return _split_json(text, start)
    eol = text.find("\n", start)
    if eol < 0:
        return None, "", text, 0, 0
    kind = _FENCE.get(text[start:eol].rstrip())
    if kind is None:
        return None, "", text, 0, 0
    closer = _CLOSERS[kind].search(text, eol)  # from the opener's newline: a line start
    if closer is None:
        return None, "", text, 0, 0
    fm = text[eol + 1 : closer.start()]
    after = text.find("\n", closer.end())
    body_at = len(text) if after < 0 else _BLANK_LINES.match(text, after + 1).end()
    first_key_line = text.count("\n", 0, start) + 2
    body = text[body_at:]
    if not body or body.isspace():  # nothing after the front matter: the body starts past the last line
        return kind, fm, "", text.count("\n") + 1, first_key_line
    return kind, fm, body, text.count("\n", 0, body_at), first_key_line


def _split_json(text: str, start: int) -> tuple[str | None, str, str, int, int]:
    """Hugo's third kind of front matter: a JSON object first in the file (no fences)."""
    try:
        data, end = json.JSONDecoder().raw_decode(text, start)
    except (ValueError, RecursionError):
        return None, "", text, 0, 0  # a brace that starts no object: the text of the post
    if not isinstance(data, dict):
        return None, "", text, 0, 0
    after = text.find("\n", end)
    rest = text[end:] if after < 0 else text[end:after]
    if rest.strip():  # text after the object on its line is the body's start, as in Hugo
        body_at = end + len(rest) - len(rest.lstrip())
    else:
        body_at = len(text) if after < 0 else _BLANK_LINES.match(text, after + 1).end()
    body = text[body_at:]
    first_key_line = text.count("\n", 0, start) + 1  # the block's first line is its "{"
    if not body or body.isspace():
        return "json", text[start:end], "", text.count("\n") + 1, first_key_line
    return "json", text[start:end], body, text.count("\n", 0, body_at), first_key_line


#: A top-level ``key:`` (YAML) or ``key =`` (TOML) line; the group is the key.
_KEY_LINE = re.compile(r"([A-Za-z_][\w-]*)\s*[:=]")
#: A key of JSON front matter, on a line of its own (``  "title": "..."``).
_JSON_KEY_LINE = re.compile(r'\s*"([A-Za-z_][\w-]*)"\s*:')


def _unclosed_fence(text: str) -> Problem | None:
    """A file that opens front matter (a fence, then a key) and never closes it."""
    lines = text.split("\n")
    i = next((n for n, line in enumerate(lines) if line.strip()), None)
    if i is None or i + 1 >= len(lines):
        return None
    fence = lines[i].rstrip()
    if fence not in _FENCE or not _KEY_LINE.match(lines[i + 1]):
        return None
    return Problem(
        f"opens front matter with '{fence}' but never closes it, so it is shown as text. "
        f"Add a '{fence}' line after the last key.",
        i + 1,
    )


# --------------------------------------------------------------------------------------------
# Values


_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother = 3, 60, 60


def _show(value: Any, limit: int) -> str:
    """A value for a warning, cut short; bounded even for a YAML alias bomb (a huge nested list)."""
    try:
        text = _REPR.repr(value)
    except ValueError:  # an int past Python's 4,300 digits
        text = "a number too long to show"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _TextDatesLoader(SAFE_LOADER):  # type: ignore[misc]
    """Reads dates as text, for front matter whose date does not exist (2024-02-30)."""


_TextDatesLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _yaml_error_line(err: Exception, first_line: int, fm: str) -> int | None:
    """The file line of a YAML error: marks count from 0 within the block (the end of the block
    for an unclosed bracket or quote, so it is kept on the block's last line)."""
    mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
    if mark is None:
        return None
    return first_line + min(mark.line, fm.count("\n"))


#: ``key: "text`` with no closing quote on the line (a quote inside escaped as ``\"``), or the
#: same with single quotes (doubled inside).
_OPEN_QUOTE = re.compile(r"""^\s*[^\s:#][^:#]*:\s+(?:"(?:[^"\\]|\\.)*|'(?:[^']|'')*)$""")


def _unclosed_quote(fm: str, first_line: int, error_line: int | None) -> int | None:
    """The file line of a quoted value left open at or before the line YAML stopped at."""
    for i, text in enumerate(fm.split("\n")):
        if error_line is not None and first_line + i > error_line:
            break
        if _OPEN_QUOTE.match(text):
            return first_line + i
    return None


def load_front_matter(kind: str, fm: str, first_line: int) -> tuple[dict[str, Any], list[Problem]]:
    """Parse the front matter block; a broken block yields {} and a problem, never an exception."""
    if not fm.strip():
        return {}, []
    try:
        try:
            if kind == "json":
                data = json.loads(fm)  # checked to be an object when it was split off
            elif kind == "yaml":
                data = load_yaml(fm)
            else:
                data = load_toml(fm)
        except ValueError as err:
            # PyYAML raises a bare ValueError for an impossible date; read dates as text instead,
            # so the date check names the line and the rest of the front matter is kept.
            if kind != "yaml" or isinstance(err, tomllib.TOMLDecodeError):
                raise
            data = yaml.load(fm, Loader=_TextDatesLoader)
    except yaml.YAMLError as err:
        why = " ".join(str(getattr(err, "problem", "") or err).split())  # one line
        line = _yaml_error_line(err, first_line, fm)
        unclosed = _unclosed_quote(fm, first_line, line)
        if unclosed is not None:  # YAML notices it lines later, where the quote's text runs into a key
            return {}, [
                Problem(
                    f"has malformed YAML front matter: the quote opened on line {unclosed} is not "
                    "closed; the post is built without its front matter. Close the quote.",
                    unclosed,
                )
            ]
        return {}, [
            Problem(
                f"has malformed YAML front matter ({why}); the post is built without it. "
                "Fix the YAML (quote values containing ':' or '#').",
                line,
            )
        ]
    except tomllib.TOMLDecodeError as err:
        # tomllib gives the line in its message only (an attribute from Python 3.14); 1-based in `fm`.
        found = getattr(err, "lineno", None) or re.search(r"at line (\d+)", str(err))
        line = int(found.group(1)) if isinstance(found, re.Match) else found
        if line is None and "end of document" in str(err):
            line = fm.count("\n") + 1
        return {}, [
            Problem(
                f"has malformed TOML front matter ({err}); the post is built without it. Fix the TOML.",
                first_line + line - 1 if line else first_line,
            )
        ]
    except (ValueError, RecursionError, MemoryError) as err:
        return {}, [
            Problem(
                f"has front matter that cannot be read ({_show(str(err), 80)}); the post is built "
                "without it. Simplify the front matter.",
                first_line,
            )
        ]
    if data is None:
        return {}, []
    if not isinstance(data, dict):
        return {}, [
            Problem(
                "has front matter that is not a mapping of keys to values; it was ignored. "
                "Write it as 'key: value' lines.",
                first_line,
            )
        ]
    return data, []


_DATE_FORMATS = (
    "%Y-%m-%d %H:%M:%S%z",
    "%Y-%m-%d %H:%M:%S %z",
    "%Y-%m-%d %H:%M:%S %Z",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d",
    "%d %b %Y",
    "%d %b %y %H:%M %Z",
    "%a, %d %b %Y %H:%M:%S %z",
    "%a, %d %b %Y %H:%M:%S %Z",
    "%B %d, %Y",
    "%b %d, %Y",
)


def parse_date(value: Any) -> dt.datetime | None:
    """Accept what Hugo accepts in practice: ISO 8601 with or without zone, dates, RFC 1123."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):  # Unix time, as Hugo reads it
        try:
            return dt.datetime.fromtimestamp(value, dt.timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s:
        return None
    iso = s[:-1] + "+00:00" if s.endswith(("Z", "z")) else s
    # Hugo writes offsets without a colon too: 2026-01-20T10:00:00+0800
    iso = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", iso)
    try:
        return dt.datetime.fromisoformat(iso)
    except ValueError:
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            continue
    return None


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def to_timestamp_sortable(d: dt.datetime) -> dt.datetime:
    """Naive datetimes are taken as UTC (Hugo's default time zone) so all dates compare."""
    return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)


def parse_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    word = value.strip().lower() if isinstance(value, str) else None
    if word in _TRUE or word in _FALSE or word in _NO:
        return word in _TRUE
    return None


def _norm_space(s: str) -> str:
    return " ".join(s.split())


_CONTROL_IN_URL = re.compile(r"[\x00-\x1f\x7f]")


def _readable(url: str) -> bool:
    """Whether a URL can be taken apart (``http://[x/`` cannot: an unclosed IPv6 host)."""
    if url.isascii() and "[" not in url and "]" not in url:
        return True  # nothing ``urlsplit`` rejects (brackets, a non-ASCII host) is in it
    try:
        urlsplit(url)
    except ValueError:
        return False
    return True


def term_text(value: Any) -> str | None:
    """A term written unquoted, read by YAML as a number, a boolean or a date, as the text Hugo
    makes of it (recorded from Hugo 0.168.0): ``1.0`` is ``1``, ``true`` is ``true``, ``2024-05-06``
    stays as written. None for what is no name (a mapping, a time of day, not a number)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return "NaN" if math.isnan(value) else "+Inf" if value > 0 else "-Inf"  # as Go prints them
        # Go's shortest decimal, never with an exponent: 1.25e+2 is 125, -0.0 is -0.
        return format(decimal.Decimal(repr(value)).normalize(), "f")
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value.isoformat()
    return None


def normalise_terms(
    key: str, value: Any, line: int | None, variants: dict[str, str] | None = None
) -> tuple[list[str], list[Problem]]:
    """A string, a comma-joined string or a list -> trimmed, de-duplicated terms.

    Duplicates are judged case- and width-insensitively so ``GPU, gpu`` on one post counts once,
    keeping the first spelling the writer used. ``variants`` (if given) gets each list entry
    that was written otherwise (`` OpenAI ``, runs of spaces, a second spelling ``ＧＰＵ`` beside
    ``GPU``) -> the term it counts as, and a comma-joined string -> its first term: Hugo kept
    each of those as it was written, so it had a page of its own, whose URL must keep answering.
    """
    problems: list[Problem] = []
    if value is None:
        return [], problems
    if isinstance(value, str):
        items: list[Any] = value.split(",")
    elif isinstance(value, list | tuple):
        items = list(value)
    elif not isinstance(value, bool) and term_text(value) is not None:
        # (A lone `false` reads as "none": warned about below, though Hugo made a term of it.)
        items = [value]
    else:
        problems.append(
            Problem(
                f"'{key}' should be a list of names or a string, not {type(value).__name__}; "
                f'it was ignored. Write e.g. {key}: ["a", "b"].',
                line,
            )
        )
        return [], problems
    out: list[str] = []
    seen: dict[str, str] = {}
    listed = variants is not None and not isinstance(value, str)
    for item in items:
        if item is None:
            continue
        text = term_text(item)
        if text is None:
            problems.append(
                Problem(
                    f"'{key}' has an entry that is not a name ({_show(item, 60)}); it was skipped. "
                    "Use plain strings.",
                    line,
                )
            )
            continue
        term = _norm_space(text)
        if _CONTROL.search(term):  # a YAML escape ("a\0b"): nothing a reader could see or type
            problems.append(
                Problem(
                    f"'{key}' has a name with a control character ({_show(text, 40)}); it was taken "
                    "out of the name. Remove it from the front matter.",
                    line,
                )
            )
            term = _norm_space(_CONTROL.sub("", term))
        if not term:
            continue
        ident = (term if term.isascii() else unicodedata.normalize("NFKC", term)).casefold()
        if listed and isinstance(item, str) and item != seen.get(ident, term):
            variants[item] = seen.get(ident, term)  # trimmed, or another spelling of one before
        if ident in seen:
            continue
        seen[ident] = term
        out.append(term)
    if variants is not None and isinstance(value, str) and out and value != out[0]:
        variants[value] = out[0]  # Hugo made one term of the whole string, as written
    return out, problems


_ATX = re.compile(r"^ {0,3}#(?!#)[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}=+[ \t]*$")
_CODE_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


#: Any line that could be a level-1 heading (or a setext underline): most posts have none, and
#: one search over the text spares them the line-by-line walk. Anchored on a newline rather than
#: `^` with re.M, so that re jumps from line to line instead of trying every character.
_H1_LINE = re.compile(r"\n {0,3}(?:#(?!#)[ \t]|=+[ \t]*(?=\n|\Z))")
_H1_FIRST_LINE = re.compile(r" {0,3}(?:#(?!#)[ \t]|=+[ \t]*(?=\n|\Z))")  # the same, on line 1


def first_heading(body: str) -> str | None:
    """The first level-1 heading outside code fences, the title MkDocs itself would pick."""
    if not (_H1_FIRST_LINE.match(body) or _H1_LINE.search(body)):  # no copy of the body
        return None
    return _first_heading_by_lines(body)


def _first_heading_by_lines(body: str) -> str | None:
    fence = None
    prev = ""
    for line in body.split("\n"):
        m = _CODE_FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if h := _ATX.match(line):
            return h.group(1).strip()
        if _SETEXT.match(line) and prev.strip():
            return prev.strip()
        prev = line
    return None


_LEAD_LABEL = re.compile(r"^[【\[][^】\]]{1,20}[】\]]\s*")
_SENTENCE_END = re.compile(r"[。！？!?]|\.(?:\s|$)")
#: C0 and C1 control characters other than tab: a binary or mangled file's, never a title's.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_NOISE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<[^>]+>|[*_`>#]+")


def title_from_text(body: str, limit: int = 80) -> str | None:
    """A readable title for a scraped article with no front matter and no heading.

    Bylines ("編輯:…") and image lines are too short to be titles; the first paragraph of real
    text is taken, its lead label (``【導讀】``) dropped, cut at the end of its first sentence.
    """
    # Read as text first (no code, shortcodes, link targets or bare URLs): a shortcode argument
    # may hold a '>' that the tag pattern below would stop at, leaving the rest as the title.
    for raw in reading.plain_text(body).split("\n"):
        line = _MD_NOISE.sub("", _CONTROL.sub("", raw)).strip()
        if _columns(line) < 15 or not any(c.isalnum() for c in line):
            continue
        line = _LEAD_LABEL.sub("", line)
        m = _SENTENCE_END.search(line)
        if m and _columns(line[: m.start()]) >= 8:
            line = line[: m.start()]
        line = line.strip(" ,，、:：")
        if len(line) > limit:
            line = line[: limit - 1].rstrip() + "…"
        return line or None
    return None


def _columns(text: str) -> int:
    """Its width on screen: a CJK character takes two columns (a ten-character Chinese sentence is
    a title, where ten Latin letters are a byline)."""
    return len(text) + len(reading.CJK_RE.findall(text))


def _stem(src_uri: str) -> str:
    name = src_uri.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


_FILENAME_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[-_]")


def date_from_filename(src_uri: str) -> dt.datetime | None:
    """Hugo's ``:filename`` date: ``2026-01-20-slug.md``."""
    m = _FILENAME_DATE.match(_stem(src_uri))
    if not m:
        return None
    try:
        return dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


# --------------------------------------------------------------------------------------------
# The whole post


def _key_lines(fm: str, first_line: int) -> dict[str, int]:
    """Line of each top-level key in the file, to point warnings at the right line."""
    lines: dict[str, int] = {}
    for i, line in enumerate(fm.split("\n")):
        m = _KEY_LINE.match(line) or _JSON_KEY_LINE.match(line)
        if m:
            lines.setdefault(m.group(1).lower(), first_line + i)
    return lines


def key_lines(text: str) -> dict[str, int]:
    """Line of each top-level front-matter key in a file's text (keys lower-cased)."""
    kind, fm, _, _, first_line = split_front_matter(text)
    return _key_lines(fm, first_line) if kind else {}


@functools.lru_cache(maxsize=8)
def _known_keys(list_keys: tuple[str, ...]) -> frozenset[str]:
    """The front-matter keys a post's reading normalises (the same set for every post)."""
    return frozenset(
        (*STRING_KEYS, *DATE_KEYS, *EXPIRY_KEYS, *list_keys, "draft", "series_order", "aliases", "audio")
    )


def _a(word: str) -> str:
    """``a date``, ``an expiryDate``."""
    return f"{'an' if word[:1].lower() in 'aeiou' else 'a'} {word}"


def parse_post(
    src_uri: str,
    raw: bytes | str,
    list_keys: tuple[str, ...] = LIST_KEYS,
    inherited: Mapping[str, Any] | None = None,
) -> Post:
    """Read one post. Never raises; look at ``post.problems``. ``inherited``: keys (lower case)
    from Hugo's ``cascade`` above it, for those its front matter does not have in any case."""
    if isinstance(raw, bytes):
        text, problems = decode(raw)
    else:
        text, problems = raw.replace("\r\n", "\n"), []
    kind, fm, body, offset, fm_first_line = split_front_matter(text)
    data, fm_problems = load_front_matter(kind, fm, fm_first_line) if kind else ({}, [])
    # The front matter's own warning says why title and date are missing: none asks for them.
    unread = bool(fm_problems) and not data
    if inherited:
        own = {str(key).lower() for key in data}
        data = {**data, **{key: value for key, value in inherited.items() if key not in own}}
    if kind is None and (unclosed := _unclosed_fence(text)):
        problems.append(unclosed)
    problems += fm_problems

    # Hugo's keys are case-insensitive; unknown keys keep their spelling for themes.
    known = _known_keys(list_keys)
    norm: dict[str, Any] = {}
    meta: dict[str, Any] = {}
    spelled: dict[str, str] = {}
    for key, value in data.items():
        lk = str(key).lower()
        if lk in known:
            if lk in norm:
                # Hugo reads keys in any case; two spellings of one key leave one of them unread.
                key_re = _JSON_KEY_LINE if kind == "json" else _KEY_LINE
                line = next(
                    (
                        fm_first_line + i
                        for i, text in enumerate(fm.split("\n"))
                        if (m := key_re.match(text)) and m.group(1) == str(key)
                    ),
                    None,
                )
                problems.append(
                    Problem(f"has both '{spelled[lk]}' and '{key}'; '{spelled[lk]}' was used. Remove one.", line)
                )
                continue
            norm[lk], spelled[lk] = value, str(key)
        else:
            meta[str(key)] = value

    key_line: dict[str, int] | None = None

    def line_of(key: str) -> int | None:
        # The lines of the keys, found only once a warning needs one (most posts have none).
        nonlocal key_line
        if key_line is None:
            key_line = _key_lines(fm, fm_first_line) if kind else {}
        return key_line.get(key)

    post = Post(src_uri=src_uri, title="", body=body, body_line_offset=offset, problems=problems)

    for key in STRING_KEYS:
        value = norm.get(key)
        if value is None:
            continue
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            meta[key] = str(value).strip()
            if key not in ("slug", "url") and _CONTROL.search(meta[key]):  # those two: see below
                post.problems.append(
                    Problem(
                        f"'{key}' has a control character ({_show(meta[key], 40)}); it was taken out. "
                        "Remove it from the front matter.",
                        line_of(key),
                    )
                )
                meta[key] = _CONTROL.sub("", meta[key]).strip()
            if key in _POST_STRING_FIELDS:
                setattr(post, key, meta[key])
        else:
            post.problems.append(
                Problem(
                    f"'{key}' should be text, not {type(value).__name__}; it was ignored. "
                    f'Write {key}: "...".',
                    line_of(key),
                )
            )

    for key in ("slug", "url"):
        value = getattr(post, key)
        if value and _CONTROL_IN_URL.search(value):
            post.problems.append(
                Problem(
                    f"'{key}' {_show(value, 60)} has a line break or another control character; it was "
                    f"ignored. Write the {key} on one line.",
                    line_of(key),
                )
            )
            setattr(post, key, "")
            del meta[key]

    for key in ("source_url", "image"):
        value = getattr(post, key)
        why = "" if not value else "safe" if not safe_url(value) else "well-formed" if not _readable(value) else ""
        if why:
            post.problems.append(
                Problem(
                    f"'{key}' {_show(value, 60)} is not a {why} URL; it was left out. "
                    "Use a path or an http(s) address.",
                    line_of(key),
                )
            )
            setattr(post, key, "")
            del meta[key]

    # Title: front matter, then the first heading (what MkDocs does), then the text, then the file.
    title = meta.get("title", "")
    post.title_given = bool(title)
    heading = first_heading(body)
    post.has_heading = heading is not None
    if not title:
        if heading:
            title = heading
        else:
            guess = title_from_text(body)
            title = guess or _stem(src_uri)
            post.problems += [] if unread else [
                Problem(
                    f"has no title; using '{title}' taken from the "
                    f"{'text' if guess else 'file name'}. Add 'title: ...' to its front matter.",
                    missing="title",
                )
            ]
    post.title = title
    meta["title"] = title

    # Date: front matter keys in Hugo's order, then the file name.
    raw_date = next(((k, norm[k]) for k in DATE_KEYS if norm.get(k) not in (None, "")), None)
    if raw_date is not None:
        post.date = parse_date(raw_date[1])
        if post.date is None:
            post.problems.append(
                Problem(
                    f"has {_a(spelled.get(raw_date[0], 'date'))} that cannot be read ({_show(raw_date[1], 60)}); the post is "
                    "listed last. Write it as 2026-01-20 or 2026-01-20T10:00:00+08:00.",
                    line_of(raw_date[0]),
                )
            )
    else:
        post.date = date_from_filename(src_uri)
        if post.date is None and not unread:
            post.problems.append(
                Problem(
                    "has no date; it is listed after every dated post. "
                    "Add 'date: 2026-01-20' to its front matter.",
                    missing="date",
                )
            )
    if post.date is not None:
        meta["date"] = post.date
    for key in ("lastmod", "modified"):  # read as fallbacks, and still there for themes
        if key in norm:
            meta[spelled[key]] = norm[key]
    # Hugo's publish date falls back to the date, but not to a date taken from `lastmod`.
    post.publish_date = None if raw_date is not None and raw_date[0] in ("lastmod", "modified") else post.date
    for keys, what in ((PUBLISH_KEYS, "publish"), (EXPIRY_KEYS, "expiry")):
        found = next(((k, norm[k]) for k in keys if norm.get(k) not in (None, "")), None)
        if found is None or (raw_date is not None and found[0] == raw_date[0]):
            continue  # none, or the post's date already (and already reported if unreadable)
        when = parse_date(found[1])
        if when is None:
            post.problems.append(
                Problem(
                    f"has {_a(spelled[found[0]])} that cannot be read as a date ({_show(found[1], 60)}); "
                    + ("the post's date is used instead. " if what == "publish" else "the post does not expire. ")
                    + "Write it as 2026-01-20 or 2026-01-20T10:00:00+08:00.",
                    line_of(found[0]),
                )
            )
        elif what == "publish":
            post.publish_date = when
        else:
            post.expiry_date = when

    if "draft" in norm:
        draft = parse_bool(norm["draft"])
        if draft is None:
            said = _show(norm["draft"], 40)
            why = (
                "which Hugo reads as false (it published this post); the post is published here too"
                if isinstance(norm["draft"], str) and norm["draft"].strip().lower() in _YES
                else "which is neither true nor false; the post is treated as published"
            )
            post.problems.append(
                Problem(f"has draft: {said}, {why}. Write draft: true or draft: false.", line_of("draft"))
            )
            draft = False
        post.draft = draft
        meta["draft"] = draft

    for key in list_keys:
        if key not in norm:
            continue
        variants: dict[str, str] = {}
        terms, term_problems = normalise_terms(key, norm[key], None, variants)
        if variants:
            post.term_variants[key] = variants
        # Its line is looked up only for a warning.
        post.problems += [Problem(problem.message, line_of(key)) for problem in term_problems]
        post.terms[key] = terms
        meta[key] = terms

    if "series_order" in norm and norm["series_order"] not in (None, ""):
        value = norm["series_order"]
        order: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            order = value
        elif (isinstance(value, float) and value.is_integer()) or (
            isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d{1,18}\s*", value)  # Hugo's is an int64
        ):
            order = int(value)
        if order is None:
            post.problems.append(
                Problem(
                    f"has 'series_order: {_show(value, 40)}', which is not a whole number; the part is "
                    "placed after the numbered parts. Write series_order: 2.",
                    line_of("series_order"),
                )
            )
        post.series_order = order
        meta["series_order"] = order

    if "aliases" in norm:
        aliases, alias_problems = normalise_terms("aliases", norm["aliases"], line_of("aliases"))
        post.aliases = aliases
        post.problems += alias_problems
        meta["aliases"] = aliases

    if norm.get("audio") not in (None, ""):
        post.audio, problem = parse_audio(norm["audio"], line_of("audio"))
        if problem:
            post.problems.append(problem)
        meta["audio"] = post.audio or norm["audio"]

    for key, value in meta.items():  # Hugo's keys that only order or hide a post: kept for themes
        lk = key.lower()
        if lk == "weight":
            post.weight = _hugo_int(value)
        elif lk == "linktitle" and isinstance(value, str | int | float) and not isinstance(value, bool):
            post.link_title = str(value).strip()
        elif lk in ("headless", "build", "_build") and not post.unrendered:
            post.unrendered = _unrendered(key, value)
            if isinstance(value, dict) and lk != "headless":
                listed = next((v for k, v in value.items() if str(k).lower() == "list"), None)
                post.unlisted = listed is False or str(listed).strip().lower() in ("never", "false")
                post.local = str(listed).strip().lower() == "local"
    post.meta = meta
    return post


def _hugo_int(value: Any) -> int:
    """A number as Hugo's ``cast.ToInt`` makes one: ``"3"`` is 3, ``1.5`` is 1, ``true`` is 1;
    anything else 0 (no weight)."""
    if isinstance(value, bool | int):
        return int(value)
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    if isinstance(value, str) and re.fullmatch(r"\s*[-+]?\d{1,18}\s*", value):  # an int64 in Hugo
        return int(value)
    return 0


def _unrendered(key: str, value: Any) -> str:
    """Hugo's ways of keeping a page out of the site that are not drafts: a headless bundle, and
    ``build: {render: never}`` (``false`` before Hugo 0.96; ``_build`` before 0.65)."""
    if key.lower() == "headless":
        return f"{key}: true" if parse_bool(value) else ""
    if isinstance(value, dict):
        render = next((v for k, v in value.items() if str(k).lower() == "render"), None)
        if render is False or str(render).strip().lower() in ("never", "false"):
            return f"{key}: {{render: {str(render).lower()}}}"
    return ""


_AUDIO_EXPECTED = (
    "Write audio: https://example.com/ep1.mp3, or a mapping "
    "{url: https://example.com/ep1.mp3, length: 12345678, type: audio/mpeg}."
)


def parse_audio(value: Any, line: int | None) -> tuple[dict[str, Any] | None, Problem | None]:
    """``audio:`` front matter -> ``{"url", "length", "type"}`` for an RSS ``<enclosure>``.

    A URL string or a mapping; the length (bytes) may be unknown (0, as the RSS Advisory Board
    recommends), the type is guessed from the file extension when missing.
    """
    if isinstance(value, str):
        value = {"url": value}
    if not isinstance(value, dict):
        return None, Problem(
            f"'audio' should be a URL or a mapping, not {type(value).__name__}; "
            f"it was ignored. {_AUDIO_EXPECTED}",
            line,
        )
    fields = {str(k).lower(): v for k, v in value.items()}
    url = fields.get("url") or fields.get("src")
    if not isinstance(url, str) or not url.strip() or any(c in url for c in '"<> \t\n'):
        return None, Problem(
            f"'audio' has no usable url ({url!r:.60}); it was ignored. {_AUDIO_EXPECTED}", line
        )
    url = url.strip()
    if not safe_url(url):
        return None, Problem(f"'audio' has a URL that is not safe ({url!r:.60}); it was ignored. {_AUDIO_EXPECTED}", line)
    length = fields.get("length", 0)
    if isinstance(length, str) and re.fullmatch(r"[0-9]{1,18}", length.strip()):
        length = int(length)
    if isinstance(length, bool) or not isinstance(length, int) or not 0 <= length < 10**18:
        return None, Problem(
            f"'audio' has a length that is not a number of bytes ({_show(length, 40)}); "
            f"the audio was ignored. {_AUDIO_EXPECTED}",
            line,
        )
    kind = fields.get("type") or mimetypes.guess_type(url.split("?")[0])[0] or "audio/mpeg"
    if not isinstance(kind, str) or not re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", kind.strip().lower()):
        return None, Problem(
            f"'audio' has a type that is not a MIME type ({kind!r:.40}); "
            f"the audio was ignored. {_AUDIO_EXPECTED}",
            line,
        )
    return {"url": url, "length": length, "type": kind.strip().lower()}, None
