"""Hugo's ``permalinks`` setting: where Hugo published the pages of a section, its home page, a
taxonomy's page and its terms' pages, so those URLs keep answering here.

A Hugo site often moved its posts out of ``/posts/``:

    permalinks:
      posts: /:year/:month/:slug/          # posts (and the terms of a taxonomy named so)
      term: {tags: /topics/:slug/}         # or by kind: page, home, section, taxonomy, term

Every link to such a site points at those URLs. Given the same setting (``hugo_permalinks``),
this module works out the URL Hugo gave each page, with Hugo 0.168's rules, recorded by
``tests/hugo_reference/make_permalinks.py``: the tokens (``:year``, ``:slug``, ``:filename``,
``:sections[1:]``...), Go's date layouts (``:2006``, ``:01``), the whole path lower-cased, and
which rule applies to which page (the flat form to the pages and the terms of a section, the
kind form to that kind, the list form to its targets). Plain data: no MkDocs here.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import unquote, unquote_plus

from .cascade import glob
from .urls import go_lower, go_sanitize, hugo_urlize

#: The kinds of page a rule can target.
KINDS = ("page", "home", "section", "taxonomy", "term")

#: A token as Hugo finds it: ``:`` and a word, with an optional ``[...]`` (Go's ``\w`` is ASCII).
_TOKEN = re.compile(r":[0-9A-Za-z_]+(\[.+?\])?")

_KNOWN = frozenset(
    [
        "year",
        "month",
        "monthname",
        "day",
        "weekday",
        "weekdayname",
        "yearday",
        "section",
        "sectionslug",
        "sections",
        "sectionslugs",
        "title",
        "slug",
        "slugorfilename",
        "filename",
        "contentbasename",
        "slugorcontentbasename",
    ]
)

_DATE_NAMES = frozenset(["year", "month", "monthname", "day", "weekday", "weekdayname", "yearday"])

#: Go's zero time: what Hugo's date tokens give for a page without a date.
_ZERO_TIME = dt.datetime(1, 1, 1, tzinfo=dt.timezone.utc)

#: Hugo checks a date layout against this time: a token whose layout prints it unchanged is no
#: layout (every field differs from Go's reference time, 2006-01-02 15:04:05).
_CHECK_TIME = dt.datetime(2019, 11, 9, 23, 1, 42, 1, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Facts:
    """What a pattern can print of one page: its own values, as Hugo has them.

    ``filename`` is the file's name without extension and language (a bundle's folder name;
    empty for an ``_index.md``); ``base_name`` the same as written (``contentbasename``);
    ``sections`` the folders of the page's section (``("posts", "2025")``); ``section_names``
    the slug, else the title, of each of those sections, for ``:sectionslugs``.
    """

    title: str = ""
    slug: str = ""
    date: dt.datetime | None = None
    filename: str = ""
    base_name: str = ""
    sections: tuple[str, ...] = ()
    section_names: tuple[str, ...] = ()
    term: bool = False  # a term's page: its name keeps its slashes


@dataclass(frozen=True)
class Rule:
    kind: str
    path: re.Pattern[str]
    pattern: str
    specificity: int  # the longer section wins where two rules' sections nest


class PermalinkError(ValueError):
    """A rule Hugo refuses to build with (an unknown token, a kind it has no permalinks for)."""


class Permalinks:
    """The rules of a ``permalinks`` setting; ``url(kind, path, facts)`` expands the one that applies."""

    def __init__(self, setting: object = None):
        self.rules: list[Rule] = []
        if not setting:
            return
        if isinstance(setting, Mapping):
            self._read_map(setting)
        elif isinstance(setting, list):
            self._read_list(setting)
        else:
            raise PermalinkError(
                "must be a mapping (section: pattern, or kind: {section: pattern}) or a list"
            )
        for rule in self.rules:
            check(rule.pattern)
            if "://" in rule.pattern or rule.pattern.startswith("//"):
                raise PermalinkError(
                    f"has the pattern {rule.pattern!r}, which is no path on the site; "
                    "a pattern is a path such as /:year/:slug/"
                )
        # Hugo takes the first rule that matches; a map has no order in Go, so of two rules for
        # nested sections (`posts`, `posts/2025`) the nearer one is taken here, the same each build.
        self.rules.sort(key=lambda r: -r.specificity)

    def __bool__(self) -> bool:
        return bool(self.rules)

    def _read_map(self, setting: Mapping) -> None:
        for key, value in setting.items():
            key = str(key).lower()
            if isinstance(value, str):  # the old flat form: a section's pages, and a taxonomy's terms
                self._add("page", key, value)
                self._add("term", key, value)
            elif isinstance(value, Mapping):
                if key not in KINDS:
                    raise PermalinkError(
                        f"has the kind '{key}', which has no permalinks; the kinds are {', '.join(KINDS)}"
                    )
                for section, pattern in value.items():
                    if not isinstance(pattern, str):
                        raise PermalinkError(f"{key}: the pattern of '{section}' is not text ({pattern!r})")
                    self._add(key, str(section), pattern)
            else:
                raise PermalinkError(f"the value of '{key}' is neither a pattern nor a mapping ({value!r})")

    def _read_list(self, setting: list) -> None:
        for entry in setting:
            if not isinstance(entry, Mapping) or not isinstance(entry.get("pattern"), str):
                raise PermalinkError(f"each entry of the list needs a 'pattern' (text), not {entry!r}")
            target = entry.get("target") or {}
            if not isinstance(target, Mapping):
                raise PermalinkError(f"the target of {entry['pattern']!r} is not a mapping")
            kind = str(target.get("kind", "") or "").lower()
            path = str(target.get("path", "") or "").lower()
            try:
                where = glob(path) if path else None
            except ValueError as err:
                raise PermalinkError(f"the target path {path!r} is not a glob Hugo reads ({err})") from None
            try:
                kinds = glob(kind) if kind else None
            except ValueError as err:
                raise PermalinkError(f"the target kind {kind!r} is not a glob Hugo reads ({err})") from None
            for k in KINDS:
                if kinds is None or kinds.fullmatch(k):
                    self.rules.append(Rule(k, where or re.compile(".*"), entry["pattern"], 0))

    def _add(self, kind: str, section: str, pattern: str) -> None:
        section = section.strip(" /").lower()
        path = "/*" if not section else "/{" + section + "," + section + "/**}"
        self.rules.append(Rule(kind, glob(path), pattern, 1 + section.count("/") if section else 0))

    def pattern(self, kind: str, path: str) -> str | None:
        """The pattern for the page of ``kind`` at Hugo's ``path`` (``/posts/x``), if one applies."""
        for rule in self.rules:
            if rule.kind == kind and rule.path.fullmatch(path):
                return rule.pattern
        return None

    def url(self, kind: str, path: str, facts: Facts) -> str | None:
        """Where Hugo published that page (a path such as ``/2024/05/x/``, not escaped), or None
        where no rule applies (Hugo's default URL then)."""
        pattern = self.pattern(kind, path)
        return None if pattern is None else expand(pattern, facts)


