"""Python-Markdown processors that find shortcodes and replace them by stashed HTML.

- `SourcePreprocessor` records the page source so warnings can name a line.
- `ShortcodeInlineProcessor` runs after code spans were stashed (so it never sees code) and before
  backslash escapes (so `6c1h\\_9rkofU` still reads as written).
- `PairedBlockProcessor` handles `{{< name >}}...{{< /name >}}` of user templates whose inner content
  spans blank lines.
- `FinalizeTreeprocessor` renders templates around Markdown inner content (`{{% %}}`) once that
  content is fully processed, and splits paragraphs that hold several block embeds.
"""

from __future__ import annotations

import bisect
import logging
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape as html_escape
from typing import TYPE_CHECKING, Any

import jinja2
from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.serializers import to_html_string
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from . import hugo, parser
from .render import DEFAULT_TEXTS, render_embed, render_unavailable
from .specs import ArgError, EmbedSpec, lookup

if TYPE_CHECKING:
    from markdown import Markdown

log = logging.getLogger("mkdocs_podcast_digest.shortcodes")

WarningCallback = Callable[[str, "int | None"], None]
#: ``resolve_ref(path, in_link)`` -> the link for Hugo's ``ref``/``relref``, or None: no such page;
#: a ``LookupError`` saying why when the page exists but has no page in this build.
RefCallback = Callable[[str, bool], "str | None"]
#: Hugo's shortcodes that link to another page of the site (its permalink, its relative one).
REF_NAMES = ("ref", "relref")
#: ``page_params()`` -> where Hugo's ``param`` looks, first to last: the page's front matter,
#: then the site's parameters.
ParamsCallback = Callable[[], "tuple[Any, ...]"]

PENDING_ATTR = "data-pd-shortcode-pending"
# Tags whose content model accepts a <div> even next to text.
_FLOW_PARENTS = {
    "li",
    "td",
    "th",
    "dd",
    "blockquote",
    "div",
    "details",
    "section",
    "article",
    "figure",
    "aside",
}
_INLINE_PLACEHOLDER_RE = re.compile(util.INLINE_PLACEHOLDER_PREFIX + r"([0-9]+)" + util.ETX)
_HTML_PLACEHOLDER_RE = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")


def default_warning(message: str, line: int | None) -> None:
    log.warning(f"{message} (line {line})" if line else message)


def show(value: str, limit: int = 60) -> str:
    """An argument as shown in a warning: one line, truncated, control characters escaped."""
    value = value if len(value) <= limit else value[: limit - 1] + "…"
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in value).replace("'", "\\'")


@dataclass
class Pending:
    """A user template waiting for its Markdown inner content to be processed."""

    template: jinja2.Template
    shortcode: parser.Shortcode
    block: bool


@dataclass
class DocumentState:
    """Per-document state; reset at the start of every conversion."""

    source: str = ""
    seen: Counter = field(default_factory=Counter)
    pending: dict[str, Pending] = field(default_factory=dict)
    block_placeholders: set[str] = field(default_factory=set)
    paired_names: dict[str | tuple[str, str], bool] = field(default_factory=dict)
    #: Figures whose caption is still on marked parts (``hugo.assemble_figure``).
    figures: list[etree.Element] = field(default_factory=list)
    #: Summaries of ``details``: Markdown arguments, whose links are checked once they are HTML.
    summaries: list[etree.Element] = field(default_factory=list)
    #: Where each text a warning names occurs (line numbers): found once per page, not once per
    #: warning (a page of thousands of unclosed ``{{<`` took minutes).
    found: dict[object, list[int]] = field(default_factory=dict)

    def reset(self, lines: list[str] | None = None) -> None:
        self.source = "\n".join(lines or [])
        self.seen.clear()
        self.pending.clear()
        self.block_placeholders.clear()
        self.paired_names.clear()
        self.figures.clear()
        self.summaries.clear()
        self.found.clear()

    def locate(self, raw: str, line_end: bool = False) -> int | None:
        """1-based line of the n-th occurrence of `raw` (whitespace and `>` quote markers may differ).
        With `line_end`, prefer occurrences that end their line (for an unclosed `{{<`)."""
        tokens = raw.split()
        if not tokens or not self.source:
            return None
        pattern = r"[\s>]+".join(re.escape(t) for t in tokens)
        if line_end and self._lines(pattern + r"[ \t]*$"):
            pattern += r"[ \t]*$"
        index = self.seen[pattern]
        self.seen[pattern] += 1
        lines = self._lines(pattern)
        return lines[min(index, len(lines) - 1)] if lines else None

    def _lines(self, pattern: str) -> list[int]:
        """1-based lines of every match of ``pattern`` in the page."""
        lines = self.found.get(pattern)
        if lines is None:
            lines, line, at = [], 1, 0
            for m in re.finditer(pattern, self.source, re.MULTILINE):
                line += self.source.count("\n", at, m.start())
                at = m.start()
                lines.append(line)
            self.found[pattern] = lines
        return lines

    def locate_unclosed(self, raw: str, name: str) -> int | None:
        """1-based line of the n-th opening tag ``raw`` of ``name`` that no closing tag answers
        (tags paired as nested, over the whole page). ``locate`` counts warnings, and an opening
        tag closed earlier on the page takes none, so it would name that one instead."""
        tokens = raw.split()
        if not tokens or not self.source:
            return None
        key = ("unclosed", raw)
        lines = self.found.get(key)
        if lines is None:
            lines = self.found[key] = self._unclosed_lines(tokens, name)
        if not lines:
            return self.locate(raw)
        index = self.seen[key]
        self.seen[key] += 1
        return lines[min(index, len(lines) - 1)]

    def _unclosed_lines(self, tokens: list[str], name: str) -> list[int]:
        tags = re.compile(r"\{\{([<%])\s*(/?)\s*" + re.escape(name) + r"(?![\w-])[\s\S]*?[>%]\}\}")
        opened: list[re.Match[str]] = []
        for tag in tags.finditer(self.source):
            if tag.group(2):
                if opened:
                    opened.pop()
            elif not re.search(r"/\s*[>%]\}\}$", tag.group(0)):  # `{{< name />}}` closes itself
                opened.append(tag)
        pattern = re.compile(r"[\s>]+".join(re.escape(t) for t in tokens))
        return [self.source.count("\n", 0, tag.start()) + 1 for tag in opened if pattern.fullmatch(tag.group(0))]

    def has_closing(self, name: str) -> bool:
        if name not in self.paired_names:
            closing = re.compile(r"\{\{[<%]\s*/\s*" + re.escape(name) + r"\s*[>%]\}\}")
            self.paired_names[name] = bool(closing.search(self.source))
        return self.paired_names[name]

    def has_opening(self, name: str) -> bool:
        """Whether the page opens ``name`` anywhere (``{{< name ...>}}``, not its closing tag);
        once per name and page, as ``has_closing``."""
        key = ("open", name)
        if key not in self.paired_names:
            opening = re.compile(r"\{\{[<%]\s*" + re.escape(name) + r"(?![\w.-])")
            self.paired_names[key] = opening.search(self.source) is not None
        return self.paired_names[key]


