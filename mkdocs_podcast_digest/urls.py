"""Slugs and URLs, compatible with the Hugo site the content came from.

Two jobs live here, kept apart on purpose:

* ``hugo_*`` functions reproduce, byte for byte, the URLs Hugo 0.168 gave
  posts and taxonomy terms, so the plugin can keep every old link answering
  (by using the same URL, or by writing a redirect from it).  They copy
  Hugo's quirks too: a term ``o1 / o3`` becomes the nested path
  ``/tags/o1-/-o3/``, a term ``..`` is written over the home page.  They are
  checked against ``tests/data/hugo_reference.json``, recorded from a real
  Hugo build by ``tests/hugo_reference/make_reference.py``.
* ``slugify`` makes *our* path segment for a term.  It equals Hugo's wherever
  Hugo's is a sane single segment (so most URLs survive the move with no
  redirect at all) and is something safe everywhere else.

For redirects from old term URLs use ``hugo_term_segment`` (the folder Hugo
wrote, unescaped) or ``hugo_term_path`` (the link, escaped), with Hugo's
taxonomy name (``related_people``), not ``hugo_urlize``: that is the
template function, which differs for ``C#``, ``o1 / o3`` or runs of spaces.

Character classes come from Python's ``unicodedata`` (Unicode 14 on 3.11),
Hugo's from Go (Unicode 15): characters assigned in between are dropped here
and kept by Hugo.  Plain Python on purpose: no MkDocs import, so it can be
tested and reused alone.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from collections.abc import Mapping

__all__ = [
    "ACRONYMS",
    "MAX_SLUG_BYTES",
    "MAX_SLUG_CHARS",
    "PARTICLES",
    "go_lower",
    "go_sanitize",
    "hugo_alias_path",
    "hugo_post_path",
    "hugo_term_path",
    "hugo_term_segment",
    "hugo_urlize",
    "is_safe_segment",
    "slugify",
    "title_from_slug",
]

# --------------------------------------------------------------------------
# Go semantics.  Hugo is Go; where Python differs (case mapping, what counts
# as a space) we follow Go, or the results drift on exactly the inputs that
# matter (Turkish dotted I, Greek sigma, U+001C..U+001F).

#: ``unicode.IsSpace``: Latin-1 spaces plus the White_Space property.
_GO_SPACE = frozenset(
    "\t\n\v\f\r \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
)
#: Characters Hugo's ``paths.Sanitize`` keeps besides letters, digits and marks.
_HUGO_KEPT_PUNCT = frozenset("./\\_#+~-@")
_HEX = frozenset("0123456789abcdefABCDEF")


def _go_lower(s: str) -> str:
    """Go's ``strings.ToLower``: simple, context-free per-character mapping.

    Python's ``str.lower`` uses full mappings and context: ``'İ'`` becomes two
    characters and a final ``'Σ'`` becomes ``'ς'``.  Go gives ``'i'`` and ``'σ'``.
    """
    if "\u0130" not in s and "\u03a3" not in s:
        # Lower-casing the whole string differs from doing it a character at a time only for
        # these two (İ becomes two characters, Σ depends on its neighbours): checked over every
        # code point by the tests.
        return s.lower()
    out = []
    for c in s:
        low = c.lower()
        if len(low) != 1:
            low = "i" if c == "\u0130" else c  # U+0130 is the only multi-char lower mapping
        out.append(low)
    return "".join(out)



go_lower = _go_lower  # for the permalink expander, which lower-cases as Go does


def _is_letter_digit_mark(c: str) -> bool:
    """``unicode.IsLetter || unicode.IsDigit || unicode.IsMark`` (Digit means Nd only)."""
    cat = unicodedata.category(c)
    return cat[0] in "LM" or cat == "Nd"


def _go_sanitize(s: str) -> str:
    """Hugo's ``common/paths.Sanitize`` (``isAllowedPathCharacter``), rewritten.

    Keeps letters, digits (Nd), marks, ``. / \\ _ # + ~ - @`` and ``%`` when
    two hex digits follow; a run of whitespace between kept characters
    becomes one ``-`` (none next to an existing ``-``); everything else goes.
    """
    target: list[str] = []
    prepend_hyphen = was_hyphen = False
    n = len(s)
    for i, c in enumerate(s):
        allowed = c != " " and (
            _is_letter_digit_mark(c)
            or c in _HUGO_KEPT_PUNCT
            or (c == "%" and i + 2 < n and s[i + 1] in _HEX and s[i + 2] in _HEX)
        )
        if allowed:
            was_hyphen = c == "-"
            if prepend_hyphen:
                if not was_hyphen:
                    target.append("-")
                prepend_hyphen = False
            target.append(c)
        elif target and not was_hyphen and (c in _GO_SPACE):
            prepend_hyphen = True
    return "".join(target)


# Go's net/url escaping, restricted to what Hugo feeds it (no schemes, no ports).
_PATH, _FRAGMENT, _HOST, _USERINFO = "path", "fragment", "host", "userinfo"
_ALNUM = frozenset(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")



go_sanitize = _go_sanitize  # for the permalink expander: Hugo cleans the whole path

def _should_escape(b: int, mode: str) -> bool:
    if b in _ALNUM:
        return False
    c = chr(b)
    if mode == _HOST and c in "!$&'()*+,;=:[]<>\"":
        return False
    if c in "-_.~":
        return False
    if c in "$&+,/:;=?@":
        if mode == _PATH:
            return c == "?"
        if mode == _USERINFO:
            return c in "@/?:"
        if mode == _FRAGMENT:
            return False
    return not (mode == _FRAGMENT and c in "!()*")


#: Each byte as ``_escape`` writes it, per mode; and the characters ``_valid_encoded`` accepts.
#: Made from ``_should_escape`` once: term and post URLs are escaped byte by byte, hundreds of
#: times a build.
_BYTE_TEXT = {
    mode: [f"%{b:02X}" if _should_escape(b, mode) else chr(b) for b in range(256)]
    for mode in (_PATH, _FRAGMENT, _HOST, _USERINFO)
}
_VALID_CHARS = {
    mode: frozenset(
        chr(b) for b in range(128) if chr(b) in "!$&'()*+,;=:@[]%" or not _should_escape(b, mode)
    )
    for mode in (_PATH, _FRAGMENT, _HOST, _USERINFO)
}


def _escape(raw: bytes, mode: str) -> str:
    return "".join(map(_BYTE_TEXT[mode].__getitem__, raw))


def _unescape(s: str, mode: str) -> bytes:
    data = s.encode("utf-8")
    out = bytearray()
    i = 0
    while i < len(data):
        b = data[i]
        if b == 0x25:  # '%'
            pair = data[i + 1 : i + 3]
            if len(pair) != 2 or not all(chr(x) in _HEX for x in pair):
                raise ValueError(f"invalid URL escape {data[i : i + 3].decode('utf-8', 'replace')!r}")
            value = int(pair, 16)
            if mode == _HOST and value < 0x80 and pair.upper() != b"25":
                raise ValueError(f"invalid URL escape in host {s!r}")
            out.append(value)
            i += 3
            continue
        if mode == _HOST and b < 0x80 and _should_escape(b, mode):
            raise ValueError(f"invalid character {chr(b)!r} in host name {s!r}")
        out.append(b)
        i += 1
    return bytes(out)


def _valid_encoded(s: str, mode: str) -> bool:
    """Go's ``validEncoded``: ASCII, and nothing in it that ``mode`` would escape."""
    return s.isascii() and _VALID_CHARS[mode].issuperset(s)