def check(pattern: str) -> None:
    """PermalinkError for a pattern Hugo refuses: one of its tokens is none Hugo knows."""
    for match in _TOKEN.finditer(pattern.replace("\\:", "\x00")):
        name = match.group(0)[1:]
        if name in _KNOWN or name.startswith(("sections[", "sectionslugs[")):
            continue
        if go_format(_CHECK_TIME, name) == name:
            raise PermalinkError(
                f"the pattern {pattern!r} has the token ':{name}', which Hugo does not know "
                f"(Hugo's are :{', :'.join(sorted(_KNOWN))}, :sections[...] and Go date layouts such as :2006)"
            )


def expand(pattern: str, facts: Facts, lower: bool = True) -> str:
    """The pattern with each token filled in from ``facts``, as Hugo's permalink expander does.

    A configured pattern's path is then cleaned as Hugo 0.168 cleans it: percent-escapes and
    ``+`` read (as a query string's: ``+`` is a space), ``.`` and ``..`` resolved, the path
    sanitized as a whole (spaces to ``-``; ``? = ' & , ( ) ! $ [ ] :`` left out) and lower-cased:
    ``/Arch/:monthname/`` is ``/arch/may/``, "C++ Tips" ``c-tips``; it is always a folder.
    A page's own ``url`` with tokens (``lower=False``) is used as written (``/EP/May/a/``). An
    escaped colon (``\\:``) keeps a token from being read, and is itself left out.
    """
    out = _TOKEN.sub(lambda m: _value(m.group(0)[1:], facts), pattern.replace("\\:", "\x00"))
    out = out.replace("\x00", "")
    if not lower:
        return out
    path = "/" + posixpath.normpath("/" + unquote_plus(out)).lstrip("/")
    return go_lower(go_sanitize(path)).rstrip("/") + "/"