#: What only a Hugo (Go) template has: ``{{ .Get 0 }}``, ``{{ $x := ... }}``, ``{{ end }}``,
#: ``{{ with ... }}``, ``{{ range ... }}`` (Jinja reads none of them).
_GO_TEMPLATE = re.compile(r"\{\{-?\s*(?:\.|\$|end\s*-?\}\}|with\s|range\s|else\s*-?\}\}|define\s|partial\s)")


class TemplateEnvironment(jinja2.Environment):
    """The shortcode templates' environment; it remembers which of them are Hugo's own Go
    templates (a site that kept its ``layouts/`` folder), so each is reported once."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.go_templates: set[str] = set()


class Engine:
    """Turns parsed shortcodes into HTML; shared by the processors of one Markdown instance."""

    def __init__(
        self,
        md: Markdown,
        state: DocumentState,
        mode: str,
        env: jinja2.Environment | None,
        on_warning: WarningCallback,
        texts: dict[str, str] | None = None,
        on_embed: Callable[[Any], None] | None = None,
        resolve_ref: RefCallback | None = None,
        page_params: ParamsCallback | None = None,
    ) -> None:
        self.texts = texts
        self.resolve_ref = resolve_ref
        self.page_params = page_params
        self.on_embed = on_embed or (lambda embed: None)
        self.md = md
        self.state = state
        self.mode = mode
        self.env = env
        self.on_warning = on_warning

    # -- helpers ----------------------------------------------------------------------------------

    def warn(self, raw: str, message: str, line_end: bool = False) -> None:
        self.on_warning(message, self.state.locate(raw, line_end))

    def unknown_args(self, sc: parser.Shortcode, raw: str, unknown: Iterable[str], known: Iterable[str]) -> None:
        """One warning per named argument a built-in does not take (it is ignored, not fatal)."""
        for key in unknown:
            self.warn(
                raw,
                f"shortcode '{sc.name}': unknown argument '{show(key)}' (known: {', '.join(known)}); "
                "it was ignored, remove or rename it",
            )

    def stash(self, html: str, block: bool = False) -> str:
        placeholder = self.md.htmlStash.store(html)
        if block:
            self.state.block_placeholders.add(placeholder)
        return placeholder

    def template(self, name: str) -> jinja2.Template | None:
        if self.env is None:
            return None
        go = getattr(self.env, "go_templates", None)
        if go is not None and name in go:
            return None
        try:
            return self.env.get_template(f"{name}.html")
        except jinja2.TemplateNotFound:
            return None
        except jinja2.TemplateError as error:
            if go is not None and self._written_for_hugo(name):
                go.add(name)
                if lookup(name) is not None or name in hugo.NAMES:
                    # Said once a build, where it is first used (a figure on every page).
                    self.on_warning(
                        f"shortcode template '{name}.html' is a Hugo (Go) template, which the plugin "
                        f"cannot run: the built-in '{name}' is used instead. Write it in Jinja to "
                        "replace the built-in, or move Hugo's templates out of the shortcode "
                        "templates folder",
                        None,
                    )
                return None
            line = getattr(error, "lineno", None)
            where = f"{name}.html, line {line}" if line else f"{name}.html"
            raise ArgError(f"template '{where}' cannot be loaded ({error}); fix the template") from None

    def _written_for_hugo(self, name: str) -> bool:
        """Whether a template Jinja cannot read is one of Hugo's (Go's ``{{ .Get 0 }}``)."""
        try:
            source = self.env.loader.get_source(self.env, f"{name}.html")[0]
        except (jinja2.TemplateNotFound, OSError, UnicodeDecodeError):
            return False
        return _GO_TEMPLATE.search(source) is not None

    def is_known(self, name: str) -> bool:
        """A built-in embed or a user template: a syntax error in its arguments gives the
        "unavailable" note where the embed would be (others are shown as written)."""
        if lookup(name) is not None:
            return True
        try:
            return self.template(name) is not None
        except ArgError:  # a template of that name that does not compile: said where it is used
            return True

    def template_fails(self, name: str) -> bool:
        """Whether a template of that name is there but does not compile."""
        try:
            self.template(name)
        except ArgError:
            return True
        return False

    def unknown(self, raw: str, name: str) -> None:
        if name in getattr(self.env, "go_templates", ()):
            self.warn(
                raw,
                f"unknown shortcode '{name}': its template '{name}.html' is a Hugo (Go) template, which "
                "the plugin cannot run; write it in Jinja (the README's 'your own' shortcodes), or write "
                f"{{{{</* {name} */>}}}} to show it as text (it is shown as text for now)",
            )
            return
        if self.env:
            where = f"no template '{name}.html' in the shortcode templates folder"
        else:
            where = "no template folder"
        self.warn(
            raw,
            f"unknown shortcode '{name}': not a built-in embed and {where}; add a template, fix the name, "
            f"or write {{{{</* {name} */>}}}} to show it as text (it is shown as text for now)",
        )

    # -- built-in embeds --------------------------------------------------------------------------

    def embed(self, spec: EmbedSpec, sc: parser.Shortcode, raw: str, block: bool) -> str:
        """HTML of a built-in embed, or the unavailable note (with a warning)."""
        prefix = f"shortcode '{sc.name}'"
        names = spec.positional.get(len(sc.args))
        if sc.args and names is None:
            counts = " or ".join(str(n) for n in spec.positional) or "no"
            self.warn(
                raw,
                f"{prefix}: takes {counts} positional argument(s), got {len(sc.args)}; expected "
                f"{spec.expects}; fix the arguments or remove the shortcode",
            )
            return render_unavailable(sc.name, block, self.texts)
        given = list(zip(names or (), sc.args, strict=True)) + list(sc.kwargs.items())
        by_lower = {key.lower(): key for key in spec.params}
        values: dict[str, Any] = {}
        for key, raw_value in given:
            canonical = by_lower.get(key.lower())
            if canonical is None:
                self.unknown_args(sc, raw, [key], spec.params)
                continue
            try:
                if not raw_value.strip():
                    raise ArgError("is empty")
                values[canonical] = spec.params[canonical](raw_value)
            except ArgError as error:
                self.warn(
                    raw, f"{prefix}: '{show(raw_value)}' {error}; fix the argument or remove the shortcode"
                )
                return render_unavailable(sc.name, block, self.texts)
        missing = [name for name in spec.required if name not in values]
        if missing:
            self.warn(raw, f"{prefix}: missing {missing[0]} ({spec.expects}); add it or remove the shortcode")
            return render_unavailable(sc.name, block, self.texts)
        try:
            embed = spec.build(values)
        except ArgError as error:
            self.warn(raw, f"{prefix}: {error}; fix the arguments or remove the shortcode")
            return render_unavailable(sc.name, block, self.texts)
        if "class" in values:
            embed = type(embed)(**{**embed.__dict__, "css_class": values["class"]})
        self.on_embed(embed)
        return render_embed(embed, self.mode, block, self.texts)

    def ref(self, sc: parser.Shortcode, raw: str, in_link: bool) -> str:
        """What Hugo's ``ref``/``relref`` stands for: a link to the page it names (the caller
        decides the form: a link's target, or a URL shown as text), or the shortcode as written,
        with a warning, when there is none. Nothing of the argument reaches the page unescaped:
        the text returned is text, escaped where it is written out."""
        prefix = f"shortcode '{sc.name}'"
        params = {key.lower(): value for key, value in sc.kwargs.items()}
        # Hugo takes the path either way, not both: which one was meant cannot be known.
        both = bool(sc.args) and "path" in params
        path = sc.args[0] if len(sc.args) == 1 and "path" not in params else params.pop("path", None)
        if path is None or len(sc.args) > 1 or both or not path.strip():
            self.warn(
                raw,
                f"{prefix}: takes one page path, such as \"posts/other.md\", \"other\" or \"other.md#section\"; "
                "fix the arguments (it is shown as text for now)",
            )
            return raw
        for key in params:  # lang, outputFormat: one language and one format here
            self.warn(raw, f"{prefix}: argument '{show(key)}' is not supported and was ignored; remove it")
        if self.resolve_ref is None:
            self.warn(
                raw,
                f"{prefix}: links to another page of the site, which only the podcast-digest MkDocs "
                "plugin can find; use the plugin, or write a Markdown link (it is shown as text for now)",
            )
            return raw
        try:
            link = self.resolve_ref(path.strip(), in_link)
        except LookupError as why:  # the page is there but not in this build (a draft...)
            self.warn(raw, f"{prefix}: {why} (it is shown as text for now)")
            return raw
        if link is None:
            self.warn(
                raw,
                f"{prefix}: no page '{show(path)}' (looked for as Hugo does: from this page's folder, from "
                "the docs folder, then by file name if only one file has it); fix the path "
                "(it is shown as text for now)",
            )
            return raw
        return link

    # -- Hugo's other built-ins: figure, details, param (comment and highlight: the processors) ----

    def _named_only(self, sc: parser.Shortcode, raw: str, example: str) -> bool:
        if sc.args:
            self.warn(
                raw,
                f"shortcode '{sc.name}': takes named arguments only, like {example}; "
                "fix the arguments (it is shown as text for now)",
            )
            return False
        return True

    def figure(self, sc: parser.Shortcode, raw: str) -> etree.Element | str:
        """Hugo's ``figure`` as elements, or the shortcode as written, with a warning."""
        if not self._named_only(sc, raw, 'src="images/photo.jpg" caption="..."'):
            return raw
        try:
            fig, unknown = hugo.figure(sc.kwargs, self.md.htmlStash.store)
        except hugo.BuiltinError as error:
            self.warn(raw, f"shortcode 'figure': {error}; fix the arguments (it is shown as text for now)")
            return raw
        self.unknown_args(sc, raw, unknown, hugo.FIGURE_PARAMS)
        self.state.figures.append(fig)
        return fig

    def details(self, sc: parser.Shortcode, raw: str) -> etree.Element:
        """Hugo's ``details``: a ``<details>`` holding its ``<summary>`` (Markdown, processed with
        the page; its links checked at the end), for the caller to put the content after. A
        positional argument is ignored, as Hugo ignores it, with a warning."""
        if sc.args:  # Hugo reads named arguments only: it showed its own summary, and the content
            fix = "remove it" if "summary" in sc.kwargs else f'write summary="{show(sc.args[0])}"'
            self.warn(
                raw,
                f"shortcode 'details': takes named arguments only; '{show(sc.args[0])}' was ignored, as "
                f"Hugo ignores it; {fix}",
            )
        default = (self.texts or {}).get("details") or DEFAULT_TEXTS["details"]
        attrs, summary_text, unknown = hugo.details(sc.kwargs, default)
        self.unknown_args(sc, raw, unknown, hugo.DETAILS_PARAMS)
        el = etree.Element("details", attrs)
        summary = etree.SubElement(el, "summary")
        summary.text = summary_text
        self.state.summaries.append(summary)
        return el

    def param(self, sc: parser.Shortcode, raw: str) -> str:
        """Hugo's ``param``: the value of a front matter key of this page, or else of the site's
        parameters (MkDocs' ``extra``), as text; the shortcode as written, with a warning, when
        there is none (Hugo stops the build)."""
        if len(sc.args) != 1 or sc.kwargs or not sc.args[0].strip():
            self.warn(
                raw,
                "shortcode 'param': takes one key, like {{< param \"series\" >}} or "
                "{{< param \"author.name\" >}}; fix the arguments (it is shown as text for now)",
            )
            return raw
        key = sc.args[0].strip()
        if self.page_params is None:
            self.warn(
                raw,
                "shortcode 'param': reads the page's front matter, which only the podcast-digest MkDocs "
                "plugin (or a page_params option) gives; it is shown as text for now",
            )
            return raw
        value = hugo.lookup_param(key, *self.page_params())
        if value is None:
            self.warn(
                raw,
                f"shortcode 'param': no '{show(key)}' in this page's front matter or in the site's "
                "'extra' settings in mkdocs.yml; add it, or fix the key (it is shown as text for now)",
            )
            return raw
        return hugo.go_text(value)

    # -- user templates ---------------------------------------------------------------------------

    def render_template(
        self, template: jinja2.Template, sc: parser.Shortcode, raw: str, inner: str | None
    ) -> str:
        args, params = list(sc.args), dict(sc.kwargs)

        def get(key: int | str, default: Any = "") -> Any:  # Hugo's .Get prints nothing when absent
            if isinstance(key, int):
                return args[key] if 0 <= key < len(args) else default
            return params.get(key, default)

        try:
            return template.render(
                name=sc.name,
                args=args,
                params=params,
                get=get,
                is_named_params=bool(params),
                inner=Markup(inner or ""),  # as Hugo's .Inner: empty for {{< name />}}
                inner_is_markdown=sc.delim == "%",
            )
        except Exception as error:  # a user template may fail in any way
            self.warn(
                raw,
                f"shortcode '{sc.name}': template '{template.name}' failed: "
                f"{type(error).__name__}: {error}; fix the template or the arguments",
            )
            return render_unavailable(sc.name, False, self.texts)


