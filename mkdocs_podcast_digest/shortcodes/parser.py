"""Hugo shortcode syntax: find `{{< name args >}}` / `{{% name args %}}` and read their arguments.

Pure string handling, no Markdown: the processors feed it text and decide what to do with the result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_QUOTED = r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|`[^`]*`'


def _body(close: str) -> str:
    # Quoted strings may contain anything (even `>}}`); elsewhere stop before the closer or a new opener.
    return r"(?:" + _QUOTED + r"|(?!" + close + r"\}\}|\{\{[<%])[^\"'`])*"


_WHOLE = r"<(?P<lt>" + _body(">") + r")>\}\}|%(?P<pc>" + _body("%") + r")%\}\}"
#: A whole shortcode (`lt` or `pc` holds the body), or else a lone opener (`open`: its `<` or `%`)
#: that has no closer. Every branch sits behind one literal `{{`, which lets `re` skip to the next
#: `{{` at C speed; written as `{{...|{{<` it tried the pattern at every character of every text.
SHORTCODE_RE = re.compile(r"\{\{(?:" + _WHOLE + r"|(?P<open>[<%]))")
#: Only complete shortcodes (used to look ahead for closing tags).
FULL_SHORTCODE_RE = re.compile(r"\{\{(?:" + _WHOLE + r")")
CLOSERS = {"<": ">", "%": "%"}


def parts(m: re.Match[str]) -> tuple[str, str]:
    """(delimiter, body) of a complete shortcode match: `<` or `%`, and the text between."""
    if m.group("lt") is not None:
        return "<", m.group("lt")
    return "%", m.group("pc")


def raw(delim: str, body: str) -> str:
    return "{{" + delim + body + CLOSERS[delim] + "}}"


NAME_RE = re.compile(r"[A-Za-z0-9_][\w.-]*(?:/[A-Za-z0-9_][\w.-]*)*")
_ARG_RE = re.compile(
    r"(?P<key>[A-Za-z_][\w-]*)\s*=\s*(?P<kval>" + _QUOTED + r"|[^\s\"'`]+)"
    r"|(?P<val>" + _QUOTED + r"|[^\s\"'`]+)"
)
# Markdown's backslash escapes (Python-Markdown's default ESCAPED_CHARS), as editors write `6c1h\_9rkofU`.
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!])")
_QUOTE_ESCAPE_RE = re.compile(r"\\([\"'\\])")


class ShortcodeSyntaxError(ValueError):
    """The text between the delimiters is not a valid shortcode call."""


@dataclass
class Shortcode:
    """One parsed shortcode tag."""

    name: str
    delim: str = "<"
    args: list[str] = field(default_factory=list)
    kwargs: dict[str, str] = field(default_factory=dict)
    closing: bool = False
    self_closing: bool = False


def is_escaped(body: str) -> bool:
    """Hugo's escape: `{{</* youtube x */>}}` is shown as the text `{{< youtube x >}}`."""
    stripped = body.strip()
    return len(stripped) >= 4 and stripped.startswith("/*") and stripped.endswith("*/")


def unescape_literal(delim: str, body: str) -> str:
    """The literal text an escaped shortcode stands for."""
    start = body.index("/*")
    end = body.rindex("*/")
    return raw(delim, body[:start] + body[start + 2 : end] + body[end + 2 :])


def _unquote(token: str) -> str:
    if token[0] == "`":
        return token[1:-1]  # raw string: no escapes at all, like Hugo
    if token[0] in "\"'":
        token = _QUOTE_ESCAPE_RE.sub(r"\1", token[1:-1])
    return _MD_ESCAPE_RE.sub(r"\1", token)