def _value(name: str, facts: Facts) -> str:
    date = facts.date or _ZERO_TIME
    if name in _DATE_NAMES:
        if name == "year":
            return str(date.year)
        if name == "month":
            return f"{date.month:02d}"
        if name == "monthname":
            return date.strftime("%B") if date.year > 1 else "January"
        if name == "day":
            return f"{date.day:02d}"
        if name == "weekday":
            return str((date.weekday() + 1) % 7)  # Go: Sunday is 0
        if name == "weekdayname":
            return _WEEKDAYS[date.weekday()]
        return str(date.timetuple().tm_yday)
    if name == "title":
        return _urlize(facts.title, facts.term)
    if name == "slug":
        return _urlize(facts.slug or facts.title, facts.term)
    if name == "slugorfilename":
        return _urlize(facts.slug) if facts.slug else _urlize(facts.filename)
    if name == "filename":
        return _urlize(facts.filename)
    if name == "contentbasename":
        return _urlize(facts.base_name)
    if name == "slugorcontentbasename":
        return _urlize(facts.slug or facts.base_name)
    if name == "section":
        return facts.sections[0] if facts.sections else ""
    if name == "sections":
        return "/".join(facts.sections)
    if name == "sectionslug":
        return _urlize(facts.section_names[0]) if facts.section_names else ""
    if name == "sectionslugs":
        return "/".join(_urlize(s) for s in facts.section_names)
    if name.startswith("sections["):
        return posixpath.join(*_cut(name[len("sections") :], list(facts.sections)) or [""])
    if name.startswith("sectionslugs["):
        names = [_urlize(s) for s in facts.section_names]
        return posixpath.join(*_cut(name[len("sectionslugs") :], names) or [""])
    return go_format(date, name)


def _urlize(text: str, slashes: bool = False) -> str:
    """Hugo's ``urlize`` as a path, not escaped (the redirect is written where Hugo wrote it).
    A page's title or slug is one folder (``AI/ML Weekly`` is ``ai-ml-weekly``); a term's
    keeps its slashes (``AI/ML`` is ``ai/ml``), as Hugo 0.168 wrote them."""
    if not text:
        return ""
    if not slashes:
        text = text.replace("/", "-").replace("\\", "-")
    try:
        return unquote(hugo_urlize(text))
    except ValueError:
        return ""


def _cut(spec: str, items: list[str]) -> list[str]:
    """Hugo's ``[low:high]``, ``[n]`` and ``[last]`` on the sections, lenient out of range."""
    spec = spec.strip().lower()
    if len(spec) < 3 or spec[0] != "[" or spec[-1] != "]":
        return []
    inner = spec[1:-1]

    def index(text: str, low: bool) -> int:
        if text == "":
            return 0 if low else len(items)
        if text == "last":
            return len(items) - 1
        try:
            n = max(int(text), 0)
        except ValueError:
            n = 0
        if n >= len(items):
            return -1 if low else len(items)
        return n

    if not items:
        return []
    if ":" not in inner:
        n = index(inner, True)
        return [] if n < 0 or not items[n] else [items[n]]
    low, high = inner.split(":", 1)
    a, b = index(low, True), index(high, False)
    return [] if a < 0 or b < 0 else items[a:b]


# --------------------------------------------------------------------------------------------
# Go's time layouts (``time.Time.Format``), for tokens such as ``:2006`` or ``:Jan``.

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

#: Go's layout elements, longest first where one starts another (as Go's ``nextStdChunk``
#: reads them).
_LAYOUT = re.compile(
    r"January|Jan(?![a-z])|Monday|Mon(?![a-z])|MST|002|01|02|03|04|05|06|__2|_2|15|2006|1|2|3|4|5|PM|pm"
    r"|Z07:00:00|Z070000|Z07:00|Z0700|Z07|-07:00:00|-070000|-07:00|-0700|-07"
    r"|[.,](?:0+|9+)(?![0-9])"
)


def go_format(date: dt.datetime, layout: str) -> str:
    """``date`` in Go's ``layout``: the reference time's fields (``2006``, ``01``, ``Jan``...)
    stand for the date's; the rest is printed as it is. Read left to right as Go reads it
    (``_2006`` is a ``_`` and the year)."""
    out, at = [], 0
    while (m := _LAYOUT.search(layout, at)) is not None:
        out.append(layout[at : m.start()])
        chunk = m.group(0)
        if chunk == "_2" and layout.startswith("_2006", m.start()):
            out.append("_")
            at = m.start() + 1
            continue
        out.append(_field(date, chunk))
        at = m.end()
    out.append(layout[at:])
    return "".join(out)


