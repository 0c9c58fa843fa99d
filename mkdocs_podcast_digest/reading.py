"""Cheap text from a post's raw Markdown: reading time and a first paragraph, with no rendering.

Reading time counts CJK characters and Latin words apart, as each is read. Word counters that
split on spaces (Material's blog) see a paragraph of Chinese as one word, so 3,200 characters read
as "1 min"; Hugo with ``hasCJKLanguage`` counts each character as a word at 501 a minute ("7
min"). Measured silent reading of standardised texts (Trauzettel-Klosinski et al., IReST, 2012)
is about 255 characters a minute in Chinese, 357 in Japanese and 228 words in English, hence the
defaults of 300 characters and 230 words a minute; both are options.
"""

from __future__ import annotations

import html
import math
import re

from .shortcodes.parser import SHORTCODE_RE

#: Han (with extensions and compatibility ideographs), kana and Hangul: text written without
#: spaces, where a summary may be cut anywhere and a paragraph counts as prose. (Reading time
#: counts by ranges of its own, close to these, that it can find in UTF-8 bytes: ``count``.)
_CJK = (
    "\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3130-\u318f\u31a0-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\uff66-\uff9f"
    "\U00020000-\U0003134f"
)
CJK_RE = re.compile(f"[{_CJK}]")
#: A word of a space-separated script, with inner ' . - (any letter or digit but CJK ones).
WORD_RE = re.compile(f"[^\\W_{_CJK}]+(?:['’.\\-][^\\W_{_CJK}]+)*")

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
#: A shortcode, or Hugo's comment shortcode with what it holds (never shown), in one pass that
#: keeps the literal ``{{`` first (re then skips to each one at C speed; an alternation of two
#: patterns took a third longer, and looking for the word "comment" in each post first, 4%).
_OPENER = r"\{\{(?:"
assert SHORTCODE_RE.pattern.startswith(_OPENER)
_COMMENT_REST = r"(?s:[<%]\s*comment\s*[>%]\}\}.*?\{\{[<%]\s*/comment\s*[>%]\}\})"
_SHORTCODE_OR_COMMENT = re.compile(_OPENER + _COMMENT_REST + "|" + SHORTCODE_RE.pattern[len(_OPENER) :])
#: Only the comment shortcode with what it holds, for the excerpt's paragraphs (read where a post
#: has no description: a note to self must not become one, in a page's meta tags or a feed).
_COMMENT_SHORTCODE = re.compile(r"\{\{" + _COMMENT_REST)
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
#: A link's target may be only spaces once its shortcode is gone: `[text]({{< ref "x" >}})`.
_LINK = re.compile(r"\[([^\]]*)\]\( *(?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")? *\)")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s+\S+.*$", re.M)
_BARE_URL = re.compile(r"https?://\S+")  # a literal start: re skips to each "http" at C speed
_HEADING = re.compile(r"^ {0,3}(#{1,6}[ \t]|=+[ \t]*$|-+[ \t]*$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BLOCK_START = re.compile(r"^ {0,3}(>|[-*+][ \t]|\d+[.)][ \t]|\||!!!|\?\?\?|:::|\{\{[<%]|\[[^\]]+\]:)")
#: Emphasis, code, strike and mark signs; an underscore only at a word's edge, where Markdown
#: reads it as emphasis (``max_new_tokens`` keeps its own); a single ``~`` stays (``5~10``); an
#: escaped sign stays, for ``_ESCAPE``.
_INLINE_MARKS = re.compile(r"(?<!\\)(?:\*\*|\*|`+|~~|==|(?<!\w)__?|__?(?!\w))")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|~])")


def without_code(markdown: str) -> str:
    """The Markdown with fenced code blocks removed (lines kept, so line numbers still match)."""
    out: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            out.append("")
            continue
        if m:
            fence = m.group(1)
            out.append("")
            continue
        out.append(line)
    return "\n".join(out)


