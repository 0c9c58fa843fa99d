"""The README's "Markdown as Hugo renders it" block builds, with the plugin's shortcodes, and
does what its comments say (read from the README itself, so the two cannot drift apart)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

README = Path(__file__).resolve().parent.parent / "README.md"

POST = """\
---
title: 渲染
date: 2026-01-02
---
## 重點整理 {#summary}

原文見 https://example.com/episode/1 ，還有 ~~舊的說法~~。

- [x] 聽完
- [ ] 整理

他說 "這很重要"[^1]，價格約 5~10 元。

模型
:   一種說法。

3. 第三
4. 第四

{{< youtube I0DrcsDf3Os >}}

1. 安裝：

   ```sh
   # 先更新
   pip install x
   ```

2. 執行

```python {linenos=table,hl_lines=[2]}
a = "<b>"
b = 2
```

[^1]: 出自第 58 集。
"""


def readme_extensions() -> list:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Markdown as Hugo renders it") :]
    block = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    return yaml.safe_load(block)["markdown_extensions"]


@pytest.fixture
def page(make_site):
    def _build(extensions):
        site = make_site({"posts/p.md": POST}, config={"markdown_extensions": extensions}, strict=True)
        return site.html("posts/p/")

    return _build


def test_the_readme_block_renders_posts_as_hugo_does(page):
    html = page(readme_extensions())
    assert '<h2 id="summary">重點整理' in html  # attr_list: the braces are read, not shown
    assert '<a href="https://example.com/episode/1">' in html  # magiclink
    assert "<del>舊的說法</del>" in html  # tilde
    assert "5~10" in html  # a single tilde stays one
    assert 'type="checkbox"' in html  # tasklist
    assert 'class="footnote-ref"' in html and "出自第 58 集。" in html and "&#8617;&#xFE0E;" in html
    assert "<dt>模型</dt>" in html  # def_list
    assert '<ol start="3">' in html  # sane_lists
    assert "&ldquo;這很重要&rdquo;" in html  # smarty
    assert "pd-embed" in html and "I0DrcsDf3Os" in html  # the plugin's shortcodes still work
    # superfences: a fence in a list item is code in the item (its `# 先更新` no heading)
    assert re.search(r"<li>\s*<p>安裝：</p>\s*<div class=\"highlight\"><pre>", html) and "先更新</h1>" not in html
    assert 'class="linenos"' in html and 'class="hll"' in html and "&lt;b&gt;" in html  # Hugo's {linenos=...}


def test_without_it_markdown_does_less(page):
    html = page([])
    assert '<a href="https://example.com/episode/1">' not in html and "~~舊的說法~~" in html
    assert "{#summary}" in html
    assert "先更新</h1>" in html  # the fence in the list item is text, its comment a heading
