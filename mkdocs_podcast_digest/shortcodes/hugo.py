"""Hugo's built-in shortcodes that shape the page rather than embed a player: ``figure``,
``details``, ``param``, ``comment`` and ``highlight``.

Content moved from Hugo uses them as often as the embeds, and unmodified it must build. Each is
built here as Python-Markdown elements, not as a string of HTML, so that the rest of the Markdown
pipeline treats them like the writer's own Markdown: a figure's caption and a details block's
content are Markdown; MkDocs checks and rewrites the image's and the links' relative paths (as it
does for ``![alt](img.png)``); a figure's title is not taken for a heading of the page's table of
contents. The markup follows Hugo 0.168's templates (``tests/data/hugo_builtins.json`` records what
Hugo gives for the cases the tests compare).

Pure functions of the arguments: the processors find the shortcodes and report problems.
"""

from __future__ import annotations

import datetime
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Mapping
from typing import Any

from markdown import util
from markupsafe import escape

#: Built here when no user template of the same name replaces them (as in Hugo).
NAMES = ("figure", "details", "param", "comment", "highlight")
#: Those that take content between an opening and a closing tag.
PAIRED = ("details", "comment")

FIGURE_PARAMS = (
    "src",
    "alt",
    "title",
    "caption",
    "attr",
    "attrlink",
    "link",
    "target",
    "rel",
    "class",
    "width",
    "height",
    "loading",
)
DETAILS_PARAMS = ("summary", "open", "class", "name", "title")

#: Marks the parts of a figure that are Markdown, on elements the inline patterns will process;
#: ``assemble_figure`` moves them into the caption once they are HTML.
PART_ATTR = "data-pd-figure-part"

#: Characters browsers drop from a URL before reading its scheme ("java\tscript:").
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


class BuiltinError(ValueError):
    """An argument a built-in cannot use; the message says what was expected."""


def safe_url(value: str) -> bool:
    """A relative URL or one of http(s), mailto, tel: what may go into an ``href`` or ``src``
    (Hugo's templates turn anything else, ``javascript:`` first, into ``#ZgotmplZ``). Read as the
    browser reads it: ``&#106;avascript:`` and ``java&Tab;script:`` are ``javascript:`` too."""
    if "&" in value:
        value = html.unescape(value)
    m = _SCHEME.match(_IGNORED_IN_SCHEME.sub("", value))
    return m is None or m.group(1).lower() in _SAFE_SCHEMES


def markdown_arg(value: str) -> str:
    """An argument that is Markdown (a caption, a summary) as text for the inline patterns: HTML
    in it is shown, not run (Hugo, by default, leaves it out); emphasis, links and code work."""
    return value.replace("<", "&lt;")


def drop_unsafe_links(el: etree.Element) -> None:
    """Links in a Markdown argument go only where a link may: ``[x](javascript:...)`` loses its
    target (the words stay), an image ``![x](javascript:...)`` its source (the alt text stays)."""
    for a in el.iter("a"):
        if not safe_url(a.get("href", "")):
            del a.attrib["href"]
    for img in el.iter("img"):
        if not safe_url(img.get("src", "")):
            del img.attrib["src"]


def _check(params: Mapping[str, str], known: tuple[str, ...]) -> list[str]:
    """Named arguments the shortcode does not know (Hugo ignores them silently)."""
    return [key for key in params if key not in known]


def _url(params: Mapping[str, str], key: str) -> str:
    value = params.get(key, "").strip()
    if value and not safe_url(value):
        raise BuiltinError(f"{key} '{value}' is not a safe URL (use a path, or an http(s) address)")
    return value