def plain_text(markdown: str) -> str:
    """What a reader reads: no code, shortcodes, HTML tags, URLs or image syntax."""
    # Each pass only where its marker occurs: most posts have no comment, image or raw HTML.
    # A marker's first character is looked for first: finding one character is a C loop of a
    # fraction of a microsecond, finding a string in text with CJK in it takes ~3.
    fenced = ("`" in markdown and "```" in markdown) or ("~" in markdown and "~~~" in markdown)
    text = without_code(markdown) if fenced else markdown
    if "!" in text and "<!--" in text:
        text = _COMMENT.sub(" ", text)
    if "{{" in text:
        text = _SHORTCODE_OR_COMMENT.sub(" ", text)
    bracket = "]" in text
    if bracket and "](" in text:
        text = _IMAGE.sub(" ", text)
        text = _LINK.sub(r"\1", text)
    if bracket and "]:" in text:
        text = _REF_DEF.sub(" ", text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    return _BARE_URL.sub(" ", text) if "http" in text else text


#: What ``count`` reads, per byte of the UTF-8 text: continuation bytes and the joiners inside
#: words (' . -) are dropped, so each character is left as its first byte. ASCII letters and
#: digits and the characters from U+00C0 to U+1FFF (the letters, digits and marks of spaced
#: scripts: Latin, Greek, Cyrillic, Hebrew, Arabic, Indic, Thai, Georgian, Ethiopic...) become
#: ``a``; everything else (spaces, punctuation, symbols, CJK) becomes a space between words.
_WORD_BYTES = bytes(
    ord("a") if (c < 0x80 and chr(c).isalnum()) or 0xC3 <= c <= 0xE1 else ord(" ") for c in range(256)
)
_DROPPED = bytes(range(0x80, 0xC0)) + b"'.-"
#: Every byte but the first bytes of U+3040-U+D7FF (E3-ED); U+3000-U+303F (E3 80) is taken off.
_NOT_CJK_LEAD = bytes(c for c in range(256) if not 0xE3 <= c <= 0xED)
_ASTRAL_CJK = re.compile(rb"\xf0[\xa0-\xbf]")  # U+20000-U+3FFFF, the ideograph extensions


def count(text: str) -> tuple[int, int]:
    """(CJK characters, other words) in plain text.

    A CJK character is one from U+3040 to U+D7FF (kana, bopomofo, CJK ideographs and symbols,
    Yi and Hangul syllables) or from U+20000 to U+3FFFF (ideograph extensions); CJK punctuation
    (U+3000-U+303F) and full-width forms are not read as characters. A word is a run of ASCII
    letters and digits and characters from U+00C0 to U+1FFF, through any ' ’ . - inside it
    ("don't-stop", "3.5"). Counted on the UTF-8 bytes with ``bytes.translate`` and ``count``,
    which run at C speed: a regular expression over every character took two and a half times
    as long, and was the largest part of the plugin's time to read a post.
    """
    if "’" in text:
        text = text.replace("’", "'")
    data = text.encode("utf-8", "replace")
    words = len(data.translate(_WORD_BYTES, _DROPPED).split())
    if data.isascii():
        return 0, words
    cjk = len(data.translate(None, _NOT_CJK_LEAD)) - data.count(b"\xe3\x80")
    if b"\xf0" in data:
        cjk += len(_ASTRAL_CJK.findall(data))
    return cjk, words


def minutes(markdown: str, cjk_cpm: float = 300, latin_wpm: float = 230) -> int:
    """Minutes to read a post's Markdown body; 0 when it has no text at all (only embeds)."""
    cjk, words = count(plain_text(markdown))
    if not cjk and not words:
        return 0
    return max(1, math.floor(cjk / max(cjk_cpm, 1) + words / max(latin_wpm, 1) + 0.5))


def shorten(text: str, limit: int) -> str:
    """Cut at ``limit`` characters, at a space when the text is spaced, with an ellipsis."""
    if limit <= 0 or len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > limit // 2 and not CJK_RE.search(cut[-20:]) else cut) + "…"


def _prose(markdown: str):
    """The paragraphs of prose, as plain text: no heading, quote, list, table, shortcode or code."""
    paragraphs: list[list[str]] = [[]]
    source = without_code(_COMMENT.sub("", markdown))
    if "comment" in source:  # before the split: what it holds may have blank lines
        source = _COMMENT_SHORTCODE.sub("", source)
    labels = frozenset(m.casefold() for m in _LABEL.findall(source)) if "]:" in source else frozenset()
    for line in source.split("\n"):
        if not line.strip():
            if paragraphs[-1]:
                paragraphs.append([])
            continue
        paragraphs[-1].append(line)
    for lines in paragraphs:
        while lines and (_HEADING.match(lines[0]) or _RULE.match(lines[0])):
            lines = lines[1:]  # a heading ends at its line; the lines after it are a paragraph
        if not lines or _BLOCK_START.match(lines[0]) or lines[0].startswith(("    ", "\t")):
            continue
        if all(_directive(line) for line in lines):
            continue  # what a Jinja-reading plugin puts there ({% include-markdown "x.md" %})
        text = inline_text(" ".join(x.strip() for x in lines), labels)
        if len(text) < 2 or not (CJK_RE.search(text) or WORD_RE.search(text)):
            continue
        yield text


def _directive(line: str) -> bool:
    """A line that is one of mkdocs-macros' or include-markdown's tags as a whole, ``{% ... %}``
    or ``{{ ... }}`` (Hugo's ``{{< >}}`` is a shortcode, read elsewhere); in a sentence, such
    braces are the writer's text (a post quoting ``{{ .Title }}``)."""
    line = line.strip()
    return (line.startswith("{%") and line.endswith("%}")) or (
        line.startswith("{{") and line.endswith("}}") and line[2:3] not in ("<", "%")
    )


#: ``[text][label]`` and ``[text][]``; a footnote's mark ``[^1]`` (with a definition); a
#: ``[label]`` on its own.
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]+\](?!:)")
_SHORTCUT = re.compile(r"\[([^\]\[]+)\](?![(:\[])")
_LABEL = re.compile(r"^ {0,3}\[([^\]]+)\]:", re.M)


