"""Hugo shortcodes for Python-Markdown: privacy-friendly podcast and video embeds.

Posts migrated from Hugo keep working unchanged::

    {{< youtube I0DrcsDf3Os >}}
    {{< spotify "episode/3WJoXs2hq06lV93sLSG461" >}}
    {{< apple-podcast "us/podcast/show-name/id1434243584?i=1000747523558" >}}

Built-in shortcodes: ``youtube``, ``spotify``, ``apple-podcast``, ``vimeo``, ``soundcloud``,
``x`` / ``x-post`` / ``twitter`` / ``tweet`` and ``audio`` (self-hosted file). Each accepts the
provider's ID or URL, validates it, and renders a click-to-load *facade*: a labelled button that loads
nothing from any third party until the reader clicks it, plus a plain link to the episode on the
provider's own site (works without JavaScript, in print and in feed readers). ``mode="iframe"`` renders
lazy-loaded iframes instead. Bad arguments give a visible "Embed unavailable" note and a warning; unknown
names, unclosed ``{{<`` and closing tags without an opening tag stay as text, with a warning.
``{{</* name */>}}`` shows the literal text ``{{< name >}}``. Code spans and code blocks are never touched.

Hugo's page links, ``{{< ref "posts/other.md" >}}`` and ``{{< relref "other#section" >}}``, need the
site's pages: the podcast-digest plugin gives them (``resolve_ref``); on their own they stay as text,
with a warning.

Hugo's other built-ins that shape the page: ``{{< figure src="x.jpg" caption="*Markdown*" >}}``
(image, link, title, caption, attribution), ``{{< details summary="More" >}}Markdown{{< /details >}}``,
``{{< param "key" >}}`` (a front matter value, or else a site parameter: ``page_params``, which the
plugin gives), ``{{< highlight go "linenos=table" >}}`` ... ``{{< /highlight >}}`` (its tags on lines
of their own: a fenced code block for whichever fenced-code extension the site uses) and
``{{< comment >}}hidden{{< /comment >}}``.

User shortcodes: a Jinja template ``NAME.html`` in ``templates_dir`` (Hugo's ``layouts/shortcodes``)
makes ``{{< NAME ... >}}``. Templates are autoescaped and receive ``args`` (positional list), ``params``
(named dict), ``get(0)`` / ``get("key", default)`` (Hugo's ``.Get``), ``is_named_params``, ``name`` and
``inner`` (the content between ``{{< NAME >}}`` and ``{{< /NAME >}}``; empty without one): with ``{{% %}}``
the inner content is rendered as Markdown first; with ``{{< >}}`` it is passed as written, but for the
shortcodes in it, which are expanded first, like Hugo. ``get`` gives "" for an argument not given, as
Hugo's ``.Get`` prints nothing. ``inner`` is marked safe, since it is the author's own content, exactly
as raw HTML in Markdown is.

Standalone use::

    import markdown
    html = markdown.markdown(text, extensions=["mkdocs_podcast_digest.shortcodes"])
    # or: extensions=[ShortcodeExtension(mode="iframe", templates_dir="layouts/shortcodes")]

With MkDocs (or ProperDocs / Zensical) without the podcast-digest plugin, list the extension under
``markdown_extensions`` and include the two assets yourself: copy
``mkdocs_podcast_digest/templates/assets/podcast-digest/embeds.css`` and ``embeds.js`` into your docs and
add them to ``extra_css`` / ``extra_javascript``. Without ``embeds.js`` the facades stay buttons that do
nothing, and the plain links still work. The podcast-digest plugin adds both assets to every page.

Warnings go to ``on_warning(message, line)`` with the 1-based line in the Markdown text that was
converted (MkDocs strips the front matter before converting, so add its length for a file line), or to
the ``mkdocs_podcast_digest.shortcodes`` logger when no callback is given.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import jinja2
from markdown.extensions import Extension

from .parser import Shortcode, ShortcodeSyntaxError, parse
from .processors import (
    CloserLineBlockProcessor,
    DocumentState,
    Engine,
    FinalizeTreeprocessor,
    HighlightPreprocessor,
    PairedBlockProcessor,
    ShortcodeInlineProcessor,
    SourcePreprocessor,
    TemplateEnvironment,
    WarningCallback,
    default_warning,
)
from .render import render_embed, render_unavailable
from .specs import BUILTINS, ArgError, Embed, EmbedSpec

if TYPE_CHECKING:
    from markdown import Markdown

__all__ = [
    "BUILTINS",
    "MODES",
    "ArgError",
    "Embed",
    "EmbedSpec",
    "Shortcode",
    "ShortcodeExtension",
    "ShortcodeSyntaxError",
    "WarningCallback",
    "makeExtension",
    "parse",
    "render_embed",
    "render_unavailable",
]

MODES = ("facade", "iframe")


def _no_pages(path: str, in_link: bool) -> None:
    """Default of ``resolve_ref``: marks that no one gave the extension the site's pages."""