def figure(params: Mapping[str, str], stash) -> tuple[etree.Element, list[str]]:
    """Hugo's ``figure``: ``<figure>`` with the image (inside a link when ``link`` is given) and a
    ``<figcaption>`` of the title (``<h4>``), the caption and the attribution (Markdown, linked
    to ``attrlink``). Returns the element and the unknown argument names.

    The caption and attribution are left as Markdown on marked children of the figure, which the
    inline patterns process; ``assemble_figure`` puts them in place afterwards. The title is raw
    HTML in the stash (``stash(html) -> placeholder``), so it is shown but not listed as a heading.
    """
    unknown = _check(params, FIGURE_PARAMS)
    src = _url(params, "src")
    if not src:
        raise BuiltinError('needs src, the image\'s path or URL (like src="images/photo.jpg")')
    link, attrlink = _url(params, "link"), _url(params, "attrlink")
    fig = etree.Element("figure")
    if params.get("class"):
        fig.set("class", params["class"])
    holder = fig
    if link:
        holder = etree.SubElement(fig, "a", {"href": link})
        for key in ("target", "rel"):
            if params.get(key):
                holder.set(key, params[key])
    img = etree.SubElement(holder, "img", {"src": src})
    title, caption, attr = (params.get(k, "") for k in ("title", "caption", "attr"))
    if params.get("alt"):
        img.set("alt", params["alt"])
    elif not caption:
        # Hugo writes no alt then; an image without one is read out by its file name. A title
        # names the image; without it the image is marked decorative, as ![](x.png) is.
        img.set("alt", title)
    for key in ("width", "height", "loading"):
        if params.get(key):
            img.set(key, params[key])
    if title or caption or attr:
        figcaption = etree.SubElement(fig, "figcaption")
        if title:
            figcaption.text = stash(f"<h4>{escape(title)}</h4>")
        if caption:
            etree.SubElement(fig, "span", {PART_ATTR: "caption"}).text = markdown_arg(caption)
        if attr:
            part = etree.SubElement(fig, "a" if attrlink else "span", {PART_ATTR: "attr"})
            if attrlink:
                part.set("href", attrlink)
            part.text = markdown_arg(attr)
    return fig, unknown


def assemble_figure(fig: etree.Element, stashed: Callable[[int], str]) -> None:
    """Move a figure's caption and attribution, Markdown made HTML by now, into its caption's
    paragraph; without an ``alt``, the image's is the caption as plain text (Hugo's
    ``markdownify | plainify``). ``stashed(n)``: the HTML Python-Markdown stashed as number n."""
    parts = {el.get(PART_ATTR): el for el in fig if el.get(PART_ATTR)}
    if not parts:
        return
    for part in parts.values():
        drop_unsafe_links(part)
    figcaption = fig.find("figcaption")
    p = etree.SubElement(figcaption, "p")
    caption, attr = parts.get("caption"), parts.get("attr")
    if caption is not None:
        fig.remove(caption)
        p.text = caption.text
        p.extend(list(caption))
        img = fig.find(".//img")
        if img is not None and img.get("alt") is None:
            img.set("alt", _plain(caption, stashed))
    if attr is not None:
        fig.remove(attr)
        del attr.attrib[PART_ATTR]
        if caption is not None:
            _append_text(p, "\n")
        if attr.tag == "a":
            attr.tail = None
            p.append(attr)
        else:
            _append_text(p, attr.text or "")
            p.extend(list(attr))


def _append_text(el: etree.Element, text: str) -> None:
    if len(el):
        el[-1].tail = (el[-1].tail or "") + text
    else:
        el.text = (el.text or "") + text


_PLACEHOLDER = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")
_TAG = re.compile(r"<[^>]*>")


def _plain(el: etree.Element, stashed: Callable[[int], str]) -> str:
    """An element's text as one line: what Python-Markdown stashed (entities, raw HTML) put
    back, tags dropped, entities read."""
    text = _PLACEHOLDER.sub(lambda m: stashed(int(m.group(1))), "".join(el.itertext()))
    return " ".join(html.unescape(_TAG.sub("", text)).split())


def details(params: Mapping[str, str], default_summary: str) -> tuple[dict[str, str], str, list[str]]:
    """Hugo's ``details``: the ``<details>`` attributes, the summary (Markdown) and the unknown
    argument names. ``open`` is true for ``true`` or ``1``, as in Hugo; any other value leaves it
    closed."""
    unknown = _check(params, DETAILS_PARAMS)
    attrs = {key: params[key] for key in ("class", "name") if params.get(key)}
    if params.get("open", "").strip().lower() in ("true", "1"):
        attrs["open"] = "open"
    if params.get("title"):
        attrs["title"] = params["title"]
    return attrs, markdown_arg(params.get("summary") or default_summary), unknown


_MISSING = object()


def lookup_param(key: str, *scopes: Mapping[str, Any]) -> Any:
    """Hugo's ``.Page.Param``: ``key`` (dots go into nested maps, case ignored, as Hugo lowers
    parameter names) in the first scope that has it, the page's front matter before the site's
    parameters. None when none has it."""
    for scope in scopes:
        value: Any = scope
        for part in key.split("."):
            if not isinstance(value, Mapping):
                value = _MISSING
                break
            found = value.get(part, _MISSING)
            if found is _MISSING:
                lowered = part.lower()
                found = next((v for k, v in value.items() if str(k).lower() == lowered), _MISSING)
            value = found
            if value is _MISSING:
                break
        if value is not _MISSING and value is not None:
            return value
    return None