def _escaped(raw: str, mode: str) -> str:
    """``URL.EscapedPath``/``EscapedFragment``: the raw form if already valid, else re-escaped.

    "Valid" means ASCII and correctly escaped; a single non-ASCII character
    makes Go decode the whole string and escape it again (so ``%41`` in it
    turns into ``A``).
    """
    if _valid_encoded(raw, mode):
        _unescape(raw, mode)  # still fails on a bad escape, as Go's Parse does
        return raw
    return _escape(_unescape(raw, mode), mode)


def _go_url(raw: str, *, string: bool) -> str:
    """``url.Parse(raw)`` then ``.String()`` (``string=True``) or ``.EscapedPath()``.

    Raises ``ValueError`` where Go's parser fails (Hugo then panics).
    """
    if any(ord(c) < 0x20 or c == "\x7f" for c in raw):
        raise ValueError(f"control character in URL {raw!r}")
    rest, hash_, fragment = raw.partition("#")
    rest, question, query = rest.partition("?")
    authority = None
    if rest.startswith("//") and not rest.startswith("///"):
        authority, slash, rest = rest[2:].partition("/")
        rest = slash + rest
    elif ":" in rest.split("/", 1)[0]:
        raise ValueError(f"first path segment in URL cannot contain colon: {raw!r}")
    path = _escaped(rest, _PATH)
    if not string:
        return path
    out = ""
    if authority is not None:
        user, at, host = authority.rpartition("@")
        if at:
            if any(not (c.isascii() and (c.isalnum() or c in "-._:~!$&'()*+,;=%@")) for c in user):
                raise ValueError(f"invalid userinfo in {raw!r}")
            user = _escape(_unescape(user, _USERINFO), _USERINFO) + "@"
        host = _escape(_unescape(host, _HOST), _HOST)
        if host or rest or at:
            out = "//" + user + host
    out += path
    if question and (query or not hash_):
        out += "?" + query
    if fragment:
        out += "#" + _escaped(fragment, _FRAGMENT)
    return out


