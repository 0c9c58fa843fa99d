"""The extension inside real MkDocs builds (default theme and Material), without the plugin."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from mkdocs_podcast_digest.shortcodes import ShortcodeExtension

ASSETS = Path(__file__).parents[1] / "mkdocs_podcast_digest" / "templates" / "assets" / "podcast-digest"

POST = """\
---
title: A conversation about build systems
---

> Notes from episode 12 of an imaginary show.

{{< youtube I0DrcsDf3Os >}}

{{< spotify "episode/3WJoXs2hq06lV93sLSG461" >}}

{{< apple-podcast "us/podcast/imaginary-show/id1434243584?i=1000747523558" >}}

Write `{{< youtube I0DrcsDf3Os >}}` to embed a video.

```markdown
{{< vimeo 76979871 >}}
```
"""


def make_site(tmp_path: Path, theme: str, post: str = POST) -> Path:
    docs = tmp_path / "docs"
    (docs / "assets").mkdir(parents=True)
    (docs / "index.md").write_text(post, encoding="utf-8")
    for asset in ("embeds.css", "embeds.js"):  # standalone users ship the assets themselves
        shutil.copy(ASSETS / asset, docs / "assets" / asset)
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: Test\ntheme:\n  name: {theme}\n"
        "markdown_extensions:\n  - mkdocs_podcast_digest.shortcodes\n  - pymdownx.superfences\n"
        "extra_css: [assets/embeds.css]\nextra_javascript: [assets/embeds.js]\n",
        encoding="utf-8",
    )
    return tmp_path / "mkdocs.yml"


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_site_build_renders_facades(tmp_path, theme):
    config = load_config(str(make_site(tmp_path, theme)), site_dir=str(tmp_path / "site"))
    build(config)
    html = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    for provider in ("youtube", "spotify", "apple-podcast"):
        assert f'<div class="pd-embed pd-embed--{provider}' in html
    assert "youtube-nocookie.com/embed/I0DrcsDf3Os" in html
    assert "<iframe" not in html
    assert "{{&lt; youtube I0DrcsDf3Os &gt;}}</code>" in html  # the code span is untouched
    assert "{{&lt; vimeo 76979871 &gt;}}" in html and "pd-embed--vimeo" not in html
    assert 'href="assets/embeds.css"' in html and 'src="assets/embeds.js"' in html


@pytest.mark.parametrize(
    "bad", ["", '{{< youtube "x\\" onmouseover=\\"alert(1)" >}}', "{{< nope >}}", "{{< youtube"]
)
def test_strict_build_fails_on_each_bad_shortcode_when_warnings_reach_mkdocs(tmp_path, caplog, bad):
    """The plugin passes an on_warning that logs through MkDocs; --strict then fails the build."""
    config = load_config(str(make_site(tmp_path, "mkdocs", POST + "\n" + bad + "\n")),
                         site_dir=str(tmp_path / "site"), strict=True)  # fmt: skip
    logger = logging.getLogger("mkdocs.plugins.test_shortcodes")
    config.markdown_extensions[:] = [
        ShortcodeExtension(on_warning=lambda message, line: logger.warning(f"index.md:{line}: {message}")),
        "pymdownx.superfences",
    ]
    if not bad:
        build(config)
        return
    with pytest.raises(Abort):
        build(config)
    # Line 15 of the Markdown MkDocs converts (MkDocs strips the front matter first).
    assert [r.getMessage().split(": ")[0] for r in caplog.records if r.name.endswith("test_shortcodes")] == [
        "index.md:15"
    ]