def parse(delim: str, body: str) -> Shortcode:
    """Parse the body of `{{<body>}}` (delimiters excluded).

    Raises ShortcodeSyntaxError with a short reason when it cannot be read.
    """
    text = body.strip()
    closing = text.startswith("/")
    if closing:
        text = text[1:].lstrip()
    self_closing = text.endswith("/") and not closing
    if self_closing:
        text = text[:-1].rstrip()
    m = NAME_RE.match(text)
    if not m:
        raise ShortcodeSyntaxError("no shortcode name after the opening delimiter")
    sc = Shortcode(name=m.group(0), delim=delim, closing=closing, self_closing=self_closing)
    pos = m.end()
    if pos < len(text) and not text[pos].isspace():
        raise ShortcodeSyntaxError(f"unexpected character {text[pos]!r} after the name")
    while True:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        am = _ARG_RE.match(text, pos)
        if not am or (am.end() < len(text) and not text[am.end()].isspace()):
            raise ShortcodeSyntaxError("arguments must be separated by spaces and quotes must be closed")
        if am.group("key"):
            key = am.group("key")
            if key in sc.kwargs:
                raise ShortcodeSyntaxError(f"argument {key!r} is given twice")
            sc.kwargs[key] = _unquote(am.group("kval"))
        else:
            sc.args.append(_unquote(am.group("val")))
        pos = am.end()
    if closing and (sc.args or sc.kwargs):
        raise ShortcodeSyntaxError("a closing tag takes no arguments")
    return sc


def find_closing(text: str, name: str, pos: int) -> re.Match[str] | None:
    """The tag closing the `name` shortcode opened just before `pos` (same-name tags nest)."""
    found = _scan_for_closing(text, name, pos, limit=_NEAR)
    if found is not _FAR:
        return found  # the usual case: the closer, or the end of the text, within a few tags
    tail = len(text) - pos
    rest = text[pos:]
    known = next((k for k in _KNOWN if k[0] == name and len(k[1]) >= tail and k[1].endswith(rest)), None)
    if known is None:
        known = (name, text, _pairs(text, name))
        _KNOWN.insert(0, known)
        del _KNOWN[_KEPT:]
    if tail not in known[2]:
        return _scan_for_closing(text, name, pos)  # an opener the pass from the start did not see
    close = known[2][tail]
    return None if close is None else FULL_SHORTCODE_RE.match(text, len(text) - close)


#: How many tags a closer is looked for among before the text's pairs are worked out in one
#: pass: a scan per opener took quadratic time on a paragraph of unclosed ones (4,000: 40 s).
_NEAR = 32
_FAR = object()  # `_scan_for_closing` with a limit: not found that near
#: The texts whose pairs were worked out, newest first, with the pairs as distances from the
#: end of the text: Markdown's inline pass gives a paragraph back with each replaced shortcode
#: before the next one, so what follows an opener is the same text as before, and which closer
#: an opener gets depends only on the text after it. A few are kept, as the inner text of each
#: paired shortcode is read between two openers of its paragraph.
_KNOWN: list[tuple[str, str, dict[int, int | None]]] = []
_KEPT = 8


def _pairs(text: str, name: str) -> dict[int, int | None]:
    """Every `name` tag opened in `text` with the start of the tag closing it, or None, both as
    distances from the end, in one pass: bracket matching gives each opener the closer that
    scanning on from it would, and a scan per opener took quadratic time on a paragraph of
    unclosed ones (4,000 took 40 s)."""
    pairs: dict[int, int | None] = {}
    opened: list[int] = []
    size = len(text)
    for m, sc in _tags(text, 0, name):
        if sc.closing:
            if opened:
                pairs[opened.pop()] = size - m.start()
        else:
            pairs[size - m.end()] = None
            opened.append(size - m.end())
    return pairs


def _scan_for_closing(text: str, name: str, pos: int, limit: int = 0):
    """The closer found by reading the tags on from ``pos``; with a ``limit``, ``_FAR`` when
    that many tags are read without finding it, or the end of the text."""
    depth = 1
    for n, (m, sc) in enumerate(_tags(text, pos, name), 1):
        depth += -1 if sc.closing else 1
        if depth == 0:
            return m
        if n == limit:
            return _FAR
    return None


def _tags(text: str, pos: int, name: str):
    """The `name` tags from `pos` on that open or close (not escaped, not self-closing)."""
    for m in FULL_SHORTCODE_RE.finditer(text, pos):
        delim, body = parts(m)
        if is_escaped(body):
            continue
        try:
            sc = parse(delim, body)
        except ShortcodeSyntaxError:
            continue
        if sc.name == name and not sc.self_closing:
            yield m, sc