# --------------------------------------------------------------------------
# What Hugo does.


def hugo_urlize(term: str) -> str:
    """Hugo's ``urlize`` template function (``PathSpec.URLize``).

    Themes used it to build tag links by hand, so these links may be out in
    the wild.  It differs from the term page's own URL (see
    ``hugo_term_path``): spaces are not first turned into hyphens one by one,
    and ``#`` is parsed as a fragment (``C#`` gives ``c``).  The result is
    percent-escaped as Hugo prints it.  Raises ``ValueError`` on the rare
    inputs (``//a\\b``) where Go's URL parser fails and Hugo panics.
    """
    return _go_url(_go_lower(_go_sanitize(term)), string=True)


def _hugo_path_element(s: str) -> str:
    """A content path element as Hugo stores it, then sanitizes it for output.

    The path parser lower-cases and turns each ASCII space into ``-``
    *before* ``Sanitize`` runs, which is why ``a - b`` becomes ``a---b`` and
    ``with  two  spaces.md`` becomes ``with--two--spaces``.
    """
    return _go_lower(_go_sanitize(_go_lower(s).replace(" ", "-")))


def hugo_term_segment(term: str) -> str:
    """The path of a term's page below its taxonomy, unescaped, as Hugo wrote it to disk.

    May be empty (the term page then *is* the taxonomy page), contain ``/``
    (a nested path), ``..`` (written outside the taxonomy folder), ``#``,
    literal ``%xx``, or unattached marks.  ``slugify`` is what we use instead.
    """
    return _hugo_path_element(term)


def _hugo_link_escape(link: str, *, string: bool) -> str:
    # Hugo escapes # first: url.Parse would otherwise read it as a fragment.
    return _go_url(link.replace("#", "%23"), string=string) or "/"


def hugo_term_path(term: str, plural: str = "tags") -> str:
    """The RelPermalink Hugo gave the page of ``term`` in taxonomy ``plural``.

    Percent-escaped, with a leading ``/`` and a trailing ``/`` (unless the
    term itself ends in one).  This is the URL old links point at; where it
    differs from ours the plugin needs a redirect from it.
    """
    link = "/" + _hugo_path_element(plural) + "/" + hugo_term_segment(term)
    if not link.endswith("/"):
        link += "/"
    return _hugo_link_escape(link, string=False)


def _split_content_path(src_path: str) -> tuple[str, str]:
    """(folder, name) of a content file the way Hugo names its page: bundles by their folder."""
    folder, name = posixpath.split(src_path.replace("\\", "/").strip("/"))
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if stem in ("index", "_index"):
        folder, stem = posixpath.split(folder)
    return folder, stem


def hugo_post_path(
    src_path: str, slug: str | None = None, url: str | None = None, section: str = "posts"
) -> str:
    """The RelPermalink Hugo gave ``content/<section>/<src_path>`` (default permalinks, pretty URLs).

    ``url`` front matter wins and is used as written (case kept, not
    sanitized; ``..`` resolved; a trailing ``/`` is implied unless the last
    element has a dot).  Otherwise ``slug`` replaces the file name (and goes
    through ``Sanitize`` only, so runs of spaces collapse) or the file name
    is used (spaces hyphenated one by one).  Bundles (``x/index.md``) are
    named by their folder.  Language suffixes (``post.en.md``) are not
    handled: digest sites are single-language.
    """
    if url:
        url = url.replace("\\", "/")
        if ".." in url:
            url = posixpath.normpath(posixpath.join("/", url))
        parts = [p for p in url.split("/") if p]
        link = "/" + "/".join(parts)
        if url.endswith("/") or "." not in url:
            link = link.rstrip("/") + "/"
        return _hugo_link_escape(link, string=True)
    folder, stem = _split_content_path(src_path)
    elements = [_hugo_path_element(section)]
    if folder:
        elements.append(_hugo_path_element(folder))
    elements.append(_go_lower(_go_sanitize(slug)) if slug else _hugo_path_element(stem))
    link = "".join("/" + e for e in elements if e and e != "/")
    return _hugo_link_escape(link.rstrip("/") + "/", string=False)


