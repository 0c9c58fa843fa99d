"""Hugo's heading ids, as a Python-Markdown extension (works without MkDocs).

A link to a section of a post, shared or written as ``{{< relref "post#section" >}}``, carries
the id Hugo gave the heading. Python-Markdown's own ids keep only ASCII, so every heading in
Chinese is ``_1``, ``_2``... and such links land at the top of the page. Hugo (Goldmark's
``github`` style, its default) keeps every letter and digit of any script, lowercased, turns
spaces and hyphens into hyphens and drops the rest; the same text twice is ``x``, ``x-1``,
``x-2``; a heading with nothing left is ``heading``. Checked against real Hugo:
``tests/hugo_reference/make_heading_ids.py``.

The ids are set before the ``toc`` extension runs, which keeps an id a heading already has, so
its table of contents, permalinks and MkDocs' anchor checks all use them. Ids written by hand
(``## Title {#id}`` with ``attr_list``) are kept, as Hugo keeps them.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Go's ``unicode.IsSpace``, which trims the heading's text (Python's ``strip`` also takes
#: U+001C-U+001F).
_GO_SPACE = "\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
#: An ASCII heading's id in one pass: letters, digits and ``_`` kept, space and ``-`` to ``-``.
_ASCII_DROP = re.compile(r"[^0-9A-Za-z_ \-]+")
_STASHED = re.compile("\x02wzxhzdk:(\\d+)\x03")
_ESCAPED = re.compile("\x02(\\d+)\x03")
_TAG = re.compile(r"<[^>]*>")
_DASHES = re.compile("---|--")


def hugo_id(text: str) -> str:
    """The id Hugo gives a heading whose text is ``text``, before making it unique (``""`` when
    nothing is left: the caller names it ``heading``, as Hugo does)."""
    text = text.strip(_GO_SPACE)
    if text.isascii():
        return _ASCII_DROP.sub("", text).replace(" ", "-").lower()
    out = []
    for ch in text:
        if ch == " " or ch == "-":
            out.append("-")
        elif ch == "_" or ch.isalpha() or ch.isdecimal():  # Go: IsLetter (L*), IsDigit (Nd)
            # One character at a time, as Go's ToLower: no final sigma, and "İ" is "i".
            low = ch.lower()
            out.append(low if len(low) == 1 else low[0])
    return "".join(out)


def unique_id(base: str, used: set[str]) -> str:
    """``base``, or Hugo's ``base-1``, ``base-2``... for one the page has already; kept in ``used``."""
    found = base or "heading"
    n = 0
    while found in used:
        n += 1
        found = f"{base or 'heading'}-{n}"
    used.add(found)
    return found


class HugoHeadingIds(Treeprocessor):
    """Gives each heading without an id Hugo's id for its text."""

    def __init__(self, md: Markdown, applies) -> None:
        super().__init__(md)
        self.applies = applies

    def run(self, root: etree.Element) -> None:
        if not self.applies():
            return
        headings = []
        used: set[str] = set()
        for el in root.iter():
            if el.tag in _HEADINGS:
                headings.append(el)
            given = el.get("id")
            if given:
                used.add(given)  # a hand-written id, or a footnote's: never given twice
        for el in headings:
            if not el.get("id"):
                el.set("id", unique_id(hugo_id(self._text(el)), used))

    def _text(self, el: etree.Element) -> str:
        """What Goldmark reads as a heading's text: its words, an image's alt text, no HTML tags,
        and not an autolink's address (``<https://…>`` adds nothing to the id)."""
        parts: list[str] = []
        _collect(el, parts)
        text = "".join(parts)
        if "\x02" in text:
            text = _STASHED.sub(self._stashed, text)  # entities, inline HTML, shortcodes' output
            text = _ESCAPED.sub(lambda m: chr(int(m.group(1))), text)  # backslash escapes
        return _plain(text)

    def _stashed(self, m: re.Match[str]) -> str:
        blocks = self.md.htmlStash.rawHtmlBlocks
        i = int(m.group(1))
        raw = blocks[i] if i < len(blocks) else ""
        return _TAG.sub("", raw) if isinstance(raw, str) else "".join(raw.itertext())


def _collect(el: etree.Element, parts: list[str]) -> None:
    """Goldmark's text of an element: an image is its alt text; a footnote mark, an autolink
    (``<https://…>``) nothing; a link only its first part (``[the *docs*](…)`` is ``the``, as
    real Hugo has it); code as written, the rest after Hugo's typographer."""
    tag = el.tag
    if tag == "script":
        return  # arithmatex's copy of a formula, beside the one shown
    if tag == "img":
        parts.append(el.get("alt", ""))
    elif tag == "sup" and el.get("id", "").startswith("fnref"):
        return
    elif tag == "a":
        if el.text:
            if _plain(el.get("href", "")).removeprefix("mailto:") != _plain(el.text):
                parts.append(_typographer(el.text))
        elif len(el):
            _collect(el[0], parts)
    else:
        if el.text:
            parts.append(el.text if tag == "code" else _typographer(el.text))
        for child in el:
            _collect(child, parts)
            if child.tail:
                parts.append(_typographer(child.tail))


def _plain(text: str) -> str:
    """Text with Python-Markdown's hidden ampersands (an obfuscated e-mail address) and entities
    as the characters they stand for."""
    if "\x02" in text:
        text = text.replace(AMP_SUBSTITUTE, "&")
    return html.unescape(text) if "&" in text else text


def _typographer(text: str) -> str:
    """Goldmark's typographer (on in Hugo) makes ``--`` and ``---`` dashes before the id is made,
    and a dash is not kept: ``a--b`` is ``ab`` (code is left as written)."""
    return _DASHES.sub("", text) if "--" in text else text


def _always() -> bool:
    """Default of ``applies``: a function, as Python-Markdown turns callables given against a
    ``None`` default into ``True``."""
    return True


class HugoHeadingIdsExtension(Extension):
    """Headings get Hugo's ids, which ``toc`` then uses (its own ``slugify`` is not called)."""

    def __init__(self, **kwargs) -> None:
        self.config = {
            "applies": [
                _always,
                "Callable() -> whether the document being converted gets Hugo's ids (the MkDocs "
                "plugin: only pages written for Hugo, so other pages keep the ids links know)",
            ]
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # After attr_list (8), which sets ids written by hand; before toc (5).
        md.treeprocessors.register(HugoHeadingIds(md, self.getConfig("applies")), "pd_heading_ids", 6)


def makeExtension(**kwargs) -> HugoHeadingIdsExtension:
    return HugoHeadingIdsExtension(**kwargs)