def _no_params() -> tuple:
    """Default of ``page_params``: marks that no one gave the extension the page's front matter."""
    return ()


def _ignore_embed(embed: Embed) -> None:
    """Default of ``on_embed``: a function, as Python-Markdown turns callables given against a
    ``None`` default into ``True``."""


class ShortcodeExtension(Extension):
    """Python-Markdown extension rendering Hugo shortcodes (built-in embeds and user templates)."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "mode": [
                "facade",
                "'facade': click-to-load button that contacts no third party before the click (default); "
                "'iframe': lazy-loaded iframes",
            ],
            "templates_dir": [
                "",
                "Folder of user shortcode templates NAME.html (Jinja, autoescaped), like Hugo's "
                "layouts/shortcodes; '' for none",
            ],
            "texts": [
                {},
                "Reader-facing words in the site's language, merged over the English defaults "
                "(keys: Watch, Listen, View, Download, Open, link, link_untitled, download, play, "
                "play_untitled, show, show_untitled, click_to_load, post_by, unavailable, details)",
            ],
            "on_embed": [
                _ignore_embed,
                "Callable(embed) called with each built-in embed rendered (an Embed: provider, "
                "kind, src, href, title...), e.g. to describe a page's videos in its metadata",
            ],
            "resolve_ref": [
                _no_pages,
                "Callable(path, in_link) -> the link for Hugo's ref/relref (a link's target, or a URL "
                "to show as text), or None when no page has that path; by default there are no pages "
                "to link to (the podcast-digest MkDocs plugin gives the site's)",
            ],
            "page_params": [
                _no_params,
                "Callable() -> the mappings Hugo's param shortcode looks a key up in, first to last "
                "(the page's front matter, then the site's parameters) for the page being converted; "
                "by default there are none (the podcast-digest MkDocs plugin gives them)",
            ],
            # The default is a function, not None: Python-Markdown would turn a callable into True
            # when the default is None. Passing None explicitly still means "log".
            "on_warning": [
                default_warning,
                "Callable(message, line) receiving each warning; None logs to the "
                "'mkdocs_podcast_digest.shortcodes' logger",
            ],
        }
        super().__init__(**kwargs)
        self._state: DocumentState | None = None
        self._env: jinja2.Environment | None = None
        self._env_dir: str | None = None

    def _environment(self) -> jinja2.Environment | None:
        folder = self.getConfig("templates_dir") or ""
        if not folder:
            return None
        if self._env is None or self._env_dir != folder:
            if not os.path.isdir(folder):
                raise ValueError(
                    f"shortcodes: templates_dir {folder!r} is not a folder; create it or fix the path"
                )
            self._env = TemplateEnvironment(
                loader=jinja2.FileSystemLoader(folder),
                autoescape=True,
                undefined=jinja2.ChainableUndefined,
                keep_trailing_newline=False,
            )
            self._env_dir = folder
        return self._env

    def extendMarkdown(self, md: Markdown) -> None:
        mode = self.getConfig("mode")
        if mode not in MODES:
            raise ValueError(f"shortcodes: mode must be one of {', '.join(MODES)}, not {mode!r}")
        callback = self.getConfig("on_warning") or default_warning
        if not callable(callback):
            raise TypeError("shortcodes: on_warning must be a callable(message, line) or None")
        md.registerExtension(self)
        self._state = state = DocumentState()
        engine = Engine(
            md,
            state,
            mode,
            self._environment(),
            callback,
            dict(self.getConfig("texts") or {}),
            self.getConfig("on_embed") or None,
            None if self.getConfig("resolve_ref") in (_no_pages, None) else self.getConfig("resolve_ref"),
            None if self.getConfig("page_params") in (_no_params, None) else self.getConfig("page_params"),
        )
        # First preprocessor: sees the text exactly as written.
        md.preprocessors.register(SourcePreprocessor(md, state), "pd_shortcodes_source", 40)
        # Before the fenced-code extensions (25) read the fences it writes.
        md.preprocessors.register(HighlightPreprocessor(engine), "pd_shortcodes_highlight", 39)
        # After code spans (190: already stashed, never seen) and before backslash escapes (180).
        md.inlinePatterns.register(ShortcodeInlineProcessor(engine), "pd_shortcodes", 185)
        # After indented code (80), before headers, lists, quotes and paragraphs.
        md.parser.blockprocessors.register(CloserLineBlockProcessor(md.parser), "pd_shortcodes_closer", 75.1)
        md.parser.blockprocessors.register(PairedBlockProcessor(engine), "pd_shortcodes_paired", 75)
        # After everything, including the unescape treeprocessor (0).
        md.treeprocessors.register(FinalizeTreeprocessor(engine), "pd_shortcodes_finalize", -1)

    def reset(self) -> None:
        if self._state is not None:
            self._state.reset()


def makeExtension(**kwargs: Any) -> ShortcodeExtension:
    return ShortcodeExtension(**kwargs)