def inline_text(text: str, labels: frozenset[str] = frozenset()) -> str:
    """A line of Markdown as the words it shows: links by their text (inline, by reference, and
    ``[label]`` where ``labels`` has a definition of it), no images, footnote marks, HTML tags,
    shortcodes (nor what a comment shortcode holds) or emphasis marks; spaces collapsed."""
    if "comment" in text:
        text = _COMMENT_SHORTCODE.sub("", text)
    text = SHORTCODE_RE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(r"\1", text)
    if "[" in text:
        text = _REF_LINK.sub(r"\1", text)
        if labels:
            text = _FOOTNOTE_MARK.sub(lambda m: "" if m.group(0)[1:-1].casefold() in labels else m.group(0), text)
            text = _SHORTCUT.sub(lambda m: m.group(1) if m.group(1).casefold() in labels else m.group(0), text)
    text = _TAG.sub(" ", text)
    text = _ESCAPE.sub(r"\1", _INLINE_MARKS.sub("", text))
    if "&" in text:  # Markdown's entities are the characters they stand for (escaped again on output)
        text = html.unescape(text)
    return " ".join(text.split())


def first_paragraph(markdown: str, limit: int = 300) -> str:
    """The first paragraph of prose, as plain text. Used where a post has no ``description``;
    cut at ``limit`` characters (0: whole)."""
    return shorten(next(_prose(markdown), ""), limit)


#: Hugo's summary divider (``<!--more-->``; Material's blog writes ``<!-- more -->``).
_MORE = re.compile(r"<!--\s*more\s*-->")


def summary(markdown: str, limit: int = 300) -> str:
    """Hugo's manual summary, the prose before ``<!--more-->``, where a post has the divider
    outside code; else its first paragraph. Cut at ``limit`` characters (0: whole)."""
    text = manual_summary(markdown)
    return shorten(text, limit) if text else first_paragraph(markdown, limit)


def manual_summary(markdown: str) -> str:
    """The prose before ``<!--more-->`` (outside code), as text; "" without the divider."""
    prose = without_code(markdown) if "more" in markdown else ""
    found = _MORE.search(prose)
    return " ".join(_prose(prose[: found.start()])) if found else ""
