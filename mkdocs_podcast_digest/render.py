"""Fragments of HTML from overridable Jinja templates, with URLs relative to the page.

The templates are looked up through the theme's own loader, so a file
``podcast_digest/series_box.html`` in the theme's ``custom_dir`` replaces ours. Our environment
autoescapes (MkDocs' does not), so a term named ``<script>`` is shown, never run.
"""

from __future__ import annotations

import dataclasses
import json
import os
import traceback
from collections.abc import Callable
from types import SimpleNamespace

import jinja2
import markupsafe
from mkdocs.utils import get_relative_url

from . import fastjinja
from .pages import Listing, TermInfo
from .posts import Post, day_text


class View(SimpleNamespace):
    """A value handed to a template. Jinja looks ``item.title`` up as an attribute first and
    only then as a key, so a dict costs a raised AttributeError per lookup (a quarter of each
    fragment's time); ``item["title"]`` still works in templates, through Jinja's fallback."""


class _Link(dict):
    """A link of a term's data (``{name, url}``) as templates read it: ``link.url`` finds the key
    at once, as the compiled templates read attributes (``fastjinja``); ``link["url"]`` and
    ``link.get("url")`` still work, and a missing key is what it is in a plain dict to Jinja."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _escape_in_python(value: str) -> str:
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&#39;")
        .replace('"', "&#34;")
    )


try:  # MarkupSafe 3's own C loop, which returns the text without wrapping it: 5x the speed
    from markupsafe._speedups import _escape_inner as _escape_text
except ImportError:  # older MarkupSafe, or no C speedups: the same entities, in Python
    _escape_text = _escape_in_python


def _escape(value) -> str:
    """``markupsafe.escape`` for what a template prints, without wrapping each string in
    ``Markup``: that wrapper's Python ``__new__`` was 9 of the 15 microseconds a post's term links
    took, and what a template prints is joined into one string anyway. Same entities (tests
    compare it with markupsafe's on any text); anything but a plain ``str`` goes to markupsafe."""
    kind = type(value)
    if kind is str:
        return _escape_text(value)
    if kind is markupsafe.Markup:  # HTML already: markupsafe would copy it into a new Markup
        return value
    return markupsafe.escape(value)


class _Template(jinja2.Template):
    """A template whose ``{{ ... }}`` output is escaped by ``_escape``. Jinja calls ``escape`` only
    around printed values (a block, macro or ``{% set %}`` collects them and wraps the whole in
    ``Markup`` itself), so no value a template computes with changes type."""

    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):  # type: ignore[override]
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = _escape  # the compiled module's
        return template


class _Environment(jinja2.Environment):
    """Templates whose globals are a plain dict, not Jinja's ChainMap of the template's and the
    environment's: every render copies them into a new context (and lists their keys), which
    through a ChainMap is two walks in Python, 3 of the 4.5 microseconds a fragment costs before
    its first tag; the site renders thousands. Same lookups (the template's own globals win);
    this environment's globals never change after its templates are loaded."""

    def __init__(self, loader: jinja2.BaseLoader):
        # Always escaped (MkDocs' own environment is not), never reloaded during a build.
        super().__init__(loader=loader, autoescape=True, auto_reload=False)

    def make_globals(self, d):  # type: ignore[override]
        return {**self.globals, **(d or {})}

    template_class = _Template


#: The package's own templates (the theme's loader finds them after the theme's own folders).
TEMPLATES_DIR = os.path.join(os.path.dirname(__file__), "templates")