def hugo_alias_path(alias: str, page_path: str, ugly: bool = False) -> str:
    """Where Hugo wrote the redirect page for ``alias`` of the page at ``page_path``.

    ``page_path`` is the page's unescaped URL path (e.g. ``/posts/x/``).
    Relative aliases hang off the page's parent folder; nothing is
    sanitized.  Returns a directory URL (``/old/path/``) or, for an alias
    naming an ``.html`` or ``.htm`` file (lower case), that file's path.  An alias climbing above the
    site root stops at it, as Go's ``path.Clean`` does (``../../../x/`` from
    ``/posts/a/b/`` is ``/x/``: Hugo 0.168 writes ``x/index.html``).  Raises
    ``ValueError`` for aliases Hugo refuses: the site root, and http(s) URLs. ``ugly``: the
    page's section is published as files (``uglyURLs``), and so is each alias (``/old/x/`` is
    ``/old/x.html``).
    """
    alias = alias.replace("\\", "/")
    if alias.startswith(("http://", "https://")):
        raise ValueError(f"http* aliases not supported: {alias!r}")
    if alias.startswith("/"):
        target = posixpath.normpath(posixpath.join("/", alias))
    else:
        parent = posixpath.normpath(posixpath.join("/", page_path.strip("/"), ".."))
        target = posixpath.normpath(posixpath.join(parent, alias))
    target = "/" + target.lstrip("/")
    if target == "/" or target.startswith("/.."):
        raise ValueError(f"alias {alias!r} resolves to the site root or above it")
    if posixpath.splitext(target)[1] in (".html", ".htm"):  # as spelt: Hugo writes /Old.HTML/
        return target
    return target + (".html" if ugly else "/")


# --------------------------------------------------------------------------
# What we do.

#: Longest slug, in characters and in UTF-8 bytes: a segment is also a file
#: name, and file systems stop at 255 bytes (a CJK character takes 3).
MAX_SLUG_CHARS = 100
MAX_SLUG_BYTES = 200

#: Punctuation we keep, all of it kept by Hugo too and safe, unescaped, in a
#: URL path and a file name on every common system.  Hugo also keeps ``#``
#: (a fragment to every other tool), ``%`` before hex digits (an escape to
#: every other tool), ``/`` and ``\\`` (nesting): we don't.
_SLUG_PUNCT = frozenset("._+~@-")
_SEPARATORS = frozenset("/\\") | _GO_SPACE
#: Names Windows will not create, whatever the extension.
_WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{p}{i}" for p in ("com", "lpt") for i in range(10)]
)
_HYPHENS = re.compile(r"-{2,}")


def _has_word_char(s: str) -> bool:
    return any(unicodedata.category(c)[0] == "L" or unicodedata.category(c) == "Nd" for c in s)


def _fallback_slug(nfc_term: str) -> str:
    return "t-" + hashlib.sha1(nfc_term.encode("utf-8", "surrogatepass")).hexdigest()[:8]


def _cap(slug: str) -> str:
    """Shorten to the limits without splitting a base character from its marks."""
    if len(slug) <= MAX_SLUG_CHARS and len(slug.encode("utf-8")) <= MAX_SLUG_BYTES:
        return slug
    out, size = [], 0
    for c in slug[:MAX_SLUG_CHARS]:
        size += len(c.encode("utf-8"))
        if size > MAX_SLUG_BYTES:
            break
        out.append(c)
    if len(out) < len(slug) and unicodedata.category(slug[len(out)])[0] == "M":
        while out and unicodedata.category(out[-1])[0] == "M":
            out.pop()
        if out:
            out.pop()  # the base character whose marks did not fit
    return "".join(out)


def _trim(slug: str) -> str:
    return _HYPHENS.sub("-", slug).strip("-.")