class SourcePreprocessor(Preprocessor):
    """Records the page's lines (before anything changes them) and resets per-document state."""

    def __init__(self, md: Markdown, state: DocumentState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.reset(lines)
        return lines


def _nearest_less_indented(lines: list[str]) -> list[int | None]:
    """For each line, the nearest line above it that is less indented (blank lines skipped), in
    one pass: a stack of the lines above, each less indented than the one after it."""
    out: list[int | None] = []
    stack: list[tuple[int, int]] = []  # (indent, index)
    for k, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if not stripped.strip():
            out.append(None)  # never asked about: a blank line is no tag
            continue
        at = len(line) - len(stripped)
        while stack and stack[-1][0] >= at:
            stack.pop()
        out.append(stack[-1][1] if stack else None)
        stack.append((at, k))
    return out


def highlighter(md: Any) -> str:
    """What reads a fence's ``linenums``/``hl_lines`` in this Markdown: SuperFences, or
    fenced_code's ``codehilite`` with Pygments on; "" for nothing (``hugo.fence_info``)."""
    names = {type(ext).__module__: ext for ext in md.registeredExtensions}
    if "pymdownx.superfences" in names:
        return hugo.SUPERFENCES
    codehilite = names.get("markdown.extensions.codehilite")
    return hugo.CODEHILITE if codehilite is not None and codehilite.getConfig("use_pygments", True) else ""


#: A fence opened with braces on its line, found at C speed before any line is walked.
_FENCE_WITH_BRACE = re.compile(r"^ *(?:`{3,}|~{3,})[^\n`]*\{", re.MULTILINE)


class HighlightPreprocessor(Preprocessor):
    """Hugo's ``{{< highlight go "linenos=table" >}}`` ... ``{{< /highlight >}}``, each tag on a line
    of its own, becomes a fenced code block before the fenced-code extension reads the text, so
    the code is highlighted as the site highlights all its code. Fenced code is left as it is;
    indented code (4 spaces) is not matched. The line count does not change: warnings still name
    the writer's lines.

    Inside a list item (``1. Run this:`` then the tags indented under it, as Hugo renders them:
    a code block in the item) the fence keeps the item's indent, where pymdownx's SuperFences
    reads nested fences; Python-Markdown's own fenced_code reads only top-level ones, so without
    SuperFences such a highlight stays the inline code it was. Deeper than the item's content
    by four spaces is an indented code block in the item, and is left as written."""

    _FENCE = re.compile(r"^ *(`{3,}|~{3,})")
    _TAG = re.compile(r"^( *)(\{\{[<%].*[>%]\}\})[ \t]*$")
    #: A list item's first line, as Python-Markdown reads one (``1)`` starts none); not a rule.
    _ITEM = re.compile(r"^( *)(?:[-*+]|\d{1,9}\.)[ \t]+\S")
    _RULE = re.compile(r"^ *([-*_])(?: *\1){2,} *$")

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.md)
        self.engine = engine

    def _tag(self, line: str) -> tuple[str, str, parser.Shortcode] | None:
        """(indent, raw, shortcode) when the line is one highlight tag, opening or closing."""
        m = self._TAG.match(line) if "highlight" in line else None
        full = m and parser.FULL_SHORTCODE_RE.fullmatch(m.group(2))
        if not full:
            return None
        delim, body = parser.parts(full)
        try:
            sc = parser.parse(delim, body)
        except parser.ShortcodeSyntaxError:
            return None
        return (m.group(1), m.group(2), sc) if sc.name == "highlight" else None

    def run(self, lines: list[str]) -> list[str]:
        source = self.engine.state.source
        tags = "highlight" in source and self.engine.template("highlight") is None
        attrs = "{" in source and _FENCE_WITH_BRACE.search(source) is not None  # ```go {linenos=true}
        if not tags and not attrs:
            return lines
        lines, fence, i = list(lines), "", 0
        # SuperFences reads fences in lists (Markdown's own fenced_code only at the margin).
        self._highlighter = highlighter(self.md)
        self._nested = self._highlighter == hugo.SUPERFENCES
        self._above: list[int | None] | None = None  # made when a highlight is indented 4 or more
        self._closers: dict[int, list[int]] | None = None  # made at the first opening tag
        while i < len(lines):
            m = self._FENCE.match(lines[i])
            if fence:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = ""
            elif m:
                fence = m.group(1)
                if attrs and "{" in lines[i]:
                    self._goldmark_attributes(lines, i)
            elif tags:
                i = self._convert(lines, i)
            i += 1
        return lines

    def _goldmark_attributes(self, lines: list[str], i: int) -> None:
        """A fence opened as Hugo's Goldmark reads it (```` ```go {linenos=true} ````) gets the
        info string Python-Markdown reads, as a highlight shortcode does."""
        m = hugo.GOLDMARK_FENCE.match(lines[i])
        if m is None or (len(m.group(1)) > 3 and self._item_content(lines, i, len(m.group(1))) is None):
            return  # indented code (an example of such a fence): shown as written
        found = hugo.goldmark_fence_info(m.group(3) or "", m.group(4), self._highlighter)
        if not found:
            return
        info, problems = found
        for problem in problems:
            self.engine.on_warning(f"code fence: {problem}; it was left out, fix it", i + 1)
        lines[i] = f"{m.group(1)}{m.group(2)}{info}"

    def _convert(self, lines: list[str], i: int) -> int:
        """Turn the highlight opened on line ``i`` into a fence; the index of its last line."""
        found = self._tag(lines[i])
        if found is None or found[2].closing or found[2].self_closing:
            return i
        indent, _, sc = found
        base = 0 if len(indent) <= 3 else self._item_content(lines, i, len(indent))
        if base is None:
            return i  # indented code: shown as written

        end = self._closer(lines, i, base)
        if end is None:
            return i  # the inline processor warns about the tag left unclosed
        if base and any(line.strip() and len(line) - len(line.lstrip(" ")) < base for line in lines[i + 1 : end]):
            return i  # the closing tag is in another item, or past the list: not this one's
        info, problems = hugo.fence_info(sc.args, sc.kwargs, self._highlighter)
        for problem in problems:
            self.engine.on_warning(f"shortcode 'highlight': {problem}; it was left out, fix it", i + 1)
        longest = max((len(x) for line in lines[i + 1 : end] for x in re.findall(r"`{3,}", line)), default=2)
        ticks = "`" * max(3, longest + 1)
        lines[i], lines[end] = f"{indent}{ticks}{info}", f"{indent}{ticks}"
        return end

    def _closer(self, lines: list[str], i: int, base: int) -> int | None:
        """The first closing tag after line ``i`` indented as a fence there may be (``base`` to
        ``base`` + 3 spaces). The closing tags are found once, by indent: looking ahead from
        each opening tag took quadratic time on a page of unclosed ones."""
        if self._closers is None:
            self._closers = {}
            for j, line in enumerate(lines):
                t = self._tag(line)
                if t is not None and t[2].closing:
                    self._closers.setdefault(len(t[0]), []).append(j)
        ends = []
        for indent in range(base, base + 4):
            found = self._closers.get(indent, [])
            k = bisect.bisect_right(found, i)
            if k < len(found):
                ends.append(found[k])
        return min(ends, default=None)

    def _starts_item(self, lines: list[str], j: int, at: int) -> bool:
        """Whether the marker on line ``j`` (indented ``at``) is a list item to Python-Markdown:
        after a blank line or another item (a list does not break into a paragraph), and, four
        spaces in or more, itself inside an item (else it is a line of indented code)."""
        before = lines[j - 1] if j > 0 else ""
        if before.strip() and not self._ITEM.match(before) and len(before) - len(before.lstrip(" ")) <= at:
            return False
        return at <= 3 or self._item_content(lines, j, at) is not None

    def _item_content(self, lines: list[str], i: int, indent: int) -> int | None:
        """Where the content of the list item that line ``i`` (indented by ``indent``) belongs to
        starts, when the line is a block of that item (at most 3 spaces further in); None when it
        is indented code, or when no list encloses it (or SuperFences is not there to read it)."""
        if not self._nested:
            return None
        if self._above is None or len(self._above) != len(lines):
            self._above = _nearest_less_indented(lines)
        j = self._above[i]
        while j is not None:  # up through the item's own text (a wrapped first line) to its marker
            line = lines[j]
            at = len(line) - len(line.lstrip(" "))
            if self._ITEM.match(line) and not self._RULE.match(line):
                if not self._starts_item(lines, j, at):
                    return None
                base = at + self.md.tab_length  # Python-Markdown nests blocks a tab in
                return base if 0 <= indent - base <= 3 else None
            if at == 0 or j == 0 or not lines[j - 1].strip():
                # A paragraph at the margin, or one after a blank line less indented than the
                # item's blocks: the list ended above it (Python-Markdown nests only a tab in).
                return None
            j = self._above[j]  # a wrapped line of the item's text: on to its marker
        return None