class Renderer:
    def __init__(
        self,
        loader: jinja2.BaseLoader,
        labels: dict[str, str],
        on_warning: Callable[[str], None] | None = None,
        base: str = "",
        languages: dict[str, str] | None = None,
    ):
        self.env = _Environment(loader)
        self.labels = labels
        self._labels = View(**labels)
        #: label -> its language, for the labels in another language than the page's
        self._languages = languages or {}
        #: The labels as HTML for where a template prints them as text: those in another
        #: language than the page's in a ``<span lang>``. (``labels`` stays plain text, for
        #: attributes such as ``aria-label``, and for templates of a theme's own.)
        self._labels_html = View(**{key: self.marked(key, text) for key, text in labels.items()})
        self._templates: dict[str, jinja2.Template] = {}
        #: name -> our own template compiled to Python (None: Jinja renders it, a theme's copy)
        self._fast: dict[str, fastjinja.Compiled | None] = {}
        self._items: dict[tuple[str, str], markupsafe.Markup] = {}
        self._minutes: dict[int, tuple[str, str]] = {}
        #: Where a theme's broken copy of a template is reported (paths relative to ``base``).
        self._on_warning = on_warning
        self._base = base
        self._own: _Environment | None = None
        self._reported: set[tuple[str, str]] = set()

    def render(self, name: str, **context) -> str:
        return self._render(name, {"labels": self._labels, "labels_html": self._labels_html, **context})

    def _render(self, name: str, context: dict) -> str:
        fast = self._fast.get(name, False)
        if fast is False:
            fast = self._fast[name] = self._compiled(name)
        if fast is not None:
            try:
                return fast(context, self._include)
            except Exception:  # a value the Python cannot read as Jinja would: Jinja reads it
                pass
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self._load(name)
        try:
            return template.render(context)
        except Exception as error:
            # A theme's copy that fails on some page's values: that page gets ours, and the
            # writer a warning naming the file and line (``--strict`` fails the build on it).
            if (template.filename or "").startswith(TEMPLATES_DIR + os.sep):
                raise  # ours failing is a bug in this plugin: let it show
            self._warn(name, error, template.filename)
            return self._own_template(name).render(context)

    def _compiled(self, name: str) -> fastjinja.Compiled | None:
        """The package's own template as Python (``fastjinja``) where the theme has no copy of
        it; None for a theme's copy, which Jinja always renders."""
        try:
            source, filename, _ = self.env.loader.get_source(self.env, f"podcast_digest/{name}.html")
        except Exception:  # Jinja's own loading says what is wrong, with the theme's file named
            return None
        if not (filename or "").startswith(TEMPLATES_DIR + os.sep):
            return None
        return fastjinja.compile_template(self.env, source, filename, _escape)

    def _include(self, path: str, context: dict) -> str:
        """``{% include "podcast_digest/x.html" %}`` in a compiled template: the theme's copy of
        ``x`` if it has one, as Jinja would include it."""
        if path.startswith("podcast_digest/") and path.endswith(".html"):
            return self._render(path[len("podcast_digest/") : -len(".html")], context)
        return self.env.get_template(path).render(context)

    def _load(self, name: str) -> jinja2.Template:
        try:
            return self.env.get_template(f"podcast_digest/{name}.html")
        except jinja2.TemplateNotFound:
            raise  # not even ours: the package is broken
        except Exception as error:  # a theme's copy that does not compile, or cannot be read
            self._warn(name, error, getattr(error, "filename", None))
            return self._own_template(name)

    def _own_template(self, name: str) -> jinja2.Template:
        if self._own is None:
            self._own = _Environment(jinja2.FileSystemLoader(TEMPLATES_DIR))
        return self._own.get_template(f"podcast_digest/{name}.html")

    def _warn(self, name: str, error: Exception, filename: str | None) -> None:
        line = getattr(error, "lineno", None)
        if not isinstance(error, jinja2.TemplateSyntaxError):  # where in the template it failed
            frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == filename]
            line = frames[-1].lineno if frames else None
        where = filename or self._theme_copy(name) or f"podcast_digest/{name}.html"
        if self._base and os.path.isabs(where):
            relative = os.path.relpath(where, self._base)
            where = where if relative.startswith("..") else relative
        if isinstance(error, jinja2.TemplateNotFound):  # Jinja's own lists every search path
            message = f"it includes '{error.name}', which none of the theme's folders has"
        elif isinstance(error, UnicodeDecodeError):
            message = f"the theme's copy is not valid UTF-8 (byte {error.start}); re-save it as UTF-8"
        else:
            message = str(getattr(error, "message", None) or error) or type(error).__name__
        if (where, message) in self._reported:
            return
        self._reported.add((where, message))
        if self._on_warning is not None:
            self._on_warning(
                f"{where}{f':{line}' if line else ''}: {message}; the plugin's own podcast_digest/{name}.html "
                "was used instead. Fix the template in your theme's custom_dir, or remove it."
            )

    def _theme_copy(self, name: str) -> str | None:
        """The file the theme's loader would read for a template (for a warning about it)."""
        for folder in getattr(self.env.loader, "searchpath", ()):
            path = os.path.join(folder, "podcast_digest", f"{name}.html")
            if os.path.isfile(path):
                return path
        return None

    def sources(self) -> tuple[str, ...]:
        """Every fragment template's text as the theme's loader finds it (a custom_dir copy wins)."""
        out = []
        for name in sorted(os.listdir(os.path.join(TEMPLATES_DIR, "podcast_digest"))):
            try:
                out.append(self.env.loader.get_source(self.env, f"podcast_digest/{name}")[0])
            except jinja2.TemplateNotFound:
                out.append("")
        return tuple(out)

    # ---------------------------------------------------------------------------------------

    def marked(self, key: str, text: str) -> str:
        """A label's text (filled in already) as a template prints it: in a ``<span lang>`` when
        the label is in another language than the page's, else as it is (escaped on output)."""
        lang = self._languages.get(key)
        if not lang:
            return text
        return markupsafe.Markup('<span lang="{}">{}</span>').format(lang, text)

    def fill(self, key: str, **values: object) -> tuple[str, str]:
        """A label filled in with ``values``: (its text, for attributes and a theme's own
        templates; the same as ``marked`` makes it, for the text of ours)."""
        text = self.labels[key].format(**values)
        return text, self.marked(key, text)

    def _reading_time(self, minutes: int) -> tuple[str, str]:
        """``fill("reading_time")``, once per number of minutes (thousands of posts, a few dozen
        numbers)."""
        filled = self._minutes.get(minutes)
        if filled is None:
            filled = self._minutes[minutes] = self.fill("reading_time", minutes=minutes) if minutes else ("", "")
        return filled

    def post_item(self, post: Post, url: str, minutes: int = 0) -> View:
        reading_time, reading_time_html = self._reading_time(minutes)
        draft_note, draft_note_html = self._draft_note(post)
        return View(
            title=post.title,
            url=url,
            date=post.date_text,
            datetime=post.date.isoformat() if post.date else "",
            description=post.listed,
            source_name=post.source_name,
            source_url=post.source_url,
            draft=post.draft,
            draft_note=draft_note,
            draft_note_html=draft_note_html,
            has_heading=post.has_heading,
            minutes=minutes,
            reading_time=reading_time,
            reading_time_html=reading_time_html,
        )

    def _draft_note(self, post: Post) -> tuple[str, str]:
        """Why a post is not published by ``mkdocs build`` (a draft, or not yet, or no longer),
        as ``fill`` gives it."""
        if not post.draft:
            return "", ""
        if post.held == "future" and post.publish_date is not None:
            return self.fill("scheduled", date=day_text(post.publish_date))
        if post.held == "expired" and post.expiry_date is not None:
            return self.fill("expired", date=day_text(post.expiry_date))
        return self.fill("draft")

    def listing_item(self, post: Post, url: str, minutes: int = 0) -> markupsafe.Markup:
        """A post's line in a listing; the same post and link render the same, so once."""
        key = (post.src_uri, url)
        html = self._items.get(key)
        if html is None:
            html = self._items[key] = markupsafe.Markup(
                self.render("listing_item", item=self.post_item(post, url, minutes))
            )
        return html

    def heading(self, text: str) -> str:
        return str(markupsafe.Markup("<h1>{}</h1>\n").format(text))

    def post_header(self, post: Post, minutes: int = 0, meta: bool = True) -> str:
        """The post's title (where its Markdown has no heading), its draft note, and with ``meta``
        its date, reading time and source."""
        item = self.post_item(post, "", minutes)
        item.show_meta = meta
        return self.render("post_header", post=item)

    def related(self, items: list[View]) -> str:
        return self.render("related", items=items) if items else ""

    def post_terms(self, groups: list[View]) -> str:
        return self.render("post_terms", groups=groups)

    def series_box(self, series: list[View]) -> str:
        return self.render("series_box", series=series) if series else ""

    def listing(
        self,
        listing: Listing,
        items: list[markupsafe.Markup],
        pager: View | None,
        info: TermInfo | None,
        ordered: bool,
    ) -> str:
        view = View(
            kind=listing.kind,
            ordered=ordered,
            page_no=listing.page_no,
            page_count=listing.page_count,
            profile=not listing.generated and listing.info is not None,
        )
        return self._list(view, items, pager, info)

    def section_list(self, items: list[markupsafe.Markup]) -> str:
        """An other section's pages and sub-sections, under its own text (``listing.html``, of
        kind "section"); nothing for a section with none."""
        if not items:
            return ""
        return self._list(View(kind="section", ordered=False, page_no=1, page_count=1, profile=False), items)

    def _list(
        self, view: View, items: list[markupsafe.Markup], pager: View | None = None, info: TermInfo | None = None
    ) -> str:
        html = markupsafe.Markup("".join(items))  # fifty items, one value for the template
        if info is not None and info.links:
            info = dataclasses.replace(info, links=[_Link(link) for link in info.links])
        return self.render("listing", listing=view, items=items, items_html=html, pager=pager, info=info)

    def terms_index(self, terms: list[View], folder: str) -> str:
        return self.render("terms_index", terms=terms, folder=folder)

    def redirect(self, target: str, title: str, lang: str) -> str:
        return self.render(
            "redirect",
            target=target,
            target_js=markupsafe.Markup(json.dumps(target).replace("<", "\\u003c")),
            title=title,
            lang=lang,
        )


