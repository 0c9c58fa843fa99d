"""Typed plugin options. Every option works with its default: ``plugins: [podcast-digest]``."""

from __future__ import annotations

import difflib
import posixpath
import string

from mkdocs.config import base
from mkdocs.config import config_options as c

from .i18n import EN
from .permalinks import PermalinkError, Permalinks, UglyURLs

#: Front-matter key -> URL folder. Hugo's defaults plus the people/company taxonomies of digest sites.
DEFAULT_TAXONOMIES: dict[str, str] = {
    "tags": "tags",
    "categories": "categories",
    "related_people": "people",
    "related_companies": "companies",
    "series": "series",
}


class Taxonomies(c.Type):
    """``{front_matter_key: folder}``; a folder of ``false`` turns a default taxonomy off.

    Merged over :data:`DEFAULT_TAXONOMIES`, so users list only what they change or add
    (``hosts: hosts``).
    """

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        value = super().run_validation(value)
        merged = dict(DEFAULT_TAXONOMIES)
        for key, folder in value.items():
            if not isinstance(key, str) or not key.strip():
                raise base.ValidationError(f"taxonomy keys must be front-matter key names, got {key!r}")
            if folder in (False, None):
                merged.pop(key, None)
                continue
            name = _folder(folder)
            if not name:
                raise base.ValidationError(
                    f"taxonomy '{key}' needs a folder name such as '{key}' (or false to turn it off), "
                    f"got {folder!r}"
                )
            merged[key] = name
        folders = list(merged.values())
        dupes = {f for f in folders if folders.count(f) > 1}
        if dupes:
            raise base.ValidationError(f"two taxonomies share the folder {sorted(dupes)}; give each its own")
        return merged

    def post_validation(self, config: base.Config, key_name: str) -> None:
        for posts in config.get("posts_dir") or ():
            for key, folder in (config.get(key_name) or {}).items():
                if folder == posts or folder.startswith(posts + "/") or posts.startswith(folder + "/"):
                    # Its pages would replace the posts' (or theirs), without a word from MkDocs.
                    raise base.ValidationError(
                        f"taxonomy '{key}' has the folder '{folder}', which is (or holds, or is inside) "
                        f"posts_dir '{posts}'; give one of them another folder"
                    )


class PostsDir(c.BaseConfigOption[list[str]]):
    """One folder inside docs_dir, or a list of them (Hugo's ``mainSections``: ``[posts,
    episodes]``), however written: ``./posts``, ``posts/``, ``posts/.`` are ``posts``. Always a
    list once validated; the first folder's index is the posts index the home page links to."""

    def __init__(self) -> None:
        super().__init__()
        self.default = ["posts"]

    def run_validation(self, value: object) -> list[str]:
        values = value if isinstance(value, list) else [value]
        if not values:
            raise base.ValidationError("posts_dir must name at least one folder inside docs_dir, such as 'posts'")
        names: list[str] = []
        for item in values:
            name = _folder(item)
            if not isinstance(item, str):
                raise base.ValidationError(
                    f"posts_dir must name folders inside docs_dir, such as 'posts', got {item!r}"
                    + (f" (write a folder named so in quotes: '{item}')" if isinstance(item, int | float) else "")
                )
            if not name:
                where = "outside docs_dir" if ".." in item else "docs_dir itself: posts right in docs_dir are not supported, they would be every page of the site"
                raise base.ValidationError(
                    f"posts_dir must name a folder inside docs_dir, such as 'posts', got {item!r} ({where})"
                )
            for other in names:
                low, other_low = name.lower(), other.lower()
                if low == other_low or low.startswith(other_low + "/") or other_low.startswith(low + "/"):
                    why = (
                        "list it once"
                        if name == other
                        else "they differ only in case, one folder on macOS and Windows"
                        if low == other_low
                        else "a folder of posts cannot hold another"
                    )
                    raise base.ValidationError(f"posts_dir lists '{other}' and '{name}'; {why}")
            names.append(name)
        return names


def _folder(value: object) -> str:
    """A folder name inside docs_dir, normalised (``./tags/`` is ``tags``); "" for anything else
    (the docs folder itself, a way out of it, not text)."""
    if not isinstance(value, str):
        return ""
    name = posixpath.normpath(value.strip().replace("\\", "/")).strip("/")
    if name in ("", ".") or name == ".." or name.startswith("../") or "/../" in f"/{name}/":
        return ""
    return name