class ShortcodeInlineProcessor(InlineProcessor):
    """`{{< name args >}}` anywhere in inline text (paragraphs, list items, table cells, quotes)."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(parser.SHORTCODE_RE.pattern, engine.md)
        self.compiled_re = parser.SHORTCODE_RE
        self.engine = engine

    def _restore_code(self, text: str) -> str:
        """Put back code spans that the backtick pattern stashed (a `backtick` argument looks like one)."""
        try:
            stash = self.md.treeprocessors["inline"].stashed_nodes
        except (KeyError, AttributeError):
            return text

        def restore(m: re.Match[str]) -> str:
            node = stash.get(m.group(1))
            if isinstance(node, str):
                return node
            if node is not None and node.tag == "code":
                code = "".join(node.itertext())
                return "`" + code.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") + "`"
            return m.group(0)

        return _INLINE_PLACEHOLDER_RE.sub(restore, text)

    def expand_nested(self, text: str) -> str:
        """The inner content of a ``{{< name >}}`` user template with the shortcodes in it done,
        as Hugo hands ``.Inner`` to a template: the text stays as written, each shortcode in it
        becomes its output (stashed, so nothing escapes it again)."""
        out: list[str] = []
        pos = 0
        while (m := self.compiled_re.search(text, pos)) is not None:
            result, start, end = self.handleMatch(m, text)
            if start is None or end is None:
                out.append(text[pos : m.end()])
                pos = m.end()
                continue
            out.append(text[pos:start])
            if isinstance(result, str):
                # Text (a shortcode shown as written, a param's value) is escaped, as the page's
                # text is; a stash placeholder has nothing escaping changes.
                out.append(html_escape(result, quote=False))
            elif result is not None:  # an element (a figure, a details block)
                out.append(self.engine.stash(self._finished(result)))
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def _finished(self, el: etree.Element) -> str:
        """A built-in's element as HTML now, not after the page's inline pass: its Markdown parts
        (a figure's caption, a details' summary and content) stay text, as the rest of a
        ``{{< >}}`` template's inner content does."""
        state = self.engine.state
        for part in el.iter():
            if part.get(hugo.PART_ATTR) or part in state.summaries:
                part.text = (part.text or "").replace("&lt;", "<")  # markdown_arg's, for the inline pass
        if el in state.figures:
            state.figures.remove(el)
            stash = self.md.htmlStash.rawHtmlBlocks
            hugo.assemble_figure(el, lambda n: str(stash[n]) if n < len(stash) else "")
        state.summaries[:] = [x for x in state.summaries if x not in el]
        return to_html_string(el)

    def _block_ok(self, data: str) -> bool:
        """May this embed be a <div>? Yes in flow containers, or when a paragraph holds only embeds."""
        ancestors = getattr(self.md.treeprocessors["inline"], "ancestors", None) or ["p"]
        parent = ancestors[-1]
        if parent in _FLOW_PARENTS:
            return True
        if parent != "p":
            return False
        # (None yet while a block's user template takes its inner content: see expand_nested.)
        stash = getattr(self.md.treeprocessors["inline"], "stashed_nodes", None) or {}
        blocks = self.engine.state.block_placeholders

        def drop(m: re.Match[str]) -> str:
            return "" if stash.get(m.group(1)) in blocks else m.group(0)

        rest = parser.FULL_SHORTCODE_RE.sub("", _INLINE_PLACEHOLDER_RE.sub(drop, data))
        return not rest.strip()

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[Any, int, int]:  # type: ignore[override]
        engine = self.engine
        if m.group("open"):
            # Code spans in the rest of the line are stashed: show (and locate) them as written.
            rest = self._restore_code(data[m.start() :].split("\n")[0])[:40]
            closer = parser.CLOSERS[m.group("open")[-1]] + "}}"
            engine.warn(
                rest,
                f"unclosed shortcode '{show(rest)}': no matching '{closer}' in the same paragraph; close it, "
                "or write it in a code span to show it as text (it is shown as text for now)",
                line_end=True,
            )
            return m.group(0), m.start(), m.end()
        delim, body = parser.parts(m)
        body = self._restore_code(body)
        raw = parser.raw(delim, body)
        if parser.is_escaped(body):
            return parser.unescape_literal(delim, body), m.start(), m.end()
        try:
            sc = parser.parse(delim, body)
        except parser.ShortcodeSyntaxError as error:
            name = parser.NAME_RE.match(body.strip().lstrip("/").lstrip())
            if name and engine.is_known(name.group(0)):
                engine.warn(
                    raw,
                    f"shortcode '{name.group(0)}': cannot read its arguments ({error}); "
                    "fix the quoting or remove the shortcode",
                )
                return engine.stash(render_unavailable(name.group(0), False, engine.texts)), m.start(), m.end()
            engine.warn(
                raw,
                f"cannot read shortcode '{show(raw)}' ({error}); fix it, or write it in a code span "
                "to show it as text (it is shown as text for now)",
            )
            return raw, m.start(), m.end()
        if sc.closing:
            if engine.state.has_opening(sc.name) and (
                engine.template_fails(sc.name) or (sc.name not in hugo.NAMES and not engine.is_known(sc.name))
            ):
                # Its opening tag's warning (a template that does not compile, compiled once
                # here; an unknown shortcode) says it all.
                return raw, m.start(), m.end()
            engine.warn(
                raw,
                f"shortcode '{sc.name}': closing tag without an opening tag in the same paragraph; "
                "remove it (it is shown as text for now)",
            )
            return raw, m.start(), m.end()
        try:
            template = engine.template(sc.name)
        except ArgError as error:
            engine.warn(raw, f"shortcode '{sc.name}': {error}")
            return engine.stash(render_unavailable(sc.name, False, engine.texts)), m.start(), m.end()
        if template is not None:
            return self._user(template, sc, raw, m, data)
        if sc.name in hugo.NAMES:
            return self._hugo(sc, raw, m, data)
        if sc.name in REF_NAMES:
            # A link's target (`[text]({{< ref "x" >}})`) or a URL in the text, both as text:
            # Python-Markdown puts a stashed string back into the link it is in.
            in_link = data.endswith("](", 0, m.start())
            return engine.ref(sc, raw, in_link), m.start(), m.end()
        spec = lookup(sc.name)
        if spec is None:
            engine.unknown(raw, sc.name)
            return raw, m.start(), m.end()
        block = self._block_ok(data)
        return engine.stash(engine.embed(spec, sc, raw, block), block), m.start(), m.end()

    def _hugo(self, sc: parser.Shortcode, raw: str, m: re.Match[str], data: str) -> tuple[Any, int, int]:
        """figure, param, and details or comment closed in the same paragraph (across blank lines,
        ``PairedBlockProcessor`` takes them)."""
        engine = self.engine
        if sc.name == "figure":
            return engine.figure(sc, raw), m.start(), m.end()
        if sc.name == "param":
            return engine.param(sc, raw), m.start(), m.end()
        if sc.name == "comment" and sc.self_closing:
            return "", m.start(), m.end()
        if sc.name == "details" and sc.self_closing:  # Hugo: the summary alone, nothing to open
            return engine.details(sc, raw), m.start(), m.end()
        close = None if sc.self_closing else parser.find_closing(data, sc.name, m.end())
        if close is None:
            engine.on_warning(
                f"shortcode '{sc.name}': no closing {{{{< /{sc.name} >}}}}; add one after its content "
                "(it is shown as text for now)",
                engine.state.locate_unclosed(raw, sc.name),
            )
            return raw, m.start(), m.end()
        if sc.name == "comment":
            return "", m.start(), close.end()
        if sc.name == "highlight":  # in a line of text (on lines of their own: a code block)
            code = etree.Element("code")
            lang, problems = hugo.fence_info(sc.args[:1], {})
            for problem in problems:
                engine.warn(raw, f"shortcode 'highlight': {problem}; it was left out, fix it")
            if lang:
                code.set("class", f"language-{lang}")
            code.text = util.AtomicString(self._restore_code(data[m.end() : close.start()]).strip())
            return code, m.start(), close.end()
        el = engine.details(sc, raw)
        el[0].tail = self._restore_code(data[m.end() : close.start()])  # Markdown, processed next
        return el, m.start(), close.end()

    def _user(
        self, template: jinja2.Template, sc: parser.Shortcode, raw: str, m: re.Match[str], data: str
    ) -> tuple[Any, int, int]:
        engine = self.engine
        close = None
        if not sc.self_closing and engine.state.has_closing(sc.name):
            close = parser.find_closing(data, sc.name, m.end())
        if close is None:
            return engine.stash(engine.render_template(template, sc, raw, None)), m.start(), m.end()
        inner = data[m.end() : close.start()]
        if sc.delim == "%":
            # Let the remaining inline patterns process the inner Markdown, render the template later.
            key = str(len(engine.state.pending))
            engine.state.pending[key] = Pending(template, sc, block=False)
            el = etree.Element("span", {PENDING_ATTR: key})
            el.text = inner
            return el, m.start(), close.end()
        html = engine.render_template(template, sc, raw, self._restore_code(self.expand_nested(inner)))
        return engine.stash(html), m.start(), close.end()