def _field(d: dt.datetime, chunk: str) -> str:
    hour12 = d.hour % 12 or 12
    yday = d.timetuple().tm_yday
    values = {
        "January": _MONTHS[d.month - 1],
        "Jan": _MONTHS[d.month - 1][:3],
        "Monday": _WEEKDAYS[d.weekday()],
        "Mon": _WEEKDAYS[d.weekday()][:3],
        "002": f"{yday:03d}",
        "__2": f"{yday:>3d}",
        "01": f"{d.month:02d}",
        "02": f"{d.day:02d}",
        "03": f"{hour12:02d}",
        "04": f"{d.minute:02d}",
        "05": f"{d.second:02d}",
        "06": f"{d.year % 100:02d}",
        "_2": f"{d.day:>2d}",
        "15": f"{d.hour:02d}",
        "2006": f"{d.year:04d}",
        "1": str(d.month),
        "2": str(d.day),
        "3": str(hour12),
        "4": str(d.minute),
        "5": str(d.second),
        "PM": "PM" if d.hour >= 12 else "AM",
        "pm": "pm" if d.hour >= 12 else "am",
    }
    if chunk in values:
        return values[chunk]
    if chunk == "MST":  # a zone without a name (an offset as written) prints as -0700 does
        return "UTC" if not d.utcoffset() else _zone(d, "-0700")
    if chunk[0] in ".,":
        digits = f"{d.microsecond:06d}000"[: len(chunk) - 1]
        if chunk[1] == "9":
            digits = digits.rstrip("0")
            return "." + digits if digits else ""
        return chunk[0] + digits
    return _zone(d, chunk)


def _zone(d: dt.datetime, chunk: str) -> str:
    offset = d.utcoffset() or dt.timedelta(0)
    if chunk.startswith("Z") and not offset:
        return "Z"
    seconds = int(offset.total_seconds())
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hh, mm, ss = seconds // 3600, seconds // 60 % 60, seconds % 60
    body = chunk[1:]
    if body == "07":
        return f"{sign}{hh:02d}"
    if body == "0700":
        return f"{sign}{hh:02d}{mm:02d}"
    if body == "07:00":
        return f"{sign}{hh:02d}:{mm:02d}"
    if body == "070000":
        return f"{sign}{hh:02d}{mm:02d}{ss:02d}"
    return f"{sign}{hh:02d}:{mm:02d}:{ss:02d}"


class UglyURLs:
    """Hugo's ``uglyURLs`` setting (``hugo_ugly_urls``): which sections Hugo published as files,
    ``/posts/x.html`` rather than ``/posts/x/``; ``true`` for every section, or a mapping of
    section (a top content folder, or a taxonomy for its terms) to true or false.

    Recorded from Hugo 0.168 by ``tests/hugo_reference/make_ugly_urls.py``: a regular page (a
    leaf bundle too) and a term's page become files, their aliases too; a list (home, section,
    taxonomy) keeps its folder (``/posts/index.html`` is the same file as ``/posts/``), and so
    does every feed and, but for a term's, every ``page/N/``. A page's own ``url`` is kept as
    written.
    """

    def __init__(self, setting: object = False):
        self._all = False
        self._sections: dict[str, bool] = {}
        if isinstance(setting, bool) or setting is None:
            self._all = bool(setting)
        elif isinstance(setting, Mapping):
            for section, value in setting.items():
                if not isinstance(value, bool):
                    raise PermalinkError(f"gives the section {section!r} {value!r}, where it takes true or false")
                self._sections[str(section).lower()] = value  # Hugo lower-cases its config's keys
        else:
            raise PermalinkError(f"must be true, false or a mapping of section to true or false, not {setting!r}")

    def __bool__(self) -> bool:
        return self._all or any(self._sections.values())

    def __call__(self, section: str) -> bool:
        """Whether Hugo published the pages of ``section`` (``""``: the site's root) as files."""
        return self._all or self._sections.get(section.lower(), False)


def uglify(url: str) -> str:
    """A folder URL Hugo wrote as a file under ``uglyURLs``: ``/posts/x/`` is ``/posts/x.html``."""
    return url[:-1] + ".html" if url.endswith("/") and url != "/" else url