class HugoPermalinks(c.BaseConfigOption[object]):
    """Hugo's ``permalinks`` setting, copied from hugo.toml: checked here as Hugo checks it (an
    unknown token is an error there too), kept as written for ``Permalinks``."""

    def __init__(self) -> None:
        super().__init__()
        self.default = {}

    def run_validation(self, value: object) -> object:
        if value is None:
            return {}
        try:
            Permalinks(value)
        except (PermalinkError, ValueError) as err:
            raise base.ValidationError(
                f"{err}. Copy the permalinks block of your Hugo config as it is "
                "(posts: /:year/:month/:slug/, or page: {posts: ...}, term: {tags: ...})."
            ) from None
        return value


class HugoUglyURLs(c.BaseConfigOption[object]):
    """Hugo's ``uglyURLs``: true, false, or a mapping of section to true or false, as in hugo.toml."""

    def __init__(self) -> None:
        super().__init__()
        self.default = False

    def run_validation(self, value: object) -> object:
        try:
            UglyURLs(value)
        except PermalinkError as err:
            raise base.ValidationError(
                f"{err}. Copy uglyURLs from your Hugo config as it is (true, or posts: true)."
            ) from None
        return value if value is not None else False


class Weights(c.Type):
    """``{front_matter_key: number}``, each at least 0."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, float]:
        value = super().run_validation(value)
        for key, weight in value.items():
            if isinstance(weight, bool) or not isinstance(weight, int | float) or weight < 0:
                raise base.ValidationError(
                    f"the weight of '{key}' must be a number of 0 or more, got {weight!r}"
                )
        return {str(k): float(v) for k, v in value.items()}

    def post_validation(self, config: base.Config, key_name: str) -> None:
        # A key no post's terms are read from weighs nothing: a misspelt one would be ignored.
        taxonomies = {"series": "series", **(config.get("taxonomies") or {})}
        by_name = {**{folder: key for key, folder in taxonomies.items()}, **{key: key for key in taxonomies}}
        for key in config.get(key_name) or {}:
            if key not in taxonomies:
                near = difflib.get_close_matches(key, by_name, n=1, cutoff=0.6)
                hint = f"did you mean '{by_name[near[0]]}'? " if near else ""
                self.warnings.append(
                    f"'{key}' is not one of the taxonomies, so its weight is not used; {hint}"
                    f"(The taxonomies: {', '.join(taxonomies)}.)"
                )


class Count(c.Type):
    """A whole number of at least ``minimum``: a negative page size or feed length has no meaning,
    and used as a slice it would quietly drop posts."""

    def __init__(self, default: int, minimum: int = 0) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool):  # `True` is an int to Python, not a count to a writer
            raise base.ValidationError(f"expected a whole number, got {value!r}")
        value = super().run_validation(value)
        if value < self.minimum:
            raise base.ValidationError(f"must be {self.minimum} or more, got {value}")
        return value


#: The labels that are filled in, and the placeholders each one offers (``part_of``: n, total).
PLACEHOLDERS: dict[str, frozenset[str]] = {
    key: names
    for key, text in EN.items()
    if (names := frozenset(field for _, field, _, _ in string.Formatter().parse(text) if field))
}
#: A value of the right kind for each placeholder, so a format spec such as ``{n:02d}`` is tried.
_SAMPLE = {"n": 2, "total": 4, "minutes": 7, "date": "2027-01-05"}


class Labels(c.Type):
    """``{label: text}`` over the language's labels. A label with placeholders (``part_of``:
    ``{n}``, ``{total}``) is tried here with sample values, so a misspelt placeholder is a clear
    configuration error, not a failed page in the middle of the build."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict[str, str]:
        value = super().run_validation(value)
        out: dict[str, str] = {}
        for key, text in value.items():
            key = str(key)
            if isinstance(text, bool) or not isinstance(text, str | int | float):
                raise base.ValidationError(f"label '{key}' needs text, got {text!r}")
            text = str(text)
            names = PLACEHOLDERS.get(key)
            if names is not None:
                self._check(key, text, names)
            elif key not in EN and (near := difflib.get_close_matches(key, EN, n=1, cutoff=0.8)):
                self.warnings.append(
                    f"'{key}' is not one of the plugin's labels; did you mean '{near[0]}'? "
                    "(A label of your own is still there for your templates as labels['...'].)"
                )
            out[key] = text
        return out

    @staticmethod
    def _check(key: str, text: str, names: frozenset[str]) -> None:
        offered = ", ".join(f"{{{n}}}" for n in sorted(names))
        try:
            # A placeholder is one of the label's names as it is: `{date.year}` or `{n[0]}` would
            # reach into the value, which is not what it looks like (the date is text).
            fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
            if unknown := next((f for f in fields if f not in names), None):
                raise KeyError(unknown)
            text.format(**{n: _SAMPLE.get(n, "x") for n in names})
        except (KeyError, IndexError) as err:
            raise base.ValidationError(
                f"label '{key}' ({text!r}) uses a placeholder it does not have ({err}); it has {offered}"
            ) from None
        except (ValueError, TypeError, AttributeError) as err:
            raise base.ValidationError(
                f"label '{key}' ({text!r}) cannot be filled in ({err}); it has {offered}, "
                "and a literal brace is written {{ or }}"
            ) from None