class CloserLineBlockProcessor(BlockProcessor):
    """Hugo users often put `>}}` on a line of its own; Markdown would read that line as a blockquote.
    Join such a line to the shortcode it closes, then let the other processors handle the block."""

    RE = re.compile(r"\n[ ]{0,3}(?=>\}\})")

    def test(self, parent: etree.Element, block: str) -> bool:
        return ">}}" in block and bool(self.RE.search(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        def join(m: re.Match[str]) -> str:
            before = blocks[0][: m.start()]
            return " " if before.count("{{<") > before.count(">}}") else m.group(0)

        blocks[0] = self.RE.sub(join, blocks[0])
        return False


class PairedBlockProcessor(BlockProcessor):
    """`{{< name >}}` ... `{{< /name >}}` of a user template, starting a block, inner content may hold
    blank lines. Everything else is left to the inline processor."""

    START_RE = re.compile(r"^ {0,3}\{\{[<%]")

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.md.parser)
        self.engine = engine

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(self.START_RE.match(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool | None:
        engine = self.engine
        start = blocks[0].index("{{")
        m = parser.FULL_SHORTCODE_RE.match(blocks[0], start)
        if not m:
            return False
        delim, body = parser.parts(m)
        if parser.is_escaped(body):
            return False
        try:
            sc = parser.parse(delim, body)
            template = engine.template(sc.name)
        except (parser.ShortcodeSyntaxError, ArgError):
            return False
        # Else the inline processor warns (``details`` reads its content, whatever its arguments).
        builtin = template is None and sc.name in hugo.PAIRED and (not sc.args or sc.name == "details")
        alone = sc.self_closing and m.group(0) == blocks[0].strip()
        if builtin and sc.name == "comment" and alone:
            blocks.pop(0)  # `{{< comment />}}` alone: no empty paragraph
            return None
        if builtin and sc.name == "details" and alone:  # `{{< details summary="x" />}}`: no paragraph
            blocks.pop(0)
            parent.append(engine.details(sc, parser.raw(delim, body)))
            return None
        if (template is None and not builtin) or sc.closing or sc.self_closing:
            return False
        if not engine.state.has_closing(sc.name):
            return False
        inner = self._take(blocks, m, sc.name)
        if inner is None:
            return False
        raw = parser.raw(delim, body)
        if builtin:
            if sc.name == "details":
                details = engine.details(sc, raw)
                parent.append(details)
                self.parser.parseChunk(details, inner)
            return None  # a comment: nothing
        if sc.delim == "%":
            key = str(len(engine.state.pending))
            engine.state.pending[key] = Pending(template, sc, block=True)
            wrapper = etree.SubElement(parent, "div", {PENDING_ATTR: key})
            self.parser.parseChunk(wrapper, inner)
        else:
            p = etree.SubElement(parent, "p")
            inner = self.parser.md.inlinePatterns["pd_shortcodes"].expand_nested(inner)
            p.text = engine.stash(engine.render_template(template, sc, raw, inner))
        return None

    @staticmethod
    def _take(blocks: list[str], m: re.Match[str], name: str) -> str | None:
        """Take the blocks up to the tag closing the shortcode matched by ``m`` in the first one;
        return the content between the tags (None, and nothing taken, if no closing tag)."""
        text, used = blocks[0], 1
        while True:
            close = parser.find_closing(text, name, m.end())
            if close is not None or used >= len(blocks):
                break
            text += "\n\n" + blocks[used]
            used += 1
        if close is None:
            return None
        rest = text[close.end() :].lstrip("\n")
        del blocks[:used]
        if rest.strip():
            blocks.insert(0, rest)
        return text[m.end() : close.start()].strip("\n")


class FinalizeTreeprocessor(Treeprocessor):
    """Runs last: renders templates around processed inner Markdown, splits paragraphs of embeds."""

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine.md)
        self.engine = engine

    def run(self, root: etree.Element) -> None:
        state = self.engine.state
        if state.figures:
            self._place_figures(root, state.figures)
        for summary in state.summaries:
            hugo.drop_unsafe_links(summary)
        if not state.pending and len(state.block_placeholders) < 2:
            return
        if state.pending:
            parents = {child: parent for parent in root.iter() for child in parent}
            for el in list(root.iter()):
                key = el.get(PENDING_ATTR)
                if key is not None and key in state.pending:
                    self._render_pending(el, parents[el], state.pending.pop(key))
        # A paragraph made only of several block embeds: one paragraph each, so that Python-Markdown's
        # RawHtmlPostprocessor drops every <p> around them.
        for parent in list(root.iter()):
            for index, p in reversed(list(enumerate(parent))):
                if p.tag != "p" or len(p) or not p.text:
                    continue
                placeholders = _HTML_PLACEHOLDER_RE.findall(p.text)
                if len(placeholders) < 2 or _HTML_PLACEHOLDER_RE.sub("", p.text).strip():
                    continue
                if not all(util.HTML_PLACEHOLDER % n in state.block_placeholders for n in placeholders):
                    continue
                tail = p.tail
                parent.remove(p)
                for offset, n in enumerate(placeholders):
                    new = etree.Element("p")
                    new.text = util.HTML_PLACEHOLDER % n
                    new.tail = "\n"
                    parent.insert(index + offset, new)
                parent[index + len(placeholders) - 1].tail = tail

    def _place_figures(self, root: etree.Element, figures: list[etree.Element]) -> None:
        """Captions into place; a figure that is all of its paragraph replaces the paragraph
        (``<figure>`` may not be inside a ``<p>``; Hugo leaves no ``<p>`` around it either)."""
        wanted = set(map(id, figures))
        for parent in list(root.iter()):
            for index, p in reversed(list(enumerate(parent))):
                if p.tag != "p" or not len(p) or (p.text or "").strip():
                    continue
                if not all(id(child) in wanted and not (child.tail or "").strip() for child in p):
                    continue
                children = list(p)
                for child in children:
                    child.tail = "\n"
                children[-1].tail = p.tail
                parent[index : index + 1] = children
        stash = self.md.htmlStash.rawHtmlBlocks
        for fig in figures:
            hugo.assemble_figure(fig, lambda n: str(stash[n]) if n < len(stash) else "")
        figures.clear()

    def _render_pending(self, el: etree.Element, parent: etree.Element, pending: Pending) -> None:
        holder = etree.Element("div")
        holder.text = el.text
        holder.extend(list(el))
        html = self.md.serializer(holder).strip()
        inner = html[len("<div>") : -len("</div>")]
        raw = "{{" + pending.shortcode.delim + " " + pending.shortcode.name
        placeholder = self.engine.stash(
            self.engine.render_template(pending.template, pending.shortcode, raw, inner)
        )
        index = list(parent).index(el)
        if pending.block:
            p = etree.Element("p")
            p.text = placeholder
            p.tail = el.tail
            parent.remove(el)
            parent.insert(index, p)
            return
        text = placeholder + (el.tail or "")
        if index == 0:
            parent.text = (parent.text or "") + text
        else:
            parent[index - 1].tail = (parent[index - 1].tail or "") + text
        parent.remove(el)