class Links:
    """``links(url, from_url)``: a link from one page to another that works under any site
    path, exactly as MkDocs' ``get_relative_url`` makes it, without its normalising work.

    A post page links to a dozen term pages, its series and related posts, a listing to fifty
    posts: between plain folder URLs (``posts/a/`` to ``tags/x/`` is ``../../tags/x/``, to
    ``posts/b/`` is ``../b/``) the link is the way up past the shared folders plus the rest.
    Anything else (files, dots, odd slashes) goes to MkDocs' own function.
    """

    def __init__(self) -> None:
        self._pages: dict[str, list[str] | None] = {}

    def __call__(self, url: str, from_url: str) -> str:
        here = self._pages.get(from_url, False)
        if here is False:
            here = self._pages[from_url] = _folders(from_url)
        if here is None or not url or url[0] in "./" or "/." in url or "//" in url:
            return get_relative_url(url, from_url)
        if not url.startswith(here[0]):
            return "../" * len(here) + url  # nothing in common: up to the root
        folder = url.endswith("/")
        there = (url[:-1] if folder else url).split("/")
        common = 0
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
        rel = "/".join([".."] * (len(here) - common) + there[common:]) or "."
        return rel + "/" if folder else rel


def _folders(page_url: str) -> list[str] | None:
    """The folders of a page at a plain folder URL such as ``a/b/``; None for anything else."""
    if not page_url.endswith("/") or page_url[0] in "./" or "/." in page_url or "//" in page_url:
        return None
    return page_url[:-1].split("/")