def go_text(value: Any) -> str:
    """A value as Hugo's ``param`` prints it: ``true``, ``[a b]``, ``map[k:v]``; a date as
    written in the front matter (Hugo does not read a page's own parameters as dates; YAML
    here does, so it is written back: ``2026-03-02``, ``2026-03-11T10:30:00+08:00``, ``...Z``).
    The caller escapes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (datetime.date, datetime.datetime)):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(value, Mapping):
        items = sorted((str(k).lower(), go_text(v)) for k, v in value.items())
        return "map[" + " ".join(f"{k}:{v}" for k, v in items) + "]"
    if isinstance(value, (list, tuple)):
        return "[" + " ".join(go_text(v) for v in value) + "]"
    return str(value)


# -- highlight ------------------------------------------------------------------------------------

#: Chroma's options that Hugo's ``highlight`` takes and that a theme's own code styling replaces
#: here (colours, anchors, wrapping): accepted, without effect.
_STYLING_OPTIONS = {
    "anchorlinenos",
    "codefences",
    "guesssyntax",
    "hl_inline",
    "lineanchors",
    "linenumbersintable",
    "noclasses",
    "style",
    "tabwidth",
    "wrapperclass",
}
#: What reads a fence's line numbers (``fence_info``'s ``highlighter``); "" for nothing.
SUPERFENCES, CODEHILITE = "superfences", "codehilite"
_LANG = re.compile(r"[\w#+.\-]*")
_LINES = re.compile(r"\d+(?:-\d+)?(?:[ ,]+\d+(?:-\d+)?)*")
_MAX_LINE = 100_000


def fence_info(args: list[str], kwargs: Mapping[str, str], highlighter: str = SUPERFENCES) -> tuple[str, list[str]]:
    """What Hugo's ``{{< highlight go "linenos=table,hl_lines=2 4-5,linenostart=10" >}}`` says,
    as the info string of a fenced code block that Python-Markdown's ``fenced_code`` (with
    ``codehilite``) and pymdownx's ``superfences`` both read: ``{.go linenums="10" hl_lines="2 4
    5"}``. Returns it and the problems found (each an option left out).

    ``highlighter``: what will read the line numbers and highlighted lines. SuperFences takes the
    first line's number as ``linenums``; codehilite takes ``linenums`` as on or off (a number
    but 1 turned them off) and the first number as ``linenostart``. With neither, ``fenced_code``
    with ``attr_list`` puts them on the ``<code>`` element as it parsed them, a boolean and a
    list, and Python-Markdown stops the build on them (Hugo's own ``linenos=inline`` took a
    whole site down): they are checked, then left out."""
    problems: list[str] = []
    options = {key.lower(): value for key, value in kwargs.items()}
    lang = options.pop("lang", args[0] if args else "").strip()
    if len(args) > 2 or (len(args) > 1 and "lang" in kwargs):
        problems.append('takes a language and one string of options, like highlight go "linenos=table"')
    if len(args) > 1:
        for item in args[1].split(","):
            key, sep, value = item.partition("=")
            if key.strip():
                options[key.strip().lower()] = value.strip() if sep else "true"
    if not _LANG.fullmatch(lang):
        problems.append(f"language '{lang}' is not a language name (letters, digits, + # . -)")
        lang = ""
    linenos = options.pop("linenos", "false").lower()
    start = options.pop("linenostart", "1")
    hl_lines = options.pop("hl_lines", "").strip()
    if not start.isdigit():
        problems.append(f"linenostart '{start}' is not a number")
        start = "1"
    attrs = [f".{lang}"] if lang else []
    if linenos in ("true", "table", "inline", "1"):
        if highlighter == SUPERFENCES:
            attrs.append(f'linenums="{max(1, int(start))}"')  # SuperFences reads 0 as "no numbers"
        elif highlighter == CODEHILITE:
            attrs.append('linenums="true"' + (f' linenostart="{int(start)}"' if int(start) != 1 else ""))
    elif linenos not in ("false", "0", ""):
        problems.append(f"linenos '{linenos}' is not one of true, false, table, inline")
    if hl_lines:
        lines = _expand_lines(hl_lines)
        if lines is None:
            problems.append(f"hl_lines '{hl_lines}' is not a list of lines like \"2 4-6\"")
        elif highlighter:
            attrs.append(f'hl_lines="{lines}"')
    for key in options:
        if key not in _STYLING_OPTIONS:
            problems.append(f"unknown option '{key}' (known: linenos, linenostart, hl_lines, style...)")
    if attrs == [f".{lang}"]:
        return lang, problems
    return "{" + " ".join(attrs) + "}" if attrs else "", problems


#: A fence's opening line with Goldmark's attributes after its language: ```` ```go {linenos=true,
#: hl_lines=[2, "4-5"]} ````. Python-Markdown's fenced_code reads no language before a brace (the
#: block became a paragraph, and its closing fence opened a block that took the rest of the page).
GOLDMARK_FENCE = re.compile(r"^( *)(`{3,}|~{3,})[ \t]*(?:([\w#+.\-]+)[ \t]*)?\{([^{}`\n]*)\}[ \t]*$")
#: One attribute: ``.class``, ``#id``, or ``key`` with ``=`` and a quoted, bracketed or bare value.
_FENCE_ATTR = re.compile(
    r"""[ \t,]*(?:([.#])([\w-]+)|([A-Za-z_][\w-]*)(?:[ \t]*=[ \t]*("[^"]*"|'[^']*'|\[[^\]]*\]|[^\s,"'\[\]]+))?)"""
)


def goldmark_fence_info(lang: str, attrs: str, highlighter: str = SUPERFENCES) -> tuple[str, list[str]] | None:
    """The info string Python-Markdown reads for a fence Hugo wrote as ```` ```go {linenos=table,
    hl_lines=[8,"15-17"], linenostart=199, .wide} ````: ``{.go linenums="199" hl_lines="8 15 16
    17" .wide}``, its line options made by ``fence_info`` as a ``highlight`` shortcode's are, and
    any other attribute kept as written (SuperFences reads ``title="main.py"``). None when the
    braces are not attributes, or when the fence needs nothing changed: SuperFences reads a
    language before braces itself, so only Hugo's own spellings (``linenos``, ``linenostart``,
    a ``[...]`` list, commas) are rewritten for it; fenced_code reads no language before braces,
    and nothing but codehilite or SuperFences reads ``linenums``."""
    options: dict[str, str] = {}
    kept: list[str] = []  # classes, ids and other attributes, as written
    hugo_only = "," in attrs  # Goldmark's separator (inside a quoted value too: rewritten safely)
    at, end = 0, len(attrs.rstrip(" \t,"))
    while at < end:
        m = _FENCE_ATTR.match(attrs, at)
        if m is None or m.end() == at:
            return None
        at = m.end()
        mark, name, key, value = m.groups()
        if mark:
            kept.append(f"{mark}{name}")
            continue
        lower = key.lower()
        raw = (value or "true").strip()
        text = raw[1:-1] if raw[:1] in "\"'" and len(raw) > 1 else raw
        if raw.startswith("["):  # hl_lines=[8, "15-17"]
            text = " ".join(item.strip(" \t\"'") for item in raw[1:-1].split(","))
            hugo_only = True
        if lower in ("linenos", "linenostart"):
            options[lower] = text
            hugo_only = True
        elif lower == "hl_lines":
            options[lower] = text
        elif lower == "linenums":  # Python-Markdown's own spelling: on, or the first line's number
            if highlighter == SUPERFENCES:
                kept.append(f"{key}={raw}")  # "5 2": start and step, which SuperFences reads
                continue
            hugo_only = True  # codehilite reads it as on/off; nothing else reads it at all
            if text.lower() not in ("false", "0", "no", "off"):
                options["linenos"] = "true"
                first = text.split()[0] if text.split() else ""
                if first.isdigit() and int(first) > 1:
                    options["linenostart"] = first
        elif lower in _STYLING_OPTIONS:
            hugo_only = True  # Hugo's highlighting style: the site's highlighter has its own
        else:
            kept.append(f"{key}={raw}" if value is not None else key)
    if not (hugo_only or (lang and highlighter != SUPERFENCES) or (options and not highlighter)):
        return None
    if not lang and kept and kept[0].startswith("."):
        lang = kept.pop(0)[1:]  # ```{.go}: as Python-Markdown reads it
    info, problems = fence_info([lang], options, highlighter)
    if not highlighter:  # fenced_code alone: key=value would go on <code> as parsed (attr_list)
        kept = [k for k in kept if k[:1] in ".#"]
    # A class with no language before it would be read as the language: only an id, then.
    kept = [k for k in kept if (lang or not k.startswith(".")) and k != f".{lang}"]  # not the language twice
    if kept:
        inner = info[1:-1] if info.startswith("{") else (f".{info}" if info else "")
        info = "{" + " ".join(filter(None, [inner, *kept])) + "}"
    return info, problems


def _expand_lines(spec: str) -> str | None:
    """``2 4-6`` as ``2 4 5 6``: codehilite reads single numbers only."""
    if not _LINES.fullmatch(spec):
        return None
    numbers: list[str] = []
    for item in spec.replace(",", " ").split():
        first, _, last = item.partition("-")
        low, high = int(first), int(last or first)
        if low > high or high > _MAX_LINE:
            return None
        numbers += [str(n) for n in range(low, high + 1)]
    return " ".join(numbers)