class PluginConfig(base.Config):
    posts_dir = PostsDir()
    """Folder under docs_dir whose Markdown files are posts (sub-folders included), or a list of
    them (Hugo's ``mainSections``), each with its own index and feed."""

    taxonomies = Taxonomies()
    """Front-matter key -> URL folder of its term pages, merged over the defaults
    (tags, categories, related_people -> people, related_companies -> companies, series)."""

    data_dir = c.Type(str, default="data")
    """Folder (relative to mkdocs.yml) with optional ``<folder>.yml`` term data, e.g.
    ``data/people.yml``: ``slug: {name, description, photo, links}``."""

    page_size = Count(default=50)
    """Posts per listing page before it paginates (``0``: never paginate). Listing lines are short,
    and every extra page costs a full theme render: 50 keeps most term pages to one page."""

    posts_index = c.Type(bool, default=True)
    """Generate a chronological index at ``<posts_dir>/``, one per folder (kept as-is if you wrote one)."""

    section_lists = c.Type(bool, default=True)
    """List an other section's pages and sub-sections under the text of its Hugo ``_index.md``
    page (``guides/_index.md``, a folder of no posts), as the section template of Hugo's own new
    theme does. Off: no list (the nav lists the pages)."""

    posts_in_nav = c.Type(bool, default=False)
    """List every post in the (automatic) navigation, newest first. Off by default: a nav of N
    posts makes each page's render O(N)."""

    indexes_in_nav = c.Type(bool, default=True)
    """Put the posts index and the taxonomy index pages in the navigation when mkdocs.yml has
    no explicit ``nav``."""

    series_position = c.Choice(("top", "bottom", "both", "none"), default="top")
    """Where the series box goes on a post."""

    post_meta = c.Choice(("top", "bottom", "both", "none"), default="both")
    """Date and source above the post, term links below it (``both``), or only one of them."""

    language = c.Type(str, default="")
    """Language of the labels (``en``, ``zh-TW``, ``zh-CN``, ``ja``); default: ``theme.language``."""

    labels = Labels()
    """Override any label, e.g. ``part_of: "Episode {n} of {total}"``."""

    shortcodes = c.Type(bool, default=True)
    """Expand Hugo embed shortcodes on every page."""

    embed_mode = c.Choice(("facade", "iframe"), default="facade")
    """``facade``: nothing loads from third parties until the reader clicks; ``iframe``: plain
    lazy iframes."""

    shortcodes_dir = c.Type(str, default="layouts/shortcodes")
    """Folder (relative to mkdocs.yml) of user shortcode templates ``NAME.html``, as in Hugo."""

    redirects = c.Type(bool, default=True)
    """Write redirect pages for ``aliases``, Hugo's post URLs and other spellings of a term."""

    hugo_pager_size = Count(default=10)
    """Hugo's ``pagination.pagerSize`` (``paginate`` before Hugo 0.128; Hugo's default is 10).
    With ``redirects`` on, the pages Hugo paginated its lists into keep answering: ``page/N/``
    of the home page, the posts section, each taxonomy and each term (and ``page/1/``, which Hugo
    writes for every list) redirect to the page here that lists the same posts. ``0``: none."""

    hugo_permalinks = HugoPermalinks()
    """Hugo's ``permalinks`` setting, as your Hugo config had it (``posts: /:year/:month/:slug/``,
    or by kind: ``page``, ``home``, ``section``, ``taxonomy``, ``term``, or Hugo's list of
    ``{pattern, target}``). With ``redirects`` on, every URL Hugo published a post, a section, a
    taxonomy, a term or the home page at by those patterns keeps answering (with its ``page/N/``
    pages and feeds): it redirects to the page here."""

    hugo_ugly_urls = HugoUglyURLs()
    """Hugo's ``uglyURLs`` setting, as your Hugo config had it: ``true``, or by section
    (``posts: true``; a taxonomy, ``tags: true``, for its terms). With ``redirects`` on, the
    files Hugo published pages and terms as (``/posts/my-post.html``, ``/tags/gpu.html`` and its
    ``page/N.html``), and their aliases (``/old/path.html``), redirect to the pages here."""

    hugo_heading_ids = c.Type(bool, default=True)
    """Headings get the ids Hugo gave them (``## 一段看法`` is ``#一段看法``, not MkDocs' ``#_1``),
    so links to a section of a post keep working after the move. Off, or when mkdocs.yml gives
    ``toc`` a ``slugify`` of its own: MkDocs' ids."""

    hugo_lists = c.Type(bool, default=True)
    """Lists in posts read as Hugo read them: one that starts on the line right after a
    paragraph is a list (Python-Markdown wants a blank line before it), and an item indented as
    far as the text of the one above (two spaces) is nested in it (Python-Markdown wants four).
    The post is rewritten as Python-Markdown needs before it is converted; its file is not."""

    drafts_in_serve = c.Type(bool, default=True)
    """Build drafts (marked) under ``mkdocs serve``; they are always left out of ``mkdocs build``."""

    build_future = c.Type(bool, default=False)
    """Publish posts whose publish date (``publishDate``, else ``date``) is still to come. Off, as
    in Hugo (``buildFuture``): a post scheduled for Monday is left out of every ``mkdocs build``
    before Monday, and under ``mkdocs serve`` is shown as a draft (with ``drafts_in_serve``)."""

    build_expired = c.Type(bool, default=False)
    """Publish posts whose ``expiryDate`` has passed. Off, as in Hugo (``buildExpired``): such a
    post is left out of ``mkdocs build`` and shown as a draft under ``mkdocs serve``."""

    feeds = c.Type(bool, default=True)
    """RSS 2.0 feeds at Hugo's URLs: ``index.xml`` for the site, ``posts/index.xml``,
    ``<folder>/index.xml`` per taxonomy (its terms) and ``<folder>/<slug>/index.xml`` per term
    (also at the old Hugo path of a page that moved), announced on pages with
    ``<link rel="alternate">``. They need ``site_url`` (RSS links are absolute)."""

    feed_length = Count(default=20)
    """Newest posts per feed (``0``: all)."""

    page_metadata = c.Type(bool, default=True)
    """On posts: ``<meta name="description">``, Open Graph and Twitter card tags, and JSON-LD
    (``BlogPosting`` with its people, companies and episode). Tags the theme already writes
    (Material's social cards) are not repeated."""

    related_posts = Count(default=5)
    """Related posts listed at the end of each post (``0``: none), by shared terms."""

    related_weights = Weights()
    """Weight of one shared term per front-matter key, merged over the defaults
    (series 4, related_people 3, related_companies 2, tags 1, categories 0.5; others 1; 0 ignores a
    taxonomy)."""

    reading_time = c.Type(bool, default=True)
    """Show the reading time on posts and in listings."""

    reading_speed_cjk = Count(default=300, minimum=1)
    """Chinese, Japanese and Korean characters read per minute."""

    reading_speed_words = Count(default=230, minimum=1)
    """Words read per minute in Latin (and other space-separated) scripts."""