def slugify(term: str) -> str:
    """Our path segment for a taxonomy term: Hugo's where Hugo's is sane, safe always.

    Same as Hugo: lower case as Go does it, letters/marks/digits of every
    script kept (``AI 產業`` -> ``ai-產業``, ``翁家翌`` -> ``翁家翌``),
    ``. _ + ~ @ -`` kept, other punctuation dropped (``R&D`` -> ``rd``).

    Unlike Hugo, so the result is always one safe segment:

    * NFC first, so ``Cafe\\u0301`` and ``Café`` share a page;
    * whitespace runs, ``/`` and ``\\`` become one ``-`` (``o1 / o3`` ->
      ``o1-o3``; Hugo nests ``o1-/-o3``), ``--`` collapses, and ``-``/``.``
      are trimmed at the ends (no ``.``, ``..`` or hidden segment);
    * ``#`` and ``%`` are dropped (``C#`` -> ``c``, as Hugo's own ``urlize``
      does; ``100%`` -> ``100``), since every other tool reads them as a
      fragment or an escape;
    * a mark is kept only after a kept letter, digit or mark (an emoji's
      variation selector outlives the emoji in Hugo's paths, invisibly);
    * at most ``MAX_SLUG_CHARS`` characters and ``MAX_SLUG_BYTES`` UTF-8
      bytes, never splitting a letter from its marks;
    * Windows device names get a ``_`` (``con`` -> ``con_``, ``nul.js`` -> ``nul_.js``);
    * no letter or digit left (``???``, ``🎙️``) -> ``t-`` + 8 hex digits of
      the SHA-1 of the NFC term: stable, and distinct per term.

    Deterministic and idempotent: ``slugify(slugify(x)) == slugify(x)``.
    """
    nfc = unicodedata.normalize("NFC", term)
    out: list[str] = []
    for c in _go_lower(nfc):
        if c in _SEPARATORS:
            out.append("-")
        elif c in _SLUG_PUNCT:
            out.append(c)
        else:
            cat = unicodedata.category(c)
            is_word = cat[0] == "L" or cat == "Nd"
            if is_word or (cat[0] == "M" and out and out[-1] not in _SLUG_PUNCT):
                out.append(c)
    slug = unicodedata.normalize("NFC", _trim("".join(out)))
    stem, dot, rest = slug.partition(".")
    if stem in _WINDOWS_RESERVED:
        slug = stem + "_" + dot + rest  # before capping, so a second pass finds nothing to do
    slug = _trim(_cap(slug))
    if not _has_word_char(slug):
        return _fallback_slug(nfc)
    return slug


def is_fallback_slug(term: str, slug: str) -> bool:
    """Whether ``slug`` is the hash ``slugify`` gives a term with no letter or digit."""
    return slug == _fallback_slug(unicodedata.normalize("NFC", term))


def is_safe_segment(segment: str) -> bool:
    """Whether ``segment`` can name a page folder and sit in a URL path as it is.

    True for everything ``slugify`` returns; used to decide whether Hugo's
    segment for a term can be kept unchanged.
    """
    return (
        bool(segment)
        and segment == unicodedata.normalize("NFC", segment)
        and _cap(segment) == segment
        and segment == _trim(segment)
        and _has_word_char(segment)
        and segment.split(".", 1)[0] not in _WINDOWS_RESERVED
        and all(
            c in _SLUG_PUNCT or unicodedata.category(c)[0] in "LM" or unicodedata.category(c) == "Nd"
            for c in segment
        )
        and slugify(segment) == segment
    )


# --------------------------------------------------------------------------
# Titles for people and companies that have no profile page.

#: Lower-case words shown upper case.  Short on purpose: only abbreviations
#: common in AI podcast digests, which are never ordinary words.
ACRONYMS = frozenset(
    {"ai", "agi", "api", "aws", "ceo", "cto", "cpu", "gpu", "tpu", "llm", "ml", "ssi", "ibm"}
)
#: Name particles kept lower case inside a name: ``ursula-von-der-leyen``.
PARTICLES = frozenset({"de", "der", "den", "van", "von", "da", "di", "du", "la", "le", "al", "bin", "dos"})


def title_from_slug(slug: str, overrides: Mapping[str, str] | None = None) -> str:
    """A readable name for a slug such as ``lex-fridman`` -> ``Lex Fridman``.

    People and companies appear in front matter only as slugs; until they
    get a profile page this is the best name we have.  Hyphens become spaces,
    each Latin word is capitalised (``lex-fridman`` -> ``Lex Fridman``), known
    acronyms are upper-cased (``ai`` -> ``AI``), name particles after the
    first word stay lower case, and anything not lower-case ASCII (CJK,
    ``OpenAI``) is left as written.  Brand casing cannot be guessed
    (``openai`` -> ``Openai``): pass ``overrides`` (slug or word -> title),
    e.g. ``{"openai": "OpenAI"}``.
    """
    overrides = overrides or {}
    if slug in overrides:
        return overrides[slug]
    words = [w for w in slug.split("-") if w]
    titled = []
    for i, word in enumerate(words):
        if word in overrides:
            titled.append(overrides[word])
        elif not (word.isascii() and word.islower()):
            titled.append(word)
        elif word in ACRONYMS:
            titled.append(word.upper())
        elif i and word in PARTICLES:
            titled.append(word)
        else:
            titled.append(word[0].upper() + word[1:])
    return " ".join(titled)
